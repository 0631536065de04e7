# Troth: `make run` to serve it, `make test` to check it.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell command -v python3.12 || command -v python3)
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on every core; browser tests included.
PYTEST_ARGS ?= -n auto

.PHONY: run test lint migrations-check pytest demo worker clean icaljs

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Troth needs Python 3.12 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Installed marks: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(VENV)/bin/troth serve --host $(HOST) --port $(PORT)

demo: $(VENV)/.installed
	$(VENV)/bin/troth demo --port $(PORT)

worker: $(VENV)/.installed
	$(VENV)/bin/troth worker

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -ll -c pyproject.toml -r troth
	TROTH_DATA_DIR=$$(mktemp -d) $(VENV)/bin/mypy troth

migrations-check: $(VENV)/.installed-dev
	TROTH_DATA_DIR=$$(mktemp -d) DATABASE_URL= $(PY) manage.py makemigrations --check --dry-run

# Mozilla's ical.js, a second reader of Troth's calendar files, when npm is
# here (its tests skip with one line saying so otherwise).
icaljs:
	@if command -v npm >/dev/null 2>&1; then \
		[ tests/icaljs/node_modules/.package-lock.json -nt tests/icaljs/package-lock.json ] \
		|| npm ci --prefix tests/icaljs --no-audit --no-fund --silent; \
	else echo "== npm not found: the ical.js calendar checks will be skipped"; fi

# The whole suite on SQLite; again on PostgreSQL when TEST_DATABASE_URL names one.
pytest: $(VENV)/.installed-dev icaljs
	DATABASE_URL= $(PY) -m pytest $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL ($${TEST_DATABASE_URL%%\?*})"; \
		DATABASE_URL="$$TEST_DATABASE_URL" TROTH_E2E=$${TROTH_E2E_ON_POSTGRES:-1} $(PY) -m pytest $(PYTEST_ARGS); \
	fi

test: lint migrations-check pytest

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
