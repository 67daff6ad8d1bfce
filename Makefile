# Two commands set up a machine: `make run` serves the app with demo data, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
BUN_DIR := .tools/bun
BUN_VERSION := 1.4.5
AXE_DIR := .tools/axe
AXE_VERSION := 4.11.0
LIGHTHOUSE_DIR := .tools/lighthouse
LIGHTHOUSE_VERSION := 12.2.3
PORT ?= 3000
export PATH := $(CURDIR)/$(BUN_DIR)/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export PYTHONDONTWRITEBYTECODE := 1
comma := ,

.PHONY: setup run test test-fast lint migrate seed browser ffmpeg demos clean ops-deps prod-local backup restore test-ops bench-servers bench

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(BUN_DIR)/node_modules/.bin/bun:
	npm install --prefix $(BUN_DIR) --no-audit --no-fund --loglevel=error bun@$(BUN_VERSION)

setup: $(VENV)/.installed $(BUN_DIR)/node_modules/.bin/bun
	@mkdir -p var

$(AXE_DIR)/node_modules/axe-core/axe.min.js:
	npm install --prefix $(AXE_DIR) --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

# Debian's Chromium and the fonts the PDFs and screenshots use (only when missing),
# and axe-core, which the browser tests inject into every page they visit.
browser: $(AXE_DIR)/node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v zbarimg >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-dejavu-core poppler-utils zbar-tools >/dev/null; }

# Debian's ffmpeg, only to encode the help videos (`make demos`), and Chromium's translations, so the
# filmed date and time fields read as in Spain (04/12/2026, 10:00); tests never need them.
ffmpeg:
	@command -v ffmpeg >/dev/null && test -e /usr/lib/chromium/locales/es.pak || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg chromium-l10n >/dev/null; }

# Re-record the help page's videos into assets/demos (all, or DEMOS=compra,empleo).
demos: setup browser ffmpeg
	python -m tests.demos.record $(subst $(comma), ,$(DEMOS))

# Debian's nginx and Redis for the production topology (only when missing).
ops-deps:
	@command -v nginx >/dev/null && command -v redis-server >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    nginx redis-server >/dev/null; }

# Debian's Redis for the benchmark (PostgreSQL 15 is expected as for the tests).
bench-servers:
	@command -v redis-server >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

# Lighthouse for the benchmark's mobile performance run (12.2.3: 13 wants Node 22; Debian has 20).
$(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse:
	npm install --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --loglevel=error -E lighthouse@$(LIGHTHOUSE_VERSION)

# The load and scale benchmark (not part of `make test`); see bench/README.md.
BENCH_SCALE ?= 0.1
BENCH_CLIENTS ?= 200
BENCH_SECONDS ?= 20
BENCH_WEBHOOKS ?= 200
BENCH_WORKERS ?= 2
BENCH_FRONTEND ?= 1
bench: setup bench-servers browser $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse
	python -m bench.run --scale $(BENCH_SCALE) --clients $(BENCH_CLIENTS) --seconds $(BENCH_SECONDS) \
	  --webhooks $(BENCH_WEBHOOKS) --workers $(BENCH_WORKERS) \
	  $(if $(filter 0,$(BENCH_FRONTEND)),--no-frontend,--frontend)

migrate: setup
	alembic upgrade head

seed: migrate
	python -m care_portal.cli.seed

run: seed
	reflex run --env prod --single-port --frontend-port $(PORT) --backend-port $(PORT)

# The production shape on this machine: PostgreSQL 15, Redis, migrations, 2 workers, nginx with
# TLS at https://localhost:8443 (self-signed). Ctrl-C stops everything.
prod-local: setup ops-deps
	python -m deploy.topology

# Encrypted backup of DATABASE_URL and DATA_DIR (needs BACKUP_KEY); restore FILE=… into empty ones.
backup: setup
	python -m care_portal.cli.backup create

restore: setup
	python -m care_portal.cli.backup restore $(FILE)

# The fault drills and the HTTPS journey against the production topology.
test-ops: setup browser ops-deps
	pytest -m topology tests/ops

lint: setup
	ruff check care_portal tests alembic deploy rxconfig.py

test-fast: setup
	pytest -m "not e2e and not topology"

# The whole suite: lint, every test on SQLite, the browser tests, the database tests again on a
# throwaway PostgreSQL 15 server, then the production-topology journey and fault drills (PostgreSQL,
# Redis, 2 workers, nginx with TLS). Each pass is its own process (Playwright's event loop and the
# browser tests' server must not outlive their pass).
# Browser and topology tests that fail are run once more and reported as "rerun" in the summary
# (timing on a slow or busy CI machine); a test that fails twice fails. BROWSER_RERUNS= turns it off.
# No wait is unbounded: a test stuck for 15 min fails with every thread's stack (pytest-timeout), a
# browser journey after 5 min; each pass stops at a ceiling far above its usual time (unit ~4 min,
# browser ~10, PostgreSQL ~2-5, topology ~1) with pytest's summary, instead of eating CI's time.
BROWSER_RERUNS ?= --reruns 1 --reruns-delay 2
CEILING := timeout --signal=INT --kill-after=60
test: setup browser ops-deps lint
	$(CEILING) 20m pytest -m "not e2e"
	$(CEILING) 30m pytest -m "e2e and not topology" $(BROWSER_RERUNS)
	$(CEILING) 20m python -m tests.tools.with_postgres pytest -m "not e2e and not topology" tests/services tests/api tests/ops tests/test_migrations.py
	$(CEILING) 15m pytest -m topology tests/ops $(BROWSER_RERUNS)

clean:
	rm -rf .web var/test-* test-artifacts
