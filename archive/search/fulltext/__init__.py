"""Full-text search: one interface, a backend per database (chosen by `connection.vendor`).

    from archive.search.fulltext import parse_query, search_articles, search_statements
    query = parse_query(request.GET.get("q", ""))
    articles = apply_field_filters(search_articles(Article.objects.all(), query), query)

search_articles / search_statements return the queryset filtered by the free text, annotated
with `rank` (float, higher is better) and `snippet` (plain text, matches between "\\x02" and
"\\x03": escape it, then turn the markers into <mark>), and ordered by rank (then newest).
With no free text they return the queryset as it was, annotated with rank=0 and snippet="".

Snippets are expensive, so the database computes them only for the rows fetched (the page):
see `backends.py`. Before grouping (`.values(...).annotate(Count(...))`) call `.order_by()`,
as for any ordered queryset, or the rank joins the GROUP BY.

A page that asks many questions of one search (count, facets) can fetch the matching ids once and
narrow each query by them with `InIds` (one parameter, however many ids) instead of matching again.
"""

from .backends import forget_statistics, match_ids, search_articles, search_statements, with_snippets_only
from .expressions import Ids, InIds, fetch_ids
from .fields import apply_field_filters, apply_statement_field_filters
from .query import And, Not, Or, Phrase, Query, Term, parse_query

__all__ = [
    "And",
    "Ids",
    "InIds",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "Term",
    "apply_field_filters",
    "apply_statement_field_filters",
    "fetch_ids",
    "forget_statistics",
    "match_ids",
    "parse_query",
    "search_articles",
    "search_statements",
    "with_snippets_only",
]
