# Two commands set up a machine: `make run` serves the app with demo data, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
BUN_DIR := .tools/bun
BUN_VERSION := 1.4.5
PORT ?= 3000
export PATH := $(CURDIR)/$(BUN_DIR)/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup run test test-fast lint migrate seed browser clean

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(BUN_DIR)/node_modules/.bin/bun:
	npm install --prefix $(BUN_DIR) --no-audit --no-fund --loglevel=error bun@$(BUN_VERSION)

setup: $(VENV)/.installed $(BUN_DIR)/node_modules/.bin/bun
	@mkdir -p var

# Debian's Chromium and the fonts the PDFs and screenshots use (only when missing).
browser:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v zbarimg >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-dejavu-core poppler-utils zbar-tools >/dev/null; }

migrate: setup
	alembic upgrade head

seed: migrate
	python -m care_portal.cli.seed

run: seed
	reflex run --env prod --single-port --frontend-port $(PORT) --backend-port $(PORT)

lint: setup
	ruff check care_portal tests alembic rxconfig.py

test-fast: setup
	pytest -m "not e2e"

# The whole suite: lint, every test on SQLite (browser tests included),
# then the database tests again on a throwaway PostgreSQL 15 server.
test: setup browser lint
	pytest
	python -m tests.tools.with_postgres pytest -m "not e2e" tests/services tests/api tests/test_migrations.py

clean:
	rm -rf .web var/test-* test-artifacts
