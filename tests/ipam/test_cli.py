"""The seed-000 walk-through through the real command, and bad input."""

import os
import subprocess
import sys

import yaml

from constructs_lib.cli import main

from .test_cli_metalctl import PROJECT, SEED_SUPER as SEED  # the seed's super network, as written there


def dualstack(*args, cwd):
    env = {**os.environ, "COLUMNS": "120"}  # tables fit the terminal; measure at the 120 columns
    env.pop("DUALSTACK_STORE", None)  # these runs use the lock file in cwd
    return subprocess.run([sys.executable, "-m", "constructs_lib", *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=env)


def test_seed_walkthrough(tmp_path):
    (tmp_path / "tenant-super.yaml").write_text(SEED)
    r = dualstack("ipam", "network", "create", "-f", "tenant-super.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = dualstack("ipam", "network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "my-node-network", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = yaml.safe_load(r.stdout)
    assert list(doc) == ["id", "name", "parentnetworkid", "partitionid", "prefixes", "projectid", "vrf", "consumption", "privatesuper"]
    assert doc["name"] == "my-node-network" and doc["parentnetworkid"] == "tenant-super-network-mini-lab"
    assert doc["partitionid"] == "mini-lab" and doc["projectid"] == PROJECT and doc["privatesuper"] is False
    assert doc["prefixes"] == ["10.0.0.0/22", "2001:db8:0:10::/96"]
    assert doc["consumption"] == {
        "ipv4": {"available_ips": 1024, "available_prefixes": 256, "used_ips": 2, "used_prefixes": 0},
        "ipv6": {"available_ips": 4294967296, "available_prefixes": 1073741824, "used_ips": 1, "used_prefixes": 0},
    }
    assert isinstance(doc["vrf"], int)
    # the address is printed as metalctl prints an IP (issue 12), no longer as the bare address
    r = dualstack("ipam", "network", "ip", "create", "--network", doc["id"], "--project", PROJECT, cwd=tmp_path)
    assert r.returncode == 0 and yaml.safe_load(r.stdout)["ipaddress"] == "10.0.0.1", r.stderr
    r = dualstack("ipam", "network", "ip", "create", "--network", doc["id"], "--project", PROJECT, "--addressfamily", "ipv6", "--name", "web", cwd=tmp_path)
    assert r.returncode == 0 and yaml.safe_load(r.stdout)["ipaddress"] == "2001:db8:0:10::1", r.stderr
    described = yaml.safe_load(dualstack("ipam", "network", "describe", doc["id"], cwd=tmp_path).stdout)
    assert described["consumption"]["ipv4"]["used_ips"] == 3 and described["id"] == doc["id"]
    listing = dualstack("ipam", "network", "list", cwd=tmp_path).stdout
    # the table fits 120 columns (issue 11): the child's prefixes may stack one per line
    assert doc["id"] in listing and "10.0.0.0/22" in listing and "2001:db8:0:10::/96" in listing
    assert max(len(line) for line in listing.splitlines()) <= 120
    # the same allocation again is the same network (keys are stable), not a new one
    again = yaml.safe_load(dualstack("ipam", "network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "my-node-network", cwd=tmp_path).stdout)
    assert again["id"] == doc["id"] and again["prefixes"] == doc["prefixes"]


def run_bad(tmp_path, capsys, *argv):
    lock = tmp_path / "ipam.lock.json"
    before = lock.read_bytes() if lock.exists() else None
    code = main(["ipam", "--lock", str(lock), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("dualstack: error: "), err
    assert (lock.read_bytes() if lock.exists() else None) == before  # lockfile untouched
    return err


def test_bad_input_one_line_exit_2_nothing_written(tmp_path, capsys):
    (tmp_path / "s.yaml").write_text(SEED)
    assert main(["ipam", "--lock", str(tmp_path / "ipam.lock.json"), "network", "create", "-f", str(tmp_path / "s.yaml")]) == 0
    capsys.readouterr()
    (tmp_path / "bad.yaml").write_text(SEED.replace("10.0.0.0/16", "10.0.0.1/16").replace("tenant-super-network-mini-lab", "x"))
    assert "prefixes[0]: '10.0.0.1/16' has host bits set" in run_bad(tmp_path, capsys, "network", "create", "-f", str(tmp_path / "bad.yaml"))
    (tmp_path / "bad2.yaml").write_text("id: y\nprefixes: [10.1.0.0/16]\ncolour: blue\n")
    assert "colour: unknown key (a typo?)" in run_bad(tmp_path, capsys, "network", "create", "-f", str(tmp_path / "bad2.yaml"))
    (tmp_path / "dup.yaml").write_text("id: z\nprefixes: [10.0.128.0/17]\n")
    assert "overlaps 10.0.0.0/16" in run_bad(tmp_path, capsys, "network", "create", "-f", str(tmp_path / "dup.yaml"))
    assert "no such file" in run_bad(tmp_path, capsys, "network", "create", "-f", str(tmp_path / "missing.yaml"))
    assert "--length: 'IPv4:24'" in run_bad(tmp_path, capsys, "network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--length", "IPv4:24")
    assert "IPv7" in run_bad(tmp_path, capsys, "network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--length", "IPv7=24")
    assert "--length: IPv4 given, but --addressfamily ipv6" in run_bad(tmp_path, capsys, "network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--addressfamily", "ipv6", "--length", "IPv4=24")
    assert "--name: ' n2' must be letters, digits" in run_bad(tmp_path, capsys, "network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", " n2")
    assert "no private super network in partition 'other'" in run_bad(tmp_path, capsys, "network", "allocate", "--partition", "other", "--project", "p", "--name", "n")
    assert "network 'nope' not found" in run_bad(tmp_path, capsys, "network", "ip", "create", "--network", "nope", "--project", "p")
    assert "invalid choice: 'ipv5'" in run_bad(tmp_path, capsys, "network", "ip", "create", "--network", "x", "--project", "p", "--addressfamily", "ipv5")
    assert "key 'gone' not found" in run_bad(tmp_path, capsys, "release", "gone")
    assert f"{tmp_path}: a folder, not a regular file" in run_bad(tmp_path, capsys, "network", "create", "-f", str(tmp_path))
    code = main(["ipam", "--lock", str(tmp_path), "network", "list"])  # the lock path is a folder
    assert code == 2 and capsys.readouterr().err.startswith(f"dualstack: error: lock {tmp_path}: a folder, not a regular file")


def test_ula_generated_once_and_pinned(tmp_path):
    first = dualstack("ipam", "ula", "site-a", cwd=tmp_path)
    second = dualstack("ipam", "ula", "site-a", cwd=tmp_path)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert first.stdout.startswith("fd") and first.stdout.strip().endswith("::/48")
    assert os.path.exists(tmp_path / "ipam.lock.json")
