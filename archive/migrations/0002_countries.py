"""Every country after `migrate`: ISO 3166-1 from pycountry, plus the former states of ISO 3166-3
that archival news needs (Soviet Union, East Germany, Yugoslavia, Czechoslovakia)."""

from django.db import migrations

# Former codes kept for 1980s material; West Germany is filed under DE (see extraction data).
HISTORIC = {
    "SU": ("Soviet Union", "Union of Soviet Socialist Republics"),
    "DD": ("East Germany", "German Democratic Republic"),
    "YU": ("Yugoslavia", "Socialist Federal Republic of Yugoslavia"),
    "CS": ("Czechoslovakia", "Czechoslovak Socialist Republic"),
}

# Names as news readers know them, where ISO's short name reads like a form.
READABLE_NAMES = {
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
}


def add_countries(apps, schema_editor):
    import pycountry

    Country = apps.get_model("archive", "Country")
    rows = [
        Country(
            code=c.alpha_2,
            name=READABLE_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name,
            official_name=getattr(c, "official_name", ""),
        )
        for c in pycountry.countries
    ]
    rows += [Country(code=code, name=name, official_name=official, historic=True)
             for code, (name, official) in HISTORIC.items()]
    Country.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]
    operations = [migrations.RunPython(add_countries, migrations.RunPython.noop)]
