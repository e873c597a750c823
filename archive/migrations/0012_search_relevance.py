"""Ranking: an unstemmed index beside the stemmed one, and (SQLite) the bodies' lengths; the SQL:
archive/search/schema/ranking.py."""

from django.db import migrations

from archive.search.schema import ranking, run


class Migration(migrations.Migration):
    dependencies = [("archive", "0011_relations")]
    operations = [migrations.RunPython(run(ranking.FORWARD), run(ranking.BACKWARD), elidable=False)]
