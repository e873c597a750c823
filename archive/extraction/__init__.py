"""Extraction: the text of a story in, plain dataclasses out. Pure Python, no Django.

    from archive.extraction import extract
    result = extract(text, date=..., title=..., source=...)
"""

from __future__ import annotations

import datetime as dt

from .countries import country_spans, find_countries
from .document import parse_document
from .model import (
    DIRECT,
    INDIRECT,
    CountryMention,
    Credits,
    Document,
    Extraction,
    OrganisationMention,
    PersonMention,
    Span,
    StatementMention,
)
from .organisations import find_organisations
from .people import find_people
from .relations import annotate
from .statements import find_statements

__all__ = [
    "DIRECT",
    "INDIRECT",
    "CountryMention",
    "Credits",
    "Document",
    "Extraction",
    "OrganisationMention",
    "PersonMention",
    "Span",
    "StatementMention",
    "extract",
]


def extract(
    text: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    dateline: str | None = None,
    source: str | None = None,
) -> Extraction:
    """Extract everything from the text of one story.

    `text` is the story as the reader found it (the seed format's date line already removed);
    the keyword arguments are metadata the file gave explicitly, which win over what the text says.
    """
    document = parse_document(text, title=title, date=date, dateline=dateline, source=source)
    organisations = find_organisations(document)
    spans = country_spans(document)  # one scan for the story's countries and what each statement is about
    countries = find_countries(document, spans)
    people = find_people(document, organisations)
    statements = find_statements(document, people, organisations)
    extraction = Extraction(document, countries, people, organisations, statements)
    annotate(extraction, spans)
    return extraction
