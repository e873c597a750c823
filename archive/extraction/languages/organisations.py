"""Organisations named in French, Spanish and German stories (issue 19): the bodies of each
language's reviewed table (archive/extraction/data/<lang>/organisations.tsv), found by their
written forms, as the same OrganisationMention records the English extraction returns.

A body the English gazetteer (data/organisations.tsv) has keeps its English canonical name ("l'ONU",
"la ONU" and "die Vereinten Nationen" are all "United Nations"), so one organisation stands for it
whatever the story's language. A body of no fixed country ("das Außenministerium", "la
cancillería") takes the country written right beside it: "das russische Außenministerium",
"la cancillería mexicana", "el Ministerio de Asuntos Exteriores de Venezuela".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from ..model import OrganisationMention, Span
from .lexicon import DATA_DIR, country_codes, lexicon


@dataclass(frozen=True)
class OrgEntry:
    name: str
    abbreviation: str
    kind: str
    country: str | None
    forms: tuple[str, ...]


@dataclass
class OrgTable:
    entries: dict[str, OrgEntry]  # written form (as in the table) -> entry
    pattern: re.Pattern | None

    def entry(self, written: str) -> OrgEntry | None:
        found = self.entries.get(written)
        if found is None and written:
            found = self.entries.get(written[0].swapcase() + written[1:])
        return found


def _form_re(form: str) -> str:
    first, rest = form[0], re.escape(form[1:])
    if any(c.islower() for c in form[1:]) and first.isalpha():  # "ministère"/"Ministère"; "UN" stays "UN"
        return f"[{re.escape(first.lower())}{re.escape(first.upper())}]{rest}"
    return re.escape(form)


@cache
def organisation_table(language: str) -> OrgTable:
    path = DATA_DIR / language / "organisations.tsv"
    entries: dict[str, OrgEntry] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, forms_text, kind, country = (line.split("\t") + [""] * 4)[:4]
            forms = tuple(f.strip() for f in forms_text.split("|") if f.strip())
            abbreviation = next((f for f in forms if len(f) > 1 and f.isupper()), "")
            entry = OrgEntry(name.strip(), abbreviation, kind.strip() or "other", country.strip() or None, forms)
            for form in forms:
                entries.setdefault(form, entry)
    if not entries:
        return OrgTable({}, None)
    alternation = "|".join(_form_re(f) for f in sorted(entries, key=len, reverse=True))
    return OrgTable(entries, re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"))


def organisation_spans(language: str, text: str) -> list[tuple[OrgEntry, int, int]]:
    """(entry, start, end) of each organisation form in the text: the reviewed table's, then the bodies
    named by their structure (structural_spans) where no table form stands. The story's own names of its
    bodies (abbreviations_defined, story_bodies) are added by spans_with."""
    table = organisation_table(language)
    found = []
    if table.pattern is not None:
        for match in table.pattern.finditer(text):
            entry = table.entry(match.group())
            if entry is not None:
                found.append((entry, match.start(), match.end()))
    for entry, start, end in structural_spans(language, text):
        if not any(s < end and start < e for _entry, s, e in found):
            found.append((entry, start, end))
    found.sort(key=lambda item: item[1])
    return found


# French and Spanish: a body's abbreviation in brackets right after its name, perhaps after a few lower-case
# words of it ("la Confederación General del Trabajo (CGT)", "le Secrétariat d'État à l'économie (SECO)", "el
# Instituto Nacional de Estadística y Censos (Indec)"): the story names the body by it afterwards ("le PNF").
_ABBREVIATION_AFTER = re.compile(r"(?:\s+[a-zà-ÿ'’]+){0,4}\s*\(([A-ZÁÉÍÓÚÑÀÈÇ][\w-]{1,11})\)")


def _initial(word: str) -> str:
    return unicodedata.normalize("NFD", word[:1])[:1].lower()


def abbreviations_defined(language: str, paragraphs: list[str]) -> dict[str, OrgEntry]:
    """The abbreviations a story defines for bodies no table gives one ("el Instituto Nacional de Estadística y
    Censos (Indec)"): written after the body's name in brackets, starting with its first letter, with two
    capitals or more ("PNF", "SECO") or a capital and lower-case letters ("Indec", "Monusco")."""
    if language not in ("fr", "es"):
        return {}
    table = organisation_table(language)
    defined: dict[str, OrgEntry] = {}
    for text in paragraphs:
        for entry, _start, end in organisation_spans(language, text):
            match = _ABBREVIATION_AFTER.match(text, end)
            if match is None:
                continue
            abbreviation = match.group(1)
            capitals = sum(c.isupper() for c in abbreviation)
            if (
                abbreviation in table.entries
                or abbreviation in entry.forms
                or _initial(abbreviation) != _initial(entry.name)
                or not (capitals >= 2 or len(abbreviation) >= 4 and abbreviation[1:].islower())
            ):
                continue
            defined.setdefault(abbreviation, replace(entry, abbreviation=entry.abbreviation or abbreviation))
    return defined


# Bodies no table lists, named by their structure (issue 19): a ministry with its complement ("el
# Ministerio de Economía", "le ministère de l'Intérieur", "das Ministerium für Bildung"), a German
# compound whose last part is the kind of body ("das Bundesgesundheitsministerium", "das Landgericht",
# "die Gesundheitsbehörde"), a court with its name ("el Tribunal Supremo", "la Cour de cassation") and
# a company by its legal form ("die Siemens AG", "Iberdrola S.A."). Complements stop before "de"/"von"
# so a country after the body ("Ministerio de Economía de Argentina") stays the body's country.
_CAP = r"[A-ZÁÉÍÓÚÑÀÈÂÊÎÔÛÇÄÖÜ][\w’'-]*"
_FR_ADJ = r"(?:\s+[a-zéèêîôûç]+(?:ère|ères|ale|ales|aux|ique|iques|elle|elles|ée|ées|é|és|eure|ieur|ieure))?"
_STRUCTURES = {
    "es": [
        (rf"[Mm]inisterio\s+(?:de(?:l|\s+la|\s+las|\s+los)?)\s+{_CAP}(?:\s+(?:y\s+|e\s+)?{_CAP})*", "government"),
        (rf"Tribunal\s+(?:{_CAP})(?:\s+{_CAP})*", "other"),
        (rf"{_CAP}(?:\s+{_CAP})?,?\s+(?:S\.\s?A\.|S\.\s?L\.|SA|SL)(?![\w.])", "company"),
    ],
    "fr": [
        (
            # "le ministère français des Armées", "le ministère algérien des Affaires étrangères"
            rf"[Mm]inistère\s+(?:[a-zéèêëîïôûç]{{4,}}\s+)?(?:de\s+l[’']|de\s+la\s+|des\s+|du\s+|de\s+){_CAP}{_FR_ADJ}"
            rf"(?:(?:,\s+|\s+et\s+)(?:de\s+l[’']|de\s+la\s+|des\s+|du\s+|de\s+)?{_CAP}{_FR_ADJ})*",
            "government",
        ),
        (
            r"Cour\s+(?:de\s+cassation|des\s+comptes|suprême|constitutionnelle|d[’']appel|pénale\s+internationale)",
            "other",
        ),
        (r"Conseil\s+(?:d[’']État|constitutionnel)", "other"),
        (rf"{_CAP}(?:\s+{_CAP})?,?\s+(?:SAS|SA|S\.A\.)(?![\w.])", "company"),
    ],
    "de": [
        (rf"(?:Ministerium|Departement)\s+für\s+(?:[a-zäöü]+e\s+)?{_CAP}(?:(?:,\s+|\s+und\s+){_CAP})*", "government"),
        # "das Robert Koch-Institut", "das Ifo-Institut", "die Konrad-Adenauer-Stiftung": a hyphenated name's body
        (r"[A-ZÄÖÜ][\w-]*-(?:Institut|Instituts|Institutes)", "other"),
        (
            r"[A-ZÄÖÜ][a-zäöüß-]{2,}(?:ministeriums?|amts|amtes|amt|behörde|gerichtshofs?|gerichtshofes"
            r"|gerichts|gerichtes|gericht|bank|verbands|verbandes|verband"
            # "die Staatsanwaltschaft", "die Rechtsanwaltskammer", "das Finanzdepartement" (Swiss)
            r"|anwaltschaft|kammer|departements?|spitals?|klinikums?|vereins?|vereinigung|kommandos?)"
            r"(?:\s+für\s+[A-ZÄÖÜ][\w-]+(?:(?:,\s+|\s+und\s+)[A-ZÄÖÜ][\w-]+)*)?"  # "das Bundesamt für Migration und …"
            r"(?:\s+[A-ZÄÖÜ][a-zäöüß]+er\s+[A-ZÄÖÜ][a-zäöüß]+)?",  # "der Bundesverband Deutscher Banken"
            None,
        ),
        # "die Stiftung Preußischer Kulturbesitz", "die Bertelsmann-Stiftung", "der Bund der Steuerzahler"
        (r"Stiftung(?:\s+[A-ZÄÖÜ][\w-]+){1,2}|[A-ZÄÖÜ][\w-]+-Stiftung|Bund\s+der\s+[A-ZÄÖÜ][\w-]+", "other"),
        (rf"{_CAP}(?:\s+{_CAP})?\s+(?:AG|GmbH|SE)(?![\w-])", "company"),
    ],
}
_GENITIVE_DE = re.compile(
    r"(ministerium|amt|gericht|gerichtshof|verband|departement|spital|klinikum|verein|kommando)(?:e?s)$"
)


# French and Spanish bodies named by a head noun of data/<lang>/bodies.tsv and what follows it: capitalised words
# ("la Corte Suprema", "el Consejo Nacional Electoral"), French adjectives ("le parquet national financier", "le
# tribunal correctionnel de Paris", "la Banque nationale de Belgique") and up to two complements opened by "de"
# ("la Defensoría del Pueblo", "la Federación de Trabajadores del Cobre"). A head alone is a body only when the
# table says so ("la Fiscalía", "le parquet"): "la Federación" alone refers back (_REFERENCE in __init__).
_ADJ_FR = (
    r"[a-zéèêëîïôûç]{2,}(?:al|ale|ales|aux|el|elle|ier|ière|if|ive|ique|iste|ien|ienne|ais|aise|ain|aine|ois|oise"
    r"|eur|é|ée|aire)"
)
_COMPLEMENT = {
    "es": rf"(?:\s+(?:de|del|de\s+la|de\s+las|de\s+los)\s+{_CAP}(?:\s+(?:y\s+|e\s+)?{_CAP})*)",
    "fr": (
        rf"(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|en\s+|à\s+l['’]|à\s+la\s+|aux\s+)"
        rf"{_CAP}(?:\s+(?:et\s+)?{_CAP}|\s+{_ADJ_FR})*"
        # a field in lower case after "à l'", "aux": "le Secrétariat d'État à l'économie", "le Haut-Commissariat
        # aux réfugiés"
        r"|\s+(?:à\s+l['’]|à\s+la\s+|aux\s+)[a-zéèêëîïôûç]{4,})"
    ),
}


@cache
def body_heads(language: str) -> dict[str, bool]:
    """Head nouns of bodies (data/<lang>/bodies.tsv) -> whether the noun alone names one."""
    path = DATA_DIR / language / "bodies.tsv"
    if not path.exists():
        return {}
    heads = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, _, alone = line.partition("\t")
            heads[head.strip()] = alone.strip() == "alone"
    return heads


def _heads_pattern(language: str) -> str | None:
    heads = body_heads(language)
    if not heads:
        return None
    ordered = sorted(heads, key=len, reverse=True)
    alternation = "|".join(_form_re(h) if h[:1].islower() else re.escape(h) for h in ordered)
    if language == "fr":
        return rf"(?:{alternation})(?:\s+{_ADJ_FR}){{0,2}}{_COMPLEMENT['fr']}{{0,2}}"
    return rf"(?:{alternation})(?:\s+{_CAP})*{_COMPLEMENT['es']}{{0,2}}"


@cache
def _structures(language: str) -> list[tuple[re.Pattern, str | None]]:
    patterns = list(_STRUCTURES.get(language, []))
    heads = _heads_pattern(language) if language in ("fr", "es") else None
    if heads:
        patterns.append((heads, "body"))
    return [(re.compile(rf"(?<![\w-]){p}(?![\w-])"), kind) for p, kind in patterns]


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@cache
def _given_names() -> frozenset[str]:
    """The common given names of data/people_given_names.txt (lower case, without accents)."""
    lines = (DATA_DIR / "people_given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(_plain(w) for line in lines if not line.startswith("#") for w in line.split())


@cache
def _not_bodies(language: str) -> frozenset[str]:
    """Words ending like a body's name that name none (data/<lang>/not_bodies.txt)."""
    path = DATA_DIR / language / "not_bodies.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def structural_spans(language: str, text: str) -> list[tuple[OrgEntry, int, int]]:
    found = []
    not_bodies = _not_bodies(language)
    for pattern, kind in _structures(language):
        for match in pattern.finditer(text):
            written = match.group()
            if written in not_bodies or any(s < match.end() and match.start() < e for _x, s, e in found):
                continue
            sort_of = kind
            end = match.end()
            if kind == "body":
                # "la Federación Española de Fútbol Luis Rubiales": the body's name ends before a given name
                for word in re.finditer(r"[^\W\d_]+", written):
                    if word.start() and _plain(word.group()) in _given_names():
                        written = written[: word.start()].rstrip()
                        end = match.start() + len(written)
                        break
                head = written.split()[0]
                alone = body_heads(language).get(head, body_heads(language).get(head[0].swapcase() + head[1:]))
                if written == head and not alone:
                    continue  # "la Federación" alone: a reference back, not a name
                sort_of = "other"
            name = _GENITIVE_DE.sub(r"\1", written) if language == "de" else written
            name = name[0].upper() + name[1:]  # "el ministerio de Economía": one body with "Ministerio de Economía"
            sort = sort_of or ("other" if "gericht" in name or name.endswith("bank") else "government")
            found.append((OrgEntry(name, "", sort, None, (written,)), match.start(), end))
    return found


def _country_beside(language: str, text: str, start: int, end: int) -> str | None:
    """A country written right before ("das russische Außenministerium") or after ("la cancillería
    mexicana", "Ministerio de Exteriores de Venezuela") a body's name."""
    lex = lexicon(language)
    before = text[max(0, start - 30) : start]
    for code, kind, _s, e in country_codes(lex, before):
        if kind == "adj" and before[e:].strip() == "":
            return code
    after = text[end : end + 40]
    joined = re.match(r"^(?:\s+(?:de|del|von|des)\s+|\s+)", after)
    if joined:
        for code, _kind, s, _e in country_codes(lex, after):
            if s == joined.end():
                return code
    return None


def find_organisations(
    language: str, paragraphs: list[str], extra: dict[str, OrgEntry] | None = None
) -> tuple[list[OrganisationMention], list[list]]:
    """The organisations of a story and, per paragraph, (start, end, name) of each mention; `extra`: the
    story's own names of its bodies (story_bodies)."""
    found: dict[tuple[str, str | None], OrganisationMention] = {}  # China's and Japan's ministry differ
    spans: list[list] = []
    for index, text in enumerate(paragraphs):
        here = []
        for entry, start, end in spans_with(language, text, extra or {}):
            country = entry.country or _country_beside(language, text, start, end)
            key = (entry.name, country)
            if country is None or entry.country:  # bare "Außenministerium" after "das russische Außenministerium"
                key = next((k for k in found if k[0] == entry.name), key)
            mention = found.get(key)
            if mention is None:
                mention = found[key] = OrganisationMention(
                    name=entry.name,
                    abbreviation=entry.abbreviation,
                    kind=entry.kind,
                    country=country,
                    mentions=0,
                    spans=[],
                )
            mention.mentions += 1
            mention.spans.append(Span(index, start, end))
            here.append((start, end, entry.name))
        spans.append(here)
    return list(found.values()), spans


@cache
def references(language: str) -> dict[str, tuple[str, ...]]:
    """French and Spanish nouns that refer back to a body named before (data/<lang>/references.tsv) -> what the
    body's written name must hold (empty: any body)."""
    path = DATA_DIR / language / "references.tsv"
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, _, fits = line.partition("\t")
            found[noun.strip()] = tuple(f.strip() for f in fits.split(",") if f.strip() and f.strip() != "*")
    return found


@cache
def _body_kinds(language: str) -> re.Pattern | None:
    """German: a noun for a kind of body, then a name (data/<lang>/body_kinds.txt), or None."""
    path = DATA_DIR / language / "body_kinds.txt"
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    kinds = sorted((w.strip() for w in lines if w.strip() and not w.startswith("#")), key=len, reverse=True)
    alternation = "|".join(re.escape(k) for k in kinds)
    capitalised = "|".join(re.escape(k[0].upper() + k[1:]) for k in kinds)
    return re.compile(
        rf"(?<![\w-])(?P<kind>[A-ZÄÖÜ][\w-]*?(?:{alternation})|{capitalised})"
        r"\s+(?P<name>[A-ZÄÖÜ][\w.&'’-]*[\w&](?:\s+(?:&\s+)?[A-ZÄÖÜ][\w.&'’-]*[\w&])?)"
    )


# A town's administration where it speaks ("teilte die Stadt Köln mit", "ein Sprecher der Stadt Köln", "Die Stadt
# Köln erklärte"), not "die ukrainische Stadt Charkiw", a place
_TOWN_SPEAKING = (
    r"(?:\b(?:{verbs})\s+die\s+|\bSprecher(?:in)?\s+der\s+|(?:^|[.!?]\s+)Die\s+)"
    r"(?P<town>Stadt\s+[A-ZÄÖÜ][a-zäöüß]+)(?=\s+(?:{verbs}|mit|am|an)\b|[,.])"
)


@cache
def _town_speaking(language: str) -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in sorted(lexicon(language).verbs, key=len, reverse=True))
    return re.compile(_TOWN_SPEAKING.format(verbs=verbs))


# Endings of German common nouns (plurals, abstracts): a word after a body's kind with one is its object
_NOUN_ENDS = ("en", "ern", "ung", "heit", "keit", "ion", "ität", "schaft", "nis", "tum", "mittel")
_BRACKETED = re.compile(r"\s*\((?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7})\)")


def story_bodies(language: str, paragraphs: list[str], given_names=frozenset()) -> dict[str, OrgEntry]:
    """German: names a story gives its bodies (issue 19): a name after a noun for the body's kind ("der
    Flughafenverband ADV", "die Organisation Pro Asyl", "das UN-Kinderhilfswerk Unicef") and an abbreviation in
    brackets after a body ("der Verfassungsgerichtshof (VfGH)", "das Bundesamt für … (Bamf)"): written form ->
    the body, so "teilte das Wifo mit" and "hieß es beim VfGH" are the body speaking. A name opening with a
    given name ("die Stiftung Hans Müller") or a country is left alone."""
    if language != "de":
        return {}
    kinds = _body_kinds(language)
    lex = lexicon(language)
    found: dict[str, OrgEntry] = {}
    for text in paragraphs:
        named = organisation_spans(language, text)
        for match in kinds.finditer(text) if kinds else ():
            if any(s < match.end() and match.start("name") < e for _entry, s, e in named):
                continue  # "die Stiftung Preußischer Kulturbesitz": a body of the table or structure already
            name = match.group("name")
            words = name.split()
            if len(words) == 2 and len(words[0]) > 3 and not words[1].isupper() and "&" not in name:
                name = words[0]  # "IG Metall", "Pro Asyl", "Pro Bahn", "Bund BTS"; not "Verdi Streiks"
            if name.lower() in given_names or country_codes(lex, name) or organisation_table(language).entry(name):
                continue
            if name.lower() in {w.lower() for w in lex.voice}:
                continue
            if " " not in name and not re.search(r"[A-ZÄÖÜ&.\d]", name[1:]) and name.endswith(_NOUN_ENDS):
                continue  # "zahlte dem Konzern Milliarden", "gab der Behörde Daten": a noun, not a name
            entry = found.setdefault(name, OrgEntry(name, name if name.isupper() else "", "other", None, (name,)))
            first = name.split()[0]
            if " " in name and first.isupper() and len(first) >= 2:  # "BLG Logistics", then "teilte die BLG mit"
                found.setdefault(first, entry)
        for town in _town_speaking(language).finditer(text):
            name = town.group("town")
            found.setdefault(name, OrgEntry(name, "", "government", None, (name,)))
        for entry, _start, end in named:
            bracket = _BRACKETED.match(text, end)
            if bracket is None:
                continue
            abbr = bracket.group("abbr")
            capitals = sum(c.isupper() for c in abbr)
            if capitals >= 2 or abbr[0] == entry.name[0]:
                found.setdefault(abbr, OrgEntry(entry.name, abbr, entry.kind, entry.country, (abbr,)))
    return found


def spans_with(language: str, text: str, extra: dict[str, OrgEntry]) -> list[tuple[OrgEntry, int, int]]:
    """organisation_spans, and the story's own names of its bodies (abbreviations_defined, story_bodies) where none
    stands; a body
    found by its structure right before such a name is the same body ("der Flughafenverband ADV")."""
    found = organisation_spans(language, text)
    if not extra:
        return found
    table = organisation_table(language)
    forms = "|".join(re.escape(f) for f in sorted(extra, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w-])(?:{forms})(?![\w-])", text):
        start, end = match.start(), match.end()
        if any(s < end and start < e for _entry, s, e in found):
            continue
        kinds = _body_kinds(language)
        apposed = next((m for m in kinds.finditer(text) if m.start("name") == start), None) if kinds else None
        if apposed is not None:  # "die Gewerkschaft VPOD": the kind noun and the name are the body's written name
            found = [item for item in found if not (item[1] < start and apposed.start() < item[2])]
            found.append((extra[match.group()], apposed.start(), end))
            continue
        kind_noun = [
            item
            for item in found
            if item[2] <= start and not text[item[2] : start].strip() and not table.entry(text[item[1] : item[2]])
        ]
        if kind_noun:
            found.remove(kind_noun[-1])
            start = kind_noun[-1][1]
        found.append((extra[match.group()], start, end))
    found.sort(key=lambda item: item[1])
    return found


def canonical_name(language: str, written: str) -> str | None:
    """The organisation a written name stands for ("ONU" -> "United Nations"), or None."""
    entry = organisation_table(language).entry(written.strip())
    return entry.name if entry else None
