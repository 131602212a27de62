from fractions import Fraction

import pytest

from constructs_lib.ipam import Ipam, from_dict, to_dict
from constructs_lib.report import rows, usage_rows
from constructs_lib.report.rows import share_text
from constructs_lib.report.tree import build_tree

from .plan import VPC_V6, fresh


@pytest.fixture(scope="module")
def plan():
    return fresh(3)


def by_key(rs, key, family=None):
    found = [r for r in rs if r.key == key and (family is None or r.family == family)]
    assert len(found) == 1, (key, family, found)
    return found[0]


def test_every_range_is_one_row(plan):
    rs = rows(plan)
    expected = (
        sum(len(n.prefixes) for n in plan.networks.values())  # super and child network prefixes
        + len(plan.allocations)
    )
    assert len(rs) == expected == 6 + 3 + 22
    assert len({(r.key, r.family, r.cidr) for r in rs}) == len(rs)


def test_row_fields(plan):
    rs = rows(plan)
    node = by_key(rs, "os-fra/net/node-1")
    assert (node.site, node.network, node.family, node.cidr, node.purpose, node.kind, node.depth) == (
        "os-fra", "os-fra/net/main", "ipv4", "10.10.0.1", "node port", "ip", 2)
    v6 = by_key(rs, "os-fra/net/node-1/v6")
    assert (v6.cidr, v6.family, v6.network) == ("2001:db8:10::1", "ipv6", "os-fra/net/main")
    main4 = by_key(rs, "os-fra/net/main", "ipv4")
    assert (main4.network, main4.cidr, main4.kind, main4.depth, main4.purpose) == (
        "os-fra-super", "10.10.0.0/24", "network", 1, "node network")  # the network's purpose label
    storage = by_key(rs, "os-fra/net/storage")
    assert (storage.family, storage.purpose) == ("ipv6", "storage")  # no label, no description: its name
    fip = by_key(rs, "os-fra/fip-pool")
    assert (fip.cidr, fip.purpose, fip.kind) == ("10.10.1.0/26", "floating IPs", "prefix")


def test_super_rows(plan):
    rs = rows(plan)
    supers = [r for r in rs if r.kind == "super"]
    assert [(r.key, r.family, r.cidr) for r in supers] == [
        ("aws-main", "ipv4", "10.20.0.0/16"),
        ("aws-main", "ipv6", f"{VPC_V6} (/56)"),
        ("k8s-prod", "ipv4", "10.244.0.0/16"),
        ("k8s-prod", "ipv6", "fd00:10:244::/56"),
        ("os-fra-super", "ipv4", "10.10.0.0/16"),
        ("os-fra-super", "ipv6", "2001:db8:10::/48"),
    ]
    assert {r.key: r.purpose for r in supers} == {
        "aws-main": "VPC",  # purpose label
        "k8s-prod": "pod networks of cluster prod",  # description
        "os-fra-super": "Frankfurt OpenStack",  # name
    }
    assert all(r.depth == 0 and r.network == r.key for r in supers)


def test_site_rule(plan):
    rs = rows(plan)
    # a site label on the super network wins over the key's first segment ("aws")
    assert {r.site for r in rs if r.key.startswith("aws")} == {"aws-eu-west-1"}
    # otherwise the key's first segment; a super network sits with its contents when they agree
    assert {r.site for r in rs if r.key.startswith("k8s")} == {"k8s"}
    assert by_key(rs, "k8s-prod", "ipv4").site == "k8s"
    assert by_key(rs, "os-fra-super", "ipv4").site == "os-fra"


def test_site_of_super_with_mixed_contents_is_its_partition_then_id():
    ipam = Ipam()
    ipam.create_network("shared/ula", ["fd00::/48"], partition="global")
    ipam.acquire_prefix("shared/ula", "a/x", length=64)
    ipam.acquire_prefix("shared/ula", "b/x", length=64)
    ipam.create_network("lab/super", ["10.0.0.0/8"])
    ipam.acquire_prefix("lab/super", "c/x", length=16)
    ipam.acquire_prefix("lab/super", "d/x", length=16)
    rs = rows(ipam)
    assert by_key(rs, "shared/ula").site == "global"
    assert by_key(rs, "lab/super").site == "lab"
    # a child network's own site label beats its key
    net = ipam.allocate_network("lab/super", "c/net", lengths={"ipv4": 24}, labels={"site": "berlin"})
    ipam.acquire_ip(net.id, "c/net/vm-1")
    rs = rows(ipam)
    assert by_key(rs, "c/net").site == by_key(rs, "c/net/vm-1").site == "berlin"


def test_order_is_site_then_tree_then_address(plan):
    rs = rows(plan)
    assert [r.site for r in rs] == sorted(r.site for r in rs)
    os_fra = [(r.depth, r.key) for r in rs if r.site == "os-fra" and r.family == "ipv6"]
    assert os_fra == [
        (0, "os-fra-super"),
        (1, "os-fra/net/main"),
        (2, "os-fra/net/node-1/v6"), (2, "os-fra/net/node-2/v6"), (2, "os-fra/net/node-3/v6"),
        (1, "os-fra/net/storage"),
        (2, "os-fra/net/storage/ceph-mon-0"),
    ]


def test_rows_do_not_depend_on_allocation_order(plan):
    # from_dict re-reserves every key in sorted order, not in the order they were first asked for
    again = from_dict(to_dict(plan))
    assert rows(again) == rows(plan)


def test_relative_rows(plan):
    rs = rows(plan)
    sub = by_key(rs, "aws/main/subnet/public/eu-west-1b/v6")
    assert sub.relative and sub.cidr == f"cidrsubnet({VPC_V6}, 8, 3)"
    assert by_key(rs, "aws/main/subnet/public/eu-west-1b", "ipv4").cidr == "10.20.48.0/20"
    assert not by_key(rs, "aws/main/subnet/public/eu-west-1b").relative


def test_relative_addresses_render_as_cidrhost():
    ipam = Ipam()
    ipam.create_network("pool", ["10.0.0.0/16", "fd00::/48"])  # a concrete neighbour: no overlap with the root
    from constructs_lib.ipam import Prefix

    ipam.create_network("vpc", [Prefix.relative("aws_vpc.x.ipv6_cidr_block", 56)])
    sub = ipam.allocate_network("vpc", "vpc/subnet-a", lengths={"ipv6": 64})
    ipam.acquire_ip(sub.id, "vpc/subnet-a/vm-1")
    rs = rows(ipam)
    assert by_key(rs, "vpc/subnet-a").cidr == "cidrsubnet(aws_vpc.x.ipv6_cidr_block, 8, 0)"
    assert by_key(rs, "vpc/subnet-a/vm-1").cidr == "cidrhost(cidrsubnet(aws_vpc.x.ipv6_cidr_block, 8, 0), 1)"


def test_tree_matches_children_of(plan):
    tree = build_tree(plan)
    for n in plan.networks.values():
        for p in n.prefixes:
            assert [(c.key, c.prefix, c.kind) for c in tree.kids(p)] == plan.children_of(p)


def test_usage_rows_exact(plan):
    us = {(u.network, u.family): u for u in usage_rows(plan)}
    assert len(us) == 6
    for (net, family), u in us.items():
        assert (u.size, u.used_ips, u.used_prefixes, u.free_blocks) == tuple(
            plan.usage(net)[family].as_dict()[k] for k in ("available_ips", "used_ips", "used_prefixes", "available_prefixes"))
    v4 = us[("os-fra-super", "ipv4")]
    assert (v4.size, v4.allocated, v4.used_prefixes, v4.free_unit) == (65536, 256 + 64, 2, 30)
    v6 = us[("os-fra-super", "ipv6")]
    assert v6.size == 2**80 and v6.allocated == 2 * 2**64 and v6.prefixes == ("2001:db8:10::/48",)
    rel = us[("aws-main", "ipv6")]
    assert rel.size == 2**72 and rel.allocated == 4 * 2**64 and rel.allocated_share == Fraction(1, 64)


def test_seed_example_usage():
    """Seed 000: the super network's figures after one child network, exact."""
    ipam = Ipam()
    ipam.create_network("tenant-super-network-mini-lab", ["10.0.0.0/16", "2001:db8:0:10::/64"],
                        default_child_prefix_length={"ipv4": 22, "ipv6": 96}, private_super=True, partition="mini-lab")
    ipam.allocate_network("tenant-super-network-mini-lab", "mini-lab/prj/my-node-network")
    us = {u.family: u for u in usage_rows(ipam)}
    assert (us["ipv4"].allocated, us["ipv4"].used_prefixes, us["ipv4"].free_blocks) == (1024, 1, (65536 - 1024) // 4)
    assert (us["ipv6"].allocated, us["ipv6"].size) == (2**32, 2**64)
    assert us["ipv6"].free_blocks == (2**64 - 2**32) // 4


@pytest.mark.parametrize("share,text", [
    (Fraction(0), "0%"), (Fraction(1, 8), "12.50%"), (Fraction(1), "100.00%"), (Fraction(1, 10000), "0.01%"),
    (Fraction(1, 2**32), "2.3e-08%"), (Fraction(2, 2**64), "1.1e-17%"),
])
def test_share_text(share, text):
    assert share_text(share) == text


def test_sites_group_rows_even_when_network_ids_sort_otherwise():
    ipam = Ipam()
    ipam.create_network("a-net", ["10.0.0.0/16"], labels={"site": "zurich"})
    ipam.create_network("b-net", ["10.1.0.0/16"], labels={"site": "amsterdam"})
    ipam.create_network("core", ["fd00::/48"])  # shared: its children belong to different sites
    ipam.acquire_prefix("a-net", "zrh/a", length=24)
    ipam.acquire_prefix("b-net", "ams/b", length=24)
    ipam.acquire_prefix("core", "y/late", length=64)
    ipam.acquire_prefix("core", "x/early", length=64)
    rs = rows(ipam)
    assert [(r.site, r.key) for r in rs] == [
        ("amsterdam", "b-net"), ("amsterdam", "ams/b"),
        ("core", "core"),  # contents disagree, no partition: the id's first segment
        ("x", "x/early"),
        ("y", "y/late"),
        ("zurich", "a-net"), ("zurich", "zrh/a"),
    ]
