# Polar Knowledge Base — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
LANGUAGES := fr de nb sv fi da is kl se iu
# The local node's engine: opensearch, or elasticsearch when SEARCH_ENGINE says so.
ENGINE ?= $(if $(filter elasticsearch,$(SEARCH_ENGINE)),elasticsearch,opensearch)
export ENGINE

.DEFAULT_GOAL := help
.PHONY: help run test install migrate messages translations demo admin engine engine-stop engine-status bench lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing dependencies into $(VENV)…"
	@$(PY) -m pip install --quiet ".[test]"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install pinned dependencies

migrate: install ## Apply database migrations
	@$(MANAGE) migrate --no-input

messages: install ## Compile the interface translations (.po -> .mo)
	@if command -v msgfmt >/dev/null; then \
		$(MANAGE) compilemessages --ignore=.venv --ignore=.engine >/dev/null; \
	else \
		$(PY) scripts/compile_messages.py; \
	fi
	@echo "Interface translations compiled."

translations: install ## Collect new interface strings into locale/*/django.po
	@for language in $(LANGUAGES); do \
		$(MANAGE) makemessages -l $$language --no-obsolete -v0 \
			--ignore=.venv --ignore=.engine --ignore=tests --ignore=bench --ignore=build --ignore=staticfiles; \
	done
	@echo "Catalogues updated: translate the new entries, then run make messages."

demo: migrate messages ## Load the demo content (safe to repeat)
	@$(MANAGE) load_demo_content

admin: migrate ## Create the local admin user and print how to log in
	@WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) ensure_admin

run: demo admin ## Serve the demo site on http://127.0.0.1:8000/
	@if [ "$${SEARCH_ENGINE:-database}" != database ]; then \
		$(MANAGE) rebuild_search_index && $(MANAGE) update_index; \
	fi
	@$(MANAGE) collectstatic --no-input -v0
	@echo "Serving http://$(HOST):$(PORT)/ (search engine: $${SEARCH_ENGINE:-database}) — Ctrl+C to stop."
	@$(MANAGE) runserver $(HOST):$(PORT)

test: install messages ## Run the whole test suite
	@$(PY) -m pytest $(PYTEST_ARGS)

engine: ## Start a local search node from Maven Central artifacts (ENGINE=opensearch|elasticsearch)
	@scripts/engine.sh start

engine-stop: ## Stop the local search node (ENGINE=opensearch|elasticsearch)
	@scripts/engine.sh stop

engine-status: ## Show whether the local search node is running
	@scripts/engine.sh status

bench: install ## Benchmark search (DOCS=10000 by default)
	@$(PY) bench/search_bench.py --docs $${DOCS:-10000}

lint: install ## Check code style with ruff
	@$(PY) -m ruff check .

clean: ## Remove the virtualenv, database, media and caches
	rm -rf $(VENV) db.sqlite3 media staticfiles .test-media .pytest_cache
