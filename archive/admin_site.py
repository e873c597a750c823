"""The admin site (outside archive/admin/, which registers on it when imported): its header names the role
of whoever is signed in, and its index leads to the two pages editors and librarians come for (the
review queue, the import page)."""

from __future__ import annotations

from django.contrib import admin


def role_of(user) -> str:
    """How the header addresses a user: administrators, librarians or editors (docs/roles.md)."""
    if not user.is_authenticated:
        return "staff"
    if user.is_superuser:
        return "administrators"
    names = {group.name for group in user.groups.all()}
    if "Librarians" in names and "Editors" in names:
        return "editors and librarians"
    if "Librarians" in names:
        return "librarians"
    return "editors"


class ArchiveAdminSite(admin.AdminSite):
    site_title = "Archive admin"
    index_title = "Editing and imports"
    index_template = "admin/archive_index.html"

    def each_context(self, request):
        context = super().each_context(request)
        context["site_header"] = f"Diplomatic news archive: {role_of(request.user)}"
        return context
