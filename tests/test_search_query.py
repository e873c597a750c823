"""The search box's language: parsing alone, no database."""

from __future__ import annotations

import pytest

from archive.search.fulltext import And, Not, Or, Phrase, Term, parse_query
from archive.search.fulltext.query import MAX_TERMS

HOSTILE = [
    "",
    " ",
    '"',
    '"""',
    'trade "deficit',
    "*",
    ":",
    "(",
    ")",
    "-",
    "--",
    "OR",
    "OR OR",
    "AND",
    "NOT",
    "NEAR",
    "NEAR(trade deficit)",
    "trade NEAR/3 deficit",
    "title:trade",
    "'; DROP TABLE archive_article; --",
    "' OR 1=1 --",
    "\x00",
    "trade\x00deficit",
    "\x01\x02\x03\x1b[31m",
    "😀 🇯🇵 trade",
    "the",
    "the of and",
    "!!!trade & | <-> :*",
    "speaker: country:",
    '-country:"JP" -"',
    "a" * 5000,
    "trade " * 2000,
    "ünïcödé São Paulo Zürich",
    "%s %% {0} \\",
]


def test_words_are_all_required():
    assert parse_query("oil prices").terms == [Term("oil"), Term("prices")]


def test_quoted_words_are_a_phrase():
    assert parse_query('"trade deficit" japan').terms == [Phrase(("trade", "deficit")), Term("japan")]


def test_or_joins_its_neighbours():
    assert parse_query('gatt OR tariff OR "trade talks" japan').terms == [
        Or((Term("gatt"), Term("tariff"), Phrase(("trade", "talks")))),
        Term("japan"),
    ]


def test_lowercase_or_is_a_common_word():
    query = parse_query("gatt or tariff")
    assert query.terms == [Term("gatt"), Term("tariff")]
    assert "Common word ignored: or" in query.hint


def test_minus_excludes_words_and_phrases():
    tree = parse_query('soviet -oil -"grain exports"').tree
    assert tree.included == [Term("soviet")]
    assert tree.excluded == [Term("oil"), Phrase(("grain", "exports"))]


def test_field_prefixes_are_collected_apart():
    query = parse_query('speaker:"James Baker" country:JP person:Yeutter org:GATT tag:energy trade')
    assert query.fields == {
        "speaker": ["James Baker"],
        "country": ["JP"],
        "person": ["Yeutter"],
        "org": ["GATT"],
        "tag": ["energy"],
    }
    assert query.terms == [Term("trade")]
    assert not query.is_empty and query.has_text


def test_only_fields_means_no_free_text():
    query = parse_query("country:japan")
    assert query.tree is None and not query.has_text and not query.is_empty


def test_unknown_prefix_is_just_words():
    assert parse_query("title:trade").terms == [Term("title"), Term("trade")]


def test_unbalanced_quote_is_dropped_with_a_hint():
    query = parse_query('"trade deficit')
    assert query.terms == [Term("trade"), Term("deficit")]
    assert query.hint == "Unbalanced quote ignored"


def test_only_stop_words_leave_an_empty_query_and_a_hint():
    query = parse_query("the")
    assert query.is_empty
    assert query.hint == "Common word ignored: the"


def test_words_keep_inner_punctuation():
    assert parse_query("U.S. AT&T e-mail").terms == [Term("U.S"), Term("AT&T"), Term("e-mail")]


def test_number_of_terms_is_capped():
    query = parse_query(" ".join(f"word{n}" for n in range(100)))
    assert len(query.terms) == MAX_TERMS
    assert "first 32 words" in query.hint


def test_text_gives_back_the_query_as_understood():
    assert parse_query('gatt OR tariff -oil "trade deficit"').text == 'gatt OR tariff -oil "trade deficit"'


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_parses(text):
    query = parse_query(text)
    assert isinstance(query.hint, str)
    tree = query.tree
    assert tree is None or isinstance(tree, And)
    for node in query.terms:
        assert isinstance(node, Term | Phrase | Or | Not)
