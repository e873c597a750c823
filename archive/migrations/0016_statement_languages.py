"""Each statement searched in its article's language (issue 19); the SQL: archive/search/schema/statement_languages.py."""

from django.db import migrations

from archive.search.fulltext.languages import register_sqlite
from archive.search.schema import run, statement_languages


def forward(apps, schema_editor):
    # The SQLite triggers and the refill call archive_analyse (see 0015).
    register_sqlite(connection=schema_editor.connection)
    run(statement_languages.FORWARD)(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("archive", "0015_search_languages")]
    operations = [migrations.RunPython(forward, run(statement_languages.BACKWARD), elidable=False)]
