"""Structure of a story: title, date, dateline, source, paragraphs, credits."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Credits, Document
from .text import cut_at_word, is_upper_text, readable_headline, split_paragraphs, split_sentences

TITLE_LIMIT = 100

_HEADER_RE = re.compile(r"\A\s*date[ \t]+(\S*)[ \t]*(?:\n|\Z)")
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "TOKYO / WASHINGTON, Jan. 7 (Reuters) – ", "TAUPO, New Zealand, March 24 - ", "LONDON - ".
_DATELINE_RE = re.compile(
    r"(?P<place>[^\W\d][^,\n]{0,40}?(?:, [A-Z][^\W\d_]*\.?(?: [^\W\d_]+\.?){0,3})?)"
    rf"(?:, (?P<month>{_MONTH})\.? (?P<day>\d{{1,2}}))?"
    r"(?: \((?P<source>[^()]{1,40})\))? ?[-–—]+ "
)
# Without a date the place must be printed in capitals, so an ordinary sentence is no dateline.
_UNDATED_PLACE_RE = re.compile(r"[A-Z][A-Z .'/-]*[A-Z.]")

_CREDIT_ROLE_RE = re.compile(
    r"^(?P<roles>(?:(?:additional|further|and)\s+)*"
    r"(?:reporting|reported|writing|written|compiled|compiling|editing|edited)"
    r"(?:\s+and\s+(?:reporting|writing|editing))?)\s+by\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"^By (?P<names>[A-Z][\w.'’ -]+(?:(?:,| and) [A-Z][\w.'’ -]+)*?)(?:, Reuters)?$")
_TRAILING_CREDITS_RE = re.compile(
    r"\s*\((?P<credits>(?:additional )?(?:reporting|writing|editing|compiled)\b[^()]*)\)\s*$", re.I
)
_NAME_SPLIT_RE = re.compile(r",\s*|\s+and\s+|\s*&\s*")
_PLACE_SUFFIX_RE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")
_NAME_RE = re.compile(r"^[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|der|al|bin|da|du|la|le)){0,4}$")


@dataclass(frozen=True)
class Dateline:
    text: str  # "TOKYO / WASHINGTON"
    places: tuple[str, ...]
    source: str  # "Reuters" or ""
    month: int | None
    day: int | None
    end: int  # where the story proper starts in the paragraph


def parse_document(
    text: str,
    *,
    title: str | None = None,
    date: dt.date | str | None = None,
    dateline: str | None = None,
    source: str | None = None,
) -> Document:
    header_date, text = _split_header(text)
    paragraphs = split_paragraphs(text)
    headline, paragraphs = _take_headline(paragraphs)
    byline, paragraphs = _take_byline(paragraphs)
    credits, paragraphs = _take_credits(paragraphs)
    credits.reporting = _unique(byline + credits.reporting)

    found = parse_dateline(paragraphs[0]) if paragraphs else None
    if dateline:
        given = parse_dateline(dateline.strip() + " - ")
        place = given.text if given else dateline.strip()
        found = Dateline(place, tuple(_split_places(place)), found.source if found else "", None, None, 0)
    body_start = found.end if found else 0

    story_date, flagged = _choose_date(date, header_date)
    return Document(
        title=_choose_title(title, headline, paragraphs, body_start),
        date=story_date,
        date_flagged=flagged,
        dateline=found.text if found else "",
        dateline_places=list(found.places) if found else [],
        source=(found.source if found and found.source else "") or (source or ""),
        paragraphs=paragraphs,
        credits=credits,
    )


@lru_cache(maxsize=256)  # the headline test, the document and organisations read the same paragraphs
def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, or None."""
    match = _DATELINE_RE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    if match.group("month") is None and not _is_undated_place(place):
        return None
    month = _month_number(match.group("month")) if match.group("month") else None
    day = int(match.group("day")) if match.group("day") else None
    places = tuple(_split_places(place))
    return Dateline(place, places, _source_name(match.group("source")), month, day, match.end())


def _is_undated_place(place: str) -> bool:
    """A dateline with no date must be a short place name in capitals ("LONDON -")."""
    first = place.split(",")[0]
    return len(first.split()) <= 4 and bool(_UNDATED_PLACE_RE.fullmatch(first))


def _split_places(place: str) -> list[str]:
    """ "TOKYO / WASHINGTON" -> two places; "TAUPO, New Zealand" -> the town and its country."""
    parts = re.split(r"\s*/\s*|,\s*", place)
    return [part.strip() for part in parts if part.strip()]


def _source_name(text: str | None) -> str:
    if not text:
        return ""
    return text.split("/")[0].strip()


def _month_number(name: str) -> int:
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return names.index(name[:3].lower()) + 1


def _split_header(text: str) -> tuple[str | None, str]:
    """The seed format's " date YYYY-MM-DD " first line, when the text still has it."""
    match = _HEADER_RE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def _choose_date(given: dt.date | str | None, header: str | None) -> tuple[dt.date | None, bool]:
    """The given date wins, then the header; an impossible or missing date is None and flagged."""
    value = given if given is not None else header
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if value:
        try:
            return dt.date.fromisoformat(value.strip()[:10]), False
        except ValueError:
            return None, True
    return None, True


def _take_headline(paragraphs: list[str]) -> tuple[str, list[str]]:
    """The wire headline line before the dateline, when there is one."""
    if len(paragraphs) < 2:
        return "", paragraphs
    first = paragraphs[0]
    if _BYLINE_RE.match(first):
        return "", paragraphs
    # A headline may end with "U.S." but not with a sentence's full stop.
    short = len(first) <= 200 and (not first.endswith(".") or is_upper_text(first))
    if short and parse_dateline(paragraphs[1]):
        return first, paragraphs[1:]
    if short and is_upper_text(first) and not parse_dateline(first):
        return first, paragraphs[1:]
    return "", paragraphs


def _take_byline(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """A "By A and B, Reuters" line at the top of the story."""
    if paragraphs:
        match = _BYLINE_RE.match(paragraphs[0])
        names = _names(match.group("names")) if match else []
        if names and all(_NAME_RE.match(name) for name in names):
            return names, paragraphs[1:]
    return [], paragraphs


def _take_credits(paragraphs: list[str]) -> tuple[Credits, list[str]]:
    """The credits line at the foot ("Reporting by ...; Editing by ..."), removed from the body."""
    if not paragraphs:
        return Credits(), paragraphs
    last = paragraphs[-1]
    credits = parse_credits(last.strip("() "))
    if credits is not None:
        return credits, paragraphs[:-1]
    match = _TRAILING_CREDITS_RE.search(last) if last.rstrip().endswith(")") else None
    if match:
        credits = parse_credits(match.group("credits"))
        if credits is not None:
            return credits, paragraphs[:-1] + [last[: match.start()].rstrip()]
    return Credits(), paragraphs


def parse_credits(line: str) -> Credits | None:
    """Credits from a line such as "Reporting by A and B in Tokyo; Editing by C", else None."""
    credits = Credits()
    for part in line.split(";"):
        match = _CREDIT_ROLE_RE.match(part.strip())
        if not match:
            return None
        names = _names(match.group("names"))
        if not names or not all(_NAME_RE.match(name) for name in names):
            return None
        roles = match.group("roles").lower()
        if "edit" in roles:
            credits.editing += names
        if "edit" not in roles or "and" in roles.split():
            credits.reporting += names
    credits.reporting = _unique(credits.reporting)
    credits.editing = _unique(credits.editing)
    return credits


def _names(text: str) -> list[str]:
    names = []
    for chunk in _NAME_SPLIT_RE.split(text.strip().rstrip(".")):
        name = _PLACE_SUFFIX_RE.sub("", chunk.strip())
        if name and name != "Reuters":
            names.append(name)
    return names


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _choose_title(given: str | None, headline: str, paragraphs: list[str], body_start: int) -> str:
    if given:
        return given.strip()
    body = [paragraphs[0][body_start:], *paragraphs[1:]] if paragraphs else []
    if headline:
        return readable_headline(headline, body)
    if not body:
        return ""
    sentences = split_sentences(body[0])
    first = sentences[0] if sentences else body[0]
    return cut_at_word(first, TITLE_LIMIT)
