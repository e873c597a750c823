"""Load: 32 researchers at once on the search page, facet clicks, article pages and exports,
against gunicorn + the database of DATABASE_URL (loopback only, bounded in time and requests).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/load_bench .venv/bin/python -m bench.load
    ... -m bench.load --with-import      # the same while 5,000 new stories are imported
    ... -m bench.load --replica postgres://postgres@127.0.0.1:5433/load_bench
        # the public pages read from a streaming replica (bash .ci/replica makes one), which is
        # stopped for the middle third of the run and started again: the primary serves meanwhile

The database must hold the Reuters corpus (README: import all.jsonl into it; 2-4 minutes).
The script starts gunicorn on a free port (--workers, default 2 x CPUs + 1), warms it up, then
runs --clients threads for --seconds (or --max-requests in all), each picking a request from the
mix below at random (seeded), and prints requests/second, p50/p95/p99 latency and errors per
kind and overall. Any status but 200, or a failed connection, counts as an error. With
--with-import, an import of 5,000 stories (copies of all.jsonl lines with new identifiers and a
new last paragraph, so that they are new articles) runs from the start of the measurement, which
ends when the import does (or after --seconds), and the articles it made are deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from archive.devtools.processes import PROJECT_DIR, manage
from archive.devtools.server import VENV_BIN, Gunicorn, app_env

CORPUS = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared")) / "corpus/reuters21578/all.jsonl"
WORDS = ["trade", "oil", "japan", "minister", "talks", "tariffs", "gatt", "soviet", "embassy", "summit",
         "\"trade deficit\"", "yeutter", "baker OR shultz", "grain -wheat"]  # fmt: skip
COUNTRIES = ["US", "JP", "GB", "FR", "DE", "CN", "SU", "CA", "BR", "IN"]
# kind: weight. Exports are rarer than page views, and most are of a narrowed search.
MIX = {"search": 30, "facet": 30, "statements": 10, "article": 20, "person": 5, "export": 5}
IMPORT_SOURCE = "Load bench copy"


def sample_ids(env: dict[str, str]) -> dict[str, list[int]]:
    """Article and person ids to request, taken from the database."""
    script = (
        "import json, random; from archive.models import Article, Person; r = random.Random(7); "
        "a = list(Article.objects.values_list('pk', flat=True)); p = list(Person.objects.filter("
        "statements__isnull=False).values_list('pk', flat=True).distinct()); "
        "print(json.dumps({'articles': r.sample(a, min(500, len(a))), 'people': r.sample(p, min(200, len(p)))}))"
    )
    return json.loads(manage(env, "shell", "-v0", "-c", script, check=True).stdout.strip().splitlines()[-1])


def make_request(kind: str, rng: random.Random, ids: dict[str, list[int]]) -> str:
    word, country = rng.choice(WORDS), rng.choice(COUNTRIES)
    if kind == "search":
        return "/?" + urllib.parse.urlencode({"q": word} if rng.random() < 0.8 else {})
    if kind == "facet":
        choice = rng.choice([{"country": country}, {"q": word, "country": country}, {"year": "1987"},
                             {"year": "1987", "month": str(rng.randint(2, 10))}, {"dateline": country},
                             {"country": [country, rng.choice(COUNTRIES)], "sort": "newest"}, {"q": word, "page": "2"}])
        return "/?" + urllib.parse.urlencode(choice, doseq=True)
    if kind == "statements":
        return "/statements/?" + urllib.parse.urlencode(rng.choice([{}, {"q": word}, {"speaker_country": country}]))
    if kind == "article":
        return f"/articles/{rng.choice(ids['articles'])}/"
    if kind == "person":
        return f"/people/{rng.choice(ids['people'])}/"
    path = rng.choice(["/export.csv", "/export.json", "/statements/export.csv"])
    return path + "?" + urllib.parse.urlencode({"q": word, "country": country})


class Load:
    """Client threads requesting the mix until the deadline or the request budget."""

    def __init__(self, base: str, ids, *, clients: int, seconds: float, max_requests: int, seed: int = 1):
        self.base, self.ids, self.clients = base, ids, clients
        self.seconds, self.budget = seconds, max_requests
        self.seed = seed
        self.lock = threading.Lock()
        self.results: list[tuple[str, float, str]] = []  # kind, seconds, outcome ("200", "503", "URLError")

    def run(self) -> float:
        self.deadline = time.monotonic() + self.seconds
        threads = [threading.Thread(target=self.client, args=(n,)) for n in range(self.clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - started

    def take_turn(self) -> bool:
        with self.lock:
            if self.budget <= 0 or time.monotonic() > self.deadline:
                return False
            self.budget -= 1
            return True

    def client(self, number: int) -> None:
        rng = random.Random(self.seed * 1000 + number)
        kinds, weights = list(MIX), list(MIX.values())
        while self.take_turn():
            kind = rng.choices(kinds, weights)[0]
            url = self.base + make_request(kind, rng, self.ids)
            started = time.monotonic()
            outcome = fetch(url)
            with self.lock:
                self.results.append((kind, time.monotonic() - started, outcome))


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            while response.read(65536):
                pass
            return str(response.status)
    except urllib.error.HTTPError as error:
        return str(error.code)
    except Exception as error:  # refused, reset, timed out: an error like a 5xx
        return type(error).__name__


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(title: str, results, elapsed: float) -> dict:
    print(f"\n{title}: {len(results)} requests in {elapsed:.1f} s = {len(results) / elapsed:.1f} requests/s")
    print(f"{'kind':<11}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    summary = {}
    for kind in [*MIX, "all"]:
        rows = [(s, o) for k, s, o in results if kind in ("all", k)]
        if not rows:
            continue
        times = [s * 1000 for s, _ in rows]
        errors = [o for _, o in rows if o != "200"]
        summary[kind] = {"n": len(rows), "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
                         "p99": percentile(times, 0.99), "errors": len(errors)}
        print(f"{kind:<11}{len(rows):>6}{summary[kind]['p50']:>9.0f}{summary[kind]['p95']:>9.0f}"
              f"{summary[kind]['p99']:>9.0f}{len(errors):>8}" + (f"  {sorted(set(errors))}" if errors else ""))
    summary["requests_per_second"] = len(results) / elapsed
    return summary


def stories_to_import(count: int, folder: Path) -> Path:
    """`count` lines of all.jsonl as new stories: other identifiers, one more paragraph."""
    path = folder / "load_import.jsonl"
    with open(CORPUS, encoding="utf-8") as corpus, open(path, "w", encoding="utf-8") as out:
        for number, line in zip(range(count), corpus, strict=False):
            record = json.loads(line)
            record.update(source=IMPORT_SOURCE, id=f"load-{number}", source_id=f"load-{number}")
            record["body"] = record.get("body", "") + f"\n\n(Load bench copy {number}.)"
            out.write(json.dumps(record) + "\n")
    return path


def delete_imported(env: dict[str, str]) -> None:
    manage(env, "shell", "-v0", "-c", "from archive.models import Article, Source; "
           f"Article.objects.filter(source__name={IMPORT_SOURCE!r}).delete(); "
           f"Source.objects.filter(name={IMPORT_SOURCE!r}).delete()", check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--with-import", action="store_true", help="Import 5,000 new stories meanwhile.")
    parser.add_argument("--replica", metavar="URL", help="Read the public pages from this streaming replica.")
    parser.add_argument("--keep-replica", action="store_true", help="With --replica: do not stop it mid-run.")
    args = parser.parse_args()
    database = os.environ.get("DATABASE_URL")
    if not database:
        parser.error("set DATABASE_URL to the database holding the corpus")
    env = app_env(database, **({"DATABASE_REPLICA_URLS": args.replica, "REPLICA_CHECK_SECONDS": "1"}
                                 if args.replica else {}))  # fmt: skip
    manage(env, "migrate", "--noinput", "-v0", check=True)
    manage(env, "collectstatic", "--noinput", "-v0", check=True)
    ids = sample_ids(env)
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')}, commit {git_head()}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}; {len(ids['articles'])} articles and {len(ids['people'])} people sampled; "
          f"gunicorn {args.workers} workers; {args.clients} clients for {args.seconds:.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as folder, Gunicorn(env, workers=args.workers,
                                                           log=Path(folder) / "gunicorn.log") as server:
        Load(server.base, ids, clients=4, seconds=10, max_requests=200, seed=99).run()  # warm up
        importing = None
        if args.with_import:
            wire = stories_to_import(5000, Path(folder))
            importing = subprocess.Popen([str(VENV_BIN / "python"), "manage.py", "import_documents", str(wire)],
                                         cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         text=True)
            import_started = time.monotonic()
        load = Load(server.base, ids, clients=args.clients, seconds=args.seconds, max_requests=args.max_requests)
        imported = {}
        if importing:  # measure while the import runs only: the load stops when it ends
            def watch_import():
                imported["output"], _ = importing.communicate()
                imported["seconds"] = time.monotonic() - import_started
                load.deadline = min(load.deadline, time.monotonic())

            watcher = threading.Thread(target=watch_import, daemon=True)
            watcher.start()
        outage = []
        if args.replica and not args.keep_replica:
            threading.Thread(target=replica_outage, args=(server.base, args.seconds, outage), daemon=True).start()
        elapsed = load.run()
        for line in outage:
            print(line)
        summary = report("while importing 5,000 stories" if importing else "load", load.results, elapsed)
        if importing:
            watcher.join()
            print(f"import: exit {importing.returncode} after {imported['seconds']:.0f} s "
                  f"(measurement: {elapsed:.0f} s): {imported['output'].strip().splitlines()[-1]}")
            delete_imported(env)
        log = (Path(folder) / "gunicorn.log").read_text()
        print(f"gunicorn log: {log.count('Traceback')} tracebacks, {log.count('WORKER TIMEOUT')} worker timeouts")
    print(json.dumps({kind: {k: round(v, 1) for k, v in row.items()} if isinstance(row, dict) else round(row, 1)
                      for kind, row in summary.items()}))
    return 1 if summary["all"]["errors"] else 0


def replica_outage(base: str, seconds: float, log: list[str]) -> None:
    """Stop the replica (bash .ci/replica stop) for the middle third of the run, then start it."""

    def reads_from() -> str:
        with urllib.request.urlopen(base + "/health/", timeout=30) as response:  # noqa: S310 (loopback)
            return json.loads(response.read())["reads_from"]

    def replica(*action: str) -> None:
        subprocess.run(["bash", str(PROJECT_DIR / ".ci" / "replica"), *action], check=True, capture_output=True)

    started = time.monotonic()
    time.sleep(seconds / 3)
    log.append(f"{time.monotonic() - started:5.1f} s: reads from {reads_from()}; stopping the replica")
    replica("stop")
    time.sleep(seconds / 3)
    log.append(f"{time.monotonic() - started:5.1f} s: reads from {reads_from()}; starting the replica")
    replica()
    while reads_from() == "primary" and time.monotonic() - started < seconds:
        time.sleep(0.5)
    log.append(f"{time.monotonic() - started:5.1f} s: reads from {reads_from()}")


def git_head() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_DIR, capture_output=True, text=True)
    return result.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
