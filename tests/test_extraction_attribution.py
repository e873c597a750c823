"""Attribution by class (issue 12): one invented example, or two, for each class of miss.

The examples are made up for the rule, not copied from the gold: the gold measures the rules,
these say what each rule is for.
"""

from __future__ import annotations

import pytest

from archive.extraction import extract

from .speech import given, speaker_of, speakers

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
        "Trade Minister Hajime Tamura alleged that the surplus widened in February.",
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
        "Trade Minister Hajime Tamura denied the alleged fraud in February.",
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


@pytest.mark.parametrize("tail", ["although no date has been set", "but not before the new plant opens"])
def test_the_writers_clause_after_the_attribution_is_not_the_statement(tail):
    """'..., Tjahjanto added, although dynamite fishing is common': the clause before is what he said."""
    found = speakers(f"Talks on the new plant will resume in March, Trade Minister Hajime Tamura said, {tail}.")
    assert found == [("Talks on the new plant will resume in March", "Hajime Tamura")]


def test_the_one_quoted_is_named_in_the_apposition_after_a_description():
    text = (
        "Other media quoted the head of the search and rescue agency, Fransiskus Bambang Soelistyo, "
        "as saying only three bodies had been retrieved."
    )
    assert speaker_of(text, "three bodies") == "Fransiskus Bambang Soelistyo"


def test_what_the_speaker_added_after_the_attribution_is_a_statement_of_its_own():
    found = speakers(
        "Gold from South Africa will not be used in the coin, Trade Minister Hajime Tamura said, adding "
        "that bullion would be bought on the world market."
    )
    assert found == [
        ("Gold from South Africa will not be used in the coin", "Hajime Tamura"),
        ("bullion would be bought on the world market", "Hajime Tamura"),
    ]
    found = speakers('Gold will not be used, Trade Minister Hajime Tamura said, adding "We buy on the world market."')
    assert found == [("Gold will not be used", "Hajime Tamura"), ("We buy on the world market", "Hajime Tamura")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade Minister Hajime Tamura, for example, said the talks would go on.",
        "Trade Minister Hajime Tamura said in a posting to members that the talks would go on.",
        "Trade Minister Hajime Tamura said that, in his view, the talks would go on.",
    ],
)
def test_asides_and_that_before_a_comma(sentence):
    text = next(said for said, _ in speakers(sentence) if "the talks would go on" in said)
    assert text.startswith(("the talks", "in his view"))


def test_a_source_close_to_someone_is_a_speaker_but_not_that_one():
    result = extract("HEADLINE\n\nThe talks would go on, said a source close to Trade Minister Hajime Tamura.")
    assert given(result, "The talks would go on") == "[a source close to Trade Minister Hajime Tamura]"


@pytest.mark.parametrize("verb", ["pleaded", "shouted", "whispered", "wondered"])
def test_how_the_words_were_said_reports_right_after_a_quotation(verb):
    text = f'Trade Minister Hajime Tamura spoke late. "Why is nobody listening?" he {verb}.'
    assert speaker_of(text, "nobody listening") == "Hajime Tamura"
    assert speaker_of(f"Trade Minister Hajime Tamura {verb} at the crowd over the noise.", "crowd") == "no statement"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers were still arguing over which way the talks should go.",
        "The nation's rail system was adding seats on some routes.",
    ],
)
def test_a_progressive_participle_is_what_they_did(sentence):
    assert speakers(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Hajime Tamura matter-of-factly explained that the talks would go on.",
        "(He further noted that the talks would go on.)",
        "He’d warned that the talks would go on.",
    ],
)
def test_the_subject_without_its_adverb_bracket_or_contraction(sentence):
    text = "Trade Minister Hajime Tamura arrived on Monday. " + sentence
    assert speaker_of(text, "the talks would go on") == "Hajime Tamura"


def test_the_paragraph_after_said_colon_printed_without_quotation_marks():
    text = (
        "Trade Minister Hajime Tamura, who chairs the talks, said:\n\n"
        "We will not accept any agreement that leaves our farmers worse off than before.\n\n"
        "Talks resume on Monday."
    )
    assert speakers(text) == [
        ("We will not accept any agreement that leaves our farmers worse off than before", "Hajime Tamura")
    ]


def test_a_clause_and_another_subject_then_its_verb():
    text = (
        "Trade Minister Hajime Tamura was taken to hospital with injuries and a hospital spokesman said "
        "Tamura was in fair condition on Sunday."
    )
    assert given(extract("HEADLINE\n\n" + text), "in fair condition") == "[a hospital spokesman]"


def test_a_time_before_the_subject_is_no_part_of_it():
    text = "Talks began. This morning Trade Minister Hajime Tamura said the talks would go on."
    assert speaker_of(text, "the talks would go on") == "Hajime Tamura"


def test_scare_quotes_and_titles_inside_a_sentence_are_no_statements():
    assert speakers("Localities have \u201cpeace committees\u201d to resolve disputes without jail.") == []
    # a short quotation that opens its sentence still may be one
    assert speakers('"Never again." The banner hung over the square all week.') == [("Never again", None)]


@pytest.mark.parametrize("verb", ["argue", "insist", "maintain", "warn"])
def test_present_forms_after_a_plural_subject_report_before_that(verb):
    found = speakers(f"Western diplomats {verb} that the shares are valued far too high by the ministry.")
    assert found == [("the shares are valued far too high by the ministry", None)]
    assert speakers(f"The diplomats want to {verb} the case before the ministry.") == []


def test_a_mark_after_a_number_is_inches_unless_it_closes_a_quotation():
    assert speakers('The set measures 22" long and 22" wide. A 34" 3440x1440 monitor costs $649.99.') == []
    assert speakers('"We won the match 3-1," the coach said after the game.') == [("We won the match 3-1", None)]


def test_a_document_posted_is_no_speaker_and_its_participle_clause_is_the_subjects():
    text = (
        "Trade Minister Hajime Tamura asked for patience in a letter posted on Twitter on Tuesday, saying "
        "he did not think a quick deal would be helpful."
    )
    assert speaker_of(text, "quick deal would be helpful") == "Hajime Tamura"
    found = speakers("The ministry said in a statement released on Monday that its exports fell sharply in May.")
    assert found == [("its exports fell sharply in May", None)]


def test_a_participle_opening_the_sentence_reports_for_its_subject():
    text = (
        "Noting that exports fell for a third month, Trade Minister Hajime Tamura said the yen had not yet turned."
    )
    assert speaker_of(text, "exports fell for a third month") == "Hajime Tamura"


def test_a_name_then_an_apposition_never_closed_before_the_verb():
    text = (
        '"The air improved because the wind turned," Kurinji Selvaraj, a research analyst at the Council '
        "on Energy, Environment and Water think tank told CBS News."
    )
    assert speaker_of(text, "the wind turned") == "Kurinji Selvaraj"
    # a clause after the apposition: the subject at the end speaks
    text = "Albert Hakim, an arms merchant, is the first player who may testify, investigators said on Monday."
    assert speaker_of(text, "the first player") is None


def test_words_running_on_into_a_quotation_are_one_statement():
    text = (
        "The outages have been \u201cterribly disruptive\u201d and the utility is taking steps to avoid them, "
        "\u201cbut we won\u2019t roll the dice on public safety,\u201d Trade Minister Hajime Tamura said."
    )
    found = speakers(text)
    assert len(found) == 1 and found[0][1] == "Hajime Tamura"
    assert found[0][0].startswith("The outages have been") and "roll the dice on public safety" in found[0][0]
    # a quotation of its own after an intro stays one
    found = speakers('Asked about the plan on Monday, "It is dead and buried now," Trade Minister Hajime Tamura said.')
    assert found == [("It is dead and buried now", "Hajime Tamura")]


def test_a_quotation_in_the_writers_clause_and_what_was_added_after_one():
    text = (
        "While the \u201cMeth. We\u2019re on it.\u201d campaign did not appeal to Trade Minister Hajime Tamura, "
        "he said he did not want to judge the campaign."
    )
    assert speakers(text) == [("he did not want to judge the campaign", "Hajime Tamura")]
    text = (
        "Trade Minister Hajime Tamura said in a statement, \u201cWe are profoundly pleased and relieved\u201d at "
        "the release, adding that the family had asked to convey its own relief."
    )
    assert speaker_of(text, "the family had asked") == "Hajime Tamura"


def test_people_by_what_they_do_may_be_the_speakers_after_the_verb():
    found = extract("HEADLINE\n\nOne of the most popular offerings so far, said the owners, is the Pick 6.")
    assert given(found, "Pick 6") == "[the owners]"


def test_a_report_inside_an_opening_clause_ends_at_its_comma_and_points_ahead():
    text = (
        "Trade Minister Hajime Tamura arrived on Monday. Although he said the talks would go on, "
        "Tamura stopped short of naming a date."
    )
    assert speakers(text) == [("the talks would go on", "Hajime Tamura")]


def test_and_right_before_an_aside_attribution():
    """'... a common ground and, a diplomatic source said, narrowed ...' once raised IndexError."""
    text = (
        "EC representatives met in closed session in Brussels on Friday in an attempt to reach a common "
        "ground and, a diplomatic source said, narrowed their differences on the farm price package."
    )
    assert [who for _, who in speakers(text)] == [None]


def test_quoted_him_as_saying_and_quoting_someone_as_saying():
    text = "Trade Minister Hajime Tamura arrived on Monday. Kyodo quoted him as saying the talks would go on."
    assert speaker_of(text, "the talks would go on") == "Hajime Tamura"
    text = "The spokesman went no further than quoting Trade Minister Hajime Tamura as saying the talks would go on."
    assert speaker_of(text, "the talks would go on") == "Hajime Tamura"


def test_states_reports_after_a_name_and_not_after_member():
    text = 'In another tweet, Trade Minister Hajime Tamura states, "Some people think the talks are over."'
    assert speaker_of(text, "talks are over") == "Hajime Tamura"
    assert speakers("The member states that joined the pact in 2004 have grown faster than the rest.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "First, let\u2019s say what the sale of the company is not.",
        "In either case, shareholders get a say in the merger of the two companies.",
        "Be warned: if the bad guys do not get you, the jump scares will.",
    ],
)
def test_say_as_a_noun_or_an_idiom_and_an_imperative_are_no_statements(sentence):
    assert speakers(sentence) == []


def test_in_someones_words_introduces_a_quotation():
    text = 'Trade Minister Hajime Tamura arrived. In Tamura\'s words, "The talks will go on until we agree."'
    assert speaker_of(text, "The talks will go on") == "Hajime Tamura"


def test_todays_after_the_verb_and_a_quotation_after_his_sentence():
    found = speakers("Trade Minister Hajime Tamura said today's signing of the pact was a step forward.")
    assert found == [("today's signing of the pact was a step forward", "Hajime Tamura")]
    text = (
        "Trade Minister Hajime Tamura signed the pact.\n\nBut, in remarks prepared for the ceremony, he warned "
        'against complacency. "The trade problem is not solved by any means."'
    )
    assert speaker_of(text, "not solved") == "Hajime Tamura"


def test_quotations_opened_with_backticks_and_closed_with_apostrophes():
    text = (
        "``There is a political will to hold the elections,'' Trade Minister Hajime Tamura said. "
        "``We are ready technically.''\n\n"
        "``It would be a very positive step,'' former Secretary of State James Baker told CNN on Friday."
    )
    assert speakers(text) == [
        ("There is a political will to hold the elections", "Hajime Tamura"),
        ("We are ready technically", "Hajime Tamura"),
        ("It would be a very positive step", "James Baker"),
    ]


def test_on_condition_of_anonymity_is_no_part_of_the_statement():
    found = speakers("A senior official said on condition of anonymity that the talks had not been scheduled.")
    assert found == [("the talks had not been scheduled", None)]


def test_told_reporters_monday_afternoon_that():
    text = (
        "Trade Minister Hajime Tamura, whose name had been discussed, told reporters Monday afternoon that "
        'he had not been approached about the job. "It has not been mentioned to me," he said.'
    )
    assert speakers(text) == [
        ("he had not been approached about the job", "Hajime Tamura"),
        ("It has not been mentioned to me", "Hajime Tamura"),
    ]


def test_someone_named_in_the_speakers_aside_does_not_take_his_next_he():
    text = (
        "Prime Minister Yasuhiro Nakasone arrived in Washington.\n\n"
        "White House spokesman Marlin Fitzwater, asked if Nakasone's visit might help, said progress was "
        "possible.\n\n"
        'He added, "If you want to measure that in terms of lifting the sanctions, that is more doubtful."'
    )
    assert speaker_of(text, "lifting the sanctions") == "Marlin Fitzwater"


def test_initials_in_brackets_end_no_sentence():
    found = speakers('"Loan demand picked up," an analyst at Mansion House Securities (F.E.) Ltd said.')
    assert [said for said, _ in found] == ["Loan demand picked up"]
    found = extract("HEADLINE\n\nSony (U.K.) Ltd said it would double capacity at its Bridgend factory.")
    assert given(found, "double capacity") == "Sony (U.K.) Ltd"


def test_an_articles_noun_phrase_is_the_subject_of_a_later_said():
    found = extract(
        "HEADLINE\n\nThe share market analysts saw no particular problems in the pricing but said the "
        "timing was unfortunate."
    )
    assert given(found, "timing was unfortunate") == "[The share market analysts]"
    text = (
        "During the hearings, the equity committee's lawyer Trade Minister Hajime Tamura walked out, saying he "
        "could not represent both groups."
    )
    assert speaker_of(text, "could not represent both groups") == "Hajime Tamura"


def test_one_who_said_it_speaks_and_one_who_relays_it_does_not():
    text = (
        "Trade Minister Hajime Tamura met Yeutter. Yeutter said the talks would go on, "
        "Trade Minister Hajime Tamura told reporters."
    )
    assert speaker_of(text, "talks would go on") == "Yeutter"


def test_quoted_as_saying():
    text = "Trade Minister Hajime Tamura spoke. Kyodo quoted Tamura as saying the talks would go on."
    assert speaker_of(text, "talks would go on") == "Hajime Tamura"


@pytest.mark.parametrize(
    "text, person",
    [
        ("The official Xinhua news agency quoted Li Peng as saying China would keep its policy.", "Li Peng"),
        ("Tass quoted Mikhail Gorbachev as telling the meeting that Moscow would want peace.", "Mikhail Gorbachev"),
        ("The Mainichi Shimbun quoted Nippon Steel as saying that China would buy more.", None),
    ],
)
def test_the_one_quoted_as_saying_is_a_person_on_that_cue_alone(text, person):
    # no role, no honorific, no common given name: "quoted X as saying" is what makes X a speaker
    # (a company's name is still no person)
    result = extract(text)
    assert [p.name for p in result.people] == ([person] if person else [])
    assert [s.speaker_person for s in result.statements] == [person]


# 4. The speaker carried forward


def test_a_run_of_quotation_paragraphs_keeps_the_speaker():
    text = (
        'Trade Minister Hajime Tamura said:\n\n"The talks will go on for a long while."\n\n'
        '"We have no reason at all to stop them."'
    )
    assert speaker_of(text, "no reason at all") == "Hajime Tamura"


def test_he_looks_back_past_a_paragraph_naming_nobody():
    text = (
        "Trade Minister Hajime Tamura said the talks would go on.\n\nThe yen rose on the news.\n\n"
        "The Economic Planning Agency said growth slowed.\n\nThe surplus will shrink, he said."
    )
    assert speaker_of(text, "surplus will shrink") == "Hajime Tamura"


def test_an_unnamed_speaker_between_stops_the_look_back():
    text = (
        "Trade Minister Hajime Tamura said the talks would go on.\n\nOne trader said the yen "
        "would rise. But it may fall later, he said."
    )
    assert speaker_of(text, "may fall later") is None


# 5. Descriptions and groups


def test_a_description_matching_one_persons_role_is_that_person():
    text = (
        "U.S. Trade Representative Clayton Yeutter arrived.\n\nThe U.S. trade representative said "
        "the talks would go on."
    )
    assert speaker_of(text, "talks would go on") == "Clayton Yeutter"


def test_the_company_and_a_spokesman_name_the_company_that_spoke():
    text = (
        "Echo Bay Mines Ltd said it found gold in Nevada.\n\nThe company said output would rise. "
        "A spokesman said costs would fall.\n\nEcho Bay said the mine would open."
    )
    assert speaker_of(text, "output would rise") == "Echo Bay Mines Ltd"
    assert speaker_of(text, "costs would fall") == "Echo Bay Mines Ltd"
    assert speaker_of(text, "mine would open") == "Echo Bay Mines Ltd"


def test_a_description_fitting_nobody_in_particular_stays_a_label():
    assert speaker_of("A Nordic minister said the talks would go on.", "talks would go on") is None


# 6. Typography


def test_mixed_and_typed_quotation_marks():
    assert speaker_of('"We will win this fight in the end!” Trump tweeted.', "win this fight") == "Trump"
    assert (
        speaker_of("“We will win this fight in the end,’’ said Trade Minister Hajime Tamura.", "win this fight")
        == "Hajime Tamura"
    )


def test_a_quotation_does_not_swallow_its_attribution():
    found = speakers("“We will go on, Trade Minister Hajime Tamura said. “We are ready for it.”")
    assert ("We will go on", "Hajime Tamura") in found


# 7. People as entities


def test_weekday_misspelling_plural_and_company_are_not_new_people():
    result = extract(
        "HEADLINE\n\nWASHINGTON, March 2 - U.S. Trade Representative Clayton Yeutter Monday "
        "met Japan's envoy. Yuetter said talks would go on.\n\nEcho Bay Mines Ltd said it "
        "found gold. Echo Bay said output would rise."
    )
    assert [p.name for p in result.people] == ["Clayton Yeutter"]


# Modern wire style


def test_she_is_never_a_man_and_he_never_a_woman():
    text = (
        "White House press secretary Stephanie Grisham spoke to reporters. President Donald Trump "
        "also spoke.\n\n“The president is fine,” she said."
    )
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
    assert (
        speaker_of(
            "Trade Minister Hajime Tamura spoke.\n\nAccording to Tamura, the talks would go on.", "talks would go on"
        )
        == "Hajime Tamura"
    )


def test_asked_about_someones_plan_is_not_said_by_them():
    text = (
        "Trade Minister Hajime Tamura spoke.\n\nAsked about Treasury Secretary James Baker's plan, he said "
        "the talks would go on."
    )
    assert speaker_of(text, "talks would go on") == "Hajime Tamura"


@pytest.mark.parametrize(
    "opening",
    ["Speaking to reporters after talks with Prime Minister Yasuhiro Nakasone", "After talks with Yasuhiro Nakasone"],
)
def test_the_one_met_in_an_opening_phrase_is_not_he(opening):
    text = f"U.S. Trade Representative Clayton Yeutter arrived.\n\n{opening}, he said the talks would go on."
    assert speaker_of(text, "talks would go on") == "Clayton Yeutter"
    # after he spoke: the one met in between is no other speaker
    text = (
        "U.S. Trade Representative Clayton Yeutter said Japan must open its markets.\n\n"
        f"{opening}, he said the talks would go on."
    )
    assert speaker_of(text, "talks would go on") == "Clayton Yeutter"


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
        (
            "The Finance Ministry met the unions, which closed the plant because it said the surplus "
            "widened in February.",
            None,
        ),
    ],
)
def test_it_and_they_after_an_organisation_that_opened_the_sentence_before(text, expected):
    result = extract("HEADLINE\n\nTOKYO, March 2 - Talks began on Monday.\n\n" + text)
    found = [s for s in result.statements if "February" in s.text]
    assert [(s.speaker_person, s.speaker_organisation) for s in found] == [(None, expected)]


def test_more_verbs_that_report_before_that():
    for verb in ("indicated", "pointed out", "made it clear", "expressed concern", "forecast", "proposed"):
        assert (
            speaker_of(f"Trade Minister Hajime Tamura {verb} that the surplus would widen in February.", "February")
            == "Hajime Tamura"
        ), verb
    assert speaker_of("Trade Minister Hajime Tamura proposed a cut in February.", "February") == "no statement"
    assert (
        speaker_of(
            "Trade Minister Hajime Tamura denied in an interview that the surplus widened in February.", "February"
        )
        == "Hajime Tamura"
    )
    assert (
        speaker_of('"The surplus widened in February," Hajime Tamura declared in a televised address.', "February")
        == "Hajime Tamura"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KeyCorp said it filed for an offering.\n\nThe company said the notes will be offered in February.",
            "KeyCorp",
        ),
        ("Rubber exports rose 10 pct in February, the private Board of Trade said.", "Board of Trade"),
        (
            "A tremor hit the north in February, the National Bureau for Emergencies said.",
            "National Bureau for Emergencies",
        ),
    ],
)
def test_organisations_named_by_description(text, expected):
    assert speaker_of(text, "February") == expected


def test_a_company_spokesman_is_the_one_company_of_the_opening_paragraph():
    result = extract(
        "HEADLINE\n\nLONDON, March 2 - Talks at Cargill U.K. Ltd's crushing plant ended in February "
        "without result, a company spokesman said."
    )
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
    text = (
        "Halcyon Investments bought shares on Monday.\n\n"
        "Halcyon, whose managing partner is Alan Slifka, said it bought more in February."
    )
    assert speaker_of(text, "February") == "Halcyon Investments"
    assert "Halcyon" not in {p.name for p in extract("HEADLINE\n\n" + text).people}


def test_a_pronoun_looks_back_past_paragraphs_naming_nobody():
    text = (
        "Speaker Nancy Pelosi spoke on Tuesday.\n\nThe House will vote next week on the bill.\n\n"
        "“We will not be deterred in February,” she said."
    )
    assert speaker_of(text, "February") == "Nancy Pelosi"
    text = (
        "Speaker Nancy Pelosi spoke on Tuesday with Senator Chuck Schumer.\n\nThe House will vote next week.\n\n"
        "“We will not be deterred in February,” she said."
    )
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
        (
            "Dow Chemical Co's <DOW> Merrell Dow Pharmaceuticals Inc unit said a jury ruled in February.",
            "Merrell Dow Pharmaceuticals Inc",
        ),
        (
            "Industrial Equity (Pacific) Ltd, a Hong Kong investment firm, said it raised its stake in February.",
            "Industrial Equity (Pacific) Ltd",
        ),
        (
            "The London Meat Futures Exchange, LMFE, will stop trading.\n\nTrading ends in February, the LMFE said.",
            "London Meat Futures Exchange",
        ),
        (
            "House Speaker Jim Wright, a Texas Democrat, met bankers.\n\n"
            '"There is no way to cut the deficit in February," the Texas Democrat told reporters.',
            "Jim Wright",
        ),
    ],
)
def test_units_acronyms_and_descriptions_printed_elsewhere(text, expected):
    assert speaker_of(text, "February") == expected


def test_single_quotation_marks_of_british_and_australian_papers():
    text = (
        "Prime Minister Scott Morrison spoke.\n\n‘The fires are a national tragedy in February,’ "
        "Mr Morrison said. ‘We will help.’"
    )
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
        "Finance Minister Kiichi Miyazawa was quoted on state television over the weekend as saying the yen would "
        "rise in February.",
        "The yen would rise in February, Tokyo Radio quoted Finance Minister Kiichi Miyazawa as saying.",
        "The Asahi newspaper quoted Kiichi Miyazawa, the finance minister since 1986, as saying the yen would rise "
        "in February.",
        "Japan's finance minister, Kiichi Miyazawa, was quoted in the Asahi newspaper as saying the yen would rise "
        "in February.",
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
        ("A source close to Treasury Secretary James Baker said the dollar would firm in February.", None),
        ("Officials familiar with Trade Representative Clayton Yeutter's plans said talks resume in February.", None),
    ],
)
def test_a_person_named_inside_a_group_or_an_aide_s_description_is_not_the_speaker(text, expected):
    assert speaker_of(text, "February") == expected


def test_accented_names_of_modern_news():
    assert (
        speaker_of("Jeanine Áñez said the interim government would hold elections in February.", "February")
        == "Jeanine Áñez"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TWA said it would refile its application in February.", "TWA"),
        (
            "Red Lion Inns Limited Partnership said it filed a registration statement in February.",
            "Red Lion Inns Limited Partnership",
        ),
    ],
)
def test_acronyms_and_partnerships_speak_as_organisations(text, expected):
    assert speaker_of(text, "February") == expected


def test_managing_director_and_a_circumstance_after_an_inverted_name():
    text = (
        "Ansett will buy 20 pct of America West in February, <Ansett Transport Ltd> managing director "
        "Peter Abeles said."
    )
    assert speaker_of(text, "February") == "Peter Abeles"
    text = (
        'Speaker Ali Akbar Hashemi Rafsanjani spoke.\n\n"We will carry out our duty in February," said '
        "Rafsanjani in a speech to Parliament later broadcast by Tehran Radio."
    )
    assert speaker_of(text, "February") == "Ali Akbar Hashemi Rafsanjani"
    text = (
        "The Iranian news agency IRNA, in a report received in London, said the operation launched into Iraq "
        "on February 9 was over."
    )
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


# Second development draw of issue 12: one invented example for each rule it brought.


def test_a_wire_that_types_apostrophes_as_double_marks():
    text = (
        'Mining Minister Samuel Lira said Chile"s copper exports would rise.\n\n'
        '"The mines of Chile"s north will produce more in February," he said.'
    )
    assert speaker_of(text, "copper exports") == "Samuel Lira"
    assert speaker_of(text, "north will produce more") == "Samuel Lira"


def test_told_reporters_after_a_meeting_reports_the_clause_before():
    text = (
        "Mining Minister Samuel Lira spoke.\n\nThe copper price would recover by February, he told reporters "
        "after meeting Peruvian, Zambian and Zairean ministers."
    )
    assert speaker_of(text, "recover by February") == "Samuel Lira"
    assert speaker_of(text, "Zairean ministers") == "no statement"


def test_an_inverted_name_opening_with_a_particle():
    text = '"We will sell no more copper before February," said van Buren of the Dutch trade board.'
    text = "Dutch trade chief Karel van Buren met the miners.\n\n" + text
    assert speaker_of(text, "no more copper") == "Karel van Buren"


def test_a_verb_that_goes_on_before_a_quotation():
    text = (
        'Mining Minister Samuel Lira said output rose.\n\nLira continued, "We will sell more copper in '
        'February than ever before."'
    )
    assert speaker_of(text, "sell more copper") == "Samuel Lira"
    assert speaker_of("Copper prices continued to rise in February, traders said.", "Copper prices") is None


def test_a_name_inside_a_circumstance_is_no_subject_of_the_description_after_it():
    text = (
        "Finance Minister Jorge Rey cancelled his trip because of the visit in February by Prime Minister "
        "Ana Silva, a Finance Ministry spokesman said."
    )
    assert speaker_of(text, "cancelled his trip") == "Finance Ministry"


def test_a_description_that_only_a_role_of_a_body_makes():
    text = "Exports will fall in February, Luis Ortega, President of the Lima Chamber of Commerce said."
    assert speaker_of(text, "Exports will fall") == "Luis Ortega"


def test_what_a_person_wrote_speaks_for_that_person():
    text = (
        "Senator Ann Kirk read a letter from Mining Minister Samuel Lira.\n\n"
        "Lira's letter also said copper exports would rise in February."
    )
    assert speaker_of(text, "copper exports") == "Samuel Lira"


def test_a_name_a_newspaper_apposition_makes_a_publication():
    text = (
        'The Lima Courier, the city\'s oldest paper, said: "The budget of February is a failure."\n\n'
        "The Evening Star newspaper called it shameful. It said the budget would fail by February."
    )
    assert speaker_of(text, "budget of February") == "Lima Courier"
    assert speaker_of(text, "would fail by February") == "Evening Star"


def test_an_adjective_before_officials_names_no_body():
    assert (
        speaker_of("The plan will not be made public until February, Congressional officials said.", "made public")
        is None
    )


def test_a_report_is_never_he():
    text = (
        "Mining Minister Samuel Lira warned the unions against strikes, the state radio said.\n\n"
        "A report, monitored in London, said he spoke to the miners in February.\n\n"
        "He said the mines would stay open until February."
    )
    assert speaker_of(text, "stay open") == "Samuel Lira"


def test_a_promise_of_a_thing_is_no_statement():
    text = "Prime Minister Ana Silva told ministries to cut spending and promised a review of the state mines."
    assert speaker_of(text, "review of the state mines") == "no statement"
    assert (
        speaker_of(
            "Prime Minister Ana Silva promised that the mines would stay open in February.", "mines would stay open"
        )
        == "Ana Silva"
    )


def test_a_based_prefix_and_a_lower_case_group_name_the_organisation_again():
    text = (
        'Short-selling firm Kestrel Research accused the Ferro Group of "the largest fraud in history."\n\n'
        "Tax officials met in February.\n\nMinisters met too.\n\nParliament met as well.\n\n"
        "U.S.-based Kestrel accused Ferro companies of fraud in February.\n\n"
        'The Ferro group dismissed the report, saying none of it was "based on facts found in February."'
    )
    assert speaker_of(text, "Ferro companies of fraud") == "Kestrel Research"
    assert speaker_of(text, "based on facts") == "Ferro Group"


def test_the_noun_that_opens_an_of_name_names_the_body_again():
    text = "The Bank of Korea issued figures on Monday. The bank said the surplus would widen in February."
    assert speaker_of(text, "surplus would widen") == "Bank of Korea"


def test_what_someone_called_a_thing():
    text = 'The accord was what Trade Minister Hajime Tamura called "a sham that ends in February."'
    assert speaker_of(text, "sham that ends") == "Hajime Tamura"


def test_a_description_with_a_short_form_of_the_body_in_the_title():
    text = (
        "Federal Reserve Board Chairman Paul Volcker met bankers.\n\n"
        "The surplus would widen in February, the Fed chairman said."
    )
    assert speaker_of(text, "surplus would widen") == "Paul Volcker"
    text = (
        "Federal Reserve Board Chairman Paul Volcker met Bundesbank Chairman Karl Otto Poehl.\n\n"
        "The surplus would widen in February, the Fed chairman said."
    )
    assert speaker_of(text, "surplus would widen") == "Paul Volcker"
    text = "Chairman Paul Volcker met bankers.\n\nThe surplus would widen in February, the Nordic chairman said."
    assert speaker_of(text, "surplus would widen") is None


def test_two_verbs_of_one_subject_report_two_statements():
    text = (
        "Treasury Secretary James Baker noted that a weaker currency takes 18 months to work, and said "
        "the trade gap would narrow in February."
    )
    assert speaker_of(text, "weaker currency takes") == "James Baker"
    assert speaker_of(text, "trade gap would narrow") == "James Baker"


def test_a_coordinated_verb_after_a_name_and_its_apposition():
    text = (
        "House Speaker Jim Wright spoke.\n\nWright, a Texas Democrat, conceded Congress would lose the vote "
        "but said the House would try again in February."
    )
    assert speaker_of(text, "try again in February") == "Jim Wright"
    assert speaker_of(text, "Congress would lose") == "Jim Wright"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fenwick and Bolt Corp said it raised the rating in February.", "Fenwick and Bolt Corp"),
        (
            "Danish brewing group A.S. Nordmalt Bryggerier <NORD.CO> said it will list its shares in February.",
            "A.S. Nordmalt Bryggerier",
        ),
        ("GRAVCOR said it would sell its unit in February.", "GRAVCOR"),
    ],
)
def test_a_company_named_by_its_legal_form_or_its_ticker(text, expected):
    assert speaker_of(text, "February") == expected


def test_initials_and_the_noun_a_company_name_opens():
    text = (
        "Fenwick and Poole Corp said it raised the rating in January.\n\n"
        "The loss was 30 mln dlrs in February, F and P noted."
    )
    assert speaker_of(text, "loss was 30 mln") == "Fenwick and Poole Corp"
    text = (
        "Tasman Banking Corp said it will raise its lending rate.\n\n"
        "The bank said tight liquidity would last until February."
    )
    assert speaker_of(text, "tight liquidity") == "Tasman Banking Corp"
    text = "The Statistics Bureau said output fell.\n\nExports fell in February, the bureau said."
    assert speaker_of(text, "Exports fell") == "Statistics Bureau"


def test_a_generational_suffix_ends_no_name():
    text = '"We are disappointed by the talks of February," said Fenwick chairman Nicholas Crane III.'
    assert speaker_of(text, "disappointed") == "Nicholas Crane"


def test_reaffirmed_reports_a_clause():
    text = "Fenwick Corp reaffirmed it expects to be profitable by February."
    assert speaker_of(text, "profitable") == "Fenwick Corp"


def test_a_clause_opening_with_an_ing_word_is_the_content():
    text = (
        "Trade Minister Ali Bongo spoke.\n\nGrowing protectionism had hurt the exports of February, he said in "
        "an opening speech to the ministers."
    )
    assert speaker_of(text, "Growing protectionism") == "Ali Bongo"
    text = "Trade Minister Ali Bongo spoke.\n\nSpeaking to reporters, he said exports would rise in February."
    assert speaker_of(text, "exports would rise") == "Ali Bongo"


def test_a_clause_before_a_pronoun_s_attribution_has_its_own():
    text = (
        "Admiral Tom Vance, chief of the naval staff, predicted the rebels will strike in February though "
        "he said their options were limited."
    )
    assert speaker_of(text, "rebels will strike") == "Tom Vance"
    assert speaker_of(text, "options were limited") == "Tom Vance"


def test_a_quotation_that_completes_a_reported_clause():
    text = (
        'A Treasury spokesman said the trip was off.\n\nHe said the visit was "part of the press of business" '
        "in February."
    )
    assert speaker_of(text, "the visit was") == "Treasury"
    text = 'Secretary of State Ann Berg said the alliance "must grow stronger in February."'
    assert next(s for s in extract("HEADLINE\n\n" + text).statements if "grow stronger" in s.text).kind == "direct"


def test_an_unnamed_voice_keeps_speaking_through_each_later_pronoun():
    """ "a Mitsubishi official said ... he said ... He said": every "he" is the official, whose words
    are Mitsubishi's, until someone else is named; not only the first."""
    text = (
        "Mitsubishi Corp took a stake in Danish Dairy Farms Ltd, a Mitsubishi official said.\n\n"
        "This is the first time a Japanese trading house has traded such products, he said.\n\n"
        "He said Mitsubishi expects the Danish company's sales to be 10 billion yen."
    )
    assert speaker_of(text, "first time a Japanese") == "Mitsubishi Corp"
    assert speaker_of(text, "expects the Danish") == "Mitsubishi Corp"
    text = (
        "The bank cut its rates, a Treasury spokesman said.\n\n"
        "Analyst Mary Dent of Chase said it was too late.\n\n"
        "He said more cuts were likely."
    )
    assert speaker_of(text, "more cuts") is None  # another person was named since


@pytest.mark.parametrize("joint", [" ", ", "])
def test_where_the_words_are_on_record_is_no_statement_of_its_own(joint):
    """ "CLAUSE, X said, according to a transcript": the clause is what X said; the source of the
    record is not his words."""
    text = (
        "These deals do not just pop up overnight, Ann Berg said"
        f"{joint}according to a transcript reviewed by Business Insider."
    )
    assert speakers(text)[-1] == ("These deals do not just pop up overnight", "Ann Berg")


def test_a_participle_used_as_an_adjective_is_no_reporting_verb():
    """ "comes with added costs", "the suggested new tax", "an announced rights issue": nobody speaks,
    and the speaker before still holds the next "he said"."""
    text = (
        '"They were the first to market the halibut," said Bob Alverson, head of the owners\' association.\n\n'
        "The certification comes with added costs borne by the fishermen. But it is also an assurance "
        '"that people are watching out for the resource," he said.'
    )
    assert [who for _, who in speakers(text)] == ["Bob Alverson", "Bob Alverson"]
    assert speakers("Lawmakers doubted the suggested new securities tax would pass.") == []


def test_a_quotation_in_the_first_person_goes_on_from_the_quoted_sentence_before():
    text = (
        '"I was shocked to see that level," said Tyler Besecker, a halibut buyer. The price, which was matched '
        'at other stores, is "as low as I have ever seen."'
    )
    assert [who for _, who in speakers(text)] == ["Tyler Besecker", "Tyler Besecker"]
    text = '"I was shocked," said Tyler Besecker, a buyer. The price is "a bargain for shoppers."'
    assert [who for _, who in speakers(text)][-1] is None  # no first person: not his for sure


def test_a_quotation_after_a_reported_statement_is_the_same_speakers():
    """'Heald noted the findings show ... "An air-quality cleanup would ..."': the speaker of the
    sentence just before goes on, though the paragraph has another speaker before it."""
    text = (
        "The Environmental Protection Agency says some crops may have higher yields. Colette Heald noted the "
        'findings show pollution reduction is also important. "An air-quality cleanup would improve crop yields."'
    )
    assert [who for _, who in speakers(text)][-1] == "Colette Heald"


def test_affirmed_reports_and_further_is_no_speaker():
    assert speakers("President Donald Trump affirmed that his campaign had no connections to Russia.") == [
        ("his campaign had no connections to Russia", "Donald Trump")
    ]
    text = 'Further adding, "On December 31, the U.S. Embassy sent a warden message to American citizens."'
    assert [who for _, who in speakers(text)] == [None]  # "Further" is no person


@pytest.mark.parametrize(
    ("introduced", "described", "who"),
    [
        ("Jacques Diouf, Director General of the Food and Agriculture Organization (FAO), met ministers.",
         "The FAO chief", "Jacques Diouf"),
        ("Federal Reserve Board Chairman Paul Volcker met bankers on Monday.", "The Fed chief", "Paul Volcker"),
        ("Paul Volcker and Gerald Corrigan of the Federal Reserve met bankers.", "The Fed chief", None),
        ("WHO Director-General Tedros Adhanom Ghebreyesus met Michael Ryan, head of the WHO’s emergencies "
         "programme.", "The WHO chief", "Tedros Adhanom Ghebreyesus"),  # Ryan heads a unit of it
    ],
)  # fmt: skip
def test_the_chief_of_a_body_is_the_one_person_whose_title_leads_it(introduced, described, who):
    text = f"{introduced}\n\n{described} said interest rates would stay low."
    assert speaker_of(text, "interest rates") == who


def test_expressed_confidence_or_hope_before_a_bare_clause_reports_it():
    assert speakers("Mayor Ann Berg expressed confidence the election would be credible.") == [
        ("the election would be credible", "Ann Berg")
    ]
    assert speakers("Mayor Ann Berg expressed confidence in the election.") == []


def test_an_interview_printed_as_a_transcript_gives_each_answer_to_the_one_who_answers():
    """ "Q: ... / A: ..." or the interviewer's name and the initials of the one interviewed: each
    answer is the interviewee's words, each question nobody's statement."""
    text = (
        "Kristian Hanson, the film's director, spoke with Wikinews about the festival.\n\n"
        "Wikinews: How did the film start?\n\n"
        "KH: We started in 2005 with a camera and a small team of friends.\n\n"
        "Wikinews: What was the budget?\n\n"
        "KH: About 800 dollars, most of it spent on fake blood.\n\n"
        "Hanson said the film would be shown in Dallas."
    )
    assert speakers(text) == [
        ("We started in 2005 with a camera and a small team of friends.", "Kristian Hanson"),
        ("About 800 dollars, most of it spent on fake blood.", "Kristian Hanson"),
        ("the film would be shown in Dallas", "Kristian Hanson"),
    ]
    text = "Kristen Michal spoke with Politico.\n\nQ: Is Russia testing NATO?\n\nA: Every week.\n\nQ: Why?\n\nA: Power."
    assert [who for _, who in speakers(text)] == ["Kristen Michal", "Kristen Michal"]
    text = "Note: prices are in dollars.\n\nSource: the ministry.\n\nThe minister said prices rose by a third in May."
    assert [said for said, _ in speakers(text)] == ["prices rose by a third in May"]  # no transcript


def test_of_two_holders_of_a_role_the_one_who_spoke_is_the_one_described():
    text = (
        "Secretary of State Ann Berg arrived on Sunday.\n\nFinance Secretary Tom Reyes met her.\n\n"
        "Berg said the treaty held.\n\n"
        "The secretary told reporters the two had discussed new investments in ports."
    )
    assert speaker_of(text, "new investments") == "Ann Berg"


@pytest.mark.parametrize(
    "text",
    [
        "Kym Lino, a spokesperson for the company, confirmed to WIRED that the company notifies its users.",
        "Syria's envoy Ann Berg complained to the United Nations that the company notifies its users.",
    ],
)
def test_to_whom_the_words_were_said_is_no_part_of_them(text):
    assert speakers(text)[-1][0] == "the company notifies its users"


def test_dashes_around_an_apposition():
    text = "Senator Maria Lopez — the ranking Democrat on the panel — said the bill would pass in February."
    assert speaker_of(text, "bill would pass") == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "Share prices fell sharply, the Midwest stock exchange said in February.",
            "prices fell",
            "Midwest Stock Exchange",
        ),
        (
            "The rules will change in February, the agriculture ministry said.",
            "rules will change",
            "Agriculture Ministry",
        ),
        (
            "The Interministerial Committee on Prices and Wages said wages would rise in February.",
            "wages would",
            "Interministerial Committee on Prices and Wages",
        ),
        ("Hollis Marine, owners of the ferry, said it carried 500 people in February.", "500 people", "Hollis Marine"),
    ],
)
def test_bodies_printed_in_lower_case_or_described_as_owners(text, fragment, expected):
    assert speaker_of(text, fragment) == expected


def test_an_acronym_of_a_body_that_spoke():
    text = (
        "The Midwest stock exchange said its rules would change.\n\n"
        "The MSE said it would publish the rules in February."
    )
    assert speaker_of(text, "publish the rules") == "Midwest Stock Exchange"
    assert (
        speaker_of("The Japanese stock exchange rules changed in February, the official said.", "rules changed") is None
    )


def test_a_name_inside_the_pronoun_s_own_words_is_no_other_speaker():
    text = (
        "Centre director John Ni said firms would invest abroad.\n\nThe investment totalled 46 mln dlrs.\n\n"
        "The new plan, approved by Economic Minister Lee Ta-hai yesterday, calls for investment of 80 mln dlrs "
        "in February, he told Reuters."
    )
    assert speaker_of(text, "calls for investment") == "John Ni"


def test_an_abbreviation_two_bodies_share_goes_to_the_one_it_abbreviates():
    import subprocess
    import sys

    text = (
        "The Islamic Development Bank (IDB) and 20 Islamic banks signed an agreement to finance trade in "
        "February, IDB sources said."
    )
    assert speaker_of(text, "signed an agreement") == "Islamic Development Bank"
    code = f"from tests.test_extraction_attribution import speaker_of as s; print(s({text!r}, 'signed an agreement'))"
    for seed in ("1", "2", "3"):  # the same answer whatever the order of a set
        out = subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert out == "Islamic Development Bank"


def test_the_agency_and_the_company_named_again():
    text = (
        "Kestrel Ratings Service Inc said it downgraded the debt of Mallory Corp.\n\n"
        "The agency said Mallory's returns had declined in February."
    )
    assert speaker_of(text, "returns had declined") == "Kestrel Ratings Service Inc"
    text = "The Finance Ministry said exports rose.\n\nThe agency said imports would fall in February."
    assert speaker_of(text, "imports would fall") != "Finance Ministry"
    text = (
        "French engineering group Vautrin <VAUT.PA> has won a 900 mln franc contract to supply turbines in "
        "February, the company said."
    )
    assert speaker_of(text, "900 mln franc") == "Vautrin"


def test_the_official_news_agency_named_in_the_gazetteer():
    text = "Steel output rose 3 pct in February, the official Tass news agency said."
    assert speaker_of(text, "Steel output") == "Tass"


def test_modern_shapes_an_age_an_adverb_and_a_curly_negation():
    text = (
        "Senator Maria Lopez, 54, a Democrat, spoke on Tuesday.\n\n"
        "“We will pass it in February,” the 54-year-old Democrat said."
    )
    assert speaker_of(text, "We will pass") == "Maria Lopez"
    text = "Senator Maria Lopez spoke on Tuesday.\n\nLopez has long argued that the bill would pass in February."
    assert speaker_of(text, "bill would pass") == "Maria Lopez"
    text = (
        "Senator Maria Lopez spoke on Tuesday.\n\nLopez didn’t say when the bill would pass, but said it would "
        "be by February."
    )
    assert speaker_of(text, "would be by February") == "Maria Lopez"


def test_an_audience_printed_with_a_curly_possessive():
    text = "Senator Maria Lopez spoke.\n\nThe bill will pass in February, Lopez told CNN’s Jake Tapper on Sunday."
    assert [said for said, _ in speakers(text)] == ["The bill will pass in February"]


# Modern English news (issue 12, the team's own development stories)


def test_a_description_then_the_body_s_name_in_an_apposition_gives_that_body():
    text = (
        "The U.N. refugee agency, UNHCR, said in a report that 3 million people had fled.\n\n"
        "The country’s naval body in charge of fisheries, KORFA, said it had seized two boats.\n\n"
        "The agency has said it will publish new figures in May."
    )
    assert speaker_of(text, "3 million people had fled") == "UNHCR"
    assert speaker_of(text, "seized two boats") == "KORFA"
    assert speaker_of(text, "new figures in May") == "UNHCR"  # "the agency", not the "body" that spoke last


def test_he_after_two_people_as_one_subject_is_left_unresolved():
    text = (
        "President Jean Roux met Chancellor Karl Brandt in Paris. “We agree on the budget rules,” Roux said.\n\n"
        "The two leaders then met privately for an hour. He told reporters that the talks had been frank."
    )
    assert speaker_of(text, "budget rules") == "Jean Roux"
    assert speaker_of(text, "talks had been frank") is None


def test_ranks_before_a_name_do_not_end_the_sentence():
    text = "“We do not seek conflict with anyone,” Pentagon press secretary Maj. Gen. Carla Ortiz told reporters."
    assert speaker_of(text, "seek conflict") == "Carla Ortiz"


def test_a_name_with_a_capitalised_particle_is_a_person_not_a_company():
    text = (
        "Anna Van Dijk, the agency’s technical lead on malaria, said the parasite was spreading. "
        "“It is here to stay,” she said."
    )
    assert speaker_of(text, "parasite was spreading") == "Anna Van Dijk"
    assert speaker_of(text, "here to stay") == "Anna Van Dijk"


def test_a_known_body_after_a_possessive_and_official_speaks():
    text = "The North’s official Korean Central News Agency said the rocket carried a satellite."
    assert speaker_of(text, "carried a satellite") == "KCNA"


def test_a_company_giant_speaks_as_an_organisation():
    assert speaker_of("Shipping giant Nordvik said it would reroute its vessels.", "reroute its vessels") == "Nordvik"


def test_a_country_s_ministry_in_lower_case_is_named_by_its_field():
    assert speaker_of("Norway’s foreign ministry said the envoy was recalled.", "envoy was recalled") == (
        "Foreign Ministry"
    )


def test_armed_groups_and_un_bodies_of_modern_news_are_organisations_not_people():
    result = extract(
        "HEADLINE\n\nGAZA — Hamas said in a statement that the talks had failed. UNICEF said 40 children died."
    )
    assert not result.people
    assert {s.speaker_organisation for s in result.statements} == {"Hamas", "UNICEF"}


def test_the_one_asked_about_is_not_who_answers():
    text = (
        "President Karl Lind spoke in Helsinki.\n\n"
        "Asked about Donald Trump, he was careful. “I have known him for a long time, and we will work together,” "
        "he said."
    )
    assert speaker_of(text, "known him for a long time") != "Donald Trump"


def test_a_person_s_possessive_before_a_name_gives_what_the_person_owns():
    result = extract("HEADLINE\n\nHelen Marsh’s Ashford Hollings said in a filing that it had sold its stake.")
    [statement] = result.statements
    assert (statement.speaker_person, statement.speaker_organisation) == (None, "Ashford Hollings")


def test_a_news_agency_named_with_its_describing_words_speaks():
    text = "The semi-official Parsa news agency reported that the talks had resumed in Muscat."
    assert speaker_of(text, "talks had resumed") == "Parsa"


def test_a_quotation_after_a_quoted_attribution_goes_on_with_its_speaker():
    text = (
        "Analysts said the row would last. “Both sides are boxed in,” said Lena Park, a senior fellow. "
        "“Neither capital can be seen to blink.”\n\n"
        "Jean Roux said the talks failed. Karl Brandt said they went well. “We will meet again in June.”"
    )
    assert speaker_of(text, "Neither capital") == "Lena Park"
    # the sentence just before reported Brandt's words: the quotation goes on with him (session 13;
    # before, with two speakers in the paragraph and none quoted, it was left unresolved)
    assert speaker_of(text, "meet again in June") == "Karl Brandt"
    text = "Jean Roux said the talks failed. Karl Brandt was not there. “We will meet again in June.”"
    assert speaker_of(text, "meet again in June") == "Jean Roux"  # the paragraph's one speaker


def test_a_clause_that_quotes_a_few_of_its_words_is_a_statement():
    text = (
        "Foreign Minister Ana Silva welcomed the decision but said it came “too slowly.” "
        "Prime Minister Tom Reyes called the move “totally unacceptable.”"
    )
    assert speaker_of(text, "too slowly") == "Ana Silva"
    assert speaker_of(text, "totally unacceptable") == "Tom Reyes"


def test_calling_describing_and_writing_report_what_was_said():
    text = (
        "Prime Minister Tom Reyes welcomed the pact, describing it in a statement as “a partnership of equals.” "
        "President Ana Silva weighed in online, writing that critics were “wasting everyone’s time.” "
        "Finance Minister Karl Brandt criticised the court, calling the order “an attack on free trade.” "
        "Brandt left early, calling for calm, and was calling on allies to help."
    )
    assert speaker_of(text, "partnership of equals") == "Tom Reyes"
    assert speaker_of(text, "wasting everyone") == "Ana Silva"
    assert speaker_of(text, "attack on free trade") == "Karl Brandt"
    assert speaker_of(text, "calling for calm") == "no statement"
    assert speaker_of(text, "allies to help") == "no statement"


def test_wrote_reports_only_a_clause_or_the_words_before_it():
    text = (
        "Ambassador Tom Reyes learned Mandarin as a young man and later wrote two books on Chinese history.\n\n"
        "Senator Ana Silva wrote on X that the bill was a disgrace to the chamber."
    )
    assert speaker_of(text, "two books") == "no statement"
    assert speaker_of(text, "bill was a disgrace") == "Ana Silva"


def test_a_quoted_heading_does_not_go_on_with_the_speaker_before_it():
    text = (
        "“The allegations are self-serving and not credible,” envoy Kurt Vale said in his opening statement.\n\n"
        "“The ambassador was the one who told me”\n\n"
        "Tim Moss testified that the ambassador had briefed him. “The ambassador was the one who told me,” Moss said."
    )
    result = extract("HEADLINE\n\n" + text)
    heading = [s for s in result.statements if s.paragraph == 1]
    assert heading and all(s.speaker_person != "Kurt Vale" for s in heading)


def test_a_party_s_leader_is_not_another_party_s_only_leader():
    text = (
        "Tom Reyes hit back on Monday. The Labour leader told supporters that the papers were proof of a secret "
        "deal.\n\n"
        "The Green leader, Ana Silva, said both men were unfit to govern."
    )
    assert speaker_of(text, "proof of a secret deal") != "Ana Silva"
    assert speaker_of(text, "unfit to govern") == "Ana Silva"


def test_testified_before_a_committee_is_an_act_and_nobody_is_no_person():
    text = (
        "Ann Hale, the former envoy, and Colin Redd, a former Commerce Department official, testified side by side "
        "before the Ways and Means Committee on Thursday. Hale testified that she had warned the White House.\n\n"
        "“Nobody told me anything about those memos,” Redd said."
    )
    assert speaker_of(text, "side by side") == "no statement"
    assert speaker_of(text, "warned the White House") == "Ann Hale"
    assert "Nobody" not in {p.name for p in extract("HEADLINE\n\n" + text).people}


# --- Rules of the eighth gold addition (issue 12, helper attribution) ----------------------------


def test_a_place_inside_a_which_aside_is_not_the_speaker():
    text = (
        "The fitness company Pulsewise said on Wednesday that hackers had reached the records of its users.\n\n"
        "The company, which is based in Austin, Texas, said it had found no evidence that card details were taken.\n\n"
    )
    assert speaker_of(text, "no evidence that card details") == "Pulsewise"


def test_she_passes_over_a_man_named_between_the_speaker_and_the_pronoun():
    text = (
        "Judge Helen Ashworth, sentencing Graham Pellow at the crown court, said he had shown "
        "\u201ca breathtaking disregard\u201d for the children of the town.\n\n"
        "\u201cYou were trusted with public money and you treated it as your own,\u201d she told him.\n\n"
    )
    assert speaker_of(text, "You were trusted with public money") == "Helen Ashworth"
    # Two women: the one named in the speaker's own aside ("sentencing Anne Pellow") does not compete
    # with the speaker (session 16; the pronoun stayed open before).
    text = text.replace("Judge Helen Ashworth", "Judge Mary Ashworth").replace("Graham Pellow", "Anne Pellow")
    assert speaker_of(text, "You were trusted with public money") == "Mary Ashworth"
    # named in a sentence of her own after the speaker, she is the one the pronoun may stand for
    text = text.replace("for the children of the town.", "for the children of the town. Anne Pellow wept.")
    assert speaker_of(text, "You were trusted with public money") != "Mary Ashworth"


def test_the_official_after_an_unnamed_official_stays_unnamed():
    text = (
        "The Commodity Futures Trading Commission said futures markets collected clearing margins on Monday.\n\n"
        "A futures industry official said there was some concern that index futures would be blamed for the fall.\n\n"
        '"This is an equity market problem, not a futures problem," the official said.\n\n'
    )
    assert speaker_of(text, "This is an equity market problem") is None
    named = text.replace("A futures industry official", "A CFTC official")
    assert speaker_of(named, "This is an equity market problem") in ("CFTC", "Commodity Futures Trading Commission")


def test_a_second_subject_after_and_speaks_its_own_clause():
    text = (
        "The bank said in its earnings release that deposits had risen during the quarter, and its finance "
        "chief, Carla Voss, told analysts on a call that the bank was ready for a range of outcomes.\n\n"
    )
    assert speaker_of(text, "ready for a range of outcomes") == "Carla Voss"
    text = "Paul Smith said prices rose sharply in March, while Peter Jones said they fell back in April.\n\n"
    assert speaker_of(text, "prices rose sharply in March") == "Paul Smith"
    assert speaker_of(text, "they fell back in April") == "Peter Jones"


def test_a_trade_before_a_name_makes_a_person_and_a_woman_s_pronoun():
    text = (
        "The singer Ava Lorne has cancelled her European tour, telling fans in a post on Monday that she "
        "needed time to rest after a long year.\n\n"
        "\u201cI have pushed through for months and I cannot do it any more,\u201d she wrote.\n\n"
    )
    assert speaker_of(text, "needed time to rest") == "Ava Lorne"
    assert speaker_of(text, "I have pushed through for months") == "Ava Lorne"


def test_a_quotation_inside_a_reported_clause_is_one_statement_with_it():
    text = (
        "Anna Berg, the opposition leader, said the premier\u2019s \u201creckless and unlawful decree\u201d had caused "
        "chaos and fear across the country.\n\n"
    )
    said = [t for t, _ in speakers(text)]
    assert any("had caused chaos and fear" in t and "reckless and unlawful decree" in t for t in said), said
    assert speaker_of(text, "had caused chaos and fear") == "Anna Berg"
    text = (
        'Tax reforms are needed to "build a fairer system, to reward work and to close loopholes," Finance '
        "Minister Paul Ryder added.\n\n"
    )
    said = [t for t, _ in speakers(text)]
    assert any(t.startswith("Tax reforms are needed") for t in said), said
    assert speaker_of(text, "Tax reforms are needed") == "Paul Ryder"
    text = "He was clear: \u201cWe will never give up on this country,\u201d Paul Ryder said.\n\n"
    assert [t for t, _ in speakers(text)] == ["We will never give up on this country"]


def test_a_name_that_says_it_of_itself_speaks_as_a_company():
    text = "Porsche said it would cut production in March. Swissair said on Monday that its traffic rose.\n\n"
    assert speaker_of(text, "cut production in March") == "Porsche"
    assert speaker_of(text, "traffic rose") == "Swissair"
    text = (
        "Analysts said it would take years to recover. Gorbachev said it would be a mistake to give up. "
        "India said it could no longer buy the oil.\n\n"
    )
    assert speaker_of(text, "take years to recover") is None  # a group
    assert speaker_of(text, "a mistake to give up") == "Gorbachev"  # the "it" of nobody: a person
    assert speaker_of(text, "no longer buy the oil") is None  # a country is no company


def test_a_thing_urged_is_no_statement():
    text = (
        "The International Monetary Fund reported on Belgium's budget.\n\nIt also urges net repayments of foreign "
        "currency debt and an overhaul of domestic capital markets. The Fund urged that the cuts be made quickly."
    )
    assert speaker_of(text, "net repayments") == "no statement"
    assert speaker_of(text, "cuts be made") == "International Monetary Fund"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Duff and Phelps said it lowered the ratings in February.", "Duff and Phelps"),
        ("The bond is priced at par and matures in February, lead manager Banque Indosuez said.", "Banque Indosuez"),
        ("Sole underwriter Moseley Holding Corp said the notes mature in February.", "Moseley Holding Corp"),
    ],
)
def test_firms_named_after_founders_or_as_managers_of_an_issue_speak(text, expected):
    assert speaker_of(text, "February") == expected
    # two people, each named on their own too, are no firm
    text = "Treasury Secretary James Baker met Paul Volcker. Baker and Volcker said rates were right in February."
    assert speaker_of(text, "February") != "Baker and Volcker"


def test_estimated_before_a_clause_reports_it():
    text = "Finance Minister Michael Wilson estimated the deficit will fall to 29 billion dlrs in February."
    assert speaker_of(text, "deficit will fall") == "Michael Wilson"
    text = "Finance Minister Michael Wilson estimated the damage at 500 mln dlrs in February."
    assert speaker_of(text, "damage") == "no statement"


@pytest.mark.parametrize(
    "text",
    [
        "One political analyst, who declined to be identified, told Reuters Prime Minister Yasuhiro Nakasone "
        "would step down in February.",
        "A spokesman for Finance Minister Kiichi Miyazawa, who is in Washington, said the talks would go on in "
        "February.",
    ],
)
def test_an_unnamed_voice_with_an_aside_keeps_its_words(text):
    statement = next(s for s in extract("HEADLINE\n\n" + text + "\n\n").statements if "February" in s.text)
    assert statement.speaker_person is None and statement.speaker_organisation is None
    assert "who" not in statement.text  # the aside is no part of what was said


# Modern news pages (helper modern): shapes of real 2019-2025 pages the team stories lacked


def test_he_is_never_a_woman_of_a_given_name_common_in_modern_news():
    text = (
        "The historian Siobhan Carrick warned in 2020 that the plan would fail.\n\n"
        "The minister's reply has been calm. Asked about the vote, he said the result reflected "
        "local worries and nothing more."
    )
    assert speaker_of(text, "local worries") is None


def test_given_names_of_modern_news_make_people_of_a_plain_pair():
    people = {p.name for p in extract("Keir Pollard and Rishi Mandal traded barbs on Tuesday.").people}
    assert {"Keir Pollard", "Rishi Mandal"} <= people


def test_one_named_beside_the_topic_of_a_question_is_not_who_answers():
    text = (
        "Coach Tomas Berant was unveiled on Sunday.\n\n"
        "Asked about his old rival, Piet Vandermolen, he smiled and said only that he respected "
        "every coach who wins a title."
    )
    assert speaker_of(text, "every coach") == "Tomas Berant"


def test_a_question_then_asked_and_a_titled_name_is_that_person_s():
    text = (
        "Chief executive Paul Denholm answered for two hours.\n\n"
        "“Have you met a single one of the engineers?” asked Sen. Laura Pickering, a Vermont Democrat."
    )
    assert speaker_of(text, "single one of the engineers") == "Laura Pickering"


@pytest.mark.parametrize(
    ("holder", "description"),
    [("Prime Minister Anton Berisha", "The minister"), ("Vice President Carl Ostrow", "The president")],
)
def test_a_bare_role_is_not_the_one_of_a_higher_or_lower_rank(holder, description):
    text = f"{holder} visited the border on Monday.\n\n{description} said later that the fence would be rebuilt."
    assert speaker_of(text, "fence would be rebuilt") is None


@pytest.mark.parametrize("name", ["Radosław Wiśniewski", "Mehmet Yıldırım", "Andrej Plenković"])
def test_names_with_letters_of_latin_extended_a_are_people(name):
    text = f"Foreign Minister {name} said the border would stay closed. Others said so too."
    assert speaker_of(text, "border would stay closed") == name


def test_a_sentence_opening_with_an_accented_capital_is_a_sentence():
    text = "Ivan Petrovic said the talks had failed. Şebnem Arslan said they had not."
    assert speaker_of(text, "they had not") == "Şebnem Arslan"
    assert speaker_of(text, "talks had failed") == "Ivan Petrovic"


def test_sir_before_a_name_makes_him_a_man_whatever_the_given_name():
    text = (
        "Dana Whitcombe spoke first.\n\n"
        "The Speaker, Sir Lindsay Harrow, intervened twice. “I want to hear the answers,” he told the House."
    )
    assert speaker_of(text, "hear the answers") == "Lindsay Harrow"


def test_a_shared_last_name_is_the_one_of_the_person_named_before():
    text = (
        "Greta Holmqvist has a new film and no regrets.\n\n"
        "Holmqvist, 47, said she had turned down a role in 2019.\n\n"
        "On a podcast she spoke about her mother, the actress Ingrid Holmqvist, who died in 2020."
    )
    assert speaker_of(text, "turned down a role") == "Greta Holmqvist"


def test_a_one_word_trade_paper_is_no_person():
    text = "Critics were kind. Variety said the film was her best work in a decade."
    result = extract("HEADLINE\n\n" + text)
    assert "Variety" not in {p.name for p in result.people}


def test_a_name_set_off_after_a_description_speaks_a_coordinated_clause():
    text = (
        "The Danish climate envoy, Sofie Brandt, called the deal “a first step” and said it was "
        "stronger than the text of last year."
    )
    assert speaker_of(text, "stronger than the text") == "Sofie Brandt"


@pytest.mark.parametrize(
    "apposition",
    ["an economist at the bank who was not involved in the study", "another lobby group that has sued twice"],
)
def test_a_relative_clause_inside_an_apposition_keeps_the_subject(apposition):
    text = f"Marcus Whitfield, {apposition}, said the limits were set far too low."
    assert speaker_of(text, "set far too low") == "Marcus Whitfield"


@pytest.mark.parametrize("where", ["on X", "on Bluesky", "in a 40-page ruling", "in a blog post"])
def test_a_platform_or_a_document_between_verb_and_that(where):
    text = f"Judge Helen Carvalho wrote {where} that the rules were likely unlawful."
    assert ("the rules were likely unlawful", "Helen Carvalho") in speakers(text)


def test_the_governor_is_the_one_printed_as_gov():
    text = (
        "Gov. Peter Malouf toured the burn zone on Saturday.\n\n"
        "“We will not stop until we find every one of them,” the governor said."
    )
    assert speaker_of(text, "every one of them") == "Peter Malouf"


def test_the_state_s_governor_before_the_name_leaves_the_governor_to_the_one_printed_as_gov():
    text = (
        "The toll rose on Saturday, and Hawaii’s governor warned that it would rise further.\n\n"
        "Gov. Peter Malouf toured the burn zone on Saturday.\n\n"
        "“We will not stop until we find every one of them,” the governor said."
    )
    assert speaker_of(text, "every one of them") == "Peter Malouf"


def test_a_role_nobody_holds_by_name_is_the_person_just_named():
    text = (
        "Tom Reyes has said the health service is off the table.\n\n"
        "Speaking at a hospital, the prime minister said: “It is a complete fiction.”\n\n"
        "Keith Dunn said the plan was a fraud. The Labour leader told supporters that the papers were proof of a "
        "secret deal."
    )
    assert speaker_of(text, "complete fiction") == "Tom Reyes"
    assert speaker_of(text, "proof of a secret deal") == "Keith Dunn"


@pytest.mark.parametrize(
    "text",
    [
        # someone new, not the one named before
        "Tom Reyes spoke on Monday. A minister said the papers were proof of a secret deal.",
        # the person named has another role
        "Tom Reyes, a lawyer, spoke on Monday. The minister said the papers were proof of a secret deal.",
        # the story gives the role to someone else by name (the one minister: _person_for_role)
        "Finance Minister Ana Silva left early.\n\nTom Reyes spoke on Monday. The minister said the papers were "
        "proof of a secret deal.",
        # a name in capitals, not a role
        "Tom Reyes spoke on Monday. The Sioux Falls Argus Leader said the papers were proof of a secret deal.",
        # an exchange: the other side answers
        "“If he wants to talk about lists, he should call his paymasters,” the prime minister Tom Reyes said.\n\n"
        "The Labour leader replied that the papers were proof of a secret deal.",
    ],
)
def test_a_role_description_is_not_the_person_just_named_when_it_cannot_be(text):
    assert speaker_of(text, "proof of a secret deal") not in ("Tom Reyes", "no statement")


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("Tom Hill said that would increase the risk of war.", "that would increase the risk of war"),
        ("Tom Hill told reporters that was the right decision.", "that was the right decision"),
        ("Tom Hill said that the plan would fail.", "the plan would fail"),
    ],
)
def test_that_before_a_verb_is_the_clause_s_subject_not_its_opener(sentence, words):
    assert (words, "Tom Hill") in speakers(sentence)


def test_a_clause_then_a_quotation_after_warning_colon_are_both_reported():
    text = (
        "Tom Hill said that the army could be deployed in the city, warning: “They are already there in the "
        "garrison. They are there to show sovereignty.\n\n“If the situation becomes uncontrollable, we will act.”"
    )
    found = speakers(text)
    assert ("the army could be deployed in the city", "Tom Hill") in found
    assert any(said.startswith("They are already there") and who == "Tom Hill" for said, who in found)


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Prince Edward claims that he felt bound to visit his friend.", "Prince Edward"),
        ("Tom Hill of the Times reports that censors had also instructed aggregators.", "Tom Hill"),
        ("The EC claims that the entry of Spain has improved trade conditions.", "European Community"),
    ],
)
def test_claims_and_reports_before_that_report_after_a_name(sentence, speaker):
    assert any(who == speaker for _, who in speakers(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The insurer rejected insurance claims that exceeded the limit of its policy.",
        "Shares rose on press reports that the firm would be sold to a rival.",
        "Iranian claims that the ship was hit by a missile were denied.",
    ],
)
def test_claims_and_reports_as_plural_nouns_report_nothing(sentence):
    assert speakers(sentence) == []


def test_a_name_used_as_the_trump_administration_is_no_one_he_could_be():
    text = (
        "President-elect Donald Trump has made clear he intends to seek closer ties with Russia. Rex Tillman, "
        "proposed Secretary of State for the Trump administration, implied the troops would stay. He said "
        "Russia had taken Crimea by force."
    )
    assert speaker_of(text, "taken Crimea by force") == "Rex Tillman"


def test_the_one_told_is_never_the_speaker_after_a_long_apposition():
    text = (
        "Ian Hamley, an expert in drug use and mental health at the Department of Health Sciences at the "
        "University of York who did not work on the study, told Newsweek: “Regular use increased by only a few "
        "percent after the change.”"
    )
    assert speaker_of(text, "Regular use increased") == "Ian Hamley"
    text = "A large Dutch feed compounder will sue the state, a spokesman for the group told Reuters."
    assert speaker_of(text, "will sue the state") != "Reuters"


def test_a_given_name_that_is_a_modal_opens_the_speaker_after_said():
    text = "“Of my 1,000 followers, five swiped away,” said Will Tjernlund, a consultant for Amazon sellers."
    assert speaker_of(text, "five swiped away") == "Will Tjernlund"


def test_late_last_year_between_subject_and_verb_is_no_part_of_the_speaker():
    text = "Prime Minister Margaret Thatcher late last year said a decision depended on the economy."
    assert speaker_of(text, "a decision depended on the economy") == "Margaret Thatcher"


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        # a subject of its own before the verb: the words after it are what was said
        ("Critics, including the mayor of Paiporta, said the alert came far too late.", "the alert came", None),
        (
            "Oriental Federal Savings Bank of Humacao, Puerto Rico, said an initial public offering of 656,819 "
            "shares is under way.",
            "an initial public offering",
            "Oriental Federal Savings Bank of Humacao",
        ),
    ],
)
def test_after_a_subject_and_its_aside_the_words_after_said_are_the_statement(text, words, speaker):
    found = speakers(text)
    assert any(said.startswith(words) for said, _ in found)
    assert [who for said, who in found if said.startswith(words)] == [speaker]


def test_conceding_defeat_is_an_act_not_a_statement():
    assert speaker_of("Candidate Marisol Fuentes conceded defeat about an hour later.", "hour later") == "no statement"


def test_she_is_never_a_man_of_a_common_modern_given_name():
    text = (
        "Prime Minister Scott Pellham toured the fire zone, where residents heckled him.\n\n"
        "“I’m not shaking your hand,” she said."
    )
    assert speaker_of(text, "not shaking your hand") is None


def test_lindsey_may_be_a_man():
    text = "Senator Lindsey Harlow spoke on Tuesday.\n\n“We will bring it to the floor,” he said."
    assert speaker_of(text, "bring it to the floor") == "Lindsey Harlow"


def test_one_word_that_owns_a_thing_is_a_company_not_a_person():
    result = extract("HEADLINE\n\nVelmora cut its sales forecast on Thursday. Velmora said volumes had fallen.")
    assert "Velmora" not in {p.name for p in result.people}


@pytest.mark.parametrize(
    "where", ["in an interview with the Dutch daily Trouw", "in a letter to the prime minister on Monday"]
)
def test_the_medium_and_its_addressee_are_not_the_reported_words(where):
    text = f"Finance Minister Joris Veldkamp said {where} that the budget rules were too strict."
    assert ("the budget rules were too strict", "Joris Veldkamp") in speakers(text)


def test_letters_after_a_name_leave_the_person():
    text = "Margaret Colbeck MP said in a statement that the report was damning."
    assert speaker_of(text, "report was damning") == "Margaret Colbeck"


def test_common_women_s_given_names_make_people_of_a_plain_pair():
    result = extract("HEADLINE\n\nThe talks between Emily Thornbury and the unions ended in Leeds.")
    assert "Emily Thornbury" in {p.name for p in result.people}


def test_a_quoted_title_ending_an_aside_leaves_the_subject():
    text = "Ingrid Solvang, whom the magazine named “Innovator of the Year,” said the prize belonged to her team."
    assert speaker_of(text, "belonged to her team") == "Ingrid Solvang"


def test_a_clause_after_and_said_is_reported_beside_a_quotation_before_it():
    text = (
        "Mayor Tessa Kromer called the parade “a tradition that is part of who we are” "
        "and said the city would hold a vigil on Tuesday."
    )
    assert speaker_of(text, "city would hold a vigil") == "Tessa Kromer"


def test_what_someone_called_a_thing_ends_with_the_quotation():
    text = "Governor Amos Keter, who once called himself a “very patient man,” has attacked the inquiry."
    assert ("himself a “very patient man,”", "Amos Keter") in speakers(text)


def test_titles_of_related_stories_in_the_body_report_nothing():
    text = (
        "President Amos Keter spoke on Tuesday.\n\nRead more:\n\n"
        "Keter says protesters are traitors as police fire tear gas\n\n"
        "[Read: Keter says he will never resign]\n\n"
        "Keter said the protests would be investigated."
    )
    found = speakers(text)
    assert not [said for said, _ in found if "traitors" in said or "never resign" in said]
    assert speaker_of(text, "would be investigated") == "Amos Keter"


def test_a_joint_subject_of_two_people_gives_the_words_to_the_first_named():
    # The gold's convention: the first named speaks, the second is accepted.
    text = (
        "Finance Minister Hugo Brandt met central bank governor Lena Sorvik. "
        "Brandt and Sorvik said the currency had fallen far enough."
    )
    assert speaker_of(text, "currency had fallen") == "Hugo Brandt"
    text = "Finance Minister Hugo Brandt and Governor Lena Sorvik said rates would stay low."
    assert speaker_of(text, "rates would stay") == "Hugo Brandt"
    # "and" inside a role is no second speaker.
    text = "Minister of Energy, Telecoms and Post Hugo Brandt said the plan was shelved."
    assert speaker_of(text, "plan was shelved") == "Hugo Brandt"


def test_a_list_of_people_as_subject_gives_the_words_to_the_first_named():
    text = (
        "Senator Paul Tarn, Senator John Holm and Senator Ruth Selwyn wrote to the Treasury.\n\n"
        "Tarn, Holm and Selwyn said the bill would hurt small banks."
    )
    assert speaker_of(text, "hurt small banks") == "Paul Tarn"
    text = "Paul Tarn, John Holm and Ruth Selwyn said the bill would hurt small banks."
    assert speaker_of(text, "hurt small banks") == "Paul Tarn"
    # A place before the pair is no speaker.
    text = "In Washington, Paul Tarn and Ruth Selwyn said the bill would pass."
    assert speaker_of(text, "bill would pass") == "Paul Tarn"


def test_a_daily_s_capitalised_name_keeps_its_last_word():
    text = "Grain output rose 3 pct, the official Farmers' Daily said. The Harbin Daily said rice output fell."
    assert speaker_of(text, "Grain output rose") == "Farmers' Daily"
    assert speaker_of(text, "rice output fell") == "Harbin Daily"


def test_a_paper_or_a_firm_by_initials_after_its_noun_speaks_as_the_body():
    assert (
        speaker_of("The inquiry widened, the newspaper Abend am Montag said.", "inquiry widened") == "Abend am Montag"
    )
    text = "Soybean imports rose sharply this year, the Bremen based publication Grain Week said."
    assert speaker_of(text, "imports rose") == "Grain Week"
    text = "Cocoa output will fall, broker K. Brandlow said.\n\nBrandlow said prices would rise."
    assert speaker_of(text, "output will fall") == "Brandlow"


def test_an_object_verb_right_after_a_quotation_names_its_speaker():
    text = (
        '"The index will drop back to 1,900," said Peter Lorne, head of research at Kestrel Securities.\n\n'
        '"A five to 10 pct drop is likely," noted Sam Dorrit of brokers Hale and Co.'
    )
    assert speaker_of(text, "drop is likely") == "Sam Dorrit"


def test_a_quotation_with_its_own_unread_speaker_does_not_go_on_from_the_last_one():
    text = (
        '"The index will drop back to 1,900," said Peter Lorne, head of research at Kestrel Securities.\n\n'
        '"It would be out of character for the market to sail upwards," added brokers Hale and Drew in a report.'
    )
    assert speaker_of(text, "out of character") != "Peter Lorne"
    # the one who spoke before, named again after the verb, still goes on
    text = (
        '"OPEC will hold its price," said Nabil al-Kazemi, head of research at the OPEC Fund.\n\n'
        '"OPEC has no choice but to defend the price," said al-Kazemi, who is in Caracas for a meeting.'
    )
    assert speaker_of(text, "no choice") == "Nabil al-Kazemi"


def test_a_given_name_of_either_sex_agrees_with_he():
    text = (
        "The offer still stands, Andrea Cavallo, an official at the producer, said.\n\n"
        "The EC policy is to offer rebates, producer president Jean-Marc Verlain said.\n\n"
        "But Cavallo said the offer was a commercial affair. He said approval could come this week."
    )
    assert speaker_of(text, "approval could come") == "Andrea Cavallo"


# A speaker set inside the reported clause: the clause goes on after the speaker


@pytest.mark.parametrize(
    ("text", "head", "tail"),
    [
        (
            "The key to the plan's success, says Jack Buser, is the company's own network.",
            "key to the plan",
            "own network",
        ),
        (
            "The engineers isolated the problem, Kevin Mayer said, and patched the software overnight.",
            "isolated the problem",
            "patched the software",
        ),
    ],
)
def test_a_clause_split_by_its_speaker_is_one_statement(text, head, tail):
    (statement,) = [s for s in extract("HEADLINE\n\n" + text).statements if head in s.text]
    assert tail in statement.text and statement.speaker_person in ("Jack Buser", "Kevin Mayer")


def test_what_the_speaker_did_after_saying_is_not_the_clause_s():
    said = speakers("Output fell in March, Kevin Mayer said, but declined to give figures.")
    assert ("Output fell in March", "Kevin Mayer") in said


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Organics matter for life on Titan," said planetary geologist Rosaly Lopes of NASA.', "Rosaly Lopes"),
        ("The poles are wetter than the equator, said study co-author Anezina Solomonidou.", "Anezina Solomonidou"),
        ("China's ambassador Liu Xiaming has said that China has the power to end the unrest.", "Liu Xiaming"),
    ],
)
def test_speakers_with_a_described_role_or_an_auxiliary(text, speaker):
    assert speaker in {who for _, who in speakers(text)}


def test_a_clause_before_a_later_speaker_is_no_aside_of_a_place():
    found = {p.name for p in extract("HEADLINE\n\nRain falls on Titan, but the poles are wetter, said Ann Lee.").people}
    assert "Titan" not in found


def test_a_name_s_suffix_cut_off_by_the_sentence_end_is_still_the_person():
    assert speaker_of(
        "U.S. Attorney James Kennedy Jr. said the case showed free speech has limits.", "free speech"
    ) == ("James Kennedy Jr")


def test_a_role_to_a_country_before_a_name_is_the_person_s_role():
    result = extract("HEADLINE\n\nChina’s ambassador to Britain Liu Xiaming met reporters on Monday.")
    assert [(p.name, p.role) for p in result.people] == [("Liu Xiaming", "ambassador to Britain")]


def test_a_subject_after_but_in_the_middle_of_a_sentence_keeps_its_apposition():
    text = (
        "The president wants to withdraw, but General Mark Milley, chairman of the Joint Chiefs of Staff, "
        "told US media this month that the forces are likely to remain."
    )
    assert speakers(text) == [("the forces are likely to remain", "Mark Milley")]


def test_reports_after_the_words_reports_them_but_not_as_a_noun():
    assert speaker_of("All the relevant sites were also disinfected, reports Sui-Lee Wee.", "disinfected") == (
        "Sui-Lee Wee"
    )
    assert speaker_of("Fiat shares rose on reports that a bond issue was under study.", "bond issue") == "no statement"


def test_a_clause_around_according_to_is_one_statement():
    said = speakers("He had, according to Alex Horton of the Washington Post, killed and eaten a wild rabbit.")
    assert said == [
        ("He had, according to Alex Horton of the Washington Post, killed and eaten a wild rabbit", "Alex Horton")
    ]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "BUFFALO, N.Y. — Hours before the game, coach Bruce Boudreau praised the winger, saying he always scores.",
            "always scores",
            "Bruce Boudreau",
        ),
        (
            '"The duty is paid by the importers," Howard Gleckman, a senior fellow, has written.',
            "duty",
            "Howard Gleckman",
        ),
    ],
)
def test_a_dateline_and_a_time_before_the_subject_and_has_written(text, fragment, speaker):
    assert speaker_of(text, fragment) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Police are looking into the stabbing, The San Francisco Chronicle reported.", "San Francisco Chronicle"),
        ("The risk of transmission is extremely low, the Chinese CDC said.", "Chinese CDC"),
        ("Prices will rise next year, the United States said.", None),
        ("The tariff will hurt farmers, the Texas Democrat said.", None),
    ],
)
def test_a_body_named_after_the_is_the_speaker_when_its_name_ends_like_a_body_s(text, speaker):
    (said,) = speakers(text)
    assert said[1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Donald Trump has made clear he intends to seek a closer relationship with Russia.", "Donald Trump"),
        ("Joe Biden has indicated he wants to rejoin the pact with Iran.", "Joe Biden"),
        ("Joe Biden has indicated a preference for direct talks with Iran.", "no statement"),
        ("Cables are cut and GPS signals are jammed every week.", "no statement"),
    ],
)
def test_verbs_that_may_drop_that_before_a_clause(text, speaker):
    said = speakers(text)
    assert (said[0][1] if said else "no statement") == speaker


def test_a_time_with_no_comma_before_the_subject_and_worth_noting():
    text = "Last week official David Holmes revealed one of the calls to investigators, saying he recalled it vividly."
    assert speaker_of(text, "recalled it") == "David Holmes"
    assert speakers("Trump, it is also worth noting, repeatedly sought to make her health a campaign issue.") == []


def test_told_an_audience_then_a_clause_holding_to_is_no_instruction():
    text = "Laura Miti told VOA the president's decision to fire the judges raises questions."
    assert speaker_of(text, "raises questions") == "Laura Miti"
    assert speakers("Finance Minister Baker told Japan to open its markets to American rice.") == []


def test_as_a_source_reported_opens_the_sentence():
    text = "As Emily Feng noted for NPR, the first cases came to light last week."
    assert speaker_of(text, "first cases") == "Emily Feng"


def test_a_verb_inside_a_who_aside_says_nothing_past_the_aside():
    # The aside's object is no reported clause, and the subject's own verb after it is no speech.
    assert speakers("Minister Anna Berg, who denies the accusation, has avoided the press for weeks.") == []
    text = "Minister Anna Berg, who said last week that taxes would rise, met bankers on Monday."
    assert speakers(text) == [("taxes would rise", "Anna Berg")]


def test_the_subjects_own_verb_wins_over_one_inside_its_who_aside():
    text = "Treasurer Paul Dorn, who said he was speaking personally, said the dollar was near its floor."
    assert speakers(text) == [("the dollar was near its floor", "Paul Dorn")]


def test_a_closing_mark_typed_as_two_apostrophes_ends_the_quotation_before_its_speaker():
    text = "“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told the BBC."
    assert speaker_of(text, "mislead voters") == "Will Moy"


def test_a_son_who_spoke_as_he_is_no_later_she():
    # "son" before his name and "he said" after it: the next "she" is not him (his given name
    # says nothing of his sex); the actress, or left unresolved, never her son.
    text = (
        "Actress Mary Steen spoke first.\n\n"
        "Her son, filmmaker Charlie Dowell, remembers it too. “It was a hard time for all of us,” he said.\n\n"
        "The actress did not want to give up. “I had been somebody who really liked music,” she said."
    )
    assert speaker_of(text, "hard time") == "Charlie Dowell"
    assert speaker_of(text, "really liked music") in (None, "Mary Steen")


def test_a_quotation_that_names_a_thing_is_no_statement():
    text = "HEADLINE\n\nAt the last minute, a sample came in called “Glasgow (No Place Like Home).” Harper loved it."
    assert [s.verb for s in extract(text).statements if s.verb] == []  # no one "called" it that
    text = "HEADLINE\n\nThe machine uses a technology called “massive parallelism.” It has 64,000 processors."
    assert extract(text).statements == []
    text = "Share buybacks were called “a smart way to use corporate equity” by one SEC staff member."
    assert speaker_of(text, "smart way") is None  # words said, by someone unnamed


def test_an_age_as_the_subject_is_the_one_person_a_pronoun_would_be():
    text = "Jose Moreno has been appointed manager of the club.\n\nThe 56-year-old said he was excited to be joining."
    assert speaker_of(text, "excited to be joining") == "Jose Moreno"
    text = "Police arrested John Smith and Mary Jones on Monday.\n\nThe 35-year-old said the charges were false."
    assert speaker_of(text, "charges were false") is None  # either of them: left unresolved


def test_an_age_as_the_subject_is_the_story_s_person_when_no_pronoun_would_find_one():
    text = (
        "Jose Moreno has agreed a deal to manage the club. Moreno will start on Monday.\n\n"
        "The club's last manager was sacked after five years in charge.\n\n"
        "Talks between the club and Moreno's representatives went on into the night.\n\n"
        "The Portuguese boss had been out of work since December.\n\n"
        'The 56-year-old said after his appointment: "I am excited to be joining such a great club."'
    )
    assert speaker_of(text, "excited to be joining") == "Jose Moreno"


def test_one_named_with_his_team_speaks_for_it():
    text = "Astronomer Lucas Pagano led the study. Pagano and his team reported that they detected water vapor."
    assert speaker_of(text, "detected water vapor") == "Lucas Pagano"


def test_an_object_verb_after_the_words_with_where_they_were_written():
    text = "Gary Sable is an author. Side jobs pay best when they generate passive income, he wrote in his book."
    assert speaker_of(text, "passive income") == "Gary Sable"
    assert speakers("Gary Sable wrote two books in his youth.") == []


def test_a_list_of_capitalised_words_inside_an_apposition_is_no_new_subject():
    text = (
        "“We have developed a new approach,” Jim Chilcott, senior vice president at Boeing Defense, Space,"
        " and Security, said in a statement."
    )
    assert speaker_of(text, "new approach") == "Jim Chilcott"
    assert speaker_of("Prices rose sharply, and Finance Minister Kiichi Miyazawa said the yen would hold.", "yen") == (
        "Kiichi Miyazawa"
    )


def test_a_body_and_role_described_again_are_the_one_printed_before_a_name_with_lower_case_role():
    text = (
        "USX Corp chairman David Roderick spoke on Monday. Treasury Secretary James Baker spoke too.\n\n"
        "The USX chairman said trading partners may resist the turn in the trade deficit."
    )
    assert speaker_of(text, "trading partners") == "David Roderick"
    text = (
        "Prosecutors dropped an inquiry into Wikileaks co-founder Julian Assange.\n\n"
        "The Wikileaks founder has said he feared being sent to the United States."
    )
    assert speaker_of(text, "feared being sent") == "Julian Assange"


def test_a_reply_of_a_word_or_two_opening_its_sentence_is_its_speakers():
    text = "Senator Mary Okafor was asked whether the bill would pass.\n\n“Probably,” Okafor said, before leaving."
    assert speaker_of(text, "Probably") == "Mary Okafor"
    assert speaker_of("Governor Tom Ridley signed the order. “Done,” said Ridley.", "Done") == "Tom Ridley"
    # inside a sentence, words this short are a title or scare quotes, no statement of their own
    assert "cowards" not in [said for said, _ in speakers("Ridley called the critics “cowards,” aides said.")]


def test_notes_and_comments_report_after_the_words_or_a_name_ending_the_sentence():
    assert speaker_of("Retail sales fell for a third month in a row, Karen Holt notes.", "Retail sales") == "Karen Holt"
    text = "“We are ready for the launch next spring,” comments Robin Vale of the agency."
    assert speaker_of(text, "ready for the launch") == "Robin Vale"
    # plural nouns as often: a thing at the end of the sentence, no one speaks
    assert speakers("After the merger closed in May, the company redeemed its Treasury notes.") == []
    assert speakers("When the vote was over, members sent in new comments.") == []


def test_a_verb_of_manner_reports_in_a_sentence_opened_by_the_quotation():
    text = "Judge Ellen Marsh heard the case.\n\n“But is there not some risk here for the staff,” Marsh interjected."
    assert speaker_of(text, "some risk here") == "Ellen Marsh"
    text = "“Those foxes were far too clever for our traps,” remembers Dana Whitcombe, a park ranger."
    assert speaker_of(text, "too clever") == "Dana Whitcombe"
    # elsewhere the same verbs are acts, not speech
    assert speakers("Ellen Marsh lamented the loss of the old courthouse to the fire.") == []
    assert speakers("Dana Whitcombe shared a photo of the foxes with her followers.") == []


def test_a_paragraph_opened_by_by_and_no_name_is_no_credit_line():
    text = "By the end of the week, Finance Minister Karl Brandt said the budget would pass with ease."
    assert speaker_of(text, "budget would pass") == "Karl Brandt"
    assert speaker_of("By July, Karl Brandt said the budget would pass with ease.", "budget would") == "Karl Brandt"
    assert speakers("By Karl Brandt and Ann Lowe, Reuters") == []  # a byline
    # a verb inside the opening "By ...ing" phrase is part of the means, no one speaks
    assert speakers("By lowering posted prices for corn, the agency could lead farmers to sell their stocks.") == []


def test_a_quotation_paragraph_after_a_question_is_the_answer_not_the_asker_going_on():
    text = (
        "“Do you dispute that the risk is real?” Maria Lopez asked.\n\n"
        "“There is a very small risk with respect to the new rules.”\n\n"
        "“We will appeal the ruling,” Tom Baxter said.\n\n"
        "“The court got it wrong on every count.”"
    )
    assert speaker_of(text, "very small risk") is None  # the one asked answers, not Lopez
    assert speaker_of(text, "wrong on every count") == "Tom Baxter"  # after a statement: the speaker goes on


def test_he_after_a_sentence_that_names_the_last_speaker_is_that_sentences_subject():
    text = (
        "“Rates could still fall,” said Paul Moreno of Harlow Bank.\n\n"
        "Jeffrey Lind of Corbel Trust agreed on the outlook but, unlike Moreno, he said that "
        "faster growth could lead to higher rates."
    )
    assert speaker_of(text, "faster growth could lead") == "Jeffrey Lind"


def test_a_relative_clause_of_the_object_is_no_reported_clause():
    """ "wrote a biography of the inventor, who had been a friend": the verb after "who" is the
    inventor's, no clause reported; "said the economy, which grew, was strong" still reports."""
    assert (
        extract("HEADLINE\n\nIsaacson wrote a biography of the inventor, who had been a close friend.").statements == []
    )
    assert (
        speaker_of("Smith said the economy, which grew 3 pct last year, was strong enough now.", "was strong")
        == "Smith"
    )


def test_a_verb_then_its_audience_then_a_quotation_reports_the_quotation():
    """ 'He urged voters, “Look what I have delivered.”': the audience between the verb and the
    words; a work named before the quotation ("wrote a book, “...”") is no audience."""
    lead = "Prime Minister Boris Johnson spoke in Derby on Monday.\n\n"
    quote = "“Look what I have said I would do and look what I have delivered.”"
    assert speaker_of(lead + f"He urged voters, {quote}", "Look what I have said") == "Boris Johnson"
    assert speaker_of(lead + f"He reminded the crowd: {quote}", "Look what I have said") == "Boris Johnson"
    assert speaker_of(lead + f"He wrote a book, {quote}", "Look what I have said") is None


def test_a_role_two_people_hold_is_the_one_named_last_in_this_paragraph_or_the_one_before():
    """ "Gov. Ann Reyes ... Teachers did not see Kessler. / The governor said": of two governors
    (titles printed before their names, no role of their own), the one named just before."""
    text = (
        "Nevada Gov. Ann Reyes lost her reelection bid this month.\n\n"
        "Republican Gov. Tom Kessler has avoided criticism of the teachers.\n\n"
        "Teachers did not see Kessler at the Statehouse on Tuesday.\n\n"
        "The governor said he was waiting for a commission to make its recommendations."
    )
    assert speaker_of(text, "waiting for a commission") == "Tom Kessler"
    # both named in the paragraph before: either could be meant, the words stay unresolved
    both = text.replace("did not see Kessler at", "saw neither Kessler nor Reyes at")
    assert speaker_of(both, "waiting for a commission") is None
    # named long before: no longer the one a reader thinks of
    far = text.replace("Teachers did not see Kessler", "Teachers did not see the governors") + (
        "\n\nThe session opens in January.\n\nThe governor said the budget would pass in the spring."
    )
    assert speaker_of(far, "the budget would pass") is None


def test_the_secretary_of_two_who_spoke_is_the_one_named_just_before():
    text = (
        "Secretary of State David Ellison on Tuesday reaffirmed the alliance.\n\n"
        "“We stand with our friends,” Ellison said.\n\n"
        "Foreign Secretary Paolo Rinaldi said Rome would keep sending supplies.\n\n"
        "Mr. Ellison also met the president. The secretary told reporters that the two men had discussed ports."
    )
    assert speaker_of(text, "discussed ports") == "David Ellison"


def test_a_description_of_one_sex_stands_for_no_one_of_the_other():
    """ "the actress said" is no man a "he" would point to; "the actor said" still may be."""
    text = (
        "Tom Brandt and his former partner appeared on a radio show on Monday.\n\n"
        "“He was not in a good place in his life,” the actress said of their time together."
    )
    assert speaker_of(text, "not in a good place") is None
    assert speaker_of(text.replace("the actress", "the actor"), "not in a good place") == "Tom Brandt"


def test_the_answers_of_an_interview_are_not_given_to_someone_named_only_in_them():
    """A transcript's "A:" is the one introduced before the answers; a person named only inside
    them ("Watching Russell Westbrook play") is not the one answering."""
    turns = (
        "Q: What is your favourite memory?\n\nA: Watching Tom Brandt and Ann Lowe play in the final.\n\n"
        "Q: Your favourite athlete?\n\nA: Tom Brandt, without a doubt."
    )
    unnamed = extract("HEADLINE\n\nWe asked our new chief executive a few questions.\n\n" + turns)
    assert all(s.speaker_person is None for s in unnamed.statements)
    named = extract("HEADLINE\n\nWe asked our new chief executive, Maria Lopez, a few questions.\n\n" + turns)
    assert {s.speaker_person for s in named.statements if s.text.startswith(("Watching", "Tom"))} == {"Maria Lopez"}


def test_a_score_added_in_a_game_is_no_statement():
    """ "Brad Marchand added three assists", "Tom Brandt added his seventh for the Islanders": a
    score; "Brandt added that the team would recover" still reports."""
    assert speakers("HEADLINE\n\nBrad Marchand added three assists to lead Boston past the Devils.") == []
    assert speakers("HEADLINE\n\nTom Brandt added his seventh for the Islanders in the second period.") == []
    assert speakers("HEADLINE\n\nRookie Tom Brandt added a goal and an assist, and Columbus beat Montreal.") == []
    assert speaker_of("HEADLINE\n\nTom Brandt added that the team would recover soon.", "would recover") == "Tom Brandt"


def test_a_role_qualified_by_the_abbreviation_of_the_holders_body_is_that_holder():
    """ "the USDA secretary" of "U.S. Agriculture Secretary Tom Brandt" (USDA, the Agriculture
    Department), and the "he" after it."""
    text = (
        "HEADLINE\n\nU.S. Agriculture Secretary Tom Brandt said a marketing loan would serve no purpose.\n\n"
        "However, the USDA secretary said that a loan might be appropriate later this year.\n\n"
        "“There is a danger our exports will continue to drop,” he said."
    )
    assert speaker_of(text, "might be appropriate") == "Tom Brandt"
    assert speaker_of(text, "exports will continue") == "Tom Brandt"


def test_a_description_whose_body_was_printed_with_the_person_is_that_person_whatever_its_head():
    """ "Tom Brandt, group vice president ... for Toyota ... The Toyota executive said": his role
    is no "executive", but the body the description names was printed with him; "the minister
    said" (no body, another head) still is not he."""
    text = (
        "HEADLINE\n\nTom Brandt, group vice president for sales at Toyota's U.S. unit, told reporters "
        "that sales would fall.\n\nThe Toyota executive said the dollar's fall would hurt the car market."
    )
    assert speaker_of(text, "hurt the car market") == "Tom Brandt"
    assert speaker_of(text.replace("The Toyota executive", "The minister"), "hurt the car market") is None


def test_responded_reports_words_not_an_act():
    """ "The banks responded by laying the groundwork ...": an act; "responded that" and '"...,"
    he responded.' report."""
    assert speakers("HEADLINE\n\nThe banks responded by laying the groundwork for writing down their loans.") == []
    text = "HEADLINE\n\nTom Brandt responded that the banks had laid the groundwork for writing down their loans."
    assert speaker_of(text, "laid the groundwork") == "Tom Brandt"
    text = "HEADLINE\n\n“The banks have laid the groundwork for it,” Tom Brandt responded."
    assert speaker_of(text, "laid the groundwork") == "Tom Brandt"


def test_he_after_a_sentence_whose_subject_is_an_unnamed_official_is_not_the_person_it_talks_about():
    text = (
        "HEADLINE\n\nThe senior official sounded pessimistic about the chances of Prime Minister Taro Sato "
        "defusing anger when he visits Washington.\n\n"
        "“I don't think trade friction will be solved all of a sudden,” he said."
    )
    assert speaker_of(text, "trade friction") is None
    named = text.replace("The senior official sounded", "Trade Minister Ken Ono sounded")
    assert speaker_of(named, "trade friction") == "Ken Ono"


def test_an_audience_with_a_plural_possessive_after_told_is_no_content():
    text = (
        "Banker Tom Brandt spoke on Monday.\n\nWhile innovations may be intellectually "
        "stimulating, they lack transparency, he told an investors' forum in West Berlin."
    )
    assert speakers(text)[-1] == (
        "While innovations may be intellectually stimulating, they lack transparency",
        "Tom Brandt",
    )


def test_a_quotation_after_an_opening_circumstance_and_the_attribution_is_the_words():
    """ "Earlier, while receiving the award, Adele said, "My dream ..."": the quotation, not the
    circumstance before the speaker; "Exports fell 3 pct, X said, about half the 1985 level." still
    is one statement."""
    text = (
        "Earlier, while receiving the award for the Record of the Year, Ann Lowe said, \"My dream and my idol "
        "is Queen Bee, and I adore you\". Other songs were nominated."
    )
    assert speakers(text)[-1] == ("My dream and my idol is Queen Bee, and I adore you", "Ann Lowe")
    text = "Exports fell 3 pct in March, Tom Brandt said, about half the level of a year earlier."
    joined = "Exports fell 3 pct in March, Tom Brandt said, about half the level of a year earlier"
    assert speakers(text)[-1][0] == joined


def test_shapes_read_on_unannotated_wikinews_articles():
    """Seen on Wikinews articles outside the gold (AMALGUM): "commented on" a topic, then "saying";
    an audience that is a medium and its name; a pronoun introducing a quotation with a colon; a
    pull quote's name and title; "According to X, an apposition, "...""."""
    lead = "President Tom Brandt met Ireland's prime minister on Monday.\n\n"
    text = lead + 'Mr. Brandt commented on the relationship, saying that "we have had a long, good relationship."'
    assert speakers(text)[-1] == ("we have had a long, good relationship", "Tom Brandt")
    text = lead + "Brandt told the news agency Reuters that the explosion caused significant destruction."
    assert speakers(text)[-1] == ("the explosion caused significant destruction", "Tom Brandt")
    text = lead + 'He described his experiences: "the walls collapsed and we had to run out of the building."'
    assert speaker_of(text, "walls collapsed") == "Tom Brandt"
    text = lead + 'Ann Lowe, Professor of Astronomy, Ohio State University: "It is a planet by any definition"'
    assert speaker_of(text, "planet by any") == "Ann Lowe"
    text = lead + 'According to Ann Lowe, a professor of physics at Vanderbilt, "the star will swell soon".'
    assert speakers(text)[-1] == ("the star will swell soon", "Ann Lowe")


def test_a_subject_and_an_auxiliary_before_a_quotation_make_one_reported_clause():
    """ 'told reporters that Poland was "trying to shift responsibility" ... and that the guards had
    "no connection" to the attack': one indirect statement holding both quotations."""
    text = (
        "The spokesman, Ivan Petrov, told reporters that Poland was “trying to shift responsibility” for its "
        "border policy and that the guards had “no connection” to the attack."
    )
    said = speakers(text)[-1]
    assert said[1] == "Ivan Petrov" and "no connection" in said[0] and said[0].startswith("Poland was")
    # a pronoun owning what the quotation says: the quotation is the statement (the seed's ministers)
    text = "The ministers also said they had “serious and continuing concerns” regarding human rights in the region."
    assert speakers(text)[-1][0] == "serious and continuing concerns"


def test_a_medium_named_before_or_after_its_noun_is_the_audience_of_told():
    lead = "Government spokesman Tom Brandt spoke on Monday.\n\n"
    for audience in ("the Agence France-Presse news agency", "the Communist Party newspaper Pravda"):
        text = lead + f"He also told {audience} that the rebels were defeated by the local militia."
        assert speakers(text)[-1] == ("the rebels were defeated by the local militia", "Tom Brandt")


def test_with_a_name_before_a_participle_and_including_a_name_before_who_give_that_name():
    lead = "Tom Brandt met Ann Lowe, the Israeli president.\n\n"
    text = lead + "Both spoke of Iran, with Lowe noting that Iran wants to build two satellites in the region."
    assert speakers(text)[-1] == ("Iran wants to build two satellites in the region", "Ann Lowe")
    text = (
        lead + "A handful of opponents of the bill spoke during the debate including Lord Cormack, who said: "
        '"Those who support the Bill have won; there is no doubt about that."'
    )
    assert speaker_of(text, "Those who support") == "Cormack"


def test_more_shapes_read_on_unannotated_wikinews_articles():
    """A participle that is a noun ("the tsunami warning center", "The tsunami warning was
    lifted"); "mentioned that"; "told the Associated Press that"; a place and its country in the
    subject ("UN officials in Rome, Italy said")."""
    assert speakers("The tsunami warning was however lifted after 6 p.m. local time in the province.") == []
    text = "India ended its watch, with a scientist at the tsunami warning center noting that the danger had passed."
    assert speakers(text)[-1] == ("the danger had passed", None)
    text = "The center issued a watch. Officials mentioned that earthquakes of this size can generate a tsunami."
    assert speakers(text)[-1][0] == "earthquakes of this size can generate a tsunami"
    text = "Tom Brandt, an official, spoke.\n\nBrandt told the Associated Press that forces were looking for them."
    assert speakers(text)[-1] == ("forces were looking for them", "Tom Brandt")
    text = "UN officials in Rome, Italy said that the two men worked for an Indian group."
    assert speakers(text)[-1] == ("the two men worked for an Indian group", "United Nations")


def test_al_surname_in_lower_case_and_warned_someone_about():
    """ "al-Qirbi said" opening a paragraph is Abu Bakr al-Qirbi; "had warned the U.S. embassy in
    Nigeria about his son's views" reports no words ("warned the House of Representatives that ..." does)."""
    text = (
        "The Foreign Ministry and its Minister, Abu Bakr al-Qirbi, said the man lived there.\n\n"
        "al-Qirbi said the Yemeni government needs more support."
    )
    assert speakers(text)[-1] == ("the Yemeni government needs more support", "Abu Bakr al-Qirbi")
    text = "His father, a banker, had warned the U.S. embassy in Nigeria about his son's extremist views."
    assert speakers(text) == []
    text = "The Community warned the U.S. House of Representatives that the legislation could prompt retaliation."
    assert speakers(text)[-1][0] == "the legislation could prompt retaliation"


def test_whom_a_speaker_reassured_or_warned_before_that_is_no_part_of_the_words():
    """ "Modi reassured Muslims that he would ...", "expressed regret that ...", "told the Press Club
    of Japan that ..."; "He warned the economy would slow" keeps its words whole."""
    lead = "Prime Minister Narendra Modi spoke on Monday.\n\n"
    text = lead + "Modi reassured Muslims that he would protect all religious groups in India."
    assert speakers(text)[-1] == ("he would protect all religious groups in India", "Narendra Modi")
    text = lead + "Modi expressed regret that the talks with the neighbours had failed."
    assert speakers(text)[-1] == ("the talks with the neighbours had failed", "Narendra Modi")
    text = lead + "He told the Press Club of Japan that the export balance was too large."
    assert speakers(text)[-1] == ("the export balance was too large", "Narendra Modi")
    text = lead + "He warned the economy would slow."
    assert speakers(text)[-1] == ("the economy would slow", "Narendra Modi")


def test_a_frame_verb_after_a_quotation_and_its_subject_reports_whatever_follows():
    """ '"...," Tipton observed during a question and answer session.': the quotation opens the
    sentence and only the subject stands before the verb; a circumstance may follow."""
    text = (
        "US voice actor Ann Tipton marveled at the growth of the industry.\n\n"
        '"Back when I was going as a fan, there was not as much anime," Tipton observed during a question '
        "and answer session."
    )
    assert speaker_of(text, "Back when I was going") == "Ann Tipton"


def test_offered_reports_right_after_a_quotation_and_its_subject():
    text = (
        "The governor sat on the beach.\n\n"
        '"His rise was that he had a reputation as a fighter," political strategist Tom Brandt offered.'
    )
    assert speaker_of(text, "reputation as a fighter") == "Tom Brandt"
    assert speakers("The company offered 5 dlrs a share for the stock of its rival.") == []


def test_a_named_subject_insisting_inside_a_pronoun_frame_is_the_speaker():
    """ "Uribe insisted that ..., he said.": the frame's "he" relays Uribe's words, and the
    quotation after them is Uribe's too, not the last speaker's."""
    text = (
        "Colombian president Alvaro Uribe met Ecuadorian president Rafael Correa.\n\n"
        '"I cannot accept these lies," Correa said.\n\n'
        "Uribe insisted that Ecuador has not done enough to fight the rebels, which was the reason the "
        'operation had to remain a secret, he said. "We have not gotten cooperation from President Correa."'
    )
    assert speaker_of(text, "has not done enough") == "Alvaro Uribe"
    assert speaker_of(text, "not gotten cooperation") == "Alvaro Uribe"


def test_the_year_of_a_date_opening_the_sentence_is_no_subject():
    text = (
        "Crime Control Inc said its earnings fell in the quarter.\n\nOn January 19, 1987, Crime Control, which "
        "installs security systems, said it retained Rothschild Inc to arrange for the sale of the company."
    )
    said = "it retained Rothschild Inc to arrange for the sale of the company"
    assert speakers(text)[-1] == (said, "Crime Control Inc")


def test_a_circumstance_then_that_after_the_verb_is_followed_by_the_words():
    """ "CLAUSE, before he announced on Sunday that he was withdrawing": the clause after "that" is
    what he announced, not the writer's clause before him ("..., X said on Sunday." still is)."""
    text = (
        "Morgan Tsvangirai spoke on Friday.\n\nTsvangirai had been the only candidate facing Mugabe in the "
        "run-off, before he announced on Sunday that he was withdrawing due to the threat of violence."
    )
    assert speakers(text)[-1] == ("he was withdrawing due to the threat of violence", "Morgan Tsvangirai")
    text = "Morgan Tsvangirai spoke.\n\nThe vote would go ahead in the whole country, Tsvangirai said on Sunday."
    assert speakers(text)[-1] == ("The vote would go ahead in the whole country", "Morgan Tsvangirai")


def test_a_past_participle_after_a_is_an_adjective_and_al_jazeera_a_medium():
    """ "In a tweeted statement ...", "Hal Finney, a noted computer cryptography expert, waited":
    no verb; "Al-Jazeera said" is the channel's."""
    assert speakers("In a tweeted statement on Wednesday announcing her protest, Ann Lowe demanded action.") == []
    assert speakers("Hal Finney, a noted computer cryptography expert, waited on the lawn for half an hour.") == []
    text = "Al-Jazeera said they were appalled by the decision to close its offices in the country."
    assert speakers(text)[-1][1] == "Al Jazeera"


def test_a_weekday_after_the_verb_is_a_circumstance_unless_it_owns_the_subject():
    """ "confirmed Saturday morning that ...": when; "said Friday's storm could be ...": the
    subject of the words, kept whole."""
    lead = "Meteorologist Mike Leary spoke to reporters.\n\n"
    text = lead + "Leary confirmed Saturday morning that it was a tornado that struck the city."
    assert speakers(text)[-1] == ("it was a tornado that struck the city", "Mike Leary")
    text = lead + "Leary said Friday's storm could be nothing to compare with what is coming."
    assert speakers(text)[-1] == ("Friday's storm could be nothing to compare with what is coming", "Mike Leary")


def test_a_pronoun_introduces_a_quotation_only_when_nothing_but_its_predicate_stands_before_the_colon():
    lead = "President Tom Brandt met Ireland's prime minister on Monday.\n\n"
    text = lead + 'He waited outside, but the sign on the door read: "Closed for the whole of the holiday week."'
    assert speaker_of(text, "Closed for the whole") != "Tom Brandt"


def test_a_quotation_paragraph_after_a_photo_caption_goes_on_from_the_paragraph_before_the_caption():
    """A page's photo caption (short, no quotation, no sentence's end) stands between a speaker's
    paragraph and the quotation that goes on; a sentence in between stops the speaker."""
    said = '"The sea is hurting the whales," says Hori Parata, an elder of the tribe.\n\n'
    text = said + "Hori Parata at his farm, the place where he was born\n\n" + '"We are not foreigners in this land."'
    assert speaker_of(text, "not foreigners") == "Hori Parata"
    text = said + "Rescuers came at dawn.\n\n" + '"We are not foreigners in this land."'
    assert speaker_of(text, "not foreigners") is None


def test_the_audience_a_speaker_told_is_no_rival_for_her_next_she():
    """'"...," Meghan told Winfrey. / "...," she said': the woman told is the audience; the speaker goes on."""
    lead = "Meghan Markle spoke to Oprah Winfrey. Winfrey said she was moved.\n\n"
    text = lead + '"I woke up early and saw a note," Meghan told Winfrey.\n\n'
    text += '"I just called the Queen to check in," she said.'
    assert speaker_of(text, "called the Queen") == "Meghan Markle"


def test_a_short_quotation_in_lower_case_is_words_spoken_not_a_title():
    """ "I was fat", "When I was 54 I got fat": words spoken (a title capitalises its words: "Meet
    the Press", "War & Peace" stay titles)."""
    lead = "Kirstie Alley spoke on a podcast.\n\n"
    said = speakers(lead + "“When I was 54 I got fat,” Alley told Wootton.")
    assert said == [("When I was 54 I got fat", "Kirstie Alley")]
    assert speakers(lead + "“I was fat,” Alley said.") == [("I was fat", "Kirstie Alley")]
    assert speakers(lead + "Alley said on “Meet the Press” that her weight was a topic.")[0][0].startswith("on “Meet")


def test_after_a_quotation_then_said_comma_adding_the_added_clause_is_its_own_statement():
    """'"...," Meghan said, adding their daughter is due': the quotation, then the added clause (not
    "adding ..." as what she said); 'said as he secured the clamp': what he did meanwhile, no words."""
    lead = "Meghan Markle spoke on Sunday. The plumber Nehemiah Dejesus was at work.\n\n"
    assert speakers(lead + '"We will not do it," Meghan said, adding their daughter is due in the summer.') == [
        ("We will not do it", "Meghan Markle"),
        ("their daughter is due in the summer", "Meghan Markle"),
    ]
    text = "There is no end in sight for rising prices, Meghan said yesterday, adding that their daughter is due."
    assert speakers(lead + text) == [
        ("There is no end in sight for rising prices", "Meghan Markle"),
        ("their daughter is due", "Meghan Markle"),
    ]
    assert speakers(lead + '"Two is it," Meghan said, adding that their daughter is due in the summer.') == [
        ("Two is it", "Meghan Markle"),
        ("their daughter is due in the summer", "Meghan Markle"),
    ]
    assert speakers(lead + "“I’m not,” Dejesus said as he secured the clamp and stopped the leak.") == [
        ("I’m not", "Nehemiah Dejesus")
    ]


def test_went_on_before_a_quotation_and_instructed_after_one_report_words():
    """'Alley went on, "..."', '"Don't get nervous," instructed Milton Velez': words said; "the talks
    went on for a week" and "instructed the workers to leave" say none."""
    lead = "The actress Kirstie Alley and the supervisor Milton Velez spoke.\n\n"
    text = lead + "Velez went on, “I also remember that I owed the city a lot of money.”"
    assert speaker_of(text, "owed the city") == "Milton Velez"
    text = lead + "“Don’t get nervous,” instructed Milton Velez, the supervisor."
    assert speaker_of(text, "nervous") == "Milton Velez"
    assert speakers(lead + "The talks went on for a week. Velez instructed the workers to leave.") == []


def test_he_after_a_sentence_opened_by_a_description_is_the_person_described():
    """ "The minister sounded pessimistic about Chancellor Kohl's chances. / He said": the minister
    the story named, not Kohl; with no such person named, nobody."""
    lead = "Finance Minister Gerhard Stoltenberg arrived in Paris on Monday.\n\n"
    then = " sounded pessimistic about the chances of Chancellor Helmut Kohl. He said the talks would fail."
    assert speaker_of(lead + "The minister" + then, "the talks would fail") == "Gerhard Stoltenberg"
    assert speaker_of("The senior official" + then, "the talks would fail") is None


def test_a_pair_inside_what_a_speaker_said_leaves_his_next_he_his():
    """ "Harry said the pair have spoken to the Queen. "...," he said": the pair is in his words, not
    a subject of two people that makes "he" either; "The two leaders met. He said" stays open."""
    lead = "Prince Harry spoke on Sunday.\n\n"
    text = lead + 'Harry said the pair have spoken to the Queen since their move. "I respect her," he said.'
    assert speaker_of(text, "I respect her") == "Prince Harry"
    text = lead + "The two leaders met privately. He told reporters the talks went well."
    assert speaker_of(text, "the talks went well") is None


def test_a_writers_clause_after_the_speaker_is_not_what_he_said():
    """'The timing raises "great suspicion," Woodard said, though he stressed ...': the words are
    the clause before the speaker, not the writer's "though ..."."""
    lead = "Aubrey Woodard spoke on Sunday.\n\n"
    text = lead + 'The timing of the announcement raises "great suspicion," Woodard said, though he had no proof.'
    assert speakers(text)[0] == ('The timing of the announcement raises "great suspicion,"', "Aubrey Woodard")


def test_a_subordinate_clause_opening_the_sentence_is_no_subject_of_a_participle():
    """ "When Trump took office, Schwartz was surprised, telling Mayer that ...": Schwartz told her."""
    lead = "Tony Schwartz and Donald Trump wrote a book.\n\n"
    text = lead + "When Trump took office, Schwartz was surprised, telling Mayer that he doubted Trump had read it."
    assert speaker_of(text, "he doubted") == "Tony Schwartz"
    text = lead + "If Trump read it, Schwartz would be surprised, telling Mayer, “I doubt that Trump has read a book.”"
    assert speaker_of(text, "I doubt") == "Tony Schwartz"


def test_an_audience_with_a_possessive_is_told_whole():
    """ "told the New Yorker's Jane Mayer, adding that ...", "..., Leahy told the National Cattlemen's
    Association.": the audience ends after the name the possessive leads to."""
    text = "Tony Schwartz wrote a book.\n\n“I put lipstick on a pig,” he told the New Yorker’s Jane Mayer, "
    assert speakers(text + "adding that he never saw a book.")[-1] == ("he never saw a book", "Tony Schwartz")
    text = "Patrick Leahy chairs the committee.\n\n"
    text += "Three senators will join the panel, Leahy told the National Cattlemen's Association."
    assert speakers(text)[-1] == ("Three senators will join the panel", "Patrick Leahy")
    text = "Anthony Fauci spoke.\n\nFauci told NBC News' Today show the final number would be lower."
    assert speakers(text)[-1] == ("the final number would be lower", "Anthony Fauci")
    text = "Anthony Fauci spoke.\n\nFauci told CNN's State of the Union that the outbreak was slowing."
    assert speakers(text)[-1] == ("the outbreak was slowing", "Anthony Fauci")


def test_straight_single_quotation_marks_quote_in_a_paragraph_with_no_double_ones():
    """ "She said last night: 'British people have made it clear.'" (British papers): a quotation,
    its words direct; apostrophes ("don't", "Commons'") stay apostrophes."""
    lead = "Kate Dalmeny and Neil Parish spoke on Monday.\n\n"
    text = lead + "She said last night: 'British people have made it abundantly clear that they don't want it.'"
    assert speakers(text) == [("British people have made it abundantly clear that they don't want it", "Kate Dalmeny")]
    text = lead + "Mr Parish, chairman of the Commons' committee, said: 'The Lords picked up where we left off.'"
    assert speakers(text) == [("The Lords picked up where we left off", "Neil Parish")]
    result = extract("HEADLINE\n\nTOKYO, March 2 - Talks began.\n\n" + text)
    assert result.statements[0].kind == "direct"


def test_a_question_then_who_asked_whom_is_the_askers():
    """'"What is it about Biden ...?" King asked Scott.': King's question; "asked Scott" names no words."""
    lead = "Gayle King interviewed Bernice Scott.\n\n"
    text = lead + '"What is it about Joe Biden that you feel a personal connection to?" King asked Scott.'
    assert speakers(text) == [("What is it about Joe Biden that you feel a personal connection to?", "Gayle King")]
    assert speakers(lead + "The reporters asked Scott. Then they left.") == []


def test_a_spokesperson_for_a_body_with_and_in_its_name_is_one_voice():
    """ "a spokesperson for the Universities and Colleges Employers' Association said ... / "...," he
    said": one spokesperson of one body, whose "he" is no earlier speaker."""
    text = (
        "Jo Grady, the union's general secretary, said students would be shocked.\n\n"
        "But a spokesperson for the Universities and Colleges Employers' Association said its members "
        "had been reducing the number of contracts.\n\n"
        '"We have worked with the unions to better understand employment," he said.'
    )
    body = "Universities and Colleges Employers' Association"
    assert speakers(text)[1:] == [
        ("its members had been reducing the number of contracts", body),
        ("We have worked with the unions to better understand employment", body),
    ]


def test_a_past_participle_after_a_common_noun_s_possessive_is_an_adjective():
    """ "The state's confirmed caseload", "This week's estimated arrivals": no verb of speech; "Moody's
    noted that ..." and "it's confirmed that ..." report."""
    assert speakers("The state's confirmed caseload of the virus is nearly 162,000.") == []
    assert speakers("This week's estimated arrivals total 274,000 tonnes.") == []
    assert speakers("Moody's noted that the company remains highly leveraged.")[0][0] == (
        "the company remains highly leveraged"
    )


def test_a_passive_participle_reports_nothing_and_a_sentence_adverb_is_no_speaker():
    """ "Eventually recalled by the Reich, Peters was ...": no speech, and "Eventually" is nobody."""
    result = extract("HEADLINE\n\nEventually recalled by the Reich for his cruelty, Peters was rehabilitated.")
    assert result.statements == [] and result.people == []


def test_a_pronoun_audience_is_told_and_the_words_follow_it():
    """ "told us the harvest was late", "tells me at her family's cellar, "...": whom, then the words
    (or the quotation after where it was said)."""
    lead = "Brigitta Stodden runs the cellar.\n\n"
    assert speakers(lead + "Stodden told us the harvest was late.") == [("the harvest was late", "Brigitta Stodden")]
    text = lead + '"It is an elegant lady," Stodden tells me at her family\'s cellar in Rech, "It is a diva."'
    assert speakers(text) == [("It is an elegant lady", "Brigitta Stodden"), ("It is a diva", "Brigitta Stodden")]


def test_mp_is_a_role_and_the_conservative_mp_no_body():
    """ "Labour MP Diane Abbott": her role; "the Conservative MP said": a member of parliament, not a
    body named "Conservative MP"."""
    result = extract("HEADLINE\n\nLabour MP Diane Abbott said the plan would fail.")
    assert [(p.name, p.role) for p in result.people] == [("Diane Abbott", "Labour MP")]
    text = 'Speaking in the Commons, the Conservative MP said: "It does not need to be like this at all."'
    assert speakers(text) == [("It does not need to be like this at all", None)]


def test_a_sum_of_money_promised_is_no_statement():
    """ "Gaddafi promised Sarkozy campaign €50 million", "Japan pledged 25 mln dlrs": a thing promised;
    '"...," Demirel promised at the December 5 protest' and "promised growth would reach 5 pct" report."""
    assert speakers("Muammar Gaddafi promised Sarkozy campaign €50 million.") == []
    assert speakers("Japan pledged 25 mln dlrs to the fund.") == []
    assert speakers('"We will stand guard," Demirel promised at the December 5 protest.') == [
        ("We will stand guard", "Demirel")
    ]
    assert speakers("Muammar Gaddafi promised growth would reach 5 pct.")[0][0] == "growth would reach 5 pct"


def test_a_noun_in_ing_after_a_determiner_leaves_the_name_after_it_the_subject():
    """ "After the meeting Merkel said": Merkel; "One official attending the talks with Minister Sergei
    Lavrov said": not Lavrov."""
    lead = "German Chancellor Angela Merkel and Foreign Minister Sergei Lavrov met.\n\n"
    text = lead + "After the meeting Merkel said she expected a prompt withdrawal."
    assert speaker_of(text, "prompt withdrawal") == "Angela Merkel"
    text = lead + "One official attending the talks with Minister Sergei Lavrov said they went well."
    assert speaker_of(text, "they went well") is None


def test_al_arabiya_is_a_broadcaster_not_a_person():
    result = extract("HEADLINE\n\nObama spoke about al-Qaeda and, according to Al Arabiya, about the war on terror.")
    assert [p.name for p in result.people] == ["Obama"]
    assert [s.speaker_organisation for s in result.statements] == ["Al Arabiya"]


def test_he_after_an_unknown_name_opening_a_sentence_as_a_person_is_not_an_earlier_speaker():
    """ 'Schmetzer was delighted with the way his side won. "...," he said': not Jarun, named before;
    a sentence opened by a body or a known person leaves "he" to the usual reading."""
    lead = 'Defender Omar Jarun was disappointed. "We came out flat," he told reporters.\n\n'
    text = lead + 'Schmetzer was delighted with the way his side won in Vancouver. "I think we played well," he said.'
    assert speaker_of(text, "played well") is None
    text = lead + 'Jarun was angry with the way his side played. "I think we played badly," he said.'
    assert speaker_of(text, "played badly") == "Omar Jarun"


def test_told_reporters_where_by_a_name_then_the_words_after_an_opening_time():
    """ "Hours later, he told reporters on the South Lawn that he had never met Whitlock": "Hours
    later" is when, "on the South Lawn" where, the words follow "that"."""
    lead = "President Donald Trump weighed in on social media.\n\n"
    text = lead + "Hours later, he told reporters on the South Lawn that he had never met Whitlock."
    assert speakers(text) == [("he had never met Whitlock", "Donald Trump")]
    text = lead + "Trump told reporters in Rome he was worried about the increased tension in the Gulf."
    assert speakers(text) == [("he was worried about the increased tension in the Gulf", "Donald Trump")]


def test_a_relative_clause_of_speech_after_the_speaker_is_a_statement_of_its_own():
    """ '"...," said Raymond Ocampo, a fund manager, who added that he expected volatility to stay high'."""
    text = (
        "“There is no panic here,” said Raymond Ocampo, a portfolio manager at Hollis Asset Management, "
        "who added that he expected volatility to stay high until May."
    )
    assert speakers(text) == [
        ("There is no panic here", "Raymond Ocampo"),
        ("he expected volatility to stay high until May", "Raymond Ocampo"),
    ]


def test_the_one_who_challenged_him_in_an_opening_phrase_is_not_he():
    """ "When challenged by Bollinger for Iran's treatment of gays he stated that ...": Ahmadinejad."""
    text = (
        "Mahmoud Ahmadinejad spoke at Columbia University, where Lee Bollinger introduced him.\n\n"
        "Ahmadinejad answered questions. When challenged by Bollinger for Iran's treatment of gays he "
        'stated that "In Iran we don\'t have homosexuals like in your country," drawing laughter.'
    )
    assert speaker_of(text, "In Iran we don't") == "Mahmoud Ahmadinejad"


def test_the_agent_of_a_passive_is_not_the_antecedent_of_she():
    """ "Betancourt said ... The politician was greeted by the First Lady, Carla Bruni-Sarkozy. /
    "...," she said": Betancourt; "It will be chaired by Kate Dalmeny. She said": Dalmeny (a thing
    is the subject there)."""
    text = (
        'Standing alongside President Nicolas Sarkozy, Betancourt said, "I cry with joy." The politician '
        "was greeted at the air base by the President and the First Lady, Carla Bruni-Sarkozy.\n\n"
        '"I owe everything to you," she said.\n\nAgain accompanied by Sarkozy, she recounted her years as a hostage.'
    )
    assert speaker_of(text, "I owe everything") == "Betancourt"
    assert speaker_of(text, "her years as a hostage") == "Betancourt"
    text = "The commission will be chaired by Kate Dalmeny. She said the standards would be kept."
    assert speaker_of(text, "standards would be kept") == "Kate Dalmeny"


def test_the_words_of_a_relative_clause_end_where_the_main_verb_comes_back():
    """ "Ali Nor, who said he was a spokesman for the pirates, commented on the incident": what he
    said is that he was a spokesman."""
    text = "Ali Nor, who said he was a spokesman for the pirates, commented on the incident."
    assert speakers(text) == [("he was a spokesman for the pirates", "Ali Nor")]


def test_a_pronoun_aside_with_a_frame_verb_between_commas_reports():
    """ "Simultaneously, he continued, Government has reduced VAT": what he went on to say."""
    text = "Brian Manning spoke to the Senate.\n\nSimultaneously, he continued, Government has reduced VAT on food."
    assert speakers(text) == [("Government has reduced VAT on food", "Brian Manning")]
    assert speakers("Talks continued, but nothing was agreed.") == []
    text = "Governments will have to impose carbon fees, they argue, adding it will also be necessary to act."
    assert [said for said, _ in speakers(text)] == [
        "Governments will have to impose carbon fees",
        "it will also be necessary to act",
    ]


def test_a_quotation_before_a_bare_attribution_is_its_speakers_after_another_speaker_too():
    """ 'They worry what they say will be used. "...?" Charpentier says.': Charpentier's words."""
    text = (
        "Emmanuelle Charpentier spoke.\n\nLawsuits are certain and they worry anything they say will be "
        "used against them. “What kind of company do we want?” Charpentier says."
    )
    assert speaker_of(text, "What kind of company") == "Emmanuelle Charpentier"


def test_aubrey_may_be_a_man():
    text = (
        "Aubrey Woodard, the chairman of the district party, spoke.\n\nThe timing raises suspicion, Woodard "
        "said, though he had no proof. He said he expressed his concerns to a staffer."
    )
    assert speaker_of(text, "expressed his concerns") == "Aubrey Woodard"


def test_a_relative_clause_left_open_before_the_verb_speaks_for_its_antecedent():
    """ "Evan Kohlmann, who tracks jihadi Web sites for NBC News said, "..."": Kohlmann, not NBC News."""
    text = 'Evan Kohlmann, who tracks jihadi Web sites for NBC News said, "He was an administrator on the forum."'
    assert speaker_of(text, "administrator on the forum") == "Evan Kohlmann"


def test_as_he_said_after_a_clause_is_the_clause_s_subject():
    """ "General Stanley McChrystal believes more troops could bring peace, as he said in an interview"."""
    text = (
        "British prime minister Gordon Brown spoke on Monday.\n\nUnited States general Stanley McChrystal "
        "believes that more troops could bring peace, as he said in an interview with the Financial Times."
    )
    assert speaker_of(text, "more troops could bring peace") == "Stanley McChrystal"


def test_a_question_then_asked_and_when_and_manner_and_instruction_shapes():
    """ '"...?" Alito asked in one of his series of queries.': Alito's; '"Yes," she said, adding with a
    bit of cheek.': no added words; '"But," Alito continued, as he confidently addressed Prelogar, "is
    it not ...?"': the quotation; "telling his lawyer to "control your client"": an instruction."""
    lead = "Justice Samuel Alito questioned Solicitor General Elizabeth Prelogar.\n\n"
    text = lead + '“I think our best example is the Customs Service,” Prelogar responded.\n\n'
    text += "“What is your single best example of such an agency …” Alito asked in one of his series of queries."
    assert speaker_of(text, "single best example") == "Samuel Alito"
    said = speakers(lead + "“Yes, primarily,” Prelogar said, adding with a bit of cheek.")
    assert said == [("Yes, primarily", "Elizabeth Prelogar")]
    text = lead + "“But,” Alito continued, as he confidently addressed Prelogar, "
    text += "“is it not the case that it has risks?”"
    assert speakers(text) == [("is it not the case that it has risks?", "Samuel Alito")]
    text = "Judge Arthur Engoron tried to stop him, telling his lawyer Chris Kise to “control your client” today."
    assert speakers(text) == []


def test_a_dash_line_naming_a_person_credits_the_quotation_above_it():
    """ '"We lied, we cheated, we stole." / — Mike Pompeo, College Station, TX, April 15, 2019'; a
    byline at an article's end credits no indirect statement."""
    text = (
        'Mike Pompeo spoke at Texas A&M.\n\n"I was the CIA director. We lied, we cheated, we stole."\n\n'
        "— Mike Pompeo, College Station, TX, April 15, 2019\n\nAs the co-founder of the firm, he was wary."
    )
    assert speaker_of(text, "We lied") == "Mike Pompeo"
    text = "Bryan Denson wrote this.\n\nCharges were dismissed, according to a 2003 article.\n\n— Bryan Denson"
    assert speaker_of(text, "Charges were dismissed") is None
    text = "Boris Johnson spoke.\n\n- Boris Johnson, the prime minister, said the deal was done."
    assert speaker_of(text, "the deal was done") == "Boris Johnson"


def test_a_new_subject_after_a_comma_and_is_no_description_of_the_name_before():
    """ "... belonged to Earhart and Noonan, and experts say a photo shows ...": the experts say it."""
    text = (
        "The thesis is that Amelia Earhart and navigator Fred Noonan landed on a reef.\n\nArtifacts may have "
        "belonged to Earhart and Noonan, and experts say a 1937 photo could show the landing gear."
    )
    assert speaker_of(text, "a 1937 photo could show") is None


def test_a_verb_ending_the_sentence_with_a_bare_weekday_frames_the_whole_sentence():
    """ "A man was arrested when he told authorities that ..., state police said Monday." (American
    papers drop the "on"): the police say it all; "the FBI announced Monday" too."""
    text = (
        "A Maine man was arrested when he told authorities that he was on his way to shoot a former "
        "employer, Maine state police said Monday."
    )
    assert speakers(text) == [(text[: -len(", Maine state police said Monday.")], None)]
    text = "Violent crime fell 3.8 percent last year, the FBI announced Monday."
    assert speaker_of(text, "Violent crime fell") == "Federal Bureau of Investigation"


def test_said_the_same_and_a_plural_noun_after_its_preposition_name_no_speaker():
    """ "A spokeswoman for the hospital, where he was treated, said the same.": "the same" is what was
    said, not who; "..., despite reports.", "amid claims of fraud": nouns, no one speaks."""
    text = "A spokeswoman for UT Southwestern Medical Center, where Greg Muzzy was treated, said the same."
    assert all(who is None and "spokeswoman" not in said for said, who in speakers(text))
    assert speakers("Transplanted lungs did not come from the victims, despite reports.") == []
    assert speakers("Shares rose 3 pct amid claims of a bid by the family.") == []


def test_who_then_a_subject_and_said_is_that_subject_s_report():
    """ "Windslowe, who police said uses multiple aliases, was arraigned": the police said it; "who
    also said" is still the name's own statement."""
    lead = "Padge Windslowe, 42, was charged in the death.\n\n"
    text = lead + "Windslowe, who police said uses multiple aliases, was arraigned Tuesday on charges of murder."
    assert speaker_of(text, "multiple aliases") is None
    text = lead + "Windslowe, who also said she was innocent, was arraigned Tuesday."
    assert speaker_of(text, "she was innocent") == "Padge Windslowe"


def test_a_plural_of_people_opening_a_sentence_is_a_group_not_a_person():
    """ "Advocates said they were determined ...": no person named Advocates."""
    result = extract("HEADLINE\n\nBELGRADE, March 2 - Talks began.\n\nAdvocates said they were determined to go on.\n")
    assert result.people == []
    assert result.statements[0].speaker_label == "Advocates"


def test_an_audience_named_after_a_description_ends_at_that():
    """ "told the radio personality Howard Stern that he hoped ...": the words open after "that";
    "according to British news reports": the reports are the source, not a verb."""
    text = "Chaz Bono recently told the radio personality Howard Stern that he hoped to come to Belgrade."
    assert speakers(text)[0][0] == "he hoped to come to Belgrade"
    said = speakers("In Britain, 143 such operations were performed, according to British news reports.")
    assert said == [("In Britain, 143 such operations were performed", None)]


def test_a_story_s_own_body_takes_the_initials_the_gazetteer_gives_another():
    """A 2012 Indian story: "the Election Commission ... The EC said" is that commission, not the
    European Community of the gazetteer; a wire story printing "European Commission" keeps its EC."""
    text = (
        "The Election Commission on Tuesday rejected his plea.\n\n"
        "The EC, while rejecting his petition, said, \u201cThe Commission takes serious exception to it.\u201d"
    )
    result = extract("HEADLINE\n\nNEW DELHI, Nov 6 - Talks began.\n\n" + text)
    assert [o.name for o in result.organisations] == ["Election Commission"]
    assert given(result, "serious exception") == "Election Commission"
    text = "HEADLINE\n\nBRUSSELS, March 2 - The European Commission met.\n\nThe EC said farm prices would fall."
    result = extract(text)
    assert given(result, "farm prices") == "European Community"


def test_a_sentence_ending_in_a_body_its_apposition_and_told_is_the_body_s():
    """ "Government gunships attacked Aleppo, the Local Coordination Committees, a network of
    activists, told NBC News.": the committees told it; "..., it said, without citing its sources."
    ends the words at the speaker."""
    text = "Gunships attacked Aleppo, the Local Coordination Committees, a network of activists, told NBC News."
    assert speakers(text) == [("Gunships attacked Aleppo", "Local Coordination Committees")]
    said = speakers("Output fell 3 pct in March, he said, without giving figures.")
    assert [words for words, _ in said] == ["Output fell 3 pct in March"]


def test_audiences_with_small_words_and_a_month_and_year_and_citing_reports():
    """ "..., Perez Molina told CNN en Español.": the clause before is his; "told Business Insider in
    October 2018 that MaT was ...": the words open after "that"; "..., X said, citing unconfirmed
    reports.": X said it, the reports are no speaker."""
    lead = "President Otto Perez Molina spoke.\n\n"
    text = lead + "Homes were destroyed in western Guatemala, Perez Molina told CNN en Español. Many fled."
    assert speaker_of(text, "Homes were destroyed") == "Otto Perez Molina"
    text = "Omar Lamrani told Business Insider in October 2018 that the group was fairly secular."
    assert speakers(text)[0][0] == "the group was fairly secular"
    text = lead + "About 100 people were missing, President Otto Perez Molina said, citing unconfirmed reports."
    assert speakers(text) == [("About 100 people were missing", "Otto Perez Molina")]


def test_an_aside_in_the_progressive_is_its_subject_s():
    """ "The Romney team, some analysts are already saying, ran banal ads": the analysts', not Romney's."""
    text = "Mitt Romney lost the race.\n\nThe Romney team, some analysts are already saying, ran banal ads."
    assert speaker_of(text, "ran banal ads") is None


def test_common_given_names_of_latin_america_and_india_make_a_person():
    """ '"...," said GOP fundraiser Ana Navarro': a person; "Rahul Gandhi" too."""
    assert speaker_of('"Latinos were disillusioned," said GOP fundraiser Ana Navarro.', "Latinos") == "Ana Navarro"
    result = extract("HEADLINE\n\nNEW DELHI, Nov 6 - A deal by Sonia and Rahul Gandhi was questioned.\n")
    assert [p.name for p in result.people] == ["Rahul Gandhi"]


def test_the_main_clause_s_verb_reports_before_one_in_an_opening_subordinate_clause():
    """ "After Russia said ..., Secretary of State Hillary Rodham Clinton said that until ...": hers;
    "Although the ministry said ..., when it first announced it, the date is earlier": the ministry's."""
    text = (
        "After Russia said in March that Bushehr would be launched, U.S. Secretary of State Hillary Rodham "
        'Clinton said that until Iran reassures the world, "it would be premature to go ahead."'
    )
    assert speaker_of(text, "premature") == "Hillary Rodham Clinton"
    text = (
        "Although the Finance Ministry simply said that the group would be privatised this year, when it first "
        "announced the operation in January, the May date is earlier than the market had expected."
    )
    assert speaker_of(text, "the group would be privatised") == "Finance Ministry"


def test_long_inverted_names_and_typed_slips_and_name_suffixes():
    """ '"...," said Tom Bonier of the liberal National Committee for an Effective Congress, which ...';
    'said Chairman Tim Kaine."So that is ..."' (no space typed); "James Roosevelt Jr., the grandson of
    FDR, spoke and said: ..."; "a program Iran says it needs"; "said in a statement marking the
    anniversary that ..."."""
    text = (
        '"It is hard to argue that the shift is anything but a problem," said Tom Bonier of the liberal '
        "National Committee for an Effective Congress, which follows population trends."
    )
    assert speaker_of(text, "hard to argue") == "Tom Bonier"
    text = '"We will highlight it," said Democratic National Committee Chairman Tim Kaine."So that is a theme."'
    assert speakers(text) == [("We will highlight it", "Tim Kaine"), ("So that is a theme", "Tim Kaine")]
    text = 'James Roosevelt Jr., the grandson of FDR, spoke and said of him: "What he created was a legacy."'
    assert speaker_of(text, "a legacy") == "James Roosevelt Jr"
    result = extract("HEADLINE\n\nMOSCOW, May 2 - Russia gained leverage, a program Iran says it needs to make fuel.")
    assert [s.speaker_label for s in result.statements] == ["Iran"]
    text = "House Minority Leader John Boehner said in a statement marking the anniversary that the law served."
    assert speakers(text) == [("the law served", "John Boehner")]


def test_a_description_by_another_word_of_the_title_is_its_holder():
    """ "Rep. Mark Meadows ... The congressman said": Meadows; "Meghan, the Duchess of Sussex ... The
    duchess also revealed": Meghan; "The Oprah Winfrey Show" is a programme, no person."""
    text = "Rep. Mark Meadows will retire.\n\nThe congressman said he would take a role with the White House."
    assert speaker_of(text, "take a role") == "Mark Meadows"
    text = "Meghan, the Duchess of Sussex, spoke to Oprah Winfrey.\n\nThe duchess also revealed that she was lonely."
    assert speaker_of(text, "she was lonely") == "Meghan"
    result = extract("HEADLINE\n\nCHICAGO, May 2 - She appeared on The Oprah Winfrey Show in 2004.\n")
    assert [p.name for p in result.people] == []


def test_when_before_that_is_no_part_of_the_words():
    """ "Taoiseach Micheal Martin confirmed this evening that ...", "said last week that ...": the words
    open after "that"; the Taoiseach is a title."""
    text = "Taoiseach Micheal Martin confirmed this evening that the nation would move to level 3."
    assert speakers(text) == [("the nation would move to level 3", "Micheal Martin")]
    text = "Paul Volcker said last week that current data do not show a reversal."
    assert speakers(text) == [("current data do not show a reversal", "Paul Volcker")]


def test_a_gathering_told_at_the_sentence_s_end_is_the_audience_of_the_clause_before():
    """ "CLAUSE, the Obama administration told the world's largest AIDS conference Monday.": the clause
    is what was told; "that's what he told his new investor" reports nothing of the kind."""
    text = "The U.S. is donating an extra $150 million, Beshir Omer told the world's largest AIDS conference Monday."
    assert speakers(text) == [("The U.S. is donating an extra $150 million", "Beshir Omer")]


def test_a_report_left_unresolved_stays_so_rather_than_taking_the_last_body_that_spoke():
    """ "The Chinese Foreign Ministry responded, saying ... / ..., the new report said. / ..., the report
    said.": the report is not the ministry's."""
    text = (
        "The Chinese Foreign Ministry responded on Tuesday, saying that the president had no standing.\n\n"
        "The vagueness of China's claims has rattled other claimants, the new report said.\n\n"
        "China's assertive approach has been matched by Vietnam, the report said."
    )
    assert speaker_of(text, "assertive approach") is None


def test_a_storm_is_no_person():
    """ "Hurricane Katrina", and "Katrina" alone after it, name a storm."""
    text = (
        "HEADLINE\n\nTRENTON, Nov 1 - Hurricane Katrina struck Louisiana in 2005.\n\nJan Moller, Director "
        "Louisiana Budget Project, noted that state spending grew by 30 percent in the years that followed "
        "Katrina, buoyed by a surge in economic activity. But Blanco cautioned it is short-lived, saying "
        '"states should not believe that those tax revenues are going to last forever."\n'
    )
    assert not [p.name for p in extract(text).people if "Katrina" in p.name]


def test_when_before_a_bare_clause_and_plural_trades_are_groups():
    """ "Urban Meyer explained this week he chose to close ...": the words open at "he"; "Builders have
    complained they cannot find workers": builders, no body named Builders."""
    text = "Florida coach Urban Meyer explained this week he chose to close the first practices."
    assert speakers(text) == [("he chose to close the first practices", "Urban Meyer")]
    result = extract("HEADLINE\n\nBIRMINGHAM, Oct 3 - Builders have complained they cannot find workers.\n")
    assert result.organisations == [] and result.statements[0].speaker_label == "Builders"


def test_a_description_names_the_name_before_it_or_no_one_named_in_its_aside():
    """ '"...," Pu Zhiqiang, a respected defense lawyer told Perry Link': Pu Zhiqiang (unknown to the
    lists), not the story's other lawyer; "The former astronaut, who was married to Ride ..., added:"
    is not Ride; "Teves' father Tom Teves is devastated, but said": Tom Teves."""
    text = (
        "Lawyer Li Fangping wrote that the court was secure.\n\nOverlooking those crimes amounts to "
        '"a serious dereliction of duty," Pu Zhiqiang, a respected defense lawyer told Perry Link.'
    )
    assert speaker_of(text, "dereliction") is None
    text = (
        "Sally Ride, the first US woman in space and a former astronaut, has died.\n\nThe former astronaut, "
        'who was married to Ride from 1982 until 1987, added: "I was privileged to be a part of her life."'
    )
    assert speaker_of(text, "privileged") is None
    text = "Alex Teves died.\n\nTeves' father Tom Teves is also devastated, but said that his son is still with him."
    assert speaker_of(text, "his son is still") == "Tom Teves"


def test_a_plural_audience_of_told_is_no_part_of_the_words():
    """ "Holmes told police he was the Joker", "told lawmakers it was his duty": the words open after
    the audience."""
    assert speakers("James Holmes told police he was the fictitious Batman villain.")[0][0] == (
        "he was the fictitious Batman villain"
    )
    assert speakers("Alexander Vindman told lawmakers it was his duty to report.")[0][0] == "it was his duty to report"


def test_a_name_in_capitals_is_the_person_and_adding_a_thing_reports_nothing():
    """ "Ex-Environment Secretary THERESA VILLIERS says ..." (a British headline) is Theresa Villiers;
    "MPs adding pressure to bolster protections", "..., he said, adding to pressure on the bank": acts."""
    text = (
        "Theresa Villiers, the former Environment Secretary, wrote a column.\n\nBack our farmers: "
        "Ex-Environment Secretary THERESA VILLIERS says the world will buy British food"
    )
    assert speaker_of(text, "the world will buy") == "Theresa Villiers"
    assert speakers("- MPs adding pressure to bolster protections against poor quality foreign food") == []
    said = speakers("Prices rose 3 pct in March, he said, adding to pressure on the bank.")
    assert [words for words, _ in said] == ["Prices rose 3 pct in March"]


def test_a_verb_of_quotations_then_people_then_a_quotation_reports_it():
    """ 'he instructed his workers, "We can't give them access"': his; not 'penned a piece entitled,
    "Why ...?"' nor 'emailed a friend, "Carlos C.D. (spy),"' (a title, a name)."""
    lead = "David Morales ran the company.\n\n"
    text = lead + 'To limit access, he instructed his workers, "We cannot give them access to the services."'
    assert speaker_of(text, "We cannot give them access") == "David Morales"
    text = lead + 'Later, Morales penned a piece entitled, "Why Are People Finally Paying Attention?"'
    assert speaker_of(text, "Finally Paying") in (None, "no statement")


def test_a_verb_of_quotations_then_where_then_a_quotation_reports_it():
    """ 'Alley mused, "Alcohol probably played some part"', 'She concluded in her statement, "There
    was a time ..."': hers."""
    lead = "Kirstie Alley spoke.\n\n"
    assert speaker_of(lead + 'Alley mused, "Alcohol played some part in it."', "Alcohol") == "Kirstie Alley"
    text = lead + 'She concluded in her statement, "There was a time when America was not fat."'
    assert speaker_of(text, "There was a time") == "Kirstie Alley"


def test_present_tense_reports_of_features_and_a_progressive_before_that():
    """ "the economist Joseph Stiglitz comments that "..."", "Prof David Green ... agrees that ...",
    "He points out that ..."; "The comments that he made" reports nothing; "As outbreaks grow,
    experts are warning that ...": the experts'."""
    text = 'Looking back, the economist Joseph Stiglitz comments that "rapid liberalization was the cause".'
    assert speaker_of(text, "rapid liberalization") == "Joseph Stiglitz"
    text = "Prof David Green, vice-chancellor of Worcester University, agrees that many students feel blamed."
    assert speaker_of(text, "many students feel blamed") == "David Green"
    assert speakers("The comments that he made about the budget were rude.") == []
    result = extract("HEADLINE\n\nLONDON, Oct 2 - As outbreaks grow, experts are warning that halls are too full.\n")
    assert [s.speaker_label for s in result.statements] == ["experts"]


def test_a_clause_around_its_speaker_is_one_statement_and_a_colon_at_the_end_introduces_the_next():
    """ "The difference, Mr. Warner said, was that the economy was near the precipice": one statement
    (not "was that ..."); "In a wide-ranging interview, President Obama also said:" reports the next
    paragraph, not its own opening words."""
    text = "Senator Mark Warner spoke.\n\nThe difference, Mr. Warner said, was that the economy was near the precipice."
    assert speakers(text)[0] == (
        "The difference, Mr. Warner said, was that the economy was near the precipice",
        "Mark Warner",
    )
    text = 'In a wide-ranging interview, President Barack Obama also said:\n\n"We will win the fight."'
    assert speakers(text) == [("We will win the fight", "Barack Obama")]


def test_an_honorific_of_the_other_sex_names_another_of_that_surname():
    """ "Suspect James Holmes ... When Ms. Holmes told a reporter, "..."": his mother, not him; "Ms
    Ride's former husband Steve Hawley said" stays Steve Hawley."""
    text = (
        "Suspect James Holmes appeared in court.\n\n"
        'When Ms. Holmes told a reporter, "Yes you have the right person," she meant herself.'
    )
    assert speaker_of(text, "right person") is None
    text = 'Sally Ride died.\n\nMs Ride\'s former husband Steve Hawley said: "Sally was a very private person."'
    assert speaker_of(text, "very private person") == "Steve Hawley"
