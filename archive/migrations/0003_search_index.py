"""Full-text search index (filled in by the search work)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_countries")]
    operations = []
