"""Editors' corrections: every change an editor makes to an article's links and statements is
marked as the editor's, so that re-import and re-extraction (`ExtractionWriter.replace`) keep it.
Link rows and statements get `corrected=True`, the article's own fields are listed in
`Article.corrected_fields`, and removed links and statements are recorded as `RemovedLink` rows.
"""

from __future__ import annotations

from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Organisation,
    Person,
    RemovedLink,
    Statement,
)

#: The article fields an import writes; an editor's change to one is kept by later imports.
IMPORTED_FIELDS = {
    "source",
    "source_ref",
    "title",
    "published_on",
    "date_flagged",
    "dateline",
    "body",
    "language",
    "url",
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
    from archive.importing.writer import search_names

    for article in Article.objects.filter(pk__in=list(article_ids)).only("pk"):
        Article.objects.filter(pk=article.pk).update(search_names=search_names(article))


def set_speaker(statement: Statement, speaker) -> Statement:
    """Give a statement its speaker (a Person, an Organisation or None), as an editor's."""
    statement.speaker_person = speaker if isinstance(speaker, Person) else None
    statement.speaker_organisation = speaker if isinstance(speaker, Organisation) else None
    statement.corrected = True
    statement.save(update_fields=["speaker_person", "speaker_organisation", "corrected"])
    return statement


def save_editor_role(role) -> None:
    """An editor's version of a role and its dates (PersonRole): timelines recomputed from the
    articles leave it as it is."""
    role.corrected = True
    role.save()
