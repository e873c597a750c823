"""Statements: each attribution pattern, continuation rules, and what must stay unresolved."""

from __future__ import annotations

from archive.extraction import extract


def statements(text: str):
    result = extract("HEADLINE\n\n" + text)
    return [(s.kind, s.text, s.speaker_person or s.speaker_organisation, s.speaker_label) for s in result.statements]


def speaker_of(found, fragment):
    return next(s[2] for s in found if fragment in s[1])


def test_direct_quote_with_inverted_attribution():
    found = statements('"We are determined to act now," said Tom Murtha, a stock analyst at Capel.')
    assert found[0][:3] == ("direct", "We are determined to act now", "Tom Murtha")


def test_direct_quote_with_curly_marks_and_told_reporters():
    found = statements("“We must seek all available means,” Defense Minister Nobuo Kishi told reporters.")
    assert speaker_of(found, "seek all available") == "Nobuo Kishi"


def test_attribution_before_a_quote():
    found = statements('Howard said "I am not sure it is correct to regard the letter as a rejection."')
    assert speaker_of(found, "not sure it is correct") == "Howard"


def test_reported_speech_after_verb():
    found = statements("Finance Minister Dilson Funaro said Brazil would not pay its debts this year.")
    kind, text, speaker, _ = found[0]
    assert kind == "indirect" and text.startswith("Brazil would not pay") and speaker == "Dilson Funaro"


def test_reported_speech_before_verb():
    found = statements("Japan will boost imports next year, Trade Minister Hajime Tamura said.")
    assert found[0][:3] == ("indirect", "Japan will boost imports next year", "Hajime Tamura")


def test_organisation_speaker():
    found = statements("China filed an official complaint, a spokesperson for the Foreign Ministry said.")
    assert speaker_of(found, "official complaint") == "Foreign Ministry"


def test_group_label_stays_unresolved():
    found = statements("Interest rates will rise further this year, bankers said.")
    assert found[0][2] is None and found[0][3] == "bankers"


def test_pronoun_without_antecedent_stays_label():
    found = statements('The ministers met on Friday.\n\n"They decided to work together on trade," he said.')
    assert found[0][2] is None and found[0][3] == "he"


def test_pronoun_follows_previous_speaker():
    found = statements('"The talks went well today," Redman said.\n\n"We are consulting the parties," he added.')
    assert speaker_of(found, "consulting the parties") == "Redman"


def test_pronoun_after_anonymous_speaker_is_not_given_to_a_named_person():
    found = statements('Deputy Minister Janusz Kaczurba spoke.\n\n"MFN means little to us now," said one '
                       "Western envoy.\n\nHe said Polish products were not competitive.")
    assert speaker_of(found, "Polish products") is None


def test_unattributed_quotation_paragraph_continues_the_speaker():
    found = statements('"There is no coded messaging here," Hornung said.\n\n"China is the challenge and '
                       'they said it."')
    assert speaker_of(found, "China is the challenge") == "Hornung"


def test_open_quotation_runs_into_next_paragraph():
    found = statements('"This is clearly a combined message," said Daniel Russel, who was the top diplomat.'
                       '\n\n"In particular, the expression of a common will is powerful.')
    assert speaker_of(found, "In particular") == "Daniel Russel"


def test_subhead_and_headline_are_not_statements():
    found = statements("NEW TOOLS\n\nThe weather was fine.")
    assert found == []
