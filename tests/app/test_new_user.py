"""What a new user hit (issue 11): Terraform state, damaged locks, hostile input, refusals, the review loop.

Every test runs the real main job or the real command on a scratch copy of the project.
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import ENV, ROOT, run_main, scratch_project

PLAN = yaml.safe_load((ROOT / "plan.yaml").read_text())


def dualstack(cwd: Path, *args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "constructs_lib", *args], cwd=cwd, env=env or ENV, capture_output=True,
                          text=True, timeout=timeout)


def one_error(r: subprocess.CompletedProcess) -> str:
    """Exit 2, only 'dualstack: error:' lines on stderr, no traceback."""
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert lines and all(line.startswith("dualstack: error: ") for line in lines), r.stderr
    assert "Traceback" not in r.stderr
    return r.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- 1. Terraform state survives every synth ------------------------------------------------------
def test_state_lives_outside_the_output_and_survives_synth(tmp_path):
    project = scratch_project(tmp_path / "p")
    assert run_main(project).returncode == 0
    st = json.loads((project / "cdktf.out/stacks/os-fra/cdk.tf.json").read_text())
    backend = st["terraform"]["backend"]["local"]["path"]
    assert backend == "../../../state/os-fra.tfstate"  # relative: the output stays machine-independent
    state = (project / "cdktf.out/stacks/os-fra" / backend).resolve()
    assert state == (project / "state/os-fra.tfstate").resolve()
    state.parent.mkdir()
    state.write_text('{"version": 4, "serial": 7}')
    (state.parent / "os-fra.tfstate.backup").write_text("backup")
    # what terraform init / plan leave in the stack folder is Terraform's, not ours
    stack = project / "cdktf.out/stacks/os-fra"
    (stack / ".terraform.lock.hcl").write_text("# provider locks\n")
    (stack / ".terraform" / "providers").mkdir(parents=True)
    (stack / ".terraform" / "providers" / "plugin").write_bytes(b"\x7fELF")
    (stack / "saved.tfplan").write_bytes(b"plan")
    (project / "cdktf.out" / "notes.txt").write_text("mine")
    for _ in range(2):
        r = run_main(project)
        assert r.returncode == 0, r.stderr
    assert state.read_text() == '{"version": 4, "serial": 7}'
    assert (state.parent / "os-fra.tfstate.backup").read_text() == "backup"
    assert (stack / ".terraform.lock.hcl").read_text() == "# provider locks\n"
    assert (stack / ".terraform/providers/plugin").read_bytes() == b"\x7fELF"
    assert (stack / "saved.tfplan").read_bytes() == b"plan"
    assert (project / "cdktf.out/notes.txt").read_text() == "mine"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []  # no staging or old folders left


def test_state_an_earlier_version_kept_inside_the_output_is_moved_out(tmp_path):
    project = scratch_project(tmp_path / "p")
    assert run_main(project).returncode == 0
    legacy = project / "cdktf.out/stacks/aws-poc/terraform.aws-poc.tfstate"
    legacy.write_text('{"serial": 3}')
    r = run_main(project)
    assert r.returncode == 0, r.stderr
    assert not legacy.exists()
    assert (project / "state/aws-poc.tfstate").read_text() == '{"serial": 3}'
    assert "moved Terraform state" in r.stderr
    # both places holding state: refused, nothing decided for the user
    legacy.write_text('{"serial": 4}')
    r = run_main(project)
    assert "exists too" in one_error(r)
    assert legacy.read_text() == '{"serial": 4}' and (project / "state/aws-poc.tfstate").read_text() == '{"serial": 3}'


# -- 2./3. hostile and wrong input ----------------------------------------------------------------------
def _write_plan(project: Path, data) -> None:
    (project / "plan.yaml").write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))


BAD_PLANS = [
    ("binary", b"version: 1\nsites: \xff\xfe\x00\n", "not UTF-8 text (byte"),
    ("deep-yaml", "a: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested deeper than 64 levels"),
    ("huge-int", None, "an integer of 5000 digits"),
    ("version-2", None, "version: 2 is not a plan format this dualstack reads"),
    ("duplicate-key", None, "key 'workers' is given twice"),
    ("empty", "", "the plan is empty"),
    ("comments-only", "# nothing here\n# still nothing\n", "the plan is empty"),
    ("zone-index", None, "has a zone index"),
    ("site-name-space", None, "sites.os fra.openstack: site: 'os fra' must start with a letter or digit"),
    ("long-node-name", None, "a node name is a host name label, at most 63"),
    ("node-name-slash", None, "workers: node name"),
    ("ignored-setting", None, "sites.os-fra.openstack.ipv6_mode: has no effect on an IPv4-only site"),
]


def _bad_plan(name: str):
    plan = copy.deepcopy(PLAN)
    os_ = plan["sites"]["os-fra"]["openstack"]
    if name == "huge-int":
        return yaml.safe_dump(plan, sort_keys=False).replace("IPv4: 24", "IPv4: " + "9" * 5000, 1)
    if name == "version-2":
        plan["version"] = 2
    elif name == "duplicate-key":
        text = (ROOT / "plan.yaml").read_text()
        return text.replace("      workers: [worker-0", "      workers: [w-9]\n      workers: [worker-0", 1)
    elif name == "zone-index":
        plan["super_networks"].append({"id": "ll", "prefixes": ["fe80::%eth0/64"]})
    elif name == "site-name-space":
        plan["sites"]["os fra"] = plan["sites"].pop("os-fra")
        plan["kubernetes"]["fra"]["site"] = "os fra"
    elif name == "long-node-name":
        os_["workers"] = ["w" * 250]
    elif name == "node-name-slash":
        os_["workers"] = ["a/b"]
    elif name == "ignored-setting":
        os_.update(families=["ipv4"], ipv6_mode="slaac", dns_nameservers={"ipv4": ["9.9.9.9"]}, ssh_from={"ipv4": ["198.51.100.0/24"]})
        os_.pop("pod_supernet"), os_.pop("wireguard")
        del plan["kubernetes"]
    return plan


@pytest.mark.parametrize("name,content,expected", BAD_PLANS, ids=[c[0] for c in BAD_PLANS])
def test_bad_plan_is_one_line_and_writes_nothing(tmp_path, name, content, expected):
    project = scratch_project(tmp_path / "p")
    assert run_main(project).returncode == 0  # an earlier good output, which must stay as it is
    before = snapshot(project)
    data = content if content is not None else _bad_plan(name)
    if isinstance(data, bytes):
        (project / "plan.yaml").write_bytes(data)
    else:
        _write_plan(project, data)
    before["plan.yaml"] = (project / "plan.yaml").read_bytes()
    r = run_main(project)
    assert expected in one_error(r)
    assert snapshot(project) == before  # no lock change, no partial output, nothing beside


def test_yaml_alias_bomb_is_refused_in_bounded_memory(tmp_path):
    project = scratch_project(tmp_path / "p")
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    prev = "a"
    for n in "bcdefghijkl":
        bomb += f"{n}: &{n} [" + ",".join([f"*{prev}"] * 9) + "]\n"
        prev = n
    (project / "plan.yaml").write_text("version: 1\n" + bomb)
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from constructs_lib.cli import main; sys.exit(main(['plan', '--out', 'review']))")
    r = subprocess.run([sys.executable, "-c", code], cwd=project, env=ENV, capture_output=True, text=True, timeout=120)
    assert "alias" in one_error(r)
    assert not (project / "review").exists()


def test_every_problem_of_a_plan_in_one_run(tmp_path):
    project = scratch_project(tmp_path / "p")
    plan = copy.deepcopy(PLAN)
    plan["sites"]["os-fra"]["openstack"]["ipv6_mode"] = "dhcpv6"  # schema problems, in two sites
    plan["sites"]["aws-poc"]["aws"]["nat_gatways"] = "single"
    _write_plan(project, plan)
    err = one_error(run_main(project))
    assert "sites.os-fra.openstack.ipv6_mode" in err and "sites.aws-poc.aws.nat_gatways: unknown key" in err
    plan = copy.deepcopy(PLAN)  # semantic problems, in a site and a cluster
    plan["sites"]["aws-poc"]["aws"]["ipv4_cidr"] = "10.20.0.0/16"
    plan["kubernetes"]["fra"]["services"] = "10.240.16.0/20, v6private/100"
    _write_plan(project, plan)
    err = one_error(run_main(project))
    assert "sites.aws-poc.aws:" in err and "kubernetes.fra:" in err and "/108" in err


def test_prune_flag_takes_yes_and_refuses_what_is_not_yes_or_no(tmp_path):
    project = scratch_project(tmp_path / "p")
    plan = copy.deepcopy(PLAN)
    plan["sites"]["os-fra"]["openstack"]["workers"] = ["worker-0", "worker-1"]
    _write_plan(project, plan)
    r = run_main(project)
    assert r.returncode == 0 and "stay reserved until --prune" in r.stderr
    assert "os-fra/k8s-nodes/worker-2/ipv4" in json.loads((project / "ipam.lock.json").read_text())["allocations"]
    assert "not a yes/no value" in one_error(run_main(project, env=dict(ENV, DUALSTACK_PRUNE="maybe")))
    r = run_main(project, env=dict(ENV, DUALSTACK_PRUNE="yes"))
    assert r.returncode == 0, r.stderr
    assert "os-fra/k8s-nodes/worker-2/ipv4" not in json.loads((project / "ipam.lock.json").read_text())["allocations"]


def test_the_aws_offline_flag_refuses_what_is_not_yes_or_no(tmp_path):
    project = scratch_project(tmp_path / "p")
    lock = (project / "ipam.lock.json").read_bytes()
    err = one_error(run_main(project, env=dict(ENV, DUALSTACK_AWS_OFFLINE="ture")))
    assert err == "dualstack: error: DUALSTACK_AWS_OFFLINE: 'ture' is not a yes/no value; set 1 or 0 (true/false, yes/no)\n"
    assert not (project / "cdktf.out").exists() and (project / "ipam.lock.json").read_bytes() == lock
    one_error(dualstack(project, "synth", env=dict(ENV, DUALSTACK_AWS_OFFLINE="maybe")))
    r = run_main(project, env=dict(ENV, DUALSTACK_AWS_OFFLINE="on"))
    assert r.returncode == 0, r.stderr
    provider = json.loads((project / "cdktf.out/stacks/aws-poc/cdk.tf.json").read_text())["provider"]["aws"][0]
    assert provider.get("skip_credentials_validation") is True


# -- 4. a damaged lock is never taken for no lock ------------------------------------------------------
@pytest.mark.parametrize("kind", ["null", "empty", "list", "dangling-symlink"])
def test_damaged_lock_is_refused(tmp_path, kind):
    project = scratch_project(tmp_path / "p")
    lock = project / "ipam.lock.json"
    lock.unlink()
    if kind == "null":
        lock.write_text("null\n")
    elif kind == "empty":
        lock.write_text("")
    elif kind == "list":
        lock.write_text("[]\n")
    else:
        lock.symlink_to(project / "gone.json")
    err = one_error(run_main(project))
    assert "ipam.lock.json" in err
    assert not (project / "cdktf.out").exists()
    assert lock.is_symlink() or lock.read_text() in ("null\n", "", "[]\n")


def test_a_lock_that_is_a_symlink_is_written_through_to_its_target(tmp_path):
    project = scratch_project(tmp_path / "p")
    (project / "locks").mkdir()
    os.replace(project / "ipam.lock.json", project / "locks" / "real.json")
    (project / "ipam.lock.json").symlink_to("locks/real.json")
    plan = copy.deepcopy(PLAN)
    plan["sites"]["os-fra"]["openstack"]["workers"].append("worker-3")
    _write_plan(project, plan)
    r = run_main(project)
    assert r.returncode == 0, r.stderr
    assert (project / "ipam.lock.json").is_symlink()
    assert "os-fra/k8s-nodes/worker-3/ipv4" in json.loads((project / "locks/real.json").read_text())["allocations"]


def test_a_lock_that_is_a_fifo_does_not_hang(tmp_path):
    project = scratch_project(tmp_path / "p")
    (project / "ipam.lock.json").unlink()
    os.mkfifo(project / "ipam.lock.json")
    start = time.monotonic()
    r = subprocess.run([sys.executable, "main.py"], cwd=project, env=ENV, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 30
    assert "FIFO" in one_error(r)


# -- 5. a kill at any moment loses nothing ----------------------------------------------------------
def test_random_kills_never_lose_the_output_or_leave_leftovers(tmp_path):
    """SIGKILL the main job at random moments: the last good output is always whole (or the new one is),
    the lock is always whole, and the next run cleans up what the killed one left."""
    project = scratch_project(tmp_path / "p")
    assert run_main(project).returncode == 0
    good = snapshot(project / "cdktf.out")
    rng = random.Random(11)
    plan = copy.deepcopy(PLAN)
    for i in range(8):
        plan["sites"]["os-fra"]["openstack"]["workers"].append(f"extra-{i}")
        _write_plan(project, plan)
        p = subprocess.Popen([sys.executable, "main.py"], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + rng.uniform(0.3, 2.2)
        children: set[int] = set()
        while time.monotonic() < deadline and p.poll() is None:
            children |= _children(p.pid)  # the jsii node process, once it is started
            time.sleep(0.02)
        p.send_signal(signal.SIGKILL)
        p.wait()
        _gone(children)  # jsii's node process ends with the run it served
        json.loads((project / "ipam.lock.json").read_text())  # the lock is always whole
        out = project / "cdktf.out"
        if out.exists():
            now = snapshot(out)
            assert now == good or (out / ".dualstack-files").is_file() and set(json.loads((out / ".dualstack-files").read_text())) <= set(now)
        r = run_main(project)  # recovers, then publishes
        assert r.returncode == 0, r.stderr
        good = snapshot(project / "cdktf.out")
        assert [p.name for p in project.iterdir() if p.name.startswith((".cdktf.out", ".ipam-"))] == []


def _children(pid: int) -> set[int]:
    try:
        return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def _gone(pids: set[int], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = {p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in _state(p)}
        if not alive:
            return
        time.sleep(0.1)
    raise AssertionError(f"child processes outlived the killed run: {sorted(alive)}")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"


def test_leftovers_of_killed_runs_are_ignored_by_git(tmp_path):
    for name in (".cdktf.out-abc123/x", ".cdktf.out.old-abc123/x", ".ipam-abc.tmp", "state/os-fra.tfstate"):
        r = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", name])
        assert r.returncode == 0, name


# -- 8. the review compares with the lock as committed ---------------------------------------------------
def committed_project(dst: Path) -> Path:
    """A scratch project in a git work tree, its plan and lock committed."""
    project = scratch_project(dst)
    git = lambda *a: subprocess.run(["git", "-C", str(project), *a], capture_output=True, text=True, check=True)  # noqa: E731
    git("init", "-q")
    git("add", "plan.yaml", "ipam.lock.json")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "plan")
    return project


def test_review_compares_with_the_committed_lock(tmp_path):
    project = committed_project(tmp_path / "repo")
    plan = copy.deepcopy(PLAN)
    plan["sites"]["os-fra"]["openstack"]["workers"].append("worker-3")
    _write_plan(project, plan)
    r = run_main(project)
    assert r.returncode == 0 and "3 added" in r.stderr, r.stderr
    # the lock on disk holds worker-3 now; the review still shows it, against the committed lock
    r = dualstack(project, "plan", "--out", str(project / "review"))
    assert r.returncode == 0, r.stderr
    assert "the lock as committed (git HEAD)" in r.stdout and "os-fra/k8s-nodes/worker-3/ipv4" in r.stdout
    assert "3 added" in r.stdout
    r = run_main(project)
    assert "3 added" in r.stderr  # every synth until the commit
    assert "the lock as committed (git HEAD)" in (project / "cdktf.out/review/plan.md").read_text()


# -- 12./13. capacity and growth ----------------------------------------------------------------------
def test_a_full_node_network_grows_without_renumbering(tmp_path):
    project = scratch_project(tmp_path / "p")
    plan = copy.deepcopy(PLAN)
    plan["sites"]["os-fra"]["openstack"]["workers"] = [f"worker-{i}" for i in range(200)]
    plan["sites"]["os-fra"]["openstack"]["max_router_routes"] = 300  # a route per node's /80: the operator raised the quota
    del plan["kubernetes"]["fra"]  # the node network is what is measured here
    _write_plan(project, plan)
    err = one_error(run_main(project))
    assert "node_subnets.ipv4" in err and "raise node_subnets.ipv4 to 2" in err
    before = json.loads((project / "ipam.lock.json").read_text())["allocations"]
    plan["sites"]["os-fra"]["openstack"]["node_subnets"] = {"ipv4": 2}
    _write_plan(project, plan)
    r = run_main(project)
    assert r.returncode == 0, r.stderr
    after = json.loads((project / "ipam.lock.json").read_text())["allocations"]
    assert {k: v for k, v in after.items() if k in before} == {k: before[k] for k in before if k in after}  # nothing moved
    assert "0 moved" in r.stderr
    res = json.loads((project / "cdktf.out/stacks/os-fra/cdk.tf.json").read_text())["resource"]
    # the second IPv4 subnet is a Neutron subnet of the same network, with its own router interface
    assert res["openstack_networking_subnet_v2"]["k8s-nodes_v4_2"]["cidr"] == "10.20.1.0/24"
    assert "k8s-nodes_v4_2" in res["openstack_networking_router_interface_v2"]
    ports = res["openstack_networking_port_v2"]["k8s"]
    late = next(k for k, v in after.items() if k.endswith("/ipv4") and v.get("address", "").startswith("10.20.1."))
    node = late.split("/")[2]
    assert ports["for_each"][node]["subnet_ipv4"] == "${openstack_networking_subnet_v2.k8s-nodes_v4_2.id}"
    assert "subnet_ipv4" not in ports["for_each"]["worker-0"]  # nodes of the first subnet keep their lines


# -- 17. the JSON Schema documents every field ----------------------------------------------------------
def test_schema_has_a_description_and_a_default_for_every_field():
    from constructs_lib.app.plan_file import json_schema

    schema = json_schema()
    no_description, no_default = [], []
    for name, d in schema["$defs"].items():
        for field, prop in (d.get("properties") or {}).items():
            if not prop.get("description"):
                no_description.append(f"{name}.{field}")
            if "default" not in prop and field not in d.get("required", []):
                no_default.append(f"{name}.{field}")
    assert no_description == [] and no_default == []


def test_a_hand_edit_that_renumbers_the_committed_lock_is_refused(tmp_path):
    project = committed_project(tmp_path / "repo")
    committed = (project / "ipam.lock.json").read_bytes()
    lock = json.loads(committed)
    lock["allocations"]["os-fra/k8s-nodes/worker-1/ipv4"]["address"] = "10.20.0.200"  # renumbered by hand
    (project / "ipam.lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    edited = (project / "ipam.lock.json").read_bytes()
    err = one_error(run_main(project))
    assert "os-fra/k8s-nodes/worker-1/ipv4" in err and "10.20.0.71" in err and "10.20.0.200" in err
    assert (project / "ipam.lock.json").read_bytes() == edited and not (project / "cdktf.out").exists()
    err = one_error(dualstack(project, "plan", "--out", str(project / "review")))
    assert "worker-1/ipv4" in err and not (project / "review").exists()
    # named on purpose: the renumbering is reported against that lock and the run goes on
    (tmp_path / "release.json").write_bytes(committed)
    r = dualstack(project, "synth", "--against", str(tmp_path / "release.json"))
    assert r.returncode == 0, r.stderr
    assert "1 moved" in r.stderr
    assert json.loads((project / "ipam.lock.json").read_text())["allocations"]["os-fra/k8s-nodes/worker-1/ipv4"]["address"] == "10.20.0.200"


def test_a_failure_after_the_lock_is_written_says_so(tmp_path, monkeypatch, capsys):
    """Publishing the output can still fail once the allocations are stored: the message says which half happened."""
    from constructs_lib.app import output, run

    project = scratch_project(tmp_path / "p")
    plan = copy.deepcopy(PLAN)
    plan["sites"]["os-fra"]["openstack"]["workers"].append("worker-3")
    _write_plan(project, plan)

    def disk_full(self, staging):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.OutputFolder, "publish", disk_full)
    monkeypatch.chdir(project)
    assert run.synth("plan.yaml") == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "the allocations were stored, the output was not replaced" in err, err
    assert "worker-3" in (project / "ipam.lock.json").read_text() and not (project / "cdktf.out").exists()
    assert not list(project.glob(".cdktf.out-*"))  # the staging folder went with the failure
    monkeypatch.undo()
    monkeypatch.chdir(project)
    assert run.synth("plan.yaml") == 0  # run again: the output follows the stored lock
    assert "worker-3" in (project / "cdktf.out/stacks/os-fra/cdk.tf.json").read_text()
