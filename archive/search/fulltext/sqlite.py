"""SQLite backend: FTS5 tables `archive_article_fts` and `archive_statement_fts` (migration 0003).

Every word goes to FTS5 inside double quotes (inner quotes doubled), so no input can be read as
FTS5 syntax; the structure (AND, OR, NOT, phrases) comes only from the parsed query objects.
"""

from __future__ import annotations

from django.db import connection, connections
from django.db.models import BooleanField, F, FloatField, Value

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


def match_filter(table: str, match: str, ranked: bool = True) -> SqlTemplate:
    # Unranked, the rows come in the table's own order: "+" stops SQLite from looking each match
    # up by primary key and sorting them all, so it walks the ordering index and stops at the page.
    pk = "{pk}" if ranked else "+{pk}"
    return SqlTemplate(
        f"{pk} IN (SELECT rowid FROM {table} WHERE {table} MATCH {{match}})",
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


def snippets(table: str, column: int, match: str, ids: list[int]) -> dict[int, str]:
    """Fragments of the given rows around the matches, marked with \\x02 and \\x03."""
    placeholders = ", ".join("%s" for _ in ids)
    sql = (
        f"SELECT rowid, snippet({table}, {column}, char(2), char(3), '…', {SNIPPET_WORDS}) "
        f"FROM {table} WHERE {table} MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *ids])
        return dict(cursor.fetchall())


def match_ids(table: str, match: str, using: str) -> list[int]:
    """The rowids (= the ids of the indexed rows) matching, from the index alone."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])
        return [row[0] for row in cursor.fetchall()]


def common_words(table: str, words: list[str], share: float, min_rows: int) -> set[str]:
    """Words matching more than `share` of the rows, if the table has at least `min_rows`."""
    counts = ", ".join(f"(SELECT count(*) FROM {table} WHERE {table} MATCH %s)" for _ in words)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT count(*) FROM {table}_docsize), {counts}", [quote(w) for w in words])
        total, *matching = cursor.fetchone()
    if total < min_rows:
        return set()
    return {word for word, count in zip(words, matching, strict=True) if count > share * total}
