"""Plain text stories: the seed format (a ` date YYYY-MM-DD ` first line) and ordinary .txt."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..encoding import decode
from ..records import RawDocument, ReadError, parse_date
from .base import Reader, Result, Source, as_bytes, body_text, collapse, head_text, paragraphs

# " date 2022-01-07 " (the value may be missing or impossible; the pipeline flags that)
SEED_DATE_LINE = re.compile(r"^[ \t]*date(?:[ \t]+(?P<date>\S*))?[ \t]*$")


def is_headline(line: str) -> bool:
    """A wire headline: one short line in capitals ("ECONOMIC SPOTLIGHT - U.S. DEFICIT WITH NICs")."""
    letters = [char for char in line if char.isalpha()]
    capitals = sum(1 for char in letters if char.isupper())
    return bool(letters) and capitals >= 0.8 * len(letters) and len(line) <= 200


class SeedTextReader(Reader):
    name = "seed-text"
    one_story = True
    extensions = ()  # recognised by its first line only; other .txt files are plain text

    def sniff(self, head: bytes, name: str) -> bool:
        first_line = head_text(head, 200).split("\n", 1)[0].rstrip("\r")
        return bool(SEED_DATE_LINE.match(first_line))

    def read(self, source: Source, name: str) -> Iterator[Result]:
        text, encoding = decode(as_bytes(source))
        first_line, _, rest = text.partition("\n")
        match = SEED_DATE_LINE.match(first_line.rstrip("\r"))
        if not match:
            raise ReadError("first line is not a ' date YYYY-MM-DD ' line")
        date_text = match.group("date") or ""
        found = paragraphs(rest)
        title = ""
        if len(found) > 1 and "\n" not in found[0] and is_headline(found[0]):
            title = found.pop(0)
        if not found:
            raise ReadError("no story text after the date line")
        yield RawDocument(
            text=body_text(found),
            title=title,
            date=parse_date(date_text),
            date_text=date_text,
            location=name,
            format=self.name,
            encoding=encoding,
        )


class PlainTextReader(Reader):
    """Any other text file: the first non-empty line is the title, the rest the story."""

    name = "text"
    one_story = True
    extensions = ("txt", "text")

    def read(self, source: Source, name: str) -> Iterator[Result]:
        text, encoding = decode(as_bytes(source))
        found = paragraphs(text)
        lines = text.strip().splitlines()
        title = collapse(lines[0]) if lines else ""
        # The title is the first line, not the first paragraph: drop just that line.
        first = found[0]
        rest_of_first = first[len(title) :].strip() if first.startswith(title) else first
        body = ([rest_of_first] if rest_of_first else []) + found[1:]
        if not body:
            raise ReadError("only one line of text: no story below the title")
        yield RawDocument(
            text=body_text(body),
            title=title,
            location=name,
            format=self.name,
            encoding=encoding,
        )
