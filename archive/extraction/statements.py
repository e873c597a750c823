"""Statements: direct and reported speech, attributed to a speaker or honestly left unresolved.

Per sentence: find the speech verb outside quotation marks ("said", "told", "according to"),
then its subject (before the verb, or after it in "..., said Tom Murtha"). Quotations of three
words or more in that sentence become direct statements; otherwise the reported clause is an
indirect one. A subject resolves to a person when the person's name heads it, to an
organisation when one is named in it ("a Treasury spokesman"), and a pronoun to the previous
speaker only when that speaker is near and singular. Anything else stays a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DIRECT, INDIRECT, Document, OrganisationMention, PersonMention, StatementMention
from .names import HONORIFICS, ORGANISATION_WORDS, is_role_head, is_role_word, whole_word_re
from .people import readable_paragraphs

_VERB = (
    r"said|says|say|told|tells|added|adds|adding|saying|stated|noted|warned|argued|replied|"
    r"commented|declared|insisted|stressed|explained|promised|according to"
)
_VERB_RE = re.compile(rf"\b(?:{_VERB})\b")
_MAIN_VERBS = frozenset({"said", "says", "say", "told", "according to"})
# After "X said", these words open a circumstance, not the reported clause: "said after the meeting".
_NOT_A_CLAUSE_RE = re.compile(
    r"^\s*(?:after|in|on|at|during|last|this|when|while|before|adding|citing|\.|,|$)", re.I
)
_QUOTE_RE = re.compile(r"“([^”]*)(”|$)|\"([^\"]*)(\"|$)")
_MIN_QUOTE_WORDS = 3
# Words after which a full stop does not end a sentence.
_NO_BREAK_RE = re.compile(r"(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Corp|Co|No")
_PRONOUNS = {"he": "singular", "she": "singular", "they": "plural", "it": "organisation"}
_LEADING_WORDS_RE = re.compile(
    r"^(?:(?:but|and|however|meanwhile|also|later|earlier|then|so|yet|nonetheless|nevertheless|in addition)"
    r"\b[\s,]*)+",
    re.I,
)
_TRAILING_WORDS_RE = re.compile(
    r"(?:\s+(?:also|later|earlier|today|yesterday|recently|again|further|too|previously|"
    r"on\s+[A-Z][a-z]+day|last\s+week|this\s+week|in\s+a\s+statement|in\s+remarks))+\s*$"
)
_TOLD_OBJECT_RE = re.compile(
    r"^\s*(?:reporters|journalists|Reuters?|Congress|parliament|(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?|"
    r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)(?:\s+(?:on|in|at|after|during)\s+[\w-]+(?:\s+[\w-]+)?)?,?"
)
_CLAUSE_OPENER_RE = re.compile(
    r"^[\s,:]*(?:(?:on|in|at|after|during)\s+(?:[A-Z][a-z]+day|a\s+statement|the\s+meeting)\s*,?\s*)?"
    r"(?:today|yesterday|earlier|later)?[\s,]*(?:that\s+)?"
)
_GROUP_WORDS = frozenset(
    "officials sources bankers dealers analysts economists experts diplomats ministers traders "
    "spokesmen aides members observers critics businessmen exporters producers lenders banks".split()
)


@dataclass
class _Speaker:
    person: str | None = None
    organisation: str | None = None
    label: str = ""
    plural: bool = False

    @property
    def resolved(self) -> bool:
        return bool(self.person or self.organisation)


@dataclass
class _Context:
    document: Document
    people: list[PersonMention]
    organisations: list[OrganisationMention]
    last: _Speaker | None = None
    last_paragraph: int = -10


def find_statements(
    document: Document, people: list[PersonMention], organisations: list[OrganisationMention]
) -> list[StatementMention]:
    context = _Context(document, people, organisations)
    paragraphs = readable_paragraphs(document)
    statements: list[StatementMention] = []
    pending_open: list[StatementMention] = []  # quotation paragraphs waiting for their speaker
    for index, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        found = _statements_in(paragraph, index, context)
        if pending_open and found and found[0].kind == DIRECT and paragraph.lstrip()[:1] in "“\"":
            _assign(pending_open, found[0])  # a quotation that ran on into this paragraph
        pending_open = [s for s in found if s.verb == "" and _opens_unclosed(paragraph)]
        statements.extend(found)
    return statements


def _statements_in(paragraph: str, index: int, context: _Context) -> list[StatementMention]:
    quotes = list(_QUOTE_RE.finditer(paragraph))
    masked = _mask_quotes(paragraph, quotes)
    statements: list[StatementMention] = []
    for start, end in _sentences(masked):
        sentence_quotes = [q for q in quotes if start <= q.start() < end]
        statements.extend(_statements_in_sentence(paragraph, masked, start, end, sentence_quotes, index, context))
    if not statements and quotes and paragraph.lstrip()[:1] in "“\"":
        statements = _continued_quotation(paragraph, quotes, index, context)
    return statements


def _statements_in_sentence(paragraph, masked, start, end, quotes, index, context) -> list[StatementMention]:
    sentence = masked[start:end]
    verbs = sorted(_VERB_RE.finditer(sentence), key=lambda v: v.group() not in _MAIN_VERBS)
    for verb in verbs:
        found = _subject(sentence, verb)
        if found is None:
            continue
        subject, subject_start, inverted = found
        speaker = _resolve(subject, start + subject_start, index, context)
        long_quotes = [q for q in quotes if len(_quote_text(q).split()) >= _MIN_QUOTE_WORDS]
        if long_quotes:
            made = [_direct(q, index, verb.group(), speaker) for q in long_quotes]
        else:
            clause = _reported_clause(sentence, verb, subject_start, inverted)
            if clause is None:
                continue
            clause_start, clause_end = clause
            text = paragraph[start + clause_start : start + clause_end]
            if len(text.split()) < 3:
                continue
            made = [_statement(INDIRECT, text, index, start + clause_start, verb.group(), speaker)]
        context.last, context.last_paragraph = speaker, index
        return made
    return []


def _subject(sentence: str, verb: re.Match[str]) -> tuple[str, int, bool] | None:
    """The words naming the speaker of this verb, their offset, and whether they follow the verb."""
    before = sentence[: verb.start()]
    after = sentence[verb.end() :]
    if verb.group() == "according to" or re.search(r"(?:[”\"]|Q),?\s*$", before) or before.rstrip().endswith(","):
        match = re.match(r"\s*([^,;.:]{1,80}?)\s*(?:,|\.|;|$|\s+(?:who|which|in|at|on)\s)", after)
        if match and not re.match(r"\s*(?:that|the\s+\w+\s+(?:was|is|had|has|would|will))\b", after):
            subject = match.group(1)
            if subject and _looks_like_speaker(subject):
                return subject, verb.end() + match.start(1), True
        if verb.group() == "according to":
            return None
    # Normal order: the subject runs back to the clause start; appositions between commas are skipped.
    segments = [m for m in re.finditer(r"[^,;:”\"]+", before)]
    if not segments:
        return None
    if before.rstrip().endswith(",") and len(segments) > 1:
        # "Jeffrey Hornung, a ... expert at the Rand Corporation, said": the name opens the sentence.
        first = segments[0].group()
        return (first, segments[0].start(), False) if _looks_like_speaker(first) else None
    last = segments[-1]
    if before[last.end() :].strip() == "," or last.group().strip() == "":
        return None
    text = last.group()
    return (text, last.start(), False) if _looks_like_speaker(text) else None


def _looks_like_speaker(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or "Q" * 3 in text:
        return False
    cleaned = _clean_subject(text)
    return bool(cleaned) and not re.search(r"\b(?:is|was|were|are|had|has|have|would|will|could)\b", cleaned)


def _clean_subject(text: str) -> str:
    text = _LEADING_WORDS_RE.sub("", text.strip())
    return _TRAILING_WORDS_RE.sub("", text).strip(" ,")


def _reported_clause(sentence, verb, subject_start, inverted) -> tuple[int, int] | None:
    """Offsets (within the sentence) of what was said, when the speech is reported."""
    sentence_end = len(sentence.rstrip().rstrip(".").rstrip())
    if inverted or subject_start > verb.start():
        # "CLAUSE, X said." or "CLAUSE, according to X."
        cut = sentence.rfind(",", 0, verb.start() if inverted else subject_start)
        if cut <= 0:
            return None
        return _trim(sentence, 0, cut)
    clause_start = verb.end()
    rest = sentence[clause_start:]
    if verb.group() in ("told", "tells"):
        told = _TOLD_OBJECT_RE.match(rest)
        if told:
            clause_start += told.end()
    if _NOT_A_CLAUSE_RE.match(sentence[clause_start:]) and sentence.rfind(",", 0, subject_start) > 0:
        return _trim(sentence, 0, sentence.rfind(",", 0, subject_start))
    opener = _CLAUSE_OPENER_RE.match(sentence[clause_start:])
    clause_start += opener.end() if opener else 0
    if clause_start >= sentence_end:
        # "CLAUSE, X said." with the subject before the verb.
        cut = sentence.rfind(",", 0, subject_start)
        return _trim(sentence, 0, cut) if cut > 0 else None
    return _trim(sentence, clause_start, sentence_end)


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    while start < end and sentence[start] in " ,:":
        start += 1
    while end > start and sentence[end - 1] in " ,.":
        end -= 1
    return start, end


def _resolve(subject: str, offset: int, index: int, context: _Context) -> _Speaker:
    label = _clean_subject(subject)
    lower = label.lower()
    if lower in _PRONOUNS:
        return _resolve_pronoun(lower, index, context)
    person = _person_heading(label, subject, offset, index, context)
    if person:
        return _Speaker(person=person, label=label)
    organisation = _organisation_in(label, context)
    if organisation:
        return _Speaker(organisation=organisation, label=label)
    role_person = _person_for_role(label, context)
    if role_person is not None:
        return role_person
    return _Speaker(label=label, plural=_is_plural(label))


def _resolve_pronoun(pronoun: str, index: int, context: _Context) -> _Speaker:
    last = context.last
    near = last is not None and index - context.last_paragraph <= 1
    if near and last.resolved or near and last.label and not last.plural:
        fits = (pronoun == "they") == last.plural or (pronoun in ("they", "it") and last.organisation)
        if pronoun in ("he", "she") and last.organisation and not last.person:
            fits = True  # "a Treasury spokesman said ... He added"
        if fits:
            return _Speaker(last.person, last.organisation, pronoun, last.plural)
    if near and last.plural and pronoun == "they":
        return _Speaker(None, last.organisation, pronoun, True)
    return _Speaker(label=pronoun, plural=pronoun == "they")


def _person_heading(label: str, subject: str, offset: int, index: int, context: _Context) -> str | None:
    """The person the subject names, when the name heads it ("Finance Minister X"), not "Aides to X"."""
    for person in context.people:
        for form in sorted(person.forms or [person.name], key=len, reverse=True):
            if form not in label:
                continue
            match = whole_word_re(form).search(label)
            if not match:
                continue
            before = label[: match.start()].split()
            after = label[match.end() :]
            if after.startswith(("'", "’")):
                continue
            if all(_is_title_word(w) for w in before):
                return person.name
    return None


def _is_title_word(word: str) -> bool:
    from .countries import country_for_word

    bare = re.sub(r"['’]s$", "", word)
    return is_role_word(word) or word.lower() in HONORIFICS or country_for_word(bare) is not None


def _organisation_in(label: str, context: _Context) -> str | None:
    for org in context.organisations:
        for form in (org.name, org.abbreviation):
            if form and form in label and whole_word_re(form).search(label):
                return org.name
    # Until the organisation finder knows it: a capitalised run ending in an organisation word.
    match = re.search(r"\b(?:[A-Z][\w&.'-]*\s+)*(?:[A-Z][\w.'-]*)", label)
    for run in re.finditer(r"(?:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.'-]*)*", label):
        words = run.group().split()
        if words[-1].lower() in ORGANISATION_WORDS or run.group() in ("Treasury", "Bundesbank", "Pentagon"):
            if words[-1].lower() not in ("government", "administration"):
                return run.group()
    del match
    return None


def _person_for_role(label: str, context: _Context) -> _Speaker | None:
    """"the minister said": the one person with that role; else the previous speaker of that kind."""
    words = label.lower().split()
    if len(words) != 2 or words[0] != "the" or not is_role_head(words[1]):
        return None
    head = words[1]
    holders = [p for p in context.people if head in p.role.lower().split()]
    if len(holders) == 1:
        return _Speaker(person=holders[0].name, label=label)
    last = context.last
    if last and not last.plural and head in last.label.lower().split():
        return _Speaker(last.person, last.organisation, label)
    return None


def _is_plural(label: str) -> bool:
    words = label.lower().split()
    return bool(words) and (words[-1] in _GROUP_WORDS or words[-1] in ("they", "both"))


def _continued_quotation(paragraph, quotes, index, context) -> list[StatementMention]:
    """A quotation paragraph with no attribution continues the previous speaker's words."""
    last = context.last
    near = last is not None and index - context.last_paragraph <= 1
    speaker = last if near else _Speaker(label="")
    statements = [_direct(q, index, "", speaker) for q in quotes if len(_quote_text(q).split()) >= 2]
    if statements and near:
        context.last_paragraph = index
    return statements


def _opens_unclosed(paragraph: str) -> bool:
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def _assign(statements: list[StatementMention], source: StatementMention) -> None:
    for statement in statements:
        statement.speaker_person = source.speaker_person
        statement.speaker_organisation = source.speaker_organisation
        statement.speaker_label = source.speaker_label


def _quote_text(quote: re.Match[str]) -> str:
    return quote.group(1) if quote.group(1) is not None else quote.group(3)


def _direct(quote: re.Match[str], index: int, verb: str, speaker: _Speaker) -> StatementMention:
    group = 1 if quote.group(1) is not None else 3
    start, end = quote.start(group), quote.end(group)
    text = quote.string[start:end]
    stripped = text.rstrip(" ,.")
    return _statement(DIRECT, stripped, index, start, verb, speaker)


def _statement(kind, text, index, start, verb, speaker: _Speaker) -> StatementMention:
    return StatementMention(
        kind=kind,
        text=text,
        paragraph=index,
        start=start,
        end=start + len(text),
        verb=verb,
        speaker_person=speaker.person,
        speaker_organisation=speaker.organisation if not speaker.person else None,
        speaker_label=speaker.label,
    )


def _mask_quotes(paragraph: str, quotes: list[re.Match[str]]) -> str:
    """The paragraph with quoted words replaced by 'Q', so verbs inside quotations are not seen."""
    chars = list(paragraph)
    for quote in quotes:
        group = 1 if quote.group(1) is not None else 3
        for i in range(quote.start(group), quote.end(group)):
            if not chars[i].isspace():
                chars[i] = "Q"
    return "".join(chars)


def _sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence offsets; abbreviations ("U.S.", "Mr.") and initials do not end a sentence."""
    spans = []
    start = 0
    for match in re.finditer(r"[.!?](?:[”\"’)]+)?\s+(?=[“\"(]?[A-Z])", masked):
        before = masked[start : match.start()].rsplit(None, 1)
        last_word = before[-1] if before else ""
        if _NO_BREAK_RE.fullmatch(last_word):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(masked):
        spans.append((start, len(masked)))
    return spans
