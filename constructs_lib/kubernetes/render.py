"""Renderings of a resolved cluster: YAML text for kubeadm, kube-proxy, Calico, Cilium, Gardener, Kubermatic.

Deterministic: mapping keys sorted, lists kept in primary-family order where order means
something and sorted by name where it does not. Ranges known only at apply time appear as
Terraform template text (``${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)}``): the app exposes
these documents as Terraform outputs, where Terraform fills them in.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Sequence

import yaml

from . import limits
from .model import ClusterSpec
from .resolve import ResolvedCluster, ResolvedNode, ResolvedRange

NAME = {"ipv4": "IPv4", "ipv6": "IPv6"}


class _Dumper(yaml.SafeDumper):
    """Safe YAML; Terraform template text single-quoted, so what Terraform puts in stays a string."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # single quotes: YAML escapes nothing inside them but '', so a Terraform template such as
    # ${tolist(aws_network_interface.node["node-1"].ipv6_addresses)[0]} keeps its inner quotes
    # (double-quoted YAML would write \" and break the HCL when the file becomes an output)
    style = "'" if "${" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_OPTS = dict(Dumper=_Dumper, sort_keys=True, default_flow_style=False, width=10_000, allow_unicode=True)


def dump(doc: Any) -> str:
    return yaml.dump(doc, **_OPTS)


def dump_all(docs: Sequence[Any]) -> str:
    return yaml.dump_all(list(docs), **_OPTS)


def _join(ranges: Sequence[ResolvedRange]) -> str:
    return ",".join(r.text for r in ranges)


# -- kubeadm ---------------------------------------------------------------------------------
def kubeadm_api(cluster: ClusterSpec) -> str:
    """v1beta4 from kubeadm 1.31 (structured extraArgs), v1beta3 before."""
    return "kubeadm.k8s.io/v1beta4" if cluster.version >= limits.KUBEADM_V1BETA4_SINCE else "kubeadm.k8s.io/v1beta3"


def _extra_args(cluster: ClusterSpec, args: dict[str, str]) -> Any:
    if kubeadm_api(cluster).endswith("v1beta4"):
        return [{"name": k, "value": v} for k, v in sorted(args.items())]
    return dict(sorted(args.items()))


def kube_proxy_cluster_cidr(resolved: ResolvedCluster) -> list[ResolvedRange]:
    """Pod ranges kube-proxy treats as the cluster: without routed IPv6, so pod IPv6 is not masqueraded (seed 003)."""
    return [r for r in resolved.pods.ordered() if not r.routed]


def kubeadm_cluster_configuration(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    pods = resolved.pods.ordered()
    services = resolved.services.ordered()
    networking: dict[str, Any] = {}
    args: dict[str, str] = {}
    if services:
        networking["serviceSubnet"] = _join(services)
    if pods:
        for r in pods:  # only families in --cluster-cidr (kube-controller-manager refuses the others)
            args[f"node-cidr-mask-size-{r.family}"] = str(resolved.node_masks[r.family])
        if kube_proxy_cluster_cidr(resolved):
            networking["podSubnet"] = _join(pods)
        else:
            # Every pod range is routed. kubeadm copies podSubnet into kube-proxy's clusterCIDR
            # when that is empty (componentconfigs/kubeproxy.go), which would masquerade routed pod
            # IPv6; so kube-controller-manager gets its cluster CIDR directly instead.
            args["allocate-node-cidrs"] = "true"
            args["cluster-cidr"] = _join(pods)
    else:
        # pods take the node's own prefix or are left to the plugin: no node CIDR allocation
        args["allocate-node-cidrs"] = "false"
    doc: dict[str, Any] = {
        "apiVersion": kubeadm_api(cluster),
        "kind": "ClusterConfiguration",
        "networking": networking,
        "controllerManager": {"extraArgs": _extra_args(cluster, args)},
    }
    if cluster.version_patch:
        doc["kubernetesVersion"] = cluster.version_patch
    return dump(doc)


def kubeadm_join_configuration(cluster: ClusterSpec, resolved: ResolvedCluster, node: ResolvedNode) -> str:
    """A JoinConfiguration fragment: nodeRegistration with kubelet's node-ip of every family (seed 001, 004).

    Discovery (API endpoint, token, CA hash) is the cluster operator's and is added at join time.
    """
    args = {"node-ip": node.node_ip(resolved.nodes.families)}
    doc = {
        "apiVersion": kubeadm_api(cluster),
        "kind": "JoinConfiguration",
        "nodeRegistration": {"name": node.name, "kubeletExtraArgs": _extra_args(cluster, args)},
    }
    return dump(doc)


def kube_proxy_configuration(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    return dump({
        "apiVersion": "kubeproxy.config.k8s.io/v1alpha1",
        "kind": "KubeProxyConfiguration",
        "clusterCIDR": _join(kube_proxy_cluster_cidr(resolved)),
    })


# -- Calico ----------------------------------------------------------------------------------
def _nat_outgoing(cluster: ClusterSpec, r: ResolvedRange) -> bool:
    return cluster.calico.nat_outgoing.get(r.family, not r.routed)


def _pool(cluster: ClusterSpec, name: str, r: ResolvedRange, node_selector: str) -> dict[str, Any]:
    return {
        "apiVersion": "projectcalico.org/v3",
        "kind": "IPPool",
        "metadata": {"name": name},
        "spec": {
            "cidr": r.text,
            "blockSize": cluster.calico.block(r.family),
            "ipipMode": cluster.calico.ipip_mode.get(r.family, "Never"),
            "vxlanMode": cluster.calico.vxlan_mode.get(r.family, "Never"),
            "natOutgoing": _nat_outgoing(cluster, r),
            "nodeSelector": node_selector,
        },
    }


def calico_ippools(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """One IPPool per pod family; for fromNode families one pool per node, selected by hostname."""
    pools = [_pool(cluster, f"{cluster.name}-pods-{r.family}", r, "all()") for r in resolved.pods.ordered()]
    for node in resolved.machines:
        for fam in resolved.pods.from_node:
            r = node.pod_ranges[fam]
            pools.append(_pool(cluster, f"{cluster.name}-{node.name}-pods-{fam}", r, f'kubernetes.io/hostname == "{node.name}"'))
    return dump_all(sorted(pools, key=lambda p: p["metadata"]["name"]))


def _pod_families(resolved: ResolvedCluster) -> list[str]:
    return list(resolved.pods.families) if not resolved.pods.custom else list(resolved.nodes.families)


def calico_cni_ipam(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """The ``ipam`` section of Calico's CNI config (seed 001): calico-ipam assigning each pod family."""
    fams = _pod_families(resolved)
    return dump({"ipam": {
        "type": "calico-ipam",
        "assign_ipv4": "true" if "ipv4" in fams else "false",
        "assign_ipv6": "true" if "ipv6" in fams else "false",
    }})


def calico_node_env(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """calico-node container env (seed 001): IPv6 support, autodetection, no default pools."""
    fams = set(resolved.nodes.families) | set(_pod_families(resolved))
    env = {
        "FELIX_IPV6SUPPORT": "true" if "ipv6" in fams else "false",
        "IP": "autodetect" if "ipv4" in fams else "none",
        "IP6": "autodetect" if "ipv6" in fams else "none",
        "NO_DEFAULT_POOLS": "true",  # the IPPools above are the pools
    }
    if "ipv4" in fams:
        env["IP_AUTODETECTION_METHOD"] = cluster.calico.ipv4_autodetection_method
    if "ipv6" in fams:
        env["IP6_AUTODETECTION_METHOD"] = cluster.calico.ipv6_autodetection_method
    if "ipv4" not in fams:
        env["CALICO_ROUTER_ID"] = "hash"  # BGP needs a router id when nodes have no IPv4
    return dump({"env": [{"name": k, "value": v} for k, v in sorted(env.items())]})


# -- Cilium ----------------------------------------------------------------------------------
def cilium_values(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    fams = _pod_families(resolved)
    pods = resolved.pods
    routed = any(r.routed for r in pods.ordered()) or bool(pods.from_node)
    routing = cluster.cilium.routing_mode or ("native" if routed else "tunnel")
    values: dict[str, Any] = {
        "ipv4": {"enabled": "ipv4" in fams},
        "ipv6": {"enabled": "ipv6" in fams},
        "routingMode": routing,
    }
    if pods.custom:
        pass  # IPAM left to the plugin's own configuration
    elif pods.from_node:
        # pods use each node's prefix: Node.spec.podCIDRs or the network.cilium.io/ipv*-pod-cidr annotations
        values["ipam"] = {"mode": "kubernetes"}
        values["k8s"] = {f"require{NAME[f]}PodCIDR": f in fams for f in ("ipv4", "ipv6")}
    else:
        operator: dict[str, Any] = {}
        for r in pods.ordered():
            operator[f"clusterPool{NAME[r.family]}PodCIDRList"] = [r.text]
            operator[f"clusterPool{NAME[r.family]}MaskSize"] = resolved.node_masks[r.family]
        values["ipam"] = {"mode": "cluster-pool", "operator": operator}
    if routing == "native":
        for fam in fams:
            native = pods.ranges.get(fam) or pods.aggregate.get(fam)
            if native is None and fam in pods.from_node:
                native = resolved.nodes.ranges.get(fam)  # node prefixes live in the node range
            if native is not None:
                values[f"{'ipv4' if fam == 'ipv4' else 'ipv6'}NativeRoutingCIDR"] = native.text
        if any(not r.routed for r in pods.ordered()):
            values["autoDirectNodeRoutes"] = True  # private pod ranges need routes between nodes
    if "ipv6" in fams:
        v6 = pods.ranges.get("ipv6")
        values["enableIPv6Masquerade"] = not ((v6 is not None and v6.routed) or "ipv6" in pods.from_node)
    return dump(values)


def cilium_node_annotations(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """Per-node pod CIDR annotations for Cilium's kubernetes IPAM when pods take the node's prefix."""
    out = {}
    for node in resolved.machines:
        out[node.name] = {f"network.cilium.io/{fam}-pod-cidr": node.pod_ranges[fam].text for fam in resolved.pods.from_node}
    return dump({"nodes": out})


# -- Kubermatic, Gardener ---------------------------------------------------------------------
def kubermatic_cluster_network(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    pods, services = resolved.pods.ordered(), resolved.services.ordered()
    net: dict[str, Any] = {
        "ipFamily": "+".join(NAME[r.family] for r in pods),
        "pods": {"cidrBlocks": [r.text for r in pods]},
        "services": {"cidrBlocks": [r.text for r in services]},
    }
    for r in pods:
        net[f"nodeCidrMaskSize{NAME[r.family]}"] = resolved.node_masks[r.family]
    return dump({"spec": {"clusterNetwork": net}})


def gardener_networking(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """Shoot ``spec.networking``. Gardener holds one CIDR per role: in dual-stack the IPv4 one
    (the infrastructure assigns IPv6 and reports it in ``status.networking``)."""
    families = list(resolved.services.families or resolved.nodes.families)
    pick = "ipv4" if len(families) == 2 else families[0]
    net: dict[str, Any] = {"type": cluster.cni, "ipFamilies": [NAME[f] for f in families]}
    for role in ("nodes", "pods", "services"):
        r = resolved.role(role).ranges.get(pick) or resolved.role(role).aggregate.get(pick)
        if r is not None:
            net[role] = r.text
    return dump({"spec": {"networking": net}})


# -- CNIs: one renderer each ---------------------------------------------------------------------
def render_calico(cluster: ClusterSpec, resolved: ResolvedCluster) -> dict[str, str]:
    return {
        "calico/ippools.yaml": calico_ippools(cluster, resolved),
        "calico/cni-ipam.yaml": calico_cni_ipam(cluster, resolved),
        "calico/calico-node-env.yaml": calico_node_env(cluster, resolved),
    }


def render_cilium(cluster: ClusterSpec, resolved: ResolvedCluster) -> dict[str, str]:
    out = {"cilium/values.yaml": cilium_values(cluster, resolved)}
    if resolved.pods.from_node:
        out["cilium/node-annotations.yaml"] = cilium_node_annotations(cluster, resolved)
    return out


#: cni name -> its renderer (filename -> YAML). A new CNI is one function and one entry here
#: (and its name in ``ClusterSpec.cni``).
CNI_RENDERERS: dict[str, Callable[[ClusterSpec, ResolvedCluster], dict[str, str]]] = {
    "calico": render_calico,
    "cilium": render_cilium,
}


# -- everything ------------------------------------------------------------------------------
def render_all(cluster: ClusterSpec, resolved: ResolvedCluster, nodes: Sequence[ResolvedNode] | None = None) -> dict[str, str]:
    """filename -> YAML text, for the app to write beside the stacks and expose as outputs."""
    if nodes is not None:
        resolved = dataclasses.replace(resolved, machines=tuple(sorted(nodes, key=lambda n: n.name)))
    nodes = resolved.machines
    out: dict[str, str] = {}
    if "kubeadm" in cluster.targets:
        out["kubeadm/cluster-configuration.yaml"] = kubeadm_cluster_configuration(cluster, resolved)
        for n in nodes:
            if n.addresses:
                out[f"kubeadm/join-{n.name}.yaml"] = kubeadm_join_configuration(cluster, resolved, n)
    if "kube-proxy" in cluster.targets:
        out["kube-proxy/kube-proxy-configuration.yaml"] = kube_proxy_configuration(cluster, resolved)
    out.update(CNI_RENDERERS[cluster.cni](cluster, resolved))
    if "kubermatic" in cluster.targets:
        out["kubermatic/cluster-network.yaml"] = kubermatic_cluster_network(cluster, resolved)
    if "gardener" in cluster.targets:
        out["gardener/shoot-networking.yaml"] = gardener_networking(cluster, resolved)
    return dict(sorted(out.items()))


def output_name(cluster: str, filename: str) -> str:
    """A Terraform output name for a rendered file: ``k8s_<cluster>_<file>`` in [a-z0-9_]."""
    stem = filename.rsplit(".", 1)[0]
    return re.sub(r"[^a-z0-9_]", "_", f"k8s_{cluster}_{stem}".lower())
