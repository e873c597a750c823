"""python manage.py rebuild_search_index: rebuild (SQLite) or reindex and analyse (PostgreSQL)."""

from __future__ import annotations

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import connection, transaction

# The index's SQL lives with its migration; the triggers are put back from there.
index_migration = import_module("archive.migrations.0003_search_index")
facet_keys_migration = import_module("archive.migrations.0009_facet_keys")
relevance_migration = import_module("archive.migrations.0010_search_relevance")
speaker_migration = import_module("archive.migrations.0011_statement_speaker_search")
# 0003's statement index was replaced by 0011's: its triggers are not put back.
OLD_STATEMENT_INDEX = speaker_migration.SQLITE_OLD_INDEX

POSTGRES_STATEMENTS = [
    speaker_migration.POSTGRES_REFRESH,  # the statements' speaker words, in case a trigger was off
    "REINDEX INDEX archive_article_search_vector",
    "REINDEX INDEX archive_statement_search_vector",
    "ANALYZE archive_article",
    "ANALYZE archive_statement",
    facet_keys_migration.REFRESH_ALL,  # the facet counts' arrays, in case they were touched by hand
    "ANALYZE archive_facetkeys",
]


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index and the facet keys. SQLite: puts back missing triggers (a "
        "table rebuild by a migration drops them), rebuilds the FTS5 tables (stemmed and exact forms) and the "
        "body lengths from the articles, the statements' index (their words and speakers) from the "
        "statements, and recomputes the facet keys. "
        "PostgreSQL: the generated columns are always in step; refreshes the statements' speaker words "
        "where they differ, reindexes, recomputes the facet keys and "
        "refreshes statistics."
    )

    def handle(self, *args, verbosity, **options):
        if connection.vendor == "sqlite":
            statements = [
                *[s for s in index_migration.SQLITE_TRIGGERS if OLD_STATEMENT_INDEX not in s],
                *[s for s in index_migration.SQLITE_REBUILD if OLD_STATEMENT_INDEX not in s],
                *relevance_migration.SQLITE_TRIGGERS,
                *relevance_migration.SQLITE_REBUILD,
                *speaker_migration.SQLITE_TRIGGERS,
                *speaker_migration.SQLITE_REBUILD,
                *facet_keys_migration.SQLITE_TRIGGERS,
                *facet_keys_migration.SQLITE_REFRESH_ALL,
            ]
        elif connection.vendor == "postgresql":
            statements = POSTGRES_STATEMENTS
        else:
            self.stderr.write(f"No search index for the {connection.vendor} database.")
            return
        with transaction.atomic():
            with connection.cursor() as cursor:
                for statement in statements:
                    if verbosity >= 2:
                        self.stdout.write(" ".join(statement.split()))
                    cursor.execute(statement)
        if verbosity >= 1:
            done = "rebuilt" if connection.vendor == "sqlite" else "reindexed and analyzed"
            self.stdout.write(self.style.SUCCESS(f"Search index {done} ({connection.vendor})."))
