"""The articles' narrow table of vectors (migration 0018, PostgreSQL only; read by the searches
through models.ArticleVector): `archive_articlevectors` holds, per article, what matching and
ranking its words read (`search_vector`, `search_exact`, the `language` the words are analysed in)
and what orders a ranked list (`published_on`), with its own GIN index, and nothing else.

Matching a common word reads every match's row, and ranking reads every match's vectors: from
archive_article that is the whole wide row (title, body, names, credits, both vectors), from here
about a quarter of it (10x the corpus: 143 MB against 531 MB). The ranked list's ids are read from
this table alone (filtersets.ArchiveSearch.searched_ids); the page's rows, snippets, exports and
feeds still come from archive_article, whose vectors are the same values.

Statement-level triggers on archive_article copy the generated columns of the rows a statement
inserted, changed or deleted, in the same transaction, whatever wrote (importer, admin,
re-extraction, merges: a changed name list changes `search_vector`); TRUNCATE (Django's flush) too.
`rebuild_search_index` copies every row again. SQLite has no such table: its FTS5 tables are
narrow already.
"""

COLUMNS = "article_id, published_on, language, search_vector, search_exact"
FROM_ARTICLE = "id, published_on, language, search_vector, search_exact"
UPSERT = (
    f"INSERT INTO archive_articlevectors ({COLUMNS}) SELECT {{rows}} ON CONFLICT (article_id) DO UPDATE SET "
    "published_on = EXCLUDED.published_on, language = EXCLUDED.language, "
    "search_vector = EXCLUDED.search_vector, search_exact = EXCLUDED.search_exact"
)

TRIGGER_FUNCTIONS = {
    "insert": f"""
CREATE OR REPLACE FUNCTION archive_article_vectors_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {UPSERT.format(rows=f"{FROM_ARTICLE} FROM new_rows")};
    RETURN NULL;
END $$
""",
    # Only the rows whose copied columns changed: most updates of an article (its extraction
    # time, corrections of other fields) leave its vectors alone.
    "update": f"""
CREATE OR REPLACE FUNCTION archive_article_vectors_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM archive_articlevectors v USING old_rows o
        WHERE v.article_id = o.id AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id);
    {
        UPSERT.format(
            rows=(
                "n.id, n.published_on, n.language, n.search_vector, n.search_exact FROM new_rows n "
                "LEFT JOIN old_rows o ON o.id = n.id "
                "WHERE o.id IS NULL OR (n.published_on, n.language, n.search_vector, n.search_exact) "
                "IS DISTINCT FROM (o.published_on, o.language, o.search_vector, o.search_exact)"
            )
        )
    };
    RETURN NULL;
END $$
""",
    "delete": """
CREATE OR REPLACE FUNCTION archive_article_vectors_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM archive_articlevectors v USING old_rows o WHERE v.article_id = o.id;
    RETURN NULL;
END $$
""",
    "truncate": """
CREATE OR REPLACE FUNCTION archive_article_vectors_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN TRUNCATE archive_articlevectors; RETURN NULL; END $$
""",
}
REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "truncate": "",
}
TRIGGERS = [
    f"CREATE TRIGGER archive_article_vectors_{event} AFTER {event.upper()} ON archive_article {referencing} "
    f"FOR EACH STATEMENT EXECUTE FUNCTION archive_article_vectors_{event}()"
    for event, referencing in REFERENCING.items()
]

# Every row copied again (rebuild_search_index; the migration's first fill).
REFRESH_ALL = [
    "DELETE FROM archive_articlevectors v WHERE NOT EXISTS (SELECT 1 FROM archive_article a WHERE a.id = v.article_id)",
    UPSERT.format(rows=f"{FROM_ARTICLE} FROM archive_article"),
]

POSTGRES_FORWARD = [
    """
    CREATE TABLE archive_articlevectors (
        article_id bigint PRIMARY KEY,
        published_on date,
        language varchar(16) NOT NULL,
        search_vector tsvector,
        search_exact tsvector
    ) WITH (toast_tuple_target = 8160)
    """,
    # Vectors kept in the row, uncompressed (up to a page): matching a common word reads every row
    # and ranking every match's, and a compressed or out-of-line value is decompressed or looked up
    # each time ("said" at 10x: 300-390 ms with PostgreSQL's defaults, 165-210 ms so; the heap
    # 382 MB against 208 MB and 133 MB of TOAST).
    "ALTER TABLE archive_articlevectors ALTER COLUMN search_vector SET STORAGE MAIN, "
    "ALTER COLUMN search_exact SET STORAGE MAIN",
    *TRIGGER_FUNCTIONS.values(),
    *TRIGGERS,
    *REFRESH_ALL,
    "CREATE INDEX archive_articlevectors_search_vector ON archive_articlevectors USING gin (search_vector)",
    "ANALYZE archive_articlevectors",
]
POSTGRES_BACKWARD = [
    *[f"DROP TRIGGER IF EXISTS archive_article_vectors_{event} ON archive_article" for event in REFERENCING],
    *[f"DROP FUNCTION IF EXISTS archive_article_vectors_{event}()" for event in TRIGGER_FUNCTIONS],
    "DROP TABLE IF EXISTS archive_articlevectors",
]

FORWARD = {"postgresql": POSTGRES_FORWARD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD}
