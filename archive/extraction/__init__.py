"""Extraction: the text of a story in, plain dataclasses out. Pure Python, no Django.

from archive.extraction import extract
result = extract(text, date=..., title=..., source=...)
"""

from __future__ import annotations

import datetime as dt

from . import languages
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
from .organisations import add_speaking_bodies, find_organisations
from .people import find_people, readable_paragraphs
from .relations import annotate
from .statements import find_statements
from .text import composed

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
    language: str | None = None,
) -> Extraction:
    """Extract everything from the text of one story.

    `text` is the story as the reader found it (the seed format's date line already removed);
    the keyword arguments are metadata the file gave explicitly, which win over what the text says.
    `language` (ISO 639-1, e.g. "fr"): French, Spanish and German stories are read with their own
    words (languages/); any other language, or none, the English way. Text in decomposed Unicode
    ("e" + a combining accent) is read composed (NFC), as the importer stores it: the offsets are
    those of the composed text.
    """
    text, title, dateline, source = (composed(value) if value else value for value in (text, title, dateline, source))
    document = parse_document(text, title=title, date=date, dateline=dateline, source=source)
    if languages.base_language(language) in languages.LANGUAGES:
        code = languages.base_language(language)
        countries, people, organisations, statements = languages.extract_parts(code, document)
        organisations = add_speaking_bodies(document, organisations, statements)
        extraction = Extraction(document, countries, people, organisations, statements)
        languages.annotate(extraction, code)
        return extraction
    organisations = find_organisations(document)
    spans = country_spans(document)  # one scan for the story's countries and what each statement is about
    countries = find_countries(document, spans)
    paragraphs = readable_paragraphs(document)  # read by people and statements alike: built once
    people = find_people(document, organisations, paragraphs)
    statements = find_statements(document, people, organisations, paragraphs)
    # Every speaking body is one of the story's organisations: the archive links speakers only there.
    organisations = add_speaking_bodies(document, organisations, statements)
    extraction = Extraction(document, countries, people, organisations, statements)
    annotate(extraction, spans)
    return extraction
