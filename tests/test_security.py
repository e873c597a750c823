"""Security headers, the admin sign-in throttle, request size limits and the error pages."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client
from django.urls import reverse

from archive.auth import client_ip

from .factories import make_article, make_person, make_statement
from .test_roles import user_in

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


@pytest.fixture
def article():
    story = make_article("Talks in Tokyo", "TOKYO, Jan 7 - “We agree,” Kishi said.", countries=["JP"])
    make_statement(story, make_person("Nobuo Kishi", country_id="JP"), "We agree,")
    return story


def public_urls(article):
    person = article.statements.get().speaker_person
    return [
        reverse("archive:search"), reverse("archive:search") + "?q=talks&country=JP", reverse("archive:statements"),
        reverse("archive:help"), article.get_absolute_url(), person.get_absolute_url(),
        reverse("archive:country", args=["jp"]), LOGIN,
    ]  # fmt: skip


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


def test_public_pages_send_the_security_headers(client, article):
    for url in public_urls(article) + ["/no/such/page/"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        csp = policy(response)
        assert csp["script-src"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url


def test_no_page_needs_inline_script_or_style(client, article):
    """What the policy would block: inline <script>, on* handlers, style attributes and elements. A
    JSON-LD block (the article's citation) is data the browser never runs, which the policy allows
    (tests/test_citations_browser.py loads the page in Chromium without a violation)."""
    client.force_login(user_in("admin"))
    urls = public_urls(article) + [
        reverse("admin:index"), reverse("admin:archive_article_changelist"),
        reverse("admin:archive_article_change", args=[article.pk]), reverse("admin:archive_importrun_upload"),
    ]  # fmt: skip
    for url in urls:
        page = client.get(url).content.decode()
        scripts = re.findall(r"<script\b[^>]*>", page)
        assert all("src=" in tag or tag == '<script type="application/ld+json">' for tag in scripts), (url, scripts)
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", page), url
        assert not re.search(r"<[^>]+\sstyle\s*=|<style\b", page), url


def test_admin_sign_in_is_refused_after_repeated_failures(client, settings):
    user_in("admin")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(LOGIN, {"username": "admin", "password": "wrong"})
        assert response.status_code == 200 and "correct username and password" in response.content.decode()
    locked = client.post(LOGIN, {"username": "admin", "password": "wrong"})
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    right_password = client.post(LOGIN, {"username": "admin", "password": "pw"})
    assert right_password.status_code == 429  # locked out even with the right password
    other_address = Client(REMOTE_ADDR="10.1.2.3")
    assert other_address.post(LOGIN, {"username": "admin", "password": "pw"}).status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, settings):
    user_in("admin")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": "admin", "password": "wrong"})
    assert client.post(LOGIN, {"username": "admin", "password": "pw"}).status_code == 302
    client.logout()
    assert client.post(LOGIN, {"username": "admin", "password": "wrong"}).status_code == 200


def test_sign_in_without_a_request_still_works(client):
    """The test client's login() (and scripts) call authenticate() with no request."""
    user_in("admin")
    assert client.login(username="admin", password="pw")
    assert not client.login(username="admin", password="wrong")


def test_the_throttle_counts_the_address_the_proxy_saw(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.1"  # the header is the client's word, not trusted
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "203.0.113.9"  # the last hop, appended by our proxy


def test_missing_pages_are_friendly_404s(client):
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and "Search the archive" in page


def test_a_crash_shows_a_friendly_500_and_logs_the_trace(article, caplog):
    visitor = Client(raise_request_exception=False)
    with mock.patch("archive.public.views.ArticleSearch", side_effect=RuntimeError("secret internals")):
        response = visitor.get(reverse("archive:search"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page
    assert "secret internals" not in page and "Traceback" not in page
    assert any(record.exc_info and "secret internals" in str(record.exc_info[1]) for record in caplog.records)


@pytest.mark.parametrize(
    "error",
    [OperationalError("server closed the connection unexpectedly"), InterfaceError("connection already closed")],
)
def test_a_lost_database_is_a_503_that_says_when_to_retry(article, error):
    visitor = Client(raise_request_exception=False)
    visitor.force_login(user_in("admin"))  # the admin then looks up the session and the user
    urls = [
        reverse("archive:search"),
        article.get_absolute_url(),
        reverse("admin:index"),
        reverse("admin:archive_article_changelist"),
    ]
    with mock.patch.object(SQLCompiler, "execute_sql", side_effect=error):
        for url in urls:
            response = visitor.get(url)
            assert response.status_code == 503, url
            assert int(response["Retry-After"]) > 0
            page = response.content.decode()
            assert "briefly unavailable" in page and "server closed" not in page
    assert visitor.get(reverse("archive:search")).status_code == 200  # back by itself


def test_request_bodies_larger_than_the_biggest_upload_are_refused_unread(client, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    client.force_login(user_in("Librarians"))
    huge = 1000 + 2 * 1024 * 1024
    response = client.post(
        reverse("admin:archive_importrun_upload"),
        data=b"x",
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(huge),
    )
    assert response.status_code == 413
    assert "Too large" in response.content.decode()


def test_the_limits_on_request_bodies_are_set(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 2000
    assert settings.IMPORT_MAX_UPLOAD_BYTES <= 100 * 1024 * 1024
