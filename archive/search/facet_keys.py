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
from contextlib import contextmanager

from django.db import connections

from .facets import FACETS, KEY_PREFIXES
from .fulltext import Ids
from .schema import facet_keys as schema
from .speakers import Speaker

UNLIMITED = 2**31 - 1

# {unnest}: each article's keys, a row each ({key}); {matches}: the articles counted (a parameter).
SQL = """
WITH counted AS MATERIALIZED (
    SELECT {key} AS key, count(*) AS n
    FROM archive_facetkeys f {unnest}
    WHERE f.article_id IN {matches}
    GROUP BY {key}
), ranked AS (
    SELECT {prefix} AS facet, substr(key, {colon} + 1) AS value, n,
           rank() OVER (PARTITION BY {prefix} ORDER BY n DESC) AS place
    FROM counted
), kept AS (
    SELECT facet, value, n,
           CASE WHEN facet IN ('p', 'o', 't', 's') THEN CAST(value AS bigint)
                WHEN facet = 'sp' THEN CAST(substr(value, 2) AS bigint) END AS number
    FROM ranked
    WHERE facet IN ({facets}) AND place <= ({limits})
)
SELECT k.facet, k.value, k.n, k.number,
       coalesce(c.name, p.name, o.name, t.name, s.name) AS label,
       o.country_id, o.kind, coalesce(t.slug, s.slug) AS slug
FROM kept k
LEFT JOIN archive_country c ON k.facet IN ('c', 'd') AND c.code = k.value
LEFT JOIN archive_person p ON (k.facet = 'p' OR k.facet = 'sp' AND k.value LIKE 'p%%') AND p.id = k.number
LEFT JOIN archive_organisation o ON (k.facet = 'o' OR k.facet = 'sp' AND k.value LIKE 'o%%') AND o.id = k.number
LEFT JOIN archive_tag t ON k.facet = 't' AND t.id = k.number
LEFT JOIN archive_source s ON k.facet = 's' AND s.id = k.number
ORDER BY k.facet, k.n DESC, p.name, o.name, label
"""
DIALECTS = {
    "postgresql": {
        "unnest": "CROSS JOIN LATERAL unnest(f.keys) AS k(key)",
        "key": "k.key",
        "matches": "(SELECT unnest(%s::bigint[]))",
        "prefix": "split_part(key, ':', 1)",
        "colon": "strpos(key, ':')",
    },
    "sqlite": {
        "unnest": "CROSS JOIN json_each(f.keys) AS k",
        "key": "k.value",
        "matches": "(SELECT value FROM json_each(%s))",
        "prefix": "substr(key, 1, instr(key, ':') - 1)",
        "colon": "instr(key, ':')",
    },
}


# SQLite reads JSON arrays more slowly than it scans link tables in index order (filters.py's
# "walk"): for most of the archive (e.g. "said", 17,000 of 18,680 stories: 96 ms against 76 ms),
# the per-facet queries are faster there. PostgreSQL gains at any size.
MAX_ARTICLES = {"postgresql": None, "sqlite": 5000}


def available(using: str, articles: int = 0) -> bool:
    """Whether counting `articles` articles from the keys is the faster way on this database."""
    vendor = connections[using].vendor
    return vendor in DIALECTS and (MAX_ARTICLES[vendor] is None or articles < MAX_ARTICLES[vendor])


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
            for statement in schema.SQLITE_REFRESH_TOUCHED:
                cursor.execute(statement)


def count_facets(ids: Ids, limits: dict[str, int | None], using: str = "default") -> dict[str, list[dict]]:
    """The counted values of the facets in `limits` over the articles `ids`."""
    connection = connections[using]
    cases = " ".join(
        f"WHEN '{FACETS[name].key_prefix}' THEN {int(limit) if limit else UNLIMITED}" for name, limit in limits.items()
    )
    facets = ", ".join(f"'{FACETS[name].key_prefix}'" for name in limits)  # our own constants, not input
    sql = SQL.format(facets=facets, limits=f"CASE facet {cases} END", **DIALECTS[connection.vendor])
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids.as_array() if connection.vendor == "postgresql" else ids.as_json()])
        rows = cursor.fetchall()
    found: dict[str, list[dict]] = {name: [] for name in limits}
    for prefix, value, n, number, label, org_country, org_kind, slug in rows:
        facet = KEY_PREFIXES[prefix]
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
