"""bench/relevance_ltr.py's features and fits on an invented collection (issue 13's fourth round): the
figures it prints are only as good as these."""

from __future__ import annotations

import numpy as np
import pytest

from bench.relevance_ltr import FEATURES, Collection, Features, coordinate_ascent, cross_validate, pairwise_logistic
from bench.relevance_rerank import Judge

SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ro", "su", "ti"]
FILLER = [f"{a}{b}z {b}{a}x {a}{a}{b}q" for a in SYLLABLES for b in SYLLABLES][:40]


def story(ref, title, body, topics=(), rank=1.0, statements=0, countries=0, names=""):
    return {"source_id": ref, "source_ref": ref, "title": title, "body": body, "topics": list(topics),
            "rank": rank, "statements": statements, "countries_n": countries, "search_names": names}  # fmt: skip


def judge_of(stories):
    fillers = [story(f"f{n}", f"Filler {n}", text) for n, text in enumerate(FILLER)]
    return Judge(fillers + stories)


def values(features, query, row):
    return dict(zip(FEATURES, features.of_query({"query": query, "rows": [row]})[0], strict=True))


def test_features_say_where_and_how_the_words_stand():
    feature = story(
        "a", "Cattle herds grow", "Cattle herds grew in the spring.\n\nFeedlot placements rose.", statements=2
    )
    notice = story("b", "Herd sale", "Cattle 1,234 vs 1,100")
    judge = judge_of([feature, notice])
    features = Features(judge)
    got = values(features, "cattle herds", feature)
    assert got["title_cover"] == 1 and got["lead_cover"] == 1 and got["proximity"] == 1
    assert got["has_statements"] == 1 and got["one_line"] == 1 and got["log_paragraphs"] == pytest.approx(np.log(3))
    assert got["first_match"] == 1  # the headline's first word
    other = values(features, "cattle herds", notice)
    assert other["title_cover"] == 0.5  # "herd" is the stem of "herds"; "cattle" is not in the headline
    assert other["title_exact"] == 0  # "Herd" is not "herds" as typed
    # "Cattle 1,234 vs 1,100": 8 digits of 18 characters; 3 tokens of 4 numbers or table words
    assert other["digit_share"] == pytest.approx(8 / 18) and other["table_share"] == pytest.approx(0.75)
    assert values(features, "cattle", feature)["proximity"] == 0  # one word: nothing to be near


def ranked_queries():
    """Six queries whose relevant stories carry the word in the headline and come after two that do
    not: the first ranking's P@10 leaves them out; the headline's words put them first."""
    stories, queries = [], []
    for q, word in enumerate(["cattle", "wheat", "copper", "cocoa", "rubber", "barley"]):
        rows = [story(f"q{q}n{n}", f"Market notice {n}", f"Prices of {word} and filler text.", rank=20 - n)
                for n in range(10)]  # fmt: skip
        rows += [story(f"q{q}r{n}", f"{word.title()} report {n}", f"The {word} crop grew.", [word], rank=5 - n)
                 for n in range(3)]  # fmt: skip
        stories += rows
        queries.append({"part": "dev", "query": word, "tags": [word], "rows": rows})
    return stories, queries


def test_the_fits_lift_the_stories_a_feature_tells_apart_on_queries_they_did_not_see():
    stories, queries = ranked_queries()
    coll = Collection(queries, Features(judge_of(stories)))
    assert coll.baseline().mean() == 0.0
    for fit in (pairwise_logistic, coordinate_ascent):
        base, model = cross_validate(coll, fit, folds=len(queries))
        assert model.mean() == pytest.approx(0.3)  # the three relevant ones now in every first ten
        assert base.mean() == 0.0


def test_a_left_out_query_is_never_in_its_models_training_set():
    _, queries = ranked_queries()
    seen = []

    def fit(coll, which, depth):
        seen.append(set(which.tolist()))
        return np.eye(len(FEATURES))[0]

    coll = Collection(queries, Features(judge_of([r for q in queries for r in q["rows"]])))
    cross_validate(coll, fit, folds=3)
    assert seen == [{1, 2, 4, 5}, {0, 2, 3, 5}, {0, 1, 3, 4}]


def test_precision_keeps_the_first_order_among_equals_and_only_reorders_the_first_depth():
    _, queries = ranked_queries()
    coll = Collection(queries[:1], Features(judge_of(queries[0]["rows"])))
    nothing = np.zeros(len(FEATURES))
    assert coll.p10(nothing)[0] == 0.0  # all equal: the first ranking's ten notices
    title = np.eye(len(FEATURES))[FEATURES.index("title_exact")]
    assert coll.p10(title)[0] == pytest.approx(0.3)
    assert coll.p10(title, depth=10)[0] == 0.0  # the relevant ones are 11th to 13th: out of reach
