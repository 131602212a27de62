"""The applier itself, on a hand-written stack in the shapes our constructs use or are moving to.

``for_each`` as a literal map and as ``${<other for_each resource>}``, ``each.value.<field>``,
``${type.name["key"].attr}`` inside larger strings, ``dynamic`` blocks, ``lookup()``, a data
source lookup, ``depends_on``; unknown arguments fail before any call, unserved types are
listed; a change made behind Terraform's back shows up in the plan.
"""

from __future__ import annotations

import ipaddress
import json
import tempfile
from pathlib import Path

import pytest

from .applier import ApplyError, Applier, Stack

P = "openstack_networking_port_v2"


def stack(cloud, **extra) -> Stack:
    doc = {
        "data": {"openstack_networking_subnetpool_v2": {"pool": {"ip_version": 6, "name": "applier-pool"}}},
        "resource": {
            "openstack_networking_network_v2": {"net": {"name": "t-net", "admin_state_up": True}},
            "openstack_networking_subnet_v2": {
                "sub": {
                    "for_each": {"a": {"cidr": "10.70.0.0/24"}, "b": {"cidr": "10.71.0.0/24"}},
                    "network_id": "${openstack_networking_network_v2.net.id}", "cidr": "${each.value.cidr}",
                    "ip_version": 4, "name": "t-${each.key}",
                },
                "v6": {"network_id": "${openstack_networking_network_v2.net.id}", "ip_version": 6, "prefix_length": 64,
                       "subnetpool_id": "${data.openstack_networking_subnetpool_v2.pool.id}",
                       "ipv6_ra_mode": "dhcpv6-stateful", "ipv6_address_mode": "dhcpv6-stateful"},
            },
            "openstack_networking_secgroup_v2": {
                "bare": {"name": "t-bare", "delete_default_rules": True},
                "stock": {"name": "t-stock"},
            },
            P: {
                "p": {
                    "for_each": "${openstack_networking_subnet_v2.sub}",
                    "network_id": "${each.value.network_id}", "name": "port-on-${each.value.cidr}",
                    "description": "${lookup(each.value, \"description\", null)}",
                    "fixed_ip": [{"subnet_id": "${each.value.id}", "ip_address": "${cidrhost(each.value.cidr, 10)}"},
                                 {"subnet_id": "${openstack_networking_subnet_v2.v6.id}"}],
                    "security_group_ids": ["${openstack_networking_secgroup_v2.bare.id}"],
                    "dynamic": {"allowed_address_pairs": {
                        "for_each": ["fd10::/64", "${cidrsubnet(openstack_networking_subnet_v2.v6.cidr, 16, 1)}"],
                        "iterator": "pair", "content": {"ip_address": "${pair.value}"}}},
                },
                "vip": {"network_id": "${openstack_networking_network_v2.net.id}",
                        "name": "vip next to ${openstack_networking_port_v2.p[\"a\"].name}",
                        "fixed_ip": [{"subnet_id": "${openstack_networking_subnet_v2.sub[\"a\"].id}", "ip_address": "10.70.0.100"}],
                        "depends_on": ["openstack_networking_port_v2.p"]},
            },
            "openstack_networking_router_v2": {"r": {
                "name": "t-r", "admin_state_up": True, "external_network_id": cloud.public_network_id,
                "external_fixed_ip": [{"subnet_id": cloud.public_subnets["ipv4"]}, {"subnet_id": cloud.public_subnets["ipv6"]}]}},
            "openstack_networking_router_interface_v2": {"a": {
                "router_id": "${openstack_networking_router_v2.r.id}", "subnet_id": "${openstack_networking_subnet_v2.sub[\"a\"].id}"}},
            "openstack_networking_floatingip_v2": {"f": {"pool": "public",
                                                         "depends_on": ["openstack_networking_router_interface_v2.a"]}},
            "openstack_networking_floatingip_associate_v2": {"f": {
                "floating_ip": "${openstack_networking_floatingip_v2.f.address}",
                "port_id": "${openstack_networking_port_v2.vip.id}", "fixed_ip": "10.70.0.100"}},
            "openstack_compute_instance_v2": {"vm": {"for_each": "${openstack_networking_port_v2.p}", "name": "${each.key}",
                                                     "network": [{"port": "${each.value.id}"}], "flavor_name": "x"}},
            "openstack_lb_loadbalancer_v2": {"lb": {"vip_subnet_id": "${openstack_networking_subnet_v2.sub[\"a\"].id}"}},
        },
        "output": {"a_ipv6": {"value": "${one([for ip in openstack_networking_port_v2.p[\"a\"].all_fixed_ips : ip if strcontains(ip, \":\")])}"}},
    }
    for path, value in extra.items():
        type_, name, arg = path.split("__")
        doc["resource"][type_][name][arg] = value
    return _load(doc)


def _load(doc: dict) -> Stack:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cdk.tf.json"
        path.write_text(json.dumps(doc))
        return Stack.load(path)


@pytest.fixture(scope="module")
def named_pool(cloud) -> dict:
    """A pool of its own, looked up by name (the site tests keep the default pool to themselves)."""
    return cloud.neutron.post("/subnetpools", {"subnetpool": {
        "name": "applier-pool", "prefixes": ["fd4e:88a1:7c00::/48"], "default_prefixlen": 64, "shared": True}})["subnetpool"]


@pytest.fixture(scope="module")
def applied(cloud, named_pool):
    applier = Applier(cloud.neutron, stack(cloud), cloud.project("applier"))
    return applier, applier.apply()


def test_generic_references_resolve(applied, named_pool):
    applier, report = applied
    ports = {i.address: i for i in applier.instances(P)}
    a, b = ports['openstack_networking_port_v2.p["a"]'], ports['openstack_networking_port_v2.p["b"]']
    assert a.attrs["name"] == "port-on-10.70.0.0/24" and b.attrs["name"] == "port-on-10.71.0.0/24"
    v6 = applier.instances("openstack_networking_subnet_v2")[-1].attrs["cidr"]
    assert ipaddress.ip_network(v6).subnet_of(ipaddress.ip_network(named_pool["prefixes"][0]))  # carved from the named pool
    v4, v6_address = sorted((f["ip_address"] for f in a.attrs["fixed_ips"]), key=lambda x: ":" in x)
    assert v4 == "10.70.0.10" and ipaddress.ip_address(v6_address) in ipaddress.ip_network(v6)
    pairs = {p["ip_address"] for p in a.attrs["allowed_address_pairs"]}
    assert pairs == {"fd10::/64", str(list(ipaddress.ip_network(v6).subnets(16))[1])}
    vip = ports["openstack_networking_port_v2.vip"]
    assert vip.attrs["name"] == "vip next to port-on-10.70.0.0/24"
    assert applier.output("a_ipv6") == next(ip for ip in a.attrs["all_fixed_ips"] if ":" in ip)
    assert report.created.index("openstack_networking_port_v2.vip") > report.created.index('openstack_networking_port_v2.p["b"]')


def test_unserved_types_are_listed_by_type(applied):
    _, report = applied
    assert report.skipped == {"openstack_compute_instance_v2": ["openstack_compute_instance_v2.vm"],
                              "openstack_lb_loadbalancer_v2": ["openstack_lb_loadbalancer_v2.lb"]}


def test_delete_default_rules_removes_what_neutron_put_in_the_group(applied, cloud):
    applier, _ = applied
    groups = {g.attrs["name"]: g for g in applier.instances("openstack_networking_secgroup_v2")}
    rules = {n: cloud.neutron.get(f"/security-groups/{g.id}")["security_group"]["security_group_rules"] for n, g in groups.items()}
    assert rules["t-bare"] == []
    assert sorted((r["direction"], r["ethertype"]) for r in rules["t-stock"]) == [("egress", "IPv4"), ("egress", "IPv6")]


def test_floating_ip_association_and_gateway(applied, cloud):
    applier, _ = applied
    fip = applier.instances("openstack_networking_floatingip_v2")[0]
    obj = cloud.neutron.get(f"/floatingips/{fip.id}")["floatingip"]
    vip = applier.instances(P)[-1]
    assert (obj["port_id"], obj["fixed_ip_address"]) == (vip.id, "10.70.0.100")
    router = applier.instances("openstack_networking_router_v2")[0]
    assert sorted(f["subnet_id"] for f in router.attrs["external_fixed_ip"]) == sorted(cloud.public_subnets.values())


def test_nothing_to_change_then_a_change_behind_terraforms_back_shows(applied, cloud):
    applier, _ = applied
    assert [str(c) for c in applier.plan()] == []
    net = applier.instances("openstack_networking_network_v2")[0]
    cloud.neutron.put(f"/networks/{net.id}", {"network": {"name": "renamed"}})
    try:
        changes = applier.plan()
        assert [(c.address, c.field, c.desired, c.actual) for c in changes] == [
            ("openstack_networking_network_v2.net", "name", "t-net", "renamed")]
    finally:
        cloud.neutron.put(f"/networks/{net.id}", {"network": {"name": "t-net"}})


def test_an_unknown_argument_fails_before_any_call(cloud):
    calls = len(cloud.neutron.calls)
    with pytest.raises(ApplyError, match="openstack_networking_network_v2.net: argument.*segments.*not mapped"):
        Applier(cloud.neutron, stack(cloud, openstack_networking_network_v2__net__segments=[{"network_type": "vxlan"}]), "none")
    assert len(cloud.neutron.calls) == calls


def test_a_reference_outside_the_stack_or_a_cycle_is_refused(cloud):
    with pytest.raises(ApplyError, match="refers to openstack_networking_network_v2.other, which the stack does not define"):
        Applier(cloud.neutron, stack(cloud, openstack_networking_router_v2__r__name="${openstack_networking_network_v2.other.name}"), "x")
    with pytest.raises(ApplyError, match="dependency cycle"):
        Applier(cloud.neutron, stack(cloud, openstack_networking_network_v2__net__description="${openstack_networking_port_v2.vip.id}"), "x")
