# Two commands: `make run` serves the portal, `make test` runs every test. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CONSTRAINTS := requirements/constraints.txt
MANAGE := $(PY) manage.py

.PHONY: help run test install install-dev messages messages-extract migrate lint format lock clean backup restore
.PHONY: bench loadtest explain

help:
	@echo "make run    install, migrate, load the campaign and serve on http://127.0.0.1:$(PORT)/"
	@echo "            (DEMO=1 make run also loads demo units and accounts)"
	@echo "make test   install the dev tools and run the whole test suite"
	@echo "make lint   ruff check and format check"
	@echo "make lock   re-pin $(CONSTRAINTS) after changing pyproject.toml"
	@echo "make bench  measure every page against a reference view at national scale (docs/performance.md)"

$(PY):
	@py=$$(bin/find-python) || exit 1; echo "Using $$py"; "$$py" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compiled catalogues are built here with Babel (pure Python), so no gettext tools are needed.
# A compiled catalogue whose source was moved or removed is deleted first: Django would still
# read it, ahead of the catalogue that replaced it (packages/locale follows locale/).
messages: $(VENV)/.installed
	@for mo in locale/*/LC_MESSAGES/*.mo */locale/*/LC_MESSAGES/*.mo; do \
	  [ ! -e "$$mo" ] || [ -e "$${mo%.mo}.po" ] || rm -f "$$mo"; \
	done
	@for dir in locale */locale; do \
	  for domain in django djangojs; do \
	    ls $$dir/*/LC_MESSAGES/$$domain.po >/dev/null 2>&1 || continue; \
	    $(VENV)/bin/pybabel compile --statistics -D $$domain -d "$$dir" || exit 1; \
	  done; \
	done

# Without DJANGO_SECRET_KEY the settings make one key in var/ (PORTAL_VAR_DIR) and every process
# reads it, so sessions survive restarts and every gunicorn worker accepts them.
migrate: $(VENV)/.installed messages
	$(MANAGE) migrate --noinput

run: migrate
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) setup_portal $(if $(DEMO),--demo)
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl+C to stop)"
	$(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) \
	  --workers $${WEB_CONCURRENCY:-2} --access-logfile - --forwarded-allow-ips 127.0.0.1

# The browser tests use axe-core and the Nu Html Checker from npm (package-lock.json), Debian's
# Chromium and Java; without them they are skipped and pytest says why.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the browser tests will be skipped"; fi

test: install-dev messages node_modules/.installed
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-pin exact versions after changing the ranges in pyproject.toml.
lock: | $(PY)
	rm -rf .venv-lock
	$$(bin/find-python) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade pip
	.venv-lock/bin/pip install --quiet ".[dev]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v "^thidua-portal" > $(CONSTRAINTS)
	rm -rf .venv-lock

# Back up every record and upload to var/backups/<time>/; restore one with
# `make restore BACKUP=var/backups/thidua-…` (replaces the current content).
backup: migrate
	$(MANAGE) backup_portal

restore: migrate
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/thidua-YYYYmmdd-HHMMSS"; exit 2; }
	$(MANAGE) restore_portal "$(BACKUP)"

clean:
	rm -rf $(VENV) var/static

# Refresh the catalogues from the code and templates (needs GNU gettext). English msgstrs are
# the msgids themselves; Vietnamese ones are written by hand in locale/vi/LC_MESSAGES/django.po.
messages-extract: $(VENV)/.installed
	rm -f locale/en/LC_MESSAGES/django.po  # regenerated whole: no fuzzy guesses in English
	$(MANAGE) makemessages -l vi -l en --no-location --no-obsolete \
	  --ignore=".venv/*" --ignore="var/*" --ignore="tests/*" --ignore="node_modules/*"
	msgen --no-wrap locale/en/LC_MESSAGES/django.po \
	  | msgattrib --no-wrap --clear-fuzzy -o locale/en/LC_MESSAGES/django.po -

# --- Performance at national scale (tests/perf/, results in benchmarks/) ----------------------
# Each uses PostgreSQL on 127.0.0.1 with the scale data (manage.py seed_scale, seeded once into
# BENCH_DATABASE_URL's database, default portal_bench, then reused), gunicorn with the production
# settings, and a Redis of its own or the embedded default cache. bench needs wrk (apt-get
# install wrk) and takes about fifteen minutes: three regimes, then the office's pages.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench

bench: install messages
	$(PY) -m tests.perf.bench

loadtest: install messages
	$(PY) -m tests.perf.loadtest

# EXPLAIN ANALYZE every query of the benchmarked pages; `make explain ARGS="theme -v"` shows more.
explain: install messages
	$(PY) -c "from tests.perf import server; server.ensure_data()"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m tests.perf.explain $(ARGS)
