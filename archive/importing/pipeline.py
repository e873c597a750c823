"""The import pipeline: files in, articles out, one outcome per file or record.

    run = Importer(origin="command line").import_paths(["seeds/"])

Reading and extraction are pure Python and run in worker processes when there is much to do
(preparing.py); this process only writes (batches.py). Documents are written in batches, one
transaction per batch and a savepoint per document: a bad document rolls back alone, and a killed
import leaves no half of anything (the batch it was writing is rolled back by the database).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import (
    DatabaseError,
    connection,
)
from django.utils import timezone

from archive.models import ImportOutcome, ImportRun

from .batches import BatchWriter
from .files import Limits, iter_inputs, iter_uploads, remove_stale_temporary_files, walk
from .preparing import Preparer


@dataclass
class Progress:
    files: int = 0  # files read so far (reading runs ahead of writing)
    stories: int = 0  # stories written
    read: int = 0  # files, records and problems read
    written: int = 0  # ... and written
    started: float = 0.0

    @property
    def files_done(self) -> float:
        """Files written, estimated from how far writing has caught up with reading."""
        return self.files * self.written / self.read if self.read else 0.0

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.stories / elapsed if elapsed > 0 else 0.0


class Importer:
    """Imports files into the archive and records what happened to each in an ImportRun."""

    # A run that wrote this many stories ends with ANALYZE on PostgreSQL: without the planner's
    # statistics a freshly imported archive is read with guesses (sequential scans of every
    # statement for each 500-row chunk of an export: 2.4 s instead of 1.0 s for the 16,000 rows of
    # bench.cost_ceiling), and autovacuum may be off or far behind.
    ANALYZE_AFTER_STORIES = 500
    # And a long run analyses as it goes, each time it has written this many stories and half as
    # many again as at its last ANALYZE (10,000, 15,000, 22,500 ...: about a dozen times in a
    # million). Each batch looks its stories up by input hash, reference and fingerprint; planned on
    # the statistics of a table that was empty when they were taken, those lookups read the whole
    # table, once a batch (a 1M-story run into an empty archive, autovacuum off: 400 stories/s for
    # the first 100,000, 298/s for the next; one ANALYZE at 230,000 and it ran at 760/s).
    ANALYZE_DURING_RUN = 10_000
    ANALYZE_GROWTH = 1.5

    def __init__(
        self,
        *,
        origin: str = "",
        started_by=None,
        source: str = "",
        dry_run: bool = False,
        workers: int | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_outcome: Callable[[ImportOutcome], None] | None = None,
        run: ImportRun | None = None,
        total: int | None = None,
    ):
        self.origin = origin
        self.started_by = started_by
        self.default_source = source
        self.dry_run = dry_run
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.on_progress = on_progress or (lambda progress: None)
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.progress = Progress()
        self.queued_run = run  # a run recorded when it was queued (admin uploads, tasks.py)
        self.total = total  # stories expected (estimate.py), for the progress

    def import_paths(self, paths: list[str]) -> ImportRun:
        inputs = iter_inputs(
            paths,
            max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
            max_archive_bytes=settings.IMPORT_MAX_ARCHIVE_BYTES,
            tmp_dir=str(settings.IMPORT_TMP_DIR),
        )
        return self._run(inputs, "\n".join(paths))

    def import_uploads(self, uploads: list[tuple[str, bytes]]) -> ImportRun:
        inputs = iter_uploads(
            uploads,
            max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
            max_archive_bytes=settings.IMPORT_MAX_ARCHIVE_BYTES,
            tmp_dir=str(settings.IMPORT_TMP_DIR),
        )
        return self._run(inputs, "\n".join(name for name, _ in uploads))

    def import_stored(self, files: list[tuple[str, str]]) -> ImportRun:
        """Files stored on disk for a queued run, as (path, the name they were uploaded under)."""
        limits = Limits(settings.IMPORT_MAX_FILE_BYTES, settings.IMPORT_MAX_ARCHIVE_BYTES, str(settings.IMPORT_TMP_DIR))
        inputs = (item for path, name in files for item in walk(path, name, limits))
        return self._run(inputs, "\n".join(name for _, name in files))

    def _run(self, inputs: Iterable, description: str) -> ImportRun:
        ImportRun.objects.mark_abandoned()  # earlier runs whose process was killed: interrupted
        remove_stale_temporary_files(str(settings.IMPORT_TMP_DIR), settings.IMPORT_STALE_TMP_SECONDS)
        here = {"host": socket.gethostname()[:255], "pid": os.getpid()}
        if self.queued_run is not None:
            self.run = self.queued_run
            for field, value in {**here, "status": ImportRun.Status.RUNNING, "started_at": timezone.now()}.items():
                setattr(self.run, field, value)
            self.run.save(update_fields=["host", "pid", "status", "started_at"])
        else:
            self.run = ImportRun.objects.create(
                origin=self.origin[:200],
                inputs=description,
                started_by=self.started_by,
                dry_run=self.dry_run,
                stories_total=self.total,
                **here,
            )
        self.progress = Progress(started=time.monotonic())
        preparer = Preparer(
            self.progress,
            workers=self.workers,
            default_source=self.default_source,
            max_page_bytes=settings.IMPORT_MAX_PAGE_BYTES,
            max_story_chars=settings.IMPORT_MAX_STORY_CHARS,
        )
        writer = BatchWriter(self.run, self.progress, default_source=self.default_source, dry_run=self.dry_run)
        try:
            for batch in preparer.batches(inputs):
                for outcome in writer.write(batch):
                    self.on_outcome(outcome)
                self.progress.written += len(batch)
                self._record_progress()
                self._analyze_as_tables_grow()
                self.on_progress(self.progress)
        except BaseException:
            self._finish(ImportRun.Status.INTERRUPTED)
            raise
        self._finish(ImportRun.Status.FAILED if self.run.failed else ImportRun.Status.FINISHED)
        self._analyze()
        return self.run

    def _record_progress(self) -> None:
        """The stories done so far, on the run (one small UPDATE a batch), for its page in the admin."""
        self.run.stories_done = self.progress.written
        self.run.progress_at = timezone.now()
        ImportRun.objects.filter(pk=self.run.pk).update(
            stories_done=self.run.stories_done, progress_at=self.run.progress_at
        )

    def _analyze_as_tables_grow(self) -> None:
        written = self.run.created + self.run.updated
        if written >= max(self.ANALYZE_DURING_RUN, self.ANALYZE_GROWTH * self._analyzed_at):
            self._analyzed_at = written
            self._analyze()

    _analyzed_at = 0  # stories written at the run's last ANALYZE

    def _analyze(self) -> None:
        """Fresh planner statistics for the archive's tables after a big run (PostgreSQL)."""
        written = self.run.created + self.run.updated
        if self.dry_run or connection.vendor != "postgresql" or written < self.ANALYZE_AFTER_STORIES:
            return
        if connection.in_atomic_block:
            return  # ANALYZE inside a caller's transaction would hold its locks to the end
        tables = [model._meta.db_table for model in apps.get_app_config("archive").get_models()
                  if not model._meta.proxy and model._meta.managed]  # fmt: skip
        # And the tables the database keeps itself: the facet keys, the articles' narrow vectors.
        kept = ("archive_facetkeys", "archive_articlevectors")
        tables += [table for table in connection.introspection.table_names() if table in kept]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))

    def _finish(self, status: str) -> None:
        self.run.status = status
        self.run.finished_at = timezone.now()
        self.run.stories_done = self.progress.written
        self.run.progress_at = self.run.finished_at
        try:
            self.run.save()
        except DatabaseError:
            # A signal that landed mid-query can leave the connection unusable: once more on a new
            # one. If the database itself is what failed, the exception on its way out says so.
            if connection.in_atomic_block:
                return
            connection.close()
            try:
                self.run.save()
            except DatabaseError:
                pass
