"""``dualstack ipam`` through the Store seam (issue 9): which store, owners, transactions that may run
twice, reads without the lock, and the same commands against a real PostgreSQL server."""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager

import pytest
import yaml

from constructs_lib.cli import main
from constructs_lib.ipam import Ipam, lockfile
from constructs_lib.store import LockfileStore, MemoryStore, RetryableStoreError

from .test_cli_metalctl import PROJECT, SEED_SUPER, cli  # noqa: F401 (cli is a fixture)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["ipam", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def use_store(monkeypatch):
    """Make every ``dualstack ipam`` command of the test use ``store`` (whatever --store/--lock say)."""

    def use(store):
        monkeypatch.setattr("constructs_lib.store.select.open_store", lambda url, lock_path: store)
        return store

    return use


# -- which store --------------------------------------------------------------------------------------
def test_default_is_the_lock_file_in_the_current_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DUALSTACK_STORE", raising=False)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "ula", "site-a")
    assert (code, err) == (0, "") and json.loads((tmp_path / "ipam.lock.json").read_text())["ula"] == {"site-a": out.strip()}


def test_store_flag_then_environment_then_lock(tmp_path, capsys, monkeypatch):
    lock = tmp_path / "ipam.lock.json"
    monkeypatch.setenv("DUALSTACK_STORE", "mysql://me:hunter2@db/plan")
    code, _, err = run(capsys, "network", "list")  # the environment is used: its URL is refused, masked
    assert code == 2 and err == "dualstack: error: store: mysql://me:***@db/plan is not a store URL; use postgresql://user@host:port/db (or ?host=/socket/dir)\n"
    code, _, err = run(capsys, "--store", "sqlite:///x", "network", "list")  # the flag wins over the environment
    assert code == 2 and "store: sqlite:///x is not a store URL" in err
    code, _, err = run(capsys, "--lock", str(lock), "network", "list")  # a lock beside a store would be ignored: refused
    assert code == 2 and err == (f"dualstack: error: --lock {lock}: the store is already mysql://me:***@db/plan (from $DUALSTACK_STORE); "
                                 "give one of them\n")
    monkeypatch.delenv("DUALSTACK_STORE")
    code, _, err = run(capsys, "network", "list", "--store", "postgresql://u:pw@h/db", "--lock", str(lock))
    assert code == 2 and "--lock" in err and "(from --store)" in err and "pw" not in err
    code, _, err = run(capsys, "--store", " ", "network", "list")
    assert code == 2 and err.startswith("dualstack: error: --store: empty")
    assert "hunter2" not in err and not lock.exists()


def test_store_lock_and_owner_flags_go_before_or_after_the_subcommand(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DUALSTACK_STORE", raising=False)
    lock = tmp_path / "l.json"
    (tmp_path / "s.yaml").write_text(SEED_SUPER)
    code, _, err = run(capsys, "network", "create", "-f", str(tmp_path / "s.yaml"), "--lock", str(lock), "--owner", "team-a")
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "--lock", str(lock), "--owner", "team-b", "network", "list", "--owner", "team-a", "-o", "json")
    assert (code, err) == (0, "") and json.loads(out)[0]["id"] == "tenant-super-network-mini-lab"
    assert json.loads(lock.read_text())["networks"]["tenant-super-network-mini-lab"]["owners"] == ["team-a"]


# -- owners -------------------------------------------------------------------------------------------
def test_only_the_owner_changes_or_releases_its_keys(cli):
    own = ["--owner", "team-a"]
    cli.ok("network", "create", "-f", cli.file("s.yaml", SEED_SUPER), *own)
    net = cli.doc("network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "nodes", *own)
    ip = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT, *own)
    assert ip["owner"] == "team-a"
    key = f"mini-lab/{PROJECT}/nodes"
    assert cli.bad("network", "ip", "delete", ip["ipaddress"]) == f"key '{ip['key']}' belongs to team-a, not to cli; to act as its owner: --owner team-a"
    assert cli.bad("release", ip["key"]) == f"key '{ip['key']}' belongs to team-a, not to cli; to act as its owner: --owner team-a"
    assert cli.bad("network", "release", net["id"], "--recursive") == f"network {net['id']} (key {key}) belongs to team-a, not to cli; to act as its owner: --owner team-a"
    assert cli.bad("network", "update", "tenant-super-network-mini-lab", "--add-prefix", "10.9.0.0/16") == (
        "network tenant-super-network-mini-lab belongs to team-a, not to cli; to act as its owner: --owner team-a")
    assert cli.bad("network", "update", net["id"], "--grow", "IPv4=24") == f"key '{key}' belongs to team-a, not to cli; to act as its owner: --owner team-a"
    # cli sees team-a's networks and never collides with them
    mine = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT)
    assert (mine["ipaddress"], mine["owner"]) == ("10.0.0.2", "cli")
    assert cli.ok("release", mine["key"]).split() == [mine["key"], "10.0.0.2"]
    assert cli.doc("network", "ip", "delete", ip["key"], "--owner", "team-a") == ip


def test_a_plans_keys_are_not_the_cli_users(cli):
    plan = Ipam(owner="plan")  # what `dualstack synth` of a plan without owner: leaves in the lock
    plan.create_network("site-nodes", ["10.20.0.0/24"], partition="site")
    node = plan.acquire_ip("site-nodes", "site/nodes/worker-0/ipv4", purpose="kubelet node-ip")
    cli.lock.write_text(lockfile.dumps(plan))
    listed = json.loads(cli.ok("network", "ip", "list", "-o", "json"))
    assert listed == [{"ipaddress": node.text, "name": "site/nodes/worker-0/ipv4", "description": "kubelet node-ip", "networkid": "site-nodes",
                       "projectid": "", "type": "static", "key": "site/nodes/worker-0/ipv4", "owner": "plan"}]
    assert cli.bad("network", "ip", "delete", node.text) == "key 'site/nodes/worker-0/ipv4' belongs to plan, not to cli; to act as its owner: --owner plan"
    assert cli.bad("release", node.key) == "key 'site/nodes/worker-0/ipv4' belongs to plan, not to cli; to act as its owner: --owner plan"
    made = cli.doc("network", "ip", "create", "--network", "site-nodes", "--project", "ops")
    assert made["ipaddress"] == "10.20.0.2"  # beside the plan's, never on it


# -- transactions -----------------------------------------------------------------------------------------
class LosesFirstRace:
    """A store whose first session loses a serialization race at commit (as PostgreSQL may)."""

    def __init__(self, inner):
        self.inner, self.where, self.sessions = inner, inner.where, 0

    def read(self):
        return self.inner.read()

    @contextmanager
    def session(self, owner, run_id):
        self.sessions += 1
        with self.inner.session(owner, run_id) as s:
            if self.sessions == 1:
                yield _Losing(s.snapshot)
            else:
                yield s


class _Losing:
    def __init__(self, snapshot):
        self.snapshot = snapshot

    def commit(self, document, reasons=None):
        raise RetryableStoreError("could not serialize access due to concurrent update")


def test_a_retried_change_prints_once_and_commits_once(tmp_path, capsys, use_store):
    memory = MemoryStore()
    use_store(memory)
    (tmp_path / "s.yaml").write_text(SEED_SUPER)
    assert run(capsys, "network", "create", "-f", str(tmp_path / "s.yaml"))[0] == 0
    net = yaml.safe_load(run(capsys, "network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "n")[1])
    flaky = use_store(LosesFirstRace(memory))
    code, out, err = run(capsys, "network", "ip", "create", "--network", net["id"], "--project", PROJECT)
    assert (code, err, flaky.sessions) == (0, "", 2)  # the work ran twice ...
    assert yaml.safe_load(out)["name"] == "ip-1" and out.count("ipaddress:") == 1  # ... and printed once, after the commit
    keys = [k for k in memory.read()["allocations"]]
    assert keys == [f"{net['id']}/ip-1"]
    assert memory.read()["allocations"][keys[0]]["owner"] == "cli"


def test_reads_take_no_lock_and_changes_wait_for_it(cli, use_store, tmp_path):
    cli.ok("network", "create", "-f", cli.file("s.yaml", SEED_SUPER))
    use_store(LockfileStore(cli.lock, wait_seconds=0.3))
    fd = os.open(tmp_path, os.O_RDONLY)  # another run holds the lock's folder
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        started = time.monotonic()
        assert "tenant-super-network-mini-lab" in cli.ok("network", "list")
        assert cli.doc("network", "describe", "tenant-super-network-mini-lab")["partitionid"] == "mini-lab"
        assert time.monotonic() - started < 0.25  # no waiting for the lock
        assert cli.bad("network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n") == (
            f"lock {cli.lock}: another run holds it (waited 0 s)")
    finally:
        os.close(fd)
    assert cli.doc("network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n")["name"] == "n"


def test_a_refused_change_leaves_the_memory_store_alone(tmp_path, capsys, use_store):
    memory = use_store(MemoryStore())
    (tmp_path / "s.yaml").write_text(SEED_SUPER)
    assert run(capsys, "network", "create", "-f", str(tmp_path / "s.yaml"))[0] == 0
    before = memory.read()
    code, _, err = run(capsys, "network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--length", "IPv4=8")
    assert code == 2 and "/8 is not longer than ipv4 prefix 10.0.0.0/16" in err and memory.read() == before


# -- a real PostgreSQL server ------------------------------------------------------------------------------
def test_the_seed_flow_against_postgresql(fresh_pg_url, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("DUALSTACK_STORE", fresh_pg_url)
    (tmp_path / "s.yaml").write_text(SEED_SUPER)
    code, out, err = run(capsys, "network", "create", "-f", "s.yaml", "--owner", "team-a")
    assert (code, err) == (0, "") and yaml.safe_load(out)["prefixes"] == ["10.0.0.0/16", "2001:db8:0:10::/64"]
    code, out, err = run(capsys, "network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "my-node-network")
    assert (code, err) == (0, "")
    net = yaml.safe_load(out)
    assert (net["prefixes"], net["vrf"]) == (["10.0.0.0/22", "2001:db8:0:10::/96"], 20)
    code, out, err = run(capsys, "--store", fresh_pg_url, "network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "web")
    assert (code, err) == (0, "") and yaml.safe_load(out)["ipaddress"] == "10.0.0.1"
    code, out, err = run(capsys, "network", "ip", "describe", "10.0.0.1", "-o", "json")
    assert json.loads(out)["key"] == f"{net['id']}/web"
    code, _, err = run(capsys, "network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "web")
    assert code == 2 and err == (f"dualstack: error: --name: web already exists in network {net['id']}: 10.0.0.1; "
                                 "use dualstack ipam network ip describe 10.0.0.1\n")
    code, _, err = run(capsys, "network", "update", "tenant-super-network-mini-lab", "--add-prefix", "10.1.0.0/16")
    assert code == 2 and err == "dualstack: error: network tenant-super-network-mini-lab belongs to team-a, not to cli; to act as its owner: --owner team-a\n"
    code, out, err = run(capsys, "network", "release", net["id"], "--recursive")
    assert (code, err) == (0, "") and [line.split(None, 1)[0] for line in out.splitlines()] == [f"{net['id']}/web", f"mini-lab/{PROJECT}/my-node-network"]
    code, out, err = run(capsys, "network", "list", "-o", "json")
    assert [n["id"] for n in json.loads(out)] == ["tenant-super-network-mini-lab"]
    assert not (tmp_path / "ipam.lock.json").exists()  # everything went to the store
