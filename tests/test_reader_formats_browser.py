"""A French reader in a real browser (issue 19, item 4): its Accept-Language gives French dates and
numbers, the chart still draws (its coordinates are not localised), a German story's passage shows
its word found. Screenshots go to tests/screenshots/ (git-ignored) for a human to look at."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import CHROMIUM
from .factories import make_article

pytest.importorskip("playwright.sync_api", reason="playwright's Python package is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found (apt-get install chromium)"),
]


def test_a_french_reader_reads_french_dates_and_a_chart_that_still_draws(live_server, browser):
    from .test_browser import shoot

    for day in (dt.date(1987, 3, 5), dt.date(1987, 3, 9), dt.date(1987, 6, 1), dt.date(1987, 7, 14)):
        make_article(f"Trade talks {day}", "GENEVA - Negotiators met and the talks went on.", published_on=day)
    make_article("Handelsgespräche", "Die Verhandlung über das Handelsabkommen wurde in Berlin fortgesetzt.",
                 language="de", published_on=dt.date(1987, 3, 6))  # fmt: skip
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page.goto(live_server.url + "/?year=1987")
    assert page.locator("time", has_text="5 mars 1987").count() == 1
    assert page.locator("time[lang=fr]").count() == 5
    bars = page.locator("#facet-month ~ svg rect:not(.target)")
    assert bars.count() == 3  # March, June, July
    assert all(bars.nth(index).bounding_box()["width"] > 5 for index in range(3))  # drawn: 12.5, not 12,5
    assert page.locator("#facet-month ~ details li", has_text="juillet").count() == 1
    shoot(page, "20-french-reader")
    page.goto(live_server.url + "/?q=Verhandlungen")
    assert page.locator(".snippet[lang=de] mark").inner_text() == "Verhandlung"
    assert page.locator("time", has_text="6 mars 1987").count() == 1
    shoot(page, "21-french-reader-german-story")
    page.close()
