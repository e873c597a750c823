"""Editors' admin: groups and correction marks (filled in by the admin work)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_search_index")]
    operations = []
