"""The admin's "Import files" page: librarians upload files, the pipeline imports them, the run's
report is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.models import Article, ImportRun

from .test_roles import user_in

pytestmark = pytest.mark.django_db
UPLOAD = reverse("admin:archive_importrun_upload")
DATA = Path(__file__).resolve().parent / "data" / "import"


def upload(name):
    return SimpleUploadedFile(name, (DATA / name).read_bytes())


def test_the_upload_page_is_linked_from_the_import_runs_for_librarians(client):
    client.force_login(user_in("Librarians"))
    page = client.get(reverse("admin:archive_importrun_changelist")).content.decode()
    assert UPLOAD in page and "Import files" in page
    page = client.get(UPLOAD).content.decode()
    assert 'type="file"' in page and "multiple" in page


def test_a_librarian_uploads_several_files_and_sees_the_stored_report(client):
    librarian = user_in("Librarians")
    client.force_login(librarian)
    response = client.post(UPLOAD, {"files": [upload("seed.txt"), upload("plain.txt"), upload("bad_columns.csv")]},
                           follow=True)
    run = ImportRun.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:archive_importrun_change", args=[run.pk])
    assert run.started_by == librarian and run.origin == "admin upload by librarians"
    assert run.outcomes.count() >= 3 and run.created >= 2
    assert Article.objects.count() == run.created
    page = response.content.decode()
    assert f"{run.created} created" in page and "seed.txt" in run.inputs


def test_uploading_the_same_files_again_imports_nothing_twice(client):
    client.force_login(user_in("Librarians"))
    client.post(UPLOAD, {"files": [upload("seed.txt")]})
    client.post(UPLOAD, {"files": [upload("seed.txt")]})
    assert Article.objects.count() == 1
    assert ImportRun.objects.first().unchanged == 1


def test_an_upload_over_the_limit_is_refused(client, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    client.force_login(user_in("Librarians"))
    response = client.post(UPLOAD, {"files": [upload("seed.txt")]})
    assert response.status_code == 200
    assert "more than the 100\xa0bytes allowed" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_no_file_is_an_error_not_an_empty_run(client):
    client.force_login(user_in("Librarians"))
    response = client.post(UPLOAD, {})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_editors_may_not_upload(client):
    client.force_login(user_in("Editors"))
    assert client.post(UPLOAD, {"files": [upload("seed.txt")]}).status_code == 403
    assert not Article.objects.exists()
