# One Makefile for people, CI and the README. `make demo` and `make test` do all the set-up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup system venv demo test test-fast lint bench clean wheel-check variants windows-bundle mutation

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
# The profile is the shipped example with a start date computed from today (init --example).
demo: setup
	mkdir -p artifacts && rm -f artifacts/demo-profile.yaml
	$(BIN)/nss-autofill init --example artifacts/demo-profile.yaml
	$(BIN)/nss-autofill artifacts/demo-profile.yaml --dry-run --auto-confirm --report artifacts/demo-report.json

# All tests: browser tests headless, the headed smoke tests on a virtual display.
test: setup
	xvfb-run -a $(BIN)/pytest

test-fast: venv
	$(BIN)/pytest -m nobrowser -q

# The engine on seeded markup variants of the mock (tests/test_variants.py), on many seeds:
# `make variants SEEDS=5000` runs seeds 0..4999 (pages, flows and perturbed flows; long).
SEEDS ?= 200
variants: venv
	NSS_VARIANT_SEEDS=0-$$(($(SEEDS) - 1)) $(BIN)/pytest tests/test_variants.py -m variants -q -p no:cacheprovider

# Mutation testing (slow; never in CI, not part of `make test`): mutmut mutates the guard's
# classification, the profile value rules, the business days and the kana/width rules
# ([tool.mutmut] in pyproject.toml) and runs the fast no-browser tests that reach each mutant;
# then the kill rate per module. docs/mutation.md lists the survivors and why.
mutation: venv
	rm -rf mutants
	NSS_TEST_HYPOTHESIS_PROFILE=mutation $(BIN)/mutmut run --max-children 2 > mutants.log 2>&1 || (tail -c 2000 mutants.log; exit 1)
	$(BIN)/python scripts/mutation_report.py

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# Figures, printed (BENCHMARKS.md records them): `check` start-up, the full dry run against a
# hand-written floor, per-page recognition/fill times and memory. A missed target is printed,
# not fatal, so every benchmark runs; a benchmark that breaks still stops the target.
bench: setup
	-$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_flow.py
	$(BIN)/python benchmarks/bench_pages.py

clean:
	rm -rf $(VENV) artifacts build mutants mutants.log .pytest_cache .mypy_cache .ruff_cache dist

# The dry run from an installed wheel (pages ship inside the package), in a throw-away venv.
wheel-check: setup
	rm -rf build/wheel-check && mkdir -p build/wheel-check
	$(BIN)/pip wheel --quiet --disable-pip-version-check --no-deps -w build/wheel-check .
	$(PYTHON) -m venv build/wheel-check/venv
	build/wheel-check/venv/bin/pip install --quiet --disable-pip-version-check build/wheel-check/*.whl
	cd build/wheel-check && venv/bin/nss-autofill init --example example.yaml
	cd build/wheel-check && venv/bin/nss-autofill example.yaml --dry-run --headless --auto-confirm

# The offline install for a Windows PC without network access to PyPI and without admin rights:
# the tool's wheel and every dependency built for win_amd64 (CPython 3.11-3.13), install.cmd
# and uninstall.cmd, zipped. scripts/check_windows_bundle.py proves the set resolves on its own.
# Put a python.org installer next to install.cmd for a PC without Python:
#   make windows-bundle PYTHON_INSTALLER=/path/to/python-3.12.x-amd64.exe
BUNDLE := build/windows-bundle
WIN_PYTHONS := 3.11 3.12 3.13
windows-bundle: venv
	rm -rf $(BUNDLE) build/nss-autofill-windows.zip && mkdir -p $(BUNDLE)/wheels
	$(BIN)/pip wheel --quiet --disable-pip-version-check --no-deps -w $(BUNDLE)/wheels .
	for v in $(WIN_PYTHONS); do \
	  $(BIN)/pip download --quiet --disable-pip-version-check --only-binary=:all: \
	    --platform win_amd64 --implementation cp --python-version $$v \
	    -d $(BUNDLE)/wheels $(BUNDLE)/wheels/nss_autofill-*.whl || exit 1; \
	done
	cp scripts/windows/install.cmd scripts/windows/uninstall.cmd scripts/windows/README-ja.txt $(BUNDLE)/
	if [ -n "$(PYTHON_INSTALLER)" ]; then cp "$(PYTHON_INSTALLER)" $(BUNDLE)/; fi
	$(BIN)/python scripts/check_windows_bundle.py $(BUNDLE)/wheels
	cd build && $(CURDIR)/$(BIN)/python -m zipfile -c nss-autofill-windows.zip windows-bundle
	@echo "wrote build/nss-autofill-windows.zip"
