"""People: role cues, surname references, and the words that are never people."""

from __future__ import annotations

from archive.extraction import extract


def people(text: str) -> dict[str, object]:
    return {p.name: p for p in extract("HEADLINE\n\n" + text).people}


def test_role_before_name_gives_role_and_country():
    found = people("LONDON, March 2 - West German Finance Minister Gerhard Stoltenberg met bankers.")
    person = found["Gerhard Stoltenberg"]
    assert person.role == "Finance Minister" and person.country == "DE"


def test_multiword_roles():
    found = people("He met British Chancellor of the Exchequer Nigel Lawson and "
                   "U.S. Trade Representative Clayton Yeutter yesterday.")
    assert found["Nigel Lawson"].role == "Chancellor of the Exchequer"
    assert found["Clayton Yeutter"].role == "Trade Representative"


def test_apposition_and_who_clause():
    found = people("Jeffrey Hornung, a security policy expert at the Rand Corporation, spoke. "
                   "Daniel Russel, who was the top diplomat, agreed.")
    assert found["Jeffrey Hornung"].role == "security policy expert"
    assert "Daniel Russel" in found


def test_surname_only_person_with_speech_verb_or_title():
    found = people("Reagan said the talks went well. Mrs Thatcher agreed.")
    assert {"Reagan", "Thatcher"} <= set(found)


def test_later_surname_mentions_join_the_full_name():
    found = people("Treasury Secretary James Baker spoke. Baker said the dollar was fine.")
    assert found["James Baker"].mentions == 2 and "Baker" in found["James Baker"].forms


def test_kishi_and_kishida_are_two_people():
    found = people("Defense Minister Nobuo Kishi spoke. Prime Minister Fumio Kishida agreed. Kishida's plan.")
    assert found["Nobuo Kishi"].mentions == 1
    assert found["Fumio Kishida"].mentions == 2


def test_non_names_are_not_people():
    found = people("Officials said the Taiwan Strait was calm. While Tokyo said nothing, "
                   "Citibank said rates would rise.\n\nNEW TOOLS\n\nThe Foreign Ministry said no.")
    assert not found


def test_credited_journalists_are_not_people():
    text = ("WASHINGTON - Secretary of State George Shultz spoke.\n\n"
            "Reporting by David Brunnstrom; Editing by Dan Grebler")
    assert set(people(text)) == {"George Shultz"}
