"""Records written by `export_archive` carry what was extracted (and corrected) already: take
it as given, so that exporting one archive and importing it into an empty one reproduces it."""

from __future__ import annotations

from archive.extraction import (
    CountryMention,
    Extraction,
    OrganisationMention,
    PersonMention,
    StatementMention,
)
from archive.extraction.document import parse_document

from .records import RawDocument


def extraction_from_export(raw: RawDocument) -> Extraction:
    given = raw.given or {}
    document = parse_document(
        raw.text, title=raw.title or None, date=raw.date, dateline=raw.dateline or None, source=raw.source or None
    )
    credits = given.get("credits") or {}
    document.credits.reporting = list(credits.get("reporting") or [])
    document.credits.editing = list(credits.get("editing") or [])
    if raw.dateline:
        document.dateline = raw.dateline
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


def _statement(item: dict, paragraphs: list[str]) -> StatementMention:
    speaker = item.get("speaker") or {}
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
    )


def _find(text: str, paragraphs: list[str], index: int) -> int:
    if 0 <= index < len(paragraphs):
        return max(paragraphs[index].find(text), 0)
    return 0


def apply_given(article, given: dict) -> None:
    """Tags and editors' marks that the export carried."""
    from archive.models import (
        ArticleCountry,
        ArticleOrganisation,
        ArticlePerson,
        Statement,
        Tag,
        Tagging,
        name_key,
    )

    for name in given.get("tags") or []:
        name = str(name).strip()[:100]
        if name:
            tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
            Tagging.objects.get_or_create(article=article, tag=tag)
    if not any(item.get("corrected") for key in ("countries", "people", "organisations", "statements")
               for item in _items(given, key)):
        return
    corrected_codes = [c.get("code") for c in _items(given, "countries") if c.get("corrected")]
    ArticleCountry.objects.filter(article=article, country_id__in=corrected_codes).update(corrected=True)
    corrected_people = {name_key(str(p["name"])) for p in _items(given, "people") if p.get("corrected")}
    ArticlePerson.objects.filter(article=article, person__key__in=corrected_people).update(corrected=True)
    corrected_orgs = [str(o["name"]) for o in _items(given, "organisations") if o.get("corrected")]
    ArticleOrganisation.objects.filter(article=article, organisation__name__in=corrected_orgs).update(
        corrected=True
    )
    for item in _items(given, "statements"):
        if item.get("corrected"):
            Statement.objects.filter(
                article=article, paragraph=int(item.get("paragraph") or 0), text=str(item.get("text"))
            ).update(corrected=True)
