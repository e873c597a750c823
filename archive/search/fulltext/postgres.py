"""PostgreSQL backend: the generated `search_vector` columns and `archive_english` (migration 0003),
`search_exact` and `archive_simple` for ranking articles (migration 0010), the statements' speaker
words in their vector (0011).

Each word or phrase becomes phraseto_tsquery(config, %s) with the text as a parameter, combined
with && || !! from the parsed query objects: the database tokenises the user's words exactly as it
tokenised the documents, and no input can be read as tsquery syntax.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, CharField, F, FloatField, TextField, Value

from .expressions import SqlTemplate
from .query import And, Or, Phrase, Term

CONFIG = "archive_english"
EXACT_CONFIG = "archive_simple"
HEADLINE_OPTIONS = (
    'StartSel=\x02, StopSel=\x03, HighlightAll=false, MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=" … "'
)
HEADLINE_PREFIX = 1000  # characters; see headline()
# ts_rank normalisation 1: divide by 1 + log(length), so that long stories do not win by length.
RANK_NORMALISATION = 1  # statements
# Statements (migration 0011): text C, speaker words A; the speaker counts twice the text.
STATEMENT_WEIGHTS = "{0.1, 0.5, 0.4, 1.0}"

# Article rank = ts_rank over the stemmed vector, weights {D, C body, B names, A title}, without
#                length normalisation (dividing by 1 + log(length) let one-line notices win)
#              + EXACT_BONUS when the story matches the words as typed (the unstemmed, stripped
#                vector `search_exact`: a lookup, not a second ts_rank, which cost 3 ms per 2,800 rows).
# A length term (ln of the vector's length, or of the body's) measured no better here: left out.
# Measured on bench/relevance.py's dev queries (see the commit messages).
ARTICLE_WEIGHTS = "{0.1, 0.35, 0.3, 1.0}"
EXACT_BONUS = 0.1


def compile_tsquery(node, config: str = CONFIG) -> SearchQuery:
    if isinstance(node, Term):
        return SearchQuery(node.word, search_type="phrase", config=config)
    if isinstance(node, Phrase):
        return SearchQuery(" ".join(node.words), search_type="phrase", config=config)
    if isinstance(node, Or):
        return _combine((compile_tsquery(child, config) for child in node.children), lambda a, b: a | b)
    if isinstance(node, And):
        parts = [compile_tsquery(child, config) for child in node.included]
        parts += [~compile_tsquery(child, config) for child in node.excluded]
        return _combine(parts, lambda a, b: a & b)
    raise TypeError(f"not a query object: {node!r}")


def _combine(queries, operator):
    combined = None
    for query in queries:
        combined = query if combined is None else operator(combined, query)
    return combined


class VectorColumn(SqlTemplate):
    """`<alias>.search_vector` (or another column): not a model field (the models are shared with
    SQLite), so the alias is taken from the queryset's own primary key column, which Django relabels."""

    def __init__(self, column: str = "search_vector"):
        super().__init__("{pk}", output_field=SearchVectorField(), pk=F("pk"))
        self.column = column

    def as_sql(self, compiler, connection):
        pk_sql, _ = compiler.compile(self.slots["pk"])
        alias = pk_sql.rsplit(".", 1)[0]
        return f"{alias}.{connection.ops.quote_name(self.column)}", []


def matches(tsquery: SearchQuery) -> SqlTemplate:
    return SqlTemplate("{vector} @@ {query}", output_field=BooleanField(), vector=VectorColumn(), query=tsquery)


def rank(tsquery: SearchQuery) -> SqlTemplate:
    return SqlTemplate(
        "ts_rank({weights}::float4[], {vector}, {query}, {normalisation})",
        output_field=FloatField(),
        weights=Value(STATEMENT_WEIGHTS),
        vector=VectorColumn(),
        query=tsquery,
        normalisation=Value(RANK_NORMALISATION),
    )


def article_rank(tsquery: SearchQuery, exact: SearchQuery) -> SqlTemplate:
    return SqlTemplate(
        "(ts_rank({weights}::float4[], {vector}, {query}, 0)"
        " + CASE WHEN {exact_vector} @@ {exact} THEN {bonus} ELSE 0.0 END)",
        output_field=FloatField(),
        weights=Value(ARTICLE_WEIGHTS),
        vector=VectorColumn(),
        query=tsquery,
        exact_vector=VectorColumn("search_exact"),
        exact=exact,
        bonus=Value(EXACT_BONUS),
    )


def article_rank_weighted(parts, exact: SearchQuery) -> SqlTemplate:
    """article_rank for several words or phrases: each part's ts_rank times its weight (its rarity,
    see backends.word_weights), summed, plus the exact forms' bonus. ts_rank of the whole query
    counts every word alike (it knows no document frequencies, unlike SQLite's bm25), so in "fuel
    oil" the word "oil" of every crude oil story weighed as much as "fuel"."""
    slots, terms = {}, []
    for index, (tsquery, weight) in enumerate(parts):
        slots[f"w{index}"], slots[f"v{index}"], slots[f"q{index}"] = Value(ARTICLE_WEIGHTS), VectorColumn(), tsquery
        terms.append(f"{weight:.6f} * ts_rank({{w{index}}}::float4[], {{v{index}}}, {{q{index}}}, 0)")
    return SqlTemplate(
        "(" + " + ".join(terms) + " + CASE WHEN {exact_vector} @@ {exact} THEN {bonus} ELSE 0.0 END)",
        output_field=FloatField(),
        **slots,
        exact_vector=VectorColumn("search_exact"),
        exact=exact,
        bonus=Value(EXACT_BONUS),
    )


def headline(column: str, tsquery: SearchQuery, config: str = CONFIG) -> SqlTemplate:
    """The fragments from the first HEADLINE_PREFIX characters, or from the whole text when the
    words are not there: ts_headline's cost grows with the text, and ranked first are now stories
    rather than one-line notices (7 ms for the first page of "trade", 2 with the prefix)."""
    return SqlTemplate(
        "(SELECT CASE WHEN strpos(lead.h, chr(2)) > 0 THEN lead.h"
        " ELSE ts_headline({config}::regconfig, {document}, {query}, {options}) END"
        " FROM (SELECT ts_headline({config_again}::regconfig, left({document_again}, {prefix}), {query_again},"
        " {options_again}) AS h OFFSET 0) AS lead)",
        output_field=TextField(),
        config=Value(config),
        document=F(column),
        query=tsquery,
        options=Value(HEADLINE_OPTIONS),
        config_again=Value(config),
        document_again=F(column),
        prefix=Value(HEADLINE_PREFIX),
        query_again=tsquery,
        options_again=Value(HEADLINE_OPTIONS),
    )


# The planner's own statistics (ANALYZE, autovacuum) know the share of rows holding each lexeme.
COMMON_WORDS_SQL = """
    SELECT DISTINCT word
    FROM unnest(%s::text[]) AS word
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('archive_english'::regconfig, word))) AS lexeme
    WHERE lexeme IN (
        SELECT s.lexeme
        FROM pg_stats p
        CROSS JOIN unnest(p.most_common_elems::text::text[], p.most_common_elem_freqs) AS s(lexeme, share)
        WHERE p.schemaname = current_schema() AND p.tablename = %s AND p.attname = 'search_vector'
        AND s.share > %s
    )
    AND (SELECT reltuples FROM pg_class WHERE oid = %s::regclass) >= %s
"""


WORD_SHARES_SQL = """
    SELECT word, max(s.share)
    FROM unnest(%s::text[]) AS word
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('archive_english'::regconfig, word))) AS w(lexeme)
    JOIN (
        SELECT s.lexeme, s.share
        FROM pg_stats p
        CROSS JOIN unnest(p.most_common_elems::text::text[], p.most_common_elem_freqs) AS s(lexeme, share)
        WHERE p.schemaname = current_schema() AND p.tablename = %s AND p.attname = 'search_vector'
    ) AS s ON s.lexeme = w.lexeme
    GROUP BY word
"""
LISTED_FLOOR_SQL = """
    SELECT NULL, (SELECT min(x) FROM unnest(most_common_elem_freqs) AS x) FROM pg_stats
    WHERE schemaname = current_schema() AND tablename = %s AND attname = 'search_vector'
"""


def word_shares(table: str, words: list[str]) -> tuple[dict[str, float], float]:
    """The share of rows holding each word's lexeme, by the table's statistics (its 1,000 most
    common elements), and the smallest share listed there: a word not listed is rarer than that.
    Read from the catalogue: no scan of the matches."""
    with connection.cursor() as cursor:
        cursor.execute(f"{WORD_SHARES_SQL} UNION ALL ({LISTED_FLOOR_SQL})", [words, table, table])
        rows = cursor.fetchall()
    found = {word: share for word, share in rows if word is not None}
    return found, next((share for word, share in rows if word is None and share), 0.0)


def common_words(table: str, words: list[str], share: float, min_rows: int) -> set[str]:
    """Words whose lexeme is in more than `share` of the rows, by the table's statistics."""
    with connection.cursor() as cursor:
        cursor.execute(COMMON_WORDS_SQL, [words, table, share, table, min_rows])
        return {word for (word,) in cursor.fetchall()}


# Articles in several languages (fulltext/languages.py) --------------------------------------------


def analysed(tree, code: str) -> tuple[object, str]:
    """The query object and configuration of an analysis (CJK words as phrases of their pairs)."""
    from .languages import CJK, bigram_tree, postgres_config

    return (bigram_tree(tree) if code in CJK else tree), postgres_config(code)


def _codes_in(codes: list[str], prefix: str, slots: dict) -> str:
    names = []
    for index, code in enumerate(codes):
        slots[f"{prefix}_{index}"] = Value(code)
        names.append(f"{{{prefix}_{index}}}")
    return f"{{language}} IN ({', '.join(names)})"


class StatementLanguage(VectorColumn):
    """A statement's `search_language` (its article's language, kept by the database: migration 0016)."""

    def __init__(self):
        SqlTemplate.__init__(self, "{pk}", output_field=CharField(), pk=F("pk"))
        self.column = "search_language"


def match_languages(tree, plan: dict, language=None) -> SqlTemplate:
    """Rows matching the query analysed in their own language's configuration (`language`: the
    row's language, by default the article's column)."""
    slots, parts = {"language": language if language is not None else F("language")}, []
    for index, (code, codes) in enumerate(plan.items()):
        node, config = analysed(tree, code)
        slots[f"v{index}"], slots[f"q{index}"] = VectorColumn(), compile_tsquery(node, config)
        parts.append(f"({_codes_in(codes, f'c{index}', slots)} AND {{v{index}}} @@ {{q{index}}})")
    return SqlTemplate("(" + " OR ".join(parts) + ")", output_field=BooleanField(), **slots)


def language_rank(tree, code: str) -> SqlTemplate:
    node, config = analysed(tree, code)
    return article_rank(compile_tsquery(node, config), compile_tsquery(node, EXACT_CONFIG))


def by_language(expressions: dict, plan: dict, default: str = "0.0", output_field=None, language=None) -> SqlTemplate:
    """CASE over the row's language: each analysis's expression (None: `default`, SQL)."""
    slots, cases = {"language": language if language is not None else F("language")}, []
    for index, (code, codes) in enumerate(plan.items()):
        if expressions[code] is None:
            continue
        slots[f"x{index}"] = expressions[code]
        cases.append(f"WHEN {_codes_in(codes, f'c{index}', slots)} THEN {{x{index}}}")
    output_field = output_field or FloatField()
    if not cases:
        return SqlTemplate(default, output_field=output_field)
    return SqlTemplate(f"(CASE {' '.join(cases)} ELSE {default} END)", output_field=output_field, **slots)


CJK_HEADLINE_CHARS, CJK_HEADLINE_BEFORE = 100, 30


def cjk_headline(column: str, words: list[str]) -> SqlTemplate:
    """The fragment of a Chinese, Japanese or Korean text: ts_headline cannot mark it (its vector
    holds pairs of characters, the text has none), so CJK_HEADLINE_CHARS characters from a little
    before the first word searched, each word marked wherever it stands (as typed, any case)."""
    pattern = "|".join("".join(ch if ch.isalnum() else "\\" + ch for ch in word) for word in words)
    return SqlTemplate(
        "(SELECT (CASE WHEN s.start > 1 THEN '…' ELSE '' END)"
        " || regexp_replace(substr(s.t, s.start, {width}), {pattern}, {replacement}, 'gi')"
        " || (CASE WHEN s.start + {width_again} <= length(s.t) THEN '…' ELSE '' END)"
        " FROM (SELECT d.t, greatest(1, coalesce(nullif(strpos(lower(d.t), lower({first})), 0), 1) - {before}) AS start"
        " FROM (SELECT {document} AS t) AS d) AS s)",
        output_field=TextField(),
        width=Value(CJK_HEADLINE_CHARS),
        pattern=Value(pattern),
        replacement=Value("\x02\\&\x03"),
        width_again=Value(CJK_HEADLINE_CHARS),
        first=Value(words[0] if words else ""),
        before=Value(CJK_HEADLINE_BEFORE),
        document=F(column),
    )


def headline_languages(tree, plan: dict, column: str = "body", language=None) -> SqlTemplate:
    from .language_snippets import words_of
    from .languages import CJK

    expressions = {}
    for code in plan:
        node, config = analysed(tree, code)
        if code in CJK and words_of(tree):
            expressions[code] = cjk_headline(column, words_of(tree))
            continue
        expressions[code] = headline(column, compile_tsquery(node, config), config)
    return by_language(expressions, plan, default="''", output_field=TextField(), language=language)
