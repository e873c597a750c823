"""The figures of issue 14's new pages and counts, on the active database holding the corpus:

- the up-front count of an import's stories (importing/estimate.py) on all.jsonl;
- the browse pages (people, organisations, countries; by articles, by statements, filtered) and the
  statements page with its two new facets (kind, speaker known), in-process through Django's test
  client: median and 95th percentile of the time, and the SQL queries per page.

    DATABASE_URL=sqlite:///$PWD/data/pages.sqlite3 SECRET_KEY=x .venv/bin/python -m bench.first_session
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME SECRET_KEY=x .venv/bin/python -m bench.first_session

(import the corpus first: `manage.py import_documents ../shared/corpus/reuters21578/all.jsonl`).
The load average is printed: on a shared machine, compare medians taken under a similar load.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared")) / "corpus" / "reuters21578"
PAGES = [
    "/people/",
    "/people/?sort=statements",
    "/people/?sort=name&q=ba",
    "/organisations/",
    "/countries/",
    "/countries/?sort=statements",
    "/statements/",
    "/statements/?kind=direct&speaker_known=yes",
    "/countries/jp/",
]
ROUNDS = 15


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")  # static files from static/
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from archive.importing.estimate import stories_in

    print(f"database: {connection.vendor}; load average {os.getloadavg()[0]:.2f}")
    corpus = CORPUS / "all.jsonl"
    if corpus.exists():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            total = stories_in(str(corpus))
            times.append(time.perf_counter() - started)
        size = corpus.stat().st_size / 1e6
        median = statistics.median(times) * 1000
        print(f"estimate {corpus.name} ({size:.0f} MB): {total:,} stories, median {median:.0f} ms")
    client = Client(HTTP_HOST="127.0.0.1")
    timings = {path: [] for path in PAGES}
    queries = {}
    for path in PAGES:  # warm up, and count the queries
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        queries[path] = len(captured)
    for _ in range(ROUNDS):  # the pages in turn, round after round
        for path in PAGES:
            started = time.perf_counter()
            client.get(path)
            timings[path].append(time.perf_counter() - started)
    print(f"{'page':48} {'median':>8} {'p95':>8} {'queries':>8}")
    for path, values in timings.items():
        values.sort()
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(f"{path:48} {statistics.median(values) * 1000:6.0f} ms {p95 * 1000:6.0f} ms {queries[path]:8}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
