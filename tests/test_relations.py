"""Who said what about whom, and as what (issue "country pairs and roles at the date"): hand-written
stories imported for real, then the pair's direction, the roles' dates, and editors' corrections
surviving re-extraction."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.urls import reverse

from archive.curation import corrections, reextraction
from archive.extraction import extract
from archive.importing.pipeline import Importer
from archive.models import Article, Person, PersonRole, Statement

STORIES = [
    ("kuranari", "1987-03-02", "JAPAN CRITICISES U.S. CHIP TARIFFS",
     "TOKYO, March 2 - Japanese Foreign Minister Tadashi Kuranari said Japan criticised the United States "
     "for its new tariffs on Japanese computer chips.\n\nKuranari said the dispute should be settled through talks."),
    ("yeutter-1", "1987-03-10", "YEUTTER PRESSES JAPAN ON RICE",
     "WASHINGTON, March 10 - U.S. Trade Representative Clayton Yeutter said Japan must open its markets "
     "to American rice.\n\n\"We will not wait forever,\" Yeutter told reporters."),
    ("yeutter-2", "1987-10-20", "YEUTTER BLAMES EC",
     "GENEVA, Oct 20 - U.S. Trade Representative Clayton Yeutter said the European Community was blocking "
     "the farm talks."),
    ("yeutter-3", "1988-02-02", "YEUTTER ON THE FARM DEAL",
     "WASHINGTON, Feb 2 - Agriculture Secretary Clayton Yeutter said Canada would gain from the farm deal."),
]  # fmt: skip


@pytest.fixture
def archive(tmp_path, db):
    path = tmp_path / "stories.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": ref, "source": "Wire", "date": date, "title": title, "body": body}) + "\n"
            for ref, date, title, body in STORIES
        )
    )
    run = Importer(workers=1).import_paths([str(path)])
    assert (run.created, run.failed) == (4, 0)
    return {ref: Article.objects.get(source_ref=ref) for ref, *_ in STORIES}


def statement(text: str) -> Statement:
    return Statement.objects.get(text__startswith=text)


def test_a_statement_is_about_the_countries_its_words_or_sentence_name():
    found = extract(STORIES[0][3], date=dt.date(1987, 3, 2)).statements
    assert [(s.speaker_country, s.about) for s in found] == [("JP", ["JP", "US"]), ("JP", [])]


def test_the_speakers_country_is_the_one_the_story_names_never_the_datelines_guess():
    said = extract(STORIES[3][3], date=dt.date(1988, 2, 2)).statements[0]
    assert said.speaker_role == "Agriculture Secretary" and said.speaker_country is None  # WASHINGTON is no word


def test_pairs_keep_their_direction(archive, client):
    criticism = statement("Japan criticised")
    assert criticism.speaker_country_id == "JP" and set(criticism.about.values_list("code", flat=True)) == {"JP", "US"}
    page = client.get(reverse("archive:relations"))
    cells = page.context["matrix"].cells
    assert cells[("JP", "US")] == 1 and cells[("US", "JP")] == 1  # Kuranari about the U.S.; Yeutter about Japan
    assert ("JP", "JP") not in cells  # a country speaking of itself is no pair
    pair = client.get(reverse("archive:relation_pair", args=["jp", "us"]))
    japan_side, us_side = (side["page"].object_list for side in pair.context["sides"])
    assert [s.text for s in japan_side] == [criticism.text]
    assert [s.text for s in us_side] == [statement("Japan must open").text]
    assert "Japan criticised" in pair.content.decode() and pair.status_code == 200


def test_a_pairs_export_holds_one_direction(archive, client):
    side = client.get(reverse("archive:relation_pair", args=["jp", "us"])).context["sides"][0]
    rows = client.get(reverse("archive:statements_export", args=["json"]) + "?" + side["export_query"].urlencode())
    texts = [row["text"] for row in json.loads(b"".join(rows.streaming_content))]
    assert texts == [statement("Japan criticised").text]
    ris = client.get(reverse("archive:statements_export", args=["ris"]) + "?" + side["export_query"].urlencode())
    assert b"".join(ris.streaming_content).decode().count("TY  - ") == 1  # cited like any list


def test_roles_keep_the_dates_articles_gave_them(archive, client):
    yeutter = Person.objects.get(name="Clayton Yeutter")
    roles = {role.role: (role.first_seen, role.last_seen, role.articles) for role in yeutter.roles.all()}
    assert roles == {
        "Trade Representative": (dt.date(1987, 3, 10), dt.date(1987, 10, 20), 2),
        "Agriculture Secretary": (dt.date(1988, 2, 2), dt.date(1988, 2, 2), 1),
    }
    page = client.get(yeutter.get_absolute_url()).content.decode()
    assert "Trade Representative" in page and "Mar 1987" in page and "Oct 1987" in page


def test_the_person_page_shows_forms_of_one_role_that_differ_in_case_as_one(archive, client):
    yeutter = Person.objects.get(name="Clayton Yeutter")
    PersonRole.objects.create(
        person=yeutter, role="trade representative", first_seen=dt.date(1986, 5, 1), last_seen=dt.date(1986, 5, 1),
        articles=1,
    )  # fmt: skip
    timeline = [(r.role, r.first_seen, r.last_seen, r.articles) for r in yeutter.roles.timeline()]
    assert timeline == [
        ("Trade Representative", dt.date(1986, 5, 1), dt.date(1987, 10, 20), 3),
        ("Agriculture Secretary", dt.date(1988, 2, 2), dt.date(1988, 2, 2), 1),
    ]
    page = client.get(yeutter.get_absolute_url()).content.decode()
    assert "trade representative</strong>" not in page and "3 articles" in page


def test_a_persons_own_role_is_the_one_most_articles_give_unless_an_editor_set_it(archive, tmp_path):
    path = tmp_path / "more.jsonl"
    body = "WASHINGTON, Feb {} - Agriculture Secretary Clayton Yeutter said farm exports rose {} pct."
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"y{day}",
                    "source": "Wire",
                    "date": f"1988-02-{day}",
                    "title": "T",
                    "body": body.format(day, day),
                }
            )
            + "\n"
            for day in (10, 11)
        )
    )
    assert Person.objects.get(name="Clayton Yeutter").role == "Trade Representative"
    Importer(workers=1).import_paths([str(path)])
    yeutter = Person.objects.get(name="Clayton Yeutter")
    assert yeutter.role == "Agriculture Secretary"  # 3 articles now, against 2: not the first story's
    yeutter.role, yeutter.corrected = "Ambassador", True
    yeutter.save()
    for article in Article.objects.all():
        reextraction.reextract(article)
    assert Person.objects.get(pk=yeutter.pk).role == "Ambassador"


def test_statements_filter_and_facet_by_the_speakers_role_at_the_date(archive, client):
    response = client.get(reverse("archive:statements"), {"q": 'role:"trade representative"'})
    texts = {s.text for s in response.context["page"].object_list}
    assert texts == {statement(t).text for t in ("Japan must open", "We will not", "the European Community")}
    roles = next(f for f in client.get(reverse("archive:statements")).context["facets"] if f.name == "role")
    assert {(v.label, v.count) for v in roles.values} >= {("Trade Representative", 3), ("Agriculture Secretary", 1)}
    chosen = client.get(reverse("archive:statements"), {"role": "Agriculture Secretary"})
    assert [s.text for s in chosen.context["page"].object_list] == [statement("Canada would").text]


def test_an_editors_role_and_dates_survive_reextraction(archive):
    yeutter = Person.objects.get(name="Clayton Yeutter")
    role = yeutter.roles.get(role="Trade Representative")
    role.role, role.first_seen = "U.S. Trade Representative", dt.date(1985, 7, 1)
    corrections.save_editor_role(role)
    for article in Article.objects.all():
        reextraction.reextract(article)
    kept = PersonRole.objects.get(pk=role.pk)
    assert (kept.role, kept.first_seen, kept.corrected) == ("U.S. Trade Representative", dt.date(1985, 7, 1), True)
    # The timeline the articles give is made again beside it, with the same dates as before.
    derived = yeutter.roles.get(role="Trade Representative")
    assert (derived.first_seen, derived.last_seen, derived.corrected) == (
        dt.date(1987, 3, 10),
        dt.date(1987, 10, 20),
        False,
    )


def test_the_relations_page_costs_a_constant_number_of_queries(archive, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(reverse("archive:relations"), {"year": "1987"}).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("archive:relation_pair", args=["us", "jp"])).status_code == 200


def test_the_relation_matrix_keeps_its_coordinates_for_a_reader_in_another_language(archive, client):
    """Its columns sit at half cells (12.5): a French or German reader's 12,5 would break the SVG."""
    html = client.get(reverse("archive:relations"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "<svg" in html and re.search(r'x="\d+\.\d+"', html)
    assert not re.search(r'(?:\b[xy]|width|height|viewBox|transform)="[^"]*\d,\d', html)
