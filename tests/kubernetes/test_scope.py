"""Cluster-scoped ranges (seed 004): two clusters may both use Kubermatic's defaults when those never
leave their cluster; routed ranges and nodes stay in the shared namespace and never overlap."""

import pytest

from constructs_lib.ipam import Ipam, from_dict, to_dict
from constructs_lib.kubernetes import KubernetesNetworkError, LimitError, parse_cluster, render_all, resolve

from .conftest import ula_sequence

KKP_DEFAULTS = dict(ip_families=["ipv4", "ipv6"], targets=["kubeadm", "kubermatic"])


def kkp(name, nodes, **kw):
    v4, v6 = nodes
    return parse_cluster({"name": name, **KKP_DEFAULTS, "nodes": f"{v4}.0/24, {v6}::/64",
                          "machines": [{"name": "w1", "addresses": {"ipv4": f"{v4}.10", "ipv6": f"{v6}::10"}}], **kw})


def test_two_clusters_share_kubermatics_defaults_when_cluster_scoped():
    ipam = Ipam()
    scope = {"pods": "cluster", "services": "cluster"}
    a = resolve(kkp("a", ("10.0.6", "2a05:d014:937:4500"), scope=scope), ipam, ula=ula_sequence())
    b = resolve(kkp("b", ("10.0.7", "2a05:d014:937:4501"), scope=scope), ipam, ula=ula_sequence())
    for r in (a, b):
        assert [x.text for x in r.pods.ordered()] == ["172.25.0.0/16", "fd01::/48"]
        assert [x.text for x in r.services.ordered()] == ["10.240.16.0/20", "fd02::/108"]
        assert {x.scope for x in r.pods.ordered() + r.services.ordered()} == {"cluster"}
        assert r.nodes.ranges["ipv4"].scope == "shared"
    # the lock holds the routed (shared) ranges only: the nodes of both, never the cluster-private ones
    lock = to_dict(ipam)
    keys = set(lock["networks"])
    assert {"k8s/a/nodes/ipv4", "k8s/a/nodes/ipv6", "k8s/b/nodes/ipv4", "k8s/b/nodes/ipv6"} <= keys
    assert not [k for k in keys if "/pods/" in k or "/services/" in k]
    # and a rerun from the lock gives the same renderings
    again = resolve(kkp("a", ("10.0.6", "2a05:d014:937:4500"), scope=scope), from_dict(lock), ula=ula_sequence())
    assert render_all(kkp("a", ("10.0.6", "2a05:d014:937:4500"), scope=scope), again) == \
        render_all(kkp("a", ("10.0.6", "2a05:d014:937:4500"), scope=scope), a)


def test_shared_defaults_collide_and_the_refusal_points_at_scope():
    ipam = Ipam()
    resolve(kkp("a", ("10.0.6", "2a05:d014:937:4500")), ipam, ula=ula_sequence())
    with pytest.raises(LimitError) as e:
        resolve(kkp("b", ("10.0.7", "2a05:d014:937:4501")), ipam, ula=ula_sequence())
    msg = str(e.value)
    assert "cluster b: pods (ipv4): 172.25.0.0/16 overlaps a network the plan already holds" in msg
    assert "mark it scope: {pods: cluster}" in msg


def test_routed_ranges_stay_shared_and_never_overlap():
    ipam = Ipam()
    scope = {"pods": "cluster", "services": "cluster"}
    resolve(kkp("a", ("10.0.6", "2a05:d014:937:4500"), scope=scope), ipam, ula=ula_sequence())
    # the same node range in a second cluster: nodes are shared, refused
    with pytest.raises(LimitError) as e:
        resolve(kkp("b", ("10.0.6", "2a05:d014:937:4500"), scope=scope), ipam, ula=ula_sequence())
    assert "cluster b: nodes (ipv4): 10.0.6.0/24 overlaps a network the plan already holds" in str(e.value)
    # per family: the routed IPv6 pods of a node's own prefix stay shared, the IPv4 overlay is the cluster's
    c = parse_cluster({"name": "c", "ip_families": ["ipv4", "ipv6"], "nodes": "10.0.8.0/24, fd00:8::/64+prefix/80",
                       "pods": "172.25.0.0/16, v6fromNode", "services": "10.240.16.0/20, fd02::/108",
                       "scope": {"pods": {"ipv4": "cluster"}, "services": "cluster"},
                       "machines": [{"name": "w1", "addresses": {"ipv4": "10.0.8.10", "ipv6": "fd00:8::10"}}]})
    r = resolve(c, ipam, ula=ula_sequence())
    assert r.pods.ranges["ipv4"].scope == "cluster" and ipam.get("k8s/c/nodes/w1/prefix/ipv6").prefix.length == 80


@pytest.mark.parametrize("data,needle", [
    ({"scope": {"nodes": "cluster"}}, "scope.nodes: nodes are the infrastructure's addresses and always in the shared namespace"),
    ({"scope": {"pods": "cluster"}, "nodes": "v6global/64+prefix/80", "pods": "v6fromNode"},
     "scope.pods: pods (ipv6) are routed (v6fromNode) and leave the cluster"),
    ({"scope": {"services": {"ipv6": "cluster"}}, "services": "v6global/108"},
     "scope.services.ipv6: services (ipv6) are routed (v6global/108) and leave the cluster"),
    ({"scope": {"pods": {"ipv4": "cluster"}}}, "scope.pods.ipv4: pods have no ipv4 range; drop it"),
    ({"scope": {"pods": "cluster"}, "pods": "custom"}, "scope.pods: pods have no cluster range (custom or none)"),
    ({"scope": {"pods": "cluster"}, "calico": {"nat_outgoing": {"ipv6": False}}},
     "calico.nat_outgoing.ipv6: cluster-scoped pods (ipv6) never leave the cluster unmasqueraded"),
    ({"scope": {"services": "cluster"}, "calico": {"bgp": {"advertise_services": True}}},
     "calico.bgp.advertise_services: the ipv6 services are cluster-scoped"),
    ({"scope": {"pods": "overlay"}}, "scope.pods"),
])
def test_scope_refusals_name_the_field(data, needle):
    with pytest.raises(KubernetesNetworkError) as e:
        parse_cluster({"name": "c1", **data})
    assert needle in str(e.value) and "\n" not in str(e.value)


def test_cluster_scoped_ranges_may_not_hide_the_plans_networks():
    ipam = Ipam()
    ipam.create_network("tenant", prefixes=["172.16.0.0/12"])  # a plan network the pods must still reach
    with pytest.raises(LimitError) as e:
        resolve(kkp("a", ("10.0.6", "2a05:d014:937:4500"), scope={"pods": "cluster"}), ipam, ula=ula_sequence())
    assert "cluster a: pods (ipv4): cluster-scoped 172.25.0.0/16 overlaps 172.16.0.0/12 of network tenant" in str(e.value)


def test_cluster_scoped_v6private_keeps_its_ula_pinned_in_the_lock():
    ipam = Ipam()
    c = parse_cluster({"name": "c", "services": "v6private/108", "scope": {"services": "cluster"}})
    r = resolve(c, ipam, ula=ula_sequence("fd12:3456:789a::/48"))
    assert r.services.ranges["ipv6"].text == "fd12:3456:789a::/108"
    assert ipam.ula == {"k8s/c/services/ula": "fd12:3456:789a::/48"} and "k8s/c/services/ula" not in ipam.networks

    def never():
        raise AssertionError("a pinned ULA is not generated again")

    again = resolve(c, from_dict(to_dict(ipam)), ula=never)
    assert again.services.ranges["ipv6"].text == "fd12:3456:789a::/108"


def test_pods_and_services_of_one_cluster_stay_apart_in_its_own_namespace():
    with pytest.raises(LimitError) as e:
        resolve(parse_cluster({"name": "c", "pods": "fd01::/48", "services": "fd01::/108", "scope": {"pods": "cluster", "services": "cluster"}}),
                Ipam(), ula=ula_sequence())
    assert "services (ipv6): fd01::/108 overlaps another cluster-scoped range of this cluster" in str(e.value)
