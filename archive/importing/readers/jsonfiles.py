"""JSON Lines dumps (one story per line, streamed) and JSON files (an object or a list of them)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..encoding import decode, iter_lines
from ..records import ReadError, ReadProblem
from .base import Reader, Result, Source, as_bytes, as_stream, head_text
from .fields import document_from_record, kind

JSON_LINES_EXTENSIONS = ("jsonl", "ndjson", "jsonlines")


class JsonLinesReader(Reader):
    """Streams: reads one line at a time from a file object, so a 30 MB dump stays small in memory.

    Locations are "dump.jsonl:12" (line numbers from 1). A bad line is a problem; the rest go on.
    """

    name = "jsonl"
    extensions = JSON_LINES_EXTENSIONS

    def sniff(self, head: bytes, name: str) -> bool:
        if self.has_extension(name):
            return True  # a first record longer than the head cannot be checked by content
        lines = [line.strip() for line in head_text(head).splitlines() if line.strip()]
        if len(lines) < 2 or not lines[1].startswith("{"):
            return False
        try:
            return isinstance(json.loads(lines[0]), dict)
        except json.JSONDecodeError:
            return False

    def read(self, source: Source, name: str) -> Iterator[Result]:
        found_any = False
        for number, line, encoding in iter_lines(as_stream(source)):
            if not line.strip():
                continue
            found_any = True
            location = f"{name}:{number}"
            try:
                record = json.loads(line.strip())
            except json.JSONDecodeError as error:
                yield ReadProblem(location, f"{location}: not valid JSON ({error.msg} at column {error.colno})")
                continue
            yield document_from_record(record, location=location, format=self.name, encoding=encoding)
        if not found_any:
            raise ReadError("empty file")


class JsonReader(Reader):
    """A JSON file: one story object, a list of them, or an object holding one such list.

    Reads the whole file; big dumps should come as JSON Lines. Locations: "stories.json#3".
    """

    name = "json"
    extensions = ("json",)

    def sniff(self, head: bytes, name: str) -> bool:
        if any(name.lower().endswith("." + ext) for ext in JSON_LINES_EXTENSIONS):
            return False
        return head_text(head).lstrip()[:1] in ("{", "[")

    def read(self, source: Source, name: str) -> Iterator[Result]:
        text, encoding = decode(as_bytes(source))
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise ReadError(f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
        records = story_list(value)
        if records is None:
            yield document_from_record(value, location=name, format=self.name, encoding=encoding)
            return
        if not records:
            raise ReadError("no stories: the JSON list is empty")
        for number, record in enumerate(records, start=1):
            location = f"{name}#{number}"
            yield document_from_record(record, location=location, format=self.name, encoding=encoding)


def story_list(value: object) -> list | None:
    """The list of records in `value`, or None when `value` is a single record."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and "body" not in value and "text" not in value:
        lists = [item for item in value.values() if isinstance(item, list)]
        # {"articles": [...]}: a wrapper around one list of stories
        if len(lists) == 1 and lists[0] and all(isinstance(item, dict) for item in lists[0]):
            return lists[0]
    if not isinstance(value, dict):
        raise ReadError(f"expected a JSON object or a list of objects, found {kind(value)}")
    return None
