"""Public pages. Views are thin: they validate input, call one query method and render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .filters import ArticleFilter, facet_counts
from .marking import mark_statements
from .models import Article, Country, Organisation, Person, Tag

PAGE_SIZE = 20


def paginate(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        raise Http404("No such page") from None
    if number < 1 or (number > paginator.num_pages and number != 1):
        raise Http404("No such page")
    return paginator.get_page(number)


def search(request):
    articles = ArticleFilter(request.GET, queryset=Article.objects.all())
    results = articles.qs.for_listing()
    page = paginate(request, results)
    context = {"filter": articles, "page": page, "facets": facet_counts(articles.qs)}
    return render(request, "archive/search.html", context)


def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("source", "import_run"), pk=pk)
    statements = list(article.statements.select_related("speaker_person", "speaker_organisation"))
    context = {
        "article": article,
        "paragraphs": mark_statements(article.paragraphs, statements),
        "statements": statements,
        "countries": article.articlecountry_set.select_related("country").order_by("-mentions"),
        "people": article.articleperson_set.select_related("person").order_by("-mentions"),
        "organisations": article.articleorganisation_set.select_related("organisation").order_by("-mentions"),
        "tags": article.tags.all(),
    }
    return render(request, "archive/article.html", context)


def person_detail(request, pk: int):
    person = get_object_or_404(Person.objects.select_related("country", "organisation"), pk=pk)
    context = {
        "person": person,
        "statements": person.statements.select_related("article").order_by("-article__published_on")[:50],
        "page": paginate(request, person.articles.for_listing()),
    }
    return render(request, "archive/person.html", context)


def organisation_detail(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.select_related("country"), pk=pk)
    context = {
        "organisation": organisation,
        "statements": organisation.statements.select_related("article").order_by("-article__published_on")[:50],
        "page": paginate(request, organisation.articles.for_listing()),
    }
    return render(request, "archive/organisation.html", context)


def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper())
    context = {"country": country, "page": paginate(request, country.articles.for_listing())}
    return render(request, "archive/country.html", context)


def tag_detail(request, slug: str):
    tag = get_object_or_404(Tag, slug=slug)
    context = {"tag": tag, "page": paginate(request, tag.articles.for_listing())}
    return render(request, "archive/tag.html", context)
