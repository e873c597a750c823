"""Researchers' search: filters (django-filter), facet counts, chips and sorting, for articles and statements.

One `FilterSet` class per result list (`ArticleSearch`, `StatementSearch`) over the same facets. Every
facet filters by a subquery on ids (`pk__in` / `article_id__in`), so no filter multiplies rows and no
`DISTINCT` disturbs ranking. Facet counts come from one grouped query each, over the results filtered
by every *other* active filter, so choosing a country keeps the other countries' counts meaningful.

Speed (bench/search_speed.py): the ids matching the search box are fetched once per request and the
count and facets narrowed by them (`searched_ids`, `InIds`), not by matching the words again in each
query. A facet counts its link table's rows (one per result and value, so COUNT(*), not DISTINCT over
joins), grouped on ids; the labels are joined to the counted values only (`labelled`). The article
facets whose own filter is not chosen are all counted in one query instead, from the per-article
arrays of facet values the database keeps (facet_keys.py), where that is faster.

Bad input never errors: a facet value that is malformed or unknown is dropped with a hint, an invalid
date or sort is ignored with a hint, over-long text is cut.
"""

from __future__ import annotations

import calendar
import operator
from dataclasses import dataclass, field
from functools import cached_property, reduce
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db import connections
from django.db.models import Count, F, IntegerField, Prefetch, Q, QuerySet, Value
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import QueryDict

from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    Organisation,
    Person,
    Source,
    Statement,
    Tag,
    Tagging,
)

from . import facet_keys
from .fulltext import (
    Ids,
    InIds,
    apply_field_filters,
    apply_statement_field_filters,
    match_ids,
    parse_query,
    search_articles,
    search_statements,
)

MAX_QUERY_CHARS = 500
MAX_VALUES = 20  # values of one facet honoured per request
FACET_LIMIT = 10
FACET_MORE_LIMIT = 200
TEXT_PARAMS = {"q", "sort", "page", "apage", "more", "date_from", "date_to"}


# --- form fields that drop bad values instead of failing -------------------------------------------


class LenientTextField(forms.CharField):
    """Free text, stripped and cut to a sane length (10 KB queries are cut, not refused)."""

    def to_python(self, value):
        value = super().to_python(value)
        self.was_cut = len(value) > MAX_QUERY_CHARS
        return value[:MAX_QUERY_CHARS]


class FacetField(forms.Field):
    """Several values of one facet (OR). Cleans to [(value, label)]; remembers the values it dropped."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, resolve=None, **kwargs):
        kwargs.setdefault("required", False)
        self.resolve = resolve
        self.dropped: list[str] = []
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        seen: list[str] = []
        for item in value:
            item = str(item).strip()[:100]
            # A NUL cannot even be sent to PostgreSQL; no real value holds a control character.
            if item and item not in seen and item.isprintable():
                seen.append(item)
        self.dropped = seen[MAX_VALUES:]
        return seen[:MAX_VALUES]

    def clean(self, value):
        raw = self.to_python(value)
        labels = self.resolve(raw) if raw else {}
        self.dropped += [item for item in raw if item not in labels]
        return [(item, labels[item]) for item in raw if item in labels]


def _ints(values, low=1, high=2**31 - 1) -> dict[str, int]:
    found = {}
    for value in values:
        if value.isdecimal() and low <= int(value) <= high:
            found[value] = int(value)
    return found


def resolve_countries(values):
    return dict(Country.objects.filter(code__in=[v for v in values if len(v) == 2]).values_list("code", "name"))


def resolve_people(values):
    ids = _ints(values)
    names = dict(Person.objects.filter(pk__in=ids.values()).values_list("pk", "name"))
    return {value: names[pk] for value, pk in ids.items() if pk in names}


def resolve_organisations(values):
    ids = _ints(values)
    found = {org.pk: str(org) for org in Organisation.objects.filter(pk__in=ids.values())}
    return {value: found[pk] for value, pk in ids.items() if pk in found}


def resolve_speakers(values):
    """Speakers are people ("p12") or organisations ("o5")."""
    people = resolve_people([v[1:] for v in values if v[:1] == "p"])
    organisations = resolve_organisations([v[1:] for v in values if v[:1] == "o"])
    return {**{f"p{k}": v for k, v in people.items()}, **{f"o{k}": v for k, v in organisations.items()}}


def resolve_tags(values):
    return dict(Tag.objects.filter(slug__in=values).values_list("slug", "name"))


def resolve_sources(values):
    return dict(Source.objects.filter(slug__in=values).values_list("slug", "name"))


def resolve_years(values):
    return {value: value for value in _ints(values, 1, 9999)}


def resolve_months(values):
    return {value: calendar.month_name[number] for value, number in _ints(values, 1, 12).items()}


class TextFilter(django_filters.CharFilter):
    field_class = LenientTextField


class FacetFilter(django_filters.Filter):
    field_class = FacetField

    def __init__(self, *args, resolve, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra["resolve"] = resolve


def _values(value) -> list[str]:
    return [item for item, _label in value]


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


LABELS = {
    "country": [Label(Country, "value", {"label": "name"})],
    "person": [Label(Person, "value", {"label": "name"})],
    "org": [Label(Organisation, "value", {"label": "name", "country": "country_id", "kind": "kind"})],
    "tag": [Label(Tag, "id", {"value": "slug", "label": "name"})],
    "source": [Label(Source, "id", {"value": "slug", "label": "name"})],
    "speaker": [
        Label(Person, "person", {"person_name": "name"}),
        Label(Organisation, "org", {"org_name": "name", "org_country": "country_id", "org_kind": "kind"}),
    ],
}
SPEAKERS = {"person": "speaker_person_id", "org": "speaker_organisation_id"}  # one of the two is set
SPEAKER_NAMES = ["speaker_person__name", "speaker_organisation__name"]
# From this many matches on, a facet is counted by scanning its rows (on SQLite an index in value
# order, so no sorting) and checking each against the matches, rather than looking each match up.
WALK_MIN_IDS = 5000


class YearOf(ExtractYear):
    """The year of a date; on SQLite from the stored text, not through a Python function per row."""

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


class MonthOf(ExtractMonth):
    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 6, 2) AS integer)", params


# --- the facets: how each filters and how each counts ----------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    href: str = ""  # the page's query string with this value toggled ("?country=JP"), for links
    search: ArchiveSearch | None = field(default=None, repr=False, compare=False)
    facet: str = ""

    @property
    def query(self) -> QueryDict:
        """The page's query with this value toggled."""
        return self.search.toggled(self.facet, self.value)


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
    has_more: bool = False
    expanded: bool = False
    filter_text: str = ""
    chart: bool = False
    keep: list[tuple[str, str]] = field(default_factory=list)  # the page's state, for the filter box

    @property
    def max_count(self) -> int:
        return max((v.count for v in self.values), default=0)


@dataclass
class Chip:
    facet: str
    label: str
    query: QueryDict  # the page's query without this value


def fetch_ids(queryset) -> Ids:
    """The primary keys of a queryset as plain tuples (thousands of them: not the ORM's iterator)."""
    found = queryset.order_by().values("pk")
    connection = connections[found.db]
    sql, params = found.query.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return Ids([row[0] for row in cursor.fetchall()])


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
    order += ["g.n DESC"] + [columns[key] for key in ("label", "person_name", "org_name") if key in columns]
    select = ", ".join(f"{column} AS {qn(key)}" for key, column in columns.items())
    where, cut_params = "", []
    if limit:
        cut = f"(SELECT coalesce(min(n), 0) FROM (SELECT n FROM g ORDER BY n DESC LIMIT {int(limit)}) c)"
        where = f"WHERE g.n >= {cut}" + "".join(f" OR {condition}" for condition in chosen_sql)
        cut_params = chosen_params
    sql = (
        f"WITH g AS MATERIALIZED ({sql}) SELECT {select} FROM g {' '.join(joins)} {where} ORDER BY {', '.join(order)}"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *cut_params, *chosen_params])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class ArchiveSearch(django_filters.FilterSet):
    """Shared by the article and statement searches; `model` and the `_scope` helpers differ."""

    q = TextFilter(method="filter_nothing", label="Search")
    country = FacetFilter(method="filter_country", resolve=resolve_countries, label="Country mentioned")
    dateline = FacetFilter(method="filter_dateline", resolve=resolve_countries, label="Dateline")
    speaker = FacetFilter(method="filter_speaker", resolve=resolve_speakers, label="Speaker")
    person = FacetFilter(method="filter_person", resolve=resolve_people, label="Person mentioned")
    org = FacetFilter(method="filter_org", resolve=resolve_organisations, label="Organisation")
    tag = FacetFilter(method="filter_tag", resolve=resolve_tags, label="Tag")
    source = FacetFilter(method="filter_source", resolve=resolve_sources, label="Source")
    year = FacetFilter(method="filter_year", resolve=resolve_years, label="Year")
    month = FacetFilter(method="filter_month", resolve=resolve_months, label="Month")
    # Scopes used by the country pages: statements by speakers of a country.
    speaker_country = FacetFilter(method="filter_speaker_country", resolve=resolve_countries, label="Speaker's country")
    date_from = django_filters.DateFilter(
        method="filter_date_from", label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        method="filter_date_to", label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = django_filters.ChoiceFilter(
        method="filter_nothing",
        choices=[("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")],
        empty_label=None,
        label="Sort",
    )

    FACETS = ["country", "dateline", "speaker", "person", "org", "tag", "source", "year", "month"]
    HIDDEN_FACETS: set[str] = set()  # facets a scoped page does not show (the scope itself)
    noun = "result"

    def __init__(self, data=None, *, scope: Q | None = None, hidden=(), **kwargs):
        data = data if data is not None else QueryDict()
        self.scope = scope
        self.hidden = set(hidden) | self.HIDDEN_FACETS
        super().__init__(data, queryset=self.base_queryset(), **kwargs)
        self.form.is_valid()  # validate now: everything below reads cleaned_data
        self.query = parse_query(self.form.cleaned_data.get("q") or "")

    # Subclasses: the model, the text search, how article-level filters reach the model.
    def base_queryset(self) -> QuerySet:
        raise NotImplementedError

    def by_article(self, queryset, article_ids) -> QuerySet:
        raise NotImplementedError

    article_prefix = ""

    # -- filtering ---------------------------------------------------------------------------------

    def filter_queryset(self, queryset, skip=()):
        if self.scope is not None:
            queryset = queryset.filter(self.scope)
        for name, value in self.form.cleaned_data.items():
            if name in skip or name in self.hidden or value in (None, "", []):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_country(self, queryset, name, value):
        links = ArticleCountry.objects.filter(country_id__in=_values(value))
        return self.by_article(queryset, links.values("article_id"))

    def filter_dateline(self, queryset, name, value):
        links = ArticleCountry.objects.filter(country_id__in=_values(value), in_dateline=True)
        return self.by_article(queryset, links.values("article_id"))

    def filter_person(self, queryset, name, value):
        links = ArticlePerson.objects.filter(person_id__in=_values(value))
        return self.by_article(queryset, links.values("article_id"))

    def filter_org(self, queryset, name, value):
        links = ArticleOrganisation.objects.filter(organisation_id__in=_values(value))
        return self.by_article(queryset, links.values("article_id"))

    def filter_tag(self, queryset, name, value):
        links = Tagging.objects.filter(tag__slug__in=_values(value))
        return self.by_article(queryset, links.values("article_id"))

    def filter_source(self, queryset, name, value):
        return queryset.filter(**{f"{self.article_prefix}source__slug__in": _values(value)})

    def filter_year(self, queryset, name, value):
        # published_on__year=Y is a date range (the index serves it); __year__in would extract each
        # row's year, on SQLite through a Python function.
        years = [Q(**{f"{self.article_prefix}published_on__year": int(v)}) for v in _values(value)]
        return queryset.filter(reduce(operator.or_, years))

    def filter_month(self, queryset, name, value):
        months = [int(v) for v in _values(value)]
        return queryset.alias(_month=MonthOf(f"{self.article_prefix}published_on")).filter(_month__in=months)

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(**{f"{self.article_prefix}published_on__gte": value})

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(**{f"{self.article_prefix}published_on__lte": value})

    @staticmethod
    def speaker_q(value, prefix="") -> Q:
        values = _values(value)
        people = [int(v[1:]) for v in values if v.startswith("p")]
        organisations = [int(v[1:]) for v in values if v.startswith("o")]
        return Q(**{f"{prefix}speaker_person_id__in": people}) | Q(
            **{f"{prefix}speaker_organisation_id__in": organisations}
        )

    @staticmethod
    def speaker_country_q(value) -> Q:
        codes = _values(value)
        return Q(speaker_person__country_id__in=codes) | Q(speaker_organisation__country_id__in=codes)

    # -- the search box: matched once per request ----------------------------------------------------

    def search(self, queryset) -> QuerySet:
        """The rows of `queryset` matching the search box (words and field prefixes)."""
        raise NotImplementedError

    @cached_property
    def searched_ids(self) -> Ids | None:
        """The ids of the rows matching the search box, fetched once per request: the count and every
        facet are narrowed by them instead of matching the text again (an id list is also what a
        planner can count on, where it can only guess how many rows match some words). None when
        the box is empty: everything matches."""
        if self.query.is_empty:
            return None
        model = self.queryset.model
        ids = match_ids(model, self.query, self.queryset.db)
        return Ids(ids) if ids is not None else fetch_ids(self.search(model.objects.all()))

    def searched(self) -> QuerySet:
        """All rows matching the search box, by their ids."""
        ids = self.searched_ids
        queryset = self.queryset.all()
        return queryset if ids is None else queryset.filter(InIds(F("pk"), ids))

    def active(self, name: str) -> bool:
        """Whether the filter `name` (not the search box, not sorting) is chosen on this page."""
        value = self.form.cleaned_data.get(name)
        return name not in self.hidden and value not in (None, "", []) and self.filters[name].method != "filter_nothing"

    def filtering(self, skip=()) -> bool:
        """Whether any filter besides the search box applies (the scope included)."""
        return self.scope is not None or any(self.active(name) for name in self.form.cleaned_data if name not in skip)

    @cached_property
    def result_ids(self) -> Ids:
        """The ids of the results, every filter applied, fetched once when filters apply: the count and
        every facet whose own filter is not chosen are narrowed by them, instead of each applying the
        filters again."""
        return fetch_ids(self.matching())

    # -- results -----------------------------------------------------------------------------------

    @property
    def has_text(self) -> bool:
        return self.query.has_text

    @property
    def sort_order(self) -> str:
        chosen = self.form.cleaned_data.get("sort")
        if chosen == "relevance" and not self.has_text:
            chosen = None
        return chosen or ("relevance" if self.has_text else "newest")

    def matching(self, skip=()) -> QuerySet:
        """The results, filtered by every active filter except those in `skip`; unordered, unranked."""
        return self.filter_queryset(self.searched(), skip=skip)

    def count(self) -> int:
        ids = self.searched_ids
        if ids is not None and not ids:
            return 0
        if self.filtering():
            return len(self.result_ids)
        return len(ids) if ids is not None else self.matching().count()

    def results(self) -> QuerySet:
        """The results in order. They match the search box again (the database's own full-text
        filter, which its planner can weigh against the date index), not the fetched ids."""
        queryset = self.queryset.all()
        if not self.query.is_empty:
            queryset = self.search(queryset)
        return self.order(self.filter_queryset(queryset))

    def order(self, queryset) -> QuerySet:
        date = f"{self.article_prefix}published_on"
        # Words too common to rank by leave the results unranked: then newest first, so that the
        # database can walk the date index and stop at the page.
        ranked = queryset.query.order_by[:1] == ("-rank",)
        if self.sort_order == "relevance" and ranked:
            return queryset.order_by("-rank", F(date).desc(nulls_last=True), "-pk")
        if self.sort_order == "oldest":
            return queryset.order_by(F(date).asc(nulls_last=True), "pk")
        return queryset.order_by(F(date).desc(nulls_last=True), "-pk")

    # -- facet counts ------------------------------------------------------------------------------

    @cached_property
    def sources(self) -> dict[str, FacetSource]:
        return self.facet_sources()

    def facet_sources(self) -> dict[str, FacetSource]:
        raise NotImplementedError

    def restrict(self, rows: QuerySet, link: str, skip=(), walk=()) -> QuerySet:
        """`rows` narrowed to those whose `link` is a result (filtered by all but `skip`). With many
        matches, on the databases in `walk`, scanned and checked rather than looked up one by one."""
        own = any(self.active(name) for name in skip)  # the facet's own filter is chosen: not applied
        if own and self.filtering(skip):
            return rows.filter(**{f"{link}__in": self.matching(skip).values("pk")})
        ids = self.result_ids if not own and self.filtering() else self.searched_ids  # results, or matches
        if ids is None:
            return rows
        many = len(ids) >= WALK_MIN_IDS and connections[rows.db].vendor in walk
        return rows.filter(InIds(F(link), ids, walk=many))

    def facet_query(self, name: str, limit: int | None, contains: str = ""):
        """One query: the values of one facet with their counts. The ORM counts (grouped on ids, with
        every filter); the labels are joined to the counted values only, around it."""
        if self.searched_ids == ():
            return []
        source = self.sources[name]
        rows = self.restrict(source.rows, source.link, skip={name}, walk=source.walk)
        if name in ("year", "month"):
            part = YearOf if name == "year" else MonthOf
            date = source.values["date"]
            rows = rows.filter(**{f"{date}__isnull": False}).values(value=part(date))
            return list(rows.annotate(n=Count("*")).order_by("value"))
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
        elif source.distinct:  # one row per value and result, counted around it (labelled)
            grouped = rows.filter(where).values(**keys, facet_result=F(source.distinct)).distinct().order_by()
        else:
            grouped = rows.filter(where).values(**keys).annotate(n=Count("*")).order_by()
        return labelled(grouped, source.labels, self.chosen(name), limit)

    def many_or_all(self) -> bool:
        """Whether the results are all the rows or many of them (see WALK_MIN_IDS)."""
        return self.searched_ids is None or len(self.searched_ids) >= WALK_MIN_IDS

    def chosen(self, name: str) -> dict[str, list]:
        """The chosen values of a facet, by the output column they are found in."""
        values = _values(self.form.cleaned_data.get(name) or [])
        if name == "speaker":
            return {
                "person": [int(v[1:]) for v in values if v.startswith("p")],
                "org": [int(v[1:]) for v in values if v.startswith("o")],
            }
        if name in ("person", "org"):
            return {"value": [int(v) for v in values]}
        return {"value": values}

    def facet_values(self, name, rows) -> list[tuple[str, str, int]]:
        if name == "year":
            return [(str(r["value"]), str(r["value"]), r["n"]) for r in rows]
        if name == "month":
            return [(str(r["value"]), calendar.month_abbr[r["value"]], r["n"]) for r in rows]
        if name == "speaker":
            values = []
            for r in rows:
                if r["person"] is not None:
                    values.append((f"p{r['person']}", r["person_name"], r["n"]))
                elif r["org"] is not None:
                    label = Organisation(name=r["org_name"], country_id=r["org_country"], kind=r["org_kind"])
                    values.append((f"o{r['org']}", str(label), r["n"]))
            return values
        if name == "org":
            return [
                (
                    str(r["value"]),
                    str(Organisation(name=r["label"], country_id=r["country"], kind=r["kind"])),
                    r["n"],
                )
                for r in rows
            ]
        return [(str(r["value"]), r["label"], r["n"]) for r in rows]

    def visible_facets(self) -> list[str]:
        names = [name for name in self.FACETS if name not in self.hidden]
        if "month" in names and len(self.form.cleaned_data.get("year") or []) != 1:
            names.remove("month")  # months are offered within one chosen year
        return names

    keyed_facets = False  # counted from the database's facet keys where it keeps them (facet_keys.py)

    def keyed_counts(self, plan: dict[str, tuple[int | None, str]]) -> dict[str, list[dict]]:
        """In one query, the counts of the facets that facet_keys.py can count: those whose own filter
        is not chosen and whose values are not searched, all over the same results."""
        db = self.queryset.db
        ids = self.result_ids if self.filtering() else self.searched_ids
        if not (self.keyed_facets and ids and facet_keys.available(db, len(ids))):
            return {}
        limits = {
            name: limit
            for name, (limit, contains) in plan.items()
            if name in facet_keys.PREFIXES and not contains and not self.active(name)
        }
        return facet_keys.count_facets(ids, limits, db) if limits else {}

    def facets(self) -> list[Facet]:
        expanded = set(self.data.getlist("more"))
        plan = {}
        for name in self.visible_facets():
            contains = "".join(ch for ch in (self.data.get(f"fq_{name}") or "") if ch.isprintable()).strip()[:100]
            chart = name in ("year", "month")
            limit = None if chart else (FACET_MORE_LIMIT if name in expanded else FACET_LIMIT) + 1
            plan[name] = (limit, contains)
        counted = self.keyed_counts(plan)
        facets = []
        for name, (limit, contains) in plan.items():
            chart = name in ("year", "month")
            is_expanded = name in expanded
            rows = counted[name] if name in counted else self.facet_query(name, limit, contains)
            values = self.facet_values(name, rows)
            has_more = limit is not None and len(values) >= limit
            if has_more:
                values = values[: limit - 1]
            selected = set(_values(self.form.cleaned_data.get(name) or []))
            facet = Facet(
                name,
                self.filters[name].label,
                has_more=has_more and not is_expanded,
                expanded=is_expanded,
                filter_text=contains,
                chart=chart,
            )
            for value, label, count in values:
                href = self.toggled_href(name, value)
                facet.values.append(FacetValue(value, label, count, value in selected, href, self, name))
            facets.append(facet)
        return facets

    # -- the URL state: toggles, chips, hints --------------------------------------------------------

    def toggled(self, name: str, value: str) -> QueryDict:
        query = self.data.copy()
        query.pop("page", None)
        values = query.getlist(name)
        if value in values:
            values = [v for v in values if v != value]
        else:
            values.append(value)
        query.setlist(name, values)
        if name == "year":
            query.pop("month", None)  # months belong to one year
        return query

    @cached_property
    def _state(self) -> list[tuple[str, list[str]]]:
        return [(key, values) for key, values in self.data.lists() if key != "page"]

    def toggled_href(self, name: str, value: str) -> str:
        """`{% querystring toggled(name, value) %}`, without copying the QueryDict for every value
        of every facet."""
        pairs, found = [], False
        for key, values in self._state:
            if key == name:
                found = True
                values = [v for v in values if v != value] if value in values else [*values, value]
            elif name == "year" and key == "month":
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
        chips = []
        text = self.form.cleaned_data.get("q")
        if text:
            chips.append(Chip("Words", text, self.without("q", "sort")))
        for name in [*self.FACETS, "speaker_country"]:
            if name in self.hidden:
                continue
            for value, label in self.form.cleaned_data.get(name) or []:
                chips.append(Chip(self.filters[name].label, label, self.toggled(name, value)))
        for name in ("date_from", "date_to"):
            value = self.form.cleaned_data.get(name)
            if value:
                chips.append(Chip(self.filters[name].label, value.strftime("%-d %b %Y"), self.without(name)))
        return chips

    def hints(self) -> list[str]:
        hints = []
        if getattr(self.form.fields["q"], "was_cut", False):
            hints.append(f"Your search was cut to its first {MAX_QUERY_CHARS} characters.")
        for name, bound in self.form.fields.items():
            dropped = getattr(bound, "dropped", None)
            if dropped:
                shown = ", ".join(repr(v[:30]) for v in dropped[:3])
                hints.append(
                    f"Ignored {self.filters[name].label.lower()} value{'s' if len(dropped) > 1 else ''} "
                    f"{shown}: not in the archive."
                )
        for name in self.form.errors:
            hints.append(f"Ignored the {self.filters[name].label.lower()} value: it is not valid.")
        if self.query.hint:
            hints.append(self.query.hint)
        return hints

    def state_inputs(self, exclude=("q", "date_from", "date_to", "sort")) -> list[tuple[str, str]]:
        """The page's state as (name, value) pairs for hidden inputs, so a form keeps the other filters."""
        skip = {"page", *exclude}
        return [(key, value) for key, values in self.data.lists() if key not in skip for value in values[:MAX_VALUES]]

    def export_query(self) -> QueryDict:
        """The query for exports and feeds: every filter, no paging or facet display state."""
        query = self.data.copy()
        for name in ("page", "apage", "more"):
            query.pop(name, None)
        for key in list(query):
            if key.startswith("fq_"):
                query.pop(key)
        return query


def listing_speakers():
    """Prefetch for a result list: the statements that name a speaker, with their speakers only."""
    speaking = (
        Statement.objects.filter(Q(speaker_person__isnull=False) | Q(speaker_organisation__isnull=False))
        .select_related("speaker_person", "speaker_organisation")
        .only(
            "id",
            "article_id",
            "speaker_person__id",
            "speaker_person__name",
            "speaker_organisation__id",
            "speaker_organisation__name",
            "speaker_organisation__kind",
            "speaker_organisation__country_id",
        )
        .order_by("paragraph", "start")
    )
    return Prefetch("statements", queryset=speaking, to_attr="speaking")


def article_listing(article_ids):
    """Articles by id, newest first, with what a result list shows (entity and tag pages)."""
    return (
        Article.objects.filter(pk__in=article_ids)
        .select_related("source")
        .prefetch_related("countries", listing_speakers())
        .defer("body", "search_names")
        .order_by(F("published_on").desc(nulls_last=True), "-pk")
    )


class ArticleSearch(ArchiveSearch):
    noun = "article"
    keyed_facets = True

    class Meta:
        model = Article
        fields = []

    def base_queryset(self):
        return Article.objects.all()

    def by_article(self, queryset, article_ids):
        return queryset.filter(pk__in=article_ids)

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(pk__in=Statement.objects.filter(self.speaker_q(value)).values("article_id"))

    def filter_speaker_country(self, queryset, name, value):
        said = Statement.objects.filter(self.speaker_country_q(value)).values("article_id")
        return queryset.filter(pk__in=said)

    def search(self, queryset):
        return apply_field_filters(search_articles(queryset, self.query), self.query)

    def facet_sources(self):
        # A link table holds one row per article and value: counting rows counts articles.
        countries = ArticleCountry.objects.all()
        articles = Article.objects.all()
        return {
            "country": FacetSource(
                countries, "article_id", {"value": "country_id"}, LABELS["country"], ["country__name"]
            ),
            "dateline": FacetSource(
                countries.filter(in_dateline=True), "article_id", {"value": "country_id"}, LABELS["country"],
                ["country__name"],
            ),
            "person": FacetSource(
                ArticlePerson.objects.all(), "article_id", {"value": "person_id"}, LABELS["person"], ["person__name"]
            ),
            "org": FacetSource(
                ArticleOrganisation.objects.all(), "article_id", {"value": "organisation_id"}, LABELS["org"],
                ["organisation__name"],
            ),
            "tag": FacetSource(Tagging.objects.all(), "article_id", {"id": "tag_id"}, LABELS["tag"], ["tag__name"]),
            "source": FacetSource(articles, "pk", {"id": "source_id"}, LABELS["source"], ["source__name"]),
            "speaker": FacetSource(
                Statement.objects.all(), "article_id", SPEAKERS, LABELS["speaker"], SPEAKER_NAMES,
                distinct="article_id",  # an article, many statements by one speaker
            ),
            "year": FacetSource(articles, "pk", {"date": "published_on"}, [], []),
            "month": FacetSource(articles, "pk", {"date": "published_on"}, [], []),
        }

    def listing(self, *, with_body=False):
        """The ordered results with what a result list shows, in a constant number of queries.

        Lists show the search's snippet, not the body: leaving the body out keeps pages and exports light.
        """
        results = self.results().select_related("source").prefetch_related("countries", listing_speakers())
        return results if with_body else results.defer("body", "search_names")


class StatementSearch(ArchiveSearch):
    noun = "statement"
    article_prefix = "article__"

    class Meta:
        model = Statement
        fields = []

    def base_queryset(self):
        return Statement.objects.all()

    def by_article(self, queryset, article_ids):
        return queryset.filter(article_id__in=article_ids)

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(self.speaker_q(value))

    def filter_speaker_country(self, queryset, name, value):
        return queryset.filter(self.speaker_country_q(value))

    def search(self, queryset):
        return apply_statement_field_filters(search_statements(queryset, self.query), self.query)

    def facet_sources(self):
        # Statements reach the link tables through their article: one row per statement and value.
        statements = Statement.objects.all()
        a = "article__"
        return {
            "country": FacetSource(
                statements, "pk", {"value": f"{a}articlecountry__country_id"}, LABELS["country"],
                [f"{a}articlecountry__country__name"],
            ),
            "dateline": FacetSource(
                statements, "pk", {"value": f"{a}articlecountry__country_id"}, LABELS["country"],
                [f"{a}articlecountry__country__name"], condition=Q(**{f"{a}articlecountry__in_dateline": True}),
            ),
            "person": FacetSource(
                statements, "pk", {"value": f"{a}articleperson__person_id"}, LABELS["person"],
                [f"{a}articleperson__person__name"],
            ),
            "org": FacetSource(
                statements, "pk", {"value": f"{a}articleorganisation__organisation_id"}, LABELS["org"],
                [f"{a}articleorganisation__organisation__name"],
            ),
            "tag": FacetSource(
                statements, "pk", {"id": f"{a}tagging__tag_id"}, LABELS["tag"], [f"{a}tagging__tag__name"]
            ),
            "source": FacetSource(statements, "pk", {"id": f"{a}source_id"}, LABELS["source"], [f"{a}source__name"]),
            "speaker": FacetSource(statements, "pk", SPEAKERS, LABELS["speaker"], SPEAKER_NAMES),
            "year": FacetSource(statements, "pk", {"date": f"{a}published_on"}, [], []),
            "month": FacetSource(statements, "pk", {"date": f"{a}published_on"}, [], []),
        }

    def listing(self, *, with_body=False):
        return (
            self.results()
            .select_related("article", "article__source", "speaker_person", "speaker_organisation")
            .defer("article__body")
        )


# --- entity pages: what is mentioned together ----------------------------------------------------


def mentioned_with(article_ids, *, exclude_person=None, exclude_country=None, limit=8):
    """The people and countries most often mentioned in the given articles: one grouped query each."""
    people = ArticlePerson.objects.filter(article_id__in=article_ids)
    if exclude_person is not None:
        people = people.exclude(person_id=exclude_person)
    countries = ArticleCountry.objects.filter(article_id__in=article_ids)
    if exclude_country is not None:
        countries = countries.exclude(country_id=exclude_country)
    return {
        "people": list(
            people.values("person_id", "person__name")
            .annotate(n=Count("article_id"))
            .order_by("-n", "person__name")[:limit]
        ),
        "countries": list(
            countries.values("country_id", "country__name")
            .annotate(n=Count("article_id"))
            .order_by("-n", "country__name")[:limit]
        ),
    }
