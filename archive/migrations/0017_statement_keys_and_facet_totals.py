"""Statement keys (every statement's facet values in one array, as migration 0009 keeps them per
article) and per-value totals of both, kept by triggers (the SQL: archive/search/schema/facet_keys.py;
read by archive/search/facet_keys.py): a list's facets over all of it, and over a word found in most
of it, counted from the totals; the statement lists' facets in one query."""

from django.db import migrations

from archive.search.schema import facet_keys, run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0016_statement_languages"),
    ]

    operations = [
        migrations.RunPython(
            run(facet_keys.STATEMENT_KEYS_FORWARD), run(facet_keys.STATEMENT_KEYS_BACKWARD), elidable=False
        ),
    ]
