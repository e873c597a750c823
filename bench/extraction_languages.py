"""Run as `.venv/bin/python -m bench.extraction_languages`: French, Spanish and German extraction
against their gold; the scoring lives in archive/devtools/extraction_languages.py (its docstring
says what this prints and how)."""

import sys

from archive.devtools.extraction_languages import main

if __name__ == "__main__":
    sys.exit(main())
