# Lagebild — every target creates what it needs (the venv and packages) itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test bench lint clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[api,dask,dev]"
	touch $(STAMP)

# the main job: analyse the bundled example articles into an embedded DuckDB store, show what it
# holds and write the situation report (re-running is idempotent: nothing is stored twice)
run: $(STAMP)
	mkdir -p out
	$(BIN)/lagebild ingest examples/articles.jsonl --db out/lagebild.duckdb
	$(BIN)/lagebild stats --db out/lagebild.duckdb
	$(BIN)/lagebild report --db out/lagebild.duckdb --out out/report.html

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_throughput.py
	$(BIN)/python benchmarks/bench_kb.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_api.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
