"""SQLite backend: FTS5 table `archive_article_fts` (migration 0003), `archive_article_exact` and
`archive_article_size` for ranking articles (migration 0010), `archive_statement_search` (0011).

Every word goes to FTS5 inside double quotes (inner quotes doubled), so no input can be read as
FTS5 syntax; the structure (AND, OR, NOT, phrases) comes only from the parsed query objects.
"""

from __future__ import annotations

from django.db import connection, connections
from django.db.models import BooleanField, F, FloatField, Value

from .expressions import SqlTemplate
from .query import And, Or, Phrase, Term

# bm25 weights for title, search_names, body. bm25 is lower-is-better, so rank is its negation.
# A title counts twice the body, no more: at 10 (and 5 for the names) a word in the headline of a
# one-line notice ("AMEX STARTS TRADING ...") outranked every story about the subject.
ARTICLE_INDEX = ("archive_article_fts", "2.0, 0.5, 1.0", 2)  # table, bm25 weights, snippet column
# Statements (migration 0011): text, speaker words; the speaker above the text.
STATEMENT_INDEX = ("archive_statement_search", "1.0, 2.0", 0)
SNIPPET_WORDS = 24

# Article rank = bm25 over the stemmed index
#              + EXACT_SHARE x bm25 of the words as typed over the unstemmed index (title, body)
#              + LENGTH_WEIGHT x ln(1 + characters of the body)
#              + TITLE_BONUS when a word is in the title (bm25 over the title alone is not 0).
# bm25's k1 and b are fixed in FTS5 (1.2, 0.75); its length normalisation (b) favours short rows,
# which here are the one-line market notices, so the length term gives some of it back.
# Measured on bench/relevance.py's dev queries (see the commit messages).
EXACT_INDEX = "archive_article_exact"
EXACT_WEIGHTS = "2.0, 1.0"
EXACT_SHARE = 0.3
SIZE_TABLE = "archive_article_size"
LENGTH_WEIGHT = 1.25
TITLE_BONUS = 2.0


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def compile_match(node) -> str:
    """The FTS5 MATCH string for a query object (an And with at least one included part)."""
    if isinstance(node, Term):
        return quote(node.word)
    if isinstance(node, Phrase):
        return quote(" ".join(node.words))
    if isinstance(node, Or):
        return "(" + " OR ".join(map(compile_match, node.children)) + ")"
    if isinstance(node, And):
        included = " AND ".join(map(compile_match, node.included))
        if node.excluded:
            return f"({included}) NOT ({' OR '.join(map(compile_match, node.excluded))})"
        return included
    raise TypeError(f"not a query object: {node!r}")


def match_filter(table: str, match: str, ranked: bool = True) -> SqlTemplate:
    # Unranked, the rows come in the table's own order: "+" stops SQLite from looking each match
    # up by primary key and sorting them all, so it walks the ordering index and stops at the page.
    pk = "{pk}" if ranked else "+{pk}"
    return SqlTemplate(
        f"{pk} IN (SELECT rowid FROM {table} WHERE {table} MATCH {{match}})",
        output_field=BooleanField(),
        pk=F("pk"),
        match=Value(match),
    )


def rank(table: str, weights: str, match: str) -> SqlTemplate:
    # The ranked matches are computed once per statement (a materialized CTE, which SQLite
    # indexes automatically), then looked up per row: one FTS5 scan, not one per row.
    return SqlTemplate(
        "(WITH ranked AS MATERIALIZED ("
        f"SELECT rowid AS id, -bm25({table}, {weights}) AS score FROM {table} WHERE {table} MATCH {{match}}"
        ") SELECT score FROM ranked WHERE ranked.id = {pk})",
        output_field=FloatField(),
        pk=F("pk"),
        match=Value(match),
    )


def article_rank(match: str) -> SqlTemplate:
    """rank() for articles: the stemmed score, the exact forms' bonus and the length, for every
    match at once (materialized CTEs), then looked up per row. The same MATCH on the unstemmed
    index gives the bonus to the rows that match the words as typed (a subset of the matches: an
    OR of the words there would score thousands of rows that do not match, 9 ms for "oil prices")."""
    table, weights, _ = ARTICLE_INDEX
    return SqlTemplate(
        "(WITH ranked AS MATERIALIZED ("
        f"SELECT rowid AS id, -bm25({table}, {weights}) "
        f"+ CASE WHEN bm25({table}, 1.0, 0.0, 0.0) < 0 THEN {TITLE_BONUS} ELSE 0.0 END AS score "
        f"FROM {table} WHERE {table} MATCH {{match}}"
        "), exact AS MATERIALIZED ("
        f"SELECT rowid AS id, -bm25({EXACT_INDEX}, {EXACT_WEIGHTS}) AS score "
        f"FROM {EXACT_INDEX} WHERE {EXACT_INDEX} MATCH {{exact}}"
        "), scored AS MATERIALIZED ("
        f"SELECT ranked.id, ranked.score + {EXACT_SHARE} * coalesce(exact.score, 0.0) "
        f"+ {LENGTH_WEIGHT} * ln(1 + coalesce(size.body_chars, 0)) AS score "
        f"FROM ranked LEFT JOIN exact ON exact.id = ranked.id LEFT JOIN {SIZE_TABLE} size ON size.id = ranked.id"
        ") SELECT score FROM scored WHERE scored.id = {pk})",
        output_field=FloatField(),
        pk=F("pk"),
        match=Value(match),
        exact=Value(match),
    )


def snippets(table: str, column: int, match: str, ids: list[int]) -> dict[int, str]:
    """Fragments of the given rows around the matches, marked with \\x02 and \\x03."""
    placeholders = ", ".join("%s" for _ in ids)
    sql = (
        f"SELECT rowid, snippet({table}, {column}, char(2), char(3), '…', {SNIPPET_WORDS}) "
        f"FROM {table} WHERE {table} MATCH %s AND rowid IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *ids])
        return dict(cursor.fetchall())


# The rows of a page not in English, with their language and text (the snippet's column).
OTHER_LANGUAGE_TEXTS = {
    "article": "SELECT id, language, body FROM archive_article WHERE id IN ({ids}) AND language NOT IN ('en', '')",
    "statement": "SELECT s.id, a.language, s.text FROM archive_statement s "
                 "JOIN archive_article a ON a.id = s.article_id "
                 "WHERE s.id IN ({ids}) AND a.language NOT IN ('en', '')",
}  # fmt: skip


def snippets_languages(table: str, column: int, match: str, texts_sql: str, tree, ids: list[int]) -> dict[int, str]:
    """snippets() for rows in several languages, in the same one query: the porter index's fragments
    for the English rows, and for the others their language and text, of which a fragment is made
    here in their own language (their words index holds analysed words, not the text:
    fulltext/language_snippets.py)."""
    from .language_snippets import snippets as other_snippets
    from .languages import ENGLISH, analysis

    placeholders = ", ".join("%s" for _ in ids)
    sql = (
        f"SELECT rowid, NULL, snippet({table}, {column}, char(2), char(3), '…', {SNIPPET_WORDS}) "
        f"FROM {table} WHERE {table} MATCH %s AND rowid IN ({placeholders}) "
        f"UNION ALL {texts_sql.format(ids=placeholders)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *ids, *ids])
        rows = cursor.fetchall()
    found = {pk: text for pk, language, text in rows if language is None}
    found.update(other_snippets([row for row in rows if row[1] is not None and analysis(row[1]) != ENGLISH], tree))
    return found


def match_ids(table: str, match: str, using: str) -> list[int]:
    """The rowids (= the ids of the indexed rows) matching, from the index alone."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])
        return [row[0] for row in cursor.fetchall()]


def common_words(table: str, words: list[str], share: float, min_rows: int) -> set[str]:
    """Words matching more than `share` of the rows, if the table has at least `min_rows`."""
    counts = ", ".join(f"(SELECT count(*) FROM {table} WHERE {table} MATCH %s)" for _ in words)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT count(*) FROM {table}_docsize), {counts}", [quote(w) for w in words])
        total, *matching = cursor.fetchone()
    if total < min_rows:
        return set()
    return {word for word, count in zip(words, matching, strict=True) if count > share * total}


# Articles in several languages (fulltext/languages.py) --------------------------------------------

WORDS_INDEX = "archive_article_words"  # the analysed words of the articles not in English (0014)
WORDS_WEIGHTS = "2.0, 1.0, 0.0"  # title, body, language (unindexed)


def _codes_in(column: str, codes: list[str], prefix: str, slots: dict) -> str:
    names = []
    for index, code in enumerate(codes):
        slots[f"{prefix}_{index}"] = Value(code)
        names.append(f"{{{prefix}_{index}}}")
    return f"{column} IN ({', '.join(names)})"


def _other_matches(tree, plan: dict, slots: dict, select: str, table: str = WORDS_INDEX) -> list[str]:
    """One SELECT from a words index per analysis other than English."""
    from .languages import ENGLISH, analysed_tree

    parts = []
    for index, (code, codes) in enumerate(plan.items()):
        if code == ENGLISH:
            continue
        slots[f"m{index}"] = Value(compile_match(analysed_tree(tree, code)))
        languages = _codes_in("language", codes, f"c{index}", slots)
        parts.append(f"SELECT {select} FROM {table} WHERE {table} MATCH {{m{index}}} AND {languages}")
    return parts


def match_languages(tree, plan: dict, ranked: bool = True) -> SqlTemplate:
    """Rows matching the query in the analysis of their own language: English ones by the porter
    index, the others by the words index of their language."""
    from .languages import ENGLISH

    slots = {"pk": F("pk"), "language": F("language")}
    pk = "{pk}" if ranked else "+{pk}"
    parts = []
    if ENGLISH in plan:
        slots["english"] = Value(compile_match(tree))
        english = _codes_in("{language}", plan[ENGLISH], "e", slots)
        parts.append(f"({english} AND {pk} IN (SELECT rowid FROM {ARTICLE_INDEX[0]} "
                     f"WHERE {ARTICLE_INDEX[0]} MATCH {{english}}))")  # fmt: skip
    others = _other_matches(tree, plan, slots, "rowid")
    if others:
        parts.append(f"{pk} IN ({' UNION ALL '.join(others)})")
    return SqlTemplate("(" + " OR ".join(parts) + ")", output_field=BooleanField(), **slots)


def rank_languages(tree, english, plan: dict) -> SqlTemplate:
    """English rows: `english` (article_rank, or None: nothing worth ranking); the others: bm25 over
    their analysed words, title twice the body, for every match at once."""
    from .languages import ENGLISH

    slots = {"pk": F("pk"), "language": F("language")}
    others = _other_matches(tree, plan, slots, f"rowid AS id, -bm25({WORDS_INDEX}, {WORDS_WEIGHTS}) AS score")
    other = (
        f"coalesce((WITH other AS MATERIALIZED ({' UNION ALL '.join(others)}) "
        "SELECT score FROM other WHERE other.id = {pk}), 0.0)"
        if others else "0.0"
    )  # fmt: skip
    if ENGLISH not in plan:
        return SqlTemplate(other, output_field=FloatField(), **slots)
    english_in = _codes_in("{language}", plan[ENGLISH], "e", slots)
    slots["english"] = english if english is not None else Value(0.0)
    return SqlTemplate(
        f"(CASE WHEN {english_in} THEN coalesce({{english}}, 0.0) ELSE {other} END)", output_field=FloatField(), **slots
    )


# Statements in their article's language (migration 0016): the analysed words of the statements
# whose article is not in English; the English ones are those not in it.
STATEMENT_WORDS_INDEX = "archive_statement_words"
STATEMENT_WORDS_WEIGHTS = "1.0, 2.0, 0.0"  # text, speaker, language (unindexed): as STATEMENT_INDEX


def statement_match_languages(tree, plan: dict) -> SqlTemplate:
    """Statements matching the query in the analysis of their article's language."""
    from .languages import ENGLISH

    slots, parts = {"pk": F("pk")}, []
    table = STATEMENT_INDEX[0]
    if ENGLISH in plan:
        slots["english"] = Value(compile_match(tree))
        parts.append(f"({{pk}} IN (SELECT rowid FROM {table} WHERE {table} MATCH {{english}}) "
                     f"AND NOT EXISTS (SELECT 1 FROM {STATEMENT_WORDS_INDEX} w WHERE w.rowid = {{pk}}))")  # fmt: skip
    others = _other_matches(tree, plan, slots, "rowid", STATEMENT_WORDS_INDEX)
    if others:
        parts.append(f"{{pk}} IN ({' UNION ALL '.join(others)})")
    return SqlTemplate("(" + " OR ".join(parts) + ")", output_field=BooleanField(), **slots)


def statement_rank_languages(tree, english, plan: dict) -> SqlTemplate:
    """The other analyses' bm25 over the statements' analysed words where the statement is there,
    else `english` (rank() over the porter index, or None: nothing worth ranking)."""
    slots = {"pk": F("pk")}
    select = f"rowid AS id, -bm25({STATEMENT_WORDS_INDEX}, {STATEMENT_WORDS_WEIGHTS}) AS score"
    others = _other_matches(tree, plan, slots, select, STATEMENT_WORDS_INDEX)
    parts = []
    if others:
        parts.append(f"(WITH other AS MATERIALIZED ({' UNION ALL '.join(others)}) "
                     "SELECT score FROM other WHERE other.id = {pk})")  # fmt: skip
    if english is not None:
        slots["english"] = english
        parts.append("{english}")
    return SqlTemplate(f"coalesce({', '.join([*parts, '0.0'])})", output_field=FloatField(), **slots)
