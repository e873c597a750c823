"""Bad input through the whole pipeline: each bad file or record gets a one-line reason naming it,
the good ones are imported, and nothing half-written stays."""

import io
import os
import shutil
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from archive.importing.writer import ExtractionWriter
from archive.models import Article, ImportOutcome, ImportRun, Statement

pytestmark = pytest.mark.django_db(transaction=True)
IMPORT_DATA = Path(__file__).parent / "data" / "import"
STORY = " date 2022-01-07 \n\nTOKYO, Jan. 7 (Reuters) - Japan and the United States met today, officials said.\n"


def run_import(*paths):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_documents", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def incoming(tmp_path, settings):
    settings.IMPORT_MAX_FILE_BYTES = 200_000
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in (
        "cp1252.txt",
        "utf16.txt",
        "seed_no_date.txt",
        "seed_impossible_date.txt",
        "bad_columns.csv",
        "malformed.xml",
        "billion_laughs.xml",
    ):
        shutil.copy(IMPORT_DATA / name, folder / name)
    (folder / "good.txt").write_text(STORY)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "dump.jsonl").write_text(
        '{"title": "One", "date": "1987-03-02", "body": "PARIS, March 2 - France and Britain met."}\n'
        "{not json\n"
        '{"title": "Three", "date": "1987-03-03", "body": "BONN, March 3 - West Germany and Japan spoke."}\n'
    )
    (folder / "big.txt").write_text(STORY + "x" * 300_000)
    os.symlink(folder / "good.txt", folder / "link.txt")
    escaping = io.BytesIO()
    with zipfile.ZipFile(escaping, "w") as archive:
        archive.writestr("../evil.txt", STORY)
    (folder / "escape.zip").write_bytes(escaping.getvalue())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"0" * 5_000_000)
    (folder / "bomb.zip").write_bytes(bomb.getvalue())
    return folder


def failures():
    return {
        o.location.split("/incoming/")[-1].split(":")[0]: o.message
        for o in ImportOutcome.objects.filter(result="failed")
    }


def test_each_bad_file_gets_a_reason_and_the_good_ones_are_imported(incoming):
    out, err = run_import(incoming)
    failed = failures()
    for name in (
        "empty.txt",
        "binary.txt",
        "bad_columns.csv",
        "malformed.xml",
        "billion_laughs.xml",
        "big.txt",
        "link.txt",
        "escape.zip",
        "bomb.zip",
        "dump.jsonl",
    ):
        assert any(key.startswith(name) for key in failed), f"{name} not reported: {failed}"
    for message in failed.values():
        assert "\n" not in message and len(message) < 500
    assert "dump.jsonl:2" in err
    assert "files or records failed" in err
    titles = set(Article.objects.values_list("title", flat=True))
    assert {"One", "Three"} <= titles
    assert Article.objects.filter(original_file="cp1252.txt").exists()
    assert Article.objects.filter(original_file="utf16.txt").exists()
    undated = Article.objects.get(original_file="seed_no_date.txt")
    assert undated.published_on is None and undated.date_flagged
    impossible = Article.objects.get(original_file="seed_impossible_date.txt")
    assert impossible.published_on is None and impossible.date_flagged
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.failed == len(failed)


def test_a_failing_story_rolls_back_alone(tmp_path, monkeypatch):
    lines = [
        f'{{"title": "Story {n}", "date": "1987-03-0{n}", "source_id": "s{n}", '
        f'"body": "PARIS, March {n} - Ministers of France met. \\"We agree,\\" the minister said."}}'
        for n in range(1, 6)
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    original = ExtractionWriter.add_many

    def add_many(self, pairs, kept=None):
        if any(article.title == "Story 3" for article, _ in pairs):
            raise IntegrityError("simulated constraint failure")
        return original(self, pairs, kept)

    monkeypatch.setattr(ExtractionWriter, "add_many", add_many)
    out, err = run_import(tmp_path / "dump.jsonl")
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Story 1", "Story 2", "Story 4", "Story 5"]
    assert "dump.jsonl:3" in err and "simulated constraint failure" in err
    assert not Statement.objects.filter(article__title="Story 3").exists()


def test_a_record_written_by_hand_with_bare_speaker_names_imports_them_as_labels(tmp_path):
    """A JSON record that gives its statements (as an export does) but names each speaker by a bare
    string, not the export's object: imported, each speaker kept as the statement's label, no crash."""
    (tmp_path / "annotated.json").write_text(
        '{"title": "Talks", "date": "1987-03-02", "body": "PARIS, March 2 - The talks went well, '
        'Jacques Chirac said.", "statements": [{"text": "The talks went well", "kind": "indirect", '
        '"speaker": "Jacques Chirac"}, {"text": "unshaped", "speaker": ["a", "list"]}], "credits": "nobody"}'
    )
    out, err = run_import(tmp_path / "annotated.json")
    assert "failed" not in err and "Traceback" not in out + err, out + err
    article = Article.objects.get(title="Talks")
    labels = {statement.text: statement.speaker_label for statement in Statement.objects.filter(article=article)}
    assert labels["The talks went well"] == "Jacques Chirac"
    assert labels["unshaped"] == ""


def test_decomposed_unicode_is_stored_composed_and_found_by_a_typed_search(tmp_path, client):
    """A file whose accents are decomposed ("e" + U+0301, as some systems write them): the archive
    stores the text composed, the person keeps her first name, and the name typed in the search box
    (composed) finds the story."""
    import json
    import unicodedata

    from django.urls import reverse

    from archive.models import Person

    body = unicodedata.normalize("NFD", "MONTREAL, March 2 - Céline Dion said she would tour Québec again.")
    (tmp_path / "nfd.jsonl").write_text(json.dumps({"title": "Tour", "date": "1987-03-02", "body": body}) + "\n")
    out, err = run_import(tmp_path / "nfd.jsonl")
    assert "failed" not in err, out + err
    article = Article.objects.get(title="Tour")
    assert "Céline Dion" in article.body and unicodedata.is_normalized("NFC", article.body)
    assert Person.objects.filter(name="Céline Dion").exists()
    found = client.get(reverse("archive:search"), {"q": "Céline Québec"}).context["page"].object_list
    assert [a.title for a in found] == ["Tour"]
