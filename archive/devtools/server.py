"""Helpers for tests and bench scripts that run the archive for real: throwaway PostgreSQL databases
and a gunicorn server on a free loopback port (manage.py commands: archive.devtools.processes)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .processes import PROJECT_DIR

VENV_BIN = Path(sys.executable).parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def database_url(name: str) -> str:
    return f"{POSTGRES}/{name}"


def psql(sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def create_database(name: str) -> None:
    drop_database(name)
    psql(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def app_env(database: str, **extra: str) -> dict[str, str]:
    """The environment of a production-like run: DEBUG off, the given database."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=database if "://" in database else database_url(database),
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-key"),
        DJANGO_SETTINGS_MODULE="archive.settings",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        **extra,
    )
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn serving the archive on 127.0.0.1; stopped (the whole process group) on exit."""

    def __init__(self, env: dict[str, str], *, workers: int = 2, threads: int = 1, log: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self.log = open(log or os.devnull, "w")
        command = [
            str(VENV_BIN / "gunicorn"),
            "archive.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            "60",
        ]
        self.process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def __enter__(self) -> Gunicorn:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/help/", timeout=5).read()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited at start:\n{self.log_tail()}") from None
                time.sleep(0.3)
        tail = self.log_tail()
        self.__exit__()  # a server that never answered must not outlive the script (no `with` exit then)
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{tail}")

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()

    def log_tail(self, lines: int = 20) -> str:
        """The end of gunicorn's log, or a note that there is none."""
        if self.log_path is None:
            return "(no log: pass log= to keep one)"
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def worker_pids(self) -> set[int]:
        """The master's children: the same set before and after a fault means no worker restarted."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(pid) for pid in children.read_text().split()} if children.exists() else set()
