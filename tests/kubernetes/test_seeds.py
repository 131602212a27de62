"""Each seed's example through the plan-file path (``parse_plan`` + ``pipeline.allocate`` on an
``Ipam()``; no cdktf), compared with the seed's own values. Plans in ``plans/``.

Seed 001's cluster also takes what its site hands besides nodes (VIPs and their holders, BGP
peers): until ``ClusterLinks`` carries them, ``openstack_extras`` below builds them from the
site's plan exactly as the OpenStack site kind is asked to, and the cluster is planned through
``plan_cluster``'s keywords."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
import yaml

from constructs_lib import sites
from constructs_lib.app.pipeline import allocate
from constructs_lib.app.plan_file import PlanError, parse_plan
from constructs_lib.ipam import Ipam, to_dict
from constructs_lib.kubernetes import plan_cluster
from constructs_lib.kubernetes.render import dump

PLANS = Path(__file__).parent / "plans"


def raw(name: str) -> dict:
    return yaml.safe_load((PLANS / name).read_text())


def load(files, name):
    doc = yaml.safe_load(files[name])
    assert dump(doc) == files[name]
    return doc


def env(files) -> dict:
    return {e["name"]: e["value"] for e in load(files, "calico/calico-node-env.yaml")["env"]}


def openstack_extras(site_plan) -> dict:
    """What the OpenStack site hands a cluster besides nodes: the VIPs, the gateways that hold them,
    the control-plane nodes behind them, and the VIPs as the BGP peer (seed 001: "the k8s nodes peer
    with the currently LB-master gateway", which is the one holding the VIPs)."""
    spec = site_plan.spec
    vips = {f: a for f, a in site_plan.vips.items() if a}
    holders = {n: {f: a for f, a in p.addresses.items() if a} for n, p in site_plan.nodes.items() if p.role == "gateway"}
    out = {"control_plane": {"vips": vips, "holders": holders, "nodes": list(spec.control_plane)}}
    if holders:
        out["bgp_peers"] = {"gateway-vip": vips}
    return out


# -- seed 001: yaook on OpenStack ------------------------------------------------------------------------
def yaook():
    plan, clusters = parse_plan(raw("seed-001-yaook-openstack.yaml"))
    ipam = Ipam()
    allocated = allocate(plan, {}, ipam)  # the site; its cluster below with what the site hands
    site = allocated.sites["yaook"].plan
    links = sites.kind("openstack").links(ipam, site)
    cluster = plan_cluster(clusters["k8s"], ipam, **{**openstack_extras(site), **links.as_kwargs()})
    return site, cluster


def test_seed_001_yaook_dual_stack_on_openstack():
    site, p = yaook()
    # the site as the seed configures it
    assert site.subnets["ipv6"].cidr == "fd00::/120"  # subnet_v6_cidr = "fd00::/120"
    assert site.spec.ipv6_mode.value == "dhcpv6-stateful"  # ipv6_ra_mode = ipv6_address_mode = "dhcpv6-stateful"
    assert (site.spec.wireguard.wg_ipv6_cidr, site.spec.wireguard.wg_ipv6_gw) == ("fd01::/120", "fd01::1/120")
    files = p.files
    # Calico's IPAM assigns both families, calico-node autodetects IPv6 and Felix programs it
    assert load(files, "calico/cni-ipam.yaml") == {"ipam": {"type": "calico-ipam", "assign_ipv4": "true", "assign_ipv6": "true"}}
    assert env(files)["IP6"] == "autodetect" and env(files)["FELIX_IPV6SUPPORT"] == "true"
    # kubelet gets both node IPs, IPv4 first
    for node in ("cp-0", "cp-1", "cp-2", "worker-0", "worker-1"):
        addrs = site.nodes[node].addresses
        assert load(files, f"kubeadm/join-{node}.yaml")["nodeRegistration"]["kubeletExtraArgs"] == {
            "node-ip": f"{addrs['ipv4']},{addrs['ipv6']}"}
    # the control plane: IPv4 VIP as controlPlaneEndpoint (the seed's choice), the VIPv6 in the certificate and in HAProxy
    cc = load(files, "kubeadm/cluster-configuration.yaml")
    assert cc["controlPlaneEndpoint"] == f"{site.vips['ipv4']}:6443"
    assert cc["apiServer"]["certSANs"] == [site.vips["ipv6"]]
    cfg = files["haproxy/haproxy.cfg"]
    assert f"    bind {site.vips['ipv4']}:6443\n" in cfg and f"    bind [{site.vips['ipv6']}]:6443\n" in cfg
    assert sorted(f for f in files if f.startswith("keepalived/")) == ["keepalived/keepalived-gw-0.conf", "keepalived/keepalived-gw-1.conf"]
    # BGP: every node peers with the gateway holding the VIPs, over both families
    bgp = list(yaml.safe_load_all(files["calico/bgp.yaml"]))
    assert bgp[0]["spec"]["asNumber"] == 64512
    assert [(d["spec"]["peerIP"], d["spec"]["asNumber"]) for d in bgp[1:]] == [(site.vips["ipv4"], 65000), (site.vips["ipv6"], 65000)]
    # "The IPv6 addresses assigned to a Pod are unique local": each node's routed pool is RFC 4193, not masqueraded
    pools = {x["metadata"]["name"]: x["spec"] for x in yaml.safe_load_all(files["calico/ippools.yaml"])}
    for node in ("cp-0", "worker-1"):
        pool = pools[f"k8s-{node}-pods-ipv6"]
        assert pool["cidr"] == site.nodes[node].pod_prefix and ipaddress.ip_network(pool["cidr"]).subnet_of(ipaddress.ip_network("fc00::/7"))
        assert pool["natOutgoing"] is False
    assert p.warnings == ()


@pytest.mark.parametrize("version", ["1.21", "v1.22.5"])
def test_seed_001_kubernetes_before_dual_stack_ga_is_refused_naming_the_version(version):
    data = raw("seed-001-yaook-openstack.yaml")
    data["kubernetes"]["k8s"]["kubernetes_version"] = version
    with pytest.raises(PlanError) as e:
        parse_plan(data)
    (line,) = e.value.lines
    assert line.startswith(f"kubernetes.k8s: kubernetes_version: {version} is older than 1.23, where IPv4/IPv6 "
                           "dual-stack became GA (stable); set kubernetes_version: \"1.23\" or later")
    assert "Kubernetes v1.23 [stable]" in line


# -- seed 003: Gardener's example on the AWS proof of concept ------------------------------------------
def gardener():
    plan, clusters = parse_plan(raw("seed-003-gardener-aws.yaml"))
    ipam = Ipam()
    return allocate(plan, clusters, ipam), ipam


def test_seed_003_example_as_written_with_the_aws_80_said_once():
    allocated, ipam = gardener()
    p = allocated.clusters["poc"]
    site = allocated.sites["aws-poc"].plan
    # "of at least that size": +prefix/96 is met with the /80 AWS delegates, in one warning line
    said = [w for w in allocated.warnings if "+prefix/96" in w]
    assert said == ["kubernetes.poc: cluster poc: nodes (ipv6): +prefix/96 is met with the /80 the infrastructure delegates to each "
                    "node (3 of 3: node-1, node-2, node-3), larger than asked, as 'of at least that size' allows; pods use all of it "
                    "[seed 003 (IPv6 for Gardener): keyword strategies]"]
    # pods: v6fromNode, each node's pool is its AWS /80, routed (no NAT, no overlay), no node CIDR allocation
    pools = {x["metadata"]["name"]: x["spec"] for x in yaml.safe_load_all(p.files["calico/ippools.yaml"])}
    nodes = {n.name: n for n in p.resolved.machines}
    for vm in site.fleet.vms:
        assert vm.prefix.prefix.length == 80 and nodes[vm.name].pod_ranges["ipv6"].prefix == vm.prefix.prefix
        assert pools[f"poc-{vm.name}-pods-ipv6"]["cidr"] == nodes[vm.name].pod_ranges["ipv6"].text
        assert pools[f"poc-{vm.name}-pods-ipv6"]["natOutgoing"] is False
    cc = load(p.files, "kubeadm/cluster-configuration.yaml")
    assert cc["controllerManager"]["extraArgs"] == [{"name": "allocate-node-cidrs", "value": "false"}]
    assert load(p.files, "kube-proxy/kube-proxy-configuration.yaml")["clusterCIDR"] == ""
    assert load(p.files, "gardener/shoot-networking.yaml")["spec"]["networking"]["ipFamilies"] == ["IPv6"]


def test_seed_003_global_service_range_beside_the_node_subnets():
    allocated, ipam = gardener()
    svc = ipam.network("k8s/poc/services/ipv6")
    vpc = allocated.sites["aws-poc"].plan.vpc.network
    assert svc.parent == vpc.id and svc.prefixes[0].length == 108  # carved from the provider's /56 by the allocator
    subnets = [s.ipv6 for s in allocated.sites["aws-poc"].plan.vpc.subnets.values()]
    assert subnets and not [s for s in subnets if s.overlaps(svc.prefixes[0])]
    vms = [vm.prefix.prefix for vm in allocated.sites["aws-poc"].plan.fleet.vms]
    assert not [v for v in vms if v.overlaps(svc.prefixes[0])]
    cc = load(allocated.clusters["poc"].files, "kubeadm/cluster-configuration.yaml")
    assert cc["networking"]["serviceSubnet"] == svc.prefixes[0].text.join(("${", "}"))


def test_seed_003_literal_service_keyword_is_refused_pointing_at_the_token():
    data = raw("seed-003-gardener-aws.yaml")
    data["kubernetes"]["poc"]["services"] = "globalIPv6/64"  # the seed's example line, not one of its keywords
    with pytest.raises(PlanError) as e:
        parse_plan(data)
    (line,) = e.value.lines
    assert "services: token 1 ('globalIPv6/64'): unknown keyword" in line and "v6global" in line


# -- seed 004: Kubermatic -------------------------------------------------------------------------------
def test_seed_004_cluster_network_and_byo_join_as_the_seed_shows():
    plan, clusters = parse_plan(raw("seed-004-kubermatic.yaml"))
    ipam = Ipam()
    allocated = allocate(plan, clusters, ipam)
    byo = allocated.clusters["byo"].files
    assert load(byo, "kubermatic/cluster-network.yaml") == {"spec": {"clusterNetwork": {
        "ipFamily": "IPv4+IPv6",
        "pods": {"cidrBlocks": ["172.25.0.0/16", "fd01::/48"]},
        "services": {"cidrBlocks": ["10.240.16.0/20", "fd02::/120"]},
        "nodeCidrMaskSizeIPv4": 24, "nodeCidrMaskSizeIPv6": 64}}}
    join = load(byo, "kubeadm/join-byo-1.yaml")
    assert join["apiVersion"] == "kubeadm.k8s.io/v1beta3" and join["kind"] == "JoinConfiguration"
    assert join["nodeRegistration"]["kubeletExtraArgs"] == {"node-ip": "10.0.6.114,2a05:d014:937:4500:a324:767b:38da:2bff"}
    # the easy way: ipFamily IPv4+IPv6, pods and services defaulted as Kubermatic does
    easy = load(allocated.clusters["easy"].files, "kubermatic/cluster-network.yaml")["spec"]["clusterNetwork"]
    assert easy["pods"]["cidrBlocks"] == ["172.25.0.0/16", "fd01::/48"] and easy["services"]["cidrBlocks"] == ["10.240.16.0/20", "fd02::/108"]
    # both use 172.25.0.0/16: cluster-scoped, so the lock holds only the (shared, routed) node ranges
    assert sorted(to_dict(ipam)["networks"]) == ["k8s/byo/nodes/ipv4", "k8s/byo/nodes/ipv6", "k8s/easy/nodes/ipv4", "k8s/easy/nodes/ipv6"]
    assert allocated.warnings == []


def test_seed_004_two_clusters_with_kubermatics_defaults_need_cluster_scope():
    data = raw("seed-004-kubermatic.yaml")
    for cluster in ("byo", "easy"):
        del data["kubernetes"][cluster]["scope"]  # both in the shared namespace
    plan, clusters = parse_plan(data)
    with pytest.raises(PlanError) as e:
        allocate(plan, clusters, Ipam())
    (line,) = e.value.lines
    assert line.startswith("kubernetes.easy: cluster easy: pods (ipv4): 172.25.0.0/16 overlaps a network the plan already holds")
    assert "mark it scope: {pods: cluster}" in line
