"""The cost ceiling of public requests (issue 15): a search that asks too much of the database is
stopped by it (PostgreSQL statement_timeout, SQLite's progress handler) and answered 503 with
Retry-After, never a 200 cut short; exports compute no snippets, check their first chunk before
answering, end visibly on a later failure, and one client runs at most EXPORTS_PER_CLIENT."""

from __future__ import annotations

import json
import time
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.public import downloads
from archive.search.filtersets import ArticleSearch

from .factories import make_article, make_person, make_statement
from .test_roles import user_in

pytestmark = pytest.mark.django_db
# Counts to a hundred million: seconds on either database, unless something stops it.
ENDLESS = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
           "SELECT count(*) FROM c")  # fmt: skip
# A statement PostgreSQL cancels aborts the transaction around it: the public site runs in autocommit,
# and so do the tests that make the database stop a statement.
STOPPED = pytest.mark.django_db(transaction=True)
EXPORT = reverse("archive:search_export", kwargs={"fmt": "json"})


def endless(*args, **kwargs):
    with connection.cursor() as cursor:
        cursor.execute(ENDLESS)
        return cursor.fetchone()[0]


@pytest.fixture
def stories():
    kishi = make_person("Nobuo Kishi", country_id="JP")
    made = []
    for number in range(12):
        story = make_article(f"Trade talks {number}", f"TOKYO - Trade talks went on, Kishi said ({number}).",
                             countries=["JP"])  # fmt: skip
        make_statement(story, kishi, f"Talks go on {number}")
        made.append(story)
    return made


@pytest.fixture
def ceiling(settings):
    settings.REQUEST_QUERY_SECONDS = 0.2
    return settings


def read(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@STOPPED
def test_a_page_over_the_ceiling_is_stopped_and_answered_503(client, stories, ceiling):
    started = time.monotonic()
    with mock.patch.object(ArticleSearch, "count", endless):
        response = client.get(reverse("archive:search"), {"q": "talks"})
    assert time.monotonic() - started < 3  # stopped by the database, not run to the end
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "This search asks too much" in response.content.decode()
    assert response["Content-Security-Policy"]  # a page of ours, with the headers
    assert client.get(reverse("archive:search"), {"q": "talks"}).status_code == 200  # the next one is fine


@STOPPED
def test_an_export_whose_first_chunk_is_over_the_ceiling_is_a_503_not_a_200(client, stories, ceiling):
    with mock.patch.object(downloads, "article_chunks", lambda *args: iter([endless()])):
        response = client.get(EXPORT, {"q": "talks"})
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert "asks more of the archive" in json.loads(response.content)["error"]


@STOPPED
def test_an_export_stopped_later_ends_visibly_incomplete(client, stories, ceiling, monkeypatch):
    real = downloads.article_chunks

    def slow_second_chunk(results, url, size):
        chunks = real(results, url, 5)
        yield next(chunks)
        endless()
        yield from chunks

    monkeypatch.setattr(downloads, "article_chunks", slow_second_chunk)
    response = client.get(EXPORT)
    assert response.status_code == 200
    body = read(response).decode()
    assert "export stopped" in body
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)  # never taken for the whole list
    monkeypatch.setattr(downloads, "article_chunks", real)
    csv_body = read(client.get(reverse("archive:search_export", kwargs={"fmt": "csv"}))).decode()
    assert "export stopped" not in csv_body and csv_body.count("\n") == 13  # header + 12 rows


def test_exports_compute_no_snippets_and_match_the_page(client, stories):
    with CaptureQueriesContext(connection) as queries:
        rows = json.loads(read(client.get(EXPORT, {"q": "talks"})))
    sql = " ".join(query["sql"] for query in queries).lower()
    assert "snippet(" not in sql and "ts_headline" not in sql
    assert len(rows) == 12 and rows[0]["speakers"] == ["Nobuo Kishi"] and rows[0]["countries"] == ["Japan"]
    assert len(queries) <= 8  # a constant number: 3 per chunk of 500 rows, and the search
    statements = json.loads(read(client.get(reverse("archive:statements_export", kwargs={"fmt": "json"}),
                                            {"q": "talks"})))  # fmt: skip
    assert len(statements) == 12 and statements[0]["speaker"] == "Nobuo Kishi" and statements[0]["speaker_resolved"]


def test_one_client_runs_at_most_the_allowed_exports_at_once(client, stories, settings, rf, tmp_path):
    settings.EXPORTS_PER_CLIENT = 1
    settings.EXPORT_LOCK_DIR = tmp_path
    held = downloads.take_slot(rf.get("/", REMOTE_ADDR="127.0.0.1"))
    refused = client.get(EXPORT)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "already running 1 export" in json.loads(refused.content)["error"]
    other = client.get(EXPORT, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200 and len(json.loads(read(other))) == 12  # read whole: its slot is let go
    held.release()
    assert client.get(EXPORT).status_code == 200


def test_the_admin_is_not_under_the_ceiling(client, ceiling):
    client.force_login(user_in("admin"))
    client.get(reverse("admin:index"))
    with connection.cursor() as cursor:
        cursor.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) "
                       "SELECT count(*) FROM c")  # fmt: skip
        assert cursor.fetchone()[0] == 2000000  # outside a request: no ceiling either
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"
