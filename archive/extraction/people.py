"""People mentioned in a story, with their roles.

A run of capitalised words is a person only with a cue a careful reader would use: a role or
title before it ("Treasury Secretary James Baker", "Mrs Thatcher"), an apposition after it
("Jeffrey Hornung, a ... expert at", "Daniel Russel, who"), or a speech verb next to it
("Reagan said", "said Tom Murtha"). Later mentions by surname join the full name, word by
whole word, so "Kishi" never matches inside "Kishida".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .countries import country_for_word
from .model import Document, OrganisationMention, PersonMention, Span
from .names import (
    HONORIFICS,
    NAME_RUN_RE,
    ORGANISATION_WORDS,
    PARTICLES,
    is_non_name,
    is_role_head,
    is_role_word,
    key_words,
)

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|adding|saying|stated|noted|warned|argued|replied|"
    r"commented|declared|announced|explained|stressed|insisted|predicted|acknowledged|admitted"
)
_SPEECH_AFTER_RE = re.compile(
    rf"^(?:\s*,[^,;]{{1,120}},)?\s+(?:[a-z]+ly\s+|also\s+|later\s+|earlier\s+|today\s+|yesterday\s+|"
    rf"on\s+[A-Z][a-z]+day\s+)?(?:{SPEECH_VERBS})\b"
)
_SPEECH_BEFORE_RE = re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\s+$")
_WHO_RE = re.compile(r"^,\s+who\b")
_APPOSITION_RE = re.compile(
    r"^,\s+(?:who\s+(?:is|was)\s+(?:also\s+)?)?(?:(?:a|an|the)\s+)?(?P<phrase>[^,;.\"“”()]{2,120})"
)
_APPOSITION_CUT_RE = re.compile(r"\s+(?:at|with|in|who|which|and|said|told|on|from|to)\s+.*$")
_PREFIX_TOKEN_RE = re.compile(r"[A-Za-z][\w.'’-]*|,")
_LOWER_RE = re.compile(r"[a-z]")
_TOKEN_RE = re.compile(r"[A-Za-z][\w'’-]*")
_CREDIT_PARAGRAPH_RE = re.compile(r"^(?:By |(?:Additional )?(?:Reporting|Writing|Editing) by )", re.I)


@dataclass
class _Found:
    name: str
    paragraph: int
    start: int
    end: int
    role: str = ""
    country: str | None = None
    organisation: str | None = None


@dataclass
class _Person:
    name: str
    forms: list[str] = field(default_factory=list)
    role: str = ""
    country: str | None = None
    organisation: str | None = None
    spans: list[Span] = field(default_factory=list)


def find_people(document: Document, organisations: list[OrganisationMention]) -> list[PersonMention]:
    paragraphs = readable_paragraphs(document)
    excluded = _excluded_words(document, organisations)
    found: list[_Found] = []
    for index, paragraph in enumerate(paragraphs):
        found.extend(_people_in(paragraph, index, excluded, organisations, document))
    people = _merge(found)
    _add_later_mentions(people, paragraphs)
    return [
        PersonMention(
            name=p.name,
            forms=p.forms,
            role=p.role,
            country=p.country,
            organisation=p.organisation,
            mentions=len(p.spans),
            spans=sorted(p.spans, key=lambda s: (s.paragraph, s.start)),
        )
        for p in people
    ]


def readable_paragraphs(document: Document) -> list[str]:
    """The body paragraphs, with subheads and credit lines blanked (indices stay the same)."""
    return ["" if _is_heading(p) or _CREDIT_PARAGRAPH_RE.match(p) else p for p in document.paragraphs]


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) < 120 and not _LOWER_RE.search(paragraph)


def _excluded_words(document: Document, organisations: list[OrganisationMention]) -> set[str]:
    """Words of journalists' and organisations' names: never the start of a person."""
    excluded = set()
    for name in document.credits.names():
        excluded.update(w.lower() for w in key_words(name))
    for org in organisations:
        if len(org.name.split()) == 1:
            excluded.add(org.name.lower())
        if org.abbreviation:
            excluded.add(org.abbreviation.lower())
    return excluded


def _people_in(paragraph, index, excluded, organisations, document) -> list[_Found]:
    found = []
    for match in NAME_RUN_RE.finditer(paragraph):
        person = _person_in_run(paragraph, index, match, excluded, document)
        if person and not _inside_organisation(person, organisations):
            found.append(person)
    return found


def _person_in_run(paragraph: str, index: int, match: re.Match[str], excluded, document) -> _Found | None:
    if " " not in match.group() and _is_prefix_word(match.group(), document):
        return None  # the common case, a lone capitalised word such as "The" or "Japan"
    words = list(re.finditer(r"\S+", match.group()))
    # Leading role words, titles, country words and sentence openers belong before the name.
    while words and _is_prefix_word(words[0].group(), document):
        words.pop(0)
    if not words or len(words) > 4:
        return None
    start = match.start() + words[0].start()
    end = match.start() + words[-1].end()
    name = paragraph[start:end]
    tokens = key_words(name)
    if not tokens or any(_is_blocked(t, excluded, document) for t in tokens):
        return None
    role, country, honorific = _role_before(paragraph[:start], document)
    after = paragraph[end:]
    if not role:
        role, apposition_country = _apposition_role(after, document)
        country = country or apposition_country
    cued = bool(role or honorific or _WHO_RE.match(after) or _SPEECH_AFTER_RE.match(after))
    cued = cued or bool(_SPEECH_BEFORE_RE.search(paragraph[:start]) and _ends_clause(after))
    if not cued:
        return None
    if len(tokens) == 1 and not (role or honorific) and _looks_like_organisation(name, paragraph, end, document):
        return None
    if role and not country:
        country = _country_near(paragraph, start, end, document)
    return _Found(name, index, start, end, role, country)


def _country_near(paragraph: str, start: int, end: int, document: Document) -> str | None:
    """A role without a country takes the sentence's: "Tokyo ..., Foreign Minister X said"."""
    sentence_start = paragraph.rfind(". ", 0, start) + 1
    sentence_end = paragraph.find(". ", end)
    before = paragraph[sentence_start:start]
    after = paragraph[end : sentence_end if sentence_end != -1 else len(paragraph)]
    for text in (before, after):
        for word in _TOKEN_RE.findall(text):
            if word[:1].isupper() and (code := country_for_word(word, document.date)):
                return code
    return None


def _looks_like_organisation(word: str, paragraph: str, end: int, document: Document) -> bool:
    """A lone word with only a speech verb for a cue: "Citibank said", "the Bundesbank said"."""
    following = paragraph[end : end + 12].split()
    if following and following[0].lower().strip(",.") in ORGANISATION_WORDS:
        return True
    body = document.body
    if any(f"{article} {word}" in body for article in ("the", "The", "a", "A", "an", "An", "for")):
        return True
    return word.lower() in _lower_case_words(body)


@lru_cache(maxsize=8)
def _lower_case_words(body: str) -> frozenset[str]:
    """Words the story prints in lower case: a capitalised one of them is an ordinary word."""
    return frozenset(w for w in _TOKEN_RE.findall(body) if w.islower())


def _is_prefix_word(word: str, document: Document) -> bool:
    lower = word.lower()
    return (
        is_role_word(word)
        or lower in HONORIFICS
        or is_non_name(word)
        or country_for_word(word, document.date) is not None
    )


def _is_blocked(token: str, excluded: set[str], document: Document) -> bool:
    lower = token.lower()
    return (
        lower in excluded
        or lower in ORGANISATION_WORDS
        or is_non_name(token)
        or is_role_word(token)
        or country_for_word(token, document.date) is not None
        or token.isupper()
    )


def _ends_clause(after: str) -> bool:
    """After "said X": X must end there ("said Tom Murtha, a ..."), not start a clause."""
    return bool(re.match(r"^\s*(?:[,.;]|$|of\s|who\s)", after))


def _role_before(before: str, document: Document) -> tuple[str, str | None, bool]:
    """Role, country and honorific printed just before a name ("West German Finance Minister")."""
    tokens = _PREFIX_TOKEN_RE.findall(before[-120:])
    role_words: list[str] = []
    country = None
    honorific = False
    if tokens and tokens[-1].lower() in HONORIFICS:
        honorific = True
    if tokens and tokens[-1] == ",":  # "Japan's Minister of International Trade and Industry, Hajime Tamura"
        tokens.pop()
    while tokens:
        word = tokens[-1]
        bare = re.sub(r"['’]s$", "", word)
        code = country_for_word(bare, document.date) if bare[:1].isupper() else None
        if code:
            country = code
            break
        if not (is_role_word(word) or (word[:1].isupper() and word.lower() in HONORIFICS)):
            break
        role_words.insert(0, tokens.pop())
    while role_words and role_words[0].lower() in ("of", "the", "and", "for", "on"):
        role_words.pop(0)
    if not any(is_role_head(w) for w in role_words):
        return "", None, honorific
    if role_words and role_words[-1].lower() in HONORIFICS and not is_role_head(role_words[-1]):
        role_words.pop()
    return " ".join(role_words), country, honorific


def _apposition_role(after: str, document: Document) -> tuple[str, str | None]:
    match = _APPOSITION_RE.match(after)
    if not match:
        return "", None
    phrase = _APPOSITION_CUT_RE.sub("", match.group("phrase")).strip()
    words = phrase.split()[:7]
    head = next((i for i, w in enumerate(words) if is_role_head(w.rstrip("."))), None)
    if head is None:
        return "", None
    country = None
    role_words = []
    for word in words[: head + 1]:
        code = country_for_word(re.sub(r"['’]s$", "", word), document.date) if word[:1].isupper() else None
        if code:
            country = code
        else:
            role_words.append(word)
    tail = words[head + 1 :]
    if tail[:1] == ["of"] or tail[:1] == ["for"]:
        role_words.extend(tail)
    return " ".join(role_words), country


def _inside_organisation(person: _Found, organisations: list[OrganisationMention]) -> bool:
    for org in organisations:
        if person.name == org.name or person.name == org.abbreviation:
            return True
        for span in org.spans:
            if span.paragraph == person.paragraph and span.start <= person.start and person.end <= span.end:
                return True
    return False


def _merge(found: list[_Found]) -> list[_Person]:
    """One person per name: surname-only finds join the full name that shares the word."""
    people: list[_Person] = []
    # Longest names first, so "Reagan" joins "Ronald Reagan" rather than founding its own person.
    for item in sorted(found, key=lambda f: -len(key_words(f.name))):
        person = _matching_person(item.name, people)
        if person is None:
            person = _Person(item.name)
            people.append(person)
        if item.name not in person.forms:
            person.forms.append(item.name)
        person.role = person.role or item.role
        person.country = person.country or item.country
        person.spans.append(Span(item.paragraph, item.start, item.end))
    return people


def _matching_person(name: str, people: list[_Person]) -> _Person | None:
    words = [w.lower() for w in key_words(name)]
    candidates = []
    for person in people:
        person_words = [w.lower() for w in key_words(person.name)]
        if words == person_words or (len(words) == 1 and words[0] in person_words):
            candidates.append(person)
        elif len(words) > 1 and words[-1] == person_words[-1] and words[0][:1] == person_words[0][:1]:
            candidates.append(person)  # "Richard Von Weizsaecker" / "Richard Weizsaecker"
    return candidates[0] if len(candidates) == 1 else None


def _add_later_mentions(people: list[_Person], paragraphs: list[str]) -> None:
    """Count bare surname mentions ("Hornung said", "Kishida's government") of known people."""
    owners: dict[str, list[_Person]] = {}
    for person in people:
        for word in {w for w in key_words(person.name) if len(w) > 2 and w.lower() not in PARTICLES}:
            owners.setdefault(word, []).append(person)
    # Two people sharing a word: a bare mention of it would be a guess.
    unique = {word: persons[0] for word, persons in owners.items() if len(persons) == 1}
    for word, person in unique.items():
        for index, paragraph in enumerate(paragraphs):
            for start in _whole_word_starts(paragraph, word):
                end = start + len(word)
                if not any(_overlaps(s, index, start, end) for s in person.spans):
                    person.spans.append(Span(index, start, end))
                    if word not in person.forms:
                        person.forms.append(word)


def _whole_word_starts(paragraph: str, word: str):
    """Where the word stands as a whole token, so "Kishi" is not found in "Kishida" or "Reagan-era"."""
    start = paragraph.find(word)
    while start != -1:
        end = start + len(word)
        before = paragraph[start - 1] if start else " "
        after = paragraph[end] if end < len(paragraph) else " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            yield start
        start = paragraph.find(word, end)


def _overlaps(span: Span, paragraph: int, start: int, end: int) -> bool:
    return span.paragraph == paragraph and span.start < end and start < span.end
