"""System checks for configuration problems that would otherwise surface as odd failures."""

from django.core.checks import Error, register
from django.db import connection


@register("database")
def sqlite_has_fts5(app_configs, **kwargs):
    if connection.vendor != "sqlite":
        return []
    import sqlite3

    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError:
        return [
            Error(
                "This SQLite is built without FTS5, which full-text search needs.",
                hint="Use a Python whose sqlite3 module includes FTS5 (CPython's builds do).",
                id="archive.E001",
            )
        ]
    finally:
        con.close()
    return []
