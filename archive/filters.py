"""Researchers' search: filters (django-filter), facet counts, chips and sorting, for articles and statements.

One `FilterSet` class per result list (`ArticleSearch`, `StatementSearch`) over the same facets. Every
facet filters by a subquery on ids (`pk__in` / `article_id__in`), so no filter multiplies rows and no
`DISTINCT` disturbs ranking. Facet counts come from one grouped query each, over the results filtered
by every *other* active filter, so choosing a country keeps the other countries' counts meaningful.

Bad input never errors: a facet value that is malformed or unknown is dropped with a hint, an invalid
date or sort is ignored with a hint, over-long text is cut.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import QueryDict

from .models import (
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
from .search import (
    apply_field_filters,
    apply_statement_field_filters,
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
        if value.isdigit() and low <= int(value) <= high:
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


# --- the facets: how each filters and how each counts ----------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    query: QueryDict | None = None  # the page's query with this value toggled


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
        return queryset.filter(**{f"{self.article_prefix}published_on__year__in": [int(v) for v in _values(value)]})

    def filter_month(self, queryset, name, value):
        months = [int(v) for v in _values(value)]
        return queryset.filter(**{f"{self.article_prefix}published_on__month__in": months})

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
        """The results, filtered by every active filter except those in `skip`; unordered."""
        return self.filter_queryset(self.queryset.all(), skip=skip)

    def results(self) -> QuerySet:
        return self.order(self.matching())

    def order(self, queryset) -> QuerySet:
        date = f"{self.article_prefix}published_on"
        if self.sort_order == "relevance":
            return queryset.order_by("-rank", F(date).desc(nulls_last=True), "-pk")
        if self.sort_order == "oldest":
            return queryset.order_by(F(date).asc(nulls_last=True), "pk")
        return queryset.order_by(F(date).desc(nulls_last=True), "-pk")

    # -- facet counts ------------------------------------------------------------------------------

    def facet_specs(self) -> dict:
        """name -> (value paths, extra condition): grouped on the result model, `n` = distinct results."""
        a = self.article_prefix
        return {
            "country": (
                {"value": f"{a}articlecountry__country_id", "label": f"{a}articlecountry__country__name"},
                None,
            ),
            "dateline": (
                {"value": f"{a}articlecountry__country_id", "label": f"{a}articlecountry__country__name"},
                Q(**{f"{a}articlecountry__in_dateline": True}),
            ),
            "person": (
                {"value": f"{a}articleperson__person_id", "label": f"{a}articleperson__person__name"},
                None,
            ),
            "org": (
                {
                    "value": f"{a}articleorganisation__organisation_id",
                    "label": f"{a}articleorganisation__organisation__name",
                    "country": f"{a}articleorganisation__organisation__country_id",
                    "kind": f"{a}articleorganisation__organisation__kind",
                },
                None,
            ),
            "tag": ({"value": f"{a}tagging__tag__slug", "label": f"{a}tagging__tag__name"}, None),
            "source": ({"value": f"{a}source__slug", "label": f"{a}source__name"}, None),
            "speaker": (self.speaker_paths(), None),
        }

    def speaker_paths(self) -> dict:
        raise NotImplementedError

    def facet_query(self, name: str, limit: int | None, contains: str = ""):
        """One grouped query: the values of one facet with their counts."""
        base = self.queryset.model.objects.filter(pk__in=self.matching(skip={name}).values("pk"))
        count = Count("pk", distinct=True)
        a = self.article_prefix
        if name in ("year", "month"):
            part = ExtractYear if name == "year" else ExtractMonth
            rows = base.filter(**{f"{a}published_on__isnull": False}).annotate(value=part(f"{a}published_on"))
            return list(rows.values("value").annotate(n=count).order_by("value"))
        paths, condition = self.facet_specs()[name]
        where = Q()
        if name != "speaker":
            where &= Q(**{f"{paths['value']}__isnull": False})
        else:
            where &= Q(**{f"{paths['person']}__isnull": False}) | Q(**{f"{paths['org']}__isnull": False})
        if condition is not None:
            where &= condition
        if contains:
            if name == "speaker":
                where &= Q(**{f"{paths['person_name']}__icontains": contains}) | Q(
                    **{f"{paths['org_name']}__icontains": contains}
                )
            else:
                where &= Q(**{f"{paths['label']}__icontains": contains})
        # One filter() call, so the joins it makes are the ones values() groups on.
        # Aliases carry a prefix so they never clash with a field of the model ("kind", "text").
        aliases = {f"facet_{key}": F(path) for key, path in paths.items()}
        rows = base.filter(where).values(**aliases).annotate(n=count)
        order = ["-n", "facet_person_name", "facet_org_name"] if name == "speaker" else ["-n", "facet_label"]
        chosen = self.chosen_q(name)
        if chosen is not None:  # chosen values come first, so they stay in the list to be unchosen
            order.insert(0, Case(When(chosen, then=Value(0)), default=Value(1)))
        rows = rows.order_by(*order)
        rows = rows[:limit] if limit else rows
        return [{key.removeprefix("facet_"): value for key, value in row.items()} for row in rows]

    def chosen_q(self, name: str) -> Q | None:
        """The condition, on a facet query's aliases, that a row is one of the chosen values."""
        values = _values(self.form.cleaned_data.get(name) or [])
        if not values:
            return None
        if name == "speaker":
            people = [int(v[1:]) for v in values if v.startswith("p")]
            organisations = [int(v[1:]) for v in values if v.startswith("o")]
            return Q(facet_person__in=people) | Q(facet_org__in=organisations)
        if name in ("person", "org"):
            return Q(facet_value__in=[int(v) for v in values])
        return Q(facet_value__in=values)

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

    def facets(self) -> list[Facet]:
        expanded = set(self.data.getlist("more"))
        facets = []
        for name in self.visible_facets():
            chart = name in ("year", "month")
            is_expanded = name in expanded
            contains = "".join(ch for ch in (self.data.get(f"fq_{name}") or "") if ch.isprintable()).strip()[:100]
            limit = None if chart else (FACET_MORE_LIMIT if is_expanded else FACET_LIMIT) + 1
            rows = self.facet_query(name, limit, contains)
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
                facet.values.append(FacetValue(value, label, count, value in selected, self.toggled(name, value)))
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

    def speaker_paths(self):
        return {
            "person": "statements__speaker_person_id",
            "person_name": "statements__speaker_person__name",
            "org": "statements__speaker_organisation_id",
            "org_name": "statements__speaker_organisation__name",
            "org_country": "statements__speaker_organisation__country_id",
            "org_kind": "statements__speaker_organisation__kind",
        }

    def matching(self, skip=()):
        queryset = self.queryset.all()
        if not self.query.is_empty:
            queryset = apply_field_filters(search_articles(queryset, self.query), self.query)
        return self.filter_queryset(queryset, skip=skip)

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

    def speaker_paths(self):
        return {
            "person": "speaker_person_id",
            "person_name": "speaker_person__name",
            "org": "speaker_organisation_id",
            "org_name": "speaker_organisation__name",
            "org_country": "speaker_organisation__country_id",
            "org_kind": "speaker_organisation__kind",
        }

    def matching(self, skip=()):
        queryset = self.queryset.all()
        if not self.query.is_empty:
            queryset = apply_statement_field_filters(search_statements(queryset, self.query), self.query)
        return self.filter_queryset(queryset, skip=skip)

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
