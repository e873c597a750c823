"""The field prefixes (speaker:, country:, person:, org:, tag:, role:) as plain ORM filters.

Each value must match (like words); a value that names nothing gives no results. Names match on
the folded key (no diacritics, any case), so person:"sao paulo" finds "São Paulo" too.
"""

from __future__ import annotations

from django.db.models import Q

from archive.models import (
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    Organisation,
    Person,
    Statement,
    Tagging,
    name_key,
)

from .query import Query


def apply_field_filters(articles, query: Query):
    """Articles narrowed by every prefix of the query."""
    for prefix, values in query.fields.items():
        for value in values:
            articles = articles.filter(pk__in=_article_ids(prefix, value))
    return articles


def apply_statement_field_filters(statements, query: Query):
    """Statements narrowed: speaker: and role: by the statement's speaker, the others by its article."""
    for prefix, values in query.fields.items():
        for value in values:
            if prefix in STATEMENT_FIELDS:
                statements = statements.filter(STATEMENT_FIELDS[prefix](value))
            else:
                statements = statements.filter(article__in=_article_ids(prefix, value))
    return statements


def _article_ids(prefix: str, value: str):
    if prefix == "country":
        return ArticleCountry.objects.filter(country__in=matching_countries(value)).values("article")
    if prefix == "person":
        return ArticlePerson.objects.filter(person__in=matching_people(value)).values("article")
    if prefix == "org":
        return ArticleOrganisation.objects.filter(organisation__in=matching_organisations(value)).values("article")
    if prefix == "tag":
        return Tagging.objects.filter(Q(tag__slug__iexact=value) | Q(tag__name__iexact=value)).values("article")
    if prefix in STATEMENT_FIELDS:
        return Statement.objects.filter(STATEMENT_FIELDS[prefix](value)).values("article")
    raise ValueError(f"unknown field prefix {prefix!r}")


def matching_countries(value: str):
    """By ISO code (JP) or by name, common or official, any case."""
    if len(value) == 2 and value.isascii():
        return Country.objects.filter(code=value.upper())
    return Country.objects.filter(Q(name__iexact=value) | Q(official_name__iexact=value))


def matching_people(value: str):
    """People whose name contains the words, in order (person:baker finds James Baker)."""
    key = name_key(value)
    return Person.objects.filter(Q(key__contains=key) | Q(alternative_names__icontains=value))


def matching_organisations(value: str):
    key = name_key(value)
    return Organisation.objects.filter(
        Q(key__startswith=key)
        | Q(key__contains=" " + key)
        | Q(abbreviation__iexact=value)
        | Q(alternative_names__icontains=value)
    )


def _speaker_q(value: str) -> Q:
    return (
        Q(speaker_person__in=matching_people(value))
        | Q(speaker_organisation__in=matching_organisations(value))
        | Q(speaker_label__icontains=value)
    )


def _role_q(value: str) -> Q:
    """role:minister, role:"trade representative": words in the speaker's role at the article's date."""
    return Q(speaker_role__icontains=" ".join(value.split()))


# The prefixes that say something of the statement itself (its speaker), not of its article.
STATEMENT_FIELDS = {"speaker": _speaker_q, "role": _role_q}
