# Task runner. `make run` sets everything up and serves the archive; `make test` runs the tests but
# the slow ones (real processes, a browser), which `make test-slow` runs (CI runs both).
# DATABASE_URL selects PostgreSQL (postgres://user@host:port/db); without it, SQLite in ./data/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# A local secret key, made once and kept out of git, unless SECRET_KEY is set.
SECRET_FILE := data/secret_key
export SECRET_KEY ?= $(shell mkdir -p data && { [ -s $(SECRET_FILE) ] || $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $(SECRET_FILE); } && cat $(SECRET_FILE))

.PHONY: install run setup test test-slow lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py import_documents

# The site (gunicorn) and the task worker that runs the admin's uploaded imports (django-tasks'
# db_worker), side by side; Ctrl-C stops both.
run: setup
	@echo "Serving the archive at http://$(HOST):$(PORT)/ with the import worker beside it (Ctrl-C stops both)"
	@$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn archive.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: install
	$(BIN)/pytest -m "not slow"

# axe-core for the accessibility audit (tests/test_first_session_browser.py), from package.json.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund

# pytest's exit status 5 means no test was collected: not a failure here.
test-slow: install node_modules/axe-core/axe.min.js
	$(BIN)/pytest -m slow || [ $$? -eq 5 ]

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) staticfiles
