"""Organisations mentioned in a story.

Two sources, applied to each run of capitalised words: the reviewed gazetteer in
data/organisations.tsv (canonical names, abbreviations, kinds, countries, Reuters ORGS codes)
and pattern rules for unknown bodies, which end in a head word such as Ministry, Bank or
Corporation ("Japanese Finance Ministry" -> Finance Ministry, JP). An abbreviation printed in
brackets after a name ("Institute of X (IOX)") links the two for the rest of the story.

A name takes no person's name into it ("Earl Johnson of Harris Trust and Savings Bank",
"Bank of England Robin Leigh-Pemberton") and "and" joins two names ("IMF and World Bank")
unless the words around it make one ("Securities and Exchange Commission").

The country of a body comes, first, from the gazetteer or the body's own words: a possessive
("China's Foreign Ministry"), an adjective or "U.S." ("Japanese Finance Ministry"), a country
opening its name or after "of" ("Sudan News Agency", "Central Bank of Brazil"), or a known body
it belongs to ("the EC's Executive Commission", "White House Economic Policy Council"). A body
of government named bare ("the Senate", "the Finance Ministry") is taken as domestic: it has
the dateline's country, as a wire story names its own country's bodies bare. A country named
earlier in the sentence is usually the other party ("talks with Japan, the Senate said") and
is used only when it is the sentence's subject and the dateline's country is not named there
("In response, China filed a complaint, the Foreign Ministry said").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from . import countries
from .document import parse_dateline
from .model import Document, OrganisationMention, Span, StatementMention
from .names import ORGANISATION_WORDS, ROLE_HEADS, SPEECH_VERBS, is_given_name, is_non_name, is_role_head
from .text import TextPlaces, Word, alternation, is_one_word, places_in, words

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
        [
            "Bank",
            "Corporation",
            "Corp",
            "Co",
            "Inc",
            "Ltd",
            "Plc",
            "PLC",
            "AG",
            "NV",
            "Company",
            "Industries",
            "Airlines",
            "Group",
        ],
        "company",
    ),
    **dict.fromkeys(["Institute", "Institution", "Foundation", "Center", "Centre"], "think_tank"),
    **dict.fromkeys(["Union", "Federation", "Association", "Organisation", "Organization", "Fund", "League"], "other"),
}
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des", "la", "&"})
# The legal forms that end a company's name ("Co", "Inc", "AG"), in lower case, without a full stop.
LEGAL_FORMS = frozenset("co cos corp inc ltd plc ag sa nv bv gmbh spa llc lp".split())
# Capitalised words that open a sentence or a clause rather than a name.
_OPENERS = frozenset(
    """The A An But And Or In On At For From To Of By With As If When While Since After Before
    Under Both Its It He She They We This That These Those Their His Her Our Other Some Many Most
    Several Last Next Earlier Later Today Yesterday However Meanwhile Also Only Senior Top Former
    Such Any Each Every No Monday Tuesday Wednesday Thursday Friday Saturday Sunday Although Though
    Then Because Whether Until Unless Once Now Still Yet So Even Despite During""".split()
)
# Words that follow an organisation's name as a person's title: they end the name.
_TITLES = frozenset(
    """President Chairman Governor Director Minister Secretary Spokesman Spokeswoman Official
    Officials Ambassador Vice Deputy Chief Head Leader Speaker Senator Sen Rep Member Members
    Economist Economists Analyst Managing Commissioner Premier Chancellor Sources Source""".split()
)
# A whole gazetteer name or head word: a run of capitalised words without one (most runs: "The",
# "Japan", "U.S. Trade Representative Clayton Yeutter") names no organisation and is not looked at.
# No look-behind before the trie, so that the regex engine skips fast: see _holds_name_or_head.
_NAME_OR_HEAD_RE = re.compile(rf"(?:{alternation([*ENTRIES, *HEADS])})(?![^\W\d_])")
# The same names anywhere, even inside a word: a paragraph without any holds none of them.
_ANY_NAME_OR_HEAD_RE = re.compile(alternation([*ENTRIES, *HEADS]))
_TICKER_OR_COMPANY_RE = re.compile(r"<([^<>\n]{1,80})>")
_G_GROUP_RE = re.compile(r"G(?<!\w.)-?(5|6|7|10|24|77)\b")  # "G" first: see _run_regex


def _run_regex(upper: str, word: str) -> re.Pattern[str]:
    """A run of capitalised words joined by spaces, hyphens, "&" or connectors, ending at a possessive:
    "Ministry of International Trade and Industry", "Export-Import Bank", "China's". `upper`: the
    capitals, `word`: the word characters (a class's inside)."""
    capitalised = rf"(?:[A-Z](?:\.[A-Z])+\.?|[{upper}][{word}]*(?:['’](?!s\b)[{word}]+)*)"
    # The first word as `capitalised`, not after a word character or a full stop. The capital comes
    # first and the look-behind after it, so that the regex engine skips fast from capital to capital.
    first = rf"[{upper}](?<![{word}.].)(?:(?<=[A-Z])(?:\.[A-Z])+\.?|[{word}]*(?:['’](?!s\b)[{word}]+)*)"
    return re.compile(rf"{first}(?:(?: | & |-)(?:(?:of|for|and|on|the|de|du|des|la) )?{capitalised})*")


_RUN_RE = _run_regex("A-ZÀ-Þ", r"\w")
# The same runs in a text of ASCII alone (str.isascii() is one flag test): no other capital or word
# character can match there, and the engine tests ranges faster than \w (a Unicode look-up).
_RUN_ASCII_RE = _run_regex("A-Z", "A-Za-z0-9_")
# "China's ", "South Africa's ", "the EC's " just before a run: the whole, and its last word.
_POSSESSIVE_BEFORE_RE = re.compile(r"((?:[A-Z][\w.]* )?([A-Z][\w.]*))['’]s $")
_LOWER_WORD_BEFORE_RE = re.compile(r"([a-z]+) $")
_NEEDS_COUNTRY = frozenset({"government", "central_bank", "agency", "party"})
_SENTENCE_END_RE = re.compile(r"[a-z0-9)][.!?][\"”’]?\s")
# A phrase that may open a sentence before its subject: "In response, ", "In Pretoria, ".
_OPENING_PHRASE_RE = re.compile(r"(?:In (?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)?)|[^,]{1,40}),\s+")
_ARTICLE_RE = re.compile(r"(?:[Tt]he\s+)?")
_SUBJECT_RE = re.compile(r"([A-Z][\w.]*)(?: ([A-Z][\w.]*))?")


@dataclass(slots=True)
class _Found:
    name: str
    abbreviation: str
    kind: str
    country: str | None
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
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
    seen: set[tuple] = set()  # (key, paragraph, start) of the mentions found
    story_abbreviations: dict[str, _Found] = {}
    dateline_country = _dateline_country(document)
    story = _StoryText(document, story_abbreviations)
    for index, paragraph in enumerate(document.paragraphs):
        previous = None
        runs = None  # the paragraph's _word_runs, once a long paragraph defines an abbreviation
        for start, end, match in _matches(paragraph, document, story_abbreviations):
            if _is_legal_form(match.name.split(None, 1)[0]):
                continue  # the tail of "Merrill Lynch and Co Inc" cut at "and": no "Co Inc"
            if paragraph.startswith(("'s ", "’s "), start - 3):
                start, match = _with_possessive_name(paragraph, start, match, story)
            elif paragraph.startswith(", ", start - 2) and match.kind == "company":
                start, match = _with_first_partner(paragraph, start, match, document)
            country = match.country
            if country is None and match.needs_country:
                country = _country_from_context(paragraph, index, start, document, dateline_country)
            key = (match.name, country)
            if _defines_abbreviation(paragraph, start, end) and key == previous:
                continue  # "International Monetary Fund (IMF)": one mention, not two
            previous = key
            if key not in found:
                found[key] = _Found(match.name, match.abbreviation, match.kind, country)
            if (id(found[key]), index, start) not in seen:  # a set: time stays linear in the mentions
                seen.add((id(found[key]), index, start))
                found[key].spans.append(Span(index, start, end))
            abbreviation = _bracketed_abbreviation(paragraph, end)
            if abbreviation and abbreviation != match.name and abbreviation not in story_abbreviations:
                found[key].abbreviation = found[key].abbreviation or abbreviation
                story_abbreviations[abbreviation] = found[key]
                before = len(found[key].spans)
                if runs is None and len(paragraph) > _LONG_PARAGRAPH:
                    runs = _word_runs(paragraph)
                _add_later_uses(found[key], abbreviation, paragraph, index, end, runs)
                seen.update((id(found[key]), span.paragraph, span.start) for span in found[key].spans[before:])
    if len(found) > 1:
        _initials_to_story_bodies(found, document.paragraphs)
    ordered = sorted(found.values(), key=lambda f: (-len(f.spans), f.spans[0].paragraph, f.spans[0].start))
    return [OrganisationMention(f.name, f.abbreviation, f.kind, f.country, len(f.spans), f.spans) for f in ordered]


def _initials_to_story_bodies(found: dict[tuple[str, str | None], _Found], paragraphs: list[str]) -> None:
    """ "the Election Commission ... The EC said": a body the gazetteer knows only by its initials
    ("EC", the European Community) is, where the story names a body the gazetteer does not know with
    those initials and never prints the gazetteer's name, that body. Its mentions move there, in place."""

    def printed(body: _Found) -> set[str]:
        return {paragraphs[s.paragraph][s.start : s.end] for s in body.spans}

    # The common case first: no body printed only as initials (the test reads each body's first span)
    initials_only = {
        key: texts.pop()
        for key, body in found.items()
        if body.spans
        and _is_initials(paragraphs[body.spans[0].paragraph], body.spans[0])
        and len(texts := printed(body)) == 1
    }
    if not initials_only:
        return
    by_initials = {}
    for body in found.values():
        capitals = [w[0] for w in body.name.split() if w[:1].isupper()]
        # its name printed in full, a body the gazetteer does not know (its own abbreviations are its own)
        if len(capitals) >= 2 and body.name not in ENTRIES and any(" " in text for text in printed(body)):
            by_initials.setdefault("".join(capitals), body)
    for key, initials in initials_only.items():
        body, target = found[key], by_initials.get(initials)
        if target is None or target is body:
            continue
        target.spans = sorted(target.spans + body.spans, key=lambda s: (s.paragraph, s.start))
        target.abbreviation = target.abbreviation or initials
        del found[key]


def _is_initials(paragraph: str, span: Span) -> bool:
    text = paragraph[span.start : span.end]
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


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
    # Most paragraphs hold no "<" and no "G": a look for the character costs less than the regex call.
    for match in _TICKER_OR_COMPANY_RE.finditer(paragraph) if "<" in paragraph else ():
        name = match.group(1).strip()
        bracketed.append((match.start(), match.end()))
        if " " in name or not name.isupper():  # "<BSC>" is a ticker, "<Hughes Capital Corp>" a company
            results.append((match.start(1), match.end(1), _Match(0, 0, name, "", "company", None, False)))
    for match in _G_GROUP_RE.finditer(paragraph) if "G" in paragraph else ():
        entry = ENTRIES.get(f"G-{match.group(1)}")
        if entry:
            results.append((match.start(), match.end(), _from_entry(entry, 0, 0, None)))
    # Most paragraphs hold no gazetteer name or head word at all, not even inside a word (one search
    # of the paragraph, in C, costs less than walking its runs): then no run names an organisation.
    if not story_abbreviations and _ANY_NAME_OR_HEAD_RE.search(paragraph) is None:
        return _sorted_by_start(results)
    bracket_starts = [start for start, _ in bracketed] if bracketed else []
    for run in (_RUN_ASCII_RE if paragraph.isascii() else _RUN_RE).finditer(paragraph):
        text = run.group()
        if text.isalpha() and text not in ENTRIES and text not in story_abbreviations:
            continue  # the common case: one word that names no organisation
        if not _may_name_organisation(text, story_abbreviations):
            continue
        if bracketed and _inside_brackets(run.start(), bracketed, bracket_starts):
            continue
        results.extend(_run_matches(paragraph, run.start(), text, story_abbreviations, document))
    return _sorted_by_start(results)


def _inside_brackets(at: int, bracketed: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `at` falls inside one of the (start, end) spans, which are in order and never overlap
    (finditer's): only the last span opening at or before it can hold it. A bisection, not a look at
    every span: a paragraph of thousands of tickers stays linear."""
    last = bisect_right(starts, at) - 1
    return last >= 0 and at < bracketed[last][1]


# The organisations a run of capitalised words holds, read once for all stories: the same names come
# back story after story ("the Finance Ministry", "World Bank"). What a run holds depends on its own
# words, on what stands just before it (an owner's possessive, a speech verb or a role) and on the
# date (a country's code); not kept in a story that defined abbreviations of its own. Bounded.
_RUN_MATCHES: dict[tuple, tuple[tuple[int, int, _Match], ...]] = {}
_RUN_MATCHES_LIMIT = 8192


def _run_matches(paragraph, run_start, run, story_abbreviations, document) -> list[tuple[int, int, _Match]]:
    """(start, end, _Match) in the paragraph of the organisations in the run starting at `run_start`.
    The _Match objects may be shared between stories: read, never changed."""
    owner = _possessive_owner_before(paragraph, run_start, document, story_abbreviations)
    cued = _cues_a_person(paragraph, run_start)
    key = (run, owner, cued, document.date)
    found = None if story_abbreviations else _RUN_MATCHES.get(key)
    if found is None:
        ws = words(run)  # offsets in the run: every test below reads the run's own words
        matches = _matches_in_run(run, ws, owner, cued, story_abbreviations, document)
        found = tuple((ws[match.start].start, ws[match.end - 1].end, match) for match in matches)
        if not story_abbreviations and len(_RUN_MATCHES) < _RUN_MATCHES_LIMIT:
            _RUN_MATCHES[key] = found
    return [(run_start + start, run_start + end, match) for start, end, match in found] if found else []


# One word before a possessive that opens a company's name ("Moody's Investors Service Inc"), or two
# joined by "and": longer names own the company after them ("General Motors Corp's Hughes Aircraft Co").
_POSSESSIVE_NAME_RE = re.compile(r"(?<![\w.&-])((?:[A-Z][\w-]*\s+(?:and|&)\s+)?[A-Z][\w-]*)['’]s $")
_WORD_BEFORE_RE = re.compile(r"([\w.&-]+)\s+$")
_POSSESSIVES_READ = 32  # names read per story for a possessive: time stays linear in any text


def _is_legal_form(word: str) -> bool:
    return word.lower().rstrip(".") in LEGAL_FORMS


def _with_possessive_name(paragraph, start, match, story: _StoryText):
    """ "Moody's Investors Service Inc", "Fireman's Fund Corp": a possessive that opens a company's
    name is part of it when the word it ends is no country, no known body and no acronym, and the
    story prints neither it nor the rest of the name alone ("Chrysler said ... Chrysler's Jeep Corp",
    "PepsiCo's Taco Bell Corp ... Taco Bell said": an owner and its unit). (start, match) as given,
    or of the whole name."""
    if match.kind != "company" or match.abbreviation or not _is_legal_form(match.name.split()[-1]):
        return start, match
    before = _POSSESSIVE_NAME_RE.search(paragraph, max(0, start - 60), start)
    if before is None:
        return start, match
    words_before = before.group(1)
    previous = _WORD_BEFORE_RE.search(paragraph, max(0, before.start(1) - 40), before.start(1))
    if previous and previous.group(1)[:1].isupper() and previous.group(1)[-1] not in ".!?:":
        return start, match  # "Robert Maxwell's": a longer name owns the company
    if _is_legal_form(words_before.split()[0]):
        return start, match  # "... Corp and Moody's Investors Service Inc": two companies
    if words_before.isupper() or words_before in ENTRIES or words_before in story.abbreviations:
        return start, match  # "GM's Hughes Aircraft Co", "the EC's ...": a body that owns another
    if any(countries.country_for_word(w) for w in words_before.split()):
        return start, match
    if story.printed_alone(words_before, match.name.rsplit(None, 1)[0]):
        return start, match
    name = paragraph[before.start(1) : start] + match.name
    return before.start(1), _Match(match.start, match.end, name, "", "company", match.country, False)


# A partner's name before a comma, the word before it no capitalised one ("said Goldman, ").
_PARTNER_BEFORE_RE = re.compile(r"(?:^|[^\w\s,.&'’]\s*|(?<!\w)[a-z]+\s+)([A-Z][a-z]+), $")
_DAY_AND_MONTH_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)


def _with_first_partner(paragraph, start, match, document):
    """ "Goldman, Sachs and Co", "Kidder, Peabody and Co Inc": a firm of partners printed with a comma
    after the first name, which ends the run the finder read: the first partner is part of the name.
    (start, match) as given, or of the whole name."""
    if " and " not in match.name and " & " not in match.name:
        return start, match
    before = _PARTNER_BEFORE_RE.search(paragraph, max(0, start - 40), start)
    if before is None:
        return start, match
    partner = before.group(1)
    if _is_legal_form(partner) or partner in _DAY_AND_MONTH_NAMES or partner in ENTRIES:
        return start, match  # "... Co, Lazard Freres and Co": a list of firms
    if countries.country_for_word(partner, document.date):
        return start, match
    name = f"{partner}, {match.name}"
    return before.start(1), _Match(match.start, match.end, name, "", "company", match.country, False)


@dataclass(slots=True)
class _StoryText:
    """What find_organisations reads of the whole story, once: its text and what it defined."""

    document: Document
    abbreviations: dict[str, _Found]
    _body: str | None = None
    _places: TextPlaces | None = None  # of a long body
    _alone: dict[tuple[str, str], bool] = field(default_factory=dict)

    def printed_alone(self, owner: str, owned: str) -> bool:
        """Whether the story prints the owner's word without its possessive, or the owned name
        without the owner ("Chrysler said", "Taco Bell said"); after a few names, taken as yes."""
        key = (owner, owned)
        if key not in self._alone:
            if len(self._alone) >= _POSSESSIVES_READ:
                return True
            if self._body is None:
                self._body = self.document.body
                self._places = places_in(self._body)
            alone = self._search(rf"(?<!\w){re.escape(owner)}(?!['’]s\b|\w)", owner) or (
                " " in owned and self._search(rf"(?<!['’]s ){re.escape(owned)}\b", owned)
            )
            self._alone[key] = bool(alone)
        return self._alone[key]

    def _search(self, pattern: str, string: str) -> bool:
        """Whether the pattern, which opens with the string (after look-behinds), is found in the body:
        in a long body, tried only where the string is printed."""
        if self._places is None:
            return re.search(pattern, self._body) is not None
        compiled = re.compile(pattern)
        return any(compiled.match(self._body, at) for at in self._places.finds(string, 1))


def _sorted_by_start(results: list) -> list:
    if len(results) > 1:
        results.sort(key=itemgetter(0))  # by start (a key in C, no Python call)
    return results


def _may_name_organisation(run: str, story_abbreviations: dict[str, _Found]) -> bool:
    """Whether a run of capitalised words may hold an organisation: most ("The", "Japan",
    "Paul Volcker") hold no gazetteer name, head word or abbreviation the story defined."""
    if " " not in run and "-" not in run and is_one_word(run):
        return run in ENTRIES or run in story_abbreviations
    return _holds_name_or_head(run) or (
        bool(story_abbreviations) and any(abbreviation in run for abbreviation in story_abbreviations)
    )


@lru_cache(maxsize=8192)  # a pure function of the run; the same runs come back ("Treasury Secretary James Baker")
def _holds_name_or_head(run: str) -> bool:
    """Whether a whole gazetteer name or head word stands in the run (not inside a word)."""
    found = _NAME_OR_HEAD_RE.search(run)
    while found is not None:
        if found.start() == 0 or not run[found.start() - 1].isalpha():
            return True
        found = _NAME_OR_HEAD_RE.search(run, found.start() + 1)
    return False


def _matches_in_run(run, ws, owner, cued, story_abbreviations, document) -> list[_Match]:
    """The organisations of a run (`ws` its words, offsets in the run), given the owner named just
    before it and whether a speech verb or a role stands just before it (`cued`)."""
    matches = []
    pos, last = 0, len(ws)
    last_key = _last_key_word(ws, story_abbreviations)  # no name starts after it
    while pos <= last_key:
        if ws[pos].text in _OPENERS or not ws[pos].text[0].isupper():
            pos += 1
            continue
        person_end = _person_before_organisation(run, ws, pos, last, story_abbreviations, cued)
        if person_end > pos:
            pos = person_end  # "Paul Volcker and International Monetary Fund": no part of its name
            owner = None
            continue
        match = _match_at(run, ws, pos, last, story_abbreviations, document, owner)
        if match is None:
            owner = None
            pos += 1
            continue
        if match.name != BLOCK:
            matches.append(match)
        pos = match.end
        owner = None
    return matches


def _last_key_word(ws: list[Word], story_abbreviations: dict[str, _Found]) -> int:
    """The index of the last word that may open or end a name (-1 if none): a gazetteer name's
    first word, a head word or a story abbreviation ("Treasury" in "Treasury Secretary James Baker")."""
    for i in range(len(ws) - 1, -1, -1):
        text = ws[i].text
        if text in _FIRST_WORDS or text in HEADS or text in story_abbreviations:
            return i
    return -1


def _match_at(paragraph, ws, pos, last, story_abbreviations, document, owner) -> _Match | None:
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
    pattern_end, kind = _pattern_at(paragraph, ws, start, last, story_abbreviations)
    if entry is not None and entry_end >= pattern_end:
        country = entry.country or prefix_country or (owner.country if owner else None)
        if entry.kind == "international":
            country = entry.country  # "U.S.-EC cooperation", "Syria's U.N. envoy": a party, not its country
        match = _from_entry(entry, pos if entry_end <= start else start, entry_end, country)
        match.needs_country = match.needs_country and owner is None
        return match
    if kind is None:
        return None
    if kind == "company":
        start = pos  # a company keeps its whole name: "American Express Co"
    name = paragraph[ws[start].start : ws[pattern_end - 1].end]
    if name.startswith("Bank of ") or "Central Bank" in name or "Reserve Bank" in name:
        kind = "central_bank" if name.count(" ") <= 3 else kind
    if name.startswith(("International ", "World ", "United Nations ", "Inter-")) and (
        kind != "company" or not _is_legal_form(ws[pattern_end - 1].text)
    ):
        kind = "international"  # not "International Business Machines Corp"
    if owner is None and entry is not None:
        owner = _owner_of(entry)  # "White House Economic Policy Council", "IMF Interim Committee"
    country = prefix_country or (owner.country if owner else None)
    country = country or _country_inside(paragraph, ws, start, pattern_end, document)
    return _Match(start, pattern_end, name, "", kind, country, kind in _NEEDS_COUNTRY and owner is None)


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


class _Owner(NamedTuple):
    """Whose a body is by its own words: "China's", "the EC's", "IMF Interim Committee"."""

    country: str | None  # None for an international owner such as the EC or the IMF


def _possessive_owner_before(paragraph, run_start, document, story_abbreviations) -> _Owner | None:
    """ "South Africa's Public Investment Commission", "the EC's Executive Commission": the owner
    named with a possessive just before the run, when it is a country or a known body."""
    if not paragraph.startswith(("'s ", "’s "), max(0, run_start - 3)):
        return None  # the common case
    before = _POSSESSIVE_BEFORE_RE.search(paragraph, max(0, run_start - 40), run_start)
    if before is None:
        return None
    for name in (before.group(1), before.group(2)):  # "South Africa", then "Africa"
        code = countries.country_for_word(name, document.date)
        if code:
            return _Owner(code)
        if name in ENTRIES:
            return _owner_of(ENTRIES[name])
        if name in story_abbreviations:
            return _owner_of(story_abbreviations[name])
    return None


def _owner_of(body: Entry | _Found) -> _Owner | None:
    """The owner a known body makes of a body named after it, when it says the country or is
    international ("the White House's" is the U.S.'s; "the Senate's" still needs the context)."""
    if body.country or body.kind == "international":
        return _Owner(body.country)
    return None


def _pattern_at(paragraph, ws, start, last, story_abbreviations) -> tuple[int, str | None]:
    """End and kind of a name that ends in a head word ("Rand Corporation", "Bank of Japan").

    The name stops at a person's title ("Bank of Japan Governor"), at a person's name after its
    head ("Bank of England Robin Leigh-Pemberton") and at an "and" between two names ("IMF and
    World Bank"), though not at one inside a name ("Harris Trust and Savings Bank").
    """
    head = None
    i = start
    while i < last and ws[i].text not in _TITLES:
        if head is not None and _person_end(ws, i, last) > i:
            break
        if ws[i].text == "and" and _joins_two_names(paragraph, ws, start, i, last, head, story_abbreviations):
            break
        if ws[i].text in HEADS and (i > start or _continues(ws, i, last)):
            head = i
        i += 1
    if head is None:
        return start, None
    end = head + 1
    if _continues(ws, head, i):
        end = i  # "Ministry of International Trade and Industry", up to where the name stops
    return end, HEADS[ws[head].text]


def _continues(ws: list[Word], head: int, last: int) -> bool:
    """A head word followed by "of" or "for" and a word before `last`: "Bank of Japan"."""
    return head + 2 < last and ws[head + 1].text in ("of", "for")


def _joins_two_names(paragraph, ws, start, i, last, head, story_abbreviations) -> bool:
    """Whether the "and" at word i joins two names ("IMF and World Bank", "Baldrige and State
    Department") rather than the words of one ("Securities and Exchange Commission")."""
    after = i + 1
    if after >= last:
        return False
    entry_end, entry = _gazetteer_at(paragraph, ws, after, last)
    if entry is not None and (entry_end - after >= 2 or ws[after].text.isupper()):
        return True  # a known organisation follows, not a word such as "Fund" or "House"
    if not _names_organisation(paragraph, ws, after, last, story_abbreviations):
        return False  # "Trade and Industry"
    before = paragraph[ws[start].start : ws[i - 1].end]
    return head is not None or before in ENTRIES or before in story_abbreviations


def _names_organisation(paragraph, ws, pos, last, story_abbreviations) -> bool:
    """Whether the words from `pos` name an organisation of their own: a gazetteer name, an
    abbreviation the story defined, or words ending in a head word ("Lloyds Bank", "Group of Seven")."""
    if ws[pos].text in story_abbreviations or _gazetteer_at(paragraph, ws, pos, last)[1] is not None:
        return True
    i = pos
    while i < last and ws[i].text not in _TITLES:
        if ws[i].text in HEADS and (i > pos or _continues(ws, i, last)):
            return True
        i += 1
    return False


def _person_before_organisation(paragraph, ws, pos, last, story_abbreviations, cued) -> int:
    """The end of a person's name at `pos` that "and" or "of" joins to an organisation ("Paul
    Volcker and International Monetary Fund", "Earl Johnson of Harris Trust"), else `pos`.
    `cued`: a speech verb or a role stands just before the run (_cues_a_person)."""
    end = _name_words_end(ws, pos, last)
    if end == pos or end + 1 >= last or ws[end].text not in ("and", "of"):
        return pos  # the common case
    if _person_end(ws, pos, last) != end and not (pos == 0 and cued):
        return pos
    return end if _names_organisation(paragraph, ws, end + 1, last, story_abbreviations) else pos


def _person_end(ws: list[Word], pos: int, last: int) -> int:
    """The end of a person's name starting at `pos`, else `pos`: one to three name words after a
    title ("Minister Che Okongwu"), or two or three opening with a given name ("Paul Volcker")."""
    end = _name_words_end(ws, pos, last)
    titled = pos > 0 and ws[pos - 1].text in _TITLES
    if end > pos and (titled or (end - pos >= 2 and is_given_name(ws[pos].text))):
        return end
    return pos


def _name_words_end(ws: list[Word], pos: int, last: int) -> int:
    """The end of up to three words from `pos` that may be a person's name."""
    end = pos
    while end < last and end - pos < 3 and _is_name_word(ws[end].text):
        end += 1
    return end


def _cues_a_person(paragraph: str, run_start: int) -> bool:
    """ "said Natsuo Okada of ...", "analyst Elliot Levine of ...": a speech verb or a role just
    before the run."""
    if not run_start or paragraph[run_start - 1] not in " \n":
        return False  # the regex ends with a space (or a line break after one): no match
    # The common case, a word in lower case after a space: the word the regex finds, without a search.
    word = paragraph[max(0, run_start - 20) : run_start - 1].rpartition(" ")[2]
    if paragraph[run_start - 1] != " " or not (word.isascii() and word.isalpha() and word.islower()):
        before = _LOWER_WORD_BEFORE_RE.search(paragraph, max(0, run_start - 20), run_start)
        word = before.group(1) if before else ""
    return bool(word) and (word in SPEECH_VERBS or word in ROLE_HEADS)


@lru_cache(maxsize=8192)
def _is_name_word(text: str) -> bool:
    """A capitalised word that may be part of a person's name: no title, head, organisation word,
    gazetteer name or country ("Harris Trust" and "U.S. Treasury" are no names)."""
    return (
        text[:1].isupper()
        and text not in _TITLES
        and text not in HEADS
        and text not in _OPENERS
        and text not in ENTRIES
        and text.lower() not in ORGANISATION_WORDS
        and countries.country_for_word(text) is None
    )


def _country_inside(paragraph, ws, start, end, document) -> str | None:
    """A country the name holds: opening it ("Sudan News Agency") or after "of" ("Central Bank of Brazil")."""
    for n in (2, 1):
        if start + n < end:
            alias = countries.ALIASES.get(paragraph[ws[start].start : ws[start + n - 1].end])
            if alias and alias.kind in ("name", "short"):
                return countries.resolve(alias.code, document.date)
    for i in range(start + 1, end):
        if ws[i - 1].text == "of":
            code = countries.country_for_word(ws[i].text, document.date)
            if code:
                return code
    return None


def _country_from_context(paragraph, index, offset, document, dateline_country) -> str | None:
    """The country of a body of government that its words do not name (see the module docstring)."""
    window = max(0, offset - 600)  # a sentence is shorter: time stays linear in the paragraph
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(paragraph, window, offset)]
    sentence = paragraph[ends[-1] if ends else max(window, _story_start(paragraph, index)) : offset]
    codes = countries.codes_in(sentence, document.date)
    if not codes or dateline_country in codes:
        return dateline_country
    return _subject_country(sentence, document) or dateline_country


def _story_start(paragraph: str, index: int) -> int:
    """Where the first paragraph's story starts, after its dateline ("BRUSSELS, March 9 - ")."""
    dateline = parse_dateline(paragraph) if index == 0 else None
    return dateline.end if dateline else 0


def _subject_country(sentence: str, document: Document) -> str | None:
    """A country that is the sentence's subject ("In response, China filed ...", "the Nigerian
    team, headed by ...") or its place ("In Pretoria, ..."), not a possessive ("South Korea's
    plan") or an object ("talks with Japan")."""
    opening = _OPENING_PHRASE_RE.match(sentence)
    if opening and opening.group("place"):
        code = countries.country_for_word(opening.group("place"), document.date)
        if code:
            return code
    for position in (0, opening.end()) if opening else (0,):
        start = _ARTICLE_RE.match(sentence, position).end()
        subject = _SUBJECT_RE.match(sentence, start)
        if subject is None:
            continue
        for name in (subject.group(), subject.group(1)):  # "South Korea", then "South"
            if not sentence.startswith(("'s", "’s"), start + len(name)):
                code = countries.country_for_word(name, document.date)
                if code:
                    return code
    return None


def _add_later_uses(
    found: _Found, abbreviation: str, paragraph: str, index: int, end: int, runs: dict[str, list[int]] | None = None
) -> None:
    """Uses of a just-defined abbreviation later in the same paragraph (later ones come by lookup).
    `runs`: the paragraph's _word_runs, for a long paragraph: the uses looked up there."""
    known = {(span.paragraph, span.start) for span in found.spans}
    after = end + len(abbreviation) + 3  # past " (ABC)", whose ")" is no word character
    if runs is None:
        starts = [after + start for start in _whole_uses(paragraph[after:], abbreviation)]
    else:
        starts = _later_uses(re.compile(rf"\b{re.escape(abbreviation)}\b"), abbreviation, paragraph, after, runs)
    for start in starts:
        if (index, start) not in known:
            found.spans.append(Span(index, start, start + len(abbreviation)))


# Paragraphs longer than this (no story's: thousands of stories joined on one line) have their later
# uses of an abbreviation looked up by word, not searched for from each definition to the end.
_LONG_PARAGRAPH = 20_000
_WORD_RUN_RE = re.compile(r"\w+")


def _word_runs(paragraph: str) -> dict[str, list[int]]:
    """Where each whole run of word characters (as the regex \\w reads them) starts, in order."""
    runs: dict[str, list[int]] = {}
    for match in _WORD_RUN_RE.finditer(paragraph):
        runs.setdefault(match.group(), []).append(match.start())
    return runs


def _whole_uses(text: str, word: str) -> list[int]:
    """The starts that re.finditer(rf"\\b{re.escape(word)}\\b", text) finds, by str.find: a regex
    compiled for every abbreviation a story defines cost more than the rest of the search (each is
    new, so none comes from re's cache). \\b as the regex reads it: a word character (str.isalnum()
    or "_") on one side only, the text's edges no word character."""
    starts = []
    opens_word, ends_word = _is_word_char(word[0]), _is_word_char(word[-1])
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at > 0 and _is_word_char(text[at - 1])) != opens_word and (
            end < len(text) and _is_word_char(text[end])
        ) != ends_word:
            starts.append(at)
            at = text.find(word, end)  # finditer's next use starts after this one
        else:
            at = text.find(word, at + 1)
    return starts


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches in a str pattern


def _later_uses(pattern: re.Pattern[str], abbreviation: str, paragraph: str, after: int, runs) -> list[int]:
    """The starts that pattern.finditer(paragraph[after:]) finds (offsets in the paragraph), for the
    pattern \\bABBREVIATION\\b: every use opens a whole run of word characters that is the
    abbreviation's own first run ("U" of "U.S.", all of "IMF"), so only those runs are tried; a use
    overlapping the one before is skipped, as finditer skips it."""
    first = _WORD_RUN_RE.match(abbreviation)
    starts, free = [], after
    places = runs.get(first.group(), []) if first else []
    for at in places[bisect_left(places, after) :]:
        if at >= free and pattern.match(paragraph, at):
            starts.append(at)
            free = at + len(abbreviation)
    return starts


def _defines_abbreviation(paragraph: str, start: int, end: int) -> bool:
    return paragraph[start - 2 : start] == " (" and paragraph[end : end + 1] == ")"


def _bracketed_abbreviation(paragraph: str, end: int) -> str:
    match = _BRACKETED_ABBREVIATION_RE.match(paragraph, end, end + 14)
    return match.group(1) if match else ""


_BRACKETED_ABBREVIATION_RE = re.compile(r" \(([A-Z][A-Z&.-]{1,9})\)")


# --- Bodies known by what they said ----------------------------------------------------------------

# The last word of a name that makes it a company's or a publication's, when no head word says.
_COMPANY_LAST_WORDS = LEGAL_FORMS | {"corporation", "company", "group", "holdings"}
_PUBLICATION_LAST_WORDS = frozenset(
    "daily times news post journal herald tribune press gazette weekly review telegraph chronicle".split()
)


def add_speaking_bodies(
    document: Document, organisations: list[OrganisationMention], statements: list[StatementMention]
) -> list[OrganisationMention]:
    """The story's organisations, with every body a statement gives its words to.

    Attribution names bodies the finder above does not know ("Standard and Poor's Corp said",
    "Porsche said it would", "the China Daily said"), and the archive links a statement's speaker only
    among its own story's organisations: without this, one organisation speaker in five was lost on
    import. A bare word of bodies' names ("the Bank said", "The Commission said") is the story's one
    organisation with that word in its name ("Bank of England"); any other name becomes an
    organisation of the story, its kind and country read from its own words. What names no body
    (a bare "Exchange" the story holds none of, "a German bank", a name the gazetteer blocks) is
    left to the statement's label. Statements are re-pointed in place to the name they are stored under.
    """
    known = {org.name: org for org in organisations}
    added: dict[str, OrganisationMention] = {}
    holders: dict[str, str | None] = {}  # a bare word -> the one organisation holding it, read once
    # Names that said "it ..." or "its ..." of themselves once: "Stanley Works said it has acquired"
    itself = {s.speaker_organisation for s in statements if s.text.startswith(("it ", "its "))}
    for statement in statements:
        name = statement.speaker_organisation
        if not name or name in known or statement.speaker_person:
            continue
        if (same := _the_one_named_with(name, organisations, holders)) is not None:
            statement.speaker_organisation = same
            continue
        name, owner = _body_name(name, document)
        statement.speaker_organisation = name
        if name in known:
            continue
        entry = ENTRIES.get(name)
        if (entry is not None and entry.name == BLOCK) or (entry is None and not _names_a_body(name, name in itself)):
            statement.speaker_organisation = None
            continue
        if entry is not None and entry.name != name:  # an alias: the body under its own name
            statement.speaker_organisation = name = entry.name
            if name in known:
                continue
        if name not in added:
            # Where each body is printed is looked up for the first few only: time stays linear in a
            # text that names thousands of bodies (a real story names a handful).
            located = len(added) < _BODIES_LOCATED
            added[name] = _speaking_body(name, entry, owner, document, located)
    return [*organisations, *added.values()] if added else organisations


def _body_name(name: str, document: Document) -> tuple[str, str | None]:
    """The body's own name, and the country that owns it when the name says so:
    "Now Chrysler Corp" -> "Chrysler Corp"; "Chrysler Corp's Chrysler Motors Corp" -> the unit that spoke;
    "Canada's National Energy Board" -> "National Energy Board" of CA; "Boeing Co and ARGOSystems Inc"
    (two bodies speaking as one) -> the first, as the first of two people speaks for both."""
    first, _, rest = name.partition(" ")
    if rest and first in _OPENERS and rest[:1].isupper():
        name = rest
    owner = None
    for mark in ("'s ", "’s "):
        before, found, after = name.partition(mark)
        if not found or not after[:1].isupper() or is_role_head(after.split()[0]):
            continue
        code = countries.country_for_word(before, document.date)
        if code or before.split()[-1].lower().rstrip(".") in _COMPANY_LAST_WORDS or before in ENTRIES:
            name, owner = after, code
        break
    before, found, after = name.partition(" and ")
    if found and after[:1].isupper() and before.split()[-1].lower().rstrip(".") in _COMPANY_LAST_WORDS:
        name = before
    return name, owner


def _the_one_named_with(name: str, organisations: list[OrganisationMention], read: dict) -> str | None:
    """ "Bank" for the story's one organisation with the word in its name ("Bank of England");
    `read` keeps the answers of the story (each word is looked for once)."""
    if " " in name or name.lower() not in ORGANISATION_WORDS:
        return None
    word = name.lower()
    if word not in read:
        holders = {org.name for org in organisations if word in org.name.lower().split()}
        read[word] = holders.pop() if len(holders) == 1 else None
    return read[word]


def _names_a_body(name: str, itself: bool = False) -> bool:
    """Capitalised words, not one word that any body's name may hold ("Navy": whose?) and not a
    description ("a German bank", "U.S. Securities house"). `itself`: the words said open with "it"
    or "its", the body speaking of itself."""
    name_words = name.split()
    if len(name_words) == 1 and (name.lower() in ORGANISATION_WORDS or name in _OPENERS or is_non_name(name)):
        return False  # "Navy", "I’ve"
    if len(name_words) == 2 and is_given_name(name_words[0]) and not (
        itself and name_words[1].lower() in ORGANISATION_WORDS
    ):
        return False  # "David Steel": a person's name; not "Stanley Works said it has acquired"
    for mark in ("'s ", "’s "):
        if mark in name and is_role_head(name.split(mark, 1)[1].split()[0]):
            return False  # "Petronas's Vice-President for Upstream Sector": a person's office
    return all(w.lstrip("(")[:1].isupper() or w[:1].isdigit() or w in _NAME_LINKS for w in name_words)


# Lower-case words inside bodies' names: "Brown Boveri und Cie", "Banca Nazionale del Lavoro", "Abend am Montag".
_NAME_LINKS = _CONNECTORS | frozenset(
    "and und et y e van von del di da do dos der am im zu zum le les el al los las il lo".split()
)


_BODIES_LOCATED = 16


def _speaking_body(
    name: str, entry: Entry | None, owner: str | None, document: Document, located: bool = True
) -> OrganisationMention:
    spans = _printed_at(name, document.paragraphs) if located else []
    if entry is not None:
        country = entry.country
        if country is None and entry.kind in _NEEDS_COUNTRY:
            country = _dateline_country(document)
        return OrganisationMention(entry.name, entry.abbreviation, entry.kind, country, max(1, len(spans)), spans)
    name_words = name.split()
    last = name_words[-1]
    kind = HEADS.get(last) or (
        "company"
        if last.lower().rstrip(".") in _COMPANY_LAST_WORDS
        else "media"
        if last.lower() in _PUBLICATION_LAST_WORDS
        else "other"
    )
    country = owner
    for n in (2, 1) if owner is None else ():  # "U.S. Embassy", "Japanese Foreign Ministry", "Brazil Coffee Institute"
        alias = countries.ALIASES.get(" ".join(name_words[:n])) if len(name_words) > n else None
        if alias is not None:
            country = countries.resolve(alias.code, document.date)
            break
    if country is None and kind in _NEEDS_COUNTRY:
        country = _dateline_country(document)  # "the Statistics Department": the dateline's country's
    return OrganisationMention(name, "", kind, country, max(1, len(spans)), spans)


def _printed_at(name: str, paragraphs: list[str]) -> list[Span]:
    """Where the name is printed as a whole word (a name in lower case or rebuilt may be nowhere)."""
    spans = []
    for index, paragraph in enumerate(paragraphs):
        at = paragraph.find(name)
        while at != -1 and len(spans) < 64:
            end = at + len(name)
            if not paragraph[at - 1 : at].isalnum() and not paragraph[end : end + 1].isalnum():
                spans.append(Span(index, at, end))
            at = paragraph.find(name, end)
    return spans
