"""Uploads and files bounded in memory and time (issue 15, item 3): archive members unpacked to
unnamed temporary files and streamed, nested archives counted toward the archive limit across
levels (a nested zip bomb refused before anything is read), no temporary file left behind, stale
ones removed when the next import starts, stories too big to extract refused with a clear reason."""

from __future__ import annotations

import io
import json
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from archive.importing.files import SPOOL_BYTES, InputFile, iter_inputs, iter_uploads, remove_stale_temporary_files
from archive.importing.pipeline import Importer
from archive.importing.readers import read_input
from archive.importing.records import RawDocument, ReadProblem
from archive.models import Article, ImportOutcome

MIB = 1024 * 1024
STORY = " date 2024-01-02 \n\nTALKS OPEN\n\nGENEVA - Talks opened on {n}, officials said.\n"


def zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def nested_bomb() -> bytes:
    """30 zips of one 45 MiB text each, in one zip of 1-2 MB: 1.35 GiB unpacked."""
    inner = zip_bytes({"story.txt": b"a" * (45 * MIB)})
    return zip_bytes({f"part{n:02}.zip": inner for n in range(30)}, zipfile.ZIP_STORED)


def test_a_nested_zip_bomb_is_refused_before_anything_in_it_is_read(tmp_path, nested_bomb):
    assert 1 * MIB < len(nested_bomb) < 2 * MIB
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(nested_bomb)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        items = list(iter_inputs([str(bomb)], max_file_bytes=50 * MIB, max_archive_bytes=1024 * MIB,
                                 tmp_dir=str(tmp_path)))  # fmt: skip
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 10 * MIB  # the inner zips' directories were read, not their 45 MiB members
    assert [type(item) for item in items] == [ReadProblem]
    reason = items[0].reason
    assert reason.startswith(f"{bomb}: refused: unpacks to more than the archive limit of 1,073,741,824 bytes "
                             "(its members, archives inside it included, declare 1,0")  # fmt: skip
    assert reason.endswith(" bytes or more): nothing of it imported")


@pytest.mark.django_db
def test_a_nested_bomb_upload_leaves_the_archive_as_it_was(nested_bomb, settings, tmp_path):
    settings.IMPORT_TMP_DIR = tmp_path
    run = Importer(workers=1).import_uploads([("bomb.zip", nested_bomb)])
    assert Article.objects.count() == 0
    [failure] = run.outcomes.all()
    assert failure.result == ImportOutcome.Result.FAILED and "archives inside it included" in failure.message
    assert list(tmp_path.iterdir()) == []


def test_nested_archives_share_one_budget_across_levels(tmp_path):
    """Each level within the limit, together past it: stopped where the budget runs out."""
    level2 = zip_bytes({f"{n}.txt": (STORY.format(n=n) + "x" * 300_000).encode() for n in range(2)})
    level1 = zip_bytes({"a.zip": level2, "b.zip": level2})
    top = tmp_path / "top.zip"
    top.write_bytes(zip_bytes({"one.zip": level1, "two.zip": level1}))
    items = list(iter_inputs([str(top)], max_file_bytes=MIB, max_archive_bytes=2 * MIB, tmp_dir=str(tmp_path)))
    problems = [item for item in items if isinstance(item, ReadProblem)]
    assert [problem.location for problem in problems] == [str(top)]
    assert "archive limit of 2,097,152 bytes" in problems[0].reason
    assert not any(isinstance(item, InputFile) for item in items)  # 4 x 2 x 300 KB declared: refused first


def test_large_members_are_streamed_from_an_unnamed_temporary_file_never_whole_in_memory(tmp_path):
    lines = b"".join(json.dumps({"title": f"Talks {n}", "body": "GENEVA - Talks opened. " * 40}).encode() + b"\n"
                     for n in range(3000))  # fmt: skip
    assert len(lines) > 2.5 * MIB > SPOOL_BYTES
    batch = tmp_path / "batch.zip"
    batch.write_bytes(zip_bytes({"dump.jsonl": lines, "small.txt": STORY.format(n=1).encode()}))
    spill = tmp_path / "spill"
    tracemalloc.start()
    try:
        stories, seen_files = 0, []
        for item in iter_inputs([str(batch)], max_file_bytes=50 * MIB, max_archive_bytes=100 * MIB,
                                tmp_dir=str(spill)):  # fmt: skip
            seen_files.append(item.file)
            if item.name.endswith("dump.jsonl"):
                assert item.data is None and item.file is not None  # on disk
                assert list(spill.iterdir()) == []  # ... with no name there
            stories += sum(isinstance(result, RawDocument) for result in read_input(item))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stories == 3001
    assert peak < 1.5 * MIB, peak  # one 64 KB chunk and one record at a time, not 2.5 MiB
    assert seen_files[0].closed and seen_files[1] is None  # the member's file went with the next input


def test_a_member_file_is_closed_whatever_happens_to_the_reading(tmp_path):
    batch = tmp_path / "batch.zip"
    batch.write_bytes(zip_bytes({"big.jsonl": b'{"title": "A", "body": "B"}\n' * 100_000}))
    inputs = iter_inputs([str(batch)], tmp_dir=str(tmp_path / "spill"))
    item = next(inputs)
    assert item.file is not None and not item.file.closed
    inputs.close()  # the import stopped (an error, Ctrl-C) while the member was being read
    assert item.file.closed


def test_stale_temporary_files_are_removed_when_the_next_import_starts(tmp_path, settings, db):
    settings.IMPORT_TMP_DIR = tmp_path
    old = time.time() - settings.IMPORT_STALE_TMP_SECONDS - 60
    stale = [tmp_path / "archive-import-k1lled", tmp_path / "tmpab12cd.upload.txt"]
    fresh = tmp_path / "tmpzz99.upload.zip"  # an upload another worker is receiving now
    other = tmp_path / "notes.txt"  # not ours
    for path in (*stale, fresh, other):
        path.write_bytes(b"x" * 1000)
    for path in (*stale, other):
        os.utime(path, (old, old))
    story = tmp_path / "story.txt"
    story.write_text(STORY.format(n=1))
    Importer(workers=1).import_paths([str(story)])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt", "story.txt", "tmpzz99.upload.zip"]
    assert remove_stale_temporary_files(str(tmp_path / "missing")) == 0


@pytest.mark.django_db
def test_a_one_story_file_too_big_to_extract_is_refused_unread(tmp_path, settings):
    settings.IMPORT_MAX_PAGE_BYTES = 10_000
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("TALKS\n\n" + "GENEVA - Talks opened, officials said. " * 1000)
    small.write_text(STORY.format(n=2))
    run = Importer(workers=1).import_paths([str(big), str(small)])
    assert Article.objects.count() == 1
    failure = run.outcomes.get(result=ImportOutcome.Result.FAILED)
    assert failure.message == (f"{big}: refused: {big.stat().st_size:,} bytes is over the limit of 10,000 for one "
                               "text story (IMPORT_MAX_PAGE_BYTES)")  # fmt: skip


@pytest.mark.django_db
def test_a_story_too_long_to_extract_is_refused_and_the_others_imported(tmp_path, settings):
    settings.IMPORT_MAX_STORY_CHARS = 5_000
    dump = tmp_path / "dump.jsonl"
    records = [{"title": "Short", "body": "GENEVA - Talks opened, officials said."},
               {"title": "Long", "body": "GENEVA - Talks opened, officials said. " * 500}]  # fmt: skip
    dump.write_text("".join(json.dumps(record) + "\n" for record in records))
    run = Importer(workers=1).import_paths([str(dump)])
    assert list(Article.objects.values_list("title", flat=True)) == ["Short"]
    failure = run.outcomes.get(result=ImportOutcome.Result.FAILED)
    assert failure.message.startswith(f"{dump}:2: refused: a story of 19,")
    assert failure.message.endswith(" characters is over the limit of 5,000 (IMPORT_MAX_STORY_CHARS); split it into "
                                    "stories")  # fmt: skip


def test_uploads_of_archives_unpack_large_members_to_disk_too(tmp_path):
    data = zip_bytes({"dump.jsonl": b'{"title": "A", "body": "GENEVA - B."}\n' * 30_000})
    for item in iter_uploads([("up.zip", data)], tmp_dir=str(tmp_path)):
        assert item.size > SPOOL_BYTES and item.data is None and item.file is not None
        assert sum(isinstance(result, RawDocument) for result in read_input(item)) == 30_000


def test_the_temporary_folder_is_the_uploads_folder_too(settings):
    assert Path(settings.FILE_UPLOAD_TEMP_DIR) == Path(settings.IMPORT_TMP_DIR)


@pytest.mark.django_db(transaction=True)
def test_a_big_import_on_postgresql_ends_with_fresh_planner_statistics(tmp_path, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"title": f"Talks {n}", "body": f"GENEVA - Talks {n} opened, officials said."})
                            + "\n" for n in range(3)))  # fmt: skip
    monkeypatch.setattr(Importer, "ANALYZE_AFTER_STORIES", 3)
    with CaptureQueriesContext(connection) as small:
        Importer(workers=1, dry_run=True).import_paths([str(dump)])
    with CaptureQueriesContext(connection) as big:
        Importer(workers=1).import_paths([str(dump)])
    analyzed = [query["sql"] for query in big.captured_queries if query["sql"].startswith("ANALYZE")]
    assert not any(query["sql"].startswith("ANALYZE") for query in small.captured_queries)
    if connection.vendor != "postgresql":
        assert analyzed == []  # SQLite's planner is left as it is
        return
    assert len(analyzed) == 1
    kept = ("archive_article", "archive_statement", "archive_facetkeys", "archive_articlevectors")
    assert all(f'"{table}"' in analyzed[0] for table in kept)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'archive_article'")
        assert cursor.fetchone()[0] >= 3


def test_a_zip_bomb_inside_a_tar_is_refused_when_reached(tmp_path):
    import tarfile

    inner = zip_bytes({f"{n}.txt": b"a" * (2 * MIB) for n in range(4)})  # 8 MiB declared, a few KB
    top = tmp_path / "top.tar.gz"
    with tarfile.open(top, "w:gz") as archive:
        for name, data in (("a.txt", STORY.format(n=1).encode()), ("bomb.zip", inner)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    items = list(iter_inputs([str(top)], max_file_bytes=4 * MIB, max_archive_bytes=4 * MIB, tmp_dir=str(tmp_path)))
    assert [item.name for item in items if isinstance(item, InputFile)] == [f"{top}!a.txt"]
    [problem] = [item for item in items if isinstance(item, ReadProblem)]
    assert problem.reason == (f"{top}: refused: unpacks to more than the archive limit of 4,194,304 bytes (bomb.zip: "
                              "its members, archives inside it included, declare 4,194,304 bytes or more): stopped "
                              "there")  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_long_import_analyses_as_its_tables_grow(tmp_path, monkeypatch):
    """Not only at the end: each batch's lookups (input hashes, references, fingerprints) are
    planned on statistics taken as the tables grow, or they scan the whole table once a batch."""
    from archive.importing import preparing

    monkeypatch.setattr(preparing, "BATCH_SIZE", 2)
    monkeypatch.setattr(Importer, "ANALYZE_DURING_RUN", 2)
    monkeypatch.setattr(Importer, "ANALYZE_GROWTH", 2)
    analysed_at = []
    real = Importer._analyze
    monkeypatch.setattr(Importer, "_analyze", lambda self: analysed_at.append(self.run.created) or real(self))
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"title": f"Talks {n}", "body": f"GENEVA - Talks {n} opened, officials said."})
                            + "\n" for n in range(10)))  # fmt: skip
    Importer(workers=1).import_paths([str(dump)])
    assert analysed_at == [2, 4, 8, 10]  # at 2, then each time the run has doubled, then at its end
