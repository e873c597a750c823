"""The archive's backup format, JSON Lines one article a line: `dump` writes it (export_archive),
`restore` reads it back through the importer. The one place that knows the format."""
