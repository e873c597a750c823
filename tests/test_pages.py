"""The public pages: search home, article, person, organisation, country, tag."""

import datetime as dt

import pytest
from django.urls import reverse

from archive.models import ArticleOrganisation, ArticlePerson, Organisation, Source, Tag, Tagging

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
    # The count, 9 facets (8 and the language), the results and 2 prefetches: not one more per article.
    with django_assert_max_num_queries(13):
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


def test_statements_page_highlights_quoted_words_and_links_to_the_anchor(client, story):
    statement = story.statements.get()
    response = client.get(reverse("archive:statements"), {"q": "available"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>available</mark>" in page or "<mark>Available</mark>" in page
    assert f'href="/articles/{story.pk}/#statement-{statement.pk}"' in page
    assert "Nobuo Kishi" in page and "7 Jan 2022" in page


def test_search_results_show_snippet_countries_and_speakers(client, story):
    page = client.get(reverse("archive:search"), {"q": "ministers"}).content.decode()
    assert "<mark>" in page and "Japan" in page and "Nobuo Kishi" in page
    assert "1 article" in page


def test_result_lists_name_each_speaker_once_in_the_order_they_first_speak(client):
    import re

    from .factories import make_organisation

    article = make_article("Ministers talk trade", "Para 0.\n\nPara 1.\n\nPara 2.", countries=["JP", "US"])
    ministry = make_organisation("Foreign Ministry", country_id="JP", kind="government")
    kishi, blinken = make_person("Nobuo Kishi"), make_person("Antony Blinken")

    def say(speaker, words, paragraph, start, **fields):
        make_statement(article, speaker, words, paragraph=paragraph, start=start, end=start + len(words), **fields)

    say(blinken, "Later words", 2, 0)
    say(kishi, "Second words", 1, 9)
    say(None, "First words", 0, 4, speaker_organisation=ministry)
    say(kishi, "More words", 1, 40)
    say(blinken, "Earlier words", 1, 20)
    say(None, "Nobody's words", 2, 30)  # unresolved: not listed
    for url in (
        reverse("archive:search") + "?q=trade",
        reverse("archive:search"),
        reverse("archive:country", args=["jp"]),
    ):
        page = client.get(url).content.decode()
        assert "Ministers talk trade" in page, url
        speakers = re.search(r"<dt>Speakers</dt><dd>(.*?)</dd>", page).group(1)
        assert re.findall(r">([^<]+)</a>", speakers) == ["Foreign Ministry (JP)", "Nobuo Kishi", "Antony Blinken"], url
        assert f'href="{kishi.get_absolute_url()}"' in speakers and f'href="{ministry.get_absolute_url()}"' in speakers
        countries = re.search(r"<dt>Countries</dt><dd>(.*?)</dd>", page).group(1)
        assert re.findall(r">([^<]+)</a>", countries) == ["Japan", "United States"]


def test_help_page_documents_the_syntax(client):
    page = client.get(reverse("archive:help")).content.decode()
    for syntax in ('"trade talks"', "OR", "-Geneva", "speaker:", "country:", "person:", "org:", "tag:"):
        assert syntax in page


def test_article_page_has_permanent_url_citation_and_provenance(client, story):
    story.original_file = "reut2-000.sgm"
    story.credits = {"reporting": ["Ju-min Park"], "editing": []}
    story.save()
    page = client.get(story.get_absolute_url()).content.decode()
    url = f"http://testserver/articles/{story.pk}/"
    assert f"Reuters, ‘US and Japan pledge to work together’, 7 January 2022, Diplomatic news archive, {url}" in page
    assert "reut2-000.sgm" in page and "Reporting by Ju-min Park" in page
    kishi = story.statements.get().speaker_person
    assert f'href="{kishi.get_absolute_url()}"' in page


def test_person_page_shows_statements_with_facets_articles_and_company(client, story):
    kishi = story.statements.get().speaker_person
    blinken = make_person("Antony Blinken", country_id="US")
    ArticlePerson.objects.create(article=story, person=kishi)
    ArticlePerson.objects.create(article=story, person=blinken)
    other = make_article("Other story", "Kishi spoke.", countries=["CN"], published_on=dt.date(2023, 2, 1))
    make_statement(other, kishi, "Second words")
    response = client.get(kishi.get_absolute_url())
    page = response.content.decode()
    statements = list(response.context["page"].object_list)
    assert [s.text for s in statements] == ["Second words", "We must seek all available means,"]  # newest first
    assert "speaker" not in {f.name for f in response.context["facets"]}
    assert {v.label for f in response.context["facets"] if f.name == "country" for v in f.values} == {
        "Japan", "United States", "China"}  # fmt: skip
    assert response.context["together"]["people"][0]["person__name"] == "Antony Blinken"
    assert "US and Japan pledge" in page and "Articles that mention Nobuo Kishi" in page
    narrowed = client.get(kishi.get_absolute_url(), {"country": "CN"})
    assert [s.text for s in narrowed.context["page"].object_list] == ["Second words"]


def test_organisation_and_country_pages_list_statements_by_them(client, story):
    ministry = Organisation.objects.create(name="Foreign Ministry", country_id="JP", kind="government")
    make_statement(story, None, "The ministry regrets", speaker_organisation=ministry)
    ArticleOrganisation.objects.create(article=story, organisation=ministry)
    org_page = client.get(ministry.get_absolute_url())
    assert [s.text for s in org_page.context["page"].object_list] == ["The ministry regrets"]
    assert "US and Japan pledge" in org_page.content.decode()
    japan = client.get(reverse("archive:country", args=["jp"]))
    assert {s.text for s in japan.context["page"].object_list} == {
        "The ministry regrets", "We must seek all available means,"}  # fmt: skip
    assert japan.context["together"]["countries"][0]["country__name"] == "United States"


def test_archive_text_is_escaped_on_every_page(client):
    evil = "<script>alert(1)</script>"
    source = Source.objects.create(name=f"Agency {evil}")
    article = make_article(f"{evil} title", f"Talks {evil} body", countries=["JP"], source=source, dateline=evil)
    person = make_person(f"Name {evil}", role=evil, country_id="JP", alternative_names=evil)
    organisation = Organisation.objects.create(name=f"Org {evil}", alternative_names=evil)
    make_statement(article, person, f"Said {evil}")
    make_statement(article, None, f"Org said {evil}", speaker_organisation=organisation)
    ArticlePerson.objects.create(article=article, person=person)
    ArticleOrganisation.objects.create(article=article, organisation=organisation)
    tag = Tag.objects.create(name=f"Tag {evil}", description=evil)
    Tagging.objects.create(article=article, tag=tag)
    urls = [
        reverse("archive:search"), reverse("archive:search") + "?q=talks", reverse("archive:search") + f"?q={evil}",
        reverse("archive:statements") + "?q=said", reverse("archive:statements"), article.get_absolute_url(),
        person.get_absolute_url(), organisation.get_absolute_url(), reverse("archive:country", args=["jp"]),
        tag.get_absolute_url(), reverse("archive:search_feed"), reverse("archive:statements_feed"),
        reverse("archive:search") + f"?country=JP&speaker=p{person.pk}&tag={tag.slug}&source={source.slug}",
    ]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script>alert" not in response.content.decode(), url


HOSTILE = [
    {"page": "-1"}, {"page": "0"}, {"page": "99999999999999999999"}, {"page": "1e3"},
    {"country": "x" * 10_000}, {"q": "x" * 10_000}, {"q": '" * : ( - NEAR OR AND )'}, {"q": "-"},
    {"speaker": ["p", "o", "pp1", "p-1", "p99999999999999999999", "o1.5"]}, {"person": ["-1", "abc", "1" * 40]},
    {"year": ["0", "10000", "abc", "-1987"]}, {"month": ["13", "0", "x"]}, {"date_from": "2022-13-45"},
    {"date_to": "x" * 500}, {"sort": ["newest", "oldest", "<script>"]}, {"more": ["country", "nothing"] * 50},
    {"fq_country": "%' OR 1=1 --"}, {"tag": "../../etc/passwd"}, {"source": "\x00"}, {"q": "\x00\x02\x03"},
    {"speaker_country": "JP"}, {"unknown": "value"}, {"country": [str(n) for n in range(300)]},
]  # fmt: skip


@pytest.mark.parametrize("params", HOSTILE)
def test_hostile_parameters_answer_200_or_404(client, story, params):
    kishi = story.statements.get().speaker_person
    for url in (reverse("archive:search"), reverse("archive:statements"), kishi.get_absolute_url(),
                reverse("archive:country", args=["jp"])):  # fmt: skip
        assert client.get(url, params).status_code in (200, 404), (url, params)


def test_hostile_paths_are_not_found(client):
    for url in ("/articles/abc/", "/people/-1/", "/organisations/99999999999999999999/", "/countries/japan/",
                "/countries/zz/", "/tags/%00/", "/statements/export.exe"):  # fmt: skip
        assert client.get(url).status_code == 404, url


def test_the_query_parser_hint_is_shown_politely(client, story):
    response = client.get(reverse("archive:search"), {"q": '"work together'})
    assert response.status_code == 200
    assert any("quote" in hint.lower() for hint in response.context["hints"])
    assert '<div class="hints" role="status">' in response.content.decode()


def test_several_words_that_few_stories_hold_all_of_offer_any_of_them(client, story):
    body = "BUENOS AIRES - Sunflower crops grew; seed prices fell."
    make_article("Sunflowerseed exports rise", body, countries=["AR"])
    make_article("Record crop", "ROSARIO - Sunflowerseed output grew.", countries=["AR"])  # one word
    response = client.get(reverse("archive:search"), {"q": "sunflower seed", "country": "AR"})
    assert response.context["page"].paginator.count == 1
    broader = response.context["any_of_the_words"]
    assert broader["q"] == "sunflower OR seed OR sunflowerseed" and broader["country"] == "AR"  # the filters stay
    page = response.content.decode()
    assert "search for any of them</a>" in page and "q=sunflower+OR+seed+OR+sunflowerseed" in page
    found = client.get(reverse("archive:search"), broader).context["page"].paginator.count
    assert found == 2  # and the story that prints them as one word
    # one word, a phrase, an OR, or enough results: nothing offered
    for q in ("sunflower", '"sunflower seed"', "sunflower OR seed", "sunflower -seed"):
        assert client.get(reverse("archive:search"), {"q": q}).context["any_of_the_words"] is None, q
    for number in range(9):
        make_article(f"Sunflower seed story {number}", body, countries=["AR"])
    assert client.get(reverse("archive:search"), {"q": "sunflower seed"}).context["any_of_the_words"] is None


def test_over_long_queries_are_cut_with_a_hint(client, story):
    response = client.get(reverse("archive:search"), {"q": "japan " * 2000})
    assert response.status_code == 200
    assert any("first 500 characters" in hint for hint in response.context["hints"])


def test_entity_and_article_pages_cost_a_constant_number_of_queries(client, django_assert_max_num_queries, story):
    kishi = story.statements.get().speaker_person
    for number in range(25):
        article = make_article(f"Story {number}", f"Body {number}", countries=["FR", "DE", "JP"])
        ArticlePerson.objects.create(article=article, person=kishi)
        ArticlePerson.objects.create(article=article, person=make_person(f"Person {number}"))
        make_statement(article, kishi, f"Words {number}")
    # The statement lists' facets: 5 more than the articles' (kind, speaker known, speaker's country,
    # about, role); the person's roles over time: 1; the chosen country facet's results without it: 1.
    with django_assert_max_num_queries(25):  # 24, and the language facet
        assert client.get(kishi.get_absolute_url(), {"country": "FR"}).status_code == 200
    with django_assert_max_num_queries(21):  # 20, and the language facet
        assert client.get(reverse("archive:country", args=["fr"])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(story.get_absolute_url()).status_code == 200


def test_result_lists_link_like_get_absolute_url(story):
    from archive.models import Country, Organisation
    from archive.templatetags.archive_tags import href

    kishi = story.statements.get().speaker_person
    ministry = Organisation.objects.create(name="Foreign Ministry", country_id="JP", kind="government")
    for obj in (story, kishi, ministry, Country.objects.get(code="JP")):
        assert href(obj) == obj.get_absolute_url()
