# The two commands: `make run` and `make test`. Everything else is a step of theirs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n auto
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export DJANGO_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install install-test prepare lint format messages clean

run: install prepare  ## Install, migrate, seed once, and serve HTTP + WebSocket.
	$(BIN)/daphne -b $(HOST) -p $(PORT) intranet.asgi:application

test: install-test  ## Run the whole test suite.
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required, found " + sys.version)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt .
	@touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt $(VENV)/.installed
	$(BIN)/pip install -q -c constraints.txt ".[test]"
	@touch $@

# Installing also compiles the translation catalogs (locale/*/LC_MESSAGES/*.mo):
# the running site writes nothing into the source tree.
install: $(VENV)/.installed
	$(MANAGE) compiletranslations
install-test: $(VENV)/.installed-test
	$(MANAGE) compiletranslations

prepare:
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) seed_demo --if-empty
	$(MANAGE) ensure_admin

lint: install-test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(MANAGE) makemigrations --check --dry-run

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install  ## Refresh the catalogs after changing strings (needs GNU gettext).
	$(MANAGE) makemessages -l fr -l en --no-obsolete --ignore=.venv --ignore=var --ignore=build
	$(MANAGE) compiletranslations

clean:
	rm -rf $(VENV) build *.egg-info
