"""The OpenStack dual-stack cluster stack, fed by the real allocator, read from synthesized JSON."""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import re
import shutil
import subprocess

from constructs_lib import engine as cdktf
import pytest

from constructs_lib.ipam import Ipam, IpamError, NotFound, from_dict, to_dict
from constructs_lib.openstack.cluster_plan import plan_cluster
from constructs_lib.openstack.neutron_rules import Ipv6Mode, NeutronRuleError
from stacks.openstack_cluster import OpenStackClusterSpec, OpenStackClusterStack, build_openstack_cluster

from conftest import instances  # tests/openstack is not a package: pytest puts it on sys.path

SITE, NET = "mini-lab", "k8s-nodes"
PORT = "openstack_networking_port_v2"
ROUTE = "openstack_networking_router_route_v2"
SUBNET = "openstack_networking_subnet_v2"


def fresh_ipam() -> Ipam:
    ipam = Ipam()
    ipam.create_network("tenant-super", prefixes=["10.0.0.0/16", "2001:db8:0:10::/60"])
    ipam.create_network("pods-super", prefixes=["fd10::/48"])
    return ipam


BASE = OpenStackClusterSpec(
    site=SITE,
    node_supernet="tenant-super",
    pod_supernet="pods-super",
    external_network_id="ext-net",
    external_subnet_ids={"ipv4": "ext-v4", "ipv6": "ext-v6"},
    floating_ip_pool="public",
    ssh_from={"ipv4": ("192.0.2.0/24",), "ipv6": ("2001:db8:ffff::/48",)},
    dns_nameservers={"ipv4": ("9.9.9.9",), "ipv6": ("2620:fe::fe",)},
)


def build(spec: OpenStackClusterSpec, ipam: Ipam | None = None, synth=None):
    """Plan once (the app's order), then build the stack from the plan."""
    ipam = ipam or fresh_ipam()
    app = cdktf.Testing.app()
    plan = plan_cluster(ipam, spec)
    stack = build_openstack_cluster(app, "openstack-cluster", plan=plan, backend_path="terraform.openstack-cluster.tfstate")
    return ipam, stack, json.loads(cdktf.Testing.synth(stack))


def node(name: str) -> str:
    """A node's instance of the for_each ports and instances: ``k8s["cp-0"]``."""
    return f'k8s["{name}"]'


@pytest.fixture(scope="module")
def cluster():
    return build(BASE)


def addr(ipam: Ipam, key: str) -> str:
    return ipam.get(key).address


# -- the seed's shape ------------------------------------------------------------------------


def test_resources_in_the_seed_shape(cluster):
    _, _, out = cluster
    res = out["resource"]
    counts = {k: len(instances(v)) for k, v in res.items()}
    assert counts == {
        "openstack_compute_instance_v2": 7,  # 2 gateways, 3 control plane, 2 workers
        "openstack_networking_floatingip_v2": 1,
        "openstack_networking_network_v2": 1,
        "openstack_networking_port_v2": 9,  # 7 nodes + VIPv4 + VIPv6
        "openstack_networking_router_interface_v2": 2,
        "openstack_networking_router_route_v2": 6,  # 5 pod prefixes + the wireguard range
        "openstack_networking_router_v2": 1,
        "openstack_networking_secgroup_rule_v2": counts["openstack_networking_secgroup_rule_v2"],
        "openstack_networking_secgroup_v2": 1,
        "openstack_networking_subnet_v2": 2,
    }
    v6 = res[SUBNET][f"{NET}_v6"]
    assert (v6["ip_version"], v6["ipv6_ra_mode"], v6["ipv6_address_mode"]) == (6, "dhcpv6-stateful", "dhcpv6-stateful")
    assert set(res["openstack_networking_router_interface_v2"]) == {f"{NET}_v4", f"{NET}_v6"}
    assert set(instances(res["openstack_compute_instance_v2"])) == {node(n) for n in ("gw-0", "gw-1", "cp-0", "cp-1", "cp-2", "worker-0", "worker-1")}
    # the nodes are for_each resources: one port, one instance, one pod route resource for all of them
    assert {k: len(res[k]) for k in ("openstack_compute_instance_v2", PORT, ROUTE)} == {
        "openstack_compute_instance_v2": 1, PORT: 3, ROUTE: 2}


def test_subnets_come_from_the_allocator(cluster):
    ipam, _, out = cluster
    net = ipam.network_by_key(f"{SITE}/{NET}")
    subnets = out["resource"][SUBNET]
    assert subnets[f"{NET}_v4"]["cidr"] == net.prefixes_of(4)[0].text == "10.0.0.0/24"
    assert subnets[f"{NET}_v6"]["cidr"] == net.prefixes_of(6)[0].text == "2001:db8:0:10::/64"
    assert out["output"]["subnets"]["value"] == {"ipv4": "10.0.0.0/24", "ipv6": "2001:db8:0:10::/64"}


@pytest.mark.parametrize("fam", ["ipv4", "ipv6"])
def test_neutron_keeps_the_low_block_and_never_hands_out_a_pinned_address(cluster, fam):
    ipam, _, out = cluster
    subnet = out["resource"][SUBNET][f"{NET}_{fam[-2:]}"]
    share = ipaddress.ip_network(ipam.get(f"{SITE}/{NET}/neutron/{fam}").cidr)
    net = ipaddress.ip_network(subnet["cidr"])
    assert share.network_address == net.network_address
    assert subnet["gateway_ip"] == str(net.network_address + 1)
    [pool] = subnet["allocation_pool"]
    assert (pool["start"], pool["end"]) == (str(net.network_address + 2), str(share.broadcast_address))
    start, end = ipaddress.ip_address(pool["start"]), ipaddress.ip_address(pool["end"])
    pinned = [ipaddress.ip_address(a.address) for a in ipam.allocations.values() if a.kind == "ip" and a.family == fam and a.key.startswith(f"{SITE}/{NET}/")]
    assert len(pinned) == 8  # 7 nodes and the VIP
    for ip in pinned:
        assert ip in net and not start <= ip <= end and str(ip) != subnet["gateway_ip"]


def test_node_ports_and_outputs_by_family_and_name(cluster):
    ipam, stack, out = cluster
    ports = instances(out["resource"][PORT])
    outputs = out["output"]["node_addresses"]["value"]
    assert set(outputs) == {"gw-0", "gw-1", "cp-0", "cp-1", "cp-2", "worker-0", "worker-1"}
    for node, by_family in outputs.items():
        want = {fam: addr(ipam, f"{SITE}/{NET}/{node}/{fam}") for fam in ("ipv4", "ipv6")}
        assert by_family == want
        assert ports[f'k8s["{node}"]']["fixed_ip"] == [
            {"subnet_id": f"${{openstack_networking_subnet_v2.{NET}_v4.id}}", "ip_address": want["ipv4"]},
            {"subnet_id": f"${{openstack_networking_subnet_v2.{NET}_v6.id}}", "ip_address": want["ipv6"]},
        ]
        assert stack.address(node, "ipv6") == want["ipv6"] and stack.address(node, "ipv4") == want["ipv4"]
    assert "all_fixed_ips[" not in json.dumps(out)  # yaook's all_fixed_ips[1] never appears


def test_vip_ports_per_family_held_by_the_gateways(cluster):
    ipam, _, out = cluster
    ports = instances(out["resource"][PORT])
    vip4, vip6 = addr(ipam, f"{SITE}/{NET}/vip/ipv4"), addr(ipam, f"{SITE}/{NET}/vip/ipv6")
    assert [f["ip_address"] for f in ports["k8s_vip_v4"]["fixed_ip"]] == [vip4]
    assert [f["ip_address"] for f in ports["k8s_vip_v6"]["fixed_ip"]] == [vip6]
    assert out["output"]["vip_addresses"]["value"] == {"ipv4": vip4, "ipv6": vip6}
    assert out["output"]["control_plane_endpoint"]["value"] == vip4  # IPv4 endpoint, as in the seed
    for gw in ("gw-0", "gw-1"):
        assert [p["ip_address"] for p in ports[node(gw)]["allowed_address_pairs"]] == [vip4, vip6, "fd01::/120"]
    fip = out["resource"]["openstack_networking_floatingip_v2"]["k8s_vip"]
    assert fip["port_id"] == "${openstack_networking_port_v2.k8s_vip_v4.id}" and fip["fixed_ip"] == vip4


def test_routed_pod_prefix_per_kubernetes_node(cluster):
    ipam, _, out = cluster
    routes, ports = instances(out["resource"][ROUTE]), instances(out["resource"][PORT])
    pods = ipam.network_by_key(f"{SITE}/k8s/pods").prefixes[0]
    assert out["output"]["pod_range_ipv6"]["value"] == pods.text == "fd10::/56"
    prefixes = out["output"]["node_pod_prefixes"]["value"]
    assert set(prefixes) == {"cp-0", "cp-1", "cp-2", "worker-0", "worker-1"}  # gateways run no pods
    for node, prefix in prefixes.items():
        assert prefix == ipam.get(f"{SITE}/k8s/pods/{node}").cidr
        net = ipaddress.ip_network(prefix)
        assert net.prefixlen == 80 and net.subnet_of(ipaddress.ip_network(pods.text))
        route = routes[f'{NET}_k8s_pods["{node}"]']
        assert route["destination_cidr"] == prefix
        assert route["next_hop"] == addr(ipam, f"{SITE}/{NET}/{node}/ipv6")
        assert route["router_id"] == f"${{openstack_networking_router_v2.{NET}.id}}"
        assert [p["ip_address"] for p in ports[f'k8s["{node}"]']["allowed_address_pairs"]][-1] == prefix
    wg = routes[f"{NET}_wireguard"]
    assert (wg["destination_cidr"], wg["next_hop"]) == ("fd01::/120", addr(ipam, f"{SITE}/{NET}/vip/ipv6"))


def test_security_group_is_closed_to_the_internet_by_default(cluster):
    _, _, out = cluster
    rules = instances(out["resource"]["openstack_networking_secgroup_rule_v2"])
    assert not [n for n, r in rules.items() if r.get("remote_ip_prefix") in ("0.0.0.0/0", "::/0")]
    assert {r["ethertype"] for n, r in rules.items() if n.startswith('k8s["ssh_')} == {"IPv4", "IPv6"}
    assert all(r["protocol"] == "ipv6-icmp" for r in rules.values() if r["ethertype"] == "IPv6" and r.get("protocol") not in (None, "tcp", "udp"))
    assert rules['k8s["pods-in_v6_fd10-56"]']["remote_ip_prefix"] == "fd10::/56"


def test_egress_to_the_internet_when_asked():
    _, _, out = build(dataclasses.replace(BASE, egress_anywhere=True))
    rules = instances(out["resource"]["openstack_networking_secgroup_rule_v2"])
    assert {(r["ethertype"], r["remote_ip_prefix"]) for n, r in rules.items() if n.startswith('k8s["egress-anywhere')} == {
        ("IPv4", "0.0.0.0/0"), ("IPv6", "::/0")}


# -- stability: same input, same bytes; one more node, only additions -----------------------------


def test_same_input_gives_byte_identical_json():
    app1, app2 = cdktf.Testing.app(), cdktf.Testing.app()
    a = cdktf.Testing.synth(OpenStackClusterStack.from_spec(app1, "s", ipam=fresh_ipam(), spec=BASE))
    b = cdktf.Testing.synth(OpenStackClusterStack.from_spec(app2, "s", ipam=fresh_ipam(), spec=BASE))
    assert a == b


def _only_additions(old: dict, new: dict, diff) -> None:
    assert diff(old, new) == []
    assert new != old


def test_adding_a_worker_adds_resources_and_changes_nothing_else(cluster, diff):
    _, _, old = cluster
    _, _, new = build(dataclasses.replace(BASE, workers=BASE.workers + ("worker-2",)))
    _only_additions(old, new, diff)
    added = {(t, n) for t, v in new["resource"].items() for n in instances(v) if n not in instances(old["resource"].get(t, {}))}
    assert added == {
        ("openstack_compute_instance_v2", node("worker-2")),
        (PORT, node("worker-2")),
        (ROUTE, f'{NET}_k8s_pods["worker-2"]'),
    }
    assert set(new["output"]["node_addresses"]["value"]) - set(old["output"]["node_addresses"]["value"]) == {"worker-2"}


def test_inserting_a_control_plane_node_with_a_persisted_plan_changes_nothing_else(diff):
    ipam, _, old = build(BASE)
    lock = json.loads(json.dumps(to_dict(ipam)))  # the reviewed lock file, round-tripped
    grown = dataclasses.replace(BASE, control_plane=("cp-0", "cp-new", "cp-1", "cp-2"))  # inserted mid-list
    _, _, new = build(grown, ipam=from_dict(lock))
    _only_additions(old, new, diff)
    added = {(t, n) for t, v in new["resource"].items() for n in instances(v) if n not in instances(old["resource"].get(t, {}))}
    assert added == {("openstack_compute_instance_v2", node("cp-new")), (PORT, node("cp-new")), (ROUTE, f'{NET}_k8s_pods["cp-new"]')}


# -- the IPv6 prefix from OpenStack (Kubermatic's order) -------------------------------------------


@pytest.fixture(scope="module")
def pool_cluster():
    return build(dataclasses.replace(BASE, ipv6_from_subnet_pool=True, ipv6_subnet_pool="shared-ipv6"))


def test_named_subnet_pool_prefix(pool_cluster):
    _, _, out = pool_cluster
    v6 = out["resource"][SUBNET][f"{NET}_v6"]
    assert out["data"]["openstack_networking_subnetpool_v2"][f"{NET}_v6"] == {"name": "shared-ipv6", "ip_version": 6}
    assert v6["subnetpool_id"] == f"${{data.openstack_networking_subnetpool_v2.{NET}_v6.id}}" and v6["prefix_length"] == 64
    assert "cidr" not in v6 and "gateway_ip" not in v6 and "allocation_pool" not in v6
    assert out["resource"][SUBNET][f"{NET}_v4"]["cidr"] == "10.0.0.0/24"  # IPv4 still from the allocator


CIDRHOST = re.compile(r"^\$\{cidrhost\(openstack_networking_subnet_v2\.k8s-nodes_v6\.cidr, (\d+)\)\}$")


def test_addresses_in_a_pool_prefix_are_cidrhost_of_the_subnet(pool_cluster):
    ipam, _, out = pool_cluster
    outputs = out["output"]["node_addresses"]["value"]
    hostnums = {}
    for node, by_family in outputs.items():
        m = CIDRHOST.match(by_family["ipv6"])
        assert m, by_family["ipv6"]
        hostnums[node] = int(m.group(1))
        assert ipam.get(f"{SITE}/{NET}/{node}/ipv6").hostnum == hostnums[node]
        assert hostnums[node] >= 1 << 63  # above Neutron's half (its random window starts at ::2)
    assert len(set(hostnums.values())) == len(hostnums)
    route = instances(out["resource"][ROUTE])[f'{NET}_k8s_pods["cp-0"]']
    assert route["next_hop"] == outputs["cp-0"]["ipv6"]


@pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform CLI not on PATH: cannot evaluate cidrhost()")
def test_terraform_evaluates_the_relative_addresses_like_python(pool_cluster):
    _, _, out = pool_cluster
    outputs = out["output"]["node_addresses"]["value"]
    concrete = '"2001:db8:abcd:12::/64"'
    nodes = sorted(outputs)
    exprs = [CIDRHOST.match(outputs[n]["ipv6"]).group(0)[2:-1].replace("openstack_networking_subnet_v2.k8s-nodes_v6.cidr", concrete) for n in nodes]
    result = subprocess.run(["terraform", "console"], input="jsonencode([" + ", ".join(exprs) + "])\n", capture_output=True, text=True,
                            timeout=120, cwd="/tmp")
    assert result.returncode == 0, result.stderr
    got = json.loads(json.loads(result.stdout.strip().splitlines()[-1]))
    base = ipaddress.ip_network("2001:db8:abcd:12::/64").network_address
    want = [str(base + int(CIDRHOST.match(outputs[n]["ipv6"]).group(1))) for n in nodes]
    assert got == want


def test_kubermatic_fallback_is_fd00_64():
    ipam, _, out = build(dataclasses.replace(BASE, ipv6_from_subnet_pool=True))
    v6 = out["resource"][SUBNET][f"{NET}_v6"]
    assert v6["cidr"] == "fd00::/64" and "subnetpool_id" not in v6
    for node, by_family in out["output"]["node_addresses"]["value"].items():
        assert ipaddress.ip_address(by_family["ipv6"]) in ipaddress.ip_network("fd00::/64")


def test_default_pool_when_it_exists():
    _, _, out = build(dataclasses.replace(BASE, ipv6_from_subnet_pool=True, default_ipv6_pool_exists=True))
    assert out["data"]["openstack_networking_subnetpool_v2"][f"{NET}_v6"] == {"is_default": True, "ip_version": 6}


# -- other modes and families ------------------------------------------------------------------------


def test_slaac_cluster_pins_no_ipv6_and_reads_it_back():
    ipam, stack, out = build(dataclasses.replace(BASE, ipv6_mode=Ipv6Mode.SLAAC))
    v6 = out["resource"][SUBNET][f"{NET}_v6"]
    assert (v6["ipv6_ra_mode"], v6["ipv6_address_mode"]) == ("slaac", "slaac")
    port = instances(out["resource"][PORT])[node("cp-0")]
    assert port["fixed_ip"][1] == {"subnet_id": f"${{openstack_networking_subnet_v2.{NET}_v6.id}}"}
    lookup = '${one([for ip in openstack_networking_port_v2.k8s["cp-0"].all_fixed_ips : ip if strcontains(ip, ":")])}'
    assert out["output"]["node_addresses"]["value"]["cp-0"]["ipv6"] == lookup
    assert instances(out["resource"][ROUTE])[f'{NET}_k8s_pods["cp-0"]']["next_hop"] == lookup
    assert not [k for k in ipam.allocations if k.startswith(f"{SITE}/{NET}/") and k.endswith("/ipv6") and "/neutron/" not in k]


def test_ipv6_only_cluster():
    spec = dataclasses.replace(BASE, families=("ipv6",), floating_ip_pool=None, external_subnet_ids={"ipv6": "ext-v6"},
                               ssh_from={"ipv6": ("2001:db8:ffff::/48",)}, dns_nameservers={"ipv6": ("2620:fe::fe",)})
    _, _, out = build(spec)
    res = out["resource"]
    assert set(res[SUBNET]) == {f"{NET}_v6"} and "openstack_networking_floatingip_v2" not in res
    assert {r["ethertype"] for r in instances(res["openstack_networking_secgroup_rule_v2"]).values()} == {"IPv6"}
    assert set(out["output"]["node_addresses"]["value"]["cp-0"]) == {"ipv6"}
    assert out["output"]["control_plane_endpoint"]["value"] == out["output"]["vip_addresses"]["value"]["ipv6"]


def test_ipv4_only_cluster():
    spec = dataclasses.replace(BASE, families=("ipv4",), pod_supernet=None, wireguard=None, external_subnet_ids={"ipv4": "ext-v4"},
                               ssh_from={"ipv4": ("192.0.2.0/24",)}, dns_nameservers={"ipv4": ("9.9.9.9",)})
    _, _, out = build(spec)
    res = out["resource"]
    assert set(res[SUBNET]) == {f"{NET}_v4"} and ROUTE not in res
    assert {r["ethertype"] for r in instances(res["openstack_networking_secgroup_rule_v2"]).values()} == {"IPv4"}


def test_existing_router():
    spec = dataclasses.replace(BASE, router_id="router-uuid", external_network_id=None, external_subnet_ids={})
    _, _, out = build(spec)
    res = out["resource"]
    assert "openstack_networking_router_v2" not in res
    assert {i["router_id"] for i in res["openstack_networking_router_interface_v2"].values()} == {"router-uuid"}
    assert {r["router_id"] for r in instances(res[ROUTE]).values()} == {"router-uuid"}


# -- bad input: one line, before any construct ---------------------------------------------------------


BAD_SPECS = [
    (dict(workers=("cp-0",)), "node 'cp-0' is already in control_plane"),
    (dict(workers=("worker 1",)), "workers: node name: 'worker 1'"),
    (dict(workers="worker-0"), "must be a tuple of node names"),
    (dict(control_plane=()), "at least one control-plane node"),
    (dict(families=("ipv4", "ipv7")), "families"),
    (dict(families=("ipv4",), dns_nameservers={}), "pod_supernet: routed pod prefixes are IPv6"),
    (dict(families=("ipv6",), dns_nameservers={}), "floating IPs are IPv4 only"),
    (dict(families=("ipv6",)), "dns_nameservers: 'ipv4' is not one of the cluster's families"),
    (dict(ipv6_mode=Ipv6Mode.SLAAC_EXTERNAL_ROUTER), "pod_supernet: routed pod prefixes need a Neutron router"),
    (dict(ipv6_mode="stateful"), "not an IPv6 mode"),
    (dict(pod_prefix_length=48), "pod_prefix_length"),
    (dict(dns_nameservers={"ipv6": ("9.9.9.9",)}), r"dns_nameservers.ipv6\[0\]: '9.9.9.9' is IPv4"),
    (dict(external_network_id=None, external_subnet_ids={}), "needs external_network_id"),
    (dict(router_id="r"), "an existing router keeps its own gateway"),
    (dict(site="mini lab"), "site: 'mini lab'"),
    (dict(flavors={"worker": "m1"}), "no flavor for role 'gateway'"),
    (dict(ssh_from={"ipv4": ("192.0.2.0/24",)}), "no ipv6 remote prefix; rules come in v4/v6 pairs"),
    (dict(ssh_from={"ipv4": ("0.0.0.0/0",), "ipv6": ("::/0",)}), r"ssh_from.ipv4\[0\]: 0.0.0.0/0 opens SSH .*write anywhere to mean it"),
    (dict(node_lengths={"ipv4": 31, "ipv6": 64}), "too small|fewer than 2"),
]


@pytest.mark.parametrize("change,match", BAD_SPECS)
def test_bad_spec_raises_one_line_before_any_construct(change, match):
    app = cdktf.Testing.app()
    with pytest.raises((NeutronRuleError, IpamError)) as err:
        OpenStackClusterStack.from_spec(app, "bad", ipam=fresh_ipam(), spec=dataclasses.replace(BASE, **change))
    assert re.search(match, str(err.value)), str(err.value)
    assert "\n" not in str(err.value)
    assert [c.node.id for c in app.node.children] == []  # the stack was never created


def test_unknown_allocator_network_is_refused_before_any_construct():
    app = cdktf.Testing.app()
    with pytest.raises(NotFound, match="network 'nope' not found"):
        OpenStackClusterStack.from_spec(app, "bad", ipam=fresh_ipam(), spec=dataclasses.replace(BASE, node_supernet="nope"))
    assert [c.node.id for c in app.node.children] == []


def test_the_diff_helper_reports_changes_and_removals_but_not_additions(diff):
    old = {"resource": {"port": {"a": {"ip": "10.0.0.5", "pairs": ["x"]}}}}
    assert diff(old, {"resource": {"port": {"a": {"ip": "10.0.0.5", "pairs": ["x"]}, "b": {}}}}) == []
    assert diff(old, {"resource": {"port": {"a": {"ip": "10.0.0.6", "pairs": ["x"]}}}}) == ["/resource/port/a/ip: '10.0.0.5' -> '10.0.0.6'"]
    assert diff(old, {"resource": {"port": {"a": {"ip": "10.0.0.5", "pairs": ["x", "y"]}}}}) == ["/resource/port/a/pairs: ['x'] -> ['x', 'y']"]
    assert diff(old, {"resource": {"port": {}}}) == ["/resource/port/a removed"]


def test_seed_001_example_values():
    """yaook: subnet_cidr 172.30.154.0/24, subnet_v6_cidr fd00::/120 (DHCPv6-stateful), wg fd01::/120 + fd01::1/120."""
    ipam = Ipam()
    ipam.create_network("seed", prefixes=["172.30.154.0/23", "fd00::/119"])
    spec = OpenStackClusterSpec(site="yaook", node_supernet="seed", node_lengths={"ipv4": 24, "ipv6": 120},
                                external_network_id="shared-public-IPv4", floating_ip_pool="shared-public-IPv4")
    _, _, out = build(spec, ipam=ipam)
    subnets = out["resource"][SUBNET]
    assert subnets[f"{NET}_v4"]["cidr"] == "172.30.154.0/24"
    v6 = subnets[f"{NET}_v6"]
    assert (v6["cidr"], v6["ip_version"], v6["ipv6_ra_mode"], v6["ipv6_address_mode"]) == ("fd00::/120", 6, "dhcpv6-stateful", "dhcpv6-stateful")
    assert v6["allocation_pool"] == [{"start": "fd00::2", "end": "fd00::7f"}] and v6["gateway_ip"] == "fd00::1"
    assert out["output"]["wireguard"]["value"] == {"wg_ipv6_cidr": "fd01::/120", "wg_ipv6_gw": "fd01::1/120"}
    for by_family in out["output"]["node_addresses"]["value"].values():
        assert ipaddress.ip_address(by_family["ipv6"]) in ipaddress.ip_network("fd00::80/121")


# -- plan once, and a cost that does not grow with the nodes ---------------------------------------------


def test_the_stack_renders_its_plan_and_allocates_nothing(cluster):
    """Plan once: the stack asks the allocator nothing; the same plan gives the same bytes."""
    ipam = fresh_ipam()
    plan = plan_cluster(ipam, BASE)
    keys = list(ipam.keys())
    app = cdktf.Testing.app()
    stack = build_openstack_cluster(app, "openstack-cluster", plan=plan, backend_path="../../../state/openstack-cluster.tfstate")
    out = json.loads(cdktf.Testing.synth(stack))
    assert list(ipam.keys()) == keys
    assert out["terraform"]["backend"] == {"local": {"path": "../../../state/openstack-cluster.tfstate"}}
    assert out["resource"] == cluster[2]["resource"]
    with pytest.raises(NeutronRuleError, match="backend_path: '/abs' must be a relative state path"):
        build_openstack_cluster(cdktf.Testing.app(), "x", plan=plan, backend_path="/abs")
    with pytest.raises(TypeError, match="plan= carries its spec"):
        build_openstack_cluster(cdktf.Testing.app(), "x", plan=plan, backend_path="x.tfstate", spec=BASE)


def test_jsii_calls_do_not_grow_with_the_nodes():
    from jsii._kernel.providers import process

    def count(n: int) -> int:
        sent = [0]
        original = process._NodeProcess.send

        def send(self, request, response_type):
            sent[0] += 1
            return original(self, request, response_type)

        spec = dataclasses.replace(BASE, workers=tuple(f"worker-{i}" for i in range(n)), node_lengths={"ipv4": 20, "ipv6": 64},
                                   max_router_routes=1000)  # a route per node: the operator raised the quota
        plan = plan_cluster(fresh_ipam(), spec)  # pure: no jsii
        process._NodeProcess.send = send
        try:
            app = cdktf.Testing.app()
            cdktf.Testing.synth(build_openstack_cluster(app, "s", plan=plan, backend_path="s.tfstate"))
        finally:
            process._NodeProcess.send = original
        return sent[0]

    small, large = count(2), count(300)
    assert small == large, f"jsii messages: {small} for 7 nodes, {large} for 305"
    assert small < 120
