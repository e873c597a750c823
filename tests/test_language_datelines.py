"""Datelines of French, Spanish and German agency stories (issue 19): place, day and month, and the
agency that sent the story; English datelines are read as before."""

from __future__ import annotations

import json

import pytest

from archive.extraction import extract
from archive.extraction.languages.dateline import parse_dateline
from archive.importing.pipeline import Importer
from archive.models import Article


@pytest.mark.parametrize(
    ("language", "opening", "place", "day", "month", "agency"),
    [
        ("fr", "PARIS, 12 mars (AFP) - La France a convoqué l'ambassadeur.", "PARIS", 12, 3, "AFP"),
        ("fr", "ABIDJAN, 1er févr. (AFP) - Le scrutin aura lieu dimanche.", None, None, None, None),
        ("es", "MADRID, 3 Mar (EFE).- El Gobierno pidió más apoyo.", "MADRID", 3, 3, "EFE"),
        ("es", "Ciudad de México, 14 feb (EFE).- La cancillería informó.", "Ciudad de México", 14, 2, "EFE"),
        ("de", "Berlin (dpa) - Die Lage sei ernst, sagte Wadephul.", "Berlin", None, None, "dpa"),
        ("de", "Berlin, 12. März (dpa/AFP) – Die Lage sei ernst.", "Berlin", 12, 3, "dpa"),
        ("de", "Die Regierung erklärte am Montag - ohne Einzelheiten - ihre Pläne.", None, None, None, None),
    ],
)
def test_agency_datelines_give_place_date_and_agency(language, opening, place, day, month, agency):
    found = parse_dateline(language, opening)
    if place is None:
        assert found is None or found.source == ""
        return
    assert (found.text, found.day, found.month, found.source) == (place, day, month, agency)


def test_the_dateline_is_the_documents_place_and_source_and_a_country_in_the_dateline():
    result = extract(
        "MADRID, 3 Mar (EFE).- El Gobierno pidió a la OTAN más apoyo en el flanco sur, informó el Ministerio "
        "de Asuntos Exteriores.",
        title="Flanco sur",
        language="es",
    )
    assert (result.document.dateline, result.document.source) == ("MADRID", "EFE")
    spain = next(c for c in result.countries if c.code == "ES")
    assert spain.in_dateline


def test_a_source_the_file_gives_wins_over_the_dateline():
    result = extract("PARIS, 12 mars (AFP) - Le sommet a été reporté.", title="Sommet", source="Reuters", language="fr")
    assert result.document.source == "Reuters" and result.document.dateline == "PARIS"


def test_english_datelines_are_read_as_before():
    result = extract("MADRID, March 3 (Reuters) - Spain asked NATO for support, the ministry said.", title="x")
    assert (result.document.dateline, result.document.source) == ("MADRID", "Reuters")


@pytest.mark.django_db
def test_an_imported_agency_story_keeps_its_dateline_and_agency(tmp_path):
    path = tmp_path / "story.jsonl"
    body = "PARIS, 12 mars (AFP) - La France a convoqué l'ambassadeur, a indiqué le Quai d'Orsay."
    path.write_text(json.dumps({"title": "Convocation", "date": "2025-03-12", "body": body, "language": "fr"}))
    Importer(workers=1).import_paths([str(path)])
    article = Article.objects.get()
    assert article.dateline == "PARIS"
    assert article.source is not None and article.source.name == "AFP"
