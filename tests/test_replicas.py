"""Read replicas (archive/replicas.py): which requests may read from one, falling back to the
primary, and taking a replica back. Here a fake replica stands for the real one (its health is
set by the test); tests/test_replicas_live.py runs against a real streaming replica."""

from __future__ import annotations

import logging

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from archive import replicas
from archive.replicas import PIN_COOKIE, ReplicaReadsMiddleware, ReplicaRouter, health, reading_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def replica(monkeypatch):
    """'default' posing as replica_1; its health is what `state["problem"]` says."""
    state = {"problem": None, "asked": 0}

    def problem(alias):
        state["asked"] += 1
        return state["problem"]

    monkeypatch.setattr(health, "problem", problem)
    health.forget()
    with override_settings(REPLICA_ALIASES=["default"], REPLICA_CHECK_SECONDS=0):
        yield state
    health.forget()


def seen_by_view(request):
    return HttpResponse(reading_from() or "primary")


def through_middleware(request, view=seen_by_view):
    middleware = ReplicaReadsMiddleware(lambda request: view(request))
    return middleware(request)


def test_without_replicas_everything_reads_from_the_primary(client):
    assert replicas.replica_aliases() == []
    state = client.get("/health/").json()
    assert (state["database"], state["replicas"], state["reads_from"]) == ("ok", {}, "primary")
    assert state.get("reads_in_recovery", False) is False  # PostgreSQL says so; SQLite has no standby


def test_a_public_page_reads_from_a_healthy_replica(replica):
    response = through_middleware(RequestFactory().get("/?q=trade"))
    assert response.content == b"default"
    assert reading_from() is None  # only for the request


def test_the_router_sends_reads_to_the_requests_replica_and_writes_to_the_primary(replica):
    router = ReplicaRouter()

    def view(request):
        return HttpResponse(f"{router.db_for_read(None)} {router.db_for_write(None)}")

    assert through_middleware(RequestFactory().get("/"), view).content == b"default default"
    assert router.db_for_read(None) is None  # outside a request: Django's default, the primary
    assert router.allow_migrate("replica_1", "archive") is False


@pytest.mark.parametrize(
    "request_made",
    [
        lambda factory: factory.post("/admin/archive/tag/add/"),
        lambda factory: factory.get("/admin/archive/article/"),
        lambda factory: factory.get("/", HTTP_COOKIE=f"{PIN_COOKIE}=1"),
    ],
    ids=["a write", "the admin", "a browser that wrote lately"],
)
def test_writes_the_admin_and_recent_writers_read_from_the_primary(replica, request_made):
    assert through_middleware(request_made(RequestFactory())).content == b"primary"


def test_a_write_pins_the_browser_to_the_primary_as_long_as_a_replica_may_lag(replica):
    with override_settings(REPLICA_MAX_LAG_SECONDS=5):
        response = through_middleware(RequestFactory().post("/admin/archive/tag/add/"))
    assert response.cookies[PIN_COOKIE]["max-age"] == 6 and response.cookies[PIN_COOKIE]["httponly"]


def test_a_replica_that_is_down_is_skipped_with_a_log_line_and_taken_back_when_it_answers(replica, caplog):
    caplog.set_level(logging.WARNING, logger="archive.replicas")
    replica["problem"] = "unreachable (connection refused)"
    assert through_middleware(RequestFactory().get("/")).content == b"primary"
    assert through_middleware(RequestFactory().get("/")).content == b"primary"
    assert [r.getMessage() for r in caplog.records] == [
        "Read replica default skipped, the primary serves its reads: unreachable (connection refused)"
    ]  # once, not per request
    replica["problem"] = None
    assert through_middleware(RequestFactory().get("/")).content == b"default"
    assert caplog.records[-1].getMessage() == "Read replica default serves reads again"


def test_a_replica_is_asked_at_most_every_check_interval(replica):
    with override_settings(REPLICA_CHECK_SECONDS=60):
        health.forget()
        for _ in range(5):
            through_middleware(RequestFactory().get("/"))
    assert replica["asked"] == 1


def test_a_replica_failing_during_a_request_is_marked_down_and_the_view_runs_on_the_primary(replica, monkeypatch):
    monkeypatch.setattr(health, "mark_down", lambda alias, reason: replica.update(problem=reason))
    calls = []

    def flaky(request):
        calls.append(reading_from())
        if reading_from():
            raise OperationalError("server closed the connection unexpectedly")
        return HttpResponse("served")

    request = RequestFactory().get("/")
    middleware = ReplicaReadsMiddleware(lambda request: None)
    token = replicas._replica.set("default")
    try:
        middleware.process_view(request, flaky, (), {})
        with pytest.raises(OperationalError):
            flaky(request)
        response = middleware.process_exception(request, OperationalError("server closed the connection"))
    finally:
        replicas._replica.reset(token)
    assert response.content == b"served" and calls == ["default", None]
    assert replica["problem"].startswith("failed during a request")


def test_a_query_error_on_a_replica_is_not_taken_for_a_lost_server(replica):
    from django.db import ProgrammingError

    request = RequestFactory().get("/")
    middleware = ReplicaReadsMiddleware(lambda request: None)
    middleware.process_view(request, seen_by_view, (), {})
    token = replicas._replica.set("default")
    try:
        assert middleware.process_exception(request, ProgrammingError("syntax error")) is None
    finally:
        replicas._replica.reset(token)


def test_health_says_where_reads_go(client, replica):
    replica["problem"] = "12.0 s behind the primary (limit 5 s)"
    state = client.get("/health/").json()
    assert state["database"] == "ok" and state["reads_from"] == "primary"
    assert state["replicas"] == {"default": "12.0 s behind the primary (limit 5 s)"}
    assert client.get("/health/")["Cache-Control"].startswith("max-age=0")


def test_a_streamed_export_reads_its_later_rows_from_the_requests_replica():
    from archive.public.downloads import Lines

    class Slot:
        released = False

        def release(self):
            self.released = True

    seen = []

    def rows():
        for _ in range(3):
            seen.append(reading_from())
            yield "row\n"

    slot = Slot()
    with replicas.reading("replica_1"):  # the request, which returns the response unconsumed
        lines = Lines(rows(), slot)
    assert list(lines) == ["row\n"] * 3 and seen == ["replica_1"] * 3 and slot.released
    assert reading_from() is None


def test_a_replica_that_cannot_be_reached_before_the_view_leaves_the_request_to_the_primary(replica, monkeypatch):
    from django.db import connection

    from archive.public import ceiling

    class Unreachable:
        def close_if_health_check_failed(self):
            pass  # a kept connection found closed is dropped here; then connecting is refused

        def ensure_connection(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "mark_down", lambda alias, reason: replica.update(problem=reason))
    monkeypatch.setattr(ceiling, "reading_connection", lambda: Unreachable() if reading_from() else connection)
    with replicas.reading("default"), override_settings(REQUEST_QUERY_SECONDS=5):
        with ceiling.step():
            assert reading_from() is None  # the rest of the request: the primary
    assert replica["problem"].startswith("unreachable")
