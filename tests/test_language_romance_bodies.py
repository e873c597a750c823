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
