"""Synthesized OpenStack sites applied to a real Neutron: what Neutron hands out is what we planned.

Each site is synthesized with ``dualstack synth`` from a plan copy in a tmp dir, applied once
into a project of its own (``Applier``), read back and compared with the stack and the lock,
then planned again, which must find nothing to change. Sites: the default plan's ``os-fra``
(``plan.yaml`` + ``ipam.lock.json``), IPv6-only, SLAAC, an IPv6 prefix from the default subnet
pool, and 50 nodes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from constructs_lib.openstack import neutron_rules as nr

from . import readback
from .applier import HANDLERS, Applier, Report, Stack
from .conftest import ROOT, TIMINGS

#: site -> (plan file, site name, take the repository's lock)
SITES = {
    "default": ("plan.yaml", "os-fra", True),
    "ipv6-only": ("ipv6-only.yaml", "os-v6only", False),
    "slaac": ("slaac.yaml", "os-slaac", False),
    "subnet-pool": ("subnet-pool.yaml", "os-pool", False),
    "fifty-nodes": ("fifty-nodes.yaml", "os-fifty", False),
    "grown": ("grown.yaml", "os-grown", False),
}


@dataclass
class Applied:
    name: str
    site: str
    applier: Applier
    report: Report
    lock: dict


@pytest.fixture(scope="module", params=list(SITES))
def applied(request, cloud, synth_site) -> Applied:
    plan_file, site, repo_lock = SITES[request.param]
    synthesized = synth_site(plan_file, site, lock_from=ROOT / "ipam.lock.json" if repo_lock else None)
    stack = Stack.load(synthesized.stack)
    project = cloud.project(site)
    routes = stack.instance_count("openstack_networking_router_route_v2")
    if routes > nr.NEUTRON_DEFAULT_ROUTES_PER_ROUTER:
        # as an operator must for a site this size: Neutron's default is 30 routes per router
        cloud.neutron.put(f"/quotas/{project}", {"quota": {"router_route": routes}})
    applier = Applier(cloud.neutron, stack, project, provider_checks="collect")
    t0 = time.monotonic()
    report = applier.apply()
    TIMINGS[f"apply {site} ({len(report.created)} resources)"] = time.monotonic() - t0
    return Applied(request.param, site, applier, report, readback.load_lock(synthesized.lock, site))


def test_every_networking_resource_is_created_and_the_rest_listed_by_type(applied: Applied):
    stack = applied.applier.stack
    served = {b.address for b in applied.applier.order if (b.mode, b.type) in HANDLERS}
    assert served, "nothing to apply"
    created_blocks = {a.split("[")[0] for a in applied.report.created}
    assert created_blocks == served
    # what Neutron does not serve is reported, by type, never dropped
    skipped = {a for addrs in applied.report.skipped.values() for a in addrs}
    assert skipped | served == set(stack.blocks)
    assert set(applied.report.skipped) == {"openstack_compute_instance_v2"}
    nodes = [b for b in stack.blocks.values() if b.type == "openstack_compute_instance_v2"]
    assert len(applied.report.skipped["openstack_compute_instance_v2"]) == len(nodes) > 0


def test_subnets_are_as_planned(applied: Applied, cloud):
    pool = cloud.default_pool_v6 if applied.name == "subnet-pool" else None
    assert readback.check_subnets(applied.applier, applied.lock, applied.site, pool) == []


def test_every_port_holds_the_planned_addresses(applied: Applied):
    assert readback.check_ports(applied.applier, applied.lock, applied.site) == []


def test_router_interfaces_gateway_and_routes(applied: Applied, cloud):
    assert readback.check_router(applied.applier, cloud) == []


def test_each_node_prefix_is_routed_to_its_node(applied: Applied):
    problems = readback.check_pod_prefixes(applied.applier, applied.lock)
    assert problems == []
    assert any("/pods/" in k for k in applied.lock["allocations"]), "the site routes no prefix"


def test_security_group_holds_exactly_the_synthesized_rules(applied: Applied):
    assert readback.check_security_groups(applied.applier) == []


def test_floating_ip_maps_the_ipv4_vip(applied: Applied, cloud):
    fips = applied.applier.instances(readback.FIP)
    if applied.name == "ipv6-only":
        assert fips == []  # Neutron has no IPv6 floating IPs; the stack asks for none
        return
    assert len(fips) == 1
    assert readback.check_floating_ips(applied.applier, cloud) == []


def test_outputs_evaluate_to_what_neutron_reports(applied: Applied):
    assert readback.check_outputs(applied.applier) == []


def test_applying_again_finds_nothing_to_change(applied: Applied):
    t0 = time.monotonic()
    changes = applied.applier.plan()
    TIMINGS[f"re-plan {applied.site}"] = time.monotonic() - t0
    assert [str(c) for c in changes] == []


def test_the_provider_accepts_every_synthesized_argument(applied: Applied):
    """Found here once: ICMP rules set port_range_min without port_range_max, which provider 3.0.0
    refuses (RequiredWith); the rules now write port_range_max = 0 (not sent, stored null, read back 0)."""
    assert applied.applier.refusals == []


def test_fifty_node_site_exceeds_neutrons_default_route_quota(cloud, synth_site):
    """49 routes on one router: Neutron's default quota (30 per router) refuses the 31st.

    ``test_differential.py`` shows Neutron refusing route 31; here the rule that says so before
    synthesis refuses this stack at the default and accepts it with the quota raised.
    """
    plan_file, site, _ = SITES["fifty-nodes"]
    synthesized = synth_site(plan_file, site)
    stack = Stack.load(synthesized.stack)
    routes = stack.instance_count("openstack_networking_router_route_v2")
    assert routes == 49
    with pytest.raises(nr.NeutronRuleError, match="30 routes per router"):
        nr.check_router_routes("router k8s-nodes", routes)
    nr.check_router_routes("router k8s-nodes", routes, quota=routes)
