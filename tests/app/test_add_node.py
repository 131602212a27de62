"""Adding one node changes that node's resources and lock entries, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .conftest import run_main, scratch_project


def flatten(value, path=()):
    """Every leaf of a JSON document as (path, value)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from flatten(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from flatten(v, path + (i,))
    else:
        yield path, value


def leaves(path: Path) -> dict:
    return dict(flatten(json.loads(path.read_text())))


def grow(project: Path) -> None:
    plan = yaml.safe_load((project / "plan.yaml").read_text())
    plan["sites"]["os-fra"]["openstack"]["workers"].append("worker-3")
    plan["sites"]["aws-poc"]["aws"]["vms"].append("node-4")
    (project / "plan.yaml").write_text(yaml.safe_dump(plan, sort_keys=False))


def test_one_more_node_only_adds(default_synth, tmp_path):
    grown = scratch_project(tmp_path / "grown")
    grow(grown)
    r = run_main(grown)
    assert r.returncode == 0, r.stderr
    assert "moved" in r.stderr and " 0 moved" in r.stderr

    # the lock: only new keys, every old entry byte for byte the same
    old_lock = json.loads((default_synth / "ipam.lock.json").read_text())
    new_lock = json.loads((grown / "ipam.lock.json").read_text())
    for section in ("networks", "allocations"):
        for key, entry in old_lock[section].items():
            assert new_lock[section][key] == entry, key
        added = set(new_lock[section]) - set(old_lock[section])
        assert all("worker-3" in k or "node-4" in k for k in added), added
    assert {k for k in set(new_lock["allocations"]) - set(old_lock["allocations"])} >= {
        "os-fra/k8s-nodes/worker-3/ipv4", "os-fra/k8s-nodes/worker-3/ipv6", "os-fra/k8s/pods/worker-3", "aws-poc/vm/node-4"}

    # the stacks: nothing removed or changed; every added or changed leaf belongs to the new node
    for stack, node in (("os-fra", "worker-3"), ("aws-poc", "node-4")):
        doc_after = json.loads((grown / "cdktf.out" / "stacks" / stack / "cdk.tf.json").read_text())
        before = leaves(default_synth / "cdktf.out" / "stacks" / stack / "cdk.tf.json")
        after = leaves(grown / "cdktf.out" / "stacks" / stack / "cdk.tf.json")
        assert set(before) <= set(after), set(before) - set(after)
        changed = [p for p in before if before[p] != after[p]]
        added = [p for p in after if p not in before]
        assert added, stack
        assert not changed, changed  # nothing that existed changes
        for p in added:
            # the smallest new element holding this leaf (a resource, a for_each entry, a list item
            # of an output document) must belong to the new node
            i = next(i for i in range(1, len(p) + 1) if not any(q[:i] == p[:i] for q in before))
            element = subtree(doc_after, p[:i])
            text = json.dumps([p[:i], element])
            assert node in text or node.replace("-", "_") in text, (stack, p[:i])  # logical ids use _


def subtree(doc, path):
    for part in path:
        doc = doc[part]
    return doc
