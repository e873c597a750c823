"""Countries: names, short forms, demonyms, capitals, compounds, historic states, ambiguity."""

from __future__ import annotations

import datetime as dt
import json

from archive.extraction.countries import codes_in, country_for_word, find_countries
from archive.extraction.document import parse_document
from tests.conftest import DATA_DIR, PROJECT_DIR

EXPECTED = json.loads((DATA_DIR / "000_1385e5d573d3216b.expected.json").read_text(encoding="utf-8"))
D1987 = dt.date(1987, 3, 5)


def codes(text: str, date: dt.date | None = D1987) -> list[str]:
    return codes_in(text, date)


def test_seed_countries_include_every_must_and_the_dateline_ones():
    doc = parse_document((PROJECT_DIR / "seeds" / "000_1385e5d573d3216b.txt").read_text(encoding="utf-8"))
    found = find_countries(doc)
    assert set(EXPECTED["countries"]["must"]) <= {c.code for c in found}
    assert {c.code for c in found if c.in_dateline} == set(EXPECTED["countries"]["dateline"])
    assert found[0].in_dateline and found[0].mentions > 1


def test_us_is_case_sensitive():
    assert codes("Let us talk to the US and the U.S. envoy") == ["US", "US"]


def test_jordan_the_person_is_not_the_country():
    assert codes("Hamilton Jordan said so. Later Jordan added more.") == []
    assert codes("King Hussein of Jordan met Jordan's prime minister") == ["JO", "JO"]


def test_turkey_the_bird_is_not_the_country():
    assert codes("Prices of turkey rose, Turkey said.") == ["TR"]


def test_washington_post_is_american_but_george_washington_is_a_person():
    assert codes("The Washington Post reported") == ["US"]
    assert codes("a portrait of George Washington") == []


def test_compounds_count_each_country():
    assert codes("Sino-Soviet talks and Sino-U.S. ties") == ["CN", "SU", "CN", "US"]
    assert codes("U.S.-Japanese trade and the US-Japan alliance") == ["US", "JP", "US", "JP"]
    assert codes("a Franco-German plan") == ["FR", "DE"]


def test_1987_names_and_historic_states():
    assert codes("Peking and the Kremlin") == ["CN", "SU"]
    assert codes("the Soviet Union, West Germany and East Germany") == ["SU", "DE", "DD"]
    assert codes("Moscow", dt.date(2022, 1, 7)) == ["RU"]


def test_longer_names_hide_shorter_ones():
    assert codes("Latin America and New Mexico and Papua New Guinea") == ["US", "PG"]


def test_brussels_in_the_body_is_not_belgium_but_is_in_a_dateline():
    assert codes("Ministers met in Brussels") == []
    doc = parse_document("BRUSSELS, March 3 - EC ministers met.")
    assert [(c.code, c.in_dateline) for c in find_countries(doc)] == [("BE", True)]


def test_dateline_places_map_to_countries():
    doc = parse_document("TOKYO / WASHINGTON, Jan. 7 (Reuters) - Talks.", date=dt.date(2022, 1, 7))
    assert [c.code for c in find_countries(doc) if c.in_dateline] == ["JP", "US"]
    doc = parse_document("BOCA RATON, Fla., March 19 - Talks.")
    assert [c.code for c in find_countries(doc)] == ["US"]


def test_country_for_word_reads_demonyms_and_names():
    assert country_for_word("Japanese") == "JP"
    assert country_for_word("West") is None
    assert country_for_word("Soviet") == "SU"
    assert country_for_word("British") == "GB"
    assert country_for_word("China's") == "CN"
    assert country_for_word("Congress") is None
