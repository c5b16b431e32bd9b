# Two commands do everything on a fresh Debian machine: `make demo` and `make test`.
# Both create .venv, install argmap with its test tools, and install the system
# Graphviz (`dot`) with apt-get when it is missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := build

.PHONY: demo test docs readme-picture bench setup docs-setup graphviz latex chromium clean help

help:
	@echo "make demo   - set up, then write the sanctuary casebook map, diagrams and briefs to $(BUILD)/"
	@echo "make test   - set up, then run the whole test suite (pytest, doctests, mypy, ruff)"
	@echo "make docs   - set up, then build the documentation site into $(BUILD)/docs (warnings are errors)"
	@echo "make bench  - run the benchmarks (ratios against references measured in the same run)"

setup: $(STAMP) graphviz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,sat]'
	@touch $(STAMP)

# The documentation tools (Sphinx, MyST, furo, ...) are the `docs` extra, installed on demand.
DOCS_STAMP := $(VENV)/.installed-docs

docs-setup: $(DOCS_STAMP)

$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,sat,docs]'
	@touch $(DOCS_STAMP)

# The Python package `graphviz` only calls the `dot` program; install it when missing.
graphviz:
	@if command -v dot >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Graphviz (dot) with apt-get ..."; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	else \
	  echo "argmap needs the Graphviz 'dot' program, which is not installed."; \
	  echo "Install it as root with:  apt-get install graphviz   (macOS: brew install graphviz)"; \
	  exit 1; \
	fi

# pdflatex, so the test that compiles the LaTeX briefs runs (it is skipped without it).
latex:
	@if command -v pdflatex >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing pdflatex (texlive-latex-base) with apt-get ..."; \
	  (DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	   DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	     texlive-latex-base lmodern >/dev/null) || \
	  echo "Could not install pdflatex; the LaTeX compile test will be skipped."; \
	else \
	  echo "pdflatex not found (apt-get install texlive-latex-base); the LaTeX compile test will be skipped."; \
	fi

# Debian's Chromium, so the browser tests of the explorable page and the widget run (they are
# skipped without it).
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium with apt-get (for the browser tests) ..."; \
	  (DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	   DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) || \
	  echo "Could not install Chromium; the browser tests will be skipped."; \
	else \
	  echo "chromium not found (apt-get install chromium); the browser tests will be skipped."; \
	fi

demo: setup
	@mkdir -p $(BUILD)
	$(BIN)/argmap demo -o $(BUILD)

test: setup latex chromium
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q
	$(BIN)/python -m mypy
	$(BIN)/python -m ruff check argmap tests benchmarks examples
	$(BIN)/python -m ruff format --check argmap tests benchmarks examples

# `docs/` is a folder, so this target must be .PHONY. Notebooks and code-cell pages are
# executed during the build; any warning or failing cell fails it.
docs: setup docs-setup
	rm -rf $(BUILD)/docs $(BUILD)/.doctrees
	$(BIN)/python -m sphinx -W --keep-going -b html -d $(BUILD)/.doctrees docs $(BUILD)/docs
	@echo "Open $(BUILD)/docs/index.html"

# The doctrine diagram shown in README.md and on the docs' front page (committed).
readme-picture: setup
	$(BIN)/argmap render casebook:sanctuary -o docs/_static/readme-spending.svg \
	  --doctrine spending --evaluate --legend

bench: setup
	@$(BIN)/python -m pip install --quiet -e '.[bench]' || echo "clingo could not be installed: bench_iccma.py skips its column"
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(BUILD) .pytest_cache .mypy_cache .ruff_cache .hypothesis
