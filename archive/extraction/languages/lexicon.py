"""The words extraction reads French, Spanish and German stories by: country names, adjectives and
capitals, reporting verbs, "according to" forms, honorifics, roles and words that are never names.

They are data, one folder per language (archive/extraction/data/<lang>/: countries.tsv,
speech.tsv, non_names.txt), reviewed by hand; pycountry's own translations of the ISO 3166 names
(its gettext catalogs) are added to each language's countries. Loaded once per language.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANGUAGES = ("fr", "es", "de")
BLOCK = "-"


@dataclass
class Lexicon:
    language: str
    countries: dict[str, tuple[str, str]]  # form -> (code, kind): kind name, capital, adj
    country_re: re.Pattern
    verbs: frozenset[str]  # reporting verbs as the language writes them after a subject
    present: frozenset[str]  # French: present forms inverted with "-t-il"
    pronouns: frozenset[str]
    according: tuple[str, ...]  # longest first
    honorifics: frozenset[str]
    roles: frozenset[str]
    role_re: re.Pattern | None  # German: role nouns are compounds, matched by their end
    non_names: frozenset[str]
    verb_re: str = field(default="")
    subordinate: frozenset[str] = frozenset()  # German: verbs ending a "wie X mitteilte" clause
    subjunctive: frozenset[str] = frozenset()  # German: Konjunktiv forms of reported speech
    # German: Konjunktiv II forms the narrator uses too ("wäre", "hätte"): reported speech going on only where
    # the sentence tells no fact of its own (languages._Story._continuation)
    conditional: frozenset[str] = frozenset()
    voice: frozenset[str] = frozenset()  # words a body's voice is named with ("porte-parole", "Sprecher")
    demonyms: frozenset[str] = frozenset()  # German: "der Brite", "die Französin" stand for a person, as a role does
    media_re: re.Pattern | None = None  # German: a news medium ("der Deutschen Presse-Agentur"), by its noun's end
    # German: nouns for a party's members ("der Sozialdemokrat", "die Grüne") -> the parties they may mean
    members: dict[str, frozenset[str]] = field(default_factory=dict)
    # German: role nouns -> stems of the other offices they may stand for ("Staatsoberhaupt": "präsident")
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _inflect(language: str, base: str) -> list[str]:
    """The forms of a country adjective from its masculine singular (German: its stem in -isch)."""
    if language == "fr":
        if base.endswith(("ien", "éen", "on")):
            return [base, base + "ne", base + "s", base + "nes"]
        if base.endswith("e"):
            return [base, base + "s"]
        if base.endswith("s"):
            return [base, base + "e", base + "es"]
        return [base, base + "e", base + "s", base + "es"]
    if language == "es":
        if base.endswith("o"):
            return [base, base[:-1] + "a", base + "s", base[:-1] + "as"]
        if base.endswith("és"):
            stem = base[:-2] + "es"
            return [base, stem + "a", stem + "es", stem + "as"]
        if base.endswith("án"):
            stem = base[:-2] + "an"
            return [base, stem + "a", stem + "es", stem + "as"]
        if base.endswith("í"):
            return [base, base + "es", base + "s"]
        if base.endswith(("e", "a")):
            return [base, base + "s"]
        if base.endswith("l"):
            return [base, base + "a", base + "es", base + "as"]
        return [base, base + "s"]
    return [base, base + "e", base + "en", base + "er", base + "es", base + "em"]


def _genitive(name: str) -> list[str]:
    return [name] if name[-1] in "eisxz" or " " in name else [name, name + "s"]


@cache
def lexicon(language: str) -> Lexicon:
    folder = DATA_DIR / language
    countries: dict[str, tuple[str, str]] = {}
    try:
        catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for country in pycountry.countries:
            name = catalog.gettext(country.name)
            if name != country.name or language == "de":
                if "," not in name and "(" not in name:
                    countries.setdefault(name, (country.alpha_2, "name"))
    except OSError:  # pycountry without its catalogs: the reviewed table alone
        pass
    for code, kind, forms in _rows(folder / "countries.tsv"):
        for form in forms.split("|"):
            if kind == "block":
                countries[form] = (BLOCK, "block")
            elif kind == "name":
                for name in _genitive(form) if language == "de" else [form]:
                    countries[name] = (code, "name")
            elif kind == "capital":
                countries[form] = (code, "capital")
            elif kind in ("adj", "form"):
                words = _inflect(language, form) if kind == "adj" else [form]
                for word in words:
                    countries[word] = (code, "adj")
                    if language != "de":
                        countries[word[0].upper() + word[1:]] = (code, "adj")  # "les Français"
    # Longest first, so "Corée du Sud" wins over "Corée" and "Amérique latine" (blocked) over "Amérique".
    forms = sorted(countries, key=len, reverse=True)
    country_re = re.compile(r"(?<![\w])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    speech: dict[str, list[str]] = {}
    for kind, forms_text in _rows(folder / "speech.tsv"):
        speech.setdefault(kind, []).extend(forms_text.split("|"))
    roles = frozenset(speech.get("role", []))
    role_re = None
    if language == "de":
        role_re = re.compile(
            r"(?i)^[\w-]*(?:" + "|".join(sorted(roles, key=len, reverse=True)) + r")(?:in|innen|s|n|en|r|e)?$"
        )
    non_names = frozenset(
        word
        for line in (folder / "non_names.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for word in line.split()
    )
    return Lexicon(
        language=language,
        countries=countries,
        country_re=country_re,
        verbs=frozenset(
            speech.get("verb", [])
            # Spanish perfect tenses, as Europa Press writes them: "ha afirmado", "han explicado", "había dicho"
            + [f"{aux} {p}" for p in speech.get("participle", []) for aux in ("ha", "han", "había", "habían")]
        ),
        present=frozenset(speech.get("present", [])),
        pronouns=frozenset(speech.get("pronoun", [])),
        according=tuple(sorted(speech.get("according", []), key=len, reverse=True)),
        honorifics=frozenset(speech.get("honorific", [])),
        roles=roles,
        role_re=role_re,
        non_names=non_names,
        subordinate=frozenset(speech.get("subordinate", [])),
        subjunctive=frozenset(speech.get("subjunctive", [])),
        conditional=frozenset(speech.get("conditional", [])),
        voice=frozenset(speech.get("voice", [])),
        demonyms=frozenset(speech.get("demonym", [])),
        members={
            noun: frozenset(filter(None, parties.split(",")))
            for noun, _, parties in (form.partition(":") for form in speech.get("member", []))
        },
        aliases={
            noun: tuple(filter(None, stems.split(",")))
            for noun, _, stems in (form.partition(":") for form in speech.get("alias", []))
        },
        media_re=(
            re.compile(r"(?:" + "|".join(sorted(map(re.escape, speech["medium"]), key=len, reverse=True)) + r")$", re.I)
            if speech.get("medium")
            else None
        ),
    )


def is_role(lex: Lexicon, word: str) -> bool:
    if word in lex.demonyms or word in lex.members:
        return True
    lowered = word.lower()
    if lex.language in ("fr", "es") and lowered.startswith("ex") and len(lowered) > 4:
        # "l'ex-ministre", "la exalcaldesa", "el expresidente": a former holder of the role
        bare = lowered[3:] if lowered.startswith("ex-") else lowered[2:]
        if bare in lex.roles:
            return True
    if lex.role_re is not None:
        return bool(lex.role_re.match(word)) and len(word) > 3
    return word.lower() in lex.roles


def country_codes(lex: Lexicon, text: str) -> list[tuple[str, str, int, int]]:
    """(code, kind, start, end) of each country form in the text, blocks left out."""
    found = []
    for match in lex.country_re.finditer(text):
        code, kind = lex.countries[match.group(1)]
        if code != BLOCK:
            found.append((code, kind, match.start(), match.end()))
    return found
