"""Relevance as a researcher sees it (issue 13; bench/relevance.py measures it on the Reuters
stories), and one order for one search everywhere: the page, the exports, the feed.
On the active database (SQLite by default; DATABASE_URL=postgres://... too)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from archive.models import Article
from archive.search.fulltext import parse_query, search_articles

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"

STORY = (
    "Japan and the United States opened talks on trade today, with Washington pressing Tokyo to "
    "open its markets to American goods.\n\n"
    "Officials said the trade deficit with Japan reached a record last year and that Congress was "
    "preparing legislation to curb imports unless the talks brought results.\n\n"
    "Japanese negotiators said they would offer to buy more farm products and semiconductors, but "
    "warned that sanctions would hurt both economies and the world trade system.\n\n"
    "The talks, the third round this year, are expected to last two days. Trade ministers of both "
    "countries will meet again next month before the economic summit in Venice."
)


def others(count=12):
    """Stories on other subjects, so that the words searched are words of some stories, not all."""
    for number in range(count):
        make_article(f"Budget debate {number}", "Ministers discussed the budget and the harvest.")


def titles(text):
    return [article.title for article in search_articles(Article.objects.all(), parse_query(text))]


def test_a_story_about_trade_ranks_above_one_line_trading_notices():
    others()
    for name in ("Uslico", "Oxford Energy", "Sherwood Group", "Adams-Russell"):
        make_article(f"AMEX STARTS TRADING {name.upper()}", f"The American Stock Exchange said {name} started trading.")
    make_article("KCBT HALTS TRADING IN VALUE LINE FUTURES", "The Kansas City Board of Trade halted trading.")
    make_article("JAPAN, U.S. OPEN TRADE TALKS AS CONGRESS PRESSES TOKYO", STORY)
    assert titles("trade")[0] == "JAPAN, U.S. OPEN TRADE TALKS AS CONGRESS PRESSES TOKYO"


def test_the_word_as_typed_ranks_above_another_form_of_it():
    others()
    make_article("Ministers meet", "Ministers discussed trade with Japan now.")
    make_article("Ministers met", "Ministers discussed trading with Japan.")
    assert titles("trade") == ["Ministers meet", "Ministers met"]
    assert titles("trading") == ["Ministers met", "Ministers meet"]


def test_a_word_in_the_headline_ranks_above_the_same_word_once_in_the_body():
    others()
    make_article("Harvest report", "Farmers discussed the wheat crop.")
    make_article("Wheat report", "Farmers discussed the maize crop.")
    assert titles("wheat") == ["Wheat report", "Harvest report"]


def test_a_story_that_keeps_to_the_subject_ranks_above_a_passing_mention():
    others()
    make_article("Farm exports", "Exports of cotton rose. " + "Sales of machinery and fertiliser fell. " * 8)
    make_article("Cotton harvest", "The cotton harvest was large and cotton prices fell as cotton stocks rose.")
    assert titles("cotton")[0] == "Cotton harvest"


def test_the_rarer_word_of_a_search_weighs_more_than_a_common_one():
    """ "fuel oil": a story about fuel above one that repeats "oil", which most stories hold. SQLite's
    bm25 weighs words by their rarity; PostgreSQL's ts_rank does not, so the search weighs each word
    by the share of stories holding it, from the table's statistics (ANALYZE)."""
    for number in range(14):
        make_article(f"Crude market {number}", "Oil prices rose as oil output fell and oil stocks shrank.")
    make_article("Oil companies report", "Oil output rose. Oil exports rose and oil refiners bought oil. "
                 "Oil traders said fuel oil stocks rose.")  # fmt: skip
    make_article("Fuel shortage", "Fuel prices rose. Fuel rationing began and fuel imports stopped. "
                 + "Queues grew at every station in the cities and towns of the north. " * 3
                 + "Heating oil was scarce.")  # fmt: skip
    analyse_articles()
    assert titles("fuel oil")[0] == "Fuel shortage"


def analyse_articles():
    """What autovacuum does on PostgreSQL: the word statistics the ranking reads (SQLite: none)."""
    from django.db import connection

    from archive.search.fulltext import forget_statistics

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE archive_article")
    forget_statistics()


# --- one order everywhere ------------------------------------------------------------------------


@pytest.fixture
def ranked_corpus():
    """Stories and statements whose order by relevance differs from their order by date."""
    others(6)
    yeutter = make_person("Clayton Yeutter")
    day = dt.date(1987, 3, 1)
    bodies = [
        "Officials spoke of trading hours.",
        STORY,
        "The trade figures are due next week. Trade officials expect a deficit in trade.",
        "Exports rose. Trade was mentioned once among many other matters of the economy and the budget.",
        "Trading in the shares was halted.",
    ]
    for number, body in enumerate(bodies):
        article = make_article(f"Story {number}", body, published_on=day + dt.timedelta(days=number))
        make_statement(article, yeutter, f"We want fair trade, {number}")
        make_statement(article, None, f"Trade talks will go on {'and on ' * number}")
    return bodies


def page_order(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    return [item.pk for item in response.context["page"].object_list]


def export_order(client, url, params, fmt):
    response = client.get(url, params)
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = json.loads(text) if fmt == "json" else list(csv.DictReader(io.StringIO(text)))
    return [int(row["id"]) for row in rows]


def feed_ids(client, url, params):
    root = ET.fromstring(client.get(url, params).content)
    return [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]


@pytest.mark.parametrize("sort", ["", "relevance", "newest", "oldest"])
@pytest.mark.parametrize("kind", ["articles", "statements"])
def test_page_exports_and_feed_list_one_order(client, ranked_corpus, kind, sort):
    names = {"articles": ("search", "search_export", "search_feed"),
             "statements": ("statements", "statements_export", "statements_feed")}[kind]  # fmt: skip
    params = {"q": "trade", **({"sort": sort} if sort else {})}
    shown = page_order(client, reverse(f"archive:{names[0]}"), params)
    assert len(shown) >= 5
    for fmt in ("csv", "json"):
        assert export_order(client, reverse(f"archive:{names[1]}", kwargs={"fmt": fmt}), params, fmt) == shown
    # The feed: newest first unless a sort is named; then the page's order.
    links = feed_ids(client, reverse(f"archive:{names[2]}"), params)
    model = Article if kind == "articles" else Article.statements.rel.related_model
    if sort:
        expected = [model.objects.get(pk=pk) for pk in shown]
        expected = [item.get_absolute_url() if kind == "articles" else
                    f"{item.article.get_absolute_url()}#statement-{item.pk}" for item in expected]  # fmt: skip
        assert [link.split("://", 1)[-1].split("/", 1)[-1] for link in links] == [
            url.lstrip("/") for url in expected
        ]  # fmt: skip
    if kind == "articles" and sort in ("", "relevance"):
        by_date = sorted(shown, key=lambda pk: Article.objects.get(pk=pk).published_on, reverse=True)
        assert shown != by_date  # relevance, not date: the test would tell the two apart


# --- statements: by their words and their speaker ---------------------------------------------------


def statement_texts(text):
    from archive.models import Statement
    from archive.search.fulltext import apply_statement_field_filters, search_statements

    query = parse_query(text)
    return [s.text for s in apply_statement_field_filters(search_statements(Statement.objects.all(), query), query)]


def test_statements_match_and_rank_by_their_speaker():
    from archive.models import Organisation

    article = make_article()
    yeutter = make_person("Clayton Yeutter", alternative_names="Clayton K. Yeutter")
    gatt = Organisation.objects.create(name="General Agreement on Tariffs and Trade", abbreviation="GATT")
    make_statement(article, yeutter, "We want lower tariffs on rice")
    make_statement(article, None, "Yeutter is wrong about tariffs", speaker_label="A Japanese official")
    make_statement(article, None, "The round will go on", speaker_organisation=gatt)
    for number in range(6):
        make_statement(article, None, f"Rain fell {number}", speaker_label="he")
    assert statement_texts("yeutter tariffs") == ["We want lower tariffs on rice", "Yeutter is wrong about tariffs"]
    assert statement_texts("gatt") == ["The round will go on"]
    assert statement_texts("japanese official") == ["Yeutter is wrong about tariffs"]


def test_a_renamed_or_changed_speaker_is_searched_by_the_new_name():
    from archive.models import Organisation, Statement

    article = make_article()
    person = make_person("Nobuo Kishi")
    statement = make_statement(article, person, "We will open the market")
    make_statement(article, None, "Rain fell", speaker_label="he")
    assert statement_texts("kishi") == ["We will open the market"]
    person.name = "Nobusuke Kishimoto"
    person.save()
    assert statement_texts("kishi") == [] and statement_texts("kishimoto") == ["We will open the market"]
    miti = Organisation.objects.create(name="Ministry of International Trade and Industry", abbreviation="MITI")
    Statement.objects.filter(pk=statement.pk).update(speaker_person=None, speaker_organisation=miti)
    assert statement_texts("kishimoto") == [] and statement_texts("miti") == ["We will open the market"]
    Organisation.objects.filter(pk=miti.pk).update(abbreviation="METI")
    assert statement_texts("miti") == [] and statement_texts("meti") == ["We will open the market"]
    Statement.objects.filter(pk=statement.pk).delete()
    assert statement_texts("meti") == []


def test_rebuild_search_index_keeps_statements_searchable_by_speaker():
    from django.core.management import call_command

    article = make_article()
    make_statement(article, make_person("Clayton Yeutter"), "We want lower tariffs")
    call_command("rebuild_search_index", verbosity=0)
    assert statement_texts("yeutter") == ["We want lower tariffs"]
    make_statement(article, make_person("James Baker"), "The dollar is stable")  # the triggers are there
    assert statement_texts("baker") == ["The dollar is stable"]
