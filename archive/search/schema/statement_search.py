"""Statements searched and ranked by their words and their speaker, made by migration 0013.

A statement's speaker words are the name (and other names, abbreviation) of the person or
organisation who said it, or the label the text gives an unresolved speaker ("A BankAmerica
spokesman"). They are indexed beside the statement's text, weighted above it: on the statements
page "yeutter tariffs" finds what Yeutter said about tariffs first, and a word may match in either.

- PostgreSQL: a column `speaker_words` (not on the model: the database keeps it) set by a BEFORE
  trigger from the speaker, and refreshed by triggers when a person's or organisation's names
  change; `search_vector` is generated again from the text (weight C) and the speaker words (A).
- SQLite: the FTS5 table `archive_statement_search` (text, speaker), holding its own copy (a
  renamed speaker must be taken out with the words it was indexed with), kept by triggers on the
  statements, people and organisations. It replaces `archive_statement_fts` (fulltext.py, migration
  0003), which migration 0013 drops.

`rebuild_search_index` puts back the SQLite triggers and rebuilds the table.
"""

from . import fulltext


def speaker_words(row: str) -> str:
    """The words of the speaker of the statement `row` (an alias, NEW or OLD), in SQL both speak."""
    return (
        f"coalesce((SELECT p.name || ' ' || p.alternative_names FROM archive_person p "
        f"WHERE p.id = {row}.speaker_person_id), '') || ' ' || "
        f"coalesce((SELECT o.name || ' ' || o.abbreviation || ' ' || o.alternative_names "
        f"FROM archive_organisation o WHERE o.id = {row}.speaker_organisation_id), '') || ' ' || "
        f"coalesce({row}.speaker_label, '')"
    )


POSTGRES_FORWARD = [
    "ALTER TABLE archive_statement ADD COLUMN speaker_words text NOT NULL DEFAULT ''",
    f"""
    CREATE FUNCTION archive_statement_speaker_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.speaker_words := {speaker_words("NEW")};
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER archive_statement_speaker_words
    BEFORE INSERT OR UPDATE OF speaker_person_id, speaker_organisation_id, speaker_label ON archive_statement
    FOR EACH ROW EXECUTE FUNCTION archive_statement_speaker_words()
    """,
    f"""
    CREATE FUNCTION archive_person_speaker_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE archive_statement s SET speaker_words = {speaker_words("s")} WHERE s.speaker_person_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER archive_person_speaker_words AFTER UPDATE OF name, alternative_names ON archive_person
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name
                       OR OLD.alternative_names IS DISTINCT FROM NEW.alternative_names)
    EXECUTE FUNCTION archive_person_speaker_words()
    """,
    f"""
    CREATE FUNCTION archive_organisation_speaker_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE archive_statement s SET speaker_words = {speaker_words("s")}
        WHERE s.speaker_organisation_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER archive_organisation_speaker_words
    AFTER UPDATE OF name, abbreviation, alternative_names ON archive_organisation
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.abbreviation IS DISTINCT FROM NEW.abbreviation
                       OR OLD.alternative_names IS DISTINCT FROM NEW.alternative_names)
    EXECUTE FUNCTION archive_organisation_speaker_words()
    """,
    # The words of every statement so far; the facet keys' triggers need not run (no key changes).
    "ALTER TABLE archive_statement DISABLE TRIGGER USER",
    f"UPDATE archive_statement s SET speaker_words = {speaker_words('s')}",
    "ALTER TABLE archive_statement ENABLE TRIGGER USER",
    "ALTER TABLE archive_statement DROP COLUMN search_vector",
    """
    ALTER TABLE archive_statement ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('archive_english'::regconfig, coalesce(text, '')), 'C')
        || setweight(to_tsvector('archive_english'::regconfig, coalesce(speaker_words, '')), 'A')
    ) STORED
    """,
    "CREATE INDEX archive_statement_search_vector ON archive_statement USING gin (search_vector)",
]
# Put back 0003's statement vector.
POSTGRES_BACKWARD = [
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS search_vector",
    """
    ALTER TABLE archive_statement ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('archive_english'::regconfig, coalesce(text, ''))
    ) STORED
    """,
    "CREATE INDEX archive_statement_search_vector ON archive_statement USING gin (search_vector)",
    "DROP TRIGGER IF EXISTS archive_organisation_speaker_words ON archive_organisation",
    "DROP TRIGGER IF EXISTS archive_person_speaker_words ON archive_person",
    "DROP TRIGGER IF EXISTS archive_statement_speaker_words ON archive_statement",
    "DROP FUNCTION IF EXISTS archive_organisation_speaker_words()",
    "DROP FUNCTION IF EXISTS archive_person_speaker_words()",
    "DROP FUNCTION IF EXISTS archive_statement_speaker_words()",
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS speaker_words",
]
# For rebuild_search_index: the rows whose words are not those of their speaker (none, normally).
POSTGRES_REFRESH = (
    f"UPDATE archive_statement s SET speaker_words = {speaker_words('s')} "
    f"WHERE s.speaker_words IS DISTINCT FROM {speaker_words('s')}"
)

SQLITE_TABLE = """
    CREATE VIRTUAL TABLE archive_statement_search USING fts5(
        text, speaker, tokenize='porter unicode61 remove_diacritics 2'
    )
"""


def sqlite_reindex(where: str) -> list[str]:
    """Take out and put back the statements `s` matching `where`."""
    return [
        f"DELETE FROM archive_statement_search WHERE rowid IN (SELECT s.id FROM archive_statement s WHERE {where})",
        "INSERT INTO archive_statement_search (rowid, text, speaker) "
        f"SELECT s.id, s.text, {speaker_words('s')} FROM archive_statement s WHERE {where}",
    ]


def sqlite_trigger(name: str, event: str, statements: list[str]) -> str:
    return f"CREATE TRIGGER IF NOT EXISTS {name} {event} BEGIN " + " ".join(f"{s};" for s in statements) + " END"


# IF NOT EXISTS: rebuild_search_index puts back the ones a table rebuild (SQLite's ALTER) dropped.
SQLITE_TRIGGERS = [
    sqlite_trigger(
        "archive_statement_search_insert",
        "AFTER INSERT ON archive_statement",
        [
            "INSERT INTO archive_statement_search (rowid, text, speaker) "
            f"VALUES (new.id, new.text, {speaker_words('new')})"
        ],
    ),
    sqlite_trigger(
        "archive_statement_search_delete",
        "AFTER DELETE ON archive_statement",
        ["DELETE FROM archive_statement_search WHERE rowid = old.id"],
    ),
    sqlite_trigger(
        "archive_statement_search_update",
        "AFTER UPDATE OF id, text, speaker_person_id, speaker_organisation_id, speaker_label ON archive_statement",
        [
            "DELETE FROM archive_statement_search WHERE rowid = old.id",
            "INSERT INTO archive_statement_search (rowid, text, speaker) "
            f"VALUES (new.id, new.text, {speaker_words('new')})",
        ],
    ),
    sqlite_trigger(
        "archive_statement_search_person",
        "AFTER UPDATE OF name, alternative_names ON archive_person",
        sqlite_reindex("s.speaker_person_id = new.id"),
    ),
    sqlite_trigger(
        "archive_statement_search_organisation",
        "AFTER UPDATE OF name, abbreviation, alternative_names ON archive_organisation",
        sqlite_reindex("s.speaker_organisation_id = new.id"),
    ),
]
SQLITE_REBUILD = [
    "DELETE FROM archive_statement_search",
    "INSERT INTO archive_statement_search (rowid, text, speaker) "
    f"SELECT s.id, s.text, {speaker_words('s')} FROM archive_statement s",
]
# 0003's statement index, replaced (rebuild_search_index leaves it out too).
SQLITE_OLD_INDEX = "archive_statement_fts"
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS archive_statement_fts_insert",
    "DROP TRIGGER IF EXISTS archive_statement_fts_delete",
    "DROP TRIGGER IF EXISTS archive_statement_fts_update",
    f"DROP TABLE IF EXISTS {SQLITE_OLD_INDEX}",
    SQLITE_TABLE,
    *SQLITE_TRIGGERS,
    *SQLITE_REBUILD,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS archive_statement_search_insert",
    "DROP TRIGGER IF EXISTS archive_statement_search_delete",
    "DROP TRIGGER IF EXISTS archive_statement_search_update",
    "DROP TRIGGER IF EXISTS archive_statement_search_person",
    "DROP TRIGGER IF EXISTS archive_statement_search_organisation",
    "DROP TABLE IF EXISTS archive_statement_search",
    *[s for s in fulltext.SQLITE_TABLES if SQLITE_OLD_INDEX in s],
    *[s for s in fulltext.SQLITE_TRIGGERS if SQLITE_OLD_INDEX in s],
    *[s for s in fulltext.SQLITE_REBUILD if SQLITE_OLD_INDEX in s],
]

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}
