# Les Halles Civiques portal. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers: one per core by default (`make test TEST_WORKERS=0` for one process).
TEST_WORKERS ?= auto
# The portal's public origin (languages/origin.py): the demo loader sets the Site record from it.
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
export PORTAL_BASE_URL

.DEFAULT_GOAL := help
.PHONY: help install lock lock-upgrade lock-check audit bench-load run worker test test-fast test-browser lint format messages compilemessages migrate demo check-deploy services-up services-down vendor screenshots lighthouse clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# requirements.lock pins every package (runtime, test, lint and benchmark tools) with its hashes;
# pyproject.toml says which ranges are allowed. See docs/contributing.md.
LOCK := requirements.lock
LOCK_COMPILE := $(BIN)/uv pip compile pyproject.toml --all-extras --generate-hashes --universal \
	--python-version 3.11 --custom-compile-command "make lock" --quiet

$(STAMP): $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install the pinned packages of requirements.lock

lock: $(STAMP) ## Update requirements.lock after editing pyproject.toml (other pins stay as they are)
	$(LOCK_COMPILE) -o $(LOCK)

lock-upgrade: $(STAMP) ## Move every pin in requirements.lock to the newest version pyproject.toml allows
	$(LOCK_COMPILE) --upgrade -o $(LOCK)

lock-check: $(STAMP) ## Fail if requirements.lock does not match pyproject.toml (run by lint)
	@fresh=$$(mktemp) && cp $(LOCK) $$fresh && $(LOCK_COMPILE) -o $$fresh \
	  && { diff -q $(LOCK) $$fresh >/dev/null || { diff -u $(LOCK) $$fresh | head -n 40; rm -f $$fresh; \
	       echo "requirements.lock is out of date with pyproject.toml: run 'make lock'" >&2; exit 1; }; } \
	  && rm -f $$fresh

audit: $(STAMP) ## Fail on known vulnerabilities in the locked packages (pip-audit; needs its vulnerability service)
	$(BIN)/pip-audit --strict --progress-spinner off --disable-pip --requirement $(LOCK)

compilemessages: $(STAMP) ## Compile the translation catalogues in locale/
	$(BIN)/python scripts/compile_messages.py

messages: $(STAMP) ## Refresh locale/*.po from the code and templates (needs GNU gettext)
	$(MANAGE) makemessages --locale fr --locale en --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete

migrate: $(STAMP) ## Apply database migrations (SQLite under var/ unless DATABASE_URL is set)
	@mkdir -p var
	$(MANAGE) migrate --noinput --verbosity 0

demo: migrate compilemessages ## Load the demo content (idempotent)
	$(MANAGE) load_demo

run: demo ## Install, migrate, load the demo, then serve http://127.0.0.1:8000/ with the task worker and scheduler
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "web, worker and scheduler run together (Procfile.dev); Ctrl-C stops them all"
	@# honcho labels and interleaves their logs; exec, so a signal to make's group reaches it.
	PATH="$(CURDIR)/$(BIN):$$PATH" PYTHONUNBUFFERED=1 HOST=$(HOST) PORT=$(PORT) \
	  exec $(BIN)/honcho --procfile Procfile.dev --app-root . start

worker: migrate ## Run only the background task worker (queued index updates, e-mails)
	$(MANAGE) run_worker

test: $(STAMP) compilemessages ## Run the whole test suite (unit, integration and browser journeys)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --durations=25

test-fast: $(STAMP) compilemessages ## Run the suite without the browser journeys
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not browser" --durations=25

test-browser: $(STAMP) compilemessages ## Run only the browser journeys (needs /usr/bin/chromium)
	$(BIN)/python -m pytest -m browser

lint: $(STAMP) ## Lint, formatting, import contracts, code shape, migrations, declared dependencies, lock file
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=. $(BIN)/lint-imports
	$(BIN)/python scripts/check_code_shape.py
	$(MANAGE) makemigrations --check --dry-run --verbosity 0
	$(BIN)/deptry .
	$(BIN)/deptry tests benchmarks scripts --exclude '\.venv' --exclude 'scripts/elasticsearch-analysis' --ignore DEP002,DEP004
	@$(MAKE) --no-print-directory lock-check

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

BENCH_PORT ?= 8104
bench-load: $(STAMP) ## Load benchmark: gunicorn + production settings, Locust headless (BENCH_PORT, BENCH_ARGS)
	$(BIN)/python benchmarks/load.py --port $(BENCH_PORT) $(BENCH_ARGS)

check-deploy: $(STAMP) ## Run Django's deployment checks with the production settings
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))") \
	  ALLOWED_HOSTS=portal.example.org $(MANAGE) check --deploy --fail-level WARNING

services-up: ## Start throwaway PostgreSQL and Elasticsearch servers for the integration tests
	bash scripts/services.sh install
	bash scripts/services.sh postgres-start
	bash scripts/services.sh elasticsearch-start

services-down: ## Stop the throwaway servers
	bash scripts/services.sh postgres-stop
	bash scripts/services.sh elasticsearch-stop

screenshots: $(STAMP) compilemessages ## PNGs of every page kind at 320, 768 and 1280 px in var/screenshots/ (needs /usr/bin/chromium)
	$(BIN)/python scripts/screenshots.py --out var/screenshots

lighthouse: $(STAMP) compilemessages ## Lighthouse mobile scores of home, directory, programme and an event (npm ci, /usr/bin/chromium)
	CHROME_PATH=/usr/bin/chromium $(BIN)/python scripts/lighthouse.py --out var/lighthouse --check

LEAFLET := node_modules/leaflet
VENDOR := static/vendor

vendor: ## Refresh static/vendor/ from the npm registry (needs Node.js; the copies are committed)
	npm ci --no-audit --no-fund
	rm -rf $(VENDOR)/leaflet && mkdir -p $(VENDOR)/leaflet/images
	cp $(LEAFLET)/dist/leaflet.css $(LEAFLET)/LICENSE $(VENDOR)/leaflet/
	cp $(LEAFLET)/dist/images/*.png $(VENDOR)/leaflet/images/
	@# No source map is served: drop the comment that points at it (collectstatic would look for it).
	sed '/^\/\/# sourceMappingURL=/d' $(LEAFLET)/dist/leaflet.js > $(VENDOR)/leaflet/leaflet.js
	node -p '"leaflet " + require("./$(LEAFLET)/package.json").version' > $(VENDOR)/leaflet/VERSION

clean: ## Remove the virtual environment and local data (var/)
	rm -rf $(VENV) var
