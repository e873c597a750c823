"""What the speech-rule tests ask of an extraction: who was given the statement holding some words."""


def given(result, words: str) -> str:
    """The speaker of the first statement holding `words`: the person, else the organisation, else
    the label in brackets ("[a spokesman]") when the speaker was left unresolved."""
    statement = next(s for s in result.statements if words in s.text)
    return statement.speaker_person or statement.speaker_organisation or f"[{statement.speaker_label}]"
