"""Links to records, made without a reverse() per link: a page of results holds about a hundred
and an export a hundred thousand. Each URL pattern is reversed once (per script prefix and URL
configuration) with a marker argument, and the argument is put in its place."""

from __future__ import annotations

from django.urls import get_script_prefix, get_urlconf, reverse

_MARKER = 918273645  # an argument that no URL prefix contains
_PATTERNS: dict[tuple, tuple[str, str]] = {}


def url_around(name: str) -> tuple[str, str]:
    """What the URL named `name` (with one argument) holds before and after its argument."""
    key = (name, get_script_prefix(), get_urlconf())
    if key not in _PATTERNS:
        before, _, after = reverse(name, args=[_MARKER]).partition(str(_MARKER))
        _PATTERNS[key] = (before, after)
    return _PATTERNS[key]


def url_of(name: str, argument) -> str:
    """reverse(name, args=[argument]) for ids and country codes, which need no quoting."""
    before, after = url_around(name)
    return f"{before}{argument}{after}"
