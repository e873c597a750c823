"""What the API says about each kind of record: a function making the item, and the item's JSON
Schema beside it (`SHAPES`, which the OpenAPI document publishes; tests/test_api.py checks that
every item made validates against its shape, so the two cannot drift apart).

List items of articles and statements are the rows of the CSV/JSON exports (public/downloads.py),
with the API's own link added: one definition of what a result is.
"""

from __future__ import annotations

from archive.public.citations import article_citation, citing_title, csl
from archive.public.downloads import speakers_of
from archive.public.links import url_of
from archive.search.speakers import Speaker

STRING, INTEGER, BOOLEAN = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "format": "date"}
URL = {"type": "string", "format": "uri"}
STRINGS = {"type": "array", "items": STRING}


# The fields of an article and a statement as the API gives them (a row of a list).
def article_row(article, url) -> dict:
    return {
        "id": article.pk,
        "url": url(article.pk),
        "title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "dateline": article.dateline,
        "source": article.source.name if article.source else None,
        "source_id": article.source_ref,
        "countries": [country.name for country in article.countries.all()],
        "speakers": [str(speaker) for speaker in speakers_of(article)],
        "original_url": article.url,
    }


def statement_row(statement, url) -> dict:
    article = statement.article
    return {
        "id": statement.pk,
        "url": f"{url(article.pk)}#statement-{statement.pk}",
        "speaker": statement.speaker_name,
        "speaker_resolved": statement.is_resolved,
        "kind": statement.kind,
        "text": statement.text,
        "article_id": article.pk,
        "article_title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "source": article.source.name if article.source else None,
    }


def obj(properties: dict, required: bool = True) -> dict:
    return {"type": "object", "properties": properties, "required": list(properties) if required else [],
            "additionalProperties": False}  # fmt: skip


ARTICLE_ROW = {
    "id": INTEGER, "url": URL, "title": STRING, "published_on": DATE, "dateline": STRING, "source": NULLABLE_STRING,
    "source_id": STRING, "countries": STRINGS, "speakers": STRINGS, "original_url": STRING,
}  # fmt: skip
STATEMENT_ROW = {
    "id": INTEGER, "url": URL, "speaker": STRING, "speaker_resolved": BOOLEAN, "kind": {"enum": ["direct", "indirect"]},
    "text": STRING, "article_id": INTEGER, "article_title": STRING, "published_on": DATE, "source": NULLABLE_STRING,
}  # fmt: skip
LINKED = obj({"id": INTEGER, "name": STRING, "api_url": URL})
SPEAKER = {"oneOf": [{"type": "null"}, obj({"kind": {"enum": ["person", "organisation"]}, **LINKED["properties"]})]}

SHAPES: dict[str, dict] = {
    "ArticleItem": obj({**ARTICLE_ROW, "api_url": URL}),
    "StatementItem": obj({**STATEMENT_ROW, "paragraph": INTEGER, "speaker_entity": SPEAKER, "api_url": URL}),
    "Article": obj(
        {
            **ARTICLE_ROW,
            "api_url": URL,
            "citing_title": STRING,
            "body": STRING,
            "language": STRING,
            "credits": {"type": "object"},
            "people": {"type": "array", "items": obj({**LINKED["properties"], "role": STRING, "mentions": INTEGER})},
            "organisations": {"type": "array", "items": obj({**LINKED["properties"], "mentions": INTEGER})},
            "country_links": {
                "type": "array",
                "items": obj({"code": STRING, "name": STRING, "mentions": INTEGER, "in_dateline": BOOLEAN}),
            },
            "tags": STRINGS,
            "statements": {"type": "array", "items": {"$ref": "#/components/schemas/StatementItem"}},
            "citation": {"type": "object", "description": "CSL-JSON (type article-newspaper)"},
        }
    ),  # fmt: skip
    "Person": obj(
        {
            "id": INTEGER,
            "name": STRING,
            "role": STRING,
            "country": NULLABLE_STRING,
            "organisation_id": {"type": ["integer", "null"]},
            "alternative_names": STRINGS,
            "url": URL,
            "api_url": URL,
            "articles": URL,
            "statements": URL,
        }
    ),  # fmt: skip
    "Organisation": obj(
        {
            "id": INTEGER,
            "name": STRING,
            "label": STRING,
            "abbreviation": STRING,
            "kind": STRING,
            "country": NULLABLE_STRING,
            "alternative_names": STRINGS,
            "url": URL,
            "api_url": URL,
            "articles": URL,
            "statements": URL,
        }
    ),  # fmt: skip
    "Country": obj(
        {
            "code": STRING,
            "name": STRING,
            "official_name": STRING,
            "historic": BOOLEAN,
            "url": URL,
            "api_url": URL,
            "articles": URL,
            "statements": URL,
        }
    ),  # fmt: skip
    "Tag": obj({"slug": STRING, "name": STRING, "description": STRING, "url": URL, "api_url": URL, "articles": URL}),
}


class Links:
    """Absolute URLs for one request, each pattern reversed once (public/links.py)."""

    def __init__(self, request):
        self.base = request.build_absolute_uri("/").rstrip("/")

    def page(self, name: str, argument) -> str:
        return self.base + url_of(f"archive:{name}", argument)

    def api(self, name: str, argument=None) -> str:
        from django.urls import reverse

        if argument is None:
            return self.base + reverse(f"api:{name}")
        return self.base + url_of(f"api:{name}", argument)

    def article(self, pk) -> str:
        return self.page("article", pk)


def article_item(article, links: Links) -> dict:
    return {**article_row(article, links.article), "api_url": links.api("article", article.pk)}


def speaker_of(statement, links: Links) -> dict | None:
    if statement.speaker_person_id:
        person = statement.speaker_person
        return {"kind": "person", "id": person.pk, "name": person.name, "api_url": links.api("person", person.pk)}
    if statement.speaker_organisation_id:
        org = statement.speaker_organisation
        return {"kind": "organisation", "id": org.pk, "name": str(org), "api_url": links.api("organisation", org.pk)}
    return None


def statement_item(statement, links: Links) -> dict:
    return {
        **statement_row(statement, links.article),
        "paragraph": statement.paragraph,
        "speaker_entity": speaker_of(statement, links),
        "api_url": links.api("statement", statement.pk),
    }


def article_detail(article, links: Links) -> dict:
    """One article with everything the archive knows of it (its page's content, as data)."""
    statements = list(article.statements.select_related("article__source", "speaker_person", "speaker_organisation"))
    article.speaking = [s for s in statements if s.is_resolved]  # as listing_speakers() prefetches
    countries = list(article.articlecountry_set.select_related("country").order_by("-mentions", "country__name"))
    return {
        **article_item(article, links),
        "citing_title": citing_title(article.title, article.body),
        "body": article.body,
        "language": article.language,
        "credits": article.credits if isinstance(article.credits, dict) else {},
        "people": [
            {
                "id": link.person_id,
                "name": link.person.name,
                "api_url": links.api("person", link.person_id),
                "role": link.role,
                "mentions": link.mentions,
            }
            for link in article.articleperson_set.select_related("person").order_by("-mentions", "person__name")
        ],  # fmt: skip
        "organisations": [
            {
                "id": link.organisation_id,
                "name": str(link.organisation),
                "mentions": link.mentions,
                "api_url": links.api("organisation", link.organisation_id),
            }
            for link in article.articleorganisation_set.select_related("organisation").order_by("-mentions")
        ],  # fmt: skip
        "country_links": [
            {
                "code": link.country_id,
                "name": link.country.name,
                "mentions": link.mentions,
                "in_dateline": link.in_dateline,
            }
            for link in countries
        ],  # fmt: skip
        "tags": [tag.slug for tag in article.tags.all()],
        "statements": [statement_item(statement, links) for statement in statements],
        "citation": csl(article_citation(article, links.article(article.pk))),
    }


def _search_links(links: Links, **params) -> dict:
    from urllib.parse import urlencode

    query = urlencode(params)
    return {"articles": f"{links.api('articles')}?{query}", "statements": f"{links.api('statements')}?{query}"}


def person_item(person, links: Links) -> dict:
    found = _search_links(links, person=person.pk)
    return {
        "id": person.pk, "name": person.name, "role": person.role, "country": person.country_id,
        "organisation_id": person.organisation_id, "alternative_names": person.alternative_name_list,
        "url": links.page("person", person.pk), "api_url": links.api("person", person.pk),
        "articles": found["articles"], "statements": f"{links.api('statements')}?speaker={Speaker.encode(person)}",
    }  # fmt: skip


def organisation_item(org, links: Links) -> dict:
    found = _search_links(links, org=org.pk)
    return {
        "id": org.pk, "name": org.name, "label": str(org), "abbreviation": org.abbreviation, "kind": org.kind,
        "country": org.country_id, "alternative_names": org.alternative_name_list,
        "url": links.page("organisation", org.pk), "api_url": links.api("organisation", org.pk),
        "articles": found["articles"], "statements": f"{links.api('statements')}?speaker={Speaker.encode(org)}",
    }  # fmt: skip


def country_item(country, links: Links) -> dict:
    found = _search_links(links, country=country.code)
    return {
        "code": country.code, "name": country.name, "official_name": country.official_name,
        "historic": country.historic, "url": links.page("country", country.code.lower()),
        "api_url": links.api("country", country.code), "articles": found["articles"],
        "statements": f"{links.api('statements')}?speaker_country={country.code}",
    }  # fmt: skip


def tag_item(tag, links: Links) -> dict:
    return {
        "slug": tag.slug, "name": tag.name, "description": tag.description, "url": links.page("tag", tag.slug),
        "api_url": links.api("tag", tag.slug), "articles": _search_links(links, tag=tag.slug)["articles"],
    }  # fmt: skip
