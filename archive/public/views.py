"""Public pages. Views are thin: they validate input (a FilterSet), call one query method and render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, render

from archive.importing.records import web_url
from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    Organisation,
    Person,
    Tag,
)
from archive.search.directory import KINDS, SORTS, Directory
from archive.search.filtersets import ArticleSearch, StatementSearch
from archive.search.listings import article_listing, mentioned_with, named
from archive.search.speakers import Speaker

from . import citations
from . import downloads as exports
from .article_text import mark_statements

PAGE_SIZE = 20
ENTITY_STATEMENTS_PAGE_SIZE = 10
DIRECTORY_PAGE_SIZE = 50


def paginate(request, queryset, param="page", per_page=PAGE_SIZE, count=None):
    """One page of `queryset`; a page number that is not a page is a 404, never a 500.

    `count`, when the caller knows it already, saves counting the queryset again."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    raw = request.GET.get(param) or "1"
    if not raw.isdecimal() or len(raw) > 9:
        raise Http404("No such page")
    number = int(raw)
    if number < 1 or (number > paginator.num_pages and number != 1):
        raise Http404("No such page")
    return paginator.get_page(number)


def with_params(query: QueryDict, **values) -> QueryDict:
    query = query.copy()
    for key, value in values.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def search_context(request, search, *, per_page=PAGE_SIZE):
    """What every faceted result page shows: results, facets, chips, hints, exports."""
    count = search.count()
    return {
        "search": search,
        "page": paginate(request, search.page_listing(), per_page=per_page, count=count),
        "facets": search.facets(),
        "chips": search.page_state.chips(),
        "hints": search.page_state.hints(),
        "any_of_the_words": search.page_state.any_of_the_words(count),
        "export_query": search.page_state.export_query(),
        "page_query": search.page_state.data,  # the links' query: request.GET, bounded
    }


def search(request):
    context = search_context(request, ArticleSearch(request.GET))
    named(context["page"])
    return render(request, "archive/search.html", context)


def statements(request):
    context = search_context(request, StatementSearch(request.GET))
    return render(request, "archive/statements.html", context)


def help_page(request):
    return render(request, "archive/help.html")


def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("source", "import_run"), pk=pk)
    statements = list(article.statements.select_related("speaker_person", "speaker_organisation"))
    permanent_url = request.build_absolute_uri(article.get_absolute_url())
    citation = citations.article_citation(article, permanent_url)
    context = {
        "article": article,
        "paragraphs": mark_statements(article.paragraphs, statements),
        "statements": statements,
        "countries": article.articlecountry_set.select_related("country").order_by("-mentions", "country__name"),
        "people": article.articleperson_set.select_related("person").order_by("-mentions", "person__name"),
        "organisations": article.articleorganisation_set.select_related("organisation__country").order_by(
            "-mentions", "organisation__name"
        ),
        "tags": article.tags.all(),
        "permanent_url": permanent_url,
        "citation": citation,
        "highwire_tags": citations.highwire_tags(citation),
        "json_ld": citations.json_ld(citation, article.title),
        # Only an http(s) address is a link; anything else stored before imports checked (a
        # "javascript:" or "data:" URL) is shown as text.
        "original_url": web_url(article.url),
    }
    return render(request, "archive/article.html", context)


def article_citation(request, pk: str, fmt: str):
    """One article's citation as RIS, BibTeX or CSL-JSON."""
    article = get_object_or_404(Article.objects.select_related("source"), pk=int(pk))
    url = request.build_absolute_uri(article.get_absolute_url())
    return exports.citation_file(citations.article_citation(article, url), fmt)


def opensearch(request):
    """The OpenSearch description: browsers offer the archive as a search engine from it."""
    context = {"site": request.build_absolute_uri("/").rstrip("/")}
    return render(request, "opensearch.xml", context, content_type="application/opensearchdescription+xml")


def entity_page(request, template, context, *, scope, hidden, scope_params, article_ids, exclude):
    """Person, organisation and country pages: statements with facets, articles, mentioned with."""
    search = StatementSearch(request.GET, scope=scope, hidden=hidden)
    context.update(search_context(request, search, per_page=ENTITY_STATEMENTS_PAGE_SIZE))
    context.update(
        {
            "export_query": with_params(search.page_state.export_query(), **scope_params),
            "articles": named(paginate(request, article_listing(article_ids), param="apage")),
            "articles_query": with_params(QueryDict(), **context["articles_params"]),
            "together": mentioned_with(article_ids, **exclude),
        }
    )
    return render(request, template, context)


def speaker_page(request, entity, template: str, context: dict, *, links, exclude: dict):
    """A person's or an organisation's page: what they said, and the articles (`links`) naming them."""
    speaker = Speaker.encode(entity)
    return entity_page(
        request,
        template,
        context,
        scope=Speaker.q([speaker]),
        hidden={"speaker"},
        scope_params={"speaker": speaker},
        article_ids=links.values("article_id"),
        exclude=exclude,
    )


def person_detail(request, pk: int):
    person = get_object_or_404(Person.objects.select_related("country", "organisation"), pk=pk)
    context = {
        "person": person,
        "roles": person.roles.timeline(),
        "articles_params": {"person": str(person.pk)},
    }
    links = ArticlePerson.objects.filter(person=person)
    return speaker_page(request, person, "archive/person.html", context, links=links,
                        exclude={"exclude_person": person.pk})  # fmt: skip


def organisation_detail(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.select_related("country"), pk=pk)
    context = {
        "organisation": organisation,
        "members": organisation.person_set.order_by("name")[:20],
        "articles_params": {"org": str(organisation.pk)},
    }
    links = ArticleOrganisation.objects.filter(organisation=organisation)
    return speaker_page(request, organisation, "archive/organisation.html", context, links=links, exclude={})


def country_detail(request, code: str):
    if len(code) != 2:
        raise Http404("No such country")
    country = get_object_or_404(Country, code=code.upper())
    ids = ArticleCountry.objects.filter(country=country).values("article_id")
    context = {"country": country, "articles_params": {"country": country.code}}
    return entity_page(
        request,
        "archive/country.html",
        context,
        scope=Q(speaker_person__country=country) | Q(speaker_organisation__country=country),
        hidden={"speaker_country"},
        scope_params={"speaker_country": country.code},
        article_ids=ids,
        exclude={"exclude_country": country.code},
    )


def browse(request, kind: str):
    """People, organisations or countries: a name filter, a country facet, sorted by name or counts."""
    directory = Directory.from_query(KINDS[kind], request.GET)
    context = {
        "directory": directory,
        "kind": directory.kind,
        "sorts": SORTS,
        "page": paginate(request, directory.listing(), per_page=DIRECTORY_PAGE_SIZE),
        "countries": directory.countries(),
        "hints": directory.hints,
    }
    return render(request, "archive/browse.html", context)


def tag_detail(request, slug: str):
    tag = get_object_or_404(Tag, slug=slug)
    articles = article_listing(tag.tagging_set.values("article_id"))
    context = {
        "tag": tag,
        "page": named(paginate(request, articles)),
        "articles_query": with_params(QueryDict(), tag=tag.slug),
        "page_query": QueryDict(),  # the page's links carry nothing of the query string but the page
    }
    return render(request, "archive/tag.html", context)


def export(request, kind: str, fmt: str):
    """Every result list as CSV or JSON, streamed: the same GET parameters as the page."""
    search = (ArticleSearch if kind == "articles" else StatementSearch)(request.GET)
    return exports.stream(request, search, kind, fmt)
