"""Where a facet counts (`FacetSource`), the labels shown with its values (`Label`), and the parts
of a date it groups by (`YearOf`, `MonthOf`); facets/ says these for each kind of facet."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear


@dataclass(frozen=True)
class Label:
    """Columns of `model` shown with each counted value, joined on its primary key = `key` (an
    alias of the grouped query): once per value after counting, not to every row counted."""

    model: type
    key: str
    columns: dict[str, str]  # output alias -> field


@dataclass
class FacetSource:
    """Where one facet counts: `rows` (a link table, statements or the results themselves), each
    linked by `link` to the result it counts for, grouped on the `values` paths, then labelled.
    A result has one row per value unless `distinct` names the path to count distinctly (an
    article has many statements by one speaker)."""

    rows: QuerySet
    link: str
    values: dict[str, str]
    labels: list[Label]
    search: list[str]  # paths the facet's filter box matches
    condition: Q | None = None  # applied in the same filter() as the grouping, so joins are shared
    distinct: str | None = None
    walk: tuple[str, ...] = ("sqlite", "postgresql")  # where to scan and check many matches (InIds)


class YearOf(ExtractYear):
    """The year of a date; on SQLite from the stored text, not through a Python function per row."""

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


class MonthOf(ExtractMonth):
    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 6, 2) AS integer)", params
