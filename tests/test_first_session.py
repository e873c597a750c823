"""What a first real session tripped on (issue 14): the facet filter box, country pages' speakers,
statement kinds, exports with the text, the feed's self link, numbers and the import run report."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from archive.models import ImportOutcome, ImportRun, Statement

from .factories import make_article, make_organisation, make_person, make_statement

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


class Forms(HTMLParser):
    """The GET forms of a page: their inputs as (name, value) pairs, by the form's class."""

    def __init__(self):
        super().__init__()
        self.forms, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"class": attrs.get("class", ""), "inputs": []}
            self.forms.append(self.current)
        elif tag == "input" and self.current is not None and attrs.get("name"):
            self.current["inputs"].append((attrs["name"], attrs.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def forms_of(response, css_class):
    parser = Forms()
    parser.feed(response.content.decode())
    return [form["inputs"] for form in parser.forms if css_class in form["class"].split()]


@pytest.fixture
def world():
    """Twelve countries (so the country facet has a filter box), statements of both kinds, by known
    and unresolved speakers."""
    codes = ["KR", "KP", "US", "FR", "DE", "CN", "CA", "GB", "IT", "ES", "BR", "AU"]
    kishi = make_person("Nobuo Kishi", country_id="JP")
    articles = []
    for number, code in enumerate(codes):
        article = make_article(f"Japan tariffs story {number}", f"Tariffs body {number}", countries=["JP", code])
        articles.append(article)
    make_statement(articles[0], kishi, "We will lower tariffs", kind="direct")
    make_statement(articles[1], kishi, "tariffs would fall", kind="indirect")
    make_statement(articles[2], None, "The talks failed", kind="direct", speaker_label="he")
    return {"kishi": kishi, "articles": articles}


def test_the_facet_filter_box_keeps_the_search_and_every_other_filter(client, world):
    response = client.get("/", {"q": "tariffs", "country": "JP", "date_from": "1900-01-01", "more": "country"})
    assert response.context["page"].paginator.count == 12
    [inputs] = [form for form in forms_of(response, "facet-filter") if ("fq_country", "") in form]
    assert ("q", "tariffs") in inputs and ("country", "JP") in inputs and ("date_from", "1900-01-01") in inputs
    # Submitting it: still the 12 articles about tariffs in Japan, the country list narrowed to "kor".
    submitted = client.get("/", {**dict(inputs), "fq_country": "kor"})
    assert submitted.context["page"].paginator.count == 12
    [country] = [facet for facet in submitted.context["facets"] if facet.name == "country"]
    others = [value.label for value in country.values if not value.selected]
    assert len(others) == 2 and all("kor" in label.lower() for label in others)
    # The box holds what was typed; the form does not send the old text twice.
    [inputs] = [form for form in forms_of(submitted, "facet-filter") if ("fq_country", "kor") in form]
    assert [name for name, _ in inputs].count("fq_country") == 1


def test_a_hidden_facet_value_is_not_drawn_when_narrowed_as_you_type(settings):
    css = (settings.BASE_DIR / "static" / "css" / "archive.css").read_text()
    assert re.search(r"\.facets li\[hidden\]\s*\{\s*display:\s*none", css)


def test_country_pages_name_who_spoke(client, world):
    page = client.get(reverse("archive:country", args=["jp"])).content.decode()
    assert "Nobuo Kishi" in page and 'class="speaker-name"' in page


def test_statements_page_counts_and_filters_by_kind_and_known_speaker(client, world):
    response = client.get(reverse("archive:statements"))
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert {(v.label, v.count) for v in facets["kind"].values} == {("Direct quote", 2), ("Reported speech", 1)}
    assert {(v.label, v.count) for v in facets["speaker_known"].values} == {
        ("Known speaker", 2),
        ("Unresolved speaker", 1),
    }
    page = response.content.decode()
    assert page.count('class="kind kind-direct"') == 2 and page.count('class="kind kind-indirect"') == 1
    known = client.get(reverse("archive:statements"), {"speaker_known": "yes", "kind": "direct"})
    assert [s.text for s in known.context["page"].object_list] == ["We will lower tariffs"]
    unknown = client.get(reverse("archive:statements"), {"speaker_known": "no"})
    assert [s.text for s in unknown.context["page"].object_list] == ["The talks failed"]
    # The article search does not offer them (its lists count articles, not statements).
    assert "kind" not in {facet.name for facet in client.get("/").context["facets"]}


def test_entity_pages_offer_the_statement_facets(client, world):
    response = client.get(world["kishi"].get_absolute_url())
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert {(v.value, v.count) for v in facets["kind"].values} == {("direct", 1), ("indirect", 1)}
    narrowed = client.get(world["kishi"].get_absolute_url(), {"kind": "indirect"})
    assert [s.text for s in narrowed.context["page"].object_list] == ["tariffs would fall"]


def test_exports_carry_the_body_and_the_articles_of_statements(client, world):
    response = client.get(reverse("archive:search_export", kwargs={"fmt": "csv"}), {"country": "KP"})
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["body"] == "Tariffs body 1"
    response = client.get(reverse("archive:statements_export", kwargs={"fmt": "json"}), {"kind": "indirect"})
    [row] = json.loads(b"".join(response.streaming_content))
    assert row["article_title"] == "Japan tariffs story 1"
    assert row["article_url"].endswith(world["articles"][1].get_absolute_url())
    assert row["published_on"] == world["articles"][1].published_on.isoformat()


def test_the_feeds_self_link_keeps_the_query(client, world):
    response = client.get(reverse("archive:search_feed"), {"q": "tariffs", "country": "KR"})
    root = ET.fromstring(response.content)
    [self_link] = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link.endswith("/feed/?q=tariffs&country=KR")


def test_counts_have_thousands_separators(client):
    article = make_article("Many words", "Body")
    organisation = make_organisation("Foreign Ministry", country_id="JP")
    Statement.objects.bulk_create(
        [
            Statement(
                article=article,
                speaker_organisation=organisation,
                kind="direct",
                text=f"Words {n}",
                paragraph=0,
                start=0,
                end=1,
            )
            for n in range(1001)
        ]  # fmt: skip
    )
    page = client.get(reverse("archive:statements")).content.decode()
    assert "1,001 statements" in page


def test_the_import_run_report_links_its_outcomes(admin_client):
    run = ImportRun.objects.create(origin="test", status=ImportRun.Status.FINISHED, created=2)
    article = make_article("Imported", "Body")
    for _ in range(2):
        ImportOutcome.objects.create(run=run, location="a.txt", result="created", article=article)
    page = admin_client.get(reverse("admin:archive_importrun_change", args=[run.pk])).content.decode()
    assert "&lt;a href" not in page
    link = r'<a href="/admin/archive/importoutcome/\?run__id__exact=\d+&amp;result__exact=created">2 created</a>'
    assert re.search(link, page)


@pytest.mark.parametrize("kind", ["people", "organisations", "countries"])
def test_browse_pages_are_linked_from_the_header_and_cost_a_few_queries(
    client, world, kind, django_assert_max_num_queries
):
    for number in range(30):
        make_person(f"Person {number:02d}", country_id="FR")
        make_organisation(f"Ministry {number:02d}", country_id="FR")
    assert f'href="{reverse(f"archive:{kind}")}"' in client.get("/").content.decode()
    # The count, the page's rows with their counts, the country facet (people and organisations).
    with django_assert_max_num_queries(3):
        response = client.get(reverse(f"archive:{kind}"))
    assert response.status_code == 200


def test_people_sort_by_statements_filter_by_name_and_country(client, world):
    make_person("Nobuko Other", country_id="FR")
    by_statements = client.get(reverse("archive:people"), {"sort": "statements"})
    first = by_statements.context["page"].object_list[0]
    assert first.name == "Nobuo Kishi" and first.statement_count == 2
    found = client.get(reverse("archive:people"), {"q": "nobu"}).context["page"].object_list
    assert [p.name for p in found] == ["Nobuo Kishi", "Nobuko Other"]  # by articles, then statements
    in_france = client.get(reverse("archive:people"), {"q": "nobu", "country": "fr"})
    assert [p.name for p in in_france.context["page"].object_list] == ["Nobuko Other"]
    # The country facet counts the people matching the name, whatever country is chosen.
    assert sorted((row["country_id"], row["n"]) for row in in_france.context["countries"]) == [("FR", 1), ("JP", 1)]
    by_name = client.get(reverse("archive:people"), {"sort": "name", "q": "nobu"}).context["page"].object_list
    assert [p.name for p in by_name] == ["Nobuko Other", "Nobuo Kishi"]
    bad = client.get(reverse("archive:people"), {"sort": "shoe size", "country": "ZZ"})
    assert bad.status_code == 200 and len(bad.context["hints"]) == 2


def test_countries_count_their_speakers_statements_and_articles(client, world):
    rows = client.get(reverse("archive:countries"), {"q": "japan"}).context["page"].object_list
    [japan] = [row for row in rows if row.code == "JP"]
    assert (japan.statement_count, japan.article_count) == (2, 12)


def test_every_months_bar_is_a_click_target_of_at_least_24_px(client):
    import datetime as dt

    for month, stories in ((1, 40), (2, 1), (7, 3)):
        for number in range(stories):
            make_article(f"Story {month}-{number}", "Body", published_on=dt.date(1987, month, 1 + number % 28))
    page = client.get("/", {"year": "1987"}).content.decode()
    chart = page[page.index('<section class="facet chart" aria-labelledby="facet-month"') :]
    chart = chart[: chart.index("</svg>")]
    assert 'viewBox="0 0 288 64" width="288"' in chart  # drawn at its own size: units are pixels
    targets = re.findall(r'<rect class="target" x="[\d.]+" y="0" width="([\d.]+)" height="([\d.]+)"', chart)
    assert len(targets) == 3 and all(float(w) >= 24 and float(h) >= 24 for w, h in targets), targets
    assert 'role="listitem"' not in chart  # links in an SVG group (axe: aria-allowed-role)
