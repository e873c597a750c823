"""The SQL with which the database keeps the search indexes itself: `fulltext` (FTS5 tables and
their triggers on SQLite, tsvector columns on PostgreSQL) and `facet_keys` (each article's facet
values). The migrations that made them run it, `rebuild_search_index` and the importer re-run
parts of it; nothing imports a migration."""


def run(statements_by_vendor: dict[str, list[str]]):
    """A RunPython operation executing the statements listed for the connection's database."""

    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return operation
