"""Writing prepared stories (preparing.py) into the archive, a batch per transaction: new stories
together in a few queries, changed and doubtful ones one by one (stories.py), each in a savepoint
so that a bad story rolls back alone; a batch another import deadlocked with is written again.
Every story gets an ImportOutcome, counted on its ImportRun.
"""

from __future__ import annotations

import random
import time

from django.db import (
    DataError,
    IntegrityError,
    OperationalError,
    connection,
    transaction,
)

from archive.models import ImportOutcome, ImportRun
from archive.search import facet_keys

from .records import ReadProblem
from .stories import StoryWriter

WRITE_ATTEMPTS = 5
IMPORT_LOCK_KEY = 20_789_771  # any number, the same in every import process
Result = ImportOutcome.Result


def hold_import_lock() -> None:
    """Till the end of the transaction, be the only import writing. Two imports of overlapping
    files would otherwise insert the same stories and people in different orders, wait on each
    other and deadlock. Extraction, the slow part, still runs side by side. (SQLite's write lock
    does this by itself.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])


def is_contention(error: OperationalError) -> bool:
    """Errors that say another writer was in the way, not that anything is wrong: PostgreSQL's
    deadlock and serialization failures, SQLite's lock still held after its busy timeout."""
    return getattr(error.__cause__, "sqlstate", None) in {"40P01", "40001"} or "database is locked" in str(error)


class BatchWriter:
    """Writes the batches of one import run."""

    def __init__(self, run: ImportRun, progress, *, default_source: str = "", dry_run: bool = False):
        self.run = run
        self.progress = progress
        self.default_source = default_source
        self.dry_run = dry_run
        self.stories = StoryWriter(run, progress, default_source=default_source)

    def write(self, batch: list) -> list[ImportOutcome]:
        """Write a batch; when the database gives up on it because another import is writing the
        same stories or people at the same time (a deadlock), roll back and write it again."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            checkpoint = self._checkpoint()
            try:
                outcomes = self._write_batch_once(batch)
                break
            except OperationalError as error:
                if attempt == WRITE_ATTEMPTS or not is_contention(error) or connection.in_atomic_block:
                    raise
                self._rewind(checkpoint)
                time.sleep(random.uniform(0.05, 0.25) * attempt)  # apart, so they do not meet again
        return outcomes

    def _checkpoint(self) -> tuple[int, dict[str, int]]:
        return self.progress.stories, {name: getattr(self.run, name) for name in self.COUNTERS.values()}

    def _rewind(self, checkpoint: tuple[int, dict[str, int]]) -> None:
        """Forget what a rolled-back attempt counted and cached."""
        self.progress.stories, counters = checkpoint
        for name, value in counters.items():
            setattr(self.run, name, value)
        self.stories.forget()

    def _write_batch_once(self, batch: list) -> list[ImportOutcome]:
        """One transaction per batch. New stories are written together in a few queries; if
        anything in the batch breaks a constraint, the batch is written again one story at a
        time, each in its own savepoint, so only the bad story fails."""
        with transaction.atomic(), facet_keys.deferred():
            hold_import_lock()
            try:
                with transaction.atomic():
                    outcomes = self.stories.together(batch)
            except (IntegrityError, DataError):
                self.stories.forget()  # its caches may name rolled-back rows
                self.progress.stories -= sum(1 for item in batch if not isinstance(item, ReadProblem))
                outcomes = [self.stories.outcome(item) for item in batch]
            if self.dry_run:
                transaction.set_rollback(True)
            else:
                self._save_outcomes(outcomes)
        if self.dry_run:
            self.stories.forget()
            for outcome in outcomes:
                outcome.article = None
            self._save_outcomes(outcomes)
        return outcomes

    def _save_outcomes(self, outcomes: list[ImportOutcome]) -> None:
        for outcome in outcomes:
            outcome.run = self.run
            setattr(self.run, self.COUNTERS[outcome.result], getattr(self.run, self.COUNTERS[outcome.result]) + 1)
        ImportOutcome.objects.bulk_create(outcomes)
        self.run.save(update_fields=list(self.COUNTERS.values()))

    COUNTERS = {
        Result.CREATED: "created",
        Result.UPDATED: "updated",
        Result.UNCHANGED: "unchanged",
        Result.DUPLICATE: "duplicates",
        Result.FAILED: "failed",
    }
