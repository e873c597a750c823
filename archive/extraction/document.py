"""Structure of a story: title, date, dateline, source, paragraphs, credits."""

from __future__ import annotations

import datetime as dt

from .model import Credits, Document


def parse_document(
    text: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    dateline: str | None = None,
    source: str | None = None,
) -> Document:
    # Placeholder until the extraction issue lands: paragraphs only.
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Document(
        title=title or (paragraphs[0][:80] if paragraphs else ""),
        date=date,
        date_flagged=date is None,
        dateline=dateline or "",
        dateline_places=[],
        source=source or "",
        paragraphs=paragraphs,
        credits=Credits(),
    )
