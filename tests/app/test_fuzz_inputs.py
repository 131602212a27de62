"""Fuzzing the plan and lock loaders (issue 11 item 2): whatever the bytes, one ``DualstackError``, never a traceback.

Bounded: a few hundred examples per loader, no deadline per example, so CI spends seconds here.
Three kinds of input: raw bytes, YAML/JSON text built from a grammar of nasty pieces, and the
shipped plan and lock with random parts replaced by random values (the shapes a hand edit makes).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from constructs_lib.app.pipeline import allocate
from constructs_lib.app.plan_file import load_plan, parse_plan
from constructs_lib.errors import DualstackError
from constructs_lib.ipam import from_dict
from constructs_lib.store import LockfileStore

from .conftest import ROOT

PLAN = yaml.safe_load((ROOT / "plan.yaml").read_text())
LOCK = json.loads((ROOT / "ipam.lock.json").read_text())
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40), st.floats(allow_nan=True),
    st.text(max_size=40), st.sampled_from(["10.0.0.0/8", "fe80::%eth0/64", "FD00::/64", "2001:db8::1/64", "::/0", "ipv4", "IPv6",
                                           "v6fromNode", "cidrsubnet(x, 8, 1)", "${var.x}", "-1", "1e309", "\x00", "a/b", " "]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                      max_leaves=12)
pieces = st.lists(st.sampled_from(["a: ", "- ", "[", "]", "{", "}", ": ", "&a ", "*a ", "!!python/object ", "!!binary ", "\t", "\n",
                                   "  ", "'", '"', "? ", "9" * 50, "<<: *a\n", "%YAML 1.2\n", "---\n", "...\n", "#", "\\u0000"]), max_size=40)


def _paths(doc, prefix=()):
    """Every (path) inside a nested plan or lock, to pick one to replace."""
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, prefix + (i,))


def _replace(doc, path, value):
    doc = copy.deepcopy(doc)
    if not path:
        return value
    node = doc
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value
    return doc


PLAN_PATHS = list(_paths(PLAN))
LOCK_PATHS = list(_paths(LOCK))


def _plan_loads(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    try:
        load_plan(path)
    except DualstackError:
        return


def _lock_loads(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "ipam.lock.json"
    path.write_bytes(data)
    try:
        from_dict(LockfileStore(path).read(), where=str(path))
    except DualstackError:
        return


@FUZZ
@given(st.binary(max_size=300))
def test_plan_loader_bytes(tmp_path, data):
    _plan_loads(tmp_path, data)


@FUZZ
@given(pieces)
def test_plan_loader_yaml_pieces(tmp_path, parts):
    _plan_loads(tmp_path, "".join(parts).encode())


@FUZZ
@given(st.sampled_from(PLAN_PATHS), values)
def test_plan_with_a_part_replaced(path, value):
    """A hand edit of the shipped plan: validation, and where it holds, planning, refuse with lines only."""
    try:
        plan, clusters = parse_plan(_replace(PLAN, path, value))
        allocate(plan, clusters, from_dict(LOCK))
    except DualstackError:
        return


@FUZZ
@given(st.binary(max_size=300))
def test_lock_loader_bytes(tmp_path, data):
    _lock_loads(tmp_path, data)


@FUZZ
@given(st.sampled_from(LOCK_PATHS), values)
def test_lock_with_a_part_replaced(tmp_path, path, value):
    _lock_loads(tmp_path, json.dumps(_replace(LOCK, path, value)).encode())
