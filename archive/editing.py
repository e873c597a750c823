"""What editors do to the archive, as plain functions: roles, tags, corrections, merges,
re-extraction. The admin calls these and stays thin; tests call them directly.

Every change an editor makes is marked as an editor's, so that re-import and re-extraction
(`ExtractionWriter.replace`) keep it: link rows and statements get `corrected=True`, the
article's own fields are listed in `Article.corrected_fields`, removed links and statements are
recorded as `RemovedLink` rows, and the keys of merged records as `MergedKey` rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils.text import slugify

from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    MergedKey,
    Organisation,
    Person,
    RemovedLink,
    Statement,
    Tag,
    Tagging,
    name_key,
)

# Roles ------------------------------------------------------------------------------------

_LINKS = ["articlecountry", "articleperson", "articleorganisation"]
_EDITED = ["tag", "tagging", "statement", "person", "organisation", *_LINKS]
_BROWSED = ["article", "source", "country", "tag", "tagging", "statement", "person", "organisation", *_LINKS]

#: Group name -> permissions ("app_label.codename"). Migration 0004 made the groups with a frozen
#: copy of this; `python manage.py setup_roles` brings existing groups in line with it.
ROLES: dict[str, list[str]] = {
    "Editors": sorted(
        {f"archive.{action}_{model}" for model in _EDITED for action in ("view", "add", "change", "delete")}
        | {"archive.view_article", "archive.change_article", "archive.view_country", "archive.view_source",
           "archive.view_removedlink"}
    ),
    "Librarians": sorted(
        {f"archive.view_{model}" for model in _BROWSED}
        | {"archive.import_files", "archive.view_importrun", "archive.view_importoutcome"}
    ),
}


def setup_roles(group_model, permission_model) -> dict[str, int]:
    """Create or update the groups of ROLES (idempotent). Works with real or historical models."""
    counts = {}
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        query = models.Q(pk__in=[])
        for codename in wanted:
            app_label, code = codename.split(".")
            query |= models.Q(content_type__app_label=app_label, codename=code)
        permissions = list(permission_model.objects.filter(query))
        missing = set(wanted) - {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        if missing:
            raise LookupError(f"permissions not found (run migrate first): {', '.join(sorted(missing))}")
        group.permissions.set(permissions)
        counts[name] = len(permissions)
    return counts


# Corrections ------------------------------------------------------------------------------

#: The article fields an import writes; an editor's change to one is kept by later imports.
IMPORTED_FIELDS = {
    "source", "source_ref", "title", "published_on", "date_flagged", "dateline", "body", "language", "url",
    "credits",
}


def mark_corrected_fields(article: Article, changed: list[str]) -> list[str]:
    """Add the imported fields among `changed` to article.corrected_fields (not saved)."""
    fields = list(article.corrected_fields or [])
    for name in changed:
        if name in IMPORTED_FIELDS and name not in fields:
            fields.append(name)
    article.corrected_fields = fields
    return fields


def _removal_target(obj) -> dict:
    """The RemovedLink fields naming what `obj` (a link row or statement) links."""
    if isinstance(obj, ArticleCountry):
        return {"country_id": obj.country_id}
    if isinstance(obj, ArticlePerson):
        return {"person_id": obj.person_id}
    if isinstance(obj, ArticleOrganisation):
        return {"organisation_id": obj.organisation_id}
    if isinstance(obj, Statement):
        return {"paragraph": obj.paragraph, "start": obj.start}
    raise TypeError(f"not a link or statement: {obj!r}")


def record_removal(obj, user=None) -> RemovedLink:
    """An editor removes a link or statement: extraction must not add it back."""
    target = _removal_target(obj)
    label = str(obj)[:300]
    removal, _ = RemovedLink.objects.get_or_create(
        article_id=obj.article_id, **target, defaults={"label": label, "removed_by": user}
    )
    return removal


def forget_removal(obj) -> None:
    """An editor links (again) what was removed: the removal no longer holds."""
    RemovedLink.objects.filter(article_id=obj.article_id, **_removal_target(obj)).delete()


def save_editor_row(obj, user=None, *, replaced=None) -> None:
    """Save a link row or statement an editor added or changed, marked as the editor's.

    `replaced` is the row as it was before the change (a copy with the old target): when the
    editor points a row at another entity or span, the old one counts as removed."""
    if replaced is not None and _removal_target(replaced) != _removal_target(obj):
        record_removal(replaced, user)
    obj.corrected = True
    obj.save()
    forget_removal(obj)


def delete_editor_row(obj, user=None) -> None:
    record_removal(obj, user)
    obj.delete()


def refresh_search_names(article_ids) -> None:
    from archive.importing.store import search_names

    for article in Article.objects.filter(pk__in=list(article_ids)).only("pk"):
        Article.objects.filter(pk=article.pk).update(search_names=search_names(article))


def set_speaker(statement: Statement, speaker) -> Statement:
    """Give a statement its speaker (a Person, an Organisation or None), as an editor's."""
    statement.speaker_person = speaker if isinstance(speaker, Person) else None
    statement.speaker_organisation = speaker if isinstance(speaker, Organisation) else None
    statement.corrected = True
    statement.save(update_fields=["speaker_person", "speaker_organisation", "corrected"])
    return statement


# Tags -------------------------------------------------------------------------------------


def tag_named(name: str) -> Tag:
    """The tag of that name (case-insensitive), created when there is none."""
    name = " ".join(name.split())[:100]
    if not name:
        raise ValueError("a tag needs a name")
    existing = Tag.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base, number = slugify(name)[:90] or "tag", 1
    slug = base
    while Tag.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    tag = Tag(name=name, slug=slug)
    tag.save()
    return tag


def add_tag(articles, tag: Tag, user=None) -> list[int]:
    """Tag the articles; returns the ids of those that did not have the tag yet."""
    ids = set(articles.values_list("pk", flat=True)) if hasattr(articles, "values_list") else {
        a.pk for a in articles
    }
    already = set(Tagging.objects.filter(tag=tag, article_id__in=ids).values_list("article_id", flat=True))
    new = sorted(ids - already)
    Tagging.objects.bulk_create(
        [Tagging(article_id=pk, tag=tag, tagged_by=user) for pk in new], ignore_conflicts=True
    )
    return new


def remove_tag(articles, tag: Tag) -> list[int]:
    """Untag the articles; returns the ids of those that had the tag."""
    ids = set(articles.values_list("pk", flat=True)) if hasattr(articles, "values_list") else {
        a.pk for a in articles
    }
    taggings = Tagging.objects.filter(tag=tag, article_id__in=ids)
    had = sorted(taggings.values_list("article_id", flat=True))
    taggings.delete()
    return had


# Merges -----------------------------------------------------------------------------------


@dataclass
class MergeSummary:
    kept: Person | Organisation
    merged: list[str] = field(default_factory=list)
    moved: Counter = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)

    def describe(self) -> str:
        parts = [f"{count} {what}" for what, count in self.moved.items() if count]
        return f"Merged {', '.join(self.merged)} into this record" + (f": moved {', '.join(parts)}." if parts else ".")


@dataclass
class _Kind:
    model: type
    link_model: type
    link_field: str  # on the link row and RemovedLink
    speaker_field: str  # on Statement


_PERSON = _Kind(Person, ArticlePerson, "person", "speaker_person")
_ORGANISATION = _Kind(Organisation, ArticleOrganisation, "organisation", "speaker_organisation")


def _kind(record) -> _Kind:
    return _PERSON if isinstance(record, Person) else _ORGANISATION


def merge_preview(records) -> list[dict]:
    """What each record would bring to a merge: counts of statements, mentions, alternative names."""
    rows = []
    for record in records:
        kind = _kind(record)
        links = kind.link_model.objects.filter(**{kind.link_field: record})
        rows.append(
            {
                "record": record,
                "statements": Statement.objects.filter(**{kind.speaker_field: record}).count(),
                "articles": links.count(),
                "mentions": links.aggregate(total=models.Sum("mentions"))["total"] or 0,
                "alternative_names": len(_names(record.alternative_names)),
                "removed_links": RemovedLink.objects.filter(**{kind.link_field: record}).count(),
                "members": Person.objects.filter(organisation=record).count()
                if isinstance(record, Organisation)
                else None,
            }
        )
    return rows


def _names(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@transaction.atomic
def merge(keep, others) -> MergeSummary:
    """Merge `others` into `keep` (all People or all Organisations): every statement, mention,
    removal and alternative name of the others moves to `keep`, then the others are deleted.
    Two mentions of one article are added together (an article links a person once)."""
    kind = _kind(keep)
    others = [o for o in others if o.pk != keep.pk]
    if any(not isinstance(o, kind.model) for o in others):
        raise TypeError("only records of one kind can be merged")
    summary = MergeSummary(kept=keep, merged=[str(o) for o in others])
    if not others:
        return summary
    ids = [o.pk for o in others]

    # Statements.
    statements = Statement.objects.filter(**{f"{kind.speaker_field}_id__in": ids})
    summary.articles |= set(statements.values_list("article_id", flat=True))
    summary.moved["statements"] = statements.update(**{kind.speaker_field: keep})

    # Mentions: one row per article; mentions of the same article are added together.
    rows_by_article = defaultdict(list)
    for row in kind.link_model.objects.filter(**{f"{kind.link_field}_id__in": [keep.pk, *ids]}).order_by("id"):
        rows_by_article[row.article_id].append(row)
    for article_id, rows in rows_by_article.items():
        target = next((r for r in rows if getattr(r, f"{kind.link_field}_id") == keep.pk), rows[0])
        rest = [r for r in rows if r is not target]
        moved = [r for r in rows if getattr(r, f"{kind.link_field}_id") != keep.pk]
        if not moved:
            continue
        summary.articles.add(article_id)
        summary.moved["mentions"] += len(moved)
        if rest:
            target.mentions = sum(r.mentions for r in rows)
            target.corrected = any(r.corrected for r in rows)
            if hasattr(target, "role") and not target.role:
                target.role = next((r.role for r in rest if r.role), "")
            kind.link_model.objects.filter(pk__in=[r.pk for r in rest]).delete()
        setattr(target, kind.link_field, keep)
        target.save()

    # Removals an editor recorded (one per article).
    removed_from = set(RemovedLink.objects.filter(**{kind.link_field: keep}).values_list("article_id", flat=True))
    for removal in RemovedLink.objects.filter(**{f"{kind.link_field}_id__in": ids}):
        if removal.article_id in removed_from:
            removal.delete()
        else:
            setattr(removal, kind.link_field, keep)
            removal.save(update_fields=[kind.link_field])
            removed_from.add(removal.article_id)
            summary.moved["removed links"] += 1

    # Members of an organisation.
    if kind is _ORGANISATION:
        summary.moved["members"] = Person.objects.filter(organisation_id__in=ids).update(organisation=keep)

    # Names, and the gaps the others can fill.
    known = {name_key(keep.name)}
    names = []
    for name in [*_names(keep.alternative_names), *(n for o in others for n in [o.name, *_names(o.alternative_names)])]:
        if name_key(name) not in known:
            known.add(name_key(name))
            names.append(name)
    summary.moved["alternative names"] = len(names) - len(_names(keep.alternative_names))
    keep.alternative_names = "\n".join(names)
    gaps = ["role", "country_id", "organisation_id"] if kind is _PERSON else ["abbreviation", "country_id"]
    for gap in gaps:
        if not getattr(keep, gap):
            setattr(keep, gap, next((getattr(o, gap) for o in others if getattr(o, gap)), getattr(keep, gap)))
    if kind is _ORGANISATION and keep.kind == Organisation.Kind.OTHER:
        keep.kind = next((o.kind for o in others if o.kind != Organisation.Kind.OTHER), keep.kind)
    keep.corrected = True
    keep.save()

    # The others' keys now find the kept record, so extraction does not make them again.
    MergedKey.objects.filter(**{f"{kind.link_field}_id__in": ids}).update(**{kind.link_field: keep})
    MergedKey.objects.bulk_create(
        [MergedKey(key=o.key, **{kind.link_field: keep}) for o in others if o.key != keep.key],
        ignore_conflicts=True,
    )
    kind.model.objects.filter(pk__in=ids).delete()
    refresh_search_names(summary.articles)
    return summary


# Re-extraction ----------------------------------------------------------------------------


def reextract(article: Article, writer=None):
    """Run extraction again on a stored article and rewrite its extracted rows, keeping every
    editor's correction and removal. Returns the extraction."""
    from archive.extraction import extract
    from archive.importing.store import ExtractionWriter

    writer = writer or ExtractionWriter()
    extraction = extract(
        article.body,
        title=article.title or None,
        date=article.published_on,
        dateline=article.dateline or None,
        source=article.source.name if article.source_id else None,
    )
    with transaction.atomic():
        writer.replace(article, extraction)
    return extraction
