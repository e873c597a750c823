"""People mentioned in a story, with their roles.

A run of capitalised words is a person only with a cue a careful reader would use: a role or
title before it ("Treasury Secretary James Baker", "Mrs Thatcher"), an apposition after it
("Jeffrey Hornung, a ... expert at", "Daniel Russel, who"), a speech verb next to it
("Reagan said", "said Tom Murtha"), or a common given name ("Nizar Hindawi"). The name is the
end of the run, after its last title word ("World Bank President Barber Conable"). Later
mentions by surname join the full name, word by whole word, so "Kishi" never matches inside
"Kishida". A story printed all in lower case gets its own, narrower search.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import attrgetter
from typing import NamedTuple

from .countries import country_for_place
from .model import Document, OrganisationMention, PersonMention, Span
from .names import (
    FEMALE_GIVEN_NAMES,
    GIVEN_NAMES,
    HONORIFICS,
    MONTHS,
    NAME_RUN_ASCII_RE,
    NAME_RUN_RE,
    NICKNAMES,
    NON_NAME_WORDS,
    ORGANISATION_WORDS,
    PARTICLES,
    REPORTING_VERBS,
    ROLE_HEADS,
    ROYAL_TITLES,
    SPEECH_VERBS,
    country_code,
    is_camel_body,
    is_given_name,
    is_non_name,
    is_prefix_word,
    is_role_head,
    is_role_word,
    is_title_word,
    key_words,
    known_prefix_word,
    names_a_country,
)
from .text import TextPlaces, cached_once, finds, places_in

# Verbs that cue a name beside them but do not make a statement ("Reagan announced").
CUE_VERBS = SPEECH_VERBS | {
    "spoke",
    "announced",
    "predicted",
    "acknowledged",
    "admitted",
    "replied",
    "quoted",
    "asked",
    "testified",
    "tweeted",
    "wrote",
    "recounted",
    "conceded",
    "pointed out",  # "As Uri Friedman pointed out, ..."
    "confirmed",
    "recalled",
    "cautioned",
    "complained",
    "pleaded",
}
_CUE_VERB = "|".join(sorted(CUE_VERBS, key=len, reverse=True))
# A speech verb after the name, perhaps after an aside in commas or dashes ("X — who is ... — argued");
# not after a clause ("life on Titan, but the regions are drier than the poles, said X").
_SPEECH_AFTER_RE = re.compile(
    rf"(?:\s*,(?!\s+(?:but|and|or|so|yet|while|though|although|because|whereas|if|when)\s)[^,;]{{1,120}},|\s+[—–][^—–;]{{1,120}}[—–])?\s+(?:has\s+|had\s+)?(?:[a-z]+ly\s+|also\s+|later\s+|earlier\s+|today\s+|"
    rf"yesterday\s+|"
    rf"on\s+[A-Z][a-z]+day\s+)?(?:{_CUE_VERB})\b"
)
_AMOUNT_AFTER_RE = re.compile(r"\s+(?:another\s+|nearly\s+|almost\s+|about\s+)?[$€£¥]?\d")
_APPOSED_SPEAKER_RE = re.compile(rf",\s+(?:{_CUE_VERB})\b")
# "Bronwyn Curtis of Landell Mills said", "Grant Shapps from the Conservative Party said".
_OF_BODY_SPEAKER_RE = re.compile(rf"\s+(?:of|from\s+(?:the\s+)?)\s*[A-Z][^,.;\"“”]{{0,60}}?\s+(?:{_CUE_VERB})\b")
_PLACE_OR_BODY_BEFORE_RE = re.compile(r"\s(?:of|in|at|from)\s$")
_AGE_AFTER_RE = re.compile(r",\s+(?:aged\s+)?\d{1,3},\s")  # ", 20, " / ", aged 61, " after a name
# "The mayor of Surabaya, Tri Rismaharini, comforted relatives", "quoted the head of the search
# agency, Bambang Soelistyo, as saying": a role of a place or body, then a name between commas
# (the text before the name ends with the comma and a space: tested first).
_ROLE_OF_BEFORE_RE = re.compile(
    # a determiner, or a speech verb and a body's capitalised words ("said EU commissioner for Home Affairs, ")
    r"(?:^|[\s(])(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?|"
    r"(?:said|says|added|told)\s+(?:[A-Z][\w.-]*\s+){1,3})([a-z]+)\s+(?:of|at|for)\s+"
    r"[^,;:\"“”()]{2,60},\s$"
)
# A job noun, then "at": what follows is the employer, even a name of a given name and a surname (the
# text ends with "at" and spaces: tested first).
_EMPLOYER_BEFORE_RE = re.compile(
    r"\b(?:economists?|analysts?|strategists?|researchers?|research|fellow|professor|partner|trader|"
    r"scientist|lecturer|adviser|advisor|consultant|banker|dealer|broker|manager)\s+(?:[a-z]+\s+)?at\s+$"
)
# "Buffett's Berkshire Hathaway": a capitalised possessive (not a country's) before the name.
_OWNER_BEFORE_RE = re.compile(r"\b[A-Z][a-z]+\s+([A-Z][a-z]+)['’]s\s+$")  # a full name's: "Warren Buffett's"
_POSSESSIVE_ENDS = ("'s", "’s")  # what the text _OWNER_BEFORE_RE finds in ends with, less its spaces: tested first
# "told Politico", "told Sky Sports": a name after "told" is whom the words were said to, a
# newspaper or broadcaster as often as a person: no cue that it is one (a given name still is).
# After a name, what only follows a thing: "X, which ..." (a person is "who"), "X shares rose 3%"
# (a listed company; not "Tom Smith shares a flat").
_THING_AFTER_RE = re.compile(
    r",\s+which\b|\s+(?:shares|stock|share\s+price)\s+(?:(?:were|was|have|has|had)\s+)?(?:[a-z]+ly\s+)?"
    r"(?:rose|fell|gained|lost|jumped|climbed|slid|slipped|dropped|sank|surged|soared|tumbled|slumped|plunged|"
    r"rallied|ended|closed|traded|edged|added|declined|dipped|rebounded|recovered|advanced|eased|were|was)\b"
)
# "X said it would ...", "X said on Tuesday that its profit ...": what a body says of itself.
_IT_SAID_RE = re.compile(
    r"\s+(?:also\s+)?(?:said|says|announced|reported)\s+(?:(?:on|late\s+on)\s+[A-Z][a-z]+day\s+|in\s+a\s+statement\s+)?"
    r"(?:that\s+)?(its|it(?!\s+(?:(?:would|will|could|might|may|should)\s+(?:not\s+)?be|(?:was|is|were)(?!\s+[a-z]+ing\b))\b))\s"
)  # not "Gorbachev said it would be a mistake", "it was too early": "it" of nobody; but "it is selling"
_TOLD_BEFORE_RE = re.compile(r"\b(?:told|tells|telling)\s+$")
_PLACE_SAINTS = ("St. ", "St ", "Ste. ", "Saint ", "San ", "Santa ", "Sao ", "São ")
_AS_SAYING_RE = re.compile(r"\s+as\s+(?:saying|telling|stating|declaring)\b")

_CLAUSE_END_RE = re.compile(
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b)?\s*(?:[,.;]|$|of\s|who\s)"
)
_WHO_RE = re.compile(r",\s+who\b")
# An initialism's dots ("U.S.", "U.N.": a capital alone before each, which never ends a sentence
# either, text.sentence_spans) are part of the phrase: "president of the U.S. beet sugar association".
_INITIAL_DOT = r"(?<=[A-Z])(?<![A-Za-z][A-Z])\."
_APPOSITION_RE = re.compile(
    r",\s+(?:who\s+(?:is|was)\s+(?:also\s+)?)?(?:(?:a|an|the)\s+)?"
    rf"(?P<phrase>(?:[^,;.\"“”()]|{_INITIAL_DOT}){{2,120}})"
)
_INDEFINITE_RE = re.compile(rf",\s+(?:a|an|one|the)\s+(?:[^,;.]|{_INITIAL_DOT})*$")
# "Strategy, a document approved by Prime Minister X": a role after "by" is another's.
# ("and" inside a body's capitalised name stays: "Director General of the Food and Agriculture Organization")
_APPOSITION_CUT_RE = re.compile(r"\s+(?:(?:at|with|in|who|which|said|told|on|from|to|by)\s+|and\s+(?![A-Z])).*$")
_PREFIX_TOKEN_RE = re.compile(r"[A-Za-z][\w.'’-]*|,")
_LOWER_RE = re.compile(r"[a-z]")
_TOKEN_RE = re.compile(r"[A-Za-z][\w'’-]*")
_CREDIT_PARAGRAPH_RE = re.compile(r"^(?:By |(?:Additional )?(?:Reporting|Writing|Editing) by )", re.I)
_CREDIT_FIRST = frozenset("BbAaRrWwEe")  # the letters a credit line opens with, in any case: a test before the regex
_POSSESSIVE_RE = re.compile(r"['’]s$")
_ROLE_LEAD_WORDS = ("of", "the", "and", "for", "on", "to")
# A verb ends a role printed without a comma after it: "Deputy Secretary of Agriculture will head".
_ROLE_TAIL_STOPS = frozenset("will would has had have is was are were said says told can could may".split())
# Words after a given name that show the pair is no person: "Christian Democrats".
_NOT_SURNAMES = frozenset(
    "democrat democrats democratic socialist socialists social republican republicans science monitor".split()
)


@dataclass(slots=True)
class _Found:
    name: str
    paragraph: int
    start: int
    end: int
    role: str = ""
    country: str | None = None
    company_like: int = 0  # a lone name speaking of sales (1) or set beside a company noun (2): _speaks_as_company


@dataclass(slots=True)
class _Person:
    name: str
    forms: list[str] = field(default_factory=list)
    role: str = ""
    country: str | None = None
    spans: list[Span] = field(default_factory=list)
    company_like: bool = True  # every find of it speaks as a company
    company_noun: bool = False  # some find of it is set beside a company noun


class _JoinedParagraphs(NamedTuple):
    text: str
    offsets: list[int]  # where each paragraph starts in the text
    places: TextPlaces | None  # for a long story only


@dataclass
class _Story:
    document: Document
    organisations: list[OrganisationMention]
    excluded: set[str]  # words of journalists' and organisations' names
    lower_case: bool = False  # names printed in lower case: a lower-case use proves nothing
    companies: dict[str, bool] = field(default_factory=dict)  # name -> printed as a company's
    initial_firms: set[str] = field(default_factory=set)  # firms named by initials: "E.F. Hutton"
    institutions: dict[str, bool] = field(default_factory=dict)  # word -> printed as an institution
    initial_words: dict[str, frozenset[str]] = field(default_factory=dict)  # capital -> words opened by it
    # run of capitalised words -> its name's offsets in the run and key words, or None when the run
    # holds no possible name: the same runs come back within a story ("Baker", "Treasury Secretary
    # James Baker"), and this reading depends on the run alone (with the story's date and credits).
    run_names: dict[str, tuple[int, int, tuple[str, ...]] | None] = field(default_factory=dict)
    word_places: dict[str, list[int]] | None = None  # _places_of_words, once a rule needs it
    joined: _JoinedParagraphs | None = None  # joined_paragraphs, once a rule needs them
    variant_keys: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # _possible_variants

    def capitalised_words(self, initial: str) -> frozenset[str]:
        """The words the story prints with this capital first (hyphenated ones whole: "Schering-Plough")."""
        if initial not in self.initial_words:
            # Opened by the capital itself (no look-behind: the regex engine skips ahead to the letter);
            # a match inside a word is a candidate only, the words are matched whole later.
            pattern = rf"{re.escape(initial)}[\w'’]*(?:-[A-Z][\w'’]*)*"
            self.initial_words[initial] = frozenset(re.findall(pattern, self.text))
        return self.initial_words[initial]

    # The story's texts, joined once: document.body joins the paragraphs anew on every read.
    @cached_once
    def body(self) -> str:
        return self.document.body

    @cached_once
    def text(self) -> str:
        return f"{self.document.title}\n{self.body}"

    def joined_paragraphs(self, paragraphs: list[str]) -> _JoinedParagraphs:
        """The story's readable paragraphs (the same list at every call) joined by line breaks, each
        one's offset there and, for a long story, a TextPlaces of them."""
        if self.joined is None:
            text = "\n".join(paragraphs)
            offsets, at = [], 0
            for paragraph in paragraphs:
                offsets.append(at)
                at += len(paragraph) + 1
            self.joined = _JoinedParagraphs(text, offsets, places_in(text))
        return self.joined

    # Where names are printed in the text and in the body, for a long one (None for a story's own).
    @cached_once
    def text_places(self) -> TextPlaces | None:
        return places_in(self.text)

    @cached_once
    def body_places(self) -> TextPlaces | None:
        return places_in(self.body)

    # Word gates, one search of the body each: a rule family whose regexes need one of these words
    # is skipped, candidate after candidate, in a story that prints none (most stories).
    @cached_once
    def prints_publication(self) -> bool:
        return any(map(self.body.__contains__, _PUBLICATION_WORDS))  # (each word tested in C, no generator)

    @cached_once
    def prints_issue_manager(self) -> bool:
        return any(map(self.body.__contains__, _ISSUE_MANAGER_WORDS))

    @cached_once
    def web_names(self) -> frozenset[str]:
        """The names the story prints as web addresses' ("GreatFire" of "GreatFire.org"), read once."""
        if not any(map(self.text.__contains__, _WEB_SUFFIXES)):
            return frozenset()  # the common case: the suffixes found in C, no regex run over the text
        return frozenset(_WEB_NAME_RE.findall(self.text))


def find_people(
    document: Document, organisations: list[OrganisationMention], paragraphs: list[str] | None = None
) -> list[PersonMention]:
    """`paragraphs`: readable_paragraphs(document), when the caller has them already."""
    paragraphs = readable_paragraphs(document) if paragraphs is None else paragraphs
    lower_case = is_lower_case(paragraphs)
    story = _Story(document, organisations, _excluded_words(document, organisations), lower_case)
    found: list[_Found] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph:
            found.extend(_people_in(paragraph, index, story))
            if lower_case:
                found.extend(_lower_case_people_in(paragraph, index, document))
    people = _merge(found, story.body, story.body_places)
    if any(p.company_like or p.company_noun for p in people):
        companies = [
            p
            for p in people
            if (p.company_like or p.company_noun)
            and (p.name in story.initial_firms or not _introduced_as_person(p.name, story))
        ]
        people = [p for p in people if p not in companies]
        # A company that speaks is an organisation: "Pharmacia said" keeps a speaker.
        organisations.extend(
            OrganisationMention(p.name, kind="company", mentions=len(p.spans), spans=sorted(p.spans, key=_span_key))
            for p in companies
            if not any(o.name.startswith(p.name) or o.abbreviation == p.name for o in organisations)
        )
    people = _without_headline_run_ons(people, paragraphs)
    body = story.body
    # A storm named once is the storm whenever its name stands alone ("Hurricane Katrina ... after
    # Katrina"); its words are looked for in C first, the regex would try every place of the body.
    if people and ("torm " in body or "urricane " in body or "yphoon " in body or "yclone " in body):
        storms = set(_STORM_RE.findall(body))
        people = [p for p in people if p.name not in storms]
    if len(people) > 1:
        people = _without_common_word_openers(people, story)
    _adopt_full_names(people, paragraphs, story)
    _add_later_mentions(people, paragraphs, story)
    return [
        PersonMention(
            name=_capitalised(p.name) if lower_case and p.name.islower() else p.name,
            forms=p.forms,
            role=p.role,
            country=p.country,
            mentions=len(p.spans),
            spans=sorted(p.spans, key=_span_key),
        )
        for p in people
    ]


def _without_headline_run_ons(people: list[_Person], paragraphs: list[str]) -> list[_Person]:
    """ "Wild Rose's Mary Steenburgen Wrote the Best Movie Song": in a headline of capitalised words
    the next word runs on into a name. A person found only there, whose name is another person's
    and one word more, is that person (else the two share a surname and neither gets its later
    mentions)."""
    if not any(p.name.count(" ") >= 2 for p in people):
        return people  # the common case: no name of three words
    names = {p.name: p for p in people}
    headline_case: dict[int, bool] = {}  # paragraph -> _is_headline_case, read once (a paragraph holds many spans)
    kept = []
    for person in people:
        shorter = names.get(person.name.rsplit(" ", 1)[0]) if person.name.count(" ") >= 2 else None
        if (
            shorter is not None
            and shorter is not person
            and person.name.rsplit(" ", 1)[1].rstrip(".").lower() not in NAME_SUFFIXES
            and all(_paragraph_in_headline_case(span.paragraph, paragraphs, headline_case) for span in person.spans)
        ):
            shorter.spans.extend(Span(s.paragraph, s.start, s.start + len(shorter.name)) for s in person.spans)
            continue
        kept.append(person)
    return kept


def _without_common_word_openers(people: list[_Person], story: _Story) -> list[_Person]:
    """ "Oceanographer Pattiaratchi said" beside "Charitha Pattiaratchi, an oceanographer": a word the
    story prints in lower case too, no given name, before the rest of another person's name, is a
    description opening the sentence: those uses are that person's."""
    by_rest: dict[tuple[str, ...], list[_Person]] = {}
    for person in people:
        words = _lower_words(person.name)
        if len(words) > 1:
            by_rest.setdefault(words[1:], []).append(person)
    if all(len(group) == 1 for group in by_rest.values()):
        return people  # the common case: no two people share all but their first word
    dropped: set[int] = set()
    for group in by_rest.values():
        if len(group) < 2:
            continue
        for person in group:
            first = person.name.split(None, 1)[0]
            if _any_given_name(first) or first.lower() in _WORD_GIVEN_NAMES:
                continue
            if not _lower_use(story.body, first, story.body_places):
                continue
            others = [p for p in group if p is not person and id(p) not in dropped]
            if len(others) != 1:
                continue  # none, or two it might be: left as it is
            target = others[0]
            target.forms.extend(f for f in person.forms if f not in target.forms)
            target.spans.extend(person.spans)
            target.role = target.role or person.role
            target.country = target.country or person.country
            dropped.add(id(person))
    return [p for p in people if id(p) not in dropped] if dropped else people


def _paragraph_in_headline_case(index: int, paragraphs: list[str], known: dict[int, bool]) -> bool:
    if index not in known:
        known[index] = _is_headline_case(paragraphs[index])
    return known[index]


def _is_headline_case(text: str) -> bool:
    """No sentence end and most words capitalised, as in a headline ("Wild Rose’s Mary Steenburgen
    Wrote the Best Movie Song of the Year | IndieWire")."""
    if text.rstrip().endswith((".", "!", "?", "”", '"', "’", "'")):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


_span_key = attrgetter("paragraph", "start")  # a Span's (paragraph, start): a key read in C, no Python call


# --- Paragraphs (shared with statements) -------------------------------------------------------


def readable_paragraphs(document: Document) -> list[str]:
    """The body paragraphs, with subheads and credit lines blanked (indices stay the same)."""
    return [
        "" if _is_heading(p) or (p[:1] in _CREDIT_FIRST and _CREDIT_PARAGRAPH_RE.match(p) and _is_credit(p)) else p
        for p in document.paragraphs
    ]


# What opens a sentence after "By" and never a byline: "By July 2001, Google had ...", "By Friday, ...".
_NOT_BYLINE_WORDS = MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_BYLINE_CHARS = 150  # a byline is short: "By Nathan Willis and Jonathan Corbet, March 25, 2015"


def _is_credit(paragraph: str) -> bool:
    """ "By John Smith", "Reporting by X": a credit line. Not a paragraph that a sentence opened by
    "By" starts ("By the end of 2017, ...", "By contrast, the minister said ...", "By July, ..."):
    its statements and people are read."""
    if paragraph[:3] not in ("By ", "BY ", "by "):
        return True  # "Reporting by", "Editing by"
    first = paragraph[3:].split(None, 1)[:1]
    return (
        bool(first)
        and first[0][:1].isupper()
        and first[0].strip(",.").lower() not in _NOT_BYLINE_WORDS
        and len(paragraph) <= _BYLINE_CHARS
    )


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) < 120 and not _LOWER_RE.search(paragraph)


def dateline_end(document: Document, paragraph: str) -> int:
    """Where the story proper starts in the first paragraph: after "TOKYO, March 2 - "."""
    place = document.dateline.split("/")[0].strip()
    if not place or not paragraph[: len(place)].upper() == place.upper():
        return 0
    match = _DATELINE_DASH_RE.search(paragraph[:90])
    return match.end() if match else 0


_DATELINE_DASH_RE = re.compile(r"\s[-–—]+\s")


_CAPITALISED_WORD_RE = re.compile(" [A-Z]")


def is_lower_case(paragraphs: list[str]) -> bool:
    """A story whose names are printed in lower case ("champlin chairman william adams said").

    Told by its opening: in ordinary wire copy one word in twelve or more is capitalised (names,
    sentence starts); in these, one in a hundred.
    """
    opening = " ".join(paragraphs[:3])[:1500]
    words = opening.count(" ")
    if words < 40:
        return False
    # Fewer capitalised words than 0.03 * words: counted up to that many only (ordinary copy gets
    # there in its first lines), the same answer as counting them all.
    enough = math.ceil(0.03 * words)
    return sum(1 for _ in islice(_CAPITALISED_WORD_RE.finditer(opening), enough)) < enough


# --- Capitalised runs ---------------------------------------------------------------------------


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


def _people_in(paragraph: str, index: int, story: _Story) -> list[_Found]:
    found = []
    date = story.document.date
    for match in (NAME_RUN_ASCII_RE if paragraph.isascii() else NAME_RUN_RE).finditer(paragraph):
        run = match.group()
        if " " not in run and (known_prefix_word(run) or is_prefix_word(run, date)):
            continue  # the common case, a lone capitalised word such as "The" or "Japan"
        at = match.start()
        if at and paragraph[at - 1].isalnum():
            continue  # inside a word
        if at > 1 and paragraph[at - 1] == "-" and paragraph[at - 2].isalnum():
            continue  # the tail of a hyphenated word: "Sen. Chris Dodd, D-Conn, said"
        person = _person_in_run(paragraph, index, match, story)
        if person and not _inside_organisation(person, paragraph, story.organisations):
            found.append(person)
    return found


def _person_in_run(paragraph: str, index: int, match: re.Match[str], story: _Story) -> _Found | None:
    document = story.document
    run_start = match.start()  # read once: the tests below use it again and again
    if paragraph[run_start - 1 : run_start] == "<":
        return None  # Reuters marks companies so: "<James Capel and Co>"
    run = match.group()
    if run in story.run_names:
        run_name = story.run_names[run]
    else:
        run_name = story.run_names[run] = _run_name(run, story)
    if run_name is None:
        return None
    start, end = run_start + run_name[0], run_start + run_name[1]
    name, tokens = paragraph[start:end], run_name[2]
    if run_name[0] and _given_word_opens(paragraph, run_start, start, end):
        prefix = paragraph[run_start:start].rstrip()  # "Mark", or "State Mark" ("Secretary of State Mark X")
        start = start - 1 - len(prefix.rsplit(None, 1)[-1]) if " " in prefix else run_start
        name = paragraph[start:end]  # "meteorologist Chad Myers said"
        tokens = key_words(name)
    if len(tokens) == 1 and name.endswith(_STREET_ENDINGS):
        return None  # "Manga-Bell-Platz", "Cornelius-Fredericks-Strasse": a street named after someone
    if len(tokens) == 1 and is_camel_body(name):
        return None  # "StackAdapt", "ExpApper", "GreatFire": a capital inside one word names a firm or a site
    if paragraph.endswith(_STORM_WORDS, max(0, start - 12), start):
        return None  # "Hurricane Katrina", "Superstorm Sandy": a storm's name
    if run_name[0] and _after_organisation_word(
        paragraph[max(0, run_start - 5) : start], tokens, paragraph[end : end + 20]
    ):
        return None  # "lead manager Banque Indosuez said": the end of a body's name
    if story.prints_publication and _PUBLICATION_AFTER_RE.match(paragraph, end):
        return None  # "the official Notimex news agency", "Prensa Latina newspaper": a publication's name
    if (
        story.prints_publication
        and _PUBLICATION_APPOSITION_RE.match(paragraph, end)
        and not _is_given_pair(tokens, paragraph[end : end + 40])
    ):
        story.companies[name] = True  # said once of the name, it holds for its later uses ("Wen Wei Po said")
        return None  # "Granma, the official Cuban newspaper, said", "Wen Wei Po, a Hong Kong daily with ...,"
    if paragraph[end : end + 1] == ")" and is_given_name(name):
        return None  # "(Trade Secretary Paul) Channon": the surname is outside the brackets
    # What the cues read of the text around the name: a window, so time stays linear in the text.
    before, after = paragraph[max(0, start - 300) : start], paragraph[end : end + 400]
    role, country, honorific = _role_before(_without_initials(before), document)
    if not role:
        role, apposition_country = _apposition_role(after, document, _is_given_pair(tokens, after))
        country = country or apposition_country
        if role and len(tokens) == 1 and _PLACE_OR_BODY_BEFORE_RE.search(before[-6:]):
            role = ""  # "Speaking in Manchester, the Labour leader said": a place, then another subject
    if not (role or honorific or _has_cue(name, tokens, before, after)):
        return None
    if len(tokens) == 1 and len(name) >= 9 and name.endswith("ly") and after[:1] == "," and _opens_sentence(before):
        return None  # "Specifically, Ambassador Volker confirmed": an adverb
    if (
        not (role or honorific)
        and len(tokens) == 1
        and name.endswith(("s", "s\n"))  # as every ending of _PLURAL_NOUN_RE does: tested first
        and _PLURAL_NOUN_RE.search(name)
        and _opens_sentence(before)
    ):
        return None  # "Technicians said", "Underwriters said": a group at the start of a sentence
    if (
        not (role or honorific)
        and _IT_SAID_RE.match(after)
        and (len(tokens) == 1 or not (_is_given_pair(tokens, after) or before.endswith(" and ")))
    ):
        # "Porsche said it would cut production", "De Beers said its sales fell", "Northern Telecom
        # said it will": a company (not "David Bellet and Chester Siuda said it": a group's members)
        return None
    if not (role or honorific) and len(tokens) == 1 and _firm_pair(name, before, story):
        return None  # "Duff and Phelps said", "Reynolds and Reynolds": a firm named after its founders
    if not (role or honorific) and _THING_AFTER_RE.match(after):
        return None  # "Live Nation, which promoted the tour, said", "Charles Schwab shares rose": no person
    if not (role or honorific) and (tokens[-1].lower() in ORGANISATION_WORDS or "-based" in tokens[0]):
        return None  # "Delta Air Lines said", "Norstar Bancorp said", "Milan-based Ambrosiano said"
    if not (role or honorific) and _may_end_body_run(before[-40:]) and _BODY_RUN_RE.search(before[-40:]):
        return None  # "newspaper Welt am Sonntag", "Banco do Brasil", "newsletter Oil World": a body's name's tail
    if not (role or honorific) and name.split(" ", 1)[0] in _FOREIGN_ARTICLES and " " in name:
        return None  # "Il Giornale said", "Het Comite", "Der Spiegel": a title opened by an article
    if not (role or honorific) and len(tokens) == 1 and _is_people_plural(name, document):
        return None  # "a target Europeans say is crucial": a people, not a person
    if not (role or honorific) and _is_company(name, before, after, story):
        return None  # "Echo Bay said" after "Echo Bay Mines Ltd", "energy firm Soekor said"
    if not (role or honorific) and len(tokens) == 1 and _firm_by_initials(paragraph, start, end, tokens, story):
        # "broker C. Czarnikow", "Quinn of E.F. Hutton": a firm named by initials and a name; its uses
        # alone ("Czarnikow said") are the firm's too, which speaks as an organisation
        story.initial_firms.add(tokens[0])
        return _Found(tokens[0], index, end - len(tokens[0]), end, "", None, 2)
    if (
        story.prints_issue_manager
        and _ISSUE_MANAGER_WORDS_RE.search(before, max(0, len(before) - 40))
        and _ISSUE_MANAGER_RE.search(_without_initials(before[-40:]))
        and (after.startswith(",") or _firm_name(name, story) or not (honorific or _is_given_pair(tokens, after)))
    ):
        # "lead manager J. Henry Schroder Wagg and Co Ltd", "Sole manager L.F. Rothschild, Unterberg",
        # "lead manager Postipankki said", "said lead manager Drexel Burnham": no given name, a firm
        return None
    if role and not honorific and not _is_given_pair(tokens, after) and _firm_name(name, story):
        return None  # "said lead manager Morgan Stanley and Co Inc", "General Automation Inc": a firm's title
    if len(tokens) == 1 and not (role or honorific) and _place_prefix(paragraph[run_start:start], document):
        return None  # "Tehran Radio said", "The Indian Express", "European Airbus": a place's body, no person
    if len(tokens) == 1 and _is_institution(
        name, paragraph[max(0, run_start - 300) : run_start], after, story, role or honorific
    ):
        return None
    if not (role or honorific or _is_given_pair(tokens, after)) and _PLACE_OR_BODY_BEFORE_RE.search(before[-6:]):
        return None  # "Bronwyn Curtis of Landell Mills Commodities Studies said": a firm
    if not honorific and before.endswith(_PLACE_SAINTS) and (len(tokens) == 1 or not role):
        # "In St. Petersburg, Mayor X said", "growers in the San Joaquin Valley said": a saint's name is a place's
        return None
    if (
        not honorific
        and before.endswith(("The ", "the "))
        and (len(tokens) == 1 or (len(tokens) == 2 and not role and not _is_given_pair(tokens, after)))
    ):
        return None  # "an interview with The Guardian", "the Toronto Star quoted": a name after "the"
    owner = _OWNER_BEFORE_RE.search(before[-30:]) if before.rstrip().endswith(_POSSESSIVE_ENDS) else None
    owned = owner and not country_code(owner.group(1), document.date)
    if owned and not (role or honorific or _is_given_pair(tokens, after)):
        return None  # "Warren Buffett's Berkshire Hathaway said": what a named owner owns
    if not (role or honorific) and before.rstrip().endswith("at") and _EMPLOYER_BEFORE_RE.search(before[-60:]):
        return None  # "chief economist at Charles Schwab", "head of research at Raymond James": an employer
    if len(tokens) == 1 and name.endswith("s") and is_role_head(name[:-1]):
        return None  # "The Executive Directors of the bank", "Governors": holders of a role, no name
    if role and len(tokens) == 1 and _BODY_OF_ROLE_RE.search(role) and _COMMON_NOUN_END_RE.search(name):
        return None  # "Director of Market Regulation", "Superintendent of Financial Institutions": a body
    name, start = _with_royal_title(paragraph, name, start)
    if role and not country:
        country = _country_near(paragraph, start, end, document)
    company_like = 0 if role or honorific else _speaks_as_company(tokens, after)
    return _Found(name, index, start, end, role, country, company_like)


def _place_prefix(prefix: str, document: Document) -> bool:
    """The words of the run before a lone name only name a place or a country ("Tehran", "Indian")."""
    words = prefix.split()
    if words[:1] == ["The"]:
        words = words[1:]  # "The Indian Express"
    return bool(words) and all(country_code(w, document.date) or country_for_place(w, document.date) for w in words)


def _run_name(run: str, story: _Story) -> tuple[int, int, tuple[str, ...]] | None:
    """The offsets in the run of the name it may hold and the name's key words, or None."""
    reading = _RUN_READINGS.get(run)
    if reading is None:  # a run whose reading is dated, or one never read
        reading = _RUN_READINGS.get((run, story.document.date))
        if reading is None:
            reading = _run_reading(run, story.document.date)
    if reading is _NO_NAME:
        return None
    start, end, tokens, excludable = reading
    if excludable and not story.excluded.isdisjoint(excludable):
        return None  # a word of a journalist's or an organisation's name (the story's own exclusions)
    return start, end, tokens


# What a run may name, read once for all stories: the same runs come back story after story
# ("Reagan", "Treasury Secretary James Baker"). A pure function of the run, and of the story's date
# only when a word of it, its name or itself names a country (the word tests are dated then only):
# such readings are kept under the run and the date. Bounded, like the word answers behind them.
_RUN_READINGS: dict[str | tuple, tuple[int, int, tuple[str, ...], tuple[str, ...]] | tuple[()]] = {}
_RUN_READINGS_LIMIT = 16384
_NO_NAME: tuple[()] = ()


def _run_reading(run: str, date) -> tuple[int, int, tuple[str, ...], tuple[str, ...]] | tuple[()]:
    """(start, end, key words, excludable) of the name the run may hold, before the story's own
    exclusions: `excludable` the key words in lower case that they block, none for a given name
    after a title ("Finance Minister Mark Eyskens"), which they do not block; or _NO_NAME."""
    span = _name_span(run, date)
    reading = _NO_NAME if span is None else _read_name(run, span, date)
    name = run[span[0] : span[1]] if span is not None else ""
    dated = names_a_country(run) or (name and names_a_country(name)) or any(map(names_a_country, run.split()))
    if len(_RUN_READINGS) < _RUN_READINGS_LIMIT:
        _RUN_READINGS[(run, date) if dated else run] = reading
    return reading


def _read_name(run: str, span: tuple[int, int], date) -> tuple[int, int, tuple[str, ...], tuple[str, ...]] | tuple[()]:
    name = run[span[0] : span[1]]
    tokens = key_words(name)
    if not tokens:
        return _NO_NAME
    titled = _titled_given_name(run, span, tokens)
    if _is_blocked(tokens, frozenset(), date) and not titled:
        return _NO_NAME
    if country_code(name, date) or country_code(run, date):
        return _NO_NAME  # "United States", "Hong Kong", "New Zealand"
    return span[0], span[1], tokens, () if titled else tuple(token.lower() for token in tokens)


# Given names that are common words too ("mark" the currency), left out of the given names list;
# and those that name a country ("Chad", "Jordan": "CNN meteorologist Chad Myers", seen on unannotated
# modern pages; not "Georgia", "India", rarer as given names and more often the place before a name)
_WORD_GIVEN_NAMES = frozenset("mark bill will grant dean chad jordan".split())
_SPEAKING_GIVEN_WORDS = frozenset("mark will bill".split())  # as often firms' first words: "Dean", "Grant"


def _given_word_opens(paragraph: str, run_start: int, name_start: int, name_end: int) -> bool:
    """ "meteorologist Chad Myers", "said Mark Parrington", "Rep. Mark Meadows": a run opened by a
    given name that is also a word or a country ("Chad", "Mark"), read as a prefix and dropped, right
    after a role, an honorific or a speech verb outside the run: the given name opens the name. So
    does "Mark" or "Will" before one surname and a speech verb ("Mark Carney said"; every such
    "Mark X said" of the Reuters corpus is a person; not "Dean Witter said", "Grant Thornton said")."""
    word = paragraph[run_start:name_start].rstrip()
    if word.lower() not in _WORD_GIVEN_NAMES:
        # "Secretary of State Mark Ellison": the run holds the body's word before the given name
        given = word.rsplit(None, 1)[-1] if " " in word else ""
        if given.lower() not in _WORD_GIVEN_NAMES:
            return False  # the common case: the run's prefix is a title or several words
        role_of = _ROLE_OF_BODY_BEFORE_RE.search(paragraph, max(0, run_start - 40), name_start - len(given) - 1)
        return role_of is not None and is_role_head(role_of.group(1))
    if word.lower() in _SPEAKING_GIVEN_WORDS and " " not in paragraph[name_start:name_end]:
        after = paragraph[name_end : name_end + 16].split(None, 1)[:1]
        if after and after[0].lower() in SPEECH_VERBS:
            return True
    last = paragraph[max(0, run_start - 30) : run_start].rsplit(None, 1)[-1:]
    if not last or not paragraph[run_start - 1 : run_start].isspace():
        return False
    previous = last[0]
    return is_role_head(previous) or previous.lower() in HONORIFICS or previous.lower() in SPEECH_VERBS


# "Secretary of State ", "Minister of Finance ": a role of a body ending right before a given name.
_ROLE_OF_BODY_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?[A-Z][a-z]+\s+$")


def _given_after_title(words: list[str], at: int, date) -> bool:
    """A given name that is also a common word ("Mark"), after a role head or an honorific and
    before a word that may be a surname."""
    if not 0 < at < len(words) - 1 or words[at].lower() not in _WORD_GIVEN_NAMES:
        return False
    before = words[at - 1]
    return (is_role_head(before) or before.lower() in HONORIFICS) and not is_prefix_word(words[at + 1], date)


def _titled_given_name(run: str, span: tuple[int, int], tokens: tuple[str, ...]) -> bool:
    """ "Finance Minister Mark Eyskens": a given name that is also a common word, right after a
    role or an honorific and before a surname, opens the name."""
    if len(tokens) < 2 or tokens[0].lower() not in _WORD_GIVEN_NAMES or not span[0]:
        return False
    title = run[: span[0]].split()[-1:]
    return (
        bool(title)
        and (is_role_head(title[0]) or title[0].lower() in HONORIFICS)
        and not any(is_non_name(t) or is_title_word(t) for t in tokens[1:])
    )


def _after_organisation_word(titles: str, tokens: tuple[str, ...], after: str) -> bool:
    """ "Banque Indosuez", "Banca Commerciale Italiana": the word right before the name is a body's
    (not a role, not a title: "World Bank President Barber Conable"), so the name ends the body's
    name; a common given name still makes a person ("Salomon Brothers Henry Kaufman")."""
    words = titles.split()
    previous = words[-1:]
    if not previous or previous[0].lower() not in ORGANISATION_WORDS or is_role_word(previous[0]):
        return False
    if "and" in words[:-1] or "of" in words[:-1]:
        return False  # "Minister of Energy, Telecoms and Post Zainal Abidin Zin": the end of a role
    return previous[0].lower() not in HONORIFICS and not _is_given_pair(tokens, after)


_PAIR_BEFORE_RE = re.compile(r"(?<![\w.'’-])([A-Z][\w'’-]+)\s+(?:and|&)\s+$")


def _firm_pair(name: str, before: str, story: _Story) -> bool:
    """ "Duff and Phelps": a name after "Word and", where the story prints that word nowhere but
    before "and" and this name (not "Baker and Volcker said", each named on their own too)."""
    pair = _PAIR_BEFORE_RE.search(before[-40:]) if before.rstrip().endswith(("and", "&")) else None
    if pair is None:
        return False
    first = pair.group(1)
    if is_given_name(first) or is_prefix_word(first, story.document.date):
        return False
    body = story.document.body
    return body.count(first) == body.count(f"{first} and {name}") + body.count(f"{first} & {name}")


# What follows a company's name printed elsewhere ("Echo Bay Mines Ltd", "<Placer Pacific Ltd>"), and
# nouns before or after a company's name ("energy firm Soekor", "Honeywell Bull, a ... company").
_COMPANY_ENDINGS = (
    r"Corp|Corporation|Co|Cos|Inc|INc|Ltd|Plc|PLC|AG|SA|"
    r"S\.A|NV|N\.V|BV|GmbH|SpA|Spa|Group|Holdings|Mines|Mining|Industries|Airlines|Bank|Agency|Space\s+Agency|"
    r"[Hh]ospital|Securities|Investments|Resources|Associates|Partners|Insurance|Realty|Properties|Brothers|"
    r"Markets|Bancorp|Bancorporation|Bancshares|newspaper|magazine|weekly|newsletter|journal|news\s+agency|broadcaster"
)
# Or the name opens a company's name whose words are joined by "and" ("Kaiser Aluminum and Chemical
# Corp", "Numac Oil and Gas Ltd"), with more endings and a typist's lower case ("Vista Chemical co");
# no comma there: "Thomas McKiernan, McKiernan and Co chairman" is a person and his firm.
_COMPANY_TAIL_RE = re.compile(
    rf"(?:,?\s+(?:and|&))?(?:,?\s+[A-Z][\w&'’.-]*){{0,3}}\s+(?:{_COMPANY_ENDINGS})\b|[^<>]{{0,60}}>|"
    rf"(?:\s+[A-Z][\w&'’.-]*(?:\s+(?:(?:and|&|und)\s+)?[A-Z][\w&'’.-]*){{0,3}})?\s+(?:(?:and|&)\s+)?"
    rf"(?:(?:corp|co|inc)(?![\w-])|(?:AB|Bhd|Berhad|Works|Trust|Association|{_COMPANY_ENDINGS})\b)"
)
_TICKER_AFTER_RE = re.compile(r"(?:\s+[A-Z][\w&'’.-]*){0,2}\s+<[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?>")
_COMPANY_NOUNS_BEFORE = (
    "firm|company|group|carrier|maker|producer|utility|newspaper|daily|agency|exchange|subsidiary|unit|arm|bank|"
    "institute|bureau|association|federation|council|stockbrokers?|brokers?|brokerage|consultants|consultancy|"
    "giant|lender|insurer|automaker|carmaker|chipmaker|retailer|conglomerate|broadcaster|outlet|"
    "organisation|organization|cooperative|co-operative|operator|charity|union|startup|start-up|platform"
)
_COMPANY_NOUN_BEFORE_RE = re.compile(rf"\b(?:{_COMPANY_NOUNS_BEFORE})\s+$")
# The words the text it finds in ends with, less its spaces ("brokers?": "broker", "brokers"): one
# test in C first, as the search tries every place of the window.
_COMPANY_NOUN_ENDS = tuple(
    form
    for noun in _COMPANY_NOUNS_BEFORE.split("|")
    for form in ((noun[:-2], noun[:-1]) if noun.endswith("s?") else (noun,))
)


def _company_noun_before(text: str, start: int = 0, end: int | None = None) -> bool:
    """A company noun ends text[start:end], before its spaces: "energy firm " (before "Soekor")."""
    end = len(text) if end is None else end
    if not text.endswith(_COMPANY_NOUN_ENDS, start, len(text[start:end].rstrip()) + start):
        return False
    return _COMPANY_NOUN_BEFORE_RE.search(text, start, end) is not None


_COMPANY_APPOSITION_RE = re.compile(
    # not a person's job at the body ("Peter Mortimer, a partner in the law firm Milbank, Tweed")
    r",\s+(?:a|an|the)\s+(?!(?:senior\s+|managing\s+|general\s+|former\s+)?(?:partner|analyst|economist|director|"
    r"spokes(?:man|woman|person)|official|executive|member|lawyer|attorney|consultant|officer|manager|president|"
    r"chairman|founder|trader|banker|strategist)\s+(?:in|at|of|with|for)\b)(?:(?!(?:said|says|told|added)\b)[\w.,'’-]+\s+){0,7}?(?:company|firm|maker|producer|manufacturer|subsidiary|"
    r"unit|division|affiliate|carrier|utility|group|newspaper|agency|conglomerate|bank|insurer|retailer|chain|"
    r"partnership|brokerage)\b(?!['’])"
)


# A job at the body, after the first words of an apposition: "a former pilot and chairman of consultancy firm".
_JOB_AT_BODY_RE = re.compile(
    r"\b(?:chairman|chairwoman|chair|president|founder|director|chief|head|partner|analyst|economist|"
    r"spokes(?:man|woman|person)|executive|officer|manager|lawyer|member|owner)\s+(?:in|at|of|with|for)\s"
)


def _company_apposed(text: str, at: int) -> bool:
    """ "Echo Bay, a gold mining company," (not "Neil Hansford, a former pilot and chairman of
    consultancy firm X": his job there)."""
    apposed = _COMPANY_APPOSITION_RE.match(text, at)
    return apposed is not None and _JOB_AT_BODY_RE.search(apposed.group()) is None


# A body's description, then the name in commas: "The group that owns most of her music, Big Machine,",
# "her record label, Big Machine," (not "the leader of the IG Metall union, Franz Steinkuehler,").
_BODY_BEFORE_APPOSED_RE = re.compile(
    r"(?<!of )(?<!for )(?<!at )(?<!with )\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:group|label|company|firm|studio|"
    r"publisher|network|broadcaster|agency|charity|organi[sz]ation|union|bank|carrier|maker|retailer|chain|startup)"
    r"(?:\s+(?:that|which)\s[^,;]{1,60})?,\s+$"
)


def _is_company(name: str, before: str, after: str, story: _Story) -> bool:
    """A name the story gives a company: it opens a company's name printed elsewhere ("Echo Bay"
    beside "Echo Bay Mines Ltd", "Placer" beside "<Placer Pacific Ltd>"), or a company noun stands
    before or after it."""
    if _company_noun_before(before[-30:]):
        return True
    if after[:1] == "," and _company_apposed(after, 0):
        return True
    if before.endswith(", ") and after.startswith(",") and _BODY_BEFORE_APPOSED_RE.search(before, len(before) - 120):
        story.companies[name] = True  # so are its later uses ("Big Machine have denied")
        return True  # "The group that owns most of her music, Big Machine, says": the group
    if name not in story.companies:
        story.companies[name] = (
            printed_as_company(name, story.text, story.text_places)
            or (" " not in name and _company_variant(name, story) and not _named_as_person(name, story))
            # "said GreatFire" beside "GreatFire.org", "Amazon" beside "Amazon.com": a web body's name
            or (" " not in name and name in story.web_names)
        )
    return story.companies[name]


_WEB_SUFFIXES = (".com", ".org", ".net", ".gov", ".edu", ".info", ".io")
_WEB_NAME_RE = re.compile(rf"\b([A-Za-z][\w-]*)(?:{'|'.join(map(re.escape, _WEB_SUFFIXES))})\b")


def _company_variant(name: str, story: _Story) -> bool:
    """A one-word name that prints again, otherwise, the first word of a company the story names:
    in another case ("Midcon" beside "MidCon Corp", "Transamerican" beside "<TransAmerican Natural
    Gas Corp>"), with one letter more, less or other ("Allegheney" beside "Alleghney International
    Inc", "Kellog" beside "M.W. Kellogg Co", "Becord" beside "BECOR WESTERN <BCW>"), or as a part of
    a hyphenated name ("Schering" beside "Schering-Plough Corp")."""
    lower = name.lower()
    first, size = lower[:1], len(lower)
    words = story.capitalised_words(first.upper())
    if len(words) > _MANY_WORDS:
        words = _possible_variants(lower, first.upper(), story)
    variants = [
        word
        for word in words
        if (abs(len(word) - size) <= 1 or "-" in word)
        and word != name  # the name as printed is judged by printed_as_company
        and _variant_word(lower, word.lower())
    ]
    if not variants:
        return False  # the common case
    text = story.text
    headline_end = len(text[:300].split("\n", 1)[0])
    pattern = re.compile(rf"(?<![\w.'’-])(?:{'|'.join(map(re.escape, variants))})(?![\w'’-])")
    for match in _whole_uses(pattern, sorted(variants), story):
        word = match.group()
        at, end = match.span()
        if at < headline_end:
            if _headline_company(text[:headline_end], word.upper()):
                return True
        elif text[at - 1 : at] == "<" or (text[at - 1 : at] == "(" and text[end : end + 1] == ")"):
            return True  # "<TransAmerican Natural Gas Corp>", "Petroleos Mexicanos (PEMEX)"
        elif not _FOLLOWS_NAME_WORD_RE.search(text, max(0, at - 40), at):
            tail = _COMPANY_TAIL_RE.match(text, end)
            if tail is not None and tail.group()[-1:] != ">":
                return True  # "Alleghney International Inc", not "Natural" of "TransAmerican Natural Gas Corp"
    return False


# More capitalised words of one initial than this, and _company_variant looks a name's variants
# up in _possible_variants rather than comparing the name with every one (real stories print a few dozen).
_MANY_WORDS = 64


def _possible_variants(lower: str, initial: str, story: _Story) -> set[str]:
    """The capitalised words of the initial that _variant_word may hold a variant of the (lower-case)
    name: in another case, with the name a part of a hyphenated word, or sharing a form with one
    letter deleted (one edit apart)."""
    if initial not in story.variant_keys:
        keys: dict[str, set[str]] = {}
        for word in story.capitalised_words(initial):
            other = word.lower()
            for key in {*_with_deletions(other, 1), *other.split("-")}:
                keys.setdefault(key, set()).add(word)
        story.variant_keys[initial] = keys
    keys = story.variant_keys[initial]
    return {word for key in _with_deletions(lower, 1) for word in keys.get(key, ())}


def _variant_word(lower: str, other: str) -> bool:
    """Another printing of a word: in another case, a part of a hyphenated word, or one edit away."""
    if other == lower or lower in other.split("-"):
        return True
    return (
        len(lower) >= 5
        and other[:1] == lower[:1]
        and abs(len(other) - len(lower)) <= 1
        and _edit_distance(lower, other, 1) <= 1
    )


def _named_as_person(name: str, story: _Story) -> bool:
    """Some use of the word, whole, follows a given name, an initial, an honorific or a role's head
    ("Robert Kellog", "R. Kellog", "Mr Kellog", "chairman Kellog")."""
    for match in _whole_uses(re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])"), [name], story):
        previous = _NAME_BEFORE_RE.search(story.text, max(0, match.start() - 40), match.start())
        word = previous.group(1).strip('("“') if previous else ""
        if "\n" in story.text[previous.end(1) if previous else 0 : match.start()]:
            continue  # a word of the paragraph before ("... a new chief.\n\nSeacrest said")
        if word[-1:] in ",;:!?" or (
            word[-1:] == "." and not _INITIAL_WORD_RE.fullmatch(word) and word.lower() not in HONORIFICS
        ):
            continue  # the end of a clause before it ("named a new chief. Seacrest said")
        if word and (
            is_given_name(word) or _INITIAL_WORD_RE.fullmatch(word) or word.lower() in HONORIFICS or is_role_head(word)
        ):
            return True
    return False


_CAPITALISED_TOKEN_RE = re.compile(r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")


def _places_of_words(story: _Story) -> dict[str, list[int]]:
    """Where each capitalised word of the story's text starts (hyphenated ones whole:
    "Schering-Plough"), also under its part before an apostrophe ("Kellog" of "Kellog's"), in
    order. Read once: every whole use of a word that opens with A to Z starts one of these."""
    if story.word_places is None:
        places: dict[str, list[int]] = {}
        for match in _CAPITALISED_TOKEN_RE.finditer(story.text):
            word, at = match.group(), match.start()
            places.setdefault(word, []).append(at)
            if "'" in word or "’" in word:
                for cut, char in enumerate(word):
                    if char in "'’":
                        places.setdefault(word[:cut], []).append(at)
        story.word_places = places
    return story.word_places


def _whole_uses(pattern: re.Pattern[str], words: list[str], story: _Story):
    """pattern.finditer(story.text), for a pattern that finds the words whole (nothing of a word
    before them): tried only where _places_of_words has them, not along the whole text for each word,
    so that a text of thousands of names stays linear."""
    if not all("A" <= word[:1] <= "Z" for word in words):
        yield from pattern.finditer(story.text)
        return
    places = _places_of_words(story)
    for at in sorted({at for word in words for at in places.get(word, ())}):
        match = pattern.match(story.text, at)
        if match:
            yield match


# A capitalised word (not initials: "M.W. Kellogg") just before: the word after it opens no name
_FOLLOWS_NAME_WORD_RE = re.compile(r"(?<![\w.'’-])(?!(?:[A-Z]\.)+ +$)[A-Z][\w&'’.-]* +$")


# What a company speaks of, in the clause after its name ("Sears said sales rose 3 pct").
_BUSINESS_RE = re.compile(
    r"\b(?:sales|earnings|profits?|revenues?|shares|shareholders|stockholders|dividends?|quarter|units?|"
    r"plants?|orders|net\s+(?:income|loss|profit)|subsidiary|acquisition|merger)\b"
)
# One of these stands in every text it finds: looked for first (its search tries every place of the clause).
_BUSINESS_WORDS = (
    "sales earnings profit revenue share stockholders dividend quarter unit plant orders net subsidiary "
    "acquisition merger"
).split()
# "Petro-Canada, Canada's state-owned oil company,", "Finnair, the national airline of Finland,",
# "Amtorg, a Soviet trading organization,": a body's noun that ends its phrase (not "airline pilot").
_BODY_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|the|[A-Z][\w.-]*['’]s)\s+(?:(?!(?:said|says|told|added)\b)[\w.'’-]+\s+){0,6}?"
    r"(?:company|firm|airline|carrier|organi[sz]ation|trust|concern|publication|manufacturer|maker|producer|"
    r"group|railroad|railway|utility|chain)(?=\s*(?:[,.;)]|(?:of|in|based|owned|that|which|and)\b))"
)
_NAME_BEFORE_RE = re.compile(r"(\S+)\s+$")


def _speaks_as_company(tokens: tuple[str, ...], after: str) -> int:
    """A one-word name that speaks of sales, earnings, shares ... ("Pepsi said sales rose"), or a
    name of one or two words (no given name) set beside a company noun ("Townsend Thoresen, the
    ferry company,"). Unless the story introduces it as a person somewhere (a given name, a role),
    it is a company's: a person in wire copy is introduced so."""
    if len(tokens) > 2 or (len(tokens) == 2 and (is_given_name(tokens[0]) or tokens[0].lower() in _WORD_GIVEN_NAMES)):
        return 0
    if after[:1] == "," and (_company_apposed(after, 0) or _BODY_APPOSITION_RE.match(after)):
        return 2  # said once of the name, it holds for all its uses
    if len(tokens) > 1:
        return 0
    clause = after[:250]
    stop = clause.find(". ")
    clause = clause if stop == -1 else clause[:stop]
    # (the words tested in C with map: no generator to resume for each of them)
    return 1 if any(map(clause.__contains__, _BUSINESS_WORDS)) and _BUSINESS_RE.search(clause) else 0


# Initials before a name (or opening it), with no given name: "E.F. ", "C. ", "C.", "broker C ",
# "E.D. and F. "; a firm's name when a firm's cue stands around them.
_LEAD_INITIALS_RE = re.compile(
    r"(?:(?<=\s)|^)(?:[A-Z]\.){1,3}(?:\s?(?:and|And|&)\s?(?:[A-Z]\.){1,3})?\s?$|(?<=[a-z] )[A-Z] $"
)
_FIRM_BY_INITIALS_BEFORE_RE = re.compile(
    r"(?:\b(?:house|bank|firm|brokers?|brokerage|dealers?|merchants?|traders?|consultants?|shippers?|exporters?)"
    r"|[a-z]\s+(?:of|for|at)|[A-Z][a-z]+\s+(?:of|at))\s+$"
)
_ROLE_THEN_NAME_RE = re.compile(r"\s+([a-z]+)\s+[A-Z][a-z]")


# Before a name inside a run of capitalised words: a body's noun before the run, or the run's words
# joined by a lower-case particle of a body's name ("Welt am Sonntag", "Banco do Brasil").
# What the window before a name needs for _BODY_RUN_RE to find anything in it, tested first: one of
# its nouns ("paper" of "newspaper"), or its end a particle of a body's name.
_BODY_RUN_NOUNS = "paper daily weekly magazine newsletter journal publication agency firm company bank".split()
_BODY_RUN_PARTICLES = ("am", "im", "zum", "zur", "do", "da", "dos", "das")


def _may_end_body_run(window: str) -> bool:
    return window.rstrip().endswith(_BODY_RUN_PARTICLES) or any(map(window.__contains__, _BODY_RUN_NOUNS))


_BODY_RUN_RE = re.compile(
    r"\b(?:newspaper|daily|weekly|magazine|newsletter|journal|publication|paper|agency|firm|company|bank)\s+"
    r"[A-Z][^\s]*(?:\s+[A-Za-z][^\s]*)*?\s+$|[A-Z][\w-]+\s+(?:am|im|zum|zur|do|da|dos|das)\s+$"
)


# Articles of Italian, Dutch and German that open papers' and bodies' names, and no surname
# (not "Le", "La", "De", "Das": "Le Pen", "La Malfa", "De Mita", "Das" are surnames)
_FOREIGN_ARTICLES = frozenset(("Il", "Het", "Der", "Die"))


def _is_people_plural(name: str, document: Document) -> bool:
    """ "Americans", "Iranians", "Germans": a nationality's plural (its singular names a country);
    "Hispanics", "Europeans", "Muslims", "Republicans": a people, a faith or a party."""
    if not name.endswith("s") or len(name) <= 4:
        return False
    return name in _GROUP_PLURALS or country_code(name[:-1], document.date) is not None


_GROUP_PLURALS = frozenset(
    "Hispanics Latinos Latinas Asians Africans Europeans Arabs Kurds Palestinians Muslims Christians Jews "
    "Catholics Protestants Evangelicals Hindus Sikhs Buddhists Shiites Sunnis Democrats Republicans "
    "Conservatives Liberals Socialists Communists Greens Tories Millennials Boomers".split()
)


def _firm_by_initials(paragraph: str, start: int, end: int, tokens: tuple[str, ...], story: _Story) -> bool:
    """A name given only initials ("E.F. Hutton", "broker C. Czarnikow", "E.D. and F. Man") is a firm
    when a firm's noun or an employer's "of"/"for" stands before the initials, a role and a person
    follow it ("E.F. Hutton analyst Terence Quinn"), or the story prints it as a company's elsewhere
    ("<E.F. Hutton Group>"); a person with initials has a role or a title before them ("Chairman
    A.W. Clausen") and keeps it."""
    head = paragraph[max(0, start - 16) : start]
    inside = paragraph[start:end]
    bare = inside.find(tokens[0])
    if bare > 0:  # "F. Man": the initials are inside the name
        head, inside = head + inside[:bare], inside[bare:]
    last = head.rstrip()[-1:]  # what every text _LEAD_INITIALS_RE finds in ends with, less a space: tested first
    initials = _LEAD_INITIALS_RE.search(head) if last == "." or "A" <= last <= "Z" else None
    if initials is None:
        return False
    lead = start - (len(head) - initials.start()) + (bare if bare > 0 else 0)
    before = paragraph[max(0, lead - 30) : lead]
    if _FIRM_BY_INITIALS_BEFORE_RE.search(before) or _company_noun_before(before):
        return True
    role = _ROLE_THEN_NAME_RE.match(paragraph, end)
    if role and is_role_word(role.group(1)):
        return True
    printed = paragraph[lead:end]
    return printed_as_company(printed, story.text, story.text_places) or f"<{printed}" in story.text


def _introduced_as_person(name: str, story: _Story) -> bool:
    """Some use of the name follows a given name, an initial, a title or a role ("Denys Henderson",
    "C. Czarnikow", "Mr Nakasone", "chairman Silas")."""
    text, date = story.text, story.document.date
    for at in islice(finds(text, name, len(name), story.text_places), 64):
        previous = _NAME_BEFORE_RE.search(text, max(0, at - 40), at)
        if previous and text[at - 1 : at].isspace() and "\n" not in text[previous.end(1) : at]:
            word = previous.group(1).strip('("“')
            if _INITIAL_WORD_RE.fullmatch(word) or is_role_word(word) or word.lower() in HONORIFICS:
                return True
            if word[:1].isupper() and not word.isupper() and word[-1:].isalpha() and not is_prefix_word(word, date):
                return True  # a given name, known or not ("Shigeki Matsumoto")
    return False


_INITIAL_WORD_RE = re.compile(r"(?:[A-Z]\.?){1,3}|(?:[A-Z]\.)+[A-Z]?")


# A company's legal ending right after a name: "Morgan Stanley and Co Inc", "Kidder, Peabody and Co",
# "Hambrecht and Quist Inc",
# "General Automation Inc" (not "Delamuraz and National Bank President ...").
_FIRM_TAIL_RE = re.compile(
    r"(?:,?\s+[A-Z][\w&'’.-]*){0,2}(?:\s+(?:and|&)(?P<partner>\s+[A-Z][\w&'’.-]*){0,2})?\s+(?:Corp|Corporation|Co|Cos|Inc|INc|Ltd|Plc|PLC|AG|SA|S\.A|"
    r"NV|N\.V|BV|GmbH|SpA|Spa)\b"
)


_KIN_RE = re.compile(r"\s+(?:Sons?|Brothers|Partners|Associates|Co|Cos|Company)$")


def _firm_name(name: str, story: _Story) -> bool:
    """The story prints the name with a company word right after it ("Morgan Stanley and Co Inc",
    "General Automation Inc"), in its title or body."""
    key = f"firm:{name}"
    if key not in story.companies:
        text, found = story.text, False
        given = " " in name  # a given name and a surname ("Asher Edelman", "Mark D. Greenberg")
        for at in islice(finds(text, name, len(name), story.text_places), 64):
            tail = _FIRM_TAIL_RE.match(text, at + len(name))
            # "Hambrecht and Quist Inc" is one firm; "investor Asher Edelman and Dominion Textile Inc" a
            # person and a firm ("Alex Brown and Sons Inc" a firm again)
            partner = tail.group("partner") if tail else None
            found = tail is not None and not (given and partner and not _KIN_RE.match(partner))
            if found:
                break
        story.companies[key] = found
    return story.companies[key]


def printed_as_company(name: str, body: str, places: TextPlaces | None = None) -> bool:
    """Some use of the name is a company's: "Echo Bay Mines Ltd", "state-owned company Petrobras",
    "F.W. Dodge, a division of McGraw-Hill": then no use of it is a person. `places`: a TextPlaces
    of the body, for a long one."""
    headline = body[:300].split("\n", 1)[0]  # a window: time stays linear in a story of one long line
    at = headline.find(f"{name.upper()} <")
    if at != -1 and headline[at - 1 : at] in ("", " ") and _HEADLINE_TICKER_RE.match(headline, at + len(name)):
        return True  # "CHEMLAWN <CHEM> SEEKS BIDS": a Reuters headline gives a listed company its ticker
    if " " not in name and _headline_company(headline, name.upper()):
        return True  # "PHARMACIA AB <PHAB ST> 1986 YEAR", "INTEGRATED GENERICS <IGN> UNIT ...": its first word
    # What two regexes below need somewhere in the body, looked for once: a ticker's "<", the word "its".
    ticker, its = (places.holds("<"), places.holds("its")) if places else ("<" in body, "its" in body)
    # the first uses tell; a name used thousands of times is no company's
    for at in islice(finds(body, name, len(name), places), 64):
        end = at + len(name)
        tail = _COMPANY_TAIL_RE.match(body, end)
        if tail and (tail.group()[-1:] != ">" or body[at - 1 : at] == "<"):
            return True
        if ticker and _TICKER_AFTER_RE.match(body, end):
            return True  # "N.V. Philips Gloeilampenfabrieken <PGLO.AS>": a listed company
        if _company_noun_before(body, max(0, at - 30), at) or (
            body[end : end + 1] == "," and _company_apposed(body, end)
        ):
            return True
        if _COMPANY_SAYS_ITSELF_RE.match(body, end):  # "McDonnell" beside "McDonnell Douglas said it will"
            return True
        if " " not in name and body[end : end + 1] == "," and _FIRST_OF_FIRM_RE.match(body, end):
            return True  # "Kidder" of "Kidder, Peabody and Co"
        if " " not in name and body[at - 1 : at] == "(" and body[end : end + 1] == ")":
            # "Petroleos Mexicanos (PEMEX) said", "(Nationair) said": a body's short name in brackets
            return True
        if " " not in name and not name.endswith("s") and _IT_SAID_RE.match(body, end) and _subject_alone(body, at):
            return True  # "Keycorp said it has signed" elsewhere (not "Chairman W.A. Kistler said its")
        if its and " " not in name and _ITS_VERB_RE.match(body, end) and body[at - 1 : at] in ("", " ", "\n"):
            return True  # "Nestlé cut its forecast", "Microsoft delayed its launch": one word that owns a thing
    return False


_HEADLINE_TICKER_RE = re.compile(r" <[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?>")
# A listed company's name in a headline: up to three more words, then its ticker ("<PHAB ST>", "<GY>").
_HEADLINE_NAME_TICKER_RE = re.compile(r"(?:[ /][A-Z][A-Z&'.-]*){0,3} ?<[A-Z0-9]{1,6}(?:[. ][A-Z]{1,3})?>")


def _headline_company(headline: str, word: str) -> bool:
    """The (upper-case) word opens a company's name that the headline gives a ticker, or stands
    inside a name the headline marks as a company's ("<GEN TERM CORP> ACQUIRES", "<NATIONAL SELF>").
    Upper case throughout: a headline may reach here recased ("Southmark <SM> to purchase <national Self>")."""
    headline = headline.upper()
    at = headline.find(word)
    while at != -1:
        end = at + len(word)
        if headline[at - 1 : at] in ("", " ", "/", "<") and not headline[end : end + 1].isalnum():
            if _HEADLINE_NAME_TICKER_RE.match(headline, end):
                return True
            if headline.rfind(">", 0, at) < headline.rfind("<", 0, at) and ">" in headline[end:]:
                return True  # inside "<...>"
        at = headline.find(word, end)
    return False


_ITS_VERB_RE = re.compile(r"\s+(?:also\s+)?[a-z]{3,}\s+its\s")
_FIRST_OF_FIRM_RE = re.compile(r",\s+[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)?,?\s+(?:and|&)\s+(?:Co|Cos|Company|Inc)\b")
# Words one of which each _PUBLICATION_ regex needs ("news" of "news agency", "newspaper", "newsletter").
_PUBLICATION_WORDS = ("news", "daily", "Daily", "weekly", "Weekly", "magazine", "tabloid", "publication")
_PUBLICATION_AFTER_RE = re.compile(
    r"['’]?\s+(?:news\s+agency|newspaper|daily|weekly|magazine|newsletter)\b|['’]s\s+(?:Daily|Weekly)\b"
)  # "People's Daily": a publication's name, whatever comes before it ("the official")
# A name's words, then more capitalised ones that say "it" or "its" of themselves: a company's name.
# ", the official Cuban newspaper,", ", a Hong Kong daily with close Peking links,": the name before it
# is the publication's (not ", the editor of the newspaper,", ", a newspaper editor,": a person's).
_PUBLICATION_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!(?:said|says|told|added|of|at|for|with|in|to|from|on|by)\b)[\w.'’-]+\s+){0,4}?"
    r"(?:newspaper|daily|weekly|magazine|news\s+agency|newsletter|tabloid|publication)"
    r"(?=\s*[,.;)]|\s+(?:with|of|in|based|owned|that|which|published|said|says|reported|run)\b)"
)
_COMPANY_SAYS_ITSELF_RE = re.compile(
    r"(?:\s+[A-Z][\w&'’.-]*){1,3}\s+(?:also\s+)?(?:said|says)\s+(?:that\s+)?"
    r"(?:its|it(?!\s+(?:(?:would|will|could|might|may|should)\s+(?:not\s+)?be|(?:was|is|were)(?!\s+[a-z]+ing\b))\b))\s"
)


def _subject_alone(body: str, at: int) -> bool:
    """The word at `at` opens its sentence: no initial, title or other name before it."""
    before = body[max(0, at - 40) : at].split()
    if not before or "\n" in body[max(0, at - 3) : at]:
        return True
    last = before[-1]
    return last.endswith((".", "!", "?", '"', "”")) and not _INITIALS_RE.fullmatch(last.rstrip('"”'))


_ISSUE_MANAGER_WORDS_RE = re.compile(r"[Mm]anager|[Uu]nderwriter")  # a test before the regex, which most fail
_ISSUE_MANAGER_WORDS = ("anager", "nderwriter")  # what _ISSUE_MANAGER_WORDS_RE needs, looked for in the body once
_ISSUE_MANAGER_RE = re.compile(r"(?i)\b(?:(?:lead|sole|co)[\s-]+(?:lead[\s-]+)?manager|underwriter)\s+$")
# "Chairman A.W. Clausen": the initials of the name stand between its role and its surname
_INITIALS_BEFORE_RE = re.compile(r"(?<=\s)(?!U\.S\.|U\.K\.)(?:[A-Z]\.){1,3}\s$")


def _without_initials(before: str) -> str:
    """The text before a name without the name's initials at its end ("Chairman A.W. ")."""
    if not before.endswith(". "):
        return before  # the common case: no initial before the name, no regex run over the window
    return _INITIALS_BEFORE_RE.sub("", before) if _INITIALS_BEFORE_RE.search(before, len(before) - 12) else before


_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|St\.")
# Plural nouns opening a sentence: "Technicians said", "Witnesses said", "Arbitrageurs said"
_PLURAL_NOUN_RE = re.compile(r"(?:ians|[^aeiou]ers|tors|ists|ures|papers|ants|ents|eurs|sses|eans)$")


def _opens_sentence(before: str) -> bool:
    tail = before[-3:]
    return not before.strip() or tail.rstrip().endswith((".", "!", "?", ":", '"', "“")) or tail.endswith("\n")


def _name_span(run: str, date) -> tuple[int, int] | None:
    """Offsets in the run of the name: the words after the titles before it, at most four."""
    words = run.split()
    first = 0
    while first < len(words) and is_prefix_word(words[first], date):
        if _given_after_title(words, first, date):
            break  # "Finance Minister Mark Eyskens": "Mark" opens the name
        first += 1
    # A title word further on ends the titles: "World Bank President Barber Conable" (not one that
    # only a generation's suffix follows: "John Pope Jr" is Mr Pope).
    for i in range(len(words) - 1, first - 1, -1):
        if (
            is_title_word(words[i], date)
            and not (i > first and _nation_surname(words[i - 1 : i + 1], 1))
            # a title stands before a name: not last, nor before a generation's suffix only
            and not all(w.lower().rstrip(".,") in NAME_SUFFIXES for w in words[i + 1 :])
        ):
            first = i + 1
            break
    # An unknown word before a given name is a title the lists lack: "Represenative Clayton Yeutter".
    if len(words) - first >= 3 and not is_given_name(words[first]) and is_given_name(words[first + 1]):
        first += 1
    elif len(words) - first >= 3 and _COMMON_NOUN_END_RE.search(words[first]):
        first += 1  # "(Director of Public) Prosecution Eva-Marie Persson": a body's word, no name's
    elif len(words) - first >= 2 and words[first].lower() in SPEECH_VERBS:
        first += 1  # "Added Regina L. Davis, spokeswoman for ..., "..."": the verb opens the sentence
    while len(words) - first > 1 and words[-1].lower() in _TRAILING_DATE_WORDS:
        words = words[:-1]  # "Clayton Yeutter Monday": the weekday is no part of the name
    if len(words) - first > 2 and words[-1].lower() in MONTHS:
        words = words[:-1]  # "CEO Richard Ripley July 17": a date's month (but "Richard May" is a name)
    if first >= len(words) or len(words) - first - (sum(w in PARTICLES for w in words[first:]) == 1) > 4:
        return None  # four words, five with one particle ("Luiz Inacio Lula da Silva", not "Etat du Grand-Duche de X")
    start = run.index(words[first], sum(len(w) for w in words[:first]) + first - 1 if first else 0)
    end = run.index(words[-1], start) + len(words[-1])
    return start, end


NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
_TRAILING_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday".split()
)


def _has_cue(name: str, tokens: tuple[str, ...], before: str, after: str) -> bool:
    if after[:1] == "," and _WHO_RE.match(after):
        return True
    speech = _SPEECH_AFTER_RE.match(after)
    if speech and not (speech.group().endswith("added") and _AMOUNT_AFTER_RE.match(after, speech.end())):
        return True  # not "Goldman Sachs added 1.2%": a gain
    if len(tokens) > 1 and before.endswith(", ") and _APPOSED_SPEAKER_RE.match(after):
        return True  # "the head of ECGD's debt division, Gerry Breach, said"
    if len(tokens) > 1 and (after[:1] == "," or after.strip() in ("", ".")) and before.endswith(", "):
        # "The mayor of Surabaya, Tri Rismaharini, said"; '"...," said EU commissioner for Home Affairs,
        # Cecilia Malmström.' (the name ends the paragraph)
        role_of = _ROLE_OF_BEFORE_RE.search(before, max(0, len(before) - 100))
        if role_of and is_role_head(role_of.group(1)):
            return True
    if len(tokens) > 1 and after[:1] == "," and _AGE_AFTER_RE.match(after):
        return True  # "Nathaly Cartas Leon, 20, had met ...": a person's age in commas
    if len(tokens) > 1 and _OF_BODY_SPEAKER_RE.match(after):
        return True  # "Bronwyn Curtis of Landell Mills Commodities Studies said"
    if _is_after_speech_verb(before) and _CLAUSE_END_RE.match(after):
        if not _TOLD_BEFORE_RE.search(before[-8:]):
            return True
    if len(tokens) > 1 and before.endswith("quoted ") and _AS_SAYING_RE.match(after):
        return True  # "Xinhua quoted Li Peng as saying": the one quoted speaks (a body's name is dropped later)
    if len(tokens) == 2 and tokens[0].lower() in _WORD_GIVEN_NAMES and _described_before(before):
        return True  # "self-made millionaire Grant Sabatier": a given name that is a word, after what he is
    return _is_given_pair(tokens, after) or _is_hyphenated_given_pair(tokens)


def _described_before(before: str) -> bool:
    """The text before a name ends with a lower-case noun saying what the person is ("millionaire ",
    "quarterback "): not a body's word ("accounting firm Grant Thornton") nor a word of grammar."""
    word = before[-30:].rsplit(None, 1)[-1:] if before.endswith(" ") else []
    return (
        bool(word)
        and _DESCRIBING_NOUN_RE.fullmatch(word[0]) is not None
        and word[0] not in _NOT_DESCRIBING
        and word[0] not in ORGANISATION_WORDS
        and word[0] not in SPEECH_VERBS
    )


# A lower-case noun before a given name that is also a word: what the person is ("millionaire").
_DESCRIBING_NOUN_RE = re.compile(r"[a-z][a-z-]{3,}")
_NOT_DESCRIBING = frozenset(
    "with from into than that this these those when what where which while after before about under over "
    "upon onto without within between against among during since until across through toward towards "
    "like unlike also named called dubbed were have been their there".split()
)


# A Korean or Chinese given name of two syllables joined by a hyphen after a common family name:
# "Kim Jong-un", "Ban Ki-moon", "Ma Ying-jeou", "Chun Doo-hwan" ("New York-based" is none).
_HYPHENATED_GIVEN_RE = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")
_EAST_ASIAN_FAMILY_NAMES = frozenset(
    "kim lee yi rhee park pak choi choe jung chung jeong kang cho yoon jang lim han oh seo shin kwon hwang ahn "
    "song yoo yu hong jeon ko moon yang son bae baek heo huh nam roh noh chun ban rha lho koo ku "
    "wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao chang chiang tsai lai ho mao "
    "deng wen xi teng tan lau wong leung chan cheung yeh hsu kao tseng chu lu su fu".split()
)


# English words after such a hyphen: "New York-based", "World Bank-led", "Japan Non-life".
_NOT_SYLLABLES = frozenset(
    "based base led owned made area grade life to run backed linked born style type like wide bound free "
    "level term class sized scale listed rated built era old year day week month up out off on at for by "
    "held hit controlled funded sponsored run".split()
)


def _is_hyphenated_given_pair(tokens: tuple[str, ...]) -> bool:
    return (
        len(tokens) == 2
        and _HYPHENATED_GIVEN_RE.fullmatch(tokens[1]) is not None
        and tokens[0].lower() in _EAST_ASIAN_FAMILY_NAMES
        and tokens[1].rsplit("-", 1)[1] not in _NOT_SYLLABLES
        and tokens[1].lower() not in _NOT_SURNAMES
    )


def _is_after_speech_verb(before: str) -> bool:
    """ "said Tom Murtha", "according to Tom Murtha"."""
    last = before[-16:].rsplit(None, 1)[-1:]
    if last and (last[0] in REPORTING_VERBS["end"] or last[0] in REPORTING_VERBS["quote-first"]):
        # '"...," agreed Elliot Platt', '"...," remembers Shanna Lee': right after the words
        return before[: -len(last[0]) - 1].rstrip().endswith((",", '"', "”"))
    return bool(last) and before[-1:].isspace() and (last[0] in CUE_VERBS or before.endswith("according to "))


def _is_given_pair(tokens: tuple[str, ...], after: str) -> bool:
    """ "Paul Volcker", "Nizar Hindawi": a common given name, then a surname that is no common word."""
    if len(tokens) < 2 or not is_given_name(tokens[0]) or tokens[-1].lower() in _NOT_SURNAMES:
        return False
    following = after[:20].split()
    word = following[0].lower().strip(",.") if following else ""
    # "Paul Volcker Associates" is a firm; "As Emily Feng reports for NPR" a person (a verb, not "Reports")
    return not (word in ORGANISATION_WORDS and word not in REPORTING_VERBS["all"])


def _with_royal_title(paragraph: str, name: str, start: int) -> tuple[str, int]:
    """ "King Fahd", "Sheikh Ali": a monarch's one-word name keeps its title."""
    if " " in name:
        return name, start
    previous = paragraph[max(0, start - 40) : start].split()[-1:]
    if previous and previous[0].lower() in ROYAL_TITLES and previous[0][0].isupper():
        title_start = start - len(previous[0]) - 1
        return paragraph[title_start : start + len(name)], title_start
    return name, start


def _country_near(paragraph: str, start: int, end: int, document: Document) -> str | None:
    """A role without a country takes the story's dateline country when the name's sentence names
    that country: "TOKYO - ... Japan ..., Foreign Minister X said" is Japan's minister. Any other
    country of the sentence is a guess ("President Reagan imposed tariffs on Japanese goods" is
    no Japanese president), so none is taken."""
    home = _dateline_country(document)
    if home is None:
        return None
    sentence_start = paragraph.rfind(". ", max(0, start - 300), start) + 1 or max(0, start - 300)
    if document.paragraphs and paragraph is document.paragraphs[0]:
        sentence_start = max(sentence_start, dateline_end(document, paragraph))  # not "TOKYO -" itself
    sentence_end = paragraph.find(". ", end, end + 300)
    if sentence_end == -1:
        sentence_end = min(len(paragraph), end + 300)
    for text in (paragraph[sentence_start:start], paragraph[end:sentence_end]):
        for word in _CAPITALISED_TOKEN_RE.findall(text):  # a country's name is capitalised
            if country_code(word, document.date) == home:
                return home
    return None


# The capital first and the look-behind after it (the same test of the character before it), so
# that the regex engine skips fast from capital to capital.
_CAPITALISED_TOKEN_RE = re.compile(r"[A-Z](?<![\w'’].)[\w'’-]*")


def _dateline_country(document: Document) -> str | None:
    for place in document.dateline_places:  # "MORIOKA, Japan": the first place that is a country's
        code = country_for_place(place, document.date)
        if code:
            return code
    return None


def _is_institution(word: str, before: str, after: str, story: _Story, titled: bool) -> bool:
    """A lone word that names no person: "General Agreeeement on Tariffs", "Citibank said",
    "the Bundesbank said", "Bourdain of BankAmerica, who", "sources in Rio said"."""
    if titled:
        following = _OF_NAME_RE.match(after)
        if following:
            return not country_code(following.group(1), story.document.date)
        # "lead manager Amro bank said": a body's noun in lower case right after the name
        noun = after[:16].split()[:1]
        return bool(noun) and noun[0].strip(",.") in _BODY_NOUNS_AFTER
    if before.endswith((" of ", " in ", " at ", " from ")):
        return True
    if any(part.lower() in ORGANISATION_WORDS for part in _CAMEL_RE.findall(word)):
        return True
    following = after[:12].split()
    if following and following[0].lower().strip(",.") in ORGANISATION_WORDS:
        return True
    if word not in story.institutions:
        body, places = story.body, story.body_places
        story.institutions[word] = _after_an_article(body, word, places) or (
            not story.lower_case and next(_whole_word_starts(body, word.lower(), places), None) is not None
        )
    return story.institutions[word]


_ARTICLES_BEFORE = ("the ", "The ", "a ", "A ", "an ", "An ", "for ")


def _after_an_article(body: str, word: str, places: TextPlaces | None = None) -> bool:
    """ "the Bundesbank", "a Citibank": the body prints the word (as a string, perhaps inside a longer
    one) right after an article or "for". One search of the body for the word, not one per article
    (`places`: a TextPlaces of the body, for a long one)."""
    for at in finds(body, word, 1, places):
        # the article a whole word: not the "a " that ends "Eyamba " in "Eyamba Sowers"
        if body.endswith(_ARTICLES_BEFORE, max(0, at - 4), at) and _article_starts_word(body, at):
            # "for Patrick’s second stop": "for" before a possessive is a person's as often
            if body.endswith("for ", 0, at) and body.startswith(("'s", "’s"), at + len(word)):
                continue
            after = at + len(word)
            if body[after : after + 1] == " " and body[after + 1 : after + 2].isupper():
                following = body[after + 1 : after + 30].split(None, 1)[0].strip(".,;:").lower()
                if following not in ORGANISATION_WORDS:
                    continue  # "Related: The Paltrow Affair": a title's word (not "the Euro-clear System")
            return True
    return False


def _article_starts_word(body: str, at: int) -> bool:
    """The article that ends right before `at` is a word of its own."""
    for article in _ARTICLES_BEFORE:
        if body.endswith(article, max(0, at - len(article)), at):
            start = at - len(article)
            return start == 0 or not body[start - 1].isalnum()
    return False


_BODY_OF_ROLE_RE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?[A-Z]")
_STREET_ENDINGS = ("-Strasse", "-Straße", "-Platz", "-Allee", "-Weg", "-Ufer", "-Damm", "-Gasse", "-Ring")
_CLAUSE_OPENERS = frozenset("she he they it we i and but or".split())
_CLAUSE_VERBS = frozenset("became becomes was is has had joined left served took went".split())  # "Ride became"
_STORM_RE = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Superstorm|[Ss]torm)\s+([A-Z][a-z]+)\b")
_STORM_WORDS = ("Hurricane ", "Typhoon ", "Cyclone ", "Storm ", "Superstorm ", "hurricane ", "storm ")
# Endings of English abstract or plural nouns, no surname's: "Regulation", "Management", "Commodities"
_COMMON_NOUN_END_RE = re.compile(r"(?:tions?|gement|ities|ity|sis|ics|gy|ies)$")
_BODY_NOUNS_AFTER = frozenset("bank banks group company corp agency fund trust securities".split())
_OF_NAME_RE = re.compile(r"\s+(?:on|of|for)\s+([A-Z][\w'’-]*)")
_CAMEL_RE = re.compile(r"[A-Z][a-z]+")



def _nation_surname(words, i: int) -> bool:
    """ "Jim Jordan", "Tom French": a country's name or a nationality as the surname after a given
    name (the last of two words), not a title word before a name."""
    return (
        i == len(words) - 1 == 1
        and _any_given_name(words[0])  # "Sharon Holland" too
        and words[i][1:].islower()
        and country_code(words[i]) is not None
    )


def _title_surname(words, i: int) -> bool:
    """ "Gayle King", "Erik Prince", "Wayne King": an honorific or a monarch's title as the surname
    after a known given name (the last of two words), not a title before a name."""
    return (
        i == len(words) - 1 == 1
        and words[i].lower() in HONORIFICS
        and words[i][1:].islower()
        and is_given_name(words[0])
    )


def _is_blocked(tokens: tuple[str, ...], excluded: set[str] | frozenset[str], date) -> bool:
    """A word no name holds; after a given name, a common word may be a surname ("William Sterling")."""
    after_given_name = len(tokens) > 1 and is_given_name(tokens[0])
    for i, token in enumerate(tokens):
        if token.endswith("-based"):
            return True  # "Brussels-based": where a body sits, no name
        if len(token) >= 10 and token.lower().endswith(("bank", "banken")) and not after_given_name:
            return True  # "Deutsche Kommunalbank", "Handelsbank", "Nordbanken": a bank's name
        if token.lower() in excluded or token.isupper():
            return True
        if is_title_word(token, date) and not _nation_surname(tokens, i) and not _title_surname(tokens, i):
            return True
        if is_non_name(token) and not (after_given_name and i > 0 and token.lower() not in _NOT_SURNAMES):
            return True
    return False


def _role_before(before: str, document: Document) -> tuple[str, str | None, bool]:
    """Role, country and honorific printed just before a name ("West German Finance Minister").

    Country words that open the phrase give the country ("Japanese Defense Minister"); those
    inside it belong to the role ("Governor of the Bank of England").
    """
    date = document.date
    last = before[-40:].rstrip(" ,").rsplit(None, 1)[-1:]
    if not last or not (is_role_word(last[0]) or _is_title(last[0]) or country_code(last[0], date)):
        return "", None, False  # the common case: nothing before the name introduces it
    phrase, honorific = _role_words_before(before[-_SHORT_ROLE_WINDOW:], date, len(before) > _SHORT_ROLE_WINDOW)
    if phrase is None:
        phrase, honorific = _role_words_before(before[-120:], date, False)
    role = _ROLE_PHRASES.get(phrase)
    if role is None:  # a phrase whose reading is dated, or one never read
        role = _ROLE_PHRASES.get((phrase, date))
        if role is None:
            role = _role_phrase(phrase, date)
    return (role[0], role[1], honorific) if role else ("", None, honorific)


# Most role phrases before a name are short: their words are read from this many characters first.
_SHORT_ROLE_WINDOW = 48


def _role_words_before(window: str, date, cut: bool) -> tuple[tuple[str, ...] | None, bool]:
    """The role words (titles, countries) ending the window, and whether its last word is an
    honorific. When the window is `cut` from a longer text, None for the words if they may run on
    before it: only its first token, perhaps cut by the window's edge, was left (the caller reads
    a longer window then)."""
    tokens = _PREFIX_TOKEN_RE.findall(window)
    honorific = bool(tokens) and tokens[-1].lower() in HONORIFICS
    if tokens and tokens[-1] == ",":  # "Japan's Minister of International Trade and Industry, Hajime Tamura"
        tokens.pop()
    words: list[str] = []
    while tokens and (is_role_word(tokens[-1]) or _is_title(tokens[-1]) or country_code(tokens[-1], date)):
        words.insert(0, tokens.pop())
    if cut and len(tokens) < 2:
        return None, honorific
    return tuple(words), honorific


# The role and country a phrase of role words gives, read once for all stories: the same phrases come
# back ("Secretary of State", "Finance Minister"). Kept under the phrase and the date when a word of it
# names a country (its code may depend on the date). Bounded.
_ROLE_PHRASES: dict[tuple, tuple[str, str | None] | tuple[()]] = {}
_ROLE_PHRASES_LIMIT = 8192


def _role_phrase(phrase: tuple[str, ...], date) -> tuple[str, str | None] | tuple[()]:
    """(role, country) of the role words before a name, or () when they give no role."""
    words = list(phrase)
    country = None
    while words and (words[0].lower() in _ROLE_LEAD_WORDS or country_code(words[0], date)):
        country = country_code(words.pop(0), date) or country
    if not any(is_role_head(w) for w in words) or words[-1] in _ROLE_LEAD_WORDS or _POSSESSIVE_RE.search(words[-1]):
        # No role; or "an official for Pechiney", "chairman of Austria's Creditanstalt": no person.
        role: tuple[str, str | None] | tuple[()] = ()
    else:
        while len(words) > 1 and words[-1].lower() in HONORIFICS and not is_role_head(words[-1]):
            words.pop()  # "press secretary Maj. Gen.": the ranks are no part of the role
        role = (" ".join(_role_head_part(words)), country or _country_inside(words, date))
    if len(_ROLE_PHRASES) < _ROLE_PHRASES_LIMIT:
        _ROLE_PHRASES[(phrase, date) if any(map(names_a_country, phrase)) else phrase] = role
    return role


def _role_head_part(words: list[str]) -> list[str]:
    """ "government of president" -> "president": the part after "of" when only it has a head
    (but "Governor of the Bank of England" and "Secretary of State" stay whole)."""
    # "spokesman for Finance Minister", "aide to President", "chairman of President Reagan's Council":
    # the named one's role is the title after the link
    for link in ("for", "to", "of"):
        if link in words[1:-1]:
            at = len(words) - words[::-1].index(link)
            after = words[at:]
            if link == "of" and not any(is_role_head(w) for w in words[: at - 1]):
                continue  # "Party of Prime Minister", "Bank of Japan Governor": as below
            if any(is_role_head(w) for w in after) and after[0][:1].isupper():
                return after
    if "of" not in words:
        return words
    cut = len(words) - 1 - words[::-1].index("of")
    before, after = words[:cut], words[cut + 1 :]
    if any(is_role_head(w) for w in after) and not any(is_role_head(w) for w in before):
        # but "Bank of Japan Governor": a body named by its country, the title whole
        if before[:1] and before[0][:1].isupper() and names_a_country(after[0]):
            return words
        return after
    return words


def _is_title(word: str) -> bool:
    return word[:1].isupper() and word.lower() in HONORIFICS


def _country_inside(words: list[str], date) -> str | None:
    for word in reversed(words):
        if code := country_code(word, date):
            return code
    return None


def _apposition_role(after: str, document: Document, given_pair: bool = True) -> tuple[str, str | None]:
    """The role an apposition gives ("Jeffrey Hornung, a ... expert at"). One followed by a speech
    verb with no comma ("X, an analyst with Y said") describes X only when X is a person by its
    given name ("Larry Feinberg"), not a place that ends a clause ("northern Sumatra")."""
    match = _APPOSITION_RE.match(after) if after[:1] == "," else None
    if not match:
        return "", None
    phrase = match.group("phrase")
    if phrase.startswith(("which ", "whose ")):
        return "", None  # "Merrill, which will be the dealer for the notes, said": a thing's clause
    opening = phrase.split(None, 2)
    if opening[0].lower() in _CLAUSE_OPENERS or (
        len(opening) > 1 and opening[0][:1].isupper() and opening[1] in _CLAUSE_VERBS
    ):
        # "After leaving Nasa, she became a professor", "California, San Diego, and served as a fellow":
        # a clause or its second verb, no apposition
        return "", None
    verb = next((i for i, w in enumerate(phrase.split()) if w in CUE_VERBS), None)
    if verb is not None:
        if _INDEFINITE_RE.match(match.group()) and not given_pair:
            return "", None  # "... off northern Sumatra, a company spokesman said.": the spokesman's clause
        phrase = " ".join(phrase.split()[:verb])  # "Larry Feinberg, an analyst with X said": no comma before
    phrase = _APPOSITION_CUT_RE.sub("", phrase).strip()
    words = phrase.split()[:12]
    head = next((i for i, w in enumerate(words[:7]) if is_role_head(w.rstrip("."))), None)
    if head is None:
        return "", None
    while head + 1 < len(words) and is_role_head(words[head + 1].rstrip(".")):
        head += 1  # a title of two heads: "Director General", "Secretary General"
    for later in range(head + 2, min(head + 4, len(words))):
        if (
            not words[later - 1].isalpha()
            or not words[later - 1].islower()
            or words[later - 1] in _ROLE_LEAD_WORDS
            or words[later - 1] in _ROLE_TAIL_STOPS
        ):
            break
        if is_role_head(words[later].rstrip(".")):
            head = later  # "deputy humanitarian coordinator": the head is the last of the run
            break
    if head + 1 < len(words) and words[head + 1][:1].isupper():
        return "", None  # "Dar es Salaam, Tanzania's ... Minister Paul Bomani": another's title before his name
    country = None
    role_words = []
    for word in words[: head + 1]:
        code = country_code(word, document.date)
        if code:
            country = code
        else:
            role_words.append(word)
    tail = words[head + 1 :]
    if tail[:1] == ["of"] or tail[:1] == ["for"]:
        # seven words as they come, then only a body's name going on: its capitalised words and
        # the small words inside it ("... of the Food and Agriculture Organization")
        for at, word in enumerate(tail, start=head + 1):
            if word in _ROLE_TAIL_STOPS or (at >= 7 and word not in _ROLE_LEAD_WORDS and not word[:1].isupper()):
                break
            role_words.append(word)
        while role_words and role_words[-1] in _ROLE_LEAD_WORDS:
            role_words.pop()
    return " ".join(role_words), country


def _inside_organisation(person: _Found, paragraph: str, organisations: list[OrganisationMention]) -> bool:
    """The name is part of an organisation's ("Kissinger Commission"), not a person beside one.

    A span that goes on past the name only with "of" or "and" ("Earl Johnson of Harris Trust
    and Savings Bank") or ends with it holds the person and the organisation side by side.
    """
    spans = _organisation_spans(organisations)
    if person.name in spans[_NAMES]:
        return True
    for _start, end in spans.get((person.paragraph, person.start), ()):
        tail = paragraph[person.end : end]
        if person.end <= end and tail.strip() and not _SIDE_BY_SIDE_RE.match(tail):
            return True
        if person.end == end:
            return True  # the organisation's own words ("Hewlett Packard Enterprise", an alias of Hewlett-Packard)
        if person.end > end and " " in paragraph[person.start : end].strip():
            return True  # "Hewlett Packard Enterprise": a name that opens with a company's two words
    in_paragraph = spans.get(person.paragraph, ())
    # Only mentions that start shortly before the name can hold it (a name is short): the sorted
    # starts give them, so a long paragraph of many names and bodies stays linear
    at = bisect_left(in_paragraph, (person.start,))
    for _start, end in reversed(in_paragraph[bisect_left(in_paragraph, (person.start - _LONGEST_MENTION,)) : at]):
        if person.end <= end:
            return True  # "Johnson & Johnson", "Marks and Spencer": a surname inside a company's name
    return False


_LONGEST_MENTION = 300  # characters: an organisation's mention is never longer


_SPANS_CACHE: dict[int, tuple[list[OrganisationMention], dict]] = {}


_NAMES = "names"  # the key of the organisations' names and abbreviations in _organisation_spans


def _organisation_spans(organisations: list[OrganisationMention]) -> dict:
    """(paragraph, start) -> (start, end) of the organisations' mentions starting there, and
    paragraph -> (start, end) of all its organisations' mentions, built once per story (the last
    story's list is kept); _NAMES -> the organisations' names and abbreviations."""
    cached = _SPANS_CACHE.get(0)
    if cached is not None and cached[0] is organisations:
        return cached[1]
    spans: dict = {_NAMES: {o.name for o in organisations} | {o.abbreviation for o in organisations if o.abbreviation}}
    for org in organisations:
        for span in org.spans:
            spans.setdefault((span.paragraph, span.start), []).append((span.start, span.end))
            spans.setdefault(span.paragraph, []).append((span.start, span.end))
    for key, found in spans.items():
        if isinstance(key, int):
            found.sort()
    _SPANS_CACHE[0] = (organisations, spans)
    return spans


_SIDE_BY_SIDE_RE = re.compile(r"\s*(?:of|and|,)\s")


# --- Stories printed in lower case --------------------------------------------------------------

_LOWER_TOKEN_RE = re.compile(r"[a-z][a-z'-]*")
# Verbs and function words that end a name in lower case ("victor paz estenssoro had talks").
_LOWER_CLAUSE_WORDS = frozenset(
    "is was were are be been has have had will would could can should may might must did does do not to that if "
    "held meet met made gave took sent signed plans plan wants want".split()
)
_LOWER_STOP_WORDS = NON_NAME_WORDS | ROLE_HEADS | CUE_VERBS | _LOWER_CLAUSE_WORDS | {"s"}


def _lower_case_people_in(paragraph: str, index: int, document: Document) -> list[_Found]:
    """ "chairman william adams said": a given name, a surname or two, and a role or verb beside."""
    tokens = list(_LOWER_TOKEN_RE.finditer(paragraph))
    found = []
    for i, token in enumerate(tokens):
        if token.group() not in GIVEN_NAMES or i + 1 >= len(tokens):
            continue
        end = i + 1
        while end < len(tokens) and end - i < 4 and _lower_name_word(tokens[end].group()):
            end += 1
            if paragraph[tokens[end - 1].end() : tokens[end - 1].end() + 1] in ",.;":
                break
            if tokens[end - 1].group().endswith(("'s", "’s")):
                break  # "alan garcia's 20-month government": the possessive ends the name
        if end - i < 2:
            continue
        role_before = i > 0 and tokens[i - 1].group() in ROLE_HEADS
        verb_after = end < len(tokens) and tokens[end].group() in CUE_VERBS | {"earlier", "later", "also"}
        if role_before or verb_after:
            start, stop = token.start(), tokens[end - 1].end()
            if paragraph.endswith(("'s", "’s"), start, stop):
                stop -= 2  # "alan garcia's government": the name without the possessive
            role = tokens[i - 1].group() if role_before else ""
            found.append(_Found(paragraph[start:stop], index, start, stop, role))
    return found


def _capitalised(name: str) -> str:
    """A name found in a story printed in lower case, as names are printed: "Leon Febres Cordero",
    "Jorge de la Torre" (its forms keep the printed words, which the rest of the story matches)."""
    words = name.split()
    return " ".join(w if i and w in PARTICLES else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _lower_name_word(word: str) -> bool:
    return word not in _LOWER_STOP_WORDS and not word.endswith("ly") and len(word) > 1


# --- One person per name ------------------------------------------------------------------------


def _merge(found: list[_Found], body: str = "", places: TextPlaces | None = None) -> list[_Person]:
    """One person per name: surname-only finds join the full name that shares the word."""
    people: list[_Person] = []
    # The people by each of their identifying words, in the order of `people`: a person that matches
    # a name shares a word with it (its last, or its only one), so only those are compared.
    by_word: dict[str, list[_Person]] = {}
    # Longest names first, so "Reagan" joins "Ronald Reagan" rather than founding its own person.
    for item in sorted(found, key=lambda f: -len(_identifying_words(f.name))):
        words = _identifying_words(item.name)
        sharing = by_word.get(words[-1], []) if words else people
        person = _matching_person(item.name, sharing, (item.paragraph, item.start))
        if person is None:
            person = _Person(item.name)
            people.append(person)
            for word in dict.fromkeys(_identifying_words(item.name)):
                by_word.setdefault(word, []).append(person)
        if item.name not in person.forms:
            person.forms.append(item.name)
        person.role = person.role or item.role
        person.country = person.country or item.country
        person.company_like = person.company_like and item.company_like > 0
        person.company_noun = person.company_noun or item.company_like == 2
        person.spans.append(Span(item.paragraph, item.start, item.end))
    return _join_nicknames(_join_variants(people, body, places))


def _join_variants(people: list[_Person], body: str = "", places: TextPlaces | None = None) -> list[_Person]:
    """A misspelling or plural of a person already found is that person: "Buchanan Snith" beside
    "Alick Buchanan-Smith", "Yuetter" beside "Clayton Yeutter", "Reagans" beside "Reagan". A lone
    surname the story prints far more often than the other's is no misspelling of it: "Reagan",
    printed a dozen times, beside "Donald Regan", printed once."""
    if len(people) < 2:
        return people
    kept: list[_Person] = []
    index = _VariantIndex() if len(people) > _MANY_PEOPLE else None
    for person in sorted(people, key=lambda p: (-len(p.spans), -len(p.name))):
        target = _variant_of(person.name, index.candidates(person.name) if index else kept)
        if target is not None and " " not in person.name and _printed_far_more(person.name, target.name, body, places):
            target = None
        if target is not None and person.role and target.role and person.role.lower() != target.role.lower():
            target = None  # two roles: two people
        if target is None:
            kept.append(person)
            if index:
                index.add(person)
            continue
        if len(_lower_words(person.name)) > len(_lower_words(target.name)):
            if index:
                index.remove(target)  # filed again under its new name
            target.name = person.name  # the fuller name names the person
            target.role = target.role or person.role
            if index:
                index.add(target)
        target.forms.extend(f for f in person.forms if f not in target.forms)
        target.spans.extend(person.spans)
        target.country = target.country or person.country
        target.company_like = target.company_like and person.company_like
        target.company_noun = target.company_noun or person.company_noun
    return kept


def _printed_far_more(word: str, name: str, body: str, places: TextPlaces | None = None) -> bool:
    """The word is printed (whole) three times or more, and more than twice as often as the name's
    last word. `places`: a TextPlaces of the body, for a long one."""
    if not body:
        return False
    printed = _whole_count(word, body, places)
    return printed >= 3 and printed > 2 * _whole_count(name.split()[-1], body, places)


def _whole_count(word: str, body: str, places: TextPlaces | None) -> int:
    """How many times re.findall finds the word whole in the body. In a long body, from the places
    the word is printed at: those the regex matches at, less any overlapping the one before (findall's
    matches never overlap), rather than a search of the whole body for each word."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])")
    if places is None:
        return len(pattern.findall(body))
    count, free = 0, 0
    for at in places.finds(word, 1):
        if at >= free and pattern.match(body, at):
            count, free = count + 1, at + len(word)
    return count


# More people than this in a story, and _join_variants looks the candidates of each up in a
# _VariantIndex rather than comparing every pair (real stories name a few dozen: a text of thousands
# of stories joined names thousands).
_MANY_PEOPLE = 64


class _VariantIndex:
    """The kept people of _join_variants by what _variant_of compares: the end of a name (as many
    words as the other name has, or the whole name when it has fewer), under every form with up to
    two letters deleted. Two texts at most two edits apart (insertions, deletions, substitutions,
    swaps of two letters) become one text with at most two letters deleted from each, so a variant
    shares a key: only those people are compared, not every pair of the story's."""

    def __init__(self) -> None:
        self.people: dict[tuple, dict[int, _Person]] = {}
        self.keys: dict[int, set[tuple]] = {}

    def add(self, person: _Person) -> None:
        words = _lower_words(person.name)
        whole = " ".join(words)
        keys = {("whole", len(words), form) for form in _with_deletions(whole, 1)}  # against a name of more words
        for count in range(1, len(words) + 1):  # against a name of `count` words
            keys.update((count, form) for form in _with_deletions(" ".join(words[-count:]), 2))
        for key in keys:
            self.people.setdefault(key, {})[id(person)] = person
        self.keys[id(person)] = keys

    def remove(self, person: _Person) -> None:
        for key in self.keys.pop(id(person)):
            del self.people[key][id(person)]

    def candidates(self, name: str) -> list[_Person]:
        words = _lower_words(name)
        keys = [(len(words), form) for form in _with_deletions(" ".join(words), 2)]
        for count in range(1, len(words)):  # the people of fewer words: their whole name against the end of this one
            keys.extend(("whole", count, form) for form in _with_deletions(" ".join(words[-count:]), 1))
        found: dict[int, _Person] = {}
        for key in keys:
            found.update(self.people.get(key, {}))
        return list(found.values())


def _with_deletions(text: str, most: int) -> set[str]:
    """The text with up to `most` of its letters deleted, every way."""
    forms = {text}
    for _ in range(most):
        forms |= {form[:i] + form[i + 1 :] for form in forms for i in range(len(form))}
    return forms


def _variant_of(name: str, people: list[_Person]) -> _Person | None:
    words = _lower_words(name)
    text = " ".join(words)
    if len(text) < 5:
        return None
    found = None
    for other in people:
        other_words = _lower_words(other.name)
        tail = " ".join(other_words[-len(words) :])
        mine, limit = text, 2 if len(text) >= 7 else 1
        if len(other_words) < len(words):  # "Mohamed Berada" after "Berrada", named more often
            tail, mine = " ".join(other_words), " ".join(words[-len(other_words) :])
            if min(len(tail), len(mine)) < 6:
                continue  # not "Regan" beside "Reagan": two people
            limit = 1
        if tail == mine or tail[:1] != mine[:1]:
            continue
        if len(other_words) > len(words) and len(words) not in _word_starts_from_end(other.name):
            continue  # "Marine Le Pen" is no misspelling of "Jean-Marie Le Pen": "Marie" only ends a name's word
        if _edit_distance(mine, tail, limit) <= limit:
            if found is not None and found is not other:
                return None  # two people it could be
            found = other
    return found


@lru_cache(maxsize=4096)  # a pure function of the name
def _word_starts_from_end(name: str) -> frozenset[int]:
    """How many of _lower_words(name), counted from its end, make whole printed words: "Jean-Marie Le
    Pen" -> {1, 2, 4} (never 3, which would cut "Jean-Marie")."""
    counts, total = set(), 0
    for word in reversed(name.lower().split()):
        total += len(word.replace("-", " ").split())
        counts.add(total)
    return frozenset(counts)


def _join_nicknames(people: list[_Person]) -> list[_Person]:
    """ "Pat Carlineo" beside "Patrick Carlineo Jr": one person, named by the fuller name, when the
    short form's surname belongs to no one else (NICKNAMES: data/people_nicknames.txt)."""
    if len(people) < 2:
        return people
    by_surname: dict[str, list[_Person]] = {}
    for person in people:
        words = [w for w in _lower_words(person.name) if w.rstrip(".") not in NAME_SUFFIXES]
        if len(words) >= 2:
            by_surname.setdefault(words[-1], []).append(person)
    gone = []
    for same in by_surname.values():
        if len(same) != 2:
            continue
        short, full = sorted(same, key=lambda p: len(p.name))
        given_short, given_full = _lower_words(short.name)[0], _lower_words(full.name)[0]
        if given_full not in NICKNAMES.get(given_short, ()):
            continue
        full.forms.extend(f for f in short.forms if f not in full.forms)
        full.spans.extend(short.spans)
        full.role = full.role or short.role
        full.country = full.country or short.country
        gone.append(short)
    return [p for p in people if p not in gone] if gone else people


@lru_cache(maxsize=4096)  # a pure function of the name, read for every pair of people (quadratic)
def _lower_words(name: str) -> tuple[str, ...]:
    return tuple(name.lower().replace("-", " ").split())


@lru_cache(maxsize=8192)  # a pure function of two names, read for pairs of people (quadratic, in Python)
def _edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (insertion, deletion, substitution, two letters swapped) from a to b, or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=4096)
def _identifying_words(name: str) -> tuple[str, ...]:
    """Lower-case key words without a monarch's title or an Arabic article: "King Fahd" ->
    ("fahd",), "Ahmed Humaid al-Tayer" -> ("ahmed", "humaid", "tayer")."""
    words = tuple(_ARTICLE_RE.sub("", w.lower()) for w in key_words(name))
    return tuple(w for w in words if w not in ROYAL_TITLES) or words


_ARTICLE_RE = re.compile(r"^(?:al|el|bin)-")


def _matching_person(name: str, people: list[_Person], at: tuple[int, int] | None = None) -> _Person | None:
    words = _identifying_words(name)
    candidates = []
    for person in people:
        person_words = _identifying_words(person.name)
        if words == person_words or (len(words) == 1 and words[0] in person_words):
            candidates.append(person)
        elif len(words) > 1 and words[-1] == person_words[-1] and words[0][:1] == person_words[0][:1]:
            candidates.append(person)  # "Richard Von Weizsaecker" / "Richard Weizsaecker"
        elif len(words) > 1 and person_words[-len(words) :] == words:
            candidates.append(person)  # "Ortiz Mena" / "Antonio Ortiz Mena"
    if len(candidates) > 1 and at is not None and len(words) == 1:
        # "Lee said" after "Lee Jae-myung" and before "Lee Sang-min": the one named last before it.
        named = [
            (max((s.paragraph, s.start) for s in p.spans if (s.paragraph, s.start) < at), i)
            for i, p in enumerate(candidates)
            if any((s.paragraph, s.start) < at for s in p.spans)
        ]
        if named:
            return candidates[max(named)[1]]
    return candidates[0] if len(candidates) == 1 else None


_NOT_KEY_WORDS = PARTICLES | ROYAL_TITLES


# A word before a surname that opens a full name: capitalised, not "The", "Mr", "Senator", "China".
_FULL_NAME_BEFORE_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*) $")


def _adopt_full_names(people: list[_Person], paragraphs: list[str], story: _Story) -> None:
    """ "hopeful, Deval Patrick, would ... 'I want to be a listener,' Patrick said": a person found by
    a lone surname is the one full name the story prints with it, one word before it that may open a
    name (no title, role, country or common word), when no other such word ever stands there and the
    name is no organisation's. The full name had no cue of its own (an unknown given name, an
    apposition with no role), the surname's speech verb is the cue."""
    taken = {w.lower() for p in people if " " in p.name for w in p.name.split()}
    organisations = {o.name for o in story.organisations}
    for person in people:
        surname = person.name
        if " " in surname or surname.lower() in taken or person.company_like:
            continue
        places: dict[str, list[tuple[int, int, int]]] = {}  # a word before the surname -> where
        for index, at in _whole_word_places(paragraphs, surname, story):
            paragraph = paragraphs[index]
            match = _FULL_NAME_BEFORE_RE.search(paragraph, max(0, at - 30), at)
            if match:
                places.setdefault(match.group(1), []).append((index, match.start(1), at + len(surname)))
        # "When Patrick walked in": a word that cannot open a name is no rival of "Deval"
        firsts = [w for w in places if _may_open_name(w, surname, story, organisations)]
        if len(firsts) != 1:
            continue  # never printed so, or two people of one surname ("Hori Parata", "Robert Parata")
        first = firsts[0]
        full = f"{first} {surname}"
        person.name = full
        person.forms.insert(0, full)
        person.spans.extend(Span(index, start, end) for index, start, end in places[first])


def _whole_word_places(paragraphs: list[str], word: str, story: _Story):
    """(paragraph, start) of the word's whole uses (_whole_word_starts), paragraph by paragraph; in a
    long story looked up in the paragraphs joined (one index, not one search of every paragraph per
    word): a line break is no letter, digit or hyphen, as a paragraph's edge is not."""
    joined = story.joined_paragraphs(paragraphs)
    starts = joined.places.whole_word_starts(word) if joined.places is not None else None
    if starts is None:
        for index, paragraph in enumerate(paragraphs):
            for at in _whole_word_starts(paragraph, word):
                yield index, at
        return
    for found in starts:
        index = bisect_right(joined.offsets, found) - 1
        yield index, found - joined.offsets[index]


def _may_open_name(first: str, surname: str, story: _Story, organisations: set[str]) -> bool:
    """A capitalised word before a surname that may be its given name: no owner's possessive, title,
    role, country, common word or word of an organisation's name."""
    full = f"{first} {surname}"
    return not (
        first.endswith(("'s", "’s", "'", "’"))  # "Tenneco's Nance", "Securities' Hassenberg": an owner
        or any(is_role_word(part) or is_role_word(part[:-1]) for part in first.split("-"))  # "Vice-Premiers"
        # a place's or a common word, unless a given name too ("Virginia Giuffre")
        or ((is_prefix_word(first, story.document.date) or is_non_name(first)) and not _any_given_name(first))
        or first.lower() in ORGANISATION_WORDS
        or first.lower() in story.excluded
        or any(full in o for o in organisations)
        or _lower_use(story.body, first, story.body_places)
    )


def _any_given_name(word: str) -> bool:
    return is_given_name(word) or word.lower() in FEMALE_GIVEN_NAMES


def _lower_use(body: str, word: str, places: TextPlaces | None = None) -> bool:
    """The story prints the word in lower case too: a common word ("Whale", "Tuesday"), no given name."""
    return next(_whole_word_starts(body, word.lower(), places), None) is not None


def _add_later_mentions(people: list[_Person], paragraphs: list[str], story: _Story) -> None:
    """Count bare surname mentions ("Hornung said", "Kishida's government") of known people."""
    owners: dict[str, list[_Person]] = {}
    for person in people:
        for word in _mention_words(person.name):
            owners.setdefault(word, []).append(person)
    # Two people sharing a word: a bare mention of it would be a guess.
    unique = {word: persons[0] for word, persons in owners.items() if len(persons) == 1}
    # One search of the whole body per word, not one per paragraph: the paragraphs joined by line
    # breaks (no word holds one, and a break is no letter, as a paragraph's edge is not).
    joined = story.joined_paragraphs(paragraphs)
    text, offsets = joined.text, joined.offsets
    for word, person in unique.items():
        index, taken = -1, []
        # "Jonathan Lord": a later "Lord Curry" is a title before another name, no mention of his
        titled = word.lower() in HONORIFICS
        for found in _whole_word_starts(text, word, joined.places):
            if (
                titled
                and text.startswith(" ", found + len(word))
                and text[found + len(word) + 1 : found + len(word) + 2].isupper()
            ):
                continue
            paragraph = bisect_right(offsets, found) - 1
            start = found - offsets[paragraph]
            end = start + len(word)
            if paragraph != index:  # the person's spans in this paragraph, before this word's
                index = paragraph
                taken = sorted((s.start, s.end) for s in person.spans if s.paragraph == index)
            at = bisect_left(taken, (start, end))
            # Overlaps the span just before it or the one at it (no generator: this runs for every use)
            if at and taken[at - 1][0] < end and start < taken[at - 1][1]:
                continue
            if at < len(taken) and taken[at][0] < end and start < taken[at][1]:
                continue
            person.spans.append(Span(index, start, end))
            if word not in person.forms:
                person.forms.append(word)


@lru_cache(maxsize=4096)  # a pure function of the name
def _mention_words(name: str) -> tuple[str, ...]:
    """The words of a name a bare mention may use: "al-Tayer" is also "Tayer"; no particle, no title,
    none shorter than three letters. In the name's order (not a set's), so that the forms come out
    the same in every process."""
    words = dict.fromkeys(_ARTICLE_RE.sub("", w) for w in key_words(name))
    return tuple(w for w in words if len(w) > 2 and w.lower() not in _NOT_KEY_WORDS)


def _whole_word_starts(paragraph: str, word: str, places: TextPlaces | None = None):
    """Where the word stands as a whole token, so "Kishi" is not found in "Kishida" or "Reagan-era".
    `places`: a TextPlaces of the paragraph (a long text), where most words are looked up."""
    starts = places.whole_word_starts(word) if places is not None else None
    if starts is not None:
        yield from starts
        return
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
