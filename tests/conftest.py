"""Shared fixtures. Tests that need ../shared (the corpus and sample files) skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
# The shared material lies beside the project: ../shared (CI has it there too).
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus" / "reuters21578"
SAMPLES_DIR = SHARED_DIR / "samples"


@pytest.fixture
def corpus_dir() -> Path:
    if not (CORPUS_DIR / "diplomatic").is_dir():
        pytest.skip(f"Reuters-21578 corpus not found at {CORPUS_DIR} (set ARCHIVE_SHARED_DIR)")
    return CORPUS_DIR


@pytest.fixture
def samples_dir() -> Path:
    if not SAMPLES_DIR.is_dir():
        pytest.skip(f"sample files not found at {SAMPLES_DIR} (set ARCHIVE_SHARED_DIR)")
    return SAMPLES_DIR


@pytest.fixture(autouse=True)
def _countries_present(request):
    """Every country is in the database, as after `migrate`. Transactional tests flush all tables
    when they end, the countries the data migration added included, so put them back."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction") or "live_server" in request.fixturenames
    request.getfixturevalue("transactional_db" if transactional else "db")
    from archive.countries import add_countries
    from archive.models import Country

    if not Country.objects.exists():
        add_countries(Country)
