# Tuntas — two commands: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
export TUNTAS_DEMO ?= 1

.PHONY: run test lint demo bench install migrate worker e2e clean messages eval-triage doctor backup restore

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_workflows

# The demo's messages (printed in the worker log) link to this server.
demo run: export TUNTAS_SITE_URL ?= http://$(HOST):$(PORT)

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py sla_tick

# The worker (notifications, SLA tick) runs beside the server and stops with it; its output (with the
# demo's emails, printed by the console mail backend) goes to a log file to keep the server's readable.
run: demo
	@echo "Tuntas on http://$(HOST):$(PORT)/  (console: http://$(HOST):$(PORT)/console/)"
	@echo "Background worker log: $${TUNTAS_VAR_DIR:-var}/worker.log"
	@$(PY) manage.py run_huey >>"$${TUNTAS_VAR_DIR:-var}/worker.log" 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT) --noreload

# The background worker alone (deployments run `tuntas run_huey` as a service).
worker: migrate
	$(PY) manage.py run_huey

# Check this deployment (settings, data, worker, outbox, disk, media); exit 1 when something is wrong.
doctor: install
	$(PY) manage.py doctor

# One archive (database + uploaded files + manifest) in $TUNTAS_BACKUP_DIR (var/backups); see README.
backup: install
	$(PY) manage.py backup

# make restore ARCHIVE=var/backups/tuntas-backup-....tar (stop the server and worker first)
restore: install
	@test -n "$(ARCHIVE)" || (echo "usage: make restore ARCHIVE=path/to/tuntas-backup-....tar" && exit 2)
	$(PY) manage.py restore "$(ARCHIVE)"

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

# The full suite on SQLite, then again on PostgreSQL when one is configured or reachable.
test: lint
	$(PY) manage.py makemigrations --check --dry-run -v0 || (echo "Missing migrations" && exit 1)
	TUNTAS_TESTING=1 $(VENV)/bin/pytest -q -n 2 --dist worksteal
	@if [ -n "$$TUNTAS_TEST_POSTGRES" ] || [ -n "$$DATABASE_URL" ] || $(PY) scripts/pg_reachable.py; then \
		echo "== PostgreSQL =="; \
		TUNTAS_TESTING=1 DATABASE_URL=$${DATABASE_URL:-$${TUNTAS_TEST_POSTGRES:-$(PG_URL)}} $(VENV)/bin/pytest -q -n 2 --dist worksteal; \
	else echo "PostgreSQL not reachable: skipped the PostgreSQL run"; fi

bench: install
	TUNTAS_TESTING=1 $(PY) bench/run.py

# Top-1 / top-3 accuracy of the routing and category suggestions on the held-out split of the labelled set
# (src/tuntas/triage/data/). BOOTSTRAP=add|only also uses the database's categories, profiles and standards.
eval-triage: install
	$(PY) manage.py eval_triage --bootstrap=$${BOOTSTRAP:-none}

messages: install
	cd src/tuntas && ../../$(PY) ../../manage.py makemessages -l en --ignore='*/migrations/*'

clean:
	rm -rf var $(VENV)
