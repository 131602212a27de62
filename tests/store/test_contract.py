"""One contract, every store: LockfileStore, MemoryStore and PostgresStore (a real server) behave alike.

Everything goes through the allocator as a plan run does (``lockfile.from_dict(doc, owner=...)`` /
``to_dict``) and through ``base.transact``.
"""

from __future__ import annotations

import json
import os

import pytest

from constructs_lib.errors import StoreError
from constructs_lib.ipam import lockfile
from constructs_lib.ipam.errors import AlreadyAllocated, NotOwner
from constructs_lib.store import LockfileStore, MemoryStore
from constructs_lib.store.base import Outcome, RetryableStoreError, transact
from constructs_lib.store.postgres import PostgresStore

from .plans import plan_work


@pytest.fixture(params=["lockfile", "memory", "postgres"])
def store(request, tmp_path):
    if request.param == "lockfile":
        return LockfileStore(tmp_path / "ipam.lock.json")
    if request.param == "memory":
        return MemoryStore()
    return PostgresStore(request.getfixturevalue("fresh_pg_url"))


def test_an_empty_store_reads_none(store):
    assert store.read() is None


def test_read_is_the_allocators_document(store):
    got = transact(store, "team-a", plan_work("team-a", ["n1", "n2"]))
    doc = store.read()
    assert doc == lockfile.to_dict(lockfile.from_dict(doc, owner="team-a"))
    assert {k: (a.get("cidr") or a.get("address")) for k, a in doc["allocations"].items()} == got
    assert got["team-a/n1/pods"].startswith("cidrsubnet(cidrsubnet(aws_vpc.shared.ipv6_cidr_block, 8, 0), 16, ")
    assert all(a["owner"] == "team-a" for a in doc["allocations"].values())
    assert doc["networks"]["shared"]["owners"] == ["team-a"]


def test_the_same_plan_twice_gives_the_same_ranges_and_writes_nothing(store):
    first = transact(store, "team-a", plan_work("team-a", ["n1", "n2"]))
    before = store.read()
    with store.session("team-a", "second-run") as s:
        outcome = plan_work("team-a", ["n1", "n2"])(s.snapshot)
        assert s.commit(outcome.document, outcome.reasons) == []
    assert outcome.value == first
    assert store.read() == before


def test_owners_see_everything_and_never_collide(store):
    a = transact(store, "team-a", plan_work("team-a", ["n1", "n2"]))
    b = transact(store, "team-b", plan_work("team-b", ["n1", "n2"]))
    assert not set(a.values()) & set(b.values())
    doc = store.read()
    assert doc["networks"]["shared"]["owners"] == ["team-a", "team-b"]
    assert {k for k, e in doc["allocations"].items() if e["owner"] == "team-a"} == set(a)
    assert {k for k, e in doc["allocations"].items() if e["owner"] == "team-b"} == set(b)
    lockfile.from_dict(doc)  # and the whole namespace is one consistent allocation


def test_another_owners_keys_are_never_stale_nor_pruned(store):
    a = transact(store, "team-a", plan_work("team-a", ["n1", "n2"]))
    transact(store, "team-b", plan_work("team-b", ["n1"], prune=True))  # team-b prunes: team-a's keys are not its own
    assert set(a) <= set(store.read()["allocations"])
    transact(store, "team-a", plan_work("team-a", ["n1"], prune=True))  # team-a drops n2
    doc = store.read()["allocations"]
    assert "team-a/n2/pods" not in doc and "team-a/n1/pods" in doc and "team-b/n1/pods" in doc


def test_releasing_another_owners_key_is_refused(store):
    transact(store, "team-a", plan_work("team-a", ["n1"]))
    before = store.read()

    def release(snapshot):
        ipam = lockfile.from_dict(snapshot, owner="team-b")
        ipam.release("team-a/n1/pods")
        return Outcome(lockfile.to_dict(ipam))

    with pytest.raises(NotOwner, match="belongs to team-a"):
        transact(store, "team-b", release)

    def drop_by_hand(snapshot):  # past the allocator: the store itself refuses
        doc = json.loads(json.dumps(snapshot))
        del doc["allocations"]["team-a/n1/pods"]
        return Outcome(doc)

    with pytest.raises(StoreError, match="allocation team-a/n1/pods: belongs to owner team-a, not to team-b"):
        transact(store, "team-b", drop_by_hand)
    assert store.read() == before


def test_a_differing_super_network_is_refused_naming_its_owners(store):
    transact(store, "team-a", plan_work("team-a", ["n1"]))

    def differ(snapshot):
        ipam = lockfile.from_dict(snapshot, owner="team-b")
        ipam.declare_network("shared", ["10.200.0.0/16", "fd00:1::/48"], default_child_prefix_length={"ipv4": 26, "ipv6": 64})
        return Outcome(lockfile.to_dict(ipam))

    with pytest.raises(AlreadyAllocated, match="declared by team-a"):
        transact(store, "team-b", differ)


def test_one_owner_grows_a_shared_super_network_and_the_other_need_not_follow(store):
    def declare(owner, prefixes):
        def work(snapshot):
            ipam = lockfile.from_dict(snapshot, owner=owner)
            ipam.declare_network("shared", prefixes)
            return Outcome(lockfile.to_dict(ipam))
        return work

    transact(store, "team-a", declare("team-a", ["10.200.0.0/16"]))
    transact(store, "team-b", declare("team-b", ["10.200.0.0/16", "10.201.0.0/16"]))  # joins and grows in one run
    shared = store.read()["networks"]["shared"]
    assert shared["prefixes"] == ["10.200.0.0/16", "10.201.0.0/16"] and shared["owners"] == ["team-a", "team-b"]
    transact(store, "team-a", declare("team-a", ["10.200.0.0/16"]))  # team-a's plan is unchanged: accepted, nothing dropped
    assert store.read()["networks"]["shared"] == shared
    with pytest.raises(AlreadyAllocated, match=r"declared by team-a, team-b with 10.200.0.0/16, 10.201.0.0/16; "
                                               r"this plan \(team-c\) declares none of them \(10.96.0.0/12\)"):
        transact(store, "team-c", declare("team-c", ["10.96.0.0/12"]))  # a typo: not a growth of this network
    assert store.read()["networks"]["shared"] == shared


def test_a_failed_run_leaves_the_store_as_it_was(store):
    transact(store, "team-a", plan_work("team-a", ["n1"]))
    before = store.read()
    with pytest.raises(RuntimeError):
        transact(store, "team-a", plan_work("team-a", ["n1", "n2", "n3"], fail_after=True))
    assert store.read() == before


def test_a_run_that_lost_a_race_is_retried(store):
    attempts = []

    def flaky(snapshot):
        attempts.append(snapshot)
        if len(attempts) == 1:
            raise RetryableStoreError("serialization failure (simulated)")
        return plan_work("team-a", ["n1"])(snapshot)

    got = transact(store, "team-a", flaky, base_delay=0.001)
    assert len(attempts) == 2 and store.read()["allocations"]["team-a/n1/ipv4"]["address"] == got["team-a/n1/ipv4"]


def test_commit_reports_changes_with_reasons(store):
    transact(store, "team-a", plan_work("team-a", ["n1", "n2"]))
    with store.session("team-a", "r") as s:
        outcome = plan_work("team-a", ["n1"], prune=True)(s.snapshot)
        found = s.commit(outcome.document, outcome.reasons)
    assert sorted((c.table, c.key, c.reason) for c in found) == [
        ("allocation", "team-a/n2/ipv4", "prune"), ("allocation", "team-a/n2/ipv6", "prune"), ("allocation", "team-a/n2/pods", "prune")]


def test_the_change_log_or_where_history_is(store):
    transact(store, "team-a", plan_work("team-a", ["n1"]))
    if isinstance(store, PostgresStore):
        log = store.log()
        assert {(e.table, e.key, e.reason) for e in log} >= {("allocation", "team-a/n1/pods", "allocate"), ("network", "shared", "allocate")}
        assert all(e.owner == "team-a" and e.before is None for e in log)
        assert [e.key for e in store.log(key="team-a/n1/ipv4")] == ["team-a/n1/ipv4"]
        assert store.log(owner="team-b") == []
    else:
        with pytest.raises(StoreError, match="change log"):
            store.log()


def test_the_repo_lock_round_trips(store):
    lock = json.loads(open(os.path.join(os.path.dirname(__file__), "..", "..", "ipam.lock.json")).read())
    transact(store, "plan", lambda snapshot: Outcome(lock, reasons={k: "import" for k in lock["allocations"]}))
    assert store.read() == lock
