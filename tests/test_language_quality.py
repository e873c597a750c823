"""The figures of issue 19: language detection on short news texts, French/Spanish/German
extraction against their gold (tests/data/gold_languages). Each target is asserted on the test part,
which no rule was tuned on; xfail marks the ones not reached yet."""

from __future__ import annotations

import pytest

from archive.devtools import extraction_languages as gold
from bench import language_short

# Measured on the test parts enlarged by blind-written stories (split.json): de 0.889 (72/81); fr 0.897 (35/39)
# before the French and Spanish pass of branch romance, 0.900 (36/40) after it.
UNREACHED = {("de", "person speaker precision")}


def test_language_is_right_on_95_percent_of_short_news_texts():
    found = language_short.measure(language_short.load_set())
    for part in ("dev", "test"):
        right = sum(t[0] for t in found[part].values())
        total = sum(t[1] for t in found[part].values())
        assert total >= 100 and len(found[part]) == 8
        assert right / total >= language_short.TARGET, part


@pytest.mark.parametrize("language", gold.LANGUAGES)
@pytest.mark.parametrize("measure", sorted(gold.TARGETS))
def test_person_speakers_reach_their_targets_on_the_test_part(language, measure, request):
    if (language, measure) in UNREACHED:
        request.applymarker(pytest.mark.xfail(reason="not reached on the test part yet", strict=True))
    tally = gold.tallies(language)["test"]
    assert tally.stories >= 5
    assert gold.part_figures(tally)[measure] >= gold.TARGETS[measure]


@pytest.mark.parametrize("language", gold.LANGUAGES)
def test_bodies_that_speak_are_found_as_organisation_speakers_on_the_test_part(language):
    """Organisation speakers ("l'ONU a estimé que …"), with the English gold's target (issue 12: 0.75)."""
    tally = gold.tallies(language)["test"]
    assert gold.part_figures(tally)["organisation speaker recall"] >= 0.75
