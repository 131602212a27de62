"""Every upstream limit: refused just past it with a message naming the limit and its source,
accepted at it. Ranges are literal here so each case states exactly what a component would see."""

import pytest

from constructs_lib.kubernetes import KubernetesNetworkError, LimitError

from .conftest import build, plan

KUBEADM = "cmd/kubeadm/app/constants/constants.go"


def refused(exc=LimitError, **kw):
    with pytest.raises(exc) as e:
        build(**kw)
    assert "\n" not in str(e.value)
    return str(e.value)


# -- services --------------------------------------------------------------------------------
def test_ipv6_service_range_above_108_is_refused_by_kubeadm():
    msg = refused(services="fd00:1::/107")
    assert "services (ipv6): fd00:1::/107 (/107) is too large: kubeadm refuses an IPv6 service range shorter than /108" in msg
    assert "MaximumBitsForServiceSubnet" in msg
    build(services="fd00:1::/108")


def test_ipv4_service_range_above_12_is_refused_by_kubeadm():
    msg = refused(ip_families=["ipv4"], services="10.96.0.0/11", nodes="10.0.0.0/24")
    assert "kubeadm refuses an IPv4 service range shorter than /12" in msg
    build(ip_families=["ipv4"], services="10.96.0.0/12", nodes="10.0.0.0/24")


def test_kube_apiserver_limit_follows_the_target_version_without_kubeadm():
    # kube-apiserver up to 1.33 with default gates keeps the /108 limit...
    msg = refused(services="fd00:1::/64", targets=["kube-proxy"], kubernetes_version="1.33")
    assert "kube-apiserver 1.33 with default feature gates refuses an IPv6 service range shorter than /108" in msg
    assert "DisableAllocatorDualWrite" in msg and "validateClusterIPFlags" in msg
    # ...from 1.34 (MultiCIDRServiceAllocator and DisableAllocatorDualWrite both on) it is gone
    c, r, _ = build(services="fd00:1::/64", targets=["kube-proxy", "gardener"], kubernetes_version="1.34")
    assert r.services.ranges["ipv6"].text == "fd00:1::/64"
    # but kubeadm refuses it in any version
    assert "kubeadm refuses" in refused(services="fd00:1::/64", kubernetes_version="1.35")


def test_service_range_needs_ten_addresses():
    msg = refused(ip_families=["ipv4"], services="10.96.0.0/29", nodes="10.0.0.0/24")
    assert "has 8 addresses, fewer than 10" in msg and "MinimumAddressesInServiceSubnet" in msg
    build(ip_families=["ipv4"], services="10.96.0.0/28", nodes="10.0.0.0/24")
    assert "has 8 addresses, fewer than 10" in refused(services="fd00:1::/125")
    build(services="fd00:1::/124")


# -- pods ------------------------------------------------------------------------------------
def test_pod_range_needs_fourteen_addresses():
    msg = refused(ip_families=["ipv4"], nodes="10.0.0.0/24", pods="172.20.0.0/29", node_cidr_mask_size={"ipv4": 29},
                  calico={"block_size": {"ipv4": 29}})
    assert "has 8 addresses, fewer than 14" in msg and "MinimumAddressesInPodSubnet" in msg and "/28 gives 14" in msg
    build(ip_families=["ipv4"], nodes="10.0.0.0/24", pods="172.20.0.0/28", node_cidr_mask_size={"ipv4": 28},
          calico={"block_size": {"ipv4": 28}})


def test_node_mask_may_not_be_shorter_than_the_cluster_mask():
    msg = refused(pods="fd00:2::/80")  # default node mask /64
    assert "pods (ipv6): fd00:2::/80 (/80) is smaller than one node's range /64" in msg
    assert "ValidatePodSubnetNodeMask" in msg
    build(pods="fd00:2::/80", node_cidr_mask_size={"ipv6": 80})


def test_node_mask_at_most_16_bits_longer_ipv6_always():
    msg = refused(pods="fd00:2::/47", targets=["kube-proxy"])
    assert "the node mask may be at most 16 bits longer than the cluster mask" in msg
    assert "clusterSubnetMaxDiff" in msg and "cilium/cilium#20756" in msg and "PodSubnetNodeMaskMaxDiff" in msg
    build(pods="fd00:2::/48", targets=["kube-proxy"])


def test_node_mask_difference_ipv4_only_with_kubeadm():
    kw = dict(ip_families=["ipv4"], nodes="10.0.0.0/24", pods="172.16.0.0/12", node_cidr_mask_size={"ipv4": 29},
              calico={"block_size": {"ipv4": 29}})
    assert "at most 16 bits longer" in refused(**kw)  # kubeadm validates both families
    build(**{**kw, "targets": ["kube-proxy"]})  # kube-controller-manager's cidrset limits IPv6 only


# -- Kubermatic ------------------------------------------------------------------------------
DUAL = dict(ip_families=["ipv4", "ipv6"], nodes="10.0.0.0/24, fd00:9::/64",
            machines=[{"name": "w1", "addresses": {"ipv4": "10.0.0.5", "ipv6": "fd00:9::5"}}])


def test_kubermatic_dual_stack_needs_ipv4_first():
    msg = refused(**{**DUAL, "nodes": "fd00:9::/64, 10.0.0.0/24"}, pods="fd01::/48, 172.25.0.0/16",
                  services="fd02::/108, 10.240.16.0/20", targets=["kubermatic"])
    assert "dual-stack needs IPv4 first" in msg and "kubermatic" in msg
    c, r, _ = build(**DUAL, targets=["kubermatic"])
    assert r.pods.families == ("ipv4", "ipv6")


def test_kubermatic_refuses_ipv6_only():
    msg = refused(targets=["kubermatic"])
    assert "not IPv6-only" in msg and "pkg/defaulting/cluster.go" in msg


def test_kubermatic_needs_same_families_for_pods_and_services():
    msg = refused(**DUAL, services="10.240.16.0/20", targets=["kubermatic"])
    assert "pods (IPv4+IPv6) and services (IPv4) must have the same families" in msg


def test_kubermatic_needs_cluster_pod_ranges():
    msg = refused(nodes="v6global/64+prefix/80", pods="v6fromNode", targets=["kubermatic"])
    assert "needs cluster pod ranges, not custom or fromNode" in msg


# -- Calico ----------------------------------------------------------------------------------
def test_calico_pool_not_smaller_than_its_block():
    msg = refused(pods="fd00:2::/123", node_cidr_mask_size={"ipv6": 123}, targets=["kube-proxy"])
    assert "is smaller than its Calico block /122" in msg and "libcalico-go/lib/clientv3/ippool.go" in msg
    build(pods="fd00:2::/122", node_cidr_mask_size={"ipv6": 122}, targets=["kube-proxy"])
    # the same pool is fine for Cilium
    build(pods="fd00:2::/123", node_cidr_mask_size={"ipv6": 123}, targets=["kube-proxy"], cni="cilium")


def test_calico_per_node_pool_not_smaller_than_its_block():
    kw = dict(nodes="v6global/64+prefix/124", pods="v6fromNode", machines=[{"name": "w1"}])
    assert "each node's pool /124 is smaller than its Calico block /122" in refused(**kw)
    build(**{**kw, "calico": {"block_size": {"ipv6": 124}}})


# -- reserved and documentation ranges ------------------------------------------------------------
@pytest.mark.parametrize(
    "kw,needle,source",
    [
        (dict(pods="fe80::/48"), "overlaps fe80::/10 (IPv6 link-local)", "RFC 4291"),
        (dict(ip_families=["ipv4"], nodes="10.0.0.0/24", pods="169.254.0.0/16"), "overlaps 169.254.0.0/16 (IPv4 link-local)",
         "ippool.go"),
        (dict(services="64:ff9b::/108"), "overlaps 64:ff9b::/96 (NAT64 well-known prefix)", "RFC 6052"),
        (dict(services="fd8f:6d53:b97a:1::/108"), "overlaps fd8f:6d53:b97a:1::/96 (Gardener default VPN range)",
         "shoot_networking.md"),
        (dict(pods="fd8f:6d53:b97a::/48"), "overlaps fd8f:6d53:b97a:1::/96", "Reserved Networks"),
        (dict(ip_families=["ipv4"], nodes="10.0.0.0/24", pods="240.0.0.0/16"), "overlaps 240.0.0.0/8 (Gardener kube-apiserver mapping",
         "shoot_networking.md"),
    ],
)
def test_reserved_ranges_are_refused(kw, needle, source):
    msg = refused(**kw)
    assert needle in msg and source in msg


def test_documentation_prefixes_only_warn():
    c, r, _ = build(pods="2001:db8:1::/48", services="2001:db8:2::/108")
    texts = [str(w) for w in r.warnings]
    assert any("pods (ipv6): 2001:db8:1::/48 is inside 2001:db8::/32" in t and "RFC 3849" in t for t in texts)
    c, r, _ = build(ip_families=["ipv4"], nodes="192.0.2.0/24", pods="172.20.0.0/16", services="10.96.0.0/16",
                    machines=[{"name": "w1", "addresses": {"ipv4": "192.0.2.10"}}])
    assert any("192.0.2.0/24" in str(w) and "RFC 5737" in str(w) for w in r.warnings)


# -- overlaps ----------------------------------------------------------------------------------
def test_roles_of_one_cluster_may_not_overlap():
    msg = refused(nodes="fd00:9::/64", pods="fd00:9::/56", node_cidr_mask_size={"ipv6": 64})
    assert "overlaps" in msg  # the plan refuses the second super network, or the rule does
    ipam = plan()
    ipam.create_network("infra", prefixes=["fd00:a::/48"])
    msg = refused(ipam=ipam, nodes="fd00:a:0:1::/64", pods="fd00:a::/56", services="fd02::/108")
    assert "overlaps a network the plan already holds" in msg


def test_nodes_inside_the_plans_subnet_are_fine_but_pods_there_are_not():
    ipam = plan()
    c, r, _ = build(ipam=ipam, ip_families=["ipv4"], nodes="10.0.0.0/24", pods="172.20.0.0/16", services="10.96.0.0/16",
                    machines=[{"name": "w1", "addresses": {"ipv4": "10.0.0.5"}}])
    assert r.nodes.ranges["ipv4"].network is None  # inside tenant-super, held by the plan
    msg = refused(ipam=plan(), ip_families=["ipv4"], nodes="10.0.0.0/24", pods="10.0.128.0/17", services="10.96.0.0/16",
                  node_cidr_mask_size={"ipv4": 24})
    assert "pods (ipv4): 10.0.128.0/17 overlaps a network the plan already holds" in msg and "tenant-super" in msg


def test_roles_overlap_rule_catches_what_the_plan_cannot():
    # nodes named by CIDR inside a plan network are not claimed; pods carved from the same network
    # land on them: refused by the cluster's own overlap rule
    msg = refused(nodes="2001:db8:0:10::/96", pods="v6global/80", global_parent="tenant-super",
                  node_cidr_mask_size={"ipv6": 96}, machines=[{"name": "w1", "addresses": {"ipv6": "2001:db8:0:10::5"}}])
    assert "pods (ipv6): 2001:db8:0:10::/80 overlaps nodes 2001:db8:0:10::/96" in msg


# -- families, nodes ----------------------------------------------------------------------------
def test_primary_service_family_must_match_the_nodes_primary():
    msg = refused(**DUAL, services="fd02::/108, 10.240.16.0/20")
    assert "primary service family IPv6 differs from the nodes' primary family IPv4" in msg
    assert "validatePublicIPServiceClusterIPRangeIPFamilies" in msg


def test_gardener_needs_one_family_set():
    msg = refused(**DUAL, pods="fd01::/48", services="10.240.16.0/20, fd02::/108", targets=["gardener"])
    assert "Gardener has one ipFamilies list" in msg
    build(**DUAL, targets=["gardener"])


def test_from_node_needs_a_prefix_per_node():
    msg = refused(KubernetesNetworkError, nodes="v6global/64", pods="v6fromNode")
    assert "v6fromNode needs a prefix per node: set nodes to e.g. v6global/64+prefix/80" in msg
    msg = refused(KubernetesNetworkError, nodes="v6global/64+prefix/80", pods="v6fromNode/64")
    assert "asks for /64 per node but nodes get +prefix/80" in msg


def test_node_prefix_must_be_longer_than_the_node_range():
    msg = refused(KubernetesNetworkError, nodes="v6global/64+prefix/64", pods="v6fromNode")
    assert "+prefix/64 is not longer than the node range /64" in msg


def test_dual_stack_nodes_need_both_addresses_for_node_ip():
    msg = refused(KubernetesNetworkError, **{**DUAL, "machines": [{"name": "w1", "addresses": {"ipv4": "10.0.0.5"}}],
                                             "nodes": "10.0.0.0/24, 2001:db8:0:10::/96"})
    assert "node w1 (ipv6): no IPv6 address for kubelet node-ip" in msg and "seed 001" in msg


def test_node_address_outside_the_node_range():
    msg = refused(KubernetesNetworkError, **{**DUAL, "machines": [{"name": "w1", "addresses": {"ipv4": "10.1.0.5", "ipv6": "fd00:9::5"}}]})
    assert "address 10.1.0.5 is outside the node range 10.0.0.0/24" in msg


def test_given_node_prefixes_are_checked():
    base = dict(nodes="fd00:9::/64+prefix/80", pods="v6fromNode", services="fd02::/108")
    msg = refused(KubernetesNetworkError, **base, machines=[
        {"name": "w1", "prefixes": {"ipv6": "fd00:9::/80"}}, {"name": "w2", "prefixes": {"ipv6": "fd00:9::/80"}}])
    assert "node w2 (ipv6): prefix fd00:9::/80 overlaps node w1's fd00:9::/80" in msg
    msg = refused(KubernetesNetworkError, **base, machines=[{"name": "w1", "prefixes": {"ipv6": "fd00:8::/80"}}])
    assert "prefix fd00:8::/80 is outside the node range fd00:9::/64" in msg
    msg = refused(KubernetesNetworkError, **base, machines=[{"name": "w1", "prefixes": {"ipv6": "fd00:9::/96"}}])
    assert "is smaller than the +prefix/80 asked for" in msg


def test_services_without_pods_of_that_family_warn():
    c, r, _ = build(**DUAL, pods="172.25.0.0/16")
    assert any("IPv6 services but no IPv6 pods" in str(w) for w in r.warnings)


def test_node_prefixes_apart_agrees_with_every_pair_compared():
    """The sorted sweep finds an overlap exactly when comparing every pair does, and names a pair that overlaps."""
    import random

    from constructs_lib.ipam.prefix import Prefix
    from constructs_lib.kubernetes.resolve import ResolvedRange
    from constructs_lib.kubernetes.rules import _check_node_prefixes_apart

    rnd = random.Random(7)
    for trial in range(300):
        seen = []
        for i in range(rnd.randint(2, 12)):
            length = rnd.choice([76, 78, 80, 80, 80])
            base = rnd.randrange(0, 64) << (128 - 80)
            text = f"{Prefix(6, (0xfd00_0009 << 96) | base, 80).text}"
            p = Prefix.parse(text, "t")
            p = Prefix(6, p.base >> (128 - length) << (128 - length), length)
            seen.append((f"w{i}", ResolvedRange("node-prefix", "ipv6", p, "cidr")))
        pairs = [(j, i) for i in range(len(seen)) for j in range(i) if seen[j][1].prefix.overlaps(seen[i][1].prefix)]
        try:
            _check_node_prefixes_apart("c", seen)
            found = None
        except KubernetesNetworkError as e:
            found = str(e)
        if not pairs:
            assert found is None, (trial, found)
        else:  # a pair that does overlap, the node later in machine order named first
            assert found is not None, (trial, pairs)
            assert any(found.startswith(f"cluster c: node w{i} (ipv6)") and f"overlaps node w{j}'s" in found for j, i in pairs), (trial, found)
