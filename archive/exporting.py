"""The archive as JSON Lines, one article a line: what `export_archive` writes and
`import_documents` reads back (the extracted keys are then taken as given)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.db.models import Prefetch

from .models import Article, ArticleCountry, ArticleOrganisation, ArticlePerson, Statement, Tagging

CHUNK = 500


def articles_for_export():
    return (
        Article.objects.order_by("pk")
        .select_related("source")
        .prefetch_related(
            Prefetch("articlecountry_set", ArticleCountry.objects.order_by("country_id")),
            Prefetch(
                "articleperson_set",
                ArticlePerson.objects.select_related("person__country", "person__organisation").order_by("pk"),
            ),
            Prefetch(
                "articleorganisation_set",
                ArticleOrganisation.objects.select_related("organisation").order_by("pk"),
            ),
            Prefetch(
                "statements",
                Statement.objects.select_related("speaker_person", "speaker_organisation").order_by(
                    "paragraph", "start"
                ),
            ),
            Prefetch("tagging_set", Tagging.objects.select_related("tag").order_by("tag__name")),
        )
    )


def article_record(article: Article) -> dict:
    return {
        "source": article.source.name if article.source else "",
        "source_id": article.source_ref,
        "title": article.title,
        "date": article.published_on.isoformat() if article.published_on else None,
        "dateline": article.dateline,
        "body": article.body,
        "url": article.url,
        "language": article.language,
        "credits": {
            "reporting": list((article.credits or {}).get("reporting", [])),
            "editing": list((article.credits or {}).get("editing", [])),
        },
        "countries": [
            {"code": link.country_id, "mentions": link.mentions, "in_dateline": link.in_dateline}
            | ({"corrected": True} if link.corrected else {})
            for link in article.articlecountry_set.all()
        ],
        "people": [
            {
                "name": link.person.name,
                "role": link.role or link.person.role,
                "country": link.person.country_id,
                "mentions": link.mentions,
                "alternative_names": link.person.alternative_name_list,
                "organisation": link.person.organisation.name if link.person.organisation else None,
            }
            | ({"corrected": True} if link.corrected else {})
            for link in article.articleperson_set.all()
        ],
        "organisations": [
            {
                "name": link.organisation.name,
                "abbreviation": link.organisation.abbreviation,
                "kind": link.organisation.kind,
                "country": link.organisation.country_id,
                "mentions": link.mentions,
            }
            | ({"corrected": True} if link.corrected else {})
            for link in article.articleorganisation_set.all()
        ],
        "statements": [statement_record(statement) for statement in article.statements.all()],
        "tags": [tagging.tag.name for tagging in article.tagging_set.all()],
        "file": article.original_file,
    }


def statement_record(statement: Statement) -> dict:
    if statement.speaker_person:
        speaker = {"person": statement.speaker_person.name}
    elif statement.speaker_organisation:
        speaker = {"organisation": statement.speaker_organisation.name}
    else:
        speaker = {"label": statement.speaker_label}
    record = {
        "speaker": speaker,
        "kind": statement.kind,
        "text": statement.text,
        "paragraph": statement.paragraph,
        "start": statement.start,
        "end": statement.end,
        "verb": statement.verb,
    }
    if statement.corrected:
        record["corrected"] = True
    return record


def export_lines(queryset=None) -> Iterator[str]:
    """One JSON line per article, streamed in chunks so memory stays flat on any archive size."""
    queryset = queryset if queryset is not None else articles_for_export()
    for article in queryset.iterator(chunk_size=CHUNK):
        yield json.dumps(article_record(article), ensure_ascii=False) + "\n"
