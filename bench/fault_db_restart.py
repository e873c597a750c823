"""PostgreSQL restarted under a running server: pages answer 503 during the outage and 200 again
afterwards, with no restart of the app.

    .venv/bin/python -m bench.fault_db_restart                 # pg_ctlcluster ... restart
    .venv/bin/python -m bench.fault_db_restart --outage 3      # stop, 3 s down, start

It creates a throwaway database (fault_db_restart), migrates it and imports the seeds, starts
gunicorn (2 workers, persistent connections: CONN_MAX_AGE=60), requests pages from 2 clients in
a loop, restarts THIS MACHINE'S PostgreSQL cluster (every database on it: keep the outage short,
other people's tests may be using it), then reports status codes over time and exits non-zero if
a request got anything but 200 or 503, if the last seconds are not all 200, or if a gunicorn
worker was replaced. The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from archive.devtools.processes import manage
from archive.devtools.server import Gunicorn, app_env, create_database, drop_database

DATABASE = "fault_db_restart"
CLUSTER = ["15", "main"]
PAGES = ["/", "/statements/", "/?q=talks", "/articles/{article}/"]


def restart_postgres(outage: float) -> None:
    control = ["pg_ctlcluster", "--skip-systemctl-redirect", *CLUSTER]
    if outage <= 0:
        subprocess.run([*control, "restart"], check=True)
        return
    subprocess.run([*control, "stop", "-m", "fast"], check=True)
    time.sleep(outage)
    subprocess.run([*control, "start"], check=True)


class Prober:
    """Clients requesting pages in a loop, each answer recorded as (seconds since start, status)."""

    def __init__(self, base: str, pages: list[str], clients: int = 2):
        self.base, self.pages, self.clients = base, pages, clients
        self.results: list[tuple[float, int | str, str]] = []
        self.stop = threading.Event()
        self.started = time.monotonic()

    def run(self) -> None:
        threads = [threading.Thread(target=self._loop, args=(n,)) for n in range(self.clients)]
        for thread in threads:
            thread.start()
        self.threads = threads

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def _loop(self, number: int) -> None:
        count = number
        while not self.stop.is_set():
            page = self.pages[count % len(self.pages)]
            count += 1
            status, retry_after = self._get(page)
            self.results.append((time.monotonic() - self.started, status, retry_after))
            time.sleep(0.05)

    def _get(self, page: str) -> tuple[int | str, str]:
        try:
            with urllib.request.urlopen(self.base + page, timeout=10) as response:
                response.read()
                return response.status, ""
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Retry-After", "")
        except Exception as error:  # a refused or cut connection is an answer too
            return type(error).__name__, ""


def timeline(results, step: float = 0.5) -> list[str]:
    buckets: dict[int, Counter] = {}
    for at, status, _ in results:
        buckets.setdefault(int(at / step), Counter())[status] += 1
    return [
        f"{index * step:6.1f}s  " + "  ".join(f"{status}×{n}" for status, n in sorted(counts.items(), key=str))
        for index, counts in sorted(buckets.items())
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outage", type=float, default=0, help="Seconds stopped (default: a plain restart).")
    parser.add_argument("--before", type=float, default=3, help="Seconds of requests before the fault.")
    parser.add_argument("--after", type=float, default=8, help="Seconds of requests after the database is back.")
    args = parser.parse_args()

    create_database(DATABASE)
    env = app_env(DATABASE, CONN_MAX_AGE="60")
    try:
        manage(env, "migrate", "--noinput", "-v0", check=True)
        manage(env, "collectstatic", "--noinput", "-v0", check=True)
        manage(env, "import_documents", "-v0", check=True)
        article = manage(env, "shell", "-c", "from archive.models import Article; print(Article.objects.first().pk)",
                         check=True)
        pages = [page.format(article=article.stdout.split()[-1]) for page in PAGES]
        with (
            tempfile.TemporaryDirectory() as folder,
            Gunicorn(env, workers=2, log=Path(folder) / "gunicorn.log") as server,
        ):
            workers = server.worker_pids()
            prober = Prober(server.base, pages)
            prober.run()
            time.sleep(args.before)
            fault_start = time.monotonic() - prober.started
            print(f"{time.strftime('%H:%M:%S')} restarting PostgreSQL (cluster {' '.join(CLUSTER)})", flush=True)
            restart_postgres(args.outage)
            fault_end = time.monotonic() - prober.started
            time.sleep(args.after)
            prober.join()
            same_workers = server.worker_pids() == workers
            if not same_workers:
                print(f"a worker was replaced; gunicorn's log ends:\n{server.log_tail()}", flush=True)
        return report(prober.results, fault_start, fault_end, args.after, same_workers)
    finally:
        drop_database(DATABASE)


def report(results, fault_start: float, fault_end: float, after: float, same_workers: bool) -> int:
    print("\n".join(timeline(results)))
    statuses = Counter(status for _, status, _ in results)
    failed = [(at, status) for at, status, _ in results if status != 200]
    unexpected = {status for status in statuses if status not in (200, 503)}
    tail = [status for at, status, _ in results if at > fault_end + after - 3]
    retry_after = {value for _, status, value in results if status == 503}
    print(f"\nfault from {fault_start:.1f}s to {fault_end:.1f}s (the restart command's run)")
    print(f"requests: {len(results)}; by status: {dict(statuses)}")
    if failed:
        print(f"non-200 answers from {failed[0][0]:.1f}s to {failed[-1][0]:.1f}s "
              f"(back {failed[-1][0] - fault_end:+.1f}s after the restart command returned)")
    print(f"503s carried Retry-After: {sorted(retry_after) or '-'}")
    print(f"gunicorn workers unchanged (no restart of the app): {same_workers}")
    print(f"last 3 s all 200: {bool(tail) and all(status == 200 for status in tail)}")
    ok = not unexpected and same_workers and bool(tail) and all(status == 200 for status in tail)
    print("PASS" if ok else f"FAIL (unexpected statuses: {sorted(unexpected, key=str)})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
