"""Organisations mentioned in a story."""

from __future__ import annotations

from .model import Document, OrganisationMention


def find_organisations(document: Document) -> list[OrganisationMention]:
    return []


REUTERS_CODES: dict[str, str] = {}
