"""Small text helpers shared by the extraction modules: paragraphs, sentences, words, case."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

# A word: letters (any script), inner apostrophes ("N'Djamena", "O'Neill") and dotted
# abbreviations ("U.S.", "U.K."). Hyphens separate words, so "US-Japan" gives two words.
_WORD_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|[^\W\d_]+(?:['’][^\W\d_]+)*")
# The same words in a text of ASCII alone, whose letters are [A-Za-z]: ranges, which the regex engine
# tests faster than a class of Unicode categories at every character.
_ASCII_WORD_RE = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z]+(?:['’][A-Za-z]+)*")
_POSSESSIVE_ENDINGS = ("'s", "’s")
_SENTENCE_END_RE = re.compile(r"""[.!?]["”’)]*\s+(?=["“‘(]?[A-Z0-9])""")
# The same ends in a text holding no "!" and no "?" (most paragraphs): a full stop first, a literal
# the regex engine skips to fast (a class of marks is tested at every character of the text).
_FULL_STOP_END_RE = re.compile(r"""\.["”’)]*\s+(?=["“‘(]?[A-Z0-9])""")
# Words after which a full stop does not end a sentence.
_NO_BREAK_BEFORE = frozenset(
    "Mr Mrs Ms Dr Prof Gen Col Lt Sgt Capt Gov Sen Rep St Jr Sr Co Corp Inc Ltd No Nos vs"
    " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.C".split()
)


class cached_once:  # noqa: N801 (named as the decorator it replaces)
    """functools.cached_property without its lock, which Python 3.11 takes on every first read: a
    story's values (its body, its word gates) are read for the first time once per story and
    stage. A pure function of the instance: computed twice by two threads, the same value."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)  # later reads find it there
        return value


class Word(NamedTuple):
    text: str  # the word without a possessive "'s"
    start: int
    end: int  # end of `text` (the possessive, when any, follows)
    possessive: bool


def words(paragraph: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of a paragraph (or of paragraph[start:end]) with their offsets in the paragraph."""
    found = []
    make = tuple.__new__  # Word(...) without the Python-level __new__ of a NamedTuple: this runs for every word
    scan = _ASCII_WORD_RE if paragraph.isascii() else _WORD_RE
    for match in scan.finditer(paragraph, start, len(paragraph) if end is None else end):
        text = match.group()
        start = match.start()
        if text.endswith(_POSSESSIVE_ENDINGS):
            text = text[:-2]
            found.append(make(Word, (text, start, start + len(text), True)))
        else:
            found.append(make(Word, (text, start, match.end(), False)))
    return found


def is_one_word(text: str) -> bool:
    """True when `words(text)` is the text itself, as one word without a possessive."""
    return _WORD_RE.fullmatch(text) is not None and not text.endswith(_POSSESSIVE_ENDINGS)


def composed(text: str) -> str:
    """The text in composed Unicode (NFC): "e" and a combining accent as one "é". Files written on
    some systems, and some web pages, hold names decomposed; read as they come, "Céline Dion" lost
    its first name, and no search typed on a keyboard (composed) found its words."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (or by indented lines, the wire's own convention).

    Hard-wrapped lines inside a paragraph are joined; a hyphen at a line end is kept and
    joined without a space ("MEDIUM-\\nRANGE" -> "MEDIUM-RANGE").
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in _BLANK_LINE_RE.split(text):
        if "\n" not in block:
            paragraphs.append(normalise_space(block))  # the common case: a paragraph on one line
            continue
        lines = block.split("\n")
        current: list[str] = []
        for line in lines:
            if current and line[:2].isspace() and line.strip():
                paragraphs.append(_join_lines(current))  # an indented line opens a paragraph
                current = []
            current.append(line)
        joined = _join_lines(current)
        if joined:
            paragraphs.append(joined)
    return [p for p in paragraphs if p]


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def _join_lines(lines: list[str]) -> str:
    joined = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if joined.endswith("-") and not joined.endswith(" -"):
            joined += line
        elif joined:
            joined += " " + line
        else:
            joined = line
    return normalise_space(joined)


def normalise_space(text: str) -> str:
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the common case: every space a single " " (other spaces are unprintable)
    return " ".join(text.split())


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; abbreviations such as "U.S." or "Mr." do not end a sentence."""
    return [paragraph[start:end] for start, end in sentence_spans(paragraph)]


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of split_sentences in the paragraph, in order (spaces around
    a sentence left out): offsets straight from the scan, no sentence copied or searched for."""
    spans = []
    start = 0
    ends = _SENTENCE_END_RE if "?" in paragraph or "!" in paragraph else _FULL_STOP_END_RE
    for match in ends.finditer(paragraph):
        before = paragraph[start : match.start() + 1].rstrip(".")
        last_word = before.rsplit(None, 1)[-1:]  # [] when only spaces (no copy of the sentence to test that)
        last_word = last_word[0] if last_word else ""
        if last_word in _NO_BREAK_BEFORE or (len(last_word) == 1 and last_word.isupper()):
            continue
        # the span of the stripped sentence, inline: this runs for every sentence of every paragraph
        end = match.end()
        chunk = paragraph[start:end]
        spans.append((start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())))
        start = end
    chunk = paragraph[start:]
    rest = chunk.lstrip()
    if rest:
        spans.append((start + len(chunk) - len(rest), start + len(chunk.rstrip())))
    return spans


def is_upper_text(text: str) -> bool:
    """True when the text has letters, all of a script with case (Latin, Greek, Cyrillic...), and
    none of them lower-case. Letters without case (Arabic, Chinese, Hebrew...) are never "capitals"."""
    if text.isascii():
        return text.isupper()  # the same test for ASCII (its letters are its cased characters), in C
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def is_subhead(paragraph: str) -> bool:
    """A section subhead inside a body, e.g. "NEW TOOLS": short, all capitals, no full stop."""
    paragraph = paragraph.strip()
    return (
        0 < len(paragraph) <= 60
        and len(paragraph.split()) <= 6
        and is_upper_text(paragraph)
        and paragraph[-1] not in '.,;:"”'
    )


def readable_headline(headline: str, body: list[str], known: dict[str, str] | None = None) -> str:
    """Sentence case for an upper-case wire headline, keeping the capitals of proper names.

    A word takes the form the body prints it in ("IRAN" -> "Iran", "GATT" -> "GATT") unless
    the body also uses it in lower case often enough ("MAY" -> "may"); `known` gives forms of
    words the body may lack (lower-case word -> "Moscow", "NATO"). Words with inner full
    stops ("U.S.") and words without a vowel ("UK", "USSR") stay as printed.
    """
    if not is_upper_text(headline):
        return headline
    # One scan of the headline: its words are read for the body's forms, then recased in place.
    matches = list(_WORD_RE.finditer(headline))
    forms = _body_forms(body, {m.group().lower() for m in matches if _may_be_a_name(m.group())})
    known = known or {}
    pieces, at = [], 0
    for match in matches:
        word = match.group()
        if _kept_as_printed(word):
            form = word
        else:
            lower = word.lower()
            form = forms.get(lower) or known.get(lower) or lower
            if match.start() == 0:
                form = form[0].upper() + form[1:]
        pieces += (headline[at : match.start()], form)
        at = match.end()
    pieces.append(headline[at:])
    return "".join(pieces)


_VOWEL_RE = re.compile(r"[AEIOUY]", re.IGNORECASE)
# Words the body prints in lower case, whatever the headline: not worth looking for.
_FUNCTION_WORDS = frozenset("a an the of to in on at for and or by with from as".split())


# Pure functions of a headline word, cached: the same words come back headline after headline
# ("JAPAN", "TRADE", "SAYS"), and each test runs a regex.
@lru_cache(maxsize=8192)
def _kept_as_printed(word: str) -> bool:
    """ "U.S.", "UK", "USSR": a word with an inner full stop or no vowel keeps its capitals."""
    return "." in word or not _VOWEL_RE.search(word)


@lru_cache(maxsize=8192)
def _may_be_a_name(word: str) -> bool:
    """A headline word whose case the body may tell: no "U.S.", "UK" (kept as printed) or "to"."""
    return "." not in word and bool(_VOWEL_RE.search(word)) and word.lower() not in _FUNCTION_WORDS


def _body_forms(body: list[str], wanted: set[str]) -> dict[str, str]:
    """How the body prints each wanted word (lower-case keys), when capitalised more than twice
    as often as not. Words at a sentence start count only when the body has no other use of them.
    """
    if not wanted:
        return {}
    text = "\n".join(body)  # paragraphs hold no line breaks, so "\n" marks a paragraph start
    counts: dict[str, int] = {}
    initial: dict[str, int] = {}
    for start, end in _whole_word_uses(text, wanted):
        # A sentence's mark in the three characters before, then only spaces (a regex search of them
        # cost more than the rest of the loop): this runs for every use of every headline word.
        opens = (
            start == 0 or text[start - 1] == "\n" or text[max(0, start - 3) : start].rstrip()[-1:] in _SENTENCE_MARKS
        )
        tally = initial if opens else counts
        word = text[start:end]
        tally[word] = tally.get(word, 0) + 1
    forms: dict[str, str] = {}
    for word, count in counts.items():
        if word[0].isupper() and count > 2 * counts.get(word.lower(), 0):
            forms[word.lower()] = word
    for word in initial:
        if word.lower() not in counts and word.lower() not in forms:
            forms[word.lower()] = word  # only ever capitalised, so probably a name
    return forms


def _whole_word_uses(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each whole-word use of a wanted lower-case word, in any case: each word's
    uses in text order, word after word (_body_forms tallies each word apart: the order between
    two words changes nothing there, and no sort of all the uses is needed).

    A plain search of the lower-cased text: a regex of the words would be compiled anew for
    every headline. Where two uses overlap ("o'neill", "neill") the earlier, longer one wins
    (then the uses come all in text order).
    """
    padded = f" {_lower_same_length(text)} "  # every use has a character before and after it
    # A whole word has no letter, digit or "_" next to it (as the regex \b sees words).
    uses = []
    for word in wanted:
        start = padded.find(word)
        while start != -1:
            end = start + len(word)
            before, after = padded[start - 1], padded[end]
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                uses.append((start - 1, end - 1))
            start = padded.find(word, start + 1)
    if all(word.isalnum() for word in wanted):
        # Whole uses of words of letters alone never overlap (a letter would stand beside one of
        # them): nothing to drop.
        return uses
    uses.sort(key=lambda use: (use[0], -use[1]))
    kept: list[tuple[int, int]] = []
    for start, end in uses:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _lower_same_length(text: str) -> str:
    """The text in lower case, character for character (offsets stay valid)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" lowers to two


_SENTENCE_MARKS = frozenset(""".!?:"“‘(""")


def alternation(words: list[str]) -> str:
    """A regex alternation of the words as a trie ("s(?:a(?:id|ys?)|tated)"): the regex engine
    tries it much faster than a flat list, and at each branch the longer word comes first."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        tails = [r for r in rests if r]
        if not tails:
            parts.append(re.escape(first))
            continue
        inner = re.escape(tails[0]) if len(tails) == 1 else alternation(tails)
        if len(tails) > 1 or "" in rests:
            inner = f"(?:{inner})" + ("?" if "" in rests else "")
        parts.append(re.escape(first) + inner)
    return "|".join(parts)


def cut_at_word(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most `limit` characters, with "…" when cut."""
    text = normalise_space(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


# --- Long texts -------------------------------------------------------------------------------------

# A text longer than this (no story's: thousands of stories joined) has the names that rules look for
# looked up in a TextPlaces rather than searched for from its start, one name after another.
LONG_TEXT = 20_000
_FROM_CAPITAL_RE = re.compile(r"(?=([A-Z][^\W_]*))")  # at every capital A to Z: the letters and digits from it
_WHOLE_WORD_RE = re.compile(r"(?:[^\W_]|-)+")  # letters, digits and hyphens: what a whole word stands between
_ALNUM_PREFIX_RE = re.compile(r"[^\W_]*")


def is_long(text: str) -> bool:
    return len(text) > LONG_TEXT


def places_in(text: str) -> TextPlaces | None:
    """A TextPlaces of a long text; None for a story's own (a search of it in C costs less)."""
    return TextPlaces(text) if is_long(text) else None


class TextPlaces:
    """Where strings start in one long text, from indexes built once each, when first needed: a rule
    that looks for thousands of names, each printed somewhere in the text, then tries the places
    where each is printed, not the whole text before them (or after the last) again for each name.
    Every answer is the one the plain search gives, in the same order."""

    def __init__(self, text: str):
        self.text = text
        self._from_capital: dict[str, list[int]] | None = None  # letters and digits from a capital -> places
        self._keys: list[str] = []  # the keys of _from_capital, sorted: those opening with a prefix
        self._whole: dict[str, list[int]] | None = None  # a run of letters, digits and hyphens -> places
        self._holds: dict[str, bool] = {}  # a few strings whole-text rules need somewhere ("<", "its")

    def holds(self, string: str) -> bool:
        """`string in text`, searched for once."""
        if string not in self._holds:
            self._holds[string] = string in self.text
        return self._holds[string]

    def finds(self, string: str, step: int) -> list[int] | Iterator[int]:
        """The places `at = text.find(string)`, then `text.find(string, at + step)`, ... give, up to -1.
        A string that opens with a capital A to Z is printed only where a capital is: there, the
        letters and digits from the capital on are the string's own first ones, or (a string of
        letters and digits only) open with them; those places are tried, in order."""
        if not "A" <= string[:1] <= "Z":
            return _plain_finds(self.text, string, step)
        if self._from_capital is None:
            self._from_capital = {}
            for match in _FROM_CAPITAL_RE.finditer(self.text):
                self._from_capital.setdefault(match.group(1), []).append(match.start())
            self._keys = sorted(self._from_capital)
        first = _ALNUM_PREFIX_RE.match(string).group()
        if len(first) < len(string):
            candidates = self._from_capital.get(first, [])
        else:  # the keys that open with the string: a range of the sorted keys
            low, high = bisect_left(self._keys, first), bisect_left(self._keys, first + "\U0010ffff")
            candidates = sorted(at for key in self._keys[low:high] for at in self._from_capital[key])
        found, free = [], 0
        for at in candidates:
            if at >= free and self.text.startswith(string, at):
                found.append(at)
                free = at + step
        return found

    def whole_word_starts(self, word: str) -> list[int] | Iterator[int] | None:
        """Where the word stands whole (no letter, digit or hyphen either side), as people.py's
        _whole_word_starts finds it; None for a word of other characters too (the caller searches).
        A word of letters, digits and hyphens is whole exactly where such a run is the word."""
        if not word or _WHOLE_WORD_RE.fullmatch(word) is None:
            return None
        if self._whole is None:
            self._whole = {}
            for match in _WHOLE_WORD_RE.finditer(self.text):
                self._whole.setdefault(match.group(), []).append(match.start())
        return self._whole.get(word, [])


def _plain_finds(text: str, string: str, step: int) -> Iterator[int]:
    at = text.find(string)
    while at != -1:
        yield at
        at = text.find(string, at + step)


def finds(text: str, string: str, step: int, places: TextPlaces | None = None) -> list[int] | Iterator[int]:
    """The places `at = text.find(string)`, then `text.find(string, at + step)`, ... give, up to -1;
    looked up in `places` (a TextPlaces of the text, for a long one) when given."""
    return places.finds(string, step) if places is not None else _plain_finds(text, string, step)
