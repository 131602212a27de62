"""Plans on a shared PostgreSQL store (issue 9), through the real main job and command, against a real server.

Each plan is an owner; the committed ``ipam.lock.json`` beside it holds exactly that owner's
allocations and the networks they hang from; the store holds everyone's.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from constructs_lib.ipam import from_dict
from constructs_lib.store.documents import project
from constructs_lib.store.postgres import PostgresStore

from .conftest import ENV, ROOT

SHARED = {
    "id": "company", "name": "Company address space", "prefixes": ["10.64.0.0/12", "fd42:1::/48"],
    "defaultchildprefixlength": {"IPv4": 24, "IPv6": 64},
}


def plan_for(owner: str | None, site: str, workers: list[str]) -> dict:
    plan = {"version": 1, "super_networks": [copy.deepcopy(SHARED)], "sites": {site: {"openstack": {
        "node_supernet": "company", "families": ["ipv4", "ipv6"], "gateways": [], "control_plane": ["cp-0"], "workers": workers,
        "wireguard": None, "dns_nameservers": {"ipv4": ["9.9.9.9"]}}}}}
    if owner is not None:
        plan["owner"] = owner
    return plan


def make_project(folder: Path, plan: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(yaml.safe_dump(plan, sort_keys=False))
    for name in ("main.py", "cdktf.json"):
        (folder / name).write_bytes((ROOT / name).read_bytes())
    return folder


def synth(folder: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "constructs_lib", "synth", *extra], cwd=folder, env=dict(ENV, DUALSTACK_STORE=url),
                          capture_output=True, text=True, timeout=600)


def one_error(r: subprocess.CompletedProcess) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert all(line.startswith("dualstack: error: ") for line in r.stderr.splitlines()), r.stderr
    return r.stderr


def test_a_plan_on_a_store_commits_its_projection_as_the_lock(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0", "w-1"]))
    r = synth(a, fresh_pg_url)
    assert r.returncode == 0, r.stderr
    store = PostgresStore(fresh_pg_url).read()
    lock = json.loads((a / "ipam.lock.json").read_text())
    assert lock == project(store, "team-a")
    assert "site-a/k8s-nodes/w-1/ipv4" in lock["allocations"]
    assert (a / "cdktf.out/stacks/site-a/cdk.tf.json").is_file()
    before = (a / "ipam.lock.json").read_bytes()
    r = synth(a, fresh_pg_url)  # idempotent: the same ranges, nothing written to the store
    assert r.returncode == 0 and "0 added" in r.stderr, r.stderr
    assert (a / "ipam.lock.json").read_bytes() == before
    assert PostgresStore(fresh_pg_url).read() == store


def test_two_owners_share_a_super_network_and_never_collide(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0", "w-1"]))
    b = make_project(tmp_path / "b", plan_for("team-b", "site-b", ["w-0", "w-1"]))
    assert synth(a, fresh_pg_url).returncode == 0
    r = synth(b, fresh_pg_url)
    assert r.returncode == 0, r.stderr
    store = PostgresStore(fresh_pg_url).read()
    from_dict(store)  # the allocator rebuilds it: nothing overlaps
    assert store["networks"]["company"]["owners"] == ["team-a", "team-b"]
    la, lb = (json.loads((p / "ipam.lock.json").read_text()) for p in (a, b))
    assert not set(la["allocations"]) & set(lb["allocations"])
    assert la == project(store, "team-a") and lb == project(store, "team-b")
    # team-b's keys are never stale for team-a: its prune leaves them alone
    r = synth(a, fresh_pg_url, "--prune")
    assert r.returncode == 0, r.stderr
    assert set(PostgresStore(fresh_pg_url).read()["allocations"]) == set(store["allocations"])


def test_a_differing_declaration_is_refused_naming_both_owners(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0"]))
    assert synth(a, fresh_pg_url).returncode == 0
    plan = plan_for("team-b", "site-b", ["w-0"])
    plan["super_networks"][0]["name"] = "Another name"
    b = make_project(tmp_path / "b", plan)
    err = one_error(synth(b, fresh_pg_url))
    assert "team-a" in err and "company" in err
    assert not (b / "ipam.lock.json").exists() and not (b / "cdktf.out").exists()


def test_an_owner_is_required_with_a_store(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for(None, "site-a", ["w-0"]))
    assert "owner: required when a store is used" in one_error(synth(a, fresh_pg_url))
    assert sorted(p.name for p in a.iterdir()) == ["cdktf.json", "main.py", "plan.yaml"]


def test_a_hand_edit_on_either_side_is_refused_with_both_values(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0", "w-1"]))
    assert synth(a, fresh_pg_url).returncode == 0
    lock = json.loads((a / "ipam.lock.json").read_text())
    lock["allocations"]["site-a/k8s-nodes/w-1/ipv4"]["address"] = "10.64.0.250"
    (a / "ipam.lock.json").write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")
    before = (a / "ipam.lock.json").read_bytes(), PostgresStore(fresh_pg_url).read()
    out_before = sorted(p.name for p in (a / "cdktf.out").rglob("*"))
    err = one_error(synth(a, fresh_pg_url))
    assert "site-a/k8s-nodes/w-1/ipv4" in err and "10.64.0.250" in err and "the store has" in err
    assert ((a / "ipam.lock.json").read_bytes(), PostgresStore(fresh_pg_url).read()) == before
    assert sorted(p.name for p in (a / "cdktf.out").rglob("*")) == out_before


@pytest.mark.parametrize("url,expected", [
    ("postgresql://nobody:hunter2@/db?host=/nonexistent-socket-dir", "cannot connect"),
    ("postgresql://[::1", "store"),
    ("mysql://x@y/z", "is not a store URL"),
])
def test_bad_stores_are_one_line_and_write_nothing(tmp_path, url, expected):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0"]))
    err = one_error(synth(a, url))
    assert expected in err and "hunter2" not in err
    assert sorted(p.name for p in a.iterdir()) == ["cdktf.json", "main.py", "plan.yaml"]


def test_the_plan_command_reads_the_store_and_writes_neither(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0"]))
    assert synth(a, fresh_pg_url).returncode == 0
    store, lock = PostgresStore(fresh_pg_url).read(), (a / "ipam.lock.json").read_bytes()
    plan = plan_for("team-a", "site-a", ["w-0", "w-9"])
    (a / "plan.yaml").write_text(yaml.safe_dump(plan, sort_keys=False))
    r = subprocess.run([sys.executable, "-m", "constructs_lib", "plan", "--out", str(tmp_path / "review")], cwd=a,
                       env=dict(ENV, DUALSTACK_STORE=fresh_pg_url), capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "site-a/k8s-nodes/w-9/ipv4" in r.stdout
    assert PostgresStore(fresh_pg_url).read() == store and (a / "ipam.lock.json").read_bytes() == lock


def test_two_owners_times_eight_concurrent_synths(tmp_path, fresh_pg_url):
    """Sixteen real synths at once on one store: every key one range, nothing overlaps, no write lost,
    and each run's lock holds exactly what the store holds for its keys."""
    runs = [(owner, i) for owner in ("team-a", "team-b") for i in range(8)]
    projects = {r: make_project(tmp_path / f"{r[0]}-{r[1]}", plan_for(r[0], f"{r[0][-1]}-{r[1]}", [f"w-{j}" for j in range(3)]))
                for r in runs}
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = dict(zip(runs, pool.map(lambda r: synth(projects[r], fresh_pg_url), runs)))
    for r, res in results.items():
        assert res.returncode == 0, (r, res.stderr)
    store = PostgresStore(fresh_pg_url).read()
    from_dict(store)  # nothing overlaps, across owners too
    expected_keys = {f"{o[-1]}-{i}/k8s-nodes/w-{j}/{f}" for o, i in runs for j in range(3) for f in ("ipv4", "ipv6")}
    assert expected_keys <= set(store["allocations"])  # no write lost
    for (owner, i), folder in projects.items():
        lock = json.loads((folder / "ipam.lock.json").read_text())
        mine = {k: v for k, v in lock["allocations"].items() if k.startswith(f"{owner[-1]}-{i}/")}
        assert mine and all(store["allocations"][k] == v for k, v in mine.items())
        assert all(v.get("owner") == owner for v in lock["allocations"].values())


def test_a_node_dropped_from_a_plan_on_a_store_is_stale_until_prune(tmp_path, fresh_pg_url):
    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0", "w-1"]))
    b = make_project(tmp_path / "b", plan_for("team-b", "site-b", ["w-0"]))
    assert synth(a, fresh_pg_url).returncode == 0 and synth(b, fresh_pg_url).returncode == 0
    (a / "plan.yaml").write_text(yaml.safe_dump(plan_for("team-a", "site-a", ["w-0"]), sort_keys=False))
    r = synth(a, fresh_pg_url)
    assert r.returncode == 0, r.stderr
    # w-1's keys (and only team-a's) are counted stale, in the summary and the review
    assert "0 added, 0 released, 0 moved, 2 stale" in r.stderr, r.stderr
    review = (a / "cdktf.out/review/plan.md").read_text()
    assert "site-a/k8s-nodes/w-1/ipv4" in review and "site-b" not in review
    assert "site-a/k8s-nodes/w-1/ipv4" in PostgresStore(fresh_pg_url).read()["allocations"]
    r = synth(a, fresh_pg_url, "--prune")
    assert r.returncode == 0 and "0 stale" in r.stderr, r.stderr
    keys = set(PostgresStore(fresh_pg_url).read()["allocations"])
    assert "site-a/k8s-nodes/w-1/ipv4" not in keys and "site-b/k8s-nodes/w-0/ipv4" in keys


def test_a_failure_writing_the_lock_after_publishing_says_what_was_written(tmp_path, fresh_pg_url, monkeypatch, capsys):
    from constructs_lib.app import run
    from constructs_lib.store import lockfile as lockfile_store

    a = make_project(tmp_path / "a", plan_for("team-a", "site-a", ["w-0"]))
    assert synth(a, fresh_pg_url).returncode == 0
    before = (a / "ipam.lock.json").read_bytes()
    (a / "plan.yaml").write_text(yaml.safe_dump(plan_for("team-a", "site-a", ["w-0", "w-1"]), sort_keys=False))

    def disk_full(self, document):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lockfile_store.LockfileStore, "write", disk_full)
    monkeypatch.setenv("DUALSTACK_STORE", fresh_pg_url)
    monkeypatch.chdir(a)
    assert run.synth("plan.yaml") == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "the output written, but the lock file was not" in err, err
    assert "w-1" in (a / "cdktf.out/stacks/site-a/cdk.tf.json").read_text()
    assert (a / "ipam.lock.json").read_bytes() == before
    assert "site-a/k8s-nodes/w-1/ipv4" in PostgresStore(fresh_pg_url).read()["allocations"]
    monkeypatch.undo()
    r = synth(a, fresh_pg_url)  # run again: the lock follows the store
    assert r.returncode == 0, r.stderr
    assert "site-a/k8s-nodes/w-1/ipv4" in json.loads((a / "ipam.lock.json").read_text())["allocations"]
