"""Speed of the JSON API over the Reuters-21578 stories, on the active database.

The figures (issue "For researchers' tools"): an API list page of 50 articles with the facets
(`/api/articles?q=...&limit=50&facets=1`) within the search page's figures, median <= 40 ms and
95th percentile <= 150 ms over bench/search_speed.py's ten queries; and walking every article by
cursor (`next` links) at >= 2,000 articles a second.

Set up the databases as bench/search_speed.py says (the corpus imported for real), then serve them
as in production with the rate limit off (a benchmark is one address asking a lot):

    SECRET_KEY=x API_RATE_LIMIT=0 ALLOWED_HOSTS=127.0.0.1 DATA_DIR=/tmp/perf_sqlite \\
        .venv/bin/gunicorn archive.wsgi --bind 127.0.0.1:8011 --workers 2
    .venv/bin/python -m bench.api_speed --url http://127.0.0.1:8011/

Without --url the same requests go through Django's test client in this process (DATA_DIR or
DATABASE_URL choose the database), which also counts the SQL queries per page.
"""

from __future__ import annotations

import argparse
import json
import os
import time
import urllib.parse
import urllib.request

from bench.search_speed import QUERIES, ServerCpu, check_loopback, load_average, percentiles, round_robin, table

TARGET_WALK_RATE = 2000


def setup_django() -> None:
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ["API_RATE_LIMIT"] = "0"
    import django

    django.setup()


class Http:
    def __init__(self, base: str):
        self.base = base.rstrip("/")

    def cpu(self) -> float:
        return 0.0  # the server's CPU is another process's

    def get(self, url: str) -> tuple[dict, int]:
        if url.startswith("/"):
            url = self.base + url
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback only)
            return json.loads(response.read()), 0


class InProcess:
    def __init__(self):
        from django.db import connection
        from django.test import Client

        self.client = Client(HTTP_HOST="127.0.0.1")
        self.connection = connection
        self.server = None

    def cpu(self) -> float:
        """CPU seconds spent so far by this process and, on PostgreSQL, its server process: steadier
        than time on a shared machine."""
        if self.server is None and self.connection.connection is not None:
            self.server = ServerCpu(self.connection)
        return time.process_time() + (self.server.seconds() if self.server else 0.0)

    def get(self, url: str) -> tuple[dict, int]:
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(self.connection) as queries:
            response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        return response.json(), len(queries)


def list_measure(server, limit: int):
    def measure(text: str) -> tuple[float, int, float]:
        url = "/api/articles?" + urllib.parse.urlencode({"q": text, "limit": limit, "facets": 1})
        cpu, started = server.cpu(), time.perf_counter()
        body, queries = server.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        assert len(body["results"]) == min(limit, body["count"]) and body["facets"], text
        return elapsed, queries, (server.cpu() - cpu) * 1000

    return measure


def walk(server, limit: int) -> tuple[int, int, float, float]:
    """Every article by cursor: (articles, pages, seconds, CPU seconds)."""
    url = f"/api/articles?limit={limit}"
    server.get(url)  # connected, warm
    seen, pages, cpu, started, count = set(), 0, server.cpu(), time.perf_counter(), None
    while url:
        body, _ = server.get(url)
        count = body["count"] if count is None else count  # the first page's
        seen.update(item["id"] for item in body["results"])
        pages += 1
        url = body["next"]
    elapsed = time.perf_counter() - started
    assert len(seen) == count, (len(seen), count)
    return len(seen), pages, elapsed, server.cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="the served archive (loopback), e.g. http://127.0.0.1:8011/")
    parser.add_argument("--runs", type=int, default=10, help="rounds over the ten queries (default 10)")
    parser.add_argument("--limit", type=int, default=50, help="items per list page (default 50)")
    args = parser.parse_args()
    setup_django()
    if args.url:
        check_loopback(args.url)
        server, where = Http(args.url), f"HTTP {args.url}"
    else:
        server, where = InProcess(), "in-process (test client)"
    from django.db import connection

    print(f"API speed, {connection.vendor}, {where}; load average {load_average()}")
    samples = round_robin(QUERIES, args.runs, list_measure(server, args.limit))
    extra = None
    if not args.url:
        def extra_columns(values):
            return f"{max(v[1] for v in values):>7} {median_of(v[2] for v in values):>6.1f}"

        extra = ("queries    cpu", extra_columns)
    table(f"/api/articles?q=...&limit={args.limit}&facets=1, ms ({args.runs} runs each)", samples, extra)
    everything = [v[0] for values in samples.values() for v in values]
    median, p95 = percentiles(everything)
    cpu = "" if args.url else f", CPU median {median_of(v[2] for values in samples.values() for v in values):.1f} ms"
    print(f"list page: median {median:.1f} ms, p95 {p95:.1f} ms{cpu}")
    for limit in (50, 200):
        articles, pages, seconds, cpu_seconds = walk(server, limit)
        rate = articles / seconds
        verdict = "ok" if rate >= TARGET_WALK_RATE else "SLOW"
        by_cpu = "" if args.url else f"; by CPU time {articles / cpu_seconds:,.0f} articles/s"
        print(f"cursor walk, limit={limit}: {articles} articles in {pages} pages, {seconds:.2f} s: "
              f"{rate:,.0f} articles/s ({seconds / pages * 1000:.1f} ms a page){by_cpu}  {verdict}")  # fmt: skip
    print(f"load average {load_average()}")


def median_of(values) -> float:
    import statistics

    return statistics.median(list(values))


if __name__ == "__main__":
    main()
