"""A digest of everything extraction returns, to prove that a speed-up changed no output.

    .venv/bin/python -m bench.extraction_fingerprint            # prints one digest per set and overall
    .venv/bin/python -m bench.extraction_fingerprint --save F   # also writes each story's digest to F (JSON)
    .venv/bin/python -m bench.extraction_fingerprint --diff F   # names the stories whose digest differs from F

The stories: the 400 diplomatic Reuters stories (as bench.extraction_quality reads them), every gold story
(as the gold scoring reads it, archive/devtools/gold_stories.py), every story the importer reads from the
shared samples (html, newsml-g2, nitf, warc; extracted as the importer extracts them, language detection
included) and a fixed sample of 3,000 records of all.jsonl (read as `import_documents` reads them).
The digest covers the whole Extraction (document, credits, countries, people with roles and spans,
organisations, statements with spans, speakers and relations), serialised with dataclasses.asdict.
Needs ARCHIVE_SHARED_DIR (or ../shared). Django is set up only for the importer's own extraction
step (archive/importing/preparing.extract_story), which the samples go through as an import's do.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from archive.devtools.gold_stories import CORPUS_DIR, SHARED_DIR, available, load_gold, load_story
from archive.extraction import extract
from archive.importing.readers import read_input
from archive.importing.readers.fields import document_from_record

SAMPLE_SIZE = 3000
SAMPLE_SEED = 12  # fixed: the same 3,000 records every run
SAMPLE_DIRS = ("html", "newsml-g2", "nitf", "warc")


def digest(result) -> str:
    data = json.dumps(dataclasses.asdict(result), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def diplomatic() -> Iterator[tuple[str, str]]:
    with open(CORPUS_DIR / "labels.jsonl", encoding="utf-8") as labels:
        for line in labels:
            file = json.loads(line)["file"]
            yield file, digest(extract((CORPUS_DIR / "diplomatic" / file).read_text(encoding="utf-8")))


def gold() -> Iterator[tuple[str, str]]:
    for story in load_gold():
        if available(story):
            yield story["_name"], digest(load_story(story))


def importer_extraction():
    """archive/importing/preparing.extract_story: the importer's own extraction step (language
    detection included), which needs Django set up to be imported."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    from archive.importing.preparing import extract_story

    return extract_story


def samples() -> Iterator[tuple[str, str]]:
    extract_story = importer_extraction()
    for folder in SAMPLE_DIRS:
        for path in sorted((SHARED_DIR / "samples" / folder).glob("*")):
            if path.name.startswith("README") or ".expected." in path.name:
                continue
            for number, raw in enumerate(read_input(path.name, path.read_bytes())):
                if hasattr(raw, "text") and not raw.given:
                    yield f"{folder}/{path.name}#{number}", digest(extract_story(raw))


def corpus_sample() -> Iterator[tuple[str, str]]:
    with open(CORPUS_DIR / "all.jsonl", encoding="utf-8") as corpus:
        lines = corpus.readlines()
    chosen = sorted(random.Random(SAMPLE_SEED).sample(range(len(lines)), SAMPLE_SIZE))
    for index in chosen:
        raw = document_from_record(
            json.loads(lines[index]), location=f"all.jsonl:{index + 1}", format="jsonl", encoding="utf-8"
        )
        if not hasattr(raw, "text"):
            continue  # a record the importer refuses
        result = extract(
            raw.text, title=raw.title or None, date=raw.date, dateline=raw.dateline or None, source=raw.source or None
        )
        yield f"all.jsonl:{index + 1}", digest(result)


SETS = {"diplomatic": diplomatic, "gold": gold, "samples": samples, "all.jsonl sample": corpus_sample}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", type=Path, help="write every story's digest to this JSON file")
    parser.add_argument("--diff", type=Path, help="compare every story's digest with this JSON file")
    args = parser.parse_args(argv)
    stories: dict[str, str] = {}
    overall = hashlib.sha256()
    for name, produce in SETS.items():
        whole = hashlib.sha256()
        count = 0
        for key, story_digest in produce():
            stories[f"{name}:{key}"] = story_digest
            whole.update(story_digest.encode())
            count += 1
        overall.update(whole.hexdigest().encode())
        print(f"{name:<18} {count:>5} stories  {whole.hexdigest()[:16]}")
    print(f"{'overall':<18} {len(stories):>5} stories  {overall.hexdigest()}")
    if args.save:
        args.save.write_text(json.dumps(stories, indent=0, sort_keys=True), encoding="utf-8")
    if args.diff:
        before = json.loads(args.diff.read_text(encoding="utf-8"))
        changed = sorted(key for key in before.keys() | stories.keys() if before.get(key) != stories.get(key))
        for key in changed[:50]:
            print("differs:", key)
        print(f"{len(changed)} stories differ")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
