"""Language detection on short news texts (issue 19, item 5): the importer's own detect_language
(archive/importing/language.py) on tests/data/languages/short_news.tsv, 216 headlines and
one-sentence leads of 25-130 characters in 8 languages written for it.

    .venv/bin/python -m bench.language_short          # share right, per part and language
    .venv/bin/python -m bench.language_short -v       # and every miss (of the dev part only)

The set was split before anything was tuned: the odd texts of each language are 'dev', the even
ones 'test'. A text the detector leaves unknown ("": too short or unsure) counts as wrong.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from archive.importing.language import detect_language, load

SET_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "languages" / "short_news.tsv"
TARGET = 0.95


def load_set(path: Path = SET_FILE) -> list[tuple[str, str, str]]:
    """(part, language, text) of every line of the set."""
    seen: dict[str, int] = {}
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, text = line.split("\t", 1)
        seen[language] = seen.get(language, 0) + 1
        rows.append(("dev" if seen[language] % 2 else "test", language, text))
    return rows


def measure(rows, verbose_part: str | None = None) -> dict[str, dict[str, list[int]]]:
    """{part: {language: [right, total]}}; prints the misses of `verbose_part`."""
    found: dict[str, dict[str, list[int]]] = {}
    for part, language, text in rows:
        got = detect_language(text)
        tally = found.setdefault(part, {}).setdefault(language, [0, 0])
        tally[0] += got == language
        tally[1] += 1
        if verbose_part == part and got != language:
            print(f"  {part} {language} -> {got or '(unknown)'}: {text}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print the dev part's misses")
    args = parser.parse_args(argv)
    load()
    rows = load_set()
    started = time.perf_counter()
    found = measure(rows, "dev" if args.verbose else None)
    per_text_ms = (time.perf_counter() - started) * 1000 / len(rows)
    languages = sorted({language for _, language, _ in rows})
    print(f"{'part':<6}{'all':>8}" + "".join(f"{lang:>7}" for lang in languages))
    for part in ("dev", "test"):
        right = sum(t[0] for t in found[part].values())
        total = sum(t[1] for t in found[part].values())
        cells = "".join(f"{found[part][lang][0] / found[part][lang][1]:>7.2f}" for lang in languages)
        print(f"{part:<6}{right / total:>8.3f}{cells}   ({right}/{total}; target ≥ {TARGET:.2f})")
    lengths = [len(text) for _, _, text in rows]
    print(f"{len(rows)} texts, median {statistics.median(lengths):.0f} characters; {per_text_ms:.2f} ms a text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
