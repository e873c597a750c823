"""Ten times the Reuters corpus, for measuring the search page at a larger scale.

Two ways, both shifting every copy's dates (copy k is k * year_step years later, so that the
copies span about four decades) and identifiers:

    .venv/bin/python -m bench.make_big_corpus --out /tmp/big.jsonl    (or --out FOLDER: a file per copy)
        writes all.jsonl ten times (190,430 lines): copy k has `id` and `source_id` + k * 1,000,000,
        its date k years later, and a last paragraph "(Copy k of the benchmark corpus.)" - the
        importer recognises a story by its text, and would skip identical copies as duplicates. Then
        `manage.py import_documents FOLDER` imports it for real: links, statements and entities by
        extraction (one file of 219 MB is over the importer's 50 MB limit: write a folder). On 2
        shared cores at a load average of 5-9: 28 minutes, 150 stories/s for the first 100,000 and
        90/s for the next 90,430 (114/s overall).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf_big .venv/bin/python -m bench.make_big_corpus --replicate
        copies an already imported corpus inside PostgreSQL (a few minutes): articles with their
        country, person and organisation links and statements, ids shifted by a multiple of the
        largest id, dates by k years, fingerprints and source identifiers made unique. The people,
        organisations and countries stay shared, as they would be over ten years of the same wire.
        Then VACUUM ANALYZE. Import all.jsonl into the empty database first (README), or copy one.

--copies N sets how many copies in all (default 10, the original included).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS = SHARED_DIR / "corpus" / "reuters21578" / "all.jsonl"
ID_STEP = 1_000_000


def shifted_date(date: str | None, years: int) -> str | None:
    """'1987-02-26T15:01:01.790' k years later (29 February becomes the 28th)."""
    if not date or years == 0:
        return date
    year, rest = int(date[:4]), date[4:]
    if rest.startswith("-02-29") and not _leap(year + years):
        rest = "-02-28" + rest[6:]
    return f"{year + years:04d}{rest}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def year_step(copies: int) -> int:
    """Years between copies: the copies together span about four decades (ten copies: 1987-2023),
    so that date facets and date filters see decades of years, not ten copies of one."""
    return max(1, 40 // max(1, copies - 1))


def write_jsonl(source: Path, out: Path, copies: int) -> int:
    """All the copies in `out`; or, when `out` is a folder, a file per copy (copy-00.jsonl, ...): the
    importer refuses files over IMPORT_MAX_FILE_BYTES (50 MB), and ten copies are 219 MB."""
    stories = [json.loads(line) for line in source.open(encoding="utf-8")]
    step = year_step(copies)
    written = 0
    for copy in range(copies):
        path = out / f"copy-{copy:02d}.jsonl" if out.is_dir() else out
        with path.open("w" if out.is_dir() or copy == 0 else "a", encoding="utf-8") as lines:
            for story in stories:
                if copy:
                    story = dict(story)
                    story["id"] = int(story["id"]) + copy * ID_STEP
                    story["source_id"] = str(int(story["source_id"]) + copy * ID_STEP)
                    story["date"] = shifted_date(story.get("date"), copy * step)
                    story["body"] = f"{story.get('body') or ''}\n\n(Copy {copy} of the benchmark corpus.)"
                lines.write(json.dumps(story, ensure_ascii=False) + "\n")
                written += 1
    return written


# Columns copied as they are; the others are computed per copy below. search_vector is generated.
ARTICLE_COLUMNS = [
    "source_id", "title", "date_flagged", "dateline", "body", "language", "url", "credits", "input_hash",
    "original_file", "import_run_id", "search_names", "corrected_fields", "created_at", "updated_at", "extracted_at",
]  # fmt: skip
LINKS = {
    "archive_articlecountry": ["country_id", "mentions", "in_dateline", "corrected"],
    "archive_articleperson": ["person_id", "mentions", "role", "corrected"],
    "archive_articleorganisation": ["organisation_id", "mentions", "corrected"],
    "archive_tagging": ["tag_id", "tagged_by_id", "tagged_at"],
}  # fmt: skip
# Statements keep their ids shifted too (by a step of their own), so that the countries they are
# about can be copied with them.
STATEMENT_COLUMNS = [
    "speaker_person_id", "speaker_organisation_id", "speaker_label", "kind", "text", "paragraph", "start", "end",
    "verb", "corrected", "speaker_role", "speaker_country_id",
]  # fmt: skip


def replicate(copies: int) -> None:
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        raise SystemExit("--replicate copies inside PostgreSQL: set DATABASE_URL=postgres://...")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), coalesce(max(id), 0) FROM archive_article")
        articles, largest = cursor.fetchone()
        if not articles:
            raise SystemExit("No articles to copy: import all.jsonl first.")
        step = 10 ** len(str(largest))  # ids of copy k: id + k * step, beyond every id there is
        cursor.execute("SELECT count(*) FROM archive_article WHERE id > %s", [step])
        if cursor.fetchone()[0]:
            raise SystemExit("This database already holds copies.")
        cursor.execute("SELECT coalesce(max(id), 0) FROM archive_statement")
        statement_step = 10 ** len(str(cursor.fetchone()[0]))
    from archive.search import facet_keys

    quoted = ", ".join(f'"{column}"' for column in ARTICLE_COLUMNS)
    for copy in range(1, copies):
        started = time.perf_counter()
        # deferred(): the facet keys of the copy refreshed once, not once per table written.
        with transaction.atomic(), facet_keys.deferred(), connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO archive_article (id, published_on, fingerprint, source_ref, {quoted})
                SELECT id + %(offset)s, (published_on + make_interval(years => %(years)s))::date,
                       encode(sha256(convert_to(fingerprint || ':' || %(copy)s, 'UTF8')), 'hex'),
                       CASE WHEN source_ref = '' THEN '' ELSE source_ref || '-' || %(copy)s END, {quoted}
                FROM archive_article WHERE id < %(step)s
                """,
                {"offset": copy * step, "copy": copy, "years": copy * year_step(copies), "step": step},
            )
            for table, columns in LINKS.items():
                names = ", ".join(f'"{column}"' for column in columns)
                cursor.execute(
                    f"INSERT INTO {table} (article_id, {names}) "
                    f"SELECT article_id + %(offset)s, {names} FROM {table} WHERE article_id < %(step)s",
                    {"offset": copy * step, "step": step},
                )
            names = ", ".join(f'"{column}"' for column in STATEMENT_COLUMNS)
            shift = {"offset": copy * step, "step": step, "s_offset": copy * statement_step, "s_step": statement_step}
            cursor.execute(
                f"INSERT INTO archive_statement (id, article_id, {names}) SELECT id + %(s_offset)s, "
                f"article_id + %(offset)s, {names} FROM archive_statement WHERE article_id < %(step)s",
                shift,
            )
            cursor.execute(
                "INSERT INTO archive_statementcountry (statement_id, country_id) "
                "SELECT statement_id + %(s_offset)s, country_id FROM archive_statementcountry "
                "WHERE statement_id < %(s_step)s",
                shift,
            )
        print(f"copy {copy}: {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        for table in ("archive_article", "archive_statement"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT count(*) FROM archive_article")
        print(f"{cursor.fetchone()[0]} articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10, help="Copies in all, the original included (default 10).")
    parser.add_argument("--out", type=Path, help="Write the JSON Lines file here.")
    parser.add_argument("--replicate", action="store_true", help="Copy an imported corpus inside PostgreSQL.")
    args = parser.parse_args()
    if args.replicate:
        replicate(args.copies)
    elif args.out:
        print(f"{write_jsonl(CORPUS, args.out, args.copies)} stories written to {args.out}")
    else:
        parser.error("give --out FILE, or --replicate with DATABASE_URL")


if __name__ == "__main__":
    main()
