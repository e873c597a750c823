"""Statements: direct and reported speech, attributed to a speaker or honestly left unresolved."""

from __future__ import annotations

from .model import Document, OrganisationMention, PersonMention, StatementMention


def find_statements(
    document: Document, people: list[PersonMention], organisations: list[OrganisationMention]
) -> list[StatementMention]:
    return []
