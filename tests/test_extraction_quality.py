"""Extraction quality over the shared corpus, measured by the bench's own code against its targets.

Tag recall over the 400 diplomatic Reuters stories comes from bench/extraction_quality.py and
the gold figures (40 hand-annotated stories) from bench/extraction_gold.py, so that a test and
the bench cannot disagree. Each story is extracted once for all the tests here. Speed is the
bench's to print, not a test's to assert: the machines are shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.extraction import Extraction, extract
from bench import extraction_gold
from bench.extraction_quality import gold_figures, gold_rows, load_stories, recall_rows, seed_row

_EXTRACTED: dict[str, Extraction] = {}  # story file name -> extraction, shared by the tests
_GOLD: dict[str, tuple[float, float | None]] = {}  # measure -> (value, target)


def _extract(path: Path) -> Extraction:
    if path.name not in _EXTRACTED:
        _EXTRACTED[path.name] = extract(path.read_text(encoding="utf-8"))
    return _EXTRACTED[path.name]


@pytest.fixture
def gold(corpus_dir, monkeypatch) -> dict[str, tuple[float, float | None]]:
    if not _GOLD:
        monkeypatch.setattr(extraction_gold, "load_story", _extract)  # the stories already extracted
        _GOLD.update(gold_figures(gold_rows()))
    return _GOLD


@pytest.mark.parametrize("row", [0, 1, 2], ids=["places", "orgs", "people"])
def test_tag_recall_over_the_corpus_meets_its_target(corpus_dir, row):
    stories = load_stories(corpus_dir)
    assert len(stories) == 400
    results = [_extract(corpus_dir / "diplomatic" / story.file) for story in stories]
    recall = recall_rows(stories, results)[row]
    assert recall.value >= recall.target, f"{recall.name} {recall.value:.3f}: missed {recall.misses}"


def test_seed_must_items_are_all_found():
    seed = seed_row()
    assert seed.found == seed.total, seed.misses


@pytest.mark.parametrize(
    "measure", ["attribution precision", "attribution recall", "people precision", "PEOPLE tag recall (400)"]
)
def test_gold_figure_meets_its_target(gold, measure):
    value, target = gold[measure]
    assert target is not None and value >= target, f"{measure} {value:.3f} < {target}"


def test_gold_covers_at_least_forty_stories(gold):
    assert gold["gold stories"][0] >= 40
