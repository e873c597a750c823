"""SQLite backend: FTS5 tables `archive_article_fts` and `archive_statement_fts` (migration 0003).

Every word goes to FTS5 inside double quotes (inner quotes doubled), so no input can be read as
FTS5 syntax; the structure (AND, OR, NOT, phrases) comes only from the parsed query objects.
"""

from __future__ import annotations

from django.db.models import BooleanField, F, FloatField, TextField, Value

from .expressions import SqlTemplate
from .query import And, Or, Phrase, Term

# bm25 weights for title, search_names, body. bm25 is lower-is-better, so rank is its negation.
ARTICLE_INDEX = ("archive_article_fts", "10.0, 5.0, 1.0", 2)  # table, bm25 weights, snippet column
STATEMENT_INDEX = ("archive_statement_fts", "1.0", 0)
SNIPPET_WORDS = 24


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def compile_match(node) -> str:
    """The FTS5 MATCH string for a query object (an And with at least one included part)."""
    if isinstance(node, Term):
        return quote(node.word)
    if isinstance(node, Phrase):
        return quote(" ".join(node.words))
    if isinstance(node, Or):
        return "(" + " OR ".join(map(compile_match, node.children)) + ")"
    if isinstance(node, And):
        included = " AND ".join(map(compile_match, node.included))
        if node.excluded:
            return f"({included}) NOT ({' OR '.join(map(compile_match, node.excluded))})"
        return included
    raise TypeError(f"not a query object: {node!r}")


def match_filter(table: str, match: str) -> SqlTemplate:
    return SqlTemplate(
        f"{{pk}} IN (SELECT rowid FROM {table} WHERE {table} MATCH {{match}})",
        output_field=BooleanField(),
        pk=F("pk"),
        match=Value(match),
    )


def rank(table: str, weights: str, match: str) -> SqlTemplate:
    # The ranked matches are computed once per statement (a materialized CTE, which SQLite
    # indexes automatically), then looked up per row: one FTS5 scan, not one per row.
    return SqlTemplate(
        "(WITH ranked AS MATERIALIZED ("
        f"SELECT rowid AS id, -bm25({table}, {weights}) AS score FROM {table} WHERE {table} MATCH {{match}}"
        ") SELECT score FROM ranked WHERE ranked.id = {pk})",
        output_field=FloatField(),
        pk=F("pk"),
        match=Value(match),
    )


def snippet(table: str, column: int, match: str) -> SqlTemplate:
    return SqlTemplate(
        f"(SELECT snippet({table}, {column}, char(2), char(3), '…', {SNIPPET_WORDS}) FROM {table} "
        f"WHERE {table} MATCH {{match}} AND rowid = {{pk}})",
        output_field=TextField(),
        pk=F("pk"),
        match=Value(match),
    )
