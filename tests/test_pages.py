"""The public pages: search home, article, person, organisation, country, tag."""

import pytest
from django.urls import reverse

from archive.models import Organisation, Tag, Tagging

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    article = make_article(
        "US and Japan pledge to work together",
        "TOKYO, Jan 7 (Reuters) - The ministers met.\n\n“We must seek all available means,” Kishi said.",
        countries=["JP", "US"],
        dateline="TOKYO",
    )
    kishi = make_person("Nobuo Kishi", role="Defense Minister", country_id="JP")
    paragraph = article.paragraphs[1]
    words = "We must seek all available means,"
    make_statement(
        article, kishi, words, paragraph=1, start=paragraph.index(words), end=paragraph.index(words) + len(words)
    )
    return article


def test_home_page_lists_articles_with_date_dateline_and_source(client, story):
    response = client.get(reverse("archive:search"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "US and Japan pledge to work together" in page
    assert "7 Jan 2022" in page
    assert "TOKYO" in page and "Reuters" in page


def test_home_page_costs_a_constant_number_of_queries(client, django_assert_max_num_queries, story):
    for number in range(30):
        make_article(f"Story {number}", f"Body {number}", countries=["FR", "DE"])
    with django_assert_max_num_queries(16):
        assert client.get(reverse("archive:search")).status_code == 200


def test_facets_narrow_by_country_and_speaker(client, story):
    make_article("French farm talks", "PARIS - Farm ministers met.", countries=["FR"])
    by_country = client.get(reverse("archive:search"), {"country": "FR"}).content.decode()
    assert "French farm talks" in by_country and "pledge to work together" not in by_country
    kishi = story.statements.get().speaker_person
    by_speaker = client.get(reverse("archive:search"), {"speaker": f"p{kishi.pk}"}).content.decode()
    assert "pledge to work together" in by_speaker and "French farm talks" not in by_speaker


def test_article_page_marks_each_statement_and_names_its_speaker(client, story):
    page = client.get(story.get_absolute_url()).content.decode()
    assert '<mark class="statement direct"' in page
    assert "We must seek all available means," in page
    assert "Nobuo Kishi" in page


def test_archive_text_is_escaped_never_run(client):
    article = make_article("<script>alert(1)</script> Talks", "A <script>alert(2)</script> story <b>bold</b>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    listing = client.get(reverse("archive:search")).content.decode()
    assert "<script>alert" not in listing


def test_person_organisation_country_and_tag_pages(client, story):
    kishi = story.statements.get().speaker_person
    assert "Defense Minister" in client.get(kishi.get_absolute_url()).content.decode()
    ministry = Organisation.objects.create(name="Foreign Ministry", country_id="CN", kind="government")
    assert client.get(ministry.get_absolute_url()).status_code == 200
    japan = client.get(reverse("archive:country", args=["jp"])).content.decode()
    assert "US and Japan pledge" in japan
    tag = Tag.objects.create(name="Alliances")
    Tagging.objects.create(article=story, tag=tag)
    assert "US and Japan pledge" in client.get(tag.get_absolute_url()).content.decode()


def test_bad_page_numbers_are_not_found_not_errors(client, story):
    assert client.get(reverse("archive:search"), {"page": "abc"}).status_code == 404
    assert client.get(reverse("archive:search"), {"page": "99"}).status_code == 404
    assert client.get(reverse("archive:country", args=["zz"])).status_code == 404
