"""The OpenStack site's address plan (pure Python): seed 001's own subnets, growth, room, ignored settings."""

from __future__ import annotations

import copy

import pytest
import yaml

from constructs_lib.app.pipeline import allocate
from constructs_lib.app.plan_file import PlanError, parse_plan
from constructs_lib.ipam import Ipam, from_dict, to_dict
from tests.app.conftest import ROOT

PLAN = yaml.safe_load((ROOT / "plan.yaml").read_text())


def seed_001(**site) -> dict:
    """yaook's config.toml, as a plan: subnet_cidr 172.30.154.0/24 (yaook's default) and subnet_v6_cidr fd00::/120."""
    openstack = {"subnet_cidrs": {"ipv4": "172.30.154.0/24", "ipv6": "fd00::/120"}, "ipv6_mode": "dhcpv6-stateful",
                 "gateways": ["gw-0", "gw-1"], "control_plane": ["cp-0", "cp-1", "cp-2"], "workers": ["worker-0", "worker-1"],
                 "wireguard": {"wg_ipv6_cidr": "fd01::/120", "wg_ipv6_gw": "fd01::1/120"}, **site}
    return {"version": 1, "sites": {"yaook": {"openstack": openstack}}}


def test_seed_001_subnets_given_directly():
    plan, clusters = parse_plan(seed_001())
    ipam = Ipam()
    done = allocate(plan, clusters, ipam)
    site = done.sites["yaook"].plan
    assert site.subnets["ipv6"].cidr == "fd00::/120" and site.subnets["ipv4"].cidr == "172.30.154.0/24"
    assert ipam.network("yaook/k8s-nodes").prefixes[1].text == "fd00::/120"  # pinned: nothing else may take it
    assert all(a.startswith("fd00::") for n in site.nodes.values() for f, a in n.addresses.items() if f == "ipv6")
    again = Ipam()
    allocate(*parse_plan(seed_001()), from_dict(to_dict(ipam)))  # the same answers from the lock
    with pytest.raises(PlanError, match="subnet_cidrs.ipv6: 'fd00::1/120' has host bits set"):
        parse_plan(seed_001(subnet_cidrs={"ipv4": "172.30.154.0/24", "ipv6": "fd00::1/120"}))
    with pytest.raises(PlanError, match="node_supernet: unset, but subnet_cidrs does not name every family"):
        parse_plan(seed_001(subnet_cidrs={"ipv6": "fd00::/120"}))
    del again


def test_a_given_subnet_that_overlaps_the_plan_is_refused():
    raw = seed_001()
    raw["super_networks"] = [{"id": "other", "prefixes": ["fd00::/64"]}]
    plan, clusters = parse_plan(raw)
    with pytest.raises(PlanError, match="overlaps fd00::/64 of network other"):
        allocate(plan, clusters, Ipam())


def test_node_network_room_names_the_setting_that_grows_it():
    raw = copy.deepcopy(PLAN)
    raw["sites"]["os-fra"]["openstack"]["workers"] = [f"w-{i}" for i in range(300)]
    raw["sites"]["os-fra"]["openstack"]["max_router_routes"] = 1000  # a route per node's /80: the operator raised the quota
    del raw["kubernetes"]
    plan, clusters = parse_plan(raw)
    with pytest.raises(PlanError, match=r"node_subnets.ipv4: 306 ipv4 addresses are needed .* raise node_subnets.ipv4 to 2"):
        allocate(plan, clusters, Ipam())
    raw["sites"]["os-fra"]["openstack"]["node_subnets"] = {"ipv4": 2}
    done = allocate(*parse_plan(raw), Ipam())
    site = done.sites["os-fra"].plan
    assert [s.cidr for s in site.all_subnets("ipv4")] == ["10.20.0.0/24", "10.20.1.0/24"]
    assert site.nodes["w-299"].subnet_index == {"ipv4": 1} and site.nodes["w-0"].subnet_index == {}


def test_growing_never_renumbers_and_shrinking_is_refused():
    raw = copy.deepcopy(PLAN)
    raw["sites"]["os-fra"]["openstack"]["workers"] = [f"w-{i}" for i in range(150)]
    raw["sites"]["os-fra"]["openstack"]["max_router_routes"] = 1000
    del raw["kubernetes"]
    ipam = Ipam()
    allocate(*parse_plan(raw), ipam)
    before = to_dict(ipam)
    raw["sites"]["os-fra"]["openstack"]["workers"] += [f"w-{i}" for i in range(150, 250)]
    raw["sites"]["os-fra"]["openstack"]["node_subnets"] = {"ipv4": 2}
    grown = from_dict(before)
    allocate(*parse_plan(raw), grown)
    after = to_dict(grown)
    assert all(after["allocations"][k] == v for k, v in before["allocations"].items())
    raw["sites"]["os-fra"]["openstack"]["node_subnets"] = {"ipv4": 1}
    with pytest.raises(PlanError, match="node_subnets.ipv4: 1, but the node network already holds 2"):
        allocate(*parse_plan(raw), from_dict(after))


def test_settings_without_effect_are_refused():
    raw = copy.deepcopy(PLAN)
    o = raw["sites"]["os-fra"]["openstack"]
    o.update(families=["ipv4"], ipv6_mode="slaac", pod_prefix_length=80, flavors={"gateway": "a", "control-plane": "b", "worker": "c"},
             gateways=[], dns_nameservers={"ipv4": ["9.9.9.9"]}, ssh_from={"ipv4": ["198.51.100.0/24"]})
    o.pop("pod_supernet"), o.pop("wireguard"), o.pop("floating_ip_pool")
    del raw["kubernetes"]
    with pytest.raises(PlanError) as err:
        parse_plan(raw)
    text = "\n".join(err.value.lines)
    for field in ("ipv6_mode", "pod_prefix_length", "flavors.gateway"):
        assert f"sites.os-fra.openstack.{field}: has no effect" in text


def test_ssh_from_anywhere_is_said_on_purpose():
    raw = copy.deepcopy(PLAN)
    raw["sites"]["os-fra"]["openstack"]["ssh_from"] = {"ipv4": ["anywhere"], "ipv6": ["2001:db8:ffff::/48"]}
    done = allocate(*parse_plan(raw), Ipam())
    rules = {r.key: r for r in done.sites["os-fra"].plan.rules}
    assert rules["ssh-anywhere"].remote.everywhere and rules["ssh-anywhere"].families == ("ipv4",)
    assert rules["ssh"].families == ("ipv6",)
    raw["sites"]["os-fra"]["openstack"]["ssh_from"] = {"ipv4": ["0.0.0.0/0"], "ipv6": ["::/0"]}
    with pytest.raises(PlanError, match=r"ssh_from.ipv4\[0\]: 0.0.0.0/0 opens SSH to the whole ipv4 internet; write anywhere to mean it"):
        allocate(*parse_plan(raw), Ipam())


def test_routes_beyond_the_clouds_quota_are_refused_naming_the_setting():
    raw = copy.deepcopy(PLAN)
    raw["sites"]["os-fra"]["openstack"]["workers"] = [f"w-{i}" for i in range(40)]
    plan, clusters = parse_plan(raw)
    with pytest.raises(PlanError, match=r"max_router_routes: 44 static routes on router k8s .* but the cloud allows 30"):
        allocate(plan, clusters, Ipam())
    raw["sites"]["os-fra"]["openstack"]["max_router_routes"] = 44
    allocate(*parse_plan(raw), Ipam())


def test_dns_egress_reaches_the_name_servers():
    done = allocate(*parse_plan(copy.deepcopy(PLAN)), Ipam())
    rules = {r.key: r for r in done.sites["os-fra"].plan.rules}
    assert rules["dns-udp"].remote.ipv4 == ("9.9.9.9/32",) and rules["dns-udp"].remote.ipv6 == ("2620:fe::fe/128",)
    assert rules["dns-tcp"].ports == (53, 53)
