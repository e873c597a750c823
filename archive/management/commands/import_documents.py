"""python manage.py import_documents [PATH ...]: files, folders, globs, .zip/.tar.gz archives."""

from __future__ import annotations

import getpass
import glob
import os
import signal
import socket
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from archive.importing.pipeline import Importer, Progress
from archive.models import ImportOutcome


class Command(BaseCommand):
    help = (
        "Import news files into the archive: files, folders (recursive), glob patterns, .zip and .tar.gz "
        "archives, in the seed text, plain text, JSON Lines/JSON, CSV, HTML, NITF and NewsML-G2 formats. "
        "With no path, imports the seeds folder. Safe to run again: nothing is imported twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Files, folders, glob patterns or archives.")
        parser.add_argument("--dry-run", action="store_true", help="Do everything but the final write.")
        parser.add_argument("--source", default="", help="Source (agency or outlet) for files that lack one.")
        parser.add_argument("--workers", type=int, default=None, help="Extraction processes (default: 2).")

    def handle(self, *args, paths, dry_run, source, workers, verbosity, **options):
        paths = list(paths) or [str(settings.SEEDS_DIR)]
        self.verbosity = verbosity
        self.interactive = sys.stdout.isatty() and verbosity >= 1
        self.last_line = 0.0
        self.total_files = count_files(paths)
        importer = Importer(
            origin=f"command line: {getpass.getuser()}@{socket.gethostname()}",
            source=source,
            dry_run=dry_run,
            workers=workers,
            on_progress=self.show_progress,
            on_outcome=self.show_outcome,
        )
        try:
            with sigterm_as_interrupt():
                run = importer.import_paths(paths)
        except DatabaseError as error:
            raise CommandError(
                f"The database refused the import ({' '.join(str(error).split())}). "
                "Nothing of the batch being written was kept; fix the cause and run the same command again."
            ) from error
        except KeyboardInterrupt:
            raise CommandError("Interrupted. What was written is complete; run the same command again.") from None
        if self.interactive:
            self.stdout.write("")
        elapsed = (run.finished_at - run.started_at).total_seconds()
        self.stdout.write(
            f"{'Dry run: nothing was written. ' if dry_run else ''}Import run #{run.pk}: "
            f"{run.created} created, {run.updated} updated, {run.unchanged} unchanged, "
            f"{run.duplicates} duplicates, {run.failed} failed "
            f"({importer.progress.files} files, {importer.progress.stories} stories, {elapsed:.1f} s)."
        )
        if run.failed:
            raise CommandError(f"{run.failed} files or records failed (listed above and in import run #{run.pk}).")

    def show_outcome(self, outcome: ImportOutcome) -> None:
        if outcome.result == ImportOutcome.Result.FAILED:
            self.clear_progress()
            self.stderr.write(f"failed: {outcome.message}")
        elif self.verbosity >= 2:
            self.clear_progress()
            detail = f" #{outcome.article_id}" if outcome.article_id else ""
            note = f" ({outcome.message})" if outcome.message else ""
            self.stdout.write(f"{outcome.result}{detail}: {outcome.location}{note}")

    def clear_progress(self) -> None:
        if self.interactive:
            self.stdout.write("\r\033[K", ending="")

    def show_progress(self, progress: Progress) -> None:
        if self.verbosity < 1:
            return
        line = f"{progress.files} files, {progress.stories} stories, {progress.rate:.0f} stories/s"
        elapsed = time.monotonic() - progress.started
        done = progress.files_done
        if self.total_files > 1 and 0 < done < self.total_files and elapsed > 0:
            remaining = (self.total_files - done) * elapsed / done
            line = (
                f"{done:.0f}/{self.total_files} files, {progress.stories} stories, "
                f"{progress.rate:.0f} stories/s, ETA {remaining:.0f} s"
            )
        if self.interactive:
            self.stdout.write(f"\r\033[K{line}", ending="")
            self.stdout.flush()
        elif time.monotonic() - self.last_line >= 5:  # plain lines for logs, not a flood
            self.last_line = time.monotonic()
            self.stdout.write(line)


@contextmanager
def sigterm_as_interrupt():
    """`kill` (SIGTERM, as sent by systemd, docker stop, a job scheduler) ends an import like
    Ctrl-C: the batch being written rolls back and the run is recorded as interrupted. Python's
    default would end the process on the spot and leave the run "running"."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def count_files(paths: list[str]) -> int:
    """How many files the paths name (folders walked, patterns expanded), for the ETA; archives
    count as one file each. Cheap: names only, nothing is read."""
    total = 0
    for path in paths:
        for match in glob.glob(path, recursive=True) if glob.has_magic(path) else [path]:
            if os.path.isdir(match):
                total += sum(
                    1 for _, _, names in os.walk(match) for name in names if not name.startswith(".")
                )
            elif os.path.exists(match):
                total += 1
    return total
