"""Attribution and names by class, from the errors on real modern news (issue 12, the Wikinews gold
of the development part): one invented example, or two, for each class.

The examples are made up for the rule, not copied from the gold: the gold measures the rules,
these say what each rule is for.
"""

from __future__ import annotations

from archive.extraction import extract


def speakers(text: str) -> list[tuple[str, str | None]]:
    result = extract("HEADLINE\n\nTOKYO, March 2 - Talks began on Monday.\n\n" + text)
    return [(s.text, s.speaker_person or s.speaker_organisation) for s in result.statements]


def speaker_of(text: str, fragment: str) -> str | None:
    return next((who for said, who in speakers(text) if fragment in said), "no statement")


def test_according_to_a_paper_someone_said_is_said_by_them():
    """ "According to the Herald, X said ...": the paper relays, X speaks."""
    text = (
        "According to the Daily Courier, Professor Hugo Brandt, the chairman of the panel, said the "
        "bridge had never been safe."
    )
    assert speaker_of(text, "bridge had never been safe") == "Hugo Brandt"
    text = "According to Reuters, Finance Minister Ana Lopes said the budget would be cut."
    assert speaker_of(text, "budget would be cut") == "Ana Lopes"
    # Without a speaker of its own, the clause stays the source's.
    assert speaker_of("According to Reuters, the budget would be cut in May.", "budget would be cut") == "Reuters"
