"""Facets on the article and statement searches: counts, OR within a facet, chips, more, filter box."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.search import counting
from archive.search.filtersets import ArticleSearch, StatementSearch
from archive.search.fulltext import forget_statistics

from .factories import make_article, make_organisation, make_person, make_source, make_statement, mention, tag

pytestmark = pytest.mark.django_db


def facet(response_or_search, name):
    facets = response_or_search.context["facets"] if hasattr(response_or_search, "context") else response_or_search
    return {value.label: value.count for f in facets if f.name == name for value in f.values}


def titles(response):
    return {article.title for article in response.context["page"].object_list}


@pytest.fixture
def corpus():
    dpa = make_source("dpa")
    shultz = make_person("George Shultz", country_id="US")
    kishi = make_person("Nobuo Kishi", country_id="JP")
    ministry = make_organisation("Foreign Ministry", country_id="CN", kind="government")
    japan = make_article("Japan talks", "Japan body", countries=["JP"], published_on=dt.date(1987, 3, 2))
    france = make_article("France talks", "France body", countries=["FR"], published_on=dt.date(1987, 4, 9))
    both = make_article(
        "Japan and France", "Both body", countries=["JP", "FR"], source=dpa, published_on=dt.date(1988, 1, 5)
    )
    mention(both, dateline=["FR"])
    mention(japan, kishi, dateline=["JP"])
    make_statement(japan, kishi, "We agree")
    make_statement(japan, kishi, "We agree again")
    make_statement(both, shultz, "Trade matters")
    make_statement(france, None, "Farm policy", speaker_organisation=ministry)
    tag(both, "Trade")
    return {"japan": japan, "france": france, "both": both, "shultz": shultz, "kishi": kishi, "ministry": ministry}


def test_a_facets_counts_ignore_its_own_filter_but_obey_the_others(client, corpus):
    response = client.get(reverse("archive:search"), {"country": "JP"})
    assert titles(response) == {"Japan talks", "Japan and France"}
    # The country facet still counts over everything, so France keeps its count of 2.
    assert facet(response, "country") == {"Japan": 2, "France": 2}
    # Other facets count within the chosen country.
    assert facet(response, "source") == {"Reuters": 1, "dpa": 1}
    assert facet(response, "speaker") == {"Nobuo Kishi": 1, "George Shultz": 1}
    assert facet(response, "year") == {"1987": 1, "1988": 1}


def test_values_of_one_facet_are_ored_and_facets_are_anded(client, corpus):
    assert len(titles(client.get("/", {"country": ["JP", "FR"]}))) == 3
    response = client.get("/", {"country": ["JP", "FR"], "source": "dpa"})
    assert titles(response) == {"Japan and France"}
    assert facet(response, "country") == {"Japan": 1, "France": 1}


def test_speaker_facet_offers_people_and_organisations(client, corpus):
    response = client.get("/")
    assert facet(response, "speaker") == {"Nobuo Kishi": 1, "George Shultz": 1, "Foreign Ministry (CN)": 1}
    org = client.get("/", {"speaker": f"o{corpus['ministry'].pk}"})
    assert titles(org) == {"France talks"}


def test_dateline_person_and_tag_facets(client, corpus):
    response = client.get("/")
    assert facet(response, "dateline") == {"France": 1, "Japan": 1}
    assert facet(response, "person") == {"Nobuo Kishi": 1}
    assert facet(response, "tag") == {"Trade": 1}
    assert titles(client.get("/", {"dateline": "FR"})) == {"Japan and France"}
    assert titles(client.get("/", {"tag": "trade"})) == {"Japan and France"}
    assert titles(client.get("/", {"person": corpus["kishi"].pk})) == {"Japan talks"}


def test_months_appear_within_one_chosen_year_as_linked_bars(client, corpus):
    assert "month" not in {f.name for f in client.get("/").context["facets"]}
    response = client.get("/", {"year": "1987"})
    assert facet(response, "month") == {"Mar": 1, "Apr": 1}
    page = response.content.decode()
    assert "<svg" in page and 'aria-label="Mar: 1"' in page
    assert titles(client.get("/", {"year": "1987", "month": "4"})) == {"France talks"}


def test_statement_facets_count_statements(client, corpus):
    response = client.get(reverse("archive:statements"))
    assert response.context["page"].paginator.count == 4
    assert facet(response, "speaker")["Nobuo Kishi"] == 2
    assert facet(response, "country") == {"Japan": 3, "France": 2}
    narrowed = client.get(reverse("archive:statements"), {"speaker": f"p{corpus['kishi'].pk}"})
    assert narrowed.context["page"].paginator.count == 2
    assert facet(narrowed, "country") == {"Japan": 2}


def test_active_filters_show_as_chips_that_remove_only_themselves(client, corpus):
    response = client.get("/", {"country": ["JP", "FR"], "source": "dpa", "q": "talks"})
    chips = {(chip.facet, chip.label): chip.query for chip in response.context["chips"]}
    assert set(chips) == {("Words", "talks"), ("Country mentioned", "Japan"), ("Country mentioned", "France"),
                          ("Source", "dpa")}  # fmt: skip
    without_japan = chips[("Country mentioned", "Japan")]
    assert without_japan.getlist("country") == ["FR"] and without_japan["source"] == "dpa"
    page = response.content.decode()
    assert 'aria-label="Remove Country mentioned: Japan"' in page
    assert "country=FR&amp;source=dpa" in page


def test_facet_links_toggle_their_value_and_keep_the_rest(client, corpus):
    response = client.get("/", {"country": "JP", "page": "1", "sort": "oldest"})
    values = {v.label: v for f in response.context["facets"] if f.name == "country" for v in f.values}
    assert values["Japan"].selected and values["Japan"].query.getlist("country") == []
    assert values["France"].query.getlist("country") == ["JP", "FR"]
    assert "page" not in values["France"].query and values["France"].query["sort"] == "oldest"


def test_long_facets_show_more_and_a_filter_box(client):
    codes = ["JP", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "SE", "NO", "FI", "DK", "PL"]
    for number in range(len(codes)):
        make_article(f"Story {number}", "Body", countries=codes[: number + 1])
    short = client.get("/")
    country = next(f for f in short.context["facets"] if f.name == "country")
    assert len(country.values) == 10 and country.has_more
    assert "more=country" in short.content.decode()
    expanded = client.get("/", {"more": "country"})
    assert len(facet(expanded, "country")) == 13
    filtered = client.get("/", {"fq_country": "land"})
    assert set(facet(filtered, "country")) == {"Finland", "Netherlands", "Poland"}
    assert 'name="fq_country"' in short.content.decode()


def test_invalid_facet_values_are_dropped_with_a_hint(client, corpus):
    response = client.get("/", {"country": ["JP", "ZZ", "<b>"], "speaker": ["x", "p999999"], "year": "-5"})
    assert response.status_code == 200
    assert titles(response) == {"Japan talks", "Japan and France"}
    hints = " ".join(response.context["hints"])
    assert "'ZZ'" in hints and "speaker" in hints and "year" in hints
    assert "<b>" not in response.content.decode().split("<main")[1].replace("&lt;b&gt;", "")


def test_bad_dates_and_sort_are_ignored_with_a_hint(client, corpus):
    response = client.get("/", {"date_from": "yesterday", "sort": "sideways"})
    assert response.status_code == 200 and len(titles(response)) == 3
    assert any("from" in hint for hint in response.context["hints"])


def test_date_range_and_sort(client, corpus):
    response = client.get("/", {"date_from": "1987-04-01", "date_to": "1987-12-31"})
    assert titles(response) == {"France talks"}
    oldest = client.get("/", {"sort": "oldest"}).context["page"].object_list
    assert [a.title for a in oldest][0] == "Japan talks"


def test_pagination_keeps_every_filter(client):
    for number in range(25):
        make_article(f"Story {number}", "Body", countries=["JP"])
    page = client.get("/", {"country": "JP", "sort": "oldest"}).content.decode()
    assert 'href="/?country=JP&amp;sort=oldest&amp;page=2"' in page


def test_text_search_composes_with_facets(client, corpus):
    response = client.get("/", {"q": "talks", "country": "FR"})
    assert titles(response) == {"France talks"}
    assert facet(response, "country") == {"Japan": 1, "France": 1}


def corpus_of(articles: int):
    codes = ["JP", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "SE", "NO", "FI", "DK", "PL", "US", "CN"]
    people = [make_person(f"Person {n}") for n in range(15)]
    for number in range(articles):
        article = make_article(
            f"Story {number}", f"Talks body {number}", countries=codes[number % 15 :][:4],
            published_on=dt.date(1980 + number % 12, 1 + number % 12, 1),
        )  # fmt: skip
        mention(article, people[number % 15], dateline=[codes[number % 15]])
        make_statement(article, people[number % 15], f"Said {number}")
        make_statement(article, people[(number + 1) % 15], f"Talks said {number}")
        tag(article, f"Tag {number % 13}")
    return people


def queries_of(client, path, params) -> int:
    forget_statistics()  # the word shares, remembered for a minute, are asked for again
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("articles", [5, 60])
def test_search_page_costs_a_constant_number_of_queries(client, articles):
    """However many results: the page's few queries, each facet one, no query per result or value."""
    people = corpus_of(articles)
    snippets = 1 if connection.vendor == "sqlite" else 0  # PostgreSQL makes them in the results' query
    # The languages stored (for the search box's analyses and whether the language facet is offered:
    # not in this English archive), statistics of the words, the matching ids, the 8 facets in one
    # query (facet_keys.py), the results, (snippets), the countries and speakers beside them.
    assert queries_of(client, "/", {"q": "talks"}) == 1 + 1 + 1 + 1 + 1 + snippets + 1
    # With filters: 2 look-ups of the chosen values' labels, the count, and the month facet (the 3
    # chosen facets counted apart, each over the results of the other filters (on SQLite their ids
    # fetched first), then the 6 others in one query).
    query = {"q": "talks", "country": ["JP", "FR"], "speaker": f"p{people[1].pk}", "year": "1981", "more": "tag"}
    apart = 3 * (2 if connection.vendor == "sqlite" else 1)
    assert queries_of(client, "/", query) == 2 + 1 + 1 + 1 + apart + 1 + 1 + 1 + snippets + 1
    # No words: the count, the languages stored, the 8 facets read from the totals (facet_keys.py),
    # the results, the countries and speakers beside them.
    assert queries_of(client, "/", {}) == 1 + 1 + 1 + 1 + 1
    # Statements: the count, the languages stored, 13 facets (the 8, the kind, "speaker known", the
    # speaker's country, the countries spoken about and the speaker's role) in one query from the
    # statement keys (read from their totals without words), the results (speakers and articles joined).
    assert queries_of(client, reverse("archive:statements"), {}) == 1 + 1 + 1 + 1
    assert queries_of(client, reverse("archive:statements"), {"q": "talks"}) == 1 + 1 + 1 + 1 + 1 + snippets
    # Nothing matches the words: nothing more is asked (the languages stored, the statistics, the ids).
    assert queries_of(client, "/", {"q": "nowhere"}) == 1 + 1 + 1


def test_many_matches_are_counted_alike_by_scanning(client, monkeypatch):
    """From WALK_MIN_IDS matches on, facets scan their rows instead of looking matches up: same counts."""
    corpus_of(30)

    def facets(path, params):
        return {(f.name, v.label): v.count for f in client.get(path, params).context["facets"] for v in f.values}

    cases = [
        ("/", {"q": "talks"}),
        ("/", {"q": "talks", "country": "JP"}),
        (reverse("archive:statements"), {"q": "said"}),
    ]
    looked_up = [facets(path, params) for path, params in cases]
    monkeypatch.setattr(counting, "WALK_MIN_IDS", 1)
    assert [facets(path, params) for path, params in cases] == looked_up
    assert looked_up[0][("source", "Reuters")] == 30 and looked_up[1][("source", "Reuters")] == 2


def test_facet_links_are_the_page_query_with_the_value_toggled(client, corpus):
    for params in ({"country": "JP", "page": "1", "sort": "oldest"}, {"year": "1987", "month": "3", "country": "JP"}):
        for facet in client.get("/", params).context["facets"]:
            for value in facet.values:
                toggled = value.query.urlencode()
                assert value.href == (f"?{toggled}" if toggled else ""), (facet.name, value)
    page = client.get("/", {"country": "JP", "page": "1", "sort": "oldest"}).content.decode()
    assert 'href="/?country=JP&amp;country=FR&amp;sort=oldest"' in page
    assert 'href="/?sort=oldest"' in page  # Japan, chosen: unchosen


def test_search_classes_can_be_used_without_a_request():
    search = ArticleSearch({"country": "JP"})
    assert list(search.results()) == []
    assert StatementSearch(None).sort_order == "newest"


def test_chosen_values_stay_in_a_long_facet_list_first(client):
    codes = ["JP", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "SE", "NO", "FI", "DK", "PL"]
    for number in range(len(codes)):
        make_article(f"Story {number}", "Body", countries=codes[: number + 1])
    people = [make_person(f"Person {n:02}") for n in range(12)]
    for index, person in enumerate(people):
        for _ in range(12 - index):
            make_statement(make_article("Said", "Body"), person, "Words")
    response = client.get("/", {"country": "PL"})
    countries = next(f for f in response.context["facets"] if f.name == "country").values
    assert countries[0].label == "Poland" and countries[0].selected and len(countries) == 10
    response = client.get("/", {"speaker": f"p{people[-1].pk}"})
    speakers = next(f for f in response.context["facets"] if f.name == "speaker").values
    assert speakers[0].label == "Person 11" and speakers[0].selected


def test_equal_counts_are_listed_by_label_and_chosen_values_first(client):
    codes = ["PL", "JP", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "SE", "NO", "FI", "DK"]
    make_article("All", "Body", countries=codes)
    make_article("Poland again", "Body", countries=["PL"])
    countries = next(f for f in client.get("/").context["facets"] if f.name == "country")
    # Poland twice first; then the ones seen once, alphabetically, as many as fit.
    assert [v.label for v in countries.values] == [
        "Poland",
        "Belgium",
        "Denmark",
        "Finland",
        "France",
        "Germany",
        "Italy",
        "Japan",
        "Netherlands",
        "Norway",
    ]  # noqa: E501
    assert countries.has_more
    chosen = next(f for f in client.get("/", {"country": "SE"}).context["facets"] if f.name == "country")
    assert [v.label for v in chosen.values][:3] == ["Sweden", "Poland", "Belgium"]


def plain_counts(name, articles):
    """A facet's counts over some articles, the plain way (value -> count, values as in the URL)."""
    from collections import Counter

    from archive.models import ArticleCountry, ArticleOrganisation, ArticlePerson, Statement, Tagging

    links = {"article__in": articles}
    if name in ("country", "dateline"):
        rows = ArticleCountry.objects.filter(**links, **({"in_dateline": True} if name == "dateline" else {}))
        return Counter(rows.values_list("country_id", flat=True))
    if name in ("person", "org"):
        model, field = (ArticlePerson, "person_id") if name == "person" else (ArticleOrganisation, "organisation_id")
        return Counter(str(value) for value in model.objects.filter(**links).values_list(field, flat=True))
    if name == "speaker":
        speaking = Statement.objects.filter(**links, speaker_person__isnull=False)
        return Counter(f"p{person}" for person, _ in set(speaking.values_list("speaker_person_id", "article_id")))
    if name == "tag":
        return Counter(Tagging.objects.filter(**links).values_list("tag__slug", flat=True))
    if name == "language":  # counted once the archive holds a story not in English
        from archive.models import Article

        if not Article.objects.exclude(language="en").exists():
            return Counter()
        return Counter(articles.values_list("language", flat=True))
    if name == "source":
        return Counter(articles.values_list("source__slug", flat=True))
    dates = articles.values_list("published_on", flat=True)
    return Counter(str(date.year if name == "year" else date.month) for date in dates)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "talks"},
        {"country": "JP"},
        {"q": "talks", "country": ["JP", "FR"], "year": "1981"},
        {"q": "said", "speaker": "p{person}", "tag": "tag-3"},
        {"year": "1985", "month": "6", "country": "DE"},
    ],
)
def test_facet_counts_are_those_of_the_results_under_the_other_filters(client, params, monkeypatch):
    """Against counts made the plain way: each facet over the results of every filter but its own."""
    from archive.models import Article

    people = corpus_of(40)
    params = {k: (v.format(person=people[2].pk) if isinstance(v, str) else v) for k, v in params.items()}
    everything = {**params, "more": ["country", "dateline", "person", "org", "speaker", "tag"]}
    for walk in (10**9, 1):  # matches looked up, then scanned
        monkeypatch.setattr(counting, "WALK_MIN_IDS", walk)
        search = ArticleSearch(params)
        for facet in client.get("/", everything).context["facets"]:
            articles = Article.objects.filter(pk__in=search.matching(skip={facet.name}).values("pk"))
            assert {v.value: v.count for v in facet.values} == dict(plain_counts(facet.name, articles)), facet.name
