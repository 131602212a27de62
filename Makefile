# Two commands set everything up on a fresh machine:
#   make synth   create the environment and synthesize the default plan into cdktf.out/
#   make test    create the environment and run the tests (what CI runs: .ci/run)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# jsii's end-of-life banner for Node 20, and the cdktf CLI's telemetry: both off
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CHECKPOINT_DISABLE := 1

.PHONY: synth plan test bench env clean

env: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# the cdktf CLI pinned in package.json (npx cdktf synth / diff / deploy)
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# env, not only the venv: after `make synth` the README's `npx cdktf ...` commands work too
synth: env
	$(BIN)/python main.py

plan: $(VENV)/.installed
	$(BIN)/dualstack plan

test: env
	$(BIN)/python -m pytest -q

bench: env
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python bench/bench_ipam.py
	$(BIN)/python bench/bench_synth.py
	$(BIN)/python bench/bench_aws.py
	$(BIN)/python bench/bench_store.py

clean:
	rm -rf cdktf.out .pytest_cache
