"""French and Spanish speech rules of issue 19 part A, on invented agency-style stories: French
reflexive reporting verbs ("s'est félicitée la ministre") and Spanish sentences that drop their
subject ("Añadió que …")."""

from __future__ import annotations

from archive.extraction import extract

from .speech import given


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


def test_a_relative_clause_after_an_inverted_speaker_is_about_the_speaker():
    result = extract(
        "QUITO, 3 Abr (EFE).- El presidente ecuatoriano, Pablo Mena, visitó Lima. El país crecerá un 3 %, "
        'recordó el mandatario, quien pidió a sus vecinos "más cooperación".',
        title="Visita",
        language="es",
    )
    assert given(result, "El país crecerá") == "Pablo Mena"


def test_a_french_high_commissioner_is_a_role():
    result = extract(
        "GENÈVE, 5 mai (AFP) - Le Haut-Commissaire de l'ONU aux réfugiés, Marc Olsen, a visité le camp. "
        "« La situation est grave », a-t-il déclaré.",
        title="Camp",
        language="fr",
    )
    assert "Marc Olsen" in {p.name for p in result.people}
    assert given(result, "La situation est grave") == "Marc Olsen"


def test_spanish_perfect_tenses_and_former_office_holders():
    result = extract(
        'MADRID, 9 Oct (EUROPA PRESS) - La ministra de Defensa, Elena Vidal, ha viajado a Lisboa. "Es un paso '
        'histórico", ha afirmado Vidal. La ministra ha explicado que el acuerdo se firmará en mayo. También '
        "asistió la exalcaldesa Rosa Marín.",
        title="Acuerdo",
        language="es",
    )
    assert given(result, "Es un paso histórico") == "Elena Vidal"
    assert given(result, "el acuerdo se firmará en mayo") == "Elena Vidal"
    assert "Rosa Marín" in {p.name for p in result.people}


def test_a_french_name_with_a_capital_particle_and_a_stressed_pronoun():
    result = extract(
        "PARIS, 2 mai (AFP) - Le député Paul Morin a critiqué le texte. Marine Le Pen, elle, a affirmé que son "
        "groupe voterait contre.",
        title="Texte",
        language="fr",
    )
    assert "Marine Le Pen" in {p.name for p in result.people}
    assert given(result, "son groupe voterait contre") == "Marine Le Pen"
