"""Plain dataclasses that extraction returns. No Django here: the importer maps them to rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DIRECT = "direct"
INDIRECT = "indirect"


@dataclass
class Credits:
    """Journalists credited at the foot of a story or in its byline. Never people of the story."""

    reporting: list[str] = field(default_factory=list)
    editing: list[str] = field(default_factory=list)

    def names(self) -> set[str]:
        return set(self.reporting) | set(self.editing)


@dataclass
class Document:
    """The structure of a story: what the importer stores as the article itself."""

    title: str
    date: dt.date | None
    date_flagged: bool  # True when the date was missing or impossible and is a guess or unknown
    dateline: str  # as printed, e.g. "TOKYO / WASHINGTON"
    dateline_places: list[str]  # e.g. ["TOKYO", "WASHINGTON"]
    source: str  # e.g. "Reuters"; "" when the text does not say
    paragraphs: list[str]  # the body, paragraph by paragraph (headline and credits line removed)
    credits: Credits

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class CountryMention:
    code: str  # ISO 3166-1 alpha-2, or ISO 3166-3 former code for historic states (SU, DD, YU, CS)
    mentions: int
    in_dateline: bool


@dataclass
class Span:
    paragraph: int
    start: int  # character offsets within that paragraph
    end: int


@dataclass
class PersonMention:
    name: str  # fullest form found in the text, e.g. "Antony Blinken"
    forms: list[str] = field(default_factory=list)  # every form used: "Blinken", "Antony Blinken"
    role: str = ""  # e.g. "Secretary of State"
    country: str | None = None  # ISO code
    organisation: str | None = None  # name of an OrganisationMention
    mentions: int = 1
    spans: list[Span] = field(default_factory=list)


@dataclass
class OrganisationMention:
    name: str  # canonical full name, e.g. "International Monetary Fund"
    abbreviation: str = ""  # e.g. "IMF"
    kind: str = "other"  # see ORGANISATION_KINDS
    country: str | None = None
    mentions: int = 1
    spans: list[Span] = field(default_factory=list)


ORGANISATION_KINDS = (
    "government",  # governments' bodies, ministries, departments
    "central_bank",
    "agency",
    "party",
    "company",
    "think_tank",
    "international",
    "media",
    "other",
)


@dataclass
class StatementMention:
    kind: str  # DIRECT or INDIRECT
    text: str  # the words (for direct speech: inside the quotation marks)
    paragraph: int
    start: int  # offsets of `text` within the paragraph
    end: int
    verb: str = ""  # "said", "told", "according to", ...
    speaker_person: str | None = None  # PersonMention.name
    speaker_organisation: str | None = None  # OrganisationMention.name
    speaker_label: str = ""  # how the text names the speaker when unresolved ("he", "the ministers")
    # relations.py: the countries the statement's words or sentence mention, and the speaker as
    # this article describes them
    about: list[str] = field(default_factory=list)
    speaker_role: str = ""
    speaker_country: str | None = None


@dataclass
class Extraction:
    document: Document
    countries: list[CountryMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    organisations: list[OrganisationMention] = field(default_factory=list)
    statements: list[StatementMention] = field(default_factory=list)
