"""Every article's facet values in one row, kept by the database (the SQL:
archive/search/schema/facet_keys.py; counted by archive/search/facet_keys.py)."""

from django.db import migrations

from archive.search.schema import facet_keys, run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0008_search_speed"),
    ]

    operations = [
        migrations.RunPython(run(facet_keys.FORWARD), run(facet_keys.BACKWARD), elidable=False),
    ]
