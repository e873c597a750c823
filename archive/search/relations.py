"""Country pairs: statements by speakers of country A about country B, counted over any statement
search (the /relations/ page), and the two directions of one pair (its own page)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Q

from archive.models import Country, StatementCountry

from .filtersets import StatementSearch
from .fulltext import InIds

# The facets the relations pages offer (all filters apply): the matrix narrows by tags and sources
# (dates by the form's date fields: a year chart's counts cost the page a third of its time); a
# pair's page by who spoke and when.
MATRIX_FACETS = {"tag", "source"}
PAIR_FACETS = {"speaker", "org", "year", "month"}


@dataclass
class Pair:
    speaker: str  # country code of the speakers
    about: str  # country code spoken about
    count: int


def pair_counts(search: StatementSearch) -> list[Pair]:
    """Statements of the search by speakers of one country about another, per pair, most first.
    A statement about several countries counts once for each; about its own country, not at all."""
    links = StatementCountry.objects.filter(statement__speaker_country__isnull=False).exclude(
        country_id=F("statement__speaker_country_id")
    )
    if search.filtering() or search.searched_ids is not None:
        links = links.filter(InIds(F("statement_id"), search.result_ids))
    rows = (
        links.values(speaker=F("statement__speaker_country_id"), about=F("country_id"))
        .annotate(count=Count("*"))
        .order_by("-count", "speaker", "about")
    )
    return [Pair(**row) for row in rows]


@dataclass
class Matrix:
    """The most active countries as rows (speakers) and columns (spoken about), with a cell per pair."""

    countries: list[Country]
    cells: dict[tuple[str, str], int]
    top: int

    def shade(self, count: int) -> int:
        """0-5: the cell's colour step, on a log scale (a few pairs dwarf the rest)."""
        if not count:
            return 0
        return 1 + min(4, int(4 * math.log1p(count) / math.log1p(self.top))) if self.top else 1


def matrix(pairs: list[Pair], size: int = 12) -> Matrix:
    activity = Counter()
    for pair in pairs:
        activity[pair.speaker] += pair.count
        activity[pair.about] += pair.count
    codes = [code for code, _ in activity.most_common(size)]
    names = Country.objects.in_bulk(codes)
    cells = {(p.speaker, p.about): p.count for p in pairs if p.speaker in names and p.about in names}
    return Matrix([names[code] for code in codes if code in names], cells, max(cells.values(), default=0))


def said_about(speaker: str, about: str) -> Q:
    """Statements by speakers of the country `speaker` about the country `about`."""
    return Q(speaker_country_id=speaker) & Q(
        pk__in=StatementCountry.objects.filter(country_id=about).values("statement_id")
    )


def direction(data, speaker: str, about: str) -> StatementSearch:
    """One direction of a pair, with the page's other filters."""
    return StatementSearch(data, scope=said_about(speaker, about), hidden=PAIR_SCOPE, shown=PAIR_FACETS)


def pair_search(data, first: str, second: str) -> StatementSearch:
    """Both directions of a pair: the page's facets count over it."""
    scope = said_about(first, second) | said_about(second, first)
    return StatementSearch(data, scope=scope, hidden=PAIR_SCOPE, shown=PAIR_FACETS)


PAIR_SCOPE = {"speaker_country", "about"}  # a pair's page is scoped by these: their parameters ignored
