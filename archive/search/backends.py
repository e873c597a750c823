"""Apply a parsed query to a queryset with the backend of the queryset's database."""

from __future__ import annotations

from django.db import connections
from django.db.models import FloatField, TextField, Value

from . import postgres, sqlite
from .query import Or, Query


def search_articles(queryset, query: Query):
    return _search(queryset, query, "article")


def search_statements(queryset, query: Query):
    return _search(queryset, query, "statement")


def _search(queryset, query: Query, kind: str):
    tree = query.tree
    if tree is None:
        return _unranked(queryset)
    backend = BACKENDS[connections[queryset.db].vendor]
    if not tree.included:  # only exclusions: everything else, unranked
        return _unranked(queryset.exclude(backend.matches(kind, Or(tuple(tree.excluded)))))
    # Rank first; ties keep the queryset's own order (by default the newest first).
    ordering = ["-rank", *(queryset.query.order_by or queryset.model._meta.ordering or ["-pk"])]
    return (
        queryset.filter(backend.matches(kind, tree))
        .annotate(rank=backend.rank(kind, tree), snippet=backend.snippet(kind, tree))
        .order_by(*ordering)
    )


def _unranked(queryset):
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()), snippet=Value("", output_field=TextField()))


class SqliteBackend:
    INDEXES = {"article": sqlite.ARTICLE_INDEX, "statement": sqlite.STATEMENT_INDEX}

    def matches(self, kind, tree):
        table, _, _ = self.INDEXES[kind]
        return sqlite.match_filter(table, sqlite.compile_match(tree))

    def rank(self, kind, tree):
        table, weights, _ = self.INDEXES[kind]
        return sqlite.rank(table, weights, sqlite.compile_match(tree))

    def snippet(self, kind, tree):
        table, _, column = self.INDEXES[kind]
        return sqlite.snippet(table, column, sqlite.compile_match(tree))


class PostgresBackend:
    DOCUMENT = {"article": "body", "statement": "text"}

    def matches(self, kind, tree):
        return postgres.matches(postgres.compile_tsquery(tree))

    def rank(self, kind, tree):
        return postgres.rank(postgres.compile_tsquery(tree))

    def snippet(self, kind, tree):
        return postgres.headline(self.DOCUMENT[kind], postgres.compile_tsquery(tree))


BACKENDS = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}
