"""The OpenAPI 3.1 description of the API, generated from the code it describes.

Why our own generator rather than a library: the maintained generators for Django (drf-spectacular,
django-ninja's) describe views of their own frameworks (Django REST framework, Ninja), which this
read-only API does not need; adopting one would mean a second definition of the filters in that
framework's terms. Here the parameters come from the FilterSets' declared filters (the very objects
that filter: filtersets.ArchiveSearch, whose facet filters come from the facets registry), and the
response items from serialisers.SHAPES, which the tests validate real answers against. A filter or
facet added to the search is in the description with no edit here, and it cannot list one that
the API does not take.
"""

from __future__ import annotations

import django_filters

from archive.search.filtersets import ArticleSearch, FacetFilter, StatementSearch, TextFilter
from archive.search.forms import MAX_QUERY_CHARS, MAX_VALUES

from .pagination import DEFAULT_LIMIT, MAX_LIMIT, SORTS
from .serialisers import SHAPES

QUERY_SYNTAX = (
    'Words to search for, with the search page\'s syntax: "quoted phrases", OR, -excluded words and field '
    "prefixes such as speaker:, country:, title: (see the site's Search help page). "
    f"Cut to {MAX_QUERY_CHARS} characters."
)


def filter_parameter(name: str, declared) -> dict | None:
    """The OpenAPI parameter of one declared filter, or None for one the API takes differently (sort)."""
    if isinstance(declared, TextFilter):
        return {"name": name, "in": "query", "schema": {"type": "string"}, "description": QUERY_SYNTAX}
    if isinstance(declared, FacetFilter):
        facet = declared.facet
        where = "the facet counts' `value`" if facet.shown_in_lists else "a country code"
        return {
            "name": name, "in": "query", "style": "form", "explode": True,
            "schema": {"type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": MAX_VALUES},
            "description": f"{facet.label}: results with any of these values ({where}); repeat the parameter "
                           "for several. Unknown values are ignored with a warning.",
        }  # fmt: skip
    if isinstance(declared, django_filters.DateFilter):
        bound = "on or after" if declared.lookup_expr == "gte" else "on or before"
        return {"name": name, "in": "query", "schema": {"type": "string", "format": "date"},
                "description": f"{declared.label}: published {bound} this day (YYYY-MM-DD)."}  # fmt: skip
    if isinstance(declared, django_filters.ChoiceFilter) and name == "sort":
        choices = [value for value, _label in declared.extra["choices"] if value in SORTS]
        return {"name": "sort", "in": "query", "schema": {"type": "string", "enum": choices, "default": "newest"},
                "description": "Order of the list. Relevance, which the pages offer, is not: it changes as "
                               "articles are added, so no cursor could page through it stably."}  # fmt: skip
    raise TypeError(f"filter {name} ({type(declared).__name__}) has no OpenAPI description: add one here")


def search_parameters(search_class) -> list[dict]:
    return [filter_parameter(name, declared) for name, declared in search_class.base_filters.items()]


PAGING = [
    {"name": "limit", "in": "query", "description": "Items per page.",
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}},
    {"name": "cursor", "in": "query", "description": "Where the page starts: take it from the `next` link, as it is.",
     "schema": {"type": "string"}},
]  # fmt: skip
FACETS_PARAM = {"name": "facets", "in": "query", "schema": {"type": "boolean", "default": False},
                "description": "Count the facets over the results (as the search page does)."}  # fmt: skip
NAME_PARAM = {"name": "name", "in": "query", "schema": {"type": "string", "maxLength": 100},
              "description": "Only those whose name contains this (any case)."}  # fmt: skip
ERRORS = {
    status: {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for status, text in [("400", "A parameter is not valid"), ("404", "No such record"),
                         ("429", "Too many requests from this address: see the Retry-After header")]
}  # fmt: skip
NOT_MODIFIED = {"304": {"description": "Not modified: the ETag given in If-None-Match is current"}}


def page_of(item: str, search: bool = False) -> dict:
    properties = {
        "count": {
            "type": ["integer", "null"],
            "description": "How many items the list has in all: on the first page; null on the pages after",
        },
        "next": {"type": ["string", "null"], "format": "uri", "description": "The next page, null on the last"},
        "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
    }
    required = list(properties)
    if search:
        properties["warnings"] = {"type": "array", "items": {"type": "string"},
                                  "description": "Parameters that were cut or ignored, and why"}  # fmt: skip
        required.append("warnings")
        properties["facets"] = {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}}
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def ok(schema_ref: str, description: str, paged: bool = False) -> dict:
    headers = {"ETag": {"schema": {"type": "string"}}, "Cache-Control": {"schema": {"type": "string"}}}
    if paged:
        headers["Link"] = {"schema": {"type": "string"}, "description": 'The next page: <url>; rel="next"'}
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}
    return {"200": {"description": description, "headers": headers, "content": content}, **NOT_MODIFIED, **ERRORS}


def operation(op_id: str, summary: str, parameters: list, responses: dict, tag: str) -> dict:
    return {"get": {"operationId": op_id, "summary": summary, "tags": [tag], "parameters": parameters,
                    "responses": responses}}  # fmt: skip


def path_param(name: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


def build_schema(server_url: str) -> dict:
    components = {
        **SHAPES,
        "ArticlePage": page_of("ArticleItem", search=True),
        "StatementPage": page_of("StatementItem", search=True),
        "PersonPage": page_of("Person"),
        "OrganisationPage": page_of("Organisation"),
        "CountryPage": page_of("Country"),
        "TagPage": page_of("Tag"),
        "Facet": {
            "type": "object",
            "required": ["name", "label", "values", "has_more", "estimated"],
            "properties": {
                "name": {"type": "string", "description": "The parameter that filters by it"},
                "label": {"type": "string"},
                "has_more": {"type": "boolean"},
                "estimated": {
                    "type": "boolean",
                    "description": "The counts are estimates from a sample of the "
                    "results, rounded to two significant digits (lists of 10,000 results and more, on "
                    "PostgreSQL); else exact",
                },
                "values": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["value", "label", "count", "selected"],
                        "properties": {
                            "value": {"type": "string"},
                            "label": {"type": "string"},
                            "count": {"type": "integer"},
                            "selected": {"type": "boolean"},
                        },
                    },
                },
            },
        },  # fmt: skip
        "Error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
        },  # fmt: skip
    }
    integer_id = {"type": "integer", "minimum": 1}
    paths = {
        "/articles": operation("listArticles", "Articles matching the search page's filters, by cursor",
                               [*search_parameters(ArticleSearch), *PAGING, FACETS_PARAM],
                               ok("ArticlePage", "A page of articles", paged=True), "articles"),
        "/articles/{id}": operation("getArticle", "One article, its entities, statements and citation",
                                    [path_param("id", integer_id)], ok("Article", "The article"), "articles"),
        "/statements": operation("listStatements", "Statements matching the statements page's filters, by cursor",
                                 [*search_parameters(StatementSearch), *PAGING, FACETS_PARAM],
                                 ok("StatementPage", "A page of statements", paged=True), "statements"),
        "/statements/{id}": operation("getStatement", "One statement", [path_param("id", integer_id)],
                                      ok("StatementItem", "The statement"), "statements"),
    }  # fmt: skip
    for plural, shape, key, key_schema in [
        ("people", "Person", "id", integer_id),
        ("organisations", "Organisation", "id", integer_id),
        ("countries", "Country", "code", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
        ("tags", "Tag", "slug", {"type": "string"}),
    ]:
        paths[f"/{plural}"] = operation(f"list{plural.title()}", f"All {plural}, by key", [NAME_PARAM, *PAGING],
                                        ok(f"{shape}Page", f"A page of {plural}", paged=True), plural)  # fmt: skip
        paths[f"/{plural}/{{{key}}}"] = operation(f"get{shape}", f"One of the {plural}", [path_param(key, key_schema)],
                                                  ok(shape, shape), plural)  # fmt: skip
    paths["/schema"] = {"get": {"operationId": "getSchema", "summary": "This description", "tags": ["schema"],
                                "responses": {"200": {"description": "OpenAPI 3.1 document",
                                                      "content": {"application/json": {}}}}}}  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Diplomatic news archive API",
            "version": "1",
            "description": "Read-only. Lists page by cursor: follow `next` (also in the Link header). "
            "Answers carry an ETag (send If-None-Match for a 304) and Cache-Control. Requests are "
            "limited per client address: over the limit, 429 with Retry-After.",
        },  # fmt: skip
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": components},
    }
