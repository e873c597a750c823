from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ArchiveAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the archive's site (archive/admin_site.py) as `admin.site`."""

    default = False  # named in INSTALLED_APPS; ArchiveConfig is the app's own
    default_site = "archive.admin_site.ArchiveAdminSite"


class ArchiveConfig(AppConfig):
    default = True  # the app's own config (ArchiveAdminConfig is the admin's)
    name = "archive"
    verbose_name = "Diplomatic news archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import checks  # noqa: F401  (registers system checks)
        from .search.fulltext.languages import register_sqlite

        # SQLite's index of articles not in English is written by triggers calling Python.
        connection_created.connect(register_sqlite, dispatch_uid="archive_analyse")
