"""Stories beyond English (issue 19): each article's language (from its file, else detected,
editable), shown and declared on the pages, a facet; French, Spanish and German extraction."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.extraction import extract
from archive.importing.language import normalised_language
from archive.importing.pipeline import Importer
from archive.models import Article, Statement

from .factories import make_article, make_person, make_statement
from .test_admin import inline_data
from .test_roles import user_in

pytestmark = pytest.mark.django_db


def speakers(result) -> dict[str, str | None]:
    return {s.text: s.speaker_person for s in result.statements}


# Extraction per language ------------------------------------------------------------------------


def test_french_quotes_reporting_verbs_and_selon_find_their_speakers():
    result = extract(
        "Genève – La ministre belge des Affaires étrangères, Hadja Lahbib, a affirmé mardi que les discussions "
        "avançaient. « Nous sommes prêts à signer dès demain », a-t-elle ajouté.\n\n"
        "— Rien n'est encore décidé, a répondu le porte-parole du Kremlin, Dmitri Peskov.\n\n"
        "Selon M. Peskov, la Russie attend « des garanties écrites ».",
        title="Négociations à Genève",
        language="fr",
    )
    found = speakers(result)
    assert found["les discussions avançaient"] == "Hadja Lahbib"
    assert found["Nous sommes prêts à signer dès demain"] == "Hadja Lahbib"  # "a-t-elle": the last named
    assert found["Rien n'est encore décidé"] == "Dmitri Peskov"  # a dialogue dash
    assert found["la Russie attend « des garanties écrites »"] == "Dmitri Peskov"
    assert {c.code for c in result.countries} >= {"BE", "RU"}  # "belge", "Kremlin" is no country: "Russie"
    lahbib = next(p for p in result.people if p.name == "Hadja Lahbib")
    assert lahbib.role.startswith("ministre belge") and lahbib.country == "BE"
    assert next(s for s in result.statements if s.speaker_person == "Hadja Lahbib").speaker_country == "BE"


def test_spanish_dashes_and_segun_find_their_speakers():
    result = extract(
        "Bogotá – El canciller colombiano, Luis Gilberto Murillo, dijo el lunes que el acuerdo con Ecuador "
        "está cerca.\n\n"
        "—Hemos avanzado mucho —afirmó Murillo ante la prensa.\n\n"
        'Según la ministra ecuatoriana, Gabriela Sommerfeld, quedan "detalles técnicos" por resolver.',
        language="es",
    )
    found = speakers(result)
    assert found["el acuerdo con Ecuador está cerca"] == "Luis Gilberto Murillo"
    assert found["Hemos avanzado mucho"] == "Luis Gilberto Murillo"
    assert found['quedan "detalles técnicos" por resolver'] == "Gabriela Sommerfeld"
    assert {c.code for c in result.countries} >= {"CO", "EC"}


def test_german_quotes_konjunktiv_and_laut_find_their_speakers():
    result = extract(
        "Wien (dpa) - Österreichs Außenministerin Beate Meinl-Reisinger hat Ungarn zur Zusammenarbeit "
        "aufgerufen. „Wir brauchen eine gemeinsame Lösung“, sagte sie am Dienstag.\n\n"
        "Der ungarische Außenminister Péter Szijjártó erklärte, Budapest sei zu Gesprächen bereit.\n\n"
        "Laut Regierungssprecher Harald Fidler soll ein Treffen im Mai stattfinden.",
        language="de",
    )
    found = speakers(result)
    assert found["Wir brauchen eine gemeinsame Lösung"] == "Beate Meinl-Reisinger"
    assert found["Budapest sei zu Gesprächen bereit"] == "Péter Szijjártó"
    assert found["soll ein Treffen im Mai stattfinden"] == "Harald Fidler"
    assert {c.code for c in result.countries} >= {"AT", "HU"}
    assert "Zusammenarbeit" not in {p.name for p in result.people}  # German nouns are capitalised


def test_an_unnamed_source_stays_unresolved():
    result = extract("Un porte-parole a déclaré que la réunion était reportée.", language="fr")
    assert [(s.speaker_person, s.speaker_label) for s in result.statements] == [(None, "Un porte-parole")]


def test_english_and_unknown_languages_are_extracted_the_english_way():
    text = 'WASHINGTON, March 3 - "We will talk," Secretary of State George Shultz said.'
    english = repr(extract(text))
    assert repr(extract(text, language="en")) == english
    assert repr(extract(text, language="pt")) == english  # no rules of its own yet


# Languages from files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "stored"),
    [("fr", "fr"), ("pt-BR", "pt"), ("EN", "en"), ("de_DE", "de"), ("und", ""), ("x", ""), ("fr; drop", "")],
)
def test_language_tags_are_stored_as_their_primary_subtag(tag, stored):
    assert normalised_language(tag) == stored


FRENCH_STORY = (
    "Le ministre des Affaires étrangères, Jean-Noël Barrot, a déclaré mardi que la France soutiendrait "
    "l'accord. « Nous serons au rendez-vous », a-t-il ajouté devant les journalistes réunis à Paris."
)


def test_a_story_is_stored_and_extracted_in_the_language_its_file_gives(tmp_path):
    path = tmp_path / "stories.jsonl"
    records = [
        {"title": "Barrot soutient l'accord", "date": "2025-02-11", "body": FRENCH_STORY, "language": "fr-FR"},
        {"title": "Barrot backs the deal", "date": "2025-02-11", "body": FRENCH_STORY.replace("Paris", "Lyon"),
         "language": "en"},  # the file is wrong, and the file wins: it is the librarian's word
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    Importer(workers=1).import_paths([str(path)])
    french = Article.objects.get(title="Barrot soutient l'accord")
    assert french.language == "fr"
    assert set(Statement.objects.filter(article=french).values_list("speaker_person__name", flat=True)) == {
        "Jean-Noël Barrot"
    }
    assert Article.objects.get(title="Barrot backs the deal").language == "en"


def test_a_story_whose_file_says_nothing_gets_the_detected_language(tmp_path):
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps({"title": "Accord", "date": "2025-02-11", "body": FRENCH_STORY}), encoding="utf-8")
    Importer(workers=1).import_paths([str(path)])
    assert Article.objects.get().language == "fr"


def test_languages_are_detected_by_the_extraction_workers(tmp_path, monkeypatch):
    """With a pool of workers (a full first batch), each story is detected where it is extracted,
    and the importer's own process (which reads and writes) detects nothing."""
    from archive.importing import preparing

    lines = [
        {"title": f"Accord {n}", "date": "2025-02-11", "body": f"{FRENCH_STORY}\n\nParagraphe {n}."}
        if n % 2
        else {"title": f"Talks {n}", "date": "2025-02-11", "body": f"Ministers met in Tokyo, officials said. Item {n}."}
        for n in range(preparing.BATCH_SIZE + 10)
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    in_this_process = []  # calls in the workers (forked) are not seen here
    real = preparing.story_language
    monkeypatch.setattr(preparing, "story_language", lambda *args: in_this_process.append(args) or real(*args))
    Importer(workers=2).import_paths([str(path)])
    languages = dict(Article.objects.values_list("title", "language"))
    assert languages["Accord 1"] == languages[f"Accord {preparing.BATCH_SIZE + 9}"] == "fr"
    assert languages["Talks 0"] == languages[f"Talks {preparing.BATCH_SIZE + 8}"] == "en"
    assert in_this_process == []


def test_newsml_items_give_their_language(samples_dir):
    Importer(workers=1).import_paths([str(samples_dir / "newsml-g2" / "dpa-embargoed.xml")])
    article = Article.objects.get()
    assert article.language == "de"
    speakers_found = set(Statement.objects.filter(article=article).values_list("speaker_person__name", flat=True))
    assert "Frank-Walter Steinmeier" in speakers_found


# Pages ------------------------------------------------------------------------------------------


def test_the_article_page_declares_and_names_the_language(client):
    french = make_article("Le sommet de Genève", "Les ministres se sont réunis.", language="fr")
    english = make_article("The Geneva summit", "Ministers met.")
    page = client.get(french.get_absolute_url()).content.decode()
    assert '<h1 id="article-title" lang="fr" dir="ltr">Le sommet de Genève</h1>' in page
    assert '<div class="body" lang="fr" dir="ltr">' in page
    assert "French (français)" in page
    english_page = client.get(english.get_absolute_url()).content.decode()
    assert '<h1 id="article-title">' in english_page and "English" in english_page


def test_an_editors_typo_in_the_language_gives_no_lang_attribute(client):
    article = make_article("Sommet", "Texte.", language='x" onclick="y')  # within the column's 16
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'onclick="y' not in page and '<h1 id="article-title">' in page  # escaped where it is shown


def test_lists_declare_the_language_of_stories_in_other_languages(client):
    make_article("Le sommet de Genève", "Les ministres se sont réunis.", language="fr")
    make_article("The Geneva summit", "Ministers met.")
    page = client.get("/").content.decode()
    assert 'lang="fr" dir="ltr">Le sommet de Genève</a>' in page
    assert '">The Geneva summit</a>' in page and 'lang="en"' not in page.split("<main", 1)[-1]


def facet(response, name):
    return {value.label: value.count for f in response.context["facets"] if f.name == name for value in f.values}


def test_the_language_facet_counts_and_narrows_articles_and_statements(client):
    barrot = make_person("Jean-Noël Barrot")
    french = make_article("Le sommet", "Texte.", language="fr")
    make_statement(french, barrot, "Nous serons là")
    make_statement(make_article("Die Gespräche", "Text.", language="de"), None, "Wir sind bereit")
    make_article("The talks", "Text.")
    response = client.get("/")
    assert facet(response, "language") == {"French (français)": 1, "German (Deutsch)": 1, "English": 1}
    narrowed = client.get("/", {"language": "fr"})
    assert [a.title for a in narrowed.context["page"].object_list] == ["Le sommet"]
    statements = client.get(reverse("archive:statements"))
    assert facet(statements, "language") == {"French (français)": 1, "German (Deutsch)": 1}
    page = client.get(reverse("archive:statements"), {"language": "de"}).content.decode()
    assert "Wir sind bereit" in page and "Nous serons là" not in page
    assert '<blockquote lang="de" dir="ltr"' in page
    assert client.get("/", {"language": "xx"}).status_code == 200  # a language the archive lacks: no match


def test_the_statements_list_costs_no_more_queries_for_more_languages(client):
    def add(languages):
        for number, language in enumerate(languages):
            article = make_article(f"Story {language} {number}", "Text.", language=language)
            make_statement(article, None, f"Words {number}", speaker_label="he")

    add(["fr", "de"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("archive:statements"))
    add(["es", "it", "pt", "nl", "ru", "pl", "fr", "de"])
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("archive:statements"))
    assert len(many.captured_queries) <= len(few.captured_queries)


# Editors ----------------------------------------------------------------------------------------


def admin_change(client, article, **changes):
    url = reverse("admin:archive_article_change", args=[article.pk])
    return client.post(url, inline_data(article, **changes))


@pytest.fixture
def editor(client):
    user = user_in("Editors")
    client.force_login(user)
    return user


def test_an_editor_corrects_the_language_and_a_new_import_keeps_it(client, editor, tmp_path):
    path = tmp_path / "story.jsonl"
    record = {"title": "Accord", "date": "2025-02-11", "body": FRENCH_STORY, "language": "en", "id": "a-1",
              "source": "AFP"}  # fmt: skip
    path.write_text(json.dumps(record), encoding="utf-8")
    Importer(workers=1).import_paths([str(path)])
    article = Article.objects.get()
    response = admin_change(client, article, language="FR")
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article.refresh_from_db()
    assert article.language == "fr" and "language" in article.corrected_fields
    record["body"] = FRENCH_STORY + " Le texte sera signé en mars."
    path.write_text(json.dumps(record), encoding="utf-8")
    Importer(workers=1).import_paths([str(path)])
    article.refresh_from_db()
    assert article.language == "fr" and "signé en mars" in article.body


def test_an_editor_cannot_store_what_is_no_language(client, editor):
    article = make_article("Accord", "Texte.", language="fr")
    response = admin_change(client, article, language="French please")
    assert response.status_code == 200
    assert "ISO 639-1" in response.content.decode()
    article.refresh_from_db()
    assert article.language == "fr"


def test_re_extraction_reads_the_article_in_its_language():
    from archive.curation.reextraction import reextract

    article = make_article("Accord", FRENCH_STORY, language="fr")
    reextract(article)
    assert set(Statement.objects.filter(article=article).values_list("speaker_person__name", flat=True)) == {
        "Jean-Noël Barrot"
    }


def test_pages_and_nitf_files_say_their_language_where_they_can():
    from archive.importing.readers import read_input

    page = (
        '<html><head><title>Cúpula</title><meta property="og:locale" content="pt_BR"></head><body><article>'
        "<h1>Cúpula em Brasília</h1><p>Os chanceleres se reuniram nesta terça-feira em Brasília.</p>"
        "</article></body></html>"
    )
    nitf = (
        '<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>Cumbre</title></head>'
        '<body xml:lang="es"><body.head><hedline><hl1>Cumbre en Lima</hl1></hedline></body.head>'
        "<body.content><p>Los cancilleres se reunieron el martes en Lima.</p></body.content></body></nitf>"
    )
    (from_page,) = read_input("page.html", page.encode())
    (from_nitf,) = read_input("story.xml", nitf.encode())
    assert normalised_language(from_page.language) == "pt"
    assert from_nitf.language == "es"


def test_an_english_archive_offers_no_language_facet(client):
    make_article("The talks", "Text.")
    make_article("More talks", "Text.")
    assert "language" not in {f.name for f in client.get("/").context["facets"] if f.values}
    make_article("Les pourparlers", "Texte.", language="fr")
    assert facet(client.get("/"), "language") == {"English": 2, "French (français)": 1}
