"""Cursor pagination: keyset on a list's sort key and id, so that a page is found by where the last
one ended, never by an offset. A walk through a list neither repeats nor skips a row while imports
add others (a new row lands either before the cursor, unseen, or after it, seen once), and any page
costs as little as the first.

A cursor is opaque to the client: the last row's (sort key, id), the order and a fingerprint of the
filters, signed (django.core.signing, salted) so that a cursor that was altered, or that is used with
other filters or another order, is refused with a clear message instead of giving wrong pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core import signing
from django.db.models import Q

SALT = "archive.api.cursor"
DEFAULT_LIMIT, MAX_LIMIT = 50, 200
SORTS = ("newest", "oldest")  # relevance changes as articles come in: no stable cursor over it


class BadRequest(Exception):
    """A parameter the API refuses: answered 400 with the message."""


def page_size(raw: str | None) -> int:
    if raw in (None, ""):
        return DEFAULT_LIMIT
    if not raw.isdecimal() or not 1 <= int(raw[:6]) <= MAX_LIMIT:
        raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}")
    return int(raw)


def fingerprint(pairs: list[tuple[str, str]]) -> str:
    """A short digest of the parameters that choose the rows (not how they are paged or shown)."""
    text = "\x00".join(f"{key}={value}" for key, value in sorted(pairs))
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


@dataclass(frozen=True)
class Keyset:
    """A list's order: by `key` (a date, which may be null: nulls last) then `id`, descending or not;
    or by id alone (key None)."""

    key: str | None
    descending: bool
    id_field: str = "pk"

    def order_by(self) -> list:
        from django.db.models import F

        fields = []
        if self.key:
            field = F(self.key)
            fields.append(field.desc(nulls_last=True) if self.descending else field.asc(nulls_last=True))
        fields.append(f"-{self.id_field}" if self.descending else self.id_field)
        return fields

    def after(self, position: tuple) -> list[Q]:
        """The rows after `position` (key value, id) in this order, as conditions to take in turn: the
        dated rows after it, then the undated ones (last in either order). Each condition is a range
        of the (date, id) index, so that a page deep in the list costs what the first does: a single
        condition with an OR of `IS NULL` would have the database read every row before the cursor."""
        value, ident = position
        beyond = "lt" if self.descending else "gt"
        after_id = Q(**{f"{self.id_field}__{beyond}": ident})
        if not self.key:
            return [after_id]
        undated = Q(**{f"{self.key}__isnull": True})
        if value is None:  # among the undated, at the end
            return [undated & after_id]
        up_to = "lte" if self.descending else "gte"
        dated = Q(**{f"{self.key}__{up_to}": value}) & (Q(**{f"{self.key}__{beyond}": value}) | after_id)
        return [dated, undated]


def encode(position: tuple, order: str, filters: str) -> str:
    value, ident = position
    if isinstance(value, dt.date):
        value = value.isoformat()
    return signing.dumps({"k": value, "i": ident, "o": order, "f": filters}, salt=SALT, compress=True)


def decode(cursor: str, order: str, filters: str, key_is_date: bool) -> tuple:
    """The position a cursor holds; BadRequest when it was not made by us for this list and order."""
    try:
        data = signing.loads(cursor[:2000], salt=SALT)
    except (signing.BadSignature, ValueError, UnicodeError):
        raise BadRequest("cursor is not valid: use the `next` link of a page as it is") from None
    if not isinstance(data, dict) or data.get("o") != order or data.get("f") != filters:
        raise BadRequest("cursor belongs to another list, order or set of filters: start again without it")
    value, ident = data.get("k"), data.get("i")
    if key_is_date and value is not None:
        value = dt.date.fromisoformat(value)
    return value, ident
