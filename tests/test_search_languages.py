"""Search per language (issue 19, item 2): each article matched by its own language's analysis, on
the active database (SQLite by default; DATABASE_URL=postgres://... too). Small hand-written stories."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.http import QueryDict

from archive.models import Article
from archive.search.filtersets import ArticleSearch
from archive.search.fulltext import parse_query, search_articles
from archive.search.fulltext.languages import analyse, bigrams

from .factories import make_article, make_statement

pytestmark = pytest.mark.django_db

FRENCH = (
    "Les négociations entre Paris et Berlin sur le budget européen ont repris mardi à Bruxelles.\n\n"
    "« Nous sommes proches d'un accord », a déclaré le ministre des Affaires étrangères."
)
GERMAN = (
    "Die Verhandlung über das Handelsabkommen mit Kanada wurde am Dienstag in Berlin fortgesetzt.\n\n"
    "Die Bundesaußenministerin sagte, man sei einer Einigung nahe."
)
CHINESE = "外交部发言人今天在北京表示，中国愿意与各方继续进行谈判。\n\n双方同意下个月再次会谈。"
JAPANESE = "外務大臣は東京で記者団に対し、交渉を続ける考えを示した。"


def titles(text, **filters):
    data = QueryDict(mutable=True)
    data["q"] = text
    for name, value in filters.items():
        data[name] = value
    return sorted(ArticleSearch(data).results().values_list("title", flat=True))


def stories():
    make_article("Trade talks resume", "Negotiators met in Geneva and the talks on trade went on.", language="en")
    make_article("Reprise des négociations", FRENCH, language="fr")
    make_article("Handelsgespräche", GERMAN, language="de")
    make_article("外交部谈判", CHINESE, language="zh")
    make_article("外相の会見", JAPANESE, language="ja")


def test_a_french_word_finds_its_other_forms_in_french_stories():
    stories()
    assert titles("négociation") == ["Reprise des négociations"]
    assert titles("negociation") == ["Reprise des négociations"]  # typed without its accent
    assert titles("déclarer ministres") == ["Reprise des négociations"]


def test_a_german_word_finds_its_other_forms_in_german_stories():
    stories()
    assert titles("Verhandlungen") == ["Handelsgespräche"]
    assert titles('"über das Handelsabkommen"') == ["Handelsgespräche"]


def test_english_stories_keep_english_stemming_beside_other_languages():
    stories()
    assert titles("negotiator talk") == ["Trade talks resume"]
    assert titles("trading") == ["Trade talks resume"]


def test_chinese_and_japanese_are_found_by_any_substring_of_two_characters_or_more():
    stories()
    assert titles("外交") == ["外交部谈判"]  # two characters, inside a longer word
    assert titles("发言人") == ["外交部谈判"]
    assert titles("北京表示") == ["外交部谈判"]
    assert titles("谈判") == ["外交部谈判"]  # in the title and the body
    assert titles("交渉") == ["外相の会見"]
    assert titles("記者団") == ["外相の会見"]
    assert titles("京表") == ["外交部谈判"]  # across what a dictionary would call two words
    assert titles("北京大学") == []  # the pairs must follow one another


def test_the_language_filter_analyses_the_query_in_that_language_only():
    stories()
    make_article("Nouvelles négociations", "Les négociations ont échoué.", language="fr")
    assert titles("négociations", language="fr") == ["Nouvelles négociations", "Reprise des négociations"]
    assert titles("négociations", language="de") == []


def test_a_story_is_searched_by_its_new_language_once_an_editor_corrects_it():
    article = make_article("Reprise", FRENCH, language="en")
    assert titles("européenne") == []  # English stemming: "européenn", the text's "européen"
    article.language = "fr"
    article.save()
    assert titles("européenne") == ["Reprise"]  # French: both "européen"
    article.delete()
    assert titles("européenne") == []


def test_results_in_several_languages_are_ranked_and_carry_snippets_for_english():
    stories()
    make_article("Négociations", "Les négociations, les négociations et encore les négociations.", language="fr")
    found = list(search_articles(Article.objects.all(), parse_query("négociations")))
    assert [a.title for a in found] == ["Négociations", "Reprise des négociations"]
    assert all(a.rank > 0 for a in found)
    english = list(search_articles(Article.objects.all(), parse_query("talks")))
    assert [a.title for a in english] == ["Trade talks resume"]
    assert "\x02talks\x03" in english[0].snippet


def test_rebuild_search_index_keeps_the_other_languages():
    stories()
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert titles("Verhandlungen") == ["Handelsgespräche"]
    assert titles("外交") == ["外交部谈判"]


def test_the_analysis_stems_folds_and_pairs():
    assert analyse("fr", "Les Négociations") == "le négoci"
    assert analyse("de-AT", "Verhandlungen") == "verhandl"
    assert analyse("pl", "negocjacjami") == analyse("pl", "negocjacje")  # PyStemmer's Polish (SQLite)
    assert bigrams("外交部 said").split() == ["外交", "交部", "said"]
    assert analyse("zh", "中国 Beijing") == "中国 beijing"


def test_the_search_help_explains_languages(client):
    page = client.get("/help/").content.decode()
    assert "language" in page.lower() and "négociation" in page
    languages = page[page.index("<h2>Languages</h2>") : page.index("<h2>Narrowing with facets</h2>")]
    for said in (
        "two or more characters",
        "A single character is found only where it stands by itself",
        "<strong>Language</strong> facet",
        "<code>-Verhandlungen</code>",
        "marks the forms of your words",
        "5 mars 1987",
        "citations keep their style’s English dates",
    ):
        assert said in languages, said
    assert "source, language, year" in page  # the facets


def test_only_exclusions_are_analysed_in_each_storys_language():
    stories()
    everything = ["Handelsgespräche", "Reprise des négociations", "Trade talks resume", "外交部谈判", "外相の会見"]
    assert titles("-Verhandlungen") == [t for t in everything if t != "Handelsgespräche"]  # the text: "Verhandlung"
    assert titles("-négociation") == [t for t in everything if t != "Reprise des négociations"]
    assert titles("-发言人") == [t for t in everything if t != "外交部谈判"]  # three characters, as pairs
    assert titles("-negotiating") == [t for t in everything if t != "Trade talks resume"]  # English as before
    assert titles("-Verhandlungen -发言人") == ["Reprise des négociations", "Trade talks resume", "外相の会見"]
    assert titles("-négociation", language="fr") == []
    assert titles("-Verhandlungen", language="fr") == ["Reprise des négociations"]


def test_a_word_excluded_beside_others_is_analysed_in_each_storys_language():
    stories()
    assert titles("Berlin") == ["Handelsgespräche", "Reprise des négociations"]
    assert titles("Berlin -Verhandlungen") == ["Reprise des négociations"]
    assert titles("Berlin -européenne") == ["Handelsgespräche"]  # French: "européen" in the text
    assert titles('Berlin -"über das Handelsabkommen"') == ["Reprise des négociations"]


def test_statements_with_only_exclusions_are_analysed_in_their_articles_language():
    from archive.models import Statement
    from archive.search.fulltext import search_statements

    stories()
    german = Article.objects.get(language="de")
    french = Article.objects.get(language="fr")
    make_statement(german, text="Die Verhandlungen gehen weiter")
    make_statement(french, text="Les négociations reprendront lundi")
    make_statement(Article.objects.get(language="en"), text="The negotiations will go on")

    def texts(words):
        found = search_statements(Statement.objects.all(), parse_query(words))
        return sorted(found.values_list("text", flat=True))

    assert texts("-Verhandlung") == ["Les négociations reprendront lundi", "The negotiations will go on"]
    assert texts("-négociation") == ["Die Verhandlungen gehen weiter", "The negotiations will go on"]
    assert texts("-negotiating") == ["Die Verhandlungen gehen weiter", "Les négociations reprendront lundi"]


def test_results_in_other_languages_carry_their_fragment_with_the_forms_found_marked():
    stories()
    found = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("négociation ministres"))}
    assert "\x02négociations\x03" in found["Reprise des négociations"]
    german = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("Verhandlungen"))}
    assert "\x02Verhandlung\x03 über das Handelsabkommen" in german["Handelsgespräche"]
    chinese = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("北京表示"))}
    assert "在\x02北京表示\x03，" in chinese["外交部谈判"]
    two = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("外交 北京 U.S."))}
    assert two == {}  # no "U.S." in the stories
    two = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("外交 OR U.S. 北京"))}
    assert "\x02外交\x03部发言人今天在\x02北京\x03表示" in two["外交部谈判"]
    japanese = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("交渉 -北京"))}
    assert "\x02交渉\x03を続ける" in japanese["外相の会見"]
    mixed = {a.title: a.snippet for a in search_articles(Article.objects.all(), parse_query("Berlin"))}
    assert "\x02Berlin\x03" in mixed["Handelsgespräche"] and "\x02Berlin\x03" in mixed["Reprise des négociations"]


def test_the_search_page_shows_the_fragment_of_a_story_in_another_language(client):
    stories()
    page = client.get("/?q=Verhandlungen").content.decode()
    assert re.search('<p class="snippet" lang="de" dir="ltr">[^<]*<mark>Verhandlung</mark> über', page)


def test_statements_in_other_languages_carry_their_fragment():
    from archive.models import Statement
    from archive.search.fulltext import search_statements

    stories()
    make_statement(Article.objects.get(language="de"), text="Die Verhandlungen gehen weiter")
    make_statement(Article.objects.get(language="en"), text="The negotiations will go on")
    found = list(search_statements(Statement.objects.all(), parse_query("Verhandlung")))
    assert [s.text for s in found] == ["Die Verhandlungen gehen weiter"]
    assert "\x02Verhandlungen\x03 gehen weiter" in found[0].snippet
    make_statement(Article.objects.get(language="zh"), text="外交部发言人表示将继续谈判")
    found = list(search_statements(Statement.objects.all(), parse_query("发言")))
    assert [s.snippet for s in found] == ["外交部\x02发言\x03人表示将继续谈判"]


def test_a_fragment_of_a_long_text_is_cut_around_the_most_matches_as_fts5_does():
    from archive.search.fulltext.language_snippets import Marker

    filler = "Le texte continue sans rien dire de particulier ici. " * 40
    text = filler + "Les négociations ont repris, et ces négociations dureront. " + filler
    fragment = Marker("fr", parse_query("negociation").tree).snippet(text)  # typed without its accent
    assert fragment.startswith("…") and fragment.endswith("…")
    assert fragment.count("\x02négociations\x03") == 2 and len(fragment.split()) <= 26
    # Found only in the title: the text's opening, as FTS5's snippet() gives it.
    assert Marker("fr", parse_query("titre").tree).snippet("Court texte.") == "Court texte."


def test_a_single_cjk_character_is_searched_with_a_clear_hint(client):
    stories()
    query = parse_query("中")
    assert "two characters or more" in query.hint and "“中”" in query.hint
    assert parse_query("中国").hint == "" and parse_query("x").hint == ""
    page = client.get("/?q=中").content.decode()
    assert "Chinese, Japanese and Korean are searched by two characters or more" in page
    assert titles("中") == []  # "中" stands alone in no story: said, not silent
    make_article("한국 외교", "외교부 장관은 안 갔다.", language="ko")  # Korean puts spaces between words
    assert titles("안") == ["한국 외교"]
