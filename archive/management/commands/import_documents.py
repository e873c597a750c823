"""python manage.py import_documents [PATH ...]: files, folders, globs, .zip/.tar.gz archives."""

from __future__ import annotations

import getpass
import signal
import socket
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from archive.importing.estimate import estimate
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
        self.total = estimate(paths) if verbosity >= 1 else None  # names and line counts: cheap
        interactive = self.stdout.isatty() and verbosity >= 1
        self.bar = ProgressDisplay(self.stdout, self.stderr, self.total, interactive=interactive)
        importer = Importer(
            origin=f"command line: {getpass.getuser()}@{socket.gethostname()}",
            source=source,
            dry_run=dry_run,
            workers=workers,
            total=self.total,
            on_progress=self.show_progress,
            on_outcome=self.show_outcome,
        )
        try:
            with sigterm_as_interrupt(), self.bar:
                run = importer.import_paths(paths)
        except DatabaseError as error:
            raise CommandError(
                f"The database refused the import ({' '.join(str(error).split())}). "
                "Nothing of the batch being written was kept; fix the cause and run the same command again."
            ) from error
        except KeyboardInterrupt:
            raise CommandError("Interrupted. What was written is complete; run the same command again.") from None
        elapsed = (run.finished_at - run.started_at).total_seconds()
        files, stories = importer.progress.files, importer.progress.stories
        self.stdout.write(
            f"{'Dry run: nothing was written. ' if dry_run else ''}Import run #{run.pk}: "
            f"{run.created:,} created, {run.updated:,} updated, {run.unchanged:,} unchanged, "
            f"{plural(run.duplicates, 'duplicate')}, {run.failed:,} failed "
            f"({plural(files, 'file')}, {plural(stories, 'story', 'stories')}, {elapsed:.1f} s)."
        )
        if run.failed:
            raise CommandError(
                f"{plural(run.failed, 'file or record', 'files or records')} failed "
                f"(listed above and in import run #{run.pk})."
            )

    def show_outcome(self, outcome: ImportOutcome) -> None:
        if outcome.result == ImportOutcome.Result.FAILED:
            self.bar.print(f"failed: {outcome.message}", error=True)
        elif self.verbosity >= 2:
            detail = f" #{outcome.article_id}" if outcome.article_id else ""
            note = f" ({outcome.message})" if outcome.message else ""
            self.bar.print(f"{outcome.result}{detail}: {outcome.location}{note}")

    def show_progress(self, progress: Progress) -> None:
        if self.verbosity >= 1:
            self.bar.update(progress.written, progress.rate)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"


class ProgressDisplay:
    """The import's progress: on a terminal, a bar drawn by rich (stories done of the total counted up
    front, percentage, rate, time left); elsewhere (logs, pipes) a plain line every 5 seconds."""

    def __init__(self, stdout, stderr, total: int | None, *, interactive: bool):
        self.stdout, self.stderr, self.total, self.interactive = stdout, stderr, total or None, interactive
        self.last_line = 0.0
        self.started = time.monotonic()
        self.rich = None
        if interactive:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

            # rich writes to the terminal itself (OutputWrapper would add a newline to each write).
            self.console = Console(file=getattr(stdout, "_out", sys.stdout))
            self.rich = Progress(
                TextColumn("Importing"),
                BarColumn(),
                TextColumn("{task.fields[done]} of {task.fields[total_text]} stories"),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self.task = self.rich.add_task("import", total=self.total, done="0", rate="",
                                           total_text=f"{self.total:,}" if self.total else "?")  # fmt: skip

    def __enter__(self):
        if self.rich is not None:
            self.rich.start()
        return self

    def __exit__(self, *exc):
        if self.rich is not None:
            self.rich.stop()
        return False

    def update(self, done: int, rate: float) -> None:
        total = max(self.total or 0, done) or None
        if self.rich is not None:
            self.rich.update(self.task, completed=done, total=total, done=f"{done:,}", rate=f"{rate:,.0f} stories/s",
                             total_text=f"{total:,}" if total else "?")  # fmt: skip
            return
        if time.monotonic() - self.last_line < 5:  # plain lines for logs, not a flood
            return
        self.last_line = time.monotonic()
        line = f"{done:,} of {total:,} stories ({100 * done // total}%)" if total else f"{done:,} stories"
        line += f", {rate:,.0f} stories/s"
        if total and rate > 0 and done < total:
            line += f", about {format_seconds((total - done) / rate)} left"
        self.stdout.write(line)

    def print(self, line: str, *, error: bool = False) -> None:
        if self.rich is not None:
            self.rich.console.print(line, style="red" if error else None, markup=False, highlight=False)
        else:
            (self.stderr if error else self.stdout).write(line)


def format_seconds(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


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
