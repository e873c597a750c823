"""Shared fixtures. Tests that need ../shared (the corpus and sample files) skip without it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
# The shared material lies beside the project: ../shared (CI has it there too).
SHARED_DIR = Path(os.environ.get("ARCHIVE_SHARED_DIR", PROJECT_DIR.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus" / "reuters21578"
SAMPLES_DIR = SHARED_DIR / "samples"


# Headless Chromium for the browser tests (Debian's package; the tests skip without it).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


# The browser tests' shared fixtures: one Chromium per module, a small corpus of stories. ---------


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop, which Django's ORM would refuse; only while these run,
    # and restored after, since `check --deploy` (tests/test_settings.py) rightly objects to it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with pytest.importorskip("playwright.sync_api").sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def countries():
    """The countries the migration adds: a transactional test's flush may have removed them."""
    from archive.countries import add_countries
    from archive.models import Country

    if not Country.objects.exists():
        add_countries(Country)


@pytest.fixture
def corpus(countries):
    """Five stories of 2020-2022 with a statement each, by people, an organisation or nobody."""
    from archive.models import ArticlePerson, Organisation

    from .factories import make_article, make_person, make_source, make_statement, mention, tag

    afp = make_source("AFP")
    kishi = make_person("Nobuo Kishi", role="Defense Minister", country_id="JP", alternative_names="N. Kishi")
    blinken = make_person("Antony Blinken", role="Secretary of State", country_id="US")
    ministry = Organisation.objects.create(name="Foreign Ministry", country_id="CN", kind="government")
    stories = [
        ("US and Japan pledge to work together on defence", ["JP", "US"], "TOKYO", kishi,
         "We must seek all available means to strengthen our alliance", dt.date(2022, 1, 7), None),
        ("Japan and China hold maritime talks", ["JP", "CN"], "BEIJING", ministry,
         "China firmly opposes any provocation at sea", dt.date(2021, 11, 3), afp),
        ("Blinken visits Tokyo for alliance talks", ["JP", "US"], "TOKYO", blinken,
         "The alliance with Japan has never been stronger", dt.date(2021, 3, 16), None),
        ("France and Germany agree on farm policy", ["FR", "DE"], "PARIS", None,
         "Farm ministers agreed on new subsidies", dt.date(2020, 6, 2), afp),
        ("US trade talks with Canada resume", ["US", "CA"], "WASHINGTON", blinken,
         "Trade talks will resume next week with our partners", dt.date(2020, 9, 21), None),
    ]  # fmt: skip
    articles = []
    for title, countries, dateline, speaker, words, day, source in stories:
        body = f"{dateline}, (Reuters) - Officials met on {day:%d %B}.\n\n“{words},” the speaker said on {day:%A}."
        article = make_article(title, body, countries=countries, dateline=dateline, published_on=day, source=source)
        mention(article, dateline=[countries[0]])
        paragraph = article.paragraphs[1]
        start = paragraph.index(words)
        fields = {"paragraph": 1, "start": start, "end": start + len(words)}
        if isinstance(speaker, Organisation):
            make_statement(article, None, words, speaker_organisation=speaker, **fields)
        else:
            make_statement(article, speaker, words, **fields)
        if speaker is not None and not isinstance(speaker, Organisation):
            ArticlePerson.objects.get_or_create(article=article, person=speaker)
        articles.append(article)
    mention(articles[0], blinken)
    tag(articles[0], "Alliances")
    tag(articles[2], "Alliances")
    return {"kishi": kishi, "blinken": blinken, "articles": articles}
