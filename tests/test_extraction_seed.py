"""The seed story against its hand-written expected.json, item by item (needs every extraction part)."""

from __future__ import annotations

import json

import pytest

from archive.extraction import extract
from tests.conftest import PROJECT_DIR

SEED = PROJECT_DIR / "seeds" / "000_1385e5d573d3216b.txt"
EXPECTED = json.loads((PROJECT_DIR / "tests/data/000_1385e5d573d3216b.expected.json").read_text())
CREDITED = EXPECTED["credits"]["reporting"] + EXPECTED["credits"]["editing"]


@pytest.fixture(scope="module")
def result():
    return extract(SEED.read_text(encoding="utf-8"))


def _person(result, name):
    return next((p for p in result.people if p.name == name), None)


@pytest.mark.parametrize("expected", EXPECTED["people_mentioned"]["must"], ids=lambda p: p["name"])
def test_person(result, expected):
    person = _person(result, expected["name"])
    assert person is not None, [p.name for p in result.people]
    if "role" in expected:
        assert person.role == expected["role"]
    if "country" in expected:
        assert person.country == expected["country"]


@pytest.mark.parametrize("expected", EXPECTED["statements"], ids=lambda s: s["quote_contains"][:30])
def test_statement(result, expected):
    found = [s for s in result.statements if expected["quote_contains"] in s.text]
    assert found, expected["quote_contains"]
    statement = found[0]
    assert statement.kind == expected["kind"]
    if expected.get("speaker"):
        assert statement.speaker_person == expected["speaker"]
    elif expected.get("speaker_organisation"):
        assert statement.speaker_person is None
        assert statement.speaker_organisation == expected["speaker_organisation"]
    else:
        assert statement.speaker_person is None and statement.speaker_organisation is None
        assert statement.speaker_label


def test_no_journalist_is_a_person_or_speaker(result):
    names = {p.name for p in result.people} | {s.speaker_person for s in result.statements}
    assert not names & set(CREDITED)


def test_obama_is_no_speaker(result):
    assert all(s.speaker_person != "Obama" for s in result.statements)


def test_kishi_and_kishida_kept_apart(result):
    kishi, kishida = _person(result, "Nobuo Kishi"), _person(result, "Fumio Kishida")
    assert kishi and kishida and kishi is not kishida
    assert "Kishida" not in kishi.forms
    by_quote = {s.text[:20]: s.speaker_person for s in result.statements}
    assert by_quote["We must seek all ava"] == "Nobuo Kishi"
    assert by_quote["all options, includi"] == "Fumio Kishida"


@pytest.mark.parametrize("word", ["Taiwan Strait", "Xinjiang", "NEW TOOLS", "Tokyo", "Taiwan"])
def test_places_and_subheads_are_not_people(result, word):
    assert all(word not in p.forms and p.name != word for p in result.people)


def test_he_said_quote_stays_unresolved(result):
    statement = next(s for s in result.statements if "They decided to work together" in s.text)
    assert statement.speaker_person is None and statement.speaker_label == "he"
