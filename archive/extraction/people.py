"""People mentioned in a story, with their roles."""

from __future__ import annotations

from .model import Document, OrganisationMention, PersonMention


def find_people(document: Document, organisations: list[OrganisationMention]) -> list[PersonMention]:
    return []
