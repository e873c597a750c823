"""The read-only JSON API. The article and statement lists are the search pages' FilterSets
(ArticleSearch, StatementSearch: the same parameters, query syntax and facets), paged by cursor
(pagination.py) instead of page numbers; people, organisations, countries and tags are listed by
key. Views are thin: parameters checked, one query method, an item function per record
(serialisers.py), an answer (responses.py)."""

from __future__ import annotations

import datetime as dt
import operator

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from archive.models import Article, Country, Organisation, Person, Statement, Tag
from archive.public.downloads import article_chunks
from archive.search.filtersets import ArticleSearch, StatementSearch
from archive.search.forms import MAX_VALUES
from archive.search.page_state import DISPLAY_PARAMS

from . import serialisers
from .pagination import MAX_LIMIT, SORTS, BadRequest, Keyset, decode, encode, fingerprint, page_size
from .responses import api_view, json_response
from .schema import build_schema

# Parameters that page or show a list, and choose no rows.
PAGING_PARAMS = ("cursor", "limit", "facets")


def _truthy(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes", "on")


def _filters(data, skip=()) -> list[tuple[str, str]]:
    """The parameters that choose the rows, for the cursor's fingerprint."""
    ignored = {*PAGING_PARAMS, *DISPLAY_PARAMS, *skip}
    return [(key, value) for key, values in data.lists() if key not in ignored and not key.startswith("fq_")
            for value in values[:MAX_VALUES]]  # fmt: skip


def next_link(request, cursor: str) -> str:
    query = request.GET.copy()
    for name in ("facets", "more"):  # counted on the first page; the next ones list rows only
        query.pop(name, None)
    query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paged(request, rows, keyset: Keyset, order: str, filters: str, key_of=None, fetch=list, pk_of=None):
    """One page of `rows` (ordered by `keyset`) after the request's cursor, and the next cursor.
    `fetch` turns a slice of `rows` into the page's items (model instances by default), `key_of`
    and `pk_of` read an item's position.

    The first page says how many rows the list has (`count`); the pages after it do not count
    again (null): a walk through a long filtered list would count it once per page."""
    limit = page_size(request.GET.get("limit"))
    raw = request.GET.get("cursor")
    conditions = keyset.after(decode(raw, order, filters, key_is_date=bool(keyset.key))) if raw else [Q()]
    found = []
    for condition in conditions:  # the next condition only when the page is not full yet
        found += fetch(rows.filter(condition)[: limit + 1 - len(found)])
        if len(found) > limit:
            break
    page = found[:limit]
    cursor = None
    if len(found) > limit:
        last = page[-1]
        cursor = encode((key_of(last) if keyset.key else None, pk_of(last) if pk_of else last.pk), order, filters)
    return page, cursor


def article_rows(links: serialisers.Links):
    """The items of a slice of articles, made from plain values (downloads.article_chunks: the
    export's rows, their countries and speakers in one query each), not from model instances with
    prefetched statements: the cursor walk's cost was building those (2,000 articles/s and more)."""

    def fetch(articles) -> list[dict]:
        items = []
        for chunk in article_chunks(articles, links.article, MAX_LIMIT + 1, body=False):
            for row in chunk:
                del row["body"]
                row["api_url"] = links.api("article", row["id"])
                items.append(row)
        return items

    return fetch


def _published(item: dict):
    return dt.date.fromisoformat(item["published_on"]) if item["published_on"] else None


def facet_data(search) -> list[dict]:
    return [
        {
            "name": facet.name,
            "label": facet.label,
            "values": [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in facet.values
            ],  # fmt: skip
            "has_more": facet.has_more,
            "estimated": facet.estimated,  # counted from a sample of a long list (facet_keys.SAMPLE_FROM)
        }
        for facet in search.facets()
    ]


SEARCHES = {
    "articles": (ArticleSearch, serialisers.article_item, operator.attrgetter("published_on")),
    "statements": (StatementSearch, serialisers.statement_item, operator.attrgetter("article.published_on")),
}


@api_view
def search_list(request, kind: str):
    """Articles or statements: the search page's filters, newest (or oldest) first, by cursor."""
    search_class, item, key_of = SEARCHES[kind]
    data = request.GET.copy()
    sort = data.get("sort") or "newest"
    if sort not in SORTS:
        raise BadRequest("sort must be newest or oldest (relevance cannot be paged stably while articles are added)")
    data["sort"] = sort
    search = search_class(data)
    keyset = Keyset(f"{search.article_prefix}published_on", descending=sort == "newest")
    filters = fingerprint([("list", kind), *_filters(data, {"sort"})])
    # Date order, no snippets: the rows by the ids the count fetched, not matched and ranked again.
    links = serialisers.Links(request)
    if kind == "articles":
        page, cursor = paged(request, search.results(ranked=False), keyset, sort, filters, _published,
                             fetch=article_rows(links), pk_of=operator.itemgetter("id"))  # fmt: skip
        results = page
    else:
        page, cursor = paged(request, search.listing(ranked=False), keyset, sort, filters, key_of)
        results = [item(row, links) for row in page]
    body = {
        "count": None if request.GET.get("cursor") else search.count(),
        "next": next_link(request, cursor) if cursor else None,
        "results": results,
        "warnings": search.page_state.hints(),
    }
    if _truthy(request.GET.get("facets")):
        body["facets"] = facet_data(search)
    return json_response(request, body, links={"next": body["next"]} if cursor else None)


ENTITIES = {
    # name: (queryset, key field for `name` filtering, item)
    "people": (lambda: Person.objects.all(), "name", serialisers.person_item),
    "organisations": (lambda: Organisation.objects.all(), "name", serialisers.organisation_item),
    "countries": (lambda: Country.objects.all(), "name", serialisers.country_item),
    "tags": (lambda: Tag.objects.all(), "name", serialisers.tag_item),
}


@api_view
def entity_list(request, kind: str):
    """People, organisations, countries or tags in key order, `name` narrowing them (any part of the name)."""
    queryset, name_field, item = ENTITIES[kind]
    rows = queryset()
    name = "".join(ch for ch in (request.GET.get("name") or "") if ch.isprintable()).strip()[:100]
    if name:
        rows = rows.filter(Q(**{f"{name_field}__icontains": name}))
    keyset = Keyset(None, descending=False)
    filters = fingerprint([("list", kind), ("name", name)])
    page, cursor = paged(request, rows.order_by(*keyset.order_by()), keyset, "key", filters)
    links = serialisers.Links(request)
    body = {
        "count": None if request.GET.get("cursor") else rows.count(),
        "next": next_link(request, cursor) if cursor else None,
        "results": [item(row, links) for row in page],
    }
    return json_response(request, body, links={"next": body["next"]} if cursor else None)


def _number(pk: str) -> int:
    if not pk.isdecimal() or len(pk) > 18:
        raise Http404("No such record")
    return int(pk)


@api_view
def article_detail(request, pk: str):
    article = get_object_or_404(Article.objects.select_related("source"), pk=_number(pk))
    return json_response(request, serialisers.article_detail(article, serialisers.Links(request)))


@api_view
def statement_detail(request, pk: str):
    related = ("article__source", "speaker_person", "speaker_organisation")
    statement = get_object_or_404(Statement.objects.select_related(*related).defer("article__body"), pk=_number(pk))
    return json_response(request, serialisers.statement_item(statement, serialisers.Links(request)))


@api_view
def person_detail(request, pk: str):
    person = get_object_or_404(Person, pk=_number(pk))
    return json_response(request, serialisers.person_item(person, serialisers.Links(request)))


@api_view
def organisation_detail(request, pk: str):
    organisation = get_object_or_404(Organisation, pk=_number(pk))
    return json_response(request, serialisers.organisation_item(organisation, serialisers.Links(request)))


@api_view
def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper()[:2]) if len(code) == 2 else None
    if country is None:
        raise Http404("No such country")
    return json_response(request, serialisers.country_item(country, serialisers.Links(request)))


@api_view
def tag_detail(request, slug: str):
    tag = get_object_or_404(Tag, slug=slug)
    return json_response(request, serialisers.tag_item(tag, serialisers.Links(request)))


@api_view
def schema(request):
    """The OpenAPI 3 description, generated from the FilterSets and the serialisers' shapes."""
    return json_response(request, build_schema(request.build_absolute_uri("/api")), cache_control="public, max-age=300")


@api_view
def not_found(request, rest: str = ""):
    raise Http404("No such API endpoint: see /api/ for the guide and /api/schema for the description")


def guide(request):
    """A short guide with curl examples (HTML)."""
    site = request.build_absolute_uri("/").rstrip("/")
    return render(request, "api/guide.html", {"base": site + "/api", "site": site})
