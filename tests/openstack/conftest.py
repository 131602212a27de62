"""Shared helpers for the OpenStack tests: synthesize a stack to JSON, diff two syntheses."""

from __future__ import annotations

import json
import os

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


@pytest.fixture(scope="module")
def synth():
    return synth_json


@pytest.fixture(scope="module")
def diff():
    return changed_paths
