"""SQLite: the fragments of a result not in English, with the words found marked (issue 19).

FTS5's snippet() reads the indexed text, and the index of the articles not in English holds their
analysed words ("négoci", "外交 交部"), not their text; so for those rows the fragment is made here,
from the text, by the same analysis: each word of the text stemmed (or folded) in the row's
language and compared with the query's words analysed alike, so "négociation" marks
"négociations" and "Verhandlungen" "Verhandlung"; in Chinese, Japanese and Korean the characters
searched are marked wherever they stand. Like snippet(): SNIPPET_WORDS words around the most
matches, "…" where the text goes on, matches between \\x02 and \\x03. (PostgreSQL's ts_headline does
the same with the row's configuration.)

Only the page's rows get one. The text's first PREFIX_CHARS are tried first (the words are mostly
in a story's opening), then the whole text.
"""

from __future__ import annotations

import re
import unicodedata

from .languages import CJK, CJK_CHARS, _stemmer, analysis
from .query import And, Not, Or, Phrase, Term

SNIPPET_WORDS = 24
CJK_SNIPPET_CHARS = 64  # a CJK character is a token here; a fragment of about the same length
PREFIX_CHARS = 1000
WINDOW_BEFORE_CHARS, WINDOW_CHARS = 400, 3000
ELLIPSIS = "…"

# A CJK character alone, or a run of other letters and digits.
_TOKEN = re.compile(f"[{CJK_CHARS}]|[^\\W_{CJK_CHARS}]+")
_CJK = re.compile(f"[{CJK_CHARS}]")
_MARKERS = re.compile("[\x02\x03]")


def words_of(tree) -> list[str]:
    """The words a result is found by: every word of the query that is not excluded."""
    if isinstance(tree, Term):
        return [tree.word]
    if isinstance(tree, Phrase):
        return list(tree.words)
    if isinstance(tree, Or | And):
        return [word for child in tree.children for word in words_of(child)]
    if isinstance(tree, Not):
        return []
    raise TypeError(f"not a query object: {tree!r}")


def _fold(word: str) -> str:
    """As FTS5's unicode61 tokenizer compares (remove_diacritics): no accents, lower case."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Marker:
    """The query's words analysed once in a language; marks texts of that language."""

    def __init__(self, language: str, tree):
        self.code = analysis(language)
        self.stemmer = _stemmer(self.code)
        words = words_of(tree)
        # As typed, lower case: folding would take Hangul syllables apart (NFKD).
        self.substrings = [word.lower() for word in words if _CJK.search(word)]
        self.keys = {self._key(token) for word in words for token in _TOKEN.findall(word) if not _CJK.match(token)}

    def _key(self, token: str) -> str:
        token = token.lower()
        return _fold(self.stemmer.stemWord(token) if self.stemmer else token)

    def snippet(self, text: str | None) -> str:
        """The fragment with the most matches, or the text's opening when none is in it (the
        words were in the title): as FTS5's snippet() does."""
        if not text:
            return ""
        text = _MARKERS.sub(" ", text)
        prefix = text[:PREFIX_CHARS]
        spans = self._spans(prefix) or (self._spans(text) if len(text) > PREFIX_CHARS else [])
        return self._fragment(text, spans)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of each piece of the text to mark, in order, not overlapping."""
        spans = []
        if self.keys:
            # Each distinct word of the text analysed once; the text walked only if one matches.
            forms = {word for word in set(_TOKEN.findall(text)) if not _CJK.match(word)}
            matching = {word for word in forms if self._key(word) in self.keys}
            if matching:
                spans += [token.span() for token in _TOKEN.finditer(text) if token.group() in matching]
        if self.substrings:
            lower = text.lower()
            lower = lower if len(lower) == len(text) else text  # positions must be the text's
            for substring in self.substrings:
                start = lower.find(substring)
                while start >= 0:
                    spans.append((start, start + len(substring)))
                    start = lower.find(substring, start + len(substring))
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [(start, end) for start, end in merged]

    def _fragment(self, text: str, spans: list[tuple[int, int]]) -> str:
        size = CJK_SNIPPET_CHARS if self.code in CJK else SNIPPET_WORDS
        # The fragment is chosen near the first match: from a little before it to a few thousand
        # characters after (the whole text would cost a millisecond per 10,000 characters).
        low = max(0, spans[0][0] - WINDOW_BEFORE_CHARS) if spans else 0
        tokens = list(_TOKEN.finditer(text, low, low + WINDOW_CHARS))
        if not tokens:
            return ""
        hits, next_span = [], 0
        for token in tokens:  # spans and tokens are both in order
            while next_span < len(spans) and spans[next_span][1] <= token.start():
                next_span += 1
            hits.append(next_span < len(spans) and spans[next_span][0] < token.end())
        first = _best_window(hits, size) if spans else 0
        last = min(first + size, len(tokens)) - 1
        begin, end = tokens[first].start(), tokens[last].end()
        if not _TOKEN.search(text, end):
            end = len(text.rstrip())  # only punctuation after: the text's end, without "…"
        parts, position = [], begin
        for start, stop in spans:
            start, stop = max(start, begin), min(stop, end)  # a span cut by the fragment's edge is cut too
            if start >= stop:
                continue
            parts += [text[position:start], "\x02", text[start:stop], "\x03"]
            position = stop
        parts.append(text[position:end])
        before = ELLIPSIS if text[:begin].strip() else ""
        after = ELLIPSIS if text[end:].strip() else ""
        return before + "".join(parts) + after


def _best_window(hits: list[bool], size: int) -> int:
    """The first token of the fragment: of the window of `size` tokens with the most hits (the
    earliest of equals), starting a few words before its first hit."""
    best, best_count, count = 0, -1, 0
    for index, hit in enumerate(hits):
        count += hit
        if index >= size:
            count -= hits[index - size]
        if count > best_count:
            best, best_count = max(0, index - size + 1), count
    first_hit = next((index for index in range(best, min(best + size, len(hits))) if hits[index]), best)
    return max(0, first_hit - size // 4)


def snippets(rows, tree) -> dict[int, str]:
    """{id: fragment} for rows of (id, language, text), each marked in its own language."""
    markers: dict[str, Marker] = {}
    found = {}
    for pk, language, text in rows:
        code = analysis(language)
        if code not in markers:
            markers[code] = Marker(code, tree)
        found[pk] = markers[code].snippet(text)
    return found
