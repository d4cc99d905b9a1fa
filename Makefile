# One Makefile for people, CI and the README. `make demo` and `make test` do all the set-up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup system venv demo test test-fast lint bench clean

setup: system venv

system:
	sh scripts/setup-system.sh

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# The dry run on the bundled mock NSS: both phases, a simulated operator presses consent and
# submit (loopback only). Headed when a display exists, otherwise headless with a notice.
demo: setup
	$(BIN)/nss-autofill profiles/example.yaml --dry-run --auto-confirm --report artifacts/demo-report.json

# All tests: browser tests headless, the headed smoke tests on a virtual display.
test: setup
	xvfb-run -a $(BIN)/pytest

test-fast: venv
	$(BIN)/pytest -m nobrowser -q

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/bench_check.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache .mypy_cache .ruff_cache dist
