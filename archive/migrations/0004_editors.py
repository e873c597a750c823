"""Editors' admin: the Editors and Librarians groups, editors' removals and merged keys,
and the permission to import files from the admin."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# A frozen copy of archive.auth.ROLES as it was when the groups were made
# (`python manage.py setup_roles` applies the current one; a test keeps the two equal).
_LINKS = ["articlecountry", "articleperson", "articleorganisation"]
_EDITED = ["tag", "tagging", "statement", "person", "organisation", *_LINKS]
_BROWSED = ["article", "source", "country", "tag", "tagging", "statement", "person", "organisation", *_LINKS]
ROLES = {
    "Editors": sorted(
        {f"{action}_{model}" for model in _EDITED for action in ("view", "add", "change", "delete")}
        | {"view_article", "change_article", "view_country", "view_source", "view_removedlink"}
    ),
    "Librarians": sorted(
        {f"view_{model}" for model in _BROWSED} | {"import_files", "view_importrun", "view_importoutcome"}
    ),
}


def make_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make them now (idempotent).
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0003_search_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="importrun",
            options={"ordering": ["-started_at"], "permissions": [("import_files", "Can import files from the admin")]},
        ),
        migrations.CreateModel(
            name="MergedKey",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=220)),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="merged_keys",
                        to="archive.organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="merged_keys",
                        to="archive.person",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("person__isnull", False)), fields=("key",), name="merged_person_key"
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("organisation__isnull", False)),
                        fields=("key",),
                        name="merged_organisation_key",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="RemovedLink",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "paragraph",
                    models.PositiveIntegerField(blank=True, help_text="A removed statement's paragraph.", null=True),
                ),
                ("start", models.PositiveIntegerField(blank=True, help_text="A removed statement's offset.", null=True)),
                ("label", models.CharField(blank=True, help_text="What was removed, as the editor saw it.", max_length=300)),
                ("removed_at", models.DateTimeField(auto_now_add=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="removed_links", to="archive.article"
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, to="archive.country"
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, to="archive.organisation"
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, to="archive.person"
                    ),
                ),
                (
                    "removed_by",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name": "link removed by an editor",
                "verbose_name_plural": "links removed by editors",
                "ordering": ["article", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("country__isnull", False)),
                        fields=("article", "country"),
                        name="removed_unique_country",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("person__isnull", False)),
                        fields=("article", "person"),
                        name="removed_unique_person",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("organisation__isnull", False)),
                        fields=("article", "organisation"),
                        name="removed_unique_organisation",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("paragraph__isnull", False)),
                        fields=("article", "paragraph", "start"),
                        name="removed_unique_statement",
                    ),
                ],
            },
        ),
        migrations.RunPython(make_groups, remove_groups),
    ]
