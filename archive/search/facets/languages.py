"""The language a story is written in (Article.language: what its file said, else what the importer
detected, or what an editor set), on the search and statements pages.

Offered only when the archive holds a story in another language than English (or a language is
chosen): an English archive pays the look-up of the languages stored (shared with the search box),
not the count (4-7 ms of CPU a page over the Reuters corpus on SQLite, measured with
bench.search_speed --page)."""

from __future__ import annotations

from archive.models import Article, Statement
from archive.templatetags.languages import language_name

from ..fulltext.languages import ENGLISH, base
from ..sources import FacetSource
from .base import ARTICLES, Facet


class LanguageFacet(Facet):
    name, label = "language", "Language"

    def is_shown(self, search, chosen):
        # The languages stored are the search's own look-up (asked once a request, for the search
        # box too); a chosen language is always shown, to be removed.
        return bool(chosen.get(self.name)) or any(base(code) != ENGLISH for code in search.present_languages)

    def resolve(self, values):
        stored = set(Article.objects.filter(language__in=values).values_list("language", flat=True).distinct())
        return {value: language_name(value) for value in values if value in stored}

    def filter(self, search, queryset, values):
        return search.by_article_fields(queryset, lambda articles: articles.filter(language__in=values))

    def source(self, over):
        if over == ARTICLES:
            return FacetSource(Article.objects.all(), "pk", {"value": "language"}, [], ["language"])
        return FacetSource(Statement.objects.all(), "pk", {"value": "article__language"}, [], ["article__language"])

    def values(self, rows):
        return [(r["value"], language_name(r["value"]), r["n"]) for r in rows]
