"""Organisations mentioned in a story.

Two sources, applied to each run of capitalised words: the reviewed gazetteer in
data/organisations.tsv (canonical names, abbreviations, kinds, countries, Reuters ORGS codes)
and pattern rules for unknown bodies, which end in a head word such as Ministry, Bank or
Corporation ("Japanese Finance Ministry" -> Finance Ministry, JP). An abbreviation printed in
brackets after a name ("Institute of X (IOX)") links the two for the rest of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import countries
from .model import Document, OrganisationMention, Span
from .text import Word, alternation, is_one_word, words

DATA_FILE = Path(__file__).resolve().parent / "data" / "organisations.tsv"
BLOCK = "-"


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    abbreviation: str
    kind: str
    country: str | None
    reuters: str


def _load() -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, aliases, kind, country, reuters, *_notes = (line.split("\t") + [""] * 5)[:6]
        alias_list = [alias.strip() for alias in aliases.split(";") if alias.strip()]
        abbreviation = next((a for a in alias_list if a.replace(".", "").replace("-", "").isupper()), "")
        entry = Entry(name, abbreviation, kind or "other", country or None, reuters)
        for alias in [name, *alias_list]:
            if alias != BLOCK:
                entries.setdefault(alias, entry)
    return entries


ENTRIES = _load()
# Reuters-21578 ORGS code -> canonical name (the first entry with the code), and back.
REUTERS_CODES: dict[str, str] = {}
CODES_BY_NAME: dict[str, str] = {}
for _entry in ENTRIES.values():
    if _entry.reuters:
        REUTERS_CODES.setdefault(_entry.reuters, _entry.name)
        CODES_BY_NAME[_entry.name] = _entry.reuters
_FIRST_WORDS: dict[str, int] = {}
for _alias in ENTRIES:
    _alias_words = words(_alias)
    if _alias_words:
        _first = _alias_words[0].text
        _FIRST_WORDS[_first] = max(_FIRST_WORDS.get(_first, 0), len(_alias_words))

# Head words that end an organisation's name, and the kind they give it.
HEADS = {
    **dict.fromkeys(["Ministry", "Department", "Office", "Cabinet", "Parliament"], "government"),
    **dict.fromkeys(["Council", "Committee", "Commission", "Authority", "Agency", "Board", "Administration"], "agency"),
    **dict.fromkeys(["Party"], "party"),
    **dict.fromkeys(
        ["Bank", "Corporation", "Corp", "Co", "Inc", "Ltd", "Company", "Industries", "Airlines", "Group"],
        "company",
    ),
    **dict.fromkeys(["Institute", "Institution", "Foundation", "Center", "Centre"], "think_tank"),
    **dict.fromkeys(["Union", "Federation", "Association", "Organisation", "Organization", "Fund", "League"], "other"),
}
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des", "la", "&"})
# Capitalised words that open a sentence or a clause rather than a name.
_OPENERS = frozenset(
    """The A An But And Or In On At For From To Of By With As If When While Since After Before
    Under Both Its It He She They We This That These Those Their His Her Our Other Some Many Most
    Several Last Next Earlier Later Today Yesterday However Meanwhile Also Only Senior Top Former
    Such Any Each Every No Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
# Words that follow an organisation's name as a person's title: they end the name.
_TITLES = frozenset(
    """President Chairman Governor Director Minister Secretary Spokesman Spokeswoman Official
    Officials Ambassador Vice Deputy Chief Head Leader Speaker Senator Sen Rep Member Members
    Economist Economists Analyst Managing Commissioner Premier Chancellor Sources Source""".split()
)
# A whole gazetteer name or head word: a run of capitalised words without one (most runs: "The",
# "Japan", "U.S. Trade Representative Clayton Yeutter") names no organisation and is not looked at.
_NAME_OR_HEAD_RE = re.compile(rf"(?<![^\W\d_])(?:{alternation([*ENTRIES, *HEADS])})(?![^\W\d_])")
_TICKER_OR_COMPANY_RE = re.compile(r"<([^<>\n]{1,80})>")
_G_GROUP_RE = re.compile(r"G(?<!\w.)-?(5|6|7|10|24|77)\b")  # "G" first: see _FIRST_CAPITALISED
# A run of capitalised words joined by spaces, hyphens, "&" or connectors, ending at a possessive:
# "Ministry of International Trade and Industry", "Export-Import Bank", "China's".
_CAPITALISED = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-ZÀ-Þ][\w]*(?:['’](?!s\b)\w+)*)"
# The first word as _CAPITALISED, not after a word character or a full stop. The capital comes
# first and the look-behind after it, so that the regex engine skips fast from capital to capital.
_FIRST_CAPITALISED = r"[A-ZÀ-Þ](?<![\w.].)(?:(?<=[A-Z])(?:\.[A-Z])+\.?|[\w]*(?:['’](?!s\b)\w+)*)"
_RUN_RE = re.compile(rf"{_FIRST_CAPITALISED}(?:(?: | & |-)(?:(?:of|for|and|on|the|de|du|des|la) )?{_CAPITALISED})*")
_POSSESSIVE_BEFORE_RE = re.compile(r"([A-Z][\w.]*)['’]s $")
_SENTENCE_END_RE = re.compile(r"[a-z0-9)][.!?][\"”’]?\s")


@dataclass
class _Found:
    name: str
    abbreviation: str
    kind: str
    country: str | None
    spans: list[Span] = field(default_factory=list)


@dataclass
class _Match:
    start: int  # word indices
    end: int
    name: str
    abbreviation: str
    kind: str
    country: str | None
    needs_country: bool


def find_organisations(document: Document) -> list[OrganisationMention]:
    found: dict[tuple[str, str | None], _Found] = {}
    story_abbreviations: dict[str, _Found] = {}
    dateline_country = _dateline_country(document)
    for index, paragraph in enumerate(document.paragraphs):
        previous = None
        for start, end, match in _matches(paragraph, document, story_abbreviations):
            country = match.country
            if country is None and match.needs_country:
                country = _country_before(paragraph, start, document) or dateline_country
            key = (match.name, country)
            if _defines_abbreviation(paragraph, start, end) and key == previous:
                continue  # "International Monetary Fund (IMF)": one mention, not two
            previous = key
            if key not in found:
                found[key] = _Found(match.name, match.abbreviation, match.kind, country)
            if not any(span.paragraph == index and span.start == start for span in found[key].spans):
                found[key].spans.append(Span(index, start, end))
            abbreviation = _bracketed_abbreviation(paragraph, end)
            if abbreviation and abbreviation != match.name and abbreviation not in story_abbreviations:
                found[key].abbreviation = found[key].abbreviation or abbreviation
                story_abbreviations[abbreviation] = found[key]
                _add_later_uses(found[key], abbreviation, paragraph, index, end)
    ordered = sorted(found.values(), key=lambda f: (-len(f.spans), f.spans[0].paragraph, f.spans[0].start))
    return [OrganisationMention(f.name, f.abbreviation, f.kind, f.country, len(f.spans), f.spans) for f in ordered]


def _dateline_country(document: Document) -> str | None:
    for place in document.dateline_places:
        code = countries.country_for_place(place, document.date)
        if code:
            return code
    return None


def _matches(paragraph: str, document: Document, story_abbreviations: dict[str, _Found]):
    """(start, end, _Match) for every organisation in a paragraph, in order."""
    results = []
    bracketed = []
    for match in _TICKER_OR_COMPANY_RE.finditer(paragraph):
        name = match.group(1).strip()
        bracketed.append((match.start(), match.end()))
        if " " in name or not name.isupper():  # "<BSC>" is a ticker, "<Hughes Capital Corp>" a company
            results.append((match.start(1), match.end(1), _Match(0, 0, name, "", "company", None, False)))
    for match in _G_GROUP_RE.finditer(paragraph):
        entry = ENTRIES.get(f"G-{match.group(1)}")
        if entry:
            results.append((match.start(), match.end(), _from_entry(entry, 0, 0, None)))
    for run in _RUN_RE.finditer(paragraph):
        text = run.group()
        if text.isalpha() and text not in ENTRIES and text not in story_abbreviations:
            continue  # the common case: one word that names no organisation
        if not _may_name_organisation(text, story_abbreviations):
            continue
        if any(a <= run.start() < b for a, b in bracketed):
            continue
        ws = words(paragraph, run.start(), run.end())
        for match in _matches_in_run(paragraph, ws, run.start(), story_abbreviations, document):
            results.append((ws[match.start].start, ws[match.end - 1].end, match))
    results.sort(key=lambda item: item[0])
    return results


def _may_name_organisation(run: str, story_abbreviations: dict[str, _Found]) -> bool:
    """Whether a run of capitalised words may hold an organisation: most ("The", "Japan",
    "Paul Volcker") hold no gazetteer name, head word or abbreviation the story defined."""
    if run.isalpha() or is_one_word(run):
        return run in ENTRIES or run in story_abbreviations
    return bool(_NAME_OR_HEAD_RE.search(run)) or any(abbreviation in run for abbreviation in story_abbreviations)


def _matches_in_run(paragraph, ws, run_start, story_abbreviations, document) -> list[_Match]:
    matches = []
    pos, last = 0, len(ws)
    country_hint = _possessive_country_before(paragraph, run_start, document)
    while pos < last:
        if ws[pos].text in _OPENERS or not ws[pos].text[0].isupper():
            pos += 1
            continue
        match = _match_at(paragraph, ws, pos, last, story_abbreviations, document, country_hint)
        if match is None:
            country_hint = None
            pos += 1
            continue
        if match.name != BLOCK:
            matches.append(match)
        pos = match.end
        country_hint = None
    return matches


def _match_at(paragraph, ws, pos, last, story_abbreviations, document, country_hint) -> _Match | None:
    """The organisation that starts at word `pos`: a known one, or one the head-word rule finds."""
    known = story_abbreviations.get(ws[pos].text)
    if known is not None:
        return _Match(pos, pos + 1, known.name, known.abbreviation, known.kind, known.country, False)
    entry_end, entry = _gazetteer_at(paragraph, ws, pos, last)
    # A demonym or "U.S." before a name gives its country: "Japanese Finance Ministry".
    prefix_end, prefix_country = _country_prefix(paragraph, ws, pos, last, document)
    start = prefix_end if prefix_country else pos
    if prefix_country and entry is None:
        entry_end, entry = _gazetteer_at(paragraph, ws, start, last)
    pattern_end, kind = _pattern_at(ws, start, last)
    if entry is not None and entry_end >= pattern_end:
        country = entry.country or prefix_country or country_hint
        match = _from_entry(entry, pos if entry_end <= start else start, entry_end, country)
        return match
    if kind is None:
        return None
    if kind == "company":
        start = pos  # a company keeps its whole name: "American Express Co"
    name = paragraph[ws[start].start : ws[pattern_end - 1].end]
    if name.startswith("Bank of ") or "Central Bank" in name or "Reserve Bank" in name:
        kind = "central_bank" if name.count(" ") <= 3 else kind
    if name.startswith(("International ", "World ", "United Nations ", "Inter-")):
        kind = "international"
    country = prefix_country or country_hint or _country_inside(paragraph, ws, start, pattern_end, document)
    needs = kind in {"government", "central_bank", "agency", "party"}
    return _Match(start, pattern_end, name, "", kind, country, needs)


def _from_entry(entry: Entry, start: int, end: int, country: str | None) -> _Match:
    needs = entry.country is None and entry.kind in {"government", "central_bank", "party"}
    return _Match(start, end, entry.name, entry.abbreviation, entry.kind, country, needs)


def _gazetteer_at(paragraph: str, ws: list[Word], pos: int, last: int) -> tuple[int, Entry | None]:
    longest = _FIRST_WORDS.get(ws[pos].text)
    if longest is None:
        return pos, None
    for n in range(min(longest, len(ws) - pos), 0, -1):
        entry = ENTRIES.get(paragraph[ws[pos].start : ws[pos + n - 1].end])
        if entry is not None:
            return pos + n, entry
    return pos, None


def _country_prefix(paragraph, ws, pos, last, document) -> tuple[int, str | None]:
    """(end, code) when the run opens with an adjective of nationality or "U.S." and goes on."""
    for n in (2, 1):
        if pos + n >= last:
            continue
        alias = countries.ALIASES.get(paragraph[ws[pos].start : ws[pos + n - 1].end])
        if alias and (alias.kind == "demonym" or ws[pos].text in {"U.S.", "US", "U.K.", "UK"}):
            return pos + n, countries.resolve(alias.code, document.date)
    return pos, None


def _possessive_country_before(paragraph: str, run_start: int, document: Document) -> str | None:
    """ "China's Foreign Ministry": the country word just before the run, with a possessive."""
    before = _POSSESSIVE_BEFORE_RE.search(paragraph, max(0, run_start - 40), run_start)
    return countries.country_for_word(before.group(1), document.date) if before else None


def _pattern_at(ws: list[Word], start: int, last: int) -> tuple[int, str | None]:
    """End and kind of a name that ends in a head word ("Rand Corporation", "Bank of Japan")."""
    head = None
    i = start
    while i < last and ws[i].text not in _TITLES:
        if ws[i].text in HEADS and (i > start or _continues(ws, i, last)):
            head = i
        i += 1
    if head is None:
        return start, None
    end = head + 1
    if _continues(ws, head, last):
        end = i  # "Ministry of International Trade and Industry", up to a title word
    return end, HEADS[ws[head].text]


def _continues(ws: list[Word], head: int, last: int) -> bool:
    return head + 2 < last + 1 and head + 1 < last and ws[head + 1].text in ("of", "for")


def _country_inside(paragraph, ws, start, end, document) -> str | None:
    """ "Central Bank of Brazil": a country named after "of"."""
    for i in range(start + 1, end):
        if ws[i - 1].text == "of":
            code = countries.country_for_word(ws[i].text, document.date)
            if code:
                return code
    return None


def _country_before(paragraph: str, offset: int, document: Document) -> str | None:
    """The last country named earlier in the same sentence ("China filed ..., the Foreign Ministry")."""
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(paragraph, 0, offset)]
    sentence_start = ends[-1] if ends else 0
    codes = countries.codes_in(paragraph[sentence_start:offset], document.date)
    return codes[-1] if codes else None


def _add_later_uses(found: _Found, abbreviation: str, paragraph: str, index: int, end: int) -> None:
    """Uses of a just-defined abbreviation later in the same paragraph (later ones come by lookup)."""
    known = {(span.paragraph, span.start) for span in found.spans}
    for use in re.finditer(rf"\b{re.escape(abbreviation)}\b", paragraph[end + len(abbreviation) + 3 :]):
        start = end + len(abbreviation) + 3 + use.start()
        if (index, start) not in known:
            found.spans.append(Span(index, start, start + len(abbreviation)))


def _defines_abbreviation(paragraph: str, start: int, end: int) -> bool:
    return paragraph[start - 2 : start] == " (" and paragraph[end : end + 1] == ")"


def _bracketed_abbreviation(paragraph: str, end: int) -> str:
    match = re.match(r" \(([A-Z][A-Z&.-]{1,9})\)", paragraph[end : end + 14])
    return match.group(1) if match else ""
