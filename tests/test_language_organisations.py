"""Organisations in French, Spanish and German stories (issue 19): found in the text, as speakers,
and one organisation whatever the language ("l'ONU", "la ONU", "die Vereinten Nationen", "the UN")."""

from __future__ import annotations

import json

import pytest

from archive.extraction import extract
from archive.importing.pipeline import Importer
from archive.models import Article, Organisation, Statement

pytestmark = pytest.mark.django_db


def organisation_speakers(result) -> dict[str, str | None]:
    return {s.text: s.speaker_organisation for s in result.statements}


def test_french_bodies_are_found_and_speak():
    result = extract(
        "Paris – La France juge « inacceptable » la reprise des essais, a indiqué mardi le Quai d'Orsay.\n\n"
        "L'ONU a estimé que plus de 40 000 personnes avaient fui les combats.\n\n"
        "Selon l'OTAN, les manœuvres dureront jusqu'à la fin du mois.",
        title="Essais",
        language="fr",
    )
    names = {o.name: o for o in result.organisations}
    assert {"Quai d'Orsay", "United Nations", "North Atlantic Treaty Organization"} <= set(names)
    assert names["Quai d'Orsay"].country == "FR" and names["United Nations"].abbreviation == "ONU"
    given = set(organisation_speakers(result).values())
    assert {"Quai d'Orsay", "United Nations", "North Atlantic Treaty Organization"} <= given
    assert not any(p.name in ("Orsay", "Quai") for p in result.people)


def test_spanish_bodies_are_found_and_speak():
    result = extract(
        "Madrid – El Gobierno enviará ayuda a la región, según el Ministerio de Asuntos Exteriores.\n\n"
        "La Comisión Europea aseguró que los fondos llegarán antes del verano.\n\n"
        "La cancillería mexicana informó que la reunión tendrá lugar en abril.",
        title="Ayuda",
        language="es",
    )
    names = {o.name: o for o in result.organisations}
    assert {"Ministerio de Asuntos Exteriores", "European Commission", "cancillería"} <= set(names)
    assert names["cancillería"].country == "MX"
    speakers = organisation_speakers(result)
    assert {"Ministerio de Asuntos Exteriores", "European Commission", "cancillería"} <= set(speakers.values())


def test_german_bodies_are_found_speak_and_are_not_people():
    result = extract(
        "Berlin – Die Lage im Sudan sei äußerst besorgniserregend, teilte das Auswärtige Amt am Montag mit.\n\n"
        "Die Bundesregierung erklärte, man werde die humanitäre Hilfe aufstocken.\n\n"
        "Die Vereinten Nationen warnten vor einer Hungersnot. Auch die NATO äußerte sich.",
        title="Sudan",
        language="de",
    )
    names = {o.name for o in result.organisations}
    assert {"Auswärtiges Amt", "Bundesregierung", "United Nations", "North Atlantic Treaty Organization"} <= names
    speakers = organisation_speakers(result)
    assert "Auswärtiges Amt" in speakers.values() and "Bundesregierung" in speakers.values()
    assert not any("Amt" in p.name or "Auswärtige" in p.name for p in result.people)


def test_a_spokesman_of_a_body_named_nowhere_else_is_the_body_not_the_last_person():
    result = extract(
        "Paris – Le président Emmanuel Macron a reçu son homologue. Le sommet s'est tenu à huis clos.\n\n"
        "Les sanctions seront levées en juin, a précisé un porte-parole du Quai d'Orsay.",
        title="Sommet",
        language="fr",
    )
    statement = next(s for s in result.statements if "sanctions" in s.text)
    assert statement.speaker_person is None and statement.speaker_organisation == "Quai d'Orsay"


def test_a_ministry_of_no_fixed_country_takes_the_country_beside_it():
    result = extract(
        "Moskau – Das russische Außenministerium bestellte den Botschafter ein. Das Außenministerium in Tokio schwieg.",
        title="Botschafter",
        language="de",
    )
    ministries = [o for o in result.organisations if o.name == "Außenministerium"]
    assert [m.country for m in ministries] == ["RU"]
    assert ministries[0].mentions == 2


def test_the_un_is_one_organisation_in_every_language(tmp_path):
    path = tmp_path / "stories.jsonl"
    records = [
        {"title": "Appel", "date": "2025-03-01", "language": "fr",
         "body": "Genève – L'ONU a affirmé que le cessez-le-feu devait être immédiat."},
        {"title": "Llamado", "date": "2025-03-01", "language": "es",
         "body": "Ginebra – La ONU afirmó que el alto el fuego debe ser inmediato."},
        {"title": "Appell", "date": "2025-03-01", "language": "de",
         "body": "Genf – Die Vereinten Nationen erklärten, die Waffenruhe müsse sofort gelten."},
        {"title": "Call", "date": "2025-03-01", "language": "en",
         "body": "GENEVA, March 1 - The United Nations called for an immediate ceasefire in the region."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    Importer(workers=1).import_paths([str(path)])
    assert Article.objects.count() == 4
    united = Organisation.objects.get(name="United Nations")
    assert set(united.articles.values_list("language", flat=True)) == {"fr", "es", "de", "en"}
    assert Organisation.objects.filter(name__icontains="Nations").count() == 1
    spoken = Statement.objects.filter(speaker_organisation=united).values_list("article__language", flat=True)
    assert {"fr", "es", "de"} <= set(spoken)


def test_a_phrase_naming_someone_of_a_body_is_not_the_body():
    result = extract(
        "New York – La France demande une session d'urgence, a déclaré l'ambassadeur de France auprès de l'ONU.\n\n"
        "Le texte sera soumis au vote vendredi, a annoncé un porte-parole de l'Élysée.",
        title="ONU",
        language="fr",
    )
    envoy = next(s for s in result.statements if "session d'urgence" in s.text)
    assert envoy.speaker_organisation is None and "ambassadeur" in envoy.speaker_label
    voice = next(s for s in result.statements if "soumis au vote" in s.text)
    assert voice.speaker_organisation == "Elysee Palace"
