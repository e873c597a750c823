"""Take the results away: every result list as CSV or JSON, or as citations (RIS, BibTeX,
CSL-JSON: citations.py), streamed row by row.

Rows come from `.iterator(chunk_size=...)` (prefetches run per chunk), and each row is written as soon
as it is made, so 100,000 rows cost the memory of one chunk. CSV cells that a spreadsheet would run as
a formula (starting with = + - @, tab or CR) get a leading apostrophe.

Cost: an export asks for no snippet (it writes none), fetches its first chunk inside the request (a
search over the ceiling is a 503 page, never a 200 cut short), then each further chunk under the
ceiling of its own (ceiling.step); one that still fails ends the file with an error line, not as if
complete. One client runs at most EXPORTS_PER_CLIENT exports at once (more: 429 with Retry-After),
counted by lock files that every worker process shares and that a dead process lets go.
"""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import hashlib
import itertools
import json
import logging
import os
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from django.conf import settings
from django.db import OperationalError
from django.db.models import Q, TextField, Value
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse

from archive import replicas
from archive.auth import client_ip
from archive.models import ArticleCountry, Statement
from archive.search.speakers import SPEAKER_FIELDS, speaker_label

from . import ceiling, citations
from .links import url_around

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
SLOT_BUCKETS = 4096  # clients hashed into this many buckets: a bounded number of lock files
BUSY_RETRY_AFTER_SECONDS = 30
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object whose write() hands the line back (for csv.writer)."""

    def write(self, value):
        return value


def speakers_of(article) -> list:
    seen, speakers = set(), []
    for statement in getattr(article, "speaking", []):
        speaker = statement.speaker
        key = (type(speaker).__name__, speaker.pk)
        if key not in seen:
            seen.add(key)
            speakers.append(speaker)
    return speakers


# Rows are made from plain values, a chunk at a time (the chunk's countries and speakers in one
# query each), not from model instances: 16,000 rows in a fraction of the time.
ARTICLE_FIELDS = ("pk", "title", "published_on", "dateline", "source__name", "source_ref", "url", "body")
STATEMENT_FIELDS = ("pk", *SPEAKER_FIELDS, "speaker_label", "kind", "text", "article_id", "article__title",
                    "article__published_on", "article__source__name", "article__url")  # fmt: skip


def iso(day) -> str | None:
    return day.isoformat() if day else None


def article_chunks(results, url, size: int, *, body: bool = True) -> Iterator[list[dict]]:
    """Rows of `results`, `size` at a time; without the body (None) when `body` is False (the API's lists)."""
    fields = ARTICLE_FIELDS if body else (*ARTICLE_FIELDS[:-1], Value(None, output_field=TextField()))
    values = results.values_list(*fields).iterator(chunk_size=size)
    while chunk := list(islice(values, size)):
        ids = [row[0] for row in chunk]
        countries = defaultdict(list)
        for article_id, name in (
            ArticleCountry.objects.filter(article_id__in=ids)
            .order_by("country__name")
            .values_list("article_id", "country__name")
        ):
            countries[article_id].append(name)
        speakers = defaultdict(dict)
        speaking = (Statement.objects.filter(article_id__in=ids)
                    .filter(Q(speaker_person__isnull=False) | Q(speaker_organisation__isnull=False))
                    .order_by("paragraph", "start").values_list("article_id", *SPEAKER_FIELDS))  # fmt: skip
        for article_id, *speaker in speaking:
            key = ("person", speaker[0]) if speaker[0] is not None else ("organisation", speaker[2])
            if key not in speakers[article_id]:
                speakers[article_id][key] = speaker_label(*speaker)
        yield [
            {
                "id": pk,
                "url": url(pk),
                "title": title,
                "published_on": iso(published_on),
                "dateline": dateline,
                "source": source,
                "source_id": source_ref,
                "countries": countries[pk],
                "speakers": list(speakers[pk].values()),
                "original_url": original_url,
                "body": body,
            }
            for pk, title, published_on, dateline, source, source_ref, original_url, body in chunk
        ]


def statement_chunks(results, url, size: int) -> Iterator[list[dict]]:
    values = results.values_list(*STATEMENT_FIELDS).iterator(chunk_size=size)
    while chunk := list(islice(values, size)):
        rows = []
        for pk, *speaker, label, kind, text, article_id, title, published_on, source, original_url in chunk:
            name = speaker_label(*speaker)
            rows.append({
                "id": pk,
                "url": f"{url(article_id)}#statement-{pk}",
                "speaker": name if name is not None else (label or "unattributed"),
                "speaker_resolved": name is not None,
                "kind": kind,
                "text": text,
                "article_id": article_id,
                "article_title": title,
                "published_on": iso(published_on),
                "source": source,
                "article_url": url(article_id),
                "article_original_url": original_url,
            })  # fmt: skip
        yield rows


ARTICLE_COLUMNS = [
    "id", "url", "title", "published_on", "dateline", "source", "source_id", "countries", "speakers", "original_url",
    "body",
]  # fmt: skip
STATEMENT_COLUMNS = [
    "id", "url", "speaker", "speaker_resolved", "kind", "text", "article_id", "article_title", "published_on", "source",
    "article_url", "article_original_url",
]  # fmt: skip


def article_url(request):
    """The article's permanent URL from its id, without a reverse() per row (a measurable cost at 100k)."""
    before, after = url_around("archive:article")
    base = request.build_absolute_uri(before)
    return lambda pk: f"{base}{pk}{after}"


def csv_lines(rows: Iterable[dict], columns: list[str]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(columns)  # the BOM tells spreadsheets the file is UTF-8
    for row in rows:
        yield writer.writerow([neutralise(cell(row[column])) for column in columns])


def cell(value):
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def json_lines(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    first = True
    for row in rows:
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]\n"


STOPPED = "export stopped: the database took too long for this chunk; narrow the search and try again"


def bounded(chunks: Iterator[list]) -> Iterator:
    """The items of each chunk, every further chunk made under a ceiling of its own."""
    while True:
        with ceiling.step():
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield from chunk


def ended_on_error(lines: Iterator[str], fmt: str) -> Iterator[str]:
    """The lines; if the database stops a later chunk, a last line that says so and leaves the file
    visibly incomplete (CSV: a row with the reason; JSON: the array left open), never as if whole."""
    try:
        yield from lines
    except (ceiling.TooCostly, OperationalError) as error:
        logger.warning("export stopped part-way: %s", error)
        yield f"\n# {STOPPED}\n" if fmt == "csv" else f',\n{{"error": "{STOPPED}"}}\n'


class ExportSlot:
    """One of a client's export slots: an exclusive lock on a file, shared by every worker process
    (flock: released by the kernel if the process dies)."""

    def __init__(self, descriptor: int | None):
        self.descriptor = descriptor
        self._finalizer = weakref.finalize(self, _unlock, descriptor)

    def release(self) -> None:
        self._finalizer()


def _unlock(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)  # closing the file releases its lock


def take_slot(request) -> ExportSlot | None:
    """A free export slot of this client, or None when all EXPORTS_PER_CLIENT are taken."""
    limit = settings.EXPORTS_PER_CLIENT
    if limit <= 0:
        return ExportSlot(None)
    folder = Path(settings.EXPORT_LOCK_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    bucket = int.from_bytes(hashlib.sha256(client_ip(request).encode()).digest()[:4], "big") % SLOT_BUCKETS
    for number in range(limit):
        descriptor = os.open(folder / f"{bucket}.{number}", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            continue
        return ExportSlot(descriptor)
    return None


def too_many_exports(fmt: str) -> HttpResponse:
    message = (
        f"You are already running {settings.EXPORTS_PER_CLIENT} exports: wait until one has finished, then try again."
    )
    if fmt == "json":
        response = JsonResponse({"error": message}, status=429)
    else:
        response = HttpResponse(message + "\n", status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
    return response


class Lines:
    """The export's lines, read from the request's replica if it had one; close() (the server calls
    it when the response ends, however it ends) lets the client's export slot go."""

    def __init__(self, lines: Iterator[str], slot: ExportSlot):
        self.lines, self.slot = lines, slot
        self.replica = replicas.reading_from()

    def __iter__(self):
        return self

    def __next__(self) -> str:
        try:
            with replicas.reading(self.replica):
                return next(self.lines)
        except StopIteration:
            self.slot.release()
            raise

    def close(self) -> None:
        try:
            self.lines.close()
        finally:
            self.slot.release()


def stream(request, search, kind: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json", *citations.FORMATS) or kind not in ("articles", "statements"):
        raise Http404("No such export")
    slot = take_slot(request)
    if slot is None:
        return too_many_exports(fmt)
    url = article_url(request)
    if fmt in citations.FORMATS:
        content_type, extension, write = citations.FORMATS[fmt]
        cite = citations.article_citation if kind == "articles" else citations.statement_citation
        # The citing title reads the body (citations.citing_title): articles are listed with it; a
        # statement's article gets it once per chunk, not joined to each of its statements.
        if kind == "articles":
            items = search.listing(with_body=True).iterator(chunk_size=CHUNK_SIZE)
        else:
            items = with_article_bodies(search.listing().iterator(chunk_size=CHUNK_SIZE))
        lines = write(cite(item, url(item.pk if kind == "articles" else item.article_id)) for item in items)
        response = StreamingHttpResponse(Lines(ended_on_error(lines, fmt), slot), content_type=content_type)
        return attachment(response, f"{kind}-citations", extension)
    try:
        make_chunks = article_chunks if kind == "articles" else statement_chunks
        chunks = make_chunks(search.results(snippets=False), url, CHUNK_SIZE)
        # The first chunk inside the request, under its ceiling: a search that asks too much is a
        # 503 before any byte of a 200 is sent.
        first = next(chunks, [])
    except BaseException:
        slot.release()
        raise
    rows = chain(first, bounded(chunks))
    columns = ARTICLE_COLUMNS if kind == "articles" else STATEMENT_COLUMNS
    lines = csv_lines(rows, columns) if fmt == "csv" else json_lines(rows)
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json; charset=utf-8"
    response = StreamingHttpResponse(Lines(ended_on_error(lines, fmt), slot), content_type=content_type)
    return attachment(response, kind, fmt)


def with_article_bodies(statements: Iterator) -> Iterator:
    """The statements with their article's body, fetched in one query per chunk of statements."""
    from archive.models import Article

    while chunk := list(itertools.islice(statements, CHUNK_SIZE)):
        bodies = dict(Article.objects.filter(pk__in={s.article_id for s in chunk}).values_list("pk", "body"))
        for statement in chunk:
            statement.article.body = bodies.get(statement.article_id, "")
            yield statement


def citation_file(citation, fmt: str) -> HttpResponse:
    """One article's citation as a file."""
    if fmt not in citations.FORMATS:
        raise Http404("No such format")
    content_type, extension, write = citations.FORMATS[fmt]
    response = HttpResponse("".join(write([citation])), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{extension}"'
    return response


def attachment(response, name: str, extension: str):
    response["Content-Disposition"] = f'attachment; filename="{name}-{dt.date.today():%Y-%m-%d}.{extension}"'
    return response
