"""The paths of a first real session (issue 14) in headless Chromium: the facet filter box with and
without JavaScript, the keyboard alone from the search box to the first result, the editors' pages
at 1,280 and 360 px, and an axe-core audit of every page researchers and editors use.

The audit needs the npm package axe-core (`npm install` in the project folder: package.json);
it is injected with the browser context's bypass_csp, since the site's CSP allows no other script.
Screenshots at 1280 and 360 px go to tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.models import ArticlePerson, Statement

from .factories import make_article, make_person, make_statement
from .test_browser import shoot
from .test_roles import user_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium not found"),
]
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AUDITED_IMPACTS = {"moderate", "serious", "critical"}


def results_count(page) -> str:
    return page.locator("#results-heading").inner_text().split()[0]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_facet_filter_box_narrows_the_values_and_keeps_the_search(live_server, browser, corpus, javascript):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/?q=talks&more=country")
    before = results_count(page)
    box = page.get_by_role("searchbox", name="Filter country mentioned")
    box.fill("chi")
    items = page.locator("[data-facet=country] li:not([data-no-match])")
    if javascript:  # narrowed as you type: only China is drawn
        visible = [item.inner_text() for item in items.all() if item.is_visible()]
        assert len(visible) == 1 and visible[0].startswith("China"), visible
        shoot(page, "20-facet-filter-typing")
    with page.expect_navigation():
        box.press("Enter")
    assert "q=talks" in page.url and "fq_country=chi" in page.url
    assert results_count(page) == before, "the filter box narrows the facet, not the results"
    listed = [item.inner_text() for item in items.all() if item.is_visible()]
    assert len(listed) == 1 and listed[0].startswith("China"), listed
    page.locator("[data-facet=country] a", has_text="China").click()
    page.wait_for_load_state()
    assert "q=talks" in page.url and "country=CN" in page.url
    assert results_count(page) == "1"
    context.close()


def test_the_keyboard_reaches_the_first_result_in_a_few_tabs(live_server, browser, corpus):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    tabs = 0
    while page.evaluate("document.activeElement.textContent") != "Skip to search":
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs <= 10, "no skip link to the search box"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_q"
    page.keyboard.type("alliance")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    tabs += 1
    assert page.evaluate("document.activeElement.textContent") == "Skip to results"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    tabs += 1
    focused = page.evaluate("document.activeElement.closest('.result') && document.activeElement.textContent")
    first_title = page.locator(".result h2 a").first.inner_text()
    assert focused == first_title and tabs <= 10, (focused, tabs)
    # The page's h1 comes before the facets, for a screen reader too.
    order = page.evaluate(
        "document.querySelector('#results-heading').compareDocumentPosition(document.querySelector('#facets'))"
    )
    assert order & 4, "the results heading precedes the facets"
    page.close()


@pytest.fixture
def editor_page(live_server, browser):
    user_in("Editors", "ana")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    yield page
    context.close()


def wide_article():
    article = make_article("Ministers discuss a very long agenda", "\n\n".join(
        f"Paragraph {n}: “We will discuss item {n} of the agenda at length,” the minister said." for n in range(12)
    ), countries=["FR", "DE", "JP"])  # fmt: skip
    speaker = make_person("Jean-Bernard Raimond-Montgolfier", role="Foreign Minister", country_id="FR")
    ArticlePerson.objects.create(article=article, person=speaker)
    for n, paragraph in enumerate(article.paragraphs):
        words = f"We will discuss item {n} of the agenda at length"
        start = paragraph.index(words)
        make_statement(article, speaker if n % 2 else None, words, paragraph=n, start=start, end=start + len(words),
                       speaker_label="" if n % 2 else "the minister")  # fmt: skip
    return article


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_editors_reach_every_control_without_scrolling_sideways(live_server, editor_page):
    page = editor_page
    article = wide_article()
    page.goto(f"{live_server.url}/admin/archive/article/{article.pk}/change/")
    assert page.locator("#statements-group .inline-related:not(.empty-form)").count() == 12
    assert page_width(page) <= 1280
    shoot(page, "21-admin-article-change")
    # The review queue: at 1,280 px every speaker picker is on screen; on a phone too.
    page.goto(f"{live_server.url}/admin/archive/statement/?review=all")
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        assert page_width(page) <= width
        picker = page.locator("td.field-speaker_organisation .select2-container").first.bounding_box()
        assert picker["x"] >= 0 and picker["x"] + picker["width"] <= width, (width, picker)
    page.set_viewport_size({"width": 1280, "height": 900})
    shoot(page, "22-admin-review-queue")
    # Set a speaker from the queue on a phone.
    page.set_viewport_size({"width": 360, "height": 900})
    unresolved = Statement.objects.filter(speaker_label="the minister").order_by("pk").first()
    page.goto(f"{live_server.url}/admin/archive/statement/?review=unresolved&q=item+0")
    page.locator("td.field-speaker_person .select2-selection").first.click()
    page.locator(".select2-search__field").fill("Raimond")
    page.locator(".select2-results__option", has_text="Raimond").first.click()
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()
    unresolved.refresh_from_db()
    assert unresolved.speaker_person is not None


def audit(page, label: str) -> list[str]:
    """axe-core's violations of impact moderate or above on the page, as readable lines."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in result["violations"]:
        if violation["impact"] in AUDITED_IMPACTS:
            targets = [json.dumps(node["target"]) for node in violation["nodes"][:3]]
            where = ", ".join(targets)
            found.append(f"{label}: {violation['id']} ({violation['impact']}) {violation['help']} at {where}")
    return found


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (npm install, in the project folder)")
def test_no_accessibility_violation_of_moderate_impact_or_above(live_server, browser, corpus):
    kishi, article = corpus["kishi"], corpus["articles"][0]
    public = ["/", "/?q=alliance&country=JP", "/?year=2021", "/statements/", "/statements/?q=talks",
              article.get_absolute_url(), kishi.get_absolute_url(), "/countries/jp/", "/organisations/",
              "/people/", "/countries/", "/help/", "/tags/alliances/", "/no-such-page/"]  # fmt: skip
    found = []
    for width in (1280, 360):
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        for path in public:
            page.goto(live_server.url + path)
            found += audit(page, f"{path} at {width}px")
        context.close()

    statement = Statement.objects.filter(article=article).first()
    user_in("Editors", "ana")
    user_in("Librarians", "lea")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    found += audit(page, "admin sign-in")
    admin_pages = {
        "ana": ["/admin/", "/admin/archive/article/", f"/admin/archive/article/{article.pk}/change/",
                "/admin/archive/statement/", f"/admin/archive/statement/{statement.pk}/change/",
                "/admin/archive/person/", f"/admin/archive/person/{kishi.pk}/change/", "/admin/archive/tag/",
                "/admin/archive/importrun/upload/"],
        "lea": ["/admin/", "/admin/archive/importrun/", "/admin/archive/importrun/upload/"],
    }  # fmt: skip
    for user, paths in admin_pages.items():
        context.clear_cookies()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", user)
        page.fill("#id_password", "pw")
        page.click("input[type=submit]")
        page.wait_for_load_state()
        for path in paths:
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            found += audit(page, f"{user} {path}")
    # The merge page (an editor's intermediate page).
    context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/archive/person/")
    page.locator("input[name=_selected_action]").nth(0).check()
    page.locator("input[name=_selected_action]").nth(1).check()
    page.select_option("select[name=action]", "merge_into")
    page.click("button[name=index]")
    page.wait_for_load_state()
    found += audit(page, "merge page")
    context.close()
    assert not found, "\n".join(found)
