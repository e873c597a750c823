"""The article page's citation metadata in headless Chromium, under the site's strict CSP: the page
loads without a CSP violation, and a reader of embedded metadata (as Zotero's) finds the Highwire
tags and the NewsArticle JSON-LD with the article's fields."""

from __future__ import annotations

import json

import pytest

from .conftest import CHROMIUM
from .test_browser import shoot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found (apt-get install chromium)"),
]

READ_METADATA = """() => ({
  meta: [...document.querySelectorAll('meta[name^="citation_"]')].map(m => [m.name, m.content]),
  jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => JSON.parse(s.textContent)),
  search: [...document.querySelectorAll('link[rel="search"]')].map(l => l.href),
})"""


def test_the_article_page_carries_its_citation_under_the_csp(live_server, browser, corpus):
    article = corpus["articles"][0]
    article.credits = {"reporting": ["Tom Smith"]}
    article.save()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    missing = []  # the browser asks for /favicon.ico, which the site has none of: not a problem of this page
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 and "favicon" not in r.url else None)
    page.on("console", lambda message: problems.append(message.text) if message.type == "error"
            and "Failed to load resource" not in message.text else None)  # fmt: skip
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP ' + e.violatedDirective))"
    )
    response = page.goto(live_server.url + article.get_absolute_url())
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    found = page.evaluate(READ_METADATA)
    assert problems == [] and missing == []
    url = f"{live_server.url}{article.get_absolute_url()}"
    assert dict(found["meta"]) == {
        "citation_title": "US and Japan pledge to work together on defence",
        "citation_author": "Smith, Tom",
        "citation_publication_date": article.published_on.strftime("%Y/%m/%d"),
        "citation_date": article.published_on.strftime("%Y/%m/%d"),
        "citation_publisher": "Reuters",
        "citation_public_url": url,
        "citation_fulltext_html_url": url,
        "citation_language": "en",
    }
    (news,) = found["jsonld"]
    assert news["@type"] == "NewsArticle" and news["headline"] == article.title
    assert news["datePublished"] == article.published_on.isoformat() and news["url"] == url
    assert news["author"] == [{"@type": "Person", "name": "Tom Smith"}]
    assert found["search"] == [f"{live_server.url}/opensearch.xml"]
    shoot(page, "09-article-citation")

    # The citation links download what they say.
    with page.expect_download() as download:
        page.locator(".cite a", has_text="CSL-JSON").click()
    (item,) = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert item["type"] == "article-newspaper" and item["title"] == article.title

    # The API's guide, under the same CSP.
    page.goto(live_server.url + "/api/")
    page.wait_for_load_state("networkidle")
    assert problems == [] and missing == [] and "curl" in page.locator("pre").first.inner_text()
    shoot(page, "10-api-guide")
    page.close()
