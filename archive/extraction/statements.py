"""Statements: direct and reported speech, attributed to a speaker or honestly left unresolved.

Each paragraph is split into sentences once, with quoted words masked so that verbs and
commas inside quotations are not read as the story's own. Per sentence, one speech verb outside
quotation marks gives the attribution: one that ends the sentence ("CLAUSE, X said." and
"CLAUSE, X announced."), else the first of "said", "told", "according to", then the others,
"saying" last. From it come:

- its subject: the noun phrase before the verb ("Trade Minister Hajime Tamura said"), the
  head of an apposition chain ("Nazer, quoted by SPA, said"), the phrase after the verb
  ("..., said Shoichi Saba, chairman of ..."), or the subject of the clause for "and said",
  "but said" and a participle ("..., saying ...");
- what was said: quotations of four words or more are direct statements; otherwise the
  reported clause after the verb (or before it, in "CLAUSE, X said") is an indirect one.

A subject resolves to a person when the person's name ends it ("Chase Bank's senior dealer
Eckhart Hager", not "Aides to Roberts" or "The Reagan announcement"), to an organisation when
the phrase is the organisation or one of its voices ("a Treasury spokesman"), and a pronoun to
the latest person or speaker before it when that one is unambiguous. A sentence that opens
with a quotation and has no verb continues the speaker of its paragraph, or of the previous
paragraph when it opens the paragraph. Anything else stays a label: a wrong speaker is worse
than none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, islice
from operator import attrgetter
from typing import NamedTuple

from .countries import ALIASES
from .model import DIRECT, INDIRECT, Document, OrganisationMention, PersonMention, StatementMention
from .names import (
    HONORIFICS,
    MONTHS,
    ORGANISATION_WORDS,
    PARTICLES,
    PEOPLE_GROUP_WORDS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    country_code,
    is_camel_body,
    is_given_name,
    is_non_name,
    is_prefix_word,
    is_role_head,
    is_role_word,
    is_title_word,
    person_gender,
)
from .people import dateline_end, printed_as_company, readable_paragraphs
from .text import TextPlaces, alternation, cached_once, finds, is_long, places_in

# Verbs that report speech only when they end the sentence ("CLAUSE, the staff concluded.") or
# follow the reported words ('"...," agreed Marshall.'): reporting_verbs.txt, group [end].
_FRAME_VERBS = REPORTING_VERBS["end"]
# Participles that report what the clause's subject said: "..., saying ...", "noting that ...".
_PARTICIPLES = frozenset(
    {"saying", "adding", "noting", "warning", "arguing", "insisting", "stressing", "telling"}
    | {"calling", "describing", "writing"}  # ', calling the order "..."', ', writing that ...'
    | {"stating"}  # ', stating "We know it comes from the movie"'
    # only before "that" (reporting_verbs.txt, group [that]): ", concluding that the odds were dwindling"
    | {"concluding", "explaining", "acknowledging", "conceding", "predicting"}
    | {"emphasising", "emphasizing", "maintaining", "asserting", "cautioning", "recalling", "reiterating"}
)
_ALL_VERBS = SPEECH_VERBS | REPORTING_VERBS["all"] | _FRAME_VERBS | _PARTICIPLES
# The space first lets the regex engine skip fast from one candidate place to the next.
_VERB_RE = re.compile(rf" ({alternation([*_ALL_VERBS, 'according to'])})\b")
_MAIN_VERBS = frozenset({"said", "says", "say", "told", "tells", "according to"})
_ACCORDING_RE = re.compile(r"(?<![^\s\"“(])According to\b")
_OBJECT_VERBS = REPORTING_VERBS["object"]
_INSTRUCTION_VERBS = REPORTING_VERBS["instruction"]
_QUOTE_OR_QUESTION_VERBS = REPORTING_VERBS["quote-or-question"]
_OF_VERBS = REPORTING_VERBS["of"]
_AS_VERBS = REPORTING_VERBS["as"]
_THAT_VERBS = REPORTING_VERBS["that"]
_QUOTE_FIRST_VERBS = REPORTING_VERBS["quote-first"]
_BARE_CLAUSE_VERBS = REPORTING_VERBS["bare-clause"]
_QUOTE_RE = re.compile(r"“([^”]*)(?:”|$)|\"([^\"]*)(?:\"|$)")
# The same quotations in a text with no "“" (most wire copy): its second branch alone, a literal
# mark first that the regex engine skips to fast (a class of two marks is tested at every character).
_STRAIGHT_QUOTE_RE = re.compile(r"\"([^\"]*)(?:\"|$)")
_QUOTE_CHARS = '"“”'
_DIRECT_WORDS = 4  # a quotation this long is a statement of its own
_VERBS_PER_SENTENCE = 12  # more is no sentence but a list or garbage: the first ones are read
_LOOK_BACK = 40  # events or mentions read back for a pronoun or a description, at most
_STANDALONE_WORDS = 3  # a quotation that is all the sentence reports
_CLAUSE_WORDS = 3  # a reported clause shorter than this says nothing

# A sentence opens with a capital, accented ("Émile", "Şebnem") too.
_SENTENCE_END_RE = re.compile(r"[.!?](?:[”\"’)]+)?\s+(?=[“\"(]?[A-ZÀ-ÖØ-ÞĀ-ŽȘȚ])")
# The same ends in a text holding no "!" and no "?" (most paragraphs): a full stop first, a literal
# the regex engine skips to fast (a class of marks is tested at every character of the text).
_FULL_STOP_END_RE = re.compile(r"\.(?:[”\"’)]+)?\s+(?=[“\"(]?[A-ZÀ-ÖØ-ÞĀ-ŽȘȚ])")
_NO_BREAK_RE = re.compile(
    r"(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Maj|Brig|Col|Lt|Capt|Cmdr|Cdr|Adm|Sgt|Gov|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|"
    r"Corp|Co|No"
)
_WORD_RE = re.compile(r"\S+")
_SPACES_RE = re.compile(r"(\s+)")  # split with the spaces kept: words at even places

# Words that show a phrase is a clause, not a noun phrase naming a speaker.
_CLAUSE_MARKERS = frozenset(
    "is was were are be been has have had will would could can should may might must did does do not to that if".split()
)
# Words that end the subject when read backwards from the verb: "..., which Wang said".
_BOUNDARY_WORDS = frozenset(
    "that which as while when if because although though where since until whether so but "
    "whom than after before what".split()
)
_PHRASE_STOPS = _BOUNDARY_WORDS | SPEECH_VERBS  # what ends a subject read back from its verb (_phrase_start)
_PREPOSITIONS = frozenset("to for of by with from than on at in against between like about".split())
_INTRO_WORDS = frozenset(
    "in at on after before during following under despite with without asked speaking "
    "however but and also meanwhile nevertheless nonetheless moreover still yet separately earlier later today "
    "yesterday late early".split()  # "Late Sunday, the Front said"
)
_LEADING_WORDS_RE = re.compile(
    r"^(?:(?:but|and|however|meanwhile|also|later|earlier|today|yesterday|then|so|yet|nonetheless|nevertheless|"
    r"in addition|indeed|instead)\b(?!['’])[\s,]*)+",
    re.I,
)
# Words between the subject and its verb: "Lawson has also told", "Tamura on Friday said".
_TRAILING_WORDS_RE = re.compile(
    r"(?:\s+(?:also|later|earlier|today|yesterday|recently|again|further|too|previously|then|has|have|had|"
    r"meanwhile|however|often|once|since|still|already|separately|did|does|do|long|always|never|just|instead|"
    r"now|first|finally|himself|herself|themselves|itself|[a-z][a-z-]{2,}ly|"
    r"on\s+[A-Z][a-z]+day|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|"
    r"in\s+a\s+statement|in\s+remarks))+\s*$"
)
_TRAILING_WORDS = frozenset(
    "also late early later earlier today yesterday recently again further too previously then has have had meanwhile "
    "however often once since still already separately did does do long always never just instead now first "
    "finally himself herself themselves itself".split()
)
_TRAILING_PAIRS = (
    frozenset(("last", w) for w in ("week", "month", "year", "night"))
    | frozenset(("this", w) for w in ("week", "month", "year"))
    | {("a", "statement"), ("in", "remarks")}
)
_TRAILING_PAIR_ENDS = frozenset(second for _, second in _TRAILING_PAIRS)  # "week", "statement", ...


def _trailing_start(text: str) -> int:
    """Where words between a subject and its verb start at the end of the text ("Lawson has also",
    "Tamura on Friday", "X in a statement", "X repeatedly"); what _TRAILING_WORDS_RE matches, read
    word by word from the end (the common case, a name, is one look)."""
    end = len(text.rstrip())
    while True:
        cut = text.rfind(" ", 0, end)
        if cut <= 0:
            return end
        word = text[cut + 1 : end]
        if word in _TRAILING_WORDS or (
            len(word) >= 5 and word.endswith("ly") and word.replace("-", "").isalpha() and word.islower()
        ):  # "repeatedly", "matter-of-factly"
            end = len(text[:cut].rstrip())
            continue
        if word not in _TRAILING_PAIR_ENDS and not word.endswith("day"):
            return end  # the common case: no pair ends here, the word before is not read
        before = text.rfind(" ", 0, cut)
        previous = text[before + 1 : cut]
        if before > 0 and previous == "on" and word[:1].isupper() and word.endswith("day") and word[1:].islower():
            end = len(text[:before].rstrip())
            continue
        if before > 0 and (previous, word) in _TRAILING_PAIRS:
            if previous == "a":  # "in a statement"
                start = text.rfind(" ", 0, before)
                if start > 0 and text[start + 1 : before] == "in":
                    end = len(text[:start].rstrip())
                    continue
                return end
            end = len(text[:before].rstrip())
            continue
        return end


_TOLD_OBJECT_RE = re.compile(
    # "told the news agency Reuters", "told the state broadcaster NHK": a medium and its name
    r"\s*(?:(?:the|a|an)\s+(?:[A-Za-z][\w.'’-]*\s+){0,4}?(?:agency|newspaper|broadcaster|channel|network|station|"
    r"magazine|website|daily|weekly)(?:\s+[A-Z][\w.'’-]*){1,3}(?=\s+that\b|[,:]|\.\s|\.?$)|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[A-Z][\w.'’-]*\s+(?:(?:of|and|on|for)\s+)?)*(?:[a-z][\w-]*['’]?\s+){0,2}?"
    r"(?:committee|subcommittee|panel|meeting|conference|council|commission|session|hearing|forum|audience|"
    r"gathering|parliament|assembly|house|senate|congress|rally|colleagues|lawmakers|investigators|delegates|"
    r"agency|newspaper|broadcaster|channel|network|station|magazine|website)|"  # "the Agence France-Presse news agency"
    r"reporters|journalists|Reuters?|Congress|parliament|me|us|him|them|"  # "Brigitta Stodden tells me at her cellar"
    # "Holmes told police he was the Joker", "told investigators that"
    r"police|investigators|detectives|prosecutors|officers|officials|authorities|jurors|lawmakers|legislators|"
    r"colleagues|friends|supporters|students|voters|employees|staff|workers|residents|"
    # "told the Associated Press that", "warned the U.S. House of Representatives that"
    r"the\s+[A-Z][\w.'’-]*(?:\s+(?:of|and|for|on)\s+[A-Z][\w.'’-]*|\s+[A-Z][\w.'’-]*)*(?=\s+that\b)|"
    # "told the New Yorker's Jane Mayer", "told CNN's Jake Tapper", "told NBC News' Today show": a
    # medium's journalist or programme
    r"(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s|(?<=s)['’])\s+"
    r"[A-Z][\w.-]*(?:\s+(?:(?:of|the|and|on)\s+)*[A-Z][\w.-]*){0,3}(?:\s+(?:show|programme|program|podcast))?|"
    # "told the radio personality Howard Stern that": a longer audience, up to its "that"
    r"(?:the|a|an)\s+(?:[\w.'’-]+\s+){1,5}?[A-Z][\w.'’-]*(?=\s+that\b)|"
    r"(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+){0,3}?|"
    # a name, its small words too: "told CNN en Español", "told Radio de la Noche"
    r"[A-Z][\w.'’-]*(?:\s+(?:(?:en|de|del|la|of|and)\s+)?[A-Z][\w.'’-]*)*)"
    # then when or where: a name ("in Tokyo", "on the South Lawn") or two words ("at a briefing"; not
    # "at her family's cellar": longer)
    r"(?:\s+(?:on|in|at|after|during)\s+(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:\s+\d{4}\b)?|"
    r"(?!(?:his|her|their|its|my|our)\s)[\w-]+(?:\s+[\w-]+)?))?(?=[\s,:]|\.\s|\.?$)"
)
# "told the banks to stop", "urged Vietnam and others in the region to push back", "called on X to".
_INSTRUCTION_RE = re.compile(
    # not "told VOA the president's decision to fire ... raises questions": an audience, then a clause
    r"\s+(?!(?:[A-Z][\w.'’-]*|reporters|journalists|lawmakers)\s+(?:the|a|an|his|her|its|their|this|these|those)\s)"
    r"(?:on\s+|upon\s+)?(?!that\b)(?:(?!(?:is|was|were|are|would|will|had|has|have|could|should|might|"
    r"must|be|that|it|he|she|they|we|i|you|[a-z]+ed)\b)[\w.'’-]+\s+){1,6}?to\s+(?:[a-z]|[\"“]Q)"
)  # (the verb may be quoted, masked: 'telling his lawyer to "control your client"')
# "called the process "a sham"", "asked whether", "asked: "..."", "what he called".
# Whom, or when, then the sentence's end after "asked": '"...?" King asked Scott.', '"...?" Alito asked
# in one of his series of queries.'
_WHOM_THEN_END_RE = re.compile(
    r"\s+(?:(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"|(?:in|during|at|after|before|as|while)\s[^\"“”]*)\s*\.?\s*"
)
_QUOTE_OR_QUESTION_RE = re.compile(
    r"(?:\s*[,:]?\s*[\"“Q]|\s+(?:whether|if|why|how|what|when|who)\b|"
    r"\s+(?:[\w.'’-]+\s+){1,6}?[\"“](?=Q))"
)
# A quotation that names a thing: "a technology called “massive parallelism”", "a song titled “...”"
# (not after "was": "were called “a smart way ...” by one SEC staff member" is words said).
_NAMED_AS_RE = re.compile(
    r"(?<![\w’'])(?!(?:he|she|they|we|i|you|it|who|what|which|has|have|had|also|is|was|are|were|be|been)\s)"
    r"[a-z]+\s+(?:called|named|dubbed|titled|entitled)\s*$"
)
_NAMING_WORDS = ("called", "named", "dubbed", "titled", "entitled")  # a test before the regex
# "called" right before a quotation, after a lower-case word that is no pronoun ("what he called
# “a sham”" speaks; "a script called “Wild Rose”" names).
_NAMED_BY_CALLED_RE = re.compile(
    r"(?<![\w’'])(?!(?:he|she|they|we|i|you|it|who|what|which|has|have|had|also|once|then|publicly|"
    r"repeatedly|previously|later|recently|earlier)\s)[a-z]+\s+call(?:ed|s)(?=\s*[\"“])"
)
# '..., he wrote in his book.', '..., she posted on Twitter.': where the words were, then the end.
_WHERE_WRITTEN_RE = re.compile(
    r"\s+(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+[\s.]*|\s+on\s+[A-Z]\w+[\s.]*"
)
_WARNING_VERBS = frozenset({"warned", "warns", "warning", "cautioned", "cautions"})
_PROMISE_VERBS = frozenset({"promised", "promises", "pledged", "pledges", "vowed", "vows"})
_NOUN_OBJECT_RE = re.compile(r"\s+(?:a|an|the|more|new|further|greater|his|her|its|their|support|help|aid)\s")
# A sum of money within three words of no clause ("pledged Sarkozy campaign €50 million", "pledged
# 25 mln dlrs"; not "promised growth would reach 5 pct", '"...," he promised at the December 5 protest')
_PROMISED_AMOUNT_RE = re.compile(
    r"\s+(?:(?!(?:would|will|could|is|are|was|were|be|to|that|at|on|in|by|for|from|during)\b)[\w'’.-]+\s+){0,3}"
    r"(?:[$€£¥]\d|\d[\d,.]*\s*(?:million|billion|mln|bln|bn|dlrs|dollars|euros|pounds|yen)\b)"
)
_OF_DANGER_RE = re.compile(r"\s+(?:of|about|against)\b")
# Whom, then what about: "warned the U.S. embassy in Nigeria about" (no "that", no colon, no quotation between).
_WARNED_WHOM_ABOUT_RE = re.compile(r"\s+(?:the|a|an|his|her|their|its)\s+[^,;:\"“]{1,50}?\s+(?:about|against)\b")
_OF_RE = re.compile(r"\s+(?:[\w.'’-]+\s+){1,6}?of\s+\S")  # "accused China of using"
_AS_RE = re.compile(r"\s+(?:[\w.'’-]+\s+){1,8}?as\s+\S")  # "described the address as"
# A clause, "that", a colon or a quotation after an object verb: "denied the government had",
# "confirmed the surplus widened", "predicted the deficit, which was ..., would decline".
_CLAUSE_AFTER_RE = re.compile(
    r"\s*(?:[:\"“]|that\b|whether\b|"
    r"(?:it|he|she|they|we)\s+(?!(?:on|in|at|to|for|by|with|as|and|but|again|today|yesterday|now|too)\b)"
    r"[a-z]{3,}(?:s|ed)\b|"  # "reaffirmed it expects", "confirmed they planned"
    # a verb right after "who" or "which" is a relative clause's, of the object ("wrote a biography
    # of the inventor, who had been a friend"), no reported clause
    r"(?:[^\s.;:]+\s+){1,8}?(?<!\bwho )(?<!\bwhich )"
    r"(?:is|was|were|are|would|will|had|has|have|could|should|might|must|can|did|does|do)\b|"
    r"(?:[^\s.;:]+\s+){2,6}?(?<!\bwho )(?<!\bwhich )"
    r"(?:[a-z]{3,}ed|fell|rose|grew|went|came|took|gave|kept|lost|won|paid|sold|"
    r"bought|began|became|brought|spent|stood|fought|sought)\b)"
)
# "that", a colon or a quotation after a verb that reports only so, perhaps after a circumstance.
_THAT_AFTER_RE = re.compile(
    r"[\s,]*(?:(?:on|in|at|during)\s+(?:[A-Z][a-z]+day|(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?)[\s,]*)?"
    r"(?:that\b|:|[\"“])"
)
_CLAUSE_OPENER_RE = re.compile(
    r"[\s,:]*(?:(?:on|in|at|after|during)\s+(?:[A-Z][a-z]+day|the\s+meeting|(?:the\s+)?condition\s+of\s+anonymity|Twitter|Facebook|"
    r"(?:the\s+)?social\s+(?:media|networking)\s+(?:site|platform|network|service)\s+[A-Z]\w+|"  # "site Twitter"
    r"Instagram|X|Threads|Bluesky|Telegram|LinkedIn|TikTok|Truth\s+Social|"  # "wrote on X that"
    r"(?:a|an|the)\s+(?:[\w-]+\s+)?(?:interview|tweet|post|posting|blog\s+post|letter|speech|ruling|opinion|filing|"
    r"email|televised\s+address|radio\s+address|news\s+conference|press\s+conference|statement)\b"  # not "post|ing"
    r"(?:\s+(?:(?:with|to|on)|(?:released|issued|posted|published|sent)(?:\s+(?:on|by|to|in))?|marking)\s+"
    r"(?:[^\s,.;:“”\"]+\s+){1,6}?(?:on\s+[A-Z][a-z]+day\s+)?(?=that\b))?)\s*,?\s*)?"
    # to whom, right before "that": "confirmed to WIRED that", "admitted to The Associated Press that"
    r"(?:to\s+(?:the\s+)?(?:(?:[A-Z][\w.&'’-]*|reporters|journalists)\s+){1,4}(?=that\b))?"
    # AP: "said Tuesday that", "confirmed Saturday morning that" (not "said Friday's storm": its subject)
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’])"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?\s*,?\s*)?"
    r"(?:(?:today|yesterday|earlier|later|recently|tonight|(?:this|last)\s+(?:morning|afternoon|evening|night|week))"
    r"\b(?!['’])\s+(?=(?:that|he|she|they|it|we|the)\s))?"  # "confirmed this evening that", "explained this week he"
    r"(?:(?:today|yesterday|earlier|later|recently)\b(?!['’]))?[\s,:]*"  # not "today's signing"
    # "that" opens the clause, unless a verb follows it: "Macron said that would increase the risk" (its subject)
    r"(?:that(?:\s*,)?\s+(?!(?:would|will|is|was|could|can|may|might|should|must|has|had|does|did|means|meant|seems|"
    r"seemed|makes|made)\b))?"
)
# Participles that report what the speaker went on to say: "..., adding that ...", "Noting that ..., X said".
_ADDING_PARTICIPLES = ("adding", "saying", "noting", "warning", "stressing", "explaining", "insisting", "arguing")
_CIRCUMSTANCE_RE = re.compile(
    r"[\s,]*(?:(?:today|yesterday|recently|earlier|later|again),?\s+)?"
    r"(?:after|in|on|at|during|last|this|when|while|before|citing|following|as|"
    # what the speaker did next ("CLAUSE, officials said, adding that ...": a statement of its own,
    # _then_adding), or the writer's own clause ("CLAUSE, X added, although dynamite fishing is common")
    rf"{'|'.join(_ADDING_PARTICIPLES)}|"
    r"although|though|whereas|because|since|but|despite|unless|even\s+(?:though|as|if))\b"
    # where the words are on record: "CLAUSE, he said[,] according to a transcript"
    r"|,?\s*according\s+to\b",
    re.I,
)
# Content that only says when or where: "before Election Day", "at a Nov. 6 event at the Institute".
_CIRCUMSTANCE_ONLY_RE = re.compile(
    r"(?:before|after|at|in|on|during|about|of|for|from|with|without|under|over|side-by-side|to)\b"
    r"(?![^\n]*\b(?:is|was|were|are|would|will|had|has|have|could|should|might|must|can|that)\b)[^\n]*$"
)
_CIRCUMSTANCE_FIRST = frozenset("badoifwust")  # the first letters of its words: a test before the regex
_COORDINATED_RE = re.compile(r"(?:,\s*|\s+)(?:but|yet)\s*,?\s*$|;\s*$")


def _coordinated(text: str) -> re.Match[str] | None:
    """_COORDINATED_RE's search of the text. "but", "yet" and ";" looked for first, in C: the regex
    needs one of them, and tries every place of the text."""
    if "but" not in text and "yet" not in text and ";" not in text:
        return None
    return _COORDINATED_RE.search(text)


_QUOTATION_NEXT_RE = re.compile(r"\s*[,:]\s*[\"“]")  # a quotation right after the verb
# ... or after where it was said: 'She concluded in her statement, "..."'
_QUOTATION_AFTER_RE = re.compile(r"\s*(?:(?:in|on|at|during|via)\s+[^,;:\"“”]{1,40}?)?[,:]\s*[\"“]")
_NOT_SPEECH_AFTER_RE = re.compile(r"\s+than\b")  # "easier said than done"
# After an -ing word: a noun it qualifies, or the verb of which it is the subject; it reports nothing.
_PARTICIPLE_AS_NOUN_RE = re.compile(
    r"\s+(?:cent(?:er|re)s?|systems?|signs?|labels?|lights?|shots?|bells?|period|sirens?|was|were|is|are|has|had)\b"
)
_TOPIC_AFTER_RE = re.compile(r"\s+(?:on|upon|about)\s+(?!(?:[A-Z][a-z]+day|[A-Z][a-z]+\s+\d)\b)")  # not "on Tuesday"
_SAY_NOUN_RE = re.compile(r"(?:\b(?:a|the|no|any|more|final|greater|bigger|equal)|\b[Ll]et['’]s|\b[Ll]et\s+us)\s+$")
_AMOUNT_AFTER_RE = re.compile(r"\s+(?:another\s+|nearly\s+|almost\s+|about\s+)?[$€£¥]?\d")  # "added 1.2%"
_SCORE_AFTER_RE = re.compile(
    r"\s+(?:(?:a|an|his|her|their|its|two|three|four|five|six|another|one|the)\s+)?(?:[\w-]+\s+)?"
    r"(?:goals?|assists?|points|rebounds|runs|touchdowns?|saves|yards|strikeouts|hits|tries|wickets|birdies|"
    r"eagles|baskets|steals|tackles|sacks|homers?|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\s+(?:for|of|goal|of\s+the|this)\b)"
)
_INFINITIVE_RE = re.compile(r"(?:\bto|\bnot|n['’]t|\bwas|\bwere|\bis|\b[Bb]e)\s+$")  # "didn’t say", "Be warned:"
# What a text _INFINITIVE_RE finds in ends with, less its spaces: tested first (the search tries every place).
_INFINITIVE_ENDS = ("to", "not", "n't", "n’t", "was", "were", "is", "be", "Be")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}  # the one quoted, as the subject it stands for
_GROUP_WORDS = frozenset(
    "officials sources bankers dealers analysts economists experts diplomats ministers traders "
    "spokesmen aides members observers critics businessmen exporters producers lenders banks "
    "others some both they delegates negotiators representatives governments "
    # people by what they do ("..., said the owners, is the Pick 6", "residents said they ...")
    "owners residents witnesses investigators police authorities organizers organisers scientists "
    "researchers lawyers attorneys doctors activists protesters leaders executives workers farmers "
    "teachers parents students officers consumers customers voters lawmakers legislators prosecutors".split()
) | PEOPLE_GROUP_WORDS  # data/people_groups.txt: "Advocates said", "Builders have complained"
# Nouns that make a phrase one of an organisation's voices: "a Treasury spokesman", "A Foreign
# Ministry statement", "a spokesman for the Bundesbank".
_VOICE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson spokesmen statement communique report official officials "
    "source sources announcement letter".split()
)
_DETERMINERS = frozenset("a an the one another its his her their this that some".split())


_START = attrgetter("start")  # the sort key of verbs and statements (a key in C, no Python call)


class _Verb(NamedTuple):
    text: str  # "said", "according to"
    start: int
    end: int


@dataclass(slots=True)
class _Speaker:
    person: str | None = None
    organisation: str | None = None
    label: str = ""
    plural: bool = False
    voice: str = ""  # the unnamed voice a pronoun stands for ("a Treasury spokesman"), carried on


@dataclass(slots=True)
class _Event:
    """A speaker named at a place in the story: what a later pronoun may point back to."""

    paragraph: int
    offset: int
    speaker: _Speaker
    sentence: int  # where the event's sentence starts
    content: tuple[int, int] | None = None  # the reported words: names in them are no antecedents


@dataclass(slots=True)
class _Attribution:
    verb: str
    subject: tuple[int, int]  # the phrase naming the speaker (paragraph offsets)
    appositions: list[tuple[int, int]] = field(default_factory=list)  # "the minister, Michael Howard,"
    content: tuple[int, int] | None = None  # what was reported, when outside quotation marks


@dataclass
class _Story:
    document: Document
    people: list[PersonMention]
    organisations: list[OrganisationMention]
    events: list[_Event] = field(default_factory=list)
    # Per paragraph: (start, end, person name) of each mention, and the sentence spans.
    mentions: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    masked: dict[int, str] = field(default_factory=dict)  # paragraphs with quoted words masked
    previous: dict[int, int] = field(default_factory=dict)  # the readable paragraph before each
    forms: list[tuple[str, str]] = field(default_factory=list)  # (form, person name), longest first
    form_ends: tuple[str, ...] = ()  # the forms alone: one str.endswith tells whether a phrase ends in any
    # The places in `forms` by the form's last word (_WORD_END_RE): a form printed whole at the end
    # of a phrase ends it with that word, so only those forms are tried (a story may have thousands).
    forms_by_end: dict[str, list[int]] = field(default_factory=dict)
    continued: dict[int, _Speaker] = field(default_factory=dict)  # quotation paragraphs that went on
    genders: dict[str, str | None] = field(default_factory=dict)  # person -> "f", "m" or None
    companies: dict[str, bool] = field(default_factory=dict)  # name -> the story calls it a company
    body_lower: str | None = None  # the body in lower case, once a description needs it
    described_people: dict[str, str | None] = field(default_factory=dict)  # _described_person by description
    _apposed: dict[str, list[int]] | None = None  # see apposes
    _apposed_keys: list[str] = field(default_factory=list)
    # A long story's acronyms printed ", X,", " (X)" or ", X " -> (paragraph, needle, place): _acronym_places
    acronyms_printed: dict[str, list[tuple[int, int, int]]] | None = None
    # Many organisations' names by their first three letters, and those always tried: _names_to_replace
    names_by_start: dict[str, list[int]] | None = None
    names_always: list[int] = field(default_factory=list)
    people_by_role_word: dict[str, list[int]] | None = None  # _people_with_role_word, for many people
    _mention_ends: dict[int, list[int]] = field(default_factory=dict)

    def mention_ends(self, paragraph: int) -> list[int]:
        """The ends of the paragraph's mentions, in order (mentions never overlap)."""
        if paragraph not in self._mention_ends:
            self._mention_ends[paragraph] = [m[1] for m in self.mentions.get(paragraph, [])]
        return self._mention_ends[paragraph]

    org_forms: list[tuple[str, str]] = field(default_factory=list)  # (form as printed, organisation name)
    described: dict[str, str] = field(default_factory=dict)  # organisation -> the noun a description gave it
    surnames: dict[str, list[tuple[tuple[int, int], str]]] | None = None  # last name word -> (first mention, person)

    @cached_once
    def body(self) -> str:
        """document.body, joined once (it joins the paragraphs anew on every read)."""
        return self.document.body

    def apposes(self, lower: str) -> bool:
        """Whether the lower-case body prints ", a " or ", an " and then `lower` (no space first).
        A long body is read once for what follows each such article, up to a space: then the text
        of a description with a space is a word printed there, a description of one word opens
        one (a range of the sorted words), rather than a search of the whole body per description."""
        if self.body_lower is None:
            self.body_lower = self.body.lower()
        body = self.body_lower
        if not is_long(body):
            return f", a {lower}" in body or f", an {lower}" in body
        if self._apposed is None:
            self._apposed = {}
            for match in _AFTER_AN_ARTICLE_RE.finditer(body):
                self._apposed.setdefault(match.group(1), []).append(match.start(1))
            self._apposed_keys = sorted(self._apposed)
        first = lower.split(" ", 1)[0]
        if first != lower:
            return any(body.startswith(lower, at) for at in self._apposed.get(first, ()))
        at = bisect_left(self._apposed_keys, lower)
        return at < len(self._apposed_keys) and self._apposed_keys[at].startswith(lower)

    @cached_once
    def body_places(self) -> TextPlaces | None:
        """Where names are printed in the body, for a long one (None for a story's own)."""
        return places_in(self.body)

    @cached_once
    def org_index(self) -> _OrganisationIndex:
        return _OrganisationIndex(self.organisations, self.org_forms)

    # noun -> the names "X ... Ministry" printed up to a paragraph, read once: _named_in_story
    noun_names: dict[str, _NamesSoFar] = field(default_factory=dict)


# More forms of people or organisations than this, and they are looked up by word rather than all
# tried (real stories have some dozens; a text of thousands of stories joined, thousands).
_MANY_FORMS = 64
_AFTER_AN_ARTICLE_RE = re.compile(r", an? ([^ ]*)")  # what follows ", a " or ", an ", up to a space
_ALNUM_RUN_RE = re.compile(r"[^\W_]+")  # a run of characters str.isalnum() holds true of
_WORD_END_RE = re.compile(r"(?:[^\W_]|-)*$")  # letters, digits and hyphens at the end (perhaps none)


class _OrganisationIndex:
    """The story's organisations and their printed forms by word, built once: a subject is matched
    against the few bodies that share its words, not against every body of the story (a text of
    thousands of bodies would take time quadratic in its length)."""

    def __init__(self, organisations: list[OrganisationMention], org_forms: list[tuple[str, str]]) -> None:
        self.organisations = organisations  # not changed while statements are read
        self.org_forms = org_forms
        # The places of org_forms by the run of letters and digits each opens: where a form is
        # printed whole (no letter or digit either side), that run is a whole run of the text.
        self.forms_by_run: dict[str, list[int]] = {}
        self.forms_unkeyed: list[int] = []  # forms that open with no letter or digit: always tried
        # A few forms are all tried (a test in C each), as a story of a few bodies is quicker read so.
        self.few = len(org_forms) if 0 < len(org_forms) <= _MANY_FORMS else 0
        # Minus the length of each form (the forms come longest first, so these ascend): the first
        # form short enough to be printed in a text is found by bisection, the longer ones skipped.
        self.minus_lengths = [-len(form) for form, _ in org_forms]
        self.form_texts = [form for form, _ in org_forms]
        for rank, (form, _) in enumerate(org_forms if not self.few else ()):
            run = _ALNUM_RUN_RE.match(form)
            (self.forms_by_run.setdefault(run.group(), []) if run else self.forms_unkeyed).append(rank)

    # The tables below are built on their first read: most stories' subjects need few of them or none.

    @cached_once
    def canonical(self) -> dict[str, str]:
        """Form -> the first organisation printed so."""
        canonical: dict[str, str] = {}
        for form, name in self.org_forms:
            canonical.setdefault(form, name)
        return canonical

    @cached_once
    def form_first_words(self) -> set[str]:
        return {form.split()[0] for form, _ in self.org_forms if form.split()}

    @cached_once
    def names_by_kind(self) -> dict[str, set[str]]:
        """The names of org_forms by kind: "Bank of Japan" and "Westpac Bank" are both "bank"."""
        names_by_kind: dict[str, set[str]] = {}
        for name in {name for _, name in self.org_forms}:
            lower = name.lower().split()
            if lower:
                names_by_kind.setdefault(lower[-1], set()).add(name)
            if lower[1:2] == ["of"]:
                names_by_kind.setdefault(lower[0], set()).add(name)
        return names_by_kind

    # Organisations by the first and last word of their names, as printed and in lower case.

    @cached_once
    def by_first_word(self) -> dict[str, list[tuple[str, list[str]]]]:
        return self._by_name_word(0)

    @cached_once
    def by_last_word(self) -> dict[str, list[tuple[str, list[str]]]]:
        return self._by_name_word(-1)

    def _by_name_word(self, at: int) -> dict[str, list[tuple[str, list[str]]]]:
        """The organisations (name, its words) by the word of their name at `at` (0 first, -1 last)."""
        table: dict[str, list[tuple[str, list[str]]]] = {}
        for org in self.organisations:
            name_words = org.name.split()
            if name_words:
                table.setdefault(name_words[at], []).append((org.name, name_words))
        return table

    @cached_once
    def by_lower_word(self) -> dict[str, set[str]]:
        by_lower_word: dict[str, set[str]] = {}
        for org in self.organisations:
            for word in org.name.lower().split():
                by_lower_word.setdefault(word, set()).add(org.name)
        return by_lower_word

    @cached_once
    def by_last_lower_word(self) -> dict[str, set[str]]:
        by_last_lower_word: dict[str, set[str]] = {}
        for org in self.organisations:
            lower = org.name.lower().split()
            if lower:
                by_last_lower_word.setdefault(lower[-1], set()).add(org.name)
        return by_last_lower_word

    @cached_once
    def names(self) -> set[str]:
        return {org.name for org in self.organisations}

    @cached_once
    def by_abbreviation(self) -> dict[str, set[str]]:
        by_abbreviation: dict[str, set[str]] = {}
        for org in self.organisations:
            if org.abbreviation:
                by_abbreviation.setdefault(org.abbreviation, set()).add(org.name)
        return by_abbreviation

    def forms_in(self, text: str) -> list[int] | range:
        """The places in org_forms, in order, of the forms that may be printed whole in the text."""
        if self.few:
            return range(bisect_left(self.minus_lengths, -len(text)), self.few)
        ranks = set(self.forms_unkeyed)
        for run in {m.group() for m in _ALNUM_RUN_RE.finditer(text)}:
            ranks.update(self.forms_by_run.get(run, ()))
        return sorted(ranks)

    def forms_printed_in(self, text: str) -> list[int]:
        """forms_in(text) without the forms not printed in the text at all: for a few forms, each
        tested in C (map and compress), as most texts (a speaker's label) hold none of them."""
        ranks = self.forms_in(text)
        if self.few:
            return list(compress(ranks, map(text.__contains__, self.form_texts[ranks.start :])))
        return [rank for rank in ranks if self.form_texts[rank] in text]

    def forms_at(self, text: str, start: int) -> list[int] | range:
        """The places in org_forms, in order, of the forms that may be printed at text[start:], whole at their end."""
        if self.few:
            return range(self.few)
        run = _ALNUM_RUN_RE.match(text, start)
        return sorted([*self.forms_unkeyed, *(self.forms_by_run.get(run.group(), ()) if run else ())])


@dataclass(slots=True)
class _NamesSoFar:
    """The first two distinct names a pattern finds in the story, with the paragraph of each: a
    third changes no answer of _named_in_story. `read`: the paragraphs read, in order."""

    read: int = 0
    names: list[tuple[int, str]] = field(default_factory=list)


def find_statements(
    document: Document,
    people: list[PersonMention],
    organisations: list[OrganisationMention],
    paragraphs: list[str] | None = None,
) -> list[StatementMention]:
    """`paragraphs`: readable_paragraphs(document), when the caller has them already."""
    story = _Story(document, people, organisations)
    story.mentions = _mentions_by_paragraph(people)
    story.forms = sorted(
        ((f, p.name) for p in people for f in {p.name, *p.forms, *_without_suffix(p.name)}),
        key=lambda x: (-len(x[0]), x),
    )
    story.form_ends = tuple(form for form, _ in story.forms)
    if len(story.forms) > _MANY_FORMS:
        for rank, (form, _) in enumerate(story.forms):
            story.forms_by_end.setdefault(_WORD_END_RE.search(form).group(), []).append(rank)
    story.org_forms = _organisation_forms(document, organisations)
    statements: list[StatementMention] = []
    pending_open: list[StatementMention] = []  # an open quotation waiting for its speaker
    colon_speaker: tuple[int, _Speaker] | None = None  # "X said:" ending the paragraph before
    last_index = -1
    links = _related_links(document.paragraphs)
    readable = readable_paragraphs(document) if paragraphs is None else paragraphs
    transcript = _transcript_speakers(readable, people)
    for index, paragraph in enumerate(readable):
        if not paragraph or index in links:
            continue
        if transcript:
            turn = _TURN_RE.match(paragraph)
            if turn and turn.group(1) in transcript:  # an interview's question or answer: the whole turn
                person = transcript[turn.group(1)]
                text = paragraph[turn.end() :].rstrip()
                if person and text:
                    speaker = _Speaker(person, None, turn.group(1))
                    statements.append(_statement(DIRECT, text, index, turn.end(), "", speaker))
                continue
        story.previous[index], last_index = last_index, index
        start = dateline_end(document, paragraph) if index == 0 else 0
        shape = _backticks_as_quotes(paragraph) if "``" in paragraph else paragraph
        shape = _apostrophes_typed_as_quotes(_single_quotes_as_double(shape))
        if '"' in shape:  # a straight mark: perhaps inches after a number
            shape = _inch_marks(shape)
        if paragraph[:1] in _DASHES and (credited := _epigraph_credit(paragraph, story)) is not None:
            # '"We lied, we cheated, we stole." / — Mike Pompeo, College Station, TX, April 15, 2019'
            above = story.previous[index]  # its quotations that nobody said (an article's byline is no credit)
            for said in statements:
                if said.paragraph == above and said.kind == DIRECT and not (said.verb or said.speaker_person):
                    if not said.speaker_organisation:
                        said.speaker_person, said.speaker_label = credited.person, credited.label
            continue
        found = _statements_in(paragraph, index, start, story, shape)
        if not found and colon_speaker is not None and colon_speaker[0] == story.previous[index]:
            said = _said_after_colon(paragraph, index, colon_speaker[1])
            if said is not None:
                found = [said]
        colon_speaker = _colon_ending(paragraph, index, found, story) if ":" in paragraph[-3:] else None
        if pending_open and found and found[0].kind == DIRECT and shape.lstrip()[:1] in _QUOTE_CHARS:
            _assign(pending_open, found[0])  # the quotation ran on into this attributed paragraph
        pending_open = [s for s in found if not s.verb] if found else []  # (no comprehension run for none)
        if pending_open and not _opens_unclosed(shape):  # counted once, not once per statement
            pending_open = []
        statements.extend(found)
    return statements


def _epigraph_credit(paragraph: str, story: _Story) -> _Speaker | None:
    """A short line that credits the quotation above it: a dash, then a person of the story's ("— Mike
    Pompeo, College Station, TX, April 15, 2019"); not a list's item that reports ("- Boris Johnson,
    the prime minister, said ..."), read as any paragraph."""
    if len(paragraph) > _CREDIT_LINE_CHARS or _VERB_RE.search(paragraph) is not None:
        return None
    credit = _CREDIT_LINE_RE.match(paragraph)
    person = _person_heading(credit.group(1), story) if credit else None
    return _Speaker(person=person, label=credit.group(1)) if person else None


_DASHES = "—–-"
_CREDIT_LINE_CHARS = 120
_CREDIT_LINE_RE = re.compile(r"[—–-]+\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*(?:,|$)")


def _colon_ending(paragraph: str, index: int, found: list, story: _Story) -> tuple[int, _Speaker] | None:
    """ "Moazzam Malik, the British Ambassador to Indonesia, said:" ending a paragraph with nothing
    reported after it: the paragraph and its speaker, for the paragraph that follows."""
    if not paragraph.rstrip().endswith(":"):
        return None
    if found and found[-1].end >= len(paragraph.rstrip()) - 1:
        return None
    last = story.events[-1] if story.events else None
    if last is None or last.paragraph != index or not (last.speaker.person or last.speaker.organisation):
        return None
    tail = paragraph[last.sentence :].rstrip()
    if len(tail.split()) > 20 or _VERB_RE.search(tail) is None:
        return None  # a long sentence before the colon: an introduction, not an attribution
    return index, last.speaker


def _said_after_colon(paragraph: str, index: int, speaker: _Speaker) -> StatementMention | None:
    """The paragraph after "X said:", printed without quotation marks: X's words, when it is prose
    (a sentence or more, no quotation of its own, not a heading)."""
    text = paragraph.strip()
    if text[:1] in _QUOTE_CHARS or text[-1:] not in ".!?" or len(text.split()) < _DIRECT_WORDS + 2:
        return None
    start = paragraph.index(text)
    text = text[:-1] if text.endswith(".") else text  # as a quotation's words, without the full stop
    return _statement(DIRECT, text, index, start, "", speaker)


# A turn of an interview printed as a transcript: "Q: ...", "A: ...", "KH: ...", "Michal: ...".
_TURN_RE = re.compile(r"\s*([A-Z][\w.'’-]{0,24}(?: [A-Z][\w.'’-]{0,24}){0,2}):\s+(?=\S)")
_ANSWER_TAGS = frozenset({"A", "A.", "Answer"})
_QUESTION_TAGS = frozenset({"Q", "Q.", "Question", "Interviewer"})


def _transcript_speakers(paragraphs: list[str], people: list[PersonMention]) -> dict[str, str | None]:
    """An interview printed as a transcript ("Q: ... / A: ...", "Wikinews: ... / KH: ..."): each
    tag opening two turns or more, and the person it stands for (None for the interviewer). "A" is
    the most named person of those named before the first answer (None if nobody is); initials
    ("KH") the one person whose name they are; a name, that person. A story with fewer than two
    turns of a person is no transcript: {} (the common case)."""
    tags: dict[str, int] = {}
    first_answer = len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        if ":" in paragraph[:80]:
            turn = _TURN_RE.match(paragraph)
            if turn:
                tags[turn.group(1)] = tags.get(turn.group(1), 0) + 1
                if turn.group(1) in _ANSWER_TAGS:
                    first_answer = min(first_answer, index)
    if not tags or not people:
        return {}
    speakers: dict[str, str | None] = {}
    for tag, count in tags.items():
        if count < 2:
            continue
        if tag in _ANSWER_TAGS:  # the one interviewed is introduced before the answers (not named in them)
            introduced = [p for p in people if p.spans and p.spans[0].paragraph < first_answer]
            speakers[tag] = max(introduced, key=lambda p: p.mentions).name if introduced else None
        elif tag.isupper() and 2 <= len(tag) <= 4 and tag.isalpha():
            named = [p.name for p in people if "".join(w[0] for w in p.name.split()) == tag]
            speakers[tag] = named[0] if len(named) == 1 else None
        else:
            named = [p.name for p in people if tag == p.name or tag in p.forms]
            speakers[tag] = named[0] if len(named) == 1 else None
    answered = sum(tags[tag] for tag, person in speakers.items() if person)
    if answered < 2:
        return {}
    for tag in _QUESTION_TAGS & tags.keys():  # the other side's turns say nothing of the people's
        speakers.setdefault(tag, None)
    return speakers


# A heading over links to other stories, or a link printed in the body: their titles report nothing here.
_RELATED_RE = re.compile(
    r"\s*(?:\[?(?:READ|Read)\s+(?:MORE|[Mm]ore|ALSO|[Aa]lso)\b|RELATED\b|Related\s*(?:[Cc]overage|[Ss]tories|[Ll]inks)?\s*:|"
    r"More\s+on\s+this\s+story|MORE\s+ON\s+THIS\s+STORY|See\s+also\s*:|\[Read\s*:)"
)
_RELATED_FIRST = frozenset("[RMS")  # the first letters of its openings, a test before the regex (the text is stripped)
_SENTENCE_ENDS = (".", "!", "?", ".”", '."', "?”", '?"', "!”", '!"')


def _related_links(paragraphs: list[str]) -> set[int]:
    """The paragraphs that are a related-stories heading ("Read more:", "RELATED COVERAGE"), a link
    ("[Read: ...]", "READ MORE: ...") or a title under such a heading (no sentence end)."""
    links: set[int] = set()
    under = False
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if text[:1] in _RELATED_FIRST and _RELATED_RE.match(text) and len(text) < 300:
            links.add(index)
            under = len(text) < 40  # a heading alone on its line: the titles follow
        elif under and text and not text.endswith(_SENTENCE_ENDS) and len(text) < 200:
            links.add(index)
        else:
            under = False
    return links


def _organisation_forms(document: Document, organisations: list[OrganisationMention]) -> list[tuple[str, str]]:
    """Each organisation's name, abbreviation and forms as printed ("International Trade and
    Industry Ministry" for the Ministry of International Trade and Industry), longest first."""
    forms = set()
    rank: dict[tuple[str, str], tuple[int, int, int]] = {}
    for org in organisations:
        first = min(((span.paragraph, span.start) for span in org.spans), default=(1 << 30, 0))
        for form in (org.name, org.abbreviation):
            if form:
                forms.add((form, org.name))
                rank[(form, org.name)] = (0, *first)  # its own name or abbreviation first
        for span in org.spans:
            key = (document.paragraphs[span.paragraph][span.start : span.end], org.name)
            forms.add(key)
            rank.setdefault(key, (1, *first))
    # Longest first; one form of two bodies ("IDB") goes to the body it abbreviates, then to the one
    # printed first: never to the hash order of a set.
    return sorted(forms, key=lambda x: (-len(x[0]), rank[x], x[1]))


def _mentions_by_paragraph(people: list[PersonMention]) -> dict[int, list[tuple[int, int, str]]]:
    mentions: dict[int, list[tuple[int, int, str]]] = {}
    for person in people:
        for span in person.spans:
            mentions.setdefault(span.paragraph, []).append((span.start, span.end, person.name))
    for spans in mentions.values():
        spans.sort()
    return mentions


# --- One paragraph ------------------------------------------------------------------------------


def _single_quotes_as_double(paragraph: str) -> str:
    """ "‘It will be rejected,’ he added.", "She said: 'British people have made it clear.'": a
    paragraph quoting with single marks only (British and Australian papers), its quotation marks as
    double ones, offsets unchanged. An apostrophe ("May’s", "’87", "don't") is no mark: a mark opens
    at a word's start and closes before no letter."""
    if "‘" in paragraph:
        quoted = _SINGLE_QUOTED_RE
    elif "'" in paragraph and (paragraph[:1] == "'" or any(map(paragraph.__contains__, _STRAIGHT_OPENINGS))):
        quoted = _STRAIGHT_SINGLE_QUOTED_RE  # (most apostrophes follow a letter: "company's", tested in C)
    else:
        return paragraph
    if '"' in paragraph or "“" in paragraph or "”" in paragraph:
        return paragraph
    found = list(quoted.finditer(paragraph))
    if not found:
        return paragraph
    marks = list(paragraph)
    for match in found:
        marks[match.start()] = "“"
        marks[match.end() - 1] = "”"
    return "".join(marks)


# What stands before a straight mark that opens a quotation (_STRAIGHT_SINGLE_QUOTED_RE's look-behind)
_STRAIGHT_OPENINGS = (" '", "('", "['", "—'", "–'", "-'", "\n'", "\t'")


def _backticks_as_quotes(paragraph: str) -> str:
    """ "``We are ready technically,'' he said.": wire copy that opens a quotation with two backticks
    and closes it with two apostrophes (AP, TeX). The opening pair is read as a space and an opening
    mark, so the words start where they are printed (offsets unchanged); "''" already closes."""
    return paragraph.replace("``", " “")


def _apostrophes_typed_as_quotes(paragraph: str) -> str:
    """'Japan"s exports': a wire that types its apostrophes as double marks. A mark between a
    letter and a lone "s" is an apostrophe, not a quotation's edge (offsets unchanged)."""
    if '"' not in paragraph or '"s' not in paragraph:  # one character searched first: faster in C
        return paragraph
    return _TYPED_APOSTROPHE_RE.sub("'", paragraph)


_TYPED_APOSTROPHE_RE = re.compile(r'(?<=[^\W\d_])"(?=s(?![^\W\d_]))')


def _inch_marks(paragraph: str) -> str:
    """'measures 22" long and 22" wide', 'a 34" 3440x1440 monitor': a straight mark right after a
    digit, with no quotation open before it, is a unit (inches), not a quotation's edge. It is
    read as a prime (offsets unchanged); a digit closing a quotation ('"we won 3-1"') keeps its mark."""
    if '"' not in paragraph or _DIGIT_MARK_RE.search(paragraph) is None:
        return paragraph  # the common case: no mark after a digit
    marks = list(paragraph)
    open_marks = 0  # straight marks read so far, less the units
    for match in _STRAIGHT_MARK_RE.finditer(paragraph):
        at = match.start()
        if at and paragraph[at - 1].isdigit() and open_marks % 2 == 0:
            marks[at] = "″"
            continue
        open_marks += 1
    return "".join(marks)


# The mark first, then the digit before it looked behind: the regex engine skips from mark to mark
# (a literal) instead of testing every character for a digit. The same places as r'\d"'.
_DIGIT_MARK_RE = re.compile(r'"(?<=\d")')
_STRAIGHT_MARK_RE = re.compile('"')


# ‘...’ at a word's start, closed by a ’ that no letter follows; no "‘" inside (nested quotations
# stay as printed).
_SINGLE_QUOTED_RE = re.compile(r"(?<![^\s(\[—–-])‘[^‘]*?’(?![^\W\d_])")
# The same with straight marks: a letter after the opening one, and inside only apostrophes that a
# letter follows ("don't", "it's"); the closing one after no space.
_STRAIGHT_SINGLE_QUOTED_RE = re.compile(r"(?<![^\s(\[—–-])'(?=[^\W\d_])(?:[^']|'(?=[^\W\d_]))*?(?<!\s)'(?![^\W\d_])")


def _statements_in(
    paragraph: str, index: int, start: int, story: _Story, shape: str | None = None
) -> list[StatementMention]:
    """`shape`: the paragraph with its quotation marks as double ones (the same length), read for
    quotations; the words come from `paragraph` as printed."""
    shape = paragraph if shape is None else shape
    if '"' in shape or "“" in shape:
        quotes = [
            q
            for q in _quotations(shape, start)
            if not _is_title(q.text)
            and not (
                shape[max(0, q.mark - 10) : q.mark].rstrip().endswith(_NAMING_WORDS)
                and _NAMED_AS_RE.search(shape, max(0, q.mark - 40), q.mark)
            )
        ]
        masked = _mask_quotes(shape, quotes)
    else:  # most paragraphs: no mark that opens a quotation (two searches in C, no scan of the marks)
        quotes, masked = [], shape
    story.masked[index] = masked
    make = tuple.__new__  # _Verb(...) without the NamedTuple's Python-level __new__: this runs for every verb
    verbs = [
        make(_Verb, (text, *m.span(1)))
        for m in _VERB_RE.finditer(masked, max(start - 1, 0))
        if not ((text := m.group(1))[-2:] == "ed" and _after_adjective_word(masked, m.start(1)))
    ]
    if "According to" in masked:  # "According to X, ...": opening a sentence, with a capital
        verbs = sorted(
            verbs + [_Verb("according to", m.start(), m.end()) for m in _ACCORDING_RE.finditer(masked, start)],
            key=_START,
        )
    if not verbs and not quotes:
        return []  # nothing said here (its sentences are split later if a pronoun needs them)
    sentences = _sentences(masked, start)
    if len(verbs) > 1 and _COORDINATION_RE.search(masked, start):
        sentences = _coordinated_clauses(masked, sentences, verbs)
    story.sentences[index] = sentences
    opening_speaker = _opening_speaker(shape, index, story)
    made: list[StatementMention] = []
    speakers: list[_Speaker] = []
    waiting: list[_Quote] = []  # quotations before the paragraph's first attribution
    quote_marks = [q.mark for q in quotes] if quotes else []
    verb_starts = [v.start for v in verbs]
    quoted_before = -2  # the number of the last sentence with an attribution and a quotation
    attributed_before = -2  # the number of the last sentence with an attribution
    for number, (s0, s1) in enumerate(sentences):
        # The sentence's quotations and verbs, found by bisection: time stays linear in the text.
        sentence_quotes = quotes[bisect_left(quote_marks, s0) : bisect_left(quote_marks, s1)] if quotes else []
        sentence_verbs = verbs[bisect_left(verb_starts, s0) : bisect_left(verb_starts, s1)]
        attribution = (
            _attribution(masked, s0, s1, sentence_verbs[:_VERBS_PER_SENTENCE], story) if sentence_verbs else None
        )
        if attribution is None:
            loose = [q for q in sentence_quotes if _words(q.text) >= 2] if sentence_quotes else []
            if not loose and not (number == 0 and opening_speaker):
                continue  # the common case, no quotation to place: none of the branches below does a thing
            introduced = _colon_speaker(masked, index, s0, loose, story)
            introduced = introduced or _in_words_of(masked, index, s0, loose, story)
            if introduced is not None:  # 'Colin Reid of Stonewall also welcomed the vote: "..."'
                speaker, colon = introduced
                made.extend(_direct(q, index, "", speaker) for q in waiting + loose if q.mark > colon)
                waiting = [q for q in waiting + loose if q.mark < colon]
                story.events.append(_Event(index, s0, speaker, s0))
                speakers.append(speaker)
                quoted_before = number
                continue
            if number + 1 < len(sentences) and _is_short_attribution(masked, sentences[number + 1], verb_starts):
                waiting.extend(loose)  # '"...?" Schiff asked.': the next sentence says who
            elif (
                loose
                and _VERB_AFTER_QUOTE_RE.match(masked, loose[-1].end)
                and not _names_speaker_after(masked, loose[-1].end, [*speakers[-1:], opening_speaker])
            ):
                # '"...," added brokers Phillips and Drew.': the sentence names its own speaker, one
                # not read: never the speaker before it going on (unless it names that one again:
                # '"...," said al-Chalabi, who is in Caracas')
                waiting.extend(loose)
            elif speakers and masked[s0] in _QUOTE_CHARS:  # '"...," he said. "..."': the speaker goes on
                # the speaker of a quotation in the sentence just before, else the paragraph's one speaker
                # ('Heald noted the findings show ... "An air-quality cleanup would ..."': the speaker of
                # the sentence just before, quoted or reported, goes on)
                goes_on = (
                    speakers[-1] if number - 1 in (quoted_before, attributed_before) else _paragraph_speaker(speakers)
                )
                made.extend(_direct(q, index, "", goes_on) for q in loose)
            elif loose and quoted_before == number - 1 and all(_FIRST_PERSON_RE.search(q.text) for q in loose):
                # '"I was shocked," said Besecker. The price is "as low as I've ever seen."': words in
                # the first person, right after a quoted speaker's sentence, are that speaker's
                made.extend(_direct(q, index, "", speakers[-1]) for q in loose)
            elif number == 0 and opening_speaker:  # a quotation paragraph goes on from the last one
                made.extend(_direct(q, index, "", opening_speaker) for q in loose)
                story.continued[index] = opening_speaker
            elif (
                number == 1
                and not speakers
                and masked[s0] in _QUOTE_CHARS
                and (subject := _introducing_subject(masked, index, sentences[0], (s0, s1), story))
            ):
                # 'Sombat X, an activist, offered his own reading of the gesture. "Raising three
                # fingers has become a symbol."': the paragraph's subject introduces the quotation
                speaker = _Speaker(person=subject)
                made.extend(_direct(q, index, "", speaker) for q in loose)
                story.events.append(_Event(index, sentences[0][0], speaker, sentences[0][0]))
                speakers.append(speaker)
                quoted_before = number
            else:
                waiting.extend(loose)
            continue
        speaker = _resolve(paragraph, masked, index, attribution, story)
        if attribution.content and masked.startswith(_SUBORDINATORS, s0):
            speaker = _main_clause_subject(masked, s0, s1, attribution, story) or speaker
        if waiting and not speakers:
            # '"A." "B," he said.': quotations opening the paragraph are the first speaker's; so are
            # those of the sentence just before a bare attribution ('"...!" Trump tweeted.').
            opening = masked[s0] in _QUOTE_CHARS and masked[sentences[0][0]] in _QUOTE_CHARS
            owner = (
                speaker
                if opening or _bare_after_quote(masked, sentences, number, attribution, sentence_quotes)
                else _Speaker()
            )
            made.extend(_direct(q, index, "", owner) for q in waiting)
            waiting = []
        elif waiting and _bare_after_quote(masked, sentences, number, attribution, sentence_quotes):
            # 'They worry what they say will be used. "...?" Charpentier says.': after another speaker
            # too, the quotations waiting since are the bare attribution's
            made.extend(_direct(q, index, "", speaker) for q in waiting)
            waiting = []
        story.events.append(_Event(index, attribution.subject[0], speaker, s0, attribution.content))
        speakers.append(speaker)
        attributed_before = number
        if sentence_quotes:
            quoted_before = number
        said = _sentence_statements(paragraph, masked, index, attribution, sentence_quotes, speaker, s0)
        subject_end = attribution.subject[1]  # the participle's ending or a relative's "who", found in C first
        if masked.find("ing", subject_end, s1) != -1 or masked.find(" who ", subject_end, s1) != -1:
            then = _then_adding(paragraph, masked, index, s1, attribution, speaker)
            if then is not None:
                # 'he said, adding that a breakdown "would be unfortunate."': the quotation is the added clause's
                said = [s for s in said if not (s.kind == DIRECT and then.start <= s.start and s.end <= then.end)]
                said.append(then)
        made.extend(said)
        if masked.startswith(_OPENING_PARTICIPLES, s0):
            opening = _opening_participle(paragraph, masked, index, s0, attribution, speaker)
            if opening is not None:
                made.append(opening)
        first = _coordinated_first(paragraph, masked, index, s0, s1, attribution, sentence_verbs, speaker)
        if first is None and attribution.subject[0] > s0:
            first = _clause_before_pronoun(paragraph, masked, index, s0, attribution, sentence_verbs, story)
        if first is not None:
            made.append(first)
    if waiting:  # most paragraphs have no quotation waiting, and one statement or none (no sort)
        # Nobody said them: words enough to be a statement, or a quotation opening its sentence (not
        # scare quotes or a title inside one: 'Localities have "peace committees" to resolve disputes')
        made.extend(_direct(q, index, "", _Speaker()) for q in waiting if _may_stand_alone(masked, q))
    if len(made) > 1:
        made.sort(key=_START)
    return made


def _colon_speaker(masked: str, index: int, s0: int, quotes: list, story: _Story) -> tuple[_Speaker, int] | None:
    """A sentence with no speech verb whose named subject introduces a quotation with a colon:
    'Colin Reid of Stonewall also welcomed the vote: "..."', 'The outgoing Prime Minister Ana Lopes
    released a statement: "..."', '..., with Boswell stating: "..."'. The person named first, as
    the sentence's subject (after an opening circumstance, "In a comment to the Post,"), or right
    before an -ing word and the colon, speaks the quotation; a body or anyone else stays unknown.
    Returns the speaker and the colon's offset."""
    quote = next((q for q in quotes if _words(q.text) >= _DIRECT_WORDS), None)
    if quote is None:
        return None
    colon = masked.rfind(":", s0, quote.mark)
    if colon < 0 or masked[colon + 1 : quote.mark].strip():
        return None  # the common case: no colon right before the quotation
    mentions = [m for m in story.mentions.get(index, []) if s0 <= m[0] and m[1] <= colon]
    if not mentions:
        # 'He described his experiences: "..."': a pronoun opening the sentence, its verb after it
        pronoun = _PRONOUN_PREDICATE_RE.fullmatch(masked, s0, colon)
        if pronoun is None:
            return None
        speaker = _resolve_pronoun(pronoun.group(1).lower(), index, s0, story, None)
        return (speaker, colon) if speaker.person else None
    if _CAPTION_RE.fullmatch(masked, mentions[0][1], colon) and mentions[0][0] == s0:
        # 'Scott Gaudi, Professor of Astronomy, Ohio State University: "..."': a pull quote's name and title
        return _Speaker(person=mentions[0][2]), colon
    last = mentions[-1]
    if _COLON_PARTICIPLE_RE.fullmatch(masked, last[1], colon) and masked[max(s0, last[0] - 6) : last[0]].endswith(
        "with "
    ):
        return _Speaker(person=last[2]), colon  # "..., with Boswell stating:"
    person = _subject_person(masked, s0, colon, mentions)
    return (_Speaker(person=person), colon) if person else None


# "He described his experiences", "She put it bluntly": a pronoun, then a verb in lower case, and no
# comma, semicolon or colon before the quotation's colon (the whole sentence up to it: fullmatch).
_PRONOUN_PREDICATE_RE = re.compile(
    r"\s*(?:But\s+|And\s+)?(He|She)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|put|was|is)\b[^,;:]*"
)
# After a name: nothing, or a title between commas (capitalised words, "of", "and", "the").
_CAPTION_WORD = r"(?:[A-Z][\w.'’-]*|of|and|the|for|at)"
_CAPTION_RE = re.compile(rf"(?:,\s+{_CAPTION_WORD}(?:\s+{_CAPTION_WORD})*)*\s*")


def _in_words_of(masked: str, index: int, s0: int, quotes: list, story: _Story) -> tuple[_Speaker, int] | None:
    """ 'In Dr. Shadlen's words, "..."', 'In the words of Lord Baker, "..."': the person named there
    speaks the quotation that follows. Returns the speaker and where the introduction ends."""
    quote = quotes[0] if quotes else None
    if quote is None or not masked.startswith(("In ", "in "), s0):
        return None
    if _IN_WORDS_OF_RE.fullmatch(masked, s0, quote.mark) is None:
        return None
    mentions = [m for m in story.mentions.get(index, []) if s0 <= m[0] and m[1] <= quote.mark]
    return (_Speaker(person=mentions[-1][2]), quote.mark - 1) if len(mentions) == 1 else None


_IN_WORDS_OF_RE = re.compile(r"[Ii]n\s+(?:the\s+words\s+of\s+[^,;:]{2,60}|[^,;:]{2,60}['’]s?\s+(?:own\s+)?words),\s*")


def _subject_person(masked: str, s0: int, end: int, mentions: list[tuple[int, int, str]]) -> str | None:
    """The person named first in a sentence (s0 to end), when the name is its subject: after an
    opening circumstance at most, with a word in lower case (its verb) after it."""
    if not mentions:
        return None
    first = mentions[0]
    before = masked[s0 : first[0]]
    if "," in before:
        opening = before.lstrip(' "“')
        if not (_starts_with_intro(opening) or _TIME_OPENING_RE.match(opening)):
            return None  # "X, Y and Z": a list, or a clause before the subject
        before = before[before.rfind(",") + 1 :]
    words = before.split()
    if len(words) > 5 or any(w.lower() in _SUBJECT_STOPS for w in words):
        return None  # "Critics of Ana Lopes pointed to": the name is no subject
    if not _COLON_PREDICATE_RE.match(masked[first[1] : end]):
        return None  # "Ana Lopes's letter reads:", "Lopes and Reid wrote:": no one subject
    return first[2]


def _introducing_subject(
    masked: str, index: int, first: tuple[int, int], quoted: tuple[int, int], story: _Story
) -> str | None:
    """The named subject of a paragraph's first sentence, when that sentence reports nothing, holds no
    quotation and names no one else, and the quotation sentence after it has no words outside
    its quotation marks."""
    if any(mark in masked[first[0] : first[1]] for mark in _QUOTE_CHARS):
        return None
    mentions = [m for m in story.mentions.get(index, []) if first[0] <= m[0] < first[1]]
    if len({m[2] for m in mentions}) > 1:
        return None
    rest = _QUOTE_RE.sub("", masked[quoted[0] : quoted[1]])
    if rest.strip(" .,;:!?\n"):
        return None  # words of the story's own after the quotation
    if not mentions:  # "But, in remarks prepared for the ceremony, he warned against complacency. "..."
        subject = _clause_subject(masked, first[0], first[1])
        pronoun = masked[subject[0] : subject[1]].lower() if subject else ""
        if pronoun in ("he", "she"):
            return _resolve_pronoun(pronoun, index, subject[0], story, None).person
        return None
    return _subject_person(masked, first[0], first[1], mentions)


_TIME_OPENING_RE = re.compile(
    r"(?:Last|This|Next|Earlier|Later)\s+(?:year|month|week|night|summer|winter|spring|autumn)\b"
)
_SUBJECT_STOPS = _BOUNDARY_WORDS | _PREPOSITIONS | _CLAUSE_MARKERS | frozenset({"and", "or", "nor"})
# After the subject: a word in lower case (its verb, "also", "has", "from X"), perhaps after an aside
# (", a Y,"); not "and" (two subjects) nor "'s" (the subject's thing).
_COLON_PREDICATE_RE = re.compile(r"(?:,[^,:]+,)?\s+(?!(?:and|or|nor)\b)[a-z]")
_COLON_PARTICIPLE_RE = re.compile(r"\s+[a-z]+ing\s*")


# A closing quotation mark, then a verb of speech and a word: '"...," added brokers Phillips and Drew'.
_VERB_AFTER_QUOTE_RE = re.compile(
    rf"[\"”]\s+(?:{alternation(sorted(SPEECH_VERBS | REPORTING_VERBS['all']))})\s+[A-Za-z]"
)


def _names_speaker_after(masked: str, end: int, speakers: list[_Speaker | None]) -> bool:
    """The words after a quotation's verb name one of the speakers (by the last word of the name)."""
    after = masked[end : end + 80]
    return any(
        s is not None and s.person and re.search(rf"(?<![\w'’-]){re.escape(s.person.split()[-1])}(?![\w'’-])", after)
        for s in speakers
    )


# ", and its finance chief, X, told analysts that ...": a second subject and its own verb.
_COORDINATION_RE = re.compile(r",\s+(?:and|but|while)\s+(?=(?:its|his|her|their|the)\b|[A-Z])")
_COORDINATED_VERBS = frozenset({"said", "says", "told", "tells"})


def _coordinated_clauses(masked: str, sentences: list[tuple[int, int]], verbs: list[_Verb]) -> list[tuple[int, int]]:
    """Sentences, with one cut before a coordinated attribution of its own: "JPMorgan said A, and
    its finance chief, Carla Voss, told analysts that B" reports B as Voss's, not JPMorgan's. The
    second subject is a short noun phrase (its pieces no clause) right before "said" or "told"."""
    starts = [v.start for v in verbs]
    clauses = []
    for s0, s1 in sentences:
        cut = s0
        for match in _COORDINATION_RE.finditer(masked, s0, s1):
            if bisect_left(starts, match.start()) == bisect_left(starts, cut):
                continue  # no verb before it in this clause: "X and Y said"
            following = bisect_left(starts, match.end())
            if following == len(verbs) or verbs[following].start >= s1:
                break
            verb = verbs[following]
            subject = masked[match.end() : verb.start]
            if verb.text not in _COORDINATED_VERBS or len(subject.split()) > 10 or not subject.strip():
                continue
            if any(_piece_kind(p.strip()) != "phrase" for p in subject.split(",") if p.strip()):
                continue
            clauses.append((cut, match.start() + 1))
            cut = match.end()
        clauses.append((cut, s1))
    return clauses


def _coordinated_first(paragraph, masked, index, s0, s1, attribution, verbs, speaker) -> StatementMention | None:
    """ "Baker noted that A, and said B": the subject's first verb reports A as well."""
    subject_end = attribution.subject[1]
    chosen = None
    for verb in verbs:  # a loop, not next() of a generator: this runs for every attribution
        if verb.text == attribution.verb and verb.start >= subject_end:
            chosen = verb
            break
    if chosen is None or not masked[max(subject_end, chosen.start - 12) : chosen.start].rstrip().endswith(
        ("and", "but", "also")
    ):
        return None  # the common case: no "and" before the verb
    joint = _AND_BEFORE_RE.search(masked, subject_end, chosen.start)
    if joint is None:
        return None
    first = next(
        (v for v in verbs if subject_end <= v.start < joint.start() and v.text not in _PARTICIPLES),
        None,
    )
    if first is None or _is_not_speech(masked, s0, joint.start(), first):
        return None
    between = masked[subject_end : first.start]
    if between.strip(" ,") and not _TRAILING_WORDS_RE.fullmatch(between):
        return None  # "X, who met Y, noted ...": only words like "also" between subject and verb
    content = _content_after(masked, first, joint.start())
    if content is None or _unquoted_words(masked, content) < _CLAUSE_WORDS:
        return None
    return _statement(INDIRECT, paragraph[content[0] : content[1]], index, content[0], first.text, speaker)


# Words of a speaker in the first person (case matters: "US" is a country, "I" only a capital).
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|we|we['’](?:re|ve|d|ll)|our|us)\b")

# Before a participle they make it an adjective: "comes with added costs", "its stated aim", "the
# reported loss", "an alleged plot": no one speaks there.
_ADJECTIVE_WORDS = frozenset("with a an the no any its their his her our of for at".split())


def _after_adjective_word(masked: str, start: int) -> bool:
    before = masked.rfind(" ", 0, start - 1)
    word = masked[before + 1 : start - 1]
    if word.endswith(("'s", "’s")) and word[:1].islower() and word[:-2] not in _CONTRACTED_SUBJECTS:
        # "the state's confirmed caseload", "this week's estimated arrivals" (not "it's confirmed",
        # nor a name: "Moody's noted")
        return True
    return word.lower() in _ADJECTIVE_WORDS


_CONTRACTED_SUBJECTS = frozenset("it he she that there who what here".split())


def _clause_before_pronoun(paragraph, masked, index, s0, attribution, verbs, story) -> StatementMention | None:
    """ "Crowe predicted Iran will retaliate though he said its options were limited": a pronoun's
    attribution after a conjunction leaves the clause before it with an attribution of its own."""
    a, b = attribution.subject
    if masked[a:b].lower() not in _PRONOUNS:
        return None
    if not masked[s0:a].rstrip().endswith(_CONJUNCTIONS):
        return None  # the common case (the search would try every place of the sentence)
    joint = _CONJUNCTION_BEFORE_RE.search(masked, s0, a)
    if joint is None:
        return None
    for verb in verbs:
        if verb.start >= joint.start() or verb.text in _PARTICIPLES:
            continue
        found = _attribution_by(verb, masked, s0, joint.start(), story)
        if found is None or found.content is None or _unquoted_words(masked, found.content) < _CLAUSE_WORDS:
            continue
        speaker = _resolve(paragraph, masked, index, found, story)
        story.events.insert(len(story.events) - 1, _Event(index, found.subject[0], speaker, s0, found.content))
        text = paragraph[found.content[0] : found.content[1]]
        return _statement(INDIRECT, text, index, found.content[0], verb.text, speaker)
    return None


_CONJUNCTION_BEFORE_RE = re.compile(r"(?:,\s*|\s+)(?:though|although|while|whereas|and|but)\s+$")
_CONJUNCTIONS = ("though", "while", "whereas", "and", "but")  # what it finds ends with, less its spaces: tested first
_AND_BEFORE_RE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?$")


def _then_adding(paragraph, masked, index, s1, attribution, speaker) -> StatementMention | None:
    """ "Gold from South Africa will not be used, officials said, adding that bullion would be bought
    on the world market": the clause after the participle is a statement of its own (a quotation
    after it is read as a direct one)."""
    content = attribution.content
    if attribution.verb == "according to":
        return None  # "Ontario was pushing to regulate according to function, arguing ...": nobody spoke
    # after the reported words, or after the subject ('X said in a statement, "...", adding that ...')
    start = max(content[1], attribution.subject[1]) if content else attribution.subject[1]
    if masked.find("ing", start, s1) == -1 and masked.find(" who ", start, s1) == -1:
        return None  # the common case: no participle (nor a relative) after the statement
    return _added_after(paragraph, masked, index, start, s1, speaker)


def _added_after(paragraph, masked, index, start, end, speaker) -> StatementMention | None:
    """The clause after ", adding that" (or "noting", "warning" ...) between start and end, a
    statement of its own; none before a quotation (read as a direct one) or a clause too short.
    So is the clause of a relative after the speaker's name: '"...," said Raymond Ocampo, a fund
    manager, who added that he expected volatility to stay high'."""
    then = _THEN_ADDING_RE.search(masked, start, end)
    if then is None and " who " in masked[start:end]:
        then = _WHO_ADDED_RE.search(masked, start, end)
    if then is None or masked[then.end()] in _QUOTE_CHARS:
        return None
    span = _trim(masked, then.end(), end)
    if span is None or _unquoted_words(masked, span) < _CLAUSE_WORDS:
        return None
    if masked.startswith(_MANNER_OPENERS, span[0]):
        return None  # '"Yes," Prelogar said, adding with a bit of cheek.': how, not what
    if then.group(1) == "adding" and _ADDING_A_THING_RE.match(masked, span[0] - 1, end):
        return None  # "..., he said, adding to pressure on the bank": what it did, no words
    return _statement(INDIRECT, paragraph[span[0] : span[1]], index, span[0], then.group(1), speaker)


_MANNER_OPENERS = ("with ", "without ", "in a ", "in an ")


def _opening_participle(paragraph, masked, index, s0, attribution, speaker) -> StatementMention | None:
    """ "Noting that on Earth a bacterium can survive on acetylene, Malaska asked, ...": the clause of
    a participle that opens the sentence is what its subject said too."""
    opening = _OPENING_PARTICIPLE_RE.match(masked, s0, attribution.subject[0])
    if opening is None:
        return None
    comma = masked.rfind(",", opening.end(), attribution.subject[0])
    span = _trim(masked, opening.end(), comma) if comma > opening.end() else None
    if span is None or _unquoted_words(masked, span) < _CLAUSE_WORDS:
        return None
    return _statement(INDIRECT, paragraph[span[0] : span[1]], index, span[0], opening.group(1).lower(), speaker)


_OPENING_PARTICIPLES = tuple(word.capitalize() for word in _ADDING_PARTICIPLES)  # "Noting", "Adding" ...
_OPENING_PARTICIPLE_RE = re.compile(rf"({'|'.join(_OPENING_PARTICIPLES)})\s+that\s+")
_THEN_ADDING_RE = re.compile(rf",\s+({'|'.join(_ADDING_PARTICIPLES)})\s+(?:that\s+)?(?=[^\s:])")
_WHO_ADDED_RE = re.compile(
    r"\s+who\s+(?:also\s+)?(said|added|noted|explained|warned|stressed|argued)\s+(?:that\s+)?(?=[^\s:])"
)


def _clause_around_quote(masked: str, start: int, mark: int, quote_end: int = -1, end: int = -1) -> bool:
    """The words before a quotation inside a reported clause make a clause with it: four words or
    more, or three that end in a verb ('his visit was "part of the business"'), not a bare
    subject ('the alliance "must strengthen its tools"': the quotation is the statement); a
    name and an auxiliary ('Poland was "trying to shift responsibility"'). A
    quoted subject with the clause's verb after it is one too ('Yoon's "illegal declaration of
    martial law" had caused chaos')."""
    words = _unquoted_words(masked, (start, mark))
    if words >= _DIRECT_WORDS:
        return True
    if words and 0 <= quote_end < end:  # the quotation is the subject: an auxiliary opens what follows it
        after = masked[quote_end:end].lstrip(' ”"’').split(None, 1)
        if after and after[0] in _AUXILIARIES and _unquoted_words(masked, (quote_end, end)) >= _CLAUSE_WORDS:
            return True
    before = masked[start:mark].split()
    if words == 2 and len(before) == 2 and before[1] in _AUXILIARIES:
        # 'Poland was "trying to shift responsibility"': a name and an auxiliary (not 'they had
        # "serious and continuing concerns"', a pronoun owning what the quotation says)
        return before[0][:1].isupper() and before[0].lower() not in _PRONOUNS
    return words >= _CLAUSE_WORDS and bool(before) and before[-1] in _AUXILIARIES


def _is_short_reply(masked: str, quote: _Quote, attribution: _Attribution) -> bool:
    """'"Done," Trump said.', '"Probably," said Trump, before ...': a reply of a word or two that
    opens its sentence, its speaker right after it, is what that speaker said (a quotation this
    short inside a sentence is a title or scare quotes: 'called agents "pimps"')."""
    if quote.text[-1:] not in (",", "?", "!"):
        return False  # the common case: no comma, question or exclamation mark closing the words
    if masked[: quote.mark].rstrip()[-1:] not in ("", ".", "!", "?", *_CLOSING_MARKS):
        return False  # the quotation does not open its sentence
    between = masked[quote.end : attribution.subject[0]].strip(" " + _CLOSING_MARKS)
    return between in ("", attribution.verb)  # the speaker or the verb right after the closing mark


def _may_stand_alone(masked: str, quote: _Quote) -> bool:
    """A quotation with no speaker is a statement when it has words enough or opens its sentence."""
    if _words(quote.text) >= _DIRECT_WORDS:
        return True
    return masked[: quote.mark].rstrip()[-1:] in ("", ".", "!", "?", ":", *_CLOSING_MARKS)


def _is_short_attribution(masked: str, sentence: tuple[int, int], verb_starts: list[int]) -> bool:
    """A sentence of a few words holding a verb and no quotation: "Schiff asked.", "Trump tweeted."."""
    s0, s1 = sentence
    text = masked[s0:s1]
    if len(text.split()) > 8 or any(c in text for c in _QUOTE_CHARS):
        return False
    return bisect_left(verb_starts, s0) < bisect_left(verb_starts, s1)


def _bare_after_quote(masked, sentences, number, attribution, quotes) -> bool:
    """'"So it's fair to say you have not fixed it?" Schiff asked.': the sentence before ends with
    a quotation and this one says nothing more than who spoke."""
    if number == 0 or quotes:
        return False
    previous = masked[sentences[number - 1][0] : sentences[number - 1][1]].rstrip()
    if previous[-1:] not in _CLOSING_MARKS:
        return False  # the common case, tested before the regex
    content = attribution.content
    return content is None or _CIRCUMSTANCE_ONLY_RE.match(masked, content[0], content[1]) is not None


def _is_title(text: str) -> bool:
    """ "Meet the Press", "This Week With David Brinkley": a title quoted, not words spoken."""
    text = text.rstrip(" ,")
    if text[-1:] in ".!?":
        return False  # the common case, words spoken (checked before the words are split)
    words = text.split()
    if len(words) < 2:
        return False
    long = [w for w in words if len(w) > 3]
    if len(long) >= 2:
        return all(w[0].isupper() for w in long)
    # Short words only, or one long one: a title only if every other word is capitalised or a title's
    # small word ("War & Peace", "the Voice", "I Do"), not "When I was 54 I got fat" nor "I was fat"
    return all(w[0].isupper() or not w[0].isalpha() or w in _TITLE_SMALL_WORDS for w in words)


_TITLE_SMALL_WORDS = frozenset("a an the of and in on to for with at by".split())


def _paragraph_speaker(speakers: list[_Speaker]) -> _Speaker:
    """The one speaker of the paragraph so far; nobody when it has two."""
    distinct = {(s.person, s.organisation) if s.person or s.organisation else s.label for s in speakers}
    return speakers[0] if len(distinct) == 1 else _Speaker()


def _opening_speaker(paragraph: str, index: int, story: _Story) -> _Speaker | None:
    """A paragraph opening with a quotation continues the speaker of the paragraph before it."""
    last = story.events[-1] if story.events else None
    if paragraph.lstrip()[:1] not in _QUOTE_CHARS or last is None:
        return None
    heading = paragraph.strip()
    if len(heading) <= _QUOTED_HEADING_CHARS and _QUOTED_HEADING_RE.fullmatch(heading):
        return None  # '"Not some irregular channel"': a heading that quotes the section after it
    previous = story.previous[index]
    if _ends_with_question(story.document.paragraphs[previous]):
        return None  # '"Do you dispute that?" Alito asked.' then '"No," ...': the answer is another's
    if last.paragraph == previous:
        return last.speaker
    if last.paragraph == story.previous.get(previous) and _is_caption(story.document.paragraphs[previous]):
        return last.speaker  # a photo's caption between the speaker's paragraph and this one
    # After 'X said:' a run of paragraphs that are quotations keeps X.
    return story.continued.get(previous) if story.continued.get(previous) is last.speaker else None


def _ends_with_question(paragraph: str) -> bool:
    """The paragraph's last quotation is a question."""
    close = max(paragraph.rfind('"'), paragraph.rfind("”"))
    return close > 0 and paragraph[close - 1] == "?"


def _is_caption(paragraph: str) -> bool:
    """A photo's caption printed between paragraphs of a page ("Hori Parata at his farm, where he was
    born"): short, no quotation, no sentence's end, but longer than a subhead ("What happens next"),
    which opens a new section."""
    return (
        len(paragraph) <= _CAPTION_CHARS
        and paragraph.count(" ") >= _CAPTION_WORDS - 1
        and paragraph.rstrip()[-1:].isalnum()
        and not any(mark in paragraph for mark in _QUOTE_CHARS)
    )


_CAPTION_CHARS = 250
_CAPTION_WORDS = 10


# A paragraph that is one short quotation with no full stop, inside or after it: a heading.
_QUOTED_HEADING_RE = re.compile(r"[\"“‘'][^\"“”.!?;]{1,100}[^\"“”.!?;,\s][\"”’']")
_QUOTED_HEADING_CHARS = 103  # the longest text it matches whole: a longer paragraph is not tried


# ", adding:" right before a quotation: the reported clause before it ends there.
_THEN_QUOTING_RE = re.compile(r",\s+(?:adding|warning|saying|noting|explaining|insisting|stressing|declaring)\s*:?\s*$")


def _sentence_statements(paragraph, masked, index, attribution, quotes, speaker, s0=0) -> list[StatementMention]:
    """Long quotations are direct statements; otherwise the reported clause is an indirect one."""
    verb = attribution.verb
    content = attribution.content
    long_quotes = [q for q in quotes if _words(q.text) >= _DIRECT_WORDS] if quotes else []
    if (
        content
        and masked[content[0] : content[0] + 1] in _CIRCUMSTANCE_FIRST
        and _CIRCUMSTANCE_ONLY_RE.match(masked, content[0], content[1])
        and not masked[max(0, content[0] - 7) : content[0]].rstrip(" ,").endswith("that")  # "said that, under X, ..."
    ):
        content = None  # '"...," Trump tweeted before Election Day.': when, not what
    elif (
        content
        and masked.startswith(_MANNER_WORDS, content[0])
        and _MANNER_RE.match(masked, content[0])
        and masked[content[1] : content[1] + 2].lstrip()[:1] == ":"
    ):
        words = masked[content[0] : content[1]].split()
        if len(words) <= 6 and _CLAUSE_MARKERS.isdisjoint(words):
            content = None  # 'Obama tweeted using his @POTUS account:': how; the words follow the colon
    if not long_quotes:
        unquoted = _unquoted_words(masked, content)
        if unquoted >= _CLAUSE_WORDS or (unquoted and unquoted + _quoted_words(quotes, content) >= _CLAUSE_WORDS):
            # 'said it came "too slowly."': a clause that quotes a few of its words is one statement
            return [_statement(INDIRECT, paragraph[content[0] : content[1]], index, content[0], verb, speaker)]
        made = (
            [_direct(q, index, verb, speaker) for q in quotes if _words(q.text) >= _STANDALONE_WORDS] if quotes else []
        )
        if not made and len(quotes) == 1 and _is_short_reply(masked, quotes[0], attribution):
            made = [_direct(quotes[0], index, verb, speaker)]
        return made
    inside = [q for q in long_quotes if content and content[0] < q.mark and q.end <= content[1]]
    if (
        inside
        and _clause_around_quote(masked, content[0], inside[0].mark, inside[0].end, content[1])
        and not _coordinated(masked[content[0] : inside[0].mark])
    ):
        # 'SIMEX said the contracts would be based on futures and be started "toward the third
        # quarter."': a quotation inside the reported clause is part of one indirect statement.
        made = [_statement(INDIRECT, paragraph[content[0] : content[1]], index, content[0], verb, speaker)]
        return made + [_direct(q, index, verb, speaker) for q in long_quotes if q not in inside]
    first = long_quotes[0]
    if (
        content
        and content[0] > attribution.subject[1]
        and long_quotes[-1].end <= attribution.subject[0]
        and masked.startswith(_SUBORDINATORS, s0)
        and _SUBORDINATOR_RE.match(masked, s0)
        and _unquoted_words(masked, content) >= _CLAUSE_WORDS
    ):
        # 'While the "Meth. We're on it." campaign did not appeal to Julie Graham, she said she did not
        # want to judge it': the quotation stands in the writer's clause; the speaker reports the rest
        return [_statement(INDIRECT, paragraph[content[0] : content[1]], index, content[0], verb, speaker)]
    made = [_direct(q, index, verb, speaker) for q in long_quotes]
    if len(long_quotes) == 1 and content and content[1] <= first.mark and first.end <= attribution.subject[0]:
        joined = _clause_into_quotation(paragraph, masked, s0, first)
        if joined is not None:
            # 'The outages have been "terribly disruptive" and PG&E is taking steps ... but at the
            # moment, "we won't roll the dice on public safety," CEO Andy Vesey said.': one statement
            return [_statement(INDIRECT, paragraph[s0:joined], index, s0, verb, speaker)]
    if content and content[0] < first.mark and (lead := _THEN_QUOTING_RE.search(masked, content[0], first.mark)):
        # 'Liu said that the army could be deployed, warning: "They are already there."': the clause
        # is reported as well as the quotation
        end = min(lead.start(), content[1])  # "CLAUSE, X said, adding:": the clause ends before its speaker
        if _unquoted_words(masked, (content[0], end)) >= _CLAUSE_WORDS:
            made.append(_statement(INDIRECT, paragraph[content[0] : end], index, content[0], verb, speaker))
    last = long_quotes[-1]
    if content and content[0] <= last.mark and content[1] > last.end and masked.find("ing", last.end, content[1]) > 0:
        # 'Morrison said in a statement, "We are pleased" at the release, adding that the family had
        # asked to convey its relief': what was added after the quotation is reported too
        added = _added_after(paragraph, masked, index, last.end, content[1], speaker)
        if added is not None:
            made.append(added)
    if content and content[0] <= last.mark and content[1] > last.end:
        # 'Mason said "Parliament is not reflecting opinion" and the public was more divided ...':
        # a clause joined to the quotation by "and" is reported too
        joined = _AND_CLAUSE_AFTER_QUOTE_RE.match(masked, last.end, content[1])
        if (
            joined
            and _CLAUSE_AFTER_RE.match(masked, joined.end(), content[1])
            and not any(mark in masked[joined.end() : content[1]] for mark in _QUOTE_CHARS)
            and not _VERB_RE.search(masked, joined.end(), content[1])  # "and she urged ... to": its own verb
            and _unquoted_words(masked, (joined.end(), content[1])) >= _DIRECT_WORDS
        ):
            text = paragraph[joined.end() : content[1]]
            made.append(_statement(INDIRECT, text, index, joined.end(), verb, speaker))
    if (
        content
        and content[0] >= long_quotes[-1].end
        and _AND_SAID_BEFORE_RE.search(masked, max(0, content[0] - 24), content[0])
        and _CLAUSE_AFTER_RE.match(masked, content[0], content[1])
        and _unquoted_words(masked, content) >= _CLAUSE_WORDS
    ):
        # 'X called the parade "a tradition ..." and said the city would hold a vigil': the clause
        # after the verb is reported too
        made.append(_statement(INDIRECT, paragraph[content[0] : content[1]], index, content[0], verb, speaker))
    # "a fair pact would be hard to negotiate, but, "We are determined to do it."": two statements.
    if content and content[0] < long_quotes[0].mark <= content[1]:
        head = masked[content[0] : long_quotes[0].mark]
        coordinated = _coordinated(head)
        if coordinated:
            text = paragraph[content[0] : content[0] + coordinated.start()].rstrip(" ,")
            if _words(text) >= _DIRECT_WORDS:
                made.insert(0, _statement(INDIRECT, text, index, content[0], verb, speaker))
    return made


def _clause_into_quotation(paragraph: str, masked: str, s0: int, quote: _Quote) -> int | None:
    """Where the statement ends when the sentence's words run on into its quotation, its speaker
    after it: four words or more before the mark (no colon, no intro), and the quotation going on
    with the clause (a lower-case word first, or no comma before the mark: 'took account of
    security needs and "Syria's role in liberation," he said'); None otherwise."""
    head = masked[s0 : quote.mark].rstrip()
    if ":" in head or _unquoted_words(masked, (s0, quote.mark)) < _DIRECT_WORDS or _starts_with_intro(head):
        return None
    first_letter = quote.text.lstrip(" ‘'")[:1]
    if head.endswith(",") and not first_letter.islower():
        return None  # 'In Washington, where talks began, "It is dead," he said': a quotation of its own
    end = len(paragraph[: quote.end].rstrip(" ,"))
    return end + 1 if paragraph[quote.end : quote.end + 1] in ("”", '"') and end == quote.end else end


_SUBORDINATORS = ("While", "Although", "Though", "When", "If", "Because", "Since", "After", "Before", "Whereas")
_SUBORDINATOR_RE = re.compile(rf"(?:{'|'.join(_SUBORDINATORS)})\s")
_MANNER_WORDS = ("using", "via", "through", "with")  # a test before the regex, which adds the space after
_MANNER_RE = re.compile(rf"(?:{'|'.join(_MANNER_WORDS)})\s")
# ('said "..." and that ...' goes on with the same statement, as the gold reads it)
_AND_CLAUSE_AFTER_QUOTE_RE = re.compile(r"[”\"]?\s*,?\s+and\s+(?=(?:the|a|an|it|he|she|they|we|[A-Z])\b)")
_AND_SAID_BEFORE_RE = re.compile(r"\s(?:and|but)\s+(?:also\s+)?(?:said|says|added|adds)\s+(?:that\s+)?$")


# --- Finding the attribution --------------------------------------------------------------------


def _attribution(masked: str, s0: int, s1: int, verbs: list[_Verb], story: _Story) -> _Attribution | None:
    """The attribution of a sentence. A verb that ends it frames all of it ("Lawson has told
    Funaro that ..., a Treasury spokesman said."); then main verbs before "added" and "saying"."""
    if not verbs:
        return None
    if len(verbs) > 1:  # one verb (the common case) needs no sort key
        # A verb inside a closed aside ("X, who said ..., said ...") after the subject's own verb
        who = masked.find(", who ", s0, s1) != -1
        # "After Russia said in March that ..., Clinton said that ...": the main clause's verb first
        opening = masked.find(",", s0, s1) if masked.startswith(_SUBORDINATORS, s0) else -1
        if opening != -1 and not any(v.start > opening and _opens_main_clause(masked, opening, v) for v in verbs):
            opening = -1  # no verb of the main clause reports ("..., when it first announced it, the date is")
        verbs = sorted(
            verbs,
            key=lambda v: (
                not _ends_sentence(masked, v, s1),
                who and _relative_clause_end(masked, s0, s1, v) < s1,
                v.start < opening,
                _verb_rank(v.text),
                v.start,
            ),
        )
    for verb in verbs:
        found = _attribution_by(verb, masked, s0, s1, story)
        if found is None:
            continue
        # "he noted the official communique said ...": the verb just before the subject reports it all.
        outer = None
        if len(verbs) > 1:  # one verb (the common case): no other verb, no generator to run
            at = found.subject[0]
            outer = next(
                (v for v in verbs if v is not verb and 0 <= at - v.end <= 6 and v.text not in _PARTICIPLES), None
            )
        if outer is not None and _THAT_RE.fullmatch(masked, outer.end, found.subject[0]):
            found = _attribution_by(outer, masked, s0, s1, story) or found
        elif _ends_sentence(masked, verb, s1) and found.content and found.content[1] <= found.subject[0]:
            found = _relayed(masked, s0, s1, verbs, verb, found, story) or found
        elif verb.text == "according to" and found.content and found.content[0] > found.subject[1]:
            found = _relayed(masked, s0, s1, verbs, verb, found, story) or found
        return found
    return None


def _opens_main_clause(masked: str, opening: int, verb: _Verb) -> bool:
    """The verb's clause starts at the comma closing an opening subordinate clause, or after a later
    comma, and no clause word ("when", "which", "as") opens it."""
    clause = masked[max(opening, masked.rfind(",", opening, verb.start)) + 1 : verb.start].split()
    return 0 < len(clause) <= 12 and not any(word in _BOUNDARY_WORDS or word in ("who", "and") for word in clause)


def _relayed(masked, s0, s1, verbs, frame, found, story) -> _Attribution | None:
    """ "Sondland said he had relayed that aid might be freed, Morrison testified." and "According to
    the Herald, Professor X, the panel's chairman, said ...": the one who said it is the speaker of
    the reported clause, the one at the end (or the source it is according to) only relays it."""
    for verb in verbs:
        if verb is frame or verb.text not in _RELAYED_VERBS or not found.content[0] < verb.start < found.content[1]:
            continue  # "Lawson has told Funaro that ..., a spokesman said": the spokesman says what was told
        inner = _attribution_by(verb, masked, s0, s1, story)
        if inner is None or _clean_subject(masked[inner.subject[0] : inner.subject[1]]).lower() in _PRONOUNS:
            continue  # "He said ..., minister X said": he is X
        if not _names_someone(masked, inner.subject, story):
            continue
        if len(masked[found.content[0] : inner.subject[0]].split()) > 2:
            continue  # the inner verb's subject must open the reported clause
        if inner.content:
            inner.content = _trim(masked, inner.content[0], min(inner.content[1], found.content[1]))
        return inner
    return None


# The inner verb of a relayed report: "Sondland said ..., Morrison testified", "Uribe insisted that
# ..., he said" (not "told": 'Lawson has told Funaro that ..., a spokesman said' is the spokesman's).
_RELAYED_VERBS = frozenset({"said", "says", "insisted", "insists", "argued", "argues", "maintained", "maintains"})
_THAT_RE = re.compile(r"\s*(?:that\s*)?")


def _attribution_by(verb: _Verb, masked: str, s0: int, s1: int, story: _Story) -> _Attribution | None:
    if masked.find(", who ", s0, verb.start) != -1:  # the test first: most sentences have no such aside
        s1 = _relative_clause_end(masked, s0, s1, verb)
    if (
        verb.text in _PARTICIPLES
        and masked.endswith("ing", 0, verb.end)
        and (masked.startswith(",", verb.end) or masked.startswith(" that ", verb.end))
    ):
        progressive = _PROGRESSIVE_ASIDE_RE.search(masked, max(s0, verb.start - 30), verb.start)
        if progressive:
            # "The team, some Republicans are already saying, ran banal ads": their aside; "As cases
            # rise, experts are warning that halls are too full": theirs, a finite verb's report
            return _finite(masked, s0, s1, _Verb(verb.text, progressive.start(), verb.end), story)
    if _is_not_speech(masked, s0, s1, verb):
        return None
    if verb.text == "according to":
        return _according_to(masked, s0, s1, verb)
    if verb.text in _PARTICIPLES:
        if verb.text == "stating" and not masked[s0 : verb.start].rstrip().endswith(","):
            return None  # "sent a letter to the board stating he was committed": the letter's words
        return _participle(masked, s0, s1, verb, story)
    return _finite(masked, s0, s1, verb, story)


def _relative_clause_end(masked: str, s0: int, s1: int, verb: _Verb) -> int:
    """ "Assange, who denies the accusation, has avoided extradition": a verb inside an aside that
    opens with ", who" says nothing past the aside's closing comma, where the subject's own verb
    goes on ("has avoided", "met bankers"). The sentence's end, or that comma."""
    if masked.rfind(", who ", s0, verb.start) == -1 or not _IN_WHO_ASIDE_RE.search(masked, s0, verb.start):
        return s1
    closing = _ASIDE_CLOSED_RE.search(masked, verb.end, s1)
    return closing.start() if closing else s1


# ", who said", ", who earlier said", ", who has long argued": the verb opens the aside.
_IN_WHO_ASIDE_RE = re.compile(r",\s+who\s+(?:[a-z]+\s+){0,2}$")
# The aside's closing comma: the subject's verb follows (an auxiliary, "also", a past tense not
# opening a participle phrase such as "based in", a common irregular past).
_ASIDE_CLOSED_RE = re.compile(
    r",\s+(?:has|have|had|is|was|are|were|will|would|could|can|may|might|must|should|did|does|also|then|"
    r"met|told|said|says|made|took|gave|went|saw|became|led|won|lost|left|spent|got|sent|held|kept|came|"
    r"began|brought|thought|found|put|ran|[a-z]+ed(?!\s+(?:by|in|on|at|to|from|with|for|as|into|under|near)\b))\s"
)


def _ends_sentence(masked: str, verb: _Verb, s1: int) -> bool:
    return verb.text not in _PARTICIPLES and _SENTENCE_TAIL_RE.fullmatch(masked, verb.end, s1) is not None


_SENTENCE_TAIL_RE = re.compile(
    r"(?:\s+(?:today|yesterday|recently|earlier|later|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"last\s+week|this\s+week))*"
    r"(?:,\s+without\s+[a-z]+ing\b[^,;:\"“”]*)?[\s.]*"  # "..., it said, without citing its sources."
)


def _framed_subject(masked: str, s0: int, verb: _Verb) -> bool:
    """ "CLAUSE, the staff concluded.": a short subject between the reported words' comma (or
    quotation mark) and the verb, opened by no clause word ("as", "than", "which")."""
    cut = max(masked.rfind(mark, s0, verb.start) for mark in ',"”')
    if cut < 0:
        return False
    words = masked[cut + 1 : verb.start].split()
    return 0 < len(words) <= 8 and not any(w.lower() in _BOUNDARY_WORDS for w in words)


_OBJECT_THEN_NAME_RE = re.compile(r"\s*(?:a|an|the)\s+([a-z]+)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*")
_ARTICLES = frozenset("the a an his her their its some".split())  # opening a subject after "who"
_RELATIVE_THEN_SUBJECT_RE = re.compile(r"\s*(?:who|whom|which)\s+([\w'’.-]+)\b")
_CAPITALS_NAME_RE = re.compile(r"\b[A-Z]{2,}(?:[-'’][A-Z]+)?(?:\s+[A-Z]{2,}(?:[-'’][A-Z]+)?)+\b")  # a name in capitals
_ADDING_A_THING_RE = re.compile(r"\s+(?:pressure|weight|fuel|value|insult|momentum|urgency|jobs|capacity|up|to)\b")
_NOUN_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:[Dd]espite|[Aa]mid|[Aa]midst|of|about|[Ff]ollowing|over|against|"
    r"(?:[Aa]ccording\s+to|[Cc]iting)(?:\s+[\w'’.-]+){0,4})\s+$"
)
_PRONOUN_ASIDE_RE = re.compile(r",\s+(?:he|she|they)\s+$")


def _after_reported_words(masked: str, s0: int, s1: int, verb: _Verb) -> bool:
    """'"...," agreed Chase Manhattan's Marshall.': the verb right after the reported words (a
    comma or a closing quotation), its subject after it and nothing else."""
    head = masked[s0 : verb.start].rstrip()
    if not head.endswith((",", *_QUOTE_CHARS)) or len(head.split()) < _CLAUSE_WORDS:
        return False
    subject = _noun_phrase_after(masked, verb.end, s1)
    return subject is not None and _SENTENCE_TAIL_RE.fullmatch(masked, subject[1], s1) is not None


def _verb_rank(verb: str) -> int:
    return 0 if verb in _MAIN_VERBS else 2 if verb in _PARTICIPLES else 1


# A sentence opened by "As" and its source: "As Emily Feng reports for NPR, ...", "But as X noted, ...".
_AS_SOURCE_RE = re.compile(r"\s*[\"“]?(?:(?:But|And)\s+as|As)\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}?\s*")


# Verbs of group [end] that are plural nouns as often: at the end of a sentence they report only
# when a name or a pronoun is all their subject ("..., de Miranda notes.", "..., she notes."), not
# "..., the company redeemed its Treasury notes." (a thing).
_NOUN_FRAME_VERBS = frozenset({"notes", "comments"})


# Verbs of group [that] that are plural nouns as often: they report after a name or a pronoun only.
_NOUN_THAT_VERBS = frozenset({"claims", "reports", "states", "comments"})


def _words_before_verb(masked: str, s0: int, verb: _Verb) -> list[str]:
    """The words right before the verb, from the sentence's start or its last comma or quotation mark."""
    cut = max(s0 - 1, *(masked.rfind(mark, s0, verb.start) for mark in ',"”'))
    return masked[cut + 1 : verb.start].split()


def _name_or_pronoun_before(masked: str, s0: int, verb: _Verb) -> bool:
    """ "Prince Andrew claims", "Wee of the Times reports", "The Associated Press reports", "she
    claims": the words right before the verb (from the sentence's start or a comma) are a pronoun or
    a name in capitals, not a nationality ("Iranian claims that")."""
    words = _words_before_verb(masked, s0, verb)
    if len(words) == 1 and words[0].lower() in ("he", "she", "they", "it"):
        return True
    if not 0 < len(words) <= 6 or not words[-1][:1].isupper() or (len(words) == 1 and country_code(words[0])):
        return False
    if words[-1] in ("The", "A", "An"):
        return False  # "The comments that he made": an article, no name
    # (a role before the name too: "the economist Joseph Stiglitz comments that")
    return all(w[:1].isupper() or w in ("of", "the", "and", "for") or is_role_word(w) for w in words)


def _named_frame(masked: str, s0: int, verb: _Verb) -> bool:
    """ "..., Hoenig notes.", "..., he comments.": a name or a pronoun frames the words before it."""
    words = _words_before_verb(masked, s0, verb)
    if len(words) == 1 and words[0] in ("he", "she", "they"):
        return True
    return bool(words) and all(w[:1].isupper() or w in PARTICLES for w in words)


def _is_not_speech(masked: str, s0: int, s1: int, verb: _Verb) -> bool:
    """ "refused to say", "was said to", "easier said than done", "told the banks to stop",
    "Washington announced plans"."""
    if (
        verb.text in _NOUN_THAT_VERBS
        and _THAT_AFTER_RE.match(masked, verb.end, s1)
        and not _name_or_pronoun_before(masked, s0, verb)
    ):
        return True  # "insurance claims that exceed", "on press reports that": plural nouns
    if _AS_SOURCE_RE.fullmatch(masked, s0, verb.start) and 0 <= masked.find(",", verb.end, s1) <= verb.end + 40:
        return False  # "As Emily Feng reports for NPR, the first cases came to light": the source, then the words
    if masked.startswith("By ", s0) and _by_doing(masked, s0, verb):
        return True  # "By lowering county posted prices for corn, the USDA could ...": how, not who spoke
    if masked.startswith(",", verb.end) and _PRONOUN_ASIDE_RE.search(masked, s0, verb.start):
        # "Simultaneously, he continued, Government has reduced VAT", "Governments will have to impose
        # carbon fees, they argue, adding ...": a pronoun's aside between commas reports
        return False
    if (
        verb.text[-1] == "s"
        and verb.text != "says"
        and _NOUN_AFTER_PREPOSITION_RE.search(masked, max(s0, verb.start - 60), verb.start)  # the words just before
    ):
        return True  # "..., despite reports", "amid claims of fraud": a plural noun after its preposition
    if masked.startswith(" by ", verb.end) and verb.text.endswith("ed"):
        return True  # "Eventually recalled by the Reich, Peters ...", "was described by his lawyer as": a passive
    if verb.text in _FRAME_VERBS:
        if _ends_sentence(masked, verb, s1):
            if not _framed_subject(masked, s0, verb):
                return True  # "..., as Japan had previously agreed.", "less than Canada estimated."
            if verb.text in _NOUN_FRAME_VERBS and not _named_frame(masked, s0, verb):
                return True  # "In March, the company redeemed its notes.": a thing; "..., Hoenig notes." reports
        elif (
            not _after_reported_words(masked, s0, s1, verb)
            and not (verb.text in _THAT_VERBS and _THAT_AFTER_RE.match(masked, verb.end, s1))
            and not _QUOTATION_AFTER_RE.match(masked, verb.end, s1)  # 'Baker continued, "We ..."'
            # '"...," Tipton observed during a question and answer session.': the quotation, its subject
            and not _quotation_then_subject(masked, s0, verb)
            and not (  # "estimated the deficit will fall", not "output, estimated at 15 mln tonnes, will"
                verb.text in _OBJECT_VERBS
                and _SUBJECT_NEXT_RE.match(masked, verb.end, s1)
                and _clause_follows(masked, verb.end, s1)
            )
        ):
            return True
    elif verb.text in _QUOTE_FIRST_VERBS:
        if (
            not _quotation_then_subject(masked, s0, verb)
            and not _right_after_opening_quotation(masked, s0, verb)
            and not _audience_then_quotation(masked, verb, s1)
            and not _QUOTATION_AFTER_RE.match(masked, verb.end, s1)  # 'Alley mused, "..."'
        ):
            return True  # "She lamented the loss of her dog.": an act; '"...," he quipped.' reports
    elif verb.text in _THAT_VERBS and not _THAT_AFTER_RE.match(masked, verb.end, s1):
        if not (
            verb.text in _BARE_CLAUSE_VERBS
            and _SUBJECT_NEXT_RE.match(masked, verb.end, s1)
            and _clause_follows(masked, verb.end, s1)
        ):  # "has made clear he intends to seek": a clause with no "that"
            return not _quotation_then_subject(masked, s0, verb)  # "indicated a preference": an act
    before = masked[max(s0, verb.start - 6) : verb.start]
    if (
        verb.text[-2:] == "ed"
        and verb.text != "said"
        and masked[max(s0, verb.start - 12) : verb.start].rsplit(None, 1)[-1:] in _DOCUMENT_WORD_LISTS
        and _DOCUMENT_BEFORE_RE.search(masked, max(s0, verb.start - 40), verb.start)
    ):
        return True  # "in a letter posted on Twitter": the letter's participle (not "the report noted")
    if verb.text in _PARTICIPLES and before.rstrip().endswith("worth"):
        return True  # "Trump, it's also worth noting, repeatedly sought": the writer's aside
    if (
        verb.text in _PARTICIPLES
        and _PROGRESSIVE_BEFORE_RE.search(masked, max(s0, verb.start - 24), verb.start)
        and not _THAT_AFTER_RE.match(masked, verb.end, s1)
    ):
        return True  # "they were still arguing over which way was up", "was adding seats": what they did
    if verb.text not in _PARTICIPLES and before.rstrip().endswith(_INFINITIVE_ENDS) and _INFINITIVE_RE.search(before):
        return True
    if _NOT_SPEECH_AFTER_RE.match(masked, verb.end, s1):
        return True
    if verb.text in ("say", "says") and _SAY_NOUN_RE.search(masked, max(s0, verb.start - 12), verb.start):
        return True  # "shareholders get a say", "the final say", "let's say what it is not": no one speaks
    if verb.text in _PARTICIPLES and _PARTICIPLE_AS_NOUN_RE.match(masked, verb.end, s1):
        return True  # "a scientist at the tsunami warning center", "The tsunami warning was lifted": a noun
    if verb.text in ("commented", "comment", "comments") and _TOPIC_AFTER_RE.match(masked, verb.end, s1):
        return True  # "Mr. Bush commented on the relationship ..., saying that ...": the topic; the participle reports
    if verb.text == "adding" and _ADDING_A_THING_RE.match(masked, verb.end, s1):
        return True  # "MPs adding pressure to bolster protections", "adding fuel to the fire": an act
    if verb.text in ("added", "adds") and (
        _AMOUNT_AFTER_RE.match(masked, verb.end, s1) or _SCORE_AFTER_RE.match(masked, verb.end, s1)
    ):
        # "Goldman Sachs added 1.2%", "the index added 30 points": a gain, not words; "Brad Marchand
        # added three assists", "Beauvillier added his seventh": a score
        return True
    text = verb.text
    if text in _INSTRUCTION_VERBS and _INSTRUCTION_RE.match(masked, verb.end, s1):
        return True
    if text in _PROMISE_VERBS and (
        _NOUN_OBJECT_RE.match(masked, verb.end, s1) or _PROMISED_AMOUNT_RE.match(masked, verb.end, s1)
    ):
        # "promised a review of the industries", "promised Sarkozy's campaign €50 million": a thing
        # promised, not words reported
        return True
    if text in _WARNING_VERBS and (
        _OF_DANGER_RE.match(masked, verb.end, s1) or _WARNED_WHOM_ABOUT_RE.match(masked, verb.end, s1)
    ):
        # "who warned of the deficit's dangers", "had warned the U.S. embassy in Nigeria about his son's
        # views": a topic, not what was said
        return True
    if text in ("called", "calls") and _NAMED_BY_CALLED_RE.search(masked, max(s0, verb.start - 40), verb.end + 3):
        return True  # "a song called “Glasgow”", "a sample came in called “...”": a name, not words said
    if text in _QUOTE_OR_QUESTION_VERBS and not _QUOTE_OR_QUESTION_RE.match(masked, verb.end, s1):
        # '"So it's fair to say ...?" Schiff asked.': a quotation before a verb that ends the sentence;
        # '"Have you ...?" asked Sen. Josh Hawley, a Missouri Republican.': one right after it
        if _WHOM_THEN_END_RE.fullmatch(masked, verb.end, s1) and (
            masked[:s0].rstrip().endswith(("”", '"')) or _quotation_then_subject(masked, s0, verb)
        ):
            return False  # '"What is it about Biden ...?" King asked Scott.': the question, then whom
        if masked[s0 : verb.start].rstrip().endswith(("”", '"')):
            return _noun_phrase_after(masked, verb.end, s1) is None
        return not (_ends_sentence(masked, verb, s1) and masked[s0 : verb.start].rstrip()[-1:] not in ("", ","))
    if text in _OF_VERBS and not _OF_RE.match(masked, verb.end, s1):
        return True
    if text in _AS_VERBS and not _AS_RE.match(masked, verb.end, s1):
        return True
    if text in _OBJECT_VERBS and not _ends_sentence(masked, verb, s1):
        return not (
            _clause_follows(masked, verb.end, s1)
            or (_WHERE_WRITTEN_RE.fullmatch(masked, verb.end, s1) is not None and _framed_subject(masked, s0, verb))
            or _quotation_then_subject(masked, s0, verb)
            or _inverted_after_quotation(masked, s0, s1, verb)
        )
    return False


def _inverted_after_quotation(masked: str, s0: int, s1: int, verb: _Verb) -> bool:
    """'"A five pct drop is likely," noted Nick Knight of brokers James Capel.': the verb right
    after the quotation, its subject after it."""
    head = masked[s0 : verb.start].rstrip()
    return (
        head.endswith(tuple(_QUOTE_CHARS))
        and _noun_phrase_after(masked, verb.end, s1, circumstance_ends=True) is not None
    )


_SUBJECT_NEXT_RE = re.compile(r"\s+(?:the|a|an|its|his|her|their|it|he|she|they|that|this|these|those|[A-Z])")


def _quotation_then_subject(masked: str, s0: int, verb: _Verb) -> bool:
    """'"Our nation is in danger," Essid declared in a televised address.': the sentence opens
    with the quotation, then only the subject stands before the verb."""
    if masked[s0 : s0 + 1] not in _QUOTE_CHARS:
        return False
    close = max(masked.rfind(mark, s0 + 1, verb.start) for mark in _QUOTE_CHARS)
    if close <= s0:
        return False
    words = masked[close + 1 : verb.start].strip(" ,").split()
    return 0 < len(words) <= 6 and not any(w.lower() in _BOUNDARY_WORDS for w in words)


def _by_doing(masked: str, s0: int, verb: _Verb) -> bool:
    """The verb stands in the sentence's opening "By ...ing ...," phrase (a means, no one speaking)."""
    first = masked[s0 + 3 : s0 + 40].split(None, 1)[:1]
    return bool(first) and first[0].endswith("ing") and masked.find(",", s0, verb.start) < 0


def _right_after_opening_quotation(masked: str, s0: int, verb: _Verb) -> bool:
    """'"Those goats were so smart," remembers Shanna Lee.': the sentence opens with the quotation
    and the verb follows its closing mark."""
    return masked[s0 : s0 + 1] in _QUOTE_CHARS and masked[s0 : verb.start].rstrip().endswith(_QUOTE_ENDS)


def _clause_follows(masked: str, start: int, s1: int) -> bool:
    """A reported clause after an object verb, perhaps after a circumstance: "denied in an
    interview that ...", "confirmed the surplus widened"."""
    opener = _CLAUSE_OPENER_RE.match(masked, start, s1)
    if opener and opener.end() > start:
        if masked[start : opener.end()].rstrip(" ,").endswith(" that"):  # "that," too
            return True
        start = opener.end() - (masked[opener.end() - 1 : opener.end()] == " ")
    audience = _AUDIENCE_THEN_QUOTE_RE.match(masked, start, s1)
    if audience and audience.group(1).lower() not in _WORK_NOUNS:
        return True  # 'urged voters, "Look ..."': whom they spoke to, then the words
    clause = _CLAUSE_AFTER_RE.match(masked, start, s1)
    # "conceded defeat yesterday and the BJP are set to win": a time after the object closes the
    # act; the verb after "and" is another clause's
    return clause is not None and not _TIME_THEN_AND_RE.search(masked, start, clause.end())


def _audience_then_quotation(masked: str, verb: _Verb, s1: int) -> bool:
    """'he instructed his workers, "We can't give them access"': people (not 'a piece entitled, "..."',
    'emailed a friend, "Carlos C.D.,"'), then the words."""
    audience = _AUDIENCE_THEN_QUOTE_RE.match(masked, verb.end, s1)
    if audience is None:
        return False
    whom = audience.group(1).lower()
    return whom in _GROUP_WORDS or whom in _LISTENERS or whom.endswith(("ers", "ees", "ists"))


_LISTENERS = frozenset("him her them us me staff team crowd audience".split())


# An audience of a few words, a comma or colon, then the quotation: 'urged voters, "..."',
# 'reminded the crowd: "..."'. Not a work the quotation names: 'wrote a book, "Title"'.
_AUDIENCE_THEN_QUOTE_RE = re.compile(r"\s+(?:[\w.'’-]+\s+){0,3}?([\w.'’-]+)\s*[,:]\s*[\"“]")
_WORK_NOUNS = frozenset(
    "book books song songs film films movie movies album albums essay essays article articles column post "
    "posts photo photos picture video videos poem poems novel memoir play show series report letter "
    "headline caption slogan sign banner message title".split()
)
_TIME_THEN_AND_RE = re.compile(
    r"\s(?:yesterday|today|on\s+[A-Z][a-z]+day|last\s+(?:week|month|year|night))\s*,?\s+(?:and|but)\s"
)


def _according_to(masked: str, s0: int, s1: int, verb: _Verb) -> _Attribution | None:
    """ "..., according to senior Citibank executive William Rhodes." or "According to X, ..."."""
    subject = _noun_phrase_after(masked, verb.end, s1, any_start=True)
    if subject is None:
        return None
    head = masked[s0 : verb.start].rstrip()
    if (
        head.endswith(",")
        and head[:-1].rstrip().rsplit(None, 1)[-1:] in (["which"], ["whom"], ["that"])
        and not any(mark in masked[verb.end : s1] for mark in _QUOTE_CHARS)
    ):
        # "boats which, according to AFP, the UN has criticised": an aside on a relative clause, whose
        # words are no one's ('cane which, according to X, "grows like a weed"' quotes X's)
        return None
    opened = max(head.rfind("“", 0, len(head) - 1), head.rfind('"', 0, len(head) - 1))
    if head.endswith(("”", '"')) and opened >= 0 and _words(head[opened + 1 : -1]) < _DIRECT_WORDS:
        # 'The hearing was "a circus," according to X': a short quotation ends the clause (its comma
        # is quoted); a long one is a statement of its own
        content = _trim(masked, s0, s0 + len(head))
    elif (
        head.endswith(",")
        and _TAIL_RE.match(masked, subject[1], s1)
        and _words(masked[subject[1] + 1 : s1]) >= _CLAUSE_WORDS
    ):
        # "He had, according to Alex Horton of the Post, killed and eaten a rabbit": the clause runs on
        # around the source, one statement
        content = _trim(masked, s0, s1)
    elif head.strip(" ,"):
        content = _trim(masked, s0, _last_comma(masked, s0, verb.start))
    elif apposed := _APPOSITION_THEN_QUOTE_RE.match(masked, subject[1], s1):
        # 'According to Keivan Stassun, a professor of physics at Vanderbilt, "KELT-9 will swell ..."':
        # the quotation after the source's apposition
        content = _trim(masked, apposed.end(), s1)
    else:
        comma = masked.find(",", subject[1], s1)
        content = _trim(masked, comma + 1, s1) if comma != -1 else None
    return _Attribution("according to", subject, content=content)


_APPOSITION_THEN_QUOTE_RE = re.compile(r",\s+(?:a|an|the|his|her|its)\s+[^\"“”,]+(?:,\s+[A-Z][^\"“”,]*)*,\s*(?=[\"“])")


def _participle(masked: str, s0: int, s1: int, verb: _Verb, story: _Story) -> _Attribution | None:
    """ "He was quoted by PAP as saying", "prevent Shultz from saying", "..., saying that"."""
    before = masked[s0 : verb.start].rstrip()
    passive = _QUOTED_PASSIVE_RE.search(masked, s0, verb.start)
    quoted = None if passive else _QUOTED_AS_RE.search(masked, s0, verb.start)
    if quoted:  # "Tass quoted Gorbachev as saying": Gorbachev speaks
        content = _content_after(masked, verb, s1)
        if content is None:  # "CLAUSE, Tehran Radio quoted Oil Minister X as saying."
            content = _trim(masked, s0, _last_comma(masked, s0, quoted.start()))
        # "quoted the head of the agency, Bambang Soelistyo, as saying": the apposition may name him
        apposed = [quoted.span(2)] if quoted.group(2) else []
        return _Attribution(verb.text, quoted.span(1), apposed, content=content)
    if passive:  # "Miyazawa was quoted by Kyodo as saying ...", "CLAUSE, Miyazawa was quoted as saying."
        start = _phrase_start(masked, s0, passive.start(), story)
        content = _content_after(masked, verb, s1)
        if content is None or masked[content[0] : content[0] + 3] == "by ":
            content = _trim(masked, s0, _last_comma(masked, s0, start))
        head = masked[s0 : passive.start()].rstrip()
        if head.endswith(",") and (chain := _apposition_chain(masked, s0, s0 + len(head) - 1)):
            # "The head of the Authority, Murilo Habbema, was quoted as saying": the subject and its apposition
            return _Attribution(verb.text, chain[0], chain[1:], content=_content_after(masked, verb, s1))
        return _Attribution(verb.text, (start, passive.start()), content=content)
    if before.endswith(" from"):
        end = s0 + len(before) - len(" from")
        subject = (_title_and_name_start(masked, s0, end), end)
    elif " with " in before and (named := _WITH_SUBJECT_RE.search(masked, max(s0, verb.start - 90), verb.start)):
        subject = named.span(1)  # "Both men spoke of Iran, with Peres noting that ...": Peres
    else:
        subject = _clause_subject(masked, s0, verb.start)
    if subject is None or subject[0] >= subject[1]:
        return None
    return _Attribution(verb.text, subject, content=_content_after(masked, verb, s1))


# ", with Peres noting", "with Prime Minister Olmert adding": a name of up to four words before the participle
# (or a description: "with a scientist at the Indian tsunami warning center noting")
_WITH_SUBJECT_RE = re.compile(
    r"\swith\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|(?:a|an|the|one)\s+[^,;:]{1,60}?)\s+(?:[a-z]+ly\s+)?$"
)
# "quoted Rolando Arrivillaga, World Bank representative in Manila, as saying": an apposition may follow
_QUOTED_AS_RE = re.compile(r"\bquot(?:ed|ing|es)\s+((?:[\w.'’-]+\s+){0,9}?[\w.'’-]+)(?:,\s*([^,;]{1,80}),)?\s+as\s*$")
# "was quoted by Kyodo as saying", "was quoted on British television over the weekend as saying"
_QUOTED_PASSIVE_RE = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been|is)\s+quoted\s+(?:(?:by|on|in)\s+[^,;]{1,60}?\s+)?as\s*$"
)


def _finite(masked: str, s0: int, s1: int, verb: _Verb, story: _Story) -> _Attribution | None:
    end = _strip_trailing(masked, s0, verb.start)
    head = masked[s0:end]
    if not head.strip() or head.endswith(_QUOTE_ENDS):
        inverted = _inverted(masked, s0, s1, verb, after_quotation=True)
        if inverted is not None or not head.rstrip("”\"’'").endswith(","):
            return inverted
        # "Greta Thunberg, whom Time named “Person of the Year,” said ...": a quoted title ends an aside
        end = s0 + len(head.rstrip("”\"’'"))
        head = masked[s0:end]
    if head.endswith(("—", "–")) and head[-1] in head[:-1] and len(masked) <= _DASHED_PARAGRAPH_CHARS:
        # "Maria Lopez — the ranking Democrat on the panel — said": dashes around an apposition are
        # commas (same length: the offsets hold)
        dashed = masked[:s0] + masked[s0:end].replace("—", ",").replace("–", ",") + masked[end:]
        return _finite(dashed, s0, s1, verb, story)
    appositions: list[tuple[int, int]] = []
    if head.endswith(","):
        chain = _apposition_chain(masked, s0, end - 1)
        subject_named = chain is not None and any(_names_someone(masked, piece, story) for piece in chain)
        # "A spokesman for Stoltenberg, who is in Washington, said the talks went well": a voice is a subject
        subject_named = subject_named or (chain is not None and _names_a_voice(masked[chain[0][0] : chain[0][1]]))
        # (after "told" the words name its audience: "..., a network of activists, told NBC News")
        after = _noun_phrase_after(masked, verb.end, s1) if not subject_named and verb.text[:3] != "tol" else None
        if after and (chain is None or _may_name_speaker(masked[after[0] : after[1]])):
            # "CLAUSE, said Tom Murtha, a stock analyst.": the words after the verb name the speaker;
            # after a subject of its own ("Critics, including the mayor, said the alert came far too
            # late"), only words that may name one (a capital, a role, a group of voices)
            return _inverted(masked, s0, s1, verb)
        if chain is None:
            return None
        subject, appositions = chain[0], chain[1:]
    else:
        last_word = head.rsplit(None, 1)[-1].lower()
        if last_word in ("and", "but"):  # "Abrams admitted ..., but said he believed ..."
            subject = _clause_subject(masked, s0, end - len(last_word))
        elif last_word == "who":  # "Prime Minister Yasuhiro Nakasone, who said ..."
            subject = _antecedent(masked, s0, end - len(last_word), story)
            named = subject and _named_before_description(masked, s0, subject, story)
            if named:  # "Senator James Lankford, an Oklahoma Republican who warned ...": Lankford
                subject, appositions = named, [subject]
        elif last_word in _PRONOUNS:  # "Declining to put figures on the contracts he said ..."
            subject = (end - len(last_word), end)
        else:
            subject = (_phrase_start(masked, s0, end, story), end)
            object_then_name = _OBJECT_THEN_NAME_RE.fullmatch(masked, subject[0], end)
            if (
                object_then_name
                and not is_role_word(noun := object_then_name.group(1))
                and noun not in _VOICE_WORDS
                and not is_role_word(object_then_name.group(2).split()[0])  # "the future President said"
            ):
                # "..., a program Iran says it needs": a relative clause with no "that", Iran its subject
                subject = (object_then_name.start(2), end)
            relative = _RELATIVE_THEN_SUBJECT_RE.match(masked, subject[0], end)
            if relative and (relative.group(1)[0].isupper() or relative.group(1) in _GROUP_WORDS | _ARTICLES):
                # "Windslowe, who police said uses aliases": the police say it (of Windslowe)
                subject = (relative.start(1), end)
            # The subject a country's name first (a look-up), then the search of the words before it
            place = (
                _PLACE_BEFORE_COUNTRY_RE.search(masked, s0, subject[0])
                if subject[0] > s0 and _is_country_name(masked[subject[0] : subject[1]].strip())
                else None
            )
            if place:
                # "UN officials in Rome, Italy said": the country ends a place in the subject, not the subject
                subject = (_phrase_start(masked, s0, place.start(1), story), end)
            named = _named_before_description(masked, s0, subject, story)
            if named is None and subject[0] > s0:
                named = _name_opening_apposition(masked, s0, subject, story)
            if named is not None:  # "chairman James Florio, a New Jersey Democrat said"
                subject, appositions = named, [subject]
        if subject is None or not _is_noun_phrase(masked[subject[0] : subject[1]]):
            return None
        if (
            verb.text.endswith("ed")
            and masked.find("with", max(s0, verb.start - 60), verb.start) != -1
            and _ABSOLUTE_WITH_RE.search(masked, max(s0, verb.start - 60), verb.start)
        ):
            return None  # "..., with the final result declared yesterday": a participle, no one speaks
    content = _content(masked, s0, s1, verb, subject)
    if content is None and masked[s0 : subject[0]].rstrip().endswith(tuple(_QUOTE_CHARS)):
        content = _clause_ending_in_quotation(masked, s0, subject[0])  # 'Reforms must "...," Zhao added.'
    if content and content[0] > verb.start and masked.startswith(_SUBORDINATORS, s0):
        content = _subordinate_report(masked, s0, verb, content) if _SUBORDINATOR_RE.match(masked, s0) else content
    return _Attribution(verb.text, subject, appositions, content)


def _main_clause_subject(masked: str, s0: int, s1: int, attribution: _Attribution, story: _Story) -> _Speaker | None:
    """ "Although he said it was wild to see himself in the teaser, Oscar Isaac stopped short ...":
    a pronoun in a clause opening the sentence points ahead to the main clause's subject, when a
    person of the story opens it."""
    start, end = attribution.subject
    pronoun = masked[start:end].strip().lower()
    if pronoun not in ("he", "she") or not _SUBORDINATOR_RE.match(masked, s0):
        return None
    after = attribution.content[1]
    if masked[after : after + 1] != ",":
        return None
    run = _CAPITALISED_RUN_RE.match(masked, after + 1, s1)
    person = _person_heading(run.group(1), story) if run else None
    if person is None or not _agrees(pronoun, person, story):
        return None
    return _Speaker(person=person, label=pronoun)


_CAPITALISED_RUN_RE = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)")


def _subordinate_report(masked: str, s0: int, verb: _Verb, content: tuple[int, int]) -> tuple[int, int]:
    """ "Although he said it was wild to see himself in the teaser, Isaac stopped short ...", "When the
    Pentagon claimed there were no ground troops in Kobane, they weren't telling the truth": the report
    inside a clause that opens the sentence ends at the comma before the main clause."""
    if masked.find(",", s0, verb.start) >= 0:
        return content  # the verb stands after the opening clause
    comma = masked.rfind(",", content[0], content[1])
    if comma <= content[0] or _unquoted_words(masked, (comma, content[1])) < _CLAUSE_WORDS:
        return content
    return _trim(masked, content[0], comma) or content


_QUOTE_ENDS = (*_QUOTE_CHARS, "’’", "''")


def _may_name_speaker(phrase: str) -> bool:
    """ "Tom Murtha", "one banker", "a spokesman", "dealers": a capital, a role or a voice."""
    return any(
        w[:1].isupper() or is_role_head(w.lower()) or w.lower() in _VOICE_WORDS or w.lower() in _GROUP_WORDS
        for w in phrase.split()
    )

def _is_country_name(word: str) -> bool:
    """A country's name or short form ("Italy", "U.S."), not a capital or body standing for its
    government ("Pentagon", "Kremlin", "Washington"), which may well speak."""
    entry = ALIASES.get(word)
    return entry is not None and entry.kind in ("name", "short")


_PLACE_BEFORE_COUNTRY_RE = re.compile(r"\s(?:in|of|from|at|near)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(,)\s*$")
_ABSOLUTE_WITH_RE = re.compile(r"\bwith\s+(?:the|a|an|its|his|her|their)\s+(?:(?!who\b|which\b|that\b)[\w-]+\s+){0,3}$")
_DASHED_PARAGRAPH_CHARS = 20_000  # the dashes are read as commas on a copy: never of a huge paragraph


def _named_before_description(masked: str, s0: int, subject: tuple[int, int], story: _Story) -> tuple[int, int] | None:
    """ "Ways and Means chairman Dan Rostenkowski, an Illinois Democrat said" (no comma before the
    verb): a description after a comma whose phrase before it ends with a person's name."""
    words = masked[subject[0] : subject[1]].split(None, 1)
    before = masked[s0 : subject[0]].rstrip()
    if not words or not before.endswith(",") or words[0] in ("and", "or", "but"):
        return None  # "... belonged to Earhart and Noonan, and experts say": a new subject, no description
    # "Zoltan Boesze, chief of the ministry's budget division said", "Nalin Vissanji, President of
    # the Chamber of Commerce said": a role of a body, no name in it, is a description as well
    role_of = is_role_word(words[0]) and masked[subject[0] : subject[1]].split()[1:2] == ["of"]
    if words[0].lower() not in ("a", "an", "of", "at", "from") and not (words[0].islower() and is_role_word(words[0])):
        if not role_of or _person_heading(_clean_subject(masked[subject[0] : subject[1]]), story):
            return None
    end = s0 + len(before) - 1
    start = _phrase_start(masked, s0, end, story)
    first = masked[start:end].split(None, 1)[:1]
    if first and (first[0] in _PREPOSITIONS or first[0] in _BOUNDARY_WORDS or first[0].endswith("ing")):
        return None  # "..., including the visit by Prime Minister X, a Treasury spokesman said": no subject
    name = _clean_subject(masked[start:end])
    if _person_heading(name, story) or _unknown_person_name(name):
        return start, end
    return None


def _honorific_of_other_sex(phrase: str, person: str) -> bool:
    """ "Ms. Holmes" of James Holmes, "Mr. Clinton" of Hillary Clinton: the honorific names another."""
    words = phrase.split()
    if len(words) > 3 or "'s" in phrase or "’s" in phrase:
        return False  # "Ms Ride's former husband Steve Hawley": the honorific is another's
    honorific = words[0].rstrip(".")
    sex = {"Mr": "m", "Ms": "f", "Mrs": "f", "Miss": "f"}.get(honorific)
    return sex is not None and person_gender(person) not in (None, sex)


def _named_in_aside(paragraph: str, end: int, attribution: _Attribution, person: str, story: _Story) -> bool:
    """The person is named in the aside between the subject and its verb (someone else's relation)."""
    content = attribution.content
    stop = content[0] if content and content[0] > end else end + 160
    aside = paragraph[end:stop]
    if not aside.lstrip().startswith(","):
        return False
    mention = next((p for p in story.people if p.name == person), None)
    return mention is not None and any(form in aside for form in mention.forms)


def _unknown_person_name(name: str) -> bool:
    """ "Pu Zhiqiang, a respected defense lawyer told ...": two or three capitalised words of no
    body, place or common word, a name the lists lack; the description is that person's, not the
    story's other lawyer's."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and _UNKNOWN_NAME_RE.fullmatch(name) is not None
        and not any(is_non_name(w) or w.lower() in ORGANISATION_WORDS or _is_country_name(w) for w in words)
    )


_UNKNOWN_NAME_RE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}")


def _name_opening_apposition(
    masked: str, s0: int, subject: tuple[int, int], story: _Story
) -> tuple[int, int] | None:
    """ "Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water think
    tank told CBS News": a person's name opens the sentence, then an apposition the writer never
    closed, with commas of its own; the words before the verb are no subject of their own."""
    if masked.find(",", s0, subject[0]) == -1:
        return None  # the regex below needs a comma before the subject: looked for in C first
    begin = max(masked.rfind(mark, s0, subject[0]) for mark in _QUOTE_CHARS) + 1 or s0  # after a quotation
    opening = _NAME_THEN_APPOSITION_RE.match(masked, max(begin, s0), subject[0])
    if opening is None:
        return None  # the common case (tested before the subject's names, which cost more)
    if _names_someone(masked, subject, story) or masked[subject[0] : subject[1]].strip().lower() in _PRONOUNS:
        return None
    between = masked[opening.end(1) : subject[0]]
    if not _AUXILIARIES.isdisjoint(between.split()) or _VERB_RE.search(between) is not None:
        return None  # "Albert Hakim, an arms merchant, is the first ..., investigators said": a clause
    name = _trim(masked, opening.start(1), opening.end(1))
    return name if name and _person_heading(_clean_subject(masked[name[0] : name[1]]), story) else None


# A capitalised run, a comma, then a description opening with an article: "Kurinji Selvaraj, a ..."
_NAME_THEN_APPOSITION_RE = re.compile(r"[\s,]*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s+(?:a|an|the)\s")


def _inverted(masked: str, s0: int, s1: int, verb: _Verb, after_quotation: bool = False) -> _Attribution | None:
    """ "CLAUSE, said Tom Murtha, a stock analyst." The reported words come before the verb; right
    after a quotation, a circumstance after the name ends it ('"...," said X in a speech to ...')."""
    if verb.text in ("told", "tells", "telling"):
        return None  # "..., who did not work on the study, told Newsweek:": the one told never speaks
    subject = _noun_phrase_after(masked, verb.end, s1, circumstance_ends=after_quotation)
    if subject is None:
        return None
    cut = _last_comma(masked, s0, verb.start)
    appositions = []
    if masked[subject[1] : subject[1] + 2] == ", ":  # "said Kleinwort Benson's analyst, Peter Tasker."
        apposed = _noun_phrase_after(masked, subject[1] + 1, s1)
        if apposed:
            appositions.append(apposed)
    content = _trim(masked, s0, cut)
    if content is None and after_quotation:
        content = _clause_ending_in_quotation(masked, s0, verb.start)
    end = appositions[-1][1] if appositions else subject[1]
    if content and not after_quotation and _PREDICATE_AFTER_RE.match(masked, end, s1):
        whole = _trim(masked, s0, s1)  # "The key to success, says Buser, is the network.": one statement
        content = (content[0], whole[1]) if whole else content
    return _Attribution(verb.text, subject, appositions, content=content)


# After "CLAUSE, says X": the verb of the clause's subject ("is", "was", "remains"), not an apposition.
_PREDICATE_AFTER_RE = re.compile(
    r",\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|remains|remain|"
    r"remained|lies|comes|came|means|meant)\s"
)


def _clause_ending_in_quotation(masked: str, s0: int, end: int) -> tuple[int, int] | None:
    """'Price reforms are necessary to "establish a new economic structure," Zhao added.': the
    words before the quotation open the reported clause (four or more, no colon among them)."""
    head = masked[s0:end].rstrip()
    opening = min((at for at in map(head.find, _QUOTE_CHARS) if at >= 0), default=-1)  # the first mark
    if opening <= 0 or ":" in head[:opening] or _words(head[:opening]) < _DIRECT_WORDS:
        return None
    return _trim(masked, s0, s0 + len(head))


def _content(masked: str, s0: int, s1: int, verb: _Verb, subject: tuple[int, int]):
    """The reported clause: after the verb, or before the subject in "CLAUSE, X said [after ...]"."""
    if _AS_SOURCE_RE.fullmatch(masked, s0, verb.start):  # "As X reports for NPR, CLAUSE": after the comma
        comma = masked.find(",", verb.end, s1)
        if 0 <= comma <= verb.end + 40:
            return _trim(masked, comma + 1, s1)
    after = _content_after(masked, verb, s1)
    if after and masked.endswith(", who ", 0, verb.start):
        # "Ali Nor, who said he was a spokesman for the pirates, commented on the incident": the
        # relative clause ends where the main clause's verb comes back
        back = _MAIN_VERB_BACK_RE.search(masked, after[0], after[1])
        if back is not None:
            after = _trim(masked, after[0], back.start())
    cut = _last_comma(masked, s0, subject[0])
    before = _trim(masked, s0, cut)
    # After "told" its audience first: "CLAUSE, X told parliament, adding ..." goes on like "X said, adding".
    told = _TOLD_OBJECT_RE.match(masked, verb.end, s1) if verb.text in ("told", "tells") else None
    tail = told.end() if told else verb.end
    if subject[0] >= verb.end:  # "The key to success, says Buser, is the network.": after the subject
        tail = max(tail, subject[1])
    told_when = told is not None and _TOLD_CIRCUMSTANCE_RE.search(told.group()) is not None
    if (
        before
        and told is None
        and verb.text in ("told", "tells")
        and _audience_only(masked, verb.end, s1)
        and not any(mark in masked[before[0] : before[1]] for mark in _QUOTE_CHARS)
        and _framed_subject(masked, s0, verb)  # "CLAUSE, X told ...", not "that's what he told his investor"
    ):
        return before  # "CLAUSE, the administration told the world's largest AIDS conference Monday."
    if after and (_THEN_ADDING_RE.match(masked, tail, s1) or _AFTER_THE_WORDS_RE.match(masked, tail, s1)):
        # '"...," Meghan said, adding their daughter is due': another statement (_then_adding);
        # '"I'm not," Dejesus said as he secured the clamp': what he did meanwhile; '... "great
        # suspicion," Woodard said, though he stressed ...': the writer's clause
        after = None
    if before and after and _PREDICATE_AFTER_RE.match(masked, tail, s1) and not _starts_with_intro(masked[s0:cut]):
        return before[0], after[1]  # "The difference, Mr. Warner said, was that ...": one clause around him
    if after is None and before and masked.startswith(":", tail) and not masked[tail + 1 : s1].strip():
        return None  # "In a wide-ranging interview, President Obama also said:" the next paragraphs say what
    if (
        before
        and after
        and not told_when
        and (_TAIL_RE.match(masked, tail, s1) or _PREDICATE_GOES_ON_RE.match(masked, tail, s1))
        and _words(masked[before[0] : before[1]]) >= _CLAUSE_WORDS
        # not 'Earlier, while receiving the award, Adele said, "My dream ..."': the quotation is the words
        and not _QUOTATION_NEXT_RE.match(masked, tail, s1)
    ):
        if not _starts_with_intro(masked[s0:cut]):
            return before[0], after[1]  # "Exports fell 3 pct, X said, about half the 1985 level.": one statement
    if before and not _starts_with_intro(masked[s0:cut]):
        if (
            after is None
            # "..., X said on Sunday." (not "before he announced on Sunday that he was withdrawing": the clause)
            or (_CIRCUMSTANCE_RE.match(masked, verb.end, s1) and not _THAT_AFTER_RE.match(masked, verb.end, s1))
            or _SPEAKER_ACT_AFTER_RE.match(masked, tail, s1)
            or (told and _CIRCUMSTANCE_RE.match(masked, tail + (masked[tail : tail + 1] == ","), s1))
            or told_when
        ):
            return before
    return after or before


def _audience_only(masked: str, start: int, s1: int) -> bool:
    """What follows "told" to the sentence's end is an audience named by a gathering's noun, then
    perhaps when: "told the world's largest AIDS conference Monday", "told a businessmen's meeting"."""
    words = masked[start:s1].strip(" .").split()
    if not 0 < len(words) <= 8 or any(w in _PRONOUNS or w in _AUXILIARIES or w == "that" for w in words):
        return False
    while len(words) > 1 and (words[-1] in _WHEN_WORDS or words[-1].endswith("day")):
        words.pop()
    return words[-1].lower() in _GATHERINGS


_GATHERINGS = frozenset(
    "conference meeting session forum summit seminar symposium convention gathering assembly audience rally "
    "parliament congress committee panel hearing delegates reporters journalists".split()
)
_WHEN_WORDS = frozenset("today yesterday tonight morning afternoon evening night week".split())
_MAIN_VERB_BACK_RE = re.compile(r",\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|has|had|will|would)\b")
_AFTER_THE_WORDS_RE = re.compile(
    r",?\s+as\s+(?:he|she|they|we)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b|,\s+(?:though|although|but|whereas)\s"
)
# "CLAUSE, he told reporters after meeting ministers.": the audience, then when: the clause is the content.
_TOLD_CIRCUMSTANCE_RE = re.compile(r"\s(?:on|in|at|after|during)\s")

# What follows "X said," when it goes on with the reported words, not with how or when he said it.
_TAIL_RE = re.compile(
    r",\s+(?!(?:adding|saying|noting|citing|according|in|on|at|after|before|during|when|while|as|but|and|without|"
    r"who|which|although|though|because|since|referring|speaking|according)\b)"
)


# "Output fell, he said, but declined to give figures": what the speaker did, the clause before is the content.
_SPEAKER_ACT_AFTER_RE = re.compile(
    r",\s+(?:but\s+(?:declined|refused|would\s+not|did\s+not|could\s+not|gave\s+no|offered\s+no)|"
    r"and\s+(?:declined|refused|gave\s+no|offered\s+no)|without\s+[a-z]+ing)\b"  # ", without citing its sources"
)

# "Disney's teams isolated the problem, Mayer said, and patched the software": "and" with no new
# subject, a verb next: the clause before the speaker goes on after it (not "..., he said, but
# declined to elaborate", "and stressed ...": what the speaker did).
_PREDICATE_GOES_ON_RE = re.compile(
    r",\s+and\s+(?:[\"“‘']Q+[\"”’']\s+[a-z]|[\"“‘']?(?!(?:the|a|an|he|she|it|they|we|i|you|his|her|"
    r"its|their|our|this|that|these|those|there|some|many|most|other|others|one|all|both|no|not|then|also|now|"
    r"so|said|says|added|adding|saying|told|declined|refused|declined|offered|provided|noted|stressed)\b)[a-z]+ed\b)"
)


# Verbs that may name whom they address before "that" (read as after "told", only when "that" follows).
_AUDIENCE_VERBS = frozenset(
    "assured assures reassured reassures warned warns reminded reminds informed informs cautioned cautions".split()
)
_THAT_NEXT_RE = re.compile(r"\s+that\s")
# After "told" and what _TOLD_OBJECT_RE reads: a few more words of audience and time, then "that"
# (lower-case: "after meeting with President Suharto that" names someone, who stays in the text).
# (a weekday too: "told reporters Monday afternoon that")
_TOLD_THEN_THAT_RE = re.compile(
    r"(?:\s+(?:(?!(?:report|reports|news|fact|idea|claim|claims|notion|view|belief|rumou?rs?|suggestion)\b)"
    r"[a-z][\w.'’-]*|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)){1,4}?\s+that\s"
)


def _content_after(masked: str, verb: _Verb, s1: int) -> tuple[int, int] | None:
    start = verb.end
    if verb.text in _QUOTE_OR_QUESTION_VERBS and _WHOM_THEN_END_RE.fullmatch(masked, start, s1):
        return None  # '"...?" King asked Scott.': whom she asked, no words
    if verb.text in ("told", "tells", "telling"):
        told = _TOLD_OBJECT_RE.match(masked, start, s1)
        if told:
            start = told.end()
        audience = _TOLD_THEN_THAT_RE.match(masked, start, s1)
        if audience:  # "told US media this month that ...": the rest of the audience, when, then the words
            start = audience.end()
    elif verb.text in _AUDIENCE_VERBS:  # "warned the House that ...", "reassured Muslims that ...": whom, then "that"
        told = _TOLD_OBJECT_RE.match(masked, start, s1)
        if told and _THAT_NEXT_RE.match(masked, told.end(), s1):
            start = told.end()
    if verb.text in ("called", "calls", "calling"):  # 'called himself a "very stable genius," has ...'
        named = _QUOTE_OR_QUESTION_RE.match(masked, start, s1)
        if named and masked[named.end() - 1 : named.end()] in _QUOTE_CHARS:
            close = min(
                (i for i in (masked.find("”", named.end(), s1), masked.find('"', named.end(), s1)) if i > 0), default=-1
            )
            if close > 0:
                return _trim(masked, start, close + 1)
    opener = _CLAUSE_OPENER_RE.match(masked, start, s1)
    return _trim(masked, opener.end() if opener else start, s1)


def _strip_trailing(masked: str, s0: int, end: int) -> int:
    """The end of the subject: before "also", "on Friday", "in a statement"."""
    text = masked[s0:end].rstrip()
    return s0 + len(text[: _trailing_start(text)].rstrip())


def _phrase_start(masked: str, s0: int, end: int, story: _Story) -> int:
    """Where the noun phrase ending at `end` starts: after a comma, a quotation, a dash, a clause
    word ("..., which Wang said") or another speech verb ("he noted the communique said"); "and"
    ends it only before a pronoun or a name."""
    stop = _LAST_HARD_STOP_RE.match(masked, s0, end)
    start = stop.end() if stop else s0
    words = masked[start:end].split()  # the words of _WORD_RE ("\S+"), read back from the verb
    after = end  # where the words after the one read start
    for word in reversed(words):
        lower = word.lower()
        if lower in _PHRASE_STOPS:  # a boundary word or a speech verb (one look-up)
            return after
        if lower == "and" and (
            _is_pronoun_or_name(masked, (after, end), story)
            or (
                masked[after:end].split(None, 1)[:1] in _DETERMINER_LISTS
                and not _AUXILIARIES.isdisjoint(masked[start:after].lower().split())
            )
        ):
            # before a pronoun or a name; "He was airlifted to a hospital and a hospital spokesman
            # said": a clause before
            return after
        after = masked.rindex(word, start, after)
    return start


# Up to the last mark that ends the subject read back from the verb: a comma, a quotation mark,
# a dash (the greedy ".*" makes the engine look from the end).
_LAST_HARD_STOP_RE = re.compile(r".*(?:[,;:\"“”—–]|''|’’| -+ )", re.S)


def _title_and_name_start(masked: str, s0: int, end: int) -> int:
    """Where the capitalised words and titles ending at `end` start: "prevent [Shultz] from"."""
    start = end
    for word in reversed(list(_WORD_RE.finditer(masked, s0, end))):
        text = word.group()
        if not (text[:1].isupper() or is_title_word(text)) or text[-1] in ",;:" + _QUOTE_CHARS:
            break
        start = word.start()
    return start


def _is_pronoun_or_name(masked: str, span: tuple[int, int], story: _Story) -> bool:
    text = masked[span[0] : span[1]].strip()
    return text.lower() in _PRONOUNS or _person_heading(text, story) is not None


def _names_someone(masked: str, span: tuple[int, int], story: _Story) -> bool:
    text = _clean_subject(masked[span[0] : span[1]])
    return text.lower() in _PRONOUNS or _person_heading(text, story) is not None


def _names_a_voice(text: str) -> bool:
    """ "A spokesman for X", "a Pertamina official", "the finance minister": one who speaks for others."""
    words = text.lower().split()
    return 1 < len(words) <= 8 and words[0] in _DETERMINERS and any(w in _VOICE_WORDS or is_role_head(w) for w in words)


def _is_noun_phrase(text: str) -> bool:
    """No verb of its own: "a larger say" in "... bid to have a larger say in" is no subject."""
    words = text.split()
    return bool(words) and _AUXILIARIES.isdisjoint(words)


_AUXILIARIES = frozenset(
    "is was were are be been has have had will would could can should may might must did does".split()
)


def _apposition_chain(masked: str, s0: int, end: int) -> list[tuple[int, int]] | None:
    """ "Nazer, quoted by SPA," / "the minister, Michael Howard,": the subject, then appositions.

    Comma-separated pieces are read back from the verb while they are noun phrases or asides
    ("who is ...", "speaking to ..."); a clause, an intro or a quotation ends the chain.
    """
    phrases = []
    begin = max(s0, end - 600)  # an apposition is short
    typed = masked.find("’’", begin, end) != -1 or masked.find("''", begin, end) != -1
    pieces = list((_CHAIN_PIECE_APOSTROPHES_RE if typed else _CHAIN_PIECE_RE).finditer(masked, begin, end))[-8:]
    for at in range(len(pieces) - 1, -1, -1):  # from the verb backwards
        piece = pieces[at]
        text = piece.group().strip()
        opens = False  # "CLAUSE, but General Mark Milley, chairman of ..., told": "but" opens the subject's clause
        if piece is pieces[0] and (opened := _LEADING_WORDS_RE.sub("", text)) and opened != text:
            text = opened  # "But David Pennington, the head of ..., said": a leading "But" is no intro
        elif (
            at
            and text.startswith(("and ", "& "))
            and _LIST_TAIL_RE.fullmatch(text)
            and _LIST_ITEM_RE.fullmatch(pieces[at - 1].group().strip())
        ):
            continue  # "..., senior vice president at Boeing Defense, Space, and Security, said": a name's list
        elif _OPENING_CONJUNCTION_RE.match(text):
            text, opens = text.split(None, 1)[1], True
        relative = _RELATIVE_SUBJECT_RE.match(text)
        if relative and text.split()[-1][:1].islower():
            relative = None  # "whom Time magazine named "Person of the Year"": its own verb, an aside
        if relative:  # "dealings, which Jairam Ramesh, a leader of the party, said are ...": Ramesh
            span = _trim(masked, piece.start() + piece.group().index(text) + relative.end(), piece.end())
            if span:
                phrases.insert(0, span)
            break
        if not at and piece.start() - s0 < 3 and "ed " in text and _PAST_THEN_OBJECT_RE.search(text):
            break  # "Government gunships attacked Aleppo, the Local Coordination Committees, ..., told": a clause
        kind = _piece_kind(text)
        if kind == "aside" and text.split(None, 1)[0].lower() in ("who", "whom", "which", "whose"):
            phrases.clear()  # "The company, which is based in Austin, Texas, said": "Texas" is the aside's
        if kind == "intro" and piece is not pieces[0] and _ASIDE_RE.match(text):
            continue  # "X, however, said", "X, in a radio interview, said": an aside, not the start
        if kind in ("clause", "intro", "quoted"):
            break
        if kind == "phrase" and (span := _trim(masked, piece.start() + piece.group().index(text), piece.end())):
            phrases.insert(0, span)
        if opens:
            break
    return phrases or None


_OPENING_CONJUNCTION_RE = re.compile(r"(?:but|and)\s+(?=[A-Z])")
# The last items of a list of capitalised words inside an apposition: "Space", "and Security".
_LIST_TAIL_RE = re.compile(r"(?:and|&)\s+[A-Z][\w’'-]*")
_LIST_ITEM_RE = re.compile(r"[A-Z][\w’'-]*")


# Asides between a subject and its verb: an adverb, or a short phrase opening with a preposition.
_ASIDE_RE = re.compile(
    r"(?:however|meanwhile|though|too|also|moreover|nevertheless|nonetheless|in turn|for (?:his|her|its|their) part|"
    r"for example|for instance|in contrast|by contrast|on the other hand|in particular|in fact|of course|"
    r"likewise|similarly|instead|as well|"
    # "The EC, while rejecting his petition, said", "Smith, when asked about it, said"
    r"(?:while|when|whilst|upon)\s+(?:[a-z]+ing|asked|questioned|pressed)\b[^;:]{0,100}|"
    r"(?:in|at|on|during|after|before|speaking|asked|with|under)\b[^;:]{0,120})$",
    re.I,
)
_RELATIVE_SUBJECT_RE = re.compile(r"(?:which|that|whom|as)\s+(?=[A-Z])")
# Pieces of an apposition chain: between commas and quotation marks ('"...," Sen. John McCain,').
_CHAIN_PIECE_RE = re.compile(r"(?:[^,\"“”]|(?<=\d),(?=\d))+")  # "130,000 ha" is one piece
# Where a closing mark is typed as two apostrophes ('’’ Will Moy, ..., told'), it ends a piece as
# "”" does (a slower regex: only for the paragraphs that hold such a mark).
_CHAIN_PIECE_APOSTROPHES_RE = re.compile(r"(?:(?!’’|'')[^,\"“”]|(?<=\d),(?=\d))+")


def _piece_kind(text: str) -> str:
    """What a comma-separated piece before the verb is: a noun phrase, an aside, or a clause."""
    if not text or any(map(text.__contains__, _QUOTE_CHARS)) or "QQ" in text:  # (the marks tested in C)
        return "quoted"
    words = text.split()
    first = words[0].lower()
    if first in _APPOSITION_ADVERBS and len(words) > 2 and words[1].lower() in ("a", "an", "the"):
        return _piece_kind(text.split(None, 1)[1])  # "Elaine Smith, also a Labour MSP, said": a noun phrase
    if first in ("who", "whom", "which", "whose") or _is_participle(words[0]):
        return "aside"  # "who is also ...", "speaking to ...", "quoted by ..."
    if first in ("earlier", "later") and len(words) > 1 and _is_participle(words[1]):
        return "aside"  # "<X Ltd>, earlier reporting a loss, said"
    if first in _INTRO_WORDS or first in _PREPOSITIONS or first in _SUBORDINATE_WORDS:
        return "intro"  # (a subordinate clause: "When Trump took office, Schwartz was surprised, telling")
    if len(words) == 1 and len(first) == 4 and first.isdigit():
        return "intro"  # "On June 8, 2003, an unnamed senior CIA official ...": the year of the date
    if len(words) > 1 and words[1].lower() in _TIME_LINKS and first in _TIME_NOUNS:
        return "intro"  # "Hours before the game", "Minutes after the vote", "Two weeks later"
    relative = _RELATIVE_IN_PHRASE_RE.search(text) if first in ("a", "an", "another") else None
    if relative:  # "a toxicologist who was not involved in the study", "another group that sued"
        head = text[: relative.start()].split()
        if len(head) <= 12 and not any(w in _CLAUSE_MARKERS and w != "to" for w in head):
            return "phrase"
    if (
        len(words) > 18
        or any(w in _CLAUSE_MARKERS and w != "to" for w in words)
        or ("to" in text and _TO_VERB_RE.search(text))  # "to" looked for first, in C: the regex tries every place
    ):
        return "clause"  # but "adviser to the president" is a noun phrase
    return "phrase"


# A past tense, then its object (a name or a determiner), opening a sentence: a clause, not a
# participle's phrase ("a network based in Aleppo", "a group called the Brigade", "newly elected Vice
# President X", "the man named John Smith").
_PAST_THEN_OBJECT_RE = re.compile(
    r"(?<![\w-])(?<!ly\s)(?<!who\s)(?<!which\s)(?<!that\s)(?!(?:named|called|dubbed|titled|entitled|nicknamed|styled|termed|branded|labell?ed)\b)"
    r"[a-z]{2,}ed\s+(?:(?:the|a|an|his|her|its|their)\s|[A-Z])"
)
_RELATIVE_IN_PHRASE_RE = re.compile(r"\s(?:who|that|which)\s")
_TIME_NOUNS = frozenset("hours minutes days weeks months years moments seconds decades".split())
_TIME_LINKS = frozenset("before after later earlier ago".split())
# A dateline opening the sentence: a place in capitals, perhaps its state, then a dash.
_DATELINE_OPENING_RE = re.compile(r"[A-Z][A-Z.'’ ]{1,40}(?:,\s+[A-Z][\w.'’ ]{1,20})?\s+[—–-]+\s+")
# Adverbs that may open an apposition: "also a Labour MSP", "himself a former minister".
_APPOSITION_ADVERBS = frozenset("also himself herself formerly previously once now likewise".split())
_SUBORDINATE_WORDS = frozenset(word.lower() for word in _SUBORDINATORS) | {"unless", "once"}
_PIECE_RE = re.compile(r"[^,;\"“”]+")
_TO_VERB_RE = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z]")


def _clause_subject(masked: str, s0: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause that ends at `end`: its first noun phrase, after any intro."""
    dateline = _DATELINE_OPENING_RE.match(masked, s0, end)
    if dateline:  # "BUFFALO, N.Y. — Hours before the game, coach X expressed ..., saying"
        s0 = dateline.end()
    start = s0
    for piece in _PIECE_RE.finditer(masked[s0:end]):
        text = piece.group().strip()
        if text and _piece_kind(text) not in ("intro", "aside", "quoted"):
            start = s0 + piece.start()
            break
    else:
        return None
    time = _TIME_OPENING_RE.match(masked, start + len(masked[start:end]) - len(masked[start:end].lstrip()), end)
    if time and masked[time.end() : time.end() + 1] == " ":
        start = time.end()  # "Last week State Department official David Holmes revealed ..., saying": no comma
    last = masked.rfind(",", start, end)
    if last > start and masked[last + 1 : end].split(None, 1)[:1] in (["he"], ["she"], ["they"]):
        start = last + 1  # "Asked about his rival, Okan Buruk, he smiled and said": he
    named = _named_after_description(masked, start, end)
    if named is not None:
        return named
    span = _trim(masked, start, end)
    return (span[0], _leading_phrase_end(masked, *span)) if span else None


def _named_after_description(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """ "The U.S. climate envoy, John Kerry, called ... and said": the name set off by commas
    after a description that opens the clause ("The", "A", "Its", or a possessive)."""
    first = masked.find(",", start, end)
    second = masked.find(",", first + 1, end) if first > 0 else -1
    if second < 0:
        return None
    opening = masked[start:first].split()
    if not opening or not (
        opening[0] in ("The", "A", "An", "Its", "His", "Her", "Their") or opening[0].endswith(("'s", "’s"))
    ):
        return None
    words = masked[first + 1 : second].split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w in PARTICLES for w in words):
        return None
    return _trim(masked, first + 1, second)


def _leading_phrase_end(masked: str, start: int, end: int) -> int:
    """The end of the noun phrase that opens a clause: "one senior banking official blamed ...";
    after an article alone, its nouns too ("The share market analysts saw ... but said")."""
    stop, previous, words = start, "", 0
    for word in _WORD_RE.finditer(masked, start, end):
        text = word.group().strip(",")
        lower = text.lower()
        opening = text[:1].isupper() or lower in _DETERMINERS or lower in PARTICLES or is_title_word(text)
        # "His brother Mohammed al-Megrahi claimed ... and said": the noun after "his", a name's "al-"
        opening = opening or previous in _POSSESSIVE_DETERMINERS or lower.split("-", 1)[0] in _NAME_PREFIXES
        # "Teves' father Tom Teves is devastated, but said": the noun after a name's possessive
        opening = opening or (
            words == 1
            and previous.endswith(("'s", "’s", "s'", "s’"))
            and previous[:-2] not in _CONTRACTED  # not "it's like"
            and lower.isalpha()
        )
        if not opening and words and _ARTICLE_ONLY_RE.fullmatch(masked, start, stop):
            opening = _may_be_noun(lower, word, masked)  # "The share market analysts": the article's noun phrase
        if stop > start and not opening:
            break
        stop, previous, words = word.end(), lower, words + 1
        if text in _NAME_SUFFIXES and word.group().endswith(","):
            return stop - 1  # "James Roosevelt Jr., the grandson of FDR, ... said": the name ends there
    return stop


_CONTRACTED = frozenset("it that there he she what who here let where how".split())  # "it's", "that's"
_NAME_SUFFIXES = frozenset(("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"))
# What the phrase read so far holds: an article and lower-case words after it ("The share market").
_ARTICLE_ONLY_RE = re.compile(r"\s*(?:[Tt]he|[Aa]n?)(?:\s+[a-z][\w'’-]*){0,3}\s*")
# Common past forms that end no "-ed": the verb that ends the subject ("The analysts saw ...").
_IRREGULAR_PASTS = frozenset(
    "saw said took made gave went came told held won lost set put met kept sent found began rose fell grew "
    "paid sold bought brought thought left led ran hit cut froze chose drove wrote spoke broke stood fought "
    "sought struck threw knew".split()
)


def _may_be_noun(lower: str, word: re.Match, masked: str) -> bool:
    """A lower-case word after an article that may still be the subject's: no verb, no clause word."""
    return not (
        lower in _AUXILIARIES
        or lower in _CLAUSE_MARKERS
        or lower in _BOUNDARY_WORDS
        or lower in _PREPOSITIONS
        or lower in _IRREGULAR_PASTS
        or lower in SPEECH_VERBS
        or lower.endswith(("ed", "ly"))
        or masked[word.end() : word.end() + 1] == ","
    )


_POSSESSIVE_DETERMINERS = frozenset("his her their its".split())
_NAME_PREFIXES = frozenset(p for p in PARTICLES if p in ("al", "el", "bin", "ibn"))


def _antecedent(masked: str, s0: int, end: int, story: _Story) -> tuple[int, int] | None:
    """ "Prime Minister Yasuhiro Nakasone, who said": the phrase before the relative pronoun."""
    end = s0 + len(masked[s0:end].rstrip().rstrip(","))
    if end <= s0:
        return None
    start = _phrase_start(masked, s0, end, story)
    including = masked.rfind(" including ", start, end)
    if including != -1:  # "opponents of the Bill spoke, including Lord Cormack, who said": Cormack
        start = including + len(" including ")
    if not _is_noun_phrase(masked[start:end]):  # "he has accepted the resignation of his minister X, who said"
        for form, _ in story.forms:
            if masked.endswith(form, start, end) and not masked[end - len(form) - 1 : end - len(form)].isalnum():
                return end - len(form), end
    return start, end


_PHRASE_STOP_RE = re.compile(r"[,;:\"“”]|\swho\b")


_CIRCUMSTANCE_AFTER_NAME_RE = re.compile(r"\s(?:in|on|during|after|before|while|when|speaking|adding|later)\s")


def _noun_phrase_after(
    masked: str, start: int, s1: int, any_start: bool = False, circumstance_ends: bool = False
) -> tuple[int, int] | None:
    """ "said Shoichi Saba, Chairman of ...", "said one banker.": a short noun phrase, then a stop.

    After "said" it must open with a capital, a determiner or a title word ("said former Sen.
    Paul Laxalt"), so "said recently." names nobody;
    after "according to" it may open with any word ("according to senior Citibank executive X").
    """
    stop = _PHRASE_STOP_RE.search(masked, start, s1)
    end = stop.start() if stop else s1
    if stop and masked[end - 1 : end] == "." and masked[end + 1 : end + 2].isupper() and stop.group() in "\"“":
        stop, end = None, end - 1  # 'said Chairman Tim Kaine."So that is ...': a quotation opens, no space typed
    if circumstance_ends and (not stop or stop.group() not in _QUOTE_CHARS):
        # '"...," said Rafsanjani in a speech to Parliament later broadcast by Tehran Radio.': the
        # circumstance is no part of who spoke
        circumstance = _CIRCUMSTANCE_AFTER_NAME_RE.search(masked, start + 2, end)
        if circumstance:
            end = circumstance.start()
    if end - start > 100 or not masked[start : start + 1].isspace() or (stop and stop.group() in _QUOTE_CHARS):
        return None
    span = _trim(masked, start, end)
    if span is None:
        return None
    words = masked[span[0] : span[1]].split()
    first = words[0]
    if first.lower() in _PREPOSITIONS:
        return None  # "said on Tuesday", "said in a statement"
    opener = first[:1].isupper() or first.lower() in _DETERMINERS | _PRONOUNS or is_title_word(first)
    opener = opener or (first.endswith("ing") and len(words) > 1 and words[1][:1].isupper())  # "visiting"
    opener = opener or (first in PARTICLES and len(words) > 1 and words[1][:1].isupper())  # "said de Clercq"
    # "said planetary geologist Rosaly Lopes", "said study co-author Anezina Solomonidou": lower-case
    # words, then a role, then a name
    opener = opener or any(
        is_role_word(w) and words[i + 1][:1].isupper() for i, w in enumerate(words[1:3], 1) if i + 1 < len(words)
    )
    # "said Tom Bonier of the liberal National Committee for an Effective Congress": a name, then its body
    limit = 14 if len(words) > 10 and words[1][:1].isupper() and words[2] in ("of", "at", "from") else 10
    if len(words) > limit or not (any_start or opener):
        return None
    if first.lower() == "the" and words[1:2] == ["same"]:
        return None  # "A spokeswoman for the hospital, where he was treated, said the same": what was said
    given = first in ("Will", "May") and len(words) > 1 and words[1][:1].isupper()  # "said Will Tjernlund"
    if (first.lower() in _CLAUSE_MARKERS | _BOUNDARY_WORDS and not given) or any(
        w in _CLAUSE_MARKERS and not (w == "to" and (is_role_word(words[i - 1]) or words[i - 1] in _NEAR_WORDS))
        for i, w in enumerate(words)
    ):
        return None  # but "Ambassador to the United States Hamdullah Mohib", "a source close to the probe"
    if first.lower() in _PRONOUNS and len(words) > 1:
        return None  # "..., said it bought more shares": the reported clause, not who said it
    return span


_DOCUMENT_WORDS = (
    "letter statement report tweet post message video note filing document memo email e-mail release article "
    "column op-ed book essay editorial comments remarks"
).split()
_DOCUMENT_WORD_LISTS = [[word] for word in _DOCUMENT_WORDS]  # the last word before the verb, tested first
_DOCUMENT_BEFORE_RE = re.compile(
    r"\b(?:in|on|via|through|with|from)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+)?"
    rf"(?:{'|'.join(_DOCUMENT_WORDS)})\s+$"
)
# An auxiliary right before a participle (perhaps with an adverb): a progressive form, not "..., saying".
_PROGRESSIVE_ASIDE_RE = re.compile(r"(?<=\s)(?:is|are|was|were)\s+(?:[a-z]+\s+)?$")  # "are (already) saying"
_PROGRESSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|am)\s+(?:[a-z]+ly\s+|still\s+|also\s+)?$")
_DETERMINER_LISTS = [[w] for w in ("a", "an", "the", "A", "An", "The", "its", "his", "her", "their", "this")]
_NEAR_WORDS = frozenset(("close", "closer", "near", "next"))  # "to" after them opens no clause


def _starts_with_intro(text: str) -> bool:
    words = text.split(None, 1)
    if not words:
        return False
    if words[0].lower() in _INTRO_WORDS:
        return True
    if words[0].lower() in _TIME_NOUNS and words[1:] and words[1].split(None, 1)[0].lower() in _TIME_LINKS:
        return True  # "Hours later, he told reporters ...", "Two weeks later": when, as _piece_kind reads it
    if not _is_participle(words[0]):
        return False
    # "Growing protectionism had caused ...": an -ing word before a noun and a finite verb opens a
    # clause, not an intro ("Speaking to reporters", "Citing rising costs")
    rest = words[1].split() if len(words) > 1 else []
    if not rest or rest[0].lower() in _PREPOSITIONS or rest[0].lower() in _DETERMINERS:
        return True
    return _AUXILIARIES.isdisjoint(rest[1:])


def _is_participle(word: str) -> bool:
    """ "speaking", "quoted", "Asked" (but not "Ahmed" or "Mohammed")."""
    lower = word.lower()
    return lower.endswith(("ing", "ed")) and (word[0].islower() or lower in _INTRO_WORDS or lower.endswith("ing"))


def _last_comma(masked: str, s0: int, end: int) -> int:
    """The comma that ends the reported words before the subject ("CLAUSE, X said")."""
    comma = masked.rfind(",", s0, end)
    return comma if comma > s0 else s0


def _trim(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without edge punctuation and spaces, or None when nothing is left."""
    while start < end and masked[start] in " ,:;-–—":
        start += 1
    while end > start and masked[end - 1] in " ,.;:":
        end -= 1
    return (start, end) if end > start else None


def _words(text: str) -> int:
    return len(text.split())


def _quoted_words(quotes: list[_Quote], span: tuple[int, int] | None) -> int:
    """Words of the quotations inside the span."""
    if span is None:
        return 0
    return sum(_words(q.text) for q in quotes if span[0] <= q.mark and q.end <= span[1])


def _unquoted_words(masked: str, span: tuple[int, int] | None) -> int:
    """Words of the span outside quotation marks."""
    if span is None:
        return 0
    if "Q" not in masked[span[0] : span[1]]:
        return _words(masked[span[0] : span[1]])
    return sum(1 for w in masked[span[0] : span[1]].split() if w.strip(_QUOTE_CHARS + ",.").strip("Q"))


# --- Who the subject is -------------------------------------------------------------------------


def _resolve(paragraph: str, masked: str, index: int, attribution: _Attribution, story: _Story) -> _Speaker:
    start, end = attribution.subject
    label = _clean_subject(paragraph[start:end])
    if " by " in label and (seen := _SEEN_BY_RE.search(label)):
        # "A leaked letter seen by Sky News says": the paper saw the letter, the letter speaks
        label = label[: seen.start()]
    lower = label.lower()
    if lower.startswith("who ") and (named := _NAME_BEFORE_WHO_RE.search(paragraph, max(0, start - 60), start)):
        # "Evan Kohlmann, who tracks jihadi Web sites for NBC News said": the relative's antecedent
        if person := _person_heading(named.group(1), story):
            return _Speaker(person=person, label=named.group(1))
    if lower in _OBJECT_PRONOUNS:  # "Antara quoted him as saying": he
        lower = _OBJECT_PRONOUNS[lower]
    if lower in _PRONOUNS:
        content = attribution.content
        if lower in ("he", "she") and content and content[1] <= start and masked.endswith("as ", 0, start):
            # "General Stanley McChrystal believes more troops could bring peace, as he said in an
            # interview": the subject of the words he is said to have said
            subject = _clause_subject_person(paragraph, index, content, lower, story)
            if subject is not None:
                return _Speaker(person=subject, label=lower)
        speaker = _resolve_pronoun(lower, index, start, story, content)
        if speaker.person and lower in ("he", "she") and story.genders.get(speaker.person) is None:
            # "Charlie McDowell ... he said" tells the reader his sex: a later "she" is someone else
            story.genders[speaker.person] = "m" if lower == "he" else "f"
        return speaker
    if " and " in lower and (team := _AND_TEAM_RE.fullmatch(label)):
        # "Paganini and his team reported": the one named leads and speaks for them
        if (who := team.group(1)).lower() in ("he", "she"):
            return _resolve_pronoun(who.lower(), index, start, story, attribution.content)
        if person := _person_heading(who, story):
            return _Speaker(person=person, label=label)
    if "-year-old" in lower and (age := _AGE_SUBJECT_RE.fullmatch(lower)):
        return _Speaker(person=_person_of_age(age.group(1), index, start, story, attribution.content), label=label)
    head = [label.split(",", 1)[0]] if "," in label else []  # "Wright, a Texas Democrat, conceded ... but said"
    apposed = [_clean_subject(paragraph[a:b]) for a, b in attribution.appositions] if attribution.appositions else []
    for phrase in [label, *head, *apposed]:
        person = _person_heading(phrase, story)
        if person and phrase[:2] in ("Mr", "Ms", "Mi") and _honorific_of_other_sex(phrase, person):
            return _Speaker(label=label)  # "When Ms. Holmes told a reporter": his mother, not James Holmes
        if person:
            first = _joint_first(paragraph, start, story) if paragraph.endswith(" and ", 0, start) else None
            return _Speaker(person=first or person, label=label)
    capitals = _CAPITALS_NAME_RE.search(label) if sum(map(str.isupper, label)) > 5 else None
    if capitals and (person := _person_heading(label.replace(capitals.group(), capitals.group().title()), story)):
        return _Speaker(person=person, label=label)  # "Ex-Environment Secretary THERESA VILLIERS says"
    writing = _WRITING_OF_RE.match(label) if label.endswith(_WRITING_ENDS) else None
    if writing and (person := _person_heading(writing.group(1), story)):
        return _Speaker(person=person, label=label)  # "Yeutter's letter said": the letter's writer
    owned = _OWNED_RE.match(label) if "'s" in label or "’s" in label else None
    if owned and _person_heading(owned.group(1), story) and not _person_heading(owned.group(2), story):
        return _Speaker(organisation=owned.group(2), label=label)  # "Warren Buffett's Berkshire Hathaway said"
    if _unnamed_voice_again(label, index, start, story):
        return _Speaker(label=label)  # "A futures industry official said ... / "...," the official said"
    if (firm := _firm_named(label, story)) is not None:  # "Duff and Phelps said", "lead manager Banque Indosuez said"
        known = _organisation_voice(label, story) or _organisation_named(label, index, start, story)
        return _Speaker(organisation=known or _company_by_form(label) or firm, label=label)
    if _is_compound(label, story) and not _company_by_form(label):  # "Standard and Poor's Corp" is one
        return _Speaker(label=label, plural=True)
    if attribution.appositions and (publication := _publication_named(label, paragraph, attribution)):
        return _Speaker(organisation=publication, label=label)
    if attribution.appositions and (apposed := _organisation_apposed(label, paragraph, attribution, story)):
        return _Speaker(organisation=apposed, label=label)
    organisation = (
        _organisation_voice(label, story) or _organisation_named(label, index, start, story) or _company_by_form(label)
    )
    if organisation:
        return _Speaker(organisation=organisation, label=label)
    if (company := _speaking_of_itself(label, paragraph, attribution, story)) is not None:
        return _Speaker(organisation=company, label=label)
    if (introduced := _surname_introduced(label, index, start, story)) is not None:
        return _Speaker(person=introduced, label=label)
    role_holder = _person_for_role(label, story, index, start)
    if role_holder is not None:
        if role_holder.person and _named_in_aside(paragraph, end, attribution, role_holder.person, story):
            return _Speaker(label=label)  # "The former astronaut, who was married to Ride ..., added": not Ride
        return role_holder
    described = _described_person(label, story) or _aged_person(label, story)
    if described is not None:
        return _Speaker(person=described, label=label)
    if (antecedent := _described_antecedent(label, index, start, story, attribution.content)) is not None:
        return _Speaker(person=antecedent, label=label)
    if (body := _body_by_name(label)) is not None:
        return _Speaker(organisation=body, label=label)
    return _Speaker(label=label, plural=_is_plural(label))


# "The San Francisco Chronicle", "the U.S. Attorney’s Office for the Western District of New York",
# "the Chinese CDC": "the", then a name in capitals ending in a body's word, a newspaper's or initials.
_THE_NAME_RE = re.compile(r"[Tt]he\s+((?:[A-Z][\w&.'’-]*)(?:\s+(?:of|for|on|the|[A-Z][\w&.'’-]*))*)")
_NEWSPAPER_WORDS = frozenset(
    "chronicle times post journal herald tribune gazette news express mail telegraph guardian observer "
    "standard star sun mirror independent economist review monitor globe courier record bulletin inquirer "
    "examiner register dispatch".split()
)


@lru_cache(maxsize=4096)  # a pure function of the label
def _body_by_name(label: str) -> str | None:
    """The body a label names by its proper name after "the", when nothing else resolved it (not "the
    Texas Democrat", "the United States", "The Koethers": a person, a country, a family)."""
    named = _THE_NAME_RE.fullmatch(label)
    if named is None:
        return None
    name = named.group(1)
    last = name.split()[-1]
    lower = last.lower()
    if not (lower in ORGANISATION_WORDS or lower in _NEWSPAPER_WORDS or re.fullmatch(r"[A-Z]{2,6}", last)):
        return None
    if country_code(name) or " And " in name:
        return None  # "The US", "the U.S. And West Germany" (a headline's capitals)
    first = name.split()[0]
    if " " not in name and lower not in _NEWSPAPER_WORDS and not re.fullmatch(r"[A-Z]{2,6}", last):
        return None  # "The Banks": a kind of body, no name
    if is_role_word(first) or first.lower() in MONTHS or is_role_word(last):
        return None  # "the Governor of the Central Bank", "The February FOMC", "the Conservative MP"
    return name


def _clause_subject_person(
    paragraph: str, index: int, content: tuple[int, int], pronoun: str, story: _Story
) -> str | None:
    """The person who opens the clause `content` as its subject (a name after at most four words of
    title or role: "United States general Stanley McChrystal"), when the pronoun agrees."""
    first = next((m for m in story.mentions.get(index, []) if content[0] <= m[0] < content[1]), None)
    if first is None:
        return None
    opening = paragraph[content[0] : first[0]].split()
    if len(opening) > 4 or not all(w[:1].isupper() or is_role_word(w) or w in _DETERMINERS for w in opening):
        return None
    return first[2] if _agrees(pronoun, first[2], story) else None


_NAME_BEFORE_WHO_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*),\s*$")
_SEEN_BY_RE = re.compile(r"\s+(?:seen|obtained|reviewed|viewed|cited)\s+by\s")


# "Treasury Secretary James Baker and": a capitalised run, opening its clause, before "and".
_JOINT_FIRST_RE = re.compile(
    r"(?:^|[.,;:\"“”(]\s*|\s(?:[Bb]ut|[Aa]nd|[Bb]oth)\s+)([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})\s+and\s+$"
)


def _joint_first(paragraph: str, start: int, story: _Story) -> str | None:
    """ "Baker and Volcker said": two people speak as one subject; the words go to the first named
    (the gold's rule: the first speaks, the second is accepted), when the first is a person."""
    joint = _JOINT_FIRST_RE.search(paragraph, max(0, start - 100), start)
    if joint is None:
        return None
    first = _person_heading(joint.group(1), story)
    # A full name of two words or more: not a word that ends a role ("Minister of Energy, Telecoms and Post X")
    if not (first and " " in first):
        return None
    # "Garn, Heinz and Selby said": a list of people; the first named opens it (each one a person)
    at, seen = joint.start(1), 0
    while seen < 6 and (item := _LIST_ITEM_BEFORE_RE.search(paragraph, max(0, at - 80), at)):
        earlier = _person_heading(item.group(1), story)
        if not (earlier and " " in earlier) or earlier == first:
            break
        first, at, seen = earlier, item.start(1), seen + 1
    return first


# A capitalised run and a comma before a list's next name: "Jake Garn, " of "Jake Garn, John Heinz and"
_LIST_ITEM_BEFORE_RE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}),\s*$")


# "lead manager Banque Indosuez", "sole underwriter Ryan, Beck and Co": the bank that manages an issue
# (a label holding neither "manager" nor "underwriter", in any case, is not tried: most labels)
_MANAGER_RE = re.compile(
    r"(?i:(?:the\s+)?(?:(?:joint|co|sole|lead)[\s-]+){0,2}(?:managers?|underwriters?))\s+([A-Z][^<>]*?)(?:\s*<[^<>]*>)?$"
)
_FIRM_PAIR_RE = re.compile(r"(?:(?:the|a|an|[a-z]+)\s+){0,3}?(([A-Z][\w'’-]+)\s+(?:and|&)\s+([A-Z][\w'’-]+))")


def _firm_named(label: str, story: _Story) -> str | None:
    """A firm named by its role in an issue ("lead manager Banca Commerciale Italiana") or after its
    founders ("Duff and Phelps", "the dealer house Handy and Harman"): neither word a person of the
    story nor printed but in the pair ("Baker and Volcker said" are two people)."""
    lower = label.lower()
    manager = _MANAGER_RE.fullmatch(label) if "anager" in lower or "nderwr" in lower else None
    if manager:
        name = manager.group(1)
        if _person_heading(name, story) or country_code(name):
            return None
        return story.org_index.canonical.get(name, name)
    if " and " not in label and " & " not in label:
        return None
    pair = _FIRM_PAIR_RE.fullmatch(label)
    if pair is None:
        return None
    whole, first, second = pair.groups()
    if "--" in whole or any(country_code(w) or _person_heading(w, story) or is_title_word(w) for w in (first, second)):
        return None
    body = story.document.body
    uses = body.count(whole) * (2 if first == second else 1)  # "Reynolds and Reynolds"
    if body.count(first) != uses or body.count(second) != uses:
        return None  # "Trump and Interstate said": each also named on its own, two parties
    # the name the story gives the firm in full ("Standard and Poor's Corp"), else the pair
    return next((o.name for o in story.organisations if o.name.startswith(whole)), whole)


def _surname_introduced(label: str, index: int, start: int, story: _Story) -> str | None:
    """ "Greta Lindqvist ... Lindqvist told Variety ... her mother, Ingrid Lindqvist": a last name
    two people of the story share is the one of them named before it, when only one was."""
    words = label.split()
    if not 1 <= len(words) <= 2 or not words[-1][:1].isupper():
        return None
    if len(words) == 2 and words[0].lower() not in HONORIFICS:  # "Ms. Lindqvist"
        return None
    if story.surnames is None:
        story.surnames = {}
        for person in story.people:
            if person.spans and len(person.name.split()) > 1:
                first = min((s.paragraph, s.start) for s in person.spans)
                story.surnames.setdefault(person.name.split()[-1], []).append((first, person.name))
    before = [name for first, name in story.surnames.get(words[-1], []) if first < (index, start)]
    return before[0] if len(before) == 1 else None


_ITSELF_RE = re.compile(
    r"(?:that\s+)?(?:its|it(?!\s+(?:(?:would|will|could|might|may|should)\s+(?:not\s+)?be|(?:was|is|were)(?!\s+[a-z]+ing\b))\b))\s"
)
_NAME_OF_BODY_RE = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:&|and|[A-Z][\w&'’.-]*)){0,2}")


def _speaking_of_itself(label: str, paragraph: str, attribution: _Attribution, story: _Story) -> str | None:
    """ "Porsche said it would cut production", "Rio Tinto said its output rose": a name of one to
    three capitalised words, no person and no country, that says "it" or "its" of itself (not the
    "it" of nobody: "it would be", "it was") is a company speaking (people.py takes it for no person)."""
    content = attribution.content
    if content is None or content[0] < attribution.subject[1] or not _NAME_OF_BODY_RE.fullmatch(label):
        return None
    if not _ITSELF_RE.match(paragraph, content[0]) or country_code(label) or _person_heading(label, story):
        return None
    words = label.split()
    if any(is_prefix_word(w) for w in words) or (len(words) == 1 and label.endswith("s")):
        return None  # "Analysts said it would take years", "Doctors said it": a group, no name
    return label


# "Yeutter's letter", "Smith's written statement": what a person wrote or gave speaks for that person.
_WRITINGS = (
    "letter statement speech message testimony remarks memo memorandum article column book tweet note communique "
    "affidavit"
).split()
_WRITING_OF_RE = re.compile(rf"(.+?)['’]s?\s+(?:[a-z]+\s+)?(?:{'|'.join(_WRITINGS)})$")
# What a label _WRITING_OF_RE matches ends with ("$" matches before a last line break too): tested first.
_WRITING_ENDS = tuple(end for writing in _WRITINGS for end in (writing, writing + "\n"))
_NAME_WORD_RE = re.compile(r"[A-Z][\w&.'’-]*$")
# A person's possessive, then a capitalised name: what the person owns or leads.
_OWNED_RE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+)['’]s\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})$")


@lru_cache(maxsize=4096)  # a pure function of the label, asked up to three times a subject, story after story
def _company_by_form(label: str) -> str | None:
    """ "Standard and Poor's Corp said", "Dutch electronics group N.V. Philips Gloeilampenfabrieken
    <PGLO.AS> said": capitalised words that end in a company's legal form or stand before its
    ticker name a company (a description in lower case before them is no part of it)."""
    ticker = _LABEL_TICKER_RE.search(label) if "<" in label else None  # no ticker, no search of every place
    text = label[: ticker.start()] if ticker else label
    words = text.split()
    run = len(words)
    while run > 0 and (words[run - 1][:1].isupper() or words[run - 1] in _NAME_LINKS):
        run -= 1
    words = words[run:]  # the capitalised run that ends it: not "Dutch electronics group"
    if words and words[0] in ("The", "A", "An"):
        words = words[1:]
    if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in _NAME_LINKS for w in words):
        return None
    if words[0] in _NAME_LINKS or words[-1] in _NAME_LINKS:
        return None
    legal = words[-1].lower().rstrip(".") in _LEGAL_FORMS and len(words) > 1
    if len(words) == 1 and " " not in label and is_camel_body(words[0]):
        return words[0]  # "SoftBank said", "ImageMaster said": a capital inside one word names a firm or a site
    if not (ticker or legal) or country_code(" ".join(words)) or country_code(words[0]):
        return None
    return " ".join(words)


_LABEL_TICKER_RE = re.compile(r"\s*<[A-Z0-9.]{1,10}>\s*$")
_NAME_LINKS = frozenset({"and", "&", "of", "und", "et", "de", "du", "la", "van", "von"})
_LEGAL_FORMS = frozenset(
    "corp corporation co cos inc ltd plc ag sa nv bv gmbh spa cie llc lp ab asa oy oyj kk bhd pty".split()
)


def _publication_named(label: str, paragraph: str, attribution: _Attribution) -> str | None:
    """ "The Indian Express, the country's biggest selling paper, said": a name, then an
    apposition that calls it a newspaper, an agency or a broadcaster: the name is that body's."""
    words = label.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD_RE.match(w) for w in words):
        return None
    for a, b in attribution.appositions:
        apposed = paragraph[a:b].split()
        if apposed and apposed[0].lower() in ("the", "a", "an") and apposed[-1].lower() in _PUBLICATION_WORDS:
            return " ".join(words)
        if len(apposed) > 2 and apposed[0].lower() in _BUSINESS_PLURALS and apposed[1] == "of":
            return " ".join(words)  # "Townsend Thorensen, owners of the ferry, said": a company
    return None


_BUSINESS_PLURALS = frozenset({"owners", "operators", "makers", "manufacturers", "producers", "publishers"})
_APPOSED_NAME_RE = re.compile(r"(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w&.'’-]*)){0,6})")


def _organisation_apposed(label: str, paragraph: str, attribution: _Attribution, story: _Story) -> str | None:
    """ "The U.N. children's agency, UNICEF, said", "the military body in charge of civil affairs,
    COGAT, said": a description in lower case, then the body's name in an apposition: that body
    speaks (not one of the names inside the description)."""
    words = _POSTMODIFIER_RE.split(label, 1)[0].split()  # "body in charge of ...": the head before "in"
    if len(words) < 2 or not words[-1].islower() or words[-1] not in _APPOSED_BODY_NOUNS:
        return None
    for a, b in attribution.appositions:
        match = _APPOSED_NAME_RE.fullmatch(paragraph[a:b].strip())
        if not match or _person_heading(match.group(1), story):
            continue
        printed = match.group(1)
        name = story.org_index.canonical.get(printed, printed)
        story.described[name] = words[-1]  # "the agency" later is no "body"
        return name
    return None


# Nouns that describe a body in a description before its name: "the U.N. children's agency, UNICEF".
_APPOSED_BODY_NOUNS = frozenset(
    "agency body organisation organization group watchdog ministry department office authority "
    "regulator bank company firm militia movement party coalition union alliance network charity".split()
)


def _aged_person(label: str, story: _Story) -> str | None:
    """ "the 54-year-old Democrat said" where the story printed "Maria Lopez, 54,": the one person
    printed with that age."""
    aged = _AGED_RE.match(label) if "-year-old" in label.lower() else None
    if aged is None:
        return None
    age = aged.group(1)
    body = story.body
    found = {name for form, name in story.forms if f"{form}, {age}," in body or f"{age}-year-old {form}" in body}
    return found.pop() if len(found) == 1 else None


_AGED_RE = re.compile(r"(?:the|a)\s+(\d{1,3})-year-old\b", re.I)


def _described_person(label: str, story: _Story) -> str | None:
    """ "the Texas Democrat said" where the story printed "Jim Wright, a Texas Democrat": the one
    person the story describes so, in an apposition right after the person's name."""
    words = label.split()
    if not 2 <= len(words) <= 5 or words[0].lower() != "the" or _is_plural(label):
        return None
    description = " ".join(words[1:])
    if description not in story.described_people:  # a pure function of it in a story
        story.described_people[description] = _described_so(description, story)
    return story.described_people[description]


def _described_so(description: str, story: _Story) -> str | None:
    if not story.apposes(description.lower()):
        return None  # the common case: no such apposition, no regex to build
    body = story.body
    found = set()
    for match in re.finditer(rf",\s+(?:a|an)\s+{re.escape(description)}\b", body, re.I):
        before = body[max(0, match.start() - 60) : match.start()]
        for form, name in story.forms:
            if before.endswith(form):
                found.add(name)
                break
        if len(found) > 1:
            return None
    return found.pop() if len(found) == 1 else None


# Nouns by which a story names again an organisation it has named: "the company said", "the
# association said", "The paper said", "a company spokesman said", "the ministry document".
_ORGANISATION_NOUNS = frozenset(
    "company firm group bank association ministry department paper newspaper daily agency exchange "
    "commission board office authority council committee union corporation utility institute fund "
    "federation organisation organization embassy mission court prosecutors service radio television bureau".split()
)
# Nouns any organisation may be called by: "the company" is whatever company spoke last.
_GENERIC_ORGANISATION_NOUNS = frozenset(
    "company firm group paper newspaper daily corporation utility radio television agency".split()
)
_NO_AGENCY_HEADS = frozenset("ministry department bank government office council committee commission".split())
_DESCRIPTION_DETERMINERS = frozenset("the a an this".split())
_COMPANY_SUFFIXES = frozenset(
    "corp corp. corporation co co. cos company ltd ltd. inc inc. plc ag sa nv bv gmbh spa group holdings "
    "mines mining industries".split()
)


def _organisation_named(label: str, index: int, offset: int, story: _Story) -> str | None:
    """An organisation named again: by a description ("the company", "the association", "a
    company spokesman", "the spokesman" after a company spoke), by its short form ("Echo Bay"
    for Echo Bay Mines Ltd, "Westinghouse") or by its initials ("CFTC", "S and P", "SIMEX" given
    beside the name). Only organisations that spoke before, or the story's one of that kind."""
    words = label.replace("<", "").replace(">", "").split()
    while len(words) > 1 and words[0].endswith("-based"):
        words = words[1:]  # "U.S.-based Hindenburg": where it is based, not its name
    if not words:
        return None
    lower = [w.lower() for w in words]
    # The organisations that spoke before (_organisation_speakers) are read only where a branch needs
    # them: most labels ("officials", "the sources") are turned down before (nothing between changes them).
    titled = _titled_organisation(label)
    if titled:  # "energy firm Soekor", "lead manager Nippon Credit International Ltd", "the government's X Agency"
        name = titled[0] or titled[1]
        if name:
            return name
        bare = _LEAD_INITIALS_RE.sub("", titled[2])  # "broker C. Czarnikow": the firm known as "Czarnikow"
        return bare if bare in story.org_index.names else titled[2]
    if lower[0] in _DESCRIPTION_DETERMINERS:
        rest = lower[1:]
        if rest and rest[-1] in _VOICE_WORDS:  # "a company spokesman", "the spokesman", "the ministry document"
            rest = rest[:-1]
        if not rest:
            if lower[-1] not in _VOICE_WORDS or _is_plural(label):
                return None
            if lower[-1] in _DOCUMENT_VOICES and _unresolved_since(lower[-1], story):
                return None  # "the new report said" (whose?) ... "the report said": still that report
            speakers = _organisation_speakers(index, offset, story)
            return speakers[0] if speakers else _story_company(index, story)  # "a spokesman said"
        if any(w[:1].isupper() for w in words[1:]) or len(rest) > 4:
            speakers = _organisation_speakers(index, offset, story)
            for name in speakers:  # "The Adani group" after "the Adani Group said"
                if len(rest) <= 4 and all(w in name.lower().split() for w in rest):
                    return name
            if len(rest) <= 4 and rest[-1] in _ORGANISATION_NOUNS:  # the story's one "Adani Group", said or not
                having = story.org_index.by_lower_word.get(rest[-1], ())
                named = {name for name in having if all(w in name.lower().split() for w in rest)}
                if len(named) == 1:
                    return named.pop()
            if len(words) == 2 and words[1].isupper() and len(words[1]) >= 2:  # "the EIU said"
                named = set(story.org_index.by_abbreviation.get(words[1], ()))
                if len(named) == 1:
                    return named.pop()
                spoken = [n for n in speakers if _initials_match([words[1]], n.split())]  # "the NYSE"
                if spoken:
                    return spoken[0]
                acronym = _acronym_of(words[1], story)
                return acronym or (words[1] if _ACRONYM_RE.fullmatch(words[1]) else None)
            return _name_in_lower_case(words[1:], story)  # "The New York stock exchange said"
        if lower[0] == "the" and len(rest) == 2 and rest[-1] in _FIELD_BODIES and words[1].isalpha():
            # "the finance ministry said": the body printed in lower case, named by its field
            if rest[-1] not in story.org_index.by_last_lower_word:
                return f"{words[1].capitalize()} {words[2].capitalize()}"
        noun = rest[-1]
        if noun not in _ORGANISATION_NOUNS:
            return None
        for name in _organisation_speakers(index, offset, story):  # "The bank said" after "Westpac Banking Corp said"
            if noun == "agency" and name.lower().split()[-1] in _NO_AGENCY_HEADS:
                continue  # "the agency" is no ministry or bank that spoke before
            if story.described.get(name, noun) != noun:
                continue  # "the agency" is not the "military body, COGAT," that spoke before
            if noun in ("company", "firm") and _is_media(name, story):
                continue  # "According to Reuters, ... A company spokesperson said": the news source is no company here
            if noun in _GENERIC_ORGANISATION_NOUNS or any(w.startswith(noun) for w in name.lower().split()):
                return name
        if noun in ("company", "firm") and (
            company := _company_speaker(index, offset, story)
            or _story_company(index, story)
            or _one_company(story)
            or _tickered_company(index, story)
        ):
            return company  # "<Westland Plc> will cut jobs, a company spokesman said"
        kind = story.org_index.names_by_kind.get(noun, set())  # "the bank": "Westpac Bank", "Bank of Japan"
        if len(kind) == 1:
            return next(iter(kind))
        return _named_in_story(noun, index, story)
    if (
        len(lower) == 3
        and lower[2] in _FIELD_BODIES
        and words[1].isalpha()
        and words[1].islower()
        and _POSSESSIVE_END_RE.search(words[0])
        and country_code(words[0])
    ):  # "China's foreign ministry said": the body printed in lower case, named by its field
        if lower[2] not in story.org_index.by_last_lower_word:
            return f"{words[1].capitalize()} {words[2].capitalize()}"
    if not all(w[:1].isupper() or w in ("and", "&", "of") for w in words) or len(words) > 4:
        return None
    # "Echo Bay" for Echo Bay Mines Ltd, "Westinghouse" for Westinghouse Electric Corp
    for name in _organisation_speakers(index, offset, story):
        name_words = name.split()
        if len(name_words) > len(words) and name_words[: len(words)] == words:
            return name
        if _initials_match(words, name_words):
            return name
    opened = _organisation_opened_by(words, story)
    if opened:
        return opened
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 3:
        # "SIMEX said" after "... Exchange Ltd, SIMEX,"; else the acronym itself ("TWA said")
        return _acronym_of(words[0], story) or (words[0] if _ACRONYM_RE.fullmatch(words[0]) else None)
    name = " ".join(words)
    if full := _company_printed_in_full(name, story):
        return full
    # "Honeywell Bull, a 1.9 billion dlr computer systems company formed ..., said": the story
    # calls the name a company (so it is no person either).
    if words[-1] in ("and", "&", "of") or country_code(name):
        return None  # "Polish officials" beside "Polish National Bank"
    if name not in story.companies:
        story.companies[name] = printed_as_company(name, story.body, story.body_places)
    return name if story.companies[name] else None


_FIELD_BODIES = frozenset({"ministry", "department"})
_LOWER_CASE_BODIES = frozenset(
    "exchange bureau agency commission council committee institute association board".split()
)


def _name_in_lower_case(words: list[str], story: _Story) -> str | None:
    """ "New York stock exchange": a place's capitalised name, then one or two lower-case words
    ending in a body's noun, is that body's name (not a country's: "the Japanese stock exchange")."""
    run = 0
    while run < len(words) and words[run][:1].isupper():
        run += 1
    tail = words[run:]
    if not 1 <= run <= 3 or not 1 <= len(tail) <= 2 or tail[-1].lower() not in _LOWER_CASE_BODIES:
        return None
    if not all(w.isalpha() and w.islower() for w in tail) or country_code(" ".join(words[:run])):
        return None
    if any(country_code(w) for w in words[:run]):
        return None
    return " ".join([*words[:run], *(w.capitalize() for w in tail)])


def _organisation_opened_by(words: list[str], story: _Story) -> str | None:
    """ "UAL said" where the story named "UAL Inc", "Suisse said" after "Credit Suisse": the one
    organisation of the story whose name opens (or ends) with these words and has more. Words
    that any institution's name may hold ("Bank", "Ministry") name none."""
    if all(w.lower() in ORGANISATION_WORDS or w.lower() in _COMPANY_SUFFIXES for w in words):
        return None
    if country_code(" ".join(words)):
        return None  # "Japan promised" is not the Bank of Japan
    n = len(words)
    index = story.org_index  # only names that open with the first word or end with the last
    candidates = [*index.by_first_word.get(words[0], ()), *index.by_last_word.get(words[-1], ())]
    found = {
        name for name, name_words in candidates if len(name_words) > n and words in (name_words[:n], name_words[-n:])
    }
    return found.pop() if len(found) == 1 else None


_COMPANY_END_RE = re.compile(
    r"(?:\s+[A-Z][\w&'’.-]*){0,2}\s+(?:Corp|Corporation|Co|Cos|Inc|Ltd|Plc|PLC|AG|SA|NV|GmbH|SpA|Group|"
    r"Holdings|Industries|Securities|Investments|Resources|Associates|Partners)\b\.?"
)


def _company_printed_in_full(name: str, story: _Story) -> str | None:
    """ "Standard and Poor's said" where the story printed "Standard and Poor's Corp": that company."""
    body = story.body
    for at in islice(finds(body, name, len(name), story.body_places), 16):
        tail = _COMPANY_END_RE.match(body, at + len(name))
        if tail:
            return name + tail.group()
    return None


# A company noun or a role before an organisation's name, or a possessive: "energy firm Soekor",
# "lead manager Nippon Credit International Ltd", "The government's Economic Planning Agency".
@lru_cache(maxsize=8192)  # a pure function of the label; the same subjects come back ("the company", "he")
def _titled_organisation(label: str) -> tuple[str | None, ...] | None:
    """The groups of _TITLED_ORGANISATION_RE's search of the label (a long search: it tries every
    place, and ends in the organisation words in any case), or None."""
    found = _TITLED_ORGANISATION_RE.search(label)
    return found.groups() if found else None


_TITLED_ORGANISATION_RE = re.compile(
    r"\b(?:firm|company|group|carrier|maker|producer|utility|newspaper|daily|agency|unit|subsidiary|division|"
    r"giant|lender|insurer|automaker|carmaker|chipmaker|retailer|conglomerate|broadcaster|publication|newsletter|"
    r"weekly|magazine|journal|party|union|charity)\s+"  # "political party Vänsterpartiet Malmö", "trade union Unite"
    # a firm's initials and a particle inside the name: "broker C. Czarnikow", "newspaper Welt am Sonntag"
    r"((?:[A-Z][\w&'’.-]*\s+(?:(?:am|do|da|and|And)\s+)?){0,3}[A-Z][\w&'’.-]*)$|"
    r"(?:^|\s)(?:[a-z]+\s+[a-z]+|\w+['’]s)\s+((?:[A-Z][\w&'’.-]*\s+(?:(?:of|and|for)\s+)?){1,5}"
    rf"(?i:{'|'.join(sorted(w.rstrip('.') for w in ORGANISATION_WORDS))}))\.?$|"
    r"\b(?:broker|house)\s+((?:[A-Z]\.?\s?){1,3}[A-Z][\w&'’-]+)$"  # "broker C. Czarnikow": a firm's initials
)
_LEAD_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?\s?)+(?=[A-Z][a-z])")
_BRACKETED_COMPANY_RE = re.compile(r"<([^<>]*[a-z][^<>]*)>")


def _story_company(index: int, story: _Story) -> str | None:
    """The company a story is about: the first one Reuters marks with angle brackets up to here."""
    for paragraph in story.document.paragraphs[: index + 1]:
        match = _BRACKETED_COMPANY_RE.search(paragraph)
        if match:
            return match.group(1)
    return None


def _tickered_company(index: int, story: _Story) -> str | None:
    """ "Alsthom <ALSF.PA> has won a contract, the company said": the first company printed with
    its ticker up to here, for "the company" when no company spoke and none is bracketed."""
    for paragraph in story.document.paragraphs[: index + 1]:
        match = _TICKERED_COMPANY_RE.search(paragraph) if "<" in paragraph else None
        if match:
            return match.group(1)
    return None


# "French heavy engineering group Alsthom <ALSF.PA>": the capitalised words right before a ticker
# (after a possessive: "Solutions Inc's Multi Soft Inc <MSOF>" is Multi Soft Inc).
_TICKERED_COMPANY_RE = re.compile(
    r"((?:[A-Z][\w&.-]*\s+(?:(?:and|&|of|de)\s+)?){0,4}[A-Z][\w&.-]*)\s+<[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?>"
)


def _one_company(story: _Story) -> str | None:
    """The one company the story's opening paragraph names: "talks at Cargill U.K. Ltd's plant
    ended, a company spokesman said"."""
    names = {o.name for o in story.organisations if o.kind == "company" and o.spans[0].paragraph == 0}
    return names.pop() if len(names) == 1 else None


def _company_speaker(index: int, offset: int, story: _Story) -> str | None:
    """ "KeyCorp said ... The company said": the last speaker before, in the last five paragraphs,
    named by capitalised words the story resolved to nobody (not a person's given name, not a
    country, not a group)."""
    for event in reversed(story.events[-_LOOK_BACK:]):
        if event.paragraph < index - 5:
            return None
        speaker = event.speaker
        if (event.paragraph, event.offset) >= (index, offset) or speaker.person or speaker.organisation:
            continue
        words = _clean_subject(speaker.label).split()
        if (
            1 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and not speaker.plural
            and not is_given_name(words[0])
            and not is_title_word(words[0])
            and not country_code(" ".join(words))
            and words[0].lower() not in _PRONOUNS | _DETERMINERS
        ):
            return " ".join(words)
        return None
    return None


def _is_media(name: str, story: _Story) -> bool:
    return any(o.name == name and o.kind == "media" for o in story.organisations)


def _named_in_story(noun: str, index: int, story: _Story) -> str | None:
    """ "the ministry": the one capitalised name ending in "Ministry" the story printed up to here.

    The paragraphs are read once per noun, as far as asked, and no further once two names are found
    (statements come paragraph by paragraph): not all the paragraphs before, again at every subject."""
    seen = story.noun_names.setdefault(noun, _NamesSoFar())
    pattern = re.compile(rf"((?:[A-Z][\w&'’.-]*\s+){{1,4}}){noun.capitalize()}\b")
    paragraphs = story.document.paragraphs
    while seen.read <= index and seen.read < len(paragraphs) and len(seen.names) < 2:
        for match in pattern.finditer(paragraphs[seen.read]):
            words = [w for w in match.group(1).split() if w not in ("The", "A", "An")]
            name = " ".join([*words, noun.capitalize()])
            if words and all(name != known for _, known in seen.names):
                seen.names.append((seen.read, name))
                if len(seen.names) == 2:
                    break  # two names up to here answer None from this paragraph on: read no further
        seen.read += 1
    names = [name for paragraph, name in seen.names if paragraph <= index]
    return names[0] if len(names) == 1 else None


# A report is often a third party's study ("the new report said" of a think tank's report, after a
# ministry spoke): an unresolved one keeps later mentions unresolved. (A statement is its issuer's.)
_DOCUMENT_VOICES = frozenset(("report",))


def _unresolved_since(head: str, story: _Story) -> bool:
    """A description with this head word spoke, unresolved, after the last organisation that spoke."""
    for event in reversed(story.events[-_LOOK_BACK:]):
        if event.speaker.organisation or event.speaker.person:
            return False
        if event.speaker.label.lower().split()[-1:] == [head]:
            return True
    return False


def _organisation_speakers(index: int, offset: int, story: _Story) -> list[str]:
    """Organisations that spoke before this place, the latest first (the last five paragraphs)."""
    found: list[str] = []
    for event in reversed(story.events[-_LOOK_BACK:]):
        if event.paragraph < index - 5:
            break
        name = event.speaker.organisation
        if (
            name
            and not event.speaker.person
            and (event.paragraph, event.offset) < (index, offset)
            and name not in found
        ):
            found.append(name)
    return found


def _initials_match(words: list[str], name_words: list[str]) -> bool:
    """ "S and P" for Standard and Poor's Corp, "CFTC" for Commodity Futures Trading Commission."""
    letters = (
        "".join(w for w in words if w not in ("and", "&", "of"))
        if all(len(w) == 1 or w in ("and", "&", "of") for w in words)
        else ""
    )
    if not letters and len(words) == 1 and words[0].isupper():
        letters = words[0]
    if len(letters) < 2:
        return False
    capitals = [w[0] for w in name_words if w[:1].isupper()]
    without_suffix = [w[0] for w in name_words if w[:1].isupper() and w.lower() not in _COMPANY_SUFFIXES]
    return letters in ("".join(capitals), "".join(without_suffix))


def _acronym_of(acronym: str, story: _Story) -> str | None:
    """ "The Singapore International Monetary Exchange Ltd, SIMEX, said": the name printed just
    before the acronym, between commas or in brackets."""
    if country_code(acronym):
        return None  # "UK" and "US" abbreviate countries: ", UK Foreign Secretary," follows a person
    paragraphs = story.document.paragraphs
    printed = _acronym_places(acronym, story)
    if printed is not None:  # a long story: the paragraphs that print it, the first place of each needle
        for index, _, at in printed:
            if at > 0:
                run = _CAPITALISED_RUN_END_RE.search(paragraphs[index], max(0, at - 120), at)
                if run:
                    return run.group(1).removeprefix("The ")
        return None
    needle_forms = (f", {acronym},", f" ({acronym})", f", {acronym} ")
    for paragraph in paragraphs:
        for needle in needle_forms:
            at = paragraph.find(needle)
            if at > 0:
                run = _CAPITALISED_RUN_END_RE.search(paragraph, max(0, at - 120), at)
                if run:
                    return run.group(1).removeprefix("The ")  # "The London Meat Futures Exchange, LMFE,"
    return None


_ACRONYM_RE = re.compile(r"[A-Z]{3,8}")
# _acronym_of's needles ", X,", " (X)" and ", X ", for an X of no space, comma or bracket: at each
# comma, what follows its space up to one of those; at each " (", what follows up to them.
_ACRONYM_NEEDLE_RE = re.compile(r",(?= ([^\s,()]+)([, ]))| \((?=([^\s,()]+)\))")
_ACRONYM_BREAKS_RE = re.compile(r"[\s,()]")


def _acronym_places(acronym: str, story: _Story) -> list[tuple[int, int, int]] | None:
    """For a long story, (paragraph, needle, place) of the first place in each paragraph where each
    of _acronym_of's needles (0 ", X,", 1 " (X)", 2 ", X ") is printed, in the order _acronym_of
    tries them; the paragraphs are read once for all acronyms, not once per acronym. None for a
    story's own, or an acronym of a space, comma or bracket (then the paragraphs are searched)."""
    if not is_long(story.body) or not acronym or _ACRONYM_BREAKS_RE.search(acronym):
        return None
    if story.acronyms_printed is None:
        places: dict[str, list[tuple[int, int, int]]] = {}
        for index, paragraph in enumerate(story.document.paragraphs):
            first: set[tuple[str, int]] = set()  # (X, needle) printed already in this paragraph
            for match in _ACRONYM_NEEDLE_RE.finditer(paragraph):
                if match.group(1):  # after a comma: ", X," or ", X "
                    word, needle = match.group(1), 0 if match.group(2) == "," else 2
                else:
                    word, needle = match.group(3), 1
                if (word, needle) not in first:
                    first.add((word, needle))
                    places.setdefault(word, []).append((index, needle, match.start()))
        story.acronyms_printed = places
    return sorted(story.acronyms_printed.get(acronym, ()))


_CAPITALISED_RUN_END_RE = re.compile(r"((?:[A-Z][\w&'’.-]*\s+(?:(?:of|and|for|the|on)\s+)*)*[A-Z][\w&'’.-]*)$")


@lru_cache(maxsize=8192)  # a pure function of the text; the same subjects come back ("he", "Baker")
def _clean_subject(text: str) -> str:
    text = text.strip()
    if text[:1] == "(":  # "(He further noted that ...)", "(Ivaco Inc) said", "(bpd) the Survey said"
        close = text.find(")")
        text = text[1:] if close < 0 else text[1:close] if close == len(text) - 1 else text[close + 1 :]
    text = _LEADING_WORDS_RE.sub("", text.strip())
    if text[:1] in "ITOLtoil" and (time := _LEADING_TIME_RE.match(text)) and time.end() < len(text):
        text = text[time.end() :]  # "this morning Norway's Energy Minister Arne Oien", "In October the company"
    if "d" in text[-2:] or "ll" in text[-3:]:
        text = _CONTRACTED_PRONOUN_RE.sub(r"\1", text)  # "he’d shouted", "she'll say": the pronoun
    # Only the end can match: searching from near it keeps the work small (the regexes are long).
    text = text[: _trailing_start(text)].strip(" ,")
    # "Rep. Adam Schiff (D-Calif.)", "said Stephanie Grisham Tuesday": no part of who spoke
    marks = _TRAILING_MARKS_RE.search(text, max(0, len(text) - 80))
    return (text[: marks.start()] if marks else text).strip(" ,")


_LEADING_TIME_RE = re.compile(
    r"(?:(?:[Ii]n|[Oo]n|[Ll]ast|[Tt]his|[Ee]arlier|[Ll]ater)\s+(?:(?:early|late|mid-)\s*)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|evening|week|month|year|"
    r"\d{4})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?:\s+(?:night|morning|afternoon|evening))?|"
    r"[Tt]oday|[Yy]esterday|[Ll]ater|[Ee]arlier)\s*,?\s+(?=\S)"
)
_CONTRACTED_PRONOUN_RE = re.compile(r"^(he|she|they|we|I|it|He|She|They|We|It)['’](?:d|ll)$")
_TRAILING_MARKS_RE = re.compile(
    r"(?:\s*\([^()]{1,40}\)|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)|"
    r",?\s+(?:Jr|Sr|II|III|IV)\b\.?)+$"  # "Nicholas Gallo III", "Joseph Kennedy Jr."
)


_NAME_SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
_NAME_SUFFIX_ENDS = ("Jr", "Sr", "II", "IV", "Jr.", "Sr.", "II.", "IV.")


def _without_suffix(name: str) -> tuple[str, ...]:
    """ "James Kennedy Jr" is also printed "James Kennedy" before a sentence's end cuts "Jr." off."""
    if not name.rstrip("\n").endswith(_NAME_SUFFIX_ENDS):
        return ()  # the regex needs a suffix at the end (before a last line break at most): most names have none
    bare = _NAME_SUFFIX_RE.sub("", name)
    return (bare,) if bare != name and " " in bare else ()


def _person_heading(phrase: str, story: _Story) -> str | None:
    """The person the phrase names: a name that ends it, or ends its head before "of X", "at X"
    ("Earl Johnson of Harris Trust"), unless a preposition or "and" stands before the name."""
    if phrase[-1:] in _POST_NOMINAL_LAST:  # a letter that ends a post-nominal, else no regex run
        phrase = _POST_NOMINAL_RE.sub("", phrase)  # "David Lammy MP", "Jane Roe QC"
    person = _person_ending(phrase, story)
    if person is None and phrase[:3].lower() in ("al-", "el-") and " " not in phrase:
        # "al-Qirbi said", "Al-Qirbi said": the surname of "Abu Bakr al-Qirbi", whatever the particle's case
        named = {p.name for p in story.people if p.name.rsplit(None, 1)[-1].lower() == phrase.lower()}
        person = named.pop() if len(named) == 1 else None
    if person is None:
        head = _POSTMODIFIER_RE.split(phrase, 1)[0]
        if head != phrase:
            person = _person_ending(head, story)
    return person


_POSTMODIFIER_RE = re.compile(r"\s+(?:of|at|in|from|with)\s+")
_POST_NOMINAL_RE = re.compile(r"(?<=[a-z])\s+(?:MP|MEP|MSP|MS|AM|TD|QC|KC|OBE|CBE|MBE|KBE|DBE)$")
_POST_NOMINAL_LAST = frozenset("PSMDCE\n")  # the last characters a match can end its phrase with ($ before "\n")


_RELATION_RE = re.compile(
    r"^(?:(?:an?|the|one|his|her|their)\s+)?(?:[\w.'’-]+\s+){0,2}?(?:aides?|advis[eo]rs?|spokesman|spokeswoman|"
    r"assistants?|lawyers?|attorneys?|son|daughter|wife|husband|brother|sister|friends?|all(?:y|ies)|critics?|"
    r"supporters?|associates?|colleagues?|relatives?)\s+(?:to|for|of|at)\s|"
    # "A source close to Treasury Secretary James Baker", "officials familiar with Yeutter's thinking"
    r"^(?:[\w.'’-]+\s+){0,4}?(?:close|closest|near|loyal|familiar)\s+(?:to|with)\s",
    re.I,
)


@lru_cache(maxsize=8192)  # a pure function of the phrase; the same subjects come back ("he", "the ministry")
def _names_a_relation(phrase: str) -> bool:
    return _RELATION_RE.match(phrase) is not None


# "An investor group led by New York investor George Soros", "a panel headed by X": the group speaks.
_AGENT_RE = re.compile(
    r"\b(?:led|headed|chaired|owned|controlled|backed|run|founded|advised|represented|formed|appointed|named)\s+by\s"
)


_HEAD_OF_RE = re.compile(r"(?i:the|a|an|his|her|their)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\s+(?:of|for)\s")


_NO_SUBJECT_BEFORE = _PREPOSITIONS | {"and", "or", "nor", "told"}


def _person_ending(phrase: str, story: _Story) -> str | None:
    if len(story.forms) <= _MANY_FORMS:  # one test in C, then every form
        ranks = range(len(story.forms)) if phrase.endswith(story.form_ends) else ()
    else:
        ranks = story.forms_by_end.get(_WORD_END_RE.search(phrase).group(), ())
    if not ranks:
        return None  # the common case: no person's form ends the phrase
    if _names_a_relation(phrase):
        return None  # "an aide to Agriculture Secretary Richard Lyng" is not Lyng
    for rank in ranks:  # the forms that end with the phrase's last word, in order
        form, name = story.forms[rank]
        if not phrase.endswith(form):
            continue
        before = phrase[: -len(form)]
        if before and (before[-1].isalnum() or before[-1] == "-"):
            continue
        words = before.split()
        if words and words[-1].lower() in _NO_SUBJECT_BEFORE:
            return None
        if len(words) > 1 and any(
            w.endswith("ing") and w.islower() and not is_role_word(w) and words[i].lower() not in _DETERMINERS
            for i, w in enumerate(words[1:])
        ):
            # "One official attending the talks with Minister X": X is no subject (but "After the
            # meeting Merkel said": a noun, then the subject)
            return None
        if " by " in before and _AGENT_RE.search(before):
            return None  # "An investor group led by New York investor George Soros": the group
        head = _HEAD_OF_RE.match(phrase) if "of" in phrase or "for" in phrase else None
        if head and not is_role_word(head.group(1)):
            return None  # "The campaign of Senator Bernie Sanders": the campaign (but "the chairman of X, Y")
        return name
    return None


def _names_to_replace(label: str, story: _Story) -> list[str]:
    """The organisations' names, in order, that _is_compound's replacements may find in the label:
    all of a story's few. Of many, those printed in the label (by their first three letters at each
    place of it; all names shorter), and those that may be printed across an "ORG" put in by an
    earlier replacement (that hold "ORG", open with "G" or "RG" or end with "O" or "OR"): what is
    neither never stands in the text, before or after any replacement."""
    organisations = story.organisations
    if len(organisations) <= _MANY_FORMS:
        return [org.name for org in organisations]
    if story.names_by_start is None:
        story.names_by_start, story.names_always = {}, []
        for rank, org in enumerate(organisations):
            name = org.name
            if len(name) < 3 or "ORG" in name or name.startswith(("G", "RG")) or name.endswith(("O", "OR")):
                story.names_always.append(rank)
            else:
                story.names_by_start.setdefault(name[:3], []).append(rank)
    ranks = set(story.names_always)
    for at in range(len(label) - 2):
        ranks.update(story.names_by_start.get(label[at : at + 3], ()))
    return [organisations[rank].name for rank in sorted(ranks)]


def _is_compound(label: str, story: _Story) -> bool:
    """ "Canada and the EC", "Baker and Volcker": two speakers, not one ("Trade and Industry" is one)."""
    if " and " not in label:
        return False
    text = label
    for name in _names_to_replace(label, story):
        text = text.replace(name, "ORG")
    words = text.split()
    for i, word in enumerate(words[1:-1], start=1):
        if word == "and" and not (is_title_word(words[i - 1]) and is_title_word(words[i + 1])):
            if len(words[i - 1]) == 1 and len(words[i + 1]) == 1:
                continue  # "S and P": initials of one name
            if any(
                words[j] in ("of", "on", "for")
                and (
                    words[j - 1] == "ORG"
                    or words[j - 1].lower() in ORGANISATION_WORDS
                    or words[j - 1].lower() in _VOICE_WORDS
                )
                for j in range(1, i)
            ):
                # "the Committee on Credit and Savings": one body's name; "a spokesperson for the
                # Universities and Colleges Employers' Association": one voice of one
                continue
            return True
    return False


def _organisation_voice(label: str, story: _Story) -> str | None:
    """ "Citibank", "a Treasury spokesman", "A Foreign Ministry statement", "a spokesman for X"."""
    if "<" in label or ">" in label:  # most labels hold no ticker (the regex would try every place)
        label = _TICKER_RE.sub("", label).replace("<", "").replace(">", "")
    label = label.strip()
    words = label.split()
    head = words[-1].lower() if words else ""
    for rank in story.org_index.forms_printed_in(label):  # the forms printed in it, in order
        form, name = story.org_forms[rank]
        before, _, after = label.partition(form)
        if before[-1:].isalnum() or after[:1].isalnum():
            continue  # inside another word
        before_words = [w for w in before.split() if w.lower() not in _DETERMINERS]
        after_words = _POSTMODIFIER_RE.split(re.sub(r"\([^)]*\)", "", after), 1)[0].split()
        if all(w.isupper() for w in after_words) and not before_words:
            return name  # "Citibank said", "the Bundesbank said", "the Saudi Press Agency SPA"
        if (
            not after_words
            and before_words
            and all(
                w.lower() in _BODY_ADJECTIVES or (_POSSESSIVE_END_RE.search(w) and w[:1].isupper()) or country_code(w)
                for w in before_words
            )
        ):
            return name  # "The North's official Korean Central News Agency", "Japan's state-run NHK"
        if (
            after_words
            and after_words[-1] in _PUBLICATION_WORDS
            and all(w.islower() for w in after_words + before_words)
        ):
            return name  # "the official Tanjug news agency", "the state-run Pravda newspaper"
        if after_words and after_words[-1].lower() in _VOICE_WORDS and len(after_words) <= 2:
            return name  # "a Treasury spokesman", "Finance Ministry officials"
        if not after_words and before_words and before_words[-1].lower() in ("for", "of", "from", "at"):
            if any(w.lower() in _VOICE_WORDS for w in before_words):
                return name  # "a spokesman for the Bundesbank"
    unit = _UNIT_OF_RE.search(label) if "'s" in label or "’s" in label else None
    if unit:  # "Dow Chemical Co's <DOW> Merrell Dow Pharmaceuticals Inc unit said": the unit speaks
        return _POSSESSIVE_END_RE.sub("", unit.group(1) or unit.group(2))
    voice = _VOICE_OF_RE.match(label) if label[:1] in "aAtToO" else None  # "a", "an", "the", "one" open it
    if voice:
        return _unlisted_organisation(voice.group(1).split())
    if head in _VOICE_WORDS:
        voiced = _voiced_name(words[:-1], story) if head in _PEOPLE_VOICES else None
        return _unlisted_organisation(words[:-1]) or voiced
    if head in _PUBLICATION_WORDS and len(words) > 1:  # "The Business Bulletin newspaper said"
        # "The semi-official Tasnim news agency said": the describing words in lower case are no part of it
        name = [w for w in words[:-1] if w.lower() not in _DETERMINERS and w not in _BODY_ADJECTIVES and w != "news"]
        if head in ("radio", "television") or (head in ("daily", "weekly") and words[-1][:1].isupper()):
            name.append(words[-1])  # "State Radio", "Tehran radio": a broadcaster; "People's Daily": its name
        if name and all(w[:1].isupper() for w in name):
            return " ".join(name)
    if head in ORGANISATION_WORDS or "of" in words or "for" in words or "on" in words:
        named = [w for w in words if w.lower() not in _DETERMINERS]
        # "Daiwa Securities said" where the story named "Daiwa Securities Co Ltd": that one
        return (named and _organisation_opened_by(named, story)) or _unlisted_organisation(words)
    if head in _COMPANY_SUFFIXES_ABROAD and len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(words)  # "Pharmacia AB said"
    return None


# Words that describe a body before its name without being a part of it.
_BODY_ADJECTIVES = frozenset(
    "official semi-official state state-run state-owned state-controlled government-run government-owned "
    "ruling main influential".split()
)
_PEOPLE_VOICES = frozenset("spokesman spokeswoman spokesperson official officials executive executives".split())
_COMPANY_SUFFIXES_ABROAD = frozenset("ab as asa oy oyj kk sarl srl bhd pty limited partnership lp llc".split())


def _voiced_name(words: list[str], story: _Story) -> str | None:
    """ "a Douglas Aircraft spokesman", "the Goldstar spokesman": the capitalised words before a
    voice word name its body, unless they are a nationality or a person ("a Reagan spokesman")."""
    name = [w for w in words if w.lower() not in _DETERMINERS]
    if not name or len(name) > 4 or not all(w[:1].isupper() for w in name):
        return None
    name[-1] = _POSSESSIVE_END_RE.sub("", name[-1])  # "Boris Johnson’s spokesman": a person's, no body
    text = " ".join(name)
    if country_code(name[-1]) or country_code(text) or text.endswith(story.form_ends):
        return None
    if len(name) == 1 and name[0].lower() in ORGANISATION_WORDS:
        # "a Bank spokesman": the story's one organisation of that kind ("Belgian National Bank")
        kind = set(story.org_index.by_last_lower_word.get(name[0].lower(), ()))
        return kind.pop() if len(kind) == 1 and name[0].lower() not in _NOT_VOICED else None
    if all(is_role_word(w) for w in name):
        return None  # "Health officials", "Finance officials": a field, not a body
    if len(name) == 1 and _ADJECTIVE_RE.fullmatch(name[0]):
        if name[0] not in story.org_index.form_first_words:
            return None  # "Congressional officials", "Kurdish officials": an adjective that opens no body of the story
    return _organisation_opened_by(name, story) or text  # "a UAL spokesman": UAL Inc


# "Congressional", "Parliamentary", "Islamic"; and peoples' adjectives, "Kurdish", "Palestinian",
# "Tibetan", "Taiwanese", that name no body ("Kurdish officials" are no body called "Kurdish");
# the points of the compass, "one Western official" ("Western Union" opens a body of its story).
_ADJECTIVE_RE = re.compile(r"[A-Z][a-z]+(?:al|ary|ic|ish|ian|ese)|(?:North|South|East|West)ern|Arab")
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_UNIT_OF_RE = re.compile(
    r"['’]s\s+(?:<[^<>]+>\s+)?(?:((?:[A-Z][\w&.'’-]*\s+){0,5}[A-Z][\w&.'’-]*)\s+(?:unit|division|subsidiary|"
    r"affiliate|arm)|((?:[A-Z][\w&.'’-]*\s+){1,5}Division))$"
)
# "a spokesman for the International Trade and Industry Ministry", "an official of X".
_TICKER_RE = re.compile(r"\s*<[A-Z0-9.]+>")  # "First Chicago Corp <FNB>"
_PUBLICATION_WORDS = frozenset("newspaper daily paper weekly magazine agency radio television".split())
_VOICE_OF_RE = re.compile(
    r"(?:a|an|the|one)\s+(?:\w+\s+)?(?:spokesman|spokeswoman|official)\s+(?:for|of|at)\s+(?:the\s+)?(.+)$", re.I
)


def _unlisted_organisation(words: list[str]) -> str | None:
    """ "a U.S. Embassy spokesman", "a spokesman for the Trade and Industry Ministry": capitalised
    words (with "and", "of", "for" between) that end in an institution word."""
    definite = bool(words) and words[0].lower() == "the"
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    while len(words) > 1 and words[0].lower() in _DESCRIBING_WORDS:
        words = words[1:]  # "the private Board of Trade", "the official Xinhua news agency"
    if (
        definite
        and len(words) == 1
        and words[0][:1].isupper()
        and words[0].lower() in ORGANISATION_WORDS
        and words[0].lower() not in _NOT_VOICED
    ):
        return words[0] if not words[0].endswith("s") else None  # "the Navy said", not "Industries"
    linker = next((w for w in ("of", "for", "on") if w in words[1:-1]), None)
    if linker and words[-1][:1].isupper():  # "U.S. Department of Justice", "National Bureau for Emergencies"
        head = words[: words.index(linker, 1)]
        if head[-1].lower() in ORGANISATION_WORDS and head[-1].lower() not in _NOT_VOICED:
            if all(w[:1].isupper() or w in ("and", "of", "for", "on") for w in words):
                return " ".join(words)
    if len(words) < 2 or words[-1].lower() not in ORGANISATION_WORDS or words[-1].lower() in _NOT_VOICED:
        return None  # "Industries had complained": a kind of body, not one
    if all(w.lstrip("(")[:1].isupper() or w in ("and", "of", "for") for w in words) and words[0][:1].isupper():
        return " ".join(words)  # "Industrial Equity (Pacific) Ltd"
    return None


_NOT_VOICED = frozenset({"government", "administration"})
# Lower-case words a name may follow in a description: "the official China Daily".
_DESCRIBING_WORDS = frozenset("official private state state-owned state-run semi-official independent".split())


def _person_for_role(label: str, story: _Story, index: int = -1, offset: int = 0) -> _Speaker | None:
    """ "the minister said", "the presidential spokesman added", "Austria's interior minister",
    "the U.S. trade representative", "China's ambassador to Britain": the one person of the story
    whose role holds those words (of the same country, when both are known); of several, the one
    named last, alone in a later paragraph than the others (or in this one, before the words); else
    the previous speaker of that kind. "a Nordic minister" stays a label unless the story has one such."""
    described = _role_description(label)
    if described is None:
        return _qualified_role_holder(label, story)
    head, role_words, country = described
    for event in story.events[-3:]:  # "one investment manager said ... the investment manager said": that one
        speaker = event.speaker
        if not (speaker.person or speaker.organisation) and speaker.label.lower().split()[-1:] == [head]:
            if not _DEFINITE_RE.match(speaker.label):  # not "Hawaii's governor ... Gov. Josh Green ... the governor"
                return None
    holders = [
        p
        for p in _people_with_role_word(head, story)
        if (head in _role_words(p.role) or head in _printed_titles(p, story))
        and not (country and p.country and p.country != country)
    ]
    # "the minister" is no prime minister, "the president" no vice president: a rank word before
    # the head in a holder's role that the description does not print makes it another role
    holders = [p for p in holders if not _other_rank(_role_words(p.role), head, role_words)]
    qualifiers = [w.lower() for w in label.replace("’", "'").split()[1:] if w[:1].isupper() and not country_code(w)]
    if qualifiers:  # "the Labour leader" is no "Liberal Democrat leader", even the story's only leader
        holders = [p for p in holders if _qualified_by(p, qualifiers, story)]
    if len(holders) > 1:  # "the interior minister" of three ministers
        # (a title printed before the name, "Gov. Eric Holcomb", when the person has no role)
        holders = [
            p for p in holders if all(w in (_role_words(p.role) or _printed_titles(p, story)) for w in role_words)
        ]
    if len(holders) > 1:  # "the president": the one whose role is just that, not "president of the Bank"
        holders = [p for p in holders if _role_words(p.role) == list(role_words)] or holders
    if len(holders) > 1:  # "the secretary" of Blinken, who spoke, and Manalo, who did not: the one who spoke
        spoke = {event.speaker.person for event in story.events}
        holders = [p for p in holders if p.name in spoke] or holders
    if len(holders) > 1 and index >= 0:
        holders = _named_last(holders, index, offset, story.previous.get(index, index - 1)) or holders
    if len(holders) == 1:
        return _Speaker(person=holders[0].name, label=label)
    if label.split()[0].lower() != "the":
        return None
    for event in story.events[-3:][::-1]:  # "a Treasury spokesman said ... The spokesman said"
        if not event.speaker.plural and head in event.speaker.label.lower().split():
            return _Speaker(event.speaker.person, event.speaker.organisation, label)
    return None


def _named_last(people: list[PersonMention], index: int, offset: int, previous: int) -> list[PersonMention]:
    """ "Gov. Matt Bevin ... (paragraphs) ... Teachers didn't see Holcomb. / The governor said": of
    several holders of a role, the one whose last mention before the words stands in a later
    paragraph than every other's, this one or the one before (`previous`); [] when two share it."""
    last = []
    for person in people:
        before = [s.paragraph for s in person.spans if (s.paragraph, s.start) < (index, offset)]
        last.append(max(before, default=-1))
    latest = max(last)
    if latest < max(previous, 0) or last.count(latest) > 1:
        return []
    return [people[last.index(latest)]]


def _described_antecedent(label: str, index: int, offset: int, story: _Story, content) -> str | None:
    """ "Boris Johnson has said ... / Speaking in Cornwall, the prime minister said": a definite
    description of a role that nobody in the story holds by name stands for the person a pronoun
    there would stand for (whichever sex), when that person's own role, if the story gives one, is
    the same. Not "a minister said" (someone new), nor a role the story gives someone else."""
    if label.split(None, 1)[:1] not in (["the"], ["The"]):
        return None
    described = _role_description(label.lower())  # "the Labour leader": any qualifier (checked below)
    if described is None:
        return None
    head, _, country = described
    words = label.replace("’", "'").split()
    printed_head = next((w for w in words if w.lower() == head), "")
    if printed_head[:1].isupper() and any(w[:1].isupper() and not is_role_word(w) for w in words[1:]):
        return None  # "the Sioux Falls Argus Leader": a name in capitals (not "the Prime Minister")
    qualifiers = [w.lower() for w in words[1:] if w[:1].isupper() and not country_code(w)]
    if any(
        (head in _role_words(p.role) or head in _printed_titles(p, story)) and _qualified_by(p, qualifiers, story)
        for p in _people_with_role_word(head, story)
    ):
        return None  # the story gives the role to someone ("the Labour leader": not the Liberal Democrats')
    mention = _last_mentioned(index, offset, story, content)
    if mention and len(mention[1]) > 1:
        return None  # "Paul Volcker and Gerald Corrigan met bankers. The Fed chief said": either
    sex = _HEAD_SEX.get(head)  # "the actress": only who "she" would be (not "whichever sex")
    pronouns = ("he", "she") if sex is None else ("she",) if sex == "f" else ("he",)
    found = {_resolve_pronoun(p, index, offset, story, content).person for p in pronouns} - {None}
    if len(found) > 1 and mention:
        found &= mention[1]  # "he" and "she" found two: the one the latest sentence names
    if len(found) != 1:
        return None
    name = found.pop()
    person = next((p for p in story.people if p.name == name), None)
    if person is None:
        return None
    corroborated = bool(qualifiers) and _qualified_by(person, qualifiers, story)
    if person.role and head not in _role_words(person.role) and not corroborated:
        # "Smith, a lawyer, ... the minister said": not Smith; but "Roldan, Vice President ... at
        # Chase ... The Chase economist said": the body printed with him says it is he
        return None
    if person.role and not _qualified_by(person, qualifiers, story):
        return None  # "Chairman Paul Volcker ... the Nordic chairman said": not Volcker
    for event in story.events[-_LOOK_BACK:]:  # '"...," the prime minister said. / The Labour leader replied': another
        other = event.speaker.person == name and _role_description(event.speaker.label.lower())
        if other and other[0] != head:
            return None
    if country and person.country and person.country != country:
        return None
    return name


# Role nouns of one sex: a description by one stands only for a person of that sex.
_HEAD_SEX = {
    **dict.fromkeys(
        "actress businesswoman chairwoman spokeswoman congresswoman councilwoman sportswoman policewoman "
        "waitress queen princess duchess countess empress mother wife daughter sister grandmother aunt "
        "niece girlfriend widow woman girl lady nun heiress hostess stewardess".split(),
        "f",
    ),
    **dict.fromkeys(
        "businessman congressman councilman sportsman policeman king prince duke emperor father husband "
        "son brother grandfather uncle nephew boyfriend widower man boy monk".split(),
        "m",
    ),
}
# A description that names one already known: "the governor", "Hawaii's governor" (not "a governor").
_DEFINITE_RE = re.compile(r"(?:[Tt]he|[\w.-]+['’]s)\s")
_RANK_WORDS = frozenset({"prime", "vice", "deputy", "assistant", "former", "under", "junior"})


def _other_rank(words: list[str], head: str, role_words: tuple[str, ...]) -> bool:
    at = words.index(head) if head in words else 0
    return at > 0 and words[at - 1] in _RANK_WORDS and words[at - 1] not in role_words


def _qualified_by(person: PersonMention, qualifiers: list[str], story: _Story) -> bool:
    """The person's role, or the words printed around the person's first mentions, hold every
    qualifier ("labour" of "the Labour leader")."""
    role_words = _role_words(person.role)
    if all(q in role_words or _abbreviates_role_body(q, role_words, story) for q in qualifiers):
        return True
    for span in person.spans[:3]:
        text = story.document.paragraphs[span.paragraph]
        window = text[max(0, span.start - 60) : span.end + 60].lower().replace("’", "'")
        if all(re.search(rf"\b{re.escape(q)}\b", window) for q in qualifiers):
            return True
    return False


def _abbreviates_role_body(qualifier: str, role_words: list[str], story: _Story) -> bool:
    """ "the USDA secretary" of "Agriculture Secretary Richard Lyng": the qualifier is the
    abbreviation of one of the story's bodies whose name holds a word of the role ("Agriculture
    Department", USDA)."""
    if not role_words or not qualifier.isalpha():
        return False
    for organisation in story.organisations:
        if organisation.abbreviation.lower() == qualifier:
            words = {w.lower() for w in organisation.name.split()} - _BODY_NAME_STOP_WORDS
            if words & set(role_words):
                return True
    return False


# Words of a body's name that say what kind of body it is, not its field ("Agriculture" of "Agriculture Department").
_BODY_NAME_STOP_WORDS = frozenset("department ministry office agency bureau board council of the for and u.s.".split())


def _qualified_role_holder(label: str, story: _Story) -> _Speaker | None:
    """ "the Fed chairman said" where the story printed "Federal Reserve Board Chairman Paul
    Volcker": a capitalised word before the role (a body, perhaps shortened) that opens a word of
    the title printed before exactly one holder of that role."""
    words = label.split()
    if len(words) == 3 and words[0].lower() == "the" and words[2].lower() in _LEADER_WORDS:
        found = _body_leader(words[1], story)
        if found:
            return _Speaker(person=found, label=label)
    if not 3 <= len(words) <= 4 or words[0].lower() != "the" or not is_role_head(words[-1].lower()):
        return None
    qualifiers = [w for w in words[1:-1] if w[:1].isupper()]
    if not qualifiers or any(len(w) < 3 or country_code(w) for w in qualifiers):
        return None
    head = words[-1].lower()
    found = set()
    for person in story.people:
        roles = _role_words(person.role)
        if head not in roles and not any(w.endswith("-" + head) for w in roles):  # "co-founder": a founder
            continue
        for title in _titles_before(person, story):  # "the USDA secretary": the body abbreviated holds the role's word
            if all(
                any(b.startswith(q) for b in title) or _abbreviates_role_body(q.lower(), roles, story)
                for q in qualifiers
            ):
                found.add(person.name)
                break
    return _Speaker(person=found.pop(), label=label) if len(found) == 1 else None


def _titles_before(person: PersonMention, story: _Story):
    """The runs printed right before the person's first mentions: their titles ("Wikileaks
    co-founder", "Federal Reserve Board Chairman"), each a list of words from the last."""
    for span in person.spans[:3]:
        before = story.document.paragraphs[span.paragraph][max(0, span.start - 80) : span.start].split()
        title = []
        for word in reversed(before[-8:]):
            if not (word[:1].isupper() or word in ("of", "and", "for") or is_role_word(word)):
                break
            title.append(word)
        yield title


# "the FAO chief", "the IMF head": who leads a body, whatever the title of the office.
_LEADER_WORDS = frozenset("chief head boss leader".split())
_LEADING_TITLES = frozenset(
    "chief head leader director director-general president chairman chairwoman chair governor secretary "
    "secretary-general administrator commissioner executive".split()
)


def _body_leader(body: str, story: _Story) -> str | None:
    """The one person of the story whose role leads the body a description names by its name or its
    initials: "the FAO chief" where the story printed "Jacques Diouf, Director General of the Food and
    Agriculture Organization" (and "FAO" beside the body's name)."""
    if len(body) < 2 or not body[:1].isupper() or country_code(body):
        return None
    names = [
        o.name.lower()
        for o in story.organisations
        if body in (o.name, o.abbreviation) or (len(body) > 3 and o.name.startswith(body + " "))
    ]
    found = set()
    for person in story.people:
        role = person.role
        if not role or not _LEADING_TITLES & set(_role_words(role)[:3]):
            continue
        lower = role.lower()
        # the body's name or initials in the role, or a capitalised word of the role or of the title
        # printed before the name that the body's word shortens ("Fed": "Federal Reserve Board Chairman")
        # (not "head of the WHO's emergencies programme": a unit of the body, the possessive says)
        words = [w for w in role.replace(",", " ").split() if w[:1].isupper()]
        words += [w for title in _titles_before(person, story) for w in title if w[:1].isupper()]
        words = [w for w in words if not w.endswith(("'s", "’s"))]
        if any(name in lower for name in names) or any(w.startswith(body) for w in words):
            found.add(person.name)
    return found.pop() if len(found) == 1 else None


_ROLE_WORD_RE = re.compile(r"[a-z][a-z.-]*")
# A title as printed before a name, as a description names it: "Sen. X" is "the senator".
_TITLE_WORDS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "adm.": "admiral",
    "amb.": "ambassador",
    "sec.": "secretary",
}


def _printed_titles(person: PersonMention, story: _Story) -> list[str]:
    """ "Gov. Josh Green": the abbreviated titles printed right before a person's first mentions,
    as the words a description uses ("the governor"), when the person has no role of its own."""
    if person.role or not person.spans:
        return []
    titles = []
    for span in person.spans[:3]:
        before = story.document.paragraphs[span.paragraph][max(0, span.start - 8) : span.start].split()[-1:]
        if before and before[0].lower() in _TITLE_WORDS:
            titles.append(_TITLE_WORDS[before[0].lower()])
    return titles


def _people_with_role_word(head: str, story: _Story) -> list[PersonMention]:
    """The story's people, in order, whose role words or printed titles may hold the head: all of a
    story's few; of many, those that hold it, looked up by word (not every person per description)."""
    people = story.people
    if len(people) <= _MANY_FORMS:
        return people
    if story.people_by_role_word is None:
        story.people_by_role_word = {}
        for rank, person in enumerate(people):
            for word in {*_role_words(person.role), *_printed_titles(person, story)}:
                story.people_by_role_word.setdefault(word, []).append(rank)
    return [people[rank] for rank in story.people_by_role_word.get(head, ())]


# Descriptions that name a title by another word: "the congressman" of "Rep. Mark Meadows".
_ROLE_SYNONYMS = dict.fromkeys(("congressman", "congresswoman", "congressperson"), "representative")


def _role_words(role: str) -> list[str]:
    return [_TITLE_WORDS.get(w, w) for w in _ROLE_WORD_RE.findall(role.lower())]


@lru_cache(maxsize=8192)
def _role_description(label: str) -> tuple[str, tuple[str, ...], str | None] | None:
    """(head, role words, country) of a description naming a role: "the minister", "Austria's
    interior minister", "the U.S. trade representative", "China’s ambassador to Britain"."""
    words = label.replace("’", "'").split()
    if not 2 <= len(words) <= 7 or not any(is_role_head(w) for w in words[1:]):
        return None  # the common case, no role named: no country lookups
    country = None
    first = words[0]
    if first.lower() in ("the", "a", "an", "its"):  # "its chief executive said": the company's
        words = words[1:]
    elif first.endswith("'s") and (code := country_code(first[:-2])):
        country, words = code, words[1:]
    else:
        return None
    if words and (code := country_code(words[0])):
        country, words = code, words[1:]  # "the U.S. trade representative", "the Japanese minister"
    role_words = [_ROLE_SYNONYMS.get(w.lower(), w.lower()) for w in words]  # "the congressman" of "Rep. X"
    head_at = next((i for i, w in enumerate(role_words) if is_role_head(w)), None)
    if head_at is None or not role_words:
        return None
    if any(w[:1].isupper() and not is_role_word(w) for w in words[: head_at + 1]):
        return None  # "the Nordic minister": a word the story's roles may not hold
    tail = role_words[head_at + 1 :]
    if tail and tail[0] not in ("of", "to", "for", "at"):
        return None
    return role_words[head_at], tuple(w for w in role_words if w not in ("of", "the", "to", "for", "at")), country


def _is_plural(label: str) -> bool:
    words = label.lower().split()
    return bool(words) and words[-1] in _GROUP_WORDS


def _resolve_pronoun(pronoun: str, index: int, offset: int, story: _Story, content) -> _Speaker:
    """ "he said": the person or speaker named last before it, when that is one, near and singular.

    A person named in a later sentence than the last speaker wins ("... and Trade Secretary Paul
    Channon sought to ... / "...," he said"); in the same sentence the speaker, its subject, wins,
    and of that later sentence's people its subject, even over the last speaker it names ("Leeds
    agreed but, unlike di Clemente, he said"). Names inside the reported words ("CLAUSE naming X,
    he said") are never the antecedent.
    """
    event = _last_event(index, offset, story)
    if pronoun == "it":
        publication = _publication_subject(index, offset, story)
        if publication:  # "The Sunday Mail newspaper branded the budget ... It said": the paper
            return _Speaker(None, publication, pronoun)
        if event and event.speaker.organisation and not event.speaker.person and not event.speaker.plural:
            return _Speaker(None, event.speaker.organisation, pronoun)
        return _Speaker(organisation=_organisation_subject(pronoun, index, offset, story), label=pronoun)
    if pronoun == "they" and event and event.speaker.organisation and not event.speaker.person:
        return _Speaker(
            None, event.speaker.organisation, pronoun, plural=True
        )  # "Ministry officials said ... they said"
    if pronoun == "they":
        return _Speaker(organisation=_organisation_subject(pronoun, index, offset, story), label=pronoun, plural=True)
    if pronoun not in ("he", "she"):
        return _Speaker(label=pronoun, plural=pronoun in ("they", "we"))
    masked = story.masked.get(index, "")
    window = max(0, offset - 300)
    if any(masked.find(word, window, offset) != -1 for word in _PAIR_SUBJECT_WORDS) and _pair_subject(
        masked, window, offset, index, story
    ):
        return _Speaker(label=pronoun)  # "The two leaders met privately. He told reporters": which one?
    if _unknown_subject_before(pronoun, index, offset, story):
        return _Speaker(label=pronoun)  # "Schmetzer was delighted his side won. "...," he said": Schmetzer
    if (
        event
        and event.speaker.organisation
        and not event.speaker.person
        and not event.speaker.plural
        and _SINGLE_VOICE_RE.search(event.speaker.voice or event.speaker.label)
        and not _person_named_since(event, index, offset, story)
    ):
        # "a Treasury spokesman said ... he said ... He added": each "he" is the spokesman's
        return _Speaker(None, event.speaker.organisation, pronoun, voice=event.speaker.voice or event.speaker.label)
    event = _last_person_event(index, offset, story, pronoun)
    mention = _last_mentioned(index, offset, story, content)
    unnamed = _last_unnamed_speaker(index, offset, story)
    if unnamed and (
        mention is None
        or mention[0] < (unnamed.paragraph, unnamed.sentence)
        or (
            mention[0] == (unnamed.paragraph, unnamed.sentence)
            and (
                any(n.split()[-1] in unnamed.speaker.label for n in mention[1])  # "The aide to Wright added": the aide
                or _all_in_content(unnamed, story)  # "X met Wright, an aide said. He added": the aide
            )
        )
    ):
        return _Speaker(label=pronoun)  # "One trader said ... But it may fall, he said": the trader
    if mention and (event is None or mention[0] > (event.paragraph, event.sentence)):
        opening = _unnamed_person_opening(mention[0], story) if mention[2] is None else None
        if opening:
            # "The senior official sounded pessimistic about the chances of Prime Minister Nakasone
            # ... / "...," he said": the sentence's subject, unnamed, not the one it talks about;
            # the person it describes when the story has one ("Meghan, Duchess of Sussex ... The
            # duchess has hinted ... during her interview with Winfrey ... / She revealed": Meghan)
            holder = _person_for_role(opening, story) if opening[:4] in ("The ", "the ") else None
            if holder and holder.person and _agrees(pronoun, holder.person, story):
                return _Speaker(person=holder.person, label=pronoun)
            return _Speaker(label=pronoun)
        names = {n for n in mention[1] if _agrees(pronoun, n, story)}  # "she" is never Donald Trump
        if pronoun == "she" and len(names) > 1:
            # "Taylor Swift ... Scooter Braun ... she said": the one known woman, not one of unknown
            # sex (most of whom, in news, are men); "he" and an unknown stay open: both may be men
            women = {n for n in names if story.genders.get(n) == "f"}
            names = women if len(women) == 1 else names
        subject = mention[2] if mention[2] in names else None
        if len(names) == 1:
            return _Speaker(person=next(iter(names)), label=pronoun)
        if subject:  # "Morrison was the witness who listened to Trump's call with X. He said": its subject
            return _Speaker(person=subject, label=pronoun)
        if event and event.speaker.person in names:
            return _Speaker(person=event.speaker.person, label=pronoun)
        if not names and not event:  # "Grisham spoke. Trump also spoke. ... she said": the one woman
            only = _only_agreeing(pronoun, index, offset, story, content)
            return _Speaker(person=only, label=pronoun) if only else _Speaker(label=pronoun)
        if names or not event:
            return _Speaker(label=pronoun)
    if event and _nobody_else_since(event, index, offset, story, content, pronoun):
        return _Speaker(event.speaker.person, None, pronoun)
    last = _last_event(index, offset, story)
    if mention is None and event is None and unnamed is None and (last is None or _is_thing(last.speaker)):
        # "Speaker Nancy Pelosi spoke on Tuesday. / The House will vote ... / "...," she said": the
        # one person the last paragraphs name, when nobody else is named and nobody else spoke.
        only = _only_person_named(pronoun, index, story)
        if only:
            return _Speaker(person=only, label=pronoun)
    return _Speaker(label=pronoun)


def _unknown_subject_before(pronoun: str, index: int, offset: int, story: _Story) -> bool:
    """ 'Schmetzer was naturally delighted with the way his side won. "...," he said': a capitalised
    word that names no one the story knows (nor a body, a country, a word of no name) opens the
    pronoun's sentence or the one before it as a person does ("his side"): the pronoun is that one,
    not a person named earlier, and stays unresolved."""
    masked = story.masked.get(index)
    if masked is None or masked.find(_POSSESSIVE_OF[pronoun], 0, offset) == -1:
        return False  # the common case: no "his" (or "her") before the pronoun in its paragraph
    sentences = _sentences_of(index, story)
    number = _sentence_at(sentences, offset)
    for s0, s1 in sentences[max(0, number - 1) : number + 1]:
        opener = _UNKNOWN_OPENER_RE.match(masked, s0, min(s1, offset))
        if opener is None or masked.find(_POSSESSIVE_OF[pronoun], opener.end(), min(s1, offset)) == -1:
            continue
        word = opener.group(1)
        if word.endswith(story.form_ends) or is_non_name(word) or is_given_name(word) or country_code(word):
            continue  # a person of the story's, or no name
        if any(word in form.split() for form, _ in story.org_forms):
            continue  # a body ("Shell invested ...")
        return True
    return False


_POSSESSIVE_OF = {"he": " his ", "she": " her "}
# A sentence opened by one capitalised word and a verb ("Schmetzer was", "Kelley has", "Obeng added")
_UNKNOWN_OPENER_RE = re.compile(r"\s*[\"“]?([A-Z][a-z]{2,})\s+(?:was|is|has|had|[a-z]+ed)\b")


# Two or more people as one subject: a later "he" or "she" in the paragraph may be either.
_PAIR_SUBJECT_RE = re.compile(
    r"\b(?:[Tt]he|[Bb]oth)\s+(?:two|three)\s+(?:leaders|men|women|ministers|presidents|heads|officials|"
    r"diplomats|envoys|sides|candidates|rivals)\b|\b[Bb]oth\s+(?:men|women|leaders|ministers)\b|\b[Tt]he\s+pair\b"
)
# Every match holds one of these: a test before the regex, which most windows fail.
_PAIR_SUBJECT_WORDS = ("two", "three", "both", "Both", "pair")


def _pair_subject(masked: str, start: int, end: int, index: int, story: _Story) -> bool:
    """Two or more people as one subject between start and end, outside what a speaker of this
    paragraph said ("Harry said the pair have spoken to the Queen. "...," he said": Harry)."""
    said = [event.content for event in story.events if event.paragraph == index and event.content]
    return any(
        not any(_inside(pair.start(), content) for content in said)
        for pair in _PAIR_SUBJECT_RE.finditer(masked, start, end)
    )


def _only_person_named(pronoun: str, index: int, story: _Story, reach: int = 3) -> str | None:
    """The one person named (outside quotations) in the `reach` readable paragraphs before this
    one, when that person agrees with the pronoun and is the only person named there."""
    found: set[str] = set()
    paragraph = story.previous.get(index, -1)
    for _ in range(reach):
        if paragraph < 0:
            break
        for mention in story.mentions.get(paragraph, [])[:_LOOK_BACK]:
            if _counts_as_antecedent(story, paragraph, mention):
                found.add(mention[2])
        if found:
            break
        paragraph = story.previous.get(paragraph, -1)
    if len(found) != 1:
        return None
    only = next(iter(found))
    return only if _agrees(pronoun, only, story) else None


def _organisation_subject(pronoun: str, index: int, offset: int, story: _Story) -> str | None:
    """ "The Finance Ministry issued figures. It said ...", "Finance Ministry officials met on
    Monday. They said ...": the organisation (for "they", its officials or sources) that opens
    the sentence just before the pronoun's, in this paragraph or at the end of the one before."""
    sentences = _sentences_of(index, story)
    at = _sentence_at(sentences, offset)
    if at < 0:
        return None
    before = story.masked[index][sentences[at][0] : offset]
    if before.strip() and not before.rstrip().endswith(","):
        return None  # "Iowa Beef closed its plant because it said ...": the pronoun opens no clause of its own
    if at > 0:
        paragraph, (s0, s1) = index, sentences[at - 1]
    else:
        paragraph = story.previous[index]
        if paragraph < 0 or paragraph not in story.masked or not _sentences_of(paragraph, story):
            return None
        s0, s1 = _sentences_of(paragraph, story)[-1]
    masked = story.masked[paragraph]
    start = s0 + _OPENING_WORDS_RE.match(masked, s0, s1).end() - s0
    for rank in story.org_index.forms_at(masked, start):  # the forms that open with its first word, in order
        form, name = story.org_forms[rank]
        if not masked.startswith(form, start) or masked[start + len(form) : start + len(form) + 1].isalnum():
            continue
        voices = _GROUP_VOICE_RE.match(masked, start + len(form), s1)
        if (pronoun == "they") == bool(voices) and (pronoun == "they" or not name.endswith("s")):
            return name
        return None
    return None


def _publication_subject(index: int, offset: int, story: _Story) -> str | None:
    """ "The Sunday Mail newspaper branded the budget "political." It said ...": the publication
    that opens the sentence just before the pronoun's, in the same paragraph."""
    sentences = _sentences_of(index, story)
    at = _sentence_at(sentences, offset)
    if at <= 0:
        return None
    match = _PUBLICATION_OPENING_RE.match(story.masked[index], sentences[at - 1][0], sentences[at - 1][1])
    return match.group(1).strip() if match else None


_PUBLICATION_OPENING_RE = re.compile(
    r"(?:The\s+)?((?:[A-Z][\w&.'’-]*\s+){1,4}?)(?:newspaper|daily|weekly|magazine|paper)\b(?!\s*,)"
)


_OPENING_WORDS_RE = re.compile(r"(?:(?:the|but|and|however|meanwhile|also|in addition)\b[\s,]*)*", re.I)
_GROUP_VOICE_RE = re.compile(r"\s+(?:officials|sources|spokesmen|representatives|executives)\b")


_SINGLE_VOICE_RE = re.compile(r"\b(?:spokesman|spokeswoman|spokesperson|official)\b", re.I)


def _person_named_since(event: _Event, index: int, offset: int, story: _Story) -> bool:
    """A person named between the event and the pronoun, outside the event's reported words ("A
    company spokesman said Sticht will serve ... He said ...": Sticht is what he said)."""
    for paragraph in range(event.paragraph, index + 1):
        ends = story.mention_ends(paragraph)
        first = bisect_left(ends, event.offset) if paragraph == event.paragraph else 0
        last = bisect_left(ends, offset) if paragraph == index else len(ends)
        mentions = story.mentions.get(paragraph, [])[first:last]
        if paragraph == event.paragraph:
            mentions = [m for m in mentions if not _inside(m[0], event.content)]
        if mentions:
            return True
    return False


def _all_in_content(event: _Event, story: _Story) -> bool:
    """Every person named in the event's sentence is inside its reported words."""
    if event.content is None:
        return False
    sentences = _sentences_of(event.paragraph, story)
    at = _sentence_at(sentences, event.offset)
    end = sentences[at][1] if at >= 0 else event.offset
    inside = [m for m in story.mentions.get(event.paragraph, []) if event.sentence <= m[0] < end]
    return bool(inside) and all(_inside(m[0], event.content) for m in inside)


# What speaks without being anyone: "A report said", "the radio said", "The statement said".
_THING_WORDS = frozenset(
    "report reports radio television newspaper paper daily agency statement document communique study survey "
    "letter magazine weekly bulletin broadcast".split()
)


def _is_thing(speaker: _Speaker) -> bool:
    """A speaker that is a document or a medium, no person: never "he" or "she"."""
    words = speaker.label.lower().split()
    return not (speaker.person or speaker.organisation) and bool(words) and words[-1] in _THING_WORDS


_BARE_VOICE_RE = re.compile(r"(?:the|that|this)\s+(official|spokesman|spokeswoman|spokesperson|source|witness)", re.I)


def _unnamed_voice_again(label: str, index: int, offset: int, story: _Story) -> bool:
    """ "the official said" names again the last voice of that noun ("A futures industry official
    said"): when that one was left unnamed, so is this one, not given to a body that spoke before."""
    bare = _BARE_VOICE_RE.fullmatch(label) if label[:1] in ("t", "T") else None  # "the", "that", "this" open it
    if bare is None:
        return False
    noun = bare.group(1).lower()
    for event in reversed(story.events[-_LOOK_BACK:]):
        if (event.paragraph, event.offset) >= (index, offset):
            continue
        if event.paragraph < index - 3:
            return False
        words = event.speaker.label.lower().split()
        if words and words[-1] == noun:
            return not (event.speaker.person or event.speaker.organisation)
    return False


def _last_unnamed_speaker(index: int, offset: int, story: _Story) -> _Event | None:
    """The last speaker before this place, when it is one nobody named ("one trader", "an aide")."""
    for event in reversed(story.events[-_LOOK_BACK:]):
        if (event.paragraph, event.offset) >= (index, offset):
            continue
        speaker = event.speaker
        words = speaker.label.lower().split()
        unnamed = (
            not (speaker.person or speaker.organisation or speaker.plural or _is_thing(speaker))
            and words[:1] in (["one"], ["a"], ["an"], ["the"], ["another"])
            and not (words[-1].endswith("s") and not words[-1].endswith("ss"))  # "President Trump's advisers"
        )
        return event if unnamed and event.paragraph >= index - 1 else None
    return None


def _only_agreeing(pronoun: str, index: int, offset: int, story: _Story, content) -> str | None:
    """The one person named in this paragraph or the one before (before the pronoun, outside
    quotations) that the pronoun agrees with, when there is exactly one."""
    found = set()
    for paragraph in (story.previous[index], index):
        for start, end, name in story.mentions.get(paragraph, [])[:_LOOK_BACK]:
            if paragraph == index and (end > offset or _inside(start, content)):
                continue
            if _counts_as_antecedent(story, paragraph, (start, end, name)) and _agrees(pronoun, name, story):
                found.add(name)
    return next(iter(found)) if len(found) == 1 else None


def _agrees(pronoun: str, person: str, story: _Story) -> bool:
    """ "she" and a woman or a person of unknown sex; "he" and a man or unknown."""
    if person not in story.genders:
        found = next((p for p in story.people if p.name == person), None)
        forms = list(found.forms) if found else []
        for span in found.spans[:3] if found else ():  # "Sir Lindsay Hoyle": the honorific printed before a mention
            before = story.document.paragraphs[span.paragraph][max(0, span.start - 12) : span.start].split()[-1:]
            forms += [f"{before[0]} {person}"] if before else []
        story.genders[person] = person_gender(person, forms) or _gender_by_noun(found, story)
    gender = story.genders[person]
    return gender is None or gender == ("f" if pronoun == "she" else "m")


_AND_TEAM_RE = re.compile(
    r"(.+?)\s+and\s+(?:his|her)\s+(?:team|colleagues|co-?authors|co-?workers|research\s+team|fellow\s+researchers)"
)
# "The 56-year-old said", "the 35-year-old striker added": a person the story has just named.
_AGE_SUBJECT_RE = re.compile(r"the\s+\d{1,3}-year-old(?:\s+([a-z-]+))?")
# Nouns of one sex: of kin, and "actress" (not job titles: 1987 wires call women "spokesman").
_MEN = frozenset("man boy father son husband widower brother nephew grandson grandfather boyfriend".split())
_WOMEN = frozenset(
    "woman girl mother daughter wife widow sister niece granddaughter grandmother girlfriend actress".split()
)


def _person_of_age(noun: str | None, index: int, offset: int, story: _Story, content) -> str | None:
    """The one a "he" or a "she" there would be, by the noun's sex; with a noun of either sex
    ("striker") or none, the person both would be, or the only one either finds."""
    pronouns = ("he",) if noun in _MEN else ("she",) if noun in _WOMEN else ("he", "she")
    found = {_resolve_pronoun(p, index, offset, story, content).person for p in pronouns} - {None}
    if not found and (central := _central_person(story)) and any(_agrees(p, central, story) for p in pronouns):
        return central  # "Mourinho has agreed a deal ... / The Portuguese boss ... / The 56-year-old said"
    return found.pop() if len(found) == 1 else None


def _central_person(story: _Story) -> str | None:
    """The person the story is about: named first, and named more often than anyone else."""
    people = [p for p in story.people if p.spans]
    if not people:
        return None
    first = min(people, key=lambda p: (p.spans[0].paragraph, p.spans[0].start))
    return first.name if all(len(p.spans) < len(first.spans) for p in people if p is not first) else None


def _gender_by_noun(person: PersonMention | None, story: _Story) -> str | None:
    """ "Steenburgen's son, filmmaker Charlie McDowell", "his wife, Ann": a noun of one sex just
    before one of the first mentions (a few words of role may stand between)."""
    for span in person.spans[:3] if person else ():
        before = story.document.paragraphs[span.paragraph][max(0, span.start - 60) : span.start]
        if found := _SEXED_NOUN_RE.search(before):
            return "f" if found.group(1) else "m"
    return None


# A noun of one sex, then up to three words of role ("filmmaker") before the name.
_SEXED_NOUN_RE = re.compile(
    rf"\b(?:({alternation(sorted(_WOMEN))})|{alternation(sorted(_MEN))})"
    r",?\s+(?:(?!(?:of|and|to|for|with|by|from|at|in|on|about)\b)[\w.’'-]+\s+){0,3}$",
    re.I,
)


def _last_person_event(index: int, offset: int, story: _Story, pronoun: str = "he") -> _Event | None:
    """The latest speaker before this place who is one person, within four paragraphs."""
    for event in reversed(story.events[-_LOOK_BACK:]):
        if (event.paragraph, event.offset) >= (index, offset):
            continue
        if event.paragraph < index - 4:
            return None
        if event.speaker.person and not event.speaker.plural:
            if not _agrees(pronoun, event.speaker.person, story):
                continue  # "Trump said ... Grisham said ... she said": not Trump
            return event
        if _is_thing(event.speaker):
            continue  # "A report said ...": no "he"
        if not event.speaker.plural and not event.speaker.organisation and event.speaker.label.lower() not in _PRONOUNS:
            return None  # "One yen bond manager said ... he said": the unnamed one speaks
    return None


def _nobody_else_since(event: _Event, index: int, offset: int, story: _Story, content=None, pronoun=None) -> bool:
    """No other person named between the speaker and the pronoun (quotations aside, and the
    pronoun's own reported words: "The plan, approved by Minister X, calls for ..., he said"), nor
    one the pronoun could stand for ("Judge Helen Ashworth, sentencing Graham Pellow, said ... /
    "...," she told him": Pellow is no "she")."""
    read = 0
    for paragraph in range(event.paragraph, index + 1):
        first = bisect_left(story.mention_ends(paragraph), event.offset) if paragraph == event.paragraph else 0
        for start, end, name in story.mentions.get(paragraph, [])[first:]:
            read += 1
            if read > _LOOK_BACK:
                return False
            if name == event.speaker.person:
                continue
            if (paragraph, start) <= (event.paragraph, event.offset) or (paragraph, start) >= (index, offset):
                continue
            if paragraph == event.paragraph and _inside(start, event.content):
                continue  # "He said the accord was signed with X. / He said ...": X only in what he said
            if paragraph == event.paragraph and event.content and event.offset < start < event.content[0]:
                continue  # "Fitzwater, asked if Nakasone's visit might help, said ... / He added": an aside
            if paragraph == index and _inside(start, content):
                continue
            if paragraph == index and _opening_phrase_names(story.document.paragraphs[index], start):
                continue  # "Speaking after talks with President Suharto, he said": whom he met, no other speaker
            if _passive_agent(story.document.paragraphs[paragraph], start):
                continue  # "X said ... She was greeted by the First Lady, Carla Bruni. / "...," she said": X
            masked = story.masked.get(paragraph)
            if masked is not None and masked[start : start + 1] == "Q":
                continue
            if paragraph == event.paragraph and masked is not None and masked.endswith(_TOLD_WORDS, 0, start):
                continue  # '"...," Meghan told Winfrey. / "...," she said': the audience, not a new speaker
            if pronoun and not _agrees(pronoun, name, story):
                continue
            if _attributive(story.document.paragraphs[paragraph], start, end):
                continue  # "Tillerson, Secretary of State for the Trump administration, implied ... He said"
            return False
    return True


_TOLD_WORDS = (" told ", " tells ", " telling ")


def _attributive(text: str, start: int, end: int) -> bool:
    """ "the Trump administration", "the Reagan era": a name between "the" and a word in lower case
    names a thing of the person's, not someone who could be "he" or "she"."""
    return text.endswith(("the ", "The "), max(0, start - 4), start) and bool(_LOWER_WORD_NEXT_RE.match(text, end))


_LOWER_WORD_NEXT_RE = re.compile(r" [a-z]")


def _last_event(index: int, offset: int, story: _Story) -> _Event | None:
    for event in reversed(story.events):
        if (event.paragraph, event.offset) < (index, offset):
            return event if event.paragraph >= index - 2 else None
    return None


def _last_mentioned(
    index: int, offset: int, story: _Story, content
) -> tuple[tuple[int, int], set[str], str | None] | None:
    """The latest sentence before the offset (this paragraph or the one before) naming people,
    as (paragraph, sentence start), and the people it names (not "X's", not inside quotations)."""
    for paragraph in (index, story.previous[index]):
        every = story.mentions.get(paragraph, [])
        if not every:
            continue
        stop = len(every) if paragraph < index else bisect_right(story.mention_ends(paragraph), offset)
        last = None
        text = story.document.paragraphs[paragraph]
        for m in reversed(every[max(0, stop - _LOOK_BACK) : stop]):
            if (paragraph < index or not _inside(m[0], content)) and _counts_as_antecedent(story, paragraph, m):
                if paragraph == index and _opening_phrase_names(text, m[0]):
                    continue  # "When challenged by Bollinger ... he stated": not Bollinger
                if _passive_agent(text, m[0]):
                    continue  # "The politician was greeted by the First Lady, Carla Bruni. / she said": not her
                last = m
                break
        if last is None:
            continue
        sentences = _sentences_of(paragraph, story)
        at = _sentence_at(sentences, last[0])
        sentence = sentences[at] if at >= 0 else (0, 0)
        in_sentence = [
            m
            for m in every[max(0, stop - _LOOK_BACK) : stop]
            if sentence[0] <= m[0] < sentence[1]
            and m[0] <= last[0]
            and (paragraph < index or not _inside(m[0], content))
            and _counts_as_antecedent(story, paragraph, m)
        ]
        names = {m[2] for m in in_sentence}
        opening = text[sentence[0] : in_sentence[0][0]].split()
        subject = (
            in_sentence[0][2]
            if len(opening) <= 4
            and all(w[:1].isupper() or w.lower() in ("but", "and", "the", "former", "a", "an") for w in opening)
            else None
        )
        return (paragraph, sentence[0]), names, subject
    return None


def _passive_agent(text: str, start: int) -> bool:
    """The name at `start` is the agent of a passive verb before it in its sentence ("was greeted at
    the air base by the President and the First Lady, Carla Bruni-Sarkozy", "accompanied by
    Sarkozy"): whom the sentence is about is its subject, not the agent."""
    window = text[max(0, start - 80) : start]
    if " by " not in window:
        return False  # the common case
    return _PASSIVE_AGENT_RE.search(window) is not None


# "was greeted ... by" (a person's, not a thing's: "It will be chaired by Kate Dalmeny" makes her the
# topic), or a participle opening the sentence ("Again accompanied by"), then up to eight words of no
# sentence's end before the name
_PASSIVE_AGENT_RE = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[a-z]+(?:an|er|or|ist|ent))\s+(?:was|is)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b"
    r"|(?:^|[.!?]\s+)(?:[A-Z][a-z]+\s+)?[A-Za-z][a-z]+ed)\s+(?:[^\s.;:!?]+\s+){0,8}?by\s+(?:[^.;:!?\s]+\s+){0,8}$"
)


def _unnamed_person_opening(sentence: tuple[int, int], story: _Story) -> str | None:
    """The unnamed person opening the sentence (paragraph, start) as its subject ("The senior
    official sounded ...", "A spokesman for the bank declined ..."), its verb in lower case before
    the first person it names: "The senior official", "A spokesman"."""
    paragraph, start = sentence
    first = next((m[0] for m in story.mentions.get(paragraph, []) if m[0] >= start), None)
    if first is None:
        return None
    text = story.document.paragraphs[paragraph]
    opening = _UNNAMED_PERSON_RE.match(text, start, first)
    if opening is None:
        return None
    return opening.group(1) if opening.group(2) in _VOICE_WORDS or is_role_head(opening.group(2)) else None


# "The senior official sounded", "But a spokesman for the bank declined": a determiner, up to three
# words, the head, then a verb in lower case (not ", Tom X," an apposition naming the person).
_UNNAMED_PERSON_RE = re.compile(
    r"\s*(?:But\s+|And\s+)?((?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[\w.'’-]+\s+){0,3}?([a-z]+))\s+(?:[a-z]+ly\s+)?"
    r"(?:is|was|were|has|had|would|will|[a-z]+ed|[a-z]+s)\b"
)


def _sentence_at(sentences: list[tuple[int, int]], position: int) -> int:
    low, high = 0, len(sentences)
    while low < high:
        middle = (low + high) // 2
        if sentences[middle][0] <= position:
            low = middle + 1
        else:
            high = middle
    return low - 1


def _sentences_of(paragraph: int, story: _Story) -> list[tuple[int, int]]:
    if paragraph not in story.sentences:
        story.sentences[paragraph] = _sentences(story.masked[paragraph], 0)
    return story.sentences[paragraph]


def _inside(position: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= position < span[1]


def _counts_as_antecedent(story: _Story, paragraph: int, mention: tuple[int, int, str]) -> bool:
    """Not inside a quotation, not a possessive ("Howard's trip")."""
    start, end, _ = mention
    masked = story.masked.get(paragraph, "")
    if masked[start : start + 1] == "Q":
        return False
    text = story.document.paragraphs[paragraph]
    if text[end : end + 1] in ("'", "’"):
        return False
    # "Asked about Donald Trump, he said": the one asked about is the topic, not who answers;
    # so is one named in apposition to it ("Asked about his rival, Okan Buruk, he said"), and whom the
    # speaker met ("After talks with President Suharto, he said").
    if _opening_phrase_names(text, start):
        return False
    if _attributive(text, start, end):
        return False  # "the Trump administration": no antecedent
    return not (_PRONOUN_NEXT_RE.match(text, end) and _ASKED_APPOSITION_RE.search(text, max(0, start - 80), start))


def _opening_phrase_names(text: str, start: int) -> bool:
    """The name at `start` stands in an opening phrase about whom the speaker was asked or met
    ("Asked about X,", "After talks with X,"); a look for the phrase's words comes first."""
    window = text[max(0, start - 80) : start]
    if not any(map(window.__contains__, _OPENING_PHRASE_WORDS)):  # (each word tested in C, no generator)
        return False  # the common case
    return _ASKED_ABOUT_RE.search(text, max(0, start - 80), start) is not None


_OPENING_PHRASE_WORDS = ("sked", "peaking", "alking", "After", "Following", "Before", "During", "ed by ")
_ASKED_ABOUT_RE = re.compile(
    r"(?:^|[.!?]\s+|\b[Ww]hen\s+)(?:[Aa]sked\s+(?:about|whether|if|why|how|what)\b|"
    # "When challenged by Bollinger for Iran's treatment of gays he stated": who challenged him
    r"(?:[Cc]hallenged|[Pp]ressed|[Qq]uestioned|[Aa]sked|[Cc]onfronted|[Ii]nterviewed)\s+by\s|"
    # "Speaking to reporters after talks with President Suharto, he said": whom the speaker met
    r"(?:Speaking|Talking)\b[^,.;:]*\b(?:with|after)\s|"
    r"(?:After|Following|Before|During)\s+(?:talks|a\s+meeting|meetings|meeting|an?\s+audience)\s+with\s)[^,.;:]*$"
)
_ASKED_APPOSITION_RE = re.compile(
    r"(?:^|[.!?]\s+|\b[Ww]hen\s+)[Aa]sked\s+(?:about|whether|if|why|how|what)\b[^,.;:]*,\s+$"
)
_PRONOUN_NEXT_RE = re.compile(r",\s+(?:he|she|they)\b")


# --- Statements ---------------------------------------------------------------------------------


def _opens_unclosed(paragraph: str) -> bool:
    """More quotations opened than closed ("''" and "’’" close one too)."""
    closed = paragraph.count("”") + paragraph.count("''") + paragraph.count("’’")
    return paragraph.count("“") > closed or paragraph.count('"') % 2 == 1


def _assign(statements: list[StatementMention], source: StatementMention) -> None:
    for statement in statements:
        statement.speaker_person = source.speaker_person
        statement.speaker_organisation = source.speaker_organisation
        statement.speaker_label = source.speaker_label


class _Quote(NamedTuple):
    mark: int  # the opening quotation mark
    start: int  # the quoted words
    end: int
    text: str


def _quotations(paragraph: str, start: int) -> list[_Quote]:
    """Quoted passages. One never closed that holds ', said X' was closed before it by the
    writer in fact ('"I don't see any reason to change, said Frederick Meinke')."""
    if (
        "''" not in paragraph
        and "’’" not in paragraph
        and ('"' not in paragraph or ("“" not in paragraph and "”" not in paragraph))
        and paragraph.count("“") == paragraph.count("”")
    ):
        return _plain_quotations(paragraph, start)  # one kind of marks: the fast common case
    found = []
    opened = -1  # where the open quotation's mark is
    for match in _QUOTE_MARK_RE.finditer(paragraph, start):
        mark = match.group()
        if opened < 0:
            if mark in _CLOSING_ONLY:
                continue  # closes a quotation opened in an earlier paragraph
            opened = match.start()
            continue
        if mark == "“":  # a new quotation while one is open: the writer forgot to close it
            end = match.start()
            if missing := _MISSING_CLOSE_RE.search(paragraph, opened + 1, end):
                end = missing.start()  # '“We will go on, he said. “We are ready.”': not the attribution
            found.append(_quote(paragraph, opened, end))
            opened = match.start()
            continue
        found.append(_quote(paragraph, opened, match.start()))  # ”, ", ’’ or '' close it
        opened = -1
    if opened >= 0:
        end = len(paragraph)
        if missing := _MISSING_CLOSE_RE.search(paragraph, opened + 1, end):
            end = missing.start()
        found.append(_quote(paragraph, opened, end))
    return found


def _plain_quotations(paragraph: str, start: int) -> list[_Quote]:
    found = []
    quotations = _QUOTE_RE if "“" in paragraph else _STRAIGHT_QUOTE_RE
    for match in quotations.finditer(paragraph, start):
        group = 1 if match.group(1) is not None else 2
        begin, end = match.start(group), match.end(group)
        if end == len(paragraph) and (missing := _MISSING_CLOSE_RE.search(paragraph, begin, end)):
            end = missing.start()
        found.append(_Quote(match.start(), begin, end, paragraph[begin:end]))
    return found


def _quote(paragraph: str, mark: int, end: int) -> _Quote:
    begin = mark + 1
    return _Quote(mark, begin, end, paragraph[begin:end])


# Quotation marks: curly, straight, and closing ones typed as two apostrophes (’’ or '').
_QUOTE_MARK_RE = re.compile("[“”\"]|’’|''")
_CLOSING_ONLY = frozenset({"”", "’’", "''"})
_CLOSING_MARKS = "\"”’'"


# Where a quotation the writer forgot to close ends: before ", said X", ", X Y said", ", he said".
_MISSING_CLOSE_RE = re.compile(r",(?=\s+(?:(?:[A-Z][\w.'’-]*|he|she|they|the|a|an)\s+){0,5}(?:said|says|told|added)\b)")


def _direct(quote: _Quote, index: int, verb: str, speaker: _Speaker) -> StatementMention:
    return _statement(DIRECT, quote.text.rstrip(" ,."), index, quote.start, verb, speaker)


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


_Q_BYTES = bytes(ord(" ") if byte == ord(" ") else ord("Q") for byte in range(256))  # all but a space as "Q"


def _mask_quotes(paragraph: str, quotes: list[_Quote]) -> str:
    """The paragraph with quoted words replaced by 'Q', so verbs inside quotations are not seen."""
    if not quotes:
        return paragraph
    parts = []
    last = 0
    for quote in quotes:
        start, end = quote.start, quote.end
        parts.append(paragraph[last:start])
        # Every character but spaces as "Q": the runs between spaces replaced whole (a regex
        # substitution of each character took twice as long). A paragraph's spaces are single " "
        # (normalise_space), split in C; other spacing by the regex.
        text = paragraph[start:end]
        if text.isascii() and text.isprintable():  # its one space " ": a table of bytes, all in C
            quoted = text.encode().translate(_Q_BYTES).decode()
        elif "  " not in text and text.isprintable():
            quoted = " ".join(["Q" * len(piece) for piece in text.split(" ")])
        else:
            pieces = _SPACES_RE.split(text)
            pieces[::2] = ["Q" * len(piece) for piece in pieces[::2]]
            quoted = "".join(pieces)
        if paragraph[start:end].rstrip()[-1:] in (".", "!", "?"):  # the sentence ends inside the quote
            cut = len(paragraph[start:end].rstrip()) - 1
            quoted = quoted[:cut] + paragraph[start + cut] + quoted[cut + 1 :]
        parts.append(quoted)
        last = end
    parts.append(paragraph[last:])
    return "".join(parts)


def _sentences(masked: str, start: int) -> list[tuple[int, int]]:
    """Sentence offsets; abbreviations ("U.S.", "Mr.") and initials do not end a sentence."""
    spans = []
    ends = _SENTENCE_END_RE if "?" in masked or "!" in masked else _FULL_STOP_END_RE
    for match in ends.finditer(masked, start):
        last_word = masked[max(start, masked.rfind(" ", start, match.start()) + 1) : match.start()]
        if last_word[:1] == "(":
            last_word = last_word[1:]  # "Mansion House Securities (F.E.) Ltd": initials in brackets
        if last_word[:1].isupper() and _NO_BREAK_RE.fullmatch(last_word):  # every form opens with a capital
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(masked):
        spans.append((start, len(masked)))
    return spans
