"""Exports (CSV, JSON, streamed) and Atom feeds, with the same filters as the pages."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from archive.public import downloads as exports

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def corpus():
    kishi = make_person("Nobuo Kishi", country_id="JP")
    japan = make_article("Japan talks", "Tokyo talks body", countries=["JP"])
    make_statement(japan, kishi, '=HYPERLINK("http://evil")')
    make_statement(japan, kishi, "We will talk")
    make_article("France talks", "Paris body", countries=["FR"])
    make_article("-2+3 @risky\ttitle", "Body", countries=["FR"])
    return {"kishi": kishi, "japan": japan}


def test_article_csv_has_a_header_and_keeps_the_filters(client, corpus):
    response = client.get(reverse("archive:search_export", kwargs={"fmt": "csv"}), {"country": "JP"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert [row["title"] for row in rows] == ["Japan talks"]
    assert rows[0]["countries"] == "Japan" and rows[0]["speakers"] == "Nobuo Kishi"
    assert rows[0]["url"] == f"http://testserver/articles/{corpus['japan'].pk}/"


def test_csv_cells_that_would_run_as_formulas_are_neutralised(client, corpus):
    articles = body(client.get(reverse("archive:search_export", kwargs={"fmt": "csv"})))
    rows = list(csv.DictReader(io.StringIO(articles.lstrip("\ufeff"))))
    assert "'-2+3 @risky\ttitle" in [row["title"] for row in rows]
    statements = body(client.get(reverse("archive:statements_export", kwargs={"fmt": "csv"})))
    texts = [row["text"] for row in csv.DictReader(io.StringIO(statements.lstrip("\ufeff")))]
    assert '\'=HYPERLINK("http://evil")' in texts and "We will talk" in texts


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_prefixes_every_formula_start(value):
    assert exports.neutralise(value) == "'" + value
    assert exports.neutralise("plain " + value) == "plain " + value


def test_json_export_is_valid_and_complete(client, corpus):
    data = json.loads(body(client.get(reverse("archive:statements_export", kwargs={"fmt": "json"}))))
    assert {row["text"] for row in data} == {'=HYPERLINK("http://evil")', "We will talk"}
    assert data[0]["speaker"] == "Nobuo Kishi" and data[0]["url"].endswith(f"#statement-{data[0]['id']}")
    empty = json.loads(body(client.get(reverse("archive:search_export", kwargs={"fmt": "json"}), {"q": "zzzz"})))
    assert empty == []


def test_exports_stream_in_chunks_with_a_bounded_number_of_queries(client, monkeypatch, django_assert_max_num_queries):
    for number in range(30):
        article = make_article(f"Story {number}", "Body", countries=["JP", "FR"])
        make_statement(article, make_person(f"Speaker {number}"), "Words")
    monkeypatch.setattr(exports, "CHUNK_SIZE", 10)
    response = client.get(reverse("archive:search_export", kwargs={"fmt": "json"}))
    assert response.streaming
    # Three chunks of ten: each costs its rows plus two prefetches, never one query per row.
    with django_assert_max_num_queries(12):
        data = json.loads(body(response))
    assert len(data) == 30 and all(row["speakers"] for row in data)


def test_export_links_on_the_page_carry_the_query(client, corpus):
    page = client.get("/", {"country": "JP", "q": "talks", "page": "1"}).content.decode()
    assert 'href="/export.csv?country=JP&amp;q=talks"' in page
    assert 'href="/export.json?country=JP&amp;q=talks"' in page
    assert 'href="/feed/?country=JP&amp;q=talks"' in page


def test_person_page_exports_their_statements(client, corpus):
    page = client.get(corpus["kishi"].get_absolute_url()).content.decode()
    assert f'href="/statements/export.csv?speaker=p{corpus["kishi"].pk}"' in page


def test_atom_feed_follows_the_search(client, corpus):
    response = client.get(reverse("archive:search_feed"), {"country": "FR"})
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert set(titles) == {"France talks", "-2+3 @risky\ttitle"}
    assert "France" in root.find(f"{ATOM}title").text


def test_statement_feed_links_to_the_statement(client, corpus):
    root = ET.fromstring(client.get(reverse("archive:statements_feed"), {"q": "talk"}).content)
    entries = list(root.iter(f"{ATOM}entry"))
    assert len(entries) == 1
    assert "#statement-" in entries[0].find(f"{ATOM}link").get("href")


def test_feeds_and_exports_survive_hostile_parameters(client, corpus):
    hostile = {"country": ["ZZ", "x" * 5000], "year": "99999999999", "date_from": "1-1-1", "q": '"(*:-NEAR'}
    for name in ("archive:search_feed", "archive:statements_feed"):
        assert client.get(reverse(name), hostile).status_code == 200
    for name in ("archive:search_export", "archive:statements_export"):
        for fmt in ("csv", "json"):
            response = client.get(reverse(name, kwargs={"fmt": fmt}), hostile)
            assert response.status_code == 200
            body(response)
    assert client.get("/export.xml").status_code == 404
