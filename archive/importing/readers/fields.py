"""From a record of named fields (a JSON object, a CSV row) to a RawDocument.

The same names serve JSON, JSON Lines and CSV: title, date, body (or text), source, source_id
(or id), url, dateline, author (or byline), language (or lang), plus the keys `export_archive`
writes (archive.backup.format.GIVEN_KEYS), which are passed on verbatim in `given`.
"""

from __future__ import annotations

import json

from archive.backup.format import GIVEN_KEYS, TEXT_KEYS

from ..records import RawDocument, ReadProblem, parse_date
from .base import body_text, collapse, paragraphs

# Keys read into RawDocument fields, first name found wins.
ALIASES = {
    "title": ("title", "headline"),
    "date": ("date", "published", "date_published"),
    "body": ("body", "text"),
    "source": ("source",),
    "source_id": ("source_id", "id"),
    "url": ("url",),
    "dateline": ("dateline",),
    "byline": ("author", "byline", "authors"),
    "language": ("language", "lang"),
}
KNOWN_KEYS = {key for names in ALIASES.values() for key in names}
# Keys of export records that other dumps never use. Reuters-21578 also has a `people` key,
# but a list of tags ("james-baker"), not the export's list of objects.
EXPORT_ONLY_KEYS = set(GIVEN_KEYS) - {"people"}


class FieldError(ValueError):
    pass


def first_value(record: dict, field: str):
    for key in ALIASES[field]:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def text_value(record: dict, field: str) -> str:
    value = first_value(record, field)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FieldError(f"field '{field}' should be text, found {type(value).__name__}")
    return str(value).strip()


def byline_value(record: dict) -> list[str] | str:
    value = first_value(record, "byline")
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return [collapse(name) for name in value if name.strip()]
    if isinstance(value, str):
        return collapse(value)
    raise FieldError(f"field 'author' should be text or a list of names, found {type(value).__name__}")


def is_export_record(record: dict) -> bool:
    if any(key in record for key in EXPORT_ONLY_KEYS):
        return True
    people = record.get("people")
    return isinstance(people, list) and any(isinstance(person, dict) for person in people)


def document_from_record(
    record: object, *, location: str, format: str, encoding: str, json_cells: bool = False
) -> RawDocument | ReadProblem:
    """The document a record describes, or the problem with it (reason names `location`).

    `json_cells`: values of the export keys are JSON text (CSV) rather than JSON values.
    """
    if not isinstance(record, dict):
        return ReadProblem(location, f"{location}: expected an object with named fields, found {kind(record)}")
    try:
        body = text_value(record, "body")
        if not body:
            return ReadProblem(location, f"{location}: no body (story text) in the record")
        date_text = text_value(record, "date")
        given = None
        if is_export_record(record):
            given = {key: given_value(record[key], key, json_cells) for key in GIVEN_KEYS if key in record}
        used = KNOWN_KEYS | (set(GIVEN_KEYS) if given is not None else set())
        return RawDocument(
            text=body_text(paragraphs(body)),
            title=collapse(text_value(record, "title")),
            date=parse_date(date_text),
            date_text=date_text,
            dateline=collapse(text_value(record, "dateline")),
            source=text_value(record, "source"),
            source_id=text_value(record, "source_id"),
            url=text_value(record, "url"),
            language=text_value(record, "language"),
            byline=byline_value(record),
            given=given,
            location=location,
            format=format,
            encoding=encoding,
            extra={key: value for key, value in record.items() if key not in used},
        )
    except FieldError as error:
        return ReadProblem(location, f"{location}: {error}")


def given_value(value, key: str, json_cells: bool):
    if not json_cells or not isinstance(value, str) or key in TEXT_KEYS:
        return value
    if not value.strip():
        return None
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        if key == "tags":  # a plain "a; b" cell is fine for tags
            return [tag.strip() for tag in value.split(";") if tag.strip()]
        raise FieldError(f"column '{key}' is not valid JSON") from None


def kind(value: object) -> str:
    return {list: "a list", str: "a string", type(None): "null"}.get(type(value), type(value).__name__)
