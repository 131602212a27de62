# Two commands set everything up on a fresh machine:
#   make synth   create the environment and synthesize the default plan into cdktf.out/
#   make test    create the environment and run the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CHECKPOINT_DISABLE := 1

.PHONY: synth test bench env clean

env: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

synth: env
	$(BIN)/python main.py

test: env
	$(BIN)/python -m pytest -q

bench: env
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python bench/bench_ipam.py

clean:
	rm -rf cdktf.out .pytest_cache
