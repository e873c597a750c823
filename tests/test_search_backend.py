"""Full-text search on the active database (SQLite by default; DATABASE_URL=postgres://... too)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Organisation, Statement, Tag, Tagging
from archive.search.fulltext import (
    Ids,
    InIds,
    apply_field_filters,
    apply_statement_field_filters,
    backends,
    forget_statistics,
    match_ids,
    parse_query,
    search_articles,
    search_statements,
)
from tests.factories import make_article, make_person, make_statement
from tests.test_search_query import HOSTILE

pytestmark = pytest.mark.django_db


def titles(text, queryset=None):
    query = parse_query(text)
    results = search_articles(queryset if queryset is not None else Article.objects.all(), query)
    return [article.title for article in apply_field_filters(results, query)]


def test_stemming_finds_other_forms():
    make_article("Trading slows", "Exporters were trading less.")
    make_article("Weather", "Rain in Bahia.")
    assert titles("trade") == ["Trading slows"]


def test_diacritics_are_folded_both_ways():
    make_article("Visit to São Paulo", "The minister arrived.")
    make_article("Zurich talks", "Delegates met in Zurich.")
    assert titles("Sao Paulo") == ["Visit to São Paulo"]
    assert titles("Zürich") == ["Zurich talks"]


def test_phrase_needs_the_words_together():
    make_article("Deficit", "The trade deficit widened.")
    make_article("Apart", "Trade grew; the deficit fell.")
    assert titles('"trade deficit"') == ["Deficit"]


def test_or_finds_either():
    make_article("Gatt", "GATT rules.")
    make_article("Tariff", "A new tariff.")
    make_article("Neither", "Rain.")
    assert sorted(titles("gatt OR tariff")) == ["Gatt", "Tariff"]


def test_minus_excludes():
    make_article("Soviet grain", "Soviet grain purchases.")
    make_article("Soviet oil", "Soviet oil output.")
    assert titles("soviet -oil") == ["Soviet grain"]
    assert titles('soviet -"oil output"') == ["Soviet grain"]


def test_only_exclusions_give_everything_else_unranked():
    make_article("Soviet grain", "Soviet grain purchases.")
    make_article("Soviet oil", "Soviet oil output.")
    results = search_articles(Article.objects.all(), parse_query("-oil"))
    assert [(a.title, a.rank, a.snippet) for a in results] == [("Soviet grain", 0.0, "")]


def test_title_ranks_above_body_and_body_above_names():
    # The linked names repeat the text's own names (and company names: "Silver State Mining" is
    # no story about silver), so a word only there counts least (bench/relevance.py).
    for number in range(6):  # so that "wheat" is a word of some stories, not of all
        make_article(f"Other {number}", "Ministers discussed the budget.")
    names = make_article("Farm report", "Farmers discussed the maize.", search_names="Wheat Board")
    make_article("Harvest report", "Farmers discussed the wheat.")
    make_article("Wheat exports rise", "Farmers discussed the maize.")
    results = list(search_articles(Article.objects.all(), parse_query("wheat")))
    assert [a.title for a in results] == ["Wheat exports rise", "Harvest report", "Farm report"]
    assert results[0].rank > results[1].rank > results[2].rank > 0
    assert names.pk == results[2].pk


def test_no_free_text_leaves_the_queryset_alone():
    make_article("One")
    results = search_articles(Article.objects.order_by("title"), parse_query("country:JP"))
    assert [(a.title, a.rank, a.snippet) for a in results] == [("One", 0.0, "")]


def test_snippet_marks_matches_and_keeps_markup_as_text():
    make_article("Markup", "Intro. <script>alert(1)</script> The <b>trade</b> deficit grew.")
    (article,) = search_articles(Article.objects.all(), parse_query("trade"))
    assert "\x02trade\x03" in article.snippet
    # Plain text, never markup of ours: SQLite keeps the tags as text (the template escapes
    # them), PostgreSQL's headline drops them.
    assert "alert(1)" in article.snippet
    assert "<mark>" not in article.snippet


def test_statements_are_searched_by_their_words():
    article = make_article()
    baker = make_person("James Baker")
    make_statement(article, baker, "We oppose protectionist trading rules")
    make_statement(article, None, "Rain fell")
    query = parse_query('trade speaker:"james baker"')
    results = apply_statement_field_filters(search_statements(Statement.objects.all(), query), query)
    (statement,) = results
    assert statement.text.startswith("We oppose") and "\x02trading\x03" in statement.snippet
    assert statement.rank > 0


def test_country_prefix_takes_a_code_or_a_name():
    make_article("In Japan", countries=["JP"])
    make_article("In France", countries=["FR"])
    assert titles("country:jp") == ["In Japan"]
    assert titles("country:Japan") == ["In Japan"]
    assert titles("country:Atlantis") == []


def test_person_org_tag_and_speaker_prefixes():
    yeutter = make_person("Clayton Yeutter")
    gatt = Organisation.objects.create(name="General Agreement on Tariffs and Trade", abbreviation="GATT")
    energy = Tag.objects.create(name="Energy")
    with_all = make_article("Everything")
    make_article("Nothing")
    with_all.articleperson_set.create(person=yeutter)
    with_all.articleorganisation_set.create(organisation=gatt)
    Tagging.objects.create(article=with_all, tag=energy)
    make_statement(with_all, yeutter, "We will act")
    for text in ["person:yeutter", 'person:"Clayton Yeutter"', "org:GATT", "org:tariffs", "tag:energy"]:
        assert titles(text) == ["Everything"], text
    assert titles("speaker:Yeutter") == ["Everything"]
    assert titles("speaker:Nobody") == []


def test_results_compose_with_filter_count_grouping_and_pagination():
    for n in range(5):
        make_article(f"Trade {n}", "Trade talks.", countries=["JP"] if n % 2 else ["FR"])
    make_article("Other", "Rain.", countries=["JP"])
    results = search_articles(Article.objects.all(), parse_query("trade"))
    assert results.filter(countries="JP").count() == 2
    by_country = dict(results.order_by().values("countries").annotate(n=Count("pk")).values_list("countries", "n"))
    assert by_country == {"FR": 3, "JP": 2}
    page = Paginator(results, 2).page(3)
    assert len(page.object_list) == 1 and page.paginator.count == 5
    assert all("\x02" in article.snippet for article in page.object_list)
    # Used as a subquery (as facet counts do), the table alias changes: still valid SQL.
    assert Article.objects.filter(pk__in=results.values("pk")).count() == 5


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_answers(text):
    make_article("Trade", "Trade talks in São Paulo.")
    query = parse_query(text)
    articles = apply_field_filters(search_articles(Article.objects.all(), query), query)
    assert articles.count() == len(list(articles[:20]))
    statements = apply_statement_field_filters(search_statements(Statement.objects.all(), query), query)
    list(statements[:20])


def test_bulk_create_and_update_keep_the_index():
    Article.objects.bulk_create(
        Article(title=f"Bulk {n}", body="Sugar quotas.", fingerprint=f"bulk-{n}") for n in range(3)
    )
    assert len(titles("sugar")) == 3
    Article.objects.filter(title="Bulk 0").update(body="Coffee quotas.")
    assert sorted(titles("sugar")) == ["Bulk 1", "Bulk 2"]
    assert titles("coffee") == ["Bulk 0"]
    Article.objects.filter(title="Bulk 1").delete()
    assert titles("sugar") == ["Bulk 2"]
    article = Article.objects.get(title="Bulk 2")
    article.search_names = "Jamaica"
    article.save()
    assert titles("jamaica") == ["Bulk 2"]


def test_rebuild_command_reports():
    make_article("Trade")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "rebuilt" in out.getvalue().lower() or "analyzed" in out.getvalue().lower()
    assert titles("trade") == ["Trade"]


def test_which_words_are_too_common_is_asked_once_per_connection_for_a_while(monkeypatch):
    make_article("Trade", "Trade talks.")

    def queries(text):
        with CaptureQueriesContext(connection) as captured:
            list(search_articles(Article.objects.all(), parse_query(text)))
        return len(captured)

    forget_statistics()
    first = queries("trade")
    assert queries("trade") == first - 1  # remembered by the connection
    monkeypatch.setattr(backends, "STATISTICS_TTL", -1.0)
    forget_statistics()
    assert queries("trade") == first and queries("trade") == first  # forgotten at once: asked each time


def test_common_words_are_matched_but_not_ranked(monkeypatch):
    make_article("Said once", "He said so.", published_on=dt.date(2020, 1, 1))
    make_article("Said twice", "He said so. She said so.", published_on=dt.date(2021, 1, 1))
    monkeypatch.setattr(backends, "COMMON_MIN_ROWS", 1)
    if connection.vendor == "postgresql":  # the planner's statistics say which words are common
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE archive_article")
    forget_statistics()
    results = search_articles(Article.objects.all(), parse_query("said"))
    assert [(a.title, a.rank) for a in results] == [("Said twice", 0.0), ("Said once", 0.0)]  # newest first
    assert all("\x02" in a.snippet for a in results)
    forget_statistics()


def test_ids_narrow_a_queryset_in_one_parameter_however_many():
    articles = [make_article(f"Story {n}") for n in range(5)]
    chosen = Ids(article.pk for article in articles[1:4])
    for walk in (False, True):
        with CaptureQueriesContext(connection) as captured:
            found = sorted(Article.objects.filter(InIds(F("pk"), chosen, walk=walk)).values_list("pk", flat=True))
        assert found == sorted(chosen)
        assert captured[0]["sql"].count(str(articles[1].pk)) == 1  # all the ids, once, as one literal
    assert not Article.objects.filter(InIds(F("pk"), Ids())).exists()
    statements = Statement.objects.filter(InIds(F("article_id"), Ids([articles[0].pk])))
    assert list(statements) == [] and chosen.as_json().startswith("[") and chosen.as_array().startswith("{")


def test_match_ids_are_the_ids_search_finds():
    make_article("Trade", "Trade talks in Geneva.")
    make_article("Oil", "Oil prices and trade.")
    make_article("Rain", "Rain in Bahia.")
    for text in ["trade", '"trade talks"', "oil OR rain", "trade -oil", "nothing"]:
        query = parse_query(text)
        ids = match_ids(Article, query)
        found = sorted(search_articles(Article.objects.all(), query).values_list("pk", flat=True))
        assert ids is None if connection.vendor == "postgresql" else sorted(ids) == found, text
    for text in ["-oil", "country:JP trade", ""]:  # exclusions only, prefixes, nothing: matched in the table
        assert match_ids(Article, parse_query(text)) is None
