"""What the archive holds, by natural keys instead of row ids, so that two databases can be
compared: after an import killed half-way and run again vs. a clean import, or after
export_archive and an import into an empty archive.

    DJANGO_SETTINGS_MODULE=archive.settings python -m archive.devtools.snapshot   # JSON on stdout
"""

from __future__ import annotations

import json
from collections import defaultdict

from django.db.models import Q

LINKS = ("countries", "people", "organisations", "statements", "tags", "removed")


def snapshot() -> dict:
    from archive.models import Article

    rows = Article.objects.order_by("pk").values(
        "pk", "source__name", "source_ref", "fingerprint", "title", "published_on", "date_flagged", "dateline",
        "body", "language", "url", "credits", "corrected_fields", "search_names",
    )  # fmt: skip
    links = article_links()
    articles = {}
    for row in rows:
        pk = row.pop("pk")
        row["published_on"] = row["published_on"].isoformat() if row["published_on"] else None
        articles[article_key(row)] = row | {kind: sorted(links[kind][pk]) for kind in LINKS}
    from archive.search import facet_keys

    # The facet keys follow the links: a snapshot states whether they still do, not the keys
    # themselves (they name rows by id, which differ between two databases of the same archive).
    return {"articles": articles, **entities(), "facet_keys_out_of_step": len(facet_keys.out_of_step())}


def article_key(row: dict) -> str:
    return f"{row['source__name']}|{row['source_ref']}" if row["source_ref"] else row["fingerprint"]


def article_links() -> dict[str, dict[int, list]]:
    """Every article's countries, people, organisations, statements, tags and editors' removals,
    as lists of plain values by article id."""
    from archive.models import ArticleCountry, ArticleOrganisation, ArticlePerson, RemovedLink, Statement, Tagging

    queries = {
        "countries": ArticleCountry.objects.values_list("article", "country", "mentions", "in_dateline", "corrected"),
        "people": ArticlePerson.objects.values_list("article", "person__key", "role", "mentions", "corrected"),
        "organisations": ArticleOrganisation.objects.values_list("article", "organisation__key", "mentions",
                                                                 "corrected"),
        "statements": Statement.objects.values_list(
            "article", "speaker_person__key", "speaker_organisation__key", "speaker_label", "paragraph", "start",
            "end", "kind", "text", "verb", "corrected"),
        "tags": Tagging.objects.values_list("article", "tag__name"),
        "removed": RemovedLink.objects.values_list("article", "country", "person__key", "organisation__key",
                                                   "paragraph", "start", "label"),
    }  # fmt: skip
    found = {kind: defaultdict(list) for kind in LINKS}
    for kind, query in queries.items():
        for article, *values in query:
            found[kind][article].append([str(value) for value in values])
    return found


def entities() -> dict:
    """People, organisations and tags that articles use, with what editors set on them."""
    from archive.models import MergedKey, Organisation, Person, Tag

    used = Q(articles__isnull=False) | Q(statements__isnull=False)
    people = Person.objects.filter(used).distinct().select_related("organisation")
    organisations = Organisation.objects.filter(used).distinct()
    tags = Tag.objects.filter(articles__isnull=False).distinct()
    merged = MergedKey.objects.select_related("person", "organisation")
    return {
        "people": {
            person.key: [person.name, person.role, person.country_id,
                         person.organisation.key if person.organisation else None,
                         sorted(person.alternative_name_list), person.corrected]
            for person in people
        },
        "organisations": {
            org.key: [org.name, org.abbreviation, org.kind, org.country_id,
                      sorted(org.alternative_name_list), org.corrected]
            for org in organisations
        },
        "tags": {tag.name: [tag.slug, tag.description] for tag in tags},
        "merged": sorted([row.key, (row.person or row.organisation).key] for row in merged),
    }  # fmt: skip


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(snapshot(), sort_keys=True))
