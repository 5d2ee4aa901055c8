# Set-up always takes the CPU torch wheel first, so nothing pulls a multi-GB CUDA build.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: app test setup setup-dev lint audit bench bench-smoke bench-cleaner train-cleaner load

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[app,offline,fast]'

setup-dev: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[app,offline,fast,ray,dev]'

app: setup
	$(BIN)/python app.py

test: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint: setup-dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy summarise && $(BIN)/lint-imports

audit: setup-dev
	$(BIN)/python .ci/audit.py

bench: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/run.py

bench-cleaner: setup-dev
	$(BIN)/python benchmarks/cleaner.py --baselines

train-cleaner: setup-dev
	$(BIN)/python training/train_cleaner.py --cv 4

bench-smoke: setup-dev
	mkdir -p test-artifacts
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/run.py --tiny --output test-artifacts/bench-smoke.md

load: setup-dev
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/load.py --users 32 --seconds 60
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/load.py --users 8 --seconds 120 --full
