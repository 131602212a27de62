"""The ``starlingx:`` section: its schema, and planning it through the allocator (keys, lock, refusals)."""

import pytest

from constructs_lib.ipam import Ipam, Prefix, from_dict, to_dict
from constructs_lib.starlingx import (
    StarlingxError,
    StarlingxSection,
    kubernetes_networks,
    kubernetes_ranges,
    parse_section,
    plan_starlingx,
)
from constructs_lib.starlingx.section import NetworkSpec, PoolSpec, SystemSpec

from .helpers import changed, ipv6_system


def refused(section, ipam=None) -> list[str]:
    with pytest.raises(StarlingxError) as e:
        plan_starlingx(ipam or Ipam(), section)
    assert all("\n" not in line for line in e.value.lines)
    return e.value.lines


def minimal(**parts) -> dict:
    return {"management": {"primary": {"subnet": "fd01::/64"}}, "oam": {"primary": {"subnet": "fd00::/64"}}, **parts}


# -- schema ----------------------------------------------------------------------------------------------
def test_defaults():
    system = parse_section({"lab": minimal()}).systems["lab"]
    assert (system.system_mode, system.dns_servers, system.system_controller) == ("simplex", [], None)
    pool = system.oam.primary
    assert (pool.order, pool.ranges, pool.name, pool.floating_address) == ("random", None, None, None)
    assert list(system.networks()) == ["management", "oam"]
    assert parse_section(None).systems == {} and StarlingxSection({}).systems == {}
    assert StarlingxSection.model_validate(None).systems == {}  # `starlingx:` with nothing under it


def test_every_field_is_described():
    for model in (PoolSpec, NetworkSpec, SystemSpec):
        props = model.model_json_schema()["properties"]
        assert props and all(p.get("description") for p in props.values()), model.__name__


@pytest.mark.parametrize("data, lines", [
    ({"lab": {"oam": {"primary": {"subnet": "fd00::/64"}}}}, ["starlingx.lab.management: Field required"]),
    ({"lab": minimal(mgmt={})}, ["starlingx.lab.mgmt: unknown key (a typo?)"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "floating": "fd00::3"}})},
     ["starlingx.lab.oam.primary.floating: unknown key (a typo?)"]),
    ({"Lab": minimal()}, ["starlingx.Lab: a system name is lower-case letters, digits and '-', at most 42 (it keys allocations "
                          "and names the folder starlingx/<system>/)"]),
    ({"lab": minimal(oam={"primary": {}})},
     ["starlingx.lab.oam.primary: give subnet: (a CIDR, pinned) or from: (a super network id), one of them"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "from": "v6"}})},
     ["starlingx.lab.oam.primary: give subnet: (a CIDR, pinned) or from: (a super network id), one of them"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "length": 64}})},
     ["starlingx.lab.oam.primary: length: 64 goes with from:; a named subnet has its own"]),
    ({"lab": minimal(oam={"primary": {"subnet": "FD00::/64"}})},
     ["starlingx.lab.oam.primary.subnet: 'FD00::/64' is not canonical; write fd00::/64"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::1/64"}})},
     ["starlingx.lab.oam.primary.subnet: 'fd00::1/64' has host bits set; write fd00::/64"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "ranges": ["fd00::2-fd00::9", "fd00::20-fd00::29"]}})},
     ["starlingx.lab.oam.primary.ranges: 2 ranges; a pool here holds one (the bootstrap overrides carry one per pool: "
      "<network>_start_address and _end_address)"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "ranges": ["fd00::2"]}})},
     ["starlingx.lab.oam.primary.ranges: 'fd00::2' is not a range; write start-end, e.g. 10.20.5.1-10.20.5.254"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "ranges": ["fd00::9-fd00::2"]}})},
     ["starlingx.lab.oam.primary.ranges: 'fd00::9-fd00::2': the start is after the end; swap them"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "ranges": ["fd00::2-10.0.0.9"]}})},
     ["starlingx.lab.oam.primary.ranges: 'fd00::2-10.0.0.9' mixes IPv6 and IPv4; a range holds one family"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "gateway_address": "fd00::0001"}})},
     ["starlingx.lab.oam.primary.gateway_address: 'fd00::0001' is not canonical; write fd00::1"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "order": "shuffled"}})},
     ["starlingx.lab.oam.primary.order: Input should be 'random' or 'sequential' (got 'shuffled')"]),
    ({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "name": "oam v6"}})},
     ["starlingx.lab.oam.primary.name: 'oam v6' is not a pool name; use letters, digits, '.', '_' and '-' (at most 63, "
      "starting with a letter or digit)"]),
    ({"lab": minimal(dns_servers=["fd00::53", "10.0.0.53", "10.0.0.54", "10.0.0.55"])},
     ["starlingx.lab.dns_servers: 4 servers; StarlingX takes at most 3"]),
    ({"lab": minimal(dns_servers=["fd00::53", "fd00::53"])}, ["starlingx.lab.dns_servers: 'fd00::53' is given twice"]),
    ({"lab": minimal(dns_servers=["dns.example"])}, ["starlingx.lab.dns_servers[0]: 'dns.example' is not an IP address"]),
    ({"lab": minimal(system_mode="duplex-x")},
     ["starlingx.lab.system_mode: Input should be 'simplex', 'duplex' or 'duplex-direct' (got 'duplex-x')"]),
    (["lab"], ["starlingx: must be a mapping of system names to systems, not list"]),
])
def test_schema_refusals_name_the_path_and_value(data, lines):
    with pytest.raises(StarlingxError) as e:
        parse_section(data)
    assert e.value.lines == lines


def test_schema_reports_every_problem_at_once():
    with pytest.raises(StarlingxError) as e:
        parse_section({"lab": minimal(oam={"primary": {"subnet": "FD00::/64"}}, mgmt={}), "Lab2": minimal()})
    assert e.value.lines == [
        "starlingx.Lab2: a system name is lower-case letters, digits and '-', at most 42 (it keys allocations and names the "
        "folder starlingx/<system>/)",
        "starlingx.lab.mgmt: unknown key (a typo?)",
        "starlingx.lab.oam.primary.subnet: 'FD00::/64' is not canonical; write fd00::/64",
    ]


# -- pools from super networks --------------------------------------------------------------------------------
def supers() -> Ipam:
    ipam = Ipam()
    ipam.create_network("lab-v6", ["fd10::/48"], default_child_prefix_length={"ipv6": 64})
    ipam.create_network("lab-v4", ["10.30.0.0/16"], default_child_prefix_length={"ipv4": 24})
    ipam.create_network("lab-dual", ["10.40.0.0/16", "fd20::/48"])
    return ipam


def from_supers() -> dict:
    return {
        "system_mode": "duplex",
        "management": {"primary": {"from": "lab-v6"}, "secondary": {"from": "lab-v4"}},
        "oam": {"primary": {"from": "lab-dual", "family": "ipv6", "length": 64},
                "secondary": {"from": "lab-dual", "family": "ipv4", "length": 26, "gateway_address": "10.40.0.1"}},
    }


def test_pools_take_subnets_from_super_networks_under_stable_keys():
    ipam = supers()
    plan = plan_starlingx(ipam, {"lab": from_supers()})
    lab = plan.systems["lab"]
    got = {f"{p.network}.{p.slot}": (p.key, p.subnet, p.source) for p in lab.pools()}
    assert got == {
        "management.primary": ("starlingx/lab/management/ipv6", "fd10::/64", "lab-v6"),
        "management.secondary": ("starlingx/lab/management/ipv4", "10.30.0.0/24", "lab-v4"),
        "oam.primary": ("starlingx/lab/oam/ipv6", "fd20::/64", "lab-dual"),
        "oam.secondary": ("starlingx/lab/oam/ipv4", "10.40.0.0/26", "lab-dual"),
    }
    net = ipam.network("starlingx/lab/oam/ipv4")
    assert (net.parent, net.key, net.labels) == ("lab-dual", "starlingx/lab/oam/ipv4",
                                                 {"starlingx": "lab", "network": "oam", "pool": "oam-ipv4"})
    # OAM: floating is the lowest free address after the gateway, the controllers floating + 1 and + 2 (bootstrap)
    oam4 = lab.networks["oam"].secondary
    assert dict(oam4.roles) == {"floating_address": "10.40.0.2", "controller0_address": "10.40.0.3",
                                "controller1_address": "10.40.0.4", "gateway_address": "10.40.0.1"}
    assert ipam.get("starlingx/lab/oam/ipv4/gateway").address == "10.40.0.1"
    # the same section on the lock it left: the same plan, every key asked for again; a new system moves nothing
    again = from_dict(to_dict(ipam))
    other = from_supers()
    del other["oam"]["secondary"]["gateway_address"]
    replanned = plan_starlingx(again, {"lab": from_supers(), "lab-2": other})
    assert replanned.systems["lab"] == lab and again.stale_keys() == []
    assert replanned.systems["lab-2"].networks["management"].primary.subnet == "fd10:0:0:1::/64"


@pytest.mark.parametrize("pool, line", [
    ({"from": "nope"}, "starlingx.lab.management.secondary.from: 'nope' is not a super network of the plan "
                       "(lab-dual, lab-v4, lab-v6)"),
    ({"from": "lab-dual"}, "starlingx.lab.management.secondary.family: super network lab-dual is dual-stack; say ipv4 or ipv6"),
    ({"from": "lab-v6", "family": "ipv4"}, "starlingx.lab.management.secondary.family: ipv4 but super network lab-v6 has "
                                           "only ipv6 (fd10::/48)"),
    ({"from": "lab-v4", "length": 31}, "starlingx.lab.management.secondary.length: /31 is too small for an address pool; "
                                       "it needs at least 4 addresses (/30 or shorter)"),
    ({"from": "lab-v4", "length": 16}, "starlingx.lab.management.secondary.from: lab-v4: network starlingx/lab/management/ipv4: "
                                       "/16 is not longer than ipv4 prefix 10.30.0.0/16 of network lab-v4; a child must be longer"),
    ({"from": "lab-dual", "family": "ipv4"}, "starlingx.lab.management.secondary.from: lab-dual: network "
                                             "starlingx/lab/management/ipv4: no length for ipv4 and parent lab-dual has no "
                                             "defaultchildprefixlength.ipv4; give a length for ipv4"),
])
def test_from_refusals(pool, line):
    section = {"lab": changed(from_supers(), {"management": {"secondary": pool}})}
    assert refused(section, supers()) == [line]


def test_a_relative_super_network_cannot_give_a_starlingx_pool():
    ipam = supers()
    ipam.create_network("vpc", [Prefix.relative("aws_vpc.main.ipv6_cidr_block", 56)])
    section = {"lab": changed(from_supers(), {"management": {"primary": {"from": "vpc", "length": 64}}})}
    assert refused(section, ipam) == ["starlingx.lab.management.primary.from: vpc is known only at apply time "
                                      "(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)); a StarlingX pool needs a concrete subnet"]


# -- named subnets are pinned ------------------------------------------------------------------------------------
def test_named_subnets_are_pinned_and_nothing_else_may_overlap_them():
    ipam = supers()
    plan_starlingx(ipam, {"lab": minimal()})
    assert [p.text for p in ipam.network("starlingx/lab/oam/ipv6").prefixes] == ["fd00::/64"]
    with pytest.raises(Exception, match="overlaps fd00::/64 of network starlingx/lab/oam/ipv6"):
        ipam.create_network("late", ["fd00::/56"])
    assert refused({"lab-2": minimal()}, ipam)[0] == (
        "starlingx.lab-2.management.primary.subnet: fd01::/64 overlaps the ipv6 pool of starlingx.lab.management (fd01::/64); "
        "StarlingX refuses address pools that overlap (sysinv lets only cluster-host, cluster-pod and cluster-service overlap "
        "each other) and the plan keeps every range apart: give it a subnet of its own")
    assert refused({"lab": minimal(admin={"primary": {"subnet": "fd10:0:0:5::/64"}})}, from_dict(to_dict(ipam))) == [
        "starlingx.lab.admin.primary.subnet: fd10:0:0:5::/64 lies inside super network lab-v6 (fd10::/48); take the pool from it "
        "(from: lab-v6 with a length), or name a subnet outside it"]
    assert refused({"lab": minimal(admin={"primary": {"subnet": "fd10::/47"}})}, from_dict(to_dict(ipam))) == [
        "starlingx.lab.admin.primary.subnet: fd10::/47 overlaps network lab-v6 (fd10::/48) of the plan; name a free subnet, "
        "or take one with from:"]


def test_the_lock_keeps_a_pools_subnet_and_role_addresses():
    ipam = Ipam()
    plan_starlingx(ipam, {"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "floating_address": "fd00::3"}})})
    lock = to_dict(ipam)
    assert refused({"lab": minimal(oam={"primary": {"subnet": "fd09::/64"}})}, from_dict(lock)) == [
        "starlingx.lab.oam.primary.subnet: fd09::/64 but the lock pins starlingx/lab/oam/ipv6 to fd00::/64; keep fd00::/64 "
        "(a renumbered pool moves every address in it), or drop the network from the lock in a reviewed change"]
    assert refused({"lab": minimal(oam={"primary": {"subnet": "fd00::/64", "floating_address": "fd00::9"}})}, from_dict(lock)) == [
        "starlingx.lab.oam.primary.floating_address: fd00::9 but the lock holds fd00::3 under starlingx/lab/oam/ipv6/floating; "
        "keys never move: keep fd00::3, or release starlingx/lab/oam/ipv6/floating (dualstack ipam release) in a reviewed "
        "change to renumber it"]
    ipam = supers()
    plan_starlingx(ipam, {"lab": from_supers()})
    switched = changed(from_supers(), {"management": {"secondary": {"subnet": "10.99.0.0/24"}}})
    assert refused({"lab": switched}, from_dict(to_dict(ipam))) == [
        "starlingx.lab.management.secondary.subnet: 10.99.0.0/24 but the lock holds starlingx/lab/management/ipv4 as a subnet "
        "taken from lab-v4 (10.30.0.0/24); keep from: lab-v4, or release starlingx/lab/management/ipv4 in a reviewed change"]


def test_a_role_left_out_keeps_the_address_the_lock_holds():
    ipam = Ipam()
    first = plan_starlingx(ipam, {"lab": minimal(system_mode="duplex")})
    assert dict(first.systems["lab"].networks["management"].primary.roles) == {
        "floating_address": "fd01::1", "controller0_address": "fd01::2", "controller1_address": "fd01::3"}
    # the range now starts at fd01::2: the defaults would shift, but the lock's keys never move
    narrowed = minimal(system_mode="duplex", management={"primary": {"subnet": "fd01::/64", "ranges": ["fd01::1-fd01::ff"]}})
    second = plan_starlingx(from_dict(to_dict(ipam)), {"lab": narrowed})
    assert second.systems["lab"].networks["management"].primary.roles == first.systems["lab"].networks["management"].primary.roles
    excluded = minimal(system_mode="duplex", management={"primary": {"subnet": "fd01::/64", "ranges": ["fd01::10-fd01::ff"]}})
    assert refused({"lab": excluded}, from_dict(to_dict(ipam))) == [
        "starlingx.lab.management.primary.floating_address: 'fd01::1' is outside the ranges fd01::10-fd01::ff; StarlingX keeps "
        "floating and controller addresses inside them (the lock holds it under starlingx/lab/management/ipv6/floating from "
        "before; give floating_address, and release that key in a reviewed change to renumber it)"]


def test_going_back_to_single_stack_leaves_the_secondary_keys_stale_until_pruned():
    ipam = Ipam()
    dual = minimal(oam={"primary": {"subnet": "fd00::/64"}, "secondary": {"subnet": "10.20.5.0/24"}})
    plan_starlingx(ipam, {"lab": dual})
    again = from_dict(to_dict(ipam))
    plan_starlingx(again, {"lab": minimal()})
    assert again.stale_keys() == ["starlingx/lab/oam/ipv4/floating"]
    assert again.prune() == ["starlingx/lab/oam/ipv4/floating"]


# -- the rules between networks ------------------------------------------------------------------------------
@pytest.mark.parametrize("parts, lines", [
    ({"oam": {"primary": {"subnet": "10.20.5.0/24"}}},
     ["starlingx.lab.oam.primary: 10.20.5.0/24 is IPv4 but the management network's primary pool is IPv6; all primary pools "
      "share one family"]),
    ({"oam": {"primary": {"subnet": "fd00::/64"}, "secondary": {"subnet": "fd09::/64"}}},
     ["starlingx.lab.oam.secondary: fd09::/64 is IPv6 like the primary; the secondary pool is IPv4"]),
    ({"cluster-pod": {"primary": {"subnet": "aefd:206::/64", "floating_address": "aefd:206::1"}}},
     ["starlingx.lab.cluster-pod.primary.floating_address: aefd:206::1: cluster-pod pools hold no floating, controller or "
      "gateway addresses"]),
    ({"oam": {"primary": {"subnet": "fd00::/64"}, "dynamic": True}},
     ["starlingx.lab.oam.dynamic: True: only management and cluster-host allocate addresses dynamically"]),
    ({"cluster-pod": {"primary": {"subnet": "aefd:206::/64"}, "secondary": {"subnet": "172.16.0.0/16"}},
      "cluster-service": {"primary": {"subnet": "aefd:207::/112"}}},
     ["starlingx.lab.cluster-service.secondary: missing, but cluster-pod is dual-stack; StarlingX takes cluster-pod, "
      "cluster-service and cluster-host dual-stack together (Kubernetes' pod, service and host ranges)",
      "starlingx.lab.oam.secondary: missing, but cluster-pod is dual-stack; Kubernetes in dual-stack needs the OAM network "
      "dual-stack too"]),
])
def test_rules_between_networks(parts, lines):
    assert refused({"lab": minimal(**parts)}) == lines


def test_oam_controllers_follow_the_floating_address_and_simplex_fills_floating_only():
    section = minimal(system_mode="duplex", oam={"primary": {"subnet": "fd00::/64", "gateway_address": "fd00::1",
                                                             "floating_address": "fd00::10"}})
    lab = plan_starlingx(Ipam(), {"lab": section}).systems["lab"]
    assert dict(lab.networks["oam"].primary.roles) == {"floating_address": "fd00::10", "controller0_address": "fd00::11",
                                                       "controller1_address": "fd00::12", "gateway_address": "fd00::1"}
    assert dict(lab.networks["management"].primary.roles) == {"floating_address": "fd01::1", "controller0_address": "fd01::2",
                                                              "controller1_address": "fd01::3"}
    simplex = plan_starlingx(Ipam(), {"lab": minimal(pxeboot={"primary": {"subnet": "169.254.202.0/24"}})}).systems["lab"]
    assert dict(simplex.networks["management"].primary.roles) == {"floating_address": "fd01::1"}
    assert dict(simplex.networks["oam"].primary.roles) == {"floating_address": "fd00::1"}
    assert len(simplex.networks["pxeboot"].primary.roles) == 3  # sysinv keeps pxeboot's controller addresses on AIO-SX too
    crowded = minimal(system_mode="duplex", oam={"primary": {"subnet": "fd00::/64", "floating_address": "fd00::10",
                                                             "controller1_address": "fd00::11"}})
    assert refused({"lab": crowded}) == [
        "starlingx.lab.oam.primary.controller0_address: the default (floating address + 1, fd00::11) is taken or outside the "
        "range fd00::1-fd00::ffff:ffff:ffff:ffff; give controller0_address"]


def test_a_subcloud_shares_its_system_controllers_primary_family():
    v4 = {"management": {"primary": {"subnet": "192.168.204.0/24"}}, "oam": {"primary": {"subnet": "10.10.10.0/24"}}}
    assert refused({"central": minimal(), "edge": {**v4, "system_controller": "central"}}) == [
        "starlingx.edge.system_controller: central is primary IPv6 but this subcloud is primary IPv4; a system controller and "
        "its subclouds share the primary address family (their operational traffic uses the primary pools)"]
    assert refused({"edge": {**v4, "system_controller": "central"}}) == [
        "starlingx.edge.system_controller: 'central' is not a system of this section (edge)"]
    assert refused({"edge": {**v4, "system_controller": "edge"}}) == [
        "starlingx.edge.system_controller: 'edge' is this system; name the system controller of this subcloud"]
    same = minimal(oam={"primary": {"subnet": "fd05::/64"}}, management={"primary": {"subnet": "fd06::/64"}})
    plan = plan_starlingx(Ipam(), {"central": minimal(), "edge": {**same, "system_controller": "central"}})
    assert plan.systems["edge"].system_controller == "central"


def test_every_problem_of_every_system_in_one_refusal():
    lines = refused({"a": minimal(oam={"primary": {"subnet": "10.0.0.0/24"}}),
                     "b": minimal(management={"primary": {"from": "none"}})})
    assert [line.split(":")[0] for line in lines] == ["starlingx.a.oam.primary", "starlingx.b.management.primary.from"]


# -- warnings -----------------------------------------------------------------------------------------------
def test_warnings_say_what_the_plan_does_not_hold_and_what_localhost_yml_cannot_carry():
    section = minimal(system_mode="duplex",
                      management={"primary": {"subnet": "fd01::/64", "controller0_address": "fd01::20", "gateway_address": "fd01::1"},
                                  "secondary": {"subnet": "10.0.0.0/24", "name": "mgmt-v4", "order": "sequential"}})
    plan = plan_starlingx(Ipam(), {"lab": section})
    assert list(plan.warnings) == [
        "starlingx.lab: no cluster-host, cluster-pod, cluster-service, multicast in the plan, and StarlingX's defaults "
        "(cluster-host 192.168.206.0/24, cluster-pod 172.16.0.0/16, cluster-service 10.96.0.0/12, multicast 239.1.1.0/28) are "
        "IPv4 while the system's primary family is IPv6: bootstrap refuses them; add the networks with IPv6 primary pools",
        "starlingx.lab: no pxeboot in the plan: StarlingX's bootstrap defaults apply (pxeboot 169.254.202.0/24), which the "
        "allocator does not hold",
        "starlingx.lab.management.secondary.gateway_address: not set, but the other pool's is; management_gateway_address lists "
        "one per subnet, so localhost.yml leaves it out (give both pools one, or neither)",
        "starlingx.lab.management.primary.controller0_address: fd01::20 cannot be written in localhost.yml (bootstrap has no "
        "management key for it; an install gives fd01::3); set it after the install with addrpool-modify",
        "starlingx.lab.management.primary.controller1_address: fd01::3 cannot be written in localhost.yml (bootstrap has no "
        "management key for it; an install gives fd01::4); set it after the install with addrpool-modify",
        "starlingx.lab.management.secondary.name: mgmt-v4: bootstrap names the pool management-ipv4; localhost.yml cannot rename it",
        "starlingx.lab.management.secondary.order: sequential: bootstrap creates its pools in sysinv's default order (random); "
        "localhost.yml cannot set it",
    ]
    assert plan_starlingx(Ipam(), {"lab": ipv6_system()}).warnings == ()
    v4 = {"management": {"primary": {"subnet": "192.168.204.0/24"}}, "oam": {"primary": {"subnet": "10.10.10.0/24"}},
          "cluster-host": {"primary": {"subnet": "192.168.206.0/24"}}, "cluster-pod": {"primary": {"subnet": "172.16.0.0/16"}},
          "cluster-service": {"primary": {"subnet": "10.96.0.0/12"}}, "multicast": {"primary": {"subnet": "239.1.1.0/28"}}}
    assert plan_starlingx(Ipam(), {"lab": v4}).warnings == (
        "starlingx.lab: no pxeboot in the plan: StarlingX's bootstrap defaults apply (pxeboot 169.254.202.0/24), which the "
        "allocator does not hold",)


# -- Kubernetes ----------------------------------------------------------------------------------------------
def test_kubernetes_ranges_are_the_cluster_pools_primary_first():
    section = changed(ipv6_system(), {
        "oam": {"secondary": {"subnet": "10.20.5.0/24"}},
        "cluster-host": {"secondary": {"subnet": "192.168.206.0/24"}},
        "cluster-pod": {"secondary": {"subnet": "172.16.0.0/16"}},
        "cluster-service": {"secondary": {"subnet": "10.96.0.0/12"}},
    })
    plan = plan_starlingx(Ipam(), {"lab": section})
    assert kubernetes_ranges(plan, "lab") == {"pods": "aefd:206::/64,172.16.0.0/16", "services": "aefd:207::/112,10.96.0.0/12"}
    assert kubernetes_networks(plan, "lab") == {
        "pods": {"ipv6": "starlingx/lab/cluster-pod/ipv6", "ipv4": "starlingx/lab/cluster-pod/ipv4"},
        "services": {"ipv6": "starlingx/lab/cluster-service/ipv6", "ipv4": "starlingx/lab/cluster-service/ipv4"}}
    single = plan_starlingx(Ipam(), {"lab": minimal()})
    with pytest.raises(StarlingxError, match=r"^starlingx.lab.cluster-pod: not in the plan; a cluster that takes its pods from "
                                             r"StarlingX needs the system's cluster-pod network$"):
        kubernetes_ranges(single, "lab")
    with pytest.raises(StarlingxError, match=r"^starlingx.nope: not a system of the plan \(lab\)$"):
        kubernetes_ranges(single, "nope")


# -- inside the plan -------------------------------------------------------------------------------------
def test_the_section_as_a_plan_field_reports_plan_paths_and_documents_itself():
    from pydantic import BaseModel, ConfigDict, Field, ValidationError

    from constructs_lib.errors import validation_lines

    class Plan(BaseModel):  # the field as the plan file carries it
        model_config = ConfigDict(extra="forbid")
        starlingx: StarlingxSection = Field(default_factory=lambda: StarlingxSection({}))

    with pytest.raises(ValidationError) as e:
        Plan.model_validate({"starlingx": {"Lab": minimal(), "ok": minimal(oam={"primary": {"subnet": "x"}})}})
    assert validation_lines(e.value) == [
        "starlingx.Lab: a system name is lower-case letters, digits and '-', at most 42 (it keys allocations and names the "
        "folder starlingx/<system>/)",
        "starlingx.ok.oam.primary.subnet: 'x' is not a CIDR prefix (expected e.g. 10.0.0.0/16 or 2001:db8::/48)",
    ]
    assert Plan.model_validate({"starlingx": None}).starlingx.systems == {} and Plan().starlingx.systems == {}
    schema = Plan.model_json_schema()
    system = schema["$defs"]["SystemSpec"]
    assert {"oam", "management", "cluster-host", "pxeboot", "dns_servers"} <= set(system["properties"])
    assert system["required"] == ["management", "oam"] and system["additionalProperties"] is False
    assert schema["$defs"]["PoolSpec"]["properties"]["from"]["description"].startswith("a super network id")
