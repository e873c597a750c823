"""The names of a byline or credit line, as an article's credits: people and agencies only.

    credit_names(["Analysis by Chris Cillizza", "CNN Editor-at-large"])  -> ["Chris Cillizza"]
    credit_names("By Alan Karben, .")                                   -> ["Alan Karben"]
    credit_names(["Username"])                                          -> []

Files give bylines in every shape: "By …", "Von …", names with their job title or agency after
them, a site's placeholder ("Username"), a content system's login ("kunigkeit.sebastian"), the
same name twice in two cases. What is left is only what a reader would take for a credit.
"""

from __future__ import annotations

import re

# "By", "Analysis by", "Von", "Par", "Por", "Di", "Door", "Av" before the names
LEAD = re.compile(
    r"^(?:(?:analysis|opinion|commentary|review|story|report|reporting|text|words|written|photos?)\s+)?"
    r"(?:by|von|par|por|di|door|av|af)\s*:?\s+",
    re.IGNORECASE,
)
SPLIT = re.compile(r"\s*(?:;|,|\band\b|\bund\b|\bet\b|\by\b|&|\|)\s*", re.IGNORECASE)
# A job title standing alone ("CNN Editor-at-large", "AP National Security Writer")
ROLE = re.compile(
    r"\b(?:writer|editor|editor-at-large|correspondent|reporter|columnist|contributor|contributing|producer|"
    r"staff|bureau|chief|desk|analyst|photographer|intern)s?\b",
    re.IGNORECASE,
)
AGENCY_AFTER = re.compile(r"\s+(?:Associated Press|The Associated Press|Reuters|AFP|dpa|Bloomberg)$")
PLACEHOLDERS = {"username", "user", "admin", "administrator", "author", "authors", "unknown", "anonymous", "guest",
                "null", "none", "n/a", "na", "undefined", "byline", "name", "webmaster", "editor", "editorial",
                "opinion", "comment", "analysis"}  # fmt: skip
# Agencies that write their own name in lower case ("Von dpa")
LOWER_CASE_AGENCIES = {"dpa", "afp", "ap", "apa", "sda", "ansa", "efe", "epd", "kna", "ots"}
LOGIN = re.compile(r"^[a-z0-9._@-]+$")


def credit_names(byline: list[str] | str | None) -> list[str]:
    """The people and agencies a byline credits, in order, each once."""
    if not byline:
        return []
    entries = [byline] if isinstance(byline, str) else list(byline)
    names: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        for part in SPLIT.split(LEAD.sub("", " ".join(str(entry).split()))):
            name = clean_name(part)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return names


def clean_name(part: str) -> str:
    name = LEAD.sub("", part.strip(" \t.,;:-–—|·*"))
    name = AGENCY_AFTER.sub("", name).strip(" .,;:")
    if not name or not any(char.isalpha() for char in name):
        return ""
    folded = name.casefold()
    if folded in PLACEHOLDERS or ROLE.search(name):
        return ""
    if LOGIN.match(name) and folded not in LOWER_CASE_AGENCIES:
        return ""  # a content system's login ("kunigkeit.sebastian", "load"), not a printed name
    if len(name) > 80:
        return ""  # a sentence, not a name
    return name
