"""Imports under faults, at a larger scale than the tests (tests/test_import_faults.py):

    .venv/bin/python -m bench.fault_imports                       # SQLite files in /tmp
    .venv/bin/python -m bench.fault_imports --postgres            # databases on 127.0.0.1:5432

  kill        an import of 5,000 made-up stories (extraction in 2 worker processes) killed with
              SIGKILL after 1, 5 and 15 batches, then run again: compared with a clean import
  concurrent  3 imports at once of overlapping files in shuffled orders, 3 times: no duplicate,
              every run finished with no failure
  full disk   (SQLite, root) the database on a 3 MB tmpfs: a clear error, whole batches only,
              then moved to a real disk and run again: equal to a clean import
  read-only   (PostgreSQL) default_transaction_read_only on the database: a clear error, nothing
  cut off     (PostgreSQL) the importer's connection terminated half-way: a clear error, then
              run again: equal to a clean import

Prints one line per check and exits non-zero if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive.devtools.processes import PROJECT_DIR, environment, manage, wait_until
from archive.devtools.scratch import ScratchDatabases, query, snapshot
from archive.devtools.stories import write_stories

STORIES = 5000
BATCH_SIZE = 200  # archive.importing.preparing's
results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, ok, detail))
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


def import_process(url: str, *paths: Path) -> subprocess.Popen:
    """import_documents as run by hand: extraction in worker processes (the default). Its
    messages go to a file: a pipe would stay open as long as any worker lived."""
    errors = tempfile.TemporaryFile("w+")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_documents", *map(str, paths)], cwd=PROJECT_DIR,
        env=environment(url), stdout=subprocess.DEVNULL, stderr=errors, text=True,
    )
    process.errors = errors
    return process


def finish(process: subprocess.Popen) -> str:
    """Wait for the process; its messages."""
    process.wait()
    process.errors.seek(0)
    return process.errors.read()


def counts(url: str) -> tuple[int, list[tuple]]:
    articles = query(url, "SELECT count(*) FROM archive_article")[0][0]
    runs = query(url, "SELECT status, created, unchanged, duplicates, failed FROM archive_importrun ORDER BY id")
    return articles, runs


def created_so_far(url: str) -> int:
    return query(url, "SELECT coalesce(max(created), 0) FROM archive_importrun")[0][0]


def kill_checks(databases: ScratchDatabases, wire: Path, clean: dict) -> None:
    for batches in (1, 5, 15):
        url = databases.new(f"kill_{batches}")
        importing = import_process(url, wire)
        enough = batches * BATCH_SIZE
        wait_until(lambda url=url, enough=enough: created_so_far(url) >= enough, importing, timeout=600)
        importing.send_signal(signal.SIGKILL)
        finish(importing)
        kept, _ = counts(url)
        again = manage(url, "import_documents", str(wire))
        articles, runs = counts(url)
        whole = kept % BATCH_SIZE == 0
        same = again.returncode == 0 and snapshot(url) == clean
        check(f"SIGKILL after {batches} batches", whole and same and runs[0][0] == "interrupted",
              f"{kept} articles kept (whole batches: {whole}); run again: {runs[1]}; "
              f"first run now {runs[0][0]!r}; equal to a clean import: {same}")


def concurrent_checks(databases: ScratchDatabases, folder: Path) -> None:
    for trial in range(3):
        url = databases.new(f"concurrent_{trial}")
        files = []
        for part in range(3):
            numbers = list(range(part * 700, part * 700 + 1500))
            random.Random(trial * 10 + part).shuffle(numbers)
            files.append(write_stories(folder / f"part{part}.jsonl", numbers))
        started = time.monotonic()
        processes = [import_process(url, path) for path in files]
        for process in processes:
            finish(process)
        articles, runs = counts(url)
        ok = articles == 2900 and all(run[0] == "finished" and run[4] == 0 for run in runs)
        check(f"3 overlapping imports at once, trial {trial + 1}", ok,
              f"{articles} articles (2,900 distinct stories); runs (status, created, unchanged, duplicates, failed): "
              f"{runs}; {time.monotonic() - started:.1f} s")


def full_disk_check(databases: ScratchDatabases, wire: Path, clean: dict) -> None:
    if os.geteuid() != 0:
        check("full disk", True, "skipped: mounting a tmpfs needs root")
        return
    tiny = Path(tempfile.mkdtemp(prefix="tiny_disk_"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(tiny)], check=True)
    try:
        url = databases.new("full_disk")
        path = Path(url.split(":///", 1)[1])
        shutil.copyfile(path, tiny / path.name)
        on_tiny = f"sqlite:///{tiny / path.name}"
        full = manage(on_tiny, "import_documents", str(wire))
        kept, _ = counts(on_tiny)
        for suffix in ("", "-wal", "-shm"):  # move it to a disk with room, as an operator would
            if (tiny / (path.name + suffix)).exists():
                shutil.copyfile(tiny / (path.name + suffix), str(path) + suffix)
        again = manage(url, "import_documents", str(wire))
        message = full.stderr.strip().splitlines()[-1][:160] if full.stderr.strip() else "(nothing)"
        same = again.returncode == 0 and snapshot(url) == clean
        check("full disk (SQLite on a 3 MB tmpfs)",
              full.returncode == 1 and "Traceback" not in full.stderr and kept % BATCH_SIZE == 0 and same,
              f"exit {full.returncode}, {message!r}; {kept} articles kept; run again on a disk with room: "
              f"equal to a clean import: {same}")
    finally:
        subprocess.run(["umount", str(tiny)], check=False)
        tiny.rmdir()


def read_only_check(databases: ScratchDatabases, wire: Path) -> None:
    url = databases.new("read_only")
    query(f"{databases.server}/postgres",
          f'ALTER DATABASE "{url.rsplit("/", 1)[1]}" SET default_transaction_read_only = on')
    refused = manage(url, "import_documents", str(wire))
    articles, runs = counts(url)
    message = refused.stderr.strip().splitlines()[-1][:160]
    check("read-only database (PostgreSQL)", refused.returncode == 1 and articles == 0 and not runs,
          f"exit {refused.returncode}, {message!r}; {articles} articles, {len(runs)} runs")


def cut_off_check(databases: ScratchDatabases, wire: Path, clean: dict) -> None:
    url = databases.new("cut_off")
    name = url.rsplit("/", 1)[1]
    importing = import_process(url, wire)
    wait_until(lambda: created_so_far(url) >= 3 * BATCH_SIZE, importing, timeout=600)
    query(f"{databases.server}/postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
    errors = finish(importing)
    kept, _ = counts(url)
    again = manage(url, "import_documents", str(wire))
    _, runs = counts(url)
    same = again.returncode == 0 and snapshot(url) == clean
    message = errors.strip().splitlines()[-1][:160] if errors.strip() else "(nothing)"
    check("connection terminated half-way (PostgreSQL)",
          importing.returncode == 1 and "Traceback" not in errors and kept % BATCH_SIZE == 0 and same,
          f"exit {importing.returncode}, {message!r}; {kept} articles kept; first run now {runs[0][0]!r}; "
          f"run again: equal to a clean import: {same}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL on 127.0.0.1:5432 (user postgres).")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fault_imports_"))
    databases = ScratchDatabases(folder, "postgres://postgres@127.0.0.1:5432" if args.postgres else None)
    try:
        wire = write_stories(folder / "wire.jsonl", range(STORIES))
        clean_url = databases.new("clean")
        started = time.monotonic()
        manage(clean_url, "import_documents", str(wire), check=True)
        print(f"clean import of {STORIES} stories: {time.monotonic() - started:.1f} s", flush=True)
        clean = snapshot(clean_url)
        kill_checks(databases, wire, clean)
        concurrent_checks(databases, folder)
        if args.postgres:
            read_only_check(databases, wire)
            cut_off_check(databases, wire, clean)
        else:
            full_disk_check(databases, wire, clean)
    finally:
        databases.close()
        shutil.rmtree(folder, ignore_errors=True)
    failed = [name for name, ok, _ in results if not ok]
    print(json.dumps({"checks": len(results), "failed": failed}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
