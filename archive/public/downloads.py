"""Take the results away: every result list as CSV or JSON, streamed row by row.

Rows come from `.iterator(chunk_size=...)` (prefetches run per chunk), and each row is written as soon
as it is made, so 100,000 rows cost the memory of one chunk. CSV cells that a spreadsheet would run as
a formula (starting with = + - @, tab or CR) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator

from django.http import Http404, StreamingHttpResponse

from .links import url_around

CHUNK_SIZE = 500
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


def article_row(article, url) -> dict:
    return {
        "id": article.pk,
        "url": url(article.pk),
        "title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "dateline": article.dateline,
        "source": article.source.name if article.source else None,
        "source_id": article.source_ref,
        "countries": [country.name for country in article.countries.all()],
        "speakers": [str(speaker) for speaker in speakers_of(article)],
        "original_url": article.url,
        "body": article.body,
    }


def statement_row(statement, url) -> dict:
    article = statement.article
    return {
        "id": statement.pk,
        "url": f"{url(article.pk)}#statement-{statement.pk}",
        "speaker": statement.speaker_name,
        "speaker_resolved": statement.is_resolved,
        "kind": statement.kind,
        "text": statement.text,
        "article_id": article.pk,
        "article_title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "source": article.source.name if article.source else None,
        "article_url": url(article.pk),
        "article_original_url": article.url,
    }


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


def stream(request, search, kind: str, fmt: str) -> StreamingHttpResponse:
    if fmt not in ("csv", "json") or kind not in ("articles", "statements"):
        raise Http404("No such export")
    make_row = article_row if kind == "articles" else statement_row
    url = article_url(request)
    listing = search.listing(with_body=True) if kind == "articles" else search.listing()
    rows = (make_row(item, url) for item in listing.iterator(chunk_size=CHUNK_SIZE))
    columns = ARTICLE_COLUMNS if kind == "articles" else STATEMENT_COLUMNS
    lines = csv_lines(rows, columns) if fmt == "csv" else json_lines(rows)
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json; charset=utf-8"
    response = StreamingHttpResponse(lines, content_type=content_type)
    filename = f"{kind}-{dt.date.today():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
