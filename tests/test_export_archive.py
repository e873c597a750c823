"""export_archive writes JSON Lines that import_documents reads back into the same archive."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.models import Article, Statement, Tag, Tagging

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot():
    """What a reader of the archive sees, independent of row ids."""
    from archive.backup.dump import article_record, articles_for_export

    records = [article_record(article) for article in articles_for_export()]
    for record in records:
        record.pop("file", None)
    return records


def test_export_has_the_documented_keys_one_article_a_line(tmp_path):
    call_command("import_documents", stdout=StringIO())
    output = tmp_path / "archive.jsonl"
    call_command("export_archive", output=str(output), stdout=StringIO())
    lines = output.read_text().splitlines()
    assert len(lines) == Article.objects.count() == 1
    record = json.loads(lines[0])
    for key in (
        "source",
        "source_id",
        "title",
        "date",
        "dateline",
        "body",
        "credits",
        "countries",
        "people",
        "organisations",
        "statements",
        "tags",
        "file",
    ):
        assert key in record
    assert record["date"] == "2022-01-07"
    assert set(record["credits"]) == {"reporting", "editing"}


def test_export_then_import_into_an_empty_archive_reproduces_it(tmp_path):
    call_command("import_documents", stdout=StringIO())
    article = Article.objects.get()
    tag = Tag.objects.create(name="Alliances")
    Tagging.objects.create(article=article, tag=tag)
    if article.statements.exists():
        Statement.objects.filter(pk=article.statements.first().pk).update(corrected=True, speaker_label="the ministers")
    before = snapshot()
    output = tmp_path / "archive.jsonl"
    call_command("export_archive", output=str(output), stdout=StringIO())

    Article.objects.all().delete()
    Tag.objects.all().delete()
    call_command("import_documents", str(output), stdout=StringIO())
    assert snapshot() == before
    call_command("import_documents", str(output), stdout=StringIO())
    assert Article.objects.count() == 1
