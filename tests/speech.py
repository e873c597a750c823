"""What the speech-rule tests ask of an extraction: who was given the statement holding some words."""

from __future__ import annotations

from archive.extraction import extract


def given(result, words: str) -> str:
    """The speaker of the first statement holding `words`: the person, else the organisation, else
    the label in brackets ("[a spokesman]") when the speaker was left unresolved."""
    statement = next(s for s in result.statements if words in s.text)
    return statement.speaker_person or statement.speaker_organisation or f"[{statement.speaker_label}]"


# English stories: the text under a headline and a dateline paragraph, as a wire story has them.
def speakers(text: str) -> list[tuple[str, str | None]]:
    """(words, speaker) of each statement of the text: the person, else the organisation, else None."""
    result = extract("HEADLINE\n\nTOKYO, March 2 - Talks began on Monday.\n\n" + text)
    return [(s.text, s.speaker_person or s.speaker_organisation) for s in result.statements]


def speaker_of(text: str, fragment: str) -> str | None:
    return next((who for said, who in speakers(text) if fragment in said), "no statement")
