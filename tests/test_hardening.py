"""Issue 15's smaller hardening items: feeds a reader cannot run, text in every script kept,
addresses from files only when they are web addresses, headers on static files, Retry-After on
every 429, and the import run page bounded however many outcomes a run has."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.test import Client
from django.urls import reverse

from archive.extraction.document import parse_document
from archive.importing.records import RawDocument
from archive.models import ImportOutcome, ImportRun

from .factories import make_article, make_person, make_statement
from .test_roles import user_in

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
ATOM_ELEMENTS = {"feed", "title", "subtitle", "link", "id", "updated", "published", "entry", "summary", "category",
                 "author", "name"}  # fmt: skip
OPENSEARCH_ELEMENTS = {"totalResults", "startIndex", "itemsPerPage"}  # numbers the archive writes
PAYLOAD = '<img src=x onerror="alert(1)"><b>bold</b><a href="javascript:alert(2)">click</a>'


def test_feeds_carry_story_text_as_text_for_any_reader(client):
    story = make_article(f"Talks {PAYLOAD}", f"TOKYO - Talks went on. {PAYLOAD} The end.", countries=["JP"])
    make_statement(story, make_person("Nobuo Kishi"), f"We agree {PAYLOAD}")
    for name in ("archive:search_feed", "archive:statements_feed"):
        raw = client.get(reverse(name)).content
        root = ET.fromstring(raw)
        for element in root.iter():
            ours = {ATOM + name for name in ATOM_ELEMENTS} | {OPENSEARCH + name for name in OPENSEARCH_ELEMENTS}
            assert element.tag in ours, element.tag
            assert not {"onerror", "src", "style"} & set(element.attrib), element.attrib
        summaries = root.findall(f"{ATOM}entry/{ATOM}summary")
        assert summaries and all(summary.get("type") == "text" for summary in summaries)
        parsed = feedparser.parse(raw)  # as a feed reader reads it
        entry = parsed.entries[0]
        assert entry.summary_detail.type == "text/plain"
        assert "onerror" in entry.summary and "<img" in entry.summary  # the words, shown as words
        assert "<b>bold</b>" in entry.title


@pytest.mark.parametrize("first", [
    "Переговоры в Москве продолжатся завтра",  # Cyrillic
    "Οι συνομιλίες συνεχίζονται αύριο",  # Greek
    "المحادثات تستمر غدا في القاهرة",  # Arabic
    "会谈将于明天在北京继续",  # Chinese
])  # fmt: skip
def test_a_short_first_paragraph_in_any_script_stays_in_the_body(first):
    text = (
        f"{first}\n\nThe talks went on in Moscow, officials said.\n\nΑθήνα: οι συνομιλίες συνεχίζονται.\n\n"
        "Москва: переговоры продолжаются.\n\nالقاهرة: المحادثات مستمرة.\n\n北京：会谈继续。"
    )
    document = parse_document(text, title="Talks")
    assert document.paragraphs[0] == first
    assert len(document.paragraphs) == 6  # every paragraph, whatever its script


def test_an_all_capitals_headline_is_still_taken_in_scripts_with_case():
    for headline in ("TALKS IN TOKYO", "ПЕРЕГОВОРЫ В МОСКВЕ"):
        document = parse_document(f"{headline}\n\nThe talks went on, officials said.\n\nMore talks.")
        assert headline not in document.paragraphs


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
        "file:///etc/passwd",
        "http:/no-host",
        "https://a.example/<x>",
    ],
)
def test_addresses_from_files_are_kept_only_when_they_are_web_addresses(url):
    assert RawDocument(text="x", url=url).url == ""
    assert RawDocument(text="x", url="https://news.example/a?b=1").url == "https://news.example/a?b=1"


def test_static_files_carry_the_security_headers(client):
    response = client.get("/static/css/archive.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_the_sign_in_lockout_says_when_to_retry(settings):
    user_in("admin")
    visitor = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert visitor.post(reverse("admin:login"), {"username": "admin", "password": "wrong"}).status_code == 200
    locked = visitor.post(reverse("admin:login"), {"username": "admin", "password": "wrong"})
    assert locked.status_code == 429  # the LOGIN_FAILURE_LIMIT-th failure locks (README)
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "Too many failed sign-ins" in locked.content.decode()


def test_the_import_run_page_shows_counts_and_a_bounded_page_of_failures(client, django_assert_max_num_queries):
    run = ImportRun.objects.create(origin="test")
    ImportOutcome.objects.bulk_create(
        [ImportOutcome(run=run, location=f"bad-{number}.xml", result=ImportOutcome.Result.FAILED,
                       message=f"bad-{number}.xml: broken") for number in range(1200)]
        + [ImportOutcome(run=run, location=f"ok-{number}.xml", result=ImportOutcome.Result.UNCHANGED)
           for number in range(30)]
    )  # fmt: skip
    client.force_login(user_in("admin"))
    with django_assert_max_num_queries(30):
        page = client.get(reverse("admin:archive_importrun_change", args=[run.pk])).content.decode()
    assert "1,200 failed" in page and "30 unchanged" in page  # with thousands separators
    assert 100 <= page.count("bad-") < 400  # the first failures (location and message), not all 1,200
    assert "bad-0.xml" in page and "bad-1199.xml" not in page
    assert "first 100 of 1,200 failures" in page
    listing = client.get(
        reverse("admin:archive_importoutcome_changelist"),
        {"run__id__exact": run.pk, "result__exact": "failed", "p": "3"},
    ).content.decode()
    assert "bad-" in listing  # every failure on the paginated list of outcomes


def test_a_warc_page_is_dated_by_its_record_not_by_a_link(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from archive.importing.readers import read_input

    page = (
        "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
        + "<p>The talks resumed in Geneva on Tuesday, officials said, after a long pause.</p>" * 5
        + '<p><a href="/files/report-20170111.pdf">The report of 11 January 2017</a></p></article></body></html>'
    )
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://news.example/talks",
            "response",
            payload=io.BytesIO(page.encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2019-03-05T10:00:00Z"},
        )
        writer.write_record(record)
    [document] = list(read_input("crawl.warc.gz", path.read_bytes()))
    assert document.date == dt.date(2019, 3, 5)
    assert document.url == "https://news.example/talks"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "vbscript:msgbox"])
def test_an_address_stored_before_imports_checked_it_is_shown_as_text_not_as_a_link(client, url):
    article = make_article("Talks", "TOKYO - Talks went on.", url=url)  # as an older import stored it
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in html and 'href="data:' not in html and 'href="vbscript:' not in html
    provenance = html.split("Original URL", 1)[1].split("</dd>", 1)[0]
    assert "<a " not in provenance and "not a web address" in provenance
    web = make_article("More talks", "TOKYO - More talks.", url="https://news.example/a?b=1&c=2")
    html = client.get(web.get_absolute_url()).content.decode()
    assert '<a href="https://news.example/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">' in html


def hrefs_and_inputs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html) + re.findall(r'<input type="hidden" name="[^"]*" value="[^"]*"', html)


@pytest.mark.parametrize("path", ["/", "/statements/"])
def test_a_hostile_query_string_does_not_grow_the_links_of_a_page(client, path):
    story = make_article("Talks", "TOKYO - Talks went on.", countries=["JP", "US"])
    make_statement(story, make_person("Nobuo Kishi"), "We agree.")
    # Just under the fields Django parses (DATA_UPLOAD_MAX_NUMBER_FIELDS): distinct values,
    # repeats, long values and parameters no page reads.
    query = "&".join(
        [f"country=x{n}" for n in range(600)]
        + ["country=JP"] * 600
        + [f"junk{n}=1" for n in range(400)]
        + ["q=" + "talks+" * 2000, "page=1"]
    )
    started = time.perf_counter()
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    assert time.perf_counter() - started < 5
    html = response.content.decode()
    assert len(html) < 200_000, len(html)  # a few dozen links, each bounded
    for link in hrefs_and_inputs(html):
        assert link.count("country=") <= 21 and "junk" not in link, link[:200]  # 20, and one toggled
        assert len(link) < 20 * 40 + 4 * 500 + 400, len(link)
    # 10,000 repeated values: more fields than Django parses, refused small and fast.
    started = time.perf_counter()
    response = client.get(f"{path}?" + "&".join(["country=JP"] * 10_000))
    assert response.status_code == 400 and len(response.content) < 10_000
    assert time.perf_counter() - started < 5


def test_the_links_of_a_page_keep_the_values_the_form_honours(client):
    make_article("Talks", "TOKYO - Talks went on.", countries=["JP", "US"])
    html = client.get("/?country=JP&country=US&sort=newest&q=talks").content.decode()
    assert "country=JP&amp;country=US" in html  # the chosen values stay in the links
    assert 'href="/?country=JP&amp;country=US&amp;sort=oldest&amp;q=talks"' in html
