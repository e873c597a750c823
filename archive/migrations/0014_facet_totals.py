"""Per-value totals of the facet keys, kept by triggers on archive_facetkeys (the SQL:
archive/search/schema/facet_keys.py; read by archive/search/facet_keys.py): the facets of the whole
archive, and of a word found in most stories, counted from them."""

from django.db import migrations

from archive.search.schema import facet_keys, run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0013_statement_speaker_search"),
    ]

    operations = [
        migrations.RunPython(run(facet_keys.TOTALS_FORWARD), run(facet_keys.TOTALS_BACKWARD), elidable=False),
    ]
