"""What ranking needs beside the stemmed index (fulltext.py), made by migration 0012 (bench/relevance.py).

- An unstemmed ("exact form") index of the title and body, beside the stemmed one: matching stays on
  the stemmed index ("trade" finds "trading"), but a story holding the very words typed ranks above
  one holding only another form of them. PostgreSQL: a configuration `archive_simple` (simple with
  unaccent, no stemmer) and a stored generated column `search_exact` of the title and body,
  stripped (lexemes only: only whether a row matches is asked, and a small vector is read fast);
  no GIN index: it only ranks rows already matched. SQLite: an FTS5 table
  `archive_article_exact` (title, body) without the porter stemmer, external content, kept by
  triggers like 0003's.
- SQLite only: `archive_article_size`, each article's body length in characters, kept by the same
  triggers, so that the rank can favour a story over a one-line notice without reading every
  matching body (9 ms for a word in 2,800 stories; looked up by rowid: under 1 ms). PostgreSQL
  takes the length of the vector it already reads.

`rebuild_search_index` puts back the SQLite triggers and rebuilds both from the articles.
"""

POSTGRES_FORWARD = [
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'archive_simple') THEN
            CREATE TEXT SEARCH CONFIGURATION archive_simple (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION archive_simple
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END $$
    """,
    """
    ALTER TABLE archive_article ADD COLUMN search_exact tsvector GENERATED ALWAYS AS (
        strip(to_tsvector('archive_simple'::regconfig, coalesce(title, '') || ' ' || coalesce(body, '')))
    ) STORED
    """,
]
POSTGRES_BACKWARD = [
    "ALTER TABLE archive_article DROP COLUMN IF EXISTS search_exact",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS archive_simple",
]

SQLITE_TABLES = [
    """
    CREATE VIRTUAL TABLE archive_article_exact USING fts5(
        title, body,
        content='archive_article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    "CREATE TABLE archive_article_size (id integer NOT NULL PRIMARY KEY, body_chars integer NOT NULL)",
]
# IF NOT EXISTS: rebuild_search_index puts back the ones a table rebuild (SQLite's ALTER) dropped.
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_exact_insert AFTER INSERT ON archive_article BEGIN
        INSERT INTO archive_article_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
        INSERT OR REPLACE INTO archive_article_size (id, body_chars) VALUES (new.id, length(new.body));
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_exact_delete AFTER DELETE ON archive_article BEGIN
        INSERT INTO archive_article_exact (archive_article_exact, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        DELETE FROM archive_article_size WHERE id = old.id;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_exact_update
    AFTER UPDATE OF id, title, body ON archive_article BEGIN
        INSERT INTO archive_article_exact (archive_article_exact, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO archive_article_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
        DELETE FROM archive_article_size WHERE id = old.id;
        INSERT OR REPLACE INTO archive_article_size (id, body_chars) VALUES (new.id, length(new.body));
    END
    """,
]
SQLITE_REBUILD = [
    "INSERT INTO archive_article_exact (archive_article_exact) VALUES ('rebuild')",
    "DELETE FROM archive_article_size",
    "INSERT INTO archive_article_size (id, body_chars) SELECT id, length(body) FROM archive_article",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS archive_article_exact_insert",
    "DROP TRIGGER IF EXISTS archive_article_exact_delete",
    "DROP TRIGGER IF EXISTS archive_article_exact_update",
    "DROP TABLE IF EXISTS archive_article_size",
    "DROP TABLE IF EXISTS archive_article_exact",
]

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_TABLES + SQLITE_TRIGGERS + SQLITE_REBUILD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}
