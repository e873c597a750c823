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
    SELECT json_group_array(key) FROM ({
    key_rows("CAST(substr(a.published_on, 1, 4) AS integer)", "CAST(substr(a.published_on, 6, 2) AS integer)")
})
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
def sqlite_triggers(refresh) -> list[str]:
    """The triggers on each table an article's keys come from: `refresh(article, condition)`, or the
    article noted for later while refreshes are paused (facet_keys.deferred())."""
    return [
        f"CREATE TRIGGER IF NOT EXISTS archive_facet_keys_{table}_{event.lower()} AFTER {event} ON {table} BEGIN "
        + " ".join(
            f"{statement};"
            for row in rows
            for statement in [
                *refresh(f"= {row}.{column}", f"NOT {PAUSED}"),
                f"INSERT INTO archive_facetkeys_touched (article_id) SELECT {row}.{column} WHERE {PAUSED}",
            ]
        )
        + " END"
        for table, column in TABLES.items()
        for event, rows in SQLITE_ROWS.items()
    ]


SQLITE_TRIGGERS = sqlite_triggers(sqlite_refresh)
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


# --- Statement keys and per-value totals (migration 0017) -----------------------------------------
# `archive_statementkeys` (statement_id, article_id, keys): the same for statement lists, one array
# per statement: its own facet values ("k:direct", "sk:yes", "sp:p12", "sc:US", "a:JP" per country
# spoken about, "r:Foreign Minister") and its article's keys but the article's speakers ("sp:": a
# statement list counts each statement's own speaker). Refreshed with its article's array (the
# refresh function below calls it), so that every write the article keys follow, the statement
# keys follow too; the countries spoken about by triggers of their own.
#
# `archive_facettotals` / `archive_statementtotals` (key, n): for every key, the number of arrays
# holding it (occurrences), and under the key '' the number of arrays. Triggers on the arrays'
# tables keep them, in the same transaction as the arrays, so that within one snapshot a total
# always agrees with the arrays. A list's facets over all of it (no words, no filter) are read from
# them, and those of a word found in most of it are the totals minus the count over the few rows
# that do not match (facet_keys.py), instead of unnesting nearly every array.
# PostgreSQL: statement triggers (one upsert per statement, keys in order, so that two imports lock
# them in the same order); SQLite: row triggers.


def statement_key_rows(article_keys: str) -> str:
    """One row (`key`) per facet value of the statement `s`; `article_keys` are the rows of its
    article's keys (`key`), as each database unpacks its array."""
    return f"""
        SELECT 'k:' || s.kind AS key WHERE s.kind IS NOT NULL
        UNION ALL
        SELECT CASE WHEN s.speaker_person_id IS NOT NULL OR s.speaker_organisation_id IS NOT NULL
                    THEN 'sk:yes' ELSE 'sk:no' END
        UNION ALL
        SELECT 'sp:' || CASE WHEN s.speaker_person_id IS NOT NULL THEN 'p' || s.speaker_person_id
                             ELSE 'o' || s.speaker_organisation_id END
            WHERE s.speaker_person_id IS NOT NULL OR s.speaker_organisation_id IS NOT NULL
        UNION ALL
        SELECT 'sc:' || s.speaker_country_id WHERE s.speaker_country_id IS NOT NULL
        UNION ALL
        SELECT 'a:' || l.country_id FROM archive_statementcountry l WHERE l.statement_id = s.id
        UNION ALL
        SELECT 'r:' || s.speaker_role WHERE s.speaker_role <> ''
        UNION ALL
        SELECT key FROM ({article_keys}) article_keys WHERE key NOT LIKE 'sp:%%'
    """


STATEMENT_KEYS_TABLE = {
    "postgresql": "CREATE TABLE archive_statementkeys (statement_id bigint PRIMARY KEY, article_id bigint NOT NULL, "
    "keys text[] NOT NULL)",
    "sqlite": "CREATE TABLE archive_statementkeys (statement_id integer NOT NULL PRIMARY KEY, "
    "article_id integer NOT NULL, keys text NOT NULL)",
}
STATEMENT_KEYS_INDEX = "CREATE INDEX archive_statementkeys_article ON archive_statementkeys (article_id)"
# The statements of the articles `ids`: recomputed, removed when gone (or moved to another article).
STATEMENT_REFRESH_FUNCTION = f"""
CREATE OR REPLACE FUNCTION archive_refresh_statement_keys(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM archive_statementkeys k WHERE k.article_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM archive_statement s WHERE s.id = k.statement_id AND s.article_id = k.article_id);
    INSERT INTO archive_statementkeys AS k (statement_id, article_id, keys)
    SELECT s.id, s.article_id, ARRAY(
{statement_key_rows("SELECT unnest(f.keys) AS key").replace("%%", "%")}
    )
    FROM archive_statement s LEFT JOIN archive_facetkeys f ON f.article_id = s.article_id
    WHERE s.article_id = ANY(ids)
    ON CONFLICT (statement_id) DO UPDATE SET article_id = EXCLUDED.article_id, keys = EXCLUDED.keys
    WHERE k.keys IS DISTINCT FROM EXCLUDED.keys OR k.article_id <> EXCLUDED.article_id;
$$
"""
# The article refresh of migration 0009, now refreshing its statements' keys after its own.
REFRESH_FUNCTION_WITH_STATEMENTS = REFRESH_FUNCTION.replace(
    "ON CONFLICT (article_id) DO UPDATE SET keys = EXCLUDED.keys;\n",
    "ON CONFLICT (article_id) DO UPDATE SET keys = EXCLUDED.keys;\n    SELECT archive_refresh_statement_keys(ids);\n",
)
assert REFRESH_FUNCTION_WITH_STATEMENTS != REFRESH_FUNCTION
# The countries a statement is about: its article's statements refreshed (or noted, when deferred).
ABOUT_FUNCTION = """
CREATE OR REPLACE FUNCTION archive_statement_keys_by_about() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        touched := ARRAY(SELECT DISTINCT s.article_id FROM archive_statement s
                         JOIN old_rows o ON o.statement_id = s.id);
    ELSIF TG_OP = 'INSERT' THEN
        touched := ARRAY(SELECT DISTINCT s.article_id FROM archive_statement s
                         JOIN new_rows o ON o.statement_id = s.id);
    ELSE
        touched := ARRAY(SELECT DISTINCT s.article_id FROM archive_statement s
                         WHERE s.id IN (SELECT statement_id FROM new_rows UNION SELECT statement_id FROM old_rows));
    END IF;
    IF current_setting('archive.defer_facet_keys', true) = 'on' THEN
        INSERT INTO archive_facetkeys_touched SELECT unnest(touched);
    ELSE
        PERFORM archive_refresh_statement_keys(touched);
    END IF;
    RETURN NULL;
END $$
"""
ABOUT_TRIGGERS = [
    f"CREATE TRIGGER archive_statement_keys_{event.lower()} AFTER {event} ON archive_statementcountry {referencing} "
    "FOR EACH STATEMENT EXECUTE FUNCTION archive_statement_keys_by_about()"
    for event, referencing in REFERENCING.items()
]
REFRESH_ALL_STATEMENTS = "SELECT archive_refresh_statement_keys(ARRAY(SELECT id FROM archive_article))"

# Totals: (the table of arrays, its totals table).
TOTALS = {"archive_facetkeys": "archive_facettotals", "archive_statementkeys": "archive_statementtotals"}


def totals_table(totals: str) -> str:
    return f"CREATE TABLE {totals} (key text NOT NULL PRIMARY KEY, n bigint NOT NULL)"


def totals_refresh(vendor: str, keys: str, totals: str) -> list[str]:
    """Every total from the arrays (the migration; rebuild_search_index after touching them by hand)."""
    if vendor == "postgresql":
        counted = f"SELECT unnest(keys) AS key FROM {keys} UNION ALL SELECT '' FROM {keys}"
    else:
        counted = f"SELECT j.value AS key FROM {keys} f, json_each(f.keys) j UNION ALL SELECT '' FROM {keys}"
    return [
        f"DELETE FROM {totals}",
        f"INSERT INTO {totals} (key, n) SELECT key, count(*) FROM ({counted}) k GROUP BY key",
    ]


TOTALS_REFRESH = {
    vendor: [statement for keys, totals in TOTALS.items() for statement in totals_refresh(vendor, keys, totals)]
    for vendor in ("postgresql", "sqlite")
}
_POSTGRES_CHANGE = {  # the keys a statement added (+1) and removed (-1), and the arrays ('')
    "INSERT": "SELECT unnest(keys || ''::text) AS key, 1 AS d FROM new_rows",
    "DELETE": "SELECT unnest(keys || ''::text) AS key, -1 AS d FROM old_rows",
    "UPDATE": "SELECT unnest(keys) AS key, 1 AS d FROM new_rows UNION ALL SELECT unnest(keys), -1 FROM old_rows",
}


def postgres_totals(keys: str, totals: str) -> tuple[list[str], list[str]]:
    """The totals of the arrays in `keys`: forward and backward statements."""
    function = (
        f"CREATE OR REPLACE FUNCTION {totals}_keep() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        + "".join(
            f"""    {"IF" if number == 0 else "ELSIF"} TG_OP = '{event}' THEN
        INSERT INTO {totals} AS t (key, n)
        SELECT key, sum(d) FROM ({change}) c GROUP BY key HAVING sum(d) <> 0 ORDER BY key
        ON CONFLICT (key) DO UPDATE SET n = t.n + EXCLUDED.n;
"""
            for number, (event, change) in enumerate(_POSTGRES_CHANGE.items())
        )
        + "    END IF;\n    RETURN NULL;\nEND $$"
    )
    forward = [
        totals_table(totals),
        function,
        *[
            f"CREATE TRIGGER {totals}_{event.lower()} AFTER {event} ON {keys} {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {totals}_keep()"
            for event, referencing in REFERENCING.items()
        ],
        # TRUNCATE fires no row or statement DELETE triggers.
        f"CREATE FUNCTION {totals}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN TRUNCATE {totals}; RETURN NULL; END $$",
        f"CREATE TRIGGER {totals}_truncate AFTER TRUNCATE ON {keys} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {totals}_truncate()",
    ]
    backward = [
        *[f"DROP TRIGGER IF EXISTS {totals}_{event.lower()} ON {keys}" for event in [*REFERENCING, "TRUNCATE"]],
        f"DROP FUNCTION IF EXISTS {totals}_truncate()",
        f"DROP FUNCTION IF EXISTS {totals}_keep()",
        f"DROP TABLE IF EXISTS {totals}",
    ]
    return forward, backward


POSTGRES_KEYS_TOTALS = {keys: postgres_totals(keys, totals) for keys, totals in TOTALS.items()}
POSTGRES_STATEMENT_KEYS_FORWARD = [
    STATEMENT_KEYS_TABLE["postgresql"],
    STATEMENT_KEYS_INDEX,
    STATEMENT_REFRESH_FUNCTION,
    REFRESH_FUNCTION_WITH_STATEMENTS,
    ABOUT_FUNCTION,
    *ABOUT_TRIGGERS,
    "CREATE FUNCTION archive_statement_keys_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN TRUNCATE archive_statementkeys; RETURN NULL; END $$",
    "CREATE TRIGGER archive_statement_keys_truncate AFTER TRUNCATE ON archive_statement "
    "FOR EACH STATEMENT EXECUTE FUNCTION archive_statement_keys_truncate()",
    *[statement for forward, _ in POSTGRES_KEYS_TOTALS.values() for statement in forward],
    REFRESH_ALL_STATEMENTS,
    *TOTALS_REFRESH["postgresql"],
]
POSTGRES_STATEMENT_KEYS_BACKWARD = [
    *[statement for _, backward in POSTGRES_KEYS_TOTALS.values() for statement in backward],
    *[
        f"DROP TRIGGER IF EXISTS archive_statement_keys_{event.lower()} ON archive_statementcountry"
        for event in REFERENCING
    ],
    "DROP TRIGGER IF EXISTS archive_statement_keys_truncate ON archive_statement",
    "DROP FUNCTION IF EXISTS archive_statement_keys_truncate()",
    "DROP FUNCTION IF EXISTS archive_statement_keys_by_about()",
    REFRESH_FUNCTION,  # back to refreshing the articles' arrays only
    "DROP FUNCTION IF EXISTS archive_refresh_statement_keys(bigint[])",
    "DROP TABLE IF EXISTS archive_statementkeys",
]


# SQLite: the statements' arrays through a view, refreshed with their article's (sqlite_refresh).
SQLITE_STATEMENT_VIEW = (
    "CREATE VIEW IF NOT EXISTS archive_statementkeys_source AS SELECT s.id AS statement_id, s.article_id, "
    "(SELECT json_group_array(key) FROM ("
    + statement_key_rows(
        "SELECT j.value AS key FROM archive_facetkeys f, json_each(f.keys) j WHERE f.article_id = s.article_id"
    ).replace("%%", "%")
    + ")) AS keys FROM archive_statement s"
)


def sqlite_statement_refresh(article: str, condition: str) -> list[str]:
    return [
        f"DELETE FROM archive_statementkeys WHERE article_id {article} AND {condition} AND NOT EXISTS ("
        "SELECT 1 FROM archive_statement s WHERE s.id = archive_statementkeys.statement_id "
        "AND s.article_id = archive_statementkeys.article_id)",
        f"INSERT INTO archive_statementkeys (statement_id, article_id, keys) SELECT statement_id, article_id, keys "
        f"FROM archive_statementkeys_source WHERE article_id {article} AND {condition} ON CONFLICT (statement_id) "
        "DO UPDATE SET article_id = excluded.article_id, keys = excluded.keys "
        "WHERE archive_statementkeys.keys <> excluded.keys OR archive_statementkeys.article_id <> excluded.article_id",
    ]


def sqlite_refresh_both(article: str, condition: str) -> list[str]:
    return [*sqlite_refresh(article, condition), *sqlite_statement_refresh(article, condition)]


SQLITE_TRIGGERS_WITH_STATEMENTS = sqlite_triggers(sqlite_refresh_both)
SQLITE_ABOUT_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS archive_statement_keys_{event.lower()} AFTER {event} ON archive_statementcountry "
    "BEGIN "
    + " ".join(
        f"{statement};"
        for row in rows
        for statement in [
            *sqlite_statement_refresh(
                f"= (SELECT article_id FROM archive_statement WHERE id = {row}.statement_id)", f"NOT {PAUSED}"
            ),
            f"INSERT INTO archive_facetkeys_touched (article_id) SELECT article_id FROM archive_statement "
            f"WHERE id = {row}.statement_id AND {PAUSED}",
        ]
    )
    + " END"
    for event, rows in SQLITE_ROWS.items()
]
SQLITE_REFRESH_TOUCHED_WITH_STATEMENTS = [
    "DELETE FROM archive_facetkeys_pause",
    *sqlite_refresh_both("IN (SELECT article_id FROM archive_facetkeys_touched)", "true"),
    "DELETE FROM archive_facetkeys_touched",
]
SQLITE_STATEMENT_REFRESH_ALL = [
    "DELETE FROM archive_statementkeys",
    "INSERT INTO archive_statementkeys (statement_id, article_id, keys) "
    "SELECT statement_id, article_id, keys FROM archive_statementkeys_source",
]


def _sqlite_totals(totals: str, row: str, d: str) -> list[str]:
    # "WHERE true": SQLite's upsert after a SELECT needs it (a parsing ambiguity with ON).
    return [
        f"INSERT INTO {totals} (key, n) SELECT value, {d} FROM json_each({row}.keys) WHERE true "
        f"ON CONFLICT (key) DO UPDATE SET n = n + {d}",
        f"INSERT INTO {totals} (key, n) VALUES ('', {d}) ON CONFLICT (key) DO UPDATE SET n = n + {d}",
    ]


SQLITE_TOTALS_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS {totals}_{event.lower()} AFTER {event} ON {keys} BEGIN "
    + " ".join(
        f"{statement};" for row in rows for statement in _sqlite_totals(totals, row, "1" if row == "NEW" else "-1")
    )
    + " END"
    for keys, totals in TOTALS.items()
    for event, rows in SQLITE_ROWS.items()
]
SQLITE_STATEMENT_KEYS_FORWARD = [
    STATEMENT_KEYS_TABLE["sqlite"],
    STATEMENT_KEYS_INDEX,
    SQLITE_STATEMENT_VIEW,
    *SQLITE_DROP_TRIGGERS,  # the article keys' triggers, made again to refresh the statements too
    *SQLITE_TRIGGERS_WITH_STATEMENTS,
    *SQLITE_ABOUT_TRIGGERS,
    *[totals_table(totals) for totals in TOTALS.values()],
    *SQLITE_TOTALS_TRIGGERS,
    *SQLITE_STATEMENT_REFRESH_ALL,
    *TOTALS_REFRESH["sqlite"],
]
SQLITE_STATEMENT_KEYS_BACKWARD = [
    *[f"DROP TRIGGER IF EXISTS {totals}_{event.lower()}" for totals in TOTALS.values() for event in SQLITE_ROWS],
    *[f"DROP TABLE IF EXISTS {totals}" for totals in TOTALS.values()],
    *[f"DROP TRIGGER IF EXISTS archive_statement_keys_{event.lower()}" for event in SQLITE_ROWS],
    *SQLITE_DROP_TRIGGERS,
    *SQLITE_TRIGGERS,
    "DROP VIEW IF EXISTS archive_statementkeys_source",
    "DROP TABLE IF EXISTS archive_statementkeys",
]
STATEMENT_KEYS_FORWARD = {"postgresql": POSTGRES_STATEMENT_KEYS_FORWARD, "sqlite": SQLITE_STATEMENT_KEYS_FORWARD}
STATEMENT_KEYS_BACKWARD = {"postgresql": POSTGRES_STATEMENT_KEYS_BACKWARD, "sqlite": SQLITE_STATEMENT_KEYS_BACKWARD}
# What rebuild_search_index runs on SQLite (after the article keys' SQLITE_VIEW): every trigger back,
# every array and total recomputed.
SQLITE_REBUILD_STATEMENT_KEYS = [
    SQLITE_STATEMENT_VIEW,
    *SQLITE_DROP_TRIGGERS,
    *SQLITE_TRIGGERS_WITH_STATEMENTS,
    *SQLITE_ABOUT_TRIGGERS,
    *SQLITE_TOTALS_TRIGGERS,
    *SQLITE_REFRESH_ALL,
    *SQLITE_STATEMENT_REFRESH_ALL,
    *TOTALS_REFRESH["sqlite"],
]

# For a later migration that makes SQLite rebuild a table the keys come from (see SQLITE_BEFORE_REBUILD,
# which migration 0011 used before the statement keys existed): run these around it instead.
SQLITE_BEFORE_REBUILD_NOW = [
    *SQLITE_BEFORE_REBUILD,
    *[f"DROP TRIGGER IF EXISTS archive_statement_keys_{event.lower()}" for event in SQLITE_ROWS],
    "DROP VIEW IF EXISTS archive_statementkeys_source",
]
SQLITE_AFTER_REBUILD_NOW = [
    SQLITE_VIEW,
    SQLITE_STATEMENT_VIEW,
    *SQLITE_TRIGGERS_WITH_STATEMENTS,
    *SQLITE_ABOUT_TRIGGERS,
]
