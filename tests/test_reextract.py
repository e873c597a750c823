"""Editors' corrections survive re-import of a changed file and `reextract`; `reextract` itself."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.curation import corrections, merging, tags
from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Person,
    RemovedLink,
    Statement,
    Tag,
)

from .test_roles import user_in

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1385e5d573d3216b.txt"


def run(command, *args):
    out = StringIO()
    call_command(
        command, *args, stdout=out, stderr=StringIO(), **({"workers": 1} if command == "import_documents" else {})
    )
    return out.getvalue()


def write_story(path, extra=""):
    """The seed story as a JSON Lines export with a source id, so that a changed version of the
    file updates the same article."""
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1].strip() + extra
    record = {
        "source": "Reuters",
        "source_id": "seed-1",
        "date": "2022-01-07",
        "title": "US and Japan pledge",
        "body": body,
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


@pytest.fixture
def story_file(tmp_path):
    path = tmp_path / "story.jsonl"
    write_story(path)
    run("import_documents", str(path))
    return path


def snapshot(article, paragraphs=10**6):
    return {
        "countries": sorted(ArticleCountry.objects.filter(article=article).values_list("country_id", flat=True)),
        "people": sorted(ArticlePerson.objects.filter(article=article).values_list("person__name", flat=True)),
        "organisations": sorted(
            ArticleOrganisation.objects.filter(article=article).values_list("organisation__name", flat=True)
        ),
        "statements": sorted(
            Statement.objects.filter(article=article, paragraph__lt=paragraphs).values_list(
                "paragraph", "start", "speaker_person__name", "speaker_organisation__name", "speaker_label"
            )
        ),
        "people in archive": Person.objects.count(),
    }


def again(how, path, article):
    """Extraction runs again on the story: by re-importing the file with changed content (the
    pipeline's update path), or with `reextract`."""
    if how == "reimport":
        write_story(path, "\n\nDiplomats said talks would go on next week.")
        out = run("import_documents", str(path))
        assert "1 updated" in out
    else:
        run("reextract", str(article.pk))
    article.refresh_from_db()


BOTH = pytest.mark.parametrize("how", ["reimport", "reextract"])


def test_the_seed_story_has_what_the_tests_rely_on(story_file):
    article = Article.objects.get()
    assert {"UA", "JP"} <= set(article.countries.values_list("code", flat=True))
    assert article.people.filter(name="Jeffrey Hornung").exists()
    assert article.statements.filter(paragraph=3, start=1, speaker_person=None).exists()  # "he said"


@BOTH
def test_nothing_is_duplicated_when_extraction_runs_again(story_file, how):
    article = Article.objects.get()
    paragraphs = len(article.paragraphs)
    before = snapshot(article)
    again(how, story_file, article)
    assert snapshot(article, paragraphs) == before  # a re-import's new last paragraph aside
    spans = list(article.statements.values_list("paragraph", "start"))
    assert len(spans) == len(set(spans))
    assert Article.objects.count() == 1


@BOTH
def test_an_editors_corrections_survive(story_file, how):
    editor = user_in("Editors")
    article = Article.objects.get()
    # The article's own field, a tag.
    article.title = "US and Japan unite on China"
    corrections.mark_corrected_fields(article, ["title"])
    article.save()
    tags.add_tag([article], tags.tag_named("Alliances"), editor)
    # A speaker set by hand.
    statement = article.statements.get(paragraph=3, start=1)
    hayashi = Person.objects.get(name="Yoshimasa Hayashi")
    corrections.set_speaker(statement, hayashi)
    # A person linked by hand, with the editor's role.
    novice = Person.objects.create(name="Newly Linked")
    corrections.save_editor_row(ArticlePerson(article=article, person=novice, role="Envoy"), editor)
    # A country link changed by hand.
    japan = ArticleCountry.objects.get(article=article, country_id="JP")
    japan.mentions = 99
    corrections.save_editor_row(japan, editor)

    again(how, story_file, article)

    assert article.title == "US and Japan unite on China"
    assert list(article.tags.values_list("name", flat=True)) == ["Alliances"]
    statement = article.statements.get(paragraph=3, start=1)
    assert statement.speaker_person == hayashi and statement.corrected
    assert article.statements.filter(paragraph=3, start=1).count() == 1
    assert ArticlePerson.objects.get(article=article, person=novice).role == "Envoy"
    assert ArticleCountry.objects.get(article=article, country_id="JP").mentions == 99


@BOTH
def test_links_and_statements_an_editor_removed_stay_removed(story_file, how):
    editor = user_in("Editors")
    article = Article.objects.get()
    corrections.delete_editor_row(ArticleCountry.objects.get(article=article, country_id="UA"), editor)
    hornung = Person.objects.get(name="Jeffrey Hornung")
    corrections.delete_editor_row(ArticlePerson.objects.get(article=article, person=hornung), editor)
    corrections.delete_editor_row(article.statements.get(paragraph=3, start=1), editor)
    ministry = ArticleOrganisation.objects.filter(article=article).first()
    corrections.delete_editor_row(ministry, editor)
    assert RemovedLink.objects.count() == 4

    again(how, story_file, article)

    assert not article.countries.filter(code="UA").exists()
    assert not article.people.filter(pk=hornung.pk).exists()
    assert not article.statements.filter(paragraph=3, start=1).exists()
    assert not article.organisations.filter(pk=ministry.organisation_id).exists()
    assert article.countries.filter(code="JP").exists()  # the rest came back as before


@BOTH
def test_a_merge_survives(story_file, how):
    article = Article.objects.get()
    blinken = Person.objects.get(name="Antony Blinken")
    kept = Person.objects.create(name="Antony J. Blinken")
    merging.merge(kept, [blinken])
    statements = article.statements.filter(speaker_person=kept).count()
    assert statements == 2

    again(how, story_file, article)

    assert not Person.objects.filter(name="Antony Blinken").exists()  # not made again
    assert article.statements.filter(speaker_person=kept).count() == statements
    assert ArticlePerson.objects.filter(article=article, person=kept).count() == 1


def test_reextract_all_summarises_and_verbosity_two_lists_each(story_file):
    article = Article.objects.get()
    out = run("reextract", "--all")
    assert out.strip() == "Extraction ran again on 1 articles (0 failed)."
    out = StringIO()
    call_command("reextract", "--all", verbosity=2, stdout=out)
    assert f"#{article.pk}: 8 countries, 6 people" in out.getvalue()
    quiet = StringIO()
    call_command("reextract", "--all", verbosity=0, stdout=quiet)
    assert quiet.getvalue() == ""


def test_reextract_refuses_unknown_ids_and_changes_nothing(story_file):
    article = Article.objects.get()
    before = snapshot(article)
    with pytest.raises(CommandError, match="No article with id 999998, 999999"):
        call_command("reextract", str(article.pk), "999999", "999998")
    assert snapshot(article) == before


def test_reextract_wants_ids_or_all():
    with pytest.raises(CommandError, match="--all"):
        call_command("reextract")
    with pytest.raises(CommandError, match="not both"):
        call_command("reextract", "1", "--all")


def test_tags_are_not_articles_links(story_file):
    # Tags are an editor's alone: extraction never touches them.
    article = Article.objects.get()
    tags.add_tag([article], Tag.objects.create(name="Asia", slug="asia"))
    run("reextract", "--all")
    assert article.tags.count() == 1


def import_stories(tmp_path, stories: list[tuple[str, str]]) -> None:
    """Import (id, body) stories of one day from a JSON Lines file."""
    path = tmp_path / "stories.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "title": f"STORY {i}", "date": "1987-03-03", "body": b}) + "\n" for i, b in stories
        ),
        encoding="utf-8",
    )
    run("import_documents", str(path))


def test_reextract_all_folds_a_surname_printed_alone_into_its_full_name(tmp_path):
    """An archive imported before the importer joined "Reagan" to "Ronald Reagan" holds both rows:
    `reextract --all` leaves one, with every article; a surname whose roles differ stays apart, and
    so does a record an editor corrected."""
    stories = [
        ("1", "President Reagan said the talks would go on."),
        ("2", "President Reagan told reporters the budget was fair."),
        ("3", "U.S. President Ronald Reagan met allies in Venice."),
        ("4", "Treasury Secretary James Baker met bankers."),
        ("5", "Baker, a lawyer for the family, said the suit would be filed."),
    ]
    import_stories(tmp_path, stories)
    # The rows an older import left: the surname alone apart from the full name.
    ronald = Person.objects.get(name="Ronald Reagan")
    reagan = Person.objects.create(name="Reagan", role="President")
    ArticlePerson.objects.filter(person=ronald, article__source_ref__in=["1", "2"]).update(person=reagan)
    assert ronald.articles.count() == 1
    assert Person.objects.get(name="Baker").articles.get().source_ref == "5"  # the importer kept the lawyer apart
    out = StringIO()
    call_command("reextract", "--all", stdout=out, verbosity=2)
    assert "Reagan -> Ronald Reagan" in out.getvalue()
    ronald = Person.objects.get(name__endswith="Reagan")
    assert ronald.articles.count() == 3 and not ronald.corrected
    assert set(Person.objects.filter(name__endswith="Baker").values_list("name", flat=True)) == {"James Baker", "Baker"}


def test_reextract_all_folds_a_surname_past_a_bearer_whose_role_cannot_be_its_own(tmp_path):
    """ "President Carter" folds into Jimmy Carter though Donald Carter, a company's president, bears
    the surname too: a role of a company cannot be a head of state's, so he is no rival."""
    stories = [
        ("1", "Volcker was first appointed in 1979 by President Carter."),
        ("2", "Former President Jimmy Carter said the talks should go on."),
        ("3", "Donald Carter, president of Comdata Network Inc, said the offer was too low."),
    ]
    import_stories(tmp_path, stories)
    # The rows an older import left: the surname alone apart from the full name.
    jimmy = Person.objects.get(name="Jimmy Carter")
    carter = Person.objects.create(name="Carter", role="President")
    ArticlePerson.objects.filter(person=jimmy, article__source_ref="1").update(person=carter)
    out = StringIO()
    call_command("reextract", "--all", stdout=out, verbosity=2)
    assert "Carter -> Jimmy Carter" in out.getvalue()
    assert sorted(Person.objects.get(name="Jimmy Carter").articles.values_list("source_ref", flat=True)) == ["1", "2"]
    assert Person.objects.get(name="Donald Carter").articles.get().source_ref == "3"
