"""Datelines of French, Spanish and German agency stories (issue 19): the place, the day and month,
and the agency that sent the story, as AFP, EFE and dpa print them:

    PARIS, 12 mars (AFP) - …          MADRID, 3 Mar (EFE).- …          Berlin, 12. März (dpa) - …
    Berlin (dpa) - …                  BUENOS AIRES, 14 feb (EFE).- …   Paris/Berlin (Reuters) – …

The shared document parser (document.py) reads English datelines ("TOKYO, March 3 (Reuters) - ");
this reads the other languages' month names and punctuation, for their stories only. Without a
date or an agency, only a place in capitals is a dateline ("LIMA - "), or a short place before a
dash, as the wires write their own city ("Genf – Die Vereinten Nationen …").
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Dateline
from .lexicon import DATA_DIR


@cache
def _months(language: str) -> dict[str, int]:
    months: dict[str, int] = {}
    path = DATA_DIR / language / "months.txt"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for number, line in enumerate(lines, start=1):
        for form in line.split("|"):
            months[form.lower()] = number
    return months


@cache
def _dateline_re(language: str) -> re.Pattern:
    months = "|".join(re.escape(m) for m in sorted(_months(language), key=len, reverse=True))
    return re.compile(
        r"(?P<place>[^\W\d_][^\W\d_'’ ./-]*(?:[ /-]{1,3}[^\W\d_][\w'’.-]*){0,3}?)"
        rf"(?:,\s*(?P<day>\d{{1,2}})\.?\s+(?P<month>(?i:{months}))\.?(?:\s+\d{{4}})?)?"
        r"(?:\s*\((?P<source>[^()\n]{1,40})\))?"
        r"\s*\.?\s*[-–—]+\s+"
    )


def parse_dateline(language: str, paragraph: str) -> Dateline | None:
    """The dateline opening a story's first paragraph in this language, or None."""
    match = _dateline_re(language).match(paragraph)
    if match is None:
        return None
    place = match.group("place").strip()
    dated, credited = match.group("month") is not None, match.group("source") is not None
    if not (dated or credited) and len(place.split()) > 3:
        return None  # "Die Regierung erklärte am Montag - …" is no dateline
    month = _months(language)[match.group("month").lower()] if dated else None
    day = int(match.group("day")) if dated else None
    source = (match.group("source") or "").split("/")[0].strip()
    places = tuple(p.strip() for p in place.split("/") if p.strip())
    return Dateline(place, places, source, month, day, match.end())
