"""Shared helpers for the OpenStack tests: synthesize a stack to JSON, diff two syntheses."""

from __future__ import annotations

import json
import os
import re

import pytest

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("CHECKPOINT_DISABLE", "1")


def synth_json(stack) -> dict:
    from constructs_lib.engine import Testing

    return json.loads(Testing.synth(stack))


def changed_paths(old, new, path: str = "") -> list[str]:
    """Paths present in ``old`` whose value differs in (or vanished from) ``new``; additions are fine."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for k, v in old.items():
            if k not in new:
                out.append(f"{path}/{k} removed")
            else:
                out += changed_paths(v, new[k], f"{path}/{k}")
        return out
    if old != new:
        return [f"{path}: {old!r} -> {new!r}"]
    return []


# -- for_each instances, as Terraform evaluates them ------------------------------------------------
_LOOKUP = re.compile(r'^\$\{lookup\(each\.value, "(\w+)", (null|"[^"]*")\)\}$')
_MERGE = re.compile(r'^\$\{merge\(\{(.*)\}, lookup\(each\.value, "(\w+)", \{\}\)\)\}$')
_VALUE = re.compile(r"^\$\{each\.value\.(\w+)\}$")


def _eval(node, key: str, value):
    """One instance's body: ``each.key`` / ``each.value.x`` / ``lookup(each.value, "x", null)`` and
    dynamic blocks resolved; null attributes dropped. Anything else naming ``each.`` is an error,
    so a template this helper does not understand cannot pass a test by accident."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "dynamic":
                for block, d in v.items():
                    items = _eval(d["for_each"], key, value)
                    it = d.get("iterator", block)
                    out[block] = [_eval_iter(d["content"], it, item) for item in items]
                continue
            ev = _eval(v, key, value)
            if ev is not None:
                out[k] = ev
        return out
    if isinstance(node, list):
        return [_eval(v, key, value) for v in node]
    if isinstance(node, str) and "each." in node:
        if node == "${each.key}":
            return key
        if node == "${each.value}":
            return value
        m = _VALUE.match(node) or None
        if m:
            return value[m.group(1)]
        m = _LOOKUP.match(node)
        if m:
            return value.get(m.group(1), None if m.group(2) == "null" else json.loads(m.group(2)))
        m = _MERGE.match(node)
        if m:
            shared = json.loads("{" + re.sub(r'("[^"]*") = ', r"\1: ", m.group(1)) + "}")
            return {**shared, **value.get(m.group(2), {})}
        text = node.replace("[each.key]", f'["{key}"]').replace("${each.key}", key)
        if "each." in text:
            raise AssertionError(f"template not understood by the test helper: {node}")
        return text
    return node


def _eval_iter(node, iterator: str, item):
    if isinstance(node, dict):
        return {k: _eval_iter(v, iterator, item) for k, v in node.items()}
    if isinstance(node, str) and node == "${" + iterator + ".value}":
        return item
    if isinstance(node, str) and iterator + "." in node:
        raise AssertionError(f"dynamic content not understood by the test helper: {node}")
    return node


def instances(resources: dict) -> dict:
    """``name`` or ``name["key"]`` -> body, for every resource (for_each expanded) of one type."""
    out = {}
    for name, body in resources.items():
        fe = body.get("for_each")
        rest = {k: v for k, v in body.items() if k not in ("for_each", "//")}
        if fe is None:
            out[name] = rest
            continue
        assert isinstance(fe, dict), f"{name}: for_each over {fe!r}; expand the source resource instead"
        for key, value in fe.items():
            out[f'{name}["{key}"]'] = _eval(rest, key, value)
    return out


@pytest.fixture(scope="module")
def expand():
    return instances


@pytest.fixture(scope="module")
def synth():
    return synth_json


@pytest.fixture(scope="module")
def diff():
    return changed_paths
