"""Extraction's time on long realistic text (issue 12, bad input): thousands of Reuters stories of
all.jsonl joined into one text, as one paragraph and as many, cut at growing sizes; CPU milliseconds
per kilobyte at each size and the growth of the time from one size to the next (4x the text: linear
is about x4, quadratic x16).

    .venv/bin/python -m bench.extraction_long_text               # 40 KB, 160 KB, 640 KB, 2.5 MB
    .venv/bin/python -m bench.extraction_long_text 40000 160000  # other sizes, in characters

tests/test_extraction_bad_input.py asserts the bound on invented texts at 40 and 160 KB (a fresh clone
has no corpus); this reads the real one. Measured in session 12 on a 2-core host (ms/KB at 625 KB and
2.5 MB, growth between them): one paragraph 2.10, 7.90, x15.0 before the word indexes; 1.28, 1.90, x5.9
after; many paragraphs 2.81, 9.56, x13.6 before; 1.51, 1.69, x4.4 after.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

from archive.extraction import extract

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS = SHARED_DIR / "corpus" / "reuters21578" / "all.jsonl"
SIZES = (40_000, 160_000, 640_000, 2_560_000)
STORIES = 8_000  # enough text for the largest size


def cpu_seconds(text: str) -> float:
    gc.collect()
    start = time.process_time()
    extract(text)
    return time.process_time() - start


def main(argv: list[str]) -> int:
    sizes = [int(size) for size in argv] or list(SIZES)
    if not CORPUS.exists():
        print(f"needs {CORPUS} (set ARCHIVE_SHARED_DIR)")
        return 1
    bodies = []
    with open(CORPUS, encoding="utf-8") as lines:
        for line in lines:
            bodies.append(json.loads(line)["body"])
            if len(bodies) >= STORIES:
                break
    shapes = {
        "one paragraph": " ".join(body.replace("\n", " ") for body in bodies),
        "many paragraphs": "\n\n".join(bodies),
    }
    for shape, text in shapes.items():
        previous = None
        for size in sizes:
            seconds = cpu_seconds(text[:size])
            per_kb = seconds * 1000 / (size / 1024)
            growth = f"  x{seconds / previous:.1f}" if previous else ""
            print(f"{shape:16} {size // 1024:5} KB {seconds:7.3f} s {per_kb:6.2f} ms/KB{growth}")
            previous = seconds
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
