"""The archive as JSON Lines, one article a line: what `export_archive` writes and
`import_documents` reads back (the extracted keys are then taken as given)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.db.models import Prefetch

from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Organisation,
    Person,
    RemovedLink,
    Statement,
    StatementCountry,
    Tagging,
)

CHUNK = 500


def articles_for_export():
    return (
        Article.objects.order_by("pk")
        .select_related("source")
        .prefetch_related(
            Prefetch("articlecountry_set", ArticleCountry.objects.order_by("country_id")),
            Prefetch(
                "articleperson_set",
                ArticlePerson.objects.select_related("person__country", "person__organisation")
                .prefetch_related(*PERSON_KEYS)
                .order_by("pk"),
            ),
            Prefetch(
                "articleorganisation_set",
                ArticleOrganisation.objects.select_related("organisation")
                .prefetch_related("organisation__merged_keys")
                .order_by("pk"),
            ),
            Prefetch(
                "statements",
                Statement.objects.select_related("speaker_person__organisation", "speaker_organisation")
                .prefetch_related(
                    *prefixed("speaker_person__", PERSON_KEYS),
                    "speaker_organisation__merged_keys",
                    Prefetch("statementcountry_set", StatementCountry.objects.order_by("pk")),
                )
                .order_by("paragraph", "start"),
            ),
            Prefetch("tagging_set", Tagging.objects.select_related("tag").order_by("tag__name")),
            Prefetch(
                "removed_links",
                RemovedLink.objects.select_related("person__organisation", "organisation")
                .prefetch_related(*prefixed("person__", PERSON_KEYS), "organisation__merged_keys")
                .order_by("pk"),
            ),
        )
    )


# The merged keys and roles of a person and of their organisation, for entity_state().
PERSON_KEYS = ("person__merged_keys", "person__organisation__merged_keys", "person__roles")


def prefixed(prefix: str, lookups: tuple[str, ...]) -> list[str]:
    """Lookups from a row that reaches the person another way ("speaker_person__merged_keys")."""
    return [prefix + lookup.removeprefix("person__") for lookup in lookups]


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
                "role": link.role,
                "country": link.person.country_id,
                "mentions": link.mentions,
                "alternative_names": link.person.alternative_name_list,
                "organisation": link.person.organisation.name if link.person.organisation else None,
                "entity": entity_state(link.person),
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
                "entity": entity_state(link.organisation),
            }
            | ({"corrected": True} if link.corrected else {})
            for link in article.articleorganisation_set.all()
        ],
        "statements": [statement_record(statement) for statement in article.statements.all()],
        "tags": [tagging.tag.name for tagging in article.tagging_set.all()],
        "tag_details": {
            tagging.tag.name: {"slug": tagging.tag.slug, "description": tagging.tag.description}
            for tagging in article.tagging_set.all()
        },
        "removed": [removal_record(removal) for removal in article.removed_links.all()],
        "corrected_fields": list(article.corrected_fields or []),
        "search_names": article.search_names,
        "file": article.original_file,
    }


def entity_state(entity: Person | Organisation) -> dict:
    """A person or organisation as the archive holds it, editors' changes included, under the key
    that extraction finds it by (a renamed record keeps its first key), with the keys merged into it."""
    state = {
        "key": entity.key,
        "name": entity.name,
        "country": entity.country_id,
        "alternative_names": entity.alternative_name_list,
        "corrected": entity.corrected,
        "merged_keys": sorted(merged.key for merged in entity.merged_keys.all()),
    }
    if isinstance(entity, Person):
        organisation = entity.organisation
        # Only the roles an editor set: the others are made again from the articles' links.
        roles = [
            {"role": role.role, "first_seen": _iso(role.first_seen), "last_seen": _iso(role.last_seen)}
            for role in entity.roles.all()
            if role.corrected
        ]
        return state | {
            "role": entity.role,
            "organisation": entity_state(organisation) if organisation else None,
            **({"roles": roles} if roles else {}),
        }
    return state | {"abbreviation": entity.abbreviation, "kind": entity.kind}


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def removal_record(removal: RemovedLink) -> dict:
    """What an editor took out of an article, so that the restored archive keeps it out."""
    if removal.country_id:
        target = {"country": removal.country_id}
    elif removal.person_id:
        target = {"person": entity_state(removal.person)}
    elif removal.organisation_id:
        target = {"organisation": entity_state(removal.organisation)}
    else:
        target = {"paragraph": removal.paragraph, "start": removal.start}
    return target | {"label": removal.label}


def statement_record(statement: Statement) -> dict:
    if statement.speaker_person:
        speaker = {"person": statement.speaker_person.name, "entity": entity_state(statement.speaker_person)}
    elif statement.speaker_organisation:
        speaker = {
            "organisation": statement.speaker_organisation.name,
            "entity": entity_state(statement.speaker_organisation),
        }
    else:
        speaker = {}
    if statement.speaker_label or not speaker:
        speaker["label"] = statement.speaker_label
    record = {
        "speaker": speaker,
        "kind": statement.kind,
        "text": statement.text,
        "paragraph": statement.paragraph,
        "start": statement.start,
        "end": statement.end,
        "verb": statement.verb,
        "about": [link.country_id for link in statement.statementcountry_set.all()],
        "speaker_role": statement.speaker_role,
        "speaker_country": statement.speaker_country_id,
    }
    if statement.corrected:
        record["corrected"] = True
    return record


def export_lines(queryset=None) -> Iterator[str]:
    """One JSON line per article, streamed in chunks so memory stays flat on any archive size."""
    queryset = queryset if queryset is not None else articles_for_export()
    for article in queryset.iterator(chunk_size=CHUNK):
        yield json.dumps(article_record(article), ensure_ascii=False) + "\n"
