"""What every reader has, and small text helpers they share."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..encoding import bom_encoding
from ..records import RawDocument, ReadProblem

# A reader takes the whole file as bytes, or a binary file object it may read as a stream.
Source = bytes | BinaryIO
Result = RawDocument | ReadProblem

HEAD_BYTES = 8192  # how much of a file `sniff` gets to see


class Reader:
    """One input format. Subclasses set `name` and `extensions` and implement `read`.

    `sniff` recognises the format from the first bytes (content wins over the file name);
    `extensions` is the fallback when content says nothing (lower case, no dot).
    `one_story` formats are read whole (a story cannot be extracted in pieces).
    `read` yields a RawDocument per story and a ReadProblem per unusable record; it raises
    ReadError when the whole file is unusable (the caller turns that into one problem).
    """

    name = ""
    extensions: tuple[str, ...] = ()
    # A file of this format holds one story (or one item) and is read whole: read_input refuses
    # it unread when larger than its `max_page_bytes`.
    one_story = False

    def sniff(self, head: bytes, name: str) -> bool:
        return False

    def has_extension(self, name: str) -> bool:
        lower = name.lower()
        return any(lower.endswith("." + extension) for extension in self.extensions)

    def read(self, source: Source, name: str) -> Iterator[Result]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def as_bytes(source: Source) -> bytes:
    return source if isinstance(source, bytes | bytearray) else source.read()


def as_stream(source: Source) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes | bytearray) else source


def head_text(head: bytes, limit: int = 4096) -> str:
    """The start of a file as text, good enough for recognising it (never raises)."""
    found = bom_encoding(head)
    if found:
        codec, _, skip = found
        return head[skip:limit].decode(codec, errors="replace")
    return head[:limit].decode("utf-8", errors="replace")


def collapse(text: str | None) -> str:
    """Whitespace runs to one space, ends trimmed."""
    return " ".join(text.split()) if text else ""


def paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text, each on one line.

    Paragraphs are separated by blank lines or, as on the 1980s wire (no blank lines), by an
    indented first line. Wrapped lines are joined with a space, or without one after a hyphen
    (as the corpus files were prepared).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found: list[str] = []
    for block in re.split(r"\n[ \t\f\v]*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        # When every line is indented the indentation means nothing.
        indent_marks_paragraphs = any(not line[:1].isspace() for line in lines)
        current: list[str] = []
        if found and lines and _SENTENCE_GOES_ON_RE.search(found[-1]) and lines[0].lstrip()[:1].islower():
            current.append(found.pop())  # "said a sharp\n\nrise in its share price": a stray blank line
        for line in lines:
            if current and indent_marks_paragraphs and line[:1].isspace():
                found.append(join_wrapped(current))
                current = []
            current.append(line.strip())
        if current:
            found.append(join_wrapped(current))
    return found


# The end of a paragraph whose sentence goes on: no closing punctuation.
_SENTENCE_GOES_ON_RE = re.compile(r"[^.!?:;\"”’')\]]$")


def join_wrapped(lines: list[str]) -> str:
    joined = ""
    for line in lines:
        if not joined:
            joined = line
        elif joined.endswith("-") and joined[-2:-1].isalpha():  # "U.S.-\nSoviet", not "rain --"
            joined += line
        else:
            joined += " " + line
    return collapse(joined)


def body_text(paragraph_list: list[str]) -> str:
    return "\n\n".join(p for p in paragraph_list if p)
