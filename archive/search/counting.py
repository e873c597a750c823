"""Counting the facets of one result list: each facet over the results filtered by every *other*
chosen filter, so that choosing a country keeps the other countries' counts meaningful.

Speed (bench/search_speed.py): a facet counts its link table's rows (one per result and value, so
COUNT(*), not DISTINCT over joins), narrowed by the ids the search fetched once (`InIds`), grouped
on values; the labels are joined to the counted values only (`labelled`). The article facets whose
own filter is not chosen are all counted in one query instead, from the per-article arrays of
facet values the database keeps (facet_keys.py), where that is faster, or from the per-value totals
it keeps beside them: every article's facets (no words, no filter) are read, not counted, and those
of a word found in most articles are the totals minus the count over the articles it is not in.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import cached_property, reduce

from django.db import connections
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value
from django.http import QueryDict

from . import facet_keys
from .facets import FACETS
from .fulltext import InIds, fetch_ids
from .sources import FacetSource, Label

FACET_LIMIT = 10
FACET_MORE_LIMIT = 200
# From this many matches on, a facet is counted by scanning its rows (on SQLite an index in value
# order, so no sorting) and checking each against the matches, rather than looking each match up.
WALK_MIN_IDS = 5000


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    href: str = ""  # the page's query string with this value toggled ("?country=JP"), for links

    @property
    def query(self) -> QueryDict:
        """The query of the value's link."""
        return QueryDict(self.href.removeprefix("?"))


@dataclass
class CountedFacet:
    """A facet as a page shows it."""

    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
    has_more: bool = False
    expanded: bool = False
    filter_text: str = ""
    chart: bool = False
    span: tuple[int, int] | None = None  # a chart's fixed axis
    keep: list[tuple[str, str]] = field(default_factory=list)  # the page's state, for the filter box
    estimated: bool = False  # counted from a sample of a long list (facet_keys.SAMPLE_FROM): "about"

    @property
    def max_count(self) -> int:
        return max((v.count for v in self.values), default=0)


class FacetCounter:
    """The facets of one search (filtersets.ArchiveSearch), counted."""

    def __init__(self, search):
        self.search = search

    @cached_property
    def sources(self) -> dict[str, FacetSource]:
        return {name: facet.source(self.search.lists) for name, facet in FACETS.items()}

    def facets(self, expanded: set[str], filter_texts: dict[str, str]) -> list[CountedFacet]:
        plan = {}
        for name in self.visible_facets():
            limit = None if FACETS[name].chart else (FACET_MORE_LIMIT if name in expanded else FACET_LIMIT) + 1
            plan[name] = (limit, filter_texts.get(name, ""))
        counted = self.keyed_counts(plan)
        estimated = getattr(counted, "estimated", False)
        state = self.search.page_state.state_inputs(exclude=())  # every parameter but the page
        facets = []
        for name, (limit, contains) in plan.items():
            facet = FACETS[name]
            rows = counted[name] if name in counted else self.facet_query(name, limit, contains)
            values = facet.values(rows)
            has_more = limit is not None and len(values) >= limit
            if has_more:
                values = values[: limit - 1]
            selected = set(self.search.chosen_values(name))
            keep = [(key, value) for key, value in state if key != f"fq_{name}"]
            shown = CountedFacet(
                name,
                facet.label,
                has_more=has_more and name not in expanded,
                expanded=name in expanded,
                filter_text=contains,
                chart=facet.chart,
                span=facet.span,
                keep=keep,
                estimated=estimated and name in counted,
            )
            for value, label, count in values:
                href = self.search.page_state.toggled_href(name, value)
                shown.values.append(FacetValue(value, label, count, value in selected, href))
            facets.append(shown)
        return facets

    def visible_facets(self) -> list[str]:
        search = self.search
        chosen = {name: search.chosen_values(name) for name in FACETS}
        return [
            name
            for name, facet in FACETS.items()
            if name not in search.hidden
            and (search.shown is None or name in search.shown)
            and facet.counts_over(search.lists)
            and facet.is_shown(search, chosen)
        ]

    def keyed_counts(self, plan: dict[str, tuple[int | None, str]]) -> facet_keys.Counts | dict[str, list[dict]]:
        """In one query, the counts of the facets that facet_keys.py can count: those whose own filter
        is not chosen and whose values are not searched, all over the same results."""
        search = self.search
        db = search.queryset.db
        ids = search.result_ids if search.filtering() else search.searched_ids  # None: every article
        if not search.keyed_facets or ids == ():
            return {}
        if not facet_keys.available(db, None if ids is None else len(ids), search.lists):
            return {}
        limits = {
            name: limit
            for name, (limit, contains) in plan.items()
            if FACETS[name].key_prefix and not contains and not search.active(name)
        }
        return facet_keys.count_facets(ids, limits, db, search.lists) if limits else {}

    def restrict(self, rows: QuerySet, link: str, skip=(), walk=()) -> QuerySet:
        """`rows` narrowed to those whose `link` is a result (filtered by all but `skip`). With many
        matches, on the databases in `walk`, scanned and checked rather than looked up one by one."""
        search = self.search
        own = any(search.active(name) for name in skip)  # the facet's own filter is chosen: not applied
        if own and search.filtering(skip):
            others = search.matching(skip)  # the results of the other filters
            if connections[rows.db].vendor == "postgresql":  # its planner takes them as a subquery well
                return rows.filter(**{f"{link}__in": others.values("pk")})
            # SQLite's planner, given them as a subquery beside the search's id list, scanned every
            # row (words, a year and a source: 20 s); fetched first, 0.2 s.
            ids = fetch_ids(others)
        else:
            ids = search.result_ids if not own and search.filtering() else search.searched_ids  # results, or matches
        if ids is None:
            return rows
        many = len(ids) >= WALK_MIN_IDS and connections[rows.db].vendor in walk
        return rows.filter(InIds(F(link), ids, walk=many))

    def many_or_all(self) -> bool:
        """Whether the results are all the rows or many of them (see WALK_MIN_IDS)."""
        ids = self.search.searched_ids
        return ids is None or len(ids) >= WALK_MIN_IDS

    def facet_query(self, name: str, limit: int | None, contains: str = "") -> list[dict]:
        """One query: the values of one facet with their counts. The ORM counts (grouped on ids, with
        every filter); the labels are joined to the counted values only, around it."""
        if self.search.searched_ids == ():
            return []
        facet, source = FACETS[name], self.sources[name]
        rows = self.restrict(source.rows, source.link, skip={name}, walk=source.walk)
        where = reduce(operator.or_, [Q(**{f"{path}__isnull": False}) for path in source.values.values()])
        if source.condition is not None:
            where &= source.condition
        if contains:
            where &= reduce(operator.or_, [Q(**{f"{path}__icontains": contains}) for path in source.search])
        # One filter() call, so the joins it makes are the ones values() groups on.
        # Aliases carry a prefix so they never clash with a field of the model ("kind", "text").
        keys = {f"facet_{key}": F(path) for key, path in source.values.items()}
        if source.distinct and connections[rows.db].vendor == "sqlite" and self.many_or_all():
            # Each kind of value apart, read in the order of its (value, result) index, which SQLite
            # then counts distinctly without sorting: half the work over all or most of the results.
            parts = []
            for key, path in source.values.items():
                only = {alias: value if alias == f"facet_{key}" else Value(None, IntegerField())
                        for alias, value in keys.items()}  # fmt: skip
                part = rows.filter(where, **{f"{path}__isnull": False}).values(**only)
                parts.append(part.annotate(n=Count(source.distinct, distinct=True)).order_by())
            grouped = parts[0].union(*parts[1:], all=True)
        else:
            grouped = facet.count(rows, source, where, keys)
        if facet.chart:  # every value, in order, no labels
            return list(grouped)
        return labelled(grouped, source.labels, facet.chosen(self.search.chosen_values(name)), limit)


def labelled(grouped: QuerySet, labels: list[Label], chosen: dict[str, list], limit: int | None) -> list[dict]:
    """The rows of a grouped queryset (aliases facet_*, and n) with their labels, chosen values first
    (so they stay in the list to be unchosen), then by count and label; as dicts without the facet_
    prefix. A queryset of distinct rows without n (facet_* and facet_result) is counted here: a
    DISTINCT then a plain count, cheaper than COUNT(DISTINCT) per group.

    Only the values that can make the list are labelled: those counted at least as often as the
    limit-th most frequent one (ties decided by label), and the chosen ones. Each is looked up by its
    key (LATERAL on PostgreSQL, whose planner would rather hash a whole table of names)."""
    connection = connections[grouped.db]
    qn = connection.ops.quote_name
    sql, params = grouped.query.get_compiler(connection=connection).as_sql()
    aliases = [*grouped.query.values_select, *grouped.query.annotation_select]
    if "n" not in aliases:  # distinct rows: counted here
        aliases = [alias for alias in aliases if alias != "facet_result"]
        keys = ", ".join(map(qn, aliases))
        sql = f"SELECT {keys}, COUNT(*) AS {qn('n')} FROM ({sql}) d GROUP BY {keys}"
        aliases.append("n")
    columns = {alias.removeprefix("facet_"): f"g.{qn(alias)}" for alias in aliases}
    joins = []
    for number, label in enumerate(labels):
        meta, table = label.model._meta, f"l{number}"
        key = f"{qn(meta.pk.column)} = {columns[label.key]}"
        fields = {out: qn(meta.get_field(field).column) for out, field in label.columns.items()}
        if connection.vendor == "postgresql":
            picked = ", ".join(f"{column} AS {qn(out)}" for out, column in fields.items())
            # LIMIT 1 (one row by primary key anyway) keeps the planner from turning it back into a join.
            lookup = f"SELECT {picked} FROM {qn(meta.db_table)} WHERE {key} LIMIT 1"
            joins.append(f"LEFT JOIN LATERAL ({lookup}) {table} ON true")
            columns |= {out: f"{table}.{qn(out)}" for out in fields}
        else:
            joins.append(f"LEFT JOIN {qn(meta.db_table)} {table} ON {table}.{key}")
            columns |= {out: f"{table}.{column}" for out, column in fields.items()}
    chosen_sql, chosen_params = [], []
    for key, values in chosen.items():
        if values:
            chosen_sql.append(f"{columns[key]} IN ({', '.join(['%s'] * len(values))})")
            chosen_params += values
    order = [f"CASE WHEN {' OR '.join(chosen_sql)} THEN 0 ELSE 1 END"] if chosen_sql else []
    order += ["g.n DESC"] + [columns[key] for key in ("label", "person_name", "org_name", "value") if key in columns]
    select = ", ".join(f"{column} AS {qn(key)}" for key, column in columns.items())
    where, cut_params = "", []
    if limit:
        cut = f"(SELECT coalesce(min(n), 0) FROM (SELECT n FROM g ORDER BY n DESC LIMIT {int(limit)}) c)"
        where = f"WHERE g.n >= {cut}" + "".join(f" OR {condition}" for condition in chosen_sql)
        cut_params = chosen_params
    sql = f"WITH g AS MATERIALIZED ({sql}) SELECT {select} FROM g {' '.join(joins)} {where} ORDER BY {', '.join(order)}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *cut_params, *chosen_params])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
