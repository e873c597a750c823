"""Each article indexed in its own language (issue 19); the SQL: archive/search/schema/languages.py."""

from django.db import migrations

from archive.search.fulltext.languages import register_sqlite
from archive.search.schema import languages, run


def forward(apps, schema_editor):
    # The SQLite triggers and the refill call archive_analyse: registered on Django's connections
    # when they open (apps.py); said again here for a connection opened before that.
    register_sqlite(connection=schema_editor.connection)
    run(languages.FORWARD)(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("archive", "0014_article_language")]
    operations = [migrations.RunPython(forward, run(languages.BACKWARD), elidable=False)]
