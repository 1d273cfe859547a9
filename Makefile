# Targets match the README. `make demo` and `make test` work on a fresh machine: they create .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test lint bench bench-smoke eval fuzz clean

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

# Property-based tests of every loader through the build: 10,000 generated documents per loader
# (FUZZ_EXAMPLES=N for another count). `make test` runs the same tests with a few cases each.
FUZZ_EXAMPLES ?= 10000
fuzz: $(BIN)/graphtool
	GRAPHTOOL_FUZZ_PROFILE=fuzz GRAPHTOOL_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q tests/test_fuzz.py

lint: $(BIN)/graphtool
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

eval: $(BIN)/graphtool
	PATH=$(abspath $(BIN)):$$PATH ../shared/eval/run.sh -v
	PATH=$(abspath $(BIN)):$$PATH tests/corpus_gold/run.sh dev
	PATH=$(abspath $(BIN)):$$PATH tests/corpus_gold/run.sh locked
	PATH=$(abspath $(BIN)):$$PATH tests/corpus_gold/run.sh locked2
	PATH=$(abspath $(BIN)):$$PATH tests/corpus_gold/run.sh locked3
	PATH=$(abspath $(BIN)):$$PATH DOCS=tests/twin/dev/docs GOLD=tests/twin/dev/gold ../shared/eval/run.sh
	PATH=$(abspath $(BIN)):$$PATH DOCS=tests/twin/locked/docs GOLD=tests/twin/locked/gold ../shared/eval/run.sh
	PATH=$(abspath $(BIN)):$$PATH DOCS=tests/twin2/dev/docs GOLD=tests/twin2/dev/gold ../shared/eval/run.sh
	PATH=$(abspath $(BIN)):$$PATH DOCS=tests/twin2/locked/docs GOLD=tests/twin2/locked/gold ../shared/eval/run.sh

bench: $(BIN)/graphtool
	$(BIN)/python -m bench.run

bench-smoke: $(BIN)/graphtool
	$(BIN)/python -m bench.run --smoke --out $(OUT)/bench-smoke

clean:
	rm -rf $(OUT) build dist *.egg-info
