# Two commands on a fresh clone:  make run   and   make test
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := intake_app:create_app
export PYTHONPATH := $(CURDIR)

.PHONY: help install install-dev migrate demo translations extract-messages bot-ready \
        bot-token bot-test run lint test test-fast bench clean

help:
	@echo "make run    install, migrate, load demo data, start everything on 127.0.0.1"
	@echo "make test   set up what the tests need and run the whole suite (ruff + pytest)"
	@echo "make bench  print the benchmarks' figures"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-train.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-dev: $(VENV)/.installed-dev

translations: install
	@if compgen -G "translations/*/LC_MESSAGES/messages.po" >/dev/null; then \
	  $(BIN)/pybabel compile -d translations; else echo "no catalogues yet: English only"; fi

extract-messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot .

migrate: install
	@mkdir -p instance
	$(BIN)/flask db upgrade

demo: migrate
	$(BIN)/flask demo load

bot-ready:
	$(MAKE) -C bot venv train

# The bot's actions call the intake API with a service token, made once per instance.
bot-token: migrate
	@test -s instance/bot_api_token || $(BIN)/flask tokens create bot > instance/bot_api_token
	@chmod 600 instance/bot_api_token

bot-test: bot-ready
	$(MAKE) -C bot validate test actions-test

run: migrate demo translations bot-ready bot-token
	$(BIN)/honcho start -f Procfile

lint: install-dev
	$(BIN)/ruff check .
	PYTHONPATH=$(CURDIR):$(CURDIR)/bot $(BIN)/lint-imports

# The suite runs twice: on SQLite (the embedded default), then on PostgreSQL (production's
# database: TEST_DATABASE=postgres gives every test a fresh database on one throw-away
# server). The second pass leaves out the tests that start the real Rasa servers and the
# browser tests: they spend their time in Rasa and chromium, not the database, and would
# take `make test` past 30 minutes on two cores; the first pass runs them.
test: install-dev translations lint bot-test
	bash scripts/ensure_postgres.sh
	bash scripts/ensure_redis.sh
	bash scripts/ensure_chromium.sh
	$(BIN)/python -m pytest -q
	TEST_DATABASE=postgres $(BIN)/python -m pytest -q -m "not rasa and not browser"

test-fast: install-dev lint
	bash scripts/ensure_postgres.sh
	bash scripts/ensure_redis.sh
	bash scripts/ensure_chromium.sh
	$(BIN)/python -m pytest -q -m "not rasa"

# The load and fault runs start their own PostgreSQL and the bot; a few minutes each.
bench: install-dev bot-ready
	bash scripts/ensure_postgres.sh
	$(BIN)/python bench/submit_bench.py
	$(BIN)/python bench/triage_bench.py
	$(BIN)/python bench/queue_bench.py
	$(BIN)/python bench/outbox_bench.py
	$(BIN)/python bench/gateway_bench.py
	$(BIN)/python bench/load_run.py
	$(BIN)/python bench/fault_run.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
