"""A librarian uploads a large file in Chromium: the request only stores and queues it, the task
worker (a real `manage.py db_worker` process) imports it, and the run's page shows the stories done
of the total, the rate and the time left until it ends, then the report.

The site and the worker run as separate processes on a scratch database (SQLite file or PostgreSQL),
as in production: nothing here shares the test process's connection.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from archive.devtools.processes import PROJECT_DIR, environment, manage
from archive.devtools.stories import write_stories

from .conftest import CHROMIUM
from .test_browser import shoot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found"),
]
STORIES = 2000
MAKE_LIBRARIAN = (
    "from django.contrib.auth.models import Group, Permission, User; from archive.auth import setup_roles; "
    "setup_roles(Group, Permission); "
    "lea = User.objects.create_user('lea', 'lea@example.org', 'pw', is_staff=True); "
    "lea.groups.add(Group.objects.get(name='Librarians'))"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_blocker):
    from django.conf import settings

    from archive.devtools.scratch import ScratchDatabases, server_of

    folder = tmp_path_factory.mktemp("upload-site")
    with django_db_blocker.unblock():
        scratch = ScratchDatabases(folder, server_of(settings.DATABASES["default"]))
    url = scratch.new("upload")
    env = {**environment(url), "DJANGO_SETTINGS_MODULE": "tests.settings", "IMPORT_UPLOAD_DIR": str(folder / "up")}
    manage(env, "shell", "-c", MAKE_LIBRARIAN, check=True)
    port = free_port()
    logs = open(folder / "processes.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                              cwd=PROJECT_DIR, env=env, stdout=logs, stderr=subprocess.STDOUT)  # fmt: skip
    worker = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
                              cwd=PROJECT_DIR, env=env, stdout=logs, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/admin/login/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise AssertionError((folder / "processes.log").read_text()) from None
            time.sleep(0.2)
    yield {"base": base, "uploads": folder / "up", "folder": folder, "worker": worker}
    for process in (server, worker):
        process.terminate()
        process.wait(timeout=30)
    logs.close()
    scratch.close()


def test_an_upload_is_imported_by_the_worker_and_its_page_shows_the_progress(site, browser, tmp_path):
    wire = write_stories(tmp_path / "wire.jsonl", range(STORIES))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site["base"] + "/admin/login/?next=/admin/archive/importrun/upload/")
    page.fill("#id_username", "lea")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.wait_for_selector("text=Up to 100\xa0MB in one upload")
    shoot(page, "23-import-upload")
    page.set_input_files("input[type=file]", str(wire))
    started = time.monotonic()
    with page.expect_navigation():
        page.click("input[type=submit]")
    request_seconds = time.monotonic() - started
    assert re.search(r"/admin/archive/importrun/\d+/change/$", page.url), page.url
    assert request_seconds < 10, "the upload's request only stores and queues"
    status = page.locator(".progress-status")
    assert re.search(r"(Waiting for the import worker|Running): [\d,]+ of 2,000 stories", status.inner_text())

    # The page polls the run's progress while it runs: done of total, percentage, rate, time left.
    page.wait_for_function(
        "() => /Running: [1-9][\\d,]* of 2,000 stories \\(\\d+%\\), [\\d,]+ stories\\/s/"
        ".test(document.querySelector('.progress-status').textContent)",
        timeout=120_000,
    )
    running = status.inner_text()
    shoot(page, "24-import-progress")
    assert "left" in running or "2,000 of 2,000" in running, running

    # When it ends, the page shows the report.
    page.wait_for_selector(".progress-status strong:text-is('Finished')", timeout=300_000)
    assert "2,000 of 2,000 stories (100%)" in status.inner_text()
    assert page.locator(".field-outcome_links a", has_text="2,000 created").count() == 1
    shoot(page, "25-import-done")
    assert not [path for path in Path(site["uploads"]).glob("*/*")], "the stored files are removed"
    assert site["worker"].poll() is None, "the worker keeps running for the next upload"
    context.close()
