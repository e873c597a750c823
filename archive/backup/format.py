"""The backup format's keys (pure Python: the readers import them without Django).

A backup is JSON Lines, one article a line (README, "Exporting the archive"): the story's own
keys (source, source_id, title, date, dateline, body, language, url), which any JSON/CSV record may
carry, and GIVEN_KEYS, which dump.py writes beside them. When a record carries those, the importer
takes them as given (kept verbatim in `RawDocument.given`, read back by restore.py) instead of
extracting the story again.
"""

GIVEN_KEYS = (
    "credits", "countries", "people", "organisations", "statements", "tags", "file",
    # editors' work and what the archive derived, so that a backup restores exactly
    "tag_details", "removed", "corrected_fields", "search_names",
)  # fmt: skip
TEXT_KEYS = ("file", "search_names")  # plain text even in a CSV cell
