"""Backups that restore: export_archive, an empty database, import_documents: the same archive,
editors' work included (corrections, removals, merges, tags), on the backend the tests run on."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.curation import corrections, merging, tags
from archive.devtools.snapshot import snapshot
from archive.devtools.stories import write_stories
from archive.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ImportRun,
    Organisation,
    Person,
    Source,
    Tag,
)

pytestmark = pytest.mark.django_db(transaction=True)


def article(number: int) -> Article:
    return Article.objects.get(source_ref=f"fw-{number}")


def person(name: str) -> Person:
    return Person.objects.get(name=name)


def edited_archive(tmp_path) -> None:
    """The seed and eight made-up stories, then what editors do to such an archive."""
    call_command("import_documents", stdout=StringIO())
    call_command("import_documents", str(write_stories(tmp_path / "wire.jsonl", range(8))), stdout=StringIO())

    first = article(0)  # a corrected title
    first.title = "China and India: farm talks"
    corrections.mark_corrected_fields(first, ["title"])
    first.save()

    larsen = person("Pierre Larsen")  # renamed (its key stays), another role
    larsen.name, larsen.role, larsen.corrected = "Pierre-Yves Larsen", "Finance Minister of China", True
    larsen.save()

    # A person link removed while their statement stays; a country and a statement removed.
    corrections.delete_editor_row(ArticlePerson.objects.get(article=article(1), person=person("Yuri Kapoor")))
    corrections.delete_editor_row(ArticleCountry.objects.get(article=article(2), country="US"))
    corrections.delete_editor_row(article(2).statements.get(speaker_label="officials"))

    ministry = Organisation.objects.create(name="Foreign Ministry", kind="government", country_id="JP")
    corrections.set_speaker(article(3).statements.get(speaker_label="officials"), ministry)  # an unlinked speaker
    corrections.save_editor_row(ArticleCountry(article=article(4), country_id="FR", mentions=1))  # added by hand

    link = article(5).articleperson_set.first()  # a role cleared on one article only
    link.role = ""
    corrections.save_editor_row(link)
    said = article(6).statements.get(kind="direct")  # a quotation's words corrected
    said.text = said.text.replace("progress", "real progress")
    corrections.save_editor_row(said)

    bank = Organisation.objects.filter(name__icontains="World Bank").first() or ministry
    bank.alternative_names, bank.corrected = "International Bank for Reconstruction and Development", True
    bank.save()

    talks = tags.tag_named("Trade talks")
    talks.description = "Talks on trade, tariffs and subsidies."
    talks.save()
    tags.add_tag(Article.objects.filter(source_ref__in=["fw-0", "fw-1", "fw-2"]), talks)
    tags.add_tag(Article.objects.exclude(source_ref__startswith="fw-"), tags.tag_named("Review"))

    people = Person.objects.filter(articles__source_ref__in=["fw-3", "fw-4"]).distinct().order_by("key")
    keep, other = people[0], people[1]
    merging.merge(keep, [other])  # the other's key now finds the kept record


def empty_the_archive() -> None:
    Article.objects.all().delete()
    for model in (Tag, Person, Organisation, Source, ImportRun):
        model.objects.all().delete()


def test_export_then_import_into_an_empty_database_restores_everything(tmp_path):
    edited_archive(tmp_path)
    before = snapshot()
    assert any(row["removed"] for row in before["articles"].values()) and before["merged"]
    backup = tmp_path / "backup.jsonl"
    call_command("export_archive", output=str(backup), stdout=StringIO())

    empty_the_archive()
    assert not Article.objects.exists() and not Person.objects.exists()
    call_command("import_documents", str(backup), stdout=StringIO())
    after = snapshot()
    for part in ("people", "organisations", "tags", "merged"):
        assert after[part] == before[part], part
    assert after["articles"].keys() == before["articles"].keys()
    for key, row in before["articles"].items():
        assert after["articles"][key] == row, key

    out = StringIO()
    call_command("import_documents", str(backup), stdout=out)  # the restore is a backup's too
    assert "0 created, 0 updated" in out.getvalue()
    assert snapshot() == before


def test_a_restored_archive_keeps_editors_work_through_a_new_import_of_the_sources(tmp_path):
    edited_archive(tmp_path)
    backup = tmp_path / "backup.jsonl"
    call_command("export_archive", output=str(backup), stdout=StringIO())
    empty_the_archive()
    call_command("import_documents", str(backup), stdout=StringIO())
    restored = snapshot()
    changed = write_stories(tmp_path / "wire.jsonl", range(8), seed=0)  # the same file, imported again
    call_command("import_documents", str(changed), stdout=StringIO())
    assert snapshot()["articles"]["Fault Wire|fw-0"]["title"] == "China and India: farm talks"
    assert snapshot()["articles"]["Fault Wire|fw-2"]["removed"] == restored["articles"]["Fault Wire|fw-2"]["removed"]


def test_an_export_edited_by_hand_still_imports(tmp_path):
    record = {
        "source": "Wire", "source_id": "w-1", "title": "Talks", "date": "1987-02-26", "body": "PARIS - Talks went on.",
        "people": [{"name": "Anne Roy", "role": "Envoy", "entity": {"name": "Anne Roy", "role": "Envoy"}}],
        "organisations": [{"name": "Odd Body", "entity": {"key": "odd body|", "name": "Odd Body", "country": "QQ",
                                                          "kind": "nonsense", "merged_keys": ["odd|"]}}],
        "statements": [{"speaker": {"person": "Nobody", "entity": "not a state"}, "text": "Talks went on"}],
        "removed": [{"person": {"key": "ghost"}}, {"label": "nothing named"}], "tags": ["Hand made"],
        "tag_details": "not a dict", "corrected_fields": ["title"],
    }  # fmt: skip
    path = tmp_path / "edited.jsonl"
    path.write_text(json.dumps(record) + "\n")
    out = StringIO()
    call_command("import_documents", str(path), stdout=out)
    assert "1 created" in out.getvalue()
    odd = Organisation.objects.get(key="odd body|")
    assert (odd.country_id, odd.kind) == (None, "other")
    assert Person.objects.get(name="Anne Roy").role == "Envoy"


def test_export_says_how_to_restore_a_file_over_the_import_limit(tmp_path, settings):
    call_command("import_documents", stdout=StringIO())
    settings.IMPORT_MAX_FILE_BYTES = 100
    out = StringIO()
    call_command("export_archive", output=str(tmp_path / "big.jsonl"), stdout=out)
    size = (tmp_path / "big.jsonl").stat().st_size
    assert f"IMPORT_MAX_FILE_BYTES={size} python manage.py import_documents" in out.getvalue()


def test_a_restored_body_is_the_stored_body_even_where_parsing_it_again_would_differ(tmp_path):
    """Found restoring the 19,000 Reuters stories: 38 bodies lost a first paragraph."""
    from .factories import make_article

    body = (
        "PARANA STATE: UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES, LONDRINA NIL.\n\n"
        "SAO PAULO STATE: FRANCA 28.0 MM, SAO CARLOS NIL. REUTER11:43/VB"
    )
    make_article("BRAZIL RAINFALL", body, source_ref="2757")
    before = snapshot()
    backup = tmp_path / "backup.jsonl"
    call_command("export_archive", output=str(backup), stdout=StringIO())
    empty_the_archive()
    call_command("import_documents", str(backup), stdout=StringIO())
    assert Article.objects.get().body == body
    after = snapshot()
    assert after["articles"].keys() == before["articles"].keys()
