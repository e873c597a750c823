"""Extraction against hand-annotated gold stories (tests/data/gold): countries, people, speakers.

    .venv/bin/python -m bench.extraction_gold          # the table
    .venv/bin/python -m bench.extraction_gold -v       # and every miss and false positive

Matching rules:
- people: a gold person is found when an extracted person shares its last name word (case-insensitive);
  an extracted person matching no gold person (must or may) is a false positive.
- statements: an extracted statement matches a gold one when its text contains quote_contains (and its
  paragraph contains paragraph_contains, when given). Attribution is correct when the speaker agrees
  (person by last name word, organisation by name words, or one of `accept`). An extracted statement
  with a speaker that is wrong, or that matches no gold statement, is a false positive; one left
  unresolved where gold names a speaker is a miss, not a false positive.
- PEOPLE tags (labels.jsonl) over all 400 stories: `james-baker` needs first and last name words,
  `yeutter` the surname, among the extracted people's names and forms; a hyphenated name gives
  its parts too (`leigh-pemberton` is found in "Robin Leigh-Pemberton").
- organisation names compare words without hyphens ("Co-operation" = "Cooperation").
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from archive.extraction import extract  # noqa: E402

GOLD_DIR = PROJECT_DIR / "tests" / "data" / "gold"
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus" / "reuters21578"
_HEADER_RE = re.compile(r"\A\s*date\s+(\S+)\s*\n")


def load_story(path: Path):
    """Run extraction on one story file of the seed format."""
    return extract(path.read_text(encoding="utf-8"))


def _words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'-]+", name)]


def _last(name: str) -> str:
    words = _words(name)
    return words[-1] if words else ""


def _same_person(gold: str, found: str) -> bool:
    return _last(gold) == _last(found) or _last(gold) in _words(found)


def _same_organisation(gold: str, found: str) -> bool:
    # "Co-operation" and "Cooperation" are one spelling of the same word.
    gold_words = {w.replace("-", "") for w in _words(gold)}
    found_words = {w.replace("-", "") for w in _words(found)}
    return bool(gold_words) and (gold_words <= found_words or found_words <= gold_words)


def _speaker_matches(gold: dict, statement) -> bool:
    names = [gold.get("speaker"), gold.get("speaker_organisation"), *gold.get("accept", [])]
    for name in filter(None, names):
        if statement.speaker_person and _same_person(name, statement.speaker_person):
            return True
        if statement.speaker_organisation and _same_organisation(name, statement.speaker_organisation):
            return True
    return False


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.notes: list[str] = []

    def add(self, key: str, note: str = "") -> None:
        self.counts[key] = self.counts.get(key, 0) + 1
        if note:
            self.notes.append(note)

    def ratio(self, good: str, bad: str) -> float:
        total = self.counts.get(good, 0) + self.counts.get(bad, 0)
        return self.counts.get(good, 0) / total if total else 1.0


def score_story(gold: dict, result, tally: Tally) -> None:
    name = gold["file"]
    _score_countries(gold, result, tally, name)
    _score_people(gold, result, tally, name)
    _score_statements(gold, result, tally, name)


def _score_countries(gold, result, tally, name) -> None:
    found = {c.code for c in result.countries}
    must, may = set(gold["countries"]["must"]), set(gold["countries"].get("may", []))
    for code in must:
        note = "" if code in found else f"{name}: missed country {code}"
        tally.add("country_tp" if code in found else "country_fn", note)
    for code in found - must - may:
        tally.add("country_fp", f"{name}: extra country {code}")
    tally.counts["country_found"] = tally.counts.get("country_found", 0) + len(found & must)


def _score_people(gold, result, tally, name) -> None:
    must = [p["name"] for p in gold["people_mentioned"]["must"]]
    may = [p["name"] for p in gold["people_mentioned"].get("may", [])]
    found = [p.name for p in result.people]
    for person in must:
        hit = any(_same_person(person, f) for f in found)
        tally.add("person_found" if hit else "person_missed", "" if hit else f"{name}: missed person {person}")
    for person in found:
        good = any(_same_person(g, person) for g in must + may)
        tally.add("person_right" if good else "person_wrong", "" if good else f"{name}: not a person {person!r}")


def _score_statements(gold, result, tally, name) -> None:
    paragraphs = result.document.paragraphs
    used = set()
    for item in gold["statements"]:
        matches = [
            s for s in result.statements
            if item["quote_contains"] in s.text
            and item.get("paragraph_contains", "") in paragraphs[s.paragraph]
        ]
        used.update(id(s) for s in matches)
        has_speaker = bool(item.get("speaker") or item.get("speaker_organisation"))
        resolved = [s for s in matches if s.speaker_person or s.speaker_organisation]
        right = [s for s in resolved if _speaker_matches(item, s)]
        for s in resolved:
            if s not in right:
                expected = item.get("speaker") or item.get("speaker_organisation") or item.get("speaker_label")
                given = s.speaker_person or s.speaker_organisation
                tally.add("attribution_wrong", f"{name}: {item['quote_contains']!r} given to {given}, gold {expected}")
        if right:
            tally.add("attribution_right")
        if has_speaker and not item.get("optional"):
            hit = bool(right)
            expected = item.get("speaker") or item.get("speaker_organisation")
            note = "" if hit else f"{name}: missed speaker {expected} for {item['quote_contains']!r}"
            tally.add("attribution_found" if hit else "attribution_missed", note)
    for s in result.statements:
        if id(s) not in used and (s.speaker_person or s.speaker_organisation):
            tally.add("attribution_wrong", f"{name}: unmatched attributed statement {s.text[:60]!r} "
                      f"({s.speaker_person or s.speaker_organisation})")


def _tag_found(tag: str, result) -> bool:
    names = set()
    for person in result.people:
        for form in [person.name, *person.forms]:
            names.update(_words(form))
            names.update(re.split(r"[\s-]+", form.lower()))  # "leigh-pemberton" is two tag parts
    parts = [p for p in tag.split("-") if p]
    return all(p in names for p in parts)


def gold_rows(verbose: bool = False) -> list[tuple[str, str, str]]:
    tally = Tally()
    files = sorted(GOLD_DIR.glob("*.json"))
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        story = CORPUS_DIR / "diplomatic" / gold["file"]
        if story.exists():
            score_story(gold, load_story(story), tally)
    rows = [
        ("gold stories", str(len(files)), "≥ 40"),
        ("country precision", f"{tally.ratio('country_tp', 'country_fp'):.3f}", ""),
        ("country recall", f"{tally.ratio('country_tp', 'country_fn'):.3f}", ""),
        ("people precision", f"{tally.ratio('person_right', 'person_wrong'):.3f}", "≥ 0.90"),
        ("people recall", f"{tally.ratio('person_found', 'person_missed'):.3f}", ""),
        ("attribution precision", f"{tally.ratio('attribution_right', 'attribution_wrong'):.3f}", "≥ 0.92"),
        ("attribution recall", f"{tally.ratio('attribution_found', 'attribution_missed'):.3f}", "≥ 0.85"),
    ]
    rows.extend(_corpus_rows(tally))
    if verbose:
        for note in tally.notes:
            print(note)
    return rows


def _corpus_rows(tally: Tally) -> list[tuple[str, str, str]]:
    labels = CORPUS_DIR / "labels.jsonl"
    if not labels.exists():
        return []
    tags = found = stories = 0
    started = time.perf_counter()
    for line in labels.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        result = load_story(CORPUS_DIR / "diplomatic" / record["file"])
        stories += 1
        for tag in record["people"]:
            tags += 1
            hit = _tag_found(tag, result)
            found += hit
            if not hit:
                tally.notes.append(f"{record['file']}: PEOPLE tag {tag} not found")
    elapsed = time.perf_counter() - started
    return [
        ("PEOPLE tag recall (400)", f"{found / tags:.3f}" if tags else "-", "≥ 0.95"),
        ("extract() stories/second", f"{stories / elapsed:.0f}", "≥ 500"),
    ]


if __name__ == "__main__":
    table = gold_rows(verbose="-v" in sys.argv)
    width = max(len(r[0]) for r in table)
    for metric, value, target in table:
        print(f"{metric:<{width}}  {value:>8}  {target}")
