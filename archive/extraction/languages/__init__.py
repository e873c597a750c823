"""Extraction for stories in French, Spanish and German (issue 19): countries, people and
statements, read with each language's words (lexicon.py, data in archive/extraction/data/<lang>/).

    from archive.extraction import extract
    extract(text, title=..., language="fr")   # extract() hands fr/es/de stories to extract_parts

English stories never come here: their extraction (countries.py, people.py, statements.py ...) is
unchanged. Pure Python, no Django.

What it reads:
- quotations between « », „ “, » «, “ ” and straight quotes, and dialogue dashes (a paragraph
  opening with "—": French "— …, a-t-il lancé", Spanish "—… —dijo X—");
- reported speech: a subject, a reporting verb and "que" (French, Spanish) or a comma (German:
  "Baerbock erklärte, Deutschland werde …"); the verb after the words ("…, a déclaré X",
  "…, dijo X", "…, sagte X"); "according to" forms before or after ("selon X, …", "…, según X",
  "laut X …", "X zufolge …");
- speakers: a person named in the speaker's words, a pronoun or a null subject (the person last
  named or speaking), a role with a definite article ("le chancelier", "el mandatario guyanés",
  "die Grünen-Politikerin": the last person named with that role, else the last person named);
  an organisation or one of its voices ("a indiqué le Quai d'Orsay", "ein Sprecher des Auswärtigen
  Amts": organisations.py) is that organisation; anything else ("un porte-parole") stays unresolved,
  with its words as label; a pronoun is the last person speaking, not one named inside their words,
  and no one named after an unnamed spokesman ("Ein Sprecher der RSF … sagte er");
- German agency forms: "wie X mitteilte" before or after the words, and reported speech going on in
  the subjunctive after a person's statement ("Russland halte sich an das Völkerrecht."), also after a
  relative clause ("Die Zeiten, in denen …, seien vorbei"), but not a sentence that names a source of its
  own ("nach Angaben von Augenzeugen") nor the agency's modal voice ("dürften", "sollten"); the medium
  the words were said to is not the speaker ("sagte X der Deutschen Presse-Agentur"); "der 47-Jährige"
  and nationality nouns ("der Brite") are the person last named; "Auf die Frage, ob …, sagte X, …":
  the words after the speaker;
- a sentence that is only a quotation goes on with the person whose statement comes right before it;
- German, no person where the words are someone else's: someone of a named person ("Ein Vertrauter von X",
  "Die Sprecherin von Kanzler X", "X-s Sprecherin", "teilte Netanjahus Büro mit"), the object after a
  reporting verb whose subject is named before it ("Strobl kündigte Soforthilfen an"), a place after a body's
  acronym ("von der ETH Zürich sagte"), a company or news agency by its bare name ("teilte Siemens mit",
  "Xinhua berichtete": the body speaks), a person after a preposition before a colon ("Brief an X: „…“");
  a pronoun after a sentence opened by a role ("Der französische Präsident widersprach nicht. …, sagte er")
  is the role's holder; the subject of joined verbs says the quote ("X zitierte Y … und fügte hinzu: „…“");
  "Name, apposition, sagte, …" is the name's;
- German bodies speaking themselves (sixth German pass): their Konjunktiv going on after their statement ("…, teilte
  der Konzern mit. Kündigungen seien ausgeschlossen."), "hieß es beim VfGH" / "hiess es bei Economiesuisse", "so
  die Bundesbank in ihrem Monatsbericht", "entschied der BGH", a name after a body's kind ("der Flughafenverband
  ADV": organisations.story_bodies), "die Behörde/Gewerkschaft/Kammer/Stiftung/Stadt/der Verband" for the one
  body of that kind named before (in the same paragraph first); "wäre"/"hätte" going on after a speaker unless
  the sentence names a person or a first ("Es wäre sein erster Besuch seit …"), "Andernfalls …", "Ohne die …";
- German party members as nouns after the verb ("sagte die Grüne", "der Sozialdemokrat": data/de/speech.tsv)
  are the person of that party named last, never someone of another party named after them, never a person
  of their own; a box of quotes ("«…» Name (Partei), Funktion", nothing else in the paragraph) is the name's;
  "sagte von Notz" is the person named in full with that surname;
- French reflexive verbs ("s'est félicitée la ministre"), Spanish perfect tenses ("ha afirmado X") and
  sentences without subject ("Añadió que …");
- datelines: "PARIS, 12 mars (AFP) -", "MADRID, 3 Mar (EFE).-", "Berlin (dpa) -" (dateline.py);
- people: runs of capitalised words with a role or honorific before them ("le ministre des
  Affaires étrangères, Jean-Noël Barrot", "Bundeskanzler Olaf Scholz", "M. Bourita"), a reporting
  verb beside them ("dijo Maduro", "sagte Steinmeier"), a known given name or (German) a party in brackets
  after a full name; a lone surname is the person named in full elsewhere in the story; German names lose
  a genitive -s and the noun after them ("Karl Brenners Partei", "warf Karl Brenner Versagen vor");
- countries: names, adjectives and capitals (lexicon.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ..model import DIRECT, INDIRECT, CountryMention, Document, PersonMention, Span, StatementMention
from ..names import person_gender
from .dateline import _months, parse_dateline
from .lexicon import LANGUAGES, Lexicon, country_codes, is_role, lexicon
from .organisations import (
    abbreviations_defined,
    find_organisations,
    organisation_table,
    references,
    spans_with,
    story_bodies,
)

__all__ = ["LANGUAGES", "base_language", "extract_parts"]

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
_ELISION_RE = re.compile(r"^(?:[dljnmstc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.IGNORECASE)
_PARTICLES = frozenset("de da do dos das del van von der den di du al bin ben ter zu la le".split())
_CAPITAL_PARTICLES = frozenset("Le La De Du Des Van Von Di Da Del Dos Das".split())  # inside a name, after a given name
_INNER_PARTICLES = frozenset("der den la le".split())  # only after van, von, de: "von der Leyen"
_ARTICLES = {
    "fr": frozenset("le la l' l’ les".split()),
    "es": frozenset("el la los las".split()),
    "de": frozenset("der die das den dem des".split()),
}
_DETERMINERS_DE = frozenset(
    "der die das den dem des ein eine einer einen einem eines dieser diese dieses kein keine sein seine ihr ihre "
    "seinem seiner ihrem ihrer unser unsere".split()
)
# "Aiman al-Safadi", "Abdel Fattah al-Sissi", "Ahmed ben Ali": an Arabic name's lower-case article or kinship word
_ARABIC_ARTICLE_RE = re.compile(r"^(?:al|el|as|ad|ash|at|az|an|ar|ibn|bin|ben|abu|ould)-[^\W\d_]", re.UNICODE)
# French reflexive past: "…, s'est félicitée la haute représentante", "X s'est dit convaincu que …"
_FR_REFLEXIVE = r"(?:s['’]est|se sont|s['’]était|se sont-ils|s['’]est-(?:il|elle))"
# A relative clause after an inverted verb's speaker is about the speaker: "…, recordó el mandatario, quien pidió
# a sus socios «…»", "…, a insisté le diplomate, qui « … »".
_RELATIVE = {"fr": r"(?:qui|lequel|laquelle|dont)\b", "es": r"(?:quien|quienes|que|el cual|la cual)\b"}
_SUBORDINATORS_DE = frozenset(
    "als bevor nachdem während weil da wo wenn obwohl um ohne sodass so und oder aber sondern doch der die das dem "
    "den denen deren dessen welche welcher welches wie ob dass damit indem seit seitdem bis falls zumal".split()
)
_RELATIVE_DE_RE = re.compile(
    r"\s*(?:(?:in|mit|von|an|auf|bei|für|über|unter|nach|aus|zu|gegen)\s+)?"
    r"(?:der|die|das|denen|dem|deren|dessen|den|welche|welcher|welches|wo)\s"
)
# "ein hoher EU-Beamter", "aus deutschen Regierungskreisen": a lower-case adjective with its ending
_INFLECTED_ADJECTIVE_DE = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")
_NOT_ADJECTIVES_DE = frozenset(
    "allem alle allen aller alles diese dieser diesem diesen dieses jene jener jenem jenen jenes welche welcher "
    "welchem welchen welches manche mancher manchen gegen neben wegen zwischen unter hinter über oder aber sondern "
    "außer entgegen binnen seine seiner seinem seinen ihre ihrer ihrem ihren unsere unserer unserem unseren "
    "habe hatte hatten haben werde werden wurde wurden sagte sagten".split()
)
_PREPOSITIONS_DE = frozenset(
    "aus von mit nach bei seit zu für gegen ohne um durch an auf in über unter vor hinter neben zwischen "
    "laut trotz wegen während".split()
)
# "die slowakische Staatssekretärin": an adjective of origin before a role belongs to the role
_ORIGIN_DE = re.compile(r"[a-zäöü]{3,}isch(?:e|en|er|es|em)?")
# A relative clause: a relative pronoun (after a preposition, maybe) and a personal pronoun as its subject
# ("…, die er unterzeichnet hatte", "…, mit der sie …"), or a pronoun only relative ("denen", "deren", "dessen")
_RELATIVE_CLAUSE_DE_RE = re.compile(
    r"\s*(?:(?:in|mit|von|an|auf|bei|für|über|unter|nach|aus|zu|gegen|um|durch)\s+)?"
    r"(?:(?:der|die|das|den|dem|welche|welcher|welches|welchen|welchem)\s+(?:er|sie|es|man|wir|ich|ihr)\b"
    r"|(?:denen|deren|dessen)\b)"
)
# A title in quotation marks after the verb ("sagte Pistorius der »Süddeutschen Zeitung«", "sagte Winkel der
# „Bild“-Zeitung", "sagte Egede dem Blatt «Sermitsiaq», …"): part of the speaker phrase, not the words
_TITLE_DE = r"[»«„\"][^„“«»\"]{1,40}[«»“\"](?:-[\w-]+)?(?=[\s.,;!?]|$)"
# Conjunctions and question words that open a subordinate clause at a sentence's start (not "während",
# "seit", "als": prepositions and comparisons too)
_CLAUSE_OPENERS_DE = frozenset(
    "ob wie wann warum weshalb wieso wo woher wohin wer wen wem was welche welcher welches dass wenn weil obwohl "
    "solange nachdem bevor falls sobald damit sofern".split()
)
# "Auf die Frage, ob …", "Auf Nachfrage, …": the question put to the speaker, not their words
_QUESTION_BEFORE_DE_RE = re.compile(r"\s*(?:Auf|Nach)\s+(?:die\s+|eine\s+|der\s+)?(?:Nach)?[Ff]rage\b")
# Words that open an adverbial or a subordinate clause before the verb (then the subject follows the verb):
# prepositions, fused articles, conjunctions and adverbs of time and sequence
_FRONTED_DE = frozenset(
    "aus von mit nach bei seit zu für gegen ohne um durch an auf in über unter vor hinter neben zwischen trotz "
    "wegen während im am vom zum zur beim ins ans nachdem als bevor weil obwohl wenn sobald dazu zudem später "
    "anschließend danach dort dabei darauf daraufhin außerdem zuvor heute gestern damals nun jetzt "
    "gleichzeitig bereits schon erst wörtlich ausdrücklich".split()
)
# Adverbs of contrast between a subject and its verb ("Merz dagegen sagte", "Die Linke wiederum verlangte")
_CONTRAST_DE = r"(?:dagegen|hingegen|wiederum|jedoch|indes|indessen|allerdings|seinerseits|ihrerseits)"
_CONTRACTIONS_DE = frozenset("im am vom zum zur beim ins ans aufs".split())  # a preposition and an article
_NOUN_ENDINGS_DE = (
    "ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "ment", "nis", "tum", "chen", "ungen",
    # bodies: "Gesundheitsministerium sprach von …", "des Handelsministeriums sagte"
    "ium", "iums", "amt", "amts", "amtes", "behörde", "gericht", "gerichts", "verband", "verbands", "partei",
    "sion", "armee", "agentur", "zentrum", "zentrums", "institut", "instituts", "büro", "büros", "komitee",
    "komitees", "polizei",
)  # fmt: skip
_OPENERS = '«„“"»‹'
_QUOTE_RES = {
    "fr": [r"«\s*([^«»]+?)\s*»", r"“([^“”]+?)”", r"\"([^\"]+?)\""],
    "es": [r"«\s*([^«»]+?)\s*»", r"“([^“”]+?)”", r"\"([^\"]+?)\""],
    "de": [r"„([^„“”]+?)[“”]", r"«\s*([^«»]+?)\s*»", r"»([^»«]+?)«", r"\"([^\"]+?)\""],
}
_PRONOUN_PHRASES = {
    "fr": frozenset("il elle ils elles lui eux".split()),
    "es": frozenset("él ella ellos ellas".split()),
    "de": frozenset("er sie".split()),
}
# Spanish: a sentence or its main clause opened by a definite noun phrase and a finite verb in the preterite
# ("evitó", "dijo") or the perfect ("ha anunciado"): "el nuevo entrenador evitó dar detalles".
_DESCRIBED_SUBJECT_ES = re.compile(
    r"(?:^|[.!?»”\"]\s+|,\s+)((?:El|La|el|la)\s+(?:[a-zá-úñ]+\s+){0,2}?([a-zá-úñ]{4,}))\s+"
    r"(?:[a-zá-úñ]+ó|dijo|hizo|puso|tuvo|quiso|fue|(?:ha|había)\s+[a-zá-úñ]+(?:ado|ido))\b"
)
_AUXILIARIES = frozenset("a ont avait avaient aurait ha han había hat hatte haben".split())
# Words that end a speaker's name after an inverted verb ("a déclaré X lors de …", "dijo X tras …").
_CIRCUMSTANCES = {
    "fr": "lors|devant|à l['’]issue|après|avant|dans|en|au|sur|pendant|depuis",
    "es": "tras|en|durante|ante|a su|desde|al|antes|después",
    "de": "nach|vor|bei|in|auf|am|im|laut|während|gegenüber",
}
# Prepositions of place: a lone capitalised word right after one is a place, not a person beside a verb.
_LOCATIVES = {
    "fr": frozenset("à en".split()),
    "es": frozenset("en desde".split()),
    "de": frozenset("in aus nach nahe bei".split()),
}
# French and Spanish auxiliaries and possessives: a role before one of them is not the holder of a name after it
# and prepositions of a circumstance ("a plaidé le chef de l'État devant les dirigeants réunis au Grand Palais")
_ROLE_BREAKERS = frozenset(
    "a ont avait avaient ha han había habían son sa ses leur leurs su sus"
    " devant lors pendant depuis dans sur tras durante ante desde".split()
)
# kin after a possessive name a person ("son épouse, Sylvie Delorme", "su hermana Karina Milei")
_KIN = frozenset(
    "épouse époux mari femme fils fille frère sœur père mère esposa esposo marido mujer hijo hija hermano hermana"
    " padre madre".split()
)
# French and Spanish "the latter": the person named last ("Ce dernier a répliqué", "dijo este último")
_LATTER = re.compile(r"(?i)(ce dernier|cette dernière|este último|esta última)")
# An aside between a reporting verb and "que" ("estime, de son côté, que", "afirmó, por su parte, que")
_ASIDE = {
    "fr": r"(?:,\s*(?:de\s+son\s+côté|pour\s+sa\s+part|quant\s+à\s+(?:lui|elle)|toutefois|cependant|néanmoins|"
    r"lui\s+aussi|elle\s+aussi|en\s+revanche|de\s+leur\s+côté|pour\s+leur\s+part),)?",
    "es": r"(?:,\s*(?:por\s+su\s+parte|sin\s+embargo|no\s+obstante|a\s+su\s+vez|en\s+cambio|además|asimismo|"
    r"por\s+otra\s+parte|de\s+su\s+lado|en\s+tanto),)?",
}
# A speaker phrase's circumstance before the speaker: "En un fallo unánime, el máximo tribunal"
_CIRCUMSTANCE_OPENERS = frozenset("en dans desde tras après durante pendant lors par mediante".split())
# French and Spanish indefinite articles ("un portavoz", "une source") and "of" ("le bureau du premier ministre")
_INDEFINITE = frozenset("un une uno una unos unas".split())
_OF = frozenset("de du des del d' d’".split())
# French and Spanish subject pronouns of one gender ("a-t-elle dit", "ella dijo")
_ROMANCE_PRONOUN_GENDER = {"il": "m", "elle": "f", "él": "m", "ella": "f"}
_PLURAL_VERB = {"fr": r"(?!)", "es": r"\w+ron\b", "de": r"\w+ten\b"}  # "Fuentes … explicaron": no one person
_LONE_QUOTE_WORDS = 6  # a quotation with no speaker is a statement from this many words (shorter: a scare quote)
_DATELINE_RE = re.compile(r"^(?P<place>[^\W\d_][\w'’ ./-]{1,40}?)(?:\s*\([^()]{1,30}\))?\s+[–—-]\s+")


def _dateline_end(language: str, paragraph: str) -> int:
    """Where the story proper starts after a dateline ("PARIS, 12 mars (AFP) - "), 0 without one."""
    found = parse_dateline(language, paragraph)
    if found is not None:
        return found.end
    match = _DATELINE_RE.match(paragraph)
    return match.end() if match else 0


def base_language(language: str | None) -> str:
    """ "fr-CA" -> "fr"; "" for nothing."""
    return (language or "").strip().replace("_", "-").split("-")[0].lower()


# Short references to a body named before (organisations.py names it: "das Bundesgesundheitsministerium",
# "el Ministerio de Economía", "die Siemens AG"), and what its written name must hold to be the one meant;
# None: a company by the table's kind or its legal form.
_MINISTRY = ("minist", "auswärtig", "cancillería", "quai d")
_REFERENCE_FITS = {
    "ministerium": _MINISTRY,
    "ministère": _MINISTRY,
    "ministerio": _MINISTRY,
    "behörde": (
        "behörde",
        "amt",
        "anwaltschaft",
        "kommission",
        "rechnungshof",
    ),  # "die Brüsseler Behörde": the EU Commission
    "gericht": ("gericht",),
    # German bodies by their kind ("teilte der Verband mit" after "der Flughafenverband ADV" or "der Bund der
    # Steuerzahler", "erklärte die Gewerkschaft" after "die IG Metall"); regular expressions on the written name
    "verband": ("verband", r"\bbund der\b", "gewerkschaftsbund", "verein"),
    "gewerkschaft": ("gewerkschaft", r"\big\s", r"\bverdi\b", r"\bdgb\b"),
    "kammer": ("kammer",),
    "verein": ("verein",),
    "stiftung": ("stiftung",),
    "kommission": ("kommission",),
    "stadt": (r"^stadt\s",),
    "institut": ("institut",),
    "bank": ("bank",),
    "tribunal": ("tribunal",),
    "cour": ("cour ",),
    "unternehmen": None,
    "konzern": None,
    "entreprise": None,
    "empresa": None,
    "compañía": None,
}
_REFERENCE = re.compile(
    r"(?:[Dd]as|[Dd]ie|[Dd]er|[Ll]e|[Ll]a|[Ll]['’]\s*|[Ee]l)\s*(" + "|".join(_REFERENCE_FITS) + ")",
    re.IGNORECASE,
)


@dataclass
class _Token:
    text: str
    start: int
    end: int


@dataclass
class _Quote:
    start: int  # of the words, inside the marks
    end: int
    outer_start: int  # marks included
    outer_end: int
    dash: bool = False


@dataclass
class _Person:
    name: str
    forms: list
    role: str = ""
    spans: list = None
    mentions: int = 0


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _WORD_RE.finditer(text):
        word, start = match.group(), match.start()
        elided = _ELISION_RE.match(word)
        if elided:
            start += elided.end()
            word = word[elided.end() :]
        if word.endswith(".") and len(word) > 2 and word not in ("M.", "MM.", "Sr.", "Sra.", "Dr.", "Dra.", "Prof."):
            word = word[:-1]
        tokens.append(_Token(word, start, start + len(word)))
    return tokens


class _Story:
    def __init__(self, lex: Lexicon, document: Document):
        self.lex = lex
        self.document = document
        self.paragraphs = document.paragraphs
        self.language = lex.language
        self.verb_alt = _alternation(lex.language, "verbs")
        self.present_alt = _alternation(lex.language, "present") or "(?!)"
        self.tokens = [_tokens(p) for p in self.paragraphs]
        self.country_spans = [country_codes(lex, p) for p in self.paragraphs]
        self.given_names = _given_names() | _language_given_names(lex.language)
        # The story's own names of its bodies: French, Spanish "el Instituto Nacional de Estadística y
        # Censos (Indec)" names the body "el Indec" after; German "der Flughafenverband ADV", "der
        # Verfassungsgerichtshof (VfGH)"
        self.story_bodies = {
            **abbreviations_defined(lex.language, self.paragraphs),
            **story_bodies(lex.language, self.paragraphs, self.given_names),
        }
        self.organisations, self.org_spans = find_organisations(lex.language, self.paragraphs, self.story_bodies)
        if self.language == "de":
            self._people_named_like_companies()
        self.people: dict[str, _Person] = {}
        self.mentions: list[tuple[tuple[int, int], int, str]] = []  # ((paragraph, start), end, person)
        self.events: list[tuple[tuple[int, int], str]] = []  # ((paragraph, offset), person): named or speaking
        self.statements: list[StatementMention] = []  # found so far
        self._runs_cache: dict[int, list[list[_Token]]] = {}  # paragraph -> its name-like runs (self._runs)
        self._story: str | None = None  # the paragraphs joined, for the German name checks (self._trim_de)

    def _people_named_like_companies(self) -> None:
        """German: a company's name written after a given name ("Wolfgang Porsche", "Robert Bosch") is a person's
        surname ("Werner von Siemens" too); in that story the word is the person's, not the company's."""
        table = organisation_table(self.language)
        surnames = set()
        for paragraph, spans in enumerate(self.org_spans):
            text = self.paragraphs[paragraph]
            for start, end, _name in spans:
                entry = table.entry(text[start:end])
                before = re.search(r"([^\W\d_][\w-]*)\s+(?:(?:von|van|de|zu)\s+)?$", text[max(0, start - 30) : start])
                if entry and entry.kind == "company" and before and before.group(1).lower() in self.given_names:
                    surnames.add(text[start:end])
        if not surnames:
            return

        def kept(paragraph: int, start: int, end: int) -> bool:
            return self.paragraphs[paragraph][start:end] not in surnames

        self.org_spans = [
            [span for span in spans if kept(p, span[0], span[1])] for p, spans in enumerate(self.org_spans)
        ]
        for mention in self.organisations:
            mention.spans = [s for s in mention.spans if kept(s.paragraph, s.start, s.end)]
            mention.mentions = len(mention.spans)
        self.organisations = [m for m in self.organisations if m.spans]

    # --- people ---------------------------------------------------------------------------------

    def _is_country(self, paragraph: int, token: _Token) -> bool:
        return any(s <= token.start and token.end <= e for _, _, s, e in self.country_spans[paragraph])

    def _in_organisation(self, paragraph: int, token: _Token) -> bool:
        return any(s <= token.start and token.end <= e for s, e, _ in self.org_spans[paragraph])

    def _name_like(self, paragraph: int, token: _Token, after_particle: bool = False) -> bool:
        """Whether a token may be part of a name; after a capitalised particle inside a name a role word may be
        the surname ("Bruno Le Maire")."""
        word = token.text
        if self._in_organisation(paragraph, token):  # "das Auswärtige Amt", "le Quai d'Orsay"
            return False
        if not (word[:1].isupper() or _ARABIC_ARTICLE_RE.match(word)) or word.endswith("."):
            return False
        if (
            word in self.lex.non_names
            or word in self.lex.honorifics
            or (is_role(self.lex, word) and not after_particle)
        ):
            return False
        if len(word) > 1 and word.replace("-", "").isupper():  # ONU, OTAN, CDU: acronyms
            return False
        return not self._is_country(paragraph, token)

    def _runs(self, paragraph: int) -> list[list[_Token]]:
        """Runs of name-like tokens separated by single spaces, particles inside ("von der Leyen")."""
        text, tokens = self.paragraphs[paragraph], self.tokens[paragraph]
        runs, run = [], []
        for index, token in enumerate(tokens):
            joined = run and text[run[-1].end : token.start] == " "
            after_particle = bool(joined and len(run) > 1 and run[-1].text in _CAPITAL_PARTICLES)
            if self.language == "de" and joined and len(run) == 1 and run[0].text.lower() in self.given_names:
                after_particle = True  # "Doris König", "Wolfgang Kaiser": after a given name a role word is the surname
            if (
                self.language == "de"
                and joined
                and re.fullmatch(r"[A-ZÄÖÜ]\.", token.text)
                and run[-1].text.lower() in self.given_names
            ):
                # "der Angeklagte Markus B.": court and crime reports shorten a private person's surname to its
                # initial; the given name and the initial are the name, and it ends there (a noun written
                # before them, "Der Angeklagte Thomas K.", is a run of its own)
                if len(run) > 1:
                    runs.append(run[:-1])
                runs.append([run[-1], token])
                run = []
                continue
            if self._name_like(paragraph, token, after_particle):
                if not joined:
                    if run:
                        runs.append(run)
                    run = []
                run.append(token)
                continue
            if (
                joined
                and token.text in _CAPITAL_PARTICLES
                and run[-1].text not in _PARTICLES
                and index + 1 < len(tokens)
                and text[token.end : tokens[index + 1].start] == " "
                and self._name_like(paragraph, tokens[index + 1], after_particle=True)
            ):
                run.append(token)  # "Marine Le Pen", "Bruno Le Maire", "Charles De Gaulle"
                continue
            nxt = self._after_particles(paragraph, index)
            particle = token.text in _PARTICLES and nxt is not None
            # "von der Leyen", and "Van der Bellen", "De la Cruz" with the particle capitalised inside a name
            if token.text in _INNER_PARTICLES and not (run and run[-1].text.lower() in ("van", "von", "de")):
                particle = False
            if particle and (joined or token.text in ("van", "von")):
                if not joined and run:
                    runs.append(run)
                    run = []
                if run or token.text in ("van", "von"):
                    run.append(token)
                    continue
            if run:
                runs.append(run)
            run = []
        if run:
            runs.append(run)
        if self.language == "de":
            runs = [self._trim_de(paragraph, r) for r in runs]
        return [r[: _last_name_index(r) + 1] for r in runs if _last_name_index(r) >= 0]

    def _trim_de(self, paragraph: int, run: list[_Token]) -> list[_Token]:
        """German: a name's genitive and the noun after it are not the name ("Karl Brenners Partei" is Karl
        Brenner's party): a word in -s after the first, the -s form no given name, is the name without the -s
        when the story names that form elsewhere, or when a noun follows and a consonant precedes the -s;
        and a capitalised noun after a full name the story names elsewhere on its own ("warf Karl Brenner
        Versagen vor") is no part of it."""
        text = self.paragraphs[paragraph]
        if self._story is None:
            self._story = "\n".join(self.paragraphs)
        for i in range(1, len(run)):
            word = run[i].text
            if not word.endswith("s") or word.endswith("ss") or len(word) < 4 or word.lower() in self.given_names:
                continue
            stem = word[:-1]
            noun_after = i < len(run) - 1 or re.match(r" [A-ZÄÖÜ][a-zäöüß]", text[run[i].end :]) is not None
            named = re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w'’-])", self._story) is not None
            if named or (noun_after and stem[-1].lower() not in "aeiouyäöü"):
                return [*run[:i], _Token(stem, run[i].start, run[i].end - 1)]
        if (
            len(run) == 3
            and run[1].text.lower() not in self.given_names
            and re.search(r"...(?:ung|heit|keit|schaft|tion|ität|ismus|nis)(?:en|se)?$", run[2].text)
        ):
            # "hat Bauministerin Klara Geywitz Nachbesserungen angekündigt": an abstract noun after a given name and
            # a surname is the verb's object (no surname ends like "-ungen", "-heit", "-schaft", "-tion")
            return run[:2]
        if len(run) >= 3 and run[0].text.lower() in self.given_names:
            for k in range(len(run) - 1, 1, -1):
                if run[k - 1].text in _PARTICLES | _CAPITAL_PARTICLES or not all(
                    t.text[:1].isupper() and t.text not in _CAPITAL_PARTICLES for t in run[k:]
                ):
                    continue  # "Alexander Van der Bellen", "Abdel Fattah al-Sisi": one name
                name = text[run[0].start : run[k - 1].end]
                if re.search(rf"(?<![\w-]){re.escape(name)}(?!\s+[A-ZÄÖÜ])(?![\w-])", self._story):
                    return run[:k]
                surname, noun = re.escape(run[k - 1].text), re.escape(run[k].text)
                if k == len(run) - 1 and re.search(rf"(?<![\w-]){surname}(?!\s+{noun})(?![\w-])", self._story):
                    # "hat Innenministerin Nancy Faeser Aufklärung versprochen … sagte Faeser": the surname stands
                    # alone elsewhere, so the noun after it is the verb's object, no part of the name
                    return run[:k]
        return run

    def _after_particles(self, paragraph: int, index: int) -> _Token | None:
        """The name-like token after the particles from `index` ("von der Leyen": "Leyen"), or None."""
        text, tokens = self.paragraphs[paragraph], self.tokens[paragraph]
        while index + 1 < len(tokens) and text[tokens[index].end : tokens[index + 1].start] == " ":
            index += 1
            if tokens[index].text in _PARTICLES:
                continue
            return tokens[index] if self._name_like(paragraph, tokens[index]) else None
        return None

    def _clause_before(self, paragraph: int, start: int) -> str:
        """The clause's words before `start` (at most 100 characters); self._clause_start says where."""
        text = self.paragraphs[paragraph][max(0, start - 100) : start]
        cut = max(text.rfind(c) for c in '.;:!?«»„“"()')
        self._clause_start = max(0, start - 100) + cut + 1
        return text[cut + 1 :]

    def _two_names(self, paragraph: int, before: str, tokens: list[_Token]) -> bool:
        """Whether `tokens` (of `before`) hold a name and the clause it is the subject of ("JD Vance hat
        auf der …"), so a role before them is not the next name's."""
        offset = self._clause_start
        return any(
            before[a.end : b.start] == " "
            and "," not in before[a.end :]  # "de Venezuela, Nicolás Maduro, y de Guyana, Irfaan Ali" is a list
            and b.text[:1].islower()
            and b.text not in _PARTICLES
            and self._name_like(paragraph, _Token(a.text, a.start + offset, a.end + offset))
            for a, b in zip(tokens, tokens[1:], strict=False)
        )

    def _evidence(self, paragraph: int, run: list[_Token]) -> tuple[bool, str]:
        """(is a person, the role the text gives before it)."""
        text = self.paragraphs[paragraph]
        before = self._clause_before(paragraph, run[0].start)
        before_tokens = _tokens(before)[-8:]
        role = ""
        for index in range(len(before_tokens) - 1, -1, -1):
            if self._two_names(paragraph, before, before_tokens[index:]):
                break  # another name stands between: the role is its ("Vizepräsident JD Vance hat auf der …")
            if self.language != "de" and (
                before_tokens[index].text.lower() in _ROLE_BREAKERS
                and not (index + 1 < len(before_tokens) and before_tokens[index + 1].text.lower() in _KIN)
                or re.fullmatch(self.verb_alt, before_tokens[index].text)
            ):
                # "le président a parlé … au Grand Palais", "a écrit le président sur son réseau Truth Social": a
                # verb or a possessive between a role and a name; the name is not the role's holder
                break
            if self.language == "de" and (
                before_tokens[index].text in _FINITE_DE or re.fullmatch(self.verb_alt, before_tokens[index].text)
            ):
                # "Die Schweizer Stimmbevölkerung hat die Vorlage mit 50,4 Prozent Ja-Stimmen angenommen": a verb
                # between a role (or demonym) and the words after it; they are not its holder
                break
            if is_role(self.lex, before_tokens[index].text):
                while index > 0 and is_role(self.lex, before_tokens[index - 1].text):
                    index -= 1  # "Premier ministre"
                # "die slowakische Staatssekretärin": "sagte die Slowakin" is hers
                while self.language == "de" and index and _ORIGIN_DE.fullmatch(before_tokens[index - 1].text):
                    index -= 1
                role = before[before_tokens[index].start :].strip(" ,")
                break
        previous = before_tokens[-1].text if before_tokens else ""
        after = text[run[-1].end : run[-1].end + 60]
        close_before = text[max(0, run[0].start - 8) : run[0].start]
        honorific = any(re.search(rf"(?:^|\s){re.escape(h)}\s+$", close_before) for h in self.lex.honorifics)
        plural = _PLURAL_VERB[self.language]
        # "Friedrich Merz (CDU) sagte", "Merz dagegen sagte": a party, or an adverb of contrast, between
        party = rf"(?:\([^()]{{1,20}}\)\s+)?(?:{_CONTRAST_DE}\s+)?" if self.language == "de" else ""
        verb_after = bool(re.match(rf"^\s+{party}(?!{plural})(?:{self.verb_alt})\b", after)) or bool(
            self.language == "fr"
            and re.match(
                # "Marine Le Pen, elle, a affirmé": a stressed pronoun may stand between
                rf"^(?:,\s*(?:lui|elle|eux|elles)\s*)?,?\s+(?:a|avait|{_FR_REFLEXIVE})\s+(?:[\w'’-]+\s+){{0,3}}?"
                rf"(?:{self.verb_alt})\b",
                after,
            )
        )
        # "sprach von Verletzten": a verb's preposition, not a name's particle ("von der Leyen")
        if self.language == "de" and len(run) > 1 and before.rstrip().endswith(",") and not verb_after:
            # "Ein Mitglied des Politbüros, Basem Naim, sagte …": a name between commas before a reporting verb
            verb_after = bool(re.match(rf"^,\s+(?:{self.verb_alt})\b", after))
        verb_before = re.search(rf"\b(?:{self.verb_alt})\s+$", before) is not None and run[0].text not in _PARTICLES
        if verb_before and self.language == "de" and len(run) == 1 and re.search(rf"\b{plural}\s+$", before):
            verb_before = False  # "sagten Händler in Frankfurt": a plural verb's subject is a group, no one person
        if self._is_medium(run[-1].text):
            return False, ""  # "der Deutschen Presse-Agentur", "Deutschlandfunk"
        if self.language == "de" and before.endswith(" ") and self._is_medium(previous):
            return False, ""  # "laut der Nachrichtenagentur Irna", "dem Sender Phoenix": the medium's name
        if self.language == "de" and previous.lower() in _CONTRACTIONS_DE | _DETERMINERS_DE and before.endswith(" "):
            # "im Interesse Moskaus", "des Bundesverbands der Deutschen Industrie": nouns after their article;
            # German puts a role, not an article, right before a person's name ("der Kanzler Olaf Scholz")
            return False, ""
        if (
            self.language == "de"
            and run[0].text == "von"
            and before_tokens
            and is_role(self.lex, previous)
            and re.match(r",\s+[A-ZÄÖÜ]", after)
        ):
            return False, ""  # "Der Bürgermeister von Tulln, Peter Eisenschenk, sagte": the role's place
        if self.language == "de" and len(run) == 1:
            word = run[0].text
            if previous.lower() in _DETERMINERS_DE or word.lower().endswith(_NOUN_ENDINGS_DE):
                return False, ""
            following = re.match(r"'?\s+([^\W\d_][\w-]*)", after)
            if following and is_role(self.lex, following.group(1)):
                return False, ""  # "sagte Baerbocks Sprecher": the owner of the role, by this alone no person
            if (
                following
                and following.group(1) in self.lex.non_names
                and (word.endswith("s") or after[:1] in "'’")
                and following.group(1)[:1].isupper()
            ):
                return False, ""  # "teilte Netanjahus Büro mit", "Scholz' Umfeld": the owner of a body, no speaker
            if (
                len(before_tokens) >= 2
                and before.endswith(" ")
                and _INFLECTED_ADJECTIVE_DE.fullmatch(previous)
                and previous not in _NOT_ADJECTIVES_DE
                and before_tokens[-2].text.lower() in _DETERMINERS_DE | _PREPOSITIONS_DE
            ):
                # "Ein hoher EU-Beamter sagte", "Aus deutschen Regierungskreisen hieß es": an article or a
                # preposition, an inflected adjective, then a noun; a name takes no adjective
                return False, ""
            if verb_before and self._named_subject_before_verb(paragraph, run[0].start):
                # "Thomas Strobl (CDU) kündigte Soforthilfen an": the verb's subject is named before it, so the
                # noun after it is its object ("…, kündigte Strobl an" has the words, not a name, before the verb)
                verb_before = False
            if verb_after and re.match(rf"^\s+(?:{self.verb_alt})\s+(?:er|sie|es|man|wir|ich)\b", after):
                verb_after = False  # "Zugleich warnte er": the verb's subject comes after it, so the word before it
            # is a fronted adverb or object, not a speaker
            if verb_after and before.endswith(" ") and re.fullmatch(r"[A-ZÄÖÜ]{2,5}", previous):
                verb_after = False  # "Flavia Schmid von der ETH Zürich sagte": a body's place, not a person
        if len(run) == 1:
            direct_role = bool(before_tokens) and is_role(self.lex, previous) and before.endswith(" ")
            if previous.lower() in _LOCATIVES[self.language] and not (honorific or direct_role):
                return False, ""  # "ein Regierungssprecher in Jerusalem sagte", "a déclaré à Kiev": a place
            return honorific or direct_role or verb_after or verb_before, role if (honorific or direct_role) else ""
        # a given name opening the run ("Emmanuel Macron a clôturé …"); the list is in lower case
        given = run[0].text.lower() in self.given_names
        if (
            self.language != "de"
            and not given  # "el portavoz de Javier Milei, Manuel Adorni"
            and previous.lower() in ("de", "del", "des", "du")
            and len(before_tokens) >= 2
            and is_role(self.lex, before_tokens[-2].text)
            and before.endswith(" ")
            and re.match(r",\s+[^\W\d_]", after)
            and after[re.match(r",\s+", after).end()].isupper()
        ):
            # "la ministra de Derechos Sociales, Ione Belarra": the role's portfolio, its holder named after the
            # comma ("la exalcaldesa de Barcelona Ada Colau" stays a person)
            return False, ""
        described = (
            self.language != "de"
            and re.match(r"\s*,", after)
            and re.search(
                r"(?:^|[\s.,;])(?:[Ee]l|[Ll]a|[Ll]e|[Ll]['’])\s*([a-zà-ÿñ]+)(?:\s+(?:de|del|de\s+la|du|des)\s+[\w\s'’]{1,30}?)?,\s+$",
                before,
            )
        )
        if described and described.group(1) in _descriptors(self.language):
            # "El entrenador, Xabi Alonso, restó importancia", "El comisionado de paz, Otty Patiño, explicó": a
            # name between commas after a noun describing a person
            return True, ""
        bracket = re.match(r"\s*\(([^()]{1,20})\)", after) if self.language == "de" else None
        # "Carsten Linnemann (CDU), Generalsekretär": a full name with a party in brackets is a person
        party = bool(bracket and _party(bracket.group(1) + "-"))
        return bool(role) or honorific or verb_after or verb_before or given or party, role

    def _named_subject_before_verb(self, paragraph: int, start: int) -> bool:
        """German: whether the reporting verb right before `start` has a person (or a body) as its subject right before
        it: a name of two or more words, or one after a role ("Thomas Strobl (CDU) kündigte", "Minister
        Strobl kündigte"), maybe with a party in brackets between."""
        text = self.paragraphs[paragraph]
        verb = re.search(r"(?:^|\s)(\S+)\s+$", text[:start])
        if verb is None:
            return False
        verb_start = verb.start(1)
        if any(e <= verb_start and not text[e:verb_start].strip() for _s, e, _name in self.org_spans[paragraph]):
            return True  # "Die IG Metall kündigte Widerstand an": a body is the subject
        for run in self._runs_cache.get(paragraph, []):
            if run[-1].end > verb_start or not re.fullmatch(
                r"\s*(?:\([^()]{1,20}\)\s*)?", text[run[-1].end : verb_start]
            ):
                continue
            if len(run) >= 2:
                return True
            previous = _tokens(text[max(0, run[0].start - 40) : run[0].start])[-1:]
            return bool(previous) and is_role(self.lex, previous[0].text)
        return False

    def find_people(self) -> None:
        singles = []
        for paragraph in range(len(self.paragraphs)):
            self._runs_cache[paragraph] = self._runs(paragraph)
            for run in self._runs_cache[paragraph]:
                title = self._title_before_name(paragraph, run)
                if title:
                    run = run[1:]
                ok, role = self._evidence(paragraph, run)
                role = role or title
                if len(run) == 1:
                    singles.append((paragraph, run, ok, role))
                    continue
                name = self.paragraphs[paragraph][run[0].start : run[-1].end]
                if ok:
                    self._add(paragraph, run, role)
                elif name in self.people:
                    self._mention(name, paragraph, run)  # "Sylvie Delorme a nié …": named in full before
                elif run[0].text in _PARTICLES:
                    singles.append((paragraph, run, ok, role))
        # A lone word is a person already named in full (its surname, or another word of the name),
        # or one with evidence of its own.
        for paragraph, run, ok, role in singles:
            if len(run) > 1:  # "sagte von Notz": the surname with its particles of a person named in full
                form = self.paragraphs[paragraph][run[0].start : run[-1].end]
                owners = {p.name for p in self.people.values() if p.name.endswith(" " + form)}
                if len(owners) == 1:
                    self._mention(owners.pop(), paragraph, run)
                continue
            word = run[0].text
            owner = self._owner(word)
            if owner is None and ok:
                self._add(paragraph, run, role)
            elif owner is not None:
                self._mention(owner, paragraph, run)
        # A person first known by surname alone and named in full later is one person.
        for name in [n for n in self.people if " " not in n]:
            fuller = [p for p in self.people.values() if " " in p.name and name in p.name.split()]
            if fuller:
                target = fuller[0]
                lone = self.people.pop(name)
                target.spans.extend(lone.spans)
                target.mentions += lone.mentions
                target.forms = list(dict.fromkeys(target.forms + lone.forms))
                target.role = target.role or lone.role
                self.mentions = [(p, e, target.name if who == name else who) for p, e, who in self.mentions]
        self.mentions.sort()
        self.events = [(position, who) for position, _, who in self.mentions]

    def _title_before_name(self, paragraph: int, run: list[_Token]) -> str:
        """German: "Die Grünen-Haushälterin Paula Piechotta kritisierte", "Sein Biograf Peter Lindner sagte":
        an article never stands right before a name, so the run's first word after one is a noun (the
        person's title), the rest the name, when a given name opens it or a reporting verb follows it.
        Returns the title ("" when the run is no such thing)."""
        if self.language != "de" or len(run) < 3:
            return ""
        text = self.paragraphs[paragraph]
        if (
            run[1].text.lower() in self.given_names
            and run[0].text.lower() not in self.given_names
            and run[1].text not in _PARTICLES
            # "Karl-Theodor zu Guttenberg", "Hans-Christian Ströbele": a given name; "Bayern-Sportvorstand": a title
            and not any(part.lower() in self.given_names for part in run[0].text.split("-"))
        ):
            # "Finanzsenator Andreas Dressel sagte", "Landeshauptmann Thomas Stelzer": a German noun never opens a
            # name; before a known given name it is the person's title, whatever office it names
            return run[0].text
        previous = re.search(r"([^\W\d_]+)\s$", text[max(0, run[0].start - 20) : run[0].start])
        if previous is None or previous.group(1).lower() not in _DETERMINERS_DE:
            return ""
        after = text[run[-1].end : run[-1].end + 40]
        given = run[1].text.lower() in self.given_names
        verb_after = re.match(rf"^\s+(?!{_PLURAL_VERB['de']})(?:{self.verb_alt})\b", after) is not None
        # a noun for a person: a role ("Biograf"), or a feminine one ("Grünen-Haushälterin"); not the first word
        # of a body's name ("Der Bundesverband Deutscher Banken erklärte", "Die Freie Demokratische Partei")
        person_noun = is_role(self.lex, run[0].text) or bool(re.search(r"[^e]in$", run[0].text))
        if not (given or verb_after and person_noun) or run[1].text in _PARTICLES:
            return ""
        return run[0].text

    def _owner(self, word: str) -> str | None:
        for person in self.people.values():
            parts = [p for p in person.name.split() if p not in _PARTICLES]
            if word in parts or any(word in part.split("-") for part in parts if "-" in part and len(word) > 3):
                return person.name
        return None

    def _add(self, paragraph: int, run: list[_Token], role: str) -> None:
        text = self.paragraphs[paragraph]
        name = text[run[0].start : run[-1].end]
        owner = self._owner(run[-1].text) if len(run) == 1 else None
        if owner is None:
            for person in list(self.people.values()):  # "Steinmeier" then "Frank-Walter Steinmeier"
                # "Alexander Van der Bellen" then "Van der Bellen": the surname with its particles
                if (
                    name in person.forms
                    or person.name == name
                    or (run[0].text.lower() in _PARTICLES and person.name.endswith(" " + name))
                ):
                    owner = person.name
        if owner is None:
            self.people[name] = _Person(name, [name], _clean_role(role, self.language), [], 0)
            owner = name
        person = self.people[owner]
        if role and not person.role:
            person.role = _clean_role(role, self.language)
        self._mention(owner, paragraph, run)

    def _mention(self, owner: str, paragraph: int, run: list[_Token]) -> None:
        person = self.people[owner]
        text = self.paragraphs[paragraph]
        form = text[run[0].start : run[-1].end]
        if form not in person.forms:
            person.forms.append(form)
        person.mentions += 1
        person.spans.append(Span(paragraph, run[0].start, run[-1].end))
        self.mentions.append(((paragraph, run[0].start), run[-1].end, owner))

    # --- speakers -------------------------------------------------------------------------------

    def _people_in(self, paragraph: int, start: int, end: int) -> list[str]:
        return [who for (p, s), e, who in self.mentions if p == paragraph and s >= start and e <= end]

    def _last_subject_event(self, paragraph: int, offset: int) -> str | None:
        """Spanish: the person last named or speaking, passing over those named right after the personal "a"
        ("invitar al rey Felipe VI", "recibió a la ministra Ana Paredes"), objects of the verb before them."""
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        for (p, s), who in reversed(self.events[:index]):
            if not re.search(
                r"\b(?:a|al)\s+(?:(?:la|el)\s+)?(?:[a-zá-úñ]+\s+){0,2}$", self.paragraphs[p][max(0, s - 40) : s]
            ):
                return who
        return None

    def _described_subject_since(self, paragraph: int, offset: int) -> str | None:
        """Spanish: the description when, since the person last named or speaking, a sentence of this paragraph
        (or its main clause, after a leading phrase and a comma) opened with a definite noun that is no role of
        the lexicon as the subject of a finite verb ("el nuevo entrenador evitó dar detalles", "La compañía ha
        anunciado"): a dropped subject after it is that one, not the person named before; None when none did."""
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        if not index:
            return None
        (event_paragraph, event_offset), _who = self.events[index - 1]
        text = self.paragraphs[paragraph]
        begin = event_offset if event_paragraph == paragraph else 0
        for match in _DESCRIBED_SUBJECT_ES.finditer(text, begin, offset):
            if is_role(self.lex, match.group(2)):
                continue  # "el ministro explicó": the role's holder, found as before
            if any(s.paragraph == paragraph and s.start <= match.start(1) < s.end for s in self.statements):
                continue  # the subject of someone's words
            return match.group(1)
        return None

    def _last_event(self, paragraph: int, offset: int) -> str | None:
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        return self.events[index - 1][1] if index else None

    def _pronoun_person(self, paragraph: int, offset: int, pronoun: str = "") -> str | None:
        """Whom a pronoun speaker ("er sagte", "a-t-il ajouté") stands for: the person last named or
        speaking, except that
        - a person named only inside an earlier statement's words is not its speaker ("Kornelius kündigte
          an, Merz werde mit Netanjahu telefonieren. …, fügte er hinzu": Kornelius);
        - an unnamed speaker opening a sentence since then ("Ein Sprecher der RSF bestritt die Vorwürfe.
          …, sagte er") is whom it stands for: no one named;
        - German: a person only named (not speaking) in a sentence that names others too is whom the
          pronoun stands for only when no other of them agrees with it ("Kanzler Weber empfing Präsident
          Martin. Er sagte, …": either, so no one; "Kanzlerin Anna Weber empfing Präsident Martin. Sie
          sagte, …": Anna Weber)."""
        who = self._pronoun_candidate(paragraph, offset)
        if who is not None and self.language != "de":
            gender = _ROMANCE_PRONOUN_GENDER.get(pronoun.lower())
            if self._agrees(who, gender):
                return who
            # "« … », a-t-elle assuré" after a man spoke: not his words, but those of the one person of her gender
            # named in the paragraph before ("La maire, Anne Hidalgo, a critiqué le préfet, Laurent Nuñez. « … »,
            # a-t-elle déclaré")
            agreeing = {
                name
                for (p, s), _e, name in self.mentions
                if p == paragraph and s < offset and person_gender(name) == gender
            }
            return agreeing.pop() if len(agreeing) == 1 else None
        if who is None or self.language != "de":
            return who
        by_role = self._role_subject_since(paragraph, offset, pronoun.lower())
        if by_role is not None and by_role != who:
            # "Merz sagte, … . Der französische Präsident widersprach nicht. „…“, sagte er": the role's holder
            return by_role or None
        if self._subject_since(paragraph, offset, pronoun.lower()) or self._unknown_name_since(paragraph, offset):
            return None
        return self._only_agreeing(who, pronoun.lower(), (paragraph, offset))

    def _unknown_name_since(self, paragraph: int, offset: int) -> bool:
        """German: whether, since the person last named or speaking, the story names someone it does not know
        as a person, outside anyone's words: two or more name-like words that are no person found, not after an
        article or an adjective ("Widerspruch kam von Roderich Kiesewetter. Er sagte, …": perhaps him, so no
        one; "Kritik kam von der Deutschen Bank" is a body)."""
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        if not index:
            return False
        begin = self.events[index - 1][0]
        known = {word for name in self.people for word in name.split()}
        for p in range(begin[0], paragraph + 1):
            text = self.paragraphs[p]
            if p not in self._runs_cache:
                self._runs_cache[p] = self._runs(p)
            for run in self._runs_cache[p]:
                start, end = run[0].start, run[-1].end
                if (p, start) <= begin or (p, start) >= (paragraph, offset) or len(run) < 2:
                    continue
                if any(mp == p and ms < end and start < me for (mp, ms), me, _ in self.mentions) or any(
                    t.text in known for t in run
                ):
                    continue  # a person found ("warf Pistorius Panikmache vor")
                if any(s.paragraph == p and s.start <= start < s.end for s in self.statements):
                    continue  # named inside someone's words
                previous = _tokens(text[max(0, start - 40) : start])[-1:]
                word = previous[0].text if previous else ""
                if (word.lower() in _DETERMINERS_DE | _CONTRACTIONS_DE and len(run) < 3) or (
                    _INFLECTED_ADJECTIVE_DE.fullmatch(word) and word not in _NOT_ADJECTIVES_DE
                ):
                    # "der Deutschen Bank", "die Vereinten Nationen": nouns after their article; three words are
                    # a noun and a name ("Sein Gegenüber Jacob Neestrup war enttäuscht")
                    continue
                if self._is_medium(run[-1].text):
                    continue
                return True
        return False

    def _subject_since(self, paragraph: int, offset: int, pronoun: str) -> bool:
        """German: whether, since the person last named or speaking, a sentence opened with a noun of the
        pronoun's gender that is no person ("Der Konzern wies die Vorwürfe zurück. …, sagte er", "Die
        Kommission verteidigte ihre Pläne. …, sagte sie"): the pronoun may stand for it."""
        article = {"er": "Der", "sie": "Die"}.get(pronoun)
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        if article is None or not index:
            return False
        (event_paragraph, event_offset), _who = self.events[index - 1]
        text = self.paragraphs[paragraph]
        begin = event_offset if event_paragraph == paragraph else 0
        pattern = re.compile(
            rf"(?:^|[.!?»“”]\s+)({article}\s+(?:[a-zäöüß-]+\s+){{0,2}}([A-ZÄÖÜ][\w-]+)\s+([a-zäöüß]+))"
        )
        for match in pattern.finditer(text, begin, offset):
            noun = match.group(2)
            if match.group(3).endswith("en"):
                continue  # a plural subject ("Die Gespräche verliefen gut"), not one the singular pronoun stands for
            if any(s.paragraph == paragraph and s.start <= match.start(1) < s.end for s in self.statements):
                continue  # the subject of someone's words ("Die Lage sei ernst, sagten sie")
            if not is_role(self.lex, noun) and not self._owner(noun) and not re.match(r"\d", noun):
                return True
        return False

    def _role_subject_since(self, paragraph: int, offset: int, pronoun: str) -> str | None:
        """German: when, since the person last named or speaking, a sentence of this paragraph opened with a role
        of the pronoun's gender as its subject ("Der französische Präsident widersprach nicht."), the person
        holding that role ("" when no one known does); None when no sentence did."""
        article = {"er": "Der", "sie": "Die"}.get(pronoun)
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        if article is None or not index:
            return None
        (event_paragraph, event_offset), _who = self.events[index - 1]
        text = self.paragraphs[paragraph]
        begin = event_offset if event_paragraph == paragraph else 0
        pattern = re.compile(rf"(?:^|[.!?»“”]\s+)({article}\s+(?:[a-zäöüß-]+\s+){{0,2}}([A-ZÄÖÜ][\w-]+))\s+[a-zäöüß]+")
        found = None
        for match in pattern.finditer(text, begin, offset):
            role = match.group(2)
            if not is_role(self.lex, role) or _role_gender(role) not in (None, {"Der": "m", "Die": "f"}[article]):
                continue
            if any(s.paragraph == paragraph and s.start <= match.start(1) < s.end for s in self.statements):
                continue  # the subject of someone's words
            holder = self._by_role(role, match.group(1), paragraph, match.start(1))
            found = holder if holder and self._agrees(holder, pronoun) else ""
        return found

    def _only_agreeing(self, who: str, pronoun: str, limit: tuple[int, int]) -> str | None:
        """German: `who`, the person last named or speaking before `limit`, checked against the others named
        in the sentence that named them (see _pronoun_person)."""
        event = max((position for position, person in self.events if person == who and position < limit), default=None)
        if event is None:
            return who if self._agrees(who, pronoun) else None
        paragraph, offset = event
        if any(s.paragraph == paragraph and s.start == offset and s.speaker_person == who for s in self.statements):
            return who if self._agrees(who, pronoun) else None  # the last speaker, not a name in a sentence
        text = self.paragraphs[paragraph]
        starts = [m.end() for m in re.finditer(r"[.!?][»“”\"]?\s+", text[:offset])]
        sentence_start = starts[-1] if starts else 0
        named = [
            person
            for (p, start), _end, person in self.mentions
            if p == paragraph
            and sentence_start <= start <= offset
            and not any(s.paragraph == p and s.start <= start < s.end for s in self.statements)
        ]
        agreeing = {person for person in [*named, who] if self._agrees(person, pronoun)}
        return agreeing.pop() if len(agreeing) == 1 else None

    def _pronoun_candidate(self, paragraph: int, offset: int) -> str | None:
        index = bisect.bisect_left(self.events, ((paragraph, offset), ""))
        if not index:
            return None
        (event_paragraph, event_offset), who = self.events[index - 1]
        text = self.paragraphs[paragraph]
        since = text[event_offset if event_paragraph == paragraph else 0 : offset]
        for match in re.finditer(r"(?:^|[.!?»“”]\s+)(?:Ein|Eine|Un|Une|Uno|Una)\s+([\w-]+)", since):
            if is_role(self.lex, match.group(1)):
                return None
        for statement in reversed(self.statements):
            if statement.paragraph != event_paragraph or statement.start > event_offset:
                continue
            if statement.end >= event_offset and statement.speaker_person and statement.speaker_person != who:
                return statement.speaker_person  # the person was named inside the words, not speaking
            break
        return who

    def _by_role(self, role_word: str, phrase: str, paragraph: int, offset: int) -> str | None:
        """The person last named before `offset` with this role; of the country the phrase names,
        when it names one ("le ministre ukrainien")."""
        stem = role_word.lower()[:6]
        if role_word in self.lex.demonyms:  # "die Lettin", "der Brite": "lettische Ministerin", "britische Premier"
            stem = re.sub(r"(?:in|e)$", "", role_word.lower())[:6]
        codes = {code for code, *_ in country_codes(self.lex, phrase)}
        gender = _role_gender(role_word) if self.language == "de" else None
        aliases = self._aliases(role_word) if self.language == "de" else ()
        best = best_country = None
        for (p, s), _, who in self.mentions:
            if (p, s) >= (paragraph, offset):
                break
            if not self._agrees(who, gender):
                continue  # "sagte die Ministerin" is not the minister named before her
            role = self.people[who].role
            role_codes = {code for code, *_ in country_codes(self.lex, role)}
            if codes and codes & role_codes:
                best_country = who
            elif self.language == "de" and self._other_country(who, phrase):
                continue  # "der deutsche Außenminister" is not "der iranische Außenminister" named before
            if stem and stem in role.lower() or any(a in role.lower() for a in aliases):
                best = who
        return best_country or best

    def _aliases(self, role_word: str) -> tuple[str, ...]:
        """German: the stems of the offices a role noun may stand for besides its own ("das Staatsoberhaupt"
        is the "Bundespräsident" named before; "der Ankläger" the "Oberstaatsanwalt")."""
        lowered = role_word.lower()
        for noun, stems in self.lex.aliases.items():
            if re.fullmatch(rf"[\w-]*{re.escape(noun)}(?:in|innen|s|n|en|e)?", lowered):
                return stems
        return ()

    def _gender(self, who: str) -> str | None:
        """German: "f", "m" or None for a person, by the given name ("Michael Brandt" m), else by the role's
        noun ("Arbeitsministerin" f, "Außenminister" m; "Vorsitzende" says nothing)."""
        person = self.people.get(who)
        gender = person_gender(who)
        if gender or person is None or self.language != "de":
            return gender  # French and Spanish: by the given name only
        heads = [w for w in re.findall(r"[\w-]+", person.role) if is_role(self.lex, w)]
        return _role_gender(heads[0]) if heads else None

    def _other_country(self, who: str, phrase: str) -> bool:
        """Whether a speaker phrase names a country ("der deutsche Außenminister") and the person's role
        another one only ("iranische Außenminister")."""
        codes = {code for code, *_ in country_codes(self.lex, phrase)}
        role_codes = {code for code, *_ in country_codes(self.lex, self.people[who].role)}
        return bool(codes and role_codes and not codes & role_codes)

    def _party_of(self, who: str) -> str | None:
        """German: the party a person is given, in brackets after the name ("Anton Hofreiter (Grüne)") or in
        the role ("Grünen-Politiker", "CDU-Chef"), or None."""
        person = self.people.get(who)
        if person is None:
            return None
        for span in person.spans:
            bracket = re.match(r"\s*\(([^()]{1,20})\)", self.paragraphs[span.paragraph][span.end :])
            if bracket and _party(bracket.group(1) + "-"):
                return _party(bracket.group(1) + "-")
            before = re.search(r"([\w-]+)\s+$", self.paragraphs[span.paragraph][: span.start])
            if before and _party(before.group(1)):  # "NEOS-Klubobmann Yannick Shetty", a role not in the lexicon
                return _party(before.group(1))
        return next(filter(None, (_party(w) for w in person.role.split())), None) or next(
            (next(iter(p)) for w in person.role.split() if len(p := self.lex.members.get(w, ())) == 1), None
        )

    def _member_named(self, parties: frozenset[str], noun: str, paragraph: int, offset: int) -> str | None:
        """German: the person of one of these parties named last before `offset`, in this paragraph or the one
        before, outside anyone's words, agreeing with the noun's gender ("die Grüne"); "" when someone of
        another party was named after them (no one, then), None when no one is known of the party."""
        gender = _role_gender(noun)
        other = None  # where someone of another party was named last
        for (p, s), e, who in reversed(self.mentions):
            if (p, s) >= (paragraph, offset) or p < paragraph - 1:
                continue
            if any(st.paragraph == p and st.start <= s < st.end for st in self.statements):
                continue
            party = self._party_of(who)
            if party in parties and self._agrees(who, gender):
                if other and (other[0] > p or re.search(r"[.!?][“”»\"]?\s", self.paragraphs[p][e : other[1]])):
                    return ""  # "Feld (SPD) … Brück (CDU) sprach. …, sagte der Sozialdemokrat": perhaps not Feld
                return who  # "Kleemann (SPD) attestierte Schulze (CDU) Erfolg. …, sagte die Sozialdemokratin"
            if party is not None and other is None:
                other = (p, s)
        return None

    def _agrees(self, who: str, pronoun: str | None) -> bool:
        """Whether a German singular pronoun ("er", "sie") or a role of that gender ("m", "f") may stand
        for the person."""
        wanted = {"er": "m", "sie": "f", "m": "m", "f": "f"}.get(pronoun or "")
        if (self.language != "de" and pronoun not in ("m", "f")) or wanted is None:
            return True
        gender = self._gender(who)
        return gender is None or gender == wanted

    def _introduced_unnamed(self, role_word: str, paragraph: int, offset: int) -> bool:
        """German: whether the role was brought in unnamed, with an indefinite article, in this paragraph or
        the one before, since the last person named ("Ein westlicher Diplomat in Wien sagte …"): the role
        with a definite article after it ("…, sagte der Diplomat") is that unnamed person again."""
        if self.language != "de":
            return False
        # "Ein westlicher Diplomat", "eine EU-Diplomatin": an indefinite article, adjectives, the role (in a compound)
        pattern = re.compile(
            rf"\b[Ee]in(?:e|er|em)?\s+(?:[a-zäöüß-]+\s+){{0,2}}[\w-]*(?i:{re.escape(role_word.lower()[:6])})"
        )
        last = bisect.bisect_left(self.mentions, ((paragraph, offset), 0, ""))
        since = self.mentions[last - 1][0] if last else (0, 0)
        for index in range(max(0, paragraph - 1, since[0]), paragraph + 1):
            text = self.paragraphs[index]
            start = since[1] if index == since[0] else 0
            if pattern.search(text, start, offset if index == paragraph else len(text)):
                return True
        return False

    def _mention_start(self, paragraph: int, start: int, who: str, end: int, last: bool = False) -> int | None:
        spans = [s for (p, s), e, name in self.mentions if p == paragraph and start <= s and e <= end and name == who]
        return (spans[-1] if last else spans[0]) if spans else None

    def _apposed(self, paragraph: int, start: int, end: int) -> str | None:
        """German: for a subject phrase that is a name and an apposition between commas ("Anna Berg, Sprecherin
        von Kanzler Karl Brenner, sagte"), the person the name is ("" when no one known); None for any other
        phrase."""
        text = self.paragraphs[paragraph]
        if (paragraph, start) == (0, 0):
            start = _dateline_end(self.language, text[:end])
        shape = re.fullmatch(r"\s*(?:(?:Dr|Prof)\.\s+)*([A-ZÄÖÜ][^,]{0,40}),[^,]{3,80},\s*", text[start:end])
        if shape is None or re.match(r"\s*(?:der|die|welcher|welche)\b", text[start + shape.end(1) + 1 : end]):
            return None  # no apposition closed before the verb, or a relative clause (read elsewhere)
        head = _tokens(shape.group(1))[:1]
        if not head or head[0].text.lower() in _DETERMINERS_DE or is_role(self.lex, head[0].text):
            return None  # "Der Verteidiger des Mannes, Rechtsanwalt Felix Berger, sagte": the name is the apposition
        first = self._people_in(paragraph, start, start + shape.end(1))
        return first[-1] if first else ""

    def _opens_clause(self, paragraph: int, start: int, who: str, end: int) -> bool:
        """German: whether `who` is named first in the clause from `start`, after nothing but articles, roles
        and adjectives (its subject: "Der CSU-Vorsitzende Markus Söder zitierte …"), not after a preposition."""
        mention = self._mention_start(paragraph, start, who, end)
        if mention is None:
            return False
        if (paragraph, start) == (0, 0):
            start = _dateline_end(self.language, self.paragraphs[paragraph][:mention])
        return all(
            t.text.lower() in _ARTICLES["de"] or is_role(self.lex, t.text) or _INFLECTED_ADJECTIVE_DE.fullmatch(t.text)
            for t in _tokens(self.paragraphs[paragraph][start:mention])
        )

    def _someone_of(self, paragraph: int, start: int, who: str, end: int) -> bool:
        """German: whether the phrase names `who` as the one a noun before belongs to ("Ein Vertrauter von
        Generalsekretär X", "die Ehefrau des Ministers X", "Der Anwalt von X"): that noun's person speaks. A
        role with a definite article ("Der Vorsitzende der Grünen X") is the person's own."""
        mention = self._mention_start(paragraph, start, who, end, last=True)
        if mention is None:
            return False
        text = self.paragraphs[paragraph]
        match = re.search(
            r"(?:^|\s)(?P<det>[\w]+)\s+(?:[a-zäöüß]+\s+)?(?P<noun>[A-ZÄÖÜ][\w-]*)\s+(?P<prep>von|des|der)\s+"
            r"(?P<between>(?:[\w-]+\s+){0,2})$",
            text[start:mention],
        )
        if match is None or match.group("det").lower() not in _DETERMINERS_DE:
            return False
        if match.group("prep") == "von" and not match.group("between"):
            return True  # "Der Anwalt von Thomas Horn sagte": the name right after "von" owns the noun
        indefinite = match.group("det").lower().startswith(("ein", "kein"))
        # "Die Sprecherin von Kanzler X": a role of X's own before the name makes the noun before someone else
        own_role = re.search(r"([\w-]+)\s+$", text[start:mention])
        return (
            indefinite
            or not is_role(self.lex, match.group("noun"))
            or bool(own_role and is_role(self.lex, own_role.group(1)))
        )

    def _speaker(
        self,
        paragraph: int,
        start: int,
        end: int,
        *,
        subject: bool,
        pronoun: str = "",
        null_subject: bool = False,
        anchor: int | None = None,
    ) -> tuple[str | None, str]:
        """The person a speaker phrase names (or refers to), else None and the phrase as label. A pronoun, a
        role or a dropped subject stands for someone named before `anchor` (the speaker phrase, or the words
        when they come first: "Scholz habe ihn erpresst, sagte der FDP-Chef" is not Scholz's)."""
        text = self.paragraphs[paragraph]
        before = start if anchor is None else anchor
        phrase = text[start:end].strip(" ,;:—–-")
        named = self._people_in(paragraph, start, end)
        if self.language == "de" and len(named) > 1 and not subject:
            owners = [
                who
                for (p, s), e, who in self.mentions
                if p == paragraph and start <= s and e <= end and re.match(r"'?\s+[A-ZÄÖÜ]", text[e : e + 3])
            ]
            if owners and owners[0] == named[0]:
                named = named[1:]  # "sagte Scholz' Ehefrau Britta Ernst": the person the owner's noun names
        if self.language == "de" and len(named) == 1 and not subject:
            owned = next(
                (
                    re.match(r"['’]\s+([A-ZÄÖÜ][\w-]*)", text[e : e + 40])
                    for (p, s), e, who in self.mentions
                    if p == paragraph and start <= s and e <= end and who == named[0]
                ),
                None,
            )
            if owned and not re.fullmatch(r"Sprecher(?:in)?", owned.group(1)):
                return None, phrase[:80]  # "sagte Scholz' Ehefrau", "sagte Merz' Vertrauter": someone of theirs
        if named and self.language == "de" and subject:
            apposed = self._apposed(paragraph, start, end)
            if apposed is not None:
                # "Anna Berg, Sprecherin von Kanzler Karl Brenner, sagte": the one the apposition is about, not a
                # person named inside it
                return (apposed, "") if apposed else (None, phrase[:80])
            if re.search(r"\bund\s*$", text[start:end]) and len(set(named)) > 1:
                # "Söder zitierte Merkel … und fügte hinzu: „…“": the subject of the first verb, not its object
                return (named[0], "") if self._opens_clause(paragraph, start, named[0], end) else (None, phrase[:80])
            if self._someone_of(paragraph, start, named[-1], end):
                return None, phrase[:80]  # "Ein Vertrauter von Generalsekretär Tim Klüssendorf sagte": not him
            last_end = max(e for (p, s), e, who in self.mentions if p == paragraph and start <= s and e <= end)
            if re.match(r"(?:s|['’])?\s+[A-ZÄÖÜ][\w-]*\s*$", text[last_end:end]):
                return None, phrase[:80]  # "Kanzler Karl Brenners Sprecherin sagte": someone of his
        if named and self.language != "de":
            # "Los abogados de Torrealba", "l'avocat de Nicolas Sarkozy, Me Herzog": a noun's owner after "de" is
            # not the speaker; the others named may be
            owned = {
                who
                for (p, s), e, who in self.mentions
                if p == paragraph
                and start <= s < end
                and re.search(r"\b[a-zà-ÿ]{3,}\s+(?:de|del|d['’]|du|des)\s*$", text[max(start, s - 40) : s])
            }
            if owned:
                named = [who for who in named if who not in owned]
                if not named:
                    return None, phrase[:80]
        if named:
            return (named[-1] if subject else named[0]), ""
        if self.language != "de" and self._voice_of(phrase) is not None:
            # "La Confederación General del Trabajo (CGT) anunció", "Le bureau du Conseil fédéral": a body speaks,
            # whatever role word its name holds ("General"); _statement gives the words to the body
            return None, phrase[:80]
        words = [t.text for t in _tokens(phrase)]
        lowered = [w.lower() for w in words]
        edge = lowered[:1] if not subject else [w for w in lowered[-3:] if w not in _AUXILIARIES][-1:]
        if self.language == "fr" and pronoun.lower() == "on":
            return None, "on"  # "assure-t-on au Quai d'Orsay": an impersonal subject, no one named
        if pronoun or (edge and edge[0] in _PRONOUN_PHRASES[self.language]):
            who = self._pronoun_person(paragraph, before, pronoun or edge[0])
            return who, ("" if who else phrase[:80] or pronoun)
        if self.language == "de" and re.fullmatch(
            r"(?:der|die)\s+\d+-[Jj]ährigen?(?:\s+(?:hinzu|an|ein|fort))?\.?", phrase
        ):
            # "sagte der 47-Jährige", "fügte der 79-Jährige hinzu": the agencies' way of naming the person last named
            # or speaking again
            who = self._pronoun_person(paragraph, before, "er" if phrase.startswith("der") else "sie")
            return who, ("" if who else phrase[:80])
        if null_subject and (
            not words
            or (
                self.language == "es"
                and lowered[0] not in _ARTICLES["es"]
                and not words[0][:1].isupper()
                and not is_role(self.lex, words[0])
                # "—…—dijo a EFE un ministro de una provincia—": an unnamed subject after whom it was said to
                and not re.search(r"\b(?:un|una|unos|unas)\s+[a-zá-úñ]+", phrase)
            )
        ):
            # Spanish drops the subject ("…, añadió."): the person last named or speaking, not one named as an
            # object after the personal "a" ("no invitar al rey Felipe VI")
            described = self._described_subject_since(paragraph, before)
            if described:
                return None, described[:80]
            return self._last_subject_event(paragraph, before), ""
        head = lowered[:6] if not subject else lowered[-8:]
        scope_words = words[:6] if not subject else words[-8:]
        role_words = [
            w
            for i, w in enumerate(scope_words)
            if is_role(self.lex, w)
            # "Die «Aargauer Zeitung» schreibt": a place's people's noun before a noun is its adjective, no person
            and not (
                (w in self.lex.demonyms or w in self.lex.members)
                and i + 1 < len(scope_words)
                and scope_words[i + 1][:1].isupper()
            )
        ]
        definite = any(w in _ARTICLES[self.language] for w in head) or (text[start:end].lstrip()[:2].lower() == "l'")
        if self.language != "de" and role_words:
            # the determiner nearest before the role is the role's: "Desde la Casa Rosada, un vocero presidencial"
            # is someone unnamed, whatever article an earlier phrase has; "le bureau du premier ministre", "el
            # entorno del presidente": someone of the role's holder (a noun and "de" before the role), not him
            lowered_scope = [w.lower() for w in scope_words]
            at = lowered_scope.index(role_words[0].lower())
            nearest = next(
                (w for w in reversed(lowered_scope[:at]) if w in _ARTICLES[self.language] or w in _INDEFINITE),
                None,
            )
            if nearest in _INDEFINITE:
                definite = False
            owner = lowered_scope[:at]
            while owner and owner[-1] in _ARTICLES[self.language]:
                owner = owner[:-1]
            if (
                len(owner) >= 2
                and owner[-1] in _OF
                and owner[-2] not in _ARTICLES[self.language]
                and owner[-2][:1].islower()
                and not is_role(self.lex, owner[-2])
            ):
                return None, phrase[:80]
        if self.language == "de" and role_words:
            # the determiner nearest before the role is the role's; "des" in "Ein Sprecher des Ministeriums" is not
            scope = [w.lower() for w in (words[:6] if not subject else words[-8:])]
            before_role = scope[: scope.index(role_words[0].lower())]
            nearest = next((w for w in reversed(before_role) if w in _DETERMINERS_DE), None)
            if nearest is not None and nearest not in _ARTICLES["de"]:
                return None, phrase[:80]  # "ein Sprecher des chinesischen Handelsministeriums": someone unnamed
            if (
                before_role
                and before_role[-1] in ("des", "der")
                and any(
                    w[:1].isupper() and not is_role(self.lex, w) and w.lower() not in _DETERMINERS_DE
                    for w in (words[:6] if not subject else words[-8:])[: len(before_role) - 1]
                )
            ):
                return None, phrase[:80]  # "ein Vertrauter des Kanzlers", "aus dem Umfeld des Kanzlers": not him
        latter = _LATTER.fullmatch(phrase) if self.language != "de" else None
        if latter:
            # "Ce dernier a répliqué", "dijo esta última": the person named last, of that gender
            gender = "f" if latter.group(1).lower() in ("cette dernière", "esta última") else "m"
            who = next(
                (
                    w
                    for (p, s), _e, w in reversed(self.mentions)
                    if (p, s) < (paragraph, before) and p >= paragraph - 1 and person_gender(w) in (gender, None)
                ),
                None,
            )
            if who is not None and person_gender(who) is None:
                last = next(((p, s) for (p, s), _e, w in reversed(self.mentions) if (p, s) < (paragraph, before)), None)
                who = who if last and any(w == who for (q, t), _e, w in self.mentions if (q, t) == last) else None
            return who, ("" if who else phrase[:80])
        if self.language != "de" and not role_words:
            described = self._described(scope_words, paragraph, before)
            if described is not None:
                return (described, "") if described else (None, phrase[:80])
        bare_plural = (  # "Diplomaten zufolge", "sagten Regierungsvertreterinnen": a group, no one person
            self.language == "de"
            and not any(w in _DETERMINERS_DE for w in head)
            and all(w.endswith(("en", "ern", "innen")) for w in role_words)
        )
        if (
            role_words
            and not bare_plural
            and (definite or self.language == "de" and not any(w in _DETERMINERS_DE - _ARTICLES["de"] for w in head))
        ):
            who = self._by_role(role_words[0], phrase, paragraph, before)
            if who is None and spans_with(self.language, phrase, self.story_bodies):
                return None, phrase[:80]  # "le porte-parole du Quai d'Orsay", no one named: the body speaks
            if who is None and self._introduced_unnamed(role_words[0], paragraph, before):
                return None, phrase[:80]  # "Ein westlicher Diplomat sagte, … . …, sagte der Diplomat": still unnamed
            if who is None and not (self.language == "de" and self._unknown_name_since(paragraph, before)):
                # "Am Nachmittag traf er Wolfgang Kubicki. Der FDP-Politiker sagte": not the person last found
                # French/Spanish, as for a pronoun: not a person named only inside the last speaker's words
                # ("Werthein aseguró que el Gobierno de Milei quiere … . «…», subrayó el canciller": not Milei)
                who = (self._last_event if self.language == "de" else self._pronoun_candidate)(paragraph, before)
                if (
                    who
                    and self.language == "de"
                    and self.people[who].role
                    and not _descriptive_role(role_words[0])
                    and role_words[0] not in self.lex.demonyms
                ):
                    # "Außenminister Wadephul traf seinen Amtskollegen. …, sagte der Kanzler": an office the person
                    # last named does not hold is someone else's ("der SPD-Politiker", "der Diplomat" describe
                    # anyone: the person last named)
                    who = None
            if who and self.language == "de" and not self._agrees(who, _role_gender(role_words[0])):
                who = None  # "sagte die Ministerin" after a man named last: someone else
            if who and self.language == "de" and self._other_country(who, phrase):
                who = None  # "sagte der deutsche Außenminister" after the Iranian one named last
            parties = _parties(role_words[0]) if self.language == "de" else frozenset()
            if parties and role_words[0] in self.lex.members:
                # "Triebel (Grüne) warf Ministerin Stolz Versagen vor. …, sagte die Grüne": the party's member
                member = self._member_named(parties, role_words[0], paragraph, before)
                who = who if member is None else member or None
            if who and parties and self._party_of(who) not in (None, *parties):
                who = None  # "sagte der CDU-Politiker" after a Green named last: someone else
            if who and self.language != "de":
                gender = self._article_gender(scope_words, role_words[0])
                if gender and not self._agrees(who, gender):
                    # "…, dijo la exmandataria" after a man was named last: the one person of her gender named
                    who = self._last_agreeing(paragraph, before, gender)
            if who is None:  # the role is named after the words ("…, a déclaré le ministre. … Laurent Fabius")
                later = [w for (p, s), _, w in self.mentions if p == paragraph and s >= end]
                if self.language == "de":  # "…, sagte der Minister. Er traf später Präsidentin Eva Stein": not her
                    stem = role_words[0].lower()[:6]
                    later = [w for w in later if stem in self.people[w].role.lower()]
                who = later[0] if later else None
            return who, ("" if who else phrase[:80])
        return None, phrase[:80]

    # --- statements -----------------------------------------------------------------------------

    def quotes(self, paragraph: int) -> list[_Quote]:
        text = self.paragraphs[paragraph]
        found: list[_Quote] = []
        dash = re.match(r"^\s*[—–-]\s*", text)
        if dash:
            end = self._dash_end(text, dash.end())
            found.append(_Quote(dash.end(), end, dash.start(), end, dash=True))
        for pattern in _QUOTE_RES[self.language]:
            for match in re.finditer(pattern, text):
                if any(q.outer_start < match.end() and match.start() < q.outer_end for q in found):
                    continue
                found.append(_Quote(match.start(1), match.end(1), match.start(), match.end()))
        return sorted(found, key=lambda q: q.start)

    def _dash_end(self, text: str, start: int) -> int:
        if self.language == "es":
            close = re.search(r"\s[—–]", text[start:])
            return start + close.start() if close else len(text)
        inverted = re.search(
            rf",\s*(?:(?:a|ont|avait)(?:-t-\w+)?\s+(?:[\w'’-]+\s+){{0,2}}?(?:{self.verb_alt})|{_FR_REFLEXIVE}\s+(?:{self.verb_alt})|(?:{self.present_alt})-(?:t-)?(?:il|elle|on))\b",
            text[start:],
        )
        if self.language == "de":
            inverted = re.search(rf",\s*(?:{self.verb_alt})\b", text[start:])
        return start + inverted.start() if inverted else len(text)

    def sentences(self, paragraph: int, quotes: list[_Quote]) -> list[tuple[int, int]]:
        text = self.paragraphs[paragraph]
        inside = [(q.outer_start, q.outer_end) for q in quotes]
        bounds, start = [], 0
        for match in re.finditer(r"[.!?](?:[»“”\"«])?(?=\s+[\w«„“\"—–¿¡])", text):
            at = match.start()
            if any(s < at and match.end() < e for s, e in inside):
                continue  # inside a quotation, unless it ends it ("… schützen.“ Bei einem der Angriffe …")
            before = text[max(0, at - 6) : at + 1].split()[-1] if text[max(0, at - 6) : at + 1].split() else ""
            initial = re.fullmatch(r"(?:\w\.)+", before) and len(before) <= 4
            if (
                initial
                and before == "X."
                and re.search(r"(?:^|\s)(?:auf|Plattform|sur|réseau|en|plataforma|red)\s+X\.$", text[: at + 1])
            ):
                initial = False  # "schrieb er auf der Plattform X. Budapest …": the network, not an initial
            if before in self.lex.honorifics or initial:
                continue
            nxt = text[match.end() :].lstrip()[:1]
            if nxt.islower():
                continue
            if re.fullmatch(r"\d{1,2}\.", before) and (
                re.match(r"\s*([^\W\d_]+)", text[match.end() :]).group(1).lower() in _months(self.language)
            ):
                continue  # "am 15. Januar": a German date's ordinal, not a sentence's end
            if self.language == "de" and re.search(rf"\b(?:{_ORDINAL_BEFORE_DE})\s+\d{{1,3}}\.$", text[: at + 1]):
                continue  # "seinen 15. Saisontreffer", "zum 3. Mal": an ordinal after an article or a possessive
            bounds.append((start, match.end()))
            start = match.end()
        if start < len(text):
            bounds.append((start, len(text)))
        return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in bounds if text[s:e].strip()]

    def _interview(self) -> dict[int, tuple[str | None, int]]:
        """German interviews printed as questions and answers: {paragraph: (speaker, where the words start)}
        for each answer ("Antwort: …", or "Brantner: …" opening with a person named in the story) and each
        question ("Frage: …", "SPIEGEL: …": speaker None, start -1: no one's statement). An answer is the
        person the questions address ("Frau Brantner, …") or, failing that, the one person the paragraph
        announcing the interview names ("… im Interview mit der Deutschen Presse-Agentur …")."""
        # French and Spanish papers print "LE FIGARO. - …" / "BRUNO LE MAIRE. - …" and "Pregunta. …" / "R. …"
        label_re = {
            "de": r"\s*([^\W\d_][\w .-]{0,30}?)\s*:\s+(?![„«»\"])",
            "fr": r"\s*([^\W\d_][\w .'’-]{0,30}?)\s*\.\s*[-–—]\s+",
            "es": r"\s*(Pregunta|Respuesta|P|R)\.\s+",
        }[self.language]
        labels = {i: re.match(label_re, t) for i, t in enumerate(self.paragraphs)}
        # the paper's name before each question ("SPIEGEL:", "taz:", "Süddeutsche Zeitung:"), when it opens two or
        # more paragraphs and the speaker's surname the answers
        counts: dict[str, int] = {}
        for m in labels.values():
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        papers = {
            label
            for label, count in counts.items()
            if count >= 2
            and (label.isupper() or label.islower() or self._is_medium(label))
            and not self._label_owner(label)
        }
        answered = any(count >= 2 and self._label_owner(label) for label, count in counts.items())
        questions = {"Frage", "F", "Pregunta", "P"} | (papers if answered else set())
        asked = [i for i, m in labels.items() if m and m.group(1) in questions]
        if len(asked) < 2:
            return {}
        addressed = [
            who
            for i in asked
            for (p, s), _e, who in self.mentions
            if p == i and re.search(r"(?:Herr|Frau)\s+$", self.paragraphs[i][max(0, s - 6) : s])
        ]
        interviewee = addressed[0] if len(set(addressed)) == 1 else None
        if interviewee is None:
            announcing = [
                i
                for i, t in enumerate(self.paragraphs[: asked[0]])
                if re.search(r"Interview|Gespräch|entretien|entrevista", t, re.I)
            ]
            if not announcing and self.language == "es":
                announcing = list(range(asked[0]))  # "El ministro X recibe a EL PAÍS …": the lead before the questions
            named = {who for (p, _s), _e, who in self.mentions if p in announcing}
            interviewee = named.pop() if len(named) == 1 else None
        found = {}
        for index, match in labels.items():
            if match is None or index < asked[0]:
                continue
            label = match.group(1)
            if label in questions:
                found[index] = (None, -1)
            elif label in ("Antwort", "A", "Respuesta", "R"):
                found[index] = (interviewee, match.end())
            elif self._label_owner(label):  # "Brantner: Nein. …", "BRUNO LE MAIRE. - Oui. …"
                found[index] = (self._label_owner(label), match.end())
            elif label.isupper() or self._is_medium(label):  # "SPIEGEL: Frau Brantner, …"
                found[index] = (None, -1)
        return found

    def _label_owner(self, label: str) -> str | None:
        """The person an interview's label names by surname ("Brantner", "BRUNO LE MAIRE" in capitals)."""
        last = label.split()[-1]
        return self._owner(last) or (self._owner(last.title()) if last.isupper() and len(last) > 1 else None)

    def _running_quote(
        self, paragraph: int, running: str | None
    ) -> tuple[str | None, tuple[int, int] | None, str | None]:
        """German: a quotation running over paragraphs ("„Wir sehen Netzwerke … ¶ Aber die Menschen sind nicht
        naiv.“"): a paragraph opening with a quotation mark it does not close is the words of the person whose
        statement ends the paragraph before, and so is the next paragraph up to the closing mark, when nothing
        follows it but the end ("…“"). Returns (speaker, the words' span or None, the speaker running on)."""
        if self.language != "de":
            return None, None, None
        text = self.paragraphs[paragraph]
        marks = re.findall(r"[„“”«»]", text)
        if running is not None:
            closing = re.match(r"[^„“”«»]*([“”«»])\s*[.!?]?\s*$", text)  # "Aber … nicht naiv.“"
            if closing and text[:1] not in _OPENERS:
                return running, (0, closing.start(1)), None
            return None, None, None
        if text[:1] not in "„«»" or (marks and len(marks) % 2 == 0):
            return None, None, None
        before = [s for s in self.statements if s.paragraph == paragraph - 1]
        speaker = before[-1].speaker_person if before else None
        if not speaker:
            return None, None, None
        following = self.paragraphs[paragraph + 1] if paragraph + 1 < len(self.paragraphs) else ""
        said = re.search(rf"[“”«»]\s*,\s*(?:{self.verb_alt})\s+([^,.;]{{1,80}})", following)
        if following[:1] in "„«»" and said:
            # "„Wir dürfen nicht wegsehen. ¶ „Jeder ist gefordert“, sagte Steinmeier.": the quotation goes on,
            # reopened, and says whose it is at its end; the person speaking before only if named there
            phrase = said.group(1)
            if not (re.match(r"(?:er|sie)\b", phrase) or speaker.split()[-1] in phrase.split()):
                return None, None, None
        return speaker, (1, len(text)), speaker

    def find_statements(self) -> list[StatementMention]:
        statements = self.statements = []
        interview = self._interview()
        running: str | None = None  # the speaker of a quotation running on over paragraphs
        for paragraph, _text in enumerate(self.paragraphs):
            span = None
            if paragraph in interview:
                speaker, words = interview[paragraph]
                span = (words, len(_text)) if words >= 0 else None
            else:
                speaker, span, running = self._running_quote(paragraph, running)
            if paragraph in interview or span is not None:
                found = self._statement(DIRECT, paragraph, *span, "", speaker, "") if span else None
                if found is not None:
                    statements.append(found)
                    if speaker:
                        bisect.insort(self.events, ((paragraph, found.start), speaker))
                continue
            quotes = self.quotes(paragraph)
            previous: list[StatementMention] = []
            named_next = False  # the sentence before was said by the one this sentence names ("Das sagte X.")
            bounds = self.sentences(paragraph, quotes)
            for index, (start, end) in enumerate(bounds):
                in_sentence = [q for q in quotes if start <= q.outer_start and q.outer_end <= end + 1]
                if not in_sentence and quotes and quotes[0].dash and start < quotes[0].outer_end:
                    in_sentence = [quotes[0]]
                found = self._sentence(paragraph, start, end, in_sentence)
                said = self._said_next(paragraph, start, end, in_sentence, bounds[index + 1 : index + 2])
                if named_next and not found:
                    # "Deutschland werde helfen. Das sagte Wadephul. Die Regierung stelle 30 Millionen bereit.": the
                    # naming sentence holds no words, and the speaker's Konjunktiv may go on after it
                    named_next = False
                    continue
                named_next = False
                if not found and said is not None:
                    found, previous = said, []  # "Die Hisbollah müsse entwaffnet werden. Das sagte Salam."
                    named_next = bool(said)
                if not found and previous and not self._quoting(paragraph, start, in_sentence):
                    found = self._continuation(paragraph, start, end, previous[-1])
                if previous and len(found) <= 1 and len(in_sentence) == 1:
                    found = self._quote_goes_on(
                        paragraph, found, in_sentence[0], start, end, previous[-1], bounds[index + 1 : index + 2]
                    )
                elif not previous and index and len(in_sentence) == 1 and len(found) <= 1:
                    found = self._quote_after_subject(
                        paragraph, found, in_sentence[0], start, end, bounds[index - 1], bounds[index + 1 : index + 2]
                    )
                previous = found
                for statement in found:
                    statements.append(statement)
                    if statement.speaker_person:
                        position = (paragraph, statement.start)
                        bisect.insort(self.events, (position, statement.speaker_person))
        return statements

    def _quote_after_subject(self, paragraph, found, quote: _Quote, start: int, end: int, before, following) -> list:
        """German: a sentence that is a quotation and nothing else, right after a sentence whose subject is one
        named person and that names no one else ("Torschütze Harry Kane freute sich über seinen Treffer. „Solche
        Spiele musst du gewinnen.“"), is that person's; not after a passive ("X wurde … empfangen"), nor a
        quotation naming the person, nor one the next sentence gives someone else."""
        if (
            self.language != "de"
            or quote.dash
            or any(st.speaker_person or st.speaker_label or st.speaker_organisation for st in found)
        ):
            return found
        text = self.paragraphs[paragraph]
        marks = " .!?…" + _OPENERS + "“”»«"
        words = text[quote.start : quote.end]
        if text[start:end].strip(marks) != words.strip(marks) or len(words.split()) < 2:
            return found
        b_start, b_end = before
        named = [(s, who) for (p, s), _e, who in self.mentions if p == paragraph and b_start <= s < b_end]
        if (
            len({who for _s, who in named}) != 1
            or self.quotes(paragraph)
            and any(b_start <= q.outer_start < b_end for q in self.quotes(paragraph))
        ):
            return found
        first, who = named[0]
        opening = text[b_start:first]
        if not re.fullmatch(r"(?:[A-ZÄÖÜ][\w-]*\s+|(?:der|die|des)\s+){0,4}", opening):
            return found  # the person is not the subject opening the sentence ("Am Abend traf Merz …")
        if re.search(r"\b(?:wurde|wurden|worden)\b", text[b_start:b_end]) or who.split()[-1] in words:
            return found
        if following:
            next_start, next_end = following[0]
            if any(p == paragraph and next_start <= s < next_end and w != who for (p, s), _e, w in self.mentions):
                return found
        if found:
            found[0].speaker_person = who
            return found
        statement = self._statement(DIRECT, paragraph, quote.start, quote.end, "", who, "")
        return [statement] if statement is not None else []

    def _quoting(self, paragraph: int, start: int, quotes: list[_Quote]) -> bool:
        """Whether a sentence quotes someone: a quotation in it, but (German) not a few words in quotation marks
        inside reported speech ("Moskau sei bereit, aber nur auf Grundlage der „Realitäten vor Ort“.")."""
        if self.language != "de":
            return bool(quotes)
        text = self.paragraphs[paragraph]
        return any(
            q.dash or len(text[q.start : q.end].split()) >= _LONE_QUOTE_WORDS or not text[start : q.outer_start].strip()
            for q in quotes
        )

    def _said_next(self, paragraph, start, end, quotes, following) -> list | None:
        """German: the words of a sentence whose speaker the next sentence names ("Deutschland werde helfen.
        Das sagte Wadephul am Sonntag in Beirut.", "„…“ Dies erklärte ein Sprecher."), not the person speaking
        before them; None when the next sentence is not "Das/Dies + reporting verb + speaker"."""
        if self.language != "de" or not following:
            return None
        text = self.paragraphs[paragraph]
        next_start, next_end = following[0]
        if not text.startswith(("Das ", "Dies "), next_start):
            return None
        said = re.match(rf"(?:Das|Dies)\s+(?P<verb>{self.verb_alt})\b", text[next_start:next_end])
        if said is None:
            return None
        rest_start = next_start + said.end()
        rest = text[rest_start:next_end]
        cut = re.search(rf",|\s(?:{_CIRCUMSTANCES['de']}|mit|zum|zur|vor)\s|\s(?:hinzu|mit|an)?\s*[.!?]?$", rest)
        cut_at = cut.start() if cut else len(rest)
        recipient = self._recipient(rest)
        if recipient is not None and recipient < cut_at:
            cut_at = recipient
        speaker, label = self._speaker(
            paragraph, rest_start, rest_start + cut_at, subject=False, null_subject=True, anchor=start
        )
        if len(quotes) == 1 and text[start:end].strip(" .!?…" + _OPENERS + "“”»«") == text[
            quotes[0].start : quotes[0].end
        ].strip(" .!?…" + _OPENERS + "“”»«"):
            statement = self._statement(
                DIRECT, paragraph, quotes[0].start, quotes[0].end, said.group("verb"), speaker, label
            )
        elif quotes:
            return None
        else:
            statement = self._statement(INDIRECT, paragraph, start, end, said.group("verb"), speaker, label)
        return [statement] if statement is not None else []

    def _quote_goes_on(self, paragraph, found, quote: _Quote, start: int, end: int, before, following=()) -> list:
        """A sentence that is a quotation and nothing else, right after a person's statement in the same
        paragraph, is more of that person's words ("…, sagte Merz. „Jeder Tag zählt.“"), as in English; not
        when the next sentence opens with someone else ("„…“ Der JU-Chef Winkel widersprach damit dem
        Kanzler."): theirs, perhaps."""
        if not before.speaker_person or quote.dash:
            return found
        if self.language == "de" and following:
            next_start, next_end = following[0]
            opening = self.paragraphs[paragraph][next_start:next_end][:80]
            first_words = len(_tokens(opening)[:7]) and _tokens(opening)[:7][-1].end
            if any(
                p == paragraph and next_start <= s < next_start + first_words and who != before.speaker_person
                for (p, s), _e, who in self.mentions
            ):
                return found
        text = self.paragraphs[paragraph]
        marks = " .!?…" + _OPENERS + "“”»«"
        if text[start:end].strip(marks) != text[quote.start : quote.end].strip(marks):
            return found
        if not found:
            if len(text[quote.start : quote.end].split()) < 2:
                return found
            statement = self._statement(DIRECT, paragraph, quote.start, quote.end, "", None, "")
            found = [statement] if statement is not None else []
        for statement in found:
            if not (statement.speaker_person or statement.speaker_label or statement.speaker_organisation):
                statement.speaker_person = before.speaker_person
        return found

    def _continuation(self, paragraph: int, start: int, end: int, before: StatementMention) -> list[StatementMention]:
        """German reported speech goes on in the subjunctive with no reporting verb of its own ("…, sagte
        Peskow. Russland halte sich an das Völkerrecht."): a sentence right after a person's statement, in
        the same paragraph, whose verb is a Konjunktiv form, continues that person's words; after a body's
        statement ("…, teilte der Konzern mit. Kündigungen seien ausgeschlossen."), that body's."""
        speaking = before.speaker_person or before.speaker_organisation
        if self.language != "de" or not speaking or not self.lex.subjunctive:
            return []
        sentence = self.paragraphs[paragraph][start:end]
        # The subjunctive is the main clause's verb: German puts it second, after the first phrase, so
        # within the first words and before any comma ("Fast 25 Millionen Menschen seien …"), not in a
        # clause further on ("Die Polizei nahm zwei Männer fest, die … gewesen seien").
        clauses = sentence.split(",")
        if re.search(r"\b(?:Angaben|Informationen|zufolge|laut|hieß es|heißt es)\b", sentence):
            return []  # "…, seien nach Angaben von Augenzeugen …": the sentence names a source of its own
        head = [t.text for t in _tokens(clauses[0])][:6]
        if head and head[0].lower() in _CLAUSE_OPENERS_DE:
            # "Ob Deutschland Exporte stoppen werde, ließ er offen", "Solange die Geiseln nicht frei seien, werde
            # Israel weiterkämpfen": the first clause is subordinate, the main clause's verb opens the next one
            head = [t.text for t in _tokens(clauses[1])][:1] if len(clauses) >= 2 else []
        elif len(clauses) >= 3 and _RELATIVE_DE_RE.match(clauses[1]):
            # "Die Zeiten, in denen die USA alles bezahlten, seien vorbei": the verb after the relative clause
            head += [t.text for t in _tokens(clauses[2])][:2]
        first = [t.text for t in _tokens(clauses[0])]
        late = {"sei", "seien"} | _KONJUNKTIV_II_DE
        if head == first[:6] and not set(head) & self.lex.subjunctive and late & set(first[6:10]):
            # "Zurückweisungen von Asylsuchenden an der Grenze seien rechtswidrig", "Ein Verzicht auf eine neue Form
            # der Wehrpflicht wäre riskant": a long first phrase, then the main clause's verb, a form no indicative
            # shares
            head = first[:10]
        marks = set(head) & (self.lex.subjunctive | self._conditional(paragraph, start, end, sentence))
        definite_condition = len(head) > 1 and head[0] == "Ohne" and head[1].lower() in _DEFINITE_DE
        if (
            marks
            and marks <= _KONJUNKTIV_II_DE
            and head[0].lower() in _HYPOTHETICAL_OPENERS_DE
            and not definite_condition
        ):
            # "Für eine Änderung der Verträge müssten alle zustimmen", "Ohne Einigung hätten sie Zeit bis …": a
            # condition or purpose put first, then the conditional; the narrator's, not reported words
            return []
        subjunctive = bool(marks)
        if not subjunctive and head and head[0].lower() not in _CLAUSE_OPENERS_DE:
            subjunctive = _second_is_konjunktiv(clauses[0])
        if not subjunctive or re.search(rf"\b(?:{self.verb_alt})\b", sentence):
            return []
        own = self._own_attribution(paragraph, start, sentence)
        if own is not None:
            # "Die Regierung müsse handeln, forderte CSU-Chef Markus Söder.": a verb the data does not list, and
            # the sentence's own speaker after it; not the person speaking before
            words_end, verb, speaker, label = own
            statement = self._statement(INDIRECT, paragraph, start, words_end, verb, speaker, label)
            return [statement] if statement is not None else []
        statement = self._statement(INDIRECT, paragraph, start, end, "", before.speaker_person, "")
        if statement is not None and not before.speaker_person:
            statement.speaker_organisation = before.speaker_organisation
        return [statement] if statement is not None else []

    def _conditional(self, paragraph: int, start: int, end: int, sentence: str) -> frozenset[str]:
        """The Konjunktiv II forms the narrator uses too ("wäre", "hätte": data/de/speech.tsv) count as reported
        speech going on ("Eine Ausweisung wäre der nächste Schritt.") unless the sentence names a person ("Ein
        Scheitern wäre ein Rückschlag für Kommissionspräsidentin X") or tells a first or a time since ("Es wäre
        das erste Treffen seit 2019"): the agency's own conditional."""
        if not self.lex.conditional or self._people_in(paragraph, start, end):
            return frozenset()
        if re.search(r"\b(?:erst(?:e|en|er|es|em|mals)|seit)\b", sentence, re.IGNORECASE):
            return frozenset()
        return self.lex.conditional

    def _own_attribution(self, paragraph: int, start: int, sentence: str):
        """German: the words' end, the verb and the speaker of a sentence closing on ", <verb> <speaker>"
        with any verb (", forderte Söder", ", gab die Ministerin zu bedenken", ", zeigte sich Merz überzeugt"),
        or None."""
        tail = re.search(
            r",\s*(?P<verb>[a-zäöüß]{3,})\s+(?P<rest>(?:sich\s+)?(?:[A-ZÄÖÜ]|(?:der|die|ein|eine|er|sie)\b)[^,;]*?)"
            r"[.!?]?\s*$",
            sentence,
        )
        if tail is None:
            return None
        verb = tail.group("verb")
        past = verb.endswith(("te", "ten")) and not verb.endswith(("ste", "sten")) and verb not in ("heute", "bitte")
        if not (past or verb in _STRONG_PAST_DE) or verb in self.lex.subjunctive:
            return None  # "…, werde Israel weiterkämpfen", "…, diese Lücke zu schließen", "…, letzte Woche"
        rest_start = start + tail.start("rest")
        rest = tail.group("rest")
        cut = re.search(rf"\s(?:{_CIRCUMSTANCES['de']})\s", rest)
        cut_at = cut.start() if cut else len(rest)
        recipient = self._recipient(rest)
        if recipient is not None and recipient < cut_at:
            cut_at = recipient
        pronoun = re.match(r"(?:sich\s+)?(er|sie)\b", rest)
        speaker, label = self._speaker(
            paragraph,
            rest_start,
            rest_start + cut_at,
            subject=False,
            pronoun=pronoun.group(1) if pronoun else "",
            anchor=start,
        )
        return start + tail.start(), tail.group("verb"), speaker, label

    def _voice_of(self, label: str) -> str | None:
        """The organisation a speaker phrase is, or is one of the voices of ("le Quai d'Orsay", "ein Sprecher
        des Auswärtigen Amts"); None when other words make it someone else ("l'ambassadeur de France auprès
        de l'ONU", "der Chef der NATO-Mission")."""
        # "Genève – L'ONU", "LIMA, 3 Jun (EFE).- El Ministerio …": the dateline is not the speaker's
        label = re.split(r"\s[–—-]+\s|\)\.-\s", label)[-1]
        bodies = spans_with(self.language, label, self.story_bodies)
        if not bodies:
            return None
        rest = label
        spans = [(s, e) for _entry, s, e in bodies]
        spans += [(s, e) for *_c, s, e in country_codes(self.lex, label) if not any(a < e and s < b for a, b in spans)]
        for start, end in sorted(spans, reverse=True):  # the body and a country beside it ("la cancillería mexicana")
            before = rest[:start]
            if self.language == "de":
                # "das Eidgenössische Finanzdepartement (EFD)", "die Berliner Polizei", "die Deutsche Industrie- und
                # Handelskammer": a capitalised adjective of the body's name or place right before it, and its
                # abbreviation in brackets after it, are the body's
                before = re.sub(r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)\s+)?(?:[A-ZÄÖÜ][\w]*-\s+und\s+)?$", "", before)
                given = re.search(r"([A-ZÄÖÜ][a-zäöüß]+)\s+$", before)
                if given and given.group(1).lower() in self.given_names and "-" in rest[start:end]:
                    before = before[: given.start()]  # "das Robert Koch-Institut": the name's given name
                end += len(re.match(r"\s*(?:\([^()]{1,12}\))?", rest[end:]).group())
            rest = before + " " + rest[end:]
        lowered = {v.lower() for v in self.lex.voice}
        for word in re.findall(r"[\w'’-]+", rest):
            if word.lower() not in lowered and word.lower().rstrip("'’") + "'" not in lowered:
                return None
        return bodies[0][0].name

    def _body_referred_to(self, label: str, paragraph: int, end: int) -> str | None:
        """The body a short reference names back ("das Ministerium", "le ministère", "la empresa" after "das
        Bundesgesundheitsministerium", "Iberdrola S.A."): the one body of that sort named before in the
        story; None when none or several fit, unless only one of them is named in the reference's own paragraph
        ("Die Bundesanwaltschaft ermittelt. …, erklärte die Behörde." after "das Auswärtige Amt" further up)."""
        if self.language in ("fr", "es"):
            body = self._romance_reference(label, paragraph, end)
            if body:
                return body
        words = re.sub(r"\s+mit$", "", label.strip(" .,;:"))  # "teilte das Ministerium mit."
        if self.language == "de":
            # "heißt es in einem Bericht der Behörde": the voice's words before the reference
            tokens = words.split()
            lowered = {v.lower() for v in self.lex.voice}
            while len(tokens) > 2 and tokens[0].lower() in lowered:
                tokens = tokens[1:]
            words = " ".join(tokens)
        match = _REFERENCE.fullmatch(words)
        compound = None
        if not match and self.language == "de":
            # "teilte der Technologiekonzern mit": a compound of a body's kind; a company kind stands for the
            # company named before, any other for a body whose written name holds the whole compound
            compound = re.fullmatch(
                r"(?:[Dd]as|[Dd]ie|[Dd]er|[Dd]es|[Dd]em)\s+((?:[A-ZÄÖÜ][a-zäöüß]+-?)(konzern|unternehmen|"
                r"verband|verein|kammer|gewerkschaft|institut|stiftung|behörde))",
                words,
            )
        if not match and not compound:
            return None
        if compound:
            fits = None if compound.group(2) in ("konzern", "unternehmen") else (re.escape(compound.group(1).lower()),)
        else:
            fits = _REFERENCE_FITS[match.group(1).lower()]
        found = set()
        here = set()  # those named in the reference's paragraph
        for mention in self.organisations:
            for span in mention.spans:
                if (span.paragraph, span.start) >= (paragraph, end):
                    continue
                written = self.paragraphs[span.paragraph][span.start : span.end].lower()
                if mention.kind == "company" if fits is None else any(re.search(f, written) for f in fits):
                    found.add(mention.name)
                    if span.paragraph == paragraph and self.language == "de":
                        here.add(mention.name)
        if len(found) > 1 and len(here) == 1:
            return here.pop()
        return found.pop() if len(found) == 1 else None

    def _article_gender(self, words: list[str], noun: str) -> str | None:
        """French, Spanish: "m" or "f" by the definite article right before a noun or its adjectives ("la
        exmandataria", "el nuevo entrenador", "le cinéaste"); None for "l'" or none."""
        lowered = [w.lower() for w in words]
        at = lowered.index(noun.lower()) if noun.lower() in lowered else -1
        for word in reversed(lowered[:at] if at >= 0 else []):
            if word in ("el", "le", "este", "ce"):
                return "m"
            if word in ("la", "esta", "cette"):
                return "f"
            if word in _ARTICLES[self.language] or word in _INDEFINITE or not word.isalpha():
                return None
        return None

    def _last_agreeing(self, paragraph: int, offset: int, gender: str) -> str | None:
        """The one person of that gender ("m", "f") named before the offset in this paragraph or the two before;
        None when none is or two are."""
        found = {
            who
            for (p, s), _e, who in self.mentions
            if (p, s) < (paragraph, offset) and p >= paragraph - 2 and person_gender(who) == gender
        }
        return found.pop() if len(found) == 1 else None

    def _described(self, words: list[str], paragraph: int, offset: int) -> str | None:
        """French, Spanish: a definite phrase whose noun describes a person (data/<lang>/descriptors.txt: "la
        jugadora", "el técnico tolosano", "le cinéaste") stands for the one person who may be of the article's
        gender (by the given name: "Luis" is not "la jugadora") named in this paragraph before it, else in the
        paragraph before; "" when two are or none is (no one named), None when the phrase holds no such noun."""
        nouns = _descriptors(self.language)
        lowered = [w.lower() for w in words]
        noun = next((w for w in lowered if w in nouns), None)
        if noun is None or not lowered or lowered[0] not in _ARTICLES[self.language] | {"ce", "cette", "este", "esta"}:
            return None
        gender = self._article_gender(words, noun)
        if gender is None or any(w[:1].isupper() for w in words[lowered.index(noun) + 1 :]):
            return ""  # "El comisionado de paz, Otty Patiño": someone named, whom the phrase names itself
        for p in (paragraph, paragraph - 1):
            if p < 0:
                break
            named = {
                who
                for (q, s), _e, who in self.mentions
                if q == p and (q, s) < (paragraph, offset) and person_gender(who) in (gender, None)
            }
            if named:
                return named.pop() if len(named) == 1 else ""
        return ""

    def _label_core(self, label: str) -> str:
        """French, Spanish: the part of a speaker phrase that names the speaker, without a circumstance before
        it ("En un fallo unánime, el máximo tribunal", "Dans un communiqué, le PNF") or an aside after it ("La
        Federación, por su parte", "la FGTB, de son côté")."""
        voice = {v.lower() for v in self.lex.voice}
        pieces = [p.strip(" .;:") for p in label.split(",")]
        pieces = [p for p in pieces if p and not all(w.lower() in voice for w in re.findall(r"[\w'’-]+", p))]
        while len(pieces) > 1 and pieces[0].split()[0].lower() in _CIRCUMSTANCE_OPENERS:
            pieces = pieces[1:]
        return pieces[0] if len(pieces) == 1 else label

    def _romance_reference(self, label: str, paragraph: int, end: int) -> str | None:
        """French, Spanish: the body a noun of data/<lang>/references.tsv names back ("el organismo", "la
        Comisión", "el máximo tribunal", "una portavoz de la institución"): the one such body named before in
        the same paragraph, else in the story; None when none or several fit."""
        nouns = references(self.language)
        if not nouns:
            return None
        core = self._label_core(label)
        core = re.sub(r"\bdel\b", "de el", re.sub(r"\bdu\b", "de le", core))
        words = core.split()
        voice = {v.lower() for v in self.lex.voice}
        alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        pattern = re.compile(rf"(?:el|la|le|l['’]\s*)\s*({alternation})", re.IGNORECASE)
        while words and not pattern.fullmatch(" ".join(words)) and words[0].lower() in voice:
            words = words[1:]  # "una portavoz de la institución": a voice of the body
        match = pattern.fullmatch(" ".join(words))
        if match is None:
            return None
        fits = nouns[match.group(1).lower()]
        here, before = set(), set()
        for mention in self.organisations:
            for span in mention.spans:
                if (span.paragraph, span.start) >= (paragraph, end):
                    continue
                written = self.paragraphs[span.paragraph][span.start : span.end].lower()
                if not fits or any(f in written for f in fits):
                    before.add(mention.name)
                    if span.paragraph == paragraph:
                        here.add(mention.name)
        for found in (here, before):
            if len(found) == 1:
                return found.pop()
            if found:
                return None
        return None

    def _statement(self, kind, paragraph, start, end, verb, speaker, label) -> StatementMention | None:
        text = self.paragraphs[paragraph]
        while start < end and text[start] in " ,:;—–-" + _OPENERS:
            start += 1
        while end > start and text[end - 1] in ' ,.;:—–-«»„“”"':
            closing = text[end - 1]
            opener = {"»": "«", "“": "„", "”": "“", '"': '"'}.get(closing)
            inside = text[start : end - 1]
            if opener and (
                inside.count(opener) % 2 if opener == closing else inside.count(opener) > inside.count(closing)
            ):
                break  # the words end with a quotation: its closing mark stays
            end -= 1
        if end - start < 3:
            return None
        organisation = None
        if not speaker and label:  # "a indiqué le Quai d'Orsay", "teilte das Auswärtige Amt mit"
            organisation = self._voice_of(label) or self._body_referred_to(label, paragraph, end)
            if organisation:
                label = ""
        return StatementMention(
            kind=kind,
            text=text[start:end],
            paragraph=paragraph,
            start=start,
            end=end,
            verb=verb,
            speaker_person=speaker,
            speaker_organisation=organisation,
            speaker_label="" if speaker else label,
        )

    def _sentence(self, paragraph: int, start: int, end: int, quotes: list[_Quote]) -> list[StatementMention]:
        text = self.paragraphs[paragraph]
        sentence = text[start:end]
        found: list[StatementMention] = []
        covered: list[tuple[int, int]] = []
        for attempt in (self._wie, self._inverted, self._subject_verb, self._according):
            result = attempt(paragraph, start, end, sentence, quotes)
            if result is None:
                continue
            kind, c_start, c_end, verb, speaker, label = result
            if speaker and self._they(sentence, verb):
                speaker, label = None, "sie"  # "…, sagten sie": more than one person, no one named
            quote = next(
                (
                    q
                    for q in quotes
                    if q.start >= c_start - 3
                    and q.end <= c_end + 3
                    and (q.outer_end - q.outer_start) >= (c_end - c_start) - 4
                ),
                None,
            )
            if quote is not None:
                kind, c_start, c_end = DIRECT, quote.start, quote.end
            statement = self._statement(kind, paragraph, c_start, c_end, verb, speaker, label)
            if statement is not None:
                found.append(statement)
                covered.append((c_start, c_end))
            break
        for quote in quotes:  # quotations not already the words of a statement
            if any(s - 3 <= quote.start and quote.end <= e + 3 for s, e in covered):
                continue
            speaker, label, verb = self._quote_speaker(paragraph, start, quote)
            if speaker and self._they(sentence, verb):
                speaker, label = None, "sie"
            words = len(text[quote.start : quote.end].split())
            if (speaker or label) and words >= 2 or words >= _LONE_QUOTE_WORDS:
                statement = self._statement(DIRECT, paragraph, quote.start, quote.end, verb, speaker, label)
                if statement is not None:
                    found.append(statement)
        return found

    def _quote_speaker(self, paragraph: int, sentence_start: int, quote: _Quote) -> tuple[str | None, str, str]:
        """A quotation introduced by its speaker ("Elle a déclaré : « … »", "sagte Hagari: „…“")."""
        text = self.paragraphs[paragraph]
        box = re.fullmatch(
            r"\s+([^()„“«»]{3,60}?)\s*\([^()]{1,30}\)(?:,\s*[^.!?„“«»:]{1,60})?\s*", text[quote.outer_end :]
        )
        if self.language == "de" and box and not text[: quote.outer_start].strip():
            # a box of quotes: "«…» Thomas Aeschi (SVP), Fraktionschef", nothing else in the paragraph
            named = self._people_in(paragraph, quote.outer_end, quote.outer_end + box.end(1)) or [
                p.name for p in self.people.values() if box.group(1) in p.forms
            ]  # a person named before, the box giving no evidence of its own
            return (named[0], "", "") if len(set(named)) == 1 else (None, "", "")
        before = text[sentence_start : quote.outer_start]
        if not before.rstrip().endswith((":", ",")):
            # "Selenskyj sprach von einem „gezielten Angriff“", "Barrot a dénoncé une « campagne hostile »":
            # a person named as the subject of a reporting verb a few words before the quotation says it,
            # when it has four words or more, as in English (a shorter one is a term the story quotes).
            verb = re.search(rf"\b({self.verb_alt})\b", before)
            if verb is None or "," in before[verb.end() :] or len(before[verb.end() :].split()) > 5:
                return None, "", ""
            words = len(text[quote.start : quote.end].split())
            named = self._people_in(paragraph, sentence_start, sentence_start + verb.start())
            if not named and self.language != "de" and words >= 2:
                # "La CGT a dénoncé « une mascarade »", "La présidence a salué dans un communiqué « une étape
                # décisive »": a body the subject names (or names back) says it, the words a phrase of its own
                subject = re.sub(
                    rf"\s+(?:{'|'.join(sorted(_AUXILIARIES))}|{_FR_REFLEXIVE})\s*$",
                    "",
                    text[sentence_start : sentence_start + verb.start()].strip(),
                )
                subject = re.sub(rf",\s*{_RELATIVE[self.language]}[^,]*,?", "", subject).strip(" ,")
                if self._voice_of(subject) or self._romance_reference(subject, paragraph, quote.start):
                    return None, subject[:80], verb.group(1)
            if words < 4:
                return None, "", ""
            return (named[-1], "", verb.group(1)) if named else (None, "", "")
        verb = re.search(rf"\b({self.verb_alt})\b", before)
        if verb is None:
            if not before.rstrip().endswith(":"):
                return None, "", ""
            # "X meldete sich zu Wort: „…“": the person the clause before the colon names
            pronoun = re.search(r"\s(er|sie)\s", before) if self.language == "de" else None
            if pronoun:
                # "Den entlassenen Finanzminister Christian Lindner griff er scharf an: „…“": the pronoun is
                # the subject, the person named is the object
                who = self._pronoun_person(paragraph, sentence_start, pronoun.group(1))
                return who, ("" if who else "er"), ""
            named = self._people_in(paragraph, sentence_start, quote.outer_start)
            if self.language == "de" and named:
                mention = self._mention_start(paragraph, sentence_start, named[-1], quote.outer_start, last=True)
                if re.search(rf"\b(?:{'|'.join(sorted(_PREPOSITIONS_DE))})\s+$", text[sentence_start:mention]):
                    # "In einem offenen Brief an Merkel schrieben mehrere Initiativen: „…“": whom it was written
                    # to, or about, not who writes
                    return None, "", ""
            if self.language == "de" and len(set(named)) > 1:
                # "Merz widersprach Macron: „…“", "Scharfe Kritik an Macron übte Merz: „…“": subject or object,
                # the words alone do not tell which
                return None, "", ""
            return (named[-1], "", "") if named else (None, "", "")
        verb_start = sentence_start + verb.start()
        subject_speaker, subject_label = self._speaker(paragraph, sentence_start, verb_start, subject=True)
        subject_words = re.sub(r"[«„“\"»][^«„“\"»]*[»“”\"«]", "", text[sentence_start:verb_start])
        if (subject_speaker or subject_words.strip(" a,")) and not self._fronted(paragraph, sentence_start, verb_start):
            return subject_speaker, subject_label, verb.group(1)
        speaker, label = self._speaker(paragraph, sentence_start + verb.end(), quote.outer_start, subject=False)
        return speaker, label, verb.group(1)

    def _they(self, sentence: str, verb: str) -> bool:
        """German: whether the reporting verb is plural with "sie" as its subject ("…, sagten sie", "Sie
        erklärten, …"): people, not the one person last named."""
        if self.language != "de" or not verb.endswith("en"):
            return False
        verb = re.escape(verb)
        return re.search(rf"\b{verb}\s+sie\b|(?:^|[,.;:]\s*|\s)[Ss]ie\s+{verb}\b", sentence) is not None

    def _fronted(self, paragraph: int, start: int, verb_start: int) -> bool:
        """German: whether the words before a reporting verb are an adverbial or a subordinate clause, not its
        subject ("Nach dem Treffen mit Macron sagte Merz", "Am Montag sagte er", "Nachdem er gelandet war,
        sagte Merz"): German puts one phrase before the verb, so the subject then comes after it."""
        if self.language != "de":
            return False
        text = self.paragraphs[paragraph]
        if (paragraph, start) == (0, 0):
            start = _dateline_end(self.language, text[:verb_start])
        first = re.match(r"\s*([^\W\d_]+)", text[start:verb_start])
        return first is not None and first.group(1).lower() in _FRONTED_DE

    def _words_after_speaker(self, paragraph: int, speaker_end: int, rest_end: int, asked: bool = False) -> int | None:
        """German: where the words start when they follow the speaker ("…, sagte Hebestreit, darüber entscheide
        man im Einzelfall"): a clause after the comma whose first words hold a Konjunktiv form (any main
        clause when the words before the verb are a question put to the speaker: "Auf Nachfrage, ob …,
        sagte sie, die Frage stelle sich nicht"), not a subordinate clause ("…, sagte Merz, als er eintraf");
        None otherwise."""
        if self.language != "de":
            return None
        tail = self.paragraphs[paragraph][speaker_end:rest_end]
        match = re.match(r",\s*(?=([\w-]+))", tail)
        if match is None or match.group(1).lower() in _SUBORDINATORS_DE - (_ARTICLES["de"] if asked else set()):
            return None
        head = {t.text for t in _tokens(tail[match.end() :])[:6]}
        return speaker_end + match.end() if asked or head & self.lex.subjunctive else None

    def _is_medium(self, word: str) -> bool:
        """ "Presse-Agentur", "Zeitung", "Deutschlandfunk", "Tass": a news medium (German), never a person."""
        return self.lex.media_re is not None and bool(self.lex.media_re.search(word))

    def _recipient(self, rest: str) -> int | None:
        """Where, in the words after an inverted verb, the medium the words were said to starts ("sagte X
        der Deutschen Presse-Agentur", "… dem Sender ntv", "… der »Süddeutschen Zeitung«"), or None."""
        if self.lex.media_re is None:
            return None
        for match in re.finditer(r"\s(?:der|dem|den)\s+(?P<next>[»„\"«]?)((?:[\w-]+\s+)?)(?P<noun>[\w-]+)", rest):
            if match.group("next") or self._is_medium(match.group("noun")):
                return match.start()
        return None

    def _apposition(self, paragraph: int, comma: int) -> int:
        """Past ", Name," after a role ("el vocero presidencial, Manuel Adorni, …"): the second comma."""
        text = self.paragraphs[paragraph]
        for (p, s), e, _who in self.mentions:
            if p == paragraph and comma < s <= comma + 2 and text[e : e + 1] in (",", ".", ";", ""):
                return e
        return comma

    def _wie(self, paragraph, start, end, sentence, quotes):
        """ "Wie das Auswärtige Amt mitteilte, soll …" / "…, wie ein Regierungssprecher sagte." (German)."""
        if self.language != "de" or not self.lex.subordinate:
            return None
        verbs = _alternation(self.language, "subordinate")
        skip = _dateline_end(self.language, sentence) if (paragraph, start) == (0, 0) else 0  # "Berlin (dpa) - Wie …"
        front = re.compile(rf"\s*Wie\s+(?P<who>[^,.;„“«»\"]{{2,80}}?)\s+(?P<verb>{verbs})\s*,\s*").match(sentence, skip)
        if front:
            who_start, who_end = start + front.start("who"), start + front.end("who")
            speaker, label = self._speaker(paragraph, who_start, who_end, subject=True)
            return INDIRECT, start + front.end(), end, front.group("verb"), speaker, label
        back = re.search(rf",\s*wie\s+(?P<who>[^,.;„“«»\"]{{2,80}}?)\s+(?P<verb>{verbs})\s*[.!]?\s*$", sentence)
        if back and back.start() > 10:
            speaker, label = self._speaker(paragraph, start + back.start("who"), start + back.end("who"), subject=True)
            return INDIRECT, start, start + back.start(), back.group("verb"), speaker, label
        return None

    def _inverted(self, paragraph, start, end, sentence, quotes):
        """ "…, a déclaré X." / "…, dijo X." / "…, sagte X." / "— …, a-t-il lancé"."""
        if self.language == "fr":
            pattern = (
                rf",\s*(?:(?:a|ont|avait|avaient|{_FR_REFLEXIVE})(?:-t-(?P<pron>il|elle|ils|elles))?\s+(?:[\w'’-]+\s+){{0,2}}?"
                rf"(?P<verb>{self.verb_alt})|(?P<verb2>{self.present_alt})-(?:t-)?(?P<pron2>il|elle|on))\b"
                rf"(?P<rest>[^»«]*?)(?:,\s*(?=«|{_RELATIVE['fr']})|$)"
            )
        elif self.language == "es":
            pattern = (
                rf"(?:,|[—–]|\s[—–])\s*[—–]?(?P<verb>{self.verb_alt})\b(?P<rest>[^\"“”«»]*?)"
                rf"(?:,\s*(?=[\"“«]|{_RELATIVE['es']})|$)"  # "…, recordó el mandatario, quien pidió …"
            )
        else:  # "so" only here: "Das sei ein wichtiges Signal, so Lazaro."; a medium's title may follow the speaker
            title = _TITLE_DE  # "sagte Pistorius der »Süddeutschen Zeitung«.", "sagte Winkel der „Bild“-Zeitung."
            pattern = rf",\s*(?P<verb>{self.verb_alt}|so)\b(?P<rest>(?:[^„“«»\"]|{title})*?)(?:,\s*(?=[„«»\"])|$)"
        match = None
        for candidate in re.finditer(pattern, sentence):
            match = candidate
        if match is None and self.language == "fr":  # "Kigali, a-t-il assuré, n'a « aucune … »"
            aside = re.search(
                rf",\s*(?:(?:a|avait)-t-(?P<pron>il|elle)\s+(?:[\w'’-]+\s+){{0,2}}?(?P<verb>{self.verb_alt})"
                rf"|(?P<verb2>{self.present_alt})-(?:t-)?(?P<pron2>il|elle))\s*,",
                sentence,
            )
            if aside and aside.start() > 0:
                verb = aside.group("verb") or aside.group("verb2")
                speaker = self._last_event(paragraph, start)
                return INDIRECT, start, end, verb, speaker, "" if speaker else aside.group("pron") or ""
        if match is None or match.start() < 3:
            return None
        if self.language == "de" and match.group("rest").startswith(","):
            return None  # "Anna Berg, Chefärztin der Charité, sagte, …": no speaker after the verb, so not inverted
        verb = match.group("verb") or match.groupdict().get("verb2") or ""
        pronoun = match.groupdict().get("pron") or match.groupdict().get("pron2") or ""
        if verb == "so" and len(match.group("rest").split()) > 4:
            rest_start = start + match.start("rest")
            rest = match.group("rest")
            body = re.match(r"\s*(?:der|die|das)\s+", rest)
            bodies = spans_with(self.language, rest, self.story_bodies) if body else []
            opens_with_body = bool(bodies) and bodies[0][1] == body.end()
            if not opens_with_body and not self._people_in(paragraph, rest_start, start + match.end("rest")):
                # "…, so dass …", "…, so lange …"; not "…, so die AfD-Abgeordnete Beatrix von Storch", nor "…, so die
                # Bundesbank in ihrem Monatsbericht"
                return None
        if any(
            p == paragraph
            and e == start + match.start()
            # German words may end with a name ("Er habe Respekt vor Söder, sagte der Kanzler"): a name between
            # commas only
            and (self.language != "de" or self.paragraphs[paragraph][:s].rstrip().endswith(","))
            for (p, s), e, _ in self.mentions
        ):
            return None  # "La présidente du Conseil, Giorgia Meloni, a insisté sur …": the subject, not the words
        if self.language != "de" and re.match(r"^\s+(?:[\w'’-]+\s+){0,8}?(?:que|qu['’])", match.group("rest")):
            return None  # "X, por su parte, insistió en que …": the subject comes first
        rest_start = start + match.start("rest")
        rest_end = start + match.end("rest")
        rest = text_rest = self.paragraphs[paragraph][rest_start:rest_end]
        if self.language == "de":
            pron = re.match(r"\s*(er|sie)\b", rest)
            pronoun = pronoun or (pron.group(1) if pron else "")
        # The speaker's words end at the first comma or preposition that starts a circumstance, or at the
        # medium they were said to ("sagte die SPD-Politikerin der Deutschen Presse-Agentur").
        cut = re.search(rf",|\s(?:{_CIRCUMSTANCES[self.language]})\s", text_rest)
        cut_at = cut.start() if cut else len(rest)
        comma = cut is not None and cut.group() == ","
        recipient = self._recipient(text_rest)
        if recipient is not None and recipient < cut_at:
            cut_at, comma = recipient, False
        speaker_end = rest_start + cut_at
        if comma:  # "…, a répondu le porte-parole, Dmitri Peskov."
            speaker_end = self._apposition(paragraph, speaker_end)
        impersonal = self._impersonal_source(paragraph, rest_start, text_rest) if verb in _IMPERSONAL_DE else None
        if impersonal is not None:  # "…, hieß es beim Bundesamt für Migration (Bamf) in Nürnberg."
            rest_start, speaker_end = impersonal
            comma = False
        speaker, label = self._speaker(
            paragraph,
            rest_start,
            speaker_end,
            subject=False,
            pronoun=pronoun,
            # "…, han indicado fuentes diplomáticas": a plural verb drops no one person as its subject
            null_subject=not (self.language == "es" and re.fullmatch(r"\w+ron|(?:han|habían)\s+\w+", verb)),
            # German reported speech names others, not its speaker ("Scholz habe ihn erpresst, sagte der
            # FDP-Chef"); French restates the speaker's own act ("Macron a proposé …, a-t-il indiqué")
            anchor=start if self.language == "de" else None,
        )
        if speaker is None and self.language == "de":
            # "…, sagte eine Sprecherin des Außenministeriums in Peking, Mao Ning.": the name closing the phrase
            text = self.paragraphs[paragraph]
            for (p, s), e, who in self.mentions:
                if (
                    p == paragraph
                    and speaker_end <= s < rest_end
                    and text[:s].rstrip().endswith(",")
                    and not text[e:rest_end].strip(" .!?")
                ):
                    speaker, label = who, ""
        question = self.language == "de" and _QUESTION_BEFORE_DE_RE.match(sentence) is not None
        tail = self._words_after_speaker(paragraph, speaker_end, rest_end, question) if comma else None
        if tail is not None:  # "Auf die Frage, ob …, sagte Hebestreit, darüber entscheide man im Einzelfall."
            return INDIRECT, tail, end, verb, speaker, label
        if question:
            return None  # "Auf die Frage, ob …, antwortete sie nicht": the question is no one's words here
        content_start = start
        according = re.match(rf"^\s*(?:{_alternation(self.language, 'according')})\b[^,]*,", sentence, re.I)
        if according:
            content_start = start + according.end()
        return INDIRECT, content_start, start + match.start(), verb, speaker, label

    def _impersonal_source(self, paragraph: int, rest_start: int, rest: str) -> tuple[int, int] | None:
        """German "hieß es" names its source after a preposition ("hieß es beim VfGH am Donnerstag", "hieß es im
        Bundeswirtschaftsministerium", "hiess es bei Economiesuisse", "hieß es in einer Aussendung von
        FPÖ-Sprecherin X"): the (start, end) of the phrase up to that body (its voice words before it) or, when
        the phrase names no body, up to the person it names; None when it names neither."""
        found = re.match(r"\s*es\s+(?=(?:bei|beim|im|in|aus|von|vom|seitens)\s)", rest)
        if found is None:
            return None
        phrase_start = rest_start + found.end()
        phrase = re.split(r",|\s[–—-]\s", rest[found.end() :])[0]
        bodies = spans_with(self.language, phrase, self.story_bodies)
        if bodies:
            _entry, _start, body_end = bodies[0]
            bracket = re.match(r"\s*\([^()]{1,12}\)", phrase[body_end:])
            return phrase_start, phrase_start + body_end + (bracket.end() if bracket else 0)
        text = self.paragraphs[paragraph]
        if re.search(r"\b(?:der|des|dem|vom|beim)\s+[A-ZÄÖÜ][\w-]+$", phrase.rstrip(" .")) and not any(
            p == paragraph and phrase_start <= s < phrase_start + len(phrase) for (p, s), _e, _w in self.mentions
        ):
            return phrase_start, phrase_start + len(phrase.rstrip(" ."))  # "in einem Bericht der Behörde": referred to
        for (p, s), e, _who in self.mentions:
            if p == paragraph and phrase_start <= s < phrase_start + len(phrase):
                # "in einer Aussendung von FPÖ-Sprecherin Susanne Fürst": the person right after "von" and a role;
                # not "von einem Sprecher von Kanzler X", "vom Sprecher des Kanzlers X": someone of theirs
                if _WRITTEN_BY_DE.fullmatch(text[phrase_start:s]):
                    return phrase_start, e
                return None
        return None

    def _subject_verb(self, paragraph, start, end, sentence, quotes):
        """ "X a affirmé que …" / "X dijo que …" / "X erklärte, …"."""
        if self.language == "fr":
            pattern = (
                rf"\b(?:(?:a|ont|avait|avaient|aurait|{_FR_REFLEXIVE})\s+(?:[\w'’-]+\s+){{0,4}}?(?P<verb>{self.verb_alt})"
                rf"|(?P<verb2>{self.present_alt})){_ASIDE['fr']}\s+(?:[\w'’-]+\s+){{0,5}}?(?:que\s+|qu['’])"
            )
        elif self.language == "es":
            pattern = rf"\b(?P<verb>{self.verb_alt}){_ASIDE['es']}\s+(?:[\w'’-]+\s+){{0,8}}?que\s+"
        else:
            # a circumstance opened by a preposition may be longer ("sagte nach einem Treffen mit seinem
            # jordanischen Amtskollegen Aiman al-Safadi in Kairo, …")
            pattern = (
                rf"\b(?P<verb>{self.verb_alt})\b(?:(?:[^,.;:„“«»\"]|{_TITLE_DE}){{0,60}}?"
                rf"|\s+(?:{_CIRCUMSTANCES['de']}|mit|zum|zur)\s[^,.;:„“«»\"]{{0,110}}?),\s*(?:dass\s+)?"
            )
        if self.language == "es" and sentence[:1].isupper():
            # "Añadió que …": Spanish drops the subject; the person last named or speaking says it
            dropped = re.match(pattern, sentence[:1].lower() + sentence[1:])
            if dropped and dropped.start() == 0:
                speaker = self._pronoun_person(paragraph, start)
                return INDIRECT, start + dropped.end(), end, dropped.group("verb"), speaker, ""
        match = re.search(pattern, sentence)
        if match is None:
            return None
        verb = match.group("verb") or match.groupdict().get("verb2") or ""
        subject_end = start + match.start()
        if self.language == "fr" and match.group("verb"):
            subject_end = start + match.start()
        if not self.paragraphs[paragraph][start:subject_end].strip():
            return None
        if (
            self.language == "es"
            and re.match(r"\s+(?:un|una|unos|unas|el|la|los|las)\s", sentence[match.end("verb") : match.end()])
            and re.match(r"[a-záéíúñ]+ó\b", sentence[match.end() :])
        ):
            # "…, señaló un colaborador que pidió no ser identificado": a relative clause about the speaker after
            # the verb (a preterite right after "que"), not the words
            return None
        if self.language == "de" and sentence[match.end() :].lstrip()[:1] in _OPENERS:
            return None  # "sagte X: „…“" is a quotation, read with its quote
        if (
            self.language == "de"
            and verb in ("sprach", "sprachen")
            and re.search(r"\s(?:über|mit)\s", sentence[match.end("verb") : match.end()])
        ):
            # "Mit der dpa sprach er über die Ukraine, die USA und …": whom and what about, not words ("sprach
            # von einem Angriff" stays)
            return None
        if (
            self.language == "de"
            and _RELATIVE_CLAUSE_DE_RE.match(sentence, match.end())
            and re.search(r"[A-ZÄÖÜ][\w-]*\s*,\s*$", sentence[: match.end()])
        ):
            # "Grossi verwies auf eine Vereinbarung, die er in Kairo unterzeichnet hatte": a relative clause
            # about the verb's object, not reported speech
            return None
        if (
            self.language == "de"
            and re.search(r"\sauf\s*,\s*$", sentence[: match.end()])
            and re.search(r"(?:\bzu\s+|zu)[a-zäöü]+en$", sentence[match.end() :].rstrip(" .!"))
        ):
            # "Er rief die EU auf, die Sanktionen zu verschärfen": a call in an infinitive clause, not reported words
            return None
        if self._fronted(paragraph, start, subject_end):
            # "Nach dem Treffen mit Macron sagte Merz, …": the subject follows the verb
            comma = start + sentence.rfind(",", 0, match.end())
            if self.paragraphs[paragraph][start + match.end("verb") : comma].strip() or not re.search(
                r"\s(?:hatte|hatten|hat|haben|habe|hätte|hätten)\s", sentence[: match.start()]
            ):
                speaker, label = self._speaker(
                    paragraph, start + match.end("verb"), comma, subject=False, null_subject=True, anchor=start
                )
            else:
                # "Zuvor hatte Söder erklärt, …": the subject stands between the auxiliary and the participle
                speaker, label = self._speaker(paragraph, start, subject_end, subject=True)
            fronted = self.paragraphs[paragraph][start:subject_end].strip()
            if verb in _IMPERSONAL_DE and not speaker and self._voice_of(fronted):
                label = fronted  # "Aus dem Eidgenössischen Departement … (EDA) hiess es, …": the body
        else:
            speaker, label = self._speaker(paragraph, start, subject_end, subject=True)
            relative = self.language == "de" and re.search(
                r",\s*(?:der|die|welcher|welche)\b[^,]*$", self.paragraphs[paragraph][start:subject_end]
            )
            if relative:
                # "Kern traf Selenskyj, der sagte, …": the words of whom the relative pronoun stands for, the
                # name right before it, else no one known
                comma = start + relative.start()
                named = [who for (p, s), e, who in self.mentions if p == paragraph and s < comma <= e + 1]
                speaker = named[-1] if named else None
                label = "" if speaker else self.paragraphs[paragraph][start:subject_end].strip()[:80]
        return INDIRECT, start + match.end(), end, verb, speaker, label

    def _according(self, paragraph, start, end, sentence, quotes):
        """ "Selon X, …" / "…, según X." / "Laut X soll …" / "X zufolge …"."""
        forms = _alternation(self.language, "according", leave_out="zufolge")
        text = self.paragraphs[paragraph]
        front = re.match(rf"^\s*(?:{forms})\s+", sentence, re.I)
        if front:
            if self.language == "de":
                speaker_end = start + front.end()
                for token in _tokens(sentence[front.end() :]):
                    word = token.text
                    if (
                        word[:1].isupper()
                        or word in _DETERMINERS_DE
                        or word in _PARTICLES
                        or word.endswith(("en", "em", "er"))
                        and not word[:1].isupper()
                        and word in ()
                    ):
                        speaker_end = start + front.end() + token.end
                        continue
                    break
                content_start = speaker_end
            else:
                comma = sentence.find(",", front.end())
                if comma < 0:
                    return None
                speaker_end = self._apposition(paragraph, start + comma)
                content_start = speaker_end + 1
            speaker, label = self._speaker(paragraph, start + front.end(), speaker_end, subject=False)
            return INDIRECT, content_start, end, front.group().strip(), speaker, label
        opinion = re.match(r"^\s*(?:Pour|Para)\s+", sentence) if self.language != "de" else None
        comma = sentence.find(",", opinion.end()) if opinion else -1
        if opinion and 0 < comma and len(sentence[opinion.end() : comma].split()) <= 8:
            # "Pour l'ancien ambassadeur Michel Duclos, la France « cherche … »", "Para Calviño, los datos …": a
            # person's view, when the phrase names one ("Pour la France, …", "Para la oposición, …" name no one)
            speaker_end = self._apposition(paragraph, start + comma)
            if self._people_in(paragraph, start + opinion.end(), speaker_end):
                speaker, label = self._speaker(paragraph, start + opinion.end(), speaker_end, subject=False)
                if speaker:
                    return INDIRECT, speaker_end + 1, end, opinion.group().strip(), speaker, label
        back = re.search(rf",?\s+(?P<form>{forms})\s+(?P<who>[^,.;]+)[.!]?\s*$", sentence, re.I)
        if back and back.start() > 10 and self.language != "de":
            speaker, label = self._speaker(paragraph, start + back.start("who"), start + back.end("who"), subject=False)
            return INDIRECT, start, start + back.start(), back.group("form"), speaker, label
        if self.language == "de":
            after = re.match(r"^\s*(?P<who>(?:\w+\s+){1,5}?)zufolge\s+", sentence)
            if after:
                speaker, label = self._speaker(paragraph, start, start + after.end("who"), subject=False)
                return INDIRECT, start + after.end(), end, "zufolge", speaker, label
        del text
        return None

    # --- countries ------------------------------------------------------------------------------

    def countries(self) -> list[CountryMention]:
        counts: dict[str, list[int]] = {}
        dateline_end = 0
        if self.paragraphs:
            dateline_end = _dateline_end(self.language, self.paragraphs[0])
        for paragraph, spans in enumerate(self.country_spans):
            for code, _kind, start, _end in spans:
                entry = counts.setdefault(code, [0, 0])
                if paragraph == 0 and start < dateline_end:
                    entry[1] = 1
                else:
                    entry[0] += 1
        title = self.document.title
        if title and not (self.paragraphs and title.rstrip("…") in self.paragraphs[0]):  # as countries.py does
            for code, _kind, _s, _e in country_codes(self.lex, title):
                counts.setdefault(code, [0, 0])[0] += 1
        for place in self.document.dateline_places:
            if place.isupper():  # "BUENOS AIRES", "CIUDAD DE MÉXICO": the wires print the place in capitals
                place = " ".join(w.lower() if w.lower() in _PARTICLES else w.capitalize() for w in place.split())
            for code, _kind, _s, _e in country_codes(self.lex, place):
                counts.setdefault(code, [0, 0])[1] = 1
        return [CountryMention(code, mentions, bool(dateline)) for code, (mentions, dateline) in counts.items()]

    def people_mentions(self) -> list[PersonMention]:
        found = []
        for person in self.people.values():
            # The office's country when the role names it ("ministre marocain", "Polens Außenminister")
            codes = [code for code, *_ in country_codes(self.lex, person.role)]
            found.append(
                PersonMention(
                    name=person.name,
                    forms=person.forms,
                    role=person.role[:120],
                    country=codes[0] if codes else None,
                    mentions=person.mentions,
                    spans=person.spans,
                )
            )
        return found


# Strong verbs' simple past that report words without being in the data's list ("…, gab Söder zu bedenken")
_STRONG_PAST_DE = frozenset(
    "gab gaben bat baten warf warfen riet rieten hielt hielten wies wiesen schloss trat sprach".split()
)
# Konjunktiv II forms: reported speech uses them where Konjunktiv I looks like the indicative, and the narrator
# uses them as the conditional
# "hieß es bei …", "heisst es aus …" (Swiss spelling): the source stands after a preposition, not as the subject
# Words before an ordinal number ("seinen 15. Saisontreffer", "zum 3. Mal", "der 20. Parteitag")
_ORDINAL_BEFORE_DE = (
    r"der|die|das|den|dem|des|eine[mnrs]?|seine[mnrs]?|ihre[mnrs]?|unsere[mnrs]?|am|im|zum|zur|vom|beim|ins|fürs"
)
# Finite forms of the auxiliaries: a verb between a role word and a name
_FINITE_DE = frozenset("hat haben hatte hatten ist sind war waren wird werden wurde wurden".split())
_IMPERSONAL_DE = frozenset("hieß hiess heißt heisst".split())
# "(hieß es) in einer Aussendung von FPÖ-Sprecherin …", "von Parteichef …": what a named person wrote or said
_WRITTEN_BY_DE = re.compile(
    r"(?:(?:in|aus)\s+(?:einer|der)\s+(?:Presse)?(?:Aussendung|Mitteilung|Erklärung|Stellungnahme)\s+)?"
    r"(?:von|vom)\s+(?:[A-ZÄÖÜ][\w-]*\s+){0,2}"
)
_KONJUNKTIV_II_DE = frozenset("würde würden wären wäre hätten hätte müssten müsste könnten könnte".split())
# Words opening a condition or a purpose before the verb ("Für eine Änderung …", "Dafür", "Ohne Einigung"); not
# "andernfalls"/"sonst" (otherwise): the other case of the sentence before, so of its speaker when it was reported
# ("Die Verfahren müssten schneller werden. Andernfalls würde das Geld nicht abfließen.")
_HYPOTHETICAL_OPENERS_DE = frozenset("für dafür dazu ohne bei beim im dann damit".split())
# …but "Ohne" with a definite article or a demonstrative ("Ohne die Einschnitte wäre …", "Ohne diese Zusammenarbeit
# wäre …") names something the speaker spoke of: the speaker's conditional, not the narrator's ("Ohne eine Einigung
# hätten sie Zeit bis …")
_DEFINITE_DE = frozenset("die der das den dem diese dieser diesen diesem dieses solche solchen".split())


def _second_is_konjunktiv(clause: str) -> bool:
    """German: whether the verb after a main clause's first phrase has the Konjunktiv I ending of the third
    person singular ("Die Hamas benutze Zivilisten", "Sein Land bilde Ingenieure aus"): the phrase is an
    article, adjectives and a noun (with nouns and articles after it: "Die Zahl der Lastwagen"), or a name;
    the word after it ends in -e, where the indicative ends in -t. The simple past ("meldete", "wurde")
    ends in -e too and is left out."""
    words = [t.text for t in _tokens(clause)][:8]
    index = 0
    while index < len(words) and (words[index].lower() in _DETERMINERS_DE or not words[index][:1].isupper()):
        index += 1  # the article and adjectives before the noun
    while index < len(words) and (words[index][:1].isupper() or words[index] in _DETERMINERS_DE):
        index += 1  # the noun, and a genitive after it
    if index == 0 or index >= len(words):
        return False
    verb = words[index]
    return (
        len(verb) > 3
        and verb.endswith("e")
        and not verb.endswith(("te", "de"))
        and verb.islower()
        and verb not in _NOT_KONJUNKTIV_DE
    )


# Words in -e that may follow a first phrase and are no Konjunktiv I: adverbs, pronouns, and the Konjunktiv II
# of strong verbs, which the agency's own voice uses too ("Das Treffen wäre das erste seit Jahren")
_NOT_KONJUNKTIV_DE = frozenset(
    "gerne alleine lange heute bitte ebenfalls ohne beide diese jene alle eine keine wäre käme gäbe stünde ginge "
    "bliebe ließe täte sähe läge hielte fiele".split()
)


_PARTIES_DE = {"CDU", "CSU", "SPD", "FDP", "AFD", "GRÜNE", "LINKE", "BSW", "ÖVP", "SPÖ", "FPÖ", "NEOS"}
_PARTIES_DE |= {"SVP", "SP", "GLP"}  # Swiss


def _descriptive_role(word: str) -> bool:
    """German: whether a role word describes a person rather than naming an office ("SPD-Politiker",
    "Grünen-Chefin", "Diplomat", "Ökonomin"; not "Kanzler", "Präsident", "Regierungschef")."""
    return (
        _party(word) is not None
        or word in lexicon("de").members
        or bool(
            re.search(
                r"(?:politiker|diplomat|experte|ökonom|analyst|forscher|wissenschaftler|historiker|abgeordnete)(?:in|en|innen|r)?$",
                word.lower(),
            )
        )
    )


def _party(word: str) -> str | None:
    """German: the party a compound names before its hyphen ("CDU-Chef", "Grünen-Politikerin": "GRÜNE"), or
    None."""
    head, hyphen, _rest = word.partition("-")
    name = head.upper()
    name = name[:-1] if name in ("GRÜNEN", "LINKEN") else name
    return name if hyphen and name in _PARTIES_DE else None


def _parties(word: str) -> frozenset[str]:
    """German: the parties a role word names: a compound's ("CDU-Politiker") or a member noun's
    ("Sozialdemokratin": SPD, SPÖ, SP)."""
    party = _party(word)
    return frozenset({party}) if party else lexicon("de").members.get(word, frozenset())


def _role_gender(word: str) -> str | None:
    """German: the gender a role noun gives ("Ministerin" f, "Minister" m, "Vorsitzende" none); a nationality
    noun too ("Slowakin" f, "Brite" m)."""
    if word.endswith(("in", "innen")):
        return "f"
    if word.endswith("e") and word not in lexicon("de").demonyms:  # "Vorsitzende", "Abgeordnete": either
        return None
    return "m"


@cache
def _alternation(language: str, kind: str, leave_out: str = "") -> str:
    """A regular expression alternation of the lexicon's forms of one kind, longest first (built once)."""
    forms = [f for f in getattr(lexicon(language), kind) if f != leave_out]
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _last_name_index(run: list[_Token]) -> int:
    """Index of the run's last token that is not a particle (-1 when none is)."""
    for index in range(len(run) - 1, -1, -1):
        if run[index].text not in _PARTICLES:
            return index
    return -1


def _clean_role(role: str, language: str) -> str:
    role = re.sub(r"\s+", " ", role).strip(" ,")
    words = role.split(" ")
    while words and words[0].lower() in _ARTICLES.get(language, ()) | {"l'", "l’", "du", "del", "des"}:
        words.pop(0)
    role = " ".join(words)
    if role.lower().startswith(("l'", "l’")):
        role = role[2:]
    return role


_GIVEN: frozenset[str] | None = None


@cache
def _descriptors(language: str) -> frozenset[str]:
    """Nouns that describe a person already named (data/<lang>/descriptors.txt)."""
    from .lexicon import DATA_DIR

    path = DATA_DIR / language / "descriptors.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def _language_given_names(language: str) -> frozenset[str]:
    """Given names of one language's stories the shared list lacks (data/<lang>/given_names.txt)."""
    from .lexicon import DATA_DIR

    path = DATA_DIR / language / "given_names.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


def _given_names() -> frozenset[str]:
    global _GIVEN
    if _GIVEN is None:
        from pathlib import Path

        path = Path(__file__).resolve().parent.parent / "data" / "people_given_names.txt"
        _GIVEN = frozenset(
            word
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
            for word in line.split()
        )
    return _GIVEN


def extract_parts(language: str, document: Document):
    """(countries, people, organisations, statements) of a French, Spanish or German story."""
    story = _Story(lexicon(language), document)
    if document.paragraphs:
        # The shared parser reads English datelines; this language's ("MADRID, 3 Mar (EFE).- ") fill what it left.
        found = parse_dateline(language, document.paragraphs[0])
        if found is not None:
            if not document.dateline:
                document.dateline, document.dateline_places = found.text, list(found.places)
            document.source = document.source or found.source
        elif not document.dateline:
            match = _DATELINE_RE.match(document.paragraphs[0])
            if match:
                document.dateline = match.group("place").strip()
                document.dateline_places = [p.strip() for p in document.dateline.split("/") if p.strip()]
    story.find_people()
    statements = story.find_statements()
    return story.countries(), story.people_mentions(), story.organisations, statements


def annotate(extraction, language: str) -> None:
    """What each statement is about (the countries of its sentence) and its speaker's role."""
    lex = lexicon(language)
    people = {p.name: p for p in extraction.people}
    for statement in extraction.statements:
        paragraph = extraction.document.paragraphs[statement.paragraph]
        window = paragraph[max(0, statement.start - 200) : statement.end + 200]
        statement.about = list(dict.fromkeys(code for code, *_ in country_codes(lex, window)))
        person = people.get(statement.speaker_person or "")
        if person is not None:
            statement.speaker_role = person.role
            statement.speaker_country = person.country
