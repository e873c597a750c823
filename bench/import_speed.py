"""Import speed: all of Reuters-21578 (all.jsonl, 19,043 stories) with full extraction into an
empty archive, then again (everything unchanged), on SQLite and on PostgreSQL.

    .venv/bin/python -m bench.import_speed [--runs 3] [--database sqlite|postgres|both] [--file F]

Each run: a fresh database, `migrate`, then `import_documents FILE` as a separate process, and the
database dropped (or its folder removed) afterwards. Prints stories per second (the command's own
timing, without Django's start-up) and the peak memory of the largest process (the importer, or one
of its extraction workers). Medians over the runs.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT.parent / "shared"))
CORPUS = SHARED / "corpus" / "reuters21578" / "all.jsonl"
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
PG_DATABASE = "archive_bench_import"
SUMMARY = re.compile(r"(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) duplicates, (\d+) failed "
                     r"\((\d+) files, (\d+) stories, ([\d.]+) s\)")

# Runs the command in a child process and reports the largest resident set of it and its workers.
MEASURE = """
import resource, subprocess, sys
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(result.stdout); sys.stderr.write(result.stderr)
print("PEAK_KB", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(result.returncode)
"""


def environment(database: str, data_dir: str) -> dict:
    env = {**os.environ, "SECRET_KEY": "bench-only", "DATA_DIR": data_dir}
    env.pop("DATABASE_URL", None)
    if database == "postgres":
        env["DATABASE_URL"] = f"{PG_SERVER}/{PG_DATABASE}"
    return env


def fresh_database(database: str, env: dict) -> None:
    if database == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {PG_DATABASE}")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=PROJECT, env=env, check=True)


def drop_database(database: str) -> None:
    if database == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def timed_import(path: Path, env: dict) -> dict:
    command = [sys.executable, "-c", MEASURE, sys.executable, "manage.py", "import_documents", str(path)]
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
    match = SUMMARY.search(result.stdout)
    if not match:
        raise SystemExit(f"import failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    created, updated, unchanged, duplicates, failed, files, stories, seconds = match.groups()
    peak = int(re.search(r"PEAK_KB (\d+)", result.stdout).group(1))
    return {
        "stories": int(stories),
        "created": int(created),
        "unchanged": int(unchanged),
        "duplicates": int(duplicates),
        "failed": int(failed),
        "rate": int(stories) / float(seconds),
        "peak_mb": peak / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--file", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.file.exists():
        raise SystemExit(f"{args.file} not found (set ARCHIVE_SHARED_DIR or pass --file)")
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    print(f"{'database':10} {'run':>3} {'stories':>8} {'created':>8} {'dups':>6} {'failed':>6} "
          f"{'first/s':>8} {'again/s':>8} {'peak MB':>8}")
    for database in databases:
        firsts, agains, peaks = [], [], []
        for run in range(1, args.runs + 1):
            with tempfile.TemporaryDirectory() as data_dir:
                env = environment(database, data_dir)
                try:
                    fresh_database(database, env)
                    first = timed_import(args.file, env)
                    again = timed_import(args.file, env)
                finally:
                    drop_database(database)
            firsts.append(first["rate"])
            agains.append(again["rate"])
            peaks.append(max(first["peak_mb"], again["peak_mb"]))
            print(f"{database:10} {run:>3} {first['stories']:>8} {first['created']:>8} {first['duplicates']:>6} "
                  f"{first['failed']:>6} {first['rate']:>8.0f} {again['rate']:>8.0f} {peaks[-1]:>8.0f}")
        print(f"{database:10} {'med':>3} {'':>8} {'':>8} {'':>6} {'':>6} {statistics.median(firsts):>8.0f} "
              f"{statistics.median(agains):>8.0f} {statistics.median(peaks):>8.0f}")
    print("targets: first import >= 500 stories/s, again >= 3000 stories/s, peak < 300 MB")


if __name__ == "__main__":
    main()
