"""The schema's own guarantees, against the real server: rows written straight in SQL, past the allocator."""

import psycopg
import pytest

from constructs_lib.errors import StoreError
from constructs_lib.ipam.lockfile import FORMAT
from constructs_lib.store.base import Outcome, transact
from constructs_lib.store.postgres import PostgresStore

INSERT_NETWORK = "INSERT INTO dualstack.network (id, parent, key, owner, vrf) VALUES (%s, %s, %s, %s, %s)"
INSERT_BLOCK = """INSERT INTO dualstack.block (kind, network, position, key, owner, parent, parent_cidr, depth, root_slot, cidr, text)
                  VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"""
ROOT = "aws_vpc.x.ipv6_cidr_block"


@pytest.fixture
def db(fresh_pg_url):
    with psycopg.connect(fresh_pg_url, autocommit=True) as conn:
        def run(sql, *params):
            conn.execute(sql, params)

        run(INSERT_NETWORK, "n", None, None, None, None)
        super_prefix(run, "n", 0, "10.0.0.0/16")
        super_prefix(run, "n", 1, "fd00::/48")
        # an Amazon-provided /56: slot 1 of the placeholder space, 0:1::/56
        run("INSERT INTO dualstack.root (slot, expr, family, length) VALUES (1, %s, 6, 56)", ROOT)
        run(INSERT_NETWORK, "vpc", None, None, None, None)
        run(INSERT_BLOCK, "super", "vpc", 0, None, None, None, None, 0, 1, "0:1::/56", ROOT)
        yield run


def super_prefix(run, network, position, cidr):
    run(INSERT_BLOCK, "super", network, position, None, None, None, None, 0, None, cidr, cidr)


def block(kind, network, key, parent_cidr, cidr, *, depth=1, slot=None, text=None, owner="plan"):
    """The parameters of an allocation's row."""
    return (kind, network, None, key, owner, network, parent_cidr, depth, slot, cidr, text or (cidr.split("/")[0] if kind == "ip" else cidr))


def child_network(run, id, parent, key, prefixes, vrf=None, owner="plan", depth=1):
    run(INSERT_NETWORK, id, parent, key, owner, vrf)
    for i, (parent_cidr, cidr, slot, text) in enumerate(prefixes):
        run(INSERT_BLOCK, "network", id, i, None, None, parent, parent_cidr, depth, slot, cidr, text)


def refused(run, constraint, sql, *params):
    with pytest.raises(psycopg.errors.IntegrityError) as e:
        run(sql, *params)
    assert e.value.diag.constraint_name == constraint, e.value
    return e.value


def test_sibling_allocations_cannot_overlap(db):
    db(INSERT_BLOCK, *block("prefix", "n", "a", "10.0.0.0/16", "10.0.0.0/24"))
    db(INSERT_BLOCK, *block("prefix", "n", "other-owner", "10.0.0.0/16", "10.0.1.0/24", owner="team-b"))
    refused(db, "block_depth_1_disjoint", INSERT_BLOCK, *block("prefix", "n", "b", "10.0.0.0/16", "10.0.0.128/25", owner="team-b"))
    refused(db, "block_depth_1_disjoint", INSERT_BLOCK, *block("ip", "n", "c", "10.0.0.0/16", "10.0.1.7/32"))
    refused(db, "block_depth_1_disjoint", INSERT_BLOCK, *block("prefix", "n", "d", "10.0.0.0/16", "10.0.0.0/23"))  # holds both


def test_child_network_prefixes_share_the_constraint(db):
    child_network(db, "c", "n", "site/net", [("10.0.0.0/16", "10.0.4.0/24", None, "10.0.4.0/24"),
                                              ("fd00::/48", "fd00:0:0:4::/64", None, "fd00:0:0:4::/64")], vrf=20)
    refused(db, "block_depth_1_disjoint", INSERT_BLOCK, *block("prefix", "n", "x", "10.0.0.0/16", "10.0.4.64/26"))
    refused(db, "block_depth_1_disjoint", INSERT_BLOCK, *block("prefix", "n", "y", "fd00::/48", "fd00:0:0:4:8000::/65"))
    # inside the child network, its own prefix is the parent: allocations there are fine
    db(INSERT_BLOCK, *block("prefix", "c", "site/net/node", "10.0.4.0/24", "10.0.4.64/26", depth=2))
    refused(db, "block_depth_2_disjoint", INSERT_BLOCK, *block("ip", "c", "site/net/node-ip", "10.0.4.0/24", "10.0.4.65/32", depth=2))


def test_depth_is_the_parents_plus_one(db):
    refused(db, "block_inside_parent_prefix", INSERT_BLOCK, *block("prefix", "n", "deep", "10.0.0.0/16", "10.0.9.0/24", depth=2))
    refused(db, "block_shape", INSERT_BLOCK, "super", "n", 5, None, None, None, None, 1, None, "10.9.0.0/16", "10.9.0.0/16")


def test_apply_time_prefixes_are_offsets_in_their_roots_slot(db):
    # cidrsubnet(root, 8, 3): the /64 at offset 3 of the /56
    child_network(db, "sub", "vpc", "vpc/sub", [("0:1::/56", "0:1:0:3::/64", 1, f"cidrsubnet({ROOT}, 8, 3)")])
    refused(db, "block_depth_1_disjoint", INSERT_BLOCK,
            *block("prefix", "vpc", "k", "0:1::/56", "0:1:0:3:8000::/72", slot=1, text=f"cidrsubnet({ROOT}, 16, 896)"))
    db(INSERT_BLOCK, *block("prefix", "vpc", "vpc/free", "0:1::/56", "0:1:0:4::/64", slot=1, text=f"cidrsubnet({ROOT}, 8, 4)"))
    # another root has its own slot: overlaps nothing
    db("INSERT INTO dualstack.root (slot, expr, family, length) VALUES (2, 'aws_vpc.y.ipv6_cidr_block', 6, 56)")
    db(INSERT_NETWORK, "vpc2", None, None, None, None)
    db(INSERT_BLOCK, "super", "vpc2", 0, None, None, None, None, 0, 2, "0:2::/56", "aws_vpc.y.ipv6_cidr_block")
    # a root's super prefix is its placeholder, exactly
    db(INSERT_NETWORK, "vpc3", None, None, None, None)
    refused(db, "block_root_placeholder", INSERT_BLOCK, "super", "vpc3", 0, None, None, None, None, 0, 1, "0:1:100::/56", ROOT)
    refused(db, "block_depth_0_disjoint", INSERT_BLOCK, "super", "vpc3", 0, None, None, None, None, 0, 1, "0:1::/56", ROOT)  # the same root twice
    # a block outside its root's slot, and a concrete prefix in the placeholder space
    refused(db, "block_in_its_space", INSERT_BLOCK, *block("prefix", "vpc", "wrong-slot", "0:1::/56", "0:1:0:9::/64", slot=2))
    refused(db, "block_in_its_space", INSERT_BLOCK, "super", "vpc3", 0, None, None, None, None, 0, None, "0:5::/32", "0:5::/32")
    db(INSERT_BLOCK, "super", "vpc3", 0, None, None, None, None, 0, None, "::ffff:0:0/96", "::ffff:0:0/96")  # ::/32 is not the placeholder space


def test_super_prefixes_cannot_overlap(db):
    db(INSERT_NETWORK, "m", None, None, None, None)
    refused(db, "block_depth_0_disjoint", INSERT_BLOCK, "super", "m", 0, None, None, None, None, 0, None, "10.0.128.0/17", "10.0.128.0/17")
    refused(db, "block_depth_0_disjoint", INSERT_BLOCK, "super", "m", 0, None, None, None, None, 0, None, "fd00::/8", "fd00::/8")
    super_prefix(db, "m", 0, "10.1.0.0/16")


def test_blocks_stay_inside_their_parent(db):
    refused(db, "block_strictly_inside", INSERT_BLOCK, *block("prefix", "n", "out", "10.0.0.0/16", "10.1.0.0/24"))
    refused(db, "block_strictly_inside", INSERT_BLOCK, *block("prefix", "n", "whole", "10.0.0.0/16", "10.0.0.0/16"))
    # a parent prefix the network does not have
    refused(db, "block_inside_parent_prefix", INSERT_BLOCK, *block("prefix", "n", "nope", "10.1.0.0/16", "10.1.0.0/24"))
    # the text must say the same prefix as the cidr
    refused(db, "block_text_is_cidr", INSERT_BLOCK, *block("prefix", "n", "lie", "10.0.0.0/16", "10.0.9.0/24", text="10.0.8.0/24"))
    # a child network's prefix names its network's parent
    db(INSERT_NETWORK, "m", None, None, None, None)
    super_prefix(db, "m", 0, "10.1.0.0/16")
    db(INSERT_NETWORK, "c", "m", "k", "plan", None)
    refused(db, "block_holder_network", INSERT_BLOCK, "network", "c", 0, None, None, "n", "10.0.0.0/16", 1, None, "10.0.5.0/24", "10.0.5.0/24")


def test_keys_are_unique_across_allocations_and_networks(db):
    db(INSERT_BLOCK, *block("prefix", "n", "k", "10.0.0.0/16", "10.0.0.0/24"))
    refused(db, "block_key_key", INSERT_BLOCK, *block("prefix", "n", "k", "10.0.0.0/16", "10.0.1.0/24"))
    refused(db, "keys_disjoint", INSERT_NETWORK, "c", "n", "k", "plan", None)
    child_network(db, "c2", "n", "netkey", [("10.0.0.0/16", "10.0.2.0/24", None, "10.0.2.0/24")])
    refused(db, "keys_disjoint", INSERT_BLOCK, *block("prefix", "n", "netkey", "10.0.0.0/16", "10.0.3.0/24"))
    refused(db, "network_key_key", INSERT_NETWORK, "c3", "n", "netkey", "plan", None)


def test_vrf_ids_are_unique(db):
    child_network(db, "c", "n", "a", [("10.0.0.0/16", "10.0.4.0/24", None, "10.0.4.0/24")], vrf=20)
    refused(db, "network_vrf_key", INSERT_NETWORK, "d", "n", "b", "plan", 20)


def test_a_prefix_holding_blocks_cannot_be_dropped(db):
    db(INSERT_BLOCK, *block("prefix", "n", "k", "10.0.0.0/16", "10.0.0.0/24"))
    refused(db, "block_inside_parent_prefix", "DELETE FROM dualstack.block WHERE holder = 'n' AND cidr = '10.0.0.0/16'")
    db("DELETE FROM dualstack.block WHERE holder = 'n' AND cidr = 'fd00::/48'")  # an empty one can go
    refused(db, "block_holder_network", "DELETE FROM dualstack.network WHERE id = 'n'")  # a network with prefixes stays


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
