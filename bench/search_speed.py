"""Speed of the search page over the Reuters-21578 stories, on the active database.

The figure (issue "Researchers' search"): with all of all.jsonl imported by the real importer, the
FULL search page (results, snippets, every facet) answers over HTTP from gunicorn in a median of at
most 40 ms and a 95th percentile of at most 150 ms, on PostgreSQL and on SQLite, in a constant and
small number of SQL queries.

1. A throwaway database with the corpus, imported for real (about 2 minutes each):

    export SECRET_KEY=x
    DATA_DIR=/tmp/perf_sqlite .venv/bin/python manage.py migrate
    DATA_DIR=/tmp/perf_sqlite .venv/bin/python manage.py import_documents ../shared/corpus/reuters21578/all.jsonl
    createdb -h 127.0.0.1 -U postgres perf_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf_bench .venv/bin/python manage.py migrate   # and import
    # ten times the corpus: bench/make_big_corpus.py (see there)

2. Served as in production (DEBUG off, static files collected, 2 workers):

    .venv/bin/python manage.py collectstatic --noinput
    SECRET_KEY=x ALLOWED_HOSTS=127.0.0.1 DATA_DIR=/tmp/perf_sqlite \\
        .venv/bin/gunicorn archive.wsgi --bind 127.0.0.1:8011 --workers 2

3. Measured (same DATABASE_URL / DATA_DIR as the server, so that --page and --analyze see it):

    DATA_DIR=/tmp/perf_sqlite .venv/bin/python -m bench.search_speed --url http://127.0.0.1:8011/ --page
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf_bench .venv/bin/python -m bench.search_speed \\
        --url http://127.0.0.1:8012/ --page --analyze

--url     full HTTP GETs of the page (loopback only), the queries taken in turn round after round
          so that a burst of load elsewhere spreads over all of them: median and 95th percentile.
--page    the same page in-process (Django's test client): median and 95th percentile, the SQL
          queries per page, and the CPU it cost (this process plus, on PostgreSQL, the server
          process; CPU is steadier than time on a shared machine). --path another page with the
          same queries (/statements/, /relations/), --filter NAME=VALUE filters on every request:
              ... -m bench.search_speed --page --path /relations/ --filter year=1987 --filter source=reuters-21578
--search  only what the search code does for the list: parse, search_articles, count, the first
          page with snippets (the previous measure of this script).
--facet-keys-ab  the full page in-process with the facet keys (archive/facet_keys.py) on and off
          in turn, query by query: what they save, measured at the same moments.
--scale   the four pages of issue 16's table (in-process, as --page): the search page with every
          facet over the ten queries, the statements page over the same queries and with none, the
          pages of the five people who speak most, and the home page with no query. Median and 95th
          percentile per query and per page; --record FILE adds them to FILE (JSON) under the
          database's size (1x, 10x of the corpus's 19,043 stories, 1M, else the count), and
          --write-table FILE writes the Markdown table of every size recorded (the README's).
          In-process, not over HTTP: the same figure at every size without a server to set up per
          database, and with the SQL queries per page, which must stay constant as the archive grows.
--analyze PostgreSQL: VACUUM ANALYZE first (after an import, until autovacuum has run, the
          planner has no statistics and the GIN index a long pending list).
The machine's load average is printed before and after: on a shared machine, quote medians and
compare runs made under a similar load. With no database given, SQLite /tmp/search_bench.sqlite3
is used and, when empty, filled with the bare articles (bulk_create, no extraction) - enough for
--search, not for the page's facets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
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
    if not os.environ.get("DATA_DIR"):
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


def verdict(samples: list[float]) -> str:
    median, p95 = percentiles(samples)
    return "ok" if median <= TARGET_MEDIAN_MS and p95 <= TARGET_P95_MS else "SLOW"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def round_robin(texts: list[str], runs: int, measure) -> dict[str, list]:
    """measure(text) for every text, then again, `runs` times (after one warming round)."""
    for text in texts:
        measure(text)
    samples: dict[str, list] = {text: [] for text in texts}
    for _ in range(runs):
        for text in texts:
            samples[text].append(measure(text))
    return samples


# --- search code only ---------------------------------------------------------------------------


def time_search(text: str) -> tuple[float, int]:
    from archive.models import Article
    from archive.search.fulltext import parse_query, search_articles

    started = time.perf_counter()
    results = search_articles(Article.objects.all(), parse_query(text))
    count = results.count()
    page = list(results[:PAGE_SIZE])
    assert all(isinstance(article.snippet, str) for article in page)
    return (time.perf_counter() - started) * 1000, count


# --- the page in-process ------------------------------------------------------------------------


class ServerCpu:
    """CPU seconds used by this connection's PostgreSQL server process (same machine only)."""

    def __init__(self, connection):
        self.path = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                path = Path(f"/proc/{cursor.fetchone()[0]}/stat")
            self.path = path if path.exists() else None
        self.tick = os.sysconf("SC_CLK_TCK")

    def seconds(self) -> float:
        if self.path is None:
            return 0.0
        fields = self.path.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self.tick  # utime, stime


def page_measure(client, connection, path: str = "/", extra: dict | None = None):
    from django.test.utils import CaptureQueriesContext

    server = None

    def measure(text: str, params: dict | None = None, where: str | None = None) -> tuple[float, int, float]:
        nonlocal server
        cpu = time.process_time()
        before = server.seconds() if server else 0.0
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(where or path, {"q": text, **(extra or {})} if params is None else params)
            elapsed = (time.perf_counter() - started) * 1000
        if server is None:  # the connection exists now
            server = ServerCpu(connection)
            before = server.seconds()
        assert response.status_code == 200, (where or path, params, response.status_code)
        cpu_ms = (time.process_time() - cpu + server.seconds() - before) * 1000
        return elapsed, len(queries), cpu_ms

    return measure


def facet_keys_ab(texts: list[str], runs: int, measure) -> tuple[dict, dict]:
    """The page with the facets counted from the facet keys and per facet, in turn for each query
    (which goes first alternates by round), so that both see the same moments of a noisy machine."""
    from archive.search.filtersets import ArticleSearch

    def with_keys(on: bool, text: str):
        ArticleSearch.keyed_facets = on
        return measure(text)

    samples = {True: {text: [] for text in texts}, False: {text: [] for text in texts}}
    for text in texts:  # warm both
        with_keys(True, text), with_keys(False, text)
    for round_number in range(runs):
        for text in texts:
            for on in (True, False) if round_number % 2 else (False, True):
                samples[on][text].append(with_keys(on, text))
    ArticleSearch.keyed_facets = True
    return samples[True], samples[False]


# --- the table of issue 16: four pages at 1x, 10x, 100x ------------------------------------------

CORPUS_STORIES = 19_043
PAGES = ("search page", "statements page", "person page", "home page")
NO_QUERY = "(no query)"


def scale_cases() -> dict[str, tuple[str, dict]]:
    """'page: query' -> (path, GET parameters). The people are those who speak most (their page
    lists their statements with facets) and those most mentioned (it lists their articles and who is
    mentioned with them): the heaviest person pages, at any size."""
    from django.db.models import Count

    from archive.models import ArticlePerson, Statement

    cases = {f"search page: {text}": ("/", {"q": text}) for text in QUERIES}
    for text in [*QUERIES, ""]:
        cases[f"statements page: {text or NO_QUERY}"] = ("/statements/", {"q": text} if text else {})
    speaking = Statement.objects.filter(speaker_person__isnull=False)
    speakers = speaking.values_list("speaker_person", "speaker_person__name").annotate(n=Count("*")).order_by("-n")
    mentioned = (ArticlePerson.objects.values_list("person", "person__name")
                 .annotate(n=Count("*")).order_by("-n")[:5])  # fmt: skip
    people = dict([(pk, name) for pk, name, _ in speakers[:3]] + [(pk, name) for pk, name, _ in mentioned])
    for pk, name in list(people.items())[:5]:
        cases[f"person page: {name}"] = (f"/people/{pk}/", {})
    cases[f"home page: {NO_QUERY}"] = ("/", {})
    return cases


def scale_measure(client, connection, cases):
    measure = page_measure(client, connection)
    return lambda key: measure("", params=cases[key][1], where=cases[key][0])


def size_label(articles: int) -> str:
    """'1x', '10x' when the archive holds about that many times the corpus, '1M' for about a million
    (the issue's "100x"), else the count."""
    for times in (1, 10):
        if abs(articles - times * CORPUS_STORIES) <= 0.05 * times * CORPUS_STORIES:
            return f"{times}x"
    if abs(articles - 1_000_000) <= 50_000:
        return "1M"
    return f"{articles:,}"


def record(path: Path, vendor: str, articles: int, samples: dict[str, list], loads: tuple[str, str]) -> None:
    """Add this run to the JSON file of runs, by database and size (a later run replaces an earlier)."""
    runs = json.loads(path.read_text()) if path.exists() else {}
    rows = {}
    for key, values in samples.items():
        page, query = key.split(": ", 1)
        median, p95 = percentiles([v[0] for v in values])
        rows.setdefault(page, {})[query] = [round(median, 1), round(p95, 1), max(v[1] for v in values)]
    pages = {}
    for page in rows:
        mine = [v for key, values in samples.items() if key.startswith(page + ":") for v in values]
        median, p95 = percentiles([v[0] for v in mine])
        pages[page] = [round(median, 1), round(p95, 1), round(statistics.median(v[2] for v in mine), 1)]
    runs[f"{vendor} {size_label(articles)}"] = {
        "vendor": vendor, "articles": articles, "size": size_label(articles), "load": list(loads),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "pages": pages, "queries": rows,
    }  # fmt: skip
    path.write_text(json.dumps(runs, indent=1, ensure_ascii=False) + "\n")


def page_cell(figures: list | None) -> str:
    if not figures:
        return ""
    cpu = f" (CPU {figures[2]})" if len(figures) > 2 else ""
    return f"**{figures[0]} / {figures[1]}**{cpu}"


def markdown_table(runs: dict) -> str:
    """One table per database: a row per page (all its queries) and per query, a column pair
    (median, p95 in ms) per size."""
    out = []
    for vendor in sorted({run["vendor"] for run in runs.values()}, reverse=True):
        mine = sorted((run for run in runs.values() if run["vendor"] == vendor), key=lambda run: run["articles"])
        head = " | ".join(f"{run['size']} ({run['articles']:,}) median / p95" for run in mine)
        out += [f"**{vendor}**, ms, in-process (`bench.search_speed --scale`), median / p95 (pages: and the CPU "
                "median of the process and its database server); load average (1 min) before-after: "
                + ", ".join(f"{run['size']} {run['load'][0].split()[0]}-{run['load'][1].split()[0]}" for run in mine),
                "",
                f"| page | query | {head} |", "|---|---|" + "---|" * len(mine)]  # fmt: skip
        for page in PAGES:
            if not any(page in run["pages"] for run in mine):
                continue
            cells = " | ".join(page_cell(run["pages"].get(page)) for run in mine)
            out.append(f"| **{page}** | all | {cells} |")
            queries = dict.fromkeys(query for run in mine for query in run["queries"].get(page, {}))
            for query in queries:
                cells = " | ".join("{} / {}".format(*run["queries"][page][query][:2])
                                   if query in run["queries"].get(page, {}) else "" for run in mine)  # fmt: skip
                out.append(f"| | {query.replace('|', '&#124;')} | {cells} |")
        out.append("")
    return "\n".join(out)


# --- HTTP -----------------------------------------------------------------------------------------


def http_measure(base_url: str):
    def measure(text: str) -> float:
        url = base_url + ("&" if "?" in base_url else "?") + urllib.parse.urlencode({"q": text})
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
            response.read()
        return (time.perf_counter() - started) * 1000

    return measure


def check_loopback(url: str) -> None:
    host = urllib.parse.urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"--url must point to this machine (loopback), not {host}")


def table(title: str, samples: dict[str, list], extra=None) -> None:
    print(f"\n{title}")
    head = f"{'query':<18} {'median':>8} {'p95':>8}"
    print(head + (f"  {extra[0]}" if extra else ""))
    everything = []
    for text, values in samples.items():
        times = [v[0] if isinstance(v, tuple) else v for v in values]
        everything += times
        median, p95 = percentiles(times)
        line = f"{text:<18} {median:>8.1f} {p95:>8.1f}"
        print(line + (f"  {extra[1](values)}" if extra else "") + f"  {verdict(times)}")
    median, p95 = percentiles(everything)
    print(f"{'all queries':<18} {median:>8.1f} {p95:>8.1f}  {verdict(everything)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="Search page of a running server, e.g. http://127.0.0.1:8011/")
    parser.add_argument("--page", action="store_true", help="The full page in-process, with queries and CPU.")
    parser.add_argument("--search", action="store_true", help="Only the search code (default without --url, --page).")
    parser.add_argument("--runs", type=int, default=20, help="Rounds over the queries (default 20, max 200).")
    parser.add_argument("--analyze", action="store_true", help="PostgreSQL: VACUUM ANALYZE before measuring.")
    parser.add_argument("--scale", action="store_true", help="The four pages of issue 16's table (see above).")
    parser.add_argument("--record", type=Path, help="With --scale: add the figures to this JSON file.")
    parser.add_argument("--write-table", type=Path, metavar="FILE",
                        help="Write the Markdown table of the runs in --record's file to FILE, and print it.")
    parser.add_argument("--query", action="append", help="Measure this query instead of the usual ten (repeatable).")
    parser.add_argument("--path", default="/", help="With --page: this page (e.g. /relations/, /statements/).")
    parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE",
                        help="With --page: a filter on every request (e.g. year=1987, tag=..., source=...).")
    parser.add_argument("--facet-keys-ab", action="store_true",
                        help="The page in-process with facet keys on and off in turn (archive/facet_keys.py).")
    args = parser.parse_args()
    runs = max(1, min(args.runs, 200))
    texts = args.query or QUERIES
    if args.write_table and not args.scale:  # from the recorded runs only, no database
        if not (args.record and args.record.exists()):
            parser.error("--write-table needs --record FILE with recorded runs")
        text = markdown_table(json.loads(args.record.read_text()))
        args.write_table.write_text(text)
        print(text)
        return
    if args.url:
        check_loopback(args.url)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    articles = load_corpus()
    print(f"{connection.vendor}: {articles} articles ({time.perf_counter() - started:.1f} s to load or check)")
    if args.analyze and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"load average before: {load_average()}")

    if args.scale:
        from django.conf import settings
        from django.test import Client

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        before = load_average()
        cases = scale_cases()
        samples = round_robin(list(cases), runs, scale_measure(Client(), connection, cases))
        table(f"issue 16's pages in-process, {runs} runs (ms; queries per page; CPU ms per page)", samples,
              ("queries   cpu", lambda values: f"{'/'.join(sorted({str(v[1]) for v in values})):>7} "
                                               f"{statistics.median(v[2] for v in values):>5.1f}"))  # fmt: skip
        for page in PAGES:
            times = [v[0] for key, values in samples.items() if key.startswith(page + ":") for v in values]
            print(f"{page:<18} {percentiles(times)[0]:>8.1f} {percentiles(times)[1]:>8.1f}")
        if args.record:
            record(args.record, connection.vendor, articles, samples, (before, load_average()))
            if args.write_table:
                args.write_table.write_text(markdown_table(json.loads(args.record.read_text())))

    if args.search or not (args.url or args.page or args.facet_keys_ab or args.scale):
        samples = round_robin(texts, runs, time_search)
        table(f"search_articles + count + first page with snippets, {runs} runs (ms)", samples,
              ("matches", lambda values: f"{values[0][1]:>7}"))  # fmt: skip

    if args.page:
        from django.conf import settings
        from django.test import Client

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        extra = dict(item.split("=", 1) for item in args.filter)
        samples = round_robin(texts, runs, page_measure(Client(), connection, args.path, extra))
        table(f"{args.path} {extra or ''} in-process, {runs} runs (ms; queries per page; CPU ms per page)", samples,
              ("queries   cpu", lambda values: f"{'/'.join(sorted({str(v[1]) for v in values})):>7} "
                                               f"{statistics.median(v[2] for v in values):>5.1f}"))  # fmt: skip

    if args.facet_keys_ab:
        from django.conf import settings
        from django.test import Client

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        keyed, per_facet = facet_keys_ab(texts, runs, page_measure(Client(), connection))
        table(f"full page in-process, facet keys ON, {runs} runs alternating with OFF (ms)", keyed)
        table(f"full page in-process, facet keys OFF (one query per facet), {runs} runs (ms)", per_facet)

    if args.url:
        samples = round_robin(texts, runs, http_measure(args.url))
        table(f"HTTP GET {args.url}?q=..., {runs} runs (ms)", samples)
    print(f"\nload average after: {load_average()}")


if __name__ == "__main__":
    main()
