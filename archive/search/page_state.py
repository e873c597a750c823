"""A result page's state as the researcher sees it: the query strings of its links (a facet value
toggled, a filter removed, the exports and feeds), the chips of what is chosen, and the hints about
input that was cut or ignored."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.http import QueryDict

from archive.public.reader_formats import day_month_year

from .facets import FACETS, SCOPES
from .forms import MAX_QUERY_CHARS, MAX_VALUES
from .fulltext.query import Term

# Parameters that only say how a page is shown, not which results it lists.
DISPLAY_PARAMS = ("page", "apage", "more")
# Fewer results than this for several words: the page offers them with any of the words.
FEW_RESULTS = 10


def bounded_query(data: QueryDict, names) -> QueryDict:
    """What the links and hidden inputs of a page may carry of its query string: only the
    parameters the page reads (`names`), each with at most its first MAX_VALUES distinct values,
    each value cut to MAX_QUERY_CHARS. The form honours no more than that, and a hostile query
    string (10,000 repeated values, unknown parameters) must not be copied into every link."""
    names = set(names)
    bounded = QueryDict(mutable=True)
    pairs = (
        data.lists()
        if hasattr(data, "lists")
        else (  # a dict, from code rather than a request
            (key, list(value) if isinstance(value, list | tuple) else [value]) for key, value in data.items()
        )
    )
    for key, values in pairs:
        if key not in names:
            continue
        kept: list[str] = []
        for value in values:
            value = str(value)[:MAX_QUERY_CHARS]
            if value not in kept:
                kept.append(value)
                if len(kept) == MAX_VALUES:
                    break
        bounded.setlist(key, kept)
    bounded._mutable = False
    return bounded


@dataclass
class Chip:
    facet: str
    label: str
    query: QueryDict  # the page's query without this value


class PageState:
    """The links and messages of one search's page (filtersets.ArchiveSearch)."""

    def __init__(self, search):
        self.search = search
        known = (*search.filters, *DISPLAY_PARAMS, *(f"fq_{name}" for name in FACETS))
        self.data: QueryDict = bounded_query(search.data, known)  # what every link starts from

    def toggled(self, name: str, value: str) -> QueryDict:
        """The page's query with one value of a facet chosen, or unchosen if it was."""
        query = self.data.copy()
        query.pop("page", None)
        values = query.getlist(name)
        values = [v for v in values if v != value] if value in values else [*values, value]
        query.setlist(name, values)
        for other in self._clears(name):
            query.pop(other, None)
        return query

    def _clears(self, name: str) -> tuple[str, ...]:
        facet = FACETS.get(name)
        return facet.clears if facet else ()

    @cached_property
    def _pairs(self) -> list[tuple[str, list[str]]]:
        return [(key, values) for key, values in self.data.lists() if key != "page"]

    def toggled_href(self, name: str, value: str) -> str:
        """`{% querystring toggled(name, value) %}`, without copying the QueryDict for every value
        of every facet."""
        pairs, found, clears = [], False, self._clears(name)
        for key, values in self._pairs:
            if key == name:
                found = True
                values = [v for v in values if v != value] if value in values else [*values, value]
            elif key in clears:
                continue
            pairs += [(key, v) for v in values]
        if not found:
            pairs.append((name, value))
        return f"?{urlencode(pairs)}" if pairs else ""

    def without(self, *names: str) -> QueryDict:
        query = self.data.copy()
        for name in (*names, "page"):
            query.pop(name, None)
        return query

    def chips(self) -> list[Chip]:
        search = self.search
        chips = []
        text = search.form.cleaned_data.get("q")
        if text:
            chips.append(Chip("Words", text, self.without("q", "sort")))
        for name, facet in {**FACETS, **SCOPES}.items():
            if name in search.hidden:
                continue
            for value, label in search.form.cleaned_data.get(name) or []:
                chips.append(Chip(facet.label, label, self.toggled(name, value)))
        for name in ("date_from", "date_to"):
            value = search.form.cleaned_data.get(name)
            if value:
                chips.append(Chip(search.filters[name].label, day_month_year(value), self.without(name)))
        return chips

    def hints(self) -> list[str]:
        search = self.search
        hints = []
        if getattr(search.form.fields["q"], "was_cut", False):
            hints.append(f"Your search was cut to its first {MAX_QUERY_CHARS} characters.")
        for name, bound in search.form.fields.items():
            dropped = getattr(bound, "dropped", None)
            if dropped:
                shown = ", ".join(repr(v[:30]) for v in dropped[:3])
                hints.append(
                    f"Ignored {search.filters[name].label.lower()} value{'s' if len(dropped) > 1 else ''} "
                    f"{shown}: not in the archive."
                )
        for name in search.form.errors:
            hints.append(f"Ignored the {search.filters[name].label.lower()} value: it is not valid.")
        if search.query.hint:
            hints.append(search.query.hint)
        return hints

    def any_of_the_words(self, count: int) -> QueryDict | None:
        """The page's query searching for any of its words, and for each two words next to each other
        written as one, when it holds several plain words (no phrase, OR or exclusion) and fewer than
        a page of results hold them all: "sunflower seed" finds 4 Reuters stories, "sunflower OR seed
        OR sunflowerseed" finds the 18 that print "sunflowerseed" too, the more relevant first."""
        terms = self.search.query.terms
        if count >= FEW_RESULTS or len(terms) < 2 or not all(isinstance(term, Term) for term in terms):
            return None
        words = [term.word for term in terms]
        joined = [a + b for a, b in zip(words, words[1:], strict=False) if a.isalpha() and b.isalpha()]
        query = self.data.copy()
        query.pop("page", None)
        query["q"] = " OR ".join(dict.fromkeys(words + joined))
        return query

    def state_inputs(self, exclude=("q", "date_from", "date_to", "sort")) -> list[tuple[str, str]]:
        """The page's state as (name, value) pairs for hidden inputs, so a form keeps the other filters."""
        skip = {"page", *exclude}
        return [(key, value) for key, values in self.data.lists() if key not in skip for value in values]

    def filter_texts(self) -> dict[str, str]:
        """What each facet's filter box holds (`fq_country=kor`), printable and cut."""
        texts = {}
        for name in FACETS:
            text = "".join(ch for ch in (self.data.get(f"fq_{name}") or "") if ch.isprintable()).strip()[:100]
            if text:
                texts[name] = text
        return texts

    def export_query(self) -> QueryDict:
        """The query for exports and feeds: every filter, no paging or facet display state."""
        query = self.data.copy()
        for name in DISPLAY_PARAMS:
            query.pop(name, None)
        for key in list(query):
            if key.startswith("fq_"):
                query.pop(key)
        return query
