"""Throwaway databases that other processes can open (an SQLite file, or a database on the
PostgreSQL server the tests use), and manage.py run in such processes: for tests that kill an
import, run two at once or take the disk away."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


class ScratchDatabases:
    """Migrated databases made from one migrated template, dropped by `close()`.

    `server` is None for SQLite files in `folder`, or a postgres:// URL without database name."""

    def __init__(self, folder: Path, server: str | None):
        self.folder, self.server = folder, server
        self.made: list[str] = []
        self.template = self._new_url("template")
        if server:
            self._postgres(f'CREATE DATABASE "{self._name(self.template)}"')
        self.made.append(self.template)
        manage(self.template, "migrate", "--noinput", "-v0", check=True)

    def new(self, label: str) -> str:
        url = self._new_url(label)
        if self.server:
            self._postgres(f'CREATE DATABASE "{self._name(url)}" TEMPLATE "{self._name(self.template)}"')
        else:
            shutil.copyfile(self._name(self.template), self._name(url))
        self.made.append(url)
        return url

    def close(self) -> None:
        for url in self.made:
            if self.server:
                self._postgres(f'DROP DATABASE IF EXISTS "{self._name(url)}" WITH (FORCE)')

    def _new_url(self, label: str) -> str:
        if self.server:
            return f"{self.server}/faults_{os.getpid()}_{label}"
        return f"sqlite:///{self.folder / label}.sqlite3"

    @staticmethod
    def _name(url: str) -> str:
        return url.split(":///", 1)[1] if url.startswith("sqlite") else url.rsplit("/", 1)[1]

    def _postgres(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            connection.execute(sql)


def server_of(database: dict) -> str | None:
    """The PostgreSQL server of Django's DATABASES entry, as a URL; None for SQLite."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return None
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return f"postgres://{database['USER']}{password}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"


def environment(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="archive.settings",
               SECRET_KEY=env.get("SECRET_KEY") or "tests-only-secret-key", **extra)
    return env


def manage(url: str, *args: str, check: bool = False, max_file_bytes: int | None = None, **env: str):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=environment(url, **env), capture_output=True,
        text=True, check=check, preexec_fn=_file_size_limit(max_file_bytes),
    )


def start_import(url: str, *paths: Path, workers: int = 1) -> subprocess.Popen:
    """import_documents in its own process; by default extracting in-process (no worker pool)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_documents", "--workers", str(workers), *map(str, paths)],
        cwd=PROJECT_DIR, env=environment(url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _file_size_limit(limit: int | None):
    """A disk that fills up: writes past `limit` bytes in any file fail (EFBIG; Python ignores SIGXFSZ)."""
    if limit is None:
        return None
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def query(url: str, sql: str) -> list[tuple]:
    """Plain SQL on the database, without Django (the test process has its own databases); autocommit."""
    if url.startswith("sqlite"):
        with closing(sqlite3.connect(ScratchDatabases._name(url), timeout=20)) as connection:
            return rows(connection.execute(sql))
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        return rows(connection.execute(sql))


def rows(cursor) -> list[tuple]:
    return cursor.fetchall() if cursor.description else []


def wait_until(condition, process: subprocess.Popen | None = None, timeout: float = 120) -> None:
    """Wait for `condition()`; fail if `process` ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process ended first: {process.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def snapshot(url: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.archive_snapshot"], cwd=PROJECT_DIR, env=environment(url), capture_output=True,
        text=True, check=True,
    )
    return json.loads(result.stdout)
