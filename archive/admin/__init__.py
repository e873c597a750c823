"""The editors' and librarians' admin (roles: docs/roles.md), a module per kind of record.

Thin on purpose: what editors do to the archive is in archive.curation, which marks every change
as the editor's so that re-import and re-extraction keep it; bulk actions are in actions.py,
forms in forms.py.
"""

from . import articles, entities, imports, statements  # noqa: F401 - each registers its ModelAdmins
