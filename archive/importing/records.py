"""What the file side of the importer hands to the pipeline: documents found, and problems met.

Pure Python, no Django. Readers yield `RawDocument` for every story they find and `ReadProblem`
for every file or record they cannot use, so every input gets an outcome and a bad record
never stops the rest of a batch.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from archive.extraction.text import composed


class ReadError(Exception):
    """A whole input cannot be read; `reason` is one line a librarian can understand."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class RawDocument:
    """One story as found in a file, before extraction."""

    text: str  # body paragraphs separated by blank lines; no headline
    title: str = ""
    date: dt.date | None = None  # None when missing or impossible: the pipeline flags it
    date_text: str = ""  # the date as found, for messages ("2022-02-30")
    dateline: str = ""
    source: str = ""
    source_id: str = ""
    url: str = ""
    language: str = ""
    byline: list[str] | str = ""  # names when the format lists them, else the raw byline
    given: dict | None = None  # export keys (GIVEN_KEYS) found in a JSON/CSV record, verbatim
    location: str = ""  # "dump.jsonl:12", "batch.zip!2024/story.xml"
    format: str = ""  # name of the reader
    encoding: str = ""  # how the bytes were decoded ("utf-8", "windows-1252", ...)
    extra: dict = field(default_factory=dict)  # anything else a reader wants to pass on

    def __post_init__(self):
        self.url = web_url(self.url)
        # Stored, indexed and extracted composed (NFC), as searches are typed: see composed()
        self.text, self.title, self.dateline, self.source = map(
            composed, (self.text, self.title, self.dateline, self.source)
        )
        if self.byline:
            self.byline = composed(self.byline) if isinstance(self.byline, str) else list(map(composed, self.byline))


def web_url(text: str | None) -> str:
    """`text` when it is an http(s) address with a host, else "": a file's "javascript:" or "data:"
    link must never become the article's Original URL."""
    text = (text or "").strip()
    parts = urlsplit(text)
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc and not _UNSAFE_URL.search(text) else ""


@dataclass
class ReadProblem:
    """An input (file, archive member, record) that produced no document, and why."""

    location: str
    reason: str  # one line naming the file (and line), e.g. "dump.jsonl:12: not valid JSON (...)"

    def __str__(self) -> str:
        return self.reason


_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f<>\"]")  # control characters, spaces, markup
_ISO_DATE = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])")


def parse_date(text: str | None) -> dt.date | None:
    """The calendar date at the start of `text`, or None when missing or impossible.

    Accepts 2022-01-07, 20220107, ISO date-times (1987-02-26T15:01:01.790, 20040910T120000Z,
    2024-11-21T11:13:20+01:00) and RFC 2822 dates (Fri, 07 Jan 2022 10:00:00 GMT).
    The date is taken as written: no time-zone conversion.
    """
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None  # 2022-02-30
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None
