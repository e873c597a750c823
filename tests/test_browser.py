"""The researchers' pages in a real browser: search, facets, chips, article, person page, export.

Needs Debian's chromium (/usr/bin/chromium) and playwright's Python package; skipped otherwise.
Screenshots at desktop and phone widths go to tests/screenshots/ (git-ignored) for a human to look at.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .conftest import CHROMIUM

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

pytest.importorskip("playwright.sync_api", reason="playwright's Python package is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found (apt-get install chromium)"),
]


def shoot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, width in (("desktop", 1280), ("phone", 360)):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_researcher_searches_narrows_reads_and_takes_the_results_away(live_server, browser, corpus):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(live_server.url + "/")
    shoot(page, "01-home")

    # Type a search.
    page.get_by_label("Search articles").fill("alliance")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_load_state()
    assert page.locator("#results-heading").inner_text().startswith("2 articles")
    assert page.locator(".snippet mark").count() >= 1
    shoot(page, "02-search")

    # Click a facet value: the dateline facet, Japan.
    page.locator("[data-facet=source] a", has_text="Reuters").click()
    page.wait_for_load_state()
    assert "source=reuters" in page.url and "q=alliance" in page.url
    page.locator("[data-facet=speaker] a", has_text="Nobuo Kishi").click()
    page.wait_for_load_state()
    assert page.locator("#results-heading").inner_text().startswith("1 article")
    assert page.locator(".active-filters .chip").count() == 3
    shoot(page, "03-facets")

    # Remove a chip: back to both alliance stories.
    page.get_by_role("link", name="Remove Speaker: Nobuo Kishi").click()
    page.wait_for_load_state()
    assert "speaker=" not in page.url
    assert page.locator("#results-heading").inner_text().startswith("2 articles")

    # Open an article: the statement is marked and its speaker named.
    page.get_by_role("link", name="US and Japan pledge to work together on defence").click()
    page.wait_for_load_state()
    assert page.locator(".body mark.statement").count() == 1
    assert "Diplomatic news archive, http" in page.locator(".citation").inner_text()
    shoot(page, "04-article")

    # Open the person page from the speaker's name.
    page.locator(".speaker a", has_text="Nobuo Kishi").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Nobuo Kishi", level=1, exact=True).is_visible()
    assert "We must seek all available means" in page.locator(".statement-result").first.inner_text()
    shoot(page, "05-person")

    # Download the statements as CSV.
    with page.expect_download() as download_info:
        page.locator(".downloads a", has_text="CSV").first.click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["speaker"] for row in rows] == ["Nobuo Kishi"]
    page.close()


def test_statements_search_and_year_chart(live_server, browser, corpus):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/statements/?q=talks")
    assert page.locator(".statement-result mark").first.inner_text().lower() == "talks"
    shoot(page, "08-statements")
    page.goto(live_server.url + "/")
    page.locator("svg.bars a[aria-label^='2021']").click()
    page.wait_for_load_state()
    assert "year=2021" in page.url
    assert page.locator("#results-heading").inner_text().startswith("2 articles")
    assert page.locator("#facet-month").is_visible()
    shoot(page, "06-year")
    page.goto(live_server.url + "/help/")
    shoot(page, "07-help")
    page.close()
