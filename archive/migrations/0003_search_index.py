"""Full-text search index, kept by the database itself (the SQL: archive/search/schema/fulltext.py).

PostgreSQL: a text search configuration `archive_english` and stored generated tsvector columns
with GIN indexes. SQLite: FTS5 tables with external content, kept in step by triggers.
"""

from django.db import migrations

from archive.search.schema import fulltext, run


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_countries")]
    operations = [migrations.RunPython(run(fulltext.FORWARD), run(fulltext.BACKWARD), elidable=False)]
