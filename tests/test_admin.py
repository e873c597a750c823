"""The editors' admin through the test client: list, filters, bulk actions, tags, merges,
the statement review queue, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from archive.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    MergedKey,
    Organisation,
    Person,
    RemovedLink,
    Statement,
    Tag,
    Tagging,
)

from .factories import make_article, make_person, make_statement
from .test_roles import user_in

pytestmark = pytest.mark.django_db
ARTICLES = reverse("admin:archive_article_changelist")


@pytest.fixture
def editor(client):
    user = user_in("Editors")
    client.force_login(user)
    return user


def history(obj) -> list[str]:
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("action_time")
    return [f"{entry.user.username}: {entry.get_change_message()}" for entry in entries]


# The article list -----------------------------------------------------------------------


def test_the_article_list_costs_a_constant_number_of_queries(client, editor, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    trade = Tag.objects.create(name="Trade")

    def add(count):
        for number in range(count):
            article = make_article(f"Story {number}", f"Body {number}", countries=["FR", "DE"])
            Tagging.objects.create(article=article, tag=trade)
            make_statement(article, None, speaker_label="he")

    add(5)
    with CaptureQueriesContext(connection) as few:
        client.get(ARTICLES)
    add(45)
    # Facets make one aggregate query per filter (and Django builds each filter's choices
    # again for it): many queries, but as many for 50 articles as for 5.
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(ARTICLES)
    assert len(few.captured_queries) <= 40
    assert response.status_code == 200
    page = response.content.decode()
    assert "Story 44" in page and "FR, DE" in page and "Trade" in page and "50 articles" in page


def test_search_finds_words_of_the_title_and_of_the_body(client, editor):
    make_article("Talks on trade", "PARIS - Farm ministers met about wheat.")
    make_article("Summit ends", "BERLIN - Leaders spoke of gas.")
    assert "Talks on trade" in client.get(ARTICLES, {"q": "wheat"}).content.decode()
    page = client.get(ARTICLES, {"q": "summit"}).content.decode()
    assert "Summit ends" in page and "Talks on trade" not in page


def test_filters_show_facet_counts_and_narrow_the_list(client, editor):
    with_quote = make_article("With a quote", countries=["FR"])
    make_statement(with_quote, None, speaker_label="he")
    make_article("Without a quote", countries=["FR", "DE"])
    page = client.get(ARTICLES).content.decode()
    assert "France (2)" in page and "Germany (1)" in page
    assert "With statements (1)" in page and "Some speakers unresolved (1)" in page
    page = client.get(ARTICLES, {"has_statements": "no"}).content.decode()
    assert "Without a quote" in page and "With a quote" not in page
    page = client.get(ARTICLES, {"unresolved": "yes"}).content.decode()
    assert "With a quote" in page and "Without a quote" not in page
    page = client.get(ARTICLES, {"countries__code__exact": "DE"}).content.decode()
    assert "Without a quote" in page and "With a quote" not in page


def test_the_article_page_links_to_the_public_page(client, editor):
    article = make_article()
    page = client.get(reverse("admin:archive_article_change", args=[article.pk])).content.decode()
    assert "View on site" in page


# Bulk actions -----------------------------------------------------------------------------


def test_adding_a_tag_asks_for_the_tag_on_an_intermediate_page(client, editor):
    articles = [make_article(f"Story {n}") for n in range(3)]
    response = client.post(ARTICLES, {"action": "add_tag", "_selected_action": [a.pk for a in articles]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Add a tag to articles" in page and "Story 2" in page and 'name="new_tag"' in page


def test_adding_an_existing_tag_to_the_selected_articles_and_logging_it(client, editor):
    trade = Tag.objects.create(name="Trade")
    chosen = [make_article(f"Story {n}") for n in range(3)]
    other = make_article("Not chosen")
    Tagging.objects.create(article=chosen[0], tag=trade)
    response = client.post(
        ARTICLES,
        {"action": "add_tag", "_selected_action": [a.pk for a in chosen], "tag": trade.pk, "apply": "1"},
        follow=True,
    )
    assert "Tagged 2 of 3 articles" in response.content.decode()
    assert set(trade.articles.all()) == set(chosen) and not other.tags.exists()
    assert Tagging.objects.get(article=chosen[1], tag=trade).tagged_by == editor
    assert history(chosen[1]) == ['editors: Added tag "Trade" (bulk action on 3 articles).']
    assert history(chosen[0]) == []  # it had the tag already: nothing changed


def test_typing_a_new_tag_creates_it(client, editor):
    articles = [make_article(f"Story {n}") for n in range(2)]
    client.post(
        ARTICLES,
        {"action": "add_tag", "_selected_action": [a.pk for a in articles], "new_tag": " Arms  control ", "apply": "1"},
    )
    tag = Tag.objects.get()
    assert tag.name == "Arms control" and tag.slug == "arms-control"
    assert tag.articles.count() == 2


def test_choosing_no_tag_shows_the_page_again_with_an_error(client, editor):
    article = make_article()
    response = client.post(ARTICLES, {"action": "add_tag", "_selected_action": [article.pk], "apply": "1"})
    assert response.status_code == 200 and "Choose a tag" in response.content.decode()
    assert not Tag.objects.exists()


def test_removing_a_tag_from_the_selected_articles(client, editor):
    trade = Tag.objects.create(name="Trade")
    articles = [make_article(f"Story {n}") for n in range(3)]
    for article in articles:
        Tagging.objects.create(article=article, tag=trade)
    client.post(
        ARTICLES,
        {"action": "remove_tag", "_selected_action": [a.pk for a in articles[:2]], "tag": trade.pk, "apply": "1"},
    )
    assert list(trade.articles.all()) == [articles[2]]
    assert history(articles[0]) == ['editors: Removed tag "Trade" (bulk action on 2 articles).']


def test_rerunning_extraction_from_the_list(client, editor):
    article = make_article(
        "Talks",
        "PARIS, Jan 7 (Reuters) - France and Germany met.\n\n"
        "\u201cWe agree,\u201d said French Foreign Minister Jean-Yves Le Drian.",
    )
    response = client.post(ARTICLES, {"action": "reextract", "_selected_action": [article.pk]}, follow=True)
    assert "Ran extraction again on 1 articles" in response.content.decode()
    assert article.countries.filter(code="DE").exists()
    assert history(article) == ["editors: Ran extraction again (editors' corrections kept)."]


# The article form: edits are marked as an editor's -----------------------------------------


def inline_data(article, **changes):
    """The article form's POST data as the admin renders it, with `changes` applied."""
    data = {
        "title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else "",
        "dateline": article.dateline,
        "source": article.source_id or "",
        "source_ref": article.source_ref,
        "body": article.body,
        "language": article.language,
        "url": article.url,
        "credits": "{}",
        "add_tags": "",
        "initial-credits": "{}",  # the admin renders it: the field has a callable default
    }
    prefixes = {
        "tagging_set": (Tagging, []),
        "statements": (
            Statement,
            ["kind", "speaker_person", "speaker_organisation", "speaker_label", "text", "paragraph", "start", "end"],
        ),
        "articleperson_set": (ArticlePerson, ["person", "mentions", "role"]),
        "articleorganisation_set": (None, []),
        "articlecountry_set": (ArticleCountry, ["country", "mentions", "in_dateline"]),
        "removed_links": (None, []),
    }
    for prefix, (model, fields) in prefixes.items():
        rows = list(model.objects.filter(article=article).order_by("pk")) if model else []
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = row.pk
            data[f"{prefix}-{index}-article"] = article.pk
            if model is Tagging:
                data[f"{prefix}-{index}-tag"] = row.tag_id
            for name in fields:
                value = getattr(row, model._meta.get_field(name).attname)
                if isinstance(value, bool):
                    if value:
                        data[f"{prefix}-{index}-{name}"] = "on"
                else:
                    data[f"{prefix}-{index}-{name}"] = "" if value is None else value
    data.update(changes)
    return data


@pytest.fixture
def story():
    article = make_article(
        "Talks on trade",
        "PARIS - Ministers met.\n\n\u201cWe agree,\u201d he said.",
        countries=["FR", "DE"],
        dateline="PARIS",
    )
    ArticlePerson.objects.create(article=article, person=make_person("Anna Lindh"))
    make_statement(article, None, "We agree,", speaker_label="he", paragraph=1, start=1, end=10)
    return article


def post_article(client, article, **changes):
    response = client.post(reverse("admin:archive_article_change", args=[article.pk]), inline_data(article, **changes))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article.refresh_from_db()


def test_changing_the_title_marks_it_corrected_and_logs_it(client, editor, story):
    post_article(client, story, title="Trade talks in Paris")
    assert story.title == "Trade talks in Paris" and story.corrected_fields == ["title"]
    assert history(story) == ["editors: Changed Title."]


def test_setting_a_speaker_in_the_statements_inline_marks_the_statement_corrected(client, editor, story):
    lindh = Person.objects.get(name="Anna Lindh")
    post_article(client, story, **{"statements-0-speaker_person": lindh.pk})
    statement = story.statements.get()
    assert statement.speaker_person == lindh and statement.corrected
    assert "Changed Speaker person for statement" in history(story)[0]


def test_deleting_a_country_link_records_the_removal(client, editor, story):
    links = list(ArticleCountry.objects.filter(article=story).order_by("pk"))
    post_article(client, story, **{"articlecountry_set-1-DELETE": "on"})
    assert list(story.countries.values_list("code", flat=True)) == [links[0].country_id]
    removal = RemovedLink.objects.get(article=story)
    assert removal.country_id == links[1].country_id and removal.removed_by == editor


def test_pointing_a_link_at_another_country_removes_the_first_and_marks_the_new(client, editor, story):
    post_article(client, story, **{"articlecountry_set-0-country": "IT"})
    assert RemovedLink.objects.get(article=story).country_id == "FR"
    assert ArticleCountry.objects.get(article=story, country_id="IT").corrected


def test_tags_typed_on_the_article_form_are_created_and_added(client, editor, story):
    Tag.objects.create(name="Trade")
    post_article(client, story, add_tags="trade, Farm policy")
    assert sorted(story.tags.values_list("name", flat=True)) == ["Farm policy", "Trade"]
    assert "tags (added trade, Farm policy)" in history(story)[0]


# Tags -------------------------------------------------------------------------------------


def test_the_tag_list_counts_articles_and_sorts_by_the_count(client, editor):
    small, big = Tag.objects.create(name="Small"), Tag.objects.create(name="Big")
    for number in range(3):
        Tagging.objects.create(article=make_article(f"S{number}"), tag=big)
    Tagging.objects.create(article=make_article("S9"), tag=small)
    response = client.get(reverse("admin:archive_tag_changelist"), {"o": "-3"})
    page = response.content.decode()
    assert page.index(">3</a>") < page.index(">1</a>")
    assert big.get_absolute_url() in page


def test_tag_autocomplete_answers_for_the_article_form(client, editor):
    Tag.objects.create(name="Arms control")
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "arms", "app_label": "archive", "model_name": "tagging", "field_name": "tag"},
    )
    assert response.json()["results"][0]["text"] == "Arms control"


# Merges -----------------------------------------------------------------------------------


@pytest.fixture
def three_blinkens():
    """Three records of one man, sharing two articles, with statements and names."""
    first, second = make_article("One"), make_article("Two")
    antony = make_person("Antony Blinken", role="Secretary of State", country_id="US")
    tony = make_person("Tony Blinken", alternative_names="T. Blinken")
    secretary = make_person("Antony J. Blinken")
    ArticlePerson.objects.create(article=first, person=antony, mentions=2)
    ArticlePerson.objects.create(article=first, person=tony, mentions=3)
    ArticlePerson.objects.create(article=second, person=secretary, mentions=1, corrected=True)
    ArticlePerson.objects.create(article=second, person=tony, mentions=1)
    make_statement(first, antony, "One", start=0, end=3)
    make_statement(first, tony, "Two", start=5, end=8)
    make_statement(second, secretary, "Three", start=0, end=5)
    make_statement(second, tony, "Four", start=10, end=14)
    RemovedLink.objects.create(article=make_article("Three"), person=tony, label="Tony Blinken")
    return antony, tony, secretary


def totals():
    return {
        "statements": Statement.objects.count(),
        "mentions": sum(ArticlePerson.objects.values_list("mentions", flat=True)),
        "articles linked": ArticlePerson.objects.values("article").distinct().count(),
        "removals": RemovedLink.objects.count(),
    }


def test_the_merge_page_shows_what_each_record_brings(client, editor, three_blinkens):
    response = client.post(
        reverse("admin:archive_person_changelist"),
        {"action": "merge_into", "_selected_action": [p.pk for p in three_blinkens]},
    )
    page = " ".join(response.content.decode().split())
    assert "Merge people" in page
    # Tony: statements, articles, mentions, alternative names, removed links
    tony = three_blinkens[1]
    assert (
        f"Tony Blinken</label> <small>#{tony.pk}</small></td> <td>2</td><td>2</td><td>4</td> <td>1</td><td>1</td>"
        in page
    )


def test_merging_people_keeps_one_and_loses_nothing(client, editor, three_blinkens):
    antony, tony, secretary = three_blinkens
    before = totals()
    response = client.post(
        reverse("admin:archive_person_changelist"),
        {"action": "merge_into", "_selected_action": [p.pk for p in three_blinkens], "keep": antony.pk, "apply": "1"},
        follow=True,
    )
    assert "Merged Antony J. Blinken, Tony Blinken into this record" in response.content.decode()
    assert list(Person.objects.all()) == [antony]
    assert totals() == before
    assert Statement.objects.filter(speaker_person=antony).count() == 4
    first = ArticlePerson.objects.get(article__title="One")
    assert first.person == antony and first.mentions == 5
    second = ArticlePerson.objects.get(article__title="Two")
    assert second.mentions == 2 and second.corrected  # an editor's link stays an editor's
    antony.refresh_from_db()
    assert antony.alternative_name_list == ["Antony J. Blinken", "Tony Blinken", "T. Blinken"]
    assert antony.corrected and antony.role == "Secretary of State"
    assert set(MergedKey.objects.values_list("key", flat=True)) == {"tony blinken", "antony j blinken"}
    assert "moved 3 statements, 3 mentions, 1 removed links, 3 alternative names" in history(antony)[0]
    assert "Person Antony J. Blinken, Tony Blinken merged into Antony Blinken" in history(first.article)[0]


def test_merging_organisations_moves_their_members_and_statements(editor, client):
    ministry = Organisation.objects.create(name="Foreign Ministry", country_id="JP", kind="government")
    mofa = Organisation.objects.create(name="MOFA", abbreviation="MOFA", country_id="JP")
    aide = make_person("Kenji Aide", organisation=mofa)
    article = make_article()
    Statement.objects.create(
        article=article, speaker_organisation=mofa, kind="direct", text="x", paragraph=0, start=0, end=1
    )
    client.post(
        reverse("admin:archive_organisation_changelist"),
        {"action": "merge_into", "_selected_action": [ministry.pk, mofa.pk], "keep": ministry.pk, "apply": "1"},
    )
    aide.refresh_from_db()
    ministry.refresh_from_db()
    assert aide.organisation == ministry and ministry.abbreviation == "MOFA"
    assert Statement.objects.get().speaker_organisation == ministry
    assert not Organisation.objects.filter(pk=mofa.pk).exists()


def test_a_person_page_links_to_their_statements(client, editor):
    person = make_person("Anna Lindh")
    make_statement(make_article(), person)
    page = client.get(reverse("admin:archive_person_change", args=[person.pk])).content.decode()
    assert f"speaker_person__id__exact={person.pk}" in page and "1 statements" in page
    listing = client.get(
        reverse("admin:archive_statement_changelist"), {"speaker_person__id__exact": person.pk, "review": "all"}
    )
    assert listing.status_code == 200 and "We will work together" in listing.content.decode()


# The statements review queue --------------------------------------------------------------

QUEUE = reverse("admin:archive_statement_changelist")


def test_the_review_queue_lists_unresolved_and_doubtful_speakers_only(client, editor):
    article = make_article("Talks", "<b>Bold</b> words: \u201cWe agree,\u201d he said.")
    linked, stranger = make_person("Linked Person"), make_person("Stranger Person")
    ArticlePerson.objects.create(article=article, person=linked)
    make_statement(article, None, "We agree,", speaker_label="he", start=20, end=29)
    make_statement(article, linked, "resolved words", start=0, end=3)
    make_statement(article, stranger, "doubtful words", start=0, end=3)
    make_statement(article, None, "settled words", corrected=True, start=0, end=3)
    page = client.get(QUEUE).content.decode()
    assert "Needs review (2)" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; words: \u201c<mark>We agree,</mark>\u201d he said." in page  # escaped
    assert page.count('name="form-') > 0 and "form-1-speaker_person" in page and "form-2-" not in page


def test_setting_a_speaker_in_the_queue_in_one_step(client, editor):
    article = make_article("Talks", "\u201cWe agree,\u201d he said.")
    statement = make_statement(article, None, "We agree,", speaker_label="he", start=1, end=10)
    lindh = make_person("Anna Lindh")
    response = client.post(
        QUEUE,
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": statement.pk,
            "form-0-speaker_person": lindh.pk,
            "form-0-speaker_organisation": "",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.speaker_person == lindh and statement.corrected
    assert history(article) == [f"editors: Statement #{statement.pk}: speaker set to Anna Lindh (review queue)."]
    assert "Needs review (0)" in client.get(QUEUE).content.decode()


def test_a_person_and_an_organisation_at_once_are_refused(client, editor):
    statement = make_statement(make_article(), None, speaker_label="he")
    organisation = Organisation.objects.create(name="Foreign Ministry")
    response = client.post(
        QUEUE,
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": statement.pk,
            "form-0-speaker_person": make_person().pk,
            "form-0-speaker_organisation": organisation.pk,
            "_save": "Save",
        },
    )
    assert response.status_code == 200 and "one speaker" in response.content.decode()
    statement.refresh_from_db()
    assert not statement.is_resolved


# Import runs ------------------------------------------------------------------------------


def test_import_runs_list_their_outcome_counts_and_filter_by_result(client):
    from archive.models import ImportOutcome, ImportRun

    client.force_login(user_in("Librarians"))
    run = ImportRun.objects.create(origin="test", created=1, failed=1, status="failed")
    ImportOutcome.objects.create(run=run, location="a.txt", result="created", article=make_article())
    ImportOutcome.objects.create(run=run, location="b.txt", result="failed", message="b.txt: no text")
    ImportRun.objects.create(origin="other", unchanged=1, status="finished")
    page = client.get(reverse("admin:archive_importrun_changelist"), {"outcomes__result": "failed"}).content.decode()
    assert "1 import run" in page or "1 result" in page
    detail = client.get(reverse("admin:archive_importrun_change", args=[run.pk])).content.decode()
    assert "b.txt: no text" in detail and "1 created" in detail and "1 failed" in detail


def test_dates_in_the_list_use_the_date_hierarchy(client, editor):
    make_article("Old", published_on=dt.date(1987, 3, 1))
    make_article("New", published_on=dt.date(2022, 1, 7))
    page = client.get(ARTICLES, {"published_on__year": "1987"}).content.decode()
    assert "Old" in page and ">New<" not in page
    assert Article.objects.count() == 2
