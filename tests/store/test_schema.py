"""The schema's own guarantees, against the real server: written straight in SQL, past the allocator."""

import json

import psycopg
import pytest

from constructs_lib.errors import StoreError
from constructs_lib.ipam.lockfile import FORMAT
from constructs_lib.store.base import transact, Outcome
from constructs_lib.store.postgres import PostgresStore

INSERT_NETWORK = "INSERT INTO dualstack.network (id, parent, key, owner, vrf) VALUES (%s, %s, %s, %s, %s)"
INSERT_BLOCK = """INSERT INTO dualstack.block (kind, network, position, key, owner, parent, root, parent_cidr, cidr, text)
                  VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"""


@pytest.fixture
def db(fresh_pg_url):
    with psycopg.connect(fresh_pg_url, autocommit=True) as conn:
        def run(sql, *params):
            conn.execute(sql, params)

        run(INSERT_NETWORK, "n", None, None, None, None)
        run(INSERT_BLOCK, "super", "n", 0, None, None, None, "", None, "10.0.0.0/16", "10.0.0.0/16")
        run(INSERT_BLOCK, "super", "n", 1, None, None, None, "", None, "fd00::/48", "fd00::/48")
        # an Amazon-provided /56: the placeholder ::/56 of its root
        run(INSERT_NETWORK, "vpc", None, None, None, None)
        run(INSERT_BLOCK, "super", "vpc", 0, None, None, None, "aws_vpc.x.ipv6_cidr_block", None, "::/56", "aws_vpc.x.ipv6_cidr_block")
        yield run


def prefix(run, key, network, parent_cidr, cidr, root="", text=None, owner="plan"):
    run(INSERT_BLOCK, "prefix", network, None, key, owner, network, root, parent_cidr, cidr, text or cidr)


def child_network(run, id, parent, key, prefixes, vrf=None, owner="plan"):
    run(INSERT_NETWORK, id, parent, key, owner, vrf)
    for i, (parent_cidr, cidr, root, text) in enumerate(prefixes):
        run(INSERT_BLOCK, "network", id, i, None, None, parent, root, parent_cidr, cidr, text)


def refused(run, constraint, sql, *params):
    with pytest.raises(psycopg.errors.IntegrityError) as e:
        run(sql, *params)
    assert e.value.diag.constraint_name == constraint, e.value
    return e.value


def test_sibling_allocations_cannot_overlap(db):
    prefix(db, "a", "n", "10.0.0.0/16", "10.0.0.0/24")
    prefix(db, "other-owner", "n", "10.0.0.0/16", "10.0.1.0/24", owner="team-b")
    refused(db, "block_siblings_disjoint", INSERT_BLOCK, "prefix", "n", None, "b", "team-b", "n", "", "10.0.0.0/16", "10.0.0.128/25", "10.0.0.128/25")
    refused(db, "block_siblings_disjoint", INSERT_BLOCK, "ip", "n", None, "c", "plan", "n", "", "10.0.0.0/16", "10.0.1.7/32", "10.0.1.7")
    refused(db, "block_siblings_disjoint", INSERT_BLOCK, "prefix", "n", None, "d", "plan", "n", "", "10.0.0.0/16", "10.0.0.0/23", "10.0.0.0/23")  # holds both


def test_child_network_prefixes_share_the_constraint(db):
    child_network(db, "c", "n", "site/net", [("10.0.0.0/16", "10.0.4.0/24", "", "10.0.4.0/24"), ("fd00::/48", "fd00:0:0:4::/64", "", "fd00:0:0:4::/64")], vrf=20)
    refused(db, "block_siblings_disjoint", INSERT_BLOCK, "prefix", "n", None, "x", "plan", "n", "", "10.0.0.0/16", "10.0.4.64/26", "10.0.4.64/26")
    refused(db, "block_siblings_disjoint", INSERT_BLOCK, "prefix", "n", None, "y", "plan", "n", "", "fd00::/48", "fd00:0:0:4:8000::/65", "fd00:0:0:4:8000::/65")
    # inside the child network, the child's own prefix is the parent: allocations there are fine
    prefix(db, "site/net/node", "c", "10.0.4.0/24", "10.0.4.64/26")


def test_apply_time_prefixes_are_offsets_in_a_placeholder(db):
    root = "aws_vpc.x.ipv6_cidr_block"
    # cidrsubnet(root, 8, 3): the /64 at offset 3 of the /56
    child_network(db, "sub", "vpc", "vpc/sub", [("::/56", "0:0:0:3::/64", root, f"cidrsubnet({root}, 8, 3)")])
    refused(db, "block_siblings_disjoint", INSERT_BLOCK, "prefix", "vpc", None, "k", "plan", "vpc", root, "::/56", "0:0:0:3:8000::/72",
            f"cidrsubnet({root}, 16, 896)")
    prefix(db, "vpc/free", "vpc", "::/56", "0:0:0:4::/64", root=root, text=f"cidrsubnet({root}, 8, 4)")
    # another root is another space: its placeholder ::/56 overlaps nothing
    db(INSERT_NETWORK, "vpc2", None, None, None, None)
    db(INSERT_BLOCK, "super", "vpc2", 0, None, None, None, "aws_vpc.y.ipv6_cidr_block", None, "::/56", "aws_vpc.y.ipv6_cidr_block")
    # the same root twice is one space: refused
    db(INSERT_NETWORK, "vpc3", None, None, None, None)
    refused(db, "block_supers_disjoint", INSERT_BLOCK, "super", "vpc3", 0, None, None, None, root, None, "::/56", root)
    # a concrete prefix and a relative one of the same parent never clash
    prefix(db, "vpc/concrete-looking", "vpc", "::/56", "0:0:0:5::/64", root=root, text=f"cidrsubnet({root}, 8, 5)")


def test_super_prefixes_cannot_overlap(db):
    db(INSERT_NETWORK, "m", None, None, None, None)
    refused(db, "block_supers_disjoint", INSERT_BLOCK, "super", "m", 0, None, None, None, "", None, "10.0.128.0/17", "10.0.128.0/17")
    refused(db, "block_supers_disjoint", INSERT_BLOCK, "super", "m", 0, None, None, None, "", None, "fd00::/8", "fd00::/8")
    db(INSERT_BLOCK, "super", "m", 0, None, None, None, "", None, "10.1.0.0/16", "10.1.0.0/16")


def test_blocks_stay_inside_their_parent(db):
    refused(db, "block_strictly_inside", INSERT_BLOCK, "prefix", "n", None, "out", "plan", "n", "", "10.0.0.0/16", "10.1.0.0/24", "10.1.0.0/24")
    refused(db, "block_strictly_inside", INSERT_BLOCK, "prefix", "n", None, "whole", "plan", "n", "", "10.0.0.0/16", "10.0.0.0/16", "10.0.0.0/16")
    # a parent prefix the network does not have
    refused(db, "block_inside_parent_prefix", INSERT_BLOCK, "prefix", "n", None, "nope", "plan", "n", "", "10.1.0.0/16", "10.1.0.0/24", "10.1.0.0/24")
    # the text must say the same prefix as the cidr
    refused(db, "block_text_is_cidr", INSERT_BLOCK, "prefix", "n", None, "lie", "plan", "n", "", "10.0.0.0/16", "10.0.9.0/24", "10.0.8.0/24")


def test_keys_are_unique_across_allocations_and_networks(db):
    prefix(db, "k", "n", "10.0.0.0/16", "10.0.0.0/24")
    refused(db, "block_key_key", INSERT_BLOCK, "prefix", "n", None, "k", "plan", "n", "", "10.0.0.0/16", "10.0.1.0/24", "10.0.1.0/24")
    refused(db, "keys_disjoint", INSERT_NETWORK, "c", "n", "k", "plan", None)
    child_network(db, "c2", "n", "netkey", [("10.0.0.0/16", "10.0.2.0/24", "", "10.0.2.0/24")])
    refused(db, "keys_disjoint", INSERT_BLOCK, "prefix", "n", None, "netkey", "plan", "n", "", "10.0.0.0/16", "10.0.3.0/24", "10.0.3.0/24")
    refused(db, "network_key_key", INSERT_NETWORK, "c3", "n", "netkey", "plan", None)


def test_vrf_ids_are_unique(db):
    child_network(db, "c", "n", "a", [("10.0.0.0/16", "10.0.4.0/24", "", "10.0.4.0/24")], vrf=20)
    refused(db, "network_vrf_key", INSERT_NETWORK, "d", "n", "b", "plan", 20)


def test_a_prefix_holding_blocks_cannot_be_dropped(db):
    prefix(db, "k", "n", "10.0.0.0/16", "10.0.0.0/24")
    refused(db, "block_inside_parent_prefix", "DELETE FROM dualstack.block WHERE holder = 'n' AND cidr = '10.0.0.0/16'")
    db("DELETE FROM dualstack.block WHERE holder = 'n' AND cidr = 'fd00::/48'")  # an empty one can go


def test_change_log_is_append_only(fresh_pg_url):
    store = PostgresStore(fresh_pg_url)
    doc = {"format": FORMAT, "networks": {"n": {"prefixes": ["10.0.0.0/16"]}}, "allocations": {}}
    transact(store, "plan", lambda snap: Outcome(doc))
    with psycopg.connect(fresh_pg_url, autocommit=True) as conn:
        for sql in ("UPDATE dualstack.change SET owner = 'x'", "DELETE FROM dualstack.change", "TRUNCATE dualstack.change"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                conn.execute(sql)
    assert len(store.log()) == 1


def test_the_store_maps_a_schema_refusal_to_one_line(fresh_pg_url):
    """A document the allocator would never hand back (two overlapping keys): the database refuses it."""
    store = PostgresStore(fresh_pg_url)
    doc = {"format": FORMAT, "networks": {"n": {"prefixes": ["10.0.0.0/16"]}},
           "allocations": {"a": {"network": "n", "cidr": "10.0.0.0/24"}, "b": {"network": "n", "cidr": "10.0.0.0/25"}}}
    with pytest.raises(StoreError) as e:
        transact(store, "plan", lambda snap: Outcome(doc))
    assert "two blocks carved from one network overlap" in str(e.value) and "10.0.0.0/2" in str(e.value)
    assert len(e.value.lines) == 1
    assert store.read() is None and store.log() == []  # nothing written, not even the network
