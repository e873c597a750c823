"""Roles: Editors edit, Librarians import, administrators do everything, visitors only read."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse

from archive.auth import ROLES, setup_roles
from archive.models import Article, Tag

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


def user_in(role: str | None, username: str | None = None) -> User:
    """A staff user in the group `role` ("Editors", "Librarians"), a superuser ("admin") or a
    staff user with no group (None). The groups are made again if a flush removed them."""
    username = username or (role or "nobody").lower()
    if role == "admin":
        return User.objects.create_superuser(username, f"{username}@example.org", "pw")
    user = User.objects.create_user(username, f"{username}@example.org", "pw", is_staff=True)
    if role:
        if not Group.objects.filter(name=role).exists():
            _permissions_present()
            setup_roles(Group, Permission)
        user.groups.add(Group.objects.get(name=role))
    return user


def _permissions_present() -> None:
    """A live-server test's flush can leave no permissions behind: make them as `migrate` does."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)


def test_the_migration_made_both_groups_with_the_permissions_of_roles():
    # The test database is made by `migrate`: migration 0004's frozen roles must be today's ROLES.
    for name, wanted in ROLES.items():
        group = Group.objects.get(name=name)
        have = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert have == set(wanted), name


def test_setup_roles_is_idempotent_and_repairs_a_group():
    Group.objects.get(name="Editors").permissions.clear()
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert Group.objects.filter(name__in=ROLES).count() == 2
    assert Group.objects.get(name="Editors").permissions.count() == len(ROLES["Editors"])


def test_editors_edit_articles_statements_and_people_but_do_not_import():
    editor = user_in("Editors")
    assert editor.has_perms(
        [
            "archive.change_article",
            "archive.change_statement",
            "archive.add_tag",
            "archive.change_person",
            "archive.delete_person",
            "archive.add_articlecountry",
        ]
    )
    assert not editor.has_perm("archive.import_files")
    assert not editor.has_perm("archive.delete_article")
    assert not editor.has_perm("archive.view_importrun")


def test_librarians_import_and_browse_but_do_not_edit():
    librarian = user_in("Librarians")
    assert librarian.has_perms(["archive.import_files", "archive.view_importrun", "archive.view_article"])
    for permission in [
        "archive.change_statement",
        "archive.change_article",
        "archive.add_tag",
        "archive.change_person",
        "archive.delete_statement",
    ]:
        assert not librarian.has_perm(permission), permission


@pytest.fixture
def article():
    article = make_article("Talks on trade", countries=["FR"])
    make_statement(article, make_person("Anna Lindh"))
    return article


def admin_pages(article):
    statement = article.statements.get()
    return {
        "article list": reverse("admin:archive_article_changelist"),
        "article page": reverse("admin:archive_article_change", args=[article.pk]),
        "statement queue": reverse("admin:archive_statement_changelist"),
        "statement page": reverse("admin:archive_statement_change", args=[statement.pk]),
        "people": reverse("admin:archive_person_changelist"),
        "tags": reverse("admin:archive_tag_changelist"),
        "add tag": reverse("admin:archive_tag_add"),
        "import runs": reverse("admin:archive_importrun_changelist"),
        "import files": reverse("admin:archive_importrun_upload"),
        "user admin": reverse("admin:auth_user_changelist"),
    }


EXPECTED = {
    # page: (editor, librarian, administrator, staff without group)
    "article list": (200, 200, 200, 403),
    "article page": (200, 200, 200, 403),
    "statement queue": (200, 200, 200, 403),
    "statement page": (200, 200, 200, 403),
    "people": (200, 200, 200, 403),
    "tags": (200, 200, 200, 403),
    "add tag": (200, 403, 200, 403),
    "import runs": (403, 200, 200, 403),
    "import files": (403, 200, 200, 403),
    "user admin": (403, 403, 200, 403),
}


@pytest.mark.parametrize("column,role", list(enumerate(["Editors", "Librarians", "admin", None])))
def test_each_role_reaches_its_pages_and_is_refused_the_rest(client, article, column, role):
    client.force_login(user_in(role))
    for page, url in admin_pages(article).items():
        assert client.get(url).status_code == EXPECTED[page][column], (role, page)


def test_a_librarian_sees_an_article_read_only_and_cannot_post_changes(client, article):
    client.force_login(user_in("Librarians"))
    url = reverse("admin:archive_article_change", args=[article.pk])
    page = client.get(url).content.decode()
    assert 'name="title"' not in page  # read only: no inputs
    assert client.post(url, {"title": "Changed"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Talks on trade"


def test_a_librarian_cannot_run_bulk_actions(client, article):
    client.force_login(user_in("Librarians"))
    tag = Tag.objects.create(name="Trade")
    response = client.post(
        reverse("admin:archive_article_changelist"),
        {"action": "add_tag", "_selected_action": [article.pk], "tag": tag.pk, "apply": "1"},
    )
    assert response.status_code in (200, 302)
    assert not article.tags.exists()


def test_a_librarian_cannot_set_a_speaker_in_the_review_queue(client, article):
    statement = article.statements.get()
    statement.speaker_person = None
    statement.save()
    client.force_login(user_in("Librarians"))
    page = client.get(reverse("admin:archive_statement_changelist")).content.decode()
    assert "form-0-speaker_person" not in page


def test_anonymous_visitors_read_the_public_site_and_are_sent_to_log_in_for_the_admin(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    response = client.get(reverse("admin:archive_article_changelist"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    response = client.post(reverse("admin:archive_importrun_upload"), {})
    assert response.status_code == 302 and Article.objects.count() == 1
