"""What keeps lists fast as the archive grows must not change what they list: the API's date-ordered
lists walked with a hashed id list (listings.AmongMany) list what the id look-ups list, in both
orders, with and without filters, through every cursor page; on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.search import filtersets

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    kishi = make_person("Nobuo Kishi", country_id="JP")
    for number in range(30):
        day = dt.date(1987, 1 + number % 12, 1 + number % 27) if number % 7 else None  # some undated
        countries = ["JP"] if number % 3 else ["FR", "JP"]
        article = make_article(f"Trade report {number}", f"Trade talks, day {number}.", countries=countries,
                               published_on=day)  # fmt: skip
        if number % 4 == 0:
            make_statement(article, kishi, f"We agree on trade {number}")
    make_article("Farm report", "Wheat only.", countries=["FR"], published_on=dt.date(1988, 1, 1))


def walk(client, params) -> list[int]:
    url, seen = "/api/articles?" + "&".join(f"{key}={value}" for key, value in {**params, "limit": 7}.items()), []
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    return seen


@pytest.mark.parametrize(
    "params",
    [
        {"q": "trade"},
        {"q": "trade", "sort": "oldest"},
        {"q": "trade", "country": "FR"},
        {"country": "JP"},
        {"q": "talks", "speaker": "p"},
    ],  # fmt: skip
)
def test_lists_walked_among_many_ids_list_what_lookups_list(client, archive, monkeypatch, params):
    if params.get("speaker") == "p":
        from archive.models import Person

        params = {**params, "speaker": f"p{Person.objects.get().pk}"}
    looked_up = walk(client, params)
    monkeypatch.setattr(filtersets, "WALK_MIN_IDS", 1)  # every id list walked
    assert walk(client, params) == looked_up
    assert len(looked_up) == len(set(looked_up)) and looked_up


def render(client, path, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return response.content, len(queries)


@pytest.fixture
def statements_archive(archive):
    from archive.models import Article, Person

    kishi = Person.objects.get()
    for article in Article.objects.order_by("pk")[:12]:  # several statements an article, some undated
        for number in range(3):
            make_statement(article, kishi if number != 1 else None, f"Exports rise {article.pk} {number}")


@pytest.mark.parametrize("path", ["/", "/statements/"])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"page": "2"},
        {"sort": "oldest"},
        {"sort": "oldest", "page": "2"},
        {"country": "FR"},
        {"date_from": "1987-03-01", "page": "2"},
    ],  # fmt: skip
)
def test_pages_without_words_fetch_their_ids_first_and_show_what_one_sorted_query_shows(
    client, statements_archive, monkeypatch, path, params
):
    two_steps, queries = render(client, path, params)
    monkeypatch.setattr(filtersets.ArchiveSearch, "page_listing", lambda search: search.page_rows(search.results()))
    one_query, queries_before = render(client, path, params)
    assert two_steps == one_query
    assert queries == queries_before
    assert b"Trade report" in two_steps and b"/articles/" in two_steps


def test_postgresql_connections_run_without_jit():
    """A page's queries are short: PostgreSQL's JIT compiled the 10x facet counts for 56 ms of their
    390 (EXPLAIN ANALYZE); the archive's connections turn it off."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no JIT")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.parametrize("newest_first", [True, False])
def test_sqlite_walks_the_date_index_for_a_page_of_every_statement(newest_first):
    """The unfiltered statements page's ids: the articles in date order from their index, each
    article's statements from theirs, only ties sorted; not every statement sorted (1.8 s at 10x)."""
    from django.db import connection

    from archive.search.listings import statements_by_article_date

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL's planner orders the join itself")
    sql, params = statements_by_article_date(newest_first)(40, 20).as_sql(None, connection)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql.strip("()"), params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert plan[0].startswith("SCAN a USING COVERING INDEX"), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


@pytest.mark.parametrize(
    ("path", "params"),
    [("/", {"q": "trade"}), ("/", {"q": "trade", "page": "2"}), ("/", {"q": "trade talks", "country": "FR"}),
     ("/", {"q": "report", "date_from": "1987-03-01", "page": "2"}), ("/statements/", {"q": "exports"}),
     ("/statements/", {"q": "exports OR agree", "page": "2"}), ("/", {"q": "trade", "sort": "oldest"})],
)  # fmt: skip
def test_ranked_pages_from_ids_read_in_rank_order_show_what_ranking_again_shows(
    client, statements_archive, monkeypatch, path, params
):
    """PostgreSQL reads the matching ids in ranked order and a page is twenty of their rows
    (listings.PagedByRank): the same page, in the same number of queries, as ranking again."""
    from django.db import connection

    from archive.search.listings import PagedByRank

    taken, real = [], filtersets.ArchiveSearch.page_listing

    def page_listing(search):
        taken.append(real(search))
        return taken[-1]

    monkeypatch.setattr(filtersets.ArchiveSearch, "page_listing", page_listing)
    render(client, path, params)  # the words' statistics, remembered by the connection for a minute
    from_ids, queries = render(client, path, params)
    by_rank = isinstance(taken[-1], PagedByRank)
    assert by_rank == (connection.vendor == "postgresql" and "sort" not in params)
    monkeypatch.setattr(filtersets.ArchiveSearch, "ranks_with_ids", lambda search, found: False)
    ranked_again, queries_before = render(client, path, params)
    assert from_ids == ranked_again
    assert queries == queries_before
    assert b"/articles/" in from_ids
