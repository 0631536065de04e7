# Troth: `make run` to serve it, `make test` to check it.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell command -v python3.12 || command -v python3)
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on every core; browser tests included.
PYTEST_ARGS ?= -n auto

.PHONY: run test lint migrations-check pytest demo worker clean icaljs lock icons app-icons screenshots messages

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Troth needs Python 3.12 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Installed marks: install the exact versions in the lock files, then Troth
# itself without resolving again; redone when a lock or pyproject.toml changes.
$(VENV)/.installed: requirements.lock pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@ $(VENV)/.installed

# Refresh the lock files from pyproject.toml (see docs/dependencies.md):
# `make lock` after changing a dependency there (other pins stay as they are),
# `make lock UPGRADE=1` to take the newest releases within every range.
# uv resolves once for every platform, writing markers where they differ.
$(VENV)/bin/uv: | $(VENV)/bin/python
	$(PY) -m pip install --quiet 'uv>=0.13,<0.14'

LOCK_ARGS := --quiet --universal --python-version 3.12 $(if $(UPGRADE),--upgrade) \
	--custom-compile-command 'make lock' pyproject.toml

# The runtime lock is held to the dev lock's versions, so tests run on the
# same releases that `make run` serves.
lock: $(VENV)/bin/uv
	$(VENV)/bin/uv pip compile $(LOCK_ARGS) --extra dev -o requirements-dev.lock
	$(VENV)/bin/uv pip compile $(LOCK_ARGS) -c requirements-dev.lock -o requirements.lock

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
		DATABASE_URL="$$TEST_DATABASE_URL" TROTH_TEST_AFTER_SQLITE=1 TROTH_E2E=$${TROTH_E2E_ON_POSTGRES:-1} $(PY) -m pytest $(PYTEST_ARGS); \
	fi

test: lint migrations-check pytest

# The gallery in docs/screenshots/: every place the navigation reaches, for
# the demo couple and a brand-new one, phone and desktop, light and dark; and
# for a couple who use Troth in Spanish and in Arabic, on a phone.
screenshots: $(VENV)/.installed-dev
	TROTH_SCREENSHOTS=docs/screenshots $(PY) -m pytest -q -p no:xdist tests/e2e/test_shell.py tests/e2e/test_languages.py

# Rebuild the committed icon sprite from the pinned Lucide package (npm needed
# only here; see scripts/build_icons.py).
icons: $(VENV)/bin/python
	npm ci --prefix scripts/icons --no-audit --no-fund --silent
	$(PY) scripts/build_icons.py

# Redraw the committed home-screen icons (troth/static/troth/app/) with the
# system Chromium (scripts/build_app_icons.py).
app-icons: $(VENV)/.installed-dev
	$(PY) scripts/build_app_icons.py

# Gather every string marked for translation into each language's catalogue
# (troth/locale/<code>/LC_MESSAGES/django.po), then compile the catalogues
# Django reads (.mo, committed). docs/translating.md says the rest.
LANGUAGE_CODES ?= $(notdir $(filter-out %/en,$(wildcard troth/locale/*)))
messages: $(VENV)/.installed-dev
	cd troth && ../$(PY) ../manage.py makemessages --no-obsolete $(addprefix -l ,$(LANGUAGE_CODES))
	cd troth && ../$(PY) ../manage.py compilemessages $(addprefix -l ,$(LANGUAGE_CODES) en)

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
