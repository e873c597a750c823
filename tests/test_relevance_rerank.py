"""bench/relevance_rerank.py's re-rankings on an invented collection (issue 13's third round): the
figures it prints are only as good as these."""

from __future__ import annotations

from bench.relevance_rerank import Judge

# Forty stories that share no word with each other or with the ones about cattle.
SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ro", "su", "ti"]
FILLER = [f"{a}{b}z {b}{a}x {a}{a}{b}q" for a in SYLLABLES for b in SYLLABLES][:40]


def collection():
    stories = [
        {"source_id": f"f{n}", "title": f"Filler {n}", "body": text, "topics": []} for n, text in enumerate(FILLER)
    ]
    stories += [
        {"source_id": "a", "title": "Herd sizes", "body": "Cattle herds grew; feedlot placements and slaughter rose.",
         "topics": ["livestock"]},
        {"source_id": "b", "title": "Feedlots", "body": "Feedlot placements of cattle rose; slaughter steady.",
         "topics": ["livestock"]},
        {"source_id": "c", "title": "Cattle herd", "body": "Slaughter and feedlot numbers for cattle herds.",
         "topics": ["livestock"]},
        {"source_id": "d", "title": "Ranch sale", "body": "A ranch with cattle was sold to a bank.", "topics": []},
    ]  # fmt: skip
    return stories


def query(rows, text="cattle"):
    return {"part": "dev", "query": text, "tags": ["livestock"], "rows": rows}


def row(story_id, rank, stories):
    story = next(s for s in stories if s["source_id"] == story_id)
    return [story_id, rank, story["title"], story["body"]]


def test_feedback_lifts_the_story_that_shares_the_first_ones_words():
    stories = collection()
    judge = Judge(stories)
    rows = [row("a", 3.0, stories), row("b", 2.9, stories), row("d", 2.0, stories), row("c", 1.9, stories)]
    assert judge.feedback(query(rows), k=2, m=5, n=4, weight=0) == ["a", "b", "d", "c"]
    # "feedlot" and "slaughter" in the first two: the third story about them passes the ranch sale.
    order = judge.feedback(query(rows), k=2, m=5, n=4, weight=1.0)
    assert order.index("c") < order.index("d")


def test_feedback_terms_are_the_first_ones_words_not_the_querys_nor_rare_ones():
    stories = collection()
    judge = Judge(stories)
    docs = [judge.stems(f"{s['title']} {s['body']}") for s in stories if s["source_id"] in ("a", "b")]
    terms = judge.feedback_terms("cattle", docs, m=5)
    assert {"feedlot", "slaughter"} <= set(terms)  # in three stories of 44
    assert "cattl" not in terms  # the query's own word (stemmed)
    assert "placement" not in terms  # in two stories only: too rare to say anything


def test_a_near_duplicate_in_the_first_ten_goes_just_below_it():
    stories = collection()
    judge = Judge(stories)
    copy = ["a2", 2.95, "Herd sizes", stories[-4]["body"]]
    rows = [row("a", 3.0, stories), copy, *[row(f"f{n}", 2.0 - n / 100, stories) for n in range(12)]]
    order = judge.collapsed(query(rows), threshold=0.9)
    assert order[0] == "a" and order[10] == "a2" and "a2" not in order[:10]
    assert judge.collapsed(query(rows), threshold=None)[10] == "a2"  # the same headline


def test_precision_counts_the_first_ten_only():
    judge = Judge(collection())
    assert judge.p10(["a", "b", "c", "d"], ["livestock"]) == 0.3
    assert judge.p10(["d"] * 10 + ["a"], ["livestock"]) == 0.0


def test_the_judged_precision_reads_past_the_stories_no_one_tagged():
    from bench.relevance import judge

    topics = {"a": {"grain"}, "b": set(), "c": {"trade"}, **{f"g{n}": {"grain"} for n in range(12)}}
    refs = ["a", "b", "c", *(f"g{n}" for n in range(12))]
    result = judge(refs, ("grain",), topics)
    assert result["p10"] == 0.8  # a, then 8 of g0..g7; b and c are misses
    assert result["judged_p10"] == 0.9  # b carries no tag at all and is passed over; c is a miss
    assert result["rr"] == 1.0
