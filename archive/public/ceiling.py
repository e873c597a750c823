"""A cost ceiling for the researchers' site: no anonymous request may keep the database busy for
more than `REQUEST_QUERY_SECONDS` at a stretch.

- PostgreSQL: `statement_timeout` on the connection while it serves a public request or an export's
  chunk, put back to none after it (SET on the raw connection: no query of the page's).
- SQLite: a progress handler that interrupts the statement running when the deadline has passed.
  SQLite computes rows while they are fetched, so the deadline covers a whole step (the request, or
  one chunk of a streamed export), not a single `execute`.

Management commands (imports, exports of the archive) and the admin never enter a ceiling.
When one fires, the database's error becomes `TooCostly`, which `CostCeilingMiddleware` answers
with 503, `Retry-After` and a page (or JSON for .json URLs) saying the search asks too much.
Streamed exports run each chunk of work inside `step()` and check their first chunk before the
response starts (downloads.py), so the ceiling never leaves a truncated 200 behind.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader

from archive import replicas
from archive.replicas import reading_from

RETRY_AFTER_SECONDS = 30
SQLITE_CHECK_EVERY = 10_000  # virtual machine instructions between deadline checks (well under 1 ms)
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for statement_timeout


class TooCostly(Exception):
    """A request (or one step of an export) ran past the ceiling; the database stopped it."""


def limit_seconds() -> float:
    return float(getattr(settings, "REQUEST_QUERY_SECONDS", 0) or 0)


def applies_to(path: str) -> bool:
    """Public pages, feeds and exports; not the admin (signed-in staff, imports in the request)."""
    return not path.startswith("/admin/")


@contextmanager
def step(seconds: float | None = None):
    """Run the block under the ceiling: at most `seconds` (default: the setting) of database work."""
    seconds = limit_seconds() if seconds is None else seconds
    if seconds <= 0:
        yield
        return
    try:
        connection = _connected(reading_connection())
        previous = _set_statement_timeout(connection, int(seconds * 1000))
    except (OperationalError, InterfaceError) as error:
        if reading_from() is None:
            raise
        # A replica that stopped since it was last asked (refused, or the kept connection was
        # closed by its server): marked down, and the primary serves.
        replicas.fall_back(error)
        connection = _connected(reading_connection())
        previous = _set_statement_timeout(connection, int(seconds * 1000))
    if connection.vendor == "postgresql":
        try:
            with connection.execute_wrapper(_translate):
                yield
        finally:
            if connection.connection is not None:
                _set_statement_timeout(connection, previous)
        return
    if connection.vendor != "sqlite":
        yield
        return
    state = _sqlite_state(connection)
    previous = state["deadline"]
    state["deadline"] = time.monotonic() + seconds
    try:
        with connection.execute_wrapper(_translate):
            try:
                yield
            except OperationalError as error:
                raise _translated(error) from error
    finally:
        state["deadline"] = previous


def reading_connection():
    """The connection the request reads from: its read replica (archive/replicas.py) or the primary."""
    return connections[reading_from() or DEFAULT_DB_ALIAS]


def _connected(connection):
    """`connection`, connected. A kept connection goes through Django's health check first (once
    per request, as a query of the page would): the ceiling talks to the raw connection, which
    Django's own check does not see."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    return connection


def _set_statement_timeout(connection, milliseconds: int) -> int | None:
    """Sets PostgreSQL's statement_timeout on the raw connection (not a query of the page: query
    counts stay as they are), unless it is set so already; returns the value it had (None on
    other databases)."""
    if connection.vendor != "postgresql":
        return None
    raw = connection.connection
    current = getattr(connection, "_ceiling_ms", None)
    previous = current[1] if current is not None and current[0] is raw else 0
    if previous != milliseconds:
        with connection.wrap_database_errors, raw.cursor() as cursor:  # psycopg's errors as Django's
            cursor.execute(f"SET statement_timeout = {int(milliseconds)}")
        connection._ceiling_ms = (raw, milliseconds)
    return previous


def _sqlite_state(connection) -> dict:
    raw = connection.connection
    state = getattr(connection, "_ceiling_state", None)
    if state is None or state["raw"] is not raw:
        state = {"raw": raw, "deadline": None}

        def check() -> int:
            deadline = state["deadline"]
            return 1 if deadline is not None and time.monotonic() > deadline else 0

        raw.set_progress_handler(check, SQLITE_CHECK_EVERY)
        connection._ceiling_state = state
    return state


def _timed_out(error: BaseException) -> bool:
    cause = error.__cause__ or error
    if getattr(cause, "sqlstate", None) == QUERY_CANCELED:
        return True
    state = getattr(reading_connection(), "_ceiling_state", None)
    deadline = state and state["deadline"]
    return bool(deadline) and time.monotonic() > deadline and "interrupted" in str(error)


def _translated(error: BaseException) -> BaseException:
    return TooCostly(str(error)) if _timed_out(error) else error


def _translate(execute, sql, params, many, context):
    try:
        return execute(sql, params, many, context)
    except OperationalError as error:
        translated = _translated(error)
        if translated is error:
            raise
        raise translated from error


def too_costly(request) -> HttpResponse:
    """503 with Retry-After: the search asks more of the database than one request may."""
    message = (
        "This search asks more of the archive than one request may. Narrow it (fewer OR'd words, "
        "a date range, a country) and try again."
    )
    if request.path.endswith(".json"):
        response = JsonResponse({"error": message}, status=503)
    elif request.path.endswith(".csv") or "/feed/" in request.path:
        response = HttpResponse(message + "\n", status=503, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(loader.render_to_string("503_costly.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class CostCeilingMiddleware:
    """Every public request under the ceiling; TooCostly answered with `too_costly`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not applies_to(request.path):
            return self.get_response(request)
        try:
            with step():
                return self.get_response(request)
        except TooCostly:
            return too_costly(request)

    def process_exception(self, request, exception):
        if isinstance(exception, TooCostly) or (isinstance(exception, OperationalError) and _timed_out(exception)):
            return too_costly(request)
        return None
