"""Records written by `export_archive` carry what was extracted (and corrected) already: take
it as given, so that exporting one archive and importing it into an empty one reproduces it."""

from __future__ import annotations

from django.db.models import Q

from archive.extraction import (
    CountryMention,
    Extraction,
    OrganisationMention,
    PersonMention,
    StatementMention,
)
from archive.extraction.document import parse_document
from archive.importing.records import RawDocument


def extraction_from_export(raw: RawDocument) -> Extraction:
    given = raw.given or {}
    document = parse_document(
        raw.text, title=raw.title or None, date=raw.date, dateline=raw.dateline or None, source=raw.source or None
    )
    credits = _mapping(given.get("credits"))
    document.credits.reporting = list(credits.get("reporting") or [])
    document.credits.editing = list(credits.get("editing") or [])
    if raw.dateline:
        document.dateline = raw.dateline
    # The stored text, as it was: parsing it again may take a first paragraph for a heading, and
    # the statements' positions count the stored paragraphs.
    stored = [paragraph for paragraph in raw.text.split("\n\n") if paragraph.strip()]
    document.paragraphs = stored or document.paragraphs
    if raw.title:
        document.title = raw.title
    return Extraction(
        document=document,
        countries=[
            CountryMention(str(c.get("code", "")), int(c.get("mentions") or 1), bool(c.get("in_dateline")))
            for c in _items(given, "countries")
        ],
        people=[
            PersonMention(
                name=str(p["name"]),
                forms=list(p.get("alternative_names") or []),
                role=str(p.get("role") or ""),
                country=p.get("country"),
                organisation=p.get("organisation"),
                mentions=int(p.get("mentions") or 1),
            )
            for p in _items(given, "people")
            if p.get("name")
        ],
        organisations=[
            OrganisationMention(
                name=str(o["name"]),
                abbreviation=str(o.get("abbreviation") or ""),
                kind=str(o.get("kind") or "other"),
                country=o.get("country"),
                mentions=int(o.get("mentions") or 1),
            )
            for o in _items(given, "organisations")
            if o.get("name")
        ],
        statements=[_statement(s, document.paragraphs) for s in _items(given, "statements") if s.get("text")],
    )


def _items(given: dict, key: str) -> list[dict]:
    value = given.get(key) or []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _speaker(item: dict) -> dict:
    """A statement's speaker as an export writes it (an object); a bare name, as a file written by
    hand may give it, is the speaker's label."""
    speaker = item.get("speaker")
    return {"label": speaker} if isinstance(speaker, str) else _mapping(speaker)


def _statement(item: dict, paragraphs: list[str]) -> StatementMention:
    speaker = _speaker(item)
    text = str(item["text"])
    paragraph = int(item.get("paragraph") or 0)
    start = int(item["start"]) if "start" in item else _find(text, paragraphs, paragraph)
    return StatementMention(
        kind="direct" if item.get("kind") == "direct" else "indirect",
        text=text,
        paragraph=paragraph,
        start=start,
        end=int(item["end"]) if "end" in item else start + len(text),
        verb=str(item.get("verb") or ""),
        speaker_person=speaker.get("person"),
        speaker_organisation=speaker.get("organisation"),
        speaker_label=str(speaker.get("label") or ""),
        about=[str(code) for code in item.get("about") or [] if isinstance(code, str)],
        speaker_role=str(item.get("speaker_role") or ""),
        speaker_country=item.get("speaker_country") if isinstance(item.get("speaker_country"), str) else None,
    )


def _find(text: str, paragraphs: list[str], index: int) -> int:
    if 0 <= index < len(paragraphs):
        return max(paragraphs[index].find(text), 0)
    return 0


def restore_entities(given: dict, resolver) -> None:
    """Before an exported article's links are written: the people and organisations it names, as
    the export had them, found by their key (or made), and handed to the resolver under the names
    the links use, so that the links go to those very records. (Two records whose names fold
    alike in one batch of 200 cannot both be handed over: the last one wins.)"""
    from archive.models import Organisation, name_key

    for item in _items(given, "organisations"):
        if entity := _restore(item.get("entity"), resolver):
            key = Organisation.make_key(str(item.get("name")), resolver.country(item.get("country")))[:220]
            resolver.organisations[key] = entity.pk
    for item in _items(given, "people"):
        if entity := _restore(item.get("entity"), resolver):
            resolver.people[name_key(str(item.get("name")))[:200]] = entity.pk
    for item in _items(given, "statements"):
        _restore(_speaker(item).get("entity"), resolver)
    for item in _items(given, "removed"):
        _restore(item.get("person"), resolver)
        _restore(item.get("organisation"), resolver)


def _restore(state, resolver):
    """The person (a state with a role) or organisation of the exported state: made if missing,
    else brought to that state unless an editor corrected ours and the export's is uncorrected.
    Once per run (every article repeats the state). None for no state, or one without key and
    name (an export edited by hand)."""
    from django.db import IntegrityError, transaction

    from archive.models import MergedKey, Organisation, Person

    if not isinstance(state, dict) or not state.get("key") or not state.get("name"):
        return None

    model = Person if "role" in state else Organisation
    key = str(state["key"])[: 200 if model is Person else 220]
    if (model, key) in resolver.restored:
        return resolver.restored[model, key]
    values = {
        "name": str(state.get("name") or "")[:200],
        "country_id": resolver.country(state.get("country")),
        "alternative_names": "\n".join(str(name) for name in state.get("alternative_names") or []),
        "corrected": bool(state.get("corrected")),
    }
    if model is Person:
        organisation = state.get("organisation")
        values["role"] = str(state.get("role") or "")[:200]
        values["organisation_id"] = getattr(_restore(organisation, resolver), "pk", None)
    else:
        values["abbreviation"] = str(state.get("abbreviation") or "")[:40]
        values["kind"] = state.get("kind") if state.get("kind") in Organisation.Kind.values else "other"
    entity = model.objects.filter(key=key).first()
    if entity is None:
        try:
            with transaction.atomic():
                entity = model.objects.create(key=key, **values)
        except IntegrityError:
            entity = model.objects.get(key=key)
    elif values["corrected"] or not entity.corrected:
        model.objects.filter(pk=entity.pk).update(**values)
    if model is Person:
        _restore_roles(entity, state.get("roles"))
    field = "person" if model is Person else "organisation"
    MergedKey.objects.bulk_create(
        [MergedKey(key=str(merged)[:220], **{field: entity}) for merged in state.get("merged_keys") or []],
        ignore_conflicts=True,
    )
    resolver.restored[model, key] = entity
    return entity


def apply_given(article, given: dict) -> None:
    """Tags and editors' marks that the export carried: corrected fields and rows, speakers
    an editor chose outside the article's own links, removed links."""
    from archive.models import (
        Article,
        ArticleCountry,
        ArticleOrganisation,
        ArticlePerson,
        Statement,
        Tag,
        Tagging,
        name_key,
    )

    details = given.get("tag_details") if isinstance(given.get("tag_details"), dict) else {}
    for name in given.get("tags") or []:
        name = str(name).strip()[:100]
        if name:
            tag = Tag.objects.filter(name__iexact=name).first() or _new_tag(name, details.get(name) or {})
            Tagging.objects.get_or_create(article=article, tag=tag)
    restored = {name: given[name] for name in ("corrected_fields", "search_names") if name in given}
    if restored:
        Article.objects.filter(pk=article.pk).update(**restored)
        for name, value in restored.items():
            setattr(article, name, value)
    _restore_speakers(article, given)
    _restore_removals(article, given)
    if not any(
        item.get("corrected")
        for key in ("countries", "people", "organisations", "statements")
        for item in _items(given, key)
    ):
        return
    corrected_codes = [c.get("code") for c in _items(given, "countries") if c.get("corrected")]
    ArticleCountry.objects.filter(article=article, country_id__in=corrected_codes).update(corrected=True)
    people = {_entity_key(p) or name_key(str(p["name"])) for p in _items(given, "people") if p.get("corrected")}
    ArticlePerson.objects.filter(article=article, person__key__in=people).update(corrected=True)
    corrected_orgs = [o for o in _items(given, "organisations") if o.get("corrected")]
    ArticleOrganisation.objects.filter(article=article).filter(
        Q(organisation__key__in=[_entity_key(o) for o in corrected_orgs])
        | Q(organisation__name__in=[str(o["name"]) for o in corrected_orgs if not _entity_key(o)])
    ).update(corrected=True)
    for item in _items(given, "statements"):
        if item.get("corrected"):
            Statement.objects.filter(
                article=article, paragraph=int(item.get("paragraph") or 0), text=str(item.get("text"))
            ).update(corrected=True)


def _entity_key(item: dict) -> str:
    entity = item.get("entity")
    return str(entity.get("key") or "") if isinstance(entity, dict) else ""


def _new_tag(name: str, detail: dict):
    from archive.models import Tag

    slug = str(detail.get("slug") or "")[:100]
    if slug and Tag.objects.filter(slug=slug).exists():
        slug = ""  # taken here: Tag.save() makes one from the name
    return Tag.objects.create(name=name, slug=slug, description=str(detail.get("description") or ""))


def _restore_speakers(article, given: dict) -> None:
    """Speakers as exported: one an editor chose may not be among the article's links (which is
    all the writer looks at), and an editor's choice keeps the words that named the speaker."""
    from archive.models import Organisation, Person, Statement

    for item in _items(given, "statements"):
        speaker = _speaker(item)
        state = speaker.get("entity")
        if not isinstance(state, dict) or not ("person" in speaker or "organisation" in speaker):
            continue
        model, field = (Person, "speaker_person") if "person" in speaker else (Organisation, "speaker_organisation")
        entity = model.objects.filter(key=str(state.get("key"))).first()
        if entity is not None:
            statements = Statement.objects.filter(
                article=article, paragraph=int(item.get("paragraph") or 0), start=int(item.get("start") or 0)
            )
            if not item.get("corrected"):
                statements = statements.filter(corrected=False)  # our editor's choice stands
            other = "speaker_organisation" if field == "speaker_person" else "speaker_person"
            statements.update(**{field: entity, other: None, "speaker_label": str(speaker.get("label") or "")[:200]})


def _restore_removals(article, given: dict) -> None:
    from archive.models import Organisation, Person, RemovedLink

    for item in _items(given, "removed"):
        if item.get("country"):
            target = {"country_id": str(item["country"])}
        elif isinstance(item.get("person"), dict):
            target = {"person": Person.objects.filter(key=str(item["person"].get("key"))).first()}
        elif isinstance(item.get("organisation"), dict):
            target = {"organisation": Organisation.objects.filter(key=str(item["organisation"].get("key"))).first()}
        elif item.get("paragraph") is not None and item.get("start") is not None:
            target = {"paragraph": int(item["paragraph"]), "start": int(item["start"])}
        else:
            continue
        if None not in target.values():
            RemovedLink.objects.get_or_create(
                article=article, **target, defaults={"label": str(item.get("label") or "")[:300]}
            )


def _restore_roles(person, roles) -> None:
    """The roles an editor set on a person (the others come again from the articles' links)."""
    import datetime as dt

    from archive.models import PersonRole

    def day(value):
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    for item in roles if isinstance(roles, list) else []:
        if isinstance(item, dict) and str(item.get("role") or "").strip():
            PersonRole.objects.update_or_create(
                person=person,
                role=str(item["role"]).strip()[:200],
                defaults={"first_seen": day(item.get("first_seen")), "last_seen": day(item.get("last_seen")),
                          "corrected": True},
            )  # fmt: skip
