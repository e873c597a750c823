"""python manage.py rebuild_search_index: rebuild (SQLite) or reindex and analyse (PostgreSQL)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from archive.search.schema import (
    article_vectors,
    facet_keys,
    fulltext,
    languages,
    ranking,
    statement_languages,
    statement_search,
)

# The statements' first index (fulltext.py) was replaced by statement_search.py's: not put back.
OLD_STATEMENT_INDEX = statement_search.SQLITE_OLD_INDEX

POSTGRES_STATEMENTS = [
    statement_search.POSTGRES_REFRESH,  # the statements' speaker words, in case a trigger was off
    statement_languages.POSTGRES_REFRESH,  # and their articles' languages
    "REINDEX INDEX archive_article_search_vector",
    "REINDEX INDEX archive_statement_search_vector",
    *article_vectors.REFRESH_ALL,  # the articles' narrow copies of their vectors, in case they were touched
    "REINDEX INDEX archive_articlevectors_search_vector",
    "ANALYZE archive_article",
    "ANALYZE archive_articlevectors",
    "ANALYZE archive_statement",
    facet_keys.REFRESH_ALL,  # the facet counts' arrays, in case they were touched by hand
    *facet_keys.TOTALS_REFRESH["postgresql"],  # and their totals
    "ANALYZE archive_facetkeys",
    "ANALYZE archive_statementkeys",
]


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index and the facet keys. SQLite: puts back missing triggers (a "
        "table rebuild by a migration drops them), rebuilds the FTS5 tables (stemmed and exact forms) and the "
        "body lengths from the articles, the analysed words of the articles and statements not in English, "
        "the statements' index (their words and speakers) from the "
        "statements, and recomputes the facet keys. "
        "PostgreSQL: the generated columns are always in step; refreshes the statements' speaker words "
        "where they differ and the articles' narrow copies of their vectors, reindexes, recomputes the facet keys "
        "and refreshes statistics."
    )

    def handle(self, *args, verbosity, **options):
        if connection.vendor == "sqlite":
            statements = [
                *[s for s in fulltext.SQLITE_TRIGGERS if OLD_STATEMENT_INDEX not in s],
                *[s for s in fulltext.SQLITE_REBUILD if OLD_STATEMENT_INDEX not in s],
                *ranking.SQLITE_TRIGGERS,
                *ranking.SQLITE_REBUILD,
                *statement_search.SQLITE_TRIGGERS,
                *statement_search.SQLITE_REBUILD,
                *languages.SQLITE_TRIGGERS,
                *languages.SQLITE_REBUILD,
                *statement_languages.SQLITE_TRIGGERS,
                *statement_languages.SQLITE_REBUILD,
                facet_keys.SQLITE_VIEW,
                *facet_keys.SQLITE_REBUILD_STATEMENT_KEYS,  # the triggers, arrays and totals of both lists
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
