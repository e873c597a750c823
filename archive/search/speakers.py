"""How a speaker is written in URLs and facet keys: one encoding for a person or an organisation."""

from __future__ import annotations

from django.db.models import Q

from archive.models import Organisation, Person


class Speaker:
    """The one encoding of a speaker in URLs and facet keys: "p12" is person 12, "o5" organisation 5."""

    PERSON, ORGANISATION = "p", "o"

    @classmethod
    def encode(cls, speaker: Person | Organisation) -> str:
        return f"{cls.PERSON if isinstance(speaker, Person) else cls.ORGANISATION}{speaker.pk}"

    @classmethod
    def of(cls, person_id: int | None, organisation_id: int | None) -> str:
        return f"{cls.PERSON}{person_id}" if person_id is not None else f"{cls.ORGANISATION}{organisation_id}"

    @classmethod
    def decode(cls, values) -> tuple[dict[str, int], dict[str, int]]:
        """The well-formed values, as {value: person id} and {value: organisation id}."""
        people, organisations = {}, {}
        for value in values:
            number = value[1:]
            if number.isdecimal() and 1 <= int(number) < 2**31:
                if value[:1] == cls.PERSON:
                    people[value] = int(number)
                elif value[:1] == cls.ORGANISATION:
                    organisations[value] = int(number)
        return people, organisations

    @classmethod
    def q(cls, values, prefix: str = "") -> Q:
        """Statements by any of the speakers `values`."""
        people, organisations = cls.decode(values)
        return Q(**{f"{prefix}speaker_person_id__in": list(people.values())}) | Q(
            **{f"{prefix}speaker_organisation_id__in": list(organisations.values())}
        )


# The values of a statement's speaker, as lists read them (speaker_label makes its name from them).
SPEAKER_FIELDS = ("speaker_person_id", "speaker_person__name", "speaker_organisation_id", "speaker_organisation__name",
                  "speaker_organisation__kind", "speaker_organisation__country_id")  # fmt: skip


def speaker_label(person_id, person, organisation_id, organisation, kind, country_id) -> str | None:
    """What str() of the speaker says (Person, Organisation.__str__), from values."""
    if person_id is not None:
        return person
    if organisation_id is not None:
        return str(Organisation(name=organisation, kind=kind, country_id=country_id))
    return None
