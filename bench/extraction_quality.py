"""Run as `.venv/bin/python -m bench.extraction_quality`: the scoring lives in
archive/devtools/extraction_quality.py, which tests/test_extraction_quality.py uses too (its
docstring says what this prints and how)."""

import sys

from archive.devtools.extraction_quality import main

if __name__ == "__main__":
    sys.exit(main())
