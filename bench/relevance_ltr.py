"""Learning to rank, measured offline before building it (issue 13's fourth round): a linear model
over features of each (query, story) pair that both backends could compute at search time or store
at import, fitted on the first N results of the development queries (dev and extra of
bench/relevance.py, 57 queries; never the test part), judged by P@10 on queries left out of the fit.

    .venv/bin/python -m bench.relevance_ltr --sqlite /tmp/rel.sqlite3 \\
        --postgres postgres://postgres@127.0.0.1:5432/rel_bench [--folds 57] [--dump-dir /tmp]

Each database (filled as bench/relevance.py fills it) gives, in a child process, the search page's
first N (100) results of every development query with their rank, title, body, names, statement and
country counts; the parent computes the features (FEATURES below), fits, and prints for each database
the first ranking's P@10 and the model's on the left-out queries (the cross-validation mean), with
the standard error of the paired gain over the queries.

Two fits, the features scaled to unit deviation over the training rows:
  coordinate ascent on P@10 (Metzler and Croft 2007), from the engine's score alone: each other
      weight in turn set to the best of a grid, the rest fixed, three passes;
  pairwise logistic loss (RankNet-like, linear): every (relevant, not relevant) pair of a query's
      candidates, each query weighing the same, L2-penalised, Newton's method.
--grid          the logistic fit over L2 0.1..100 and the first 20..100 re-ranked, coordinate ascent
                over the first 20 and 50;
--query-norm    the features min-max scaled within each query (LETOR's query-level normalisation);
--single        the engine's score with each feature alone (logistic).
Before the fits: the room there is (the first 100 in the best order, "oracle") and the logistic
model judged on the queries it was fitted on ("in-sample").
Cross-validation leaves whole queries out (k folds in a fixed interleaved order; k = 57 is leave one
query out): a query's features are never seen by the model that ranks it.

The figures and the decision are in bench/relevance.py's docstring.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
from functools import partial
from pathlib import Path

import numpy as np

from bench import relevance as R
from bench.relevance_rerank import WORD, Judge

CANDIDATES = 100
TRAIN_PARTS = ("dev", "extra")  # never "test"
REPORT_PARTS = ("phrase", "faceted")  # scored by the model fitted on all of dev and extra
NUMBER = re.compile(r"^[\d.,/-]+$")
# Words of results tables and market notices besides the figures themselves.
TABLE_WORDS = frozenset("vs mln cts dlrs shr net revs qtr oper avg shrs billion pct".split())

FEATURES = [
    "score",  # the engine's own rank value
    "score_scaled",  # the same, min-max scaled within the query's candidates
    "log_position",  # ln(1 + place in the first ranking)
    "title_cover",  # share of the query's stems in the headline
    "title_exact",  # share of the query's words as typed in the headline
    "lead_cover",  # share of the query's stems in the first paragraph
    "body_cover",  # share of the query's stems anywhere in headline and body
    "exact_cover",  # share of the query's words as typed anywhere
    "names_cover",  # share of the query's stems in the linked names (search_names)
    "tf_saturated",  # idf-weighted mean of tf / (tf + 1.2) over the query's stems (body)
    "bm25",  # BM25 of the query's stems over the body (k1 1.2, b 0.75)
    "density",  # query-stem occurrences per 100 body tokens
    "proximity",  # multi-word queries: the stems next to each other somewhere (1), else 1 / span
    "log_length",  # ln(1 + body characters)
    "digit_share",  # digits among the body's non-space characters
    "table_share",  # tokens that are numbers or results-table words
    "one_line",  # body under 300 characters
    "has_statements",
    "log_paragraphs",
    "log_countries",
    "first_match",  # 1 / (1 + token offset of the first query stem in headline + body / 10)
]


# --- the candidates, in a child process ----------------------------------------------------------


def dump_here() -> dict:
    from django.db import connection
    from django.db.models import Count
    from django.http import QueryDict

    from archive.models import Article, Statement
    from archive.search.filtersets import ArticleSearch

    R.prepare()
    groups = [
        ("dev", [(q, None, (t,)) for q, t in R.DEV]),
        ("extra", [(q, None, (t,)) for q, t in R.EXTRA_QUERIES]),
        ("phrase", [(q, None, tags) for q, tags in R.PHRASE_QUERIES]),
        ("faceted", R.FACETED_QUERIES),
    ]
    out = {"vendor": connection.vendor, "queries": []}
    for part, queries in groups:
        for text, facets, tags in queries:
            data = QueryDict(mutable=True)
            data["q"] = text
            for name, value in (facets or {}).items():
                data[name] = value
            ranked = list(ArticleSearch(data).results(snippets=False).values_list("pk", "rank")[:CANDIDATES])
            ids = [pk for pk, _ in ranked]
            stories = {
                row["pk"]: row
                for row in Article.objects.filter(pk__in=ids)
                .annotate(countries_n=Count("countries", distinct=True))
                .values("pk", "source_ref", "title", "body", "search_names", "countries_n")
            }
            statements = dict(
                Statement.objects.filter(article_id__in=ids)
                .values("article_id")
                .annotate(n=Count("id"))
                .values_list("article_id", "n")
            )
            rows = [{**stories[pk], "rank": rank, "statements": statements.get(pk, 0)} for pk, rank in ranked]
            out["queries"].append({"part": part, "query": text, "tags": list(tags), "rows": rows})
    return out


def child(database: str) -> dict:
    return R.child(database, "bench.relevance_ltr")


# --- features ------------------------------------------------------------------------------------


class Features:
    """FEATURES of each candidate; `judge` gives the stems, document frequencies and tags."""

    def __init__(self, judge: Judge, average_tokens: float | None = None):
        self.judge = judge
        self.average = average_tokens or 128.0  # the corpus body's mean word count

    def query_words(self, text: str) -> tuple[list[str], list[str]]:
        words = [w for w in WORD.findall(text.lower()) if w not in ("and", "or", "not", "of")]
        stems = list(dict.fromkeys(self.judge.stem(w) for w in words))
        return list(dict.fromkeys(words)), stems

    def of_query(self, query: dict) -> np.ndarray:
        words, stems = self.query_words(query["query"])
        rows = query["rows"]
        ranks = [float(row["rank"]) for row in rows]
        low, span = (min(ranks), (max(ranks) - min(ranks)) or 1.0) if ranks else (0.0, 1.0)
        idf = {s: math.log(max(self.judge.stories, 1) / max(self.judge.df[s], 1)) for s in stems}
        idf_total = sum(idf.values()) or 1.0
        out = []
        for place, row in enumerate(rows):
            out.append(self.of_story(row, words, stems, idf, idf_total, place, (ranks[place] - low) / span))
        return np.array(out, dtype=float).reshape(len(rows), len(FEATURES))

    def of_story(self, row, words, stems, idf, idf_total, place, scaled) -> list[float]:
        stem = self.judge.stem
        title, body = row["title"] or "", row["body"] or ""
        title_words = WORD.findall(title.lower())
        body_words = WORD.findall(body.lower())
        title_stems = {stem(w) for w in title_words}
        body_stems = [stem(w) for w in body_words]
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        lead_stems = {stem(w) for w in WORD.findall(paragraphs[0].lower())} if paragraphs else set()
        name_stems = {stem(w) for w in WORD.findall((row.get("search_names") or "").lower())}
        all_stems = [stem(w) for w in title_words] + body_stems
        all_words = set(title_words) | set(body_words)
        counts = collections.Counter(body_stems)
        n = len(stems) or 1

        def cover(have) -> float:
            return sum(s in have for s in stems) / n

        tf_sat = sum(idf[s] * counts[s] / (counts[s] + 1.2) for s in stems) / idf_total
        length = len(body_stems)
        norm = 1.2 * (0.25 + 0.75 * length / self.average)
        bm25 = sum(idf[s] * counts[s] * 2.2 / (counts[s] + norm) for s in stems)
        occurrences = sum(counts[s] for s in stems)
        tokens = body.split()
        non_space = sum(len(t) for t in tokens) or 1
        digits = sum(c.isdigit() for c in body)
        table = sum(bool(NUMBER.match(t)) or t.lower() in TABLE_WORDS for t in tokens) / (len(tokens) or 1)
        positions = [i for i, s in enumerate(all_stems) if s in stems]
        return [
            float(row["rank"]),
            scaled,
            math.log(1 + place),
            cover(title_stems),
            sum(w in title_words for w in words) / (len(words) or 1),
            cover(lead_stems),
            cover(title_stems | set(body_stems)),
            sum(w in all_words for w in words) / (len(words) or 1),
            cover(name_stems),
            tf_sat,
            bm25,
            100 * occurrences / (length or 1),
            self.proximity(all_stems, stems),
            math.log(1 + len(body)),
            digits / non_space,
            table,
            float(len(body) < 300),
            float(row["statements"] > 0),
            math.log(1 + len(paragraphs)),
            math.log(1 + row["countries_n"]),
            1 / (1 + positions[0] / 10) if positions else 0.0,
        ]

    @staticmethod
    def proximity(sequence: list[str], stems: list[str]) -> float:
        """1 when the query's stems stand next to each other in order; else 1 / the shortest span
        holding them all; 0 for a single word or when one is missing."""
        if len(stems) < 2:
            return 0.0
        wanted = set(stems)
        for i in range(len(sequence) - len(stems) + 1):
            if sequence[i : i + len(stems)] == stems:
                return 1.0
        last: dict[str, int] = {}
        best = None
        for i, s in enumerate(sequence):
            if s in wanted:
                last[s] = i
                if len(last) == len(wanted):
                    span = i - min(last.values()) + 1
                    best = span if best is None else min(best, span)
        return 1.0 / best if best else 0.0


# --- fitting -------------------------------------------------------------------------------------


class Collection:
    """The queries of one database as arrays: X (queries, CANDIDATES, features), labels, a mask."""

    def __init__(self, queries: list[dict], features: Features, query_norm: bool = False):
        self.queries = queries
        q, f = len(queries), len(FEATURES)
        self.X = np.zeros((q, CANDIDATES, f))
        self.y = np.zeros((q, CANDIDATES))
        self.mask = np.zeros((q, CANDIDATES), dtype=bool)
        for i, query in enumerate(queries):
            rows = query["rows"][:CANDIDATES]
            if not rows:
                continue
            values = features.of_query({**query, "rows": rows})
            if query_norm:  # LETOR's query-level normalisation: each feature min-max scaled within the query
                low, high = values.min(axis=0), values.max(axis=0)
                values = (values - low) / np.where(high > low, high - low, 1.0)
            self.X[i, : len(rows)] = values
            self.y[i, : len(rows)] = [features.judge.p10([row["source_ref"]], query["tags"]) * 10 for row in rows]
            self.mask[i, : len(rows)] = True

    def p10(self, weights: np.ndarray, which=None, depth: int = CANDIDATES) -> np.ndarray:
        """P@10 of each query (of `which`) when its first `depth` candidates are ranked by X @ weights
        (ties: the first ranking's order)."""
        which = np.arange(len(self.queries)) if which is None else np.asarray(which)
        scores = self.X[which] @ weights
        scores = np.where(self.mask[which], scores, -np.inf)
        scores[:, depth:] = -np.inf
        # Stable sort on the negated score keeps the first ranking's order among equals.
        order = np.argsort(-scores, axis=1, kind="stable")[:, :10]
        return np.take_along_axis(self.y[which], order, axis=1).sum(axis=1) / 10

    def baseline(self, which=None) -> np.ndarray:
        which = np.arange(len(self.queries)) if which is None else np.asarray(which)
        return self.y[which, :10].sum(axis=1) / 10


def scales(coll: Collection, which) -> np.ndarray:
    rows = coll.X[which][coll.mask[which]]
    spread = rows.std(axis=0)
    return np.where(spread > 0, spread, 1.0)


GRID = [-2, -1, -0.5, -0.25, -0.1, -0.05, 0, 0.05, 0.1, 0.25, 0.5, 1, 2]


def coordinate_ascent(coll: Collection, which, passes: int = 3, depth: int = CANDIDATES) -> np.ndarray:
    """Weights on the raw features; fitted on scaled ones, starting from the engine's score alone."""
    scale = scales(coll, which)
    start = FEATURES.index("score")
    weights = np.zeros(len(FEATURES))
    weights[start] = 1.0

    def objective(w):
        return coll.p10(w / scale, which, depth).mean()

    best = objective(weights)
    for _ in range(passes):
        improved = False
        for j in range(len(FEATURES)):
            if j == start:  # the anchor: the others are measured against it
                continue
            for value in GRID:
                trial = weights.copy()
                trial[j] = value
                got = objective(trial)
                # Strictly better only: a flat P@10 keeps the smaller change.
                if got > best + 1e-9:
                    best, weights, improved = got, trial, True
        if not improved:
            break
    return weights / scale


def pairwise_logistic(coll: Collection, which, l2: float = 1.0, depth: int = CANDIDATES, only=None) -> np.ndarray:
    """Linear RankNet: minimise the mean over queries of the mean log(1 + exp(-(s_rel - s_irr))) over
    the query's (relevant, not relevant) pairs among its first `depth` candidates, + l2 / 100 |w|^2
    on the scaled features; Newton's method (21 weights: the Hessian is small). `only`: the names
    of the features used (the others weigh 0)."""
    scale = scales(coll, which)
    if only is not None:
        scale = np.where(np.isin(FEATURES, only), scale, np.inf)  # scaled to 0: left out
    parts, shares = [], []
    for i in which:
        keep = coll.mask[i][:depth]
        X = coll.X[i][:depth][keep] / scale
        y = coll.y[i][:depth][keep]
        rel, irr = X[y > 0], X[y == 0]
        if len(rel) and len(irr):
            d = (rel[:, None, :] - irr[None, :, :]).reshape(-1, X.shape[1])
            parts.append(d)
            shares.append(np.full(len(d), 1.0 / len(d)))  # each query weighs the same
    weights = np.zeros(len(FEATURES))
    if not parts:
        return weights
    D, share = np.vstack(parts), np.concatenate(shares) / len(parts)
    penalty = l2 / 100
    for _ in range(30):
        p = 1 / (1 + np.exp(np.clip(D @ weights, -50, 50)))  # sigmoid(-margin)
        grad = -(D.T @ (share * p)) + 2 * penalty * weights
        hess = (D.T * (share * p * (1 - p))) @ D + 2 * penalty * np.eye(len(weights))
        step = np.linalg.solve(hess, grad)
        weights -= step
        if np.abs(step).max() < 1e-6:
            break
    return weights / scale


def cross_validate(coll: Collection, fit, folds: int, depth: int = CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
    """Per query: the first ranking's P@10 and the model's when that query was left out of the fit."""
    n = len(coll.queries)
    model = np.zeros(n)
    for k in range(folds):
        held = np.arange(k, n, folds)
        train = np.setdiff1d(np.arange(n), held)
        model[held] = coll.p10(fit(coll, train, depth=depth), held, depth)
    return coll.baseline(), model


def report(name: str, label: str, base: np.ndarray, model: np.ndarray) -> str:
    gain = model - base
    se = gain.std(ddof=1) / math.sqrt(len(gain)) if len(gain) > 1 else 0.0
    return (
        f"{name:<9}{label:<24} first {base.mean():.3f}  model {model.mean():.3f}  gain {gain.mean():+.3f} (se {se:.3f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", default=str(R.DEFAULT_SQLITE))
    parser.add_argument("--postgres")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--folds", type=int, default=57, help="Leave-queries-out folds (57: one query out).")
    parser.add_argument("--grid", action="store_true", help="The logistic fit over depths and penalties.")
    parser.add_argument("--query-norm", action="store_true", help="Features min-max scaled within each query.")
    parser.add_argument("--single", action="store_true", help="The score with each feature alone (logistic).")
    parser.add_argument("--dump-dir", help="Keep (and reuse) each database's candidates here.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        R.answer_parent(dump_here)
        return
    databases = [] if args.no_sqlite else [("sqlite", args.sqlite)]
    databases += [("postgres", args.postgres)] if args.postgres else []
    judge = Judge()
    features = Features(judge)
    for name, database in databases:
        cached = Path(args.dump_dir) / f"ltr_{name}.json" if args.dump_dir else None
        if cached and cached.exists():
            dump = json.loads(cached.read_text())
        else:
            dump = child(database)
            if cached:
                cached.write_text(json.dumps(dump))
        train = Collection([q for q in dump["queries"] if q["part"] in TRAIN_PARTS], features, args.query_norm)
        others = Collection([q for q in dump["queries"] if q["part"] in REPORT_PARTS], features, args.query_norm)
        everything = np.arange(len(train.queries))
        # The room there is: the first 100 in the best order, and the logistic model on its own training queries.
        best = np.minimum(train.y.sum(axis=1), 10) / 10
        print(report(name, "oracle, first 100", train.baseline(), best))
        fitted = train.p10(pairwise_logistic(train, everything), everything)
        print(report(name, "logistic, in-sample", train.baseline(), fitted))
        fits = [
            ("coordinate ascent", coordinate_ascent, CANDIDATES),
            ("pairwise logistic", pairwise_logistic, CANDIDATES),
        ]
        if args.grid:
            fits = [(f"logistic l2={l2} depth={depth}", partial(pairwise_logistic, l2=l2), depth)
                    for depth in (20, 30, 50, 100) for l2 in (0.1, 1, 10, 100)]  # fmt: skip
            fits += [(f"coord. ascent depth={depth}", coordinate_ascent, depth) for depth in (20, 50)]
        if args.single:  # the engine's score and one feature
            fits = [(f"score + {f}", partial(pairwise_logistic, only=("score", f)), CANDIDATES) for f in FEATURES[1:]]
        for label, fit, depth in fits:
            base, model = cross_validate(train, fit, args.folds, depth)
            print(report(name, f"{label} CV", base, model), flush=True)
            for part in TRAIN_PARTS:
                picked = [i for i, q in enumerate(train.queries) if q["part"] == part]
                print(report(name, f"  {part} CV", base[picked], model[picked]))
            weights = fit(train, np.arange(len(train.queries)), depth=depth)
            for part in REPORT_PARTS:
                picked = [i for i, q in enumerate(others.queries) if q["part"] == part]
                got = others.p10(weights, picked, depth)
                print(report(name, f"  {part} (fit on all)", others.baseline(picked), got))
            print("  weights: " + ", ".join(f"{f} {w:+.3g}" for f, w in zip(FEATURES, weights, strict=True) if w))


if __name__ == "__main__":
    main()
