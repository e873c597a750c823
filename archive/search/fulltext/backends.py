"""Apply a parsed query to a queryset with the backend of the queryset's database."""

from __future__ import annotations

import math
import time
from functools import partial

from django.db import connections
from django.db.models import FloatField, TextField, Value
from django.db.models.query import ModelIterable

from . import languages as lang
from . import postgres, sqlite
from .query import And, Or, Query, Term

# Words found in more than this share of a large collection ("said": 80% of Reuters) are not
# used to rank: ranking them means scoring nearly every row (tens of ms) for almost no signal.
COMMON_SHARE = 0.5
COMMON_MIN_ROWS = 1000
# How long a connection trusts the answer to "which of these words are common?" (seconds).
# The shares move only with imports; the question costs a count of matches on SQLite.
STATISTICS_TTL = 60.0


def search_articles(queryset, query: Query, *, snippets: bool = True, languages: list[str] | None = None):
    """`languages`: the article languages the page's filter chose (None: every language present)."""
    return _search(queryset, query, "article", snippets, languages)


def search_statements(queryset, query: Query, *, snippets: bool = True, languages: list[str] | None = None):
    """`languages`: as for articles; a statement is analysed in its article's language."""
    return _search(queryset, query, "statement", snippets, languages)


def with_snippets_only(queryset, query: Query, kind: str, languages: list[str] | None = None):
    """`queryset` with each row's snippet of `query`, neither matched nor ranked again: for rows
    already chosen by the search (a page of its ranked ids, listings.PagedByRank). `kind`:
    "article" or "statement"; `languages` as for search_articles."""
    tree = query.tree
    if tree is None or not tree.included:
        return queryset  # no words to show: no snippet, as search_articles gives none
    backend = BACKENDS[connections[queryset.db].vendor]
    plan = lang.plan(queryset.db, languages)
    if lang.only_english(plan):
        return backend.with_snippets(queryset, kind, tree)
    if kind == "statement":
        return backend.with_statement_snippets_languages(queryset, tree, plan)
    return backend.with_snippets_languages(queryset, tree, plan)


def match_ids(model, query: Query, using: str = "default", languages: list[str] | None = None) -> list[int] | None:
    """The ids of all `model` rows matching plain words (no field prefix, not only exclusions), read
    straight from the full-text index when the backend keeps ids there (SQLite's FTS5 tables, kept
    in step by triggers); None when the words must be matched in the table itself."""
    tree = query.tree
    if tree is None or not tree.included or query.fields:
        return None
    if not lang.only_english(lang.plan(using, languages)):
        return None  # several analyses: matched in the table, by each article's language
    return BACKENDS[connections[using].vendor].ids(model._meta.model_name, tree, using)


def _search(queryset, query: Query, kind: str, snippets: bool = True, languages: list[str] | None = None):
    tree = query.tree
    if tree is None:
        return _unranked(queryset)
    backend = BACKENDS[connections[queryset.db].vendor]
    plan = lang.plan(queryset.db, languages)
    if not tree.included:  # only exclusions: everything else, unranked
        return _unranked(queryset.exclude(_excluded(backend, kind, Or(tuple(tree.excluded)), plan)))
    # Rank first; ties keep the queryset's own order (by default the newest first).
    ranking = _without_common_words(backend, queryset.db, kind, tree)
    if not lang.only_english(plan):
        if kind == "statement":
            return _search_statement_languages(queryset, backend, tree, ranking, plan, snippets)
        return _search_languages(queryset, backend, tree, ranking, plan, snippets)
    found = queryset.filter(backend.matches(kind, tree, ranked=ranking is not None))
    if snippets:  # exports leave them out: they write no snippet
        found = backend.with_snippets(found, kind, tree)
    if ranking is None:  # nothing worth ranking by: the queryset's own order (newest first)
        return found.annotate(rank=Value(0.0, output_field=FloatField()))
    # Rank first; ties keep the queryset's own order.
    ordering = ["-rank", *(queryset.query.order_by or queryset.model._meta.ordering or ["-pk"])]
    return found.annotate(rank=backend.rank(kind, ranking, queryset.db)).order_by(*ordering)


def _excluded(backend, kind, words: Or, plan):
    """The rows holding any of the excluded words, each row in its own language's analysis (as
    when the words are excluded beside others): "-Verhandlungen" leaves out a German story that
    says "Verhandlung"."""
    if lang.only_english(plan):
        return backend.matches(kind, words, ranked=False)
    if kind == "statement":
        return backend.statement_matches_languages(words, plan)
    return backend.matches_languages(words, plan, ranked=False)


def _search_languages(queryset, backend, tree, ranking, plan, snippets):
    """Articles in several languages: each matched and ranked by the analysis of its own language
    (fulltext/languages.py); the English ones exactly as when only English is present."""
    alias = queryset.db
    found = queryset.filter(backend.matches_languages(tree, plan, ranked=True))
    if snippets:
        found = backend.with_snippets_languages(found, tree, plan)
    rank = backend.rank_languages(tree, ranking, plan, alias)
    ordering = ["-rank", *(queryset.query.order_by or queryset.model._meta.ordering or ["-pk"])]
    return found.annotate(rank=rank).order_by(*ordering)


def _search_statement_languages(queryset, backend, tree, ranking, plan, snippets):
    """Statements when several analyses are asked: each matched and ranked by the analysis of its
    article's language; the English ones as when only English is present."""
    found = queryset.filter(backend.statement_matches_languages(tree, plan))
    if snippets:
        found = backend.with_statement_snippets_languages(found, tree, plan)
    rank = backend.statement_rank_languages(tree, ranking, plan)
    ordering = ["-rank", *(queryset.query.order_by or queryset.model._meta.ordering or ["-pk"])]
    return found.annotate(rank=rank).order_by(*ordering)


def _without_common_words(backend, alias: str, kind: str, tree: And) -> And | None:
    """The included parts of the query minus single words too common to rank by."""
    words = [part.word for part in tree.included if isinstance(part, Term)]
    common = common_words(backend, alias, kind, words) if words else set()
    kept = [part for part in tree.included if not (isinstance(part, Term) and part.word in common)]
    return And(tuple(kept)) if kept else None


def common_words(backend, alias: str, kind: str, words: list[str]) -> set[str]:
    """backend.common_words, remembered by the connection for STATISTICS_TTL seconds."""
    return _remembered(alias, ("common", kind, tuple(sorted(set(words)))), lambda: backend.common_words(kind, words))


def _remembered(alias: str, key, compute):
    memo = connections[alias].__dict__.setdefault("_archive_common_words", {})
    now = time.monotonic()
    if key not in memo or memo[key][0] < now:
        if len(memo) > 1000:
            memo.clear()
        memo[key] = (now + STATISTICS_TTL, compute())
    return memo[key][1]


def word_weights(backend, alias: str, kind: str, tree: And) -> dict:
    """Each included part's weight by its rarity: ln(1 / share of the rows holding it), divided by
    the mean over the parts (a query's words weigh 1 on average). Phrases and ORs weigh as the
    rarest listed word would (their share is not known; a phrase is rarer than its words)."""
    words = [part.word for part in tree.included if isinstance(part, Term)]
    key = ("shares", kind, tuple(sorted(set(words))))
    shares, floor = _remembered(alias, key, lambda: backend.word_shares(kind, words)) if words else ({}, 0.0)
    floor = floor / 2 if floor else 0.005
    idf = {}
    for part in tree.included:
        share = shares.get(part.word, floor) if isinstance(part, Term) else floor
        idf[part] = math.log(1.0 / max(share, 1e-6))
    mean = sum(idf.values()) / len(idf)
    return {part: value / mean for part, value in idf.items()}


def forget_statistics() -> None:
    """Drop every connection's remembered word shares (after an import, in tests)."""
    for connection in connections.all(initialized_only=True):
        connection.__dict__.pop("_archive_common_words", None)


def _unranked(queryset):
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()), snippet=Value("", output_field=TextField()))


class SqliteBackend:
    INDEXES = {"article": sqlite.ARTICLE_INDEX, "statement": sqlite.STATEMENT_INDEX}

    def matches(self, kind, tree, ranked):
        table, _, _ = self.INDEXES[kind]
        return sqlite.match_filter(table, sqlite.compile_match(tree), ranked)

    def rank(self, kind, tree, alias="default"):  # bm25 knows each word's rarity itself
        if kind == "article":
            return sqlite.article_rank(sqlite.compile_match(tree))
        table, weights, _ = self.INDEXES[kind]
        return sqlite.rank(table, weights, sqlite.compile_match(tree))

    def matches_languages(self, tree, plan, ranked):
        return sqlite.match_languages(tree, plan, ranked)

    def rank_languages(self, tree, ranking, plan, alias):
        english = self.rank("article", ranking, alias) if ranking is not None and lang.ENGLISH in plan else None
        return sqlite.rank_languages(tree, english, plan)

    def with_snippets_languages(self, queryset, tree, plan):
        # English rows get their fragments from the porter index; the others' index holds analysed
        # words, not their text: theirs are made from the text (fulltext/language_snippets.py).
        return self.with_snippets(queryset, "article", tree, sqlite.OTHER_LANGUAGE_TEXTS["article"])

    def statement_matches_languages(self, tree, plan):
        return sqlite.statement_match_languages(tree, plan)

    def statement_rank_languages(self, tree, ranking, plan):
        english = self.rank("statement", ranking) if ranking is not None and lang.ENGLISH in plan else None
        return sqlite.statement_rank_languages(tree, english, plan)

    def with_statement_snippets_languages(self, queryset, tree, plan):
        # As for articles: statements of articles not in English get theirs from their text.
        return self.with_snippets(queryset, "statement", tree, sqlite.OTHER_LANGUAGE_TEXTS["statement"])

    def with_snippets(self, queryset, kind, tree, other_languages: str | None = None):
        # SQLite computes the SELECT list before sorting, so a snippet column would be cut for
        # every match; instead the rows fetched get theirs in one more query per 100 rows (with,
        # where rows are in other languages than English, their texts: `other_languages`).
        table, _, column = self.INDEXES[kind]
        if other_languages is None:
            snippets = partial(sqlite.snippets, table, column, sqlite.compile_match(tree))
        else:
            match = sqlite.compile_match(tree)
            snippets = partial(sqlite.snippets_languages, table, column, match, other_languages, tree)
        queryset._iterable_class = type("SnippetIterable", (SnippetIterable,), {"snippets": staticmethod(snippets)})
        return queryset

    def common_words(self, kind, words):
        table, _, _ = self.INDEXES[kind]
        return sqlite.common_words(table, words, COMMON_SHARE, COMMON_MIN_ROWS)

    def ids(self, kind, tree, using):
        table, _, _ = self.INDEXES[kind]
        return sqlite.match_ids(table, sqlite.compile_match(tree), using)


class PostgresBackend:
    DOCUMENT = {"article": "body", "statement": "text"}

    def matches(self, kind, tree, ranked):
        return postgres.matches(postgres.compile_tsquery(tree))

    def rank(self, kind, tree, alias="default"):
        if kind == "article" and len(tree.included) > 1:
            weights = word_weights(self, alias, kind, tree)
            return postgres.article_rank_weighted(
                [(postgres.compile_tsquery(part), weights[part]) for part in tree.included],
                postgres.compile_tsquery(tree, postgres.EXACT_CONFIG),
            )
        if kind == "article":
            return postgres.article_rank(
                postgres.compile_tsquery(tree), postgres.compile_tsquery(tree, postgres.EXACT_CONFIG)
            )
        return postgres.rank(postgres.compile_tsquery(tree))

    def matches_languages(self, tree, plan, ranked):
        return postgres.match_languages(tree, plan)

    def rank_languages(self, tree, ranking, plan, alias):
        ranks = {}
        for code in plan:
            if code == lang.ENGLISH:
                ranks[code] = self.rank("article", ranking, alias) if ranking is not None else None
            else:
                ranks[code] = postgres.language_rank(tree, code)
        return postgres.by_language(ranks, plan)

    def with_snippets_languages(self, queryset, tree, plan):
        return queryset.annotate(snippet=postgres.headline_languages(tree, plan))

    def statement_matches_languages(self, tree, plan):
        return postgres.match_languages(tree, plan, language=postgres.StatementLanguage())

    def statement_rank_languages(self, tree, ranking, plan):
        ranks = {}
        for code in plan:
            if code == lang.ENGLISH:
                ranks[code] = self.rank("statement", ranking) if ranking is not None else None
            else:
                ranks[code] = postgres.rank(postgres.compile_tsquery(*postgres.analysed(tree, code)))
        return postgres.by_language(ranks, plan, language=postgres.StatementLanguage())

    def with_statement_snippets_languages(self, queryset, tree, plan):
        return queryset.annotate(
            snippet=postgres.headline_languages(tree, plan, "text", language=postgres.StatementLanguage())
        )

    def with_snippets(self, queryset, kind, tree):
        # PostgreSQL evaluates costly SELECT-list functions after Sort and Limit: the page only.
        return queryset.annotate(snippet=postgres.headline(self.DOCUMENT[kind], postgres.compile_tsquery(tree)))

    def word_shares(self, kind, words):
        return postgres.word_shares(f"archive_{kind}", words)

    def common_words(self, kind, words):
        return postgres.common_words(f"archive_{kind}", words, COMMON_SHARE, COMMON_MIN_ROWS)

    def ids(self, kind, tree, using):
        return None  # the vectors are in the table itself: matched there


class SnippetIterable(ModelIterable):
    """Model instances with `snippet` set, fetched for each batch of rows in one query."""

    BATCH = 100
    snippets = None  # ids -> {id: snippet}; set by SqliteBackend.with_snippets

    def __iter__(self):
        batch = []
        for instance in super().__iter__():
            batch.append(instance)
            if len(batch) == self.BATCH:
                yield from self._fill(batch)
                batch = []
        yield from self._fill(batch)

    def _fill(self, batch):
        found = self.snippets([instance.pk for instance in batch]) if batch else {}
        for instance in batch:
            instance.snippet = found.get(instance.pk, "")
        return batch


BACKENDS = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}
