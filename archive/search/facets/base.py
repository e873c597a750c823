"""What every facet kind is (`Facet`), the kind counted through an article's link table
(`LinkFacet`), and the helpers kinds share."""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet

from archive.models import (
    Country,
    Organisation,
    Statement,
)

from ..sources import FacetSource, Label


def numbers(values, low: int = 1, high: int = 2**31 - 1) -> dict[str, int]:
    """The values that are whole numbers within bounds (ids, years, months), by value."""
    return {value: int(value) for value in values if value.isdecimal() and low <= int(value) <= high}


def organisation_label(name: str, country_id: str | None, kind: str) -> str:
    """How an organisation is shown in a list (its __str__, without fetching it)."""
    return str(Organisation(name=name, country_id=country_id, kind=kind))


# --- the kinds ------------------------------------------------------------------------------------

# The lists a facet counts over: "articles" (the search page) or "statements".
ARTICLES, STATEMENTS = "articles", "statements"


class Facet:
    """A facet: a filter by values of one kind, and the counts of those values over the results."""

    name: str
    label: str
    key_prefix: str | None = None  # in the facet-keys tables (articles', statements'); None: not kept there
    chart = False  # shown as a chart of every value rather than a list of the most frequent
    span: tuple[int, int] | None = None  # a chart's fixed axis (months), else from its values
    clears: tuple[str, ...] = ()  # other facets a change of this one's values resets
    shown_in_lists = True  # False: a scope of a page, never counted
    lists: tuple[str, ...] = (ARTICLES, STATEMENTS)  # the result lists that count and show it

    def resolve(self, values: list[str]) -> dict[str, str]:
        """The labels of those `values` that name something in the archive."""
        raise NotImplementedError

    def filter(self, search, queryset: QuerySet, values: list[str]) -> QuerySet:
        """`queryset` (of `search`'s model) narrowed to results with any of `values`."""
        raise NotImplementedError

    def source(self, over: str) -> FacetSource:
        raise NotImplementedError

    def is_shown(self, search, chosen: dict[str, list]) -> bool:
        """Whether the facet is offered on `search`'s page, given the values chosen in every facet."""
        return self.shown_in_lists

    def counts_over(self, lists: str) -> bool:
        """Whether the facet is counted on lists of `lists` (ARTICLES or STATEMENTS)."""
        return lists in self.lists

    def chosen(self, values: list[str]) -> dict[str, list]:
        """The chosen values by the counted column they are found in (listed first)."""
        return {"value": values}

    def values(self, rows: list[dict]) -> list[tuple[str, str, int]]:
        """Counted rows as (value, label, count)."""
        return [(str(r["value"]), r["label"], r["n"]) for r in rows]

    def key_row(self, value: str, n: int, number, label, org_country, org_kind, slug) -> dict:
        """A value counted from the facet keys, as the row `values` reads."""
        return {"value": value, "label": label, "n": n}

    def count(self, rows: QuerySet, source: FacetSource, where: Q, keys: dict) -> QuerySet:
        """The grouped query counting `rows` (already narrowed to the results)."""
        if source.distinct:  # one row per value and result, counted around it (counting.labelled)
            return rows.filter(where).values(**keys, facet_result=F(source.distinct)).distinct().order_by()
        return rows.filter(where).values(**keys).annotate(n=Count("*")).order_by()


class LinkFacet(Facet):
    """Values an article links to through a link table (countries, people, organisations, tags).
    A statement counts its article's links."""

    link_model: type
    related: str  # the link table's name from an article ("articlecountry")
    value_field: str  # the counted column of the link table ("country_id")
    lookup: str  # how a chosen value is found in the link table ("country_id", "tag__slug")
    label_path: str  # what the filter box matches, from the link table ("country__name")
    grouped_as = "value"
    labels: list[Label]
    link_condition: dict = {}

    def filter(self, search, queryset, values):
        links = self.link_model.objects.filter(**{f"{self.lookup}__in": values}, **self.link_condition)
        return search.by_article(queryset, links.values("article_id"))

    def source(self, over):
        if over == ARTICLES:  # one row per article and value: counting rows counts articles
            rows = self.link_model.objects.filter(**self.link_condition)
            return FacetSource(rows, "article_id", {self.grouped_as: self.value_field}, self.labels, [self.label_path])
        path = f"article__{self.related}__"
        condition = Q(**{path + field: value for field, value in self.link_condition.items()})
        return FacetSource(
            Statement.objects.all(),
            "pk",
            {self.grouped_as: path + self.value_field},
            self.labels,
            [path + self.label_path],
            condition=condition or None,
        )


COUNTRY_LABELS = [Label(Country, "value", {"label": "name"})]


def resolve_countries(values):
    return dict(Country.objects.filter(code__in=[v for v in values if len(v) == 2]).values_list("code", "name"))
