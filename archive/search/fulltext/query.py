"""The search box's language, parsed once into small query objects that each backend compiles.

    trade japan          both words (stemmed: "trade" finds "trading")
    "trade deficit"      the exact phrase
    gatt OR tariff       either (OR binds tighter than the implicit AND)
    soviet -oil          excludes a word; -"phrase" excludes a phrase
    speaker:Baker  country:JP  person:"James Baker"  org:GATT  tag:energy   filters

Parsing never fails: whatever cannot be understood is dropped and said in `Query.hint`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

FIELDS = ("speaker", "country", "person", "org", "tag", "role")
MAX_INPUT_CHARS = 2000
MAX_TERMS = 32
MAX_WORD_CHARS = 60

# PostgreSQL's English stop words: dropped here so that both backends treat them alike.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can did do does doing don down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own s same she
    should so some such t than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    you your yours yourself yourselves""".split()
)


# Query objects ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    word: str

    def __str__(self) -> str:
        return self.word


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]

    def __str__(self) -> str:
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class Or:
    children: tuple[Term | Phrase, ...]

    def __str__(self) -> str:
        return " OR ".join(map(str, self.children))


@dataclass(frozen=True)
class Not:
    child: Term | Phrase

    def __str__(self) -> str:
        return f"-{self.child}"


@dataclass(frozen=True)
class And:
    children: tuple[Term | Phrase | Or | Not, ...]

    @property
    def included(self) -> list:
        return [child for child in self.children if not isinstance(child, Not)]

    @property
    def excluded(self) -> list:
        return [child.child for child in self.children if isinstance(child, Not)]

    def __str__(self) -> str:
        return " ".join(map(str, self.children))


@dataclass
class Query:
    terms: list = field(default_factory=list)  # free text: Term, Phrase, Or, Not, all to match
    fields: dict[str, list[str]] = field(default_factory=dict)  # prefix -> values as typed
    hint: str = ""

    @property
    def tree(self) -> And | None:
        """The free text as one query object, or None when there is none."""
        return And(tuple(self.terms)) if self.terms else None

    @property
    def has_text(self) -> bool:
        return bool(self.terms)

    @property
    def text(self) -> str:
        """The free text as understood, e.g. for a page title."""
        return str(self.tree or "")

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.fields


# Parsing ----------------------------------------------------------------------------------------

# One token: optional minus, optional field prefix, then a quoted string or a run of non-space.
_TOKEN = re.compile(r'(?P<minus>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')
_WORD = re.compile(r"[^\W_]+(?:[.'\u2019&-][^\W_]+)*")


def parse_query(text: str | None) -> Query:
    """Parse what the user typed. Never raises; see the module docstring for the syntax."""
    hints: list[str] = []
    text = _clean(text or "", hints)
    if text.count('"') % 2:
        hints.append("Unbalanced quote ignored")
        text = _drop_last_quote(text)
    items, fields = _read_tokens(text, hints)
    terms = list(dict.fromkeys(_combine_or(items)))
    if len(terms) > MAX_TERMS:
        hints.append(f"Only the first {MAX_TERMS} words are used")
        terms = terms[:MAX_TERMS]
    if terms and all(isinstance(term, Not) for term in terms):
        hints.append("Only exclusions given: showing everything else")
    return Query(terms=terms, fields=fields, hint=". ".join(dict.fromkeys(hints)))


def _clean(text: str, hints: list[str]) -> str:
    if len(text) > MAX_INPUT_CHARS:
        hints.append("Query too long: the end was ignored")
        text = text[:MAX_INPUT_CHARS]
    text = unicodedata.normalize("NFC", text)
    # Control and format characters (NUL included) become spaces; curly quotes become plain ones.
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text)
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u201e", '"')


def _drop_last_quote(text: str) -> str:
    index = text.rfind('"')
    return text[:index] + " " + text[index + 1 :]


def _read_tokens(text: str, hints: list[str]):
    """Split into words, phrases, OR markers and exclusions; collect field prefixes apart."""
    items: list = []
    fields: dict[str, list[str]] = {}
    for match in _TOKEN.finditer(text):
        minus, prefix, quoted, bare = match.group("minus", "field", "quoted", "bare")
        value = quoted if quoted is not None else bare
        if prefix and prefix.lower() in FIELDS:
            _add_field(fields, prefix.lower(), value, bool(minus), hints)
            continue
        if bare == "OR" and not (minus or prefix):
            items.append("OR")
            continue
        for node in _nodes(prefix, quoted, bare, hints):
            items.append(Not(node) if minus else node)
    return items, fields


def _add_field(fields, prefix: str, value: str, excluded: bool, hints: list[str]) -> None:
    value = " ".join(value.split())
    if excluded:
        hints.append(f"Excluding with -{prefix}: is not supported; ignored")
    elif not value:
        hints.append(f"{prefix}: needs a value")
    elif value not in fields.setdefault(prefix, []):
        fields[prefix].append(value[:200])
    if not fields.get(prefix):
        fields.pop(prefix, None)


def _nodes(prefix: str | None, quoted: str | None, bare: str | None, hints: list[str]) -> list:
    """The words of one token; an unknown prefix ("note:") is just one more word."""
    words = _words(prefix or "")
    if quoted is None:
        words += _words(bare)
        phrase = []
    else:
        phrase = _words(quoted)
        if len(phrase) == 1:
            words, phrase = words + phrase, []
    terms = [_term(word, hints) for word in words]
    return [term for term in terms if term] + ([Phrase(tuple(phrase))] if phrase else [])


def _words(text: str) -> list[str]:
    """Runs of letters and digits, keeping inner . ' - & ("U.S.", "don't", "e-mail", "AT&T")."""
    return [word[:MAX_WORD_CHARS] for word in _WORD.findall(text)]


def _term(word: str, hints: list[str]) -> Term | None:
    if word.casefold() in STOP_WORDS:
        hints.append(f"Common word ignored: {word}")
        return None
    if len(word) == 1 and _is_cjk(word):
        hints.append(
            f"Chinese, Japanese and Korean are searched by two characters or more: “{word}” alone is found "
            "only where it stands by itself; add the character before or after it"
        )
    return Term(word)


def _is_cjk(word: str) -> bool:
    from .languages import CJK_CHARS  # languages.py reads the query objects of this module

    return re.fullmatch(f"[{CJK_CHARS}]+", word) is not None


def _combine_or(items: list) -> list:
    """Fold `a OR b OR c` into Or nodes; an OR with nothing sensible on one side is dropped."""
    terms: list = []
    pending_or = False
    for item in items:
        if item == "OR":
            pending_or = bool(terms) and not isinstance(terms[-1], Not)
            continue
        if pending_or and not isinstance(item, Not):
            previous = terms.pop()
            left = previous.children if isinstance(previous, Or) else (previous,)
            item = Or(tuple(dict.fromkeys(left + (item,))))
        pending_or = False
        terms.append(item)
    return terms
