"""Document structure: title, date, dateline, source, paragraphs, credits."""

from __future__ import annotations

import datetime as dt
import json

from archive.extraction.document import parse_document
from archive.extraction.text import is_subhead, readable_headline, split_sentences
from tests.conftest import DATA_DIR, PROJECT_DIR

SEED = PROJECT_DIR / "seeds" / "000_1385e5d573d3216b.txt"
EXPECTED = json.loads((DATA_DIR / "000_1385e5d573d3216b.expected.json").read_text(encoding="utf-8"))


def seed_document():
    return parse_document(SEED.read_text(encoding="utf-8"))


def test_seed_date_dateline_and_source_come_from_the_text():
    doc = seed_document()
    assert str(doc.date) == EXPECTED["date"]
    assert doc.date_flagged is False
    assert doc.dateline == "TOKYO / WASHINGTON"
    assert doc.dateline_places == EXPECTED["dateline"]
    assert doc.source == EXPECTED["source"]


def test_seed_credits_are_names_only_and_leave_the_body():
    doc = seed_document()
    assert doc.credits.reporting == EXPECTED["credits"]["reporting"]
    assert doc.credits.editing == EXPECTED["credits"]["editing"]
    assert not any("Reporting by" in paragraph for paragraph in doc.paragraphs)


def test_seed_without_headline_takes_its_title_from_the_first_sentence():
    doc = seed_document()
    assert doc.title.startswith("The United States and Japan on Friday expressed deep concern")
    assert len(doc.title) <= 100 and doc.title.endswith("…")
    assert doc.paragraphs[0].startswith("TOKYO / WASHINGTON, Jan. 7 (Reuters)")


def test_seed_subhead_stays_a_paragraph_and_is_recognisable():
    doc = seed_document()
    assert "NEW TOOLS" in doc.paragraphs
    assert is_subhead("NEW TOOLS")
    assert not is_subhead("Blinken said the US-Japan alliance must not only strengthen the tools we have.")


def test_wire_headline_becomes_a_readable_title_and_leaves_the_body():
    text = (
        " date 1987-03-02 \n\nGATT WARNS U.S. ON FEDERAL BUDGET, PROTECTIONISM\n\n"
        "GENEVA, March 2 - The General Agreement on Tariffs and Trade (GATT) said the\n"
        "U.S. federal budget deficit was the real problem.\n\nGATT said Geneva talks would go on.\n"
    )
    doc = parse_document(text)
    assert doc.title == "GATT warns U.S. on federal budget, protectionism"
    assert doc.date == dt.date(1987, 3, 2)
    assert doc.dateline == "GENEVA" and doc.source == ""
    assert len(doc.paragraphs) == 2
    assert "The General Agreement on Tariffs and Trade (GATT) said the U.S. federal" in doc.paragraphs[0]


def test_headline_words_take_the_case_the_body_prints_them_in():
    body = [
        "Iran said the Gulf was calm. May officials said they may meet in Kuwait.",
        "Kuwaiti officials in Kuwait City may go. Iranian ships, Iran said, would stay.",
    ]
    # "Iran", "Kuwait": capitalised in the body; "may" is a verb there, whatever a sentence start says;
    # "Kuwaiti" is no use of "Kuwait" (whole words only).
    assert readable_headline("IRAN AND KUWAIT MAY MEET", body) == "Iran and Kuwait may meet"
    # A word only ever printed at a sentence start still takes its capital.
    assert readable_headline("TALKS ON CALM GULF", ["Talks went on.", "Calm Gulf seas."]) == "Talks on Calm Gulf"


def test_datelines_in_the_wire_forms():
    cases = {
        "LONDON, March 26 - Talks went on.": ("LONDON", ["LONDON"]),
        "UNITED NATIONS, March 5 - The council met.": ("UNITED NATIONS", ["UNITED NATIONS"]),
        "TAUPO, New Zealand, March 24 - Ministers met.": ("TAUPO, New Zealand", ["TAUPO", "New Zealand"]),
        "BRUSSELS (Reuters) - The Commission said.": ("BRUSSELS", ["BRUSSELS"]),
    }
    for text, (dateline, places) in cases.items():
        doc = parse_document(text, date=dt.date(1987, 3, 5))
        assert (doc.dateline, doc.dateline_places) == (dateline, places), text


def test_no_dateline_and_no_date_is_flagged():
    doc = parse_document("Officials said talks would resume. They gave no date.")
    assert doc.dateline == "" and doc.dateline_places == []
    assert doc.date is None and doc.date_flagged is True
    assert doc.title == "Officials said talks would resume."


def test_impossible_header_date_is_none_and_flagged():
    doc = parse_document(" date 2022-02-30 \n\nPARIS, Feb. 30 (Reuters) - Something happened.\n")
    assert doc.date is None and doc.date_flagged is True
    assert doc.dateline == "PARIS" and doc.source == "Reuters"


def test_given_date_wins_over_the_header():
    doc = parse_document(" date 1987-03-02 \n\nTOKYO, March 3 - Text.", date=dt.date(1987, 3, 3))
    assert doc.date == dt.date(1987, 3, 3) and doc.date_flagged is False


def test_byline_and_bracketed_credits():
    text = (
        "By Peter Torday, Reuters\n\nWASHINGTON, March 30 - Officials met.\n\n"
        "They agreed. (Reporting by Jane Doe in Tokyo; Editing by John Roe)"
    )
    doc = parse_document(text)
    assert doc.credits.reporting == ["Peter Torday", "Jane Doe"]
    assert doc.credits.editing == ["John Roe"]
    assert doc.paragraphs == ["WASHINGTON, March 30 - Officials met.", "They agreed."]


def test_a_body_sentence_opening_with_by_is_no_byline():
    doc = parse_document("By stressing its trade deficit, the U.S. fuelled protectionism, it said.")
    assert doc.credits.reporting == []
    assert len(doc.paragraphs) == 1


def test_sentences_do_not_break_after_abbreviations():
    text = "The U.S. and Mr. Baker met on Jan. 7 in Tokyo. They talked. Then they left."
    expected = ["The U.S. and Mr. Baker met on Jan. 7 in Tokyo.", "They talked.", "Then they left."]
    assert split_sentences(text) == expected


def test_corpus_stories_all_have_headline_and_dateline(corpus_dir):
    for path in sorted((corpus_dir / "diplomatic").glob("*.txt"))[:100]:
        doc = parse_document(path.read_text(encoding="utf-8"))
        assert doc.dateline, path.name
        assert doc.title and not doc.title.isupper() or len(doc.title) < 12, (path.name, doc.title)
        assert doc.date is not None and doc.date.year == 1987
