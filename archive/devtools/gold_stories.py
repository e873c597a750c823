"""The hand-annotated gold stories (tests/data/gold) and their texts: Reuters stories rebuilt from
../shared/corpus/reuters21578/all.jsonl, news pages from the expected texts in ../shared/samples/html
(the texts are not copied into the project), and stories whose text is kept in the gold file itself:
written by the team ("source": "team"), real English Wikinews articles ("source": "wikinews", CC BY 2.5,
their url the attribution) or real Voice of America stories ("source": "voa", public domain), all counted
as modern news; and 2019 news pages of the article-extraction-benchmark ("source": "aeb-benchmark"), read
from a checkout of that repository beside the project (their publishers' copyright keeps their text out of
the project; without the checkout they are left out). Scored by extraction_gold.py."""

from __future__ import annotations

import gzip
import html
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from archive.extraction import Extraction, extract
from archive.importing.readers.fields import document_from_record

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
GOLD_DIR = PROJECT_DIR / "tests" / "data" / "gold"
SPLIT_FILE = GOLD_DIR / "split.json"
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus" / "reuters21578"
PAGES_DIR = SHARED_DIR / "samples" / "html"
NEWSML_DIR = SHARED_DIR / "samples" / "newsml-g2"
TEAM_SOURCE = "team"  # stories written by the team, their text kept in the gold file itself
WIKINEWS_SOURCE = "wikinews"  # real English Wikinews articles (CC BY 2.5), their text kept in the gold file too
VOA_SOURCE = "voa"  # real Voice of America stories (public domain), their text kept in the gold file too
TEXT_SOURCES = (TEAM_SOURCE, WIKINEWS_SOURCE, VOA_SOURCE)  # title, date and paragraphs in the gold file
# 2019 news pages of Scrapinghub's article-extraction-benchmark (github.com/scrapinghub/article-extraction-
# benchmark, MIT; the 13 of ../shared/samples/html come from it): ground-truth.json gives each page's
# article text, html/<id>.html.gz its title. Clone it beside the project or point ARCHIVE_AEB_DIR at it.
AEB_SOURCE = "aeb-benchmark"
AEB_DIR = Path(os.environ.get("ARCHIVE_AEB_DIR", PROJECT_DIR.parent / "article-extraction-benchmark"))
# News pages of Mozilla Readability's test pages (github.com/mozilla/readability, Apache-2.0; the 8
# readability-* of ../shared/samples/html come from it), 2013-2023: test/test-pages/<name>/expected.html
# gives the article, expected-metadata.json its title and date. Clone it beside the project or point
# ARCHIVE_READABILITY_DIR at it; its publishers' text is not copied here.
READABILITY_SOURCE = "readability-tests"
READABILITY_DIR = Path(os.environ.get("ARCHIVE_READABILITY_DIR", PROJECT_DIR.parent / "readability"))
# news of the 2010s and 2020s
MODERN_SOURCES = ("samples/html", "samples/newsml-g2", AEB_SOURCE, READABILITY_SOURCE, *TEXT_SOURCES)
PARTS = ("dev", "test")  # the split fixed before any tuning (split.json)


# -------------------------------------------------------------------------------------


def load_gold() -> list[dict]:
    """Every gold annotation, with its part ("dev" or "test") under "_part"."""
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    part_of = {name: part for part in PARTS for name in split[part]}
    golds = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        if path == SPLIT_FILE:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["_part"] = part_of[path.name]
        gold["_name"] = path.name
        golds.append(gold)
    return golds


@lru_cache(maxsize=1)
def _records(ids: frozenset[int]) -> dict[int, str]:
    """The lines of all.jsonl with these ids (the file is read once)."""
    found = {}
    with open(CORPUS_DIR / "all.jsonl", encoding="utf-8") as corpus:
        for line in corpus:
            record_id = int(line[7 : line.index(",")]) if line.startswith('{"id": ') else json.loads(line)["id"]
            if record_id in ids:
                found[record_id] = line
    return found


def _gold_record_ids() -> frozenset[int]:
    return frozenset(g["id"] for g in load_gold() if g.get("source") == "all.jsonl")


def available(gold: dict) -> bool:
    source = gold.get("source")
    if source == "all.jsonl":
        return (CORPUS_DIR / "all.jsonl").exists()
    if source == "samples/html":
        return (PAGES_DIR / gold["file"]).exists()
    if source == "samples/newsml-g2":
        return (NEWSML_DIR / gold["file"]).exists()
    if source in TEXT_SOURCES:
        return True
    if source == AEB_SOURCE:
        return (AEB_DIR / "ground-truth.json").exists()
    if source == READABILITY_SOURCE:
        return (READABILITY_DIR / "test" / "test-pages" / gold["file"].removeprefix("rdt-")).is_dir()
    return (CORPUS_DIR / "diplomatic" / gold["file"]).exists()


def load_story(gold: dict) -> Extraction:
    """Run extraction on one gold story, the way the archive would get its text."""
    source = gold.get("source")
    if source == "all.jsonl":
        record = json.loads(_records(_gold_record_ids())[gold["id"]])
        raw = document_from_record(record, location=f"all.jsonl#{gold['id']}", format="jsonl", encoding="utf-8")
        return extract(
            raw.text, title=raw.title or None, date=raw.date, dateline=raw.dateline or None, source=raw.source or None
        )
    if source == "samples/html":
        return extract(page_text(gold["file"]))
    if source in TEXT_SOURCES:
        return extract(team_text(gold))
    if source == AEB_SOURCE:
        return extract(aeb_text(gold["file"]))
    if source == READABILITY_SOURCE:
        return extract(readability_text(gold["file"]))
    if source == "samples/newsml-g2":  # read as import_documents reads it
        from archive.importing.readers import read_input

        path = NEWSML_DIR / gold["file"]
        raw = next(iter(read_input(path.name, path.read_bytes())))
        return extract(
            raw.text, title=raw.title or None, date=raw.date, dateline=raw.dateline or None, source=raw.source or None
        )
    return extract((CORPUS_DIR / "diplomatic" / gold["file"]).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _aeb_ground_truth() -> dict[str, dict]:
    return json.loads((AEB_DIR / "ground-truth.json").read_text(encoding="utf-8"))


def aeb_text(name: str) -> str:
    """A benchmark page ("aeb2-<first 12 hex digits of its id>") as the shared pages are given: its
    ground-truth article text under its page's title (page_text does the same for ../shared's 13)."""
    prefix = name.removeprefix("aeb2-")
    (page_id,) = [key for key in _aeb_ground_truth() if key.startswith(prefix)]
    page = gzip.decompress((AEB_DIR / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
    title_match = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
    title = html.unescape(re.sub(r"\s+", " ", title_match.group(1))).strip() if title_match else "Untitled"
    body = _aeb_ground_truth()[page_id]["articleBody"]
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return f" date 2019-11-19 \n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n\n"


def team_text(gold: dict) -> str:
    """A story whose text the gold file keeps (the team's, a Wikinews article) in the seed format, as a
    saved page's text is given: its date line, its title, then its paragraphs (under "paragraphs")."""
    return f" date {gold['date']} \n\n{gold['title']}\n\n" + "\n\n".join(gold["paragraphs"]) + "\n\n"


def page_text(file: str) -> str:
    """A saved page's ground-truth article text in the seed format, under the page's title."""
    stem = file.removesuffix(".html")
    page = (PAGES_DIR / file).read_bytes().decode("utf-8", "replace")
    title_match = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
    title = html.unescape(re.sub(r"\s+", " ", title_match.group(1))).strip() if title_match else "Untitled"
    if stem.startswith("aeb-"):
        body = json.loads((PAGES_DIR / f"{stem}.expected.json").read_text(encoding="utf-8"))["articleBody"]
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        date = "2019-11-19"
    else:
        return _readability_page(
            (PAGES_DIR / f"{stem}.expected.html").read_text(encoding="utf-8"),
            json.loads((PAGES_DIR / f"{stem}.expected.metadata.json").read_text(encoding="utf-8")),
            title,
        )
    return f" date {date} \n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n\n"


def readability_text(name: str) -> str:
    """A Readability test page ("rdt-<its folder>") as page_text gives the shared ones."""
    folder = READABILITY_DIR / "test" / "test-pages" / name.removeprefix("rdt-")
    metadata = folder / "expected-metadata.json"
    meta = json.loads(metadata.read_text(encoding="utf-8")) if metadata.exists() else {}
    return _readability_page((folder / "expected.html").read_text(encoding="utf-8"), meta, "Untitled")


def _readability_page(expected: str, meta: dict, title: str) -> str:
    """Readability's article (the paragraphs, headings, list items and quotations of expected.html) under
    its title, dated as its metadata says (else 2019-11-19, the benchmark pages' date)."""
    title = meta.get("title") or title
    blocks = re.findall(r"<(p|h[1-6]|li|blockquote)\b[^>]*>(.*?)</\1>", expected, re.S | re.I)
    paragraphs = []
    for _, block in blocks:
        text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", block))).strip()
        if text:
            paragraphs.append(text)
    date = (meta.get("publishedTime") or "2019-11-19")[:10]
    return f" date {date} \n\n{title}\n\n" + "\n\n".join(paragraphs) + "\n\n"


# --- Scoring --------------------------------------------------------------------------------------
