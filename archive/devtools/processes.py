"""manage.py run in a child process, as an operator would run it: for the tests and bench scripts
that need a real process (killed, run twice at once, on a full disk, with other settings)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent  # where manage.py is


def environment(url: str, **extra: str) -> dict[str, str]:
    """This process's environment for a child on the database `url` with the production settings
    (archive.settings, DEBUG unset), plus `extra`; a made-up SECRET_KEY when none is set."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="archive.settings",
        SECRET_KEY=env.get("SECRET_KEY") or "tests-only-secret-key",
        **extra,
    )
    return env


def manage(
    env: str | Mapping[str, str], *args: str, check: bool = False, max_file_bytes: int | None = None, **extra: str
) -> subprocess.CompletedProcess:
    """`python manage.py ARGS` from the project folder, its output captured as text.

    `env` is the child's whole environment, or a DATABASE_URL for `environment(env)`; `extra`
    variables are added to it. `check` raises on a non-zero exit; `max_file_bytes` makes writes
    past that size in any file fail, as on a full disk."""
    env = environment(env, **extra) if isinstance(env, str) else {**env, **extra}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        preexec_fn=_file_size_limit(max_file_bytes),
    )


def start_import(url: str, *paths: Path, workers: int = 1) -> subprocess.Popen:
    """import_documents in its own process; by default extracting in-process (no worker pool)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_documents", "--workers", str(workers), *map(str, paths)],
        cwd=PROJECT_DIR,
        env=environment(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _file_size_limit(limit: int | None):
    """A disk that fills up: writes past `limit` bytes in any file fail (EFBIG; Python ignores SIGXFSZ)."""
    if limit is None:
        return None
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def wait_until(condition, process: subprocess.Popen | None = None, timeout: float = 120) -> None:
    """Wait for `condition()`; fail if `process` ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process ended first: {process.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)
