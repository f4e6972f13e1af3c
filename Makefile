# One command per dev loop. `make test` is what CI runs (.ci/run).
VENV ?= .venv
PY := $(VENV)/bin/python
Q ?= 2025年上半年全国登记了多少技术合同？
SIZES ?= 5,1000,10000

.PHONY: setup ask index test eval lint format bench bench-stores clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	python3 -m pip install -q --disable-pip-version-check uv
	test -x $(PY) || python3 -m uv venv -q $(VENV) --python python3
	python3 -m uv pip sync -q --compile-bytecode --python $(PY) requirements.lock
	python3 -m uv pip install -q --python $(PY) --no-deps -e .
	$(PY) -m compileall -q assistant  # bytecode ahead of time: a cold start parses nothing
	touch $@

ask: setup  ## answer one question offline: make ask Q="…"
	$(VENV)/bin/assistant ask "$(Q)"

index: setup
	$(VENV)/bin/assistant index

test: setup
	$(PY) -m pytest

eval: setup  ## the eval gate: fails when a metric regresses or prompts/ changed
	$(VENV)/bin/assistant eval

lint: setup
	$(VENV)/bin/ruff check assistant tests benchmarks
	$(VENV)/bin/ruff format --check assistant tests benchmarks

format: setup
	$(VENV)/bin/ruff check --fix assistant tests benchmarks
	$(VENV)/bin/ruff format assistant tests benchmarks

bench: setup  ## about 25 minutes; a quick look: make bench SIZES=5,200
	$(PY) benchmarks/bench.py --sizes $(SIZES)

bench-stores: setup  ## both stores (default and Milvus Lite) at 1,000 and 10,000 documents: about 25 minutes
	$(PY) benchmarks/bench_stores.py

lock:
	python3 -m uv pip compile pyproject.toml --extra dev --extra bench --extra e5 --extra milvus -o requirements.lock --python-version 3.11

clean:
	rm -rf .assistant .pytest_cache
