"""Writing prepared stories (preparing.py) into the archive, a batch per transaction: new stories
together in a few queries, changed and doubtful ones one by one, each in a savepoint so that a bad
story rolls back alone; a batch another import deadlocked with is written again. Every story gets
an ImportOutcome, counted on its ImportRun.
"""

from __future__ import annotations

import os
import random
import time

from django.db import (
    DataError,
    IntegrityError,
    OperationalError,
    connection,
    transaction,
)

from archive.backup.restore import apply_given, restore_entities
from archive.models import Article, ImportOutcome, ImportRun
from archive.search import facet_keys

from .preparing import Known, Prepared
from .records import RawDocument, ReadProblem
from .writer import EntityResolver, ExtractionWriter

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


def file_of(location: str) -> str:
    """The file a story came from, as stored on its article: the location without a line number
    and without the folders above the file or archive, so that the same file imported from
    another working folder is still the same file ("in/dump.jsonl:12" -> "dump.jsonl",
    "/data/batch.zip!2024/a.xml" -> "batch.zip!2024/a.xml")."""
    head, sep, tail = location.rpartition(":")
    path = head if sep and tail.isdigit() else location
    outer, bang, member = path.partition("!")
    return os.path.basename(outer.rstrip("/")) + bang + member


def _only(articles):
    """The one matching article or None. Unordered: the default order (by date) would make the
    database walk the date index instead of the lookup's own."""
    return next(iter(articles.order_by()[:1]), None)


def credits_of(raw: RawDocument, document) -> dict:
    reporting = list(document.credits.reporting)
    if not reporting and raw.byline:
        reporting = list(raw.byline) if isinstance(raw.byline, list) else [raw.byline]
    return {"reporting": reporting, "editing": list(document.credits.editing)}


class BatchWriter:
    """Writes the batches of one import run."""

    def __init__(self, run: ImportRun, progress, *, default_source: str = "", dry_run: bool = False):
        self.run = run
        self.progress = progress
        self.default_source = default_source
        self.dry_run = dry_run
        self.writer = ExtractionWriter(EntityResolver())

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
