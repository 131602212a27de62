"""Capacity before allocation (issue 11 item 12): refused with the counts and the setting that grows
the range, accepted at the edge, and nothing allocated when refused."""

import ipaddress

import pytest

from constructs_lib.ipam import to_dict
from constructs_lib.kubernetes import LimitError

from .conftest import build, plan

THREE = [{"name": "w1"}, {"name": "w2"}, {"name": "w3"}]


def refused(**kw):
    ipam = kw.pop("ipam", None) or plan()
    before = to_dict(ipam)
    with pytest.raises(LimitError) as e:
        build(ipam=ipam, **kw)
    msg = str(e.value)
    assert "\n" not in msg
    return msg, before, to_dict(ipam)


def test_pod_range_with_fewer_node_ranges_than_nodes_is_refused_before_allocation():
    # issue 11's own case: v6private/64 with node mask 64 holds one node range, three nodes
    msg, before, after = refused(pods="v6private/64", node_cidr_mask_size={"ipv6": 64},
                                 nodes="fd00:9::/64", machines=[{"name": f"w{i}", "addresses": {"ipv6": f"fd00:9::{i}"}} for i in (1, 2, 3)])
    assert "pods (ipv6): v6private/64 (/64) holds 1 node range of /64 (node_cidr_mask_size.ipv6), but the cluster has 3 nodes" in msg
    assert "give pods a /62 or shorter, or set node_cidr_mask_size.ipv6 to 66 or longer" in msg
    assert "cidr_set.go" in msg
    assert after == before  # refused before anything was allocated: no ULA generated, no key taken


def test_pod_range_at_capacity_is_accepted_and_both_remedies_work():
    machines = [{"name": f"w{i}", "addresses": {"ipv4": f"10.0.0.{i}"}} for i in range(1, 5)]
    base = dict(ip_families=["ipv4"], nodes="10.0.0.0/24", services="10.96.0.0/16", machines=machines)
    msg, _, _ = refused(**base, pods="172.20.0.0/23")  # 2 x /24 for 4 nodes
    assert "172.20.0.0/23 (/23) holds 2 node ranges of /24" in msg and "give pods a /22 or shorter" in msg
    assert "node_cidr_mask_size.ipv4 to 25 or longer" in msg
    build(**base, pods="172.20.0.0/22")  # exactly 4
    build(**base, pods="172.20.0.0/23", node_cidr_mask_size={"ipv4": 25}, calico={"block_size": {"ipv4": 26}})


def test_service_range_must_hold_what_the_control_plane_takes():
    msg, _, _ = refused(ip_families=["ipv4"], nodes="10.0.0.0/24", services="10.96.0.0/29")
    assert "has 8 addresses, fewer than 10: kube-apiserver hands out 6 of them" in msg
    assert "the first for the kubernetes service (kube-apiserver) and the tenth for cluster DNS (kubeadm)" in msg
    assert "give services a /28 or shorter" in msg and "MinimumAddressesInServiceSubnet" in msg and "ServiceIPRange" in msg
    # without kubeadm only kube-apiserver's own minimum (8) holds: /29 is enough, /30 is not
    build(ip_families=["ipv4"], nodes="10.0.0.0/24", services="10.96.0.0/29", targets=["kube-proxy"])
    msg, _, _ = refused(ip_families=["ipv4"], nodes="10.0.0.0/24", services="10.96.0.0/30", targets=["kube-proxy"])
    assert "has 4 addresses, fewer than 8" in msg and "kube-apiserver takes the first for the kubernetes service" in msg
    msg, _, _ = refused(services="fd00:1::/125")
    assert "has 8 addresses, fewer than 10: kube-apiserver hands out 7 of them" in msg and "/124 or shorter" in msg


def test_node_range_addresses_against_machines_the_cluster_addresses_itself():
    machines = [{"name": f"w{i:02d}"} for i in range(15)]
    # 10.1.0.0/28 is outside the plan's networks: the cluster pins it and hands its machines their addresses
    msg, before, after = refused(ip_families=["ipv4"], nodes="10.1.0.0/28", pods="172.20.0.0/16", services="10.96.0.0/16",
                                 machines=machines)
    assert "nodes (ipv4): 10.1.0.0/28 (/28) holds 14 node addresses, but 15 machines take theirs from it" in msg
    assert "give nodes (10.1.0.0/28) a /27 or shorter" in msg
    assert after == before
    c, r, _ = build(ip_families=["ipv4"], nodes="10.1.0.0/28", pods="172.20.0.0/16", services="10.96.0.0/16", machines=machines[:14])
    assert len({m.addresses["ipv4"] for m in r.machines}) == 14
    # machines that bring their addresses (known at apply time here) take none from the range
    given = [{"name": f"w{i:02d}", "addresses": {"ipv4": f"${{aws_instance.w{i:02d}.private_ip}}"}} for i in range(20)]
    c, r, _ = build(ip_families=["ipv4"], nodes="10.1.0.0/28", pods="172.20.0.0/14", services="10.96.0.0/16", machines=given)
    assert len(r.machines) == 20


def test_per_node_prefixes_count_the_block_the_addresses_take():
    # a /64 with +prefix/66 has 4 blocks; the node addresses (and the subnet-router anycast) fill the first
    msg, _, _ = refused(nodes="v6global/64+prefix/66", pods="v6fromNode", calico={"block_size": {"ipv6": 122}},
                        machines=[{"name": f"w{i}"} for i in range(4)])
    assert "nodes (ipv6): v6global/64+prefix/66 (/64) holds 4 /66 prefixes (1 holds the node addresses)" in msg
    assert "but 4 machines need a +prefix/66 of their own; give nodes (v6global/64+prefix/66) a /63 or shorter" in msg
    c, r, _ = build(nodes="v6global/64+prefix/66", pods="v6fromNode", machines=[{"name": f"w{i}"} for i in range(3)])
    assert len({m.prefixes["ipv6"].text for m in r.machines}) == 3
    # IPv4: the broadcast address takes the top block as well
    msg, _, _ = refused(ip_families=["ipv4"], nodes="10.1.0.0/24+prefix/26", pods="v4fromNode", services="10.96.0.0/16",
                        calico={"block_size": {"ipv4": 26}}, machines=[{"name": f"w{i}"} for i in range(3)])
    assert "(2 hold the node addresses and the broadcast address)" in msg
    c, r, _ = build(ip_families=["ipv4"], nodes="10.1.0.0/24+prefix/26", pods="v4fromNode", services="10.96.0.0/16",
                    calico={"block_size": {"ipv4": 26}}, machines=[{"name": f"w{i}"} for i in range(2)])
    assert sorted(m.prefixes["ipv4"].text for m in r.machines) == ["10.1.0.128/26", "10.1.0.64/26"]


def test_given_prefixes_and_addresses_need_no_room():
    # AWS hands every VM its address and /80: nothing is carved from the node range, so no count applies
    machines = [{"name": f"w{i}", "addresses": {"ipv6": f"${{aws_instance.w{i}.ipv6_addresses[0]}}"},
                 "prefixes": {"ipv6": str(ipaddress.ip_network(f"fd00:9:0:0:{i:x}::/80"))}} for i in range(1, 6)]
    c, r, _ = build(nodes="fd00:9::/64+prefix/80", pods="v6fromNode", services="fd02::/108", machines=machines)
    assert len(r.machines) == 5


def test_two_machines_with_one_address_are_refused():
    with pytest.raises(Exception) as e:
        build(ip_families=["ipv4"], nodes="10.1.0.0/28", pods="172.20.0.0/16", services="10.96.0.0/16",
              machines=[{"name": "w1", "addresses": {"ipv4": "10.1.0.5"}}, {"name": "w2", "addresses": {"ipv4": "10.1.0.5"}}])
    assert "node w2 (ipv4): address 10.1.0.5 is node w1's as well" in str(e.value)


def test_a_site_node_network_too_small_names_the_sites_setting():
    ipam = plan()
    net = ipam.allocate_network("tenant-super", key="site/c1/nodes", lengths={"ipv6": 124}, families=["ipv6"])
    msg, _, _ = refused(ipam=ipam, node_networks={"ipv6": net.id}, machines=[{"name": f"w{i:02d}"} for i in range(16)])
    assert "nodes (ipv6): the node network (/124) holds 15 node addresses, but 16 machines take theirs from it" in msg
    assert "give the site's node network (node_networks.ipv6: OpenStack node_lengths.ipv6, AWS node_ipv6_length) a /123 or shorter" in msg
