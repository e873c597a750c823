"""The editors' and librarians' admin as a first session found it (issue 14): the header's role, the
index's links, dates as the site writes them, a statement placed by its words, the merge page's
choice, the sign-in page's heading."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from archive.admin.forms import StatementInlineForm
from archive.models import ArticlePerson, Statement

from .factories import make_article, make_person, make_statement
from .test_roles import user_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role, header",
    [("Editors", "editors"), ("Librarians", "librarians"), ("admin", "administrators")],
)
def test_the_header_names_the_role_of_whoever_is_signed_in(client, role, header):
    client.force_login(user_in(role))
    page = client.get(reverse("admin:index")).content.decode()
    assert f"Diplomatic news archive: {header}</a>" in page


def test_the_index_leads_to_the_review_queue_and_the_import_page(client):
    client.force_login(user_in("Editors"))
    page = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:archive_statement_changelist")}">Review queue' in page
    assert reverse("admin:archive_importrun_upload") not in page  # editors do not import
    client.force_login(user_in("Librarians"))
    page = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:archive_importrun_upload")}">Import files' in page


def test_the_sign_in_page_has_a_heading(client):
    assert re.search(r"<h1>Sign in</h1>", client.get(reverse("admin:login")).content.decode())


def test_the_admin_writes_dates_as_the_site_does(client):
    client.force_login(user_in("Editors"))
    article = make_article("Budget", "LONDON - The budget.", published_on=dt.date(1987, 3, 5))
    make_statement(article, None, "The budget", speaker_label="he", paragraph=0, start=9, end=19)
    page = client.get(reverse("admin:archive_article_change", args=[article.pk])).content.decode()
    assert 'value="05 March 1987"' in page and "05/03/1987" not in page
    queue = client.get(reverse("admin:archive_statement_changelist")).content.decode()
    assert "5 Mar 1987" in queue and "1987-03-05" not in queue


def test_a_statement_is_placed_by_its_words_not_by_offsets():
    article = make_article("Talks", "TOKYO - Ministers met.\n\nThe talks went well, he said.")
    new = StatementInlineForm({"kind": "direct", "text": "talks went well", "speaker_label": "he"},
                              instance=Statement(article=article))  # fmt: skip
    assert new.is_valid(), new.errors
    statement = new.save()
    assert (statement.paragraph, statement.start, statement.end) == (1, 4, 19)
    absent = StatementInlineForm({"kind": "direct", "text": "words nobody wrote"}, instance=Statement(article=article))
    assert not absent.is_valid() and "not in the article's text" in absent.errors["text"][0]
    # Changing the words moves it, and says so (the old place counts as removed: as_it_was).
    moved = StatementInlineForm(
        {"kind": "direct", "text": "Ministers met", "paragraph": "1", "start": "4", "end": "19"}, instance=statement
    )
    assert moved.is_valid(), moved.errors
    assert {"text", "paragraph", "start", "end"} <= set(moved.changed_data)
    assert (moved.cleaned_data["paragraph"], moved.cleaned_data["start"]) == (0, 8)


def test_the_article_page_shows_no_raw_character_offsets(client):
    client.force_login(user_in("Editors"))
    article = make_article("Talks", "TOKYO - Ministers met.\n\nThe talks went well, he said.")
    make_statement(article, None, "talks went well", speaker_label="he", paragraph=1, start=4, end=19)
    page = client.get(reverse("admin:archive_article_change", args=[article.pk])).content.decode()
    assert 'type="hidden" name="statements-0-start" value="4"' in page
    assert "paragraph 2" in page and 'name="statements-0-start" value="4" type="number"' not in page


def test_the_merge_page_chooses_the_fullest_record(client):
    client.force_login(user_in("Editors"))
    article = make_article("One")
    thin = make_person("T. Blinken")
    full = make_person("Antony Blinken")
    ArticlePerson.objects.create(article=article, person=full, mentions=3)
    make_statement(article, full, "One", start=0, end=3)
    response = client.post(reverse("admin:archive_person_changelist"),
                           {"action": "merge_into", "_selected_action": [thin.pk, full.pk]})  # fmt: skip
    page = response.content.decode()
    [checked] = re.findall(r'<input type="radio" name="keep" value="(\d+)"[^>]*checked', page)
    assert int(checked) == full.pk
