"""Every facet of the article search counted in one query, from the arrays of facet values that
the database keeps per article (`archive_facetkeys`, migration 0009: text[] on PostgreSQL, a JSON
array on SQLite).

`count_facets(ids, limits)` returns, for each facet asked, the rows the per-facet queries of
counting.py return (same keys, same order: count, then label), the top `limit` values with their ties
(None: every value, by value, for the date charts). Only for facets whose own filter is not chosen:
those are all counted over the same articles, `ids`.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

from django.db import connections

from .facets import ARTICLES, FACETS, KEY_PREFIXES, STATEMENTS
from .fulltext import Ids
from .schema import facet_keys as schema
from .speakers import Speaker

# {unnest}: each article's keys, a row each ({key}); {counted}: one of COUNTED below, the keys with
# the number of counted articles holding each.
SQL = """
WITH {matches}counted AS MATERIALIZED (
    {counted}
), ranked AS (
    SELECT {prefix} AS facet, substr(key, {colon} + 1) AS value, n,
           rank() OVER (PARTITION BY {prefix} ORDER BY n DESC) AS place
    FROM counted
), kept AS (
    SELECT facet, value, n,
           CASE WHEN facet IN ('p', 'o', 't', 's') THEN CAST(value AS bigint)
                WHEN facet = 'sp' THEN CAST(substr(value, 2) AS bigint) END AS number
    FROM ranked
    WHERE {kept}
)
-- The labels of the few values kept, each looked up by its key (scalar subqueries: joined, PostgreSQL
-- hashed the whole person and organisation tables for some sixty rows, 4 ms of a 10 ms query).
SELECT k.facet, k.value, k.n, k.number,
       coalesce(k.country, k.person, k.organisation, k.tag, k.source) AS label,
       k.org_country, k.org_kind, coalesce(k.tag_slug, k.source_slug) AS slug
FROM (
    SELECT kept.*,
           CASE WHEN facet IN ('c', 'd', 'sc', 'a') THEN
               (SELECT name FROM archive_country WHERE code = kept.value) END AS country,
           CASE WHEN facet = 'p' OR facet = 'sp' AND value LIKE 'p%%' THEN
               (SELECT name FROM archive_person WHERE id = kept.number) END AS person,
           CASE WHEN facet = 'o' OR facet = 'sp' AND value LIKE 'o%%' THEN
               (SELECT name FROM archive_organisation WHERE id = kept.number) END AS organisation,
           CASE WHEN facet = 'o' OR facet = 'sp' AND value LIKE 'o%%' THEN
               (SELECT country_id FROM archive_organisation WHERE id = kept.number) END AS org_country,
           CASE WHEN facet = 'o' OR facet = 'sp' AND value LIKE 'o%%' THEN
               (SELECT kind FROM archive_organisation WHERE id = kept.number) END AS org_kind,
           CASE WHEN facet = 't' THEN (SELECT name FROM archive_tag WHERE id = kept.number) END AS tag,
           CASE WHEN facet = 't' THEN (SELECT slug FROM archive_tag WHERE id = kept.number) END AS tag_slug,
           CASE WHEN facet = 's' THEN (SELECT name FROM archive_source WHERE id = kept.number) END AS source,
           CASE WHEN facet = 's' THEN (SELECT slug FROM archive_source WHERE id = kept.number) END AS source_slug
    FROM kept
) k
ORDER BY k.facet, k.n DESC, k.person, k.organisation, label, k.value
"""
# The articles counted: every one (the totals the database keeps), or those of an id list `m`. Over a
# list, the two ways below are both in the query, each behind a condition on the list's length
# (%s) that the database evaluates once, before reading anything: the arrays of the listed articles
# when they are at most half of the archive, else the totals minus the arrays of the articles NOT
# listed (a word in 17,000 of 18,680 stories: 1,680 arrays read instead of 17,000). Exact either
# way: the totals and the arrays are read in one statement, one snapshot, and kept by the same
# transactions (schema/facet_keys.py).
ALL = "SELECT key, n FROM {totals} WHERE key <> '' AND n > 0"
MOST = "(2 * %s > (SELECT coalesce(max(n), 0) FROM {totals} WHERE key = ''))"
LISTED = f"""
    SELECT {{key}} AS key, count(*) AS n
    FROM {{keys}} f {{unnest}}
    WHERE {{listed}} AND NOT {MOST}
    GROUP BY {{key}}
    UNION ALL
    SELECT t.key, t.n - coalesce(x.n, 0)
    FROM {{totals}} t LEFT JOIN (
        SELECT {{key}} AS key, count(*) AS n
        FROM {{keys}} f {{unnest}}
        WHERE {{not_listed}}
        GROUP BY {{key}}
    ) x ON x.key = t.key
    WHERE {MOST} AND t.key <> '' AND t.n > coalesce(x.n, 0)
"""
# The arrays of each kind of list: (table, id column, totals table).
TABLES = {
    ARTICLES: ("archive_facetkeys", "article_id", "archive_facettotals"),
    STATEMENTS: ("archive_statementkeys", "statement_id", "archive_statementtotals"),
}
DIALECTS = {
    "postgresql": {
        "unnest": "CROSS JOIN LATERAL unnest(f.keys) AS k(key)",
        "key": "k.key",
        "matches": "m AS MATERIALIZED (SELECT unnest(%s::bigint[]) AS id), ",
        # The listed rows by the list itself (a second copy of it; `m` is read for the complement):
        # the planner then knows its length, and looks a short list up in the index ("soviet
        # -oil", 274 articles: 9.3 -> 3.4 ms) or hashes it as it scans, where it could only guess
        # the length of `m`. Up to SHORT_LIST ids: longer, the second copy cost more to parse and
        # plan than it saved ("said", 15,000 ids, counted from the complement: 39 -> 43 ms).
        "listed": "f.{id} = ANY(%s::bigint[])",
        "listed_long": "f.{id} IN (SELECT id FROM m)",
        "not_listed": "NOT EXISTS (SELECT 1 FROM m WHERE m.id = f.{id})",  # a hash anti-join
        "prefix": "split_part(key, ':', 1)",
        "colon": "strpos(key, ':')",
    },
    "sqlite": {
        "unnest": "CROSS JOIN json_each(f.keys) AS k",
        "key": "k.value",
        "matches": "m AS MATERIALIZED (SELECT value AS id FROM json_each(%s)), ",
        "listed": "f.{id} IN (SELECT id FROM m)",
        "not_listed": "f.{id} NOT IN (SELECT id FROM m)",
        "prefix": "substr(key, 1, instr(key, ':') - 1)",
        "colon": "instr(key, ':')",
    },
}


# From how many rows to count (those listed, or the others when the list holds most of the archive)
# the per-facet queries are the faster way, per database (None: never). SQLite had a limit of 5,000
# (it reads JSON arrays more slowly than it scans link tables in index order), measured at 19,000
# stories; at 190,000 the per-facet queries cost far more (statements page, "trade": 2,767 ms with
# them, 258 ms from the keys; search page, "said": 706 against 242 ms; at 19,000 the two ways are
# within 10 ms of each other), so both databases count from the keys at any size.
MAX_ARTICLES = {"postgresql": None, "sqlite": None}

# Counts from a sample (issue 16), on lists where exact counting reads many arrays either way: from
# SAMPLE_FROM rows listed AND as many not listed (PostgreSQL at 10x the corpus, "trade": 28,000
# articles' arrays, 466,000 keys hashed and counted, 136 ms; "said": 37,000 arrays of the complement),
# the keys of about SAMPLE_SIZE of the listed rows (every k-th id, k fixed by the list's length, so
# the same page gives the same figures) are counted and scaled by the list's length over the
# sample's, rounded to two significant digits, and the page says they are estimates ("about"). Only
# the sample's ids are sent (the full list of "said" at 10x, 150,000 ids, cost 200 ms more to send,
# parse and scan than the counting itself). The cost then stops growing with the list. Smaller lists,
# or those whose complement is small, are counted exactly as before: nothing changes below
# SAMPLE_FROM (no list of the 19,000 stories of the corpus reaches it: "said", 15,000 articles, has
# 3,700 others, counted exactly). None: never (SQLite, whose embedded archives stay small enough to
# count exactly).
SAMPLE_FROM = {"postgresql": 10_000, "sqlite": None}
SHORT_LIST = 5_000  # PostgreSQL: lists matched by a second copy of themselves (DIALECTS, "listed")
SAMPLE_SIZE = 5_000
# How long a connection trusts the number of rows it read for that choice (seconds), like the words'
# statistics (fulltext/backends.py): asked once a minute, not on every page. A stale number only
# changes which of two right ways counts (exactly, or from a sample that the page calls one).
TOTAL_TTL = 60.0


class Counts(dict):
    """count_facets' rows by facet, with `estimated`: whether they were counted from a sample, and
    `sample`: (rows counted, rows listed) when they were."""

    estimated = False
    sample: tuple[int, int] | None = None


def sampled(ids: Ids, using: str = "default", lists: str = ARTICLES) -> tuple[Ids, float] | None:
    """Every k-th of `ids` and the factor that scales counts over them to the whole list, when the
    list is counted from a sample (see SAMPLE_FROM); else None."""
    limit = SAMPLE_FROM.get(connections[using].vendor)
    if limit is None or len(ids) < max(limit, 2 * SAMPLE_SIZE):
        return None
    if remembered_total(using, lists) - len(ids) < limit:  # a few others: counted exactly from the complement
        return None
    step = -(-len(ids) // SAMPLE_SIZE)  # ceil: at most SAMPLE_SIZE rows
    sample = Ids(ids[::step])
    return sample, len(ids) / len(sample)


def remembered_total(using: str = "default", lists: str = ARTICLES) -> int:
    """total(), remembered by the connection for TOTAL_TTL seconds."""
    memo = connections[using].__dict__.setdefault("_archive_facet_totals", {})
    now = time.monotonic()
    if lists not in memo or memo[lists][0] < now:
        memo[lists] = (now + TOTAL_TTL, total(using, lists))
    return memo[lists][1]


def forget_totals(using: str = "default") -> None:
    """Drop the connection's remembered numbers of rows (tests)."""
    connections[using].__dict__.pop("_archive_facet_totals", None)


def about(count: float) -> int:
    """An estimated count rounded to two significant digits (27,834 -> 28,000; 57 -> 57)."""
    count = round(count)
    if count < 100:
        return count
    unit = 10 ** (len(str(count)) - 2)
    return round(count / unit) * unit


def available(using: str, articles: int | None = 0, lists: str = ARTICLES) -> bool:
    """Whether counting `articles` rows of `lists` (None: all of them) from the keys is the faster
    way on this database."""
    vendor = connections[using].vendor
    limit = MAX_ARTICLES.get(vendor)
    if vendor not in DIALECTS or articles is None or limit is None or articles < limit:
        return vendor in DIALECTS
    return total(using, lists) - articles < limit  # the complement is read instead


def total(using: str = "default", lists: str = ARTICLES) -> int:
    """The number of rows of `lists`, from the totals (exact, one row)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(n), 0) FROM {TABLES[lists][2]} WHERE key = ''")
        return cursor.fetchone()[0]


@contextmanager
def deferred(using: str = "default"):
    """Within a transaction: the writes inside only note the articles they touch, whose arrays are
    refreshed once at the end (for the importer's batches, which write six tables in turn). If the
    block raises or marks the transaction for rollback, nothing is refreshed: it is undone anyway."""
    connection = connections[using]
    if connection.vendor not in DIALECTS:
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("facet_keys.deferred() needs a transaction (transaction.atomic())")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS archive_facetkeys_touched (article_id bigint NOT NULL) "
                "ON COMMIT DELETE ROWS"
            )
            cursor.execute("SET LOCAL archive.defer_facet_keys = 'on'")
        else:  # seen by the triggers of this transaction only, which holds SQLite's one write lock
            cursor.execute("INSERT INTO archive_facetkeys_pause (id) VALUES (1)")
    yield
    if connection.needs_rollback:  # a dry run, or a failure caught inside: all of it is undone
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL archive.defer_facet_keys = 'off'")
            cursor.execute(
                "SELECT archive_refresh_facet_keys(ARRAY(SELECT DISTINCT article_id FROM archive_facetkeys_touched))"
            )
            cursor.execute("DELETE FROM archive_facetkeys_touched")
        else:
            for statement in schema.SQLITE_REFRESH_TOUCHED_WITH_STATEMENTS:
                cursor.execute(statement)


def kept_condition(limits: dict[str, int | None]) -> str:
    """Which counted values a page keeps: those of the facets asked, up to each facet's limit
    (ties included), facets of one limit tested together: `place <= 11 AND facet IN ('c', 'd', ...)
    OR facet IN ('y')`. The place, an integer, is tested first: most counted values are rejected by
    it alone (a CASE of every facet's prefix for each of some 3,000 values cost 1 ms)."""
    by_limit: dict[int | None, list[str]] = {}
    for name, limit in limits.items():
        by_limit.setdefault(int(limit) if limit else None, []).append(f"'{FACETS[name].key_prefix}'")
    tests = []
    for limit, prefixes in by_limit.items():  # our own constants, not input
        among = f"facet IN ({', '.join(prefixes)})"
        tests.append(among if limit is None else f"place <= {limit} AND {among}")
    return " OR ".join(f"({test})" for test in tests)


# The dialect's entries that go into LISTED (or name its tables), not into SQL itself.
FILLED_IN = ("listed", "listed_long", "not_listed", "keys", "id", "totals")


def count_facets(
    ids: Ids | None, limits: dict[str, int | None], using: str = "default", lists: str = ARTICLES
) -> Counts:
    """The counted values of the facets in `limits` over the rows `ids` of `lists` (articles or
    statements; None: every row); from a sample of a long list (see SAMPLE_FROM), marked estimated."""
    connection = connections[using]
    found = Counts()
    factor = None
    if ids is not None:
        picked = sampled(ids, using, lists)
        if picked is not None:
            found.estimated, found.sample = True, (len(picked[0]), len(ids))
            ids, factor = picked
    kept = kept_condition(limits)
    keys, id_column, totals = TABLES[lists]
    dialect = {**DIALECTS[connection.vendor], "keys": keys, "id": id_column, "totals": totals}
    by_array = "listed_long" in dialect and ids is not None and len(ids) <= SHORT_LIST
    if not by_array:
        dialect["listed"] = dialect.get("listed_long", dialect["listed"])
    dialect["listed"] = dialect["listed"].format(**dialect)
    dialect["not_listed"] = dialect["not_listed"].format(**dialect)
    if ids is None:
        counted, params = ALL.format(**dialect), []
        dialect = {**dialect, "matches": ""}
    else:
        counted = LISTED.format(**dialect)
        listed = [ids.as_array()] * (2 if by_array else 1) if connection.vendor == "postgresql" else [ids.as_json()]
        params = [*listed, len(ids), len(ids)]  # m (and listed), then the two tests of MOST
    sql = SQL.format(
        kept=kept,
        counted=counted,
        **{key: value for key, value in dialect.items() if key not in FILLED_IN},
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found.update({name: [] for name in limits})
    for prefix, value, n, number, label, org_country, org_kind, slug in rows:
        facet = KEY_PREFIXES[prefix]
        if factor is not None:  # the order is the sample's: the same factor for every value
            n = about(n * factor)
        found[facet.name].append(facet.key_row(value, n, number, label, org_country, org_kind, slug))
    for name in limits:
        if FACETS[name].chart:  # every value, in order
            found[name].sort(key=lambda row: row["value"])
    for name, limit in limits.items():
        if limit:
            found[name] = found[name][:limit]
    return found


def out_of_step(using: str = "default") -> list[int]:
    """The articles whose stored facet keys differ from what their links say: none, unless a write
    bypassed the triggers (checked after faults by bench/fault_imports.py and the tests)."""
    from collections import defaultdict

    from django.db.models import Q

    from archive.models import Article, ArticleCountry, ArticleOrganisation, ArticlePerson, Statement, Tagging

    expected: dict[int, set[str]] = defaultdict(set)
    for article, source, date in Article.objects.using(using).values_list("pk", "source_id", "published_on"):
        keys = expected[article]
        keys.update([f"s:{source}"] if source else [])
        keys.update([f"y:{date.year}", f"m:{date.month}"] if date else [])
    for article, code, in_dateline in ArticleCountry.objects.using(using).values_list(
        "article_id", "country_id", "in_dateline"
    ):
        expected[article].update([f"c:{code}", f"d:{code}"] if in_dateline else [f"c:{code}"])
    speaking = Statement.objects.using(using).filter(
        Q(speaker_person__isnull=False) | Q(speaker_organisation__isnull=False)
    )
    for article, person, organisation in speaking.values_list(
        "article_id", "speaker_person_id", "speaker_organisation_id"
    ):
        expected[article].add(f"sp:{Speaker.of(person, organisation)}")
    for model, field, prefix in (
        (ArticlePerson, "person_id", "p"),
        (ArticleOrganisation, "organisation_id", "o"),
        (Tagging, "tag_id", "t"),
    ):
        for article, value in model.objects.using(using).values_list("article_id", field):
            expected[article].add(f"{prefix}:{value}")
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT article_id, keys FROM archive_facetkeys")
        stored = {
            article: set(keys if isinstance(keys, list) else json.loads(keys)) for article, keys in cursor.fetchall()
        }
    return sorted(pk for pk in expected.keys() | stored.keys() if expected.get(pk) != stored.get(pk))


def totals_out_of_step(using: str = "default", lists: str = ARTICLES) -> dict[str, tuple[int, int]]:
    """The keys whose stored total differs from the number of arrays holding them (stored, counted):
    none, unless a write bypassed the triggers."""
    connection = connections[using]
    keys, _, totals = TABLES[lists]
    counted_sql = schema.totals_refresh(connection.vendor, keys, totals)[1].split(" SELECT ", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + counted_sql)
        counted = dict(cursor.fetchall())
        cursor.execute(f"SELECT key, n FROM {totals} WHERE n <> 0")
        stored = dict(cursor.fetchall())
    return {key: (stored.get(key, 0), counted.get(key, 0)) for key in stored.keys() | counted.keys()
            if stored.get(key, 0) != counted.get(key, 0)}  # fmt: skip
