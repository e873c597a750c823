"""Import rate as the database grows: N new stories imported into a database that already holds a
corpus (e.g. 10x Reuters made by `make_big_corpus --replicate`), the rate printed per step.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/imp_big10 .venv/bin/python -m bench.import_growth \
        --stories 30000 [--step 10000] [--copy-of imp_big10] [--keep]
    ... -m bench.import_growth --target 1000000      # the issue's run: 1M stories, rate per 100,000

The stories are all.jsonl's lines again and again with new identifiers (source "Import growth
bench", id "g<copy>-<line>"), their dates moved by `copy` years and a last paragraph naming the copy,
so that every one is a new article with its own fingerprint (as bench/load.py --with-import makes
them). They are written as files of at most 10,000 stories each (under the importer's 50 MB limit)
and imported by ONE `manage.py import_documents FOLDER` process, as a librarian would, so that the
rate is the sustained one: extraction workers, batches of 200, one transaction each.

Measured from outside: the run's `stories_done` (ImportRun, updated once a batch) is read every
second, and the time each multiple of --step is passed is printed with its rate, the load average
and the resident memory (VmRSS) of the importer and of its largest extraction worker; at the end
the overall rate and the peaks. The largest process is the figure the issue bounds (< 300 MB):
the importer and each worker are separate processes.

--copy-of DB first makes the measured database as a copy of DB (CREATE DATABASE ... TEMPLATE; DB
must have no connections) and drops it afterwards, so that A/B runs start from the same state;
without it the stories are imported into DATABASE_URL and deleted afterwards (unless --keep).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT.parent / "shared"))
CORPUS = SHARED / "corpus" / "reuters21578" / "all.jsonl"
SOURCE = "Import growth bench"
PER_FILE = 10_000


def write_stories(count: int, folder: Path, corpus: Path = CORPUS) -> int:
    """`count` new stories in files of PER_FILE: copy k of all.jsonl's lines, dates k years later."""
    lines = [line for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()]
    written, out = 0, None
    try:
        while written < count:
            copy, number = divmod(written, len(lines))
            if written % PER_FILE == 0:
                if out:
                    out.close()
                out = open(folder / f"growth-{written // PER_FILE:04d}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
            record = json.loads(lines[number])
            record.update(source=SOURCE, id=f"g{copy}-{number}", source_id=f"g{copy}-{number}")
            date = record.get("date")
            if date and copy:
                year = int(date[:4]) + copy
                rest = date[4:].replace("-02-29", "-02-28")
                record["date"] = f"{year:04d}{rest}"
            record["body"] = record.get("body", "") + f"\n\n(Import growth bench copy {copy}.)"
            out.write(json.dumps(record) + "\n")
            written += 1
    finally:
        if out:
            out.close()
    return written


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(sql)


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as file:
            return [int(child) for child in file.read().split()]
    except OSError:
        return []


class Watcher(threading.Thread):
    """Every second: the run's stories_done, the importer's and its workers' memory, and the CPU
    time used so far by the importer and its workers (Python) and by the importer's PostgreSQL
    backend (the database server on this machine): CPU seconds per 1,000 stories are the figure
    that a shared machine's load changes least, so A/B runs compare them besides the rate."""

    def __init__(self, url: str, pid: int, step: int, started: float, folder: str):
        super().__init__(daemon=True)
        self.url, self.pid, self.step, self.started = url, pid, step, started
        self.folder = folder  # the run's inputs: this run's own temporary folder
        self.stop = threading.Event()
        self.peak_importer = self.peak_worker = 0
        self.marks: list[tuple[int, float]] = [(0, started)]
        self.done = 0
        self.cpu: dict[tuple[str, int], float] = {}  # ("python" | "postgres", pid) -> CPU seconds
        self.cpu_marks: list[tuple[float, float]] = [(0.0, 0.0)]

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            run_id = None
            while not self.stop.wait(1.0):
                self.peak_importer = max(self.peak_importer, rss_kb(self.pid))
                workers = [rss_kb(child) for child in children(self.pid)]
                self.peak_worker = max([self.peak_worker, *workers])
                for pid in [self.pid, *children(self.pid)]:
                    self.cpu[("python", pid)] = max(self.cpu.get(("python", pid), 0.0), cpu_seconds(pid))
                for (pid,) in connection.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND backend_type = 'client backend'"
                ).fetchall():
                    self.cpu[("postgres", pid)] = max(self.cpu.get(("postgres", pid), 0.0), cpu_seconds(pid))
                if run_id is None:
                    query = "SELECT max(id) FROM archive_importrun WHERE inputs = %s"
                    row = connection.execute(query, [self.folder]).fetchone()
                    run_id = row[0] if row else None
                    if run_id is None:
                        continue
                done = connection.execute("SELECT stories_done FROM archive_importrun WHERE id = %s",
                                          [run_id]).fetchone()[0] or 0  # fmt: skip
                now = time.monotonic()
                while done >= (len(self.marks)) * self.step:
                    self.report(len(self.marks) * self.step, now)
                self.done = done

    def cpu_of(self, kind: str) -> float:
        return sum(seconds for (which, _), seconds in self.cpu.items() if which == kind)

    def report(self, mark: int, now: float) -> None:
        previous, at = self.marks[-1]
        self.marks.append((mark, now))
        python, postgres = self.cpu_of("python"), self.cpu_of("postgres")
        was_python, was_postgres = self.cpu_marks[-1]
        self.cpu_marks.append((python, postgres))
        per = 1000 / (mark - previous)
        print(
            f"{mark:>9,} {now - self.started:>8.0f} s {(mark - previous) / (now - at):>8.0f}/s "
            f"{os.getloadavg()[0]:>6.1f} {self.peak_importer / 1024:>9.0f} {self.peak_worker / 1024:>9.0f} "
            f"{(python - was_python) * per:>8.1f} {(postgres - was_postgres) * per:>8.1f}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=30_000, help="new stories to import (default 30,000)")
    parser.add_argument("--target", type=int, help="the issue's run: this many stories, rate per 100,000")
    parser.add_argument("--step", type=int, help="print the rate per this many stories (default 10,000)")
    parser.add_argument("--copy-of", metavar="DB", help="measure on a copy of this database, dropped afterwards")
    parser.add_argument("--keep", action="store_true", help="keep the imported stories")
    parser.add_argument("--workers", type=int, help="extraction workers (import_documents --workers)")
    args = parser.parse_args()
    stories = args.target or args.stories
    step = args.step or (100_000 if args.target else 10_000)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        parser.error("set DATABASE_URL to the PostgreSQL database (or the name of the copy, with --copy-of)")
    if args.copy_of:
        name = urlsplit(url).path.lstrip("/")
        admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        copying = time.monotonic()
        admin(url, f"CREATE DATABASE {name} TEMPLATE {args.copy_of} STRATEGY FILE_COPY")
        print(f"{name}: a copy of {args.copy_of} in {time.monotonic() - copying:.0f} s", flush=True)
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only")}
    env.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="import-growth-"))
    try:
        import psycopg

        with psycopg.connect(url) as connection:
            before = connection.execute("SELECT count(*) FROM archive_article").fetchone()[0]
        with tempfile.TemporaryDirectory(prefix="growth-") as folder:
            written = write_stories(stories, Path(folder))
            command = [sys.executable, "manage.py", "import_documents", folder]
            if args.workers:
                command += ["--workers", str(args.workers)]
            print(
                f"{time.strftime('%Y-%m-%d %H:%M:%S')}: {written:,} new stories into {before:,} articles; "
                f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            print(
                f"{'stories':>9} {'elapsed':>10} {'rate':>10} {'load':>6} {'importer':>9} {'worker':>9} "
                f"{'py CPU':>8} {'pg CPU':>8}  (MB; CPU seconds per 1,000 stories)"
            )
            started = time.monotonic()
            process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)  # fmt: skip
            watcher = Watcher(url, process.pid, step, started, folder)
            watcher.start()
            output, _ = process.communicate()
            ended = time.monotonic()
            watcher.stop.set()
            watcher.join()
        if process.returncode:
            print(output[-3000:])
            return 1
        last = output.strip().splitlines()[-1]
        print(
            f"all: {written:,} stories in {ended - started:.0f} s, {written / (ended - started):.0f}/s "
            f"(with start-up and the final ANALYZE); load average {os.getloadavg()[0]:.1f}; peak MB: importer "
            f"{watcher.peak_importer / 1024:.0f}, largest worker {watcher.peak_worker / 1024:.0f}; CPU seconds "
            f"per 1,000 stories: Python (importer and workers) {watcher.cpu_of('python') * 1000 / written:.1f}, "
            f"PostgreSQL {watcher.cpu_of('postgres') * 1000 / written:.1f}"
        )
        print(f"import_documents: {last}")
    finally:
        if args.copy_of:
            admin(url, f"DROP DATABASE IF EXISTS {urlsplit(url).path.lstrip('/')} WITH (FORCE)")
        elif not args.keep:
            script = (f"from archive.models import Article, Source; "
                      f"Article.objects.filter(source__name={SOURCE!r}).delete(); "
                      f"Source.objects.filter(name={SOURCE!r}).delete()")  # fmt: skip
            command = [sys.executable, "manage.py", "shell", "-v0", "-c", script]
            subprocess.run(command, cwd=PROJECT, env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
