"""Seed 002's examples through the plan-section path and the commands, value by value."""

import ipaddress

import pytest
import yaml

from constructs_lib.ipam import Ipam
from constructs_lib.starlingx import (
    StarlingxError,
    bootstrap_overrides,
    check_changes,
    commands,
    import_bootstrap,
    parse_section,
    plan_starlingx,
)

from . import seed
from .helpers import changed, ipv6_system, plan_change, run_script, system_lines

# what the section holds after importing the seed's bootstrap variables: exactly what they state
SEED_SECTION = {
    "pxeboot": {"primary": {"subnet": "198.51.100.0/24"}},
    "management": {
        "primary": {"subnet": "fd01::/64", "ranges": ["fd01::2-fd01::ffff"], "gateway_address": "fd01::1"},
        "secondary": {"subnet": "198.51.0.0/24", "ranges": ["198.51.0.2-198.51.0.200"], "gateway_address": "198.51.0.1"},
    },
    "oam": {
        "primary": {"subnet": "fd00::/64", "gateway_address": "fd00::1", "floating_address": "fd00::3",
                    "controller0_address": "fd00::4", "controller1_address": "fd00::5"},
        "secondary": {"subnet": "10.20.5.0/24", "gateway_address": "10.20.5.1", "floating_address": "10.20.5.3",
                      "controller0_address": "10.20.5.4", "controller1_address": "10.20.5.5"},
    },
    "cluster-host": {"primary": {"subnet": "aefd:100::/64"}, "secondary": {"subnet": "198.51.100.0/24"}},
    "cluster-pod": {"primary": {"subnet": "aefd:206::/64"}, "secondary": {"subnet": "172.16.0.0/16"}},
    "cluster-service": {"primary": {"subnet": "aefd:207::/112"}, "secondary": {"subnet": "10.96.0.0/12"}},
}

#: StarlingX's own pxeboot default (host_vars/bootstrap/default.yml), which overlaps nothing of the example
PXEBOOT = "169.254.202.0/24"


def test_bootstrap_example_imports_into_the_section_value_by_value():
    assert import_bootstrap(seed.BOOTSTRAP) == SEED_SECTION
    parse_section({"lab": SEED_SECTION})  # and it is a valid section as it stands


def test_bootstrap_example_is_refused_for_pxeboot_and_cluster_host_sharing_a_subnet():
    # the example gives pxeboot and cluster-host's IPv4 pool the same /24; sysinv refuses overlapping pools
    # (address_pool.check_address_pools_overlaps; only cluster-host/-pod/-service may overlap each other)
    with pytest.raises(StarlingxError) as e:
        plan_starlingx(Ipam(), {"lab": SEED_SECTION})
    assert e.value.lines == [
        "starlingx.lab.cluster-host.secondary.subnet: 198.51.100.0/24 overlaps the ipv4 pool of starlingx.lab.pxeboot "
        "(198.51.100.0/24); StarlingX refuses address pools that overlap (sysinv lets only cluster-host, cluster-pod and "
        "cluster-service overlap each other) and the plan keeps every range apart: give it a subnet of its own"
    ]


def planned_seed():
    section = changed(SEED_SECTION, {"pxeboot": {"primary": {"subnet": PXEBOOT}}})
    ipam = Ipam()
    return plan_starlingx(ipam, {"lab": section}), ipam


# pool path -> (sysinv name, subnet, range, roles); the roles the seed leaves out are StarlingX's: the floating
# address is the range's start (bootstrap), the controllers the next free ones (sysinv, sequentially); the
# seed does not give system_mode, so it is StarlingX's default, simplex: management gets a floating address only
EXPECTED = {
    "pxeboot.primary": ("pxeboot", PXEBOOT, ("169.254.202.1", "169.254.202.254"),
                        {"floating_address": "169.254.202.1", "controller0_address": "169.254.202.2",
                         "controller1_address": "169.254.202.3"}),
    "management.primary": ("management-ipv6", "fd01::/64", ("fd01::2", "fd01::ffff"),
                           {"floating_address": "fd01::2", "gateway_address": "fd01::1"}),
    "management.secondary": ("management-ipv4", "198.51.0.0/24", ("198.51.0.2", "198.51.0.200"),
                             {"floating_address": "198.51.0.2", "gateway_address": "198.51.0.1"}),
    "oam.primary": ("oam-ipv6", "fd00::/64", ("fd00::1", "fd00::ffff:ffff:ffff:ffff"),
                    {"floating_address": "fd00::3", "controller0_address": "fd00::4", "controller1_address": "fd00::5",
                     "gateway_address": "fd00::1"}),
    "oam.secondary": ("oam-ipv4", "10.20.5.0/24", ("10.20.5.1", "10.20.5.254"),
                      {"floating_address": "10.20.5.3", "controller0_address": "10.20.5.4", "controller1_address": "10.20.5.5",
                       "gateway_address": "10.20.5.1"}),
    "cluster-host.primary": ("cluster-host-subnet-ipv6", "aefd:100::/64", ("aefd:100::1", "aefd:100::ffff:ffff:ffff:ffff"),
                             {"floating_address": "aefd:100::1", "controller0_address": "aefd:100::2",
                              "controller1_address": "aefd:100::3"}),
    "cluster-host.secondary": ("cluster-host-subnet-ipv4", "198.51.100.0/24", ("198.51.100.1", "198.51.100.254"),
                               {"floating_address": "198.51.100.1", "controller0_address": "198.51.100.2",
                                "controller1_address": "198.51.100.3"}),
    "cluster-pod.primary": ("cluster-pod-subnet-ipv6", "aefd:206::/64", ("aefd:206::1", "aefd:206::ffff:ffff:ffff:ffff"), {}),
    "cluster-pod.secondary": ("cluster-pod-subnet-ipv4", "172.16.0.0/16", ("172.16.0.1", "172.16.255.254"), {}),
    "cluster-service.primary": ("cluster-service-subnet-ipv6", "aefd:207::/112", ("aefd:207::1", "aefd:207::ffff"), {}),
    "cluster-service.secondary": ("cluster-service-subnet-ipv4", "10.96.0.0/12", ("10.96.0.1", "10.111.255.254"), {}),
}


def test_bootstrap_example_plans_value_by_value_and_the_allocator_holds_every_address():
    plan, ipam = planned_seed()
    lab = plan.systems["lab"]
    assert lab.primary_family == "ipv6" and lab.system_mode == "simplex"
    # the example names no multicast network: StarlingX's default is IPv4, which an IPv6 bootstrap refuses
    assert plan.warnings == (
        "starlingx.lab: no multicast in the plan, and StarlingX's defaults (multicast 239.1.1.0/28) are IPv4 while the system's "
        "primary family is IPv6: bootstrap refuses them; add the networks with IPv6 primary pools",)
    got = {f"{p.network}.{p.slot}": (p.name, p.subnet, p.ranges[0], dict(p.roles)) for p in lab.pools()}
    assert got == EXPECTED
    for pool in lab.pools():
        assert pool.key == f"starlingx/lab/{pool.network}/{pool.family}" and pool.order == "random"
        assert [p.text for p in ipam.network(pool.key).prefixes] == [pool.subnet]  # the subnet is pinned
        for field, address in pool.roles.items():
            held = ipam.get(f"{pool.key}/{field.replace('_address', '').replace('controller', 'controller-')}")
            assert held.address == address and held.network == pool.key
    # every primary is IPv6 but pxeboot; every secondary the other family
    assert {n: (p.primary.family, p.secondary.family if p.secondary else None) for n, p in lab.networks.items()} == {
        "pxeboot": ("ipv4", None), **{n: ("ipv6", "ipv4") for n in
                                      ("management", "oam", "cluster-host", "cluster-pod", "cluster-service")}}


def test_bootstrap_example_exports_the_seeds_own_lines():
    plan, _ = planned_seed()
    text = bootstrap_overrides(plan.systems["lab"])
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    want = [line if not line.startswith("pxeboot_subnet:") else f"pxeboot_subnet: {PXEBOOT}" for line in seed.BOOTSTRAP.splitlines()]
    assert lines == ["system_mode: simplex"] + want
    assert yaml.safe_load(text)["management_subnet"] == "fd01::/64,198.51.0.0/24"  # the order decides primary and secondary
    # and back again: the exported file imports into the same section
    assert import_bootstrap(text) == {"system_mode": "simplex", **changed(SEED_SECTION, {"pxeboot": {"primary": {"subnet": PXEBOOT}}})}


# -- the runtime sequence ------------------------------------------------------------------------------------
SEED_SECONDARIES = {
    "oam": {"secondary": {"subnet": "171.168.204.0/24", "ranges": ["171.168.204.1-171.168.204.254"],
                          "floating_address": "171.168.204.1", "controller0_address": "171.168.204.2",
                          "controller1_address": "171.168.204.3"}},
    "cluster-pod": {"secondary": {"subnet": "172.16.0.0/16", "ranges": ["172.16.0.1-172.16.254.254"]}},
    "cluster-service": {"secondary": {"subnet": "10.96.0.0/12", "ranges": ["10.96.0.1-10.96.254.254"]}},
    "cluster-host": {"secondary": {"subnet": "192.168.204.0/24", "ranges": ["192.168.204.1-192.168.204.254"],
                                   "floating_address": "192.168.204.1", "controller0_address": "192.168.204.2",
                                   "controller1_address": "192.168.204.3"}},
    "management": {"secondary": {"subnet": "20.20.20.0/24", "ranges": ["20.20.20.1-20.20.20.254"],
                                 "floating_address": "20.20.20.1", "controller0_address": "20.20.20.2",
                                 "controller1_address": "20.20.20.3"}},
    "admin": {"secondary": {"subnet": "30.30.30.0/24", "ranges": ["30.30.30.1-30.30.30.254"], "floating_address": "30.30.30.1",
                            "controller0_address": "30.30.30.2", "controller1_address": "30.30.30.3"}},
}


def test_going_dual_stack_at_runtime_gives_the_seeds_commands_in_the_seeds_order():
    old = ipv6_system()
    before, after, _ = plan_change(old, changed(old, SEED_SECONDARIES))
    assert system_lines(commands(before, after)) == seed.RUNTIME_AS_RUN
    # the one line that differs from the seed's text names the network as sysinv does (network-list: mgmt)
    assert [a for a, b in zip(seed.RUNTIME, seed.RUNTIME_AS_RUN) if a != b] == [
        "system network-addrpool-assign management management-ipv4"]
    assert "mgmt" in seed.NETWORK_LIST and "management" not in seed.NETWORK_LIST


def test_the_seeds_runtime_addresses_are_starlingxs_defaults():
    # giving only the subnets (and the cluster ranges the seed narrows) yields the same commands on a duplex system
    old = ipv6_system("duplex")
    bare = {n: {"secondary": {k: v for k, v in parts["secondary"].items()
                              if k == "subnet" or (k == "ranges" and n in ("cluster-pod", "cluster-service"))}}
            for n, parts in SEED_SECONDARIES.items()}
    before, after, _ = plan_change(old, changed(old, bare))
    assert system_lines(commands(before, after)) == seed.RUNTIME_AS_RUN


def test_the_seeds_runtime_addresses_live_in_the_lock():
    old = ipv6_system()
    _, after, ipam = plan_change(old, changed(old, SEED_SECONDARIES))
    assert ipam.get("starlingx/lab/oam/ipv4/floating").address == "171.168.204.1"
    assert ipam.get("starlingx/lab/management/ipv4/controller-1").address == "20.20.20.3"
    assert [p.text for p in ipam.network("starlingx/lab/cluster-service/ipv4").prefixes] == ["10.96.0.0/12"]
    assert ipam.stale_keys() == []


@pytest.mark.parametrize("primary, dns, want", [
    ("ipv6", ["10.20.5.53", "fd00::53"], "system dns-modify nameservers=fd00::53,10.20.5.53"),
    ("ipv4", ["fd00::53", "10.20.5.53"], "system dns-modify nameservers=10.20.5.53,fd00::53"),
])
def test_dns_of_both_families_is_written_primary_first(primary, dns, want):
    old = ipv6_system() if primary == "ipv6" else ipv4_system()
    before, after, _ = plan_change(old, changed(old, {"dns_servers": dns}))
    form = seed.DNS_FORMS[0 if primary == "ipv6" else 1]
    assert system_lines(commands(before, after)) == [want]
    first, second = want.split("=")[1].split(",")
    assert form.startswith("system dns-modify nameservers=")
    assert ipaddress.ip_address(first).version == (6 if "<IPv6" in form.split("=")[1].split(",")[0] else 4)
    assert ipaddress.ip_address(second).version != ipaddress.ip_address(first).version


def ipv4_system() -> dict:
    return {
        "system_mode": "duplex",
        "pxeboot": {"primary": {"subnet": "169.254.202.0/24"}},
        "management": {"primary": {"subnet": "192.168.204.0/24"}},
        "oam": {"primary": {"subnet": "10.10.10.0/24", "gateway_address": "10.10.10.1"}},
        "cluster-host": {"primary": {"subnet": "192.168.206.0/24"}},
        "cluster-pod": {"primary": {"subnet": "172.16.0.0/16"}},
        "cluster-service": {"primary": {"subnet": "10.96.0.0/12"}},
    }


def test_reverting_to_single_stack_removes_the_association_the_seeds_way(tmp_path):
    # a system installed as IPv4 with the seed's IPv6 pod pool (named as the seed names it) and the other IPv6 pools
    dual = changed(ipv4_system(), {
        "oam": {"secondary": {"subnet": "fd00::/64"}},
        "cluster-pod": {"secondary": {"subnet": "fd10::/64", "name": seed.REVERT_POOL}},
        "cluster-service": {"secondary": {"subnet": "fd11::/112"}},
        "cluster-host": {"secondary": {"subnet": "fd12::/64"}},
    })
    single = ipv4_system()
    before, after, _ = plan_change(dual, single)
    script = commands(before, after)
    assert system_lines(script) == [
        'system network-addrpool-remove "$DEL"', 'system addrpool-delete "$POOL"',  # cluster-host
        'system network-addrpool-remove "$DEL"', 'system addrpool-delete "$POOL"',  # cluster-service
        'system network-addrpool-remove "$DEL"', 'system addrpool-delete "$POOL"',  # cluster-pod
        'system network-addrpool-remove "$DEL"', 'system addrpool-delete "$POOL"',  # oam, last
    ]
    assert "DEL=$(uuid_of network-addrpool-list 6 cluster-pod-ipv6)" in script  # the seed's $6 == pool, print $2
    pools = {"oam-ipv6": "aaaa0001-0000-0000-0000-000000000001", seed.REVERT_POOL: "aaaa0002-0000-0000-0000-000000000002",
             "cluster-service-subnet-ipv6": "aaaa0003-0000-0000-0000-000000000003",
             "cluster-host-subnet-ipv6": "aaaa0004-0000-0000-0000-000000000004", "oam-ipv4": "aaaa0005-0000-0000-0000-000000000005"}
    assignments = {"bbbb0001-0000-0000-0000-000000000001": ("oam", "oam-ipv6"),
                   "bbbb0002-0000-0000-0000-000000000002": ("cluster-pod", seed.REVERT_POOL),
                   "bbbb0003-0000-0000-0000-000000000003": ("cluster-service", "cluster-service-subnet-ipv6"),
                   "bbbb0004-0000-0000-0000-000000000004": ("cluster-host", "cluster-host-subnet-ipv6"),
                   "bbbb0005-0000-0000-0000-000000000005": ("oam", "oam-ipv4")}
    code, calls, err = run_script(tmp_path, script, pools, assignments)
    assert (code, err) == (0, "")
    assert [c for c in calls if not c.endswith("-list")] == [
        "network-addrpool-remove bbbb0004-0000-0000-0000-000000000004", "addrpool-delete aaaa0004-0000-0000-0000-000000000004",
        "network-addrpool-remove bbbb0003-0000-0000-0000-000000000003", "addrpool-delete aaaa0003-0000-0000-0000-000000000003",
        "network-addrpool-remove bbbb0002-0000-0000-0000-000000000002", "addrpool-delete aaaa0002-0000-0000-0000-000000000002",
        "network-addrpool-remove bbbb0001-0000-0000-0000-000000000001", "addrpool-delete aaaa0001-0000-0000-0000-000000000001",
    ]


def test_the_primary_family_never_changes_it_needs_a_reinstall():
    old = ipv6_system()
    new = changed(old, {"oam": {"primary": {"subnet": "10.20.5.0/24"}}})
    # planned alone the new section is refused already: its primary families differ
    with pytest.raises(StarlingxError, match=r"^starlingx.lab.oam.primary: 10.20.5.0/24 is IPv4 but the management network's "
                                             r"primary pool is IPv6; all primary pools share one family$"):
        plan_starlingx(Ipam(), {"lab": new})
    # the whole system turned to IPv4 plans, but not as a change of the committed one
    before, _, _ = plan_change(old, old)
    after = plan_starlingx(Ipam(), {"lab": ipv4_system()})
    lines = check_changes(before, after)
    assert lines[0] == ("starlingx.lab.management.primary: 192.168.204.0/24 is IPv4 but the committed primary pool is IPv6 "
                        "(fd01::/64); a network's primary pool family cannot change: StarlingX needs a reinstall to change it")
    assert [line.split(":")[0] for line in lines] == [f"starlingx.lab.{n}.primary" for n in (
        "management", "oam", "cluster-host", "cluster-pod", "cluster-service")] + ["starlingx.lab.admin", "starlingx.lab.multicast"]
    assert all("StarlingX needs a reinstall to change it" in line for line in lines[:5])
    assert lines[5] == ("starlingx.lab.admin: in the committed plan but not in this one; a network keeps its first pool for good "
                        "(StarlingX cannot remove it), so keep the network in the plan")
    with pytest.raises(StarlingxError) as e:
        commands(before, after)
    assert e.value.lines == lines


def test_pxeboot_is_ipv4_only():
    with pytest.raises(StarlingxError) as e:
        plan_starlingx(Ipam(), {"lab": changed(ipv6_system(), {"pxeboot": {"primary": {"subnet": "fd09::/64"}}})})
    assert e.value.lines == ["starlingx.lab.pxeboot.primary: fd09::/64 is IPv6 but pxeboot supports IPv4 only"]
    with pytest.raises(StarlingxError) as e:
        plan_starlingx(Ipam(), {"lab": changed(ipv6_system(), {"pxeboot": {"secondary": {"subnet": "fd09::/64"}}})})
    assert e.value.lines == ["starlingx.lab.pxeboot.secondary: pxeboot supports IPv4 only; it takes no secondary pool"]


def test_the_seeds_network_list_is_the_planned_systems_primary_families():
    plan = plan_starlingx(Ipam(), {"lab": ipv6_system()})
    got = {n.kind.sysinv: n.primary.family.replace("ip", "IP") for n in plan.systems["lab"].networks.values() if n.name != "admin"}
    assert got == seed.NETWORK_LIST
