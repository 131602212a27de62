"""documents.py: one owner's view of a document, and merging a lock into a store (pure Python)."""

import copy
import json
from pathlib import Path

import pytest

from constructs_lib.ipam import Ipam, lockfile
from constructs_lib.store import documents

ROOT = Path(__file__).resolve().parents[2]


def two_owner_document():
    a = Ipam(owner="team-a")
    a.create_network("shared", ["10.200.0.0/16", "fd00:1::/48"], default_child_prefix_length={"ipv4": 24, "ipv6": 64})
    a.declare_network("shared", ["10.200.0.0/16", "fd00:1::/48"], default_child_prefix_length={"ipv4": 24, "ipv6": 64})
    net = a.allocate_network("shared", "a/nodes")
    a.acquire_ip(net.id, "a/nodes/n1/ipv4")
    a.acquire_prefix("shared", "a/pods/n1", family="ipv6", length=80)
    b = lockfile.from_dict(lockfile.to_dict(a), owner="team-b")
    b.declare_network("shared", ["10.200.0.0/16", "fd00:1::/48"], default_child_prefix_length={"ipv4": 24, "ipv6": 64})
    b.acquire_prefix("shared", "b/pods/n1", family="ipv6", length=80)
    b.acquire_ip(net.id, "b/in-a-net")  # team-b's address inside team-a's child network
    b.create_network("b-only", ["192.168.0.0/24"])
    return lockfile.to_dict(b), net.id


def test_project_is_exactly_one_owners_part():
    doc, a_net = two_owner_document()
    a = documents.project(doc, "team-a")
    assert sorted(a["allocations"]) == ["a/nodes/n1/ipv4", "a/pods/n1"]
    assert sorted(a["networks"]) == sorted([a_net, "shared"])
    b = documents.project(doc, "team-b")
    assert sorted(b["allocations"]) == ["b/in-a-net", "b/pods/n1"]
    # the networks team-b's keys hang from, team-a's child network included, and what team-b declares
    assert sorted(b["networks"]) == sorted([a_net, "shared", "b-only"])
    assert b["networks"][a_net] == doc["networks"][a_net]
    # a super network an owner declares lists that owner alone: its lock does not change when others join
    assert a["networks"]["shared"]["owners"] == ["team-a"] and b["networks"]["shared"]["owners"] == ["team-b"]
    assert {k: v for k, v in a["networks"]["shared"].items() if k != "owners"} == {
        k: v for k, v in doc["networks"]["shared"].items() if k != "owners"}
    assert documents.project(doc, "nobody") == documents.empty_document()
    lockfile.from_dict(a)  # each view is a lock the allocator rebuilds
    lockfile.from_dict(b)


def test_project_of_the_repo_lock_for_its_owner_is_the_lock():
    lock = json.loads((ROOT / "ipam.lock.json").read_text())
    assert documents.project(lock, "plan") == lock


def test_import_into_empty_store_relabels_a_plain_lock():
    lock = json.loads((ROOT / "ipam.lock.json").read_text())
    merged, conflicts, _ = documents.merge(None, lock, "team-a")
    assert conflicts == []
    assert all(a["owner"] == "team-a" for a in merged["allocations"].values())
    assert all(e.get("owners") == ["team-a"] for e in merged["networks"].values() if "parent" not in e)
    assert {k: {x: y for x, y in v.items() if x != "owner"} for k, v in merged["allocations"].items()} == lock["allocations"]
    again, conflicts, _ = documents.merge(merged, lock, "team-a")
    assert conflicts == [] and again == merged  # importing twice changes nothing


def test_identical_super_network_is_joined():
    lock = json.loads((ROOT / "ipam.lock.json").read_text())
    store = documents.merge(None, {"format": lock["format"], "networks": {"os-fra-nodes": lock["networks"]["os-fra-nodes"]}}, "team-a").document
    merged, conflicts, _ = documents.merge(store, lock, "team-b")
    assert conflicts == []
    assert merged["networks"]["os-fra-nodes"]["owners"] == ["team-a", "team-b"]


def plain(lock):
    """A lock as a repository without a store has it: no owner anywhere."""
    lock = copy.deepcopy(lock)
    for e in list(lock["networks"].values()) + list(lock["allocations"].values()):
        e.pop("owners", None)
        e.pop("owner", None)
    return lock


def test_conflicts_one_line_each_naming_both_sides():
    doc, a_net = two_owner_document()
    # a third team's lock made independently: team-a's keys, one at another range, and a differing super network
    other = plain(documents.project(doc, "team-a"))
    other["networks"]["shared"]["default_child_prefix_length"] = {"ipv4": 26, "ipv6": 64}
    other["allocations"]["a/pods/n1"]["cidr"] = "fd00:1:0:2::/80"
    _, conflicts, _ = documents.merge(doc, other, "team-c")
    assert len(conflicts) == 4, conflicts
    assert any("networks.shared: declared differently by team-a, team-b in the store" in c and "by team-c in the lock" in c for c in conflicts)
    assert f"lock: networks.{a_net} (key a/nodes): the store holds it for owner team-a, not team-c; a key has one owner" in conflicts
    assert "lock: allocations.a/pods/n1: the store holds fd00:1:0:1::/80 in shared (owner team-a), the lock fd00:1:0:2::/80 in shared" in conflicts
    assert f"lock: allocations.a/nodes/n1/ipv4: the store holds 10.200.0.1 in {a_net} for owner team-a, not team-c; a key has one owner" in conflicts


def test_overlaps_under_one_parent_one_line_each():
    doc, a_net = two_owner_document()
    lock = {"format": doc["format"], "networks": {"shared": {k: v for k, v in doc["networks"]["shared"].items() if k != "owners"}},
            "allocations": {
                "c/x": {"network": "shared", "cidr": "fd00:1::/96"},        # inside team-a's child network
                "c/y": {"network": "shared", "cidr": "fd00:1:0:1::/96"},    # inside team-a's /80
                "c/z": {"network": "shared", "cidr": "fd00:1:0:9::/64"},    # free
            }}
    _, conflicts, _ = documents.merge(doc, lock, "team-c")
    assert conflicts == [
        f"lock: allocations.c/x fd00:1::/96 (owner team-c) overlaps networks.{a_net} fd00:1::/64 (owner team-a) in network shared",
        "lock: allocations.c/y fd00:1:0:1::/96 (owner team-c) overlaps allocations.a/pods/n1 fd00:1:0:1::/80 (owner team-a) in network shared",
    ]
    lock["allocations"] = {"c/z": lock["allocations"]["c/z"]}
    merged, conflicts, _ = documents.merge(doc, lock, "team-c")
    assert conflicts == [] and merged["allocations"]["c/z"]["owner"] == "team-c"
    assert merged["networks"]["shared"]["owners"] == ["team-a", "team-b", "team-c"]


def test_super_prefix_overlap_is_a_conflict():
    doc, _ = two_owner_document()
    lock = {"format": doc["format"], "networks": {"mine": {"prefixes": ["10.200.128.0/17"]}}, "allocations": {}}
    _, conflicts, _ = documents.merge(doc, lock, "team-c")
    assert conflicts == ["lock: networks.mine 10.200.128.0/17 (owners team-c) overlaps networks.shared 10.200.0.0/16 (owners team-a, team-b) among super networks"]


def test_entries_of_another_owner_are_not_taken():
    """Another team's entries (an old export of its lock) are that team's to import, never another's."""
    doc, _ = two_owner_document()
    lock = documents.project(doc, "team-b")
    _, conflicts, _ = documents.merge(None, lock, "team-c")
    assert conflicts and all("import it with --owner" in c for c in conflicts)


def test_a_repositorys_lock_with_plan_and_cli_keys_imports_in_one_run():
    """The plan's keys (no owner in the lock) become the importer's; what `dualstack ipam` made stays cli's."""
    from constructs_lib.ipam import Ipam

    plan = Ipam()  # owner "plan": what a plan without owner: leaves
    plan.create_network("site-nodes", ["10.20.0.0/24"])
    plan.acquire_ip("site-nodes", "site/nodes/worker-0/ipv4")
    ops = lockfile.from_dict(lockfile.to_dict(plan), owner="cli")
    ops.acquire_ip("site-nodes", "ops/bastion")
    lock = lockfile.to_dict(ops)
    merged, conflicts, _ = documents.merge(None, lock, "team-a")
    assert conflicts == []
    assert merged["allocations"]["site/nodes/worker-0/ipv4"]["owner"] == "team-a"
    assert merged["allocations"]["ops/bastion"]["owner"] == "cli"
    assert merged["networks"]["site-nodes"]["owners"] == ["team-a"]
    merged_again, conflicts, _ = documents.merge(merged, lock, "team-a")  # importing twice changes nothing
    assert conflicts == [] and merged_again == merged


def test_vrf_range_and_ula_conflicts():
    base = {"format": lockfile.FORMAT, "networks": {}, "allocations": {}, "ula": {"x": "fd12:3456:789a::/48"}}
    lock = {"format": lockfile.FORMAT, "networks": {}, "allocations": {}, "ula": {"x": "fd00:1:2::/48"}, "vrf_range": [100, 200]}
    _, conflicts, _ = documents.merge(base, lock, "team-a")
    assert conflicts == ["lock: vrf_range: the lock has [100, 200], the store [20, 16777215]",
                         "lock: ula.x: the lock pins fd00:1:2::/48, the store fd12:3456:789a::/48"]


def test_vrf_ids_taken_in_the_store_are_renumbered_once():
    doc, a_net = two_owner_document()  # team-a's child network holds VRF 20
    lock = json.loads((ROOT / "ipam.lock.json").read_text())  # VRFs 20..34
    merged, conflicts, renumbered = documents.merge(doc, lock, "team-c")
    assert conflicts == [] and len(renumbered) == 1 and "vrf 20 is network " + a_net + "'s in the store; now vrf 35" in renumbered[0]
    vrfs = [e["vrf"] for e in merged["networks"].values() if "vrf" in e]
    assert len(vrfs) == len(set(vrfs)) and merged["networks"][a_net]["vrf"] == 20
    lockfile.from_dict(merged)
    again = documents.merge(merged, lock, "team-c")
    assert again.conflicts == [] and again.renumbered == [] and again.document == merged


def test_the_store_itself_lets_an_import_create_only_the_importers_and_clis_entries():
    from constructs_lib.errors import StoreError
    from constructs_lib.store.base import changes

    doc, _ = two_owner_document()
    key = next(k for k, a in doc["allocations"].items() if a.get("owner") == "team-b")
    only = {**doc, "allocations": {key: doc["allocations"][key]}}
    with pytest.raises(StoreError, match=f"allocation {key}: created for owner.s. team-b by a run of owner team-a"):
        changes({**doc, "allocations": {}}, only, "team-a", {key: "import"})
    as_cli = {**only, "allocations": {key: {**doc["allocations"][key], "owner": "cli"}}}
    assert [c.key for c in changes({**doc, "allocations": {}}, as_cli, "team-a", {key: "import"})] == [key]
    with pytest.raises(StoreError, match="created for owner.s. cli by a run of owner team-a"):
        changes({**doc, "allocations": {}}, as_cli, "team-a", {})  # not an import: refused
