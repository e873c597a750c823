"""Issue 12's gold measured the way the issue measures it: through `import_documents` and
`export_archive`, as a new user would, rather than on extract()'s return value.

    .venv/bin/python -m bench.extraction_archive                 # a fresh SQLite archive in a temporary folder
    .venv/bin/python -m bench.extraction_archive --database postgres://postgres@127.0.0.1:5432/gold_archive
    .venv/bin/python -m bench.extraction_archive -v              # and the development part's misses

Every available gold story is written as the file a librarian would import (the gold's records of
all.jsonl as one JSON Lines file, the NewsML-G2 sample as it is, every other story in the seed format,
as archive/devtools/gold_stories.load_story gives it to extract()); the real commands migrate an empty
database, import the folder and export the archive; each exported article (found by its record's
source_id, else by its file name) is scored against its gold exactly as the extraction is
(archive/devtools/extraction_gold.py), and the table printed beside the extraction's own figures.
A story the archive does not hold (a duplicate, a failed file) counts every gold item as missed.
A --database given must be empty (it is migrated); without one, an SQLite file is made and removed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path

from archive.devtools import extraction_gold as scoring
from archive.devtools import gold_stories
from archive.devtools.gold_stories import NEWSML_DIR, _gold_record_ids, _records, available, load_gold, load_story
from archive.devtools.processes import manage
from archive.extraction import (
    CountryMention,
    Credits,
    Document,
    Extraction,
    OrganisationMention,
    PersonMention,
    StatementMention,
)
from archive.extraction.document import parse_document

WIRE_FILE = "gold-wire.jsonl"


def write_import_folder(folder: Path, golds: list[dict]) -> None:
    """The gold stories as files to import: one JSON Lines file of all.jsonl records, the rest as files."""
    records = _records(_gold_record_ids())
    with open(folder / WIRE_FILE, "w", encoding="utf-8") as wire:
        for gold in golds:
            source = gold.get("source")
            if source == "all.jsonl":
                wire.write(records[gold["id"]].rstrip("\n") + "\n")
            elif source == "samples/newsml-g2":
                shutil.copy(NEWSML_DIR / gold["file"], folder / gold["file"])
            else:
                (folder / story_file(gold)).write_text(_seed_text(gold), encoding="utf-8")


def story_file(gold: dict) -> str:
    return Path(gold["_name"]).stem + ".txt"


def archive_key(gold: dict) -> str:
    """How the export names the gold story: its record's source_id, else the file it came in."""
    source = gold.get("source")
    if source == "all.jsonl":
        return str(gold["id"])
    return gold["file"] if source == "samples/newsml-g2" else story_file(gold)


def _seed_text(gold: dict) -> str:
    """The text load_story hands to extract(), which is the seed format (a date line, the title, the body)."""
    source = gold.get("source")
    if source == "samples/html":
        return gold_stories.page_text(gold["file"])
    if source in gold_stories.TEXT_SOURCES:
        return gold_stories.team_text(gold)
    if source == gold_stories.AEB_SOURCE:
        return gold_stories.aeb_text(gold["file"])
    if source == gold_stories.READABILITY_SOURCE:
        return gold_stories.readability_text(gold["file"])
    return (gold_stories.CORPUS_DIR / "diplomatic" / gold["file"]).read_text(encoding="utf-8")


def exported_extraction(article: dict) -> Extraction:
    """An exported article as an Extraction, so that the gold's scoring reads it as it reads extract()'s."""
    paragraphs = article["body"].split("\n\n") if article["body"] else []
    date = dt.date.fromisoformat(article["date"]) if article.get("date") else None
    document = Document(
        title=article["title"],
        date=date,
        date_flagged=False,
        dateline=article.get("dateline") or "",
        dateline_places=[],
        source=article.get("source") or "",
        paragraphs=paragraphs,
        credits=Credits(**(article.get("credits") or {})),
    )
    statements = []
    for s in article["statements"]:
        speaker = s.get("speaker") or {}
        statements.append(
            StatementMention(
                kind=s["kind"],
                text=s["text"],
                paragraph=s["paragraph"],
                start=s["start"],
                end=s["end"],
                speaker_person=speaker.get("person"),
                speaker_organisation=speaker.get("organisation"),
                speaker_label=speaker.get("label") or "",
            )
        )
    return Extraction(
        document,
        countries=[CountryMention(c["code"], c["mentions"], c["in_dateline"]) for c in article["countries"]],
        people=[PersonMention(p["name"], role=p.get("role") or "") for p in article["people"]],
        organisations=[OrganisationMention(o["name"]) for o in article["organisations"]],
        statements=statements,
    )


def _missing(gold: dict) -> Extraction:
    """A gold story the archive does not hold: nothing found."""
    return Extraction(parse_document(""))


def run_archive(url: str, folder: Path, export: Path) -> str:
    """Migrate, import the folder and export, with the real commands; their report of the import."""
    manage(url, "migrate", "--noinput", check=True)
    imported = manage(url, "import_documents", str(folder), check=True)
    manage(url, "export_archive", "--output", str(export), check=True)
    return imported.stdout.strip().splitlines()[-1] if imported.stdout.strip() else ""


def exported_articles(golds: list[dict], database: str | None = None) -> tuple[dict[str, dict], str]:
    """The gold stories imported and exported by the real commands: exported articles by
    archive_key, and the import's report line. `database`: an empty one, else a new SQLite file."""
    with tempfile.TemporaryDirectory(prefix="gold-archive-") as scratch:
        scratch = Path(scratch)
        folder = scratch / "import"
        folder.mkdir()
        write_import_folder(folder, golds)
        report = run_archive(database or f"sqlite:///{scratch / 'archive.sqlite3'}", folder, scratch / "export.jsonl")
        by_key: dict[str, dict] = {}
        with open(scratch / "export.jsonl", encoding="utf-8") as export:
            for line in export:
                article = json.loads(line)
                key = article["source_id"] if article.get("file") == WIRE_FILE else article.get("file")
                by_key[str(key)] = article
    return by_key, report


def from_archive(by_key: dict[str, dict]):
    """An extract_story for the gold's scoring that reads the exported archive."""

    def story(gold: dict) -> Extraction:
        article = by_key.get(archive_key(gold))
        return exported_extraction(article) if article is not None else _missing(gold)

    return story


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="an empty database to use (DATABASE_URL form); default a new SQLite file")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the development part's misses")
    args = parser.parse_args(argv)
    golds = [g for g in load_gold() if available(g)]
    by_key, report = exported_articles(golds, args.database)
    print(
        f"{len(golds)} gold stories imported into {'the database given' if args.database else 'a new SQLite archive'}"
    )
    print(report)
    print(f"the archive holds {sum(1 for g in golds if archive_key(g) in by_key)} of them\n")
    through = scoring.gold_rows(args.verbose, "dev", from_archive(by_key))
    direct = {measure: value for measure, value, _ in scoring.gold_rows(False, "dev", load_story)}
    width = max(len(measure) for measure, _, _ in through)
    print(f"{'measure':<{width}}  {'archive':>9}  {'extract':>9}  target")
    for measure, value, target in through:
        print(f"{measure:<{width}}  {value:>9}  {direct.get(measure, ''):>9}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
