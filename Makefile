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

# `make test`: ruff, then the suite on every core plus one (pytest-xdist; the extra worker
# fills the time others spend waiting on local servers and subprocesses; measured on 2 cores:
# 2 workers 76 s, 3 workers 59 s, 4 workers 70 s), worksteal because a few tests take
# seconds, while mypy checks the types beside it; it fails if any of the three fails.
# TEST_WORKERS=0 runs the suite in one process. Bytecode is written even where the machine
# sets PYTHONDONTWRITEBYTECODE (this one does): otherwise every worker and every `writeoff`
# subprocess compiles the project and rewrites every test module again (measured: 6 s of CPU
# per worker to collect, against 1.5 s with bytecode; __pycache__ is ignored by git).
# Plugins are named rather than auto-loaded: auto-loading marks whole packages (anyio,
# hypothesis) for assertion rewriting, several seconds of CPU per worker when no bytecode
# is cached (a fresh clone, or PYTHONDONTWRITEBYTECODE). Add a new pytest plugin here.
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
PYTEST_PLUGINS_USED := xdist.plugin,pytest_asyncio.plugin,_hypothesis_pytestplugin,time_machine

test: $(STAMP)
	$(BIN)/ruff check --no-cache .
	@log=$$(mktemp); $(BIN)/mypy >$$log 2>&1 & mypy=$$!; \
	echo "$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal   (mypy running beside it)"; \
	PYTHONDONTWRITEBYTECODE= PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 PYTEST_PLUGINS=$(PYTEST_PLUGINS_USED) \
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
