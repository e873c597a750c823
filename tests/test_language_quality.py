"""The figures of issue 19: language detection on short news texts, French/Spanish/German
extraction against their gold (tests/data/gold_languages). Each target is asserted on the test part,
which no rule was tuned on; xfail marks the ones not reached yet."""

from __future__ import annotations

import pytest

from archive.devtools import extraction_languages as gold
from bench import language_short

# Every target is reached on the test parts as they stand (three batches of blind-written stories
# added; precision de 0.916, fr 0.941, es 0.907) and on their clean part (every batch but b, whose
# writer's report reached two rule passes' briefs). A target not reached goes here.
UNREACHED: set[tuple[str, str]] = set()


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
def test_person_speakers_reach_their_targets_on_the_clean_test_part(language):
    rows = {metric: value for metric, value, _ in gold.batch_rows((language,)) if " clean " in metric}
    assert len(rows) == 2
    for metric, value in rows.items():
        measure = "person speaker " + metric.rsplit(" ", 1)[1]
        assert float(value.split()[0]) >= gold.TARGETS[measure], metric


def test_test_batches_are_named_by_their_files():
    assert [gold.test_batch({"file": f}) for f in ("es-d04", "de-b10", "fr-12", "readability-liberation-1")] == [
        "d",
        "b",
        "original",
        "original",
    ]


# The blind-written test stories make bodies speak that the reviewed tables do not know
# ("the ministry said" of a ministry named once): recall on the test parts (three blind batches in) is fr 0.47, es 0.25,
# de 0.35. Issue 19 sets no organisation target; this one is issue 12's English target, not met.
@pytest.mark.xfail(reason="organisation speakers of unseen stories: fr 0.47, es 0.25, de 0.35 on the test parts")
@pytest.mark.parametrize("language", gold.LANGUAGES)
def test_bodies_that_speak_are_found_as_organisation_speakers_on_the_test_part(language):
    """Organisation speakers ("l'ONU a estimé que …"), with the English gold's target (issue 12: 0.75)."""
    tally = gold.tallies(language)["test"]
    assert gold.part_figures(tally)["organisation speaker recall"] >= 0.75
