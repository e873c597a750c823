"""End to end in headless Chromium: an editor tags several articles from the article list."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from archive.models import Tag

from .factories import make_article
from .test_roles import user_in

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture
def page(monkeypatch):
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)")
    # Playwright's loop runs beside the live server's ORM; monkeypatch unsets it afterwards, so that
    # later tests (e.g. `check --deploy`) do not inherit it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 900})
        finally:
            browser.close()


def test_an_editor_tags_several_articles_from_the_list(live_server, page):
    user_in("Editors", "ana")
    articles = [make_article(f"Ministers meet in round {n}", countries=["FR"]) for n in range(4)]
    page.goto(f"{live_server.url}/admin/login/?next=/admin/archive/article/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.wait_for_selector("#result_list")

    for article in articles[:3]:
        page.check(f"input[name=_selected_action][value='{article.pk}']")
    page.select_option("select[name=action]", "add_tag")
    page.click("button[name=index]")
    page.wait_for_selector("text=Add a tag to articles")
    page.fill("#id_new_tag", "Arms control")
    page.screenshot(path=str(SCREENSHOTS / "admin_tag_intermediate.png"), full_page=True)
    page.click("input[name=apply]")
    page.wait_for_selector(".messagelist .success")

    assert "Tagged 3 of 3 articles" in page.inner_text(".messagelist")
    page.screenshot(path=str(SCREENSHOTS / "admin_tagged_list.png"), full_page=True)
    tag = Tag.objects.get(name="Arms control")
    assert set(tag.articles.values_list("pk", flat=True)) == {a.pk for a in articles[:3]}
    assert page.locator("td.field-tag_list", has_text="Arms control").count() == 3
