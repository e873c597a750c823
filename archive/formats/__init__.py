"""Dates as the site writes them ("5 March 1987"), in the admin too (FORMAT_MODULE_PATH)."""
