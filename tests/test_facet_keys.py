"""Facet keys (migration 0009, archive/facet_keys.py): the search page's facets counted in one query
must list exactly what the per-facet queries list, after any kind of write, on both databases."""

import datetime as dt
import json

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from archive.curation import merging
from archive.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    Organisation,
    Statement,
    StatementCountry,
    Tag,
    Tagging,
)
from archive.search import facet_keys
from archive.search.facets import STATEMENTS
from archive.search.filtersets import ArticleSearch, StatementSearch

from .factories import make_article, make_organisation, make_person, make_source, make_statement, mention, tag

pytestmark = pytest.mark.django_db
MORE = {"more": ["country", "dateline", "person", "org", "speaker", "tag"]}


def facets(params, *, keyed: bool, monkeypatch, search_class=ArticleSearch):
    """Every facet's values (value, label, count, chosen), in the order shown."""
    monkeypatch.setattr(search_class, "keyed_facets", keyed)
    query = QueryDict(mutable=True)
    for name, value in {**params, **MORE, "more": [*MORE["more"], "about", "speaker_country", "role"]}.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    search = search_class(query)
    return {f.name: [(v.value, v.label, v.count, v.selected) for v in f.values] for f in search.facets()}


# The statement lists' cases: no words, words in most statements and in few, filters of each level.
STATEMENT_CASES = ({}, {"q": "agree"}, {"q": "farm"}, {"country": "JP"}, {"kind": "direct", "q": "agree OR farm"},
                   {"about": "FR"}, {"speaker_known": "yes"})  # fmt: skip


def assert_same_facets(monkeypatch, *cases):
    assert facet_keys.out_of_step() == []
    assert facet_keys.totals_out_of_step() == {}
    assert facet_keys.totals_out_of_step(lists=STATEMENTS) == {}
    # No words (the totals), a word in every article (the totals minus the others), in one (its keys).
    shown = []
    for params in cases or ({"q": "talks"}, {}, {"q": "japan"}):
        shown.append(facets(params, keyed=True, monkeypatch=monkeypatch))
        assert shown[-1] == facets(params, keyed=False, monkeypatch=monkeypatch), params
    for params in STATEMENT_CASES:
        keyed = facets(params, keyed=True, monkeypatch=monkeypatch, search_class=StatementSearch)
        assert keyed == facets(params, keyed=False, monkeypatch=monkeypatch, search_class=StatementSearch), params
    return shown[0] if not cases else shown[-1]


@pytest.fixture
def archive():
    dpa = make_source("dpa")
    kishi = make_person("Nobuo Kishi", country_id="JP")
    shultz = make_person("George Shultz", country_id="US")
    ministry = make_organisation("Foreign Ministry", country_id="CN", kind="government")
    japan = make_article("Japan talks", "Talks body", countries=["JP", "US"], published_on=dt.date(1987, 3, 2))
    france = make_article("France talks", "Talks body", countries=["FR"], source=dpa, published_on=dt.date(1988, 4, 9))
    undated = make_article("Undated talks", "Talks body", countries=["FR", "JP"], published_on=None)
    mention(japan, kishi, ministry, dateline=["JP"])
    mention(france, shultz)
    agree = make_statement(japan, kishi, "We agree")
    make_statement(japan, kishi, "We agree again")
    farm = make_statement(france, None, "Farm policy", speaker_organisation=ministry)
    make_statement(undated, None, "He said")
    StatementCountry.objects.create(statement=agree, country_id="FR")
    StatementCountry.objects.create(statement=farm, country_id="FR")
    StatementCountry.objects.create(statement=farm, country_id="US")
    Statement.objects.filter(pk=agree.pk).update(speaker_role="Foreign Minister", speaker_country_id="JP")
    tag(france, "Farm")
    tag(japan, "Farm")
    return {"japan": japan, "france": france, "undated": undated, "kishi": kishi, "shultz": shultz}


def test_keyed_facets_list_what_the_per_facet_queries_list(archive, monkeypatch):
    shown = assert_same_facets(
        monkeypatch,
        {"q": "talks"},
        {"q": "talks", "country": "JP"},
        {"q": "talks", "year": "1987"},
        {"q": "talks", "year": "1987", "month": "3"},
        {"q": "talks", "tag": "farm", "source": "dpa"},
        {"country": "FR"},
        {},
        {"q": "japan"},
        {"q": "japan OR france"},
    )
    assert shown  # the last case: France chosen, the other facets keyed
    words = facets({"q": "talks"}, keyed=True, monkeypatch=monkeypatch)
    assert [(label, n) for _, label, n, _ in words["country"]] == [("France", 2), ("Japan", 2), ("United States", 1)]
    assert sorted((label, n) for _, label, n, _ in words["speaker"]) == [
        ("Foreign Ministry (CN)", 1), ("Nobuo Kishi", 1)]  # fmt: skip
    assert [(value, n) for value, _, n, _ in words["year"]] == [("1987", 1), ("1988", 1)]
    assert [(label, n) for _, label, n, _ in words["tag"]] == [("Farm", 2)]


def test_the_keys_follow_every_kind_of_write(archive, monkeypatch):
    japan, france, undated = archive["japan"], archive["france"], archive["undated"]
    ArticleCountry.objects.create(article=france, country_id="DE", in_dateline=True)  # an editor adds a link
    ArticlePerson.objects.filter(article=japan).delete()  # and removes one
    Statement.objects.filter(article=undated).update(speaker_person=archive["shultz"])  # names a speaker
    Tagging.objects.filter(article=japan).delete()
    tag(undated, "Oil")
    Article.objects.filter(pk=undated.pk).update(published_on=dt.date(1986, 12, 1))  # corrects a date
    StatementCountry.objects.filter(country_id="US").delete()  # a statement is about one country fewer
    StatementCountry.objects.create(statement=Statement.objects.get(text="He said"), country_id="JP")
    Statement.objects.filter(text="We agree again").update(kind="indirect", speaker_role="Prime Minister")
    assert_same_facets(monkeypatch)
    about = facets({}, keyed=True, monkeypatch=monkeypatch, search_class=StatementSearch)["about"]
    assert [(label, n) for _, label, n, _ in about] == [("France", 2), ("Japan", 1)]
    merging.merge(archive["shultz"], [archive["kishi"]])  # one person under two names
    speakers = assert_same_facets(monkeypatch)["speaker"]
    assert [(label, n) for _, label, n, _ in speakers] == [
        ("George Shultz", 2), ("Foreign Ministry (CN)", 1)]  # fmt: skip
    france.delete()
    years = assert_same_facets(monkeypatch)["year"]
    assert [(value, n) for value, _, n, _ in years] == [("1986", 1), ("1987", 1)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM archive_facetkeys")
        assert cursor.fetchone()[0] == Article.objects.count()
    # The lists' counts without words or filters are read from the totals: the same numbers.
    assert ArticleSearch(QueryDict()).count() == Article.objects.count() == 2
    assert StatementSearch(QueryDict()).count() == Statement.objects.count() == 3


def test_rebuild_search_index_refreshes_the_keys(archive, monkeypatch):
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM archive_facetkeys")
        if connection.vendor == "sqlite":  # SQLite's way of altering a table drops its triggers
            cursor.execute("DROP TRIGGER archive_facet_keys_archive_articlecountry_insert")
    call_command("rebuild_search_index", verbosity=0)
    assert_same_facets(monkeypatch)
    ArticleCountry.objects.create(article=archive["france"], country_id="DE")  # the triggers are back
    assert ("Germany", 1) in [(label, n) for _, label, n, _ in assert_same_facets(monkeypatch)["country"]]


def keys_of(article) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT keys FROM archive_facetkeys WHERE article_id = %s", [article.pk])
        keys = cursor.fetchone()[0]
        return set(keys if isinstance(keys, list) else json.loads(keys))  # text[] or JSON


def test_the_keys_name_an_articles_values(archive):
    japan = archive["japan"]
    assert keys_of(japan) == {
        "c:JP", "c:US", "d:JP", f"sp:p{archive['kishi'].pk}", f"p:{archive['kishi'].pk}",
        f"o:{Organisation.objects.get().pk}", f"t:{Tag.objects.get().pk}", f"s:{japan.source_id}", "y:1987", "m:3",
    }  # fmt: skip


def test_writes_inside_a_deferred_block_are_counted_when_it_ends(archive):
    france = archive["france"]
    with transaction.atomic(), facet_keys.deferred():
        ArticleCountry.objects.create(article=france, country_id="DE")
        tag(france, "Oil")
        assert "c:DE" not in keys_of(france)  # noted, not yet refreshed
    oil = Tagging.objects.get(article=france, tag__name="Oil").tag_id
    assert {"c:DE", "c:FR", f"t:{oil}"} <= keys_of(france)


def test_an_import_leaves_the_keys_of_what_it_wrote(tmp_path, monkeypatch):
    from django.core.management import call_command

    story = "TOKYO, March {n} - Japan's Foreign Minister Tadashi Kuranari said talks with France would go on."
    path = tmp_path / "stories.jsonl"
    rows = [{"title": f"Talks {n}", "date": f"1987-03-0{n}", "body": story.format(n=n), "source_id": f"s{n}"}
            for n in range(1, 6)]  # fmt: skip
    path.write_text("\n".join(json.dumps(row) for row in rows))
    call_command("import_documents", str(path), verbosity=0)
    shown = assert_same_facets(monkeypatch)
    assert ("Japan", 5) in [(label, n) for _, label, n, _ in shown["country"]]
    rows[0]["body"] += " Germany was not there."  # a changed story updates its article
    path.write_text("\n".join(json.dumps(row) for row in rows))
    call_command("import_documents", str(path), verbosity=0)
    shown = assert_same_facets(monkeypatch)
    assert ("Germany", 1) in [(label, n) for _, label, n, _ in shown["country"]]


def test_past_a_databases_limit_facets_are_counted_one_by_one(archive, monkeypatch):
    """SQLite counts many articles faster by scanning link tables: the keys are for fewer, or for
    the few that a word found in most articles is not in."""
    from django.test.utils import CaptureQueriesContext

    for number in range(3):
        make_article(f"Farm report {number}", "Wheat", countries=["FR"])

    def reads_keys() -> bool:
        with CaptureQueriesContext(connection) as queries:
            ArticleSearch(QueryDict("q=talks")).facets()
        return any("archive_facetkeys" in query["sql"] for query in queries.captured_queries)

    assert reads_keys()
    monkeypatch.setitem(facet_keys.MAX_ARTICLES, connection.vendor, 3)  # "talks": 3 of 6 articles, 3 not
    assert not reads_keys()
    monkeypatch.setitem(facet_keys.MAX_ARTICLES, connection.vendor, 4)  # 3 is fewer
    assert reads_keys()
    assert assert_same_facets(monkeypatch, {"q": "talks"}, {"q": "wheat OR talks"}, {})


def test_keys_out_of_step_with_the_links_are_found(archive):
    with connection.cursor() as cursor:  # as if a write had bypassed the triggers
        cursor.execute("DELETE FROM archive_facetkeys WHERE article_id = %s", [archive["japan"].pk])
        cursor.execute("UPDATE archive_facetkeys SET keys = keys WHERE article_id = %s", [archive["france"].pk])
    assert facet_keys.out_of_step() == [archive["japan"].pk]


def test_totals_out_of_step_with_the_keys_are_found_and_rebuilt(archive, monkeypatch):
    from django.core.management import call_command

    with connection.cursor() as cursor:  # as if a write had bypassed the triggers
        cursor.execute("UPDATE archive_facettotals SET n = n + 5 WHERE key = 'c:JP'")
    assert facet_keys.totals_out_of_step() == {"c:JP": (7, 2)}
    call_command("rebuild_search_index", verbosity=0)
    assert facet_keys.totals_out_of_step() == {}
    assert_same_facets(monkeypatch, {}, {"q": "talks"})


def test_long_lists_are_counted_from_a_sample_and_the_page_says_about(client, monkeypatch):
    """Issue 16: from SAMPLE_FROM listed rows (and as many others) the keys of every k-th listed row
    are counted and scaled, rounded, and marked as estimates, in as many queries (the number of rows
    is remembered); other lists exact."""
    for number in range(12):
        make_article(f"Trade talks {number}", "Tariffs and trade.", countries=["JP" if number % 3 else "US"])
    for number in range(12):
        make_article(f"Farm report {number}", "Wheat", countries=["FR"])
    exact = facets({"q": "trade"}, keyed=True, monkeypatch=monkeypatch)
    assert ("JP", "Japan", 8, False) in exact["country"]
    response = client.get("/", {"q": "trade"})
    assert b"about" not in response.content.split(b'class="facets"')[1]

    vendor = connection.vendor
    facet_keys.forget_totals()  # the number of articles, remembered by the connection for a minute
    monkeypatch.setitem(facet_keys.SAMPLE_FROM, vendor, 4)
    monkeypatch.setattr(facet_keys, "SAMPLE_SIZE", 6)  # 12 listed: every 2nd counted, times 2
    sampled = facets({"q": "trade"}, keyed=True, monkeypatch=monkeypatch)
    counts = dict((value, count) for value, _label, count, _chosen in sampled["country"])
    assert sum(counts.values()) == 12 and set(counts) <= {"JP", "US"} and all(n % 2 == 0 for n in counts.values())
    search = ArticleSearch(QueryDict("q=trade"))
    assert search.count() == 12  # the number of results stays exact
    with CaptureQueriesContext(connection) as queries:
        assert all(facet.estimated for facet in search.facets() if facet.name == "country")
    assert len(queries) == 1
    response = client.get("/", {"q": "trade"})
    facets_html = response.content.decode().split('class="facets"')[1]
    assert 'class="estimate"' in facets_html and '<span class="count">about ' in facets_html
    # Every article listed, none other: exact.
    assert not any(facet.estimated for facet in ArticleSearch(QueryDict("q=trade OR wheat")).facets())
    monkeypatch.setitem(facet_keys.SAMPLE_FROM, vendor, 13)  # 12 listed: counted exactly
    assert not any(facet.estimated for facet in ArticleSearch(QueryDict("q=trade")).facets())


def test_estimated_counts_are_rounded_to_two_digits():
    assert [facet_keys.about(n) for n in (0, 57, 99.6, 1234, 27834, 150130)] == [0, 57, 100, 1200, 28000, 150000]
