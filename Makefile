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

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast test-browser lint format messages compilemessages migrate demo check-deploy services-up services-down vendor clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install the portal with its test tools

compilemessages: $(STAMP) ## Compile the translation catalogues in locale/
	$(BIN)/python scripts/compile_messages.py

messages: $(STAMP) ## Refresh locale/*.po from the code and templates (needs GNU gettext)
	$(MANAGE) makemessages --locale fr --locale en --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete

migrate: $(STAMP) ## Apply database migrations (SQLite under var/ unless DATABASE_URL is set)
	@mkdir -p var
	$(MANAGE) migrate --noinput --verbosity 0

demo: migrate compilemessages ## Load the demo content (idempotent)
	$(MANAGE) load_demo

run: demo ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000/
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(STAMP) compilemessages ## Run the whole test suite (unit, integration and browser journeys)
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

test-fast: $(STAMP) compilemessages ## Run the suite without the browser journeys
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not browser"

test-browser: $(STAMP) compilemessages ## Run only the browser journeys (needs /usr/bin/chromium)
	$(BIN)/python -m pytest -m browser

lint: $(STAMP) ## Lint, check formatting and look for missing migrations
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run --verbosity 0

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

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
