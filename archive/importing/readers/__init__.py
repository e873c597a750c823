"""Readers, one per input format, registered in READERS (order matters: first match wins).

    from archive.importing.readers import read_input
    for result in read_input("dump.jsonl", open("dump.jsonl", "rb")):
        ...  # RawDocument or ReadProblem

Every reader takes bytes or a binary file object. JSON Lines, CSV and WARC read the file
object as a stream (one record in memory at a time); the others read the whole file.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from ..records import ReadError, ReadProblem
from .base import HEAD_BYTES, Reader, Result, Source
from .csvfile import CsvReader
from .html import HtmlReader
from .jsonfiles import JsonLinesReader, JsonReader
from .text import PlainTextReader, SeedTextReader
from .warc import WarcReader
from .xml import NewsMLReader, NitfReader

__all__ = ["HEAD_BYTES", "READERS", "Reader", "read_input", "reader_for"]

logger = logging.getLogger(__name__)

READERS: list[Reader] = [
    WarcReader(),
    NewsMLReader(),
    NitfReader(),
    HtmlReader(),
    SeedTextReader(),
    JsonLinesReader(),
    JsonReader(),
    CsvReader(),
    PlainTextReader(),
]


def reader_for(name: str, head: bytes) -> Reader | None:
    """The reader for a file: recognised by its first bytes, else by its extension."""
    for reader in READERS:
        if reader.sniff(head, name):
            return reader
    # Longest extension first, so "x.warc.gz" is not taken for something ending in ".gz".
    by_extension = [
        (len(extension), reader)
        for reader in READERS
        for extension in reader.extensions
        if name.lower().endswith("." + extension)
    ]
    return max(by_extension, key=lambda pair: pair[0])[1] if by_extension else None


def read_input(
    item, source: Source | None = None, *, max_page_bytes: int | None = None, size: int | None = None
) -> Iterator[Result]:
    """Every document and problem in one input: `read_input(input_file)` (anything with `name`
    and `open()`, such as files.InputFile) or `read_input(name, bytes_or_binary_file)`.

    Never raises for bad input: one file's trouble becomes a ReadProblem and the caller goes on
    with the next file. A file that yields nothing at all gets a problem too, so every input
    has an outcome. A file of a one-story format (text, HTML, NITF, NewsML: read whole) larger
    than `max_page_bytes` is refused unread.
    """
    if source is None:
        name = item.name
        try:
            stream = item.open()
        except ReadError as error:
            yield ReadProblem(name, f"{name}: {error.reason}")
            return
        with stream:
            yield from read_input(name, stream, max_page_bytes=max_page_bytes, size=getattr(item, "size", None))
        return
    name = item
    if size is None and isinstance(source, bytes | bytearray):
        size = len(source)
    if not isinstance(source, bytes | bytearray) and not hasattr(source, "peek"):
        source = io.BufferedReader(source)  # type: ignore[arg-type]  # to peek at the head
    if isinstance(source, bytes | bytearray):
        head = bytes(source[:HEAD_BYTES])
    else:
        head = source.peek(HEAD_BYTES)[:HEAD_BYTES]
    if not head.strip():
        yield ReadProblem(name, f"{name}: empty file")
        return
    reader = reader_for(name, head)
    if reader is None:
        yield ReadProblem(name, f"{name}: unknown format (not a kind of story file this importer reads)")
        return
    if reader.one_story and max_page_bytes and size is not None and size > max_page_bytes:
        yield ReadProblem(
            name,
            f"{name}: refused: {size:,} bytes is over the limit of {max_page_bytes:,} for one {reader.name} "
            "story (IMPORT_MAX_PAGE_BYTES)",
        )
        return
    produced = False
    try:
        for result in reader.read(source, name):
            produced = True
            yield result
    except ReadError as error:
        produced = True
        yield ReadProblem(name, f"{name}: {error.reason}")
    except Exception as error:
        # A reader bug or a hostile file must not stop a batch of thousands: log it, report it.
        logger.exception("reading %s failed", name)
        produced = True
        reason = f"could not be read as {reader.name} ({type(error).__name__}: {error})"
        yield ReadProblem(name, f"{name}: {reason}")
    if not produced:
        yield ReadProblem(name, f"{name}: no stories found")
