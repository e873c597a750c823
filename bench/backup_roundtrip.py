"""A backup at scale: export_archive of a whole database, an empty database, import_documents of
the export, then the two compared record by record (archive/devtools/snapshot.py).

    .venv/bin/python -m bench.backup_roundtrip postgres://postgres@127.0.0.1:5432/load_bench
    .venv/bin/python -m bench.backup_roundtrip postgres://postgres@127.0.0.1:5432/load_bench --to-sqlite

The empty database is a throwaway one on the same PostgreSQL server, or an SQLite file with
--to-sqlite. Prints the timings and the number of articles, people and organisations that differ.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from archive.devtools.processes import manage
from archive.devtools.scratch import ScratchDatabases, snapshot


def timed(label: str, action):
    started = time.monotonic()
    result = action()
    print(f"{label}: {time.monotonic() - started:.1f} s", flush=True)
    return result


def differing(before, after) -> int:
    if isinstance(before, list):  # merged keys
        return len(set(map(tuple, before)) ^ set(map(tuple, after)))
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="DATABASE_URL of the archive to back up")
    parser.add_argument("--to-sqlite", action="store_true", help="Restore into an SQLite file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = None if args.to_sqlite else args.source.rsplit("/", 1)[0]
        databases = ScratchDatabases(Path(folder), server)
        try:
            backup = Path(folder) / "backup.jsonl"
            timed("export_archive", lambda: manage(args.source, "export_archive", "-o", str(backup), check=True))
            print(f"export: {backup.stat().st_size / 1e6:.0f} MB")
            target = databases.new("restored")
            restore = timed("import_documents into an empty database",
                            lambda: manage(target, "import_documents", str(backup),
                                           IMPORT_MAX_FILE_BYTES=str(backup.stat().st_size)))
            print(restore.stdout.strip().splitlines()[-1])
            print("\n".join(restore.stderr.strip().splitlines()[:5]))
            before, after = snapshot(args.source), snapshot(target)
        finally:
            databases.close()
    counts = {part: (len(before[part]), differing(before[part], after[part]))
              for part in ("articles", "people", "organisations", "tags", "merged")}
    for part, (total, wrong) in counts.items():
        print(f"{part}: {total} in the archive, {wrong} differ after the restore")
    return 1 if any(wrong for _, wrong in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
