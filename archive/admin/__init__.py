"""The editors' and librarians' admin (roles: docs/roles.md), a module per kind of record.

Thin on purpose: what editors do to the archive is in archive.curation, which marks every change
as the editor's so that re-import and re-extraction keep it; bulk actions are in actions.py,
forms in forms.py.
"""

from django.contrib import admin

from . import articles, entities, imports, statements  # noqa: F401 - each registers its ModelAdmins

admin.site.site_header = "Diplomatic news archive: editors"
admin.site.site_title = "Archive admin"
admin.site.index_title = "Editing and imports"
