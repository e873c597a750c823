"""Searching the archive: `fulltext/` matches words (one interface, a backend per database),
`facets/` says how each facet filters and counts, `facet_keys.py` counts them all in one query,
`filtersets.py` puts them together for the result lists, `page_state.py` turns a page's state
into links and hints, and `schema/` holds the SQL the database keeps the indexes with."""
