"""Who said what about whom: the matrix of speakers' countries by countries spoken about, and a
pair's page with both directions side by side. Thin: the counting is archive.search.relations's."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from archive.models import Country
from archive.search.filtersets import StatementSearch
from archive.search.relations import MATRIX_FACETS, direction, matrix, pair_counts, pair_search

from .views import paginate, with_params

PAIRS_LISTED = 100


def relations(request):
    search = StatementSearch(request.GET, shown=MATRIX_FACETS)
    pairs = pair_counts(search)
    context = {
        "search": search,
        "matrix": matrix(pairs),
        "pairs": pairs[:PAIRS_LISTED],
        "pair_count": len(pairs),
        "statements": sum(pair.count for pair in pairs),
        "facets": search.facets(),
        "chips": search.page_state.chips(),
        "hints": search.page_state.hints(),
        "pair_query": search.page_state.export_query(),
    }
    return render(request, "archive/relations.html", context)


def relation_pair(request, speaker: str, about: str):
    """Both directions of a pair side by side, narrowed by one set of facets counted over both."""
    first, second = (country(code) for code in (speaker, about))
    if first == second:
        raise Http404("A pair of two countries")
    both = pair_search(request.GET, first.code, second.code)
    sides = []
    for param, (a, b) in (("page", (first, second)), ("bpage", (second, first))):
        search = direction(request.GET, a.code, b.code)
        sides.append(
            {
                "speaker": a,
                "about": b,
                "page": paginate(request, search.page_listing(), param=param, count=search.count()),
                "param": param,
                "export_query": with_params(search.page_state.export_query(), speaker_country=a.code, about=b.code),
            }
        )
    context = {
        "first": first,
        "second": second,
        "sides": sides,
        "search": both,
        "facets": both.facets(),
        "chips": both.page_state.chips(),
        "hints": both.page_state.hints(),
        "swap_query": both.page_state.export_query(),
    }
    return render(request, "archive/relation_pair.html", context)


def country(code: str) -> Country:
    if len(code) != 2:
        raise Http404("No such country")
    return get_object_or_404(Country, code=code.upper())
