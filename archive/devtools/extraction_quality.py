"""Quality and speed of extraction over the 400 diplomatic Reuters stories.

    .venv/bin/python -m bench.extraction_quality            # the table
    .venv/bin/python -m bench.extraction_quality --misses   # plus the missed tags, story by story
    .venv/bin/python -m bench.extraction_quality --stages   # plus CPU time per extraction stage
    .venv/bin/python -m bench.extraction_quality --no-corpus   # without the all.jsonl pass (~20 s)

Recall is measured against the collection's editorial tags (labels.jsonl): PLACES by the
extracted countries, ORGS by the extracted organisations, PEOPLE by the extracted people.
The tags list what a story is about, so recall is the honest figure; precision is not
measured here. The corpus lies in ../shared beside the project (ARCHIVE_SHARED_DIR overrides).

The gold figures (archive/devtools/extraction_gold.py) come for its development and test parts apart:
person-speaker and organisation-speaker precision and recall and people precision, for each part as
a whole, for its 1987 wire stories and (speakers only) for its modern English news, each kind with
the issue's targets for it, and the dev - test gap of person-speaker recall of each kind. Over all
of all.jsonl (19,043 stories, read as `import_documents` reads JSON Lines) the share of statements
left with no resolved speaker.

Speed is CPU time (time.process_time) of extract() over all stories, the median of --runs runs:
on a machine shared with other work, wall-clock time measures the neighbours too. Those runs read
stories extraction has seen before (its caches across stories hold their words, and the readings
of their capitalised runs, role phrases and organisations' runs), so the first pass over them is
printed beside it: after a warm-up on other all.jsonl stories (data files loaded, common words
cached, as in a long import), one pass over the 400 as unseen stories. One pass is noisier than a
median; an unseen story costs about a fifth more (the first pass runs at 0.78-0.85 of the median's
rate; callgrind: 7.0M instructions per seen story).
tests/test_extraction_quality.py asserts the recall and gold figures with this code, not speed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from archive.extraction import Extraction, extract
from archive.extraction.countries import country_for_place, find_countries
from archive.extraction.document import parse_document
from archive.extraction.organisations import CODES_BY_NAME, find_organisations
from archive.extraction.people import find_people
from archive.extraction.statements import find_statements
from archive.importing.readers.fields import document_from_record

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent

SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus" / "reuters21578"
SEED = PROJECT_DIR / "seeds" / "000_1385e5d573d3216b.txt"
SEED_EXPECTED = PROJECT_DIR / "tests" / "data" / "000_1385e5d573d3216b.expected.json"

TARGETS = {"places": 0.97, "orgs": 0.90, "people": 0.95}
SPEED_TARGET = 1000  # stories per CPU second
# PLACES tags whose name is not a country name the alias table knows.
PLACE_TAGS = {
    "usa": "US",
    "uk": "GB",
    "ussr": "SU",
    "uae": "AE",
    "west-germany": "DE",
    "east-germany": "DD",
    "hong-kong": "HK",
    "trinidad-tobago": "TT",
    "us-virgin-islands": "VI",
    "zaire": "CD",
    "kampuchea": "KH",
}


@dataclass
class Story:
    file: str
    text: str
    tags: dict[str, list[str]]


@dataclass
class Row:
    name: str
    found: int
    total: int
    target: float | None = None
    misses: dict[str, list[str]] = field(default_factory=dict)

    @property
    def value(self) -> float:
        return self.found / self.total if self.total else 1.0


def place_code(tag: str) -> str | None:
    return PLACE_TAGS.get(tag) or country_for_place(tag.replace("-", " "))


def person_matches(tag: str, names: list[str]) -> bool:
    """`james-baker` matches "James A. Baker"; `yeutter` matches any name ending "Yeutter"."""
    parts = tag.split("-")
    for name in names:
        words = name.lower().replace("-", " ").split()
        if len(parts) == 1 and words and words[-1] == parts[0]:
            return True
        if len(parts) > 1 and " ".join(words).endswith(" ".join(parts[1:])) and words[0] == parts[0]:
            return True
        if len(parts) > 1 and " ".join(words[-len(parts) :]) == " ".join(parts):
            return True  # "von-weizsaecker", "de-clercq"
    return False


def load_stories(corpus_dir: Path) -> list[Story]:
    stories = []
    with open(corpus_dir / "labels.jsonl", encoding="utf-8") as labels:
        for line in labels:
            label = json.loads(line)
            text = (corpus_dir / "diplomatic" / label["file"]).read_text(encoding="utf-8")
            tags = {key: label[key] for key in ("places", "orgs", "people")}
            stories.append(Story(label["file"], text, tags))
    return stories


def recall_rows(stories: list[Story], results: list[Extraction]) -> list[Row]:
    places = Row("PLACES recall (countries)", 0, 0, TARGETS["places"])
    orgs = Row("ORGS recall (organisations)", 0, 0, TARGETS["orgs"])
    people = Row("PEOPLE recall (people)", 0, 0, TARGETS["people"])
    for story, result in zip(stories, results, strict=True):
        codes = {country.code for country in result.countries}
        org_codes = {CODES_BY_NAME.get(org.name) for org in result.organisations}
        names = [person.name for person in result.people]
        _score(places, story.file, [(tag, place_code(tag) in codes) for tag in story.tags["places"]])
        _score(orgs, story.file, [(tag, tag in org_codes) for tag in story.tags["orgs"]])
        _score(people, story.file, [(tag, person_matches(tag, names)) for tag in story.tags["people"]])
    return [places, orgs, people]


def _score(row: Row, file: str, outcomes: list[tuple[str, bool]]) -> None:
    for tag, found in outcomes:
        row.total += 1
        if found:
            row.found += 1
        else:
            row.misses.setdefault(file, []).append(tag)


def seed_row() -> Row:
    """How many of the seed's 'must' items (date, dateline, source, credits, countries,
    people, organisations) the extraction finds."""
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    result = extract(SEED.read_text(encoding="utf-8"))
    doc = result.document
    checks = {
        "date": str(doc.date) == expected["date"],
        "source": doc.source == expected["source"],
        "dateline": doc.dateline_places == expected["dateline"],
        "credits.reporting": doc.credits.reporting == expected["credits"]["reporting"],
        "credits.editing": doc.credits.editing == expected["credits"]["editing"],
    }
    codes = {country.code for country in result.countries}
    dateline_codes = {country.code for country in result.countries if country.in_dateline}
    for code in expected["countries"]["must"]:
        checks[f"country {code}"] = code in codes
    for code in expected["countries"]["dateline"]:
        checks[f"dateline country {code}"] = code in dateline_codes
    names = {person.name for person in result.people}
    for person in expected["people_mentioned"]["must"]:
        checks[f"person {person['name']}"] = person["name"] in names
    orgs = {org.name for org in result.organisations}
    for org in expected["organisations"]["must"]:
        checks[f"organisation {org}"] = org in orgs
    missed = [name for name, ok in checks.items() if not ok]
    return Row("seed must items found", len(checks) - len(missed), len(checks), 1.0, {SEED.name: missed})


WARM_UP_STORIES = 300  # all.jsonl stories outside the 400, extracted before the first pass


def first_pass(stories: list[Story], corpus_dir: Path) -> tuple[list[Extraction], float]:
    """The extractions of the stories and stories per CPU second of that one pass, after a warm-up
    on other stories of all.jsonl (the seed alone when there is none)."""
    files = {story.file for story in stories}
    warm_up = [SEED.read_text(encoding="utf-8")]
    if (corpus_dir / "all.jsonl").exists():
        with open(corpus_dir / "all.jsonl", encoding="utf-8") as corpus:
            for line in corpus:
                record = json.loads(line)
                if f"r21578-{record['id']}.txt" not in files and record.get("body"):
                    warm_up.append(record["body"])
                if len(warm_up) > WARM_UP_STORIES:
                    break
    for text in warm_up:
        extract(text)
    start = time.process_time()
    results = [extract(story.text) for story in stories]
    return results, len(stories) / (time.process_time() - start)


def speed(stories: list[Story], runs: int = 5) -> float:
    """Median stories per CPU second of extract() over all stories, one process."""
    rates = []
    for _ in range(runs):
        start = time.process_time()
        for story in stories:
            extract(story.text)
        rates.append(len(stories) / (time.process_time() - start))
    return statistics.median(rates)


def stage_times(stories: list[Story], runs: int = 5) -> dict[str, float]:
    """Median CPU milliseconds per story of each stage of extract(), in its order."""
    totals: dict[str, list[float]] = {}
    for _ in range(runs):
        spent = dict.fromkeys(("document", "organisations", "countries", "people", "statements"), 0.0)
        for story in stories:
            t0 = time.process_time()
            document = parse_document(story.text)
            t1 = time.process_time()
            organisations = find_organisations(document)
            t2 = time.process_time()
            find_countries(document)
            t3 = time.process_time()
            people = find_people(document, organisations)
            t4 = time.process_time()
            find_statements(document, people, organisations)
            t5 = time.process_time()
            for stage, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                spent[stage] += seconds
        for stage, seconds in spent.items():
            totals.setdefault(stage, []).append(seconds * 1000 / len(stories))
    return {stage: statistics.median(times) for stage, times in totals.items()}


def gold_rows(**options) -> list[tuple[str, str, str]]:
    """(measure, value, target) rows of the hand-made gold (archive/devtools/extraction_gold.py), by part."""
    from archive.devtools import extraction_gold

    return [tuple(str(cell) for cell in row) for row in extraction_gold.gold_rows(**options)]


def unresolved_share(corpus_dir: Path) -> tuple[int, int, int]:
    """(stories, statements, statements with no resolved speaker) over all.jsonl, each record
    read as `import_documents` reads a JSON Lines record."""
    stories = statements = unresolved = 0
    with open(corpus_dir / "all.jsonl", encoding="utf-8") as corpus:
        for number, line in enumerate(corpus, start=1):
            raw = document_from_record(
                json.loads(line), location=f"all.jsonl:{number}", format="jsonl", encoding="utf-8"
            )
            if not hasattr(raw, "text"):
                continue  # a record the importer refuses
            result = extract(
                raw.text,
                title=raw.title or None,
                date=raw.date,
                dateline=raw.dateline or None,
                source=raw.source or None,
            )
            stories += 1
            statements += len(result.statements)
            unresolved += sum(1 for s in result.statements if not (s.speaker_person or s.speaker_organisation))
    return stories, statements, unresolved


def gold_figures(rows: list[tuple[str, str, str]]) -> dict[str, tuple[float, float | None]]:
    """measure -> (value, target) of the numeric gold rows: ("dev: people precision", "0.991", "≥ 0.95")."""
    figures = {}
    for name, value, target in rows:
        if value.replace(".", "", 1).isdigit():
            figures[name] = (float(value), float(target.lstrip("≥< ")) if target else None)
    return figures


def print_table(rows: list[Row], rate: float, runs: int, first: float | None = None) -> None:
    print(f"{'measure':<36} {'found':>7} {'total':>7} {'value':>7} {'target':>7}")
    for row in rows:
        target = f"{row.target:.2f}" if row.target is not None else ""
        flag = "" if row.target is None or row.value >= row.target else "  < target"
        print(f"{row.name:<36} {row.found:>7} {row.total:>7} {row.value:>7.3f} {target:>7}{flag}")
    flag = "" if rate >= SPEED_TARGET else "  < target"
    label = f"speed, stories/CPU s (median of {runs})"
    print(f"{label:<36} {'':>7} {'':>7} {rate:>7.0f} {SPEED_TARGET:>7}{flag}")
    if first is not None:
        print(f"{'speed, first pass over unseen stories':<36} {'':>7} {'':>7} {first:>7.0f}")


def print_stages(times: dict[str, float]) -> None:
    print(f"\n{'CPU ms per story, by stage (median)':<36}")
    for stage, ms in times.items():
        print(f"  {stage:<34} {ms:>7.3f}")
    print(f"  {'sum':<34} {sum(times.values()):>7.3f}")


def print_misses(rows: list[Row]) -> None:
    for row in rows:
        if not any(row.misses.values()):
            continue
        print(f"\n{row.name}: missed")
        for file, tags in sorted(row.misses.items()):
            if tags:
                print(f"  {file}: {', '.join(tags)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the missed tags per story")
    parser.add_argument("--runs", type=int, default=5, help="timing runs (median is reported)")
    parser.add_argument("--stages", action="store_true", help="CPU time of each extraction stage too")
    parser.add_argument("--no-corpus", action="store_true", help="skip the unresolved share over all.jsonl")
    args = parser.parse_args(argv)
    if not (CORPUS_DIR / "diplomatic").is_dir():
        print(f"corpus not found at {CORPUS_DIR} (set ARCHIVE_SHARED_DIR)", file=sys.stderr)
        return 2
    stories = load_stories(CORPUS_DIR)
    results, first = first_pass(stories, CORPUS_DIR)
    rows = recall_rows(stories, results) + [seed_row()]
    rate = speed(stories, args.runs)
    print(f"{len(stories)} stories from {CORPUS_DIR / 'diplomatic'}\n")
    print_table(rows, rate, args.runs, first)
    if args.stages:
        print_stages(stage_times(stories, args.runs))
    gold = gold_rows()
    print(f"\n{'gold annotations (archive/devtools/extraction_gold.py)':<44} {'value':>9} {'target':>7}")
    for name, value, target in gold:
        print(f"{name:<44} {value:>9} {target:>7}")
    if not args.no_corpus and (CORPUS_DIR / "all.jsonl").exists():
        stories, statements, unresolved = unresolved_share(CORPUS_DIR)
        share = unresolved / statements if statements else 0.0
        print(
            f"\nall.jsonl: {stories} stories, {statements} statements, {unresolved} with no resolved speaker "
            f"({share:.3f})"
        )
    if args.misses:
        print_misses(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
