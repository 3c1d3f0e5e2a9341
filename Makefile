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
.PHONY: dictionaries help run serve front front-stop redis redis-stop test browser-deps install migrate messages translations demo admin engine engine-stop engine-status bench bench-load bench-fuzz bench-pages lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing dependencies into $(VENV)…"
	@$(PY) -m pip install --quiet ".[test]"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install pinned dependencies

migrate: install messages ## Apply database migrations (the checks want the compiled catalogues)
	@$(MANAGE) migrate --no-input -v0

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
			--ignore=.venv --ignore=.engine --ignore=tests --ignore=bench --ignore=build --ignore=staticfiles --ignore=node_modules; \
	done
	@$(MANAGE) tidy_catalogues
	@echo "Catalogues updated: translate the new entries, then run make messages."

dictionaries: install ## Build query-translation tables and compound word lists (var/dictionaries/)
	@ls var/dictionaries/*.json >/dev/null 2>&1 || $(MANAGE) build_translations

demo: migrate messages dictionaries ## Load the demo content (safe to repeat)
	@$(MANAGE) load_demo_content

admin: migrate ## Create the local admin user and print how to log in
	@WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) ensure_admin

run: demo ## Serve the demo site on http://127.0.0.1:8000/ as visitors see it, with the background worker
	@if [ "$${SEARCH_ENGINE:-database}" != database ]; then \
		$(MANAGE) rebuild_search_index && $(MANAGE) update_index; \
	fi
	@$(MANAGE) collectstatic --no-input -v0
	@$(MANAGE) db_worker -v0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) serve_demo --skip-checks $(HOST):$(PORT)

serve: install messages ## Serve with gunicorn and production settings (needs SECRET_KEY, ALLOWED_HOSTS)
	@test -n "$$SECRET_KEY" || { echo "Set SECRET_KEY and ALLOWED_HOSTS (see README: Production)." >&2; exit 1; }
	@DJANGO_SETTINGS_MODULE=polarkb.settings.production $(MANAGE) migrate --no-input
	@DJANGO_SETTINGS_MODULE=polarkb.settings.production $(MANAGE) collectstatic --no-input -v0
	@DJANGO_SETTINGS_MODULE=polarkb.settings.production $(VENV)/bin/gunicorn

front: ## Start nginx in front of `make serve` on FRONT_LISTEN (default 127.0.0.1:8080)
	@scripts/front.sh start

front-stop: ## Stop the front
	@scripts/front.sh stop

redis: ## Start Redis, the shared cache of several hosts, on 127.0.0.1:REDIS_PORT (default 6379)
	@scripts/redis.sh start

redis-stop: ## Stop that Redis
	@scripts/redis.sh stop

test: install messages dictionaries browser-deps ## Run the whole test suite
	@$(PY) -m pytest $(PYTEST_ARGS)

browser-deps: node_modules/.package-lock.json ## axe-core for the browser tests (needs npm)

node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the browser tests will be skipped (they also need chromium)"; fi

engine: ## Start a local search node from Maven Central artifacts (ENGINE=opensearch|elasticsearch)
	@scripts/engine.sh start

engine-stop: ## Stop the local search node (ENGINE=opensearch|elasticsearch)
	@scripts/engine.sh stop

engine-status: ## Show whether the local search node is running
	@scripts/engine.sh status

bench: install ## Benchmark search (DOCS=10000 by default)
	@$(PY) bench/search_bench.py --docs $${DOCS:-10000}

bench-load: install ## Load benchmark: 50 clients for 60 s against gunicorn with OpenSearch
	@$(PY) bench/load_bench.py

bench-fuzz: install ## Fuzz run: 10,000 hostile requests against gunicorn; none may get a 5xx
	@$(PY) bench/fuzz_bench.py

bench-pages: install ## Page load at 256 kbit/s and 600 ms latency against a running `make run`
	@$(PY) bench/page_load_bench.py --url http://$(HOST):$(PORT) --label $${LABEL:-current}

lint: install ## Check code style with ruff
	@$(PY) -m ruff check .

clean: ## Remove the virtualenv, database, media and caches
	rm -rf $(VENV) db.sqlite3 var media staticfiles .test-media .pytest_cache node_modules
