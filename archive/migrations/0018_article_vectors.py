"""The articles' search vectors in a narrow table of their own, kept by triggers (PostgreSQL only; the
SQL: archive/search/schema/article_vectors.py): matching and ranking many matches read it instead of
the wide article rows. The model is not managed: the table is the SQL's."""

from django.db import migrations, models

from archive.search.schema import article_vectors, run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0017_statement_keys_and_facet_totals"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleVector",
            fields=[
                ("article_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("published_on", models.DateField(null=True)),
                ("language", models.CharField(max_length=16)),
            ],
            options={
                "db_table": "archive_articlevectors",
                "ordering": ["-published_on", "-article_id"],
                "managed": False,
            },
        ),
        migrations.RunPython(run(article_vectors.FORWARD), run(article_vectors.BACKWARD), elidable=False),
    ]
