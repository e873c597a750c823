"""Speed of full-text search over the 19,043 Reuters-21578 stories, on the active database.

    .venv/bin/python bench/search_speed.py                        # SQLite file /tmp/search_bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench .venv/bin/python bench/search_speed.py
    .venv/bin/python bench/search_speed.py --url http://127.0.0.1:8000/search/   # plus HTTP timings

It migrates the database and, when it holds no articles, loads all.jsonl straight into Article
rows with bulk_create (no extraction: a throwaway database for measuring search, not the
importer). Then, for each query, it times what the search page asks of the search code: parse,
search_articles, count, and the first page of 20 with snippets; with --url, full HTTP GETs of
the page (loopback only). Medians and 95th percentiles in milliseconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS = SHARED_DIR / "corpus" / "reuters21578" / "all.jsonl"
DEFAULT_SQLITE = "sqlite:////tmp/search_bench.sqlite3"

QUERIES = [
    "trade",
    "japan",
    "oil prices",
    "minister",
    '"trade deficit"',
    "yeutter",
    "gatt OR tariff",
    "soviet -oil",
    "talks",
    "said",
]
TARGET_MEDIAN_MS, TARGET_P95_MS = 40, 150
PAGE_SIZE = 20


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_SQLITE)
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()


def load_corpus() -> int:
    """Articles straight from all.jsonl, if the database has none yet; returns the count."""
    from archive.models import Article, Source

    if Article.objects.exists():
        return Article.objects.count()
    source, _ = Source.objects.get_or_create(name="Reuters")
    articles = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            articles.append(
                Article(
                    source=source,
                    source_ref=str(story["source_id"]),
                    title=story.get("title") or "(untitled)",
                    published_on=(story.get("date") or "")[:10] or None,
                    dateline=story.get("dateline") or "",
                    body=story.get("body") or "",
                    fingerprint=hashlib.sha256(str(story["id"]).encode()).hexdigest(),
                )
            )
    Article.objects.bulk_create(articles, batch_size=500)
    return len(articles)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_search(text: str, runs: int) -> tuple[list[float], int]:
    from archive.models import Article
    from archive.search import parse_query, search_articles

    samples, count = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        results = search_articles(Article.objects.all(), parse_query(text))
        count = results.count()
        page = list(results[:PAGE_SIZE])
        assert all(isinstance(article.snippet, str) for article in page)
        samples.append((time.perf_counter() - started) * 1000)
    return samples, count


def time_http(base_url: str, text: str, runs: int) -> list[float]:
    url = base_url + ("&" if "?" in base_url else "?") + urllib.parse.urlencode({"q": text})
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
            response.read()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def check_loopback(url: str) -> None:
    host = urllib.parse.urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"--url must point to this machine (loopback), not {host}")


def row(label: str, count: str, samples: list[float]) -> str:
    median, p95 = percentiles(samples)
    verdict = "ok" if median <= TARGET_MEDIAN_MS and p95 <= TARGET_P95_MS else "SLOW"
    return f"{label:<18} {count:>7} {median:>9.1f} {p95:>9.1f}  {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="Timed runs per query (default 20).")
    parser.add_argument("--url", help="Search page of a running server, e.g. http://127.0.0.1:8000/search/")
    parser.add_argument("--http-runs", type=int, default=20, help="GETs per query with --url (max 200).")
    args = parser.parse_args()
    if args.url:
        check_loopback(args.url)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    articles = load_corpus()
    print(f"{connection.vendor}: {articles} articles ({time.perf_counter() - started:.1f} s to load or check)")

    print(f"\nsearch_articles + count + first page with snippets, {args.runs} runs (ms)")
    print(f"{'query':<18} {'matches':>7} {'median':>9} {'p95':>9}")
    for text in QUERIES:
        time_search(text, 1)  # warm the caches
        samples, count = time_search(text, args.runs)
        print(row(text, str(count), samples))

    if args.url:
        runs = max(1, min(args.http_runs, 200))
        print(f"\nHTTP GET {args.url}?q=..., {runs} runs (ms)")
        print(f"{'query':<18} {'':>7} {'median':>9} {'p95':>9}")
        for text in QUERIES:
            time_http(args.url, text, 1)
            print(row(text, "", time_http(args.url, text, runs)))


if __name__ == "__main__":
    main()
