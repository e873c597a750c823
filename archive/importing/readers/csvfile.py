"""CSV (or tab/semicolon separated) files with a header row, streamed row by row."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from ..encoding import iter_lines
from ..records import ReadError, ReadProblem
from .base import Reader, Result, Source, as_stream
from .fields import ALIASES, document_from_record

# A story body easily passes csv's default 128 KB field limit.
csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))


class CsvReader(Reader):
    """Needs a `body` (or `text`) column and at least one of `title` and `date`.

    Locations are "stories.csv:12", the line where the row starts (a quoted body may span lines).
    Reads a file object line by line, so memory holds one row at a time.
    """

    name = "csv"
    extensions = ("csv", "tsv")

    def read(self, source: Source, name: str) -> Iterator[Result]:
        lines = LineTracker(iter_lines(as_stream(source)))
        first = lines.peek_first()
        delimiter = max((",", ";", "\t"), key=first.count)
        rows = csv.reader(lines, delimiter=delimiter)
        try:
            header = [column.strip().lower() for column in next(rows)]
        except StopIteration:
            raise ReadError("empty file") from None
        check_columns(header)
        found_any = False
        while True:
            start = lines.number + 1
            lines.encodings.clear()
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as error:
                yield ReadProblem(f"{name}:{start}", f"{name}:{start}: not valid CSV ({error})")
                continue
            if not any(cell.strip() for cell in row):
                continue  # blank line
            found_any = True
            location = f"{name}:{start}"
            if len(row) != len(header):
                yield ReadProblem(location, f"{location}: {len(row)} fields, but the header has {len(header)}")
                continue
            encoding = "windows-1252" if "windows-1252" in lines.encodings else lines.first_encoding
            record = {column: cell for column, cell in zip(header, row, strict=True) if column}
            yield document_from_record(record, location=location, format=self.name, encoding=encoding, json_cells=True)
        if not found_any:
            raise ReadError("no rows below the header")


def check_columns(header: list[str]) -> None:
    has = set(header)
    missing = []
    if not has & set(ALIASES["body"]):
        missing.append("body")
    if not has & (set(ALIASES["title"]) | set(ALIASES["date"])):
        missing.append("title or date")
    if missing:
        found = ", ".join(column for column in header if column) or "none"
        raise ReadError(f"CSV header lacks the column(s) {' and '.join(missing)} (found: {found})")


class LineTracker:
    """Feeds decoded lines to csv.reader, remembering line numbers and encodings used."""

    def __init__(self, numbered_lines: Iterator[tuple[int, str, str]]):
        self._lines = numbered_lines
        self._first: tuple[int, str, str] | None = None
        self.number = 0
        self.encodings: set[str] = set()
        self.first_encoding = "utf-8"

    def peek_first(self) -> str:
        self._first = next(self._lines, None)
        if self._first is None:
            raise ReadError("empty file")
        self.first_encoding = self._first[2]
        return self._first[1]

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._first is not None:
            item, self._first = self._first, None
        else:
            item = next(self._lines)
        self.number, line, encoding = item
        self.encodings.add(encoding)
        return line
