"""The facets of the result lists, one class per kind, and the registry of them (`FACETS`).

A facet kind owns everything that depends on it: its URL parameter and label, which values are
valid (`resolve`), how it narrows the articles or statements (`filter`), where it counts
(`source`: the rows, grouping and labels, for article and statement lists alike), how a counted
row reads (`values`), its prefix in the facet-keys table (schema/facet_keys.py) and the shape of
a row counted there (`key_row`). Adding a facet is one class here and one line in `FACETS`; the
search lists (filtersets.py), the counting (counting.py, facet_keys.py) and the page's links
(page_state.py) only loop over the registry.
"""

from __future__ import annotations

import calendar
import operator
from functools import reduce

from django.db.models import Case, Count, F, Q, QuerySet, Value, When

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
    StatementCountry,
    Tag,
    Tagging,
)

from .sources import FacetSource, Label, MonthOf, YearOf
from .speakers import Speaker


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
    key_prefix: str | None = None  # in the facet-keys table; None: not kept there
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

    def is_shown(self, chosen: dict[str, list]) -> bool:
        """Whether the facet is offered, given the values chosen in every facet."""
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
            Statement.objects.all(), "pk", {self.grouped_as: path + self.value_field}, self.labels,
            [path + self.label_path], condition=condition or None,
        )


COUNTRY_LABELS = [Label(Country, "value", {"label": "name"})]


def resolve_countries(values):
    return dict(Country.objects.filter(code__in=[v for v in values if len(v) == 2]).values_list("code", "name"))


class CountryFacet(LinkFacet):
    name, label, key_prefix = "country", "Country mentioned", "c"
    link_model, related, value_field, lookup, label_path = (
        ArticleCountry, "articlecountry", "country_id", "country_id", "country__name"
    )
    labels = COUNTRY_LABELS

    def resolve(self, values):
        return resolve_countries(values)


class DatelineFacet(CountryFacet):
    name, label, key_prefix = "dateline", "Dateline", "d"
    link_condition = {"in_dateline": True}


class PersonFacet(LinkFacet):
    name, label, key_prefix = "person", "Person mentioned", "p"
    link_model, related, value_field, lookup, label_path = (
        ArticlePerson, "articleperson", "person_id", "person_id", "person__name"
    )
    labels = [Label(Person, "value", {"label": "name"})]

    def resolve(self, values):
        ids = numbers(values)
        names = dict(Person.objects.filter(pk__in=ids.values()).values_list("pk", "name"))
        return {value: names[pk] for value, pk in ids.items() if pk in names}

    def chosen(self, values):
        return {"value": [int(v) for v in values]}

    def key_row(self, value, n, number, label, org_country, org_kind, slug):
        return {"value": number, "label": label, "n": n}


class OrganisationFacet(LinkFacet):
    name, label, key_prefix = "org", "Organisation", "o"
    link_model, related, value_field, lookup, label_path = (
        ArticleOrganisation, "articleorganisation", "organisation_id", "organisation_id", "organisation__name"
    )
    labels = [Label(Organisation, "value", {"label": "name", "country": "country_id", "kind": "kind"})]

    def resolve(self, values):
        ids = numbers(values)
        found = {org.pk: str(org) for org in Organisation.objects.filter(pk__in=ids.values())}
        return {value: found[pk] for value, pk in ids.items() if pk in found}

    def chosen(self, values):
        return {"value": [int(v) for v in values]}

    def values(self, rows):
        return [(str(r["value"]), organisation_label(r["label"], r["country"], r["kind"]), r["n"]) for r in rows]

    def key_row(self, value, n, number, label, org_country, org_kind, slug):
        return {"value": number, "label": label, "country": org_country, "kind": org_kind, "n": n}


class TagFacet(LinkFacet):
    name, label, key_prefix = "tag", "Tag", "t"
    link_model, related, value_field, lookup, label_path = Tagging, "tagging", "tag_id", "tag__slug", "tag__name"
    grouped_as = "id"  # counted by id, shown and chosen by slug
    labels = [Label(Tag, "id", {"value": "slug", "label": "name"})]

    def resolve(self, values):
        return dict(Tag.objects.filter(slug__in=values).values_list("slug", "name"))

    def key_row(self, value, n, number, label, org_country, org_kind, slug):
        return {"id": number, "value": slug, "label": label, "n": n}


class SourceFacet(Facet):
    name, label, key_prefix = "source", "Source", "s"

    def resolve(self, values):
        return dict(Source.objects.filter(slug__in=values).values_list("slug", "name"))

    def filter(self, search, queryset, values):
        return search.by_article_fields(queryset, lambda articles: articles.filter(source__slug__in=values))

    def source(self, over):
        labels = [Label(Source, "id", {"value": "slug", "label": "name"})]
        if over == ARTICLES:
            return FacetSource(Article.objects.all(), "pk", {"id": "source_id"}, labels, ["source__name"])
        statements = Statement.objects.all()
        return FacetSource(statements, "pk", {"id": "article__source_id"}, labels, ["article__source__name"])

    def key_row(self, value, n, number, label, org_country, org_kind, slug):
        return {"id": number, "value": slug, "label": label, "n": n}


class SpeakerFacet(Facet):
    """Who spoke: a person or an organisation (Speaker's encoding)."""

    name, label, key_prefix = "speaker", "Speaker", "sp"
    PATHS = {"person": "speaker_person_id", "org": "speaker_organisation_id"}  # one of the two is set
    LABELS = [
        Label(Person, "person", {"person_name": "name"}),
        Label(Organisation, "org", {"org_name": "name", "org_country": "country_id", "org_kind": "kind"}),
    ]

    def resolve(self, values):
        people, organisations = Speaker.decode(values)
        names = dict(Person.objects.filter(pk__in=people.values()).values_list("pk", "name"))
        found = {org.pk: str(org) for org in Organisation.objects.filter(pk__in=organisations.values())}
        return {
            **{value: names[pk] for value, pk in people.items() if pk in names},
            **{value: found[pk] for value, pk in organisations.items() if pk in found},
        }

    def filter(self, search, queryset, values):
        return search.by_statements(queryset, Speaker.q(values))

    def source(self, over):
        names = ["speaker_person__name", "speaker_organisation__name"]
        if over == ARTICLES:  # an article, many statements by one speaker: counted distinctly
            return FacetSource(Statement.objects.all(), "article_id", self.PATHS, self.LABELS, names,
                               distinct="article_id")  # fmt: skip
        return FacetSource(Statement.objects.all(), "pk", self.PATHS, self.LABELS, names)

    def chosen(self, values):
        people, organisations = Speaker.decode(values)
        return {"person": list(people.values()), "org": list(organisations.values())}

    def values(self, rows):
        found = []
        for r in rows:
            if r["person"] is not None:
                found.append((Speaker.of(r["person"], None), r["person_name"], r["n"]))
            elif r["org"] is not None:
                label = organisation_label(r["org_name"], r["org_country"], r["org_kind"])
                found.append((Speaker.of(None, r["org"]), label, r["n"]))
        return found

    def key_row(self, value, n, number, label, org_country, org_kind, slug):
        person = value.startswith(Speaker.PERSON)
        return {
            "person": number if person else None,
            "org": None if person else number,
            "person_name": label if person else None,
            "org_name": None if person else label,
            "org_country": org_country,
            "org_kind": org_kind,
            "n": n,
        }


class DateFacet(Facet):
    """A part of the article's date, charted: every value, in order."""

    chart = True
    part: type  # YearOf or MonthOf

    def source(self, over):
        date = "published_on" if over == ARTICLES else "article__published_on"
        rows = Article.objects.all() if over == ARTICLES else Statement.objects.all()
        return FacetSource(rows, "pk", {"date": date}, [], [])

    def count(self, rows, source, where, keys):
        date = source.values["date"]
        rows = rows.filter(**{f"{date}__isnull": False}).values(value=self.part(date))
        return rows.annotate(n=Count("*")).order_by("value")

    def key_row(self, value, n, number, label, org_country, org_kind, slug):
        return {"value": int(value), "n": n}


class YearFacet(DateFacet):
    name, label, key_prefix, part = "year", "Year", "y", YearOf
    clears = ("month",)  # months belong to one year

    def resolve(self, values):
        return {value: value for value in numbers(values, 1, 9999)}

    def filter(self, search, queryset, values):
        # published_on__year=Y is a date range (the index serves it); __year__in would extract each
        # row's year, on SQLite through a Python function.
        years = reduce(operator.or_, [Q(published_on__year=int(v)) for v in values])
        return search.by_article_fields(queryset, lambda articles: articles.filter(years))

    def values(self, rows):
        return [(str(r["value"]), str(r["value"]), r["n"]) for r in rows]


class MonthFacet(DateFacet):
    name, label, key_prefix, part = "month", "Month", "m", MonthOf
    span = (1, 12)

    def resolve(self, values):
        return {value: calendar.month_name[number] for value, number in numbers(values, 1, 12).items()}

    def filter(self, search, queryset, values):
        months = [int(v) for v in values]
        return search.by_article_fields(
            queryset, lambda articles: articles.alias(_month=MonthOf("published_on")).filter(_month__in=months)
        )

    def is_shown(self, chosen):
        return len(chosen.get("year") or []) == 1  # months are offered within one chosen year

    def values(self, rows):
        return [(str(r["value"]), calendar.month_abbr[r["value"]], r["n"]) for r in rows]


class StatementKindFacet(Facet):
    """Direct quote or reported speech: statement lists only."""

    name, label = "kind", "Kind of statement"
    lists = (STATEMENTS,)

    def resolve(self, values):
        kinds = dict(Statement.Kind.choices)
        return {value: kinds[value] for value in values if value in kinds}

    def filter(self, search, queryset, values):
        return search.by_statements(queryset, Q(kind__in=values))

    def source(self, over):
        if over == ARTICLES:
            return FacetSource(Statement.objects.all(), "article_id", {"value": "kind"}, [], [], distinct="article_id")
        return FacetSource(Statement.objects.all(), "pk", {"value": "kind"}, [], [])

    def values(self, rows):
        kinds = dict(Statement.Kind.choices)
        return [(r["value"], kinds.get(r["value"], r["value"]), r["n"]) for r in rows]


# A statement's speaker is known when an editor or the extraction resolved it to a record.
SPEAKER_KNOWN = Q(speaker_person__isnull=False) | Q(speaker_organisation__isnull=False)


class SpeakerKnownFacet(Facet):
    """Whether the speaker is resolved to a person or organisation ("yes") or only named by the text
    ("no"): statement lists only, counted over a CASE of the two speaker columns."""

    name, label = "speaker_known", "Speaker known"
    lists = (STATEMENTS,)
    LABELS = {"yes": "Known speaker", "no": "Unresolved speaker"}

    def resolve(self, values):
        return {value: self.LABELS[value] for value in values if value in self.LABELS}

    def filter(self, search, queryset, values):
        if set(values) >= {"yes", "no"}:
            return queryset
        return search.by_statements(queryset, SPEAKER_KNOWN if "yes" in values else ~SPEAKER_KNOWN)

    def source(self, over):
        link = "article_id" if over == ARTICLES else "pk"
        # "pk" is never null: every statement is counted, grouped by count() below.
        return FacetSource(Statement.objects.all(), link, {"value": "pk"}, [], [])

    def count(self, rows, source, where, keys):
        known = Case(When(SPEAKER_KNOWN, then=Value("yes")), default=Value("no"))
        return rows.filter(where).values(facet_value=known).annotate(n=Count("*")).order_by()

    def values(self, rows):
        return [(r["value"], self.LABELS[r["value"]], r["n"]) for r in rows]


class SpeakerCountryFacet(Facet):
    """The country the speaker spoke for: their office's, when the article says it."""

    name, label = "speaker_country", "Speaker's country"
    lists = (STATEMENTS,)

    def resolve(self, values):
        return resolve_countries(values)

    def filter(self, search, queryset, values):
        return search.by_statements(queryset, Q(speaker_country_id__in=values))

    def source(self, over):
        statements = Statement.objects.all()
        if over == ARTICLES:
            return FacetSource(statements, "article_id", {"value": "speaker_country_id"}, COUNTRY_LABELS,
                               ["speaker_country__name"], distinct="article_id")  # fmt: skip
        return FacetSource(statements, "pk", {"value": "speaker_country_id"}, COUNTRY_LABELS, ["speaker_country__name"])


class AboutFacet(Facet):
    """The countries a statement is about: its words, or its sentence, mention them."""

    name, label = "about", "Country spoken about"
    lists = (STATEMENTS,)

    def resolve(self, values):
        return resolve_countries(values)

    def filter(self, search, queryset, values):
        about = StatementCountry.objects.filter(country_id__in=values).values("statement_id")
        return search.by_statements(queryset, Q(pk__in=about))

    def source(self, over):
        links = StatementCountry.objects.all()
        if over == ARTICLES:
            return FacetSource(links, "statement__article_id", {"value": "country_id"}, COUNTRY_LABELS,
                               ["country__name"], distinct="statement__article_id")  # fmt: skip
        return FacetSource(links, "statement_id", {"value": "country_id"}, COUNTRY_LABELS, ["country__name"])


class RoleFacet(Facet):
    """The speaker's role as of the article's date ("Foreign Minister")."""

    name, label = "role", "Speaker's role"
    lists = (STATEMENTS,)

    def resolve(self, values):
        found = Statement.objects.filter(speaker_role__in=values).values_list("speaker_role", flat=True)
        return {role: role for role in found.distinct().order_by()}

    def filter(self, search, queryset, values):
        return search.by_statements(queryset, Q(speaker_role__in=values))

    def source(self, over):
        roles = Statement.objects.exclude(speaker_role="")
        if over == ARTICLES:
            return FacetSource(roles, "article_id", {"value": "speaker_role"}, [], ["speaker_role"],
                               distinct="article_id")  # fmt: skip
        return FacetSource(roles, "pk", {"value": "speaker_role"}, [], ["speaker_role"])

    def values(self, rows):
        return [(r["value"], r["value"], r["n"]) for r in rows]


# The facets in the order the pages show them.
FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in [
        StatementKindFacet(),  # statement lists only: first there, where half the noise is
        SpeakerKnownFacet(),
        CountryFacet(),
        DatelineFacet(),
        SpeakerFacet(),
        PersonFacet(),
        OrganisationFacet(),
        TagFacet(),
        SourceFacet(),
        YearFacet(),
        MonthFacet(),
        SpeakerCountryFacet(),
        AboutFacet(),
        RoleFacet(),
    ]
}
# Filters by value that pages use as their scope, not shown as facets.
SCOPES: dict[str, Facet] = {}
KEY_PREFIXES = {facet.key_prefix: facet for facet in FACETS.values() if facet.key_prefix}
