# Targets match the README. `make demo` and `make test` work on a fresh machine: they create .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test lint bench bench-smoke eval clean

$(BIN)/graphtool: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: $(BIN)/graphtool
	$(BIN)/graphtool build examples --store $(OUT)/store
	$(BIN)/graphtool stats --store $(OUT)/store
	$(BIN)/graphtool report community Чернівці --store $(OUT)/store --format md -o $(OUT)/chernivtsi.md
	$(BIN)/graphtool map --store $(OUT)/store -o $(OUT)/map.html
	@echo "open $(OUT)/map.html and $(OUT)/chernivtsi.md"

test: $(BIN)/graphtool
	$(BIN)/pytest

lint: $(BIN)/graphtool
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

eval: $(BIN)/graphtool
	PATH=$(abspath $(BIN)):$$PATH ../shared/eval/run.sh -v
	PATH=$(abspath $(BIN)):$$PATH tests/corpus_gold/run.sh dev
	PATH=$(abspath $(BIN)):$$PATH tests/corpus_gold/run.sh locked

bench: $(BIN)/graphtool
	$(BIN)/python -m bench.run

bench-smoke: $(BIN)/graphtool
	$(BIN)/python -m bench.run --smoke --out $(OUT)/bench-smoke

clean:
	rm -rf $(OUT) build dist *.egg-info
