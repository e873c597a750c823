"""Statements searched in their article's language (issue 19, item 2), on the statements page, on
the active database (SQLite by default; DATABASE_URL=postgres://... too)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.search.filtersets import StatementSearch

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


def said(text, **filters) -> list[str]:
    data = QueryDict(mutable=True)
    data["q"] = text
    for name, value in filters.items():
        data[name] = value
    return sorted(StatementSearch(data).results().values_list("text", flat=True))


def page(client, text) -> list[str]:
    """The statements the statements page lists for a search."""
    response = client.get(reverse("archive:statements"), {"q": text})
    assert response.status_code == 200
    return [statement.text for statement in response.context["page"].object_list]


def statements():
    english = make_article("Trade talks", "Negotiators met.", language="en")
    make_statement(english, None, "The negotiations are going on", speaker_label="a diplomat")
    make_statement(make_article("Sommet", "Texte.", language="fr"), None, "Les négociations continuent",
                   speaker_label="le ministre")  # fmt: skip
    make_statement(make_article("Gipfel", "Text.", language="de"), None, "Die Verhandlung geht weiter",
                   speaker_label="die Ministerin")  # fmt: skip
    make_statement(make_article("会谈", "文本。", language="zh"), None, "外交部发言人表示将继续谈判",
                   speaker_label="发言人")  # fmt: skip


def test_a_french_statement_is_found_by_another_form_of_its_words(client):
    statements()
    assert said("négociation") == ["Les négociations continuent"]
    assert said("negociation") == ["Les négociations continuent"]  # without its accent
    assert page(client, "négociation") == ["Les négociations continuent"]


def test_a_german_statement_is_found_by_another_form_of_its_words(client):
    statements()
    assert said("Verhandlungen") == ["Die Verhandlung geht weiter"]
    assert page(client, "Verhandlungen") == ["Die Verhandlung geht weiter"]


def test_a_chinese_statement_is_found_by_two_characters_inside_a_word(client):
    statements()
    assert said("外交") == ["外交部发言人表示将继续谈判"]
    assert said("继续谈判") == ["外交部发言人表示将继续谈判"]
    assert said("外交谈判") == []  # the pairs must follow one another
    assert page(client, "外交") == ["外交部发言人表示将继续谈判"]


def test_english_statements_keep_english_stemming_beside_other_languages(client):
    statements()
    assert said("negotiation") == ["The negotiations are going on"]  # not the French one
    assert said("going diplomat") == ["The negotiations are going on"]  # text and speaker
    assert page(client, "negotiation") == ["The negotiations are going on"]


def test_the_language_filter_analyses_statements_in_that_language_only():
    statements()
    assert said("négociations", language="fr") == ["Les négociations continuent"]
    assert said("négociations", language="de") == []


def test_the_speaker_is_searched_in_the_statements_language():
    statements()
    barrot = make_person("Jean-Noël Barrot")
    make_statement(make_article("Réunion", "Texte.", language="fr"), barrot, "Nous discutons")
    assert said("barrot") == ["Nous discutons"]
    barrot.name = "Jean-Noël Barrots"
    barrot.save()
    assert said("barrot") == ["Nous discutons"]  # renamed: indexed again, French stemming


def test_a_corrected_article_language_reindexes_its_statements():
    article = make_article("Sommet", "Texte.", language="en")
    make_statement(article, None, "Le budget européen est prêt")
    assert said("européenne") == []  # English stemming: "européenn", the text's "européen"
    article.language = "fr"
    article.save()
    assert said("européenne") == ["Le budget européen est prêt"]
    article.language = "en"
    article.save()
    assert said("européenne") == []
    article.delete()
    assert said("budget") == []


def test_rebuild_search_index_keeps_the_statements_in_other_languages():
    statements()
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert said("Verhandlungen") == ["Die Verhandlung geht weiter"]
    assert said("外交") == ["外交部发言人表示将继续谈判"]
    assert said("negotiation") == ["The negotiations are going on"]


def test_ranking_and_snippets_of_statements_in_several_languages():
    statements()
    make_statement(make_article("Encore", "Texte.", language="fr"), None,
                   "Négociations, négociations, toujours des négociations", speaker_label="négociations")  # fmt: skip
    data = QueryDict("q=négociations")
    found = list(StatementSearch(data).results())
    assert [s.text for s in found][0] == "Négociations, négociations, toujours des négociations"
    assert all(s.rank > 0 for s in found)
    english = list(StatementSearch(QueryDict("q=going")).results())
    assert [s.text for s in english] == ["The negotiations are going on"]
    assert "\x02going\x03" in english[0].snippet


def test_the_statements_search_costs_no_more_queries_for_more_languages(client):
    def add(languages):
        for number, language in enumerate(languages):
            article = make_article(f"Story {language} {number}", "Text.", language=language)
            make_statement(article, None, f"Words {number}", speaker_label="he")

    add(["en", "en"])
    with CaptureQueriesContext(connection) as english:
        page(client, "words")
    add(["fr", "de"])
    with CaptureQueriesContext(connection) as few:
        page(client, "words")
    add(["es", "it", "pt", "nl", "ru", "pl", "zh", "ja"])
    with CaptureQueriesContext(connection) as many:
        assert "Words 7" in page(client, "words")
    assert len(many.captured_queries) <= len(few.captured_queries) <= len(english.captured_queries)
