"""Imports queued from the admin's upload page, run by the task worker (django-tasks' database
backend: `manage.py db_worker`), never in the web request.

The upload page stores the files under settings.IMPORT_UPLOAD_DIR, records a queued ImportRun with
the stories counted up front, and enqueues `import_stored_files`; the worker imports them, recording
its progress on the run, and removes the files when it ends, whatever happens.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from archive.models import ImportRun

from .estimate import stories_in


def safe_name(given: str) -> str:
    """The last part of a browser-given file name, for display (never used as a path)."""
    return given.replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"


def store_uploads(uploads, folder: Path) -> list[tuple[str, str]]:
    """Write uploaded files into `folder` under numbered names: (stored path, given name) each."""
    folder.mkdir(parents=True, exist_ok=False)
    stored = []
    for number, upload in enumerate(uploads):
        name = safe_name(upload.name)
        path = folder / f"{number:03d}"
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        stored.append((str(path), name))
    return stored


def queue_upload(uploads, *, user) -> ImportRun:
    """Store the uploaded files, record a queued run and enqueue its import; the run to show."""
    folder = Path(settings.IMPORT_UPLOAD_DIR) / uuid.uuid4().hex
    try:
        stored = store_uploads(uploads, folder)
        total = sum(stories_in(path, name) for path, name in stored)
        with transaction.atomic():
            run = ImportRun.objects.create(
                origin=f"admin upload by {user.get_username()}"[:200],
                inputs="\n".join(name for _, name in stored),
                started_by=user,
                status=ImportRun.Status.QUEUED,
                stories_total=total,
            )
            # In the same transaction: the run and its task are recorded together, or neither.
            import_stored_files.enqueue(run.pk, str(folder), stored)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return run


@task()
def import_stored_files(run_id: int, folder: str, files: list[list[str]]) -> dict:
    """The worker's side: import the stored files into the queued run, then remove them."""
    from .pipeline import Importer

    try:
        run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
        if run is None:
            return {"run": run_id, "status": "gone"}
        importer = Importer(origin=run.origin, started_by=run.started_by, workers=1, run=run)
        try:
            run = importer.import_stored([(path, name) for path, name in files])
        except BaseException:
            ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
                status=ImportRun.Status.INTERRUPTED, finished_at=timezone.now()
            )
            raise
        return {"run": run.pk, "status": run.status, "created": run.created, "failed": run.failed}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
