"""Imports under faults, in real processes on a real database file or server: killed with
SIGKILL half-way, two at once on overlapping files, a full disk, a read-only database.

The stories are made up (archive/devtools/stories.py): every one has countries, people, an
organisation and statements, so that a half-written article would show."""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess

import pytest
from django.conf import settings
from django.db import OperationalError

from archive.devtools.processes import manage, start_import, wait_until
from archive.devtools.scratch import ScratchDatabases, query, server_of, snapshot
from archive.devtools.stories import write_stories
from archive.importing.preparing import BATCH_SIZE
from archive.models import Article, ImportRun

STORIES = 1500
pytestmark = pytest.mark.slow  # real processes, killed
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    scratch = ScratchDatabases(tmp_path_factory.mktemp("databases"), server_of(settings.DATABASES["default"]))
    yield scratch
    scratch.close()


@pytest.fixture(scope="module")
def wire(tmp_path_factory):
    return write_stories(tmp_path_factory.mktemp("files") / "wire.jsonl", range(STORIES))


@pytest.fixture(scope="module")
def clean_import(databases, wire):
    """What one uninterrupted import of the stories makes."""
    url = databases.new("clean")
    assert manage(url, "import_documents", "--workers", "1", str(wire)).returncode == 0
    return snapshot(url)


def shuffled(numbers, seed: int) -> list[int]:
    numbers = list(numbers)
    random.Random(seed).shuffle(numbers)
    return numbers


def articles(url: str) -> int:
    return query(url, "SELECT count(*) FROM archive_article")[0][0]


def runs(url: str) -> list[tuple]:
    return query(
        url, "SELECT status, created, updated, unchanged, duplicates, failed FROM archive_importrun ORDER BY id"
    )


def created_so_far(url: str) -> int:
    return query(url, "SELECT coalesce(max(created), 0) FROM archive_importrun")[0][0]


def test_an_import_killed_half_way_keeps_whole_batches_and_the_next_run_completes_it(databases, wire, clean_import):
    url = databases.new("killed")
    importing = start_import(url, wire)
    wait_until(lambda: created_so_far(url) >= 2 * BATCH_SIZE, importing)
    importing.send_signal(signal.SIGKILL)
    importing.communicate()
    kept = articles(url)
    assert 2 * BATCH_SIZE <= kept < STORIES and kept % BATCH_SIZE == 0  # whole batches, nothing of the next
    assert runs(url) == [("running", kept, 0, 0, 0, 0)]
    assert query(url, "SELECT count(*) FROM archive_importoutcome")[0][0] == kept

    again = manage(url, "import_documents", "--workers", "1", str(wire))
    assert again.returncode == 0, again.stderr
    assert runs(url) == [("interrupted", kept, 0, 0, 0, 0), ("finished", STORIES - kept, 0, kept, 0, 0)]
    assert snapshot(url) == clean_import  # every article complete, none twice


def test_extraction_workers_leave_when_their_import_is_killed(databases, wire):
    url = databases.new("orphans")
    importing = start_import(url, wire, workers=2)
    wait_until(lambda: created_so_far(url) >= BATCH_SIZE, importing)
    workers = children(importing.pid)
    assert len(workers) == 2
    importing.send_signal(signal.SIGKILL)
    importing.wait()
    try:
        wait_until(lambda: not any(os.path.exists(f"/proc/{pid}") for pid in workers), timeout=10)
    finally:
        for pid in workers:  # left over only if the test fails
            if os.path.exists(f"/proc/{pid}"):
                os.kill(pid, signal.SIGKILL)


def children(pid: int) -> list[int]:
    return [int(child) for child in open(f"/proc/{pid}/task/{pid}/children").read().split()]


def test_sigterm_ends_an_import_cleanly_as_interrupted(databases, wire):
    url = databases.new("terminated")
    importing = start_import(url, wire)
    wait_until(lambda: created_so_far(url) >= BATCH_SIZE, importing)
    importing.send_signal(signal.SIGTERM)
    _, errors = importing.communicate()
    assert importing.returncode == 1 and "Interrupted" in errors
    [(status, created, *_)] = runs(url)
    assert status == "interrupted" and created == articles(url) and created % BATCH_SIZE == 0


@pytest.mark.parametrize("same_name", [True, False], ids=["same file name", "other file name"])
def test_two_imports_of_overlapping_files_at_once_store_each_story_once(databases, tmp_path, same_name):
    url = databases.new(f"together_{same_name}")
    # In different orders: without care, each would wait on rows the other holds (a deadlock).
    first = write_stories(tmp_path / "wire.jsonl", shuffled(range(0, 1000), seed=1))
    (tmp_path / "other").mkdir()
    second_name = "wire.jsonl" if same_name else "copy.jsonl"
    second = write_stories(tmp_path / "other" / second_name, shuffled(range(500, 1500), seed=2))
    both = [start_import(url, first), start_import(url, second)]
    outputs = [process.communicate() for process in both]
    assert [process.returncode for process in both] == [0, 0], outputs
    assert articles(url) == 1500
    done = runs(url)
    assert [status for status, *_ in done] == ["finished", "finished"]
    assert sum(created for _, created, *_ in done) == 1500
    for _, created, updated, unchanged, duplicates, failed in done:
        assert created + unchanged + duplicates == 1000 and updated == failed == 0
    assert {row for _, _, _, unchanged, duplicates, _ in done for row in (unchanged, duplicates)} != {0}


@pytest.mark.skipif(ON_POSTGRES, reason="the disk of an SQLite database")
def test_a_full_disk_stops_the_import_with_a_clear_error_and_whole_batches(databases, wire, clean_import):
    url = databases.new("full_disk")
    room = os.path.getsize(url.split(":///", 1)[1]) + 600_000  # a few batches, then the disk is full
    full = manage(url, "import_documents", "--workers", "1", str(wire), max_file_bytes=room)
    assert full.returncode == 1
    # What SQLite says of a write that fails for want of room (EFBIG here; ENOSPC says "disk is full").
    assert re.search(r"The database refused the import \((disk I/O error|database or disk is full)\)", full.stderr)
    assert "Traceback" not in full.stderr
    kept = articles(url)
    assert kept < STORIES and kept % BATCH_SIZE == 0
    assert manage(url, "import_documents", "--workers", "1", str(wire)).returncode == 0
    assert runs(url)[0][0] == "interrupted"
    assert snapshot(url) == clean_import


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL's read-only databases")
def test_a_read_only_database_refuses_the_import_with_a_clear_error(databases, wire):
    url = databases.new("read_only")
    name = url.rsplit("/", 1)[1]
    query(databases.server + "/postgres", f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    refused = manage(url, "import_documents", "--workers", "1", str(wire))
    assert refused.returncode == 1
    assert "The database refused the import (cannot execute INSERT in a read-only transaction)" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert articles(url) == 0


@pytest.mark.django_db
def test_runs_left_running_by_a_dead_process_of_this_machine_are_marked_interrupted(admin_client):
    gone = subprocess.Popen(["true"])
    gone.wait()
    here = socket.gethostname()
    dead = ImportRun.objects.create(origin="killed", host=here, pid=gone.pid)
    alive = ImportRun.objects.create(origin="still going", host=here, pid=os.getpid())
    elsewhere = ImportRun.objects.create(origin="other machine", host="elsewhere", pid=gone.pid)
    page = admin_client.get("/admin/archive/importrun/").content.decode()  # the list marks them
    statuses = dict(ImportRun.objects.values_list("pk", "status"))
    assert statuses == {dead.pk: "interrupted", alive.pk: "running", elsewhere.pk: "running"}
    assert "Interrupted" in page
    assert ImportRun.objects.get(pk=dead.pk).finished_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_batch_the_database_gave_up_on_in_a_deadlock_is_written_again(monkeypatch, tmp_path):
    from archive.importing import batches, pipeline

    class Deadlock(Exception):
        sqlstate = "40P01"

    attempts = []

    def deadlocked_once():
        attempts.append(1)
        if len(attempts) == 2:  # the second batch, once
            raise OperationalError("deadlock detected") from Deadlock()

    monkeypatch.setattr(batches, "hold_import_lock", deadlocked_once)
    monkeypatch.setattr(batches.time, "sleep", lambda seconds: None)
    seen = []
    importer = pipeline.Importer(workers=1, on_outcome=seen.append)
    run = importer.import_paths([str(write_stories(tmp_path / "wire.jsonl", range(500)))])
    assert len(attempts) == 4  # three batches, the second twice
    assert (run.status, run.created, run.failed) == ("finished", 500, 0)
    assert len(seen) == 500 and importer.progress.stories == 500
    assert run.outcomes.count() == Article.objects.count() == 500


def test_an_import_killed_while_reading_a_large_archive_member_leaves_no_temporary_file(databases, tmp_path):
    import sys
    import zipfile

    from archive.devtools.processes import PROJECT_DIR, environment

    member = write_stories(tmp_path / "wire.jsonl", range(3000), seed=7)
    batch = tmp_path / "batch.zip"
    with zipfile.ZipFile(batch, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(member, "wire.jsonl")
    spill = tmp_path / "import-tmp"
    url = databases.new("spill")
    importing = subprocess.Popen(
        [sys.executable, "manage.py", "import_documents", "--workers", "1", str(batch)], cwd=PROJECT_DIR,
        env=environment(url, IMPORT_TMP_DIR=str(spill)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip

    def open_in_spill() -> list[str]:
        found = []
        for fd in os.listdir(f"/proc/{importing.pid}/fd"):
            try:
                target = os.readlink(f"/proc/{importing.pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith(str(spill)):
                found.append(target)
        return found

    wait_until(lambda: created_so_far(url) >= BATCH_SIZE, importing)
    held = open_in_spill()
    assert held and all("(deleted)" in target or "#" in target for target in held)  # a file without a name
    assert list(spill.iterdir()) == []
    importing.send_signal(signal.SIGKILL)
    importing.communicate()
    assert list(spill.iterdir()) == []  # nothing left behind by the killed process
    again = manage(url, "import_documents", "--workers", "1", str(batch), IMPORT_TMP_DIR=str(spill))
    assert again.returncode == 0, again.stderr
    assert articles(url) == 3000 and list(spill.iterdir()) == []
