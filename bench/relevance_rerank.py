"""Re-rankings of the search page's first results, measured offline before building any (issue 13's
third round): pseudo-relevance feedback and near-duplicate collapse, judged as bench/relevance.py
judges (P@10 by the Reuters-21578 TOPICS tags) on its development parts only (dev, extra, phrase,
faceted): the test part is never read here.

    .venv/bin/python -m bench.relevance_rerank --sqlite /tmp/rel.sqlite3 \\
        --postgres postgres://postgres@127.0.0.1:5432/rel_bench [--prf-grid] [--dup]

Each database (filled as bench/relevance.py fills it) gives, in a child process, the search page's
first N (200) results of every query with their rank, title and body; the parent re-ranks them.

--prf-grid  RM3-style pseudo-relevance feedback over a grid: the top K of the first ranking give
            the M terms most characteristic of them (weight = sum over the K of tf / length x idf;
            stopwords, the query's own stems, terms in fewer than 3 or more than 20% of the stories
            left out); each of the first N is scored by those terms (BM25 saturation, k1 1.2, b 0.75,
            term weight x idf) and re-ranked by  (rank - min) / (max - min) + LAMBDA x score / max.
            Stems by PyStemmer's English (snowball); document frequencies from the corpus file
            (an approximation of the index's: enough to decide whether building it pays).
--dup       near-duplicates (Jaccard of the stem sets >= T, or the same headline) in the first ten
            pushed just below it.
--embedding DIR  the first 20 or 30 re-ranked by (rank - min) / (max - min) + LAMBDA x the same of
            the cosine between the query's and the story's all-MiniLM-L6-v2 vectors (headline and
            body, first 64 tokens; bench/minilm.py, DIR the model's files, see there). Slow: about
            3,500 stories to embed, 0.12 s each on one core (the vectors are shared by source id).
            First the cheap form, free at import: the mean of the model's input token vectors.

The figures and the decision are in bench/relevance.py's docstring.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import math
import re
from functools import partial

from bench import relevance as R

CANDIDATES = 200
PARTS = ["dev", "extra", "phrase", "faceted"]  # never "test"
WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between both
    but by can cannot could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself me more most my myself no nor not of off on once
    only or other our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what when where which
    while who whom why with would you your yours yourself yourselves said will also reuter reuters mln pct dlrs cts
    vs lt year years last new one two three four five six seven eight nine ten inc corp co ltd""".split()
)


def dump_here() -> dict:
    """The first CANDIDATES results of every development query on this process's database."""
    from django.db import connection
    from django.http import QueryDict

    from archive.search.filtersets import ArticleSearch

    R.prepare()
    groups = [
        ("dev", [(q, None, (t,)) for q, t in R.DEV]),
        ("phrase", [(q, None, tags) for q, tags in R.PHRASE_QUERIES]),
        ("faceted", R.FACETED_QUERIES),
        ("extra", [(q, None, (t,)) for q, t in R.EXTRA_QUERIES]),
    ]
    out = {"vendor": connection.vendor, "queries": []}
    for part, queries in groups:
        for text, facets, tags in queries:
            data = QueryDict(mutable=True)
            data["q"] = text
            for name, value in (facets or {}).items():
                data[name] = value
            rows = ArticleSearch(data).results(snippets=False).values_list("source_ref", "rank", "title", "body")
            out["queries"].append({"part": part, "query": text, "tags": list(tags), "rows": list(rows[:CANDIDATES])})
    return out


def child(database: str) -> dict:
    return R.child(database, "bench.relevance_rerank")


def corpus_stories():
    with R.CORPUS.open(encoding="utf-8") as lines:
        yield from map(json.loads, lines)


class Judge:
    """The tags that judge, the collection's document frequencies, and the re-rankings.
    `stories`: dicts with source_id, title, body, topics (by default the corpus file's)."""

    def __init__(self, stories=None):
        import Stemmer

        self.stem = Stemmer.Stemmer("english").stemWord
        self.memo: dict[str, list[str]] = {}
        self.topics, self.df, self.stories = {}, collections.Counter(), 0
        for story in corpus_stories() if stories is None else stories:
            self.topics[str(story["source_id"])] = set(story["topics"])
            self.df.update(set(self.stems(f"{story.get('title') or ''} {story.get('body') or ''}")))
            self.stories += 1
        self.memo.clear()

    def stems(self, text: str) -> list[str]:
        if text not in self.memo:
            words = WORD.findall(text.lower())
            self.memo[text] = [self.stem(w) for w in words if w not in STOPWORDS and len(w) > 1]
        return self.memo[text]

    def p10(self, refs, tags) -> float:
        return sum(bool(self.topics.get(ref, set()) & set(tags)) for ref in refs[:10]) / 10

    def idf(self, term: str) -> float:
        return math.log(self.stories / self.df[term])

    def feedback(self, query: dict, k: int, m: int, n: int, weight: float) -> list[str]:
        """The first n re-ranked by the m terms of the first k (see the module's docstring)."""
        rows = query["rows"][:n]
        if not rows or not weight:
            return [row[0] for row in rows]
        docs = [self.stems(f"{row[2]} {row[3]}") for row in rows]
        terms = self.feedback_terms(query["query"], docs[:k], m)
        total = sum(terms.values()) or 1.0
        average = sum(map(len, docs)) / len(docs) or 1.0
        scores = []
        for doc in docs:
            counts, score = collections.Counter(doc), 0.0
            for term, share in terms.items():
                if tf := counts.get(term, 0):
                    saturated = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(doc) / average))
                    score += share / total * self.idf(term) * saturated
            scores.append(score)
        ranks = [row[1] for row in rows]
        low, span, top = min(ranks), (max(ranks) - min(ranks)) or 1.0, max(scores) or 1.0
        order = sorted(range(len(rows)), key=lambda i: (-((ranks[i] - low) / span + weight * scores[i] / top), i))
        return [rows[i][0] for i in order]

    def feedback_terms(self, text: str, docs: list[list[str]], m: int) -> dict[str, float]:
        """The m stems most characteristic of `docs` (each a list of stems) against the collection."""
        own = set(self.stems(text)) | {self.stem(w) for w in WORD.findall(text.lower())}
        weights = collections.Counter()
        for doc in docs:
            for term, count in collections.Counter(doc).items():
                if term in own or self.df[term] < 3 or self.df[term] > 0.2 * self.stories:
                    continue
                weights[term] += count / len(doc) * self.idf(term)
        return dict(weights.most_common(m))

    def collapsed(self, query: dict, threshold: float | None) -> list[str]:
        """Near-duplicates in the first ten pushed just below it."""
        kept, pushed, seen = [], [], []
        for ref, _rank, title, body in query["rows"][:100]:
            stems, headline = set(self.stems(f"{title} {body}")), title.strip().lower()
            same = any(
                (threshold is None and headline == other_title)
                or (threshold is not None and len(stems & other) / (len(stems | other) or 1) >= threshold)
                for other_title, other in seen
            )
            if same and len(kept) < 10:
                pushed.append(ref)
                continue
            kept.append(ref)
            seen.append((headline, stems))
        return kept[:10] + pushed + kept[10:]

    def score(self, dump: dict, order) -> dict[str, float]:
        by_part = collections.defaultdict(list)
        for query in dump["queries"]:
            by_part[query["part"]].append(self.p10(order(query), query["tags"]))
        return {part: sum(values) / len(values) for part, values in by_part.items()}

    def embedded(self, dumps: dict, directory: str, top: int, static: bool = False) -> dict:
        """The vectors of every query and of the first `top` stories of each, by text and source id."""
        from bench.minilm import MiniLM

        model, texts = MiniLM(directory), {}
        for dump in dumps.values():
            for query in dump["queries"]:
                texts[query["query"]] = query["query"]
                texts.update({row[0]: f"{row[2]}. {row[3]}" for row in query["rows"][:top]})
        keys = list(texts)
        embed = model.static if static else model.embed
        return dict(zip(keys, embed([texts[key] for key in keys]), strict=True))

    def by_embedding(self, query: dict, vectors: dict, top: int, weight: float) -> list[str]:
        rows = query["rows"][:top]
        if not rows:
            return []
        cosines = [float(vectors[query["query"]] @ vectors[row[0]]) for row in rows]
        ranks = [row[1] for row in rows]

        def scaled(values, i):
            return (values[i] - min(values)) / ((max(values) - min(values)) or 1.0)

        order = sorted(range(len(rows)), key=lambda i: (-(scaled(ranks, i) + weight * scaled(cosines, i)), i))
        return [rows[i][0] for i in order] + [row[0] for row in query["rows"][top:]]


def line(label: str, results: dict[str, dict]) -> str:
    cells = " | ".join(f"{name} " + " ".join(f"{p} {r[p]:.3f}" for p in PARTS) for name, r in results.items())
    return f"{label:<28} | {cells}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", default=str(R.DEFAULT_SQLITE))
    parser.add_argument("--postgres")
    parser.add_argument("--prf-grid", action="store_true")
    parser.add_argument("--dup", action="store_true")
    parser.add_argument("--embedding", metavar="DIR", help="all-MiniLM-L6-v2's files (bench/minilm.py).")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        R.answer_parent(dump_here)
        return
    dumps = {"sqlite": child(args.sqlite)}
    if args.postgres:
        dumps["postgres"] = child(args.postgres)
    judge = Judge()
    print(line("first ranking", {n: judge.score(d, lambda q: [r[0] for r in q["rows"]]) for n, d in dumps.items()}))
    if args.prf_grid:
        for k, m, n, weight in itertools.product([3, 5, 10], [10, 20, 40], [50, 100, 200], [0.1, 0.2, 0.35, 0.5, 1, 2]):
            results = {
                name: judge.score(d, partial(judge.feedback, k=k, m=m, n=n, weight=weight)) for name, d in dumps.items()
            }
            print(line(f"prf k={k} m={m} N={n} lambda={weight}", results), flush=True)
    if args.dup:
        for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, None):
            results = {name: judge.score(d, partial(judge.collapsed, threshold=threshold)) for name, d in dumps.items()}
            print(line(f"dup {threshold or 'same headline'}", results), flush=True)
    if args.embedding:
        vectors = judge.embedded(dumps, args.embedding, 20, static=True)
        for weight in (0.25, 0.5, 1):
            ordered = {name: judge.score(d, partial(judge.by_embedding, vectors=vectors, top=20, weight=weight))
                       for name, d in dumps.items()}  # fmt: skip
            print(line(f"static vectors top 20 lambda={weight}", ordered), flush=True)
        vectors = judge.embedded(dumps, args.embedding, 30)
        for top, weight in itertools.product([20, 30], [0.25, 0.5, 1, 2, 4, 1000]):
            results = {
                name: judge.score(d, partial(judge.by_embedding, vectors=vectors, top=top, weight=weight))
                for name, d in dumps.items()
            }
            print(line(f"embedding top {top} lambda={weight}", results), flush=True)


if __name__ == "__main__":
    main()
