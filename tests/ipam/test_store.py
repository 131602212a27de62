import json
import multiprocessing
import os
import time

import pytest

from constructs_lib.ipam import NoPrefixAvailable
from constructs_lib.store import LockfileStore, MemoryStore, StoreError, transaction


def seed(store):
    with transaction(store) as ipam:
        ipam.create_network("n", ["10.0.0.0/24", "fd00::/64"])
        ipam.acquire_prefix("n", "a", family="ipv4", length=26)


def test_lock_is_sorted_stable_json(tmp_path):
    store = LockfileStore(tmp_path / "ipam.lock.json")
    seed(store)
    text = (tmp_path / "ipam.lock.json").read_text()
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    mtime = os.stat(tmp_path / "ipam.lock.json").st_mtime_ns
    with transaction(store) as ipam:
        ipam.acquire_prefix("n", "a", family="ipv4", length=26)  # nothing new
    assert os.stat(tmp_path / "ipam.lock.json").st_mtime_ns == mtime  # unchanged file is not rewritten


def test_failed_transaction_writes_nothing(tmp_path):
    store = LockfileStore(tmp_path / "ipam.lock.json")
    seed(store)
    before = (tmp_path / "ipam.lock.json").read_bytes()
    with pytest.raises(NoPrefixAvailable):
        with transaction(store) as ipam:
            ipam.acquire_prefix("n", "b", family="ipv4", length=25)  # fine on its own...
            ipam.acquire_prefix("n", "c", family="ipv4", length=25)  # ...but this fails: nothing is written
    assert (tmp_path / "ipam.lock.json").read_bytes() == before


def test_crash_mid_write_keeps_previous_lock(tmp_path, monkeypatch):
    store = LockfileStore(tmp_path / "ipam.lock.json")
    seed(store)
    before = (tmp_path / "ipam.lock.json").read_bytes()

    def boom(*a, **k):
        raise OSError("disk pulled")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        with transaction(store) as ipam:
            ipam.acquire_prefix("n", "b", family="ipv4", length=26)
    assert (tmp_path / "ipam.lock.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ipam.lock.json"]  # no temporary left behind


def _hold(path, ready, seconds):
    with LockfileStore(path).locked():
        ready.set()
        time.sleep(seconds)


def test_two_runs_cannot_both_hold_the_lock(tmp_path):
    path = tmp_path / "ipam.lock.json"
    ready = multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold, args=(path, ready, 1.5))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(StoreError, match="another run holds it"):
            with LockfileStore(path, wait_seconds=0.2).locked():
                pass
        start = time.monotonic()
        with LockfileStore(path, wait_seconds=10).locked():  # waits for the holder, then gets it
            assert time.monotonic() - start > 0.3
    finally:
        holder.join()


def _append(path, key):
    with transaction(LockfileStore(path, wait_seconds=30)) as ipam:
        ipam.acquire_prefix("n", key, family="ipv6", length=80)


def test_concurrent_writers_serialize(tmp_path):
    path = tmp_path / "ipam.lock.json"
    seed(LockfileStore(path))
    procs = [multiprocessing.Process(target=_append, args=(path, f"w{i}")) for i in range(6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    data = json.loads(path.read_text())
    assert {k for k in data["allocations"]} == {"a"} | {f"w{i}" for i in range(6)}  # no lost update
    assert len({e["cidr"] for e in data["allocations"].values()}) == 7


def test_bad_lock_is_one_line(tmp_path):
    path = tmp_path / "ipam.lock.json"
    path.write_text("{not json")
    with pytest.raises(StoreError, match=r"not valid JSON \(line 1"):
        with transaction(LockfileStore(path)):
            pass
    path.write_text(json.dumps({"format": "other/9"}))
    with pytest.raises(Exception, match="format 'other/9'"):
        with transaction(LockfileStore(path)):
            pass


def test_memory_store_behind_the_same_seam():
    store = MemoryStore()
    seed(store)
    with transaction(store) as ipam:
        assert ipam.get("a").cidr == "10.0.0.0/26"


def test_a_lock_with_its_own_vrf_range_reads_back(tmp_path):
    from constructs_lib.ipam import Ipam, from_dict
    from constructs_lib.ipam.lockfile import to_dict

    document = to_dict(Ipam(vrf_range=(100, 200)))
    assert document["vrf_range"] == [100, 200]
    reread = json.loads(json.dumps(document))  # as a lock file holds it: a JSON list
    assert from_dict(reread).vrf_range == (100, 200)
    for bad in ([1], [5, 2], [1, 2, 3]):
        with pytest.raises(StoreError, match=r"vrf_range: .* must be \[low, high\]"):
            from_dict(dict(reread, vrf_range=bad))


def test_one_family_spelled_twice_is_refused():
    from constructs_lib.ipam import Ipam, IpamError

    with pytest.raises(IpamError, match="ipv4 given twice"):
        Ipam().declare_network("n", ["10.0.0.0/8"], default_child_prefix_length={"ipv4": 22, "IPv4": 23})


def test_a_super_networks_owners_in_a_lock_are_checked():
    from constructs_lib.ipam import Ipam, from_dict
    from constructs_lib.ipam.lockfile import to_dict

    ipam = Ipam()
    ipam.create_network("n", ["10.0.0.0/8"], owners=["team-b", "team-a"])
    document = to_dict(ipam)
    assert document["networks"]["n"]["owners"] == ["team-a", "team-b"]
    document["networks"]["n"]["owners"] = ["team-a", "x; DROP TABLE"]
    with pytest.raises(StoreError, match=r"network n: owners\[1\]: 'x; DROP TABLE' must be letters"):
        from_dict(document)


def test_a_prune_stops_at_another_owners_key_naming_who_releases_it():
    from constructs_lib.ipam import Ipam, NotOwner, from_dict
    from constructs_lib.ipam.lockfile import to_dict

    team = Ipam(owner="team-a")
    team.create_network("s", ["10.0.0.0/16"])
    nodes = team.allocate_network("s", "site/nodes", lengths={"ipv4": 24})
    team.acquire_ip(nodes.id, "site/nodes/w0")
    ops = from_dict(to_dict(team), owner="cli")
    ops.acquire_ip(nodes.id, "ops/vip")  # a hand-made address in the team's network
    document = to_dict(ops)
    again = from_dict(document, owner="team-a")  # the team's plan no longer names the site
    with pytest.raises(NotOwner) as err:
        again.prune()
    assert str(err.value) == ("network site/nodes still holds ops/vip, which belongs to cli, not to team-a; "
                              "cli releases it first (dualstack ipam --owner cli release ops/vip)")
    assert err.value.holder == "cli"
    assert to_dict(from_dict(document, owner="team-a")) == document  # the refusal left nothing half-released
