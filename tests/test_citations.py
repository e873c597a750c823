"""Citing: the clean title, RIS/BibTeX/CSL-JSON for an article and for any result list (the page's
filters), the article page's Highwire tags and JSON-LD, and OpenSearch."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from archive.public.citations import citing_title, cut_at_word

from .factories import make_article, make_person, make_source, make_statement
from .test_hostile_requests import read

pytestmark = pytest.mark.django_db

BODY = (
    "GENEVA, March 3 - Japan and the United States agreed on Tuesday to resume talks under GATT, "
    "the U.S. trade representative said.\n\nThe talks on semiconductors will resume in Geneva, "
    "said Clayton Yeutter. GATT officials welcomed it."
)


@pytest.fixture
def story():
    reuters = make_source("Reuters")
    article = make_article(
        "JAPAN, U.S. AGREE TO RESUME GATT TALKS ON SEMICONDUCTORS", BODY, countries=["JP", "US"],
        published_on=dt.date(1987, 3, 3), source=reuters, dateline="GENEVA",
        credits={"reporting": ["Tom Smith", "Ann Lee"], "editing": ["Ed Itor"]},
    )  # fmt: skip
    yeutter = make_person("Clayton Yeutter", country_id="US")
    statement = make_statement(article, yeutter, "The talks on semiconductors will resume in Geneva", paragraph=1)
    other = make_article("FRANCE SETS FARM POLICY", "PARIS - French farm policy.", countries=["FR"])
    return {"article": article, "statement": statement, "other": other}


@pytest.mark.parametrize(
    "title, body, expected",
    [
        ("JAPAN, U.S. AGREE TO RESUME GATT TALKS ON SEMICONDUCTORS", BODY,
         "Japan, U.S. agree to resume GATT talks on semiconductors"),
        ("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT", "Standard Oil Co said it would form a unit.",
         "Standard Oil <SRD> to form financial unit"),
        ("Talks in Tokyo resume", "", "Talks in Tokyo resume"),  # not in capitals: as it is
        ("  BAHIA   COCOA REVIEW ", "Showers continued in the Bahia cocoa zone.", "Bahia cocoa review"),
        ("U.K. MONEY MARKET GIVEN 215 MLN STG HELP", "The Bank of England said.",
         "U.K. money market given 215 mln stg help"),
        ("BONNEVILLE <BPCO> 3RD QTR JAN 31 NET", "", "Bonneville <BPCO> 3rd qtr Jan 31 net"),
        ("DRY WEATHER AFFECTS CHINA'S CROPS", "Rain fell in China.", "Dry weather affects China's crops"),
        ("", "", "Untitled"),
    ],
)  # fmt: skip
def test_the_citing_title_is_in_sentence_case_with_the_storys_own_names(title, body, expected):
    assert citing_title(title, body) == expected


def test_a_long_title_is_cut_between_words():
    title = "word " * 80 + "endword"
    cut = citing_title(title)
    assert len(cut) <= 250 and cut.endswith("word…") and "wor…" not in cut
    assert cut_at_word("a" * 300, 20) == "a" * 19 + "…"  # one endless word: cut, there is no space


def test_an_article_downloads_as_ris_bibtex_and_csl_json(client, story):
    article = story["article"]
    url = f"http://testserver/articles/{article.pk}/"
    ris = client.get(reverse("archive:article_citation", args=[article.pk, "ris"]))
    assert ris["Content-Disposition"] == f'attachment; filename="archive{article.pk}.ris"'
    text = ris.content.decode()
    assert text.startswith("TY  - NEWS\r\n") and text.rstrip().endswith("ER  -")
    for line in ("TI  - Japan, U.S. agree to resume GATT talks on semiconductors", "AU  - Smith, Tom",
                 "AU  - Lee, Ann", "PY  - 1987", "DA  - 1987/03/03/", "T2  - Reuters", f"UR  - {url}",
                 f"ID  - archive{article.pk}"):  # fmt: skip
        assert line + "\r\n" in text
    assert "Itor" not in text  # editors are no authors
    bib = client.get(reverse("archive:article_citation", args=[article.pk, "bib"])).content.decode()
    assert bib.startswith(f"@article{{archive{article.pk},\n")
    assert "  title = {{Japan, U.S. agree to resume GATT talks on semiconductors}}" in bib
    assert "  author = {Smith, Tom and Lee, Ann}" in bib and "  journal = {Reuters}" in bib
    assert "  date = {1987-03-03}" in bib and f"  url = {{{url}}}" in bib
    csl = json.loads(client.get(reverse("archive:article_citation", args=[article.pk, "csl"])).content)
    assert csl == [{
        "id": f"archive{article.pk}", "type": "article-newspaper",
        "title": "Japan, U.S. agree to resume GATT talks on semiconductors", "container-title": "Reuters",
        "URL": url, "language": "en", "source": "Diplomatic news archive",
        "author": [{"family": "Smith", "given": "Tom"}, {"family": "Lee", "given": "Ann"}],
        "issued": {"date-parts": [[1987, 3, 3]]}, "publisher-place": "GENEVA",
    }]  # fmt: skip
    assert client.get(f"/articles/{article.pk}/cite.doc").status_code == 404
    assert client.get("/articles/99999999/cite.ris").status_code == 404


def test_bibtex_escapes_what_latex_would_read(client, story):
    article = story["other"]
    article.title = "100% OF {ALL} $ & #1 FARMS_X"
    article.save()
    bib = client.get(reverse("archive:article_citation", args=[article.pk, "bib"])).content.decode()
    assert r"100\% of \{all\} \$ \& \#1 farms\_x" in bib


def test_result_lists_download_as_citations_with_the_pages_filters(client, story):
    article = story["article"]
    for fmt in ("ris", "bib", "csl"):
        everything = read(client.get(reverse("archive:search_export", kwargs={"fmt": fmt}))).decode()
        japan = read(client.get(reverse("archive:search_export", kwargs={"fmt": fmt}), {"country": "JP"})).decode()
        assert f"archive{story['other'].pk}" in everything and f"archive{story['other'].pk}" not in japan
        assert f"archive{article.pk}" in japan
    items = json.loads(read(client.get(reverse("archive:statements_export", kwargs={"fmt": "csl"}))))
    statement = story["statement"]
    assert items == [{
        "id": f"archive{article.pk}-s{statement.pk}", "type": "article-newspaper",
        "title": "Japan, U.S. agree to resume GATT talks on semiconductors", "container-title": "Reuters",
        "URL": f"http://testserver/articles/{article.pk}/#statement-{statement.pk}", "language": "en",
        "source": "Diplomatic news archive",
        "author": [{"family": "Smith", "given": "Tom"}, {"family": "Lee", "given": "Ann"}],
        "issued": {"date-parts": [[1987, 3, 3]]}, "publisher-place": "GENEVA",
        "note": "Quoted statement by Clayton Yeutter, paragraph 2: “The talks on semiconductors will resume in Geneva”",
    }]  # fmt: skip
    ris = read(client.get(reverse("archive:statements_export", kwargs={"fmt": "ris"}))).decode()
    assert "N1  - Quoted statement by Clayton Yeutter, paragraph 2" in ris


def test_citation_lists_are_streamed_in_a_constant_number_of_queries(client, story, django_assert_max_num_queries):
    for day in range(1, 20):
        make_article(f"STORY {day}", "Body.", countries=["JP"], published_on=dt.date(1987, 4, day))
    with django_assert_max_num_queries(12):
        read(client.get(reverse("archive:search_export", kwargs={"fmt": "ris"})))


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._in_script = [], [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs["content"]))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_script = []

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append("".join(self._in_script))
            self._in_script = None


def test_the_article_page_carries_highwire_tags_and_json_ld_matching_the_article(client, story):
    article = story["article"]
    head = Head()
    head.feed(client.get(article.get_absolute_url()).content.decode())
    url = f"http://testserver/articles/{article.pk}/"
    assert head.meta == [
        ("citation_title", "Japan, U.S. agree to resume GATT talks on semiconductors"),
        ("citation_author", "Smith, Tom"), ("citation_author", "Lee, Ann"),
        ("citation_publication_date", "1987/03/03"), ("citation_date", "1987/03/03"),
        ("citation_publisher", "Reuters"), ("citation_public_url", url), ("citation_fulltext_html_url", url),
        ("citation_language", "en"),
    ]  # fmt: skip
    data = json.loads(head.scripts[0])
    assert data["@type"] == "NewsArticle" and data["headline"] == head.meta[0][1]
    assert data["alternativeHeadline"] == article.title and data["datePublished"] == "1987-03-03"
    assert data["publisher"]["name"] == "Reuters" and data["url"] == url
    assert [a["name"] for a in data["author"]] == ["Tom Smith", "Ann Lee"]


def test_json_ld_cannot_be_closed_by_archive_text(client, story):
    article = story["other"]
    article.title = 'X </script><script>alert("x")</script> & Y'
    article.save()
    page = client.get(article.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and json.loads(block)["alternativeHeadline"] == article.title


def test_every_page_links_the_opensearch_description(client, story):
    for url in ("/", "/statements/", story["article"].get_absolute_url(), "/help/", "/api/"):
        head = Head()
        head.feed(client.get(url).content.decode())
        assert {"rel": "search", "type": "application/opensearchdescription+xml",
                "title": "Diplomatic news archive", "href": "/opensearch.xml"} in head.links, url  # fmt: skip
    response = client.get("/opensearch.xml")
    assert response["Content-Type"] == "application/opensearchdescription+xml"
    root = ElementTree.fromstring(response.content)
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    templates = {u.get("type"): u.get("template") for u in root.findall("os:Url", ns)}
    assert templates["text/html"] == "http://testserver/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://testserver/feed/?q={searchTerms}"
    assert templates["application/json"].startswith("http://testserver/api/articles?q={searchTerms}")


def test_atom_feeds_say_how_many_results_there_are(client, story):
    ns = {"atom": "http://www.w3.org/2005/Atom", "os": "http://a9.com/-/spec/opensearch/1.1/"}
    feed = ElementTree.fromstring(read(client.get(reverse("archive:search_feed"), {"country": "JP"})))
    assert feed.find("os:totalResults", ns).text == "1" and len(feed.findall("atom:entry", ns)) == 1
    feed = ElementTree.fromstring(read(client.get(reverse("archive:statements_feed"))))
    assert feed.find("os:totalResults", ns).text == "1"
