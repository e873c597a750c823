"""Statements searched by their words and their speaker; the SQL:
archive/search/schema/statement_search.py."""

from django.db import migrations

from archive.search.schema import run, statement_search


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_search_relevance")]
    operations = [
        migrations.RunPython(run(statement_search.FORWARD), run(statement_search.BACKWARD), elidable=False)
    ]
