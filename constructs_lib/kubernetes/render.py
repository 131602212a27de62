"""Renderings of a resolved cluster: YAML text for kubeadm, kube-proxy, Calico, Cilium, Gardener, Kubermatic,
and the HAProxy/keepalived configuration text for the control-plane VIPs (``loadbalancer.py``).

Deterministic: mapping keys sorted, lists kept in primary-family order where order means
something and sorted by name where it does not. Ranges known only at apply time appear as
Terraform template text (``${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)}``): the app exposes
these documents as Terraform outputs (``output_values``), where Terraform fills them in, and
``dualstack render --from-outputs`` writes the final files from ``terraform output -json``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Sequence

import yaml

from . import limits
from .loadbalancer import endpoint, render_load_balancer
from .model import ClusterSpec
from .resolve import ResolvedCluster, ResolvedNode, ResolvedRange
from .site import merged_peers

NAME = {"ipv4": "IPv4", "ipv6": "IPv6"}


# libyaml's emitter when PyYAML has it (its wheels do): 5x faster on a 3,000-node cluster's join
# configurations. The two emitters write the same bytes for printable text (names, CIDRs,
# Terraform templates) but escape line breaks and control characters differently, so a document
# holding any of those goes through the Python emitter, which every machine has: the output never
# depends on how PyYAML was built (tests/kubernetes/test_render.py compares the two).
_FastSafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NOT_PLAIN = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


class _Dumper(_FastSafeDumper):  # type: ignore[misc, valid-type]
    """Safe YAML; Terraform template text single-quoted, so what Terraform puts in stays a string."""


class _PythonDumper(yaml.SafeDumper):
    """The same, on PyYAML's Python emitter: for documents holding text the two emitters escape differently."""


def _str(dumper: Any, value: str) -> yaml.ScalarNode:
    # single quotes: YAML escapes nothing inside them but '', so a Terraform template such as
    # ${tolist(aws_network_interface.node["node-1"].ipv6_addresses)[0]} keeps its inner quotes
    # (double-quoted YAML would write \" and break the HCL when the file becomes an output)
    style = "'" if "${" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_PythonDumper.add_representer(str, _str)
_OPTS = dict(Dumper=_Dumper, sort_keys=True, default_flow_style=False, width=10_000, allow_unicode=True)


def _plain(value: Any) -> bool:
    """Every string in ``value`` (keys too) is printable text without line breaks."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _NOT_PLAIN.search(v):
                return False
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return True


def _opts(docs: Sequence[Any]) -> dict[str, Any]:
    return _OPTS if _plain(docs) else dict(_OPTS, Dumper=_PythonDumper)


def dump(doc: Any) -> str:
    return yaml.dump(doc, **_opts([doc]))


def dump_all(docs: Sequence[Any]) -> str:
    docs = list(docs)
    return yaml.dump_all(docs, **_opts(docs))


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
    cp = resolved.control_plane
    if cp is not None:
        # one endpoint (kubeadm takes one address or name): the VIP of the nodes' primary family, IPv4 on a
        # dual-stack cluster as seed 001 does; the other VIPs reach the API server too, so its certificate names them
        primary = resolved.nodes.families[0]
        doc["controlPlaneEndpoint"] = endpoint(cp.vips[primary], primary, cluster.api_load_balancer.port)
        sans = [vip for fam, vip in cp.vips.items() if fam != primary]
        if sans:
            doc["apiServer"] = {"certSANs": sans}  # the same spelling in v1beta3 and v1beta4
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
    spec: dict[str, Any] = {"clusterNetwork": net}
    cloud = resolved.cloud
    if cloud is not None:
        # the ids that tie the cluster to the site's networks (KKP's spec.cloud.<provider>), Terraform references until applied
        fields: dict[str, Any] = dict(cloud.spec)
        allowed = cluster.kubermatic.node_ports_allowed_ip_ranges
        if allowed:
            fields["nodePortsAllowedIPRanges"] = {
                "cidrBlocks": [c for fam in resolved.nodes.families for c in allowed.get(fam, ())]}
        spec["cloud"] = {cloud.provider: fields}
    return dump({"spec": spec})


def kubermatic_machine_networks(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """Per zone, the network fields of a MachineDeployment's AWS cloudProviderSpec (machine-controller's
    region, availabilityZone, vpcId, subnetId, securityGroupIDs): KKP's Cluster has no subnets on AWS."""
    cloud = resolved.cloud
    zones = {}
    for zone, subnet in cloud.subnets.items():
        fields: dict[str, Any] = {"availabilityZone": zone, "region": cloud.region, "subnetId": subnet}
        if "vpcID" in cloud.spec:
            fields["vpcId"] = cloud.spec["vpcID"]
        if "securityGroupID" in cloud.spec:
            fields["securityGroupIDs"] = [cloud.spec["securityGroupID"]]
        zones[zone] = fields
    return dump({"cloudProviderSpecs": zones})


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
def calico_bgp(cluster: ClusterSpec, resolved: ResolvedCluster) -> str:
    """BGPConfiguration ``default`` and one global BGPPeer per peer address (seed 001: the gateway holding the VIPs).

    Every node peers with every peer address of a family it has; the nodes announce their IPAM
    blocks (the per-node routed prefixes included), the gateways what lies behind them. See
    ``CalicoBgpSettings`` for how this relates to the site's static routes.
    """
    bgp = cluster.calico.bgp
    spec: dict[str, Any] = {"asNumber": bgp.as_number, "logSeverityScreen": "Info", "nodeToNodeMeshEnabled": bgp.node_to_node_mesh}
    if bgp.advertise_services:
        spec["serviceClusterIPs"] = [{"cidr": r.text} for r in resolved.services.ordered()]
    docs = [{"apiVersion": "projectcalico.org/v3", "kind": "BGPConfiguration", "metadata": {"name": "default"}, "spec": spec}]
    for name, addrs in merged_peers(bgp.peers, resolved.bgp_peers, f"cluster {cluster.name}").items():
        for fam, address in addrs.items():
            docs.append({
                "apiVersion": "projectcalico.org/v3", "kind": "BGPPeer",
                "metadata": {"name": f"{cluster.name}-{name}-{fam}"},
                "spec": {"peerIP": address, "asNumber": bgp.peer_as},  # no node/nodeSelector: a global peer, every node
            })
    return dump_all(docs)


def render_calico(cluster: ClusterSpec, resolved: ResolvedCluster) -> dict[str, str]:
    out = {
        "calico/ippools.yaml": calico_ippools(cluster, resolved),
        "calico/cni-ipam.yaml": calico_cni_ipam(cluster, resolved),
        "calico/calico-node-env.yaml": calico_node_env(cluster, resolved),
    }
    if cluster.calico.bgp is not None:
        out["calico/bgp.yaml"] = calico_bgp(cluster, resolved)
    return out


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
        if resolved.cloud is not None and resolved.cloud.provider == "aws" and resolved.cloud.subnets:
            out["kubermatic/machine-networks.yaml"] = kubermatic_machine_networks(cluster, resolved)
    if "gardener" in cluster.targets:
        out["gardener/shoot-networking.yaml"] = gardener_networking(cluster, resolved)
    out.update(render_load_balancer(cluster, resolved))
    return dict(sorted(out.items()))


def output_name(cluster: str, filename: str) -> str:
    """A Terraform output name for a rendered file: ``k8s_<cluster>_<file>`` in [a-z0-9_]."""
    stem = filename.rsplit(".", 1)[0]
    return re.sub(r"[^a-z0-9_]", "_", f"k8s_{cluster}_{stem}".lower())


def is_yaml(filename: str) -> bool:
    """YAML renderings become structured outputs; the others (haproxy.cfg, keepalived.conf) stay text."""
    return filename.endswith(".yaml")


def output_value(filename: str, text: str) -> Any:
    """What a rendered file's Terraform output holds: its document (or list of documents) for YAML,
    the text itself otherwise. Structured, not text: consumers read ``terraform output -json``, and
    cdktf's HCL renderer writes a multi-line output string as an invalid quoted string."""
    if not is_yaml(filename):
        return text
    # our own output, read back: libyaml's loader (a tenth of the pure-Python one's time)
    docs = list(yaml.load_all(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return docs[0] if len(docs) == 1 else docs
