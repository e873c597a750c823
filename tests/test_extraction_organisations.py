"""Organisations: gazetteer names, abbreviations linked to full names, countries, head-word rules."""

from __future__ import annotations

import json

from archive.extraction.document import parse_document
from archive.extraction.organisations import REUTERS_CODES, find_organisations
from tests.conftest import DATA_DIR, PROJECT_DIR

EXPECTED = json.loads((DATA_DIR / "000_1385e5d573d3216b.expected.json").read_text(encoding="utf-8"))


def orgs(text: str) -> dict[str, tuple]:
    found = find_organisations(parse_document(text))
    return {o.name: (o.abbreviation, o.kind, o.country, o.mentions) for o in found}


def test_seed_organisations_are_found():
    doc = parse_document((PROJECT_DIR / "seeds" / "000_1385e5d573d3216b.txt").read_text(encoding="utf-8"))
    found = {o.name: o for o in find_organisations(doc)}
    assert set(EXPECTED["organisations"]["must"]) <= set(found)
    assert found["Foreign Ministry"].country == "CN"  # "China filed ..., the Foreign Ministry said"
    assert found["Rand Corporation"].kind == "think_tank"


def test_abbreviation_and_full_name_are_one_organisation():
    found = orgs("The International Monetary Fund (IMF) met. IMF officials said the IMF would lend.")
    assert found["International Monetary Fund"] == ("IMF", "international", None, 3)


def test_abbreviation_defined_in_the_story_links_an_unknown_body():
    found = orgs("The Institute of Strategic Studies (ISS) said so. Later ISS said more.")
    assert found["Institute of Strategic Studies"][0] == "ISS"
    assert found["Institute of Strategic Studies"][3] == 2


def test_country_of_a_ministry_from_possessive_or_adjective():
    found = orgs("China's Foreign Ministry and the Japanese Finance Ministry disagreed.")
    assert found["Foreign Ministry"][1:3] == ("government", "CN")
    assert found["Finance Ministry"][1:3] == ("government", "JP")


def test_central_bank_and_companies():
    found = orgs("The Bank of Japan bought dollars from <Hughes Capital Corp> and <BSC>.")
    assert found["Bank of Japan"][1:3] == ("central_bank", "JP")
    assert found["Hughes Capital Corp"][1] == "company"
    assert "BSC" not in found


def test_name_ends_before_a_persons_title():
    found = orgs("World Bank President Barber Conable met Senate Finance Committee Chairman Lloyd Bentsen.")
    assert "World Bank" in found and "Senate Finance Committee" in found
    assert not any("Conable" in name or "Bentsen" in name for name in found)


def test_reuters_tag_codes_map_to_canonical_names():
    assert REUTERS_CODES["ec"] == "European Community"
    assert REUTERS_CODES["ico-coffee"] == "International Coffee Organization"
    assert REUTERS_CODES["worldbank"] == "World Bank"
    found = orgs("The European Community and the EC Commission said the EEC would act.")
    assert found["European Community"][3] == 2


def test_corpus_orgs_recall(corpus_dir):
    from archive.extraction.organisations import CODES_BY_NAME
    from bench.extraction_quality import load_stories

    total = found = 0
    for story in load_stories(corpus_dir):
        names = {CODES_BY_NAME.get(o.name) for o in find_organisations(parse_document(story.text))}
        for tag in story.tags["orgs"]:
            total += 1
            found += tag in names
    assert found / total >= 0.9
