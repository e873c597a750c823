"""Name helpers for people and speakers: role lexicon, words that are never names, name tokens."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA_DIR = Path(__file__).resolve().parent / "data"


def _load_words(filename: str) -> frozenset[str]:
    """Lower-case entries of a data file, one a line; '#' starts a comment."""
    path = _DATA_DIR / filename
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entries.update(line.split("#", 1)[0].lower().split())
    return frozenset(entries)


# Nouns that make a phrase a role: "Finance Minister", "spokesman", "Secretary of State".
ROLE_HEADS = _load_words("roles.txt")
# Words that may sit inside a role before or after its head: "Finance", "deputy", "of", "the".
ROLE_MODIFIERS = _load_words("roles_modifiers.txt")
# Capitalised words that are never part of a person's name (months, sentence openers, places...).
NON_NAME_WORDS = _load_words("people_non_names.txt")
# Last words of organisation names ("Commission", "Corp"): a sequence holding one is no person.
ORGANISATION_WORDS = _load_words("people_organisation_words.txt")

# Titles printed before a name that make it a person on their own: "Mrs Thatcher", "Sheikh Ali".
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady sheikh king queen prince princess "
    "rep. sen. senator gen. general pope".split()
)
FEMALE_HONORIFICS = frozenset("mrs mrs. ms ms. dame lady queen princess".split())
MALE_HONORIFICS = frozenset("mr mr. sir lord king prince sheikh".split())
# Lower-case particles inside names: "Jacques de Larosiere", "Richard von Weizsaecker".
PARTICLES = frozenset("de da di du van von der den al bin ibn le la del dos".split())

# One word of a name: "Kishi", "McMillan", "Chao-Ming", "Shin-yong", "O'Neill", "al-Sabah".
NAME_WORD = r"(?:(?:al|el|bin)-)?(?:Mc|Mac|O')?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)*"
_PARTICLE = r"(?:de|da|di|du|van|von|der|den|al|bin|ibn|le|la|del|dos)"
# A run of name words, possibly with initials ("George P. Shultz") and particles between.
NAME_RUN_RE = re.compile(rf"\b{NAME_WORD}(?:\s+(?:[A-Z]\.|{_PARTICLE}|{NAME_WORD}))*(?<![.])\b")
_WORD_SPLIT_RE = re.compile(r"\s+")


def name_words(name: str) -> list[str]:
    return _WORD_SPLIT_RE.split(name.strip())


def key_words(name: str) -> list[str]:
    """The words that identify a person: no particles, no initials ("de Larosiere" -> Larosiere)."""
    return [w for w in name_words(name) if w.lower() not in PARTICLES and not re.fullmatch(r"[A-Z]\.", w)]


def surname(name: str) -> str:
    words = key_words(name)
    return words[-1] if words else name


def is_role_head(word: str) -> bool:
    return word.lower().rstrip(".") in ROLE_HEADS or word.lower() in ROLE_HEADS


def is_role_word(word: str) -> bool:
    lower = word.lower()
    return lower in ROLE_HEADS or lower in ROLE_MODIFIERS


def is_non_name(word: str) -> bool:
    return word.lower() in NON_NAME_WORDS


@lru_cache(maxsize=4096)
def whole_word_re(word: str) -> re.Pattern[str]:
    """A pattern for the word as a whole token: "Kishi" does not match inside "Kishida"."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
