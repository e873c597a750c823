"""python manage.py setup_roles: create or update the Editors and Librarians groups."""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from archive.auth import ROLES, setup_roles


class Command(BaseCommand):
    help = (
        "Create the Editors and Librarians groups, or bring their permissions in line with "
        "archive.auth.ROLES (migrate already does this once). Safe to run again. See docs/roles.md."
    )

    def handle(self, *args, verbosity, **options):
        try:
            counts = setup_roles(Group, Permission)
        except LookupError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            for name in ROLES:
                self.stdout.write(f"{name}: {counts[name]} permissions")
