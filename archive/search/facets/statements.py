"""The facets of a statement itself: direct or reported, whether its speaker is known, the
speaker's country and role, and the countries it is about. Shown on statement lists."""

from __future__ import annotations

from django.db.models import Case, Count, Q, Value, When

from archive.models import (
    Statement,
    StatementCountry,
)

from ..sources import FacetSource
from .base import ARTICLES, COUNTRY_LABELS, STATEMENTS, Facet, resolve_countries


class StatementKindFacet(Facet):
    """Direct quote or reported speech: statement lists only."""

    name, label, key_prefix = "kind", "Kind of statement", "k"
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

    name, label, key_prefix = "speaker_known", "Speaker known", "sk"
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

    name, label, key_prefix = "speaker_country", "Speaker's country", "sc"
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

    name, label, key_prefix = "about", "Country spoken about", "a"
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

    name, label, key_prefix = "role", "Speaker's role", "r"
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
