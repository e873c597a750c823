"""The articles' narrow table of vectors (PostgreSQL, migration 0018, schema/article_vectors.py): a
copy of every article's search columns, kept by the database whatever wrote the article, and the
ranked lists' ids read from it list what the article table lists."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from archive.curation import merging
from archive.models import Article
from archive.search.filtersets import ArticleSearch

from .factories import make_article, make_person, mention

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the narrow table is PostgreSQL's"),
]


def out_of_step() -> list[int]:
    """Articles whose copy differs from their row (or is missing), and copies of no article."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(a.id, v.article_id) FROM archive_article a "
            "FULL JOIN archive_articlevectors v ON v.article_id = a.id "
            "WHERE (a.id, a.published_on, a.language, a.search_vector, a.search_exact) IS DISTINCT FROM "
            "(v.article_id, v.published_on, v.language, v.search_vector, v.search_exact) ORDER BY 1"
        )
        return [row[0] for row in cursor.fetchall()]


def copies() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM archive_articlevectors")
        return cursor.fetchone()[0]


def vector_of(article) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM archive_articlevectors WHERE article_id = %s", [article.pk])
        return cursor.fetchone()[0]


def test_every_write_to_an_article_is_copied():
    first = make_article("Wheat talks", "Farm ministers met.", published_on=dt.date(1987, 3, 2))
    second = make_article("Oil prices", "Crude rose.", published_on=None)
    assert copies() == 2 and out_of_step() == []
    Article.objects.filter(pk=first.pk).update(body="Farm ministers met about barley.")
    assert "barley" in vector_of(first) and out_of_step() == []
    Article.objects.filter(pk=second.pk).update(published_on=dt.date(1990, 1, 1), language="fr")
    assert out_of_step() == []
    Article.objects.filter(pk=first.pk).update(search_names="Nobuo Kishi")  # the names' weight B
    assert "'kishi':" in vector_of(first) and out_of_step() == []
    second.delete()
    assert copies() == 1 and out_of_step() == []
    Article.objects.all().delete()
    assert copies() == 0


def test_an_update_that_leaves_the_vectors_alone_leaves_the_copy_alone():
    article = make_article("Wheat talks", "Farm ministers met.")

    def version() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT ctid::text FROM archive_articlevectors WHERE article_id = %s", [article.pk])
            return cursor.fetchone()[0]

    before = version()
    Article.objects.filter(pk=article.pk).update(dateline="TOKYO", extracted_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert version() == before
    Article.objects.filter(pk=article.pk).update(title="Barley talks")
    assert version() != before and out_of_step() == []


def test_merges_imports_and_reextraction_keep_the_copies(tmp_path):
    story = "TOKYO, March {n} - Japan's Foreign Minister Tadashi Kuranari said talks with France would go on."
    path = tmp_path / "stories.jsonl"
    rows = [{"title": f"Talks {n}", "date": f"1987-03-0{n}", "body": story.format(n=n), "source": "Reuters",
             "source_id": f"s{n}"} for n in range(1, 4)]  # fmt: skip
    path.write_text("\n".join(json.dumps(row) for row in rows))
    call_command("import_documents", str(path), verbosity=0)
    assert copies() == 3 and out_of_step() == []
    rows[0]["body"] += " Germany was not there."  # a changed story updates its article
    path.write_text("\n".join(json.dumps(row) for row in rows))
    call_command("import_documents", str(path), verbosity=0)
    assert out_of_step() == []
    article = Article.objects.get(title="Talks 1")
    assert "'germani':" in vector_of(article)
    # A merge renames the people of the articles: their names' words change in the vectors.
    kuranari = article.people.get()
    merging.merge(make_person("Tadashi Kuranari-Smith"), [kuranari])
    assert "'kuranari-smith':" in vector_of(article) and out_of_step() == []
    call_command("reextract", "--all", verbosity=0)
    assert out_of_step() == []


def test_a_truncated_table_and_a_lost_copy_are_put_back():
    article = make_article("Wheat talks", "Farm ministers met.")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM archive_articlevectors")  # as if a write had bypassed the triggers
        cursor.execute("INSERT INTO archive_articlevectors (article_id, language) VALUES (%s, 'en')", [article.pk + 9])
    assert out_of_step() == [article.pk, article.pk + 9]
    call_command("rebuild_search_index", verbosity=0)
    assert out_of_step() == []
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as Django's flush, outside the test's transaction
        cursor.execute("TRUNCATE archive_article CASCADE")
    assert copies() == 0


def test_ranked_ids_are_matched_and_ranked_in_the_narrow_table():
    kishi = make_person("Nobuo Kishi")
    for number in range(6):
        article = make_article(
            f"Trade report {number}", "Trade talks. " * (number + 1), published_on=dt.date(1987, 1, 1)
        )
        if number % 2:
            mention(article, kishi)
    make_article("Farm report", "Wheat only.")
    search = ArticleSearch(QueryDict("q=trade"))
    with CaptureQueriesContext(connection) as queries:
        ids = search.searched_ids
    assert search.ranked_in_order
    (sql,) = [query["sql"] for query in queries.captured_queries if "ts_rank" in query["sql"]]
    assert "archive_articlevectors" in sql and 'archive_article"' not in sql
    # The same ids in the same order as ranking the articles' own rows.
    by_rank = search.search(Article.objects.all(), snippets=False).order_by("-rank", "-published_on", "-pk")
    assert list(ids) == list(by_rank.values_list("pk", flat=True))
    assert len(ids) == 6
