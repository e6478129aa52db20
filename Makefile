# newsgraph — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SHARED ?= ../shared

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: install
	$(BIN)/newsgraph digest src/newsgraph/examples/harbour_strike.txt --published 2026-03-12
	@demo=$$(mktemp -d) && trap 'rm -rf "$$demo"' EXIT && \
	$(BIN)/newsgraph ingest src/newsgraph/examples/harbour_strike.txt src/newsgraph/examples/corpus \
		--db "$$demo/news.sqlite" --published 2026-03-12 --jobs 1 && \
	$(BIN)/newsgraph stories --db "$$demo/news.sqlite" --limit 1 && \
	$(BIN)/newsgraph actor "Tomas Rieder" --db "$$demo/news.sqlite"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m benchmarks --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
