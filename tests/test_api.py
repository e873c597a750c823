"""The JSON API: the search pages' filters, cursors that walk a list once while articles are added,
ETags, errors, the rate limit, and an OpenAPI description that is valid and says what the answers hold."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from archive.api.schema import build_schema
from archive.search.filtersets import ArticleSearch

from .factories import make_article, make_organisation, make_person, make_statement, mention, tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    kishi = make_person("Nobuo Kishi", role="Defense Minister", country_id="JP")
    ministry = make_organisation("Foreign Ministry", country_id="JP", kind="government")
    articles = []
    for day in range(1, 13):
        countries = ["JP", "US"] if day % 3 == 0 else ["FR"]
        title = "JAPAN AND U.S. HOLD TRADE TALKS" if day % 3 == 0 else "FRANCE SETS FARM POLICY"
        body = f"TOKYO, March {day} - Japan and the U.S. held trade talks on day {day}, officials said."
        articles.append(make_article(title, body, countries=countries, published_on=dt.date(1987, 3, day)))
    undated = make_article("UNDATED REPORT", "Nothing dated here.", countries=["FR"], published_on=None)
    make_statement(articles[2], kishi, "We agree on trade", paragraph=0)
    make_statement(articles[5], None, "Talks go on", speaker_organisation=ministry)
    mention(articles[2], kishi, ministry, dateline=["JP"])
    tag(articles[2], "Trade")
    return {"articles": articles, "undated": undated, "kishi": kishi, "ministry": ministry}


def walk(client, url, params):
    """Every page of a list, following `next`; the ids in order."""
    ids, pages = [], 0
    response = client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        ids += [item.get("id", item.get("code")) for item in body["results"]]
        pages += 1
        if not body["next"]:
            assert "Link" not in response
            return ids, pages
        assert response["Link"] == f'<{body["next"]}>; rel="next"'
        response = client.get(body["next"])


def test_the_api_lists_what_the_search_page_finds_with_the_same_parameters(client, archive):
    params = {"q": "trade", "country": "JP", "date_from": "1987-03-04"}
    body = client.get(reverse("api:articles"), params).json()
    expected = [a.pk for a in ArticleSearch(_query(params, sort="newest")).listing()]
    assert [item["id"] for item in body["results"]] == expected
    assert body["count"] == len(expected) == 3  # days 6, 9 and 12
    assert body["results"][0]["published_on"] == "1987-03-12"
    assert body["results"][0]["api_url"].endswith(reverse("api:article", args=[expected[0]]))
    page = client.get(reverse("archive:search"), params)
    assert page.context["page"].paginator.count == body["count"]


def _query(params, **more):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in {**params, **more}.items():
        query[key] = value
    return query


def test_a_cursor_walk_sees_every_article_once_in_order(client, archive):
    ids, pages = walk(client, reverse("api:articles"), {"limit": 5})
    newest_first = [a.pk for a in reversed(archive["articles"])] + [archive["undated"].pk]  # undated last
    assert ids == newest_first and pages == 3
    oldest, _ = walk(client, reverse("api:articles"), {"limit": 4, "sort": "oldest"})
    assert oldest == [a.pk for a in archive["articles"]] + [archive["undated"].pk]


def test_a_cursor_walk_is_stable_while_articles_are_imported(client, archive):
    first = client.get(reverse("api:articles"), {"limit": 4}).json()  # days 12..9
    seen = [item["id"] for item in first["results"]]
    newer = make_article("LATER NEWS", "x", published_on=dt.date(1987, 4, 1))  # before the cursor: not in this walk
    same_day = make_article("SAME DAY", "y", published_on=dt.date(1987, 3, 9))  # a larger id on the cursor's day
    older = make_article(
        "OLDER NEWS",
        "z",
        published_on=dt.date(
            1987,
            3,
            7,
        ),
    )  # ahead: seen once
    response = client.get(first["next"])
    ids = seen
    while True:
        body = response.json()
        ids += [item["id"] for item in body["results"]]
        if not body["next"]:
            break
        response = client.get(body["next"])
    assert len(ids) == len(set(ids))  # nothing twice
    assert set(a.pk for a in archive["articles"]) | {archive["undated"].pk, older.pk} == set(ids)
    assert newer.pk not in ids and same_day.pk not in ids  # both sort before where the walk stood


def test_statements_people_organisations_countries_and_tags_page_by_cursor(client, archive):
    ids, _ = walk(client, reverse("api:statements"), {"limit": 1, "speaker": f"p{archive['kishi'].pk}"})
    assert len(ids) == 1
    statement = client.get(reverse("api:statement", args=[ids[0]])).json()
    assert statement["speaker_entity"]["name"] == "Nobuo Kishi" and statement["text"] == "We agree on trade"
    countries, pages = walk(client, reverse("api:countries"), {"limit": 100})
    assert len(countries) == len(set(countries)) > 200 and pages == 3
    assert walk(client, reverse("api:people"), {"name": "kishi"})[0] == [archive["kishi"].pk]
    assert walk(client, reverse("api:organisations"), {})[0] == [archive["ministry"].pk]
    assert client.get(reverse("api:tags")).json()["results"][0]["slug"] == "trade"
    person = client.get(reverse("api:person", args=[archive["kishi"].pk])).json()
    assert client.get(person["statements"]).json()["count"] == 1
    assert client.get(person["articles"]).json()["results"][0]["id"] == archive["articles"][2].pk


def test_an_article_says_what_its_page_shows(client, archive):
    article = archive["articles"][2]
    body = client.get(reverse("api:article", args=[article.pk])).json()
    assert body["title"] == "JAPAN AND U.S. HOLD TRADE TALKS"
    assert body["citing_title"] == "Japan and U.S. hold trade talks"
    assert [p["name"] for p in body["people"]] == ["Nobuo Kishi"]
    assert {c["code"] for c in body["country_links"]} == {"JP", "US"}
    assert body["tags"] == ["trade"] and body["statements"][0]["text"] == "We agree on trade"
    assert body["citation"]["type"] == "article-newspaper" and body["citation"]["id"] == f"archive{article.pk}"


def test_facets_are_counted_on_request(client, archive):
    assert "facets" not in client.get(reverse("api:articles")).json()
    body = client.get(reverse("api:articles"), {"facets": "1", "country": "JP"}).json()
    countries = {f["name"]: f for f in body["facets"]}["country"]
    assert {v["value"]: v["count"] for v in countries["values"]}["FR"] == 9  # counted without its own filter
    assert "facets" not in body["next"] if body["next"] else True


def test_unknown_values_are_warnings_and_bad_paging_is_a_400(client, archive):
    body = client.get(reverse("api:articles"), {"country": ["JP", "ZZ"], "date_from": "never"}).json()
    assert body["count"] == 4 and any("'ZZ'" in w for w in body["warnings"]) and len(body["warnings"]) == 2
    for params, word in [({"limit": "0"}, "limit"), ({"limit": "201"}, "limit"), ({"limit": "x"}, "limit"),
                         ({"sort": "relevance"}, "sort"), ({"cursor": "abc"}, "cursor")]:  # fmt: skip
        response = client.get(reverse("api:articles"), params)
        assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
        assert response.json()["status"] == 400 and word in response.json()["message"]


def test_a_cursor_is_refused_with_other_filters_or_order(client, archive):
    cursor = client.get(reverse("api:articles"), {"limit": 2}).json()["next"].split("cursor=")[1]
    for params in ({"country": "JP"}, {"sort": "oldest"}):
        response = client.get(reverse("api:articles"), {"cursor": unquote(cursor), **params})
        assert response.status_code == 400 and "start again" in response.json()["message"]
    elsewhere = client.get(reverse("api:statements"), {"cursor": unquote(cursor)})  # another list's ids
    assert elsewhere.status_code == 400


def test_missing_records_and_writes_are_json_errors(client, archive):
    for url in ("/api/articles/999999", "/api/articles/abc", "/api/countries/zz", "/api/tags/none", "/api/nope"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["status"] == 404, url
    response = client.post(reverse("api:articles"))
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_etags_answer_304_and_answers_say_how_long_to_cache(client, archive):
    response = client.get(reverse("api:articles"), {"q": "trade"})
    assert response["Cache-Control"] == "public, max-age=60"
    etag = response["ETag"]
    again = client.get(reverse("api:articles"), {"q": "trade"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    make_article("TRADE TALKS RESUME", "Trade talks resumed.", published_on=dt.date(1987, 5, 1))
    changed = client.get(reverse("api:articles"), {"q": "trade"}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


@override_settings(API_RATE_LIMIT=3, API_RATE_WINDOW=60)
def test_each_address_is_limited_with_429_and_retry_after(client, archive):
    cache.clear()
    for _ in range(3):
        assert client.get(reverse("api:articles")).status_code == 200
    refused = client.get(reverse("api:countries"))
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json() == {"status": 429, "message": refused.json()["message"]}
    assert client.get(reverse("api:articles"), REMOTE_ADDR="10.0.0.9").status_code == 200  # another address
    with override_settings(BEHIND_PROXY=True):  # behind the proxy: the address it appended
        assert client.get(reverse("api:tags"), HTTP_X_FORWARDED_FOR="10.0.0.10").status_code == 200
    cache.clear()


def test_the_list_costs_a_constant_number_of_queries(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get(reverse("api:articles"), {"q": "trade", "limit": 200, "country": "JP"})
    for day in range(1, 30):
        article = make_article("MORE TALKS", "Trade talks.", countries=["JP"], published_on=dt.date(1986, 1, day))
        make_statement(article, archive["kishi"], "More")
    with django_assert_max_num_queries(12):
        assert len(client.get(reverse("api:articles"), {"q": "trade", "limit": 200}).json()["results"]) > 30
    with django_assert_max_num_queries(8):
        client.get(reverse("api:statements"), {"limit": 200})


def schema_validator(document, name):
    registry = Registry().with_resource("urn:api", DRAFT202012.create_resource(document))
    return OAS31Validator({"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry)


def test_the_openapi_description_is_valid_and_describes_the_answers(client, archive):
    document = client.get(reverse("api:schema")).json()
    validate(document)  # OpenAPI 3.1, by openapi-spec-validator
    names = [p["name"] for p in document["paths"]["/articles"]["get"]["parameters"]]
    assert names[: len(ArticleSearch.base_filters)] == list(ArticleSearch.base_filters)  # from the FilterSet
    article = archive["articles"][2]
    answers = {
        "ArticlePage": client.get(reverse("api:articles"), {"facets": 1, "limit": 2}).json(),
        "StatementPage": client.get(reverse("api:statements"), {"facets": 1}).json(),
        "Article": client.get(reverse("api:article", args=[article.pk])).json(),
        "PersonPage": client.get(reverse("api:people")).json(),
        "OrganisationPage": client.get(reverse("api:organisations")).json(),
        "CountryPage": client.get(reverse("api:countries"), {"limit": 3}).json(),
        "TagPage": client.get(reverse("api:tags")).json(),
        "Error": client.get("/api/articles/0").json(),
    }
    for name, answer in answers.items():
        schema_validator(document, name).validate(answer)
    broken = {**answers["Article"], "extra": 1}
    assert not schema_validator(document, "Article").is_valid(broken)  # the shapes are closed: no drift


def test_the_description_follows_the_filters(monkeypatch):
    """A filter added to the search is described with no edit to the API."""
    import django_filters

    extra = django_filters.DateFilter(field_name="published_on", lookup_expr="gte", label="Since")
    monkeypatch.setitem(ArticleSearch.base_filters, "since", extra)
    params = build_schema("http://x/api")["paths"]["/articles"]["get"]["parameters"]
    assert {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"},
            "description": "Since: published on or after this day (YYYY-MM-DD)."} in params  # fmt: skip


def test_the_guide_shows_curl_examples(client, archive):
    page = client.get(reverse("api:guide")).content.decode()
    assert "curl &#x27;http://testserver/api/articles?" in page or "curl 'http://testserver/api/articles?" in page
    assert reverse("api:schema") in page


def test_a_failure_of_ours_is_a_json_500_and_a_lost_database_a_503(client, archive, monkeypatch):
    from django.db import OperationalError

    from archive.api import views
    from archive.models import Country

    def broken(*args, **kwargs):
        raise ZeroDivisionError

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    client.raise_request_exception = False
    monkeypatch.setitem(views.ENTITIES, "countries", (Country.objects.all, "name", broken))
    response = client.get(reverse("api:countries"))
    assert response.status_code == 500 and response.json() == {"status": 500, "message": response.json()["message"]}
    monkeypatch.setattr(views, "get_object_or_404", down)
    response = client.get(reverse("api:person", args=[archive["kishi"].pk]))
    assert response.status_code == 503 and response["Retry-After"] == "10" and response.json()["status"] == 503


def test_only_the_first_page_counts(client, archive):
    first = client.get(reverse("api:articles"), {"limit": 5, "country": "FR"}).json()
    assert first["count"] == 9
    assert client.get(first["next"]).json()["count"] is None
