"""Countries mentioned in a story (names, short forms, demonyms, capitals, historic states).

The aliases are data: ISO 3166 names from pycountry plus the reviewed table in
data/country_aliases.tsv, loaded once at import. A story is matched word by word: at each
capitalised word the longest alias starting there wins, so "Latin America" (blocked) hides
"America" and "New Mexico" is the U.S. state, not Mexico. All aliases are one regex (a trie).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pycountry

from .model import CountryMention, Document
from .text import alternation

DATA_FILE = Path(__file__).resolve().parent / "data" / "country_aliases.tsv"

BLOCK = "-"
BODY_KINDS = frozenset({"name", "short", "demonym", "capital", "historic", "media"})
WORD_KINDS = frozenset({"name", "short", "demonym", "capital", "historic"})

# Capitalised words that are not given names or surnames, so a country beside them is still
# a country ("President Chad ..." is unlikely; "Hamilton Jordan" is a person).
_NOT_NAMES = frozenset(
    """A An The In On At For From To Of And But Or By With As If When While Since After Before
    Both Neither Under Over Between Against Into Only Also Its It He She They We This That
    These Those Said President Minister Premier Secretary Ambassador Envoy King Queen Prince
    Crown Sheikh Emir Foreign Prime Trade Finance Defence Defense Economy Senator Sen Rep
    Mr Mrs Ms Dr General Gen Colonel Chairman Governor Spokesman Official Officials
    Government Ministry Bank Embassy Council Republic Kingdom State Democratic Republican
    Northern Southern Eastern Western North South East West Central Upper Lower Greater
    Communist Socialist National People's Popular Hashemite Arab Islamic Gulf River Valley
    Treasury Congress Senate House Army Navy Air Force Radio Television News Agency
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)


@dataclass(frozen=True, slots=True)
class Alias:
    code: str  # ISO code, "-" for a block, or "A/B@YEAR" for a date-dependent code
    kind: str
    rule: str


def _load() -> dict[str, Alias]:
    aliases: dict[str, Alias] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = re.sub(r"\s*\(.*?\)", "", getattr(country, attr, "") or "")
            name = name.removeprefix("the ")
            if name and "," not in name:
                aliases.setdefault(name, Alias(country.alpha_2, "name", ""))
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("alias\t"):
            continue
        alias, code, kind, rule, *_notes = (line.split("\t") + ["", "", "", ""])[:5]
        aliases[alias] = Alias(code, kind, rule)
        if kind == "demonym" and not alias.endswith(("s", "sh", "ch", "ese", "man")):
            aliases.setdefault(alias + "s", Alias(code, kind, rule))  # Americans, Soviets
    return aliases


ALIASES = _load()
# Datelines print places in capitals: "TOKYO", "NEW ZEALAND", "BOCA RATON, Fla.".
_DATELINE_ALIASES = {
    alias.upper(): entry for alias, entry in ALIASES.items() if entry.kind not in {"demonym", "prefix"}
}
_UPPER_ALIASES = {alias.upper(): entry for alias, entry in ALIASES.items() if entry.kind in WORD_KINDS}

# A capitalised word: "U.S.", "Japan" (not its possessive "'s"), "N'Djamena".
_CAPITALISED_RE = re.compile(r"(?<![^\W_])(?:[A-Z](?:\.[A-Z])+\.?|[A-ZÀ-Þ][^\W\d_]*(?:['’](?!s\b)[^\W\d_]+)*)")
_PREVIOUS_WORD_RE = re.compile(r"([A-Z][^\W\d_]*) $")
_NEXT_WORD_RE = re.compile(r" ([A-Z][^\W\d_]*)")


def _alias_regex(aliases: dict[str, Alias]) -> re.Pattern[str]:
    """Every alias that opens with a capitalised word, as one trie: at each place the longest
    alias wins, and it must end where a word ends ("Chad" is not found in "Chadian")."""
    opening = [alias for alias in aliases if _CAPITALISED_RE.match(alias)]
    return re.compile(rf"(?:{alternation(opening)})(?![^\W_])")


# No look-behind before the trie, so that the regex engine skips fast from capital to capital:
# a match inside a word ("xJapan") is dropped by the caller.
_ALIAS_RE = _alias_regex(ALIASES)


def resolve(code: str, date: dt.date | None = None) -> str | None:
    """The ISO code an alias stands for on a date ("SU/RU@1992": SU before 1992, else RU)."""
    if code == BLOCK:
        return None
    if "@" not in code:
        return code
    codes, year = code.split("@")
    before, after = codes.split("/")
    return before if date is not None and date.year < int(year) else after


def country_for_word(word: str, date: dt.date | None = None) -> str | None:
    """ISO code for a country name, short form, demonym or capital ("Japanese" -> "JP"), else None."""
    word = word.strip()
    entry = ALIASES.get(word)
    if entry is None and word.endswith(("'s", "’s")):
        entry = ALIASES.get(word[:-2])  # "China's"
    if entry is None and word.isupper():
        entry = _UPPER_ALIASES.get(word)
    if entry is None or entry.kind not in WORD_KINDS:
        return None
    return resolve(entry.code, date)


def country_for_place(place: str, date: dt.date | None = None) -> str | None:
    """ISO code for a dateline place ("TOKYO" -> "JP", "BOCA RATON" -> None, "Fla." -> "US")."""
    entry = _DATELINE_ALIASES.get(place.strip().upper())
    return resolve(entry.code, date) if entry else None


def find_countries(document: Document, spans: list[CountrySpan] | None = None) -> list[CountryMention]:
    """The story's countries, dateline first, then by mentions. `spans` is country_spans(document)
    when the caller has it already (extract() hands the same scan to relations.py)."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    dateline_codes = []
    for place in document.dateline_places:
        code = country_for_place(place, document.date)
        if code and code not in dateline_codes:
            dateline_codes.append(code)
            counts[code] = counts.get(code, 0) + 1
            first_seen.setdefault(code, -1)

    for position, span in enumerate(country_spans(document) if spans is None else spans):
        counts[span.code] = counts.get(span.code, 0) + 1
        first_seen.setdefault(span.code, position)

    ordered = sorted(counts, key=lambda code: (code not in dateline_codes, -counts[code], first_seen[code]))
    return [CountryMention(code, counts[code], code in dateline_codes) for code in ordered]


class CountrySpan(NamedTuple):
    """One mention of a country in the story's text: paragraph -1 is the title."""

    paragraph: int
    start: int  # offsets within the paragraph
    end: int
    code: str


def country_spans(document: Document) -> list[CountrySpan]:
    """Every country mention of the title (when the first paragraph does not repeat it) and the
    paragraphs, in order: the one scan of the story that find_countries and relations.py share."""
    texts = list(document.paragraphs)
    numbers = list(range(len(texts)))
    if document.title and not (document.paragraphs and document.title.rstrip("…") in document.paragraphs[0]):
        texts.insert(0, document.title)
        numbers.insert(0, -1)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    # One search of all the texts: no alias or name test crosses the line breaks between them.
    spans = []
    which, last = 0, len(starts) - 1
    make = tuple.__new__  # CountrySpan(...) without the NamedTuple's Python-level __new__: one per mention
    for start, end, code in _matches_in("\n".join(texts), document.date, set()):
        while which < last and starts[which + 1] <= start:  # the matches come in order
            which += 1
        offset = starts[which]
        spans.append(make(CountrySpan, (numbers[which], start - offset, end - offset, code)))
    return spans


def codes_in(text: str, date: dt.date | None = None) -> list[str]:
    """Codes of the countries a piece of text names, in order, one per mention."""
    return _codes_in(text, date, set())


def _codes_in(paragraph: str, date: dt.date | None, person_names: set[str]) -> list[str]:
    return [code for _, _, code in _matches_in(paragraph, date, person_names)]


def _matches_in(paragraph: str, date: dt.date | None, person_names: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, code) of the country aliases in a paragraph, in order, one per mention.

    `person_names` collects aliases found used as names ("Hamilton Jordan"), so that a later
    bare "Jordan" in the same story is taken as the person too.
    """
    found = []
    for match in _ALIAS_RE.finditer(paragraph):
        start, end = match.span()
        if start and paragraph[start - 1].isalnum():
            continue  # inside a word
        alias = match.group()
        entry = ALIASES[alias]
        # A plain alias with a plain code (most mentions) inline: no call to test it or to resolve it.
        if (entry.kind in BODY_KINDS and not entry.rule) or _counts_in_body(
            alias, entry, paragraph, start, end, person_names
        ):
            code = entry.code if "@" not in entry.code and entry.code != BLOCK else resolve(entry.code, date)
            if code:
                found.append((start, end, code))
    return found


def _counts_in_body(alias: str, entry: Alias, paragraph: str, start: int, end: int, person_names: set[str]) -> bool:
    if entry.kind == "prefix":
        return paragraph[end : end + 1] == "-"
    if entry.kind not in BODY_KINDS:
        return False
    if entry.rule:
        if alias in person_names:
            return False
        if _is_name_part(entry.rule, paragraph, start, end):
            person_names.add(alias)
            return False
    return True


def _is_name_part(rule: str, paragraph: str, start: int, end: int) -> bool:
    """True when the alias reads as part of a person's name: "George Washington", "Chad Smith"."""
    previous = _PREVIOUS_WORD_RE.search(paragraph, max(0, start - 30), start)
    if previous and _name_like(previous.group(1)):
        return True
    if rule == "not_near_name":
        following = _NEXT_WORD_RE.match(paragraph, end)
        return bool(following) and _name_like(following.group(1))
    return False


def _name_like(text: str) -> bool:
    return not text.isupper() and text not in _NOT_NAMES and text not in ALIASES
