"""Searching each article in its own language (issue 19): how a language's words are analysed.

An article's `language` (ISO 639-1, "en" by default, "" when it could not be told) chooses its
analysis, on both databases:

- English ("en", "en-GB" ..., and "" for unknown: the archive's stories are mostly English) keeps
  the English index as it was (porter on SQLite, `archive_english` on PostgreSQL), and so its
  relevance and speed.
- A language with a Snowball stemmer: its stemmer ("négociations" and "négociation" are both
  "négoci"; "Verhandlungen" and "Verhandlung" "verhandl"). PostgreSQL: its built-in configuration
  with unaccent before the stemmer (`archive_french` ...), like `archive_english`; SQLite: the same
  Snowball stemmers from PyStemmer, applied here in Python to the text at index time (triggers call
  the function `archive_analyse` that every Django connection registers, see `register_sqlite`)
  and to the query's words at search time; FTS5 then folds case and accents (unicode61).
- Chinese, Japanese and Korean ("zh", "ja", "ko"): runs of their characters become overlapping
  pairs ("外交部长" -> "外交 交部 部长"), and a word searched becomes the phrase of its pairs, so any
  substring of two characters or more is found, through the index, with no dictionary (the CJK
  bigram indexing of Lucene's CJKBigramFilter); on both databases the same way.
- Any other language: its words folded, not stemmed (PostgreSQL: `archive_simple`).

A search is analysed in each language present among the articles (asked of the index on
`language`: a few index probes, not a scan), or in the languages the page's language filter chose,
and an article matches only by the analysis of its own language (a German "die" is not the English
verb). Where only English is present, the search is the English search of issue 13, unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .query import And, Not, Or, Phrase, Term

ENGLISH = "en"
# ISO 639-1 -> the Snowball stemmer PostgreSQL 15 ships a configuration for (same name there).
POSTGRES_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
    "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip
# PyStemmer has these too (SQLite only; PostgreSQL folds them with archive_simple).
MORE_SNOWBALL = {"cs": "czech", "pl": "polish", "et": "estonian", "fa": "persian", "eo": "esperanto"}
CJK = ("zh", "ja", "ko")
SIMPLE_CONFIG = "archive_simple"

# Han (with extensions A and the compatibility block), kana, Hangul syllables and jamo.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
_WORDS = re.compile(r"[^\W_]+")


def base(language: str) -> str:
    """The language of a code, lower case, without its region: "fr-CA" -> "fr"; "" stays ""."""
    return (language or "").split("-")[0].split("_")[0].lower()


def analysis(language: str) -> str:
    """The analysis an article of this language gets: "en", or the language's own code."""
    code = base(language)
    return ENGLISH if code in ("", ENGLISH) else code


def postgres_config(code: str) -> str:
    """The text search configuration of an analysis (migration 0015 makes them)."""
    if code == ENGLISH:
        return "archive_english"
    return f"archive_{POSTGRES_SNOWBALL[code]}" if code in POSTGRES_SNOWBALL else SIMPLE_CONFIG


@lru_cache(maxsize=64)
def _stemmer(code: str):
    name = POSTGRES_SNOWBALL.get(code) or MORE_SNOWBALL.get(code)
    if not name:
        return None
    import Stemmer  # PyStemmer: only the non-English analyses need it

    return Stemmer.Stemmer(name)


def bigrams(text: str) -> str:
    """Runs of CJK characters as their overlapping pairs; other text as it was."""

    def pairs(match):
        run = match.group(0)
        if len(run) < 2:
            return f" {run} "
        return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "

    return _CJK_RUN.sub(pairs, text)


def analyse(language: str, text: str | None) -> str:
    """What SQLite indexes for a non-English article's text (and a word searched in that language):
    its words lower-cased and stemmed, or its CJK runs as pairs, separated by spaces."""
    if not text:
        return ""
    code = analysis(language)
    if code in CJK:
        return " ".join(_WORDS.findall(bigrams(text).lower()))
    words = _WORDS.findall(text.lower())
    stemmer = _stemmer(code)
    return " ".join(stemmer.stemWords(words) if stemmer else words)


def register_sqlite(sender=None, connection=None, **kwargs) -> None:
    """connection_created: give a SQLite connection the function its index triggers call."""
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_function("archive_analyse", 2, analyse, deterministic=True)


# The query, per analysis -----------------------------------------------------------------------


def analysed_tree(node, code: str):
    """The query object with each word as SQLite's index of the `code` analysis holds it: a word
    whose analysis gives several tokens ("U.S.", a CJK word's pairs) becomes their phrase."""
    if isinstance(node, Term):
        tokens = analyse(code, node.word).split()
        return Term(tokens[0]) if len(tokens) == 1 else Phrase(tuple(tokens or [node.word]))
    if isinstance(node, Phrase):
        tokens = analyse(code, " ".join(node.words)).split()
        return Phrase(tuple(tokens or node.words))
    if isinstance(node, Or):
        return Or(tuple(analysed_tree(child, code) for child in node.children))
    if isinstance(node, Not):
        return Not(analysed_tree(node.child, code))
    if isinstance(node, And):
        return And(tuple(analysed_tree(child, code) for child in node.children))
    raise TypeError(f"not a query object: {node!r}")


def bigram_tree(node):
    """PostgreSQL, CJK: each word with CJK characters as the phrase of its pairs."""
    if isinstance(node, Term):
        tokens = bigrams(node.word).split()
        return node if len(tokens) == 1 else Phrase(tuple(tokens))
    if isinstance(node, Phrase):
        return Phrase(tuple(bigrams(" ".join(node.words)).split()))
    if isinstance(node, Or):
        return Or(tuple(bigram_tree(child) for child in node.children))
    if isinstance(node, Not):
        return Not(bigram_tree(node.child))
    if isinstance(node, And):
        return And(tuple(bigram_tree(child) for child in node.children))
    raise TypeError(f"not a query object: {node!r}")


# Which languages to search ------------------------------------------------------------------------

# The distinct languages from the index on Article.language (article_language_index): one probe
# per language, whatever the number of articles (a loose index scan; both databases say it alike).
PRESENT_SQL = """
    WITH RECURSIVE present(language) AS (
        SELECT min(language) FROM archive_article
        UNION ALL
        SELECT (SELECT min(a.language) FROM archive_article a WHERE a.language > present.language)
        FROM present WHERE present.language IS NOT NULL
    )
    SELECT language FROM present WHERE language IS NOT NULL
"""


def present_languages(alias: str) -> list[str]:
    from django.db import connections

    with connections[alias].cursor() as cursor:
        cursor.execute(PRESENT_SQL)
        return [row[0] for row in cursor.fetchall()]


def plan(alias: str, chosen: list[str] | None = None) -> dict[str, list[str]]:
    """{analysis: [the language codes stored that take it]} for a search: the languages chosen by
    the page's filter, else those present."""
    codes = [code for code in (chosen or []) if code is not None] or present_languages(alias)
    grouped: dict[str, list[str]] = {}
    for code in codes:
        grouped.setdefault(analysis(code), []).append(code)
    return grouped or {ENGLISH: [ENGLISH]}


def only_english(grouped: dict[str, list[str]]) -> bool:
    return set(grouped) == {ENGLISH}
