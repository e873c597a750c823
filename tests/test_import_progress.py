"""import_documents' progress: the stories counted up front (estimate.py), plain lines in logs, a rich
bar on a terminal, plurals and thousands separators, and Ctrl-C without the workers' tracebacks."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.core.management import call_command

from archive.devtools.processes import PROJECT_DIR, environment
from archive.devtools.stories import write_stories
from archive.importing.estimate import estimate, stories_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_stories_are_counted_cheaply_up_front(tmp_path):
    write_stories(tmp_path / "wire.jsonl", range(450))
    (tmp_path / "one.txt").write_text("TOKYO, Jan 7 - Ministers met.\n")
    (tmp_path / "table.csv").write_text("title,date,body\nA,2022-01-01,x\nB,2022-01-02,y\n")
    assert stories_in(str(tmp_path / "wire.jsonl")) == 450
    assert stories_in(str(tmp_path / "table.csv")) == 2
    assert estimate([str(tmp_path)]) == 453
    assert estimate([str(tmp_path / "*.txt")]) == 1


def test_plain_lines_say_stories_done_of_the_total_and_the_summary_counts_in_words(tmp_path):
    write_stories(tmp_path / "wire.jsonl", range(1200))
    out = StringIO()
    call_command("import_documents", str(tmp_path / "wire.jsonl"), "--workers", "1", stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert any(line.startswith("200 of 1,200 stories (16%),") and "stories/s" in line for line in lines), lines
    assert "1,200 created" in lines[-1] and "(1 file, 1,200 stories," in lines[-1], lines[-1]
    assert "files," not in lines[-1]


def read_all(fd: int, process: subprocess.Popen, until: float, stop=lambda output: False) -> bytes:
    output = b""
    while time.monotonic() < until and not stop(output):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    return output


def on_a_terminal(url: str, *args: str) -> tuple[subprocess.Popen, int]:
    """import_documents with its output on a pseudo-terminal, in its own process group (as a shell
    runs it, so that Ctrl-C reaches it and its workers)."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_documents", *args], cwd=PROJECT_DIR,
        env={**environment(url), "COLUMNS": "120", "TERM": "xterm"}, stdin=child, stdout=child, stderr=child,
        start_new_session=True,
    )  # fmt: skip
    os.close(child)
    return process, main


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, django_db_blocker):
    from django.conf import settings

    from archive.devtools.scratch import ScratchDatabases, server_of

    with django_db_blocker.unblock():
        databases = ScratchDatabases(tmp_path_factory.mktemp("databases"), server_of(settings.DATABASES["default"]))
    yield databases
    databases.close()


@pytest.mark.slow
def test_a_terminal_gets_a_real_bar_and_ctrl_c_no_tracebacks(scratch, tmp_path):
    wire = write_stories(tmp_path / "wire.jsonl", range(20000))
    process, terminal = on_a_terminal(scratch.new("bar"), str(wire), "--workers", "2")
    output = read_all(terminal, process, time.monotonic() + 90, stop=lambda out: b"1,000 of 20,000" in out)
    text = output.decode("utf-8", "replace")
    assert "of 20,000 stories" in text and "%" in text and "ETA" in text, text[-2000:]
    assert "━" in text, "rich draws the bar"
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group, workers included
    rest = read_all(terminal, process, time.monotonic() + 30).decode("utf-8", "replace")
    process.wait(timeout=30)
    os.close(terminal)
    assert process.returncode != 0
    assert "Interrupted. What was written is complete" in rest
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest, rest[-3000:]
