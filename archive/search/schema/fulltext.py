"""The full-text index's SQL, kept by the database itself (made by migration 0003).

PostgreSQL: a text search configuration `archive_english` (english with unaccent before the
stemmer) and stored generated tsvector columns with GIN indexes.
SQLite: FTS5 tables with external content, kept in step by triggers. `rebuild_search_index`
re-runs SQLITE_TRIGGERS to put back triggers that a table rebuild (SQLite's way of altering a
table) dropped, then SQLITE_REBUILD.
"""

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'archive_english') THEN
            CREATE TEXT SEARCH CONFIGURATION archive_english (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION archive_english
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$
    """,
    """
    ALTER TABLE archive_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('archive_english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('archive_english'::regconfig, coalesce(search_names, '')), 'B')
        || setweight(to_tsvector('archive_english'::regconfig, coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX archive_article_search_vector ON archive_article USING gin (search_vector)",
    # Keep rows (and so the vectors) uncompressed up to a page: matching and ranking then read
    # them in place instead of decompressing each one (measured: about twice as fast).
    "ALTER TABLE archive_article SET (toast_tuple_target = 8160)",
    """
    ALTER TABLE archive_statement ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('archive_english'::regconfig, coalesce(text, ''))
    ) STORED
    """,
    "CREATE INDEX archive_statement_search_vector ON archive_statement USING gin (search_vector)",
]

POSTGRES_BACKWARD = [
    "ALTER TABLE archive_article RESET (toast_tuple_target)",
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE archive_article DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS archive_english",
]

SQLITE_TABLES = [
    """
    CREATE VIRTUAL TABLE archive_article_fts USING fts5(
        title, search_names, body,
        content='archive_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE VIRTUAL TABLE archive_statement_fts USING fts5(
        text,
        content='archive_statement', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
]

# External-content FTS5 tables must be told the old values to delete them from the index.
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_fts_insert AFTER INSERT ON archive_article BEGIN
        INSERT INTO archive_article_fts (rowid, title, search_names, body)
        VALUES (new.id, new.title, new.search_names, new.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_fts_delete AFTER DELETE ON archive_article BEGIN
        INSERT INTO archive_article_fts (archive_article_fts, rowid, title, search_names, body)
        VALUES ('delete', old.id, old.title, old.search_names, old.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_fts_update
    AFTER UPDATE OF id, title, search_names, body ON archive_article BEGIN
        INSERT INTO archive_article_fts (archive_article_fts, rowid, title, search_names, body)
        VALUES ('delete', old.id, old.title, old.search_names, old.body);
        INSERT INTO archive_article_fts (rowid, title, search_names, body)
        VALUES (new.id, new.title, new.search_names, new.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_statement_fts_insert AFTER INSERT ON archive_statement BEGIN
        INSERT INTO archive_statement_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_statement_fts_delete AFTER DELETE ON archive_statement BEGIN
        INSERT INTO archive_statement_fts (archive_statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_statement_fts_update
    AFTER UPDATE OF id, text ON archive_statement BEGIN
        INSERT INTO archive_statement_fts (archive_statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO archive_statement_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
]

SQLITE_REBUILD = [
    "INSERT INTO archive_article_fts (archive_article_fts) VALUES ('rebuild')",
    "INSERT INTO archive_statement_fts (archive_statement_fts) VALUES ('rebuild')",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS archive_article_fts_insert",
    "DROP TRIGGER IF EXISTS archive_article_fts_delete",
    "DROP TRIGGER IF EXISTS archive_article_fts_update",
    "DROP TRIGGER IF EXISTS archive_statement_fts_insert",
    "DROP TRIGGER IF EXISTS archive_statement_fts_delete",
    "DROP TRIGGER IF EXISTS archive_statement_fts_update",
    "DROP TABLE IF EXISTS archive_article_fts",
    "DROP TABLE IF EXISTS archive_statement_fts",
]

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_TABLES + SQLITE_TRIGGERS + SQLITE_REBUILD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}
