import pytest

from constructs_lib.ipam import (
    AlreadyAllocated, FamilyMismatch, InvalidPrefix, Ipam, NoIPAvailable, NoPrefixAvailable, NotFound, Overlap, Prefix,
)

SEED_SUPER = dict(
    prefixes=["10.0.0.0/16", "2001:db8:0:10::/64"],
    default_child_prefix_length={"IPv4": 22, "IPv6": 96},
    private_super=True, partition="mini-lab",
)


@pytest.fixture
def ipam():
    i = Ipam()
    i.create_network("tenant-super-network-mini-lab", **SEED_SUPER)
    return i


def test_seed_example_exact(ipam):
    net = ipam.allocate_network("tenant-super-network-mini-lab", key="mini-lab/prj/my-node-network", name="my-node-network")
    assert [p.text for p in net.prefixes] == ["10.0.0.0/22", "2001:db8:0:10::/96"]
    u = ipam.usage(net.id)
    assert u["ipv4"].as_dict() == {"available_ips": 1024, "available_prefixes": 256, "used_ips": 2, "used_prefixes": 0}
    # go-ipam reports 2147483647 (its int32 cap); the true figure is 2**32
    assert u["ipv6"].as_dict() == {"available_ips": 4294967296, "available_prefixes": 1073741824, "used_ips": 1, "used_prefixes": 0}
    assert net.vrf == 20 and net.partition == "mini-lab"
    assert ipam.usage("tenant-super-network-mini-lab")["ipv6"].used_prefixes == 1


def test_super_prefixes_may_not_overlap(ipam):
    with pytest.raises(Overlap, match="10.0.128.0/17 overlaps 10.0.0.0/16 of network tenant-super-network-mini-lab"):
        ipam.create_network("other", ["10.0.128.0/17"])
    with pytest.raises(Overlap, match="2001:db8::/48 overlaps"):
        ipam.create_network("other", ["2001:db8::/48"])
    with pytest.raises(Overlap, match="same network"):
        ipam.create_network("x", ["192.168.0.0/16", "192.168.1.0/24"])
    ipam.create_network("other", ["10.1.0.0/16"])  # adjacent is fine


def test_bad_text_is_refused_naming_field_and_value():
    i = Ipam()
    with pytest.raises(InvalidPrefix, match=r"network n: prefixes\[0\]: 'FD00::/64' is not canonical; write fd00::/64"):
        i.create_network("n", ["FD00::/64"])
    with pytest.raises(InvalidPrefix, match=r"'10.0.0.1/24' has host bits set; write 10.0.0.0/24"):
        i.create_network("n", ["10.0.0.1/24"])
    with pytest.raises(InvalidPrefix, match="is not a CIDR prefix"):
        i.create_network("n", ["banana"])
    with pytest.raises(InvalidPrefix, match=r"defaultchildprefixlength.ipv4: /8 must be longer than /16"):
        i.create_network("n", ["10.9.0.0/16"], default_child_prefix_length={"ipv4": 8})
    with pytest.raises(FamilyMismatch, match="no ipv6 prefix"):
        i.create_network("n", ["10.9.0.0/16"], default_child_prefix_length={"ipv6": 64})


def test_best_fit_lowest_address_and_reuse(ipam):
    a = ipam.acquire_prefix("tenant-super-network-mini-lab", "a", family="ipv4", length=24)
    b = ipam.acquire_prefix("tenant-super-network-mini-lab", "b", family="ipv4", length=23)
    c = ipam.acquire_prefix("tenant-super-network-mini-lab", "c", family="ipv4", length=24)
    # best fit: c fills the /24 hole left beside a, not fresh space after b
    assert (a.cidr, b.cidr, c.cidr) == ("10.0.0.0/24", "10.0.2.0/23", "10.0.1.0/24")
    ipam.release("a")
    d = ipam.acquire_prefix("tenant-super-network-mini-lab", "d", family="ipv4", length=25)
    assert d.cidr == "10.0.0.0/25"  # the freed space is used again, lowest address first


def test_specific_child_prefix(ipam):
    a = ipam.acquire_prefix("tenant-super-network-mini-lab", "fixed", cidr="10.0.8.0/24")
    assert a.cidr == "10.0.8.0/24" and a.newbits == 8 and a.netnum == 8
    with pytest.raises(AlreadyAllocated, match="10.0.8.128/25 overlaps an allocation"):
        ipam.acquire_prefix("tenant-super-network-mini-lab", "inner", cidr="10.0.8.128/25")
    with pytest.raises(InvalidPrefix, match="is not inside network"):
        ipam.acquire_prefix("tenant-super-network-mini-lab", "outside", cidr="10.1.0.0/24")
    with pytest.raises(InvalidPrefix, match="whole of"):
        ipam.acquire_prefix("tenant-super-network-mini-lab", "whole", cidr="10.0.0.0/16")


def test_child_must_be_longer_and_family_known(ipam):
    with pytest.raises(InvalidPrefix, match="/16 is not longer than ipv4 prefix 10.0.0.0/16"):
        ipam.acquire_prefix("tenant-super-network-mini-lab", "k", family="ipv4", length=16)
    with pytest.raises(FamilyMismatch, match="dual-stack; say ipv4 or ipv6"):
        ipam.acquire_prefix("tenant-super-network-mini-lab", "k", length=24)
    v4only = ipam.create_network("v4", ["192.168.0.0/24"])
    with pytest.raises(FamilyMismatch, match="network v4 has no ipv6 prefix"):
        ipam.acquire_prefix(v4only.id, "k", family="ipv6", length=64)
    with pytest.raises(NotFound, match="network 'nope' not found"):
        ipam.acquire_prefix("nope", "k", length=24)


def test_exhaustion_is_typed():
    i = Ipam()
    i.create_network("small", ["192.168.0.0/30"])
    i.acquire_prefix("small", "a", length=31)
    i.acquire_prefix("small", "b", length=31)
    with pytest.raises(NoPrefixAvailable, match="no free /31 left in ipv4 of network small"):
        i.acquire_prefix("small", "c", length=31)
    i.create_network("tiny", ["192.168.1.0/30"])
    assert [i.acquire_ip("tiny", f"ip{n}").address for n in range(2)] == ["192.168.1.1", "192.168.1.2"]
    with pytest.raises(NoIPAvailable, match="no free ipv4 address left in network tiny"):
        i.acquire_ip("tiny", "ip3")


def test_dual_stack_child_is_all_or_nothing():
    i = Ipam()
    i.create_network("s", ["10.0.0.0/16", "fd00::/120"], default_child_prefix_length={"ipv4": 24, "ipv6": 121})
    i.allocate_network("s", key="n1")
    i.allocate_network("s", key="n2")
    before = i.usage("s")
    with pytest.raises(NoPrefixAvailable, match="ipv6"):
        i.allocate_network("s", key="n3")  # IPv4 has room, IPv6 does not
    assert i.usage("s") == before  # the IPv4 half was given back
    assert "n3" not in i.keys()


def test_ip_family_default_and_specific():
    i = Ipam()
    i.create_network("ds", ["10.0.0.0/24", "2001:db8::/64"])
    i.create_network("v6", ["2001:db8:1::/64"])
    assert i.acquire_ip("ds", "a").address == "10.0.0.1"  # IPv4 by default
    assert i.acquire_ip("v6", "b").address == "2001:db8:1::1"  # IPv6-only network: IPv6
    assert i.acquire_ip("ds", "c", family="ipv6").address == "2001:db8::1"
    assert i.acquire_ip("ds", "d", address="10.0.0.10").address == "10.0.0.10"
    with pytest.raises(AlreadyAllocated, match="10.0.0.10 is already allocated"):
        i.acquire_ip("ds", "e", address="10.0.0.10")
    with pytest.raises(AlreadyAllocated, match="reserved"):
        i.acquire_ip("ds", "f", address="10.0.0.255")
    with pytest.raises(AlreadyAllocated, match="reserved"):
        i.acquire_ip("ds", "f", address="2001:db8::")
    with pytest.raises(FamilyMismatch, match="not ipv6"):
        i.acquire_ip("ds", "g", family="ipv6", address="10.0.0.11")
    u = i.usage("ds")
    assert (u["ipv4"].used_ips, u["ipv6"].used_ips) == (4, 2)
    i.release("d")
    assert i.usage("ds")["ipv4"].used_ips == 3


def test_keys_are_stable_and_requests_checked(ipam):
    a = ipam.acquire_prefix("tenant-super-network-mini-lab", "site/net/node-7", family="ipv6", length=112)
    assert ipam.acquire_prefix("tenant-super-network-mini-lab", "site/net/node-7", family="ipv6", length=112) is a
    with pytest.raises(AlreadyAllocated, match="already holds 2001:db8:0:10::/112; release it"):
        ipam.acquire_prefix("tenant-super-network-mini-lab", "site/net/node-7", family="ipv6", length=120)
    with pytest.raises(AlreadyAllocated):
        ipam.acquire_ip("tenant-super-network-mini-lab", "site/net/node-7")
    with pytest.raises(InvalidPrefix, match="key"):
        ipam.acquire_ip("tenant-super-network-mini-lab", " padded ")
    with pytest.raises(NotFound):
        ipam.release("never")


def test_stale_keys_stay_until_prune(ipam):
    from constructs_lib.ipam import dumps, from_dict
    import json

    for n in range(3):
        ipam.acquire_prefix("tenant-super-network-mini-lab", f"node-{n}", family="ipv4", length=24)
    reloaded = from_dict(json.loads(dumps(ipam)))
    reloaded.acquire_prefix("tenant-super-network-mini-lab", "node-0", family="ipv4", length=24)
    reloaded.acquire_prefix("tenant-super-network-mini-lab", "node-2", family="ipv4", length=24)
    assert reloaded.stale_keys() == ["node-1"]
    # node-1's range is not handed to a newcomer while it is stale
    new = reloaded.acquire_prefix("tenant-super-network-mini-lab", "node-3", family="ipv4", length=24)
    assert new.cidr == "10.0.3.0/24"
    assert reloaded.prune() == ["node-1"]
    assert reloaded.acquire_prefix("tenant-super-network-mini-lab", "node-4", family="ipv4", length=24).cidr == "10.0.1.0/24"


def test_child_network_ids_and_vrfs_are_stable(ipam):
    a = ipam.allocate_network("tenant-super-network-mini-lab", key="p/a")
    b = ipam.allocate_network("tenant-super-network-mini-lab", key="p/b")
    other = Ipam()
    other.create_network("tenant-super-network-mini-lab", **SEED_SUPER)
    assert other.allocate_network("tenant-super-network-mini-lab", key="p/a").id == a.id  # uuid5 of the key
    assert (a.vrf, b.vrf) == (20, 21)
    ipam.release(a.key)
    c = ipam.allocate_network("tenant-super-network-mini-lab", key="p/c")
    assert c.vrf == 20 and [p.text for p in c.prefixes] == ["10.0.0.0/22", "2001:db8:0:10::/96"]
    with pytest.raises(AlreadyAllocated, match="release it .* to resize"):
        ipam.allocate_network("tenant-super-network-mini-lab", key="p/b", lengths={"ipv4": 24})


def test_release_network_refuses_while_in_use(ipam):
    n = ipam.allocate_network("tenant-super-network-mini-lab", key="p/a")
    ipam.acquire_ip(n.id, "p/a/host")
    with pytest.raises(AlreadyAllocated, match="still holds allocations"):
        ipam.release(n.key)
    with pytest.raises(AlreadyAllocated, match="super network"):
        ipam.release_network("tenant-super-network-mini-lab")


def test_relative_rendering():
    i = Ipam()
    i.create_network("vpc", [Prefix.relative("aws_vpc.main.ipv6_cidr_block", 56)])
    subnet = i.allocate_network("vpc", key="vpc/private/a", lengths={"ipv6": 64}, id="vpc-private-a")
    i.allocate_network("vpc", key="vpc/private/b", lengths={"ipv6": 64}, id="vpc-private-b")
    assert subnet.prefixes[0].text == "cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)"
    vm = i.acquire_prefix("vpc-private-b", "vm/web-1", length=80)
    vm2 = i.acquire_prefix("vpc-private-b", "vm/web-2", length=80)
    assert vm.cidr is None and vm2.netnum == 1 and vm2.newbits == 16
    assert vm2.expr("aws_subnet.b.ipv6_cidr_block") == "cidrsubnet(aws_subnet.b.ipv6_cidr_block, 16, 1)"
    assert vm2.text == "cidrsubnet(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1), 16, 1)"
    assert vm2.tf() == "${cidrsubnet(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1), 16, 1)}"
    host = i.acquire_ip("vpc-private-a", "vm/web-1/ip", address="cidrhost(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0), 5)")
    assert host.hostnum == 5 and host.expr("aws_subnet.a.ipv6_cidr_block") == "cidrhost(aws_subnet.a.ipv6_cidr_block, 5)"
    concrete = Ipam()
    concrete.create_network("n", ["2001:db8::/56"])
    c = concrete.acquire_prefix("n", "x", length=64)
    assert (c.tf(), c.expr(), c.expr("var.p")) == ("2001:db8::/64", '"2001:db8::/64"', "cidrsubnet(var.p, 8, 0)")


def test_addresses_come_lowest_first():
    i = Ipam()
    i.create_network("n", ["10.0.0.0/24", "2001:db8::/64"])
    got = [i.acquire_ip("n", f"h{n}").address for n in range(4)]
    assert got == ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]  # not .254 first: the reserved broadcast must not steer the pick
    i.release("h1")
    assert i.acquire_ip("n", "again").address == "10.0.0.2"
    assert [i.acquire_ip("n", f"v6-{n}", family="ipv6").address for n in range(2)] == ["2001:db8::1", "2001:db8::2"]
    i.acquire_prefix("n", "block", family="ipv4", cidr="10.0.0.8/29")
    assert [i.acquire_ip("n", f"x{n}").address for n in range(4)] == ["10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.16"]
