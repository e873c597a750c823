"""Storing prepared stories (preparing.py) as articles, for batches.py: the new stories of a batch
together in a few queries, and any other story on its own (created, updated, unchanged or a
duplicate), with the ImportOutcome that says which."""

from __future__ import annotations

import os

from django.db import (
    DataError,
    IntegrityError,
    transaction,
)

from archive.backup.restore import apply_given, restore_entities
from archive.models import Article, ImportOutcome, ImportRun

from .credits import credit_names
from .language import stored_language
from .preparing import Known, Prepared
from .records import RawDocument, ReadProblem
from .writer import EntityResolver, ExtractionWriter

Result = ImportOutcome.Result


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
    """Credits from the story's byline and credit lines (extraction), else from the file's byline,
    cleaned to names (credits.py: no "By", job titles, placeholders or logins)."""
    reporting = credit_names(document.credits.reporting) or credit_names(raw.byline)
    return {"reporting": reporting, "editing": credit_names(document.credits.editing)}


def fill_article(article: Article, prepared: Prepared, source, run: ImportRun) -> None:
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
        "language": stored_language(raw),
        "url": raw.url[:1000],
        "credits": credits_of(raw, document),
        "fingerprint": prepared.fingerprint,
        "input_hash": prepared.input_hash,
        "original_file": file_of(raw.location)[:500],
        "import_run": run,
    }
    for name, value in values.items():
        if name not in article.corrected_fields:
            setattr(article, name, value)


class StoryWriter:
    """Writes the stories of one import run; the caller holds the transaction."""

    def __init__(self, run: ImportRun, progress, *, default_source: str = ""):
        self.run = run
        self.progress = progress
        self.default_source = default_source
        self.writer = ExtractionWriter(EntityResolver())

    def forget(self) -> None:
        """Drop what the resolver cached: after a rollback it may name rows that are gone."""
        self.writer.resolver = EntityResolver()

    def together(self, batch: list) -> list[ImportOutcome]:
        """The batch's outcomes: new stories created in a few queries, the others one by one."""
        outcomes: list[ImportOutcome | None] = [None] * len(batch)
        fresh = [(index, item) for index, item in enumerate(batch) if isinstance(item, Prepared) and not item.error]
        for index in sorted(set(range(len(batch))) - {index for index, _ in fresh}):
            outcomes[index] = self.outcome(batch[index])
        sources = {index: self._source_of(item) for index, item in fresh}
        known_refs = set(
            Article.objects.filter(source_ref__in={item.raw.source_id[:200] for _, item in fresh} - {""}).values_list(
                "source_id", "source_ref"
            )
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
                outcomes[index] = self.outcome(item)  # already stored: update or duplicate, one by one
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
        names = (prepared.raw.source, prepared.extraction.document.source, self.default_source)
        return self.writer.resolver.source(next((name for name in names if name), ""))

    def _new_article(self, prepared: Prepared, source) -> Article:
        article = Article(import_run=self.run)
        fill_article(article, prepared, source, self.run)
        self.writer.stamp(article, prepared.extraction)
        return article

    def outcome(self, item) -> ImportOutcome:
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
        fill_article(article, prepared, source, self.run)
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
