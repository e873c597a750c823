"""Test settings: the real settings, with a throwaway secret key when none is set."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from archive.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests

# Tests serve static files straight from static/ (no collectstatic, no manifest).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

API_RATE_LIMIT = 0  # the tests make many requests from one address; tests/test_api.py turns it on
