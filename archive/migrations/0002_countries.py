"""Every country after `migrate`: ISO 3166-1 from pycountry, plus the former states of ISO 3166-3
that archival news needs (Soviet Union, East Germany, Yugoslavia, Czechoslovakia)."""

from django.db import migrations

from archive.countries import add_countries


def add(apps, schema_editor):
    add_countries(apps.get_model("archive", "Country"))


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
