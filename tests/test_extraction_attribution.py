"""Attribution by class (issue 12): one invented example, or two, for each class of miss.

The examples are made up for the rule, not copied from the gold: the gold measures the rules,
these say what each rule is for.
"""

from __future__ import annotations

import pytest

from archive.extraction import extract


def speakers(text: str) -> list[tuple[str, str | None]]:
    result = extract("HEADLINE\n\nTOKYO, March 2 - Talks began on Monday.\n\n" + text)
    return [(s.text, s.speaker_person or s.speaker_organisation) for s in result.statements]


def speaker_of(text: str, fragment: str) -> str | None:
    return next((who for said, who in speakers(text) if fragment in said), "no statement")


# 1. Reporting verbs beyond "said"


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade Minister Hajime Tamura confirmed the surplus widened in February.",
        "Trade Minister Hajime Tamura denied that the surplus widened in February.",
        "Trade Minister Hajime Tamura stressed the surplus widened in February.",
        "Trade Minister Hajime Tamura acknowledged the surplus widened in February.",
        "Trade Minister Hajime Tamura predicted the surplus would widen in February.",
        "The surplus widened in February, Trade Minister Hajime Tamura conceded.",
        "Trade Minister Hajime Tamura accused Washington of letting the surplus widen in February.",
        'Trade Minister Hajime Tamura described the surplus as "a passing thing in February."',
        'Trade Minister Hajime Tamura called the surplus "a passing thing in February."',
    ],
)
def test_reporting_verbs_report_a_statement(sentence):
    assert speaker_of(sentence, "February") == "Hajime Tamura"


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade Minister Hajime Tamura urged Washington and its allies to act in February.",
        "Trade Minister Hajime Tamura called on Washington to act in February.",
        "Trade Minister Hajime Tamura asked the banks to act in February.",
        "Trade Minister Hajime Tamura announced plans for February.",
        "Trade Minister Hajime Tamura declared martial law in February.",
    ],
)
def test_instructions_and_acts_are_no_statements(sentence):
    assert speaker_of(sentence, "February") == "no statement"


# 2. Subject and verb apart


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade Minister Hajime Tamura, however, said the talks would go on.",
        "Trade Minister Hajime Tamura, in a radio interview, said the talks would go on.",
        "Trade Minister Hajime Tamura, who skipped the session, added the talks would go on.",
        "But Trade Minister Hajime Tamura has often said the talks would go on.",
        "Trade Minister Hajime Tamura repeatedly warned the talks would go on.",
        "Hajime Tamura, adviser to the prime minister, said the talks would go on.",
    ],
)
def test_asides_adverbs_and_auxiliaries_between_subject_and_verb(sentence):
    assert speaker_of(sentence, "talks would go on") == "Hajime Tamura"


# 3. Sentence shapes


def test_the_tail_after_the_attribution_belongs_to_the_statement():
    found = speakers("Exports fell 3 pct, Trade Minister Hajime Tamura said, about half the 1985 level.")
    assert found == [(found[0][0], "Hajime Tamura")] and "about half the 1985 level" in found[0][0]


def test_one_who_said_it_speaks_and_one_who_relays_it_does_not():
    text = ("Trade Minister Hajime Tamura met Yeutter. Yeutter said the talks would go on, "
            "Trade Minister Hajime Tamura told reporters.")
    assert speaker_of(text, "talks would go on") == "Yeutter"


def test_quoted_as_saying():
    text = "Trade Minister Hajime Tamura spoke. Kyodo quoted Tamura as saying the talks would go on."
    assert speaker_of(text, "talks would go on") == "Hajime Tamura"


# 4. The speaker carried forward


def test_a_run_of_quotation_paragraphs_keeps_the_speaker():
    text = ('Trade Minister Hajime Tamura said:\n\n"The talks will go on for a long while."\n\n'
            '"We have no reason at all to stop them."')
    assert speaker_of(text, "no reason at all") == "Hajime Tamura"


def test_he_looks_back_past_a_paragraph_naming_nobody():
    text = ("Trade Minister Hajime Tamura said the talks would go on.\n\nThe yen rose on the news.\n\n"
            "The Economic Planning Agency said growth slowed.\n\nThe surplus will shrink, he said.")
    assert speaker_of(text, "surplus will shrink") == "Hajime Tamura"


def test_an_unnamed_speaker_between_stops_the_look_back():
    text = ("Trade Minister Hajime Tamura said the talks would go on.\n\nOne trader said the yen "
            "would rise. But it may fall later, he said.")
    assert speaker_of(text, "may fall later") is None


# 5. Descriptions and groups


def test_a_description_matching_one_persons_role_is_that_person():
    text = ("U.S. Trade Representative Clayton Yeutter arrived.\n\nThe U.S. trade representative said "
            "the talks would go on.")
    assert speaker_of(text, "talks would go on") == "Clayton Yeutter"


def test_the_company_and_a_spokesman_name_the_company_that_spoke():
    text = ("Echo Bay Mines Ltd said it found gold in Nevada.\n\nThe company said output would rise. "
            "A spokesman said costs would fall.\n\nEcho Bay said the mine would open.")
    assert speaker_of(text, "output would rise") == "Echo Bay Mines Ltd"
    assert speaker_of(text, "costs would fall") == "Echo Bay Mines Ltd"
    assert speaker_of(text, "mine would open") == "Echo Bay Mines Ltd"


def test_a_description_fitting_nobody_in_particular_stays_a_label():
    assert speaker_of("A Nordic minister said the talks would go on.", "talks would go on") is None


# 6. Typography


def test_mixed_and_typed_quotation_marks():
    assert speaker_of('"We will win this fight in the end!” Trump tweeted.', "win this fight") == "Trump"
    assert speaker_of("“We will win this fight in the end,’’ said Trade Minister Hajime Tamura.",
                      "win this fight") == "Hajime Tamura"


def test_a_quotation_does_not_swallow_its_attribution():
    found = speakers("“We will go on, Trade Minister Hajime Tamura said. “We are ready for it.”")
    assert ("We will go on", "Hajime Tamura") in found


# 7. People as entities


def test_weekday_misspelling_plural_and_company_are_not_new_people():
    result = extract("HEADLINE\n\nWASHINGTON, March 2 - U.S. Trade Representative Clayton Yeutter Monday "
                     "met Japan's envoy. Yuetter said talks would go on.\n\nEcho Bay Mines Ltd said it "
                     "found gold. Echo Bay said output would rise.")
    assert [p.name for p in result.people] == ["Clayton Yeutter"]


# Modern wire style


def test_she_is_never_a_man_and_he_never_a_woman():
    text = ("White House press secretary Stephanie Grisham spoke to reporters. President Donald Trump "
            "also spoke.\n\n“The president is fine,” she said.")
    assert speaker_of(text, "president is fine") == "Stephanie Grisham"


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will not back down,” said Stephanie Grisham Tuesday.",
        "Press secretary Stephanie Grisham said Tuesday that we will not back down.",
        "Press secretary Stephanie Grisham wrote on Twitter that we will not back down.",
        "Rep. Stephanie Grisham (D-N.M.) said we will not back down.",
    ],
)
def test_weekdays_platforms_and_party_tags_around_the_attribution(sentence):
    found = speakers(sentence)
    assert [(text.lower(), who) for text, who in found] == [("we will not back down", "Stephanie Grisham")]


def test_according_to_opening_a_sentence():
    assert speaker_of("Trade Minister Hajime Tamura spoke.\n\nAccording to Tamura, the talks would go on.",
                      "talks would go on") == "Hajime Tamura"


def test_asked_about_someones_plan_is_not_said_by_them():
    text = ("Trade Minister Hajime Tamura spoke.\n\nAsked about Treasury Secretary James Baker's plan, he said "
            "the talks would go on.")
    assert speaker_of(text, "talks would go on") == "Hajime Tamura"


# Verbs that report only at the end of the sentence or right after the reported words


@pytest.mark.parametrize(
    "sentence",
    [
        "The surplus widened in February, Trade Minister Hajime Tamura concluded.",
        "The surplus widened by about ten pct in February, Trade Minister Hajime Tamura estimated.",
        '"The surplus will widen in February," agreed Trade Minister Hajime Tamura.',
    ],
)
def test_verbs_that_report_at_the_end_of_the_sentence(sentence):
    assert speaker_of(sentence, "February") == "Hajime Tamura"


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade Minister Hajime Tamura agreed to cut the surplus in February.",
        "Trade Minister Hajime Tamura estimated the damage in February.",
        "The surplus will be cut in February, as Trade Minister Hajime Tamura had agreed.",
        "The surplus was smaller in February than Trade Minister Hajime Tamura estimated.",
    ],
)
def test_those_verbs_elsewhere_are_acts(sentence):
    assert speaker_of(sentence, "February") == "no statement"


# Subjects in general constructions


def test_a_leading_but_opens_an_apposition_chain():
    text = "But Hajime Tamura, the head of the trade ministry's task force, said the surplus widened in February."
    assert speaker_of(text, "February") == "Hajime Tamura"


def test_a_role_after_the_name_without_a_comma_before_the_verb():
    text = "Hajime Tamura, chief of the trade ministry's budget division said the surplus widened in February."
    assert speaker_of(text, "February") == "Hajime Tamura"


def test_a_group_led_by_a_person_is_not_that_person():
    text = "An investor group led by New York investor George Soros said it bought the shares in February."
    assert speaker_of(text, "February") is None


def test_a_company_named_by_the_first_words_of_its_name():
    text = "UAL Inc shares rose on Monday.\n\nUAL last month said it would sell the unit in February."
    assert speaker_of(text, "February") == "UAL Inc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Finance Ministry issued the figures.\n\nIt said the surplus widened in February.", "Finance Ministry"),
        ("Finance Ministry officials met bankers.\n\nThey said the surplus widened in February.", "Finance Ministry"),
        ("The Finance Ministry met the unions, which closed the plant because it said the surplus "
         "widened in February.", None),
    ],
)
def test_it_and_they_after_an_organisation_that_opened_the_sentence_before(text, expected):
    result = extract("HEADLINE\n\nTOKYO, March 2 - Talks began on Monday.\n\n" + text)
    found = [s for s in result.statements if "February" in s.text]
    assert [(s.speaker_person, s.speaker_organisation) for s in found] == [(None, expected)]


def test_more_verbs_that_report_before_that():
    for verb in ("indicated", "pointed out", "made it clear", "expressed concern", "forecast", "proposed"):
        assert speaker_of(f"Trade Minister Hajime Tamura {verb} that the surplus would widen in February.",
                          "February") == "Hajime Tamura", verb
    assert speaker_of("Trade Minister Hajime Tamura proposed a cut in February.", "February") == "no statement"
    assert speaker_of("Trade Minister Hajime Tamura denied in an interview that the surplus widened in February.",
                      "February") == "Hajime Tamura"
    assert speaker_of('"The surplus widened in February," Hajime Tamura declared in a televised address.',
                      "February") == "Hajime Tamura"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KeyCorp said it filed for an offering.\n\nThe company said the notes will be offered in February.",
         "KeyCorp"),
        ("Rubber exports rose 10 pct in February, the private Board of Trade said.", "Board of Trade"),
        ("A tremor hit the north in February, the National Bureau for Emergencies said.",
         "National Bureau for Emergencies"),
    ],
)
def test_organisations_named_by_description(text, expected):
    assert speaker_of(text, "February") == expected


def test_a_company_spokesman_is_the_one_company_of_the_opening_paragraph():
    result = extract("HEADLINE\n\nLONDON, March 2 - Talks at Cargill U.K. Ltd's crushing plant ended in February "
                     "without result, a company spokesman said.")
    assert [s.speaker_organisation for s in result.statements] == ["Cargill U.K. Ltd"]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Sticht was named chairman on Monday. A company spokesman said Sticht will serve until April. "
        "He said the choice was made in February.",
        "Chairman Dan Rostenkowski met House Speaker Jim Wright to discuss taxes, an aide said. "
        "He added that the decision was made in February.",
    ],
)
def test_a_name_inside_what_an_unnamed_speaker_said_is_no_antecedent(text):
    assert speaker_of(text, "February") is None


def test_a_name_the_story_prints_with_a_company_word_is_that_company():
    text = ("Halcyon Investments bought shares on Monday.\n\n"
            "Halcyon, whose managing partner is Alan Slifka, said it bought more in February.")
    assert speaker_of(text, "February") == "Halcyon Investments"
    assert "Halcyon" not in {p.name for p in extract("HEADLINE\n\n" + text).people}


def test_a_pronoun_looks_back_past_paragraphs_naming_nobody():
    text = ("Speaker Nancy Pelosi spoke on Tuesday.\n\nThe House will vote next week on the bill.\n\n"
            "“We will not be deterred in February,” she said.")
    assert speaker_of(text, "February") == "Nancy Pelosi"
    text = ("Speaker Nancy Pelosi spoke on Tuesday with Senator Chuck Schumer.\n\nThe House will vote next week.\n\n"
            "“We will not be deterred in February,” she said.")
    assert speaker_of(text, "February") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Downing Street said the UK would leave in February.", "Downing Street"),
        ("A Downing Street spokesman said the UK would leave in February.", "Downing Street"),
        ("“Three people were arrested in February,” Det Supt Andrew Smith said.", "Andrew Smith"),
        ("Sadiq Khan spoke outside City Hall. He said London would never be cowed in February.", "Sadiq Khan"),
    ],
)
def test_modern_british_news(text, expected):
    assert speaker_of(text, "February") == expected


def test_a_place_before_a_description_and_its_verb_is_no_person():
    result = extract("HEADLINE\n\nSpeaking in Manchester, the Labour leader said the deal would be rejected.")
    assert "Manchester" not in {p.name for p in result.people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hearing in February was “a circus,” according to Representative Devin Nunes.", "Devin Nunes"),
        ("Boris Johnson’s spokesman said the prime minister would not resign in February.", None),
        ("Health officials said the number of cases rose in February.", None),
        ("The Belgian National Bank bought currencies in February, a Bank spokesman said.", "Belgian National Bank"),
    ],
)
def test_voices_and_quoted_words_before_according_to(text, expected):
    assert speaker_of(text, "February") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dow Chemical Co's <DOW> Merrell Dow Pharmaceuticals Inc unit said a jury ruled in February.",
         "Merrell Dow Pharmaceuticals Inc"),
        ("Industrial Equity (Pacific) Ltd, a Hong Kong investment firm, said it raised its stake in February.",
         "Industrial Equity (Pacific) Ltd"),
        ("The London Meat Futures Exchange, LMFE, will stop trading.\n\nTrading ends in February, the LMFE said.",
         "London Meat Futures Exchange"),
        ("House Speaker Jim Wright, a Texas Democrat, met bankers.\n\n"
         "\"There is no way to cut the deficit in February,\" the Texas Democrat told reporters.", "Jim Wright"),
    ],
)
def test_units_acronyms_and_descriptions_printed_elsewhere(text, expected):
    assert speaker_of(text, "February") == expected


def test_single_quotation_marks_of_british_and_australian_papers():
    text = ("Prime Minister Scott Morrison spoke.\n\n‘The fires are a national tragedy in February,’ "
            "Mr Morrison said. ‘We will help.’")
    assert speaker_of(text, "February") == "Scott Morrison"
    result = extract(
        "HEADLINE\n\nPrime Minister Scott Morrison said Australia’s ‘tough’ stance in February would stand."
    )
    assert [s.text for s in result.statements] == ["Australia’s ‘tough’ stance in February would stand"]


@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Kiichi Miyazawa was quoted by Kyodo as saying the yen would rise in February.",
        "The yen would rise in February, Finance Minister Kiichi Miyazawa was quoted as saying by Kyodo.",
        "The yen would rise in February, Finance Minister Kiichi Miyazawa told parliament, adding that exports "
        "would slow.",
    ],
)
def test_passive_quoted_and_told_then_adding(text):
    assert speaker_of(text, "yen would") == "Kiichi Miyazawa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The campaign of Senator Bernie Sanders said the details were needed in February.", None),
        ("“We need the details in February,” said a senior aide to Senator Bernie Sanders.", None),
        ("Trump’s lawyer, Rudy Giuliani, said the details were needed in February.", "Rudy Giuliani"),
    ],
)
def test_a_person_named_inside_a_group_or_an_aide_s_description_is_not_the_speaker(text, expected):
    assert speaker_of(text, "February") == expected


def test_accented_names_of_modern_news():
    assert speaker_of("Jeanine Áñez said the interim government would hold elections in February.",
                      "February") == "Jeanine Áñez"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TWA said it would refile its application in February.", "TWA"),
        ("Red Lion Inns Limited Partnership said it filed a registration statement in February.",
         "Red Lion Inns Limited Partnership"),
    ],
)
def test_acronyms_and_partnerships_speak_as_organisations(text, expected):
    assert speaker_of(text, "February") == expected


def test_managing_director_and_a_circumstance_after_an_inverted_name():
    text = ("Ansett will buy 20 pct of America West in February, <Ansett Transport Ltd> managing director "
            "Peter Abeles said.")
    assert speaker_of(text, "February") == "Peter Abeles"
    text = ("Speaker Ali Akbar Hashemi Rafsanjani spoke.\n\n\"We will carry out our duty in February,\" said "
            "Rafsanjani in a speech to Parliament later broadcast by Tehran Radio.")
    assert speaker_of(text, "February") == "Ali Akbar Hashemi Rafsanjani"
    text = ("The Iranian news agency IRNA, in a report received in London, said the operation launched into Iraq "
            "on February 9 was over.")
    assert speaker_of(text, "February") == "IRNA"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parliament passed the budget, State Radio said.\n\nThe radio said the vote was in February.", "State Radio"),
        ("A licence was issued in February, said Southern Co <SO> unit Georgia Power.", "Georgia Power"),
    ],
)
def test_broadcasters_and_units_named_after_their_parent(text, expected):
    assert speaker_of(text, "February") == expected
