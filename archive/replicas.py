"""Read replicas: the researchers' pages read from PostgreSQL streaming replicas, everything else
from the primary (settings: DATABASE_REPLICA_URLS, REPLICA_MAX_LAG_SECONDS).

- `ReplicaReadsMiddleware` lets a request read from a replica only when it is a GET or HEAD outside
  the admin and its browser has not written lately (a write sets a cookie for as long as a replica
  may lag, so an editor reads their own writes). Management commands, imports, the admin and
  anything that writes never leave the primary: replicas are opt-in per request.
- `ReplicaRouter` sends those requests' reads to the one replica chosen for the request.
- `ReplicaHealth` says which replicas may serve: reachable, in recovery and not more than
  REPLICA_MAX_LAG_SECONDS behind, asked at most every REPLICA_CHECK_SECONDS in each process. A
  replica that is down or lags is skipped with a log line, the primary serves, and it is taken
  back by itself once it answers in time again. A replica that fails in the middle of a request
  is marked down and the view runs again on the primary.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections

log = logging.getLogger(__name__)

# The replica the current request reads from (None: the primary).
_replica: contextvars.ContextVar[str | None] = contextvars.ContextVar("archive_replica", default=None)

PIN_COOKIE = "archive_primary"  # set after a write: this browser reads from the primary for a while
SAFE_METHODS = ("GET", "HEAD")

# Replication lag in seconds: zero when the replica has replayed all it received (an idle primary
# sends nothing, and the last replayed transaction's age would grow without any lag).
LAG_SQL = """
SELECT pg_is_in_recovery(),
       CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END
"""


def replica_aliases() -> list[str]:
    return list(getattr(settings, "REPLICA_ALIASES", []))


class ReplicaHealth:
    """Which replicas may serve reads now, in this process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.problems: dict[str, str | None] = {}  # alias -> why it may not serve (None: it may)
        self.checked: dict[str, float] = {}
        self.turns = itertools.count()

    def usable(self) -> list[str]:
        now = time.monotonic()
        usable = []
        for alias in replica_aliases():
            if now - self.checked.get(alias, float("-inf")) >= settings.REPLICA_CHECK_SECONDS:
                self._set(alias, self.problem(alias))
            if self.problems.get(alias) is None:
                usable.append(alias)
        return usable

    def pick(self) -> str | None:
        """A usable replica, in turn; None when none is (the primary serves)."""
        usable = self.usable()
        return usable[next(self.turns) % len(usable)] if usable else None

    def problem(self, alias: str) -> str | None:
        """Why `alias` may not serve reads now, or None."""
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute(LAG_SQL)
                in_recovery, lag = cursor.fetchone()
        except DatabaseError as error:
            connections[alias].close()
            return f"unreachable ({' '.join(str(error).split())[:200]})"
        if not in_recovery:
            return "not in recovery: a primary, not a replica"
        if float(lag) > settings.REPLICA_MAX_LAG_SECONDS:
            return f"{float(lag):.1f} s behind the primary (limit {settings.REPLICA_MAX_LAG_SECONDS} s)"
        return None

    def mark_down(self, alias: str, reason: str) -> None:
        connections[alias].close()
        self._set(alias, reason)

    def _set(self, alias: str, problem: str | None) -> None:
        with self.lock:
            before = self.problems.get(alias, None)
            self.problems[alias] = problem
            self.checked[alias] = time.monotonic()
        if problem and problem != before:
            log.warning("Read replica %s skipped, the primary serves its reads: %s", alias, problem)
        elif before and not problem:
            log.warning("Read replica %s serves reads again", alias)

    def forget(self) -> None:
        """Check every replica again on the next request (tests)."""
        with self.lock:
            self.problems.clear()
            self.checked.clear()


health = ReplicaHealth()


def reading_from() -> str | None:
    """The replica the current request reads from, or None."""
    return _replica.get()


def fall_back(error: BaseException) -> None:
    """The request's replica failed before its view ran (connecting to it): marked down, and the
    rest of the request reads from the primary."""
    alias = _replica.get()
    if alias is not None:
        health.mark_down(alias, f"unreachable ({' '.join(str(error).split())[:200]})")
        _replica.set(None)


@contextlib.contextmanager
def reading(alias: str | None):
    """Read from `alias` (None: the primary) in the block: for the rest of a streamed response,
    which is made after the middleware has returned."""
    token = _replica.set(alias)
    try:
        yield
    finally:
        _replica.reset(token)


class ReplicaRouter:
    """Reads of replica-eligible requests go to their replica; all else to the primary."""

    def db_for_read(self, model, **hints):
        return _replica.get()  # None: Django's default, the primary

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, copied

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # a replica is a copy of the primary, migrated with it


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases():
            return self.get_response(request)
        alias = health.pick() if self.may_use_replica(request) else None
        token = _replica.set(alias)
        try:
            response = self.get_response(request)
        finally:
            _replica.reset(token)
        if request.method not in SAFE_METHODS and response.status_code < 400:
            # Wrote (or may have): read from the primary until every replica has caught up.
            max_age = int(settings.REPLICA_MAX_LAG_SECONDS) + 1
            response.set_cookie(PIN_COOKIE, "1", max_age=max_age, httponly=True, samesite="Lax",
                                secure=request.is_secure())  # fmt: skip
        return response

    @staticmethod
    def may_use_replica(request) -> bool:
        return (
            request.method in SAFE_METHODS
            and not request.path.startswith("/admin/")
            and PIN_COOKIE not in request.COOKIES
        )

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.replica_view = (view_func, view_args, view_kwargs)

    def process_exception(self, request, exception):
        """A replica that fails during a request: marked down, and the view runs on the primary."""
        alias = _replica.get()
        lost = isinstance(exception, OperationalError | InterfaceError)  # the server, not the query
        if alias is None or not lost or not hasattr(request, "replica_view"):
            return None
        health.mark_down(alias, f"failed during a request ({' '.join(str(exception).split())[:200]})")
        _replica.set(None)
        view_func, args, kwargs = request.replica_view
        return view_func(request, *args, **kwargs)
