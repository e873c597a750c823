"""Reading and extraction, the import's pure work: documents read from the inputs, stories already
in the archive recognised by their input hash (they skip extraction), the rest extracted, in worker
processes when there is much to do. Nothing here writes; batches.py does.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from django.db import (
    connection,
    connections,
)

from archive.backup.restore import extraction_from_export
from archive.extraction import Extraction, extract
from archive.models import Article, ImportOutcome

from .language import load as load_language_model
from .language import normalised_language, stored_language, story_language
from .readers import read_input
from .records import RawDocument, ReadProblem
from .writer import fingerprint

BATCH_SIZE = 200
Result = ImportOutcome.Result


def input_hash(raw: RawDocument) -> str:
    """Everything the file said about a story: equal hashes mean nothing changed."""
    fields = [
        raw.text,
        raw.title,
        raw.date_text,
        str(raw.date or ""),
        raw.dateline,
        raw.source,
        raw.source_id,
        raw.url,
        raw.language,
        str(raw.byline),
    ]
    if raw.given:
        fields.append(json.dumps(raw.given, sort_keys=True, default=str))
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


@dataclass
class Prepared:
    """A document read and extracted, ready to write (made in a worker process)."""

    raw: RawDocument
    input_hash: str
    extraction: Extraction | None = None
    fingerprint: str = ""
    error: str = ""


def extract_story(raw: RawDocument, default_source: str = "") -> Extraction:
    """What the extractor reads in a story read from a file (not one given whole by an export),
    its language detected first unless the file says it."""
    if not normalised_language(raw.language):
        # Detected here, in the extraction worker, and not while reading: reading and writing
        # share the importer's one process, which is what limits an import's rate.
        raw.extra["detected_language"] = story_language("", raw.title, raw.text)
    return extract(
        raw.text,
        title=raw.title or None,
        date=raw.date,
        dateline=raw.dateline or None,
        source=raw.source or default_source or None,
        language=stored_language(raw),
    )


def prepare(raw: RawDocument, default_source: str = "") -> Prepared:
    prepared = Prepared(raw, input_hash(raw))
    try:
        if raw.given:
            prepared.extraction = extraction_from_export(raw)
        else:
            prepared.extraction = extract_story(raw, default_source)
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
    # Ctrl-C reaches the whole process group: the import (the parent) stops them, so a worker
    # neither prints a traceback of its own nor dies mid-batch.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _prepare_batch(batch: list[RawDocument], default_source: str) -> list[Prepared]:
    return [prepare(raw, default_source) for raw in batch]


@dataclass
class Known:
    """A story whose exact input is already in the archive."""

    raw: RawDocument
    row: dict
    input_hash: str


class Preparer:
    """Batches of documents ready to write, read ahead of the writing and extracted in workers."""

    def __init__(
        self,
        progress,
        *,
        workers: int,
        default_source: str = "",
        max_page_bytes: int | None = None,
        max_story_chars: int | None = None,
    ):
        self.progress = progress
        self.workers = workers
        self.default_source = default_source
        self.max_page_bytes = max_page_bytes  # one-story files larger than this are refused unread
        self.max_story_chars = max_story_chars  # stories longer than this are refused before extraction

    def batches(self, inputs: Iterable) -> Iterator[list]:
        return self._prepared_batches(self._documents(inputs))

    def _documents(self, inputs: Iterable) -> Iterator[RawDocument | ReadProblem]:
        for item in inputs:
            read = [item] if isinstance(item, ReadProblem) else read_input(item, max_page_bytes=self.max_page_bytes)
            for found in read:
                self.progress.read += 1
                yield self._bounded(found)
            self.progress.files += 1

    def _bounded(self, found: RawDocument | ReadProblem) -> RawDocument | ReadProblem:
        """A story too long to extract in bounded time and memory (extraction grows faster than the
        text) becomes a problem, before it reaches a worker. A backup's story is not extracted
        again (its `given` extraction is restored) and passes."""
        limit = self.max_story_chars
        if isinstance(found, RawDocument) and limit and not found.given and len(found.text) > limit:
            return ReadProblem(
                found.location,
                f"{found.location}: refused: a story of {len(found.text):,} characters is over the limit of "
                f"{limit:,} (IMPORT_MAX_STORY_CHARS); split it into stories",
            )
        return found

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
                    if any(not normalised_language(raw.language) for raw in to_extract):
                        # The language detector's model (about 3 s and 100 MiB to load) loads once,
                        # here, outside any transaction, and the forked workers share it.
                        load_language_model()
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
