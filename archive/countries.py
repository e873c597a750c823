"""The countries the archive knows: ISO 3166-1 from pycountry, plus the former states of ISO 3166-3
that archival news needs (Soviet Union, East Germany, Yugoslavia, Czechoslovakia)."""

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


def add_countries(Country) -> None:
    """Add the countries missing from the table of the `Country` model (the real one, or a
    migration's historical one): after `migrate`, and in tests after a flush emptied it."""
    import pycountry

    rows = [
        Country(
            code=c.alpha_2,
            name=READABLE_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name,
            official_name=getattr(c, "official_name", ""),
        )
        for c in pycountry.countries
    ]
    rows += [
        Country(code=code, name=name, official_name=official, historic=True)
        for code, (name, official) in HISTORIC.items()
    ]
    Country.objects.bulk_create(rows, ignore_conflicts=True)
