"""Turning the bytes of a text file into text, saying which encoding was used.

Order: a UTF-8 byte-order mark, a UTF-16 byte-order mark (LE or BE), strict UTF-8, and finally
Windows-1252 (a superset of Latin-1 for printable text, so old wire files and Word exports still
read). Binary and empty input are refused with a ReadError rather than turned into mojibake.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import BinaryIO

from .records import ReadError

UTF8 = "utf-8"
UTF8_BOM = "utf-8 (with BOM)"
UTF16_LE = "utf-16-le (with BOM)"
UTF16_BE = "utf-16-be (with BOM)"
WINDOWS_1252 = "windows-1252"

# How much of the input decides whether it is text at all.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, carriage return, form feed) above which
# the input is taken for binary.
MAX_CONTROL_SHARE = 0.05

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", UTF8_BOM),
    (codecs.BOM_UTF16_LE, "utf-16-le", UTF16_LE),
    (codecs.BOM_UTF16_BE, "utf-16-be", UTF16_BE),
)


def bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    """(Python codec, name to report, BOM length) when `data` starts with a byte-order mark."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return codec, label, len(bom)
    return None


def decode(data: bytes, *, declared: str | None = None, lenient_bom: bool = False) -> tuple[str, str]:
    """(text, encoding used): a byte-order mark, then strict UTF-8, then the charset the file
    `declared` (if any), then Windows-1252. Raises ReadError for empty or binary input, and for
    text that contradicts its byte-order mark unless `lenient_bom` (then the bad bytes become U+FFFD).

    UTF-8 is tried before a declaration because pages saved by browsers are often re-encoded as
    UTF-8 but keep their old declaration; bytes that are valid UTF-8 almost never are not."""
    if not data.strip():
        raise ReadError("empty file")
    found = bom_encoding(data)
    if found:
        codec, label, skip = found
        try:
            text = data[skip:].decode(codec, errors="replace" if lenient_bom else "strict")
        except UnicodeDecodeError as error:
            raise ReadError(f"starts with a {label} byte-order mark but is not {codec}: {error}") from None
        check_text(text)
        return text, label
    check_bytes(data)
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # unknown or wrong declaration: fall back
    # Windows-1252 leaves five bytes unassigned; they become U+FFFD rather than failing.
    return data.decode("cp1252", errors="replace"), WINDOWS_1252


def check_bytes(head: bytes) -> None:
    """Refuse what looks binary: NUL bytes (which no 8-bit text has) or many control bytes."""
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise ReadError("binary file (contains NUL bytes), not text")
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise ReadError("binary file (mostly control bytes), not text")


def check_text(text: str) -> None:
    """Same test after decoding (for UTF-16, where NUL bytes are normal)."""
    if not text.strip():
        raise ReadError("empty file")
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\f\r")
    if controls / len(sample) > MAX_CONTROL_SHARE:
        raise ReadError("binary file (mostly control characters), not text")


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, str, str]]:
    """(line number from 1, line with its ending, encoding) for each line of a text stream.

    For JSON Lines and CSV: one line in memory at a time. Each line is decoded on its own, so a
    single Windows-1252 line in a UTF-8 dump is reported as such and does not spoil the rest.
    Raises ReadError (before yielding anything) for empty or binary input.
    """
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if not head.strip():
        raise ReadError("empty file")
    found = bom_encoding(head)
    if found and found[0].startswith("utf-16"):
        codec, label, _ = found
        text = io.TextIOWrapper(buffered, encoding="utf-16", newline="")  # the codec eats the BOM
        check_text(head[2:].decode(codec, errors="replace"))
        for number, line in enumerate(text, start=1):
            yield number, line, label
        return
    check_bytes(head)
    for number, raw in enumerate(buffered, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            line, encoding = raw.decode("utf-8"), UTF8
        except UnicodeDecodeError:
            line, encoding = raw.decode("cp1252", errors="replace"), WINDOWS_1252
        yield number, line, encoding
