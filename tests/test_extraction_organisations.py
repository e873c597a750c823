"""Organisations: gazetteer names, abbreviations linked to full names, countries, head-word rules."""

from __future__ import annotations

import itertools
import json

from archive.extraction import extract
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


def test_a_name_does_not_swallow_a_person_before_of():
    found = orgs('"It is a yen problem," said Earl Johnson of Harris Trust and Savings Bank in Chicago.')
    assert set(found) == {"Harris Trust and Savings Bank"}
    found = orgs("Analyst Lawrence Cohn of Merrill Lynch and Co said so.")
    assert set(found) == {"Merrill Lynch and Co"}
    found = orgs('"It is political," said Natsuo Okada of Sumitomo Bank Ltd. Economist Okada of Nomura Co agreed.')
    assert set(found) == {"Sumitomo Bank Ltd", "Nomura Co"}


def test_a_run_read_across_stories_keeps_what_stands_before_it():
    # What a run holds is read once for all stories, with what stands just before it: an owner's
    # possessive gives the country, a speech verb makes the words before "of" a person's name.
    for _ in range(2):  # the second time from what the first one read
        assert orgs("China's Foreign Ministry said no.")["Foreign Ministry"][2] == "CN"
        assert orgs("Japan's Foreign Ministry said no.")["Foreign Ministry"][2] == "JP"
        assert set(orgs("Kenji Okada of Nomura Co agreed.")) == {"Kenji Okada of Nomura Co"}
        assert set(orgs("The bank was sold, said Kenji Okada of Nomura Co.")) == {"Nomura Co"}


def test_a_name_does_not_swallow_a_person_before_and():
    found = orgs("He met Federal Reserve chief Paul Volcker and International Monetary Fund head Michel Camdessus.")
    assert set(found) == {"Federal Reserve", "International Monetary Fund"}
    found = orgs("Swiss Economics Minister Jean-Pascal Delamuraz and National Bank President Pierre Languetin met.")
    assert set(found) == {"National Bank"}
    found = orgs("The senators met with Baldrige and State Department officials.")
    assert set(found) == {"State Department"}


def test_a_name_does_not_swallow_a_person_after_it():
    found = orgs("He met Governor of the Bank of England Robin Leigh-Pemberton.")
    assert set(found) == {"Bank of England"}


def test_and_between_two_organisations_gives_two():
    found = orgs("The IMF and World Bank met Toshiba Corp and Fujitsu Ltd, Group of Five and Group of Seven.")
    assert {"International Monetary Fund", "World Bank", "Toshiba Corp", "Fujitsu Ltd"} <= set(found)
    assert {"Group of Five", "Group of Seven"} <= set(found)
    assert not any(" and " in name for name in found)
    assert orgs("The United States and Soviet Union agreed.") == {}


def test_and_inside_one_name_stays():
    found = orgs(
        "The Securities and Exchange Commission, Harris Trust and Savings Bank, James Capel and Co,"
        " the Oil and Natural Gas Commission and the Ministry of International Trade and Industry spoke."
    )
    assert {"Securities and Exchange Commission", "Harris Trust and Savings Bank", "James Capel and Co"} <= set(found)
    assert {"Oil and Natural Gas Commission", "Ministry of International Trade and Industry"} <= set(found)


def test_a_body_named_bare_takes_the_datelines_country_not_another_countrys():
    found = orgs("WASHINGTON, March 3 - The U.S. will keep up trade talks with Japan, the Senate said.")
    assert found["Senate"][2] == "US"
    found = orgs("WASHINGTON, March 3 - Officials held talks with Japan, the Senate said.")
    assert found["Senate"][2] == "US"
    found = orgs("Officials held talks with Japan, the Senate said.")  # no dateline: no country
    assert found["Senate"][2] is None
    found = orgs("SEOUL, March 3 - Customs sent shoes back to Japan, but the Finance Ministry declined to comment.")
    assert found["Finance Ministry"][2] == "KR"


def test_a_body_named_bare_takes_its_sentences_subject_country():
    found = orgs("TOKYO, Jan 7 - In response, China filed a complaint, a spokesperson for the Foreign Ministry said.")
    assert found["Foreign Ministry"][2] == "CN"
    found = orgs("LONDON, March 3 - The Nigerian team, led by Central Bank Governor Abdulkadir Ahmed, met.")
    assert found["Central Bank"][2] == "NG"
    found = orgs("TOKYO, Jan 7 - South Korea's plan breaks GATT rules, a Foreign Ministry spokesman said.")
    assert found["Foreign Ministry"][2] == "JP"  # a possessive is no subject


def test_a_body_of_a_known_body_takes_its_owners_country():
    found = orgs("PARIS, March 3 - The EC's Executive Commission and the IMF Interim Committee met.")
    assert found["Executive Commission"][2] is None
    assert found["Interim Committee"][1:3] == ("international", None)
    found = orgs("TOKYO, March 3 - The White House Economic Policy Council and South Africa's Reserve Bank met.")
    assert found["White House Economic Policy Council"][2] == "US"
    assert found["Reserve Bank"][2] == "ZA"


def test_reuters_tag_codes_map_to_canonical_names():
    assert REUTERS_CODES["ec"] == "European Community"
    assert REUTERS_CODES["ico-coffee"] == "International Coffee Organization"
    assert REUTERS_CODES["worldbank"] == "World Bank"
    found = orgs("The European Community and the EC Commission said the EEC would act.")
    assert found["European Community"][3] == 2


# --- Bodies known by what they said: every speaking body is one of the story's organisations ------

SPEAKING = (
    "NEW YORK, March 3 - Standard and Poor's Corp said it upgraded the debt of Navistar International.\n\n"
    "The Bank of England cut its rates. The Bank said the cut was small.\n\n"
    "A German bank said the mark would rise.\n\n"
    "The Exchange said trading was heavy."
)


def speakers(text: str) -> dict[str, tuple[str | None, str]]:
    """Each statement's words -> (its speaking organisation, its label)."""
    return {s.text: (s.speaker_organisation, s.speaker_label) for s in extract(text).statements}


def test_a_body_known_only_as_a_speaker_becomes_an_organisation_of_the_story():
    result = extract(SPEAKING)
    names = {o.name: o for o in result.organisations}
    assert speakers(SPEAKING)["it upgraded the debt of Navistar International"][0] == "Standard and Poor's Corp"
    assert names["Standard and Poor's Corp"].kind == "company"
    assert names["Standard and Poor's Corp"].spans  # where the story prints it


def test_a_bare_word_of_a_name_is_the_one_body_holding_it_and_descriptions_stay_labels():
    said = speakers(SPEAKING)
    assert said["the cut was small"][0] == "Bank of England"
    assert said["the mark would rise"] == (None, "A German bank")  # no row "German bank"
    assert said["trading was heavy"] == (None, "The Exchange")  # which exchange? the story names none
    assert {o.name for o in extract(SPEAKING).organisations} == {"Standard and Poor's Corp", "Bank of England"}


def test_every_speaking_body_is_an_organisation_of_its_story_over_the_corpus(corpus_dir):
    records = []
    with open(corpus_dir / "all.jsonl", encoding="utf-8") as lines:
        for line in itertools.islice(lines, 1500):
            records.append(json.loads(line))
    spoke = 0
    for record in records:
        result = extract(record["body"], title=record["title"], dateline=record["dateline"])
        names = {o.name for o in result.organisations}
        for statement in result.statements:
            if statement.speaker_organisation and not statement.speaker_person:
                spoke += 1
                assert statement.speaker_organisation in names, (record["id"], statement.speaker_organisation)
    assert spoke > 300


def test_a_speaking_body_is_stored_under_its_own_name():
    def spoke(text: str) -> tuple[str | None, dict]:
        result = extract(text)
        return result.statements[0].speaker_organisation, {o.name: o.country for o in result.organisations}

    said, found = spoke(
        "OTTAWA, March 3 - Canada's National Energy Board said it would allow exports to rise next year."
    )
    assert said == "National Energy Board" and found[said] == "CA"  # the owner's possessive says its country
    said, found = spoke("SEATTLE, March 3 - Boeing Co and ARGOSystems Inc said they agreed to merge the companies.")
    assert said == "Boeing Co" and "Boeing Co and ARGOSystems Inc" not in found  # the first of two speaks
    said, found = spoke("KUALA LUMPUR, March 3 - Petronas's Vice-President for Upstream Sector said output would rise.")
    assert said is None and not found  # a person's office is no body


def test_a_legal_form_opens_no_name_and_a_possessive_may_open_one():
    assert "Co Inc" not in orgs("NEW YORK, March 3 - Merrill Lynch and Co Inc led the issue.")
    found = orgs("NEW YORK, March 3 - Moody's Investors Service Inc cut the debt.\n\nMoody's said more.")
    assert set(found) == {"Moody's Investors Service Inc"}  # not "Investors Service Inc"
    found = orgs("NEW YORK, March 3 - PepsiCo's Taco Bell Corp won.\n\nTaco Bell said more.")
    assert "Taco Bell Corp" in found  # PepsiCo owns it: the story prints the unit's name alone
    found = orgs("LONDON, March 3 - Robert Maxwell's British Printing and Communications Corp won.")
    assert "British Printing and Communications Corp" in found  # a person's company
    assert (
        orgs("NEW YORK, March 3 - International Business Machines Corp won.")["International Business Machines Corp"][1]
        == "company"
    )


def test_an_international_body_takes_no_country_from_a_party_beside_it():
    assert orgs("LONDON, March 3 - He called for U.S.-EC cooperation.")["European Community"][2] is None
    assert orgs("DAMASCUS, March 3 - Syria's U.N. envoy said so.")["United Nations"][2] is None


def test_a_firm_of_partners_keeps_its_first_partner_before_the_comma():
    found = orgs("NEW YORK, March 3 - The issue was led by Goldman, Sachs and Co, dealers said.")
    assert set(found) == {"Goldman, Sachs and Co"}  # not "Sachs and Co"
    assert "Kidder, Peabody and Co Inc" in orgs("NEW YORK, March 3 - Kidder, Peabody and Co Inc said so.")
    assert "Sachs and Co" in orgs("NEW YORK, March 3 - On Monday, Sachs and Co said so.")  # no partner
    assert "Lazard Freres and Co" in orgs("PARIS, March 3 - Banque Indosuez and Co, Lazard Freres and Co led it.")


def test_a_given_name_and_a_body_s_word_that_speaks_of_itself_is_a_company():
    """ "Stanley Works said it has acquired": a company (and the "it" after it); "David Steel said
    this was deceptive" is a person, whose name only looks like a body's."""
    text = "HEADLINE\n\nStanley Works said it has acquired Acme Holding.\n\nIt said Acme had sales of 50 mln dlrs."
    result = extract(text)
    assert [s.speaker_organisation for s in result.statements] == ["Stanley Works", "Stanley Works"]
    result = extract("HEADLINE\n\nLiberal leader David Steel said this was a strangely deceptive budget.")
    assert [s.speaker_organisation for s in result.statements] == [None]


def test_companies_known_by_one_word_speak_as_companies_and_are_no_people():
    """ "Google says", "Microsoft said": the gazetteer's companies known by one word (people.py would
    take the word for a surname before a speech verb)."""
    result = extract("HEADLINE\n\nGoogle says the controller will work with phones. Microsoft said it would follow.")
    assert result.people == []
    assert [s.speaker_organisation for s in result.statements] == ["Google", "Microsoft"]


def test_a_compass_adjective_a_contraction_and_a_news_source_are_no_speaking_bodies():
    """ "one Western official asks" names no body "Western"; "I’ve said" is no body "I’ve"; after
    "According to Reuters", "a company spokesperson" is not Reuters'."""
    text = "HEADLINE\n\n“Has corruption become what holds everything together?” asks one Western official."
    result = extract(text)
    assert [s.speaker_organisation for s in result.statements] == [None]
    result = extract("HEADLINE\n\nI’ve said it too, and I’m a birth mom and an adoptee at the same time!")
    assert result.organisations == [] and [s.speaker_organisation for s in result.statements] == [None]
    text = (
        "HEADLINE\n\nAccording to Reuters, the state's questions include whether the founder engaged in "
        "self-dealing.\n\n"
        "A company spokesperson said in an email that the firm had received an inquiry and was cooperating."
    )
    assert [s.speaker_organisation for s in extract(text).statements] == ["Reuters", None]


def test_wikinews_is_a_medium_not_a_person():
    result = extract("HEADLINE\n\nWikinews' Nick Moreau spoke with the actors about the show on Friday.")
    assert [p.name for p in result.people] == ["Nick Moreau"]
    assert [(o.name, o.kind) for o in result.organisations] == [("Wikinews", "media")]


def test_modern_news_sites_cited_by_name_are_media_not_people():
    """ "Gizmodo wrote that ...", "Healthline reported": news sites the gazetteer knows."""
    result = extract("HEADLINE\n\nNEW YORK, Nov 12 - Gizmodo wrote that McAfee had fled his home in Belize.\n")
    assert result.people == []
    assert [(o.name, o.kind) for o in result.organisations] == [("Gizmodo", "media")]
    assert result.statements[0].speaker_organisation == "Gizmodo"
