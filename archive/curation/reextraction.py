"""Re-extraction: stored articles run through the (improved) rules again, editors' work kept."""

from __future__ import annotations

from django.db import transaction

from archive.extraction import extract
from archive.importing.writer import ExtractionWriter
from archive.models import Article


def reextract(article: Article, writer=None):
    """Run extraction again on a stored article and rewrite its extracted rows, keeping every
    editor's correction and removal. Returns the extraction."""

    writer = writer or ExtractionWriter()
    extraction = extract(
        article.body,
        title=article.title or None,
        date=article.published_on,
        dateline=article.dateline or None,
        source=article.source.name if article.source_id else None,
        language=article.language,
    )
    with transaction.atomic():
        writer.replace(article, extraction)
    return extraction
