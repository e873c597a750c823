"""Name helpers for people and speakers: lexicons, name tokens, and word tests cached per word."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from .countries import country_for_word

_DATA_DIR = Path(__file__).resolve().parent / "data"


def _load_words(filename: str) -> frozenset[str]:
    """Lower-case entries of a data file, one or more a line; '#' starts a comment."""
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
# Plural nouns of people ("Advocates", "Builders"): groups, never a person's name.
PEOPLE_GROUP_WORDS = _load_words("people_groups.txt")
NON_NAME_WORDS = _load_words("people_non_names.txt") | PEOPLE_GROUP_WORDS
# Last words of organisation names ("Commission", "Corp"): a sequence holding one is no person.
ORGANISATION_WORDS = _load_words("people_organisation_words.txt")
# Common given names: "Paul Volcker" is a person even with no role or verb beside it.
GIVEN_NAMES = _load_words("people_given_names.txt")
# Verbs that report speech ("said", "told"), and those that only continue it ("added").
SPEECH_VERBS = _load_words("speech_verbs.txt")

# Titles printed before a name that make it a person on their own: "Mrs Thatcher", "Sheikh Ali".
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady sheikh king queen prince princess "
    "rep. sen. senator gen. pope emir sultan shah adm. col. lt. capt. gov. sgt. "
    # military ranks of modern news, the run of a name stops at their full stop: "Maj. Gen. Pat Ryder"
    "gen maj maj. brig brig. cmdr cmdr. cdr. commodore lt.gen.".split()
)
# Titles that are part of how a monarch is named: "King Fahd", not just "Fahd".
ROYAL_TITLES = frozenset("king queen prince princess sheikh emir sultan shah emperor empress".split())
# Lower-case particles inside names: "Jacques de Larosiere", "Richard von Weizsaecker".
PARTICLES = frozenset("de da di du des van von der den al bin ibn le la del dos arap".split())

# One word of a name: "Kishi", "McMillan", "Chao-Ming", "Shin-yong", "O'Neill"; inside a run
# also "al-Sabah". The run pattern opens with a plain capital (no assertion before it) so that
# the regex engine can skip ahead fast: callers drop runs that start inside a word.
# Latin-1 letters too: "Jeanine Áñez", "Andrés Manuel López Obrador" in modern English news; and
# those of Latin Extended-A and Romanian: "Radosław Sikorski", "Recep Tayyip Erdoğan", "Miloš Zeman".
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșț"


# An apostrophe before a name's last letters is part of it ("Njuguna Ndung’u", "Mustafa Nyang'anyi"),
# not a possessive "’s".
# An optional group is written "(?:X|)", not "(?:X)?": the same matches, tried in the same order, but
# the regex engine runs a plain branch instead of a repeat's bookkeeping, at every capital of the text.
def _first_name_word(upper: str, lower: str) -> str:
    return (
        rf"[{upper}](?:c[A-Z]|ac[A-Z]|'[A-Z]|)[{lower}]+(?:[{upper}][{lower}]+|)(?:['’](?!s\b)[{lower}]{{1,12}}\b|)"
        rf"(?:-[A-Za-z][{lower}]+)*"
    )


_FIRST_NAME_WORD = _first_name_word(_UPPER, _LOWER)
NAME_WORD = rf"(?:(?:al|el|bin)-|){_FIRST_NAME_WORD}"
_PARTICLE = r"(?:de|da|di|du|des|van|von|der|den|al|bin|ibn|le|la|del|dos|arap)(?=\s)"


def _name_run(upper: str, lower: str) -> re.Pattern[str]:
    # A run of name words, possibly with initials ("George P. Shultz") and particles between.
    # An initial printed without its full stop goes on a run too when a name word follows: "Gerald F Cox".
    first = _first_name_word(upper, lower)
    word = rf"(?:(?:al|el|bin)-|){first}"
    return re.compile(rf"{first}(?:\s+(?:[A-Z]\.|[A-Z](?=\s+[{upper}][{lower}])|{word}|{_PARTICLE}))*(?<![.])\b")


NAME_RUN_RE = _name_run(_UPPER, _LOWER)
# The same runs in a text of ASCII alone (str.isascii() is one flag test): no other letter can
# match there, and the engine tests "[A-Z]" faster than the long Latin class at every character.
NAME_RUN_ASCII_RE = _name_run("A-Z", "a-z")
_WORD_SPLIT_RE = re.compile(r"\s+")
_INITIAL_RE = re.compile(r"[A-Z]\.?")  # "F." or "F" of "Gerald F Cox"
_POSSESSIVE_RE = re.compile(r"['’]s$")


def name_words(name: str) -> list[str]:
    return _WORD_SPLIT_RE.split(name.strip())


@lru_cache(maxsize=4096)
def key_words(name: str) -> tuple[str, ...]:
    """The words that identify a person: no particles, no initials ("de Larosiere" -> Larosiere)."""
    return tuple(w for w in name_words(name) if w.lower() not in PARTICLES and not _INITIAL_RE.fullmatch(w))


def is_role_head(word: str) -> bool:
    lower = word.lower()
    return lower in ROLE_HEADS or lower.rstrip(".") in ROLE_HEADS


# Month names in lower case: a capitalised one opens no name ("The February FOMC").
MONTHS = frozenset("january february march april may june july august september october november december".split())


def is_role_word(word: str) -> bool:
    return word.lower() in _ROLE_WORDS


_ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS  # is_role_word's one look-up


def is_non_name(word: str) -> bool:
    lower = word.lower()
    if lower in NON_NAME_WORDS:
        return True
    # "We’ve", "I'm", "They’re", "It’s": a pronoun's contraction
    return ("’" in lower or "'" in lower) and _CONTRACTION_RE.fullmatch(lower) is not None


_CONTRACTION_RE = re.compile(r"(?:i|we|you|they|he|she|it|let|that|there|here|what|who)['’](?:ve|re|ll|m|d|s)")


def is_camel_body(word: str) -> bool:
    """One word with a capital inside ("StackAdapt", "SoftBank", "GreatFire"): a firm's or a site's
    name, not a person's; a surname's particle is no such capital ("McDonald", "DeSantis", "LeBron",
    "DiCaprio", "FitzGerald", "MacArthur")."""
    if word[1:].islower():
        return False  # the common case: no capital after the first letter (tested in C before the regex)
    return _CAMEL_BODY_RE.match(word) is not None and _CAMEL_SURNAME_RE.match(word) is None


_CAMEL_BODY_RE = re.compile(r"[A-Z][a-z]+[A-Z][a-z]")
_CAMEL_SURNAME_RE = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Lo|Van|Von|Der|Fitz|St|Ben|Al|El|Abu|Ibn|Bin)[A-Z]")


def is_given_name(word: str) -> bool:
    return word.lower() in GIVEN_NAMES


def country_code(word: str, date: dt.date | None = None) -> str | None:
    """The country a capitalised word names ("Japanese", "Britain's"), else None."""
    if not _names_a_country(word):
        return None  # the common case, cached whatever the story's date
    return _dated_country_code(word, date)


@lru_cache(maxsize=16384)
def _names_a_country(word: str) -> bool:
    return word[:1].isupper() and country_for_word(_POSSESSIVE_RE.sub("", word)) is not None


# Public: a word's tests (country_code, is_title_word, is_prefix_word) read the story's date only
# when it names a country, so callers caching answers across stories key them on this.
names_a_country = _names_a_country


@lru_cache(maxsize=16384)
def _dated_country_code(word: str, date: dt.date | None) -> str | None:
    return country_for_word(_POSSESSIVE_RE.sub("", word), date)


# The tests of a word are cached on (word, date) only for a word that names a country, else on
# (word, None): such a word reads the same on every date, and its cached answer serves every story.
# The answers for words that name no country are also kept in a plain dict, read first: one look-up
# instead of two cached calls (with a key tuple each) for the common word. Pure functions of the
# word, bounded in size like the caches behind them.
_TITLE_WORDS: dict[str, bool] = {}
_PREFIX_WORDS: dict[str, bool] = {}
_WORD_ANSWERS_LIMIT = 16384


def is_title_word(word: str, date: dt.date | None = None) -> bool:
    """A word that introduces a name rather than belongs to it: role, title, country, institution."""
    answer = _TITLE_WORDS.get(word)
    if answer is not None:
        return answer
    if _names_a_country(word):
        return _is_title_word(word, date)
    answer = _is_title_word(word, None)
    if len(_TITLE_WORDS) < _WORD_ANSWERS_LIMIT:
        _TITLE_WORDS[word] = answer
    return answer


@lru_cache(maxsize=8192)
def _is_title_word(word: str, date: dt.date | None) -> bool:
    lower = word.lower()
    return (
        is_role_word(word) or lower in HONORIFICS or lower in ORGANISATION_WORDS or country_code(word, date) is not None
    )


def is_prefix_word(word: str, date: dt.date | None = None) -> bool:
    """A capitalised word that cannot start a name: a title word or a common non-name."""
    answer = _PREFIX_WORDS.get(word)
    if answer is not None:
        return answer
    if _names_a_country(word):
        return _is_prefix_word(word, date)
    answer = _is_prefix_word(word, None)
    if len(_PREFIX_WORDS) < _WORD_ANSWERS_LIMIT:
        _PREFIX_WORDS[word] = answer
    return answer


# is_prefix_word's kept answer for a word naming no country, else None: read first (a look-up in C,
# no Python call) where a loop tests every capitalised word of a text.
known_prefix_word = _PREFIX_WORDS.get


@lru_cache(maxsize=8192)
def _is_prefix_word(word: str, date: dt.date | None) -> bool:
    return is_title_word(word, date) or is_non_name(word) or _ADVERB_RE.fullmatch(word) is not None


# A sentence adverb opening the sentence before a name ("Apparently Lindsey's posts", "Reportedly
# Smith", "Eventually", "Initially"): endings of adverbs that no common surname has ("Connolly",
# "Kelly", "Daly" keep theirs).
_ADVERB_RE = re.compile(
    r"[A-Z][a-z]{2,}(?:ently|antly|ately|ously|ically|edly|ingly|tively|fully|lessly|ably|ibly|ually|ially|arily)"
)


def _load_groups(filename: str) -> dict[str, frozenset[str]]:
    """Words of a data file by group: a line opening with "[group]" puts its words in that group,
    other lines in "" (no condition); "#" starts a comment. Every word is also in "all"."""
    groups: dict[str, set[str]] = {"": set(), "all": set()}
    for line in (_DATA_DIR / filename).read_text(encoding="utf-8").splitlines():
        words = [w.replace("_", " ") for w in line.split("#", 1)[0].lower().split()]  # "pointed_out"
        group = ""
        if words and words[0].startswith("[") and words[0].endswith("]"):
            group, words = words[0][1:-1], words[1:]
        groups.setdefault(group, set()).update(words)
        groups["all"].update(words)
    return {group: frozenset(words) for group, words in groups.items()}


# Reporting verbs beyond SPEECH_VERBS ("confirmed", "denied", "urged"), by the condition under
# which they report a statement (see the data file).
REPORTING_VERBS = _load_groups("reporting_verbs.txt")

# Given names of women, for the agreement of "she" and "he" with a person.
FEMALE_GIVEN_NAMES = _load_words("people_female_given_names.txt")
# Given names of women in one language and of men in another ("Andrea"): of unknown sex.
EITHER_SEX_GIVEN_NAMES = _load_words("people_either_sex_given_names.txt")


def _load_nicknames(filename: str) -> dict[str, tuple[str, ...]]:
    """ "pat: patrick patricia" lines of a data file: a short given name -> the full ones."""
    nicknames = {}
    for line in (_DATA_DIR / filename).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].lower()
        if ":" in entry:
            short, full = entry.split(":", 1)
            nicknames[short.strip()] = tuple(full.split())
    return nicknames


# Short forms of English given names ("pat" -> "patrick", "patricia"): two people of one surname join.
NICKNAMES = _load_nicknames("people_nicknames.txt")


def person_gender(name: str, forms: list[str] = ()) -> str | None:
    """ "f", "m" or None (unknown) for a person's name: by an honorific printed with it, else by
    the given name ("Stephanie Grisham" f, "Donald Trump" m, "Kim Yong-hyun" None)."""
    for form in (name, *forms):
        first = form.split(None, 1)[0].lower().rstrip(".") if form else ""
        if first in ("mrs", "ms", "miss", "madame", "lady", "dame", "queen", "princess"):
            return "f"
        if first in ("mr", "sir", "lord", "king", "prince", "sheikh", "emir", "sultan"):
            return "m"
    words = name.split()
    given = words[0].lower() if len(words) > 1 else ""
    if given in EITHER_SEX_GIVEN_NAMES:
        return None
    if given in FEMALE_GIVEN_NAMES:
        return "f"
    if given in GIVEN_NAMES:
        return "m"
    return None
