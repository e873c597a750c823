"""The browse pages' lists of people, organisations and countries: a name filter, a country facet
(people and organisations), sorted by name or by how many statements or articles each has.

The counts are correlated subqueries on the indexed link columns, one per listed kind of count, so
no join multiplies rows; the page's rows, its count and the country facet are one query each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from archive.models import ArticleCountry, ArticleOrganisation, ArticlePerson, Country, Organisation, Person, Statement

SORTS = {"name": "name", "statements": "most statements", "articles": "most articles"}
MAX_FILTER_CHARS = 100


def counted(rows: QuerySet, link: str) -> Coalesce:
    """How many of `rows` point at the outer record through `link`: a subquery, 0 when none."""
    counting = rows.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counting, output_field=IntegerField()), Value(0))


@dataclass
class Kind:
    """One kind of record that can be browsed."""

    name: str  # in the URL
    noun: str
    plural: str
    model: type
    statements: object  # an expression counting its statements
    articles: object
    has_country_facet: bool = True
    related: list[str] = field(default_factory=list)

    def rows(self) -> QuerySet:
        return self.model.objects.select_related(*self.related)


def country_statements() -> Coalesce:
    """Statements by speakers of a country (people or organisations of it)."""
    by_people = counted(Statement.objects.filter(speaker_person__isnull=False), "speaker_person__country")
    by_organisations = counted(
        Statement.objects.filter(speaker_organisation__isnull=False), "speaker_organisation__country"
    )
    return by_people + by_organisations


KINDS = {
    "people": Kind("people", "person", "people", Person, counted(Statement.objects.all(), "speaker_person"),
                   counted(ArticlePerson.objects.all(), "person"), related=["country"]),
    "organisations": Kind("organisations", "organisation", "organisations", Organisation,
                          counted(Statement.objects.all(), "speaker_organisation"),
                          counted(ArticleOrganisation.objects.all(), "organisation"), related=["country"]),
    "countries": Kind("countries", "country", "countries", Country, country_statements(),
                      counted(ArticleCountry.objects.all(), "country"), has_country_facet=False),
}  # fmt: skip


@dataclass
class Directory:
    """One browse page's list: `kind`, filtered by `text` (in the name) and `country`, in `sort` order."""

    kind: Kind
    text: str = ""
    country: str = ""
    sort: str = "articles"
    hints: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, kind: Kind, data) -> Directory:
        directory = cls(kind)
        directory.text = "".join(ch for ch in (data.get("q") or "") if ch.isprintable()).strip()[:MAX_FILTER_CHARS]
        sort = data.get("sort") or "articles"
        if sort not in SORTS:
            directory.hints.append(f"Ignored the sort {sort[:30]!r}: sort by name, statements or articles.")
            sort = "articles"
        directory.sort = sort
        country = (data.get("country") or "").upper()
        if country and kind.has_country_facet:
            if Country.objects.filter(code=country).exists():
                directory.country = country
            else:
                directory.hints.append(f"Ignored the country {country[:30]!r}: not in the archive.")
        return directory

    def filtered(self) -> QuerySet:
        rows = self.kind.rows()
        if self.text:
            rows = rows.filter(Q(name__icontains=self.text) | self._other_names())
        return rows

    def _other_names(self) -> Q:
        if self.kind.model is Person:
            return Q(alternative_names__icontains=self.text)
        if self.kind.model is Organisation:
            return Q(abbreviation__iexact=self.text) | Q(alternative_names__icontains=self.text)
        return Q(code__iexact=self.text) | Q(official_name__icontains=self.text)

    def listing(self) -> QuerySet:
        """The page's records with their counts, in order."""
        rows = self.filtered()
        if self.country:
            rows = rows.filter(country_id=self.country)
        rows = rows.annotate(statement_count=self.kind.statements, article_count=self.kind.articles)
        if self.sort == "name":
            return rows.order_by("name", "pk")
        first = "statement_count" if self.sort == "statements" else "article_count"
        other = "article_count" if self.sort == "statements" else "statement_count"
        return rows.order_by(f"-{first}", f"-{other}", "name", "pk")

    def countries(self, limit: int = 30) -> list[dict]:
        """The country facet: how many of the (name-filtered) records belong to each country."""
        if not self.kind.has_country_facet:
            return []
        rows = (
            self.filtered()
            .filter(country__isnull=False)
            .values("country_id", "country__name")
            .annotate(n=Count("*"))
            .order_by("-n", "country__name")
        )
        values = list(rows[:limit])
        if self.country and all(row["country_id"] != self.country for row in values):
            values.insert(0, {"country_id": self.country, "country__name": Country.objects.get(pk=self.country).name,
                              "n": 0})  # fmt: skip
        return values
