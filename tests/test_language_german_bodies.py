"""German bodies that speak themselves and reported speech going on after a speaker (issue 19, sixth German
pass): a body's Konjunktiv going on after its statement, "wäre"/"hätte" after a named speaker, a long first
phrase before "seien"."""

from __future__ import annotations

from archive.extraction import extract

from .speech import given


def test_a_bodys_subjunctive_goes_on_after_its_statement():
    result = extract(
        "Berlin – Die Lage sei ernst, teilte das Auswärtige Amt am Montag mit. Eine Ausreise werde dringend empfohlen.",
        title="Lage",
        language="de",
    )
    assert given(result, "Die Lage sei ernst") == "Auswärtiges Amt"
    assert given(result, "Eine Ausreise werde dringend") == "Auswärtiges Amt"


def test_wäre_and_hätte_go_on_with_the_speaker_unless_the_sentence_tells_a_fact_of_its_own():
    result = extract(
        "Berlin – Die Ermittlungen ließen wenig Zweifel zu, sagte Außenminister Karl Brandt am Dienstag. Eine "
        "Ausweisung von Diplomaten wäre der nächste Schritt.\n\n"
        "Der Haushalt sei solide, sagte Finanzministerin Anna Roth. Der Wegfall hätte ein Loch in die Planung "
        "gerissen.\n\n"
        "Die Reform müsse kommen, sagte Regierungschef Paul Frieden. Ein Scheitern wäre ein schwerer Rückschlag "
        "für Kommissionspräsidentin Ursula von der Leyen.\n\n"
        "Er werde nach Kiew reisen, sagte Kanzler Otto Weber. Es wäre sein erster Besuch seit dem Amtsantritt.",
        title="Schritte",
        language="de",
    )
    assert given(result, "Eine Ausweisung von Diplomaten wäre") == "Karl Brandt"
    assert given(result, "Der Wegfall hätte ein Loch") == "Anna Roth"
    assert not any("Ein Scheitern wäre" in s.text for s in result.statements)
    assert not any("Es wäre sein erster Besuch" in s.text for s in result.statements)


def test_seien_after_a_long_first_phrase_goes_on_with_the_speaker():
    result = extract(
        "Berlin – Der Rückgang habe mit der Lage in den Herkunftsländern zu tun, sagte Geschäftsführer Karl "
        "Kopp. Zurückweisungen von Asylsuchenden an der Grenze seien zudem rechtswidrig.",
        title="Asyl",
        language="de",
    )
    assert given(result, "Zurückweisungen von Asylsuchenden an der Grenze seien") == "Karl Kopp"
