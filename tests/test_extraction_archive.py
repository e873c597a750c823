"""Issue 12 measures attribution through import_documents and export_archive: what extraction finds
must reach researchers. The whole gold goes through the real commands (bench/extraction_archive.py)
and is scored on the export; every figure must equal the one scored on extract()'s own return,
every speaker it named included (a speaker the archive cannot link is lost to researchers)."""

from __future__ import annotations

import pytest

from archive.devtools import extraction_gold
from archive.devtools.gold_stories import available, load_gold, load_story
from bench.extraction_archive import archive_key, exported_articles, from_archive

pytestmark = pytest.mark.slow


def test_the_archive_holds_every_speaker_extraction_found(corpus_dir):
    if not (corpus_dir / "all.jsonl").exists() or not extraction_gold.PAGES_DIR.is_dir():
        pytest.skip(f"the gold's stories need {corpus_dir / 'all.jsonl'} and {extraction_gold.PAGES_DIR}")
    golds = [g for g in load_gold() if available(g)]
    by_key, report = exported_articles(golds)
    assert all(archive_key(g) in by_key for g in golds), report
    through = extraction_gold.tallies(from_archive(by_key))
    direct = extraction_gold.tallies(load_story, as_stored=False)
    for part in ("dev wire", "test wire", "dev modern", "test modern"):
        assert extraction_gold.part_figures(through[part]) == extraction_gold.part_figures(direct[part]), part
