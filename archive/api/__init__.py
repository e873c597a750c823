"""The read-only JSON API under /api/: views.py (thin views), serialisers.py (the items and their
JSON Schemas), pagination.py (keyset cursors), responses.py (ETags, errors, the rate limit),
schema.py (the OpenAPI description, generated from the FilterSets and the shapes)."""
