"""Run as `.venv/bin/python -m bench.extraction_gold`: the scoring lives in
archive/devtools/extraction_gold.py, which tests/test_extraction_quality.py uses too (its
docstring says what this prints and how)."""

import sys

from archive.devtools.extraction_gold import main

if __name__ == "__main__":
    sys.exit(main())
