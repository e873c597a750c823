"""The admin's "Import files" page: librarians upload files, which are stored and queued; the task
worker imports them and removes them; the run's page shows its progress, then its report."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from archive.models import Article, ImportRun

from .test_roles import user_in

pytestmark = pytest.mark.django_db
UPLOAD = reverse("admin:archive_importrun_upload")
DATA = Path(__file__).resolve().parent / "data" / "import"


def upload(name):
    return SimpleUploadedFile(name, (DATA / name).read_bytes())


def work():
    """What the task worker does with each queued task: call its function with its arguments, here in
    the test's transaction (the real db_worker, which manages its own connections, runs in
    test_upload_browser.py)."""
    for queued in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"):
        queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
        queued.delete()


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    return settings.IMPORT_UPLOAD_DIR


def test_the_upload_page_is_linked_from_the_import_runs_for_librarians(client):
    client.force_login(user_in("Librarians"))
    page = client.get(reverse("admin:archive_importrun_changelist")).content.decode()
    assert UPLOAD in page and "Import files" in page
    page = client.get(UPLOAD).content.decode()
    assert 'type="file"' in page and "multiple" in page


def test_a_librarian_uploads_several_files_and_sees_the_stored_report(client, upload_dir):
    librarian = user_in("Librarians")
    client.force_login(librarian)
    response = client.post(
        UPLOAD, {"files": [upload("seed.txt"), upload("plain.txt"), upload("bad_columns.csv")]}, follow=True
    )
    # Nothing imported in the request: the files are stored, the run queued, its page shown.
    run = ImportRun.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:archive_importrun_change", args=[run.pk])
    assert run.status == ImportRun.Status.QUEUED and not Article.objects.exists()
    assert run.stories_total == 3 and len(list(upload_dir.glob("*/*"))) == 3
    assert DBTaskResult.objects.count() == 1
    page = response.content.decode()
    assert "Waiting for the import worker" in page and "js/import_progress.js" in page
    assert client.get(reverse("admin:archive_importrun_progress", args=[run.pk])).json()["status"] == "queued"

    work()
    run.refresh_from_db()
    assert run.status in (ImportRun.Status.FINISHED, ImportRun.Status.FAILED)
    assert run.started_by == librarian and run.origin == "admin upload by librarians"
    assert run.outcomes.count() >= 3 and run.created >= 2 and run.stories_done >= 3
    assert Article.objects.count() == run.created
    assert not list(upload_dir.glob("*/*")), "the stored files are removed when the import ends"
    progress = client.get(reverse("admin:archive_importrun_progress", args=[run.pk])).json()
    assert progress["active"] is False and progress["done"] == run.stories_done
    page = client.get(reverse("admin:archive_importrun_change", args=[run.pk])).content.decode()
    assert f"{run.created} created</a>" in page and "seed.txt" in run.inputs and "import_progress.js" not in page


def test_the_stored_files_are_removed_even_when_the_import_fails(client, upload_dir, monkeypatch):
    from archive.importing import pipeline

    client.force_login(user_in("Librarians"))
    client.post(UPLOAD, {"files": [upload("seed.txt")]})

    def broken(self, files):
        raise OSError("disk gone")

    monkeypatch.setattr(pipeline.Importer, "import_stored", broken)
    with pytest.raises(OSError, match="disk gone"):  # the worker records the task as failed
        work()
    assert not list(upload_dir.glob("*/*"))
    assert ImportRun.objects.get().status == ImportRun.Status.INTERRUPTED


def test_uploading_the_same_files_again_imports_nothing_twice(client):
    client.force_login(user_in("Librarians"))
    client.post(UPLOAD, {"files": [upload("seed.txt")]})
    work()
    client.post(UPLOAD, {"files": [upload("seed.txt")]})
    work()
    assert Article.objects.count() == 1
    assert ImportRun.objects.first().unchanged == 1


def test_an_upload_over_the_limit_is_refused(client, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    client.force_login(user_in("Librarians"))
    response = client.post(UPLOAD, {"files": [upload("seed.txt")]})
    assert response.status_code == 200
    assert "more than the 100\xa0bytes one upload may hold" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_no_file_is_an_error_not_an_empty_run(client):
    client.force_login(user_in("Librarians"))
    response = client.post(UPLOAD, {})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_editors_may_not_upload_and_are_told_so_on_an_admin_page(client):
    client.force_login(user_in("Editors"))
    response = client.post(UPLOAD, {"files": [upload("seed.txt")]})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Importing files is for librarians" in page and 'id="site-name"' in page  # the admin's own page
    assert not Article.objects.exists() and not ImportRun.objects.exists()


def test_the_upload_page_speaks_to_librarians(client):
    client.force_login(user_in("Librarians"))
    page = client.get(UPLOAD).content.decode()
    assert "Up to 100\xa0MB in one upload" in page
    assert "manage.py" not in page and "100.0" not in page
