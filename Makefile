# Two commands for a newcomer: `make run` (the bot) and `make test` (the suite).
# Both create the virtualenv and install pinned dependencies on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench lint format clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/writeoff db upgrade
	$(BIN)/writeoff start

# `make test`: ruff, then the suite on every core (pytest-xdist, worksteal: a few tests take
# seconds) while mypy checks the types beside it; it fails if any of the three fails.
# TEST_WORKERS=0 runs the suite in one process.
# Plugins are named rather than auto-loaded: auto-loading marks whole packages (anyio,
# hypothesis) for assertion rewriting, several seconds of CPU per worker when no bytecode
# is cached (a fresh clone, or PYTHONDONTWRITEBYTECODE). Add a new pytest plugin here.
TEST_WORKERS ?= auto
PYTEST_PLUGINS_USED := xdist.plugin,pytest_asyncio.plugin,_hypothesis_pytestplugin,time_machine

test: $(STAMP)
	$(BIN)/ruff check --no-cache .
	@log=$$(mktemp); $(BIN)/mypy >$$log 2>&1 & mypy=$$!; \
	echo "$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal   (mypy running beside it)"; \
	PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 PYTEST_PLUGINS=$(PYTEST_PLUGINS_USED) \
	  $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal; tests=$$?; \
	wait $$mypy; types=$$?; \
	echo "$(BIN)/mypy"; cat $$log; rm -f $$log; \
	test $$tests -eq 0 && test $$types -eq 0

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
