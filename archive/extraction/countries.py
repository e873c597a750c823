"""Countries mentioned in a story (names, short forms, demonyms, capitals, historic states)."""

from __future__ import annotations

from .model import CountryMention, Document


def find_countries(document: Document) -> list[CountryMention]:
    return []


def country_for_word(word: str) -> str | None:
    """ISO code for a country name, short form or demonym ("Japanese" -> "JP"), else None."""
    return None
