"""Atom feeds for every search: the same GET parameters as the page, newest first unless a sort is
given (then in the page's order, as the exports)."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from archive.search.filtersets import ArticleSearch, StatementSearch

FEED_SIZE = 50
_MARKERS = re.compile("[\x02\x03]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 cannot carry


def xml_safe(value):
    """Strings (in dicts and lists too) without the characters XML refuses: a query or a story
    may hold them, and the feed writer would fail on them."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value


class TextAtom1Feed(Atom1Feed):
    """Atom with each summary as text (type="text"): story text reaches a feed reader as words,
    never as markup it would render (Django's Atom1Feed sends the summary as type="html")."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


def _when(day):
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.UTC)


class OpenSearchAtomFeed(TextAtom1Feed):
    """Atom (summaries as text) with OpenSearch's response elements: how many results the search
    has in all, and how many the feed shows (the newest)."""

    OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:opensearch": self.OPENSEARCH}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("opensearch:totalResults", str(self.feed["total_results"]))
        handler.addQuickElement("opensearch:startIndex", "1")
        handler.addQuickElement("opensearch:itemsPerPage", str(FEED_SIZE))


class SearchFeed(Feed):
    feed_type = OpenSearchAtomFeed
    search_class = ArticleSearch
    page_name = "archive:search"
    what = "Articles"

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = xml_safe(feed.feed)
        feed.items = [xml_safe(item) for item in feed.items]
        return feed

    def get_object(self, request, *args, **kwargs):
        # Newest first unless the address says otherwise: a feed is read for what is new. A sort it
        # names (sort=relevance) is kept, so that the feed lists what the page and the exports list.
        data = request.GET.copy()
        if not data.get("sort"):
            data["sort"] = "newest"
        search = self.search_class(data)
        search.feed_path = request.get_full_path()  # the feed's self link keeps its query
        return search

    def feed_url(self, search):
        return search.feed_path

    def feed_extra_kwargs(self, search):
        return {"total_results": search.count()}

    def title(self, search):
        words = search.form.cleaned_data.get("q")
        described = ", ".join(chip.label for chip in search.page_state.chips()) or "everything"
        return f"{self.what} matching {described}" if words or described != "everything" else self.what

    def subtitle(self, search):
        return "Diplomatic news archive"

    def link(self, search):
        query = search.page_state.export_query()
        if query.get("sort") == "newest":
            query.pop("sort")
        encoded = query.urlencode()
        return reverse(self.page_name) + (f"?{encoded}" if encoded else "")

    def items(self, search):
        return search.listing(with_body=True)[:FEED_SIZE]


class ArticleFeed(SearchFeed):
    def item_title(self, article):
        return article.title

    def item_description(self, article):
        snippet = getattr(article, "snippet", None) or article.body
        return Truncator(_MARKERS.sub("", snippet)).chars(400)

    def item_pubdate(self, article):
        return _when(article.published_on)

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [country.name for country in article.countries.all()]


class StatementFeed(SearchFeed):
    search_class = StatementSearch
    page_name = "archive:statements"
    what = "Statements"

    def item_title(self, statement):
        return f"{statement.speaker_name}: {Truncator(statement.text).chars(80)}"

    def item_description(self, statement):
        return f"{statement.text} ({statement.article.title})"

    def item_link(self, statement):
        return f"{statement.article.get_absolute_url()}#statement-{statement.pk}"

    def item_pubdate(self, statement):
        return _when(statement.article.published_on)
