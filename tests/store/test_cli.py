"""``dualstack store``: init, status, import (all or nothing), export (--owner), log; bad input in one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_lib.cli.store import main
from constructs_lib.ipam import lockfile
from constructs_lib.store import documents
from constructs_lib.store.base import transact
from constructs_lib.store.postgres import PostgresStore
from tests.pgserver import PASSWORD, PASSWORD_ROLE

from .plans import plan_work

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "ipam.lock.json"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_import_then_export_is_the_lock(capsys, blank_pg_url, tmp_path):
    code, out, err = run(capsys, "init", "--store", blank_pg_url)
    assert code == 0 and "applied 0001_initial" in out, err
    code, out, err = run(capsys, "--store", blank_pg_url, "init")  # either place; again: nothing to do
    assert code == 0 and "already current" in out
    code, out, err = run(capsys, "import", str(LOCK), "--store", blank_pg_url)
    assert code == 0, err
    lock = json.loads(LOCK.read_text())
    assert f"{len(lock['networks'])} networks, {len(lock['allocations'])} allocations, {len(lock['ula'])} RFC 4193 pins changed" in out
    code, out, err = run(capsys, "export", "--store", blank_pg_url)
    assert code == 0 and out == LOCK.read_text()  # byte for byte: the store holds exactly the lock
    code, out, err = run(capsys, "export", "--owner", "plan", "-o", str(tmp_path / "plan.lock.json"), "--store", blank_pg_url)
    assert code == 0 and (tmp_path / "plan.lock.json").read_text() == LOCK.read_text()
    code, out, err = run(capsys, "import", str(LOCK), "--store", blank_pg_url)  # twice: nothing changes
    assert code == 0 and "0 networks, 0 allocations, 0 RFC 4193 pins changed" in out
    code, out, err = run(capsys, "log", "--key", "os-fra/k8s/pods/worker-0", "--store", blank_pg_url)
    assert code == 0 and len(out.splitlines()) == 1 and "  plan  import    allocation os-fra/k8s/pods/worker-0: - -> fdf6:ab82:6371" in out


def test_import_as_an_owner_and_export_that_owner(capsys, fresh_pg_url, monkeypatch):
    monkeypatch.setenv("DUALSTACK_STORE", fresh_pg_url)
    transact(PostgresStore(fresh_pg_url), "team-b", plan_work("team-b", ["n1"]))
    code, out, err = run(capsys, "import", str(LOCK), "--owner", "team-a")
    assert code == 0, err
    # team-b's child networks hold VRF 20 and 21, as the lock's first two do: those two move, nothing else
    assert out.count("; now vrf ") == 2 and "2 VRF ids were renumbered" in out and "export --owner team-a" in out
    code, out, err = run(capsys, "import", str(LOCK), "--owner", "team-a")  # again: already held, VRFs and all
    assert code == 0 and "0 networks, 0 allocations" in out and "renumbered" not in out
    code, out, err = run(capsys, "export", "--owner", "team-a")
    exported = json.loads(out)
    assert exported == documents.project(PostgresStore(fresh_pg_url).read(), "team-a")
    assert sorted(exported["allocations"]) == sorted(json.loads(LOCK.read_text())["allocations"])
    assert all(a["owner"] == "team-a" for a in exported["allocations"].values())
    lockfile.from_dict(exported)
    code, out, err = run(capsys, "status")
    assert code == 0 and "state: ready" in out and "team-a (56)" in out and "team-b (" in out
    code, out, err = run(capsys, "log", "--owner", "team-b", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {r["owner"] for r in rows} == {"team-b"} and {r["reason"] for r in rows} == {"allocate"}


def test_import_conflicts_one_line_each_and_nothing_written(capsys, fresh_pg_url, tmp_path):
    run(capsys, "import", str(LOCK), "--owner", "team-a", "--store", fresh_pg_url)
    before = PostgresStore(fresh_pg_url).read()
    logged = len(PostgresStore(fresh_pg_url).log())
    lock = json.loads(LOCK.read_text())
    lock["allocations"]["os-fra/k8s/pods/worker-0"]["cidr"] = "fdf6:ab82:6371:ff::/80"  # moved
    lock["allocations"]["os-fra/k8s/pods/worker-1"]["cidr"] = "fdf6:ab82:6371:fe::/80"  # moved
    lock["networks"]["os-fra-pods"]["name"] = "renamed"                                  # declared differently
    path = tmp_path / "other.lock.json"
    path.write_text(json.dumps(lock))
    code, out, err = run(capsys, "import", str(path), "--owner", "team-b", "--store", fresh_pg_url)
    lines = err.splitlines()
    assert code == 2 and out == ""
    assert any("networks.os-fra-pods: declared differently by team-a in the store" in line for line in lines)
    assert any("allocations.os-fra/k8s/pods/worker-0: the store holds fdf6:ab82:6371" in line and "the lock fdf6:ab82:6371:ff::/80" in line for line in lines)
    assert any("allocations.os-fra/k8s/pods/worker-1" in line for line in lines)
    assert all(line.startswith(f"dualstack: error: lock {path}: ") for line in lines)
    assert len(lines) == 2 + 1 + (len(lock["allocations"]) - 2) + 15  # every other key is team-a's too, and each child network
    assert PostgresStore(fresh_pg_url).read() == before and len(PostgresStore(fresh_pg_url).log()) == logged


def test_a_damaged_lock_is_refused_naming_the_file(capsys, fresh_pg_url, tmp_path):
    path = tmp_path / "bad.lock.json"
    path.write_text('{"format": "dualstack-ipam-lock/1", "networks": {}, "allocations": {"k": {"network": "nope", "cidr": "10.0.0.0/24"}}}')
    code, out, err = run(capsys, "import", str(path), "--store", fresh_pg_url)
    assert code == 2 and err.startswith(f"dualstack: error: lock {path}: allocations.k") and len(err.splitlines()) == 1
    path.write_text("{not json")
    code, out, err = run(capsys, "import", str(path), "--store", fresh_pg_url)
    assert code == 2 and "not valid JSON" in err and len(err.splitlines()) == 1
    assert PostgresStore(fresh_pg_url).read() is None


@pytest.mark.parametrize("case", ["malformed", "no-url", "not-postgres", "unreachable", "auth", "no-database", "no-schema", "too-new"])
def test_bad_store_one_line_exit_2_nothing_written_no_password(case, capsys, pg_server, blank_pg_url, tmp_path, monkeypatch):
    monkeypatch.delenv("DUALSTACK_STORE", raising=False)
    db = blank_pg_url.split("@/")[1].split("?")[0]
    url = {
        "malformed": f"postgresql://{PASSWORD_ROLE}:{PASSWORD}@host:port/db",
        "no-url": None,
        "not-postgres": f"mysql://{PASSWORD_ROLE}:{PASSWORD}@h/db",
        "unreachable": f"postgresql://{PASSWORD_ROLE}:{PASSWORD}@/db?host={tmp_path}",
        "auth": pg_server.url(db, user=PASSWORD_ROLE, password=PASSWORD + "x"),
        "no-database": pg_server.url("missing_db", user=PASSWORD_ROLE, password=PASSWORD),
        # trusted roles ignore a password, but the URL holds one: it must be masked all the same
        "no-schema": pg_server.url(db, password=PASSWORD),
        "too-new": pg_server.url(db, password=PASSWORD),
    }[case]
    if case == "too-new":
        PostgresStore(blank_pg_url).init()
        import psycopg

        with psycopg.connect(blank_pg_url, autocommit=True) as conn:
            conn.execute("INSERT INTO dualstack.migration (version, name) VALUES (2, 'newer')")
    says = {"malformed": "port 'port' is not a number", "no-url": "no store URL", "not-postgres": "not a PostgreSQL URL",
            "unreachable": "cannot connect", "auth": "authentication failed for user", "no-database": "does not exist; create it",
            "no-schema": "run dualstack store init", "too-new": "newer than this dualstack knows"}[case]
    out_file = tmp_path / "out.lock.json"
    flags = ["--store", url] if url else []
    for argv in [["export", "-o", str(out_file)], ["import", str(LOCK)], ["log"]] + ([["init"]] if case != "no-schema" else []):
        code, out, err = run(capsys, *argv, *flags)
        assert code == 2, (argv, out, err)
        assert len(err.splitlines()) == 1 and says in err, (argv, err)
        assert PASSWORD not in err + out
        assert not out_file.exists()
    if case in ("no-schema", "auth", "too-new"):
        import psycopg

        with psycopg.connect(blank_pg_url, autocommit=True) as conn:
            held = conn.execute("SELECT to_regclass('dualstack.block') IS NOT NULL AND EXISTS (SELECT 1 FROM dualstack.network)"
                                if case == "too-new" else "SELECT to_regclass('dualstack.block') IS NOT NULL").fetchone()[0]
        assert held is False  # nothing was created or imported


def test_the_dualstack_command_has_it(blank_pg_url, tmp_path):
    """Through the real entry point (``python -m constructs_lib`` is ``dualstack``), as a user runs it."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, DUALSTACK_STORE=blank_pg_url)

    def dualstack(*argv):
        return subprocess.run([sys.executable, "-m", "constructs_lib", "store", *argv], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)

    assert dualstack("init").returncode == 0
    assert dualstack("import", str(LOCK), "--owner", "team-a").returncode == 0
    r = dualstack("export", "--owner", "team-a", "-o", str(tmp_path / "out.json"))
    assert r.returncode == 0, r.stderr
    assert sorted(json.loads((tmp_path / "out.json").read_text())["allocations"]) == sorted(json.loads(LOCK.read_text())["allocations"])
    r = dualstack("export", "-o", str(tmp_path))  # a folder: one line, exit 2
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "dualstack: error:" in r.stderr
    r = dualstack("log", "--since", "not-a-time")
    assert r.returncode == 2 and r.stderr.strip() == "dualstack: error: since: 'not-a-time' is not an ISO 8601 date or time (e.g. 2025-01-31 or 2025-01-31T12:00:00Z)"


def test_a_lock_holding_plan_and_cli_keys_imports_with_their_owners(capsys, fresh_pg_url, tmp_path):
    from constructs_lib.ipam import Ipam

    plan = Ipam()
    plan.create_network("site-nodes", ["10.20.0.0/24"])
    plan.acquire_ip("site-nodes", "site/nodes/worker-0/ipv4")
    ops = lockfile.from_dict(lockfile.to_dict(plan), owner="cli")
    ops.acquire_ip("site-nodes", "ops/bastion")  # what `dualstack ipam` made in the repository's lock
    path = tmp_path / "ipam.lock.json"
    path.write_text(lockfile.dumps(ops))
    code, out, err = run(capsys, "import", str(path), "--owner", "team-a", "--store", fresh_pg_url)
    assert code == 0, err
    assert "stay theirs: cli" in out and "2 allocations" in out
    stored = PostgresStore(fresh_pg_url).read()["allocations"]
    assert stored["site/nodes/worker-0/ipv4"]["owner"] == "team-a" and stored["ops/bastion"]["owner"] == "cli"
    rows = PostgresStore(fresh_pg_url).log()
    assert {r.reason for r in rows} == {"import"}
    code, out, err = run(capsys, "import", str(path), "--owner", "team-a", "--store", fresh_pg_url)
    assert code == 0 and "0 networks, 0 allocations" in out, (out, err)


def test_an_old_export_of_another_team_is_not_imported_under_its_name(capsys, fresh_pg_url, tmp_path):
    """team-a may not bring back keys team-b released, by importing an old export of team-b's lock."""
    transact(PostgresStore(fresh_pg_url), "team-b", plan_work("team-b", ["n1"]))
    path = tmp_path / "old-b.lock.json"
    path.write_text(json.dumps(documents.project(PostgresStore(fresh_pg_url).read(), "team-b")))
    transact(PostgresStore(fresh_pg_url), "team-b", plan_work("team-b", [], prune=True))
    before = PostgresStore(fresh_pg_url).read()
    code, out, err = run(capsys, "import", str(path), "--owner", "team-a", "--store", fresh_pg_url)
    assert code == 2 and out == "" and "the lock gives it to owner team-b, not team-a; import it with --owner team-b" in err
    assert PostgresStore(fresh_pg_url).read() == before
