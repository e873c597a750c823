"""The facet keys' SQL (made by migration 0009): every article's facet values in one row, kept by
the database (counted by archive/search/facet_keys.py).

The search page counts nine facets over the matching articles. Counted link table by link table,
each facet joins every match again (PostgreSQL: 4-9 ms each for a word in 3,000 stories, most of
the page). `archive_facetkeys` holds one array per article of its facet values as "facet:value"
text ("c:JP", "d:JP", "sp:p12", "p:12", "o:5", "t:3", "s:1", "y:1987", "m:3"), so that one pass
over the matches' rows counts every facet (bench/search_speed.py: about half the SQL time).

Statement-level triggers on the article, link, statement and tagging tables refresh the arrays of
the articles a statement touched, whatever wrote (importer, admin, merges, reextract), in the same
transaction: the counts can never disagree with the links. SQLite keeps a JSON array per article
by row triggers. `rebuild_search_index` refreshes every array (and puts back SQLite's triggers).
"""

def key_rows(year: str, month: str) -> str:
    """One row (`key`) per facet value of the article `a`: its links, speakers, source and date.
    Written once for both databases; only the year and month of a date are said differently."""
    return f"""
        SELECT 'c:' || l.country_id AS key FROM archive_articlecountry l WHERE l.article_id = a.id
        UNION ALL
        SELECT 'd:' || l.country_id FROM archive_articlecountry l WHERE l.article_id = a.id AND l.in_dateline
        UNION ALL
        SELECT DISTINCT 'sp:' || CASE WHEN s.speaker_person_id IS NOT NULL THEN 'p' || s.speaker_person_id
                                      ELSE 'o' || s.speaker_organisation_id END
            FROM archive_statement s
            WHERE s.article_id = a.id AND (s.speaker_person_id IS NOT NULL OR s.speaker_organisation_id IS NOT NULL)
        UNION ALL
        SELECT 'p:' || l.person_id FROM archive_articleperson l WHERE l.article_id = a.id
        UNION ALL
        SELECT 'o:' || l.organisation_id FROM archive_articleorganisation l WHERE l.article_id = a.id
        UNION ALL
        SELECT 't:' || l.tag_id FROM archive_tagging l WHERE l.article_id = a.id
        UNION ALL
        SELECT 's:' || a.source_id WHERE a.source_id IS NOT NULL
        UNION ALL
        SELECT 'y:' || {year} WHERE a.published_on IS NOT NULL
        UNION ALL
        SELECT 'm:' || {month} WHERE a.published_on IS NOT NULL
    """


# The arrays of `ids`: recomputed from the links, removed for articles that are gone.
REFRESH_FUNCTION = f"""
CREATE OR REPLACE FUNCTION archive_refresh_facet_keys(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM archive_facetkeys k WHERE k.article_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM archive_article a WHERE a.id = k.article_id);
    INSERT INTO archive_facetkeys (article_id, keys)
    SELECT a.id, ARRAY(
{key_rows("extract(year FROM a.published_on)::int", "extract(month FROM a.published_on)::int")}
    )
    FROM archive_article a WHERE a.id = ANY(ids)
    ON CONFLICT (article_id) DO UPDATE SET keys = EXCLUDED.keys;
$$
"""

# One trigger function per key column; a statement's new and old rows name the articles it touched.
# (PostgreSQL allows transition tables only on single-event triggers, hence three triggers a table.)
# A bulk writer that sets archive.defer_facet_keys (facet_keys.deferred(): the importer's batches)
# has the touched articles noted in its temporary table instead, and refreshes each once at the end:
# not once per table it writes, which left five dead versions of every row behind.
TRIGGER_FUNCTIONS = {
    column: f"""
CREATE OR REPLACE FUNCTION archive_facet_keys_by_{column}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('archive.defer_facet_keys', true) = 'on' THEN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO archive_facetkeys_touched SELECT {column} FROM new_rows;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            INSERT INTO archive_facetkeys_touched SELECT {column} FROM old_rows;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT {column} FROM new_rows));
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT {column} FROM old_rows));
    END IF;
    RETURN NULL;
END $$
"""
    for column in ("id", "article_id")
}

TABLES = {
    "archive_article": "id",
    "archive_articlecountry": "article_id",
    "archive_articleperson": "article_id",
    "archive_articleorganisation": "article_id",
    "archive_statement": "article_id",
    "archive_tagging": "article_id",
}
REFERENCING = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
}
TRIGGERS = [
    f"CREATE TRIGGER archive_facet_keys_{event.lower()} AFTER {event} ON {table} {referencing} "
    f"FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_by_{column}()"
    for table, column in TABLES.items()
    for event, referencing in REFERENCING.items()
]

# Every array, e.g. after the table was filled by hand or to repair it (rebuild_search_index).
REFRESH_ALL = "SELECT archive_refresh_facet_keys(ARRAY(SELECT id FROM archive_article))"

POSTGRES_FORWARD = [
    "CREATE TABLE archive_facetkeys (article_id bigint PRIMARY KEY, keys text[] NOT NULL)",
    REFRESH_FUNCTION,
    *TRIGGER_FUNCTIONS.values(),
    *TRIGGERS,
    # TRUNCATE (Django's flush) fires no row or statement DELETE triggers.
    """
    CREATE FUNCTION archive_facet_keys_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN TRUNCATE archive_facetkeys; RETURN NULL; END $$
    """,
    "CREATE TRIGGER archive_facet_keys_truncate AFTER TRUNCATE ON archive_article "
    "FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_truncate()",
    REFRESH_ALL,
]
POSTGRES_BACKWARD = [
    *[
        f"DROP TRIGGER IF EXISTS archive_facet_keys_{event.lower()} ON {table}"
        for table in TABLES
        for event in REFERENCING
    ],
    "DROP TRIGGER IF EXISTS archive_facet_keys_truncate ON archive_article",
    "DROP FUNCTION IF EXISTS archive_facet_keys_truncate()",
    *[f"DROP FUNCTION IF EXISTS archive_facet_keys_by_{column}()" for column in TRIGGER_FUNCTIONS],
    "DROP FUNCTION IF EXISTS archive_refresh_facet_keys(bigint[])",
    "DROP TABLE IF EXISTS archive_facetkeys",
]


# SQLite: the same keys as a JSON array, refreshed by row triggers (SQLite has no statement
# triggers) through the view archive_facetkeys_source. While a row is in archive_facetkeys_pause
# (facet_keys.deferred(), inside the importer's transaction, which holds SQLite's only write lock),
# the triggers only note the touched articles, refreshed once at the end as on PostgreSQL.
SQLITE_KEYS = f"""
    SELECT json_group_array(key) FROM ({key_rows(
        "CAST(substr(a.published_on, 1, 4) AS integer)", "CAST(substr(a.published_on, 6, 2) AS integer)"
    )})
"""
PAUSED = "EXISTS (SELECT 1 FROM archive_facetkeys_pause)"


def sqlite_refresh(article: str, condition: str) -> list[str]:
    """Statements that refresh the arrays of the articles `article IN ...` / `= ...` names."""
    return [
        f"DELETE FROM archive_facetkeys WHERE article_id {article} AND {condition} "
        f"AND NOT EXISTS (SELECT 1 FROM archive_article a WHERE a.id = archive_facetkeys.article_id)",
        f"INSERT INTO archive_facetkeys (article_id, keys) SELECT article_id, keys FROM archive_facetkeys_source "
        f"WHERE article_id {article} AND {condition} ON CONFLICT (article_id) DO UPDATE SET keys = excluded.keys",
    ]


SQLITE_ROWS = {"INSERT": ["NEW"], "UPDATE": ["OLD", "NEW"], "DELETE": ["OLD"]}
# IF NOT EXISTS: rebuild_search_index puts back the ones a table rebuild (SQLite's ALTER) dropped.
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS archive_facet_keys_{table}_{event.lower()} AFTER {event} ON {table} BEGIN "
    + " ".join(
        f"{statement};"
        for row in rows
        for statement in [
            *sqlite_refresh(f"= {row}.{column}", f"NOT {PAUSED}"),
            f"INSERT INTO archive_facetkeys_touched (article_id) SELECT {row}.{column} WHERE {PAUSED}",
        ]
    )
    + " END"
    for table, column in TABLES.items()
    for event, rows in SQLITE_ROWS.items()
]
# What facet_keys.deferred() runs at the end of a deferred block.
SQLITE_REFRESH_TOUCHED = [
    "DELETE FROM archive_facetkeys_pause",
    *sqlite_refresh("IN (SELECT article_id FROM archive_facetkeys_touched)", "true"),
    "DELETE FROM archive_facetkeys_touched",
]
SQLITE_REFRESH_ALL = [
    "DELETE FROM archive_facetkeys",
    "INSERT INTO archive_facetkeys (article_id, keys) SELECT article_id, keys FROM archive_facetkeys_source",
]
SQLITE_VIEW = (
    f"CREATE VIEW IF NOT EXISTS archive_facetkeys_source AS SELECT a.id AS article_id, ({SQLITE_KEYS}) AS keys "
    "FROM archive_article a"
)
SQLITE_FORWARD = [
    "CREATE TABLE archive_facetkeys (article_id integer NOT NULL PRIMARY KEY, keys text NOT NULL)",
    "CREATE TABLE archive_facetkeys_pause (id integer NOT NULL PRIMARY KEY)",
    "CREATE TABLE archive_facetkeys_touched (article_id integer NOT NULL)",
    SQLITE_VIEW,
    *SQLITE_TRIGGERS,
    *SQLITE_REFRESH_ALL,
]
SQLITE_DROP_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS archive_facet_keys_{table}_{event.lower()}" for table in TABLES for event in SQLITE_ROWS
]
# A migration that makes SQLite rebuild a table the keys come from runs SQLITE_BEFORE_REBUILD first
# (SQLite refuses to rename a table that a view or a trigger's body names) and SQLITE_AFTER_REBUILD
# after, with the full-text triggers the rebuild dropped.
SQLITE_BEFORE_REBUILD = [*SQLITE_DROP_TRIGGERS, "DROP VIEW IF EXISTS archive_facetkeys_source"]
SQLITE_BACKWARD = [
    *SQLITE_BEFORE_REBUILD,
    "DROP TABLE IF EXISTS archive_facetkeys_touched",
    "DROP TABLE IF EXISTS archive_facetkeys_pause",
    "DROP TABLE IF EXISTS archive_facetkeys",
]

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}
SQLITE_AFTER_REBUILD = [SQLITE_VIEW, *SQLITE_TRIGGERS]


# --- Per-value totals (migration 0014): how many articles hold each facet key ------------------------
# `archive_facettotals` (key, n): for every key of archive_facetkeys, the number of arrays holding it,
# and under the key '' the number of arrays (articles). Triggers on archive_facetkeys keep it, in
# the same transaction as the arrays, so that within one snapshot a total always agrees with the
# arrays. The search page counts the facets of all the archive (no words, no filter) from it, and
# those of a word found in most stories from the complement: total minus the count over the few
# articles that do not match (facet_keys.py), instead of unnesting nearly every array.
# PostgreSQL: statement triggers (one upsert per statement, keys in order, so that two imports lock
# them in the same order); SQLite: row triggers.
TOTALS_TABLE = "CREATE TABLE archive_facettotals (key text NOT NULL PRIMARY KEY, n bigint NOT NULL)"
# Every total from the arrays (the migration, and rebuild_search_index after touching them by hand).
TOTALS_REFRESH = {
    "postgresql": [
        "DELETE FROM archive_facettotals",
        "INSERT INTO archive_facettotals (key, n) SELECT key, count(*) FROM ("
        "SELECT unnest(keys) AS key FROM archive_facetkeys UNION ALL SELECT '' FROM archive_facetkeys) k GROUP BY key",
    ],
    "sqlite": [
        "DELETE FROM archive_facettotals",
        "INSERT INTO archive_facettotals (key, n) SELECT key, count(*) FROM ("
        "SELECT k.value AS key FROM archive_facetkeys f, json_each(f.keys) k "
        "UNION ALL SELECT '' FROM archive_facetkeys) GROUP BY key",
    ],
}
_POSTGRES_CHANGE = {  # the keys a statement added (+1) and removed (-1), and the articles ('')
    "INSERT": "SELECT unnest(keys || ''::text) AS key, 1 AS d FROM new_rows",
    "DELETE": "SELECT unnest(keys || ''::text) AS key, -1 AS d FROM old_rows",
    "UPDATE": "SELECT unnest(keys) AS key, 1 AS d FROM new_rows UNION ALL SELECT unnest(keys), -1 FROM old_rows",
}
TOTALS_FUNCTION = (
    "CREATE OR REPLACE FUNCTION archive_facet_totals() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
    + "".join(
        f"""    {"IF" if number == 0 else "ELSIF"} TG_OP = '{event}' THEN
        INSERT INTO archive_facettotals AS t (key, n)
        SELECT key, sum(d) FROM ({change}) c GROUP BY key HAVING sum(d) <> 0 ORDER BY key
        ON CONFLICT (key) DO UPDATE SET n = t.n + EXCLUDED.n;
"""
        for number, (event, change) in enumerate(_POSTGRES_CHANGE.items())
    )
    + "    END IF;\n    RETURN NULL;\nEND $$"
)
TOTALS_TRIGGERS = [
    f"CREATE TRIGGER archive_facet_totals_{event.lower()} AFTER {event} ON archive_facetkeys {referencing} "
    "FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_totals()"
    for event, referencing in REFERENCING.items()
]
POSTGRES_TOTALS_FORWARD = [
    TOTALS_TABLE,
    TOTALS_FUNCTION,
    *TOTALS_TRIGGERS,
    """
    CREATE FUNCTION archive_facet_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN TRUNCATE archive_facettotals; RETURN NULL; END $$
    """,
    "CREATE TRIGGER archive_facet_totals_truncate AFTER TRUNCATE ON archive_facetkeys "
    "FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_totals_truncate()",
    *TOTALS_REFRESH["postgresql"],
]
POSTGRES_TOTALS_BACKWARD = [
    *[f"DROP TRIGGER IF EXISTS archive_facet_totals_{event.lower()} ON archive_facetkeys" for event in REFERENCING],
    "DROP TRIGGER IF EXISTS archive_facet_totals_truncate ON archive_facetkeys",
    "DROP FUNCTION IF EXISTS archive_facet_totals_truncate()",
    "DROP FUNCTION IF EXISTS archive_facet_totals()",
    "DROP TABLE IF EXISTS archive_facettotals",
]


def _sqlite_totals(row: str, d: str) -> list[str]:
    # "WHERE true": SQLite's upsert after a SELECT needs it (a parsing ambiguity with ON).
    return [
        f"INSERT INTO archive_facettotals (key, n) SELECT value, {d} FROM json_each({row}.keys) WHERE true "
        f"ON CONFLICT (key) DO UPDATE SET n = n + {d}",
        f"INSERT INTO archive_facettotals (key, n) VALUES ('', {d}) ON CONFLICT (key) DO UPDATE SET n = n + {d}",
    ]


SQLITE_TOTALS_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS archive_facet_totals_{event.lower()} AFTER {event} ON archive_facetkeys BEGIN "
    + " ".join(f"{statement};" for row in rows for statement in _sqlite_totals(row, "1" if row == "NEW" else "-1"))
    + " END"
    for event, rows in SQLITE_ROWS.items()
]
SQLITE_TOTALS_FORWARD = [TOTALS_TABLE, *SQLITE_TOTALS_TRIGGERS, *TOTALS_REFRESH["sqlite"]]
SQLITE_TOTALS_BACKWARD = [
    *[f"DROP TRIGGER IF EXISTS archive_facet_totals_{event.lower()}" for event in SQLITE_ROWS],
    "DROP TABLE IF EXISTS archive_facettotals",
]
TOTALS_FORWARD = {"postgresql": POSTGRES_TOTALS_FORWARD, "sqlite": SQLITE_TOTALS_FORWARD}
TOTALS_BACKWARD = {"postgresql": POSTGRES_TOTALS_BACKWARD, "sqlite": SQLITE_TOTALS_BACKWARD}
