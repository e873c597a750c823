"""French and Spanish speech rules of issue 19 part A, on invented agency-style stories: French
reflexive reporting verbs ("s'est félicitée la ministre") and Spanish sentences that drop their
subject ("Añadió que …")."""

from __future__ import annotations

from archive.extraction import extract


def given(result, words: str):
    statement = next(s for s in result.statements if words in s.text)
    return statement.speaker_person or statement.speaker_organisation or f"[{statement.speaker_label}]"


def test_a_french_reflexive_reporting_verb_before_or_after_its_speaker():
    result = extract(
        "LISBONNE, 4 mai (AFP) - « C'est une étape importante », s'est félicitée la ministre portugaise des "
        "Affaires étrangères, Ana Sousa, à l'issue de la réunion.\n\n"
        "Le commissaire européen Pierre Dumas s'est dit convaincu que l'accord serait signé avant l'été.",
        title="Accord",
        language="fr",
    )
    assert given(result, "C'est une étape importante") == "Ana Sousa"
    assert given(result, "l'accord serait signé") == "Pierre Dumas"


def test_a_spanish_sentence_without_subject_is_the_last_speakers():
    result = extract(
        "LIMA, 2 Jun (EFE).- El canciller peruano, Luis Paredes, dijo que el acuerdo llegará pronto. "
        "Añadió que Lima seguirá negociando con sus vecinos.\n\n"
        "Insistió en que no habrá prisas.",
        title="Acuerdo",
        language="es",
    )
    assert given(result, "Lima seguirá negociando") == "Luis Paredes"
    assert given(result, "no habrá prisas") == "Luis Paredes"
