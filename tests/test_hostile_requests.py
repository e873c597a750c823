"""Hostile requests and hostile archive text: any parameters on the search pages, exports and
feeds answer 200 or 404, never 500 (property-based, on the backend the tests run on), and
archive text is shown as text everywhere, the admin and the exports included."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from xml.etree import ElementTree

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import make_article, make_organisation, make_person, make_statement, mention, tag
from .test_roles import user_in

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", 100))  # more to hunt: HOSTILE_EXAMPLES=2000 pytest ...
EVIL = '<script>alert("x")</script>'

PARAMS = [
    "q",
    "country",
    "dateline",
    "speaker",
    "person",
    "org",
    "tag",
    "source",
    "year",
    "month",
    "speaker_country",
    "date_from",
    "date_to",
    "sort",
    "page",
    "apage",
    "more",
    "fq_country",
    "fq_speaker",
    "cursor",
    "limit",
    "facets",
    "name",
]
KNOWN_VALUES = [
    "JP",
    "jp",
    "US",
    "ZZ",
    "p1",
    "o1",
    "p-1",
    "o0",
    "1987",
    "02",
    "1987-02-26",
    "newest",
    "oldest",
    "relevance",
    "country",
    "speaker",
    "talks",
    '"trade talks"',
    "speaker:Kishi",
    "country:Japan",
    "-",
    "OR",
    "NEAR",
    "*",
    "(",
    '"',
    "%",
    "_",
    "\\",
    "'; DROP TABLE archive_article; --",
    EVIL,
]
values = st.one_of(
    st.sampled_from(KNOWN_VALUES),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=200),
    st.builds(
        lambda char, times: char * times,
        st.characters(exclude_categories=["Cs"]),
        st.integers(min_value=500, max_value=20_000),
    ),
)
queries = st.dictionaries(
    st.one_of(st.sampled_from(PARAMS), st.text(max_size=20)), st.lists(values, min_size=1, max_size=5), max_size=6
)


@pytest.fixture
def archive():
    kishi = make_person("Nobuo Kishi", role="Defense Minister", country_id="JP")
    ministry = make_organisation("Foreign Ministry", country_id="JP", kind="government")
    talks = make_article("Trade talks in Tokyo", "TOKYO, Feb 26 - “We agree,” Kishi said.", countries=["JP", "US"])
    make_statement(talks, kishi, "We agree,")
    make_statement(talks, None, "Talks go on", speaker_organisation=ministry)
    mention(talks, kishi, ministry, dateline=["JP"])
    tag(talks, "Trade")
    make_article(f"{EVIL} =cmd|' /C calc'!A0", f"Body {EVIL}", countries=["FR"])
    return {"person": kishi, "article": talks}


def pages(archive) -> list[str]:
    return [
        reverse("archive:search"), reverse("archive:statements"), reverse("archive:search_feed"),
        reverse("archive:statements_feed"), archive["person"].get_absolute_url(),
        reverse("archive:country", args=["jp"]),
        *(reverse(name, kwargs={"fmt": fmt}) for name in ("archive:search_export", "archive:statements_export")
          for fmt in ("csv", "json", "ris", "bib", "csl")),
        reverse("archive:article_citation", args=[archive["article"].pk, "bib"]), reverse("archive:opensearch"),
    ]  # fmt: skip


def api_urls(archive) -> list[str]:
    article, person = archive["article"], archive["person"]
    return [
        reverse("api:articles"), reverse("api:statements"), reverse("api:people"), reverse("api:organisations"),
        reverse("api:countries"), reverse("api:tags"), reverse("api:schema"), reverse("api:article", args=[article.pk]),
        reverse("api:person", args=[person.pk]), reverse("api:country", args=["JP"]), "/api/articles/x",
        "/api/nothing/here",
    ]  # fmt: skip


def read(response) -> bytes:
    """The whole answer: a streamed export fails, if at all, while it is read."""
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content)
    return response.content


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), query=queries)
def test_any_parameters_answer_200_or_404_never_an_error(client, archive, data, query):
    url = data.draw(st.sampled_from(pages(archive)), label="url")
    response = client.get(url, query)
    read(response)
    assert response.status_code in (200, 404), (url, query)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), query=queries)
def test_any_parameters_to_the_api_answer_json_never_an_error(client, archive, data, query):
    url = data.draw(st.sampled_from(api_urls(archive)), label="url")
    response = client.get(url, query)
    assert response.status_code in (200, 400, 404), (url, query, response.content[:300])
    body = json.loads(response.content)
    if response.status_code != 200:
        assert body["status"] == response.status_code and body["message"]


def test_api_cursors_that_were_tampered_with_are_refused_as_json(client, archive):
    first = client.get(reverse("api:articles"), {"limit": 1}).json()
    cursor = first["next"].split("cursor=")[1]
    for bad in (cursor[:-3] + "abc", "x" * 5000, "%00", cursor.replace("I", "J", 1), "null"):
        response = client.get(reverse("api:articles"), {"limit": 1, "cursor": bad})
        assert response.status_code == 400 and "cursor" in response.json()["message"], bad


@pytest.mark.parametrize("number", ["²", "①", "߁", "٣", "1²"])
def test_digits_that_int_refuses_or_reads_are_no_error(client, archive, number):
    """str.isdigit() accepts "²", which int() refuses: found by the test above."""
    for name in ("page", "person", "speaker", "year", "country"):
        assert client.get(reverse("archive:search"), {name: number}).status_code in (200, 404), name
    assert client.get(archive["person"].get_absolute_url(), {"apage": number}).status_code in (200, 404)


def test_bytes_that_are_no_utf8_are_no_error(client, archive):
    for query in ("q=%ff%fe", "country=%c3%28&speaker=%ed%a0%80", "q=%00", "page=%e2%82"):
        for path in ("/", "/statements/", "/feed/", "/export.csv"):
            response = client.get(f"{path}?{query}")
            read(response)
            assert response.status_code in (200, 404), (path, query)


def test_archive_text_is_text_in_the_admin(client, archive):
    client.force_login(user_in("admin"))
    evil = archive["article"]
    evil.title = f"Talks {EVIL}"
    evil.save()
    archive["person"].name = f"Kishi {EVIL}"
    archive["person"].save()
    urls = [
        reverse("admin:archive_article_changelist"), reverse("admin:archive_article_changelist") + "?q=script",
        reverse("admin:archive_article_change", args=[evil.pk]), reverse("admin:archive_person_changelist"),
        reverse("admin:archive_person_change", args=[archive["person"].pk]),
        reverse("admin:archive_statement_changelist"), reverse("admin:archive_tag_changelist"),
    ]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert EVIL not in response.content.decode(), url


def test_exports_carry_archive_text_as_data_never_as_a_page_or_a_formula(client, archive):
    for name in ("archive:search_export", "archive:statements_export"):
        for fmt, kind in (("csv", "text/csv"), ("json", "application/json")):
            response = client.get(reverse(name, kwargs={"fmt": fmt}))
            assert response["Content-Type"].startswith(kind)
            assert response["X-Content-Type-Options"] == "nosniff"  # never sniffed into HTML
            assert response["Content-Disposition"].startswith("attachment")
    rows = list(
        csv.reader(
            io.StringIO(read(client.get(reverse("archive:search_export", kwargs={"fmt": "csv"}))).decode("utf-8-sig"))
        )
    )
    titles = [row[rows[0].index("title")] for row in rows[1:]]
    assert f"{EVIL} =cmd|' /C calc'!A0" in titles  # kept whole: it starts with "<", not a formula
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)
    exported = json.loads(read(client.get(reverse("archive:search_export", kwargs={"fmt": "json"}))))
    assert any(EVIL in row["title"] for row in exported)  # JSON keeps the text exactly; it is data


def test_feeds_escape_archive_text(client, archive):
    feed = read(client.get(reverse("archive:search_feed"))).decode()
    assert EVIL not in feed and "&lt;script&gt;" in feed


def test_feeds_leave_out_the_control_characters_xml_cannot_carry(client, archive):
    """Found by the property-based test: /feed/?q=%1B was a 500."""
    archive["article"].title = "Talks\x1b in\x07 Tokyo"
    archive["article"].save()
    for name in ("archive:search_feed", "archive:statements_feed"):
        response = client.get(reverse(name), {"q": "talks\x1b\x07"})
        assert response.status_code == 200
    assert "Talks in Tokyo" in read(client.get(reverse("archive:search_feed"))).decode()


EXPORTS_AND_FEEDS = [
    *(reverse(name, kwargs={"fmt": fmt}) for name in ("archive:search_export", "archive:statements_export")
      for fmt in ("csv", "json")),
    reverse("archive:search_feed"), reverse("archive:statements_feed"),
]  # fmt: skip
CEILING_SECONDS = 1.0


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(EXPORTS_AND_FEEDS), query=queries)
def test_exports_and_feeds_stay_under_the_cost_ceiling_and_are_whole(client, archive, url, query, settings):
    """Any parameters: an answer within the ceiling (plus the time to write it), whole when it is a
    200 (the JSON parses, the CSV has no error line, the feed is XML), a 503 with Retry-After when
    the database had to stop it, and never an error."""
    settings.REQUEST_QUERY_SECONDS = CEILING_SECONDS
    started = time.monotonic()
    response = client.get(url, query)
    body = read(response)
    assert time.monotonic() - started < 2 * CEILING_SECONDS + 1, (url, query)
    assert response.status_code in (200, 404, 503), (url, query)
    if response.status_code == 503:
        assert int(response["Retry-After"]) > 0
    elif response.status_code == 200:
        if url.endswith(".json"):
            assert isinstance(json.loads(body), list)
        elif url.endswith(".csv"):
            assert b"export stopped" not in body and body.endswith(b"\n")
        else:
            ElementTree.fromstring(body)
