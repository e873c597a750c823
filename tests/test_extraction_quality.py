"""Extraction quality over the shared corpus, measured by the bench's own code against its targets.

Tag recall over the 400 diplomatic Reuters stories comes from archive/devtools/extraction_quality.py and
the gold figures (hand-annotated stories, split into a development and a test part by
tests/data/gold/split.json) from archive/devtools/extraction_gold.py, so that a test and the bench cannot
disagree. Each story is extracted once for all the tests here. Speed is the bench's to print,
not a test's to assert: the machines are shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.devtools import extraction_gold
from archive.devtools.extraction_quality import gold_figures, gold_rows, load_stories, recall_rows, seed_row
from archive.devtools.gold_stories import AEB_DIR
from archive.extraction import Extraction, extract

_EXTRACTED: dict[str, Extraction] = {}  # story file name -> extraction, shared by the tests
_GOLD: dict[str, tuple[float, float | None]] = {}  # measure -> (value, target)
GOLD_DIR = Path(__file__).parent / "data" / "gold"


def _extract(path: Path) -> Extraction:
    if path.name not in _EXTRACTED:
        _EXTRACTED[path.name] = extract(path.read_text(encoding="utf-8"))
    return _EXTRACTED[path.name]


def _extract_gold(gold: dict) -> Extraction:
    key = f"gold/{gold['_name']}"
    if key not in _EXTRACTED:
        _EXTRACTED[key] = extraction_gold.load_story(gold)
    return _EXTRACTED[key]


@pytest.fixture
def gold(corpus_dir) -> dict[str, tuple[float, float | None]]:
    if not extraction_gold.PAGES_DIR.is_dir() or not (corpus_dir / "all.jsonl").exists():
        pytest.skip(f"gold stories need {corpus_dir / 'all.jsonl'} and {extraction_gold.PAGES_DIR}")
    if not _GOLD:
        _GOLD.update(gold_figures(gold_rows(extract_story=_extract_gold)))
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


def test_a_generational_suffix_is_no_last_name_in_scoring():
    assert extraction_gold._same_person("Darrell Brooks Jr.", "Brooks")
    assert not extraction_gold._same_person("Darrell Brooks Jr.", "Junior")


def test_an_organisation_matches_its_initials_and_its_other_spelling_in_scoring():
    assert extraction_gold._same_organisation("Korean Central News Agency", "KCNA")
    assert extraction_gold._same_organisation("CIA", "Central Intelligence Agency")
    assert extraction_gold._same_organisation("World Health Organisation", "World Health Organization")
    assert not extraction_gold._same_organisation("CIA", "Central Bank of India")
    assert not extraction_gold._same_organisation("Korean Central News Agency", "Korea")


def test_a_closing_full_stop_of_the_gold_quotation_is_not_asked_in_scoring():
    """A statement's text ends before its closing stop: the gold's 'quote_contains' with one matches."""

    class Said:
        def __init__(self, text, person):
            self.text, self.paragraph, self.speaker_person, self.speaker_organisation = text, 0, person, None
            self.speaker_label = ""

    class Result:
        statements = [Said("It is not even a European country", "Ana Lopes")]

        class document:
            paragraphs = ['"It is not even a European country," Ana Lopes said.']

    gold = {"statements": [{"speaker": "Ana Lopes", "quote_contains": "It is not even a European country."}]}
    tally = extraction_gold.Tally()
    extraction_gold._score_statements(gold, Result, tally, "x")
    assert tally.counts == {"person_found": 1, "person_right": 1}


def test_a_quotation_the_attribution_interrupts_is_judged_as_its_gold_statement():
    """'"A," said X. "B."' is one gold statement (one per quotation of a paragraph) and two extracted
    ones: the piece "B" is right when given to X, wrong when given to another; a reported piece is not
    covered."""

    class Said:
        def __init__(self, text, person, kind="direct"):
            self.text, self.paragraph, self.speaker_person, self.speaker_organisation = text, 0, person, None
            self.speaker_label, self.kind = "", kind

    paragraph = '"Netanyahu broke a lot of crockery," said Martin Indyk. "It cannot be repaired."'

    def score(*statements):
        class Result:
            class document:
                paragraphs = [paragraph]

        Result.statements = list(statements)
        gold = {"statements": [{"speaker": "Martin Indyk", "kind": "direct", "quote_contains": "broke a lot"}]}
        tally = extraction_gold.Tally()
        extraction_gold._score_statements(gold, Result, tally, "x")
        return tally.counts

    first = Said("Netanyahu broke a lot of crockery", "Martin Indyk")
    assert score(first, Said("It cannot be repaired", "Martin Indyk")) == {"person_found": 1, "person_right": 2}
    assert score(first, Said("It cannot be repaired", "Obama")) == {
        "person_found": 1, "person_right": 1, "person_wrong": 1
    }  # fmt: skip
    assert score(first, Said("It cannot be repaired", "Martin Indyk", "indirect"))["person_wrong"] == 1


def test_the_split_is_fixed_and_covers_every_gold_file():
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    files = {p.name for p in GOLD_DIR.glob("*.json")} - {"split.json"}
    assert set(split["dev"]) | set(split["test"]) == files
    assert not set(split["dev"]) & set(split["test"])
    # the 40 first stories, 60 + 45 + 40 Reuters stories, 21 pages, 1 NewsML story, 55 stories written by the team
    assert len(files) >= 262


def test_the_team_s_stories_are_modern_development_gold_with_their_own_text():
    """The stories written by the team keep their text in the gold file, load without the shared
    folder, count as modern news and sit in the development part only."""
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    team = [g for g in extraction_gold.load_gold() if g.get("source") == "team"]
    assert len(team) >= 55
    assert "team" in extraction_gold.MODERN_SOURCES
    for gold in team:
        assert gold["_name"] in split["dev"]
        assert extraction_gold.available(gold)
        words = sum(len(p.split()) for p in gold["paragraphs"])
        assert 150 <= words <= 600, (gold["_name"], words)
        result = extraction_gold.load_story(gold)
        assert result.document.title == gold["title"]
        text = "\n".join(result.document.paragraphs)
        for item in gold["statements"]:
            assert item["quote_contains"] in text, (gold["_name"], item["quote_contains"])
            assert any(item.get("paragraph_contains", "") in p for p in result.document.paragraphs), gold["_name"]


def test_the_wikinews_articles_are_modern_development_gold_with_their_text_and_attribution():
    """The real Wikinews articles keep their text in the gold file as the team's stories do, load
    without the shared folder, count as modern news and keep the attribution their licence asks (the
    url). The first 25 sit in the development part; the 24 of session 13 (wn-*) are split in halves,
    so that the test part has modern news without any checkout."""
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    wikinews = [g for g in extraction_gold.load_gold() if g.get("source") == "wikinews"]
    assert len(wikinews) >= 49
    assert "wikinews" in extraction_gold.MODERN_SOURCES
    drawn = [g for g in wikinews if g["file"].startswith("wn-")]
    assert sum(g["_part"] == "test" for g in drawn) == sum(g["_part"] == "dev" for g in drawn) == 12
    for gold in wikinews:
        assert gold["_name"] in split["dev"] or gold["file"].startswith("wn-")
        assert gold["url"].startswith("https://en.wikinews.org/wiki/")
        assert gold["licence"] == "CC BY 2.5" and gold["text_via"]
        assert extraction_gold.available(gold)
        result = extraction_gold.load_story(gold)
        assert gold["title"].startswith(result.document.title.rstrip("…"))  # a long title is shortened
        text = "\n".join(result.document.paragraphs)
        for item in gold["statements"]:
            assert item["quote_contains"] in text, (gold["_name"], item["quote_contains"])


def test_the_voa_stories_are_modern_development_gold_with_their_text_and_source():
    """The real Voice of America stories (public domain) likewise: their text in the gold file,
    modern news, development part only, their address kept."""
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    voa = [g for g in extraction_gold.load_gold() if g.get("source") == "voa"]
    assert len(voa) >= 9
    assert "voa" in extraction_gold.MODERN_SOURCES
    for gold in voa:
        assert gold["_name"] in split["dev"]
        assert gold["url"].startswith("https://") and "public domain" in gold["licence"]
        text = "\n".join(extraction_gold.load_story(gold).document.paragraphs)
        for item in gold["statements"]:
            assert item["quote_contains"] in text, (gold["_name"], item["quote_contains"])


def test_the_development_draws_are_the_gold_they_say(corpus_dir):
    """The later Reuters draws of the development part are rerunnable: each draw, run again, names
    exactly the gold files that say they come from it, and every one is in the development part."""
    if not (corpus_dir / "all.jsonl").exists():
        pytest.skip(f"the draws read {corpus_dir / 'all.jsonl'}")
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    for draw in (
        extraction_gold.draw_more_stories,
        extraction_gold.draw_third_stories,
        extraction_gold.draw_fourth_stories,
        extraction_gold.draw_fifth_stories,
    ):
        drawn = {f"r21578-{story_id}.json" for story_id in draw()}
        written = {
            p.name for p in GOLD_DIR.glob("r21578-*.json") if draw.__name__ in json.loads(p.read_text())["_about"]
        }
        assert drawn == written
        assert drawn <= set(split["dev"])


def test_the_test_part_s_draw_is_the_gold_it_says(corpus_dir):
    """The Reuters stories added to the test part, annotated blind, are the draw's, all in 'test'."""
    if not (corpus_dir / "all.jsonl").exists():
        pytest.skip(f"the draws read {corpus_dir / 'all.jsonl'}")
    split = json.loads((GOLD_DIR / "split.json").read_text(encoding="utf-8"))
    drawn = {f"r21578-{story_id}.json" for story_id in extraction_gold.draw_test_stories()}
    written = {
        p.name for p in GOLD_DIR.glob("r21578-*.json") if "draw_test_stories" in json.loads(p.read_text())["_about"]
    }
    assert drawn == written
    assert drawn <= set(split["test"])


# The targets, each on its kind of story: the 1987 wire stories ("wire") and modern news.
MEASURES = [
    ("wire", "person speaker precision"),
    ("wire", "person speaker recall"),
    ("wire", "organisation speaker recall"),
    ("wire", "people precision"),
    ("modern", "person speaker precision"),
    ("modern", "person speaker recall"),
]
# Issue 12's targets the rules do not reach yet on the test part (the part they were not tuned
# on) stay asserted as expected failures, so that reaching one shows (XPASS). The test part's 2019
# pages (a checkout of the benchmark beside the project): the first 16 read P 0.955, R 0.895; with
# the 17 blind pages of session 11 (long features, an interview), 33 pages read P 0.891, R 0.819.
# Session 13 added 8 Readability test pages (a checkout too) and 12 Wikinews articles (in the gold
# files, so in CI as well): the 53 modern stories read P 0.900, R 0.773; the 12 alone P 0.913, R 0.686.
# Session 14 (rules from 224 unannotated modern pages outside the gold): 53 read P 0.903, R 0.779;
# session 15 (role descriptions read as the person just named, "claims that"): P 0.903, R 0.783;
# session 16 (rules from unannotated news of 2004-2014 outside the gold): P 0.909, R 0.796;
# session 17 (wrong people from unannotated pages: "SoftBank", "We’ve", "Apparently Lindsey"): P 0.913, R 0.796;
# session 18 (rules from unannotated pages of trafilatura's evaluation set and AMALGUM): P 0.917, R 0.802.
_MODERN_PAGES = "53 blind modern stories of the test part read P 0.917, R 0.802 (session 18)"
NOT_REACHED: dict[tuple[str, str, str], str] = {
    ("test", "modern", "person speaker precision"): _MODERN_PAGES,
    ("test", "modern", "person speaker recall"): _MODERN_PAGES,
}


def _skip_without_test_pages(part: str) -> None:
    """The test part's modern news are 2019 pages of the article-extraction-benchmark and Readability
    test pages, read from checkouts beside the project (their publishers' text is not copied here),
    and Wikinews articles kept in the gold files: with none of them, no figure."""
    if part.startswith("test") and part.endswith("modern"):
        golds = [g for g in extraction_gold.load_gold() if g["_part"] == "test"]
        if not any(extraction_gold.available(g) for g in golds if g.get("source") in extraction_gold.MODERN_SOURCES):
            pytest.skip(f"the test part's modern pages need a checkout of the benchmark at {AEB_DIR}")


def _cases():
    for part in ("dev", "test"):
        for kind, measure in MEASURES:
            reason = NOT_REACHED.get((part, kind, measure))
            marks = [pytest.mark.xfail(reason=f"issue 12 target not reached: {reason}", strict=False)] if reason else []
            yield pytest.param(f"{part} {kind}", measure, marks=marks, id=f"{part}-{kind}-{measure}")


@pytest.mark.parametrize(("part", "measure"), list(_cases()))
def test_gold_figure_meets_its_target(gold, part, measure):
    _skip_without_test_pages(part)
    value, target = gold[f"{part}: {measure}"]
    assert target is not None and value >= target, f"{part}: {measure} {value:.3f} < {target}"


@pytest.mark.parametrize(
    "kind",
    [
        "wire",
        pytest.param(
            "modern",
            marks=pytest.mark.xfail(reason=f"issue 12 gap not closed: dev R 0.939, {_MODERN_PAGES}", strict=False),
        ),
    ],
)
def test_dev_and_test_parts_agree(gold, kind):
    _skip_without_test_pages(f"test {kind}")
    value, target = gold[f"dev - test gap {kind}, person speaker recall"]
    assert target is not None and value < target


def test_people_tags_of_the_corpus_are_found(gold):
    value, target = gold["PEOPLE tag recall (400)"]
    assert value >= target


def test_every_speaker_is_one_of_the_story_s_people(corpus_dir):
    """A statement's person speaker is a person the story's extraction lists (never an
    organisation's name in the person's place)."""
    for story in load_stories(corpus_dir):
        result = _extract(corpus_dir / "diplomatic" / story.file)
        names = {person.name for person in result.people}
        strays = {s.speaker_person for s in result.statements if s.speaker_person} - names
        assert not strays, f"{story.file}: {strays}"
