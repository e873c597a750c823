"""Dates and numbers in the reader's language (issue 19, item 4): Accept-Language chooses Django's
formats and month names on the public pages; the words stay English, and the citation, the admin,
the API and every machine format stay as they are. On the active database (SQLite by default)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation

from archive.models import Article, Source
from archive.search.fulltext import forget_statistics

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db

MARCH_5 = dt.date(1987, 3, 5)


def page(client, url, language=None):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


def text(client, url, language=None):
    return page(client, url, language).content.decode()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def story():
    article = make_article("Trade talks resume", "GENEVA, March 5 - Negotiators met.", published_on=MARCH_5)
    make_statement(article, make_person("Clayton Yeutter"), text="We will meet again")
    return article


@pytest.mark.parametrize(
    "language, written",
    [
        ("fr-FR,fr;q=0.9,en;q=0.5", '<time datetime="1987-03-05" lang="fr">5 mars 1987</time>'),
        ("de-DE,de;q=0.9", '<time datetime="1987-03-05" lang="de">5. März 1987</time>'),
        ("es", '<time datetime="1987-03-05" lang="es">5 de marzo de 1987</time>'),
        ("en-US,en;q=0.9", '<time datetime="1987-03-05">5 March 1987</time>'),  # the site's own English
        (None, '<time datetime="1987-03-05">5 March 1987</time>'),
    ],
)
def test_the_article_page_writes_its_date_in_the_readers_language(client, story, language, written):
    html = text(client, f"/articles/{story.pk}/", language)
    assert written in html
    assert '<html lang="en">' in html  # the words are English
    # The citation follows its style, in English, whatever the reader's language.
    assert "‘Trade talks resume’, 5 March 1987, Diplomatic news archive" in html


def test_lists_write_dates_in_the_readers_language(client, story):
    assert '<time datetime="1987-03-05" lang="fr">5 mars 1987</time>' in text(client, "/?q=trade", "fr")
    assert '<time datetime="1987-03-05" lang="de">5. März 1987</time>' in text(client, "/statements/", "de")
    assert '<time datetime="1987-03-05">5 Mar 1987</time>' in text(client, "/?q=trade", "en-GB")
    assert '<time datetime="1987-03-05">5 Mar 1987</time>' in text(client, "/?q=trade")


def test_a_date_chosen_and_the_month_facet_are_in_the_readers_language(client, story):
    html = text(client, "/?year=1987&date_from=1987-03-01", "fr")
    assert "1 mars 1987" in html  # the chip of the date chosen
    assert ">mars</a>" in html or ">mars<" in html  # the month facet
    english = text(client, "/?year=1987&date_from=1987-03-01")
    assert "1 Mar 1987" in english and ">Mar</text>" in english


def test_numbers_are_grouped_as_the_reader_writes_them(client):
    source = Source.objects.create(name="Wire")
    Article.objects.bulk_create(
        Article(title=f"Story {n}", body="Talks.", source=source, source_ref=f"n{n}", fingerprint=f"f{n}",
                published_on=MARCH_5) for n in range(1000)
    )  # fmt: skip
    forget_statistics()
    assert "1,000 articles" in text(client, "/")
    assert "1,000 articles" in text(client, "/", "en-US")
    assert "1\xa0000 articles" in text(client, "/", "fr")
    assert "1.000 articles" in text(client, "/", "de")


def test_chart_coordinates_stay_numbers_in_every_language(client, story):
    """SVG and CSS read 12.5, never 12,5: the chart and the relation matrix are not localised."""
    make_article("Talks go on", "Talks.", published_on=dt.date(1990, 6, 1))
    for language in ("fr", "de", "ru", "en"):
        html = text(client, "/", language)
        assert "<svg" in html
        assert not re.search(r'(?:\b[xy]|width|height|viewBox)="[^"]*\d,\d', html), language


def test_localised_pages_vary_on_accept_language_and_do_not_claim_another_language(client, story):
    for url in ("/", f"/articles/{story.pk}/", "/statements/", "/help/"):
        response = page(client, url, "fr")
        assert "Accept-Language" in response["Vary"], url
        assert not response.has_header("Content-Language") or response["Content-Language"].startswith("en")


def test_machine_formats_are_the_same_whatever_the_reader_asks(client, story):
    urls = [
        "/feed/?q=trade", "/statements/feed/", "/feed/?year=1987&month=3&date_from=1987-03-01",
        "/export.csv?q=trade", "/export.json?q=trade",
        "/statements/export.csv", "/statements/export.json", f"/articles/{story.pk}/cite.ris",
        f"/articles/{story.pk}/cite.bib", f"/articles/{story.pk}/cite.csl", "/opensearch.xml",
        f"/api/articles/{story.pk}", "/api/articles?q=trade",
    ]  # fmt: skip
    for url in urls:
        english = client.get(url)
        french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        assert english.status_code == 200, url
        assert body(french) == body(english), url
        assert "Accept-Language" not in french.get("Vary", ""), url


def test_a_persons_roles_are_dated_in_the_readers_language(client, story):
    from archive.models import Person, PersonRole

    person = Person.objects.get(name="Clayton Yeutter")
    PersonRole.objects.create(person=person, role="trade representative", first_seen=MARCH_5,
                              last_seen=dt.date(1987, 7, 1), articles=2)  # fmt: skip
    assert '<time datetime="1987-03-05" lang="de">März 1987</time>' in text(client, f"/people/{person.pk}/", "de")
    assert '<time datetime="1987-07-01">Jul 1987</time>' in text(client, f"/people/{person.pk}/")


def test_the_admin_stays_english(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Username" in html or "username" in html
    assert "Nom d’utilisateur" not in html


def test_a_request_leaves_no_language_behind(client, story):
    text(client, "/", "de")
    assert translation.get_language() in ("en-gb", None)
    with translation.override("en-gb"):
        assert "5 Mar 1987" in text(client, "/?q=trade")
