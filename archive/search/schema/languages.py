"""Each article indexed in its own language (issue 19; fulltext/languages.py says how), made by
migration 0015. (The languages present are read from the model's index on Article.language.)

- PostgreSQL: a configuration `archive_<stemmer>` per built-in Snowball stemmer (a copy with
  unaccent before the stemmer, like `archive_english`); functions `archive_search_config(language)`
  (English for "en" and "", the language's configuration, else `archive_simple`) and
  `archive_search_text(language, text)` (CJK runs as overlapping pairs for "zh", "ja", "ko");
  `search_vector` generated again through them (and `search_exact` through the second).
- SQLite: the FTS5 table `archive_article_words` (title, body, language) holding the analysed text
  of every article not in English (stemmed, or in pairs), with its own copy, kept by triggers that
  call `archive_analyse` (registered on every Django connection: fulltext.languages.register_sqlite).
  English articles keep only the porter index: the triggers do not call Python for them.

`rebuild_search_index` puts back the SQLite triggers and refills the table.
"""

from archive.search.fulltext.languages import CJK, CJK_CHARS, POSTGRES_SNOWBALL

STEMMERS = sorted(set(POSTGRES_SNOWBALL.values()) - {"english"})
BASE = "lower(split_part(split_part({column}, '-', 1), '_', 1))"

_configs = "\n".join(
    f"""
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'archive_{name}') THEN
        CREATE TEXT SEARCH CONFIGURATION archive_{name} (COPY = {name});
        ALTER TEXT SEARCH CONFIGURATION archive_{name}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {name}_stem;
    END IF;"""
    for name in STEMMERS
)
_cases = " ".join(f"WHEN '{code}' THEN 'archive_{name}'" for code, name in sorted(POSTGRES_SNOWBALL.items()))
_cjk = ", ".join(f"'{code}'" for code in CJK)


def _vector(config: str, text: str) -> str:
    return f"to_tsvector({config}, archive_search_text(language, {text}))"


POSTGRES_FORWARD = [
    f"DO $$ BEGIN {_configs} END $$",
    # IMMUTABLE: the mapping is fixed by this code (a generated column needs it so).
    f"""
    CREATE OR REPLACE FUNCTION archive_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE {BASE.format(column="language")}
            WHEN '' THEN 'archive_english' WHEN 'en' THEN 'archive_english' {_cases}
            ELSE 'archive_simple' END)::regconfig
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION archive_cjk_bigrams(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(
            CASE WHEN m.part[1] ~ '^[{CJK_CHARS}]' AND length(m.part[1]) > 1 THEN
                (SELECT string_agg(substr(m.part[1], i, 2), ' ' ORDER BY i)
                 FROM generate_series(1, length(m.part[1]) - 1) AS i)
            ELSE m.part[1] END, ' ' ORDER BY m.n), '')
        FROM regexp_matches(t, '[{CJK_CHARS}]+|[^{CJK_CHARS}]+', 'g') WITH ORDINALITY AS m(part, n)
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION archive_search_text(language text, t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN {BASE.format(column="language")} IN ({_cjk}) THEN archive_cjk_bigrams(t) ELSE t END
    $$
    """,
    "ALTER TABLE archive_article DROP COLUMN search_vector",
    f"""
    ALTER TABLE archive_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight({_vector("archive_search_config(language)", "coalesce(title, '')")}, 'A')
        || setweight({_vector("archive_search_config(language)", "coalesce(search_names, '')")}, 'B')
        || setweight({_vector("archive_search_config(language)", "coalesce(body, '')")}, 'C')
    ) STORED
    """,
    "CREATE INDEX archive_article_search_vector ON archive_article USING gin (search_vector)",
    "ALTER TABLE archive_article DROP COLUMN search_exact",
    f"""
    ALTER TABLE archive_article ADD COLUMN search_exact tsvector GENERATED ALWAYS AS (
        strip({_vector("'archive_simple'::regconfig", "coalesce(title, '') || ' ' || coalesce(body, '')")})
    ) STORED
    """,
    "ANALYZE archive_article",
]

POSTGRES_BACKWARD = [
    "ALTER TABLE archive_article DROP COLUMN search_exact",
    """
    ALTER TABLE archive_article ADD COLUMN search_exact tsvector GENERATED ALWAYS AS (
        strip(to_tsvector('archive_simple'::regconfig, coalesce(title, '') || ' ' || coalesce(body, '')))
    ) STORED
    """,
    "ALTER TABLE archive_article DROP COLUMN search_vector",
    """
    ALTER TABLE archive_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('archive_english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('archive_english'::regconfig, coalesce(search_names, '')), 'B')
        || setweight(to_tsvector('archive_english'::regconfig, coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX archive_article_search_vector ON archive_article USING gin (search_vector)",
    "DROP FUNCTION IF EXISTS archive_search_text(text, text)",
    "DROP FUNCTION IF EXISTS archive_cjk_bigrams(text)",
    "DROP FUNCTION IF EXISTS archive_search_config(text)",
    *[f"DROP TEXT SEARCH CONFIGURATION IF EXISTS archive_{name}" for name in STEMMERS],
]

# An article is English for the index when its language is "", "en" or "en-...".
_ENGLISH = "({row}.language = '' OR lower({row}.language) = 'en' OR lower({row}.language) LIKE 'en-%')"
_INSERT = (
    "INSERT INTO archive_article_words (rowid, title, body, language) SELECT {row}.id, "
    "archive_analyse({row}.language, {row}.title), archive_analyse({row}.language, {row}.body), {row}.language"
)

SQLITE_TABLES = [
    """
    CREATE VIRTUAL TABLE archive_article_words USING fts5(
        title, body, language UNINDEXED,
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
]
SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER IF NOT EXISTS archive_article_words_insert AFTER INSERT ON archive_article
    WHEN NOT {_ENGLISH.format(row="new")} BEGIN
        {_INSERT.format(row="new")};
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_article_words_delete AFTER DELETE ON archive_article BEGIN
        DELETE FROM archive_article_words WHERE rowid = old.id;
    END
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS archive_article_words_update
    AFTER UPDATE OF id, title, body, language ON archive_article BEGIN
        DELETE FROM archive_article_words WHERE rowid = old.id;
        {_INSERT.format(row="new")} WHERE NOT {_ENGLISH.format(row="new")};
    END
    """,
]
SQLITE_REBUILD = [
    "DELETE FROM archive_article_words",
    _INSERT.format(row="a") + f" FROM archive_article a WHERE NOT {_ENGLISH.format(row='a')}",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS archive_article_words_insert",
    "DROP TRIGGER IF EXISTS archive_article_words_delete",
    "DROP TRIGGER IF EXISTS archive_article_words_update",
    "DROP TABLE IF EXISTS archive_article_words",
]

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_TABLES + SQLITE_TRIGGERS + SQLITE_REBUILD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}
