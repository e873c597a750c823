"""Peak memory and time of importing big files (issue 15, item 3): a 45 MiB text file, a 45 MiB
JSON Lines dump, a 4 MiB zip of 12 zips of one 45 MiB text each (as the issue's nested zip) and a
10 MiB zip of 30 such zips (a nested bomb: 1.3 GiB, past the 1 GiB archive limit), each imported
by `manage.py import_documents --workers 1` and as an admin upload (`Importer.import_uploads`) in
a process of its own on a scratch SQLite database.

    .venv/bin/python -m bench.import_memory                          # this checkout
    .venv/bin/python -m bench.import_memory --project /tmp/before    # another checkout's code, same files

Prints, per file and way in, the peak resident memory of the process (ru_maxrss, extraction
workers included), the wall time, and the end of the import's summary (or "killed after N s":
each run is stopped after --timeout seconds, as gunicorn stops a request). The files are made
in a temporary folder from the Reuters corpus and removed at the end.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from archive.devtools.processes import PROJECT_DIR, environment

CORPUS = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared")) / "corpus/reuters21578/all.jsonl"
MIB = 1024 * 1024

UPLOAD = """
import sys, django
django.setup()
from archive.importing.pipeline import Importer
path = sys.argv[1]
with open(path, "rb") as handle:
    data = handle.read()  # what the admin's upload view hands over
run = Importer(origin="bench upload", workers=1).import_uploads([(path.rsplit("/", 1)[-1], data)])
print(f"import run #{run.pk}: {run.created} created, {run.failed} failed")
for outcome in run.outcomes.filter(result="failed")[:2]:
    print(outcome.message[:300])
"""


def corpus_text() -> str:
    bodies = []
    with open(CORPUS, encoding="utf-8") as lines:
        for line in lines:
            bodies.append(json.loads(line).get("body") or "")
            if len(bodies) == 2000:
                break
    return "\n\n".join(body for body in bodies if body)


def make_files(folder: Path) -> dict[str, Path]:
    text = corpus_text().encode()[:20_000]  # repeated within deflate's window: a 45 MiB story zips to ~100 KB
    story = b"TALKS IN GENEVA\n\n" + (text * (45 * MIB // len(text) + 1))[: 45 * MIB]
    files = {"text 45 MiB": folder / "big.txt"}
    files["text 45 MiB"].write_bytes(story)
    dump = folder / "big.jsonl"
    with open(dump, "w", encoding="utf-8") as out, open(CORPUS, encoding="utf-8") as lines:
        written = 0
        for number, line in enumerate(iter(lambda: lines.readline() or None, None)):
            record = json.loads(line)
            record["source_id"] = f"bench-{number}"
            out.write(json.dumps(record) + "\n")
            written += len(line)
            if written > 45 * MIB:
                break
            if number % 19_000 == 18_999:
                lines.seek(0)  # around again, new ids
    files["jsonl 45 MiB"] = dump

    def zip_of_zips(path: Path, count: int) -> Path:
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr("story.txt", story)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
            for number in range(count):
                archive.writestr(f"part{number:02}.zip", inner.getvalue())
        return path

    files["nested zip 12 x 45 MiB"] = zip_of_zips(folder / "nested.zip", 12)
    files["nested bomb 30 x 45 MiB"] = zip_of_zips(folder / "bomb.zip", 30)
    return files


def run(project: Path, url: str, path: Path, way: str, timeout: int) -> tuple[float, float, str]:
    """(peak MiB, seconds, last lines) of one import in a fresh child process."""
    env = environment(url, PYTHONPATH=str(project),
                      IMPORT_TMP_DIR=str(Path(url.split(":///", 1)[1]).parent / "tmp"))  # fmt: skip
    if way == "command":
        command = [sys.executable, "manage.py", "import_documents", "--workers", "1", str(path)]
    else:
        command = [sys.executable, "-c", UPLOAD, str(path)]
    wrapper = [sys.executable, "-c", WRAPPER, str(timeout), *command]
    started = time.perf_counter()
    done = subprocess.run(wrapper, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak, _, rest = done.stdout.partition("\n")
    tail = " | ".join(line for line in (rest + done.stderr).strip().splitlines()[-2:])
    return int(peak) / 1024, seconds, tail


# A child that runs the import as its own child, so ru_maxrss of its children is that import's alone
# (extraction workers included); killed after the timeout, as gunicorn kills a request.
WRAPPER = """
import resource, subprocess, sys
timeout = int(sys.argv[1])
process = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
try:
    out, _ = process.communicate(timeout=timeout)
except subprocess.TimeoutExpired:
    process.kill()
    out, _ = process.communicate()
    out += f"\\nkilled after {timeout} s"
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(out.strip()[-600:])
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=PROJECT_DIR, help="the checkout whose code runs")
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--only", default="", help="run only the files whose label contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-memory-") as folder:
        folder = Path(folder)
        files = make_files(folder)
        template = folder / "template.sqlite3"
        env = environment(f"sqlite:///{template}", PYTHONPATH=str(args.project))
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=args.project, env=env, check=True)
        print(f"code: {args.project}; load average {os.getloadavg()[0]:.2f}")
        for label, path in files.items():
            if args.only not in label:
                continue
            for way in ("command", "upload"):
                database = folder / f"{path.stem}-{way}.sqlite3"
                database.write_bytes(template.read_bytes())
                peak, seconds, tail = run(args.project, f"sqlite:///{database}", path, way, args.timeout)
                size = path.stat().st_size / MIB
                print(f"{label:24} ({size:5.1f} MiB) {way:8} peak {peak:7.0f} MiB  {seconds:6.1f} s  {tail[:200]}")
                database.unlink()
        left = list((folder / "tmp").glob("*")) if (folder / "tmp").exists() else []
        print(f"temporary files left in IMPORT_TMP_DIR: {len(left)}")
    print(f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
