# Two commands on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
MUTATION_STAMP := $(VENV)/.mutation-installed
PROPERDOCS_VENV := .venv-properdocs
ZENSICAL_VENV := .venv-zensical
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site serve test test-fast test-platform canary-zensical check mutation bench bench-quick lighthouse clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The generator's bytecode, written ahead as pip writes it for the packages it installs (but not for an editable
# install): where PYTHONDONTWRITEBYTECODE is set Python never writes it, and every build would compile our hundred
# modules again (about 0.12 s of CPU on the demo). Only what is out of date is compiled (50 ms when nothing is).
BYTECODE := $(BIN)/python -m compileall -q microsite hooks

## Set up and build the site into site/ (the previous site/ stays if the build fails).
site: $(STAMP)
	$(BYTECODE)
	$(BIN)/microsite build

## Live preview at http://127.0.0.1:8000/ (ADDR=127.0.0.1:8001 for another): follows data/, content/, mkdocs.yml and
## overrides/, and shows what is wrong on the page itself (hooks/preview.py).
ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/python hooks/preview.py --dev-addr $(ADDR)

## Validate the data without building.
check: $(STAMP)
	$(BIN)/microsite check

## The whole test suite, with its own extras (Node parsers, Chromium).
test: $(STAMP) tests/js/node_modules/.installed $(CHROMIUM)
	$(BIN)/python -m pytest

## The developer's loop (about 1½ minutes): everything but the browser tests (tests/browser, another 1½).
test-fast: $(STAMP) tests/js/node_modules/.installed
	$(BIN)/python -m pytest -q --ignore=tests/browser

## Mutation testing (docs/mutation.md): every validation rule switched off one at a time, the funding strip broken
## on purpose, and mutmut on a fixed sample of the core's rules and renderers (MUTANTS=all for every mutant, ~hours).
## Fails on a survivor not listed in tests/mutation/survivors.md. About 35 minutes on 2 cores (40 of CPU).
MUTANTS ?= 400
mutation: $(MUTATION_STAMP)
	$(BIN)/python tests/mutation/rules_off.py
	$(BIN)/python tests/mutation/strip_off.py
	$(BIN)/python tests/mutation/mutmut_sample.py $(if $(filter all,$(MUTANTS)),--all,--sample $(MUTANTS))

$(MUTATION_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,mutation]'
	touch $@

## The exit from MkDocs (docs/decisions/0006-platform.md): the demo built with ProperDocs keeps the
## site invariants and MkDocs' bytes.
test-platform: $(STAMP) tests/js/node_modules/.installed $(PROPERDOCS_VENV)/.installed
	MICROSITE_PROPERDOCS_PYTHON=$(CURDIR)/$(PROPERDOCS_VENV)/bin/python $(BIN)/python -m pytest tests/exits/test_properdocs.py

## Canary: does Zensical build the demo with its event pages, feeds and languages? (Not yet: it fails.)
canary-zensical: $(STAMP) tests/js/node_modules/.installed $(ZENSICAL_VENV)/.installed
	MICROSITE_ZENSICAL=$(CURDIR)/$(ZENSICAL_VENV)/bin/zensical $(BIN)/python -m pytest tests/exits/test_zensical_canary.py

# Each exit in a virtualenv of its own, pinned by constraints.txt. ProperDocs runs our hooks, so the project
# is installed with it; Zensical runs none of our code, so it is installed alone.
$(PROPERDOCS_VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/pip install --quiet -c constraints.txt -e . properdocs
	touch $@

$(ZENSICAL_VENV)/.installed: constraints.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --upgrade pip
	$(ZENSICAL_VENV)/bin/pip install --quiet -c constraints.txt zensical
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

tests/js/node_modules/.installed: tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund --silent
	touch $@

## Lighthouse (mobile) on home and schedule in both languages, served on 127.0.0.1: prints the scores.
lighthouse: $(STAMP) scripts/lighthouse/node_modules/.installed $(CHROMIUM)
	CHROME_PATH=$(CHROMIUM) scripts/lighthouse/run.sh

# Lighthouse pulls puppeteer; its own browser download is skipped (Debian's Chromium is used).
scripts/lighthouse/node_modules/.installed: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent
	touch $@

## Benchmark: build and preview cost against bare Material and mkdocs serve; writes BENCHMARKS.md (~20 min; `make bench-quick` ~4 min).
bench: $(BENCH_STAMP) $(CHROMIUM)
	$(BYTECODE)
	$(BIN)/python -m bench.run --out BENCHMARKS.md

bench-quick: $(BENCH_STAMP) $(CHROMIUM)
	$(BYTECODE)
	$(BIN)/python -m bench.run --quick

# The benchmark's extras (a profiler), on top of the test extras (Playwright for the home page's transfer).
$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,bench]'
	touch $@

clean:
	rm -rf $(VENV) $(PROPERDOCS_VENV) $(ZENSICAL_VENV) site mutants .cache tests/js/node_modules scripts/lighthouse/node_modules
