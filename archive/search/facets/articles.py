"""The facets of an article: what it mentions (countries, people, organisations), its tags,
source and date, and who speaks in it. Statement lists count them through the statement's article."""

from __future__ import annotations

import operator
from functools import reduce

from django.db.models import Count, Q

from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Organisation,
    Person,
    Source,
    Statement,
    Tag,
    Tagging,
)
from archive.public.reader_formats import month_name

from ..sources import FacetSource, Label, MonthOf, YearOf
from ..speakers import Speaker
from .base import ARTICLES, COUNTRY_LABELS, Facet, LinkFacet, numbers, organisation_label, resolve_countries


class CountryFacet(LinkFacet):
    name, label, key_prefix = "country", "Country mentioned", "c"
    link_model, related, value_field, lookup, label_path = (
        ArticleCountry,
        "articlecountry",
        "country_id",
        "country_id",
        "country__name",
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
        ArticlePerson,
        "articleperson",
        "person_id",
        "person_id",
        "person__name",
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
        ArticleOrganisation,
        "articleorganisation",
        "organisation_id",
        "organisation_id",
        "organisation__name",
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
        return {value: month_name(number) for value, number in numbers(values, 1, 12).items()}

    def filter(self, search, queryset, values):
        months = [int(v) for v in values]
        return search.by_article_fields(
            queryset, lambda articles: articles.alias(_month=MonthOf("published_on")).filter(_month__in=months)
        )

    def is_shown(self, search, chosen):
        return len(chosen.get("year") or []) == 1  # months are offered within one chosen year

    def values(self, rows):
        return [(str(r["value"]), month_name(r["value"], short=True), r["n"]) for r in rows]
