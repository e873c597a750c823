"""Each statement searched in its article's language (issue 19), made by migration 0016; the
analyses are those of the articles (fulltext/languages.py, schema/languages.py).

The language lives on the article; the statement's index follows it:

- PostgreSQL: a column `search_language` on archive_statement (not on the model: the database
  keeps it, like `speaker_words`), set by a BEFORE trigger from the statement's article and
  refreshed by a trigger when an editor changes an article's language; `search_vector` is
  generated again through `archive_search_config(search_language)` and `archive_search_text`.
  For an English statement ("en", "en-..." or "") both give what they gave before: the same
  vector, the same ranking.
- SQLite: the FTS5 table `archive_statement_words` (text, speaker, language) holding the analysed
  words of every statement whose article is not in English, kept by triggers on the statements,
  the articles (their language), people and organisations (the speaker words) that call
  `archive_analyse`. English statements keep only the porter index (`archive_statement_search`).

`rebuild_search_index` puts back the SQLite triggers and refills the table.
"""

from .languages import _ENGLISH
from .statement_search import speaker_words

_VECTOR = "to_tsvector(archive_search_config(search_language), archive_search_text(search_language, {text}))"

POSTGRES_FORWARD = [
    "ALTER TABLE archive_statement ADD COLUMN search_language varchar(16) NOT NULL DEFAULT ''",
    """
    CREATE FUNCTION archive_statement_search_language() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_language := coalesce((SELECT a.language FROM archive_article a WHERE a.id = NEW.article_id), '');
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER archive_statement_search_language
    BEFORE INSERT OR UPDATE OF article_id ON archive_statement
    FOR EACH ROW EXECUTE FUNCTION archive_statement_search_language()
    """,
    """
    CREATE FUNCTION archive_article_statement_language() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE archive_statement s SET search_language = NEW.language WHERE s.article_id = NEW.id;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER archive_article_statement_language AFTER UPDATE OF language ON archive_article
    FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION archive_article_statement_language()
    """,
    # The statements so far; the other triggers need not run (no key, no speaker changes).
    "ALTER TABLE archive_statement DISABLE TRIGGER USER",
    "UPDATE archive_statement s SET search_language = a.language FROM archive_article a "
    "WHERE a.id = s.article_id AND a.language <> ''",
    "ALTER TABLE archive_statement ENABLE TRIGGER USER",
    "ALTER TABLE archive_statement DROP COLUMN search_vector",
    f"""
    ALTER TABLE archive_statement ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight({_VECTOR.format(text="coalesce(text, '')")}, 'C')
        || setweight({_VECTOR.format(text="coalesce(speaker_words, '')")}, 'A')
    ) STORED
    """,
    "CREATE INDEX archive_statement_search_vector ON archive_statement USING gin (search_vector)",
    "CREATE INDEX archive_statement_search_language ON archive_statement (search_language)",
    "ANALYZE archive_statement",
]
# Put back 0013's English vector.
POSTGRES_BACKWARD = [
    "ALTER TABLE archive_statement DROP COLUMN search_vector",
    """
    ALTER TABLE archive_statement ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('archive_english'::regconfig, coalesce(text, '')), 'C')
        || setweight(to_tsvector('archive_english'::regconfig, coalesce(speaker_words, '')), 'A')
    ) STORED
    """,
    "CREATE INDEX archive_statement_search_vector ON archive_statement USING gin (search_vector)",
    "DROP TRIGGER IF EXISTS archive_article_statement_language ON archive_article",
    "DROP TRIGGER IF EXISTS archive_statement_search_language ON archive_statement",
    "DROP FUNCTION IF EXISTS archive_article_statement_language()",
    "DROP FUNCTION IF EXISTS archive_statement_search_language()",
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS search_language",
]
# For rebuild_search_index: the statements whose language is not their article's (none, normally).
POSTGRES_REFRESH = (
    "UPDATE archive_statement s SET search_language = a.language FROM archive_article a "
    "WHERE a.id = s.article_id AND s.search_language IS DISTINCT FROM a.language"
)

WORDS_TABLE = "archive_statement_words"


def _insert(where: str) -> str:
    """Put the statements `s` matching `where` whose article `a` is not in English in the table."""
    return (
        f"INSERT INTO {WORDS_TABLE} (rowid, text, speaker, language) "
        f"SELECT s.id, archive_analyse(a.language, s.text), archive_analyse(a.language, {speaker_words('s')}), "
        f"a.language FROM archive_statement s JOIN archive_article a ON a.id = s.article_id "
        f"WHERE ({where}) AND NOT {_ENGLISH.format(row='a')}"
    )


def _reindex(where: str) -> list[str]:
    return [f"DELETE FROM {WORDS_TABLE} WHERE rowid IN (SELECT s.id FROM archive_statement s WHERE {where})",
            _insert(where)]  # fmt: skip


def _trigger(name: str, event: str, statements: list[str]) -> str:
    return f"CREATE TRIGGER IF NOT EXISTS {name} {event} BEGIN " + " ".join(f"{s};" for s in statements) + " END"


SQLITE_TABLE = f"""
    CREATE VIRTUAL TABLE {WORDS_TABLE} USING fts5(
        text, speaker, language UNINDEXED, tokenize='unicode61 remove_diacritics 2'
    )
"""
# IF NOT EXISTS: rebuild_search_index puts back the ones a table rebuild (SQLite's ALTER) dropped.
SQLITE_TRIGGERS = [
    _trigger("archive_statement_words_insert", "AFTER INSERT ON archive_statement", [_insert("s.id = new.id")]),
    _trigger(
        "archive_statement_words_delete",
        "AFTER DELETE ON archive_statement",
        [f"DELETE FROM {WORDS_TABLE} WHERE rowid = old.id"],
    ),
    _trigger(
        "archive_statement_words_update",
        "AFTER UPDATE OF id, article_id, text, speaker_person_id, speaker_organisation_id, speaker_label "
        "ON archive_statement",
        [f"DELETE FROM {WORDS_TABLE} WHERE rowid = old.id", _insert("s.id = new.id")],
    ),
    _trigger(
        "archive_statement_words_article",
        "AFTER UPDATE OF language ON archive_article WHEN old.language IS NOT new.language",
        _reindex("s.article_id = new.id"),
    ),
    _trigger(
        "archive_statement_words_person",
        "AFTER UPDATE OF name, alternative_names ON archive_person",
        _reindex("s.speaker_person_id = new.id"),
    ),
    _trigger(
        "archive_statement_words_organisation",
        "AFTER UPDATE OF name, abbreviation, alternative_names ON archive_organisation",
        _reindex("s.speaker_organisation_id = new.id"),
    ),
]
SQLITE_REBUILD = [f"DELETE FROM {WORDS_TABLE}", _insert("1 = 1")]
SQLITE_BACKWARD = [
    *[f"DROP TRIGGER IF EXISTS {name}" for name in (
        "archive_statement_words_insert", "archive_statement_words_delete", "archive_statement_words_update",
        "archive_statement_words_article", "archive_statement_words_person", "archive_statement_words_organisation",
    )],
    f"DROP TABLE IF EXISTS {WORDS_TABLE}",
]  # fmt: skip

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": [SQLITE_TABLE, *SQLITE_TRIGGERS, *SQLITE_REBUILD]}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}
