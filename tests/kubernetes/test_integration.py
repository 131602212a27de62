"""The cluster's ranges from the same plan as the infrastructure: OpenStack's routed per-node prefixes."""

import yaml

from constructs_lib.ipam import Ipam
from constructs_lib.kubernetes import NodeSpec, parse_cluster, render_all, resolve
from constructs_lib.openstack.cluster_plan import OpenStackClusterSpec
from constructs_lib.openstack.cluster_plan import plan_cluster as openstack_plan

from .conftest import ula_sequence


def openstack():
    ipam = Ipam()
    ipam.create_network("node-super", prefixes=["10.10.0.0/16", "2001:db8:10::/48"])
    ipam.create_network("pod-super", prefixes=["2001:db8:100::/48"])
    spec = OpenStackClusterSpec(site="lab", node_supernet="node-super", cluster="k8s", pod_supernet="pod-super",
                                gateways=(), control_plane=("cp-0",), workers=("worker-0", "worker-1"), wireguard=None)
    return ipam, openstack_plan(ipam, spec)


def test_openstack_routed_prefixes_become_the_pods_of_each_node():
    ipam, osp = openstack()
    node_net = ipam.network_by_key("lab/k8s-nodes")
    pods_net = ipam.network_by_key("lab/k8s/pods")
    machines = [NodeSpec(name=n.name, addresses={f: a for f, a in n.addresses.items() if a}, prefixes={"ipv6": n.pod_prefix})
                for n in osp.nodes.values() if n.pod_prefix]
    c = parse_cluster({"name": "k8s", "ip_families": ["ipv4", "ipv6"], "pods": "v4private, v6fromNode",
                       "services": "10.240.16.0/20, v6private/108", "targets": ["kubeadm", "kube-proxy", "gardener"]})
    r = resolve(c, ipam, node_networks={"ipv4": node_net.id, "ipv6": node_net.id}, pod_networks={"ipv6": pods_net.id},
                machines=machines, ula=ula_sequence())
    assert r.pods.aggregate["ipv6"].text == osp.pod_range
    for node in r.machines:
        plan = osp.nodes[node.name]
        assert node.pod_ranges["ipv6"].text == plan.pod_prefix
        assert node.node_ip(("ipv4", "ipv6")) == f"{plan.addresses['ipv4']},{plan.addresses['ipv6']}"
    files = render_all(c, r)
    pools = {p["metadata"]["name"]: p["spec"] for p in yaml.safe_load_all(files["calico/ippools.yaml"])}
    assert pools["k8s-worker-0-pods-ipv6"]["cidr"] == osp.nodes["worker-0"].pod_prefix
    assert pools["k8s-worker-0-pods-ipv6"]["natOutgoing"] is False
    assert pools["k8s-pods-ipv4"]["cidr"] == "172.25.0.0/16"
    assert yaml.safe_load(files["kube-proxy/kube-proxy-configuration.yaml"])["clusterCIDR"] == "172.25.0.0/16"
    g = yaml.safe_load(files["gardener/shoot-networking.yaml"])["spec"]["networking"]
    assert g["nodes"] == osp.subnets["ipv4"].cidr and g["pods"] == "172.25.0.0/16"


def test_openstack_pod_network_allocates_missing_node_prefixes():
    ipam, osp = openstack()
    node_net = ipam.network_by_key("lab/k8s-nodes")
    pods_net = ipam.network_by_key("lab/k8s/pods")
    c = parse_cluster({"name": "k8s", "nodes": "nov4", "pods": "v6fromNode/80", "services": "v6private/108",
                       "machines": [{"name": "extra-1"}]})
    r = resolve(c, ipam, node_networks={"ipv6": node_net.id}, pod_networks={"ipv6": pods_net.id}, ula=ula_sequence())
    (extra,) = r.machines
    assert ipam.get("k8s/k8s/nodes/extra-1/prefix/ipv6").network == pods_net.id
    taken = {osp.nodes[n].pod_prefix for n in ("cp-0", "worker-0", "worker-1")}
    assert extra.pod_ranges["ipv6"].text not in taken and extra.pod_ranges["ipv6"].length == 80


def test_a_grown_node_network_is_one_node_range_covering_its_subnets():
    """OpenStack node_subnets: nodes on the second IPv4 subnet are inside the cluster's node range."""
    ipam = Ipam()
    ipam.create_network("node-super", prefixes=["10.10.0.0/16", "2001:db8:10::/48"])
    ipam.create_network("pod-super", prefixes=["2001:db8:100::/48"])
    spec = OpenStackClusterSpec(site="lab", node_supernet="node-super", cluster="k8s", pod_supernet="pod-super",
                                gateways=(), control_plane=("cp-0",), workers=tuple(f"worker-{i}" for i in range(300)),
                                wireguard=None, node_subnets={"ipv4": 2}, max_router_routes=400)
    osp = openstack_plan(ipam, spec)
    assert [s.cidr for s in osp.all_subnets("ipv4")] == ["10.10.0.0/24", "10.10.1.0/24"]
    node_net = ipam.network_by_key("lab/k8s-nodes")
    machines = [NodeSpec(name=n.name, addresses={f: a for f, a in n.addresses.items() if a}, prefixes={"ipv6": n.pod_prefix})
                for n in osp.nodes.values() if n.pod_prefix]
    assert any(m.addresses["ipv4"].startswith("10.10.1.") for m in machines)
    c = parse_cluster({"name": "k8s", "ip_families": ["ipv4", "ipv6"], "pods": "v4private, v6fromNode", "node_cidr_mask_size": {"ipv4": 26},
                       "services": "10.240.16.0/20, v6private/108", "targets": ["kubeadm", "gardener"]})
    r = resolve(c, ipam, node_networks={"ipv4": node_net.id, "ipv6": node_net.id},
                pod_networks={"ipv6": ipam.network_by_key("lab/k8s/pods").id}, machines=machines, ula=ula_sequence())
    assert r.nodes.ranges["ipv4"].text == "10.10.0.0/23"
    assert yaml.safe_load(render_all(c, r)["gardener/shoot-networking.yaml"])["spec"]["networking"]["nodes"] == "10.10.0.0/23"


def test_a_grown_node_network_with_a_gap_is_refused_naming_the_subnets():
    """The second subnet is not next to the first (another site took it): no one node range may cover both."""
    import pytest

    from constructs_lib.kubernetes import KubernetesNetworkError

    ipam = Ipam()
    ipam.create_network("node-super", prefixes=["10.10.0.0/16", "2001:db8:10::/48"])
    ipam.create_network("pod-super", prefixes=["2001:db8:100::/48"])
    first = dict(node_supernet="node-super", cluster="k8s", pod_supernet="pod-super", gateways=(), control_plane=("cp-0",),
                 wireguard=None, max_router_routes=400)
    openstack_plan(ipam, OpenStackClusterSpec(site="lab", workers=("worker-0",), **first))
    openstack_plan(ipam, OpenStackClusterSpec(site="ber", workers=("worker-0",), **first))  # takes 10.10.1.0/24
    osp = openstack_plan(ipam, OpenStackClusterSpec(site="lab", workers=tuple(f"worker-{i}" for i in range(300)),
                                                     node_subnets={"ipv4": 2}, **first))
    assert [s.cidr for s in osp.all_subnets("ipv4")] == ["10.10.0.0/24", "10.10.2.0/24"]
    node_net = ipam.network_by_key("lab/k8s-nodes")
    machines = [NodeSpec(name=n.name, addresses={f: a for f, a in n.addresses.items() if a}, prefixes={"ipv6": n.pod_prefix})
                for n in osp.nodes.values() if n.pod_prefix]
    c = parse_cluster({"name": "k8s", "ip_families": ["ipv4", "ipv6"], "pods": "v4private, v6fromNode", "node_cidr_mask_size": {"ipv4": 26},
                       "services": "10.240.16.0/20, v6private/108", "targets": ["kubeadm", "gardener"]})
    with pytest.raises(KubernetesNetworkError, match=r"holds ipv4 subnets 10.10.0.0/24, 10.10.2.0/24, which no one range covers alone "
                                                     r"\(10.10.0.0/22 takes in addresses that are not the nodes'\)"):
        resolve(c, ipam, node_networks={"ipv4": node_net.id, "ipv6": node_net.id},
                pod_networks={"ipv6": ipam.network_by_key("lab/k8s/pods").id}, machines=machines, ula=ula_sequence())
