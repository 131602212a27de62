"""PostgresStore against a real server: migrations, no-op runs, retries, and bad input in one line."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from constructs_lib.errors import StoreError
from constructs_lib.ipam import lockfile
from constructs_lib.store.base import Outcome, RetryableStoreError, transact
from constructs_lib.store.postgres import PostgresStore, migrations, schema_version
from tests.pgserver import PASSWORD, PASSWORD_ROLE

from .plans import plan_work

ROOT = Path(__file__).resolve().parents[2]


def sql(url, statement, *params):
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params or None)
        return cur.fetchall() if cur.description else None


# -- migrations ------------------------------------------------------------------------------------
def test_migrations_are_versioned_files_applied_in_order_once(blank_pg_url):
    files = sorted(p.name for p in (ROOT / "constructs_lib/store/migrations").glob("*.sql"))
    assert files == [f"{m.version:04d}_{m.name}.sql" for m in migrations()] and schema_version() == len(files)
    store = PostgresStore(blank_pg_url)
    with pytest.raises(StoreError, match="run dualstack store init"):
        store.read()
    assert store.init() == [f[:-4] for f in files]
    assert store.init() == []  # idempotent
    assert sql(blank_pg_url, "SELECT version, name FROM dualstack.migration ORDER BY version") == [(m.version, m.name) for m in migrations()]
    assert store.read() is None
    # every migration is itself idempotent: running it again over the current schema changes nothing and fails nothing
    for m in migrations():
        sql(blank_pg_url, m.text)


def test_a_newer_schema_is_refused_in_one_line(fresh_pg_url):
    sql(fresh_pg_url, "INSERT INTO dualstack.migration (version, name) VALUES (99, 'from_the_future')")
    store = PostgresStore(fresh_pg_url)
    for call in (store.read, store.init, lambda: transact(store, "a", plan_work("a", ["n"])), store.log):
        with pytest.raises(StoreError) as e:
            call()
        assert "schema version 99 is newer than this dualstack knows (1); upgrade dualstack" in str(e.value)
        assert len(e.value.lines) == 1
    assert sql(fresh_pg_url, "SELECT count(*) FROM dualstack.block") == [(0,)]


# -- runs ------------------------------------------------------------------------------------------
def test_a_no_change_run_writes_no_row_and_no_log_entry(fresh_pg_url):
    store = PostgresStore(fresh_pg_url)
    transact(store, "team-a", plan_work("team-a", [f"n{i}" for i in range(20)]))
    logged = len(store.log())
    with store.session("team-a", "again") as s:
        outcome = plan_work("team-a", [f"n{i}" for i in range(20)])(s.snapshot)
        assert s.commit(outcome.document) == []
        s._cur.execute("SELECT txid_current_if_assigned()")
        assert s._cur.fetchone() == (None,)  # the transaction never wrote: PostgreSQL gave it no transaction id
    assert len(store.log()) == logged


def test_log_rows_hold_owner_run_before_after_reason(fresh_pg_url):
    store = PostgresStore(fresh_pg_url)
    transact(store, "team-a", plan_work("team-a", ["n1", "n2"]), run_id="run-1")
    transact(store, "team-a", plan_work("team-a", ["n1"], prune=True), run_id="run-2")
    log = store.log(key="team-a/n2/pods")
    assert [(e.run_id, e.reason, e.before is None, e.after is None) for e in log] == [("run-1", "allocate", True, False), ("run-2", "prune", False, True)]
    assert log[0].after == log[1].before and log[0].after["owner"] == "team-a"
    assert log[0].time.endswith("Z") and log[0].time <= log[1].time
    assert store.log(since="2999-01-01") == [] and len(store.log(since="2000-01-01T00:00:00Z")) == len(store.log())
    with pytest.raises(StoreError, match="since: 'yesterday' is not an ISO 8601"):
        store.log(since="yesterday")


def test_growing_a_super_network_and_dropping_an_empty_prefix(fresh_pg_url):
    store = PostgresStore(fresh_pg_url)
    transact(store, "team-a", plan_work("team-a", ["n1"]))

    def grow(snapshot):
        ipam = lockfile.from_dict(snapshot, owner="team-a")
        ipam.add_prefix("shared", "10.1.0.0/16")
        ipam.acquire_prefix("shared", "team-a/extra", cidr="10.1.2.0/24")
        return Outcome(lockfile.to_dict(ipam))

    transact(store, "team-a", grow)
    assert store.read()["networks"]["shared"]["prefixes"] == ["10.200.0.0/16", "fd00:1::/48", "10.1.0.0/16"]

    def drop_held_by_hand(snapshot):  # past the allocator, which refuses it too
        doc = json.loads(json.dumps(snapshot))
        doc["networks"]["shared"]["prefixes"].remove("10.1.0.0/16")
        return Outcome(doc)

    with pytest.raises(StoreError, match="still holds blocks"):
        transact(store, "team-a", drop_held_by_hand)

    def shrink(snapshot):
        ipam = lockfile.from_dict(snapshot, owner="team-a")
        ipam.release("team-a/extra")
        ipam.remove_prefix("shared", "10.1.0.0/16")
        return Outcome(lockfile.to_dict(ipam))

    transact(store, "team-a", shrink)
    assert store.read()["networks"]["shared"]["prefixes"] == ["10.200.0.0/16", "fd00:1::/48"]


class _LosesRaces(PostgresStore):
    """The server itself reports a serialization failure or a deadlock on the first attempts."""

    def __init__(self, url: str, states: list[str]) -> None:
        super().__init__(url)
        self.states = states

    @contextmanager
    def session(self, owner, run_id):
        with super().session(owner, run_id) as s:
            if self.states:
                state = self.states.pop(0)
                s._cur.execute(f"DO $$ BEGIN RAISE EXCEPTION 'lost a race' USING ERRCODE = '{state}'; END $$")
            yield s


def test_serialization_failures_and_deadlocks_are_retried(fresh_pg_url):
    store = _LosesRaces(fresh_pg_url, ["40001", "40P01"])
    got = transact(store, "team-a", plan_work("team-a", ["n1"]), base_delay=0.001)
    assert store.read()["allocations"]["team-a/n1/ipv4"]["address"] == got["team-a/n1/ipv4"]
    with pytest.raises(RetryableStoreError):
        with _LosesRaces(fresh_pg_url, ["40P01"]).session("team-a", "r"):
            pass
    with pytest.raises(StoreError, match="gave up after 3 attempts, each lost a race"):
        transact(_LosesRaces(fresh_pg_url, ["40001"] * 3), "team-a", plan_work("team-a", ["n2"]), attempts=3, base_delay=0.001)


# -- bad input: one line, nothing written, never a password ---------------------------------------
def one_line(call):
    with pytest.raises(StoreError) as e:
        call()
    assert len(e.value.lines) == 1 and "\n" not in str(e.value)
    return str(e.value)


def test_unreachable_server(tmp_path):
    msg = one_line(lambda: PostgresStore(f"postgresql://alice:{PASSWORD}@/db?host={tmp_path}").read())
    assert "cannot connect" in msg and "postgresql://alice:***@/db" in msg and PASSWORD not in msg
    msg = one_line(lambda: PostgresStore(f"postgresql://alice:{PASSWORD}@127.0.0.1:1/db", connect_timeout=3).read())
    assert "cannot connect" in msg and PASSWORD not in msg


def test_authentication_failed_names_the_user_not_the_password(pg_server, fresh_pg_url):
    db = fresh_pg_url.split("@/")[1].split("?")[0]
    wrong = "not-" + PASSWORD
    msg = one_line(lambda: PostgresStore(pg_server.url(db, user=PASSWORD_ROLE, password=wrong)).read())
    assert f"authentication failed for user '{PASSWORD_ROLE}'" in msg and wrong not in msg and PASSWORD not in msg
    # the right password gets in (and is masked in every message there too)
    msg = one_line(lambda: PostgresStore(pg_server.url("nosuchdb", user=PASSWORD_ROLE, password=PASSWORD)).read())
    assert "database 'nosuchdb' does not exist; create it (createdb nosuchdb) and run dualstack store init" in msg and PASSWORD not in msg


def test_database_or_schema_missing(pg_server, blank_pg_url):
    msg = one_line(lambda: PostgresStore(pg_server.url("nosuchdb")).read())
    assert "does not exist" in msg and "createdb nosuchdb" in msg
    store = PostgresStore(blank_pg_url)
    for call in (store.read, store.log, lambda: transact(store, "a", plan_work("a", ["n"]))):
        assert "has no dualstack schema; run dualstack store init" in one_line(call)
    assert sql(blank_pg_url, "SELECT to_regclass('dualstack.block')") == [(None,)]  # nothing was created


def test_apply_time_roots_of_both_families_round_trip(fresh_pg_url):
    """Relative roots (IPv6 and IPv4), nested child networks, cidrsubnet() prefixes and cidrhost() addresses."""
    from constructs_lib.ipam import Ipam, Prefix

    ipam = Ipam(owner="team-a")
    ipam.create_network("vpc6", [Prefix.relative("aws_vpc.a.ipv6_cidr_block", 56)])
    ipam.create_network("vpc4", [Prefix.relative("openstack_subnetpool.p.prefix", 16, 4)])
    tier = ipam.allocate_network("vpc6", "a/tier", lengths={"ipv6": 60})
    subnet = ipam.allocate_network(tier.id, "a/tier/az1", lengths={"ipv6": 64})
    ipam.acquire_prefix(subnet.id, "a/vm-1", length=80)
    ipam.acquire_ip(subnet.id, "a/vip", family="ipv6")
    net4 = ipam.allocate_network("vpc4", "a/net4", lengths={"ipv4": 24})
    ipam.acquire_ip(net4.id, "a/host4")
    doc = lockfile.to_dict(ipam)
    store = PostgresStore(fresh_pg_url)
    transact(store, "team-a", lambda snapshot: Outcome(doc))
    assert store.read() == doc
    assert doc["allocations"]["a/vip"]["address"].startswith("cidrhost(cidrsubnet(")
    # the second root of the same expression and length is the same space: refused by the allocator and by the schema
    rows = sql(fresh_pg_url, "SELECT slot, expr, family, length, placeholder::text FROM dualstack.root ORDER BY slot")
    assert rows == [(1, "aws_vpc.a.ipv6_cidr_block", 6, 56, "0:1::/56"), (2, "openstack_subnetpool.p.prefix", 4, 16, "0:2::/112")]


def test_the_store_refuses_to_nest_deeper_than_its_constraints(fresh_pg_url):
    from constructs_lib.ipam import Ipam

    ipam = Ipam()
    ipam.create_network("top", ["fd00::/16"])
    parent = "top"
    for depth in range(1, 16):
        parent = ipam.allocate_network(parent, f"level-{depth}", lengths={"ipv6": 16 + 4 * depth}).id
    doc = lockfile.to_dict(ipam)
    msg = one_line(lambda: transact(PostgresStore(fresh_pg_url), "plan", lambda snapshot: Outcome(doc)))
    assert "nested 15 levels deep; the store keeps up to 14" in msg
