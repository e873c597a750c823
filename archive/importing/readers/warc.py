"""Web archives (.warc, .warc.gz): every HTML response record goes through the HTML reader."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from ..records import ReadError, ReadProblem, parse_date
from .base import Reader, Result, Source, as_stream
from .html import decode_html, document_from_html

HTML_TYPES = ("text/html", "application/xhtml+xml")


def starts_like_warc(head: bytes) -> bool:
    if head.startswith(b"\x1f\x8b"):  # per-record gzip: look inside the first member
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


class WarcReader(Reader):
    """Streams the archive record by record (warcio); one page in memory at a time.

    Locations are "crawl.warc.gz#http://example.com/" (the record's target URI); the date is the
    record's WARC-Date.
    """

    name = "warc"
    extensions = ("warc", "warc.gz")

    def sniff(self, head: bytes, name: str) -> bool:
        return starts_like_warc(head)

    def read(self, source: Source, name: str) -> Iterator[Result]:
        try:
            from warcio.archiveiterator import ArchiveIterator
            from warcio.exceptions import ArchiveLoadFailed
        except ImportError:
            raise ReadError("cannot read WARC files: the warcio package is not installed") from None
        pages = 0
        records = 0
        try:
            for record in ArchiveIterator(as_stream(source)):
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(HTML_TYPES):
                    continue
                pages += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                location = f"{name}#{url or records}"
                try:
                    html, encoding = decode_html(record.content_stream().read())
                    document = document_from_html(html, location=location, encoding=encoding, format=self.name, url=url)
                    # The date the record states, not one guessed from the page (a link's
                    # "...-20170111.pdf" is no date of the story).
                    captured = record.rec_headers.get_header("WARC-Date") or ""
                    if parse_date(captured):
                        document.date, document.date_text = parse_date(captured), captured
                    yield document
                except ReadError as error:
                    yield ReadProblem(location, f"{location}: {error.reason}")
        except (ArchiveLoadFailed, zlib.error, EOFError, OSError) as error:
            raise ReadError(f"not a readable WARC file after {records} record(s): {error}") from None
        if not pages:
            raise ReadError(f"no HTML pages among the {records} WARC record(s)")
