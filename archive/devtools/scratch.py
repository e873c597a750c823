"""Throwaway databases that other processes can open (an SQLite file, or a database on the
PostgreSQL server the tests use), plain SQL on them and snapshots of them: for the tests and
bench scripts that kill an import, run two at once, take the disk away or restore a backup."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from .processes import PROJECT_DIR, environment, manage

# Scratch databases on a shared server are named PREFIX_pid_label (SCRATCH_DATABASE_PREFIX).
PREFIX = os.environ.get("SCRATCH_DATABASE_PREFIX", "faults")


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
            return f"{self.server}/{PREFIX}_{os.getpid()}_{label}"
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


def snapshot(url: str) -> dict:
    """archive.devtools.snapshot of the database `url`, taken in a child process."""
    result = subprocess.run(
        [sys.executable, "-m", "archive.devtools.snapshot"],
        cwd=PROJECT_DIR,
        env=environment(url),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)
