"""The researchers' result lists as django-filter FilterSets: `ArticleSearch` and `StatementSearch`.

A search holds the page's input (the search box, the facets of facets/, dates, sort), matches the
words once, filters and orders the results and lists them. Counting the facets is counting.py's,
the page's links and messages page_state.py's.

Every facet filters by a subquery on ids (`pk__in` / `article_id__in`), so no filter multiplies rows
and no `DISTINCT` disturbs ranking. The ids matching the search box are fetched once per request
(`searched_ids`) and the count and facets narrowed by them, not by matching the words again.

Bad input never errors: a facet value that is malformed or unknown is dropped with a hint, an invalid
date or sort is ignored with a hint, over-long text is cut.
"""

from __future__ import annotations

import re
from functools import cached_property

import django_filters
from django import forms
from django.db import connections
from django.db.models import F, Q, QuerySet
from django.http import QueryDict

from archive.models import Article, ArticleVector, Statement

from . import facet_keys
from .counting import WALK_MIN_IDS, CountedFacet, FacetCounter
from .facets import ARTICLES, FACETS, SCOPES, STATEMENTS
from .forms import FacetField, LenientTextField
from .fulltext import (
    Ids,
    InIds,
    apply_field_filters,
    apply_statement_field_filters,
    fetch_ids,
    match_ids,
    parse_query,
    search_articles,
    search_statements,
    with_snippets_only,
)
from .fulltext.languages import present_languages
from .listings import AmongMany, PagedByRank, PagedBySortKey, listing_speakers, statements_by_article_date
from .page_state import PageState

LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?")


class TextFilter(django_filters.CharFilter):
    field_class = LenientTextField


class FacetFilter(django_filters.Filter):
    """A filter by the values of one facet kind (facets.FACETS or facets.SCOPES), which does the work."""

    field_class = FacetField

    def __init__(self, name: str, **kwargs):
        self.facet = {**FACETS, **SCOPES}[name]
        super().__init__(label=self.facet.label, resolve=self.facet.resolve, **kwargs)

    def __deepcopy__(self, memo):  # a FilterSet copies its filters: the facet is shared, stateless
        return FacetFilter(self.facet.name)

    def filter(self, queryset, value):
        return self.facet.filter(self.parent, queryset, [item for item, _label in value])


def ordered(queryset, sort_order: str, date: str) -> QuerySet:
    """Results by relevance, newest or oldest. Words too common to rank by leave the results
    unranked: then newest first, so that the database can walk the date index and stop at the page."""
    ranked = queryset.query.order_by[:1] == ("-rank",)
    if sort_order == "relevance" and ranked:
        return queryset.order_by("-rank", F(date).desc(nulls_last=True), "-pk")
    if sort_order == "oldest":
        return queryset.order_by(F(date).asc(nulls_last=True), "pk")
    return queryset.order_by(F(date).desc(nulls_last=True), "-pk")


SORTS = [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")]
DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class ArchiveSearch(django_filters.FilterSet):
    """Shared by the article and statement searches; `model` and the `by_*` helpers differ."""

    q = TextFilter(method="filter_nothing", label="Search")
    # Here: a filter per facet of the registry (below the class).
    date_from = django_filters.DateFilter(method="filter_date", label="From", widget=DATE_INPUT)
    date_to = django_filters.DateFilter(method="filter_date", label="To", widget=DATE_INPUT)
    sort = django_filters.ChoiceFilter(method="filter_nothing", choices=SORTS, empty_label=None, label="Sort")

    HIDDEN_FACETS: set[str] = set()  # facets a scoped page does not show (the scope itself)
    noun = "result"
    lists = ARTICLES  # which rows the facets count (facets.ARTICLES or STATEMENTS)
    article_prefix = ""  # the path from the model to its article's fields
    keyed_facets = False  # counted from the database's facet keys where it keeps them (facet_keys.py)

    def __init__(self, data=None, *, scope: Q | None = None, hidden=(), shown=None, **kwargs):
        data = data if data is not None else QueryDict()
        self.scope = scope
        self.hidden = set(hidden) | self.HIDDEN_FACETS  # filters the scope replaces: neither applied nor shown
        self.shown = shown  # the facets a page offers (None: all); the others still filter
        super().__init__(data, queryset=self.base_queryset(), **kwargs)
        self.form.is_valid()  # validate now: everything below reads cleaned_data
        self.query = parse_query(self.form.cleaned_data.get("q") or "")
        self.has_text = self.query.has_text
        self.page_state = PageState(self)

    # Subclasses: the model, the text search, how article-level and statement filters reach the model.
    def base_queryset(self) -> QuerySet:
        raise NotImplementedError

    def by_article(self, queryset, article_ids) -> QuerySet:
        raise NotImplementedError

    def by_statements(self, queryset, statements: Q) -> QuerySet:
        raise NotImplementedError

    def by_article_fields(self, queryset, narrow) -> QuerySet:
        """Narrowed by the article's own fields: `narrow` filters a queryset of articles."""
        raise NotImplementedError

    def search(self, queryset, *, snippets: bool = True) -> QuerySet:
        """The rows of `queryset` matching the search box (words and field prefixes), with a snippet
        each unless `snippets` is False (exports, which write none)."""
        raise NotImplementedError

    # -- filtering ---------------------------------------------------------------------------------

    def filter_queryset(self, queryset, skip=()):
        if self.scope is not None:
            queryset = queryset.filter(self.scope)
        for name, value in self.form.cleaned_data.items():
            if name in skip or name in self.hidden or value in (None, "", []):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_date(self, queryset, name, value):
        lookup = "published_on__gte" if name == "date_from" else "published_on__lte"
        return self.by_article_fields(queryset, lambda articles: articles.filter(**{lookup: value}))

    def chosen_values(self, name: str) -> list[str]:
        return [item for item, _label in self.form.cleaned_data.get(name) or []]

    def active(self, name: str) -> bool:
        """Whether the filter `name` (not the search box, not sorting) is chosen on this page."""
        value = self.form.cleaned_data.get(name)
        return name not in self.hidden and value not in (None, "", []) and self.filters[name].method != "filter_nothing"

    def filtering(self, skip=()) -> bool:
        """Whether any filter besides the search box applies (the scope included)."""
        return self.scope is not None or any(self.active(name) for name in self.form.cleaned_data if name not in skip)

    # -- the search box: matched once per request ----------------------------------------------------

    @cached_property
    def present_languages(self) -> list[str]:
        """The languages stored (one probe per language of the index on Article.language), asked once
        per request: for the search box's analyses and for whether the language facet is offered."""
        return present_languages(self.queryset.db)

    @cached_property
    def languages(self) -> list[str] | None:
        """The languages the search box is analysed in (fulltext/languages.py; a statement in its
        article's): those the page's `language` filter names, else every language present, asked
        once per request."""
        if self.query.is_empty:
            return None
        given = self.data.getlist("language") if hasattr(self.data, "getlist") else self.data.get("language", [])
        given = [given] if isinstance(given, str) else list(given or [])
        chosen = [code for code in given if isinstance(code, str) and LANGUAGE_CODE.fullmatch(code)]
        return chosen or self.present_languages

    @cached_property
    def searched_ids(self) -> Ids | None:
        """The ids of the rows matching the search box, fetched once per request: the count and every
        facet are narrowed by them instead of matching the text again (a planner can count on an id
        list, where it can only guess how many rows match some words). None: the box is empty."""
        if self.query.is_empty:
            return None
        model = self.queryset.model
        ids = match_ids(model, self.query, self.queryset.db, self.languages)
        if ids is not None:
            return Ids(ids)
        found = self.search(self.match_rows(), snippets=False)
        if self.ranks_with_ids(found):
            # In the order of the ranked list (rank, date, id): the page is then twenty of these ids'
            # rows (PagedByRank), not every match ranked a second time. Ranking reads each match's
            # vectors, and so does matching: read once instead of twice (10x the corpus, "trade":
            # 28,000 rows, the ids 83 ms and the ranked page 133 ms before).
            self.ranked_in_order = True
            return fetch_ids(ordered(found, "relevance", f"{self.article_prefix}published_on"), in_order=True)
        return fetch_ids(found)

    ranked_in_order = False  # searched_ids are in the ranked list's order (see ranks_with_ids)

    def match_rows(self) -> QuerySet:
        """The rows the search box's words are matched and ranked in for `searched_ids` (every row of
        the model; a narrower table where the database keeps one)."""
        return self.queryset.model.objects.using(self.queryset.db).all()

    def ranks_with_ids(self, found: QuerySet) -> bool:
        """Whether the matching ids are read in ranked order: on PostgreSQL (whose words are matched
        in the table, reading the rows that ranking reads; SQLite reads ids from its full-text index
        alone), when the list is ordered by relevance and the words rank it (not only common words)."""
        return (
            connections[found.db].vendor == "postgresql"
            and self.sort_order == "relevance"
            and found.query.order_by[:1] == ("-rank",)
        )

    def searched(self) -> QuerySet:
        """All rows matching the search box, by their ids."""
        ids = self.searched_ids
        queryset = self.queryset.all()
        return queryset if ids is None else queryset.filter(InIds(F("pk"), ids))

    @cached_property
    def result_ids(self) -> Ids:
        """The ids of the results, every filter applied, fetched once when filters apply: the count and
        every facet whose own filter is not chosen are narrowed by them, instead of each applying the
        filters again."""
        return fetch_ids(self.matching())

    # -- results -----------------------------------------------------------------------------------

    @property
    def sort_order(self) -> str:
        chosen = self.form.cleaned_data.get("sort")
        if chosen == "relevance" and not self.has_text:
            chosen = None
        return chosen or ("relevance" if self.has_text else "newest")

    def matching(self, skip=()) -> QuerySet:
        """The results, filtered by every active filter except those in `skip`; unordered, unranked."""
        return self.filter_queryset(self.searched(), skip=skip)

    def count(self) -> int:
        ids = self.searched_ids
        if ids is not None and not ids:
            return 0
        if self.filtering():
            return len(self.result_ids)
        if ids is None and self.keyed_facets and facet_keys.available(self.queryset.db, None, self.lists):
            return facet_keys.total(self.queryset.db, self.lists)  # every row: kept by the database, not counted
        return len(ids) if ids is not None else self.matching().count()

    def results(self, *, snippets: bool = True, ranked: bool = True) -> QuerySet:
        """The results in order. They match the search box again (the database's own full-text
        filter, which its planner can weigh against the date index); other filters come as the
        result ids the count fetched (applied again beside the words, they misled SQLite's planner:
        7 s for a word, a year and a source). Exports ask for no snippets: they write none.

        ranked=False, for lists in date order that show no snippet (the API): the rows of
        `matching()`, by the ids fetched once for the count, neither matched again nor ranked."""
        date = f"{self.article_prefix}published_on"
        if not ranked:
            ids = self.result_ids if self.filtering() else self.searched_ids
            if ids is None:  # every row
                return ordered(self.matching(), self.sort_order, date)
            among = AmongMany(F("pk"), ids) if len(ids) >= WALK_MIN_IDS else InIds(F("pk"), ids)
            return ordered(self.queryset.filter(among), self.sort_order, date)
        queryset = self.queryset.all()
        if not self.query.is_empty:
            queryset = self.search(queryset, snippets=snippets)
        if self.filtering():
            queryset = queryset.filter(InIds(F("pk"), self.result_ids))
        else:
            queryset = self.filter_queryset(queryset)
        return ordered(queryset, self.sort_order, date)

    def page_listing(self):
        """The listing a page slices: without words, in two steps (PagedBySortKey: the page's ids by
        their sort key, then their full rows); with words, the ranked listing (its snippets and
        rank are the words')."""
        if not self.query.is_empty:
            ranked = self.ranked_ids()
            if ranked is not None:
                rows = self.queryset.model.objects.all()
                rows = with_snippets_only(rows, self.query, self.text_kind, self.languages)
                return PagedByRank(ranked, self.page_rows(rows))
            return self.page_rows(self.results())
        return PagedBySortKey(self.results(), self.page_rows(self.queryset.model.objects.all()), self.walk())

    def page_rows(self, queryset):
        """What a page's list shows of each row (list_rows, unless a page reads some of it apart)."""
        return self.list_rows(queryset)

    def ranked_ids(self) -> list[int] | Ids | None:
        """The results' ids in ranked order when the matching ids were read in it (None if not):
        those of the results among them, in their order."""
        ids = self.searched_ids
        if not self.ranked_in_order or ids is None:
            return None
        if not self.filtering():
            return ids
        results = set(self.result_ids)
        return [pk for pk in ids if pk in results]

    def walk(self):
        """How the database walks to a page of every row, where it needs telling (PagedBySortKey)."""
        return None

    # -- facets --------------------------------------------------------------------------------------

    def facets(self) -> list[CountedFacet]:
        expanded = set(self.data.getlist("more"))
        return FacetCounter(self).facets(expanded, self.page_state.filter_texts())


# Every facet and scope of the registry is a filter of both searches, after the search box.
ArchiveSearch.declared_filters = {
    "q": ArchiveSearch.declared_filters["q"],
    **{name: FacetFilter(name) for name in [*FACETS, *SCOPES]},
    **{name: f for name, f in ArchiveSearch.declared_filters.items() if name != "q"},
}


class ArticleSearch(ArchiveSearch):
    noun = "article"
    text_kind = "article"  # what the full-text search calls its rows ("kind" is a facet)
    keyed_facets = True

    class Meta:
        model = Article
        fields = []

    def base_queryset(self):
        return Article.objects.all()

    def match_rows(self):
        # PostgreSQL: the narrow table of the articles' vectors (schema/article_vectors.py), whose rows
        # hold only what matching and ranking read (10x the corpus, EXPLAIN ANALYZE of the ids query:
        # "said", read in every row, 165-212 ms against 324-338 from archive_article).
        if connections[self.queryset.db].vendor == "postgresql":
            return ArticleVector.objects.using(self.queryset.db).all()
        return super().match_rows()

    def by_article(self, queryset, article_ids):
        return queryset.filter(pk__in=article_ids)

    def by_statements(self, queryset, statements):
        return queryset.filter(pk__in=Statement.objects.filter(statements).values("article_id"))

    def by_article_fields(self, queryset, narrow):
        return narrow(queryset)

    def search(self, queryset, *, snippets=True):
        found = search_articles(queryset, self.query, snippets=snippets, languages=self.languages)
        return apply_field_filters(found, self.query)

    def list_rows(self, queryset, *, with_body=False):
        """What a result list shows of each row: its source, countries and speakers; not its body
        (lists show the search's snippet: leaving the body out keeps pages and exports light)."""
        queryset = queryset.select_related("source").prefetch_related("countries", listing_speakers())
        return queryset if with_body else queryset.defer("body", "search_names")

    def page_rows(self, queryset):
        """A page's articles with their source; the names beside each are read for the page alone
        (listings.named, in the view)."""
        return queryset.select_related("source").defer("body", "search_names")

    def listing(self, *, with_body=False, ranked=True):
        """The ordered results with what a result list shows, in a constant number of queries."""
        return self.list_rows(self.results(ranked=ranked), with_body=with_body)


class StatementSearch(ArchiveSearch):
    noun = "statement"
    text_kind = "statement"
    lists = STATEMENTS
    article_prefix = "article__"
    keyed_facets = True

    class Meta:
        model = Statement
        fields = []

    def base_queryset(self):
        return Statement.objects.all()

    def by_article(self, queryset, article_ids):
        return queryset.filter(article_id__in=article_ids)

    def by_statements(self, queryset, statements):
        return queryset.filter(statements)

    def by_article_fields(self, queryset, narrow):
        # A subquery, not a join: beside a list of matching ids, a join on the articles led SQLite to
        # walk every article of a year and check each statement against the list (7 s, now 40 ms).
        return queryset.filter(article_id__in=narrow(Article.objects.all()).values("pk"))

    def search(self, queryset, *, snippets=True):
        return apply_statement_field_filters(
            search_statements(queryset, self.query, snippets=snippets, languages=self.languages), self.query
        )

    def list_rows(self, queryset, *, with_body=False):
        """What a list of statements shows of each: its article, source and speaker; not the body."""
        related = ("article", "article__source", "speaker_person", "speaker_organisation")
        queryset = queryset.select_related(*related)
        return queryset if with_body else queryset.defer("article__body")

    def listing(self, *, with_body=False, ranked=True):
        return self.list_rows(self.results(ranked=ranked), with_body=with_body)

    def walk(self):
        # Every statement (no words, no filter) on SQLite: by the articles' date index (listings.py).
        if self.filtering() or connections[self.queryset.db].vendor != "sqlite":
            return None
        return statements_by_article_date(newest_first=self.sort_order != "oldest")
