"""French and Spanish bodies that speak themselves (issue 19, branch romance2), on invented agency-style
stories: bodies named by a head noun and what follows it (data/<lang>/bodies.tsv), abbreviations a story
defines, a role word inside a body's name, the nearest article of an unnamed role, someone of a role's holder."""

from __future__ import annotations

from archive.extraction import extract
from archive.extraction.languages.organisations import abbreviations_defined, structural_spans

from .speech import given


def test_spanish_bodies_named_by_a_head_noun_speak():
    result = extract(
        "BOGOTÁ, 3 Mar (EFE).- La Defensoría del Pueblo alertó en un comunicado de que más de 5.000 personas "
        "han abandonado sus hogares.\n\n"
        "La Fiscalía, por su parte, sostuvo que ya identificó a dos de los responsables del ataque.",
        title="Desplazados",
        language="es",
    )
    assert given(result, "más de 5.000 personas") == "Defensoría del Pueblo"
    assert given(result, "ya identificó a dos") == "Fiscalía"  # a head the table says names a body alone


def test_french_bodies_named_by_a_head_noun_and_adjectives_speak():
    result = extract(
        "PARIS, 3 mars (AFP) - Le tribunal correctionnel de Paris a estimé que l'ancien ministre avait menti.\n\n"
        "La Banque nationale de Belgique estime que la croissance restera faible l'an prochain.",
        title="Jugement",
        language="fr",
    )
    assert given(result, "avait menti") == "Tribunal correctionnel de Paris"
    assert given(result, "la croissance restera faible") == "Banque nationale de Belgique"


def test_a_head_noun_alone_is_no_body_unless_the_table_says_so():
    assert not structural_spans("es", "La Federación dijo que no.")
    assert [e.name for e, _s, _e in structural_spans("es", "La Fiscalía dijo que no.")] == ["Fiscalía"]


def test_a_body_name_ends_before_a_given_name():
    spans = structural_spans("es", "el expresidente de la Federación Española de Fútbol Luis Rubiales")
    assert [e.name for e, _s, _e in spans] == ["Federación Española de Fútbol"]


def test_an_abbreviation_in_brackets_after_a_body_names_it_afterwards():
    paragraphs = [
        "Le parquet national financier (PNF) avait requis sept ans de prison.",
        "Dans un communiqué, le PNF a indiqué qu'il étudierait l'opportunité d'un appel.",
    ]
    assert abbreviations_defined("fr", paragraphs)["PNF"].name == "Parquet national financier"
    result = extract("\n\n".join(paragraphs), title="Appel", language="fr")
    assert given(result, "étudierait l'opportunité") == "Parquet national financier"
    # not an abbreviation of the body: another first letter, or a lone capital and a lower-case word
    assert not abbreviations_defined("es", ["El Instituto Nacional de Estadística (EFE) informó que sí."])


def test_a_role_word_inside_a_body_name_is_not_a_person():
    result = extract(
        'BUENOS AIRES, 3 Abr (EFE).- "Los salarios pierden", dijo el general retirado Germán Martínez.\n\n'
        "La Confederación General del Trabajo (CGT) anunció que evaluará un nuevo paro general.",
        title="Paro",
        language="es",
    )
    assert given(result, "evaluará un nuevo paro") == "Confederación General del Trabajo"


def test_an_unnamed_spokesman_after_a_place_with_an_article_is_no_one_named():
    result = extract(
        "El presidente Javier Milei celebró la decisión. “Justicia. Fin”, escribió el mandatario. Desde la capital, "
        "un vocero presidencial señaló que el Gobierno “respeta la independencia de los jueces”.",
        title="Fallo",
        language="es",
    )
    assert given(result, "respeta la independencia") != "Javier Milei"


def test_the_office_of_a_role_holder_is_not_the_holder():
    result = extract(
        "OTTAWA, 3 mars (AFP) - Le premier ministre François Legault a salué la décision. Le bureau du premier "
        "ministre a précisé dans un communiqué que les contre-tarifs pourraient être rétablis.",
        title="Tarifs",
        language="fr",
    )
    assert given(result, "pourraient être rétablis") != "François Legault"


def test_a_noun_refers_back_to_the_body_named_before_in_its_paragraph():
    result = extract(
        "BOGOTÁ, 3 Mar (EFE).- El Ejército de Liberación Nacional (ELN) atacó una base militar.\n\n"
        "La Defensoría del Pueblo alertó de que miles de personas huyeron. Según la entidad, la situación "
        "humanitaria es crítica en toda la región.\n\n"
        "Una portavoz de la institución dijo a EFE que la mayoría de los desplazados son niños.",
        title="Desplazados",
        language="es",
    )
    # two bodies named before it in the story, one in its paragraph
    assert given(result, "la situación humanitaria") == "Defensoría del Pueblo"
    # a voice of the noun, its paragraph naming no body and two fitting before it: no one
    assert given(result, "la mayoría de los desplazados") == "[Una portavoz de la institución]"
    result = extract(
        "TEGUCIGALPA, 3 Mar (EFE).- La Secretaría de Salud informó de que 45 personas murieron. Una portavoz de "
        "la institución dijo a EFE que la mayoría de los fallecidos son niños.",
        title="Dengue",
        language="es",
    )
    assert given(result, "la mayoría de los fallecidos") == "Secretaría de Salud"


def test_a_reference_after_a_circumstance_or_before_an_aside_is_the_body():
    result = extract(
        "BUENOS AIRES, 10 Jun (EFE).- La Corte Suprema de Justicia confirmó la condena.\n\n"
        "En un fallo unánime, el máximo tribunal sostuvo que las pruebas demuestran un esquema de corrupción.\n\n"
        "MADRID, 3 Feb (EFE).- La Federación Española de Fútbol no asistió al juicio. La Federación, por su parte, "
        "ha indicado en un comunicado que respeta el proceso judicial.",
        title="Fallo",
        language="es",
    )
    assert given(result, "las pruebas demuestran") == "Corte Suprema de Justicia"
    assert given(result, "respeta el proceso judicial") == "Federación Española de Fútbol"


def test_french_ministries_with_a_nationality_and_fields_in_lower_case_are_bodies():
    result = extract(
        "DAKAR, 17 juil (AFP) - Le ministère français des Armées a indiqué dans un communiqué que les militaires "
        "avaient quitté le pays. Selon le Secrétariat d'État à l'économie (SECO), quelque 60 % des exportations "
        "sont touchées.",
        title="Armées",
        language="fr",
    )
    assert given(result, "les militaires avaient quitté") == "Ministère français des Armées"
    assert given(result, "quelque 60 % des exportations") == "Secrétariat d'État à l'économie"


def test_statistics_offices_and_seats_of_government_of_the_tables_speak():
    result = extract(
        "OTTAWA, 3 mars (AFP) - Le dollar a reculé.\n\nSelon Statistique Canada, les exportations vers les "
        "États-Unis ont reculé de 8 % au deuxième trimestre.",
        title="Exportations",
        language="fr",
    )
    assert given(result, "les exportations vers les États-Unis") == "Statistique Canada"
    result = extract(
        "BUENOS AIRES, 3 Mar (EFE).- La Casa Rosada indicó en un comunicado que el presidente viajará a Roma.",
        title="Viaje",
        language="es",
    )
    assert given(result, "el presidente viajará a Roma") == "Casa Rosada"


def test_a_noun_describing_a_person_is_the_one_person_of_its_gender_named_before():
    result = extract(
        "MADRID, 3 Feb (EFE).- La futbolista Jenni Hermoso ha asegurado ante el juez que el beso de Luis Rubiales "
        'no fue consentido. "Sentí que me faltaban al respeto", ha declarado la jugadora en el juicio.\n\n'
        "El Real Madrid presentó a Xabi Alonso en un acto presidido por Florentino Pérez.\n\n"
        '"Vuelvo a casa", dijo el técnico tolosarra, visiblemente emocionado.',
        title="Juicio",
        language="es",
    )
    assert given(result, "Sentí que me faltaban") == "Jenni Hermoso"
    assert given(result, "Vuelvo a casa") == "[el técnico tolosarra]"  # two men named before: no one


def test_a_noun_describing_a_person_followed_by_a_name_is_not_the_person_named_before():
    result = extract(
        "BOGOTÁ, 20 Mar (EFE).- El presidente Gustavo Petro suspendió los diálogos de paz.\n\n"
        'El comisionado de paz, Otty Patiño, explicó que la suspensión "no significa el fin del proceso".',
        title="Paz",
        language="es",
    )
    assert given(result, "no significa el fin del proceso") != "Gustavo Petro"


def test_a_role_with_a_feminine_article_is_not_the_man_named_last():
    result = extract(
        "BUENOS AIRES, 10 Jun (EFE).- La Corte confirmó la condena contra la expresidenta Cristina Fernández de "
        "Kirchner. El ministro Luis Caputo celebró el fallo en un acto en la capital.\n\n"
        "“Es una condena política, dictada por un tribunal que responde al poder”, dijo la exmandataria ante la "
        "militancia.",
        title="Condena",
        language="es",
    )
    assert given(result, "Es una condena política") == "Cristina Fernández de Kirchner"


def test_the_latter_is_the_person_named_last():
    result = extract(
        "PARIS, 14 avr (AFP) - Le président Emmanuel Macron a reçu le Premier ministre. « Rien ne change », a-t-il "
        "dit.\n\n"
        "Alger a accusé le ministre de l'Intérieur, Bruno Retailleau, d'entretenir la crise. Ce dernier a répliqué "
        "sur X que la France « ne se laissera pas intimider ».",
        title="Crise",
        language="fr",
    )
    assert given(result, "ne se laissera pas intimider") == "Bruno Retailleau"


def test_a_body_before_a_reporting_verb_says_the_quoted_phrase_after_it():
    result = extract(
        "PARIS, 24 juin (AFP) - La CGT, qui avait quitté les discussions dès mars, a dénoncé « une mascarade ».\n\n"
        "La présidence congolaise a salué dans un communiqué « une étape décisive ».",
        title="Retraites",
        language="fr",
    )
    assert given(result, "une mascarade") == "CGT"
    assert given(result, "une étape décisive") == "Présidence congolaise"
    result = extract(
        'GUATEMALA, 14 Jul (EFE).- La Organización Panamericana de la Salud alertó este lunes de un aumento "sin '
        'precedentes" de los casos de dengue.',
        title="Dengue",
        language="es",
    )
    assert given(result, "sin precedentes") == "Organización Panamericana de la Salud"
    # a person's quoted phrase of fewer than four words stays a term the story quotes, as in English
    result = extract(
        "PARIS, 3 mars (AFP) - Le ministre Jean Dupont a dénoncé « une mascarade ».", title="X", language="fr"
    )
    assert not [s for s in result.statements if "mascarade" in s.text]


def test_a_name_between_commas_after_a_noun_describing_a_person_is_a_person():
    result = extract(
        "MADRID, 27 Oct (EFE).- El club no sancionará al jugador.\n\n"
        "El capitán, Dani Carvajal, que se recupera de una grave lesión, aseguró que la plantilla está unida.",
        title="Club",
        language="es",
    )
    assert "Dani Carvajal" in [p.name for p in result.people]
    assert given(result, "la plantilla está unida") == "Dani Carvajal"


def test_an_aside_between_the_verb_and_que_keeps_the_reported_words():
    result = extract(
        "BRUXELLES, 3 mars (Belga) - Le gouvernement a présenté son budget.\n\n"
        "La Banque nationale de Belgique estime, de son côté, que la croissance restera faible.",
        title="Budget",
        language="fr",
    )
    assert given(result, "la croissance restera faible") == "Banque nationale de Belgique"
    result = extract(
        "BRUSELAS, 3 Sep (EFE).- La Comisión presentó el acuerdo.\n\n"
        "El ministro Luis Planas afirmó, por su parte, que el acuerdo protege al campo.",
        title="Acuerdo",
        language="es",
    )
    assert given(result, "el acuerdo protege al campo") == "Luis Planas"
