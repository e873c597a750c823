"""What editors do to the archive, as plain functions: corrections, tags, merges, re-extraction.

The admin and the management commands write editors' work only through these; tests call them
directly. Roles and permissions are in archive.auth.
"""
