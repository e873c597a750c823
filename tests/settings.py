"""Test settings: the real settings, with a throwaway secret key when none is set."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from archive.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests

# Tests serve static files straight from static/ (no collectstatic, no manifest).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The test client leaves a streamed export it does not read open (a server closes it), holding its
# slot: the per-client cap is off here and on in the tests of it (test_cost_ceiling.py).
EXPORTS_PER_CLIENT = 0
EXPORT_LOCK_DIR = Path(tempfile.gettempdir()) / f"archive-test-export-locks-{os.getpid()}"  # noqa: F405
API_RATE_LIMIT = 0  # the tests make many requests from one address; tests/test_api.py turns it on
IMPORT_TMP_DIR = Path(tempfile.gettempdir()) / "archive-test-import-tmp"  # noqa: F405
IMPORT_TMP_DIR.mkdir(exist_ok=True)
FILE_UPLOAD_TEMP_DIR = str(IMPORT_TMP_DIR)
