"""The facets of the result lists, one class per kind, and the registry of them (`FACETS`).

A facet kind owns everything that depends on it: its URL parameter and label, which values are
valid (`resolve`), how it narrows the articles or statements (`filter`), where it counts
(`source`: the rows, grouping and labels, for article and statement lists alike), how a counted
row reads (`values`), its prefix in the facet-keys table (schema/facet_keys.py) and the shape of
a row counted there (`key_row`). Adding a facet is one class (base.py says what a kind is;
articles.py and statements.py hold them) and one line in `FACETS` below; the
search lists (filtersets.py), the counting (counting.py, facet_keys.py) and the page's links
(page_state.py) only loop over the registry.
"""

from __future__ import annotations

from .articles import (
    CountryFacet,
    DatelineFacet,
    MonthFacet,
    OrganisationFacet,
    PersonFacet,
    SourceFacet,
    SpeakerFacet,
    TagFacet,
    YearFacet,
)
from .base import ARTICLES, COUNTRY_LABELS, STATEMENTS, Facet, LinkFacet, numbers, organisation_label, resolve_countries
from .languages import LanguageFacet
from .statements import AboutFacet, RoleFacet, SpeakerCountryFacet, SpeakerKnownFacet, StatementKindFacet

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
        LanguageFacet(),
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

__all__ = [
    "ARTICLES",
    "COUNTRY_LABELS",
    "FACETS",
    "KEY_PREFIXES",
    "SCOPES",
    "STATEMENTS",
    "Facet",
    "LinkFacet",
    "numbers",
    "organisation_label",
    "resolve_countries",
]
