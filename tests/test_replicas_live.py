"""A real PostgreSQL streaming replica (`bash .ci/replica`, which .ci/run runs): gunicorn reads
the public pages from it, falls back to the primary while it is stopped, takes it back when it
returns, and shows on the replica what an import wrote on the primary.

Runs when ARCHIVE_TEST_REPLICA_URL names the replica's server (postgres://postgres@127.0.0.1:5433)
and the tests run on PostgreSQL; it stops and starts that replica."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.parse
import urllib.request

import psycopg
import pytest
from django.conf import settings

from archive.devtools.processes import PROJECT_DIR, environment, manage
from archive.devtools.server import Gunicorn, create_database, drop_database
from archive.devtools.stories import write_stories

REPLICA_SERVER = os.environ.get("ARCHIVE_TEST_REPLICA_URL", "")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not REPLICA_SERVER, reason="no replica: set ARCHIVE_TEST_REPLICA_URL (bash .ci/replica)"),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="streaming replicas are PostgreSQL's",
    ),
]
DATABASE = "replica_live_test"


def get(base: str, path: str) -> tuple[int, str]:
    with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 (loopback only)
        return response.status, response.read().decode()


def health(base: str) -> dict:
    return json.loads(get(base, "/health/")[1])


def eventually(condition, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.3)


def replica(action: str = "") -> None:
    subprocess.run(["bash", str(PROJECT_DIR / ".ci" / "replica"), *([action] if action else [])], check=True,
                   capture_output=True)  # fmt: skip


def on_replica(sql: str):
    try:
        with psycopg.connect(f"{REPLICA_SERVER}/{DATABASE}", connect_timeout=3) as connection:
            return connection.execute(sql).fetchone()
    except psycopg.Error:
        return None


@pytest.fixture
def served(tmp_path):
    db = settings.DATABASES["default"]
    primary = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{DATABASE}"
    create_database(DATABASE)
    manage(primary, "migrate", "-v0", check=True)
    manage(primary, "collectstatic", "--noinput", "-v0", check=True)  # pages need the manifest (DEBUG off)
    assert eventually(lambda: on_replica("SELECT count(*) FROM archive_country")), "the replica never caught up"
    env = environment(primary, DATABASE_REPLICA_URLS=f"{REPLICA_SERVER}/{DATABASE}", REPLICA_CHECK_SECONDS="1",
                      REPLICA_MAX_LAG_SECONDS="5", ALLOWED_HOSTS="127.0.0.1", CONN_MAX_AGE="60")  # fmt: skip
    try:
        with Gunicorn(env, workers=2, log=tmp_path / "gunicorn.log") as server:
            yield server.base, primary
    finally:
        replica()  # started again, whatever happened
        drop_database(DATABASE)


def test_public_pages_read_from_the_replica_and_the_primary_serves_while_it_is_stopped(served, tmp_path):
    base, primary = served
    state = health(base)
    assert state["reads_from"] == "replica_1" and state["reads_in_recovery"] is True, state

    # An import on the primary shows on the pages read from the replica.
    write_stories(tmp_path / "new.jsonl", range(3))
    manage(primary, "import_documents", str(tmp_path / "new.jsonl"), check=True)
    title = on_replica("SELECT title FROM archive_article ORDER BY id LIMIT 1") or eventually(
        lambda: on_replica("SELECT title FROM archive_article ORDER BY id LIMIT 1")
    )
    word = title[0].split()[0]
    assert eventually(lambda: "3 articles" in get(base, "/?" + urllib.parse.urlencode({"q": ""}))[1])
    assert get(base, "/?" + urllib.parse.urlencode({"q": word}))[0] == 200

    # The replica stops: every page still answers, from the primary.
    replica("stop")
    for _ in range(10):
        assert get(base, "/")[0] == 200
    state = eventually(lambda: (s := health(base))["reads_from"] == "primary" and s)
    assert state and state["replicas"]["replica_1"].startswith(("unreachable", "failed during a request")), state

    # It comes back and is taken back by itself.
    replica()
    assert eventually(lambda: health(base)["reads_from"] == "replica_1", timeout=60)
