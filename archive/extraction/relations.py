"""Who says what about whom, and as what: for each statement, the countries its own words or the
sentence it sits in mention (`about`), and its speaker's role and country as this article gives
them (`speaker_role`, `speaker_country`; a country only when the article says it, never guessed
from the dateline). Pure Python, run at the end of extraction.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter, itemgetter

from .countries import CountrySpan, country_spans
from .model import Document, Extraction
from .people import dateline_end
from .text import sentence_spans

# A sentence is read at most this far (in characters) on each side of the statement: a text with
# no sentence ends stays linear in its length however many statements it holds.
REACH = 300
_START = attrgetter("start")  # a CountrySpan's start: a paragraph's mentions come in this order


def annotate(extraction: Extraction, spans: list[CountrySpan] | None = None) -> None:
    """`spans`: country_spans(document), when extraction has it already (the scan is not repeated)."""
    if not extraction.statements:
        return
    document = extraction.document
    if spans is None:
        spans = country_spans(document)
    people = {person.name: person for person in extraction.people}
    organisations = {organisation.name: organisation for organisation in extraction.organisations}
    bounds: dict[int, list[tuple[int, int]]] = {}
    by_paragraph: dict[int, list[CountrySpan]] = {}
    for span in spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    named: set[str] | None = None
    for statement in extraction.statements:
        mentions = by_paragraph.get(statement.paragraph)
        inside = []
        # A paragraph that names no country (a third of the statements'): no sentence of it to find.
        if mentions and mentions[0].start >= statement.start and mentions[-1].end <= statement.end:
            # Every mention of the paragraph (in order, none overlapping) inside the statement's own
            # words: inside its sentence wherever that ends, so the paragraph is not split (half are not).
            inside = [mention.code for mention in mentions]
        elif mentions:
            if statement.paragraph not in bounds:
                bounds[statement.paragraph] = sentence_bounds(document.paragraphs[statement.paragraph])
            start, end = sentence_around(bounds[statement.paragraph], statement.start, statement.end)
            # The mentions inside [start, end), found by bisection: time stays linear in the text.
            first = bisect_left(mentions, start, key=_START)
            for mention in mentions[first:]:
                if mention.start >= end:
                    break
                if mention.end <= end:
                    inside.append(mention.code)
        statement.about = list(dict.fromkeys(inside))
        person = people.get(statement.speaker_person or "")
        organisation = organisations.get(statement.speaker_organisation or "")
        speaker = person or organisation
        if person is not None:
            statement.speaker_role = person.role
        if speaker is not None and speaker.country:
            if named is None:  # read once, when a speaker has a country (not in every story)
                named = countries_named(document, spans)
            if speaker.country in named:  # said in the story, not the dateline's guess
                statement.speaker_country = speaker.country


def countries_named(document: Document, spans: list[CountrySpan]) -> set[str]:
    """The countries the story's text names (the title and the dateline left out)."""
    cut = dateline_end(document, document.paragraphs[0]) if document.paragraphs else 0
    return {s.code for s in spans if s.paragraph > 0 or (s.paragraph == 0 and s.start >= cut)}


def sentence_bounds(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the paragraph, in order."""
    return sentence_spans(paragraph)


_END = itemgetter(1)  # a sentence's end in its (start, end)


def sentence_around(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the sentences the text [start, end) overlaps, at most REACH beyond it."""
    first, last = start, end
    # The first sentence that ends after `start` (the bounds are in order and do not overlap).
    low = bisect_right(bounds, start, key=_END)
    for sentence_start, sentence_end in bounds[low:]:
        if sentence_start >= end or sentence_start > end + REACH:
            break
        first, last = min(first, sentence_start), max(last, sentence_end)
    return max(first, start - REACH), min(last, end + REACH)
