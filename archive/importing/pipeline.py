"""The import pipeline: files in, articles out, one outcome per file or record.

    run = Importer(origin="command line").import_paths(["seeds/"])

Reading and extraction are pure Python and run in worker processes when there is much to do;
this process only writes. Documents are written in batches, one transaction per batch and a
savepoint per document: a bad document rolls back alone, and a killed import leaves no half
of anything (the batch it was writing is rolled back by the database).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.db import (
    DatabaseError,
    DataError,
    IntegrityError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.utils import timezone

from archive.backup.restore import apply_given, extraction_from_export, restore_entities
from archive.extraction import Extraction, extract
from archive.models import Article, ImportOutcome, ImportRun
from archive.search import facet_keys

from .files import iter_inputs, iter_uploads
from .readers import read_input
from .records import RawDocument, ReadProblem
from .writer import EntityResolver, ExtractionWriter, fingerprint

BATCH_SIZE = 200
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


def input_hash(raw: RawDocument) -> str:
    """Everything the file said about a story: equal hashes mean nothing changed."""
    fields = [raw.text, raw.title, raw.date_text, str(raw.date or ""), raw.dateline, raw.source,
              raw.source_id, raw.url, raw.language, str(raw.byline)]
    if raw.given:
        fields.append(json.dumps(raw.given, sort_keys=True, default=str))
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def file_of(location: str) -> str:
    """The file a story came from, as stored on its article: the location without a line number
    and without the folders above the file or archive, so that the same file imported from
    another working folder is still the same file ("in/dump.jsonl:12" -> "dump.jsonl",
    "/data/batch.zip!2024/a.xml" -> "batch.zip!2024/a.xml")."""
    head, sep, tail = location.rpartition(":")
    path = head if sep and tail.isdigit() else location
    outer, bang, member = path.partition("!")
    return os.path.basename(outer.rstrip("/")) + bang + member


@dataclass
class Prepared:
    """A document read and extracted, ready to write (made in a worker process)."""

    raw: RawDocument
    input_hash: str
    extraction: Extraction | None = None
    fingerprint: str = ""
    error: str = ""


def prepare(raw: RawDocument, default_source: str = "") -> Prepared:
    prepared = Prepared(raw, input_hash(raw))
    try:
        if raw.given:
            prepared.extraction = extraction_from_export(raw)
        else:
            prepared.extraction = extract(
                raw.text,
                title=raw.title or None,
                date=raw.date,
                dateline=raw.dateline or None,
                source=raw.source or default_source or None,
            )
        if not prepared.extraction.document.paragraphs:
            prepared.error = f"{raw.location}: no text in the story"
        prepared.fingerprint = fingerprint(prepared.extraction.document.body)
    except Exception as error:  # a bad story is reported, never stops the run
        prepared.error = f"{raw.location}: extraction failed ({type(error).__name__}: {error})"
    return prepared


def leave_with_parent() -> None:
    """Extraction workers end when the import that started them is gone. Killed with SIGKILL, it
    has no chance to stop them, and they would wait for work forever."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _prepare_batch(batch: list[RawDocument], default_source: str) -> list[Prepared]:
    return [prepare(raw, default_source) for raw in batch]


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
    ):
        self.origin = origin
        self.started_by = started_by
        self.default_source = source
        self.dry_run = dry_run
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.on_progress = on_progress or (lambda progress: None)
        self.on_outcome = on_outcome or (lambda outcome: None)
        self.progress = Progress()

    # Entry points -------------------------------------------------------------------------

    def import_paths(self, paths: list[str]) -> ImportRun:
        inputs = iter_inputs(
            paths,
            max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
            max_archive_bytes=settings.IMPORT_MAX_ARCHIVE_BYTES,
        )
        return self._run(inputs, "\n".join(paths))

    def import_uploads(self, uploads: list[tuple[str, bytes]]) -> ImportRun:
        inputs = iter_uploads(
            uploads,
            max_file_bytes=settings.IMPORT_MAX_FILE_BYTES,
            max_archive_bytes=settings.IMPORT_MAX_ARCHIVE_BYTES,
        )
        return self._run(inputs, "\n".join(name for name, _ in uploads))

    # The run ------------------------------------------------------------------------------

    def _run(self, inputs: Iterable, description: str) -> ImportRun:
        ImportRun.objects.mark_abandoned()  # earlier runs whose process was killed: interrupted
        self.run = ImportRun.objects.create(
            origin=self.origin[:200],
            inputs=description,
            started_by=self.started_by,
            dry_run=self.dry_run,
            host=socket.gethostname()[:255],
            pid=os.getpid(),
        )
        self.writer = ExtractionWriter(EntityResolver())
        self.progress = Progress(started=time.monotonic())
        try:
            for batch in self._prepared_batches(self._documents(inputs)):
                self._write_batch(batch)
                self.progress.written += len(batch)
                self.on_progress(self.progress)
        except BaseException:
            self._finish(ImportRun.Status.INTERRUPTED)
            raise
        self._finish(ImportRun.Status.FAILED if self.run.failed else ImportRun.Status.FINISHED)
        return self.run

    def _finish(self, status: str) -> None:
        self.run.status = status
        self.run.finished_at = timezone.now()
        try:
            self.run.save()
        except DatabaseError:
            pass  # the database itself is what failed; the exception on its way out says so

    def _documents(self, inputs: Iterable) -> Iterator[RawDocument | ReadProblem]:
        for item in inputs:
            for found in [item] if isinstance(item, ReadProblem) else read_input(item):
                self.progress.read += 1
                yield found
            self.progress.files += 1

    def _prepared_batches(self, documents: Iterator[RawDocument | ReadProblem]) -> Iterator[list]:
        """Batches ready to write. Stories already in the archive unchanged are recognised here by
        their input hash and skip extraction; the rest are extracted, in worker processes when
        there is more than one batch."""
        chunks = iter(lambda: list(islice(documents, BATCH_SIZE)), [])
        pool = None
        pending: deque = deque()
        try:
            for chunk in chunks:
                known, to_extract = self._sort_known(chunk)
                if pool is None and self.workers > 1 and len(to_extract) == BATCH_SIZE:
                    if not connection.in_atomic_block:
                        connections.close_all()  # no database connection is shared with a child
                    pool = ProcessPoolExecutor(
                        self.workers, mp_context=multiprocessing.get_context("fork"), initializer=leave_with_parent
                    )
                if pool is None or not to_extract:
                    pending.append((known, _prepare_batch(to_extract, self.default_source)))
                else:
                    pending.append((known, pool.submit(_prepare_batch, to_extract, self.default_source)))
                while len(pending) > (self.workers * 2 if pool else 0):  # bounded read-ahead
                    yield self._merge(*pending.popleft())
            while pending:
                yield self._merge(*pending.popleft())
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _sort_known(self, chunk: list) -> tuple[list, list[RawDocument]]:
        """Split a chunk into what needs no extraction (problems, stories known by their input
        hash) and the stories to extract, in one query."""
        raws = [item for item in chunk if isinstance(item, RawDocument)]
        hashes = {id(raw): input_hash(raw) for raw in raws}
        found = {
            row["input_hash"]: row
            for row in Article.objects.filter(input_hash__in=set(hashes.values())).values(
                "id", "input_hash", "original_file"
            )
        }
        repeated = set(hashes.values()) - set(found)
        if repeated:  # stories an earlier run found to be duplicates
            for row in (
                ImportOutcome.objects.filter(result=Result.DUPLICATE, input_hash__in=repeated, article__isnull=False)
                .values("input_hash", "article_id", "article__original_file")
                .order_by()
            ):
                found.setdefault(
                    row["input_hash"],
                    {"id": row["article_id"], "original_file": row["article__original_file"], "duplicate": True},
                )
        known, to_extract = [], []
        for item in chunk:
            if isinstance(item, RawDocument) and hashes[id(item)] in found:
                known.append(Known(item, found[hashes[id(item)]], hashes[id(item)]))
            elif isinstance(item, RawDocument):
                to_extract.append(item)
            else:
                known.append(item)
        return known, to_extract

    @staticmethod
    def _merge(known: list, prepared) -> list:
        if not isinstance(prepared, list):
            prepared = prepared.result()
        return known + prepared

    # Writing ------------------------------------------------------------------------------

    def _write_batch(self, batch: list) -> None:
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
        for outcome in outcomes:
            self.on_outcome(outcome)

    def _checkpoint(self) -> tuple[int, dict[str, int]]:
        return self.progress.stories, {name: getattr(self.run, name) for name in self.COUNTERS.values()}

    def _rewind(self, checkpoint: tuple[int, dict[str, int]]) -> None:
        """Forget what a rolled-back attempt counted and cached."""
        self.progress.stories, counters = checkpoint
        for name, value in counters.items():
            setattr(self.run, name, value)
        self.writer.resolver = EntityResolver()

    def _write_batch_once(self, batch: list) -> list[ImportOutcome]:
        """One transaction per batch. New stories are written together in a few queries; if
        anything in the batch breaks a constraint, the batch is written again one story at a
        time, each in its own savepoint, so only the bad story fails."""
        with transaction.atomic(), facet_keys.deferred():
            hold_import_lock()
            try:
                with transaction.atomic():
                    outcomes = self._write_together(batch)
            except (IntegrityError, DataError):
                self.writer.resolver = EntityResolver()  # its caches may name rolled-back rows
                self.progress.stories -= sum(1 for item in batch if not isinstance(item, ReadProblem))
                outcomes = [self._outcome(item) for item in batch]
            if self.dry_run:
                transaction.set_rollback(True)
            else:
                self._save_outcomes(outcomes)
        if self.dry_run:
            self.writer.resolver = EntityResolver()
            for outcome in outcomes:
                outcome.article = None
            self._save_outcomes(outcomes)
        return outcomes

    def _write_together(self, batch: list) -> list[ImportOutcome]:
        outcomes: list[ImportOutcome | None] = [None] * len(batch)
        fresh = []
        for index, item in enumerate(batch):
            if isinstance(item, Prepared) and not item.error:
                fresh.append((index, item))
            else:
                outcomes[index] = self._outcome(item)
        sources = {index: self._source_of(item) for index, item in fresh}
        known_refs = set(
            Article.objects.filter(source_ref__in={item.raw.source_id[:200] for _, item in fresh} - {""})
            .values_list("source_id", "source_ref")
        )
        known_prints = set(
            Article.objects.filter(fingerprint__in=[item.fingerprint for _, item in fresh]).values_list(
                "fingerprint", flat=True
            )
        )
        created: list[tuple[int, Prepared, Article]] = []
        first_of: dict = {}  # fingerprint or (source, ref) -> index of the batch's first such story
        repeats: list[tuple[int, int]] = []
        for index, item in fresh:
            source = sources[index]
            ref = (source.pk if source else None, item.raw.source_id[:200])
            if (ref[1] and ref in known_refs) or item.fingerprint in known_prints:
                outcomes[index] = self._outcome(item)  # already stored: update or duplicate, one by one
                continue
            self.progress.stories += 1
            earlier = first_of.get(item.fingerprint) or (first_of.get(ref) if ref[1] else None)
            if earlier is not None:
                repeats.append((index, earlier))
                continue
            first_of[item.fingerprint] = index
            if ref[1]:
                first_of[ref] = index
            created.append((index, item, self._new_article(item, source)))
        Article.objects.bulk_create([article for _, _, article in created], batch_size=500)
        for _, item, _ in created:
            if item.raw.given:
                restore_entities(item.raw.given, self.writer.resolver)
        self.writer.add_many([(article, item.extraction) for _, item, article in created])
        articles = {}
        for index, item, article in created:
            if item.raw.given:
                apply_given(article, item.raw.given)
            articles[index] = article
            flagged = item.extraction.document.date_flagged
            outcomes[index] = ImportOutcome(
                location=item.raw.location[:500],
                result=Result.CREATED,
                article=article,
                message="date missing or impossible: kept without a date" if flagged else "",
            )
        for index, earlier in repeats:
            article = articles[earlier]
            outcomes[index] = ImportOutcome(
                location=batch[index].raw.location[:500],
                result=Result.DUPLICATE,
                article=article,
                message=f"duplicate of #{article.pk} ({batch[earlier].raw.location})"[:500],
                input_hash=batch[index].input_hash,
            )
        return outcomes

    def _source_of(self, prepared: Prepared):
        raw = prepared.raw
        return self.writer.resolver.source(raw.source or prepared.extraction.document.source or self.default_source)

    def _new_article(self, prepared: Prepared, source) -> Article:
        article = Article(import_run=self.run)
        self._fill(article, prepared, source)
        self.writer.stamp(article, prepared.extraction)
        return article

    def _fill(self, article: Article, prepared: Prepared, source) -> None:
        """The article's own fields from the file, except those an editor corrected."""
        raw, document = prepared.raw, prepared.extraction.document
        values = {
            "source": source,
            "source_ref": raw.source_id[:200],
            "title": (document.title or raw.title or "Untitled")[:500],
            "published_on": document.date,
            "date_flagged": document.date_flagged,
            "dateline": document.dateline[:200],
            "body": document.body,
            "language": (raw.language or "en")[:16],
            "url": raw.url[:1000],
            "credits": credits_of(raw, document),
            "fingerprint": prepared.fingerprint,
            "input_hash": prepared.input_hash,
            "original_file": file_of(raw.location)[:500],
            "import_run": self.run,
        }
        for name, value in values.items():
            if name not in article.corrected_fields:
                setattr(article, name, value)

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

    def _outcome(self, item) -> ImportOutcome:
        if isinstance(item, ReadProblem):
            return ImportOutcome(location=item.location[:500], result=Result.FAILED, message=item.reason[:500])
        self.progress.stories += 1
        location = item.raw.location[:500]
        if isinstance(item, Known):
            if item.row["original_file"] == file_of(item.raw.location) and not item.row.get("duplicate"):
                return ImportOutcome(location=location, result=Result.UNCHANGED, article_id=item.row["id"])
            return ImportOutcome(
                location=location,
                result=Result.DUPLICATE,
                article_id=item.row["id"],
                message=f"duplicate of #{item.row['id']} ({item.row['original_file']})"[:500],
                input_hash=item.input_hash,
            )
        if item.error:
            return ImportOutcome(location=location, result=Result.FAILED, message=item.error[:500])
        try:
            with transaction.atomic():
                result, article, message = self._store(item)
        except (IntegrityError, DataError) as error:
            message = f"{item.raw.location}: not stored ({' '.join(str(error).split())})"
            return ImportOutcome(location=location, result=Result.FAILED, message=message[:500])
        return ImportOutcome(
            location=location,
            result=result,
            article=article,
            message=message[:500],
            input_hash=item.input_hash if result == Result.DUPLICATE else "",
        )

    def _store(self, prepared: Prepared) -> tuple[str, Article, str]:
        """One story, on its own: create, update, or recognise it as a duplicate."""
        raw, document = prepared.raw, prepared.extraction.document
        source = self._source_of(prepared)
        existing = None
        if raw.source_id and source:
            existing = _only(Article.objects.filter(source=source, source_ref=raw.source_id[:200]))
        if existing is None:
            existing = _only(Article.objects.filter(fingerprint=prepared.fingerprint))
            if existing is not None and raw.source_id and existing.source_ref not in ("", raw.source_id[:200]):
                return Result.DUPLICATE, existing, f"same text as #{existing.pk} ({existing.original_file})"
        if existing is not None:
            same_file = existing.original_file == file_of(raw.location)
            if not same_file or existing.import_run_id == self.run.pk:  # another file, or another record
                return Result.DUPLICATE, existing, f"duplicate of #{existing.pk} ({existing.original_file})"
            if existing.input_hash == prepared.input_hash:
                return Result.UNCHANGED, existing, ""
        article = existing or Article()
        self._fill(article, prepared, source)
        if existing is None:
            self.writer.stamp(article, prepared.extraction)
        article.save()
        if raw.given:
            restore_entities(raw.given, self.writer.resolver)
        if existing is None:
            self.writer.add(article, prepared.extraction)
        else:
            self.writer.replace(article, prepared.extraction)
        if raw.given:
            apply_given(article, raw.given)
        message = "date missing or impossible: kept without a date" if document.date_flagged else ""
        return (Result.UPDATED if existing else Result.CREATED), article, message


def _only(articles):
    """The one matching article or None. Unordered: the default order (by date) would make the
    database walk the date index instead of the lookup's own."""
    return next(iter(articles.order_by()[:1]), None)


@dataclass
class Known:
    """A story whose exact input is already in the archive."""

    raw: RawDocument
    row: dict
    input_hash: str


def credits_of(raw: RawDocument, document) -> dict:
    reporting = list(document.credits.reporting)
    if not reporting and raw.byline:
        reporting = list(raw.byline) if isinstance(raw.byline, list) else [raw.byline]
    return {"reporting": reporting, "editing": list(document.credits.editing)}
