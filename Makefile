# The few commands people type. `make demo` and `make test` work on a fresh machine: they make .venv,
# install relgraph and what it needs, then run. Both are what the README promises.
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin

.PHONY: setup demo test lint lint-js bench clean chromium virtuoso

# relgraph and what it needs to run (the demo); the test tools on top of it (the tests)
$(VENV)/.core: pyproject.toml setup.py
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed: $(VENV)/.core
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

## demo: answer a named query and write the network view (installs relgraph alone, no test tools)
demo: $(VENV)/.core
	$(BIN)/relgraph query agreements
	$(BIN)/relgraph view -o views/relationship.html

## chromium: Debian's headless Chromium and CJK fonts for the browser tests (installed when missing; needs root)
chromium:
	@{ command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ]; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "run 'sudo apt-get install chromium fonts-noto-cjk' (the browser tests need them)" >&2; exit 1; fi; }

## virtuoso: Debian's Virtuoso open source for the endpoint tests marked virtuoso (installed when missing, about 40 s;
## without root they are skipped and say why)
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	  else echo "note: the Virtuoso tests are skipped; 'sudo apt-get install virtuoso-opensource' runs them" >&2; fi; }

## test: every test, browser, notebook and endpoint tests included (Oxigraph server comes with the test extra)
test: setup chromium virtuoso
	$(BIN)/pytest -q

lint: setup lint-js
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

## lint-js: ESLint over the view's page script (needs node and npm; the tests do not)
lint-js:
	npm install --no-audit --no-fund --silent
	npx eslint

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) views build dist .pytest_cache .mypy_cache .ruff_cache src/*.egg-info node_modules
