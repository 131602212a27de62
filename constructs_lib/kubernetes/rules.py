"""The rules a real component would apply later, applied now, each naming its upstream source.

``check_planned`` needs lengths only and runs before anything is allocated; ``check_resolved``
needs the ranges themselves (reserved ranges, overlaps, node addresses) and returns warnings.
"""

from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from constructs_lib.ipam import Prefix

from . import capacity, limits
from .errors import KubernetesNetworkError, LimitError, NetworkWarning
from .strategy import MAXBITS, RoleStrategy

if TYPE_CHECKING:  # pragma: no cover
    from .model import ClusterSpec
    from .resolve import ResolvedCluster, ResolvedRange

NAME = {"ipv4": "IPv4", "ipv6": "IPv6"}


@dataclass(frozen=True, slots=True)
class Planned:
    role: str
    family: str
    length: int | None  # None: only known from the nodes (fromNode) or the plan
    kind: str
    token: str


def _default_length(role: str, family: str) -> int:
    return Prefix.parse(limits.KUBERMATIC_DEFAULTS[role][family]).length


def planned(cluster: "ClusterSpec", strategies: Mapping[str, RoleStrategy | None], node_lengths: Mapping[str, int],
            pod_lengths: Mapping[str, int] | None = None) -> dict[str, list[Planned]]:
    """Each role's ranges with the lengths they will have, primary first."""
    out: dict[str, list[Planned]] = {}
    given = {"nodes": node_lengths, "pods": pod_lengths or {}, "services": {}}
    for role in ("nodes", "pods", "services"):
        s = strategies[role]
        items: list[Planned] = []
        if s is None or (not s.items and not s.custom):
            absent = s.absent if s else frozenset()
            for fam in cluster.ip_families:
                if fam in absent:
                    continue
                if fam in given[role] or role == "nodes":
                    items.append(Planned(role, fam, given[role].get(fam), "network", f"({role} network)"))
                else:
                    items.append(Planned(role, fam, _default_length(role, fam), "default", limits.KUBERMATIC_DEFAULTS[role][fam]))
        elif s is not None:
            for it in s.items:
                if it.family in given[role] and it.kind != "fromNode":
                    length = given[role][it.family]
                elif it.kind == "cidr":
                    length = it.length
                elif it.kind == "v4private":
                    length = _default_length(role, "ipv4") if role != "nodes" else limits.DEFAULT_LENGTH[("nodes", "v4private")]
                elif it.kind == "fromNode":
                    length = None
                else:
                    length = it.length or limits.DEFAULT_LENGTH[(role, it.kind)]
                items.append(Planned(role, it.family, length, it.kind, it.token))
        out[role] = items
    return out


def _limit(field: str, message: str, source: str) -> LimitError:
    return LimitError(f"{field}: {message} [{source}]", field=field, source=source)


def check_planned(cluster: "ClusterSpec", strategies: Mapping[str, RoleStrategy | None], node_lengths: Mapping[str, int],
                  pod_lengths: Mapping[str, int] | None = None) -> None:
    pod_lengths = pod_lengths or {}
    plan = planned(cluster, strategies, node_lengths, pod_lengths)
    c = f"cluster {cluster.name}"
    nodes_s = strategies["nodes"]
    per_node = {it.family: it.per_node for it in (nodes_s.items if nodes_s else ()) if it.per_node is not None}
    node_families = [p.family for p in plan["nodes"]]

    # services: size (kubeadm always; kube-apiserver up to 1.33 with default gates), then what the control plane takes
    for p in plan["services"]:
        f = f"{c}: services ({p.family})"
        bits = MAXBITS[p.family] - p.length
        floor = MAXBITS[p.family] - limits.SERVICE_MAX_HOST_BITS.value
        if bits > limits.SERVICE_MAX_HOST_BITS.value:
            if "kubeadm" in cluster.targets:
                raise _limit(f, f"{p.token} (/{p.length}) is too large: kubeadm refuses an {NAME[p.family]} service range shorter than "
                                f"/{floor} (at most 2^20 addresses); use /{floor} or longer", limits.SERVICE_MAX_HOST_BITS.source)
            if cluster.version <= limits.APISERVER_SIZE_CHECK_UNTIL:
                raise _limit(f, f"{p.token} (/{p.length}) is too large: kube-apiserver {cluster.kubernetes_version} with default feature "
                                f"gates refuses an {NAME[p.family]} service range shorter than /{floor}; use /{floor} or longer, or target "
                                "Kubernetes 1.34+ without kubeadm", limits.APISERVER_SIZE_CHECK_SOURCE)
    capacity.check_services(cluster, plan)  # the kubernetes service and cluster DNS take their addresses

    # pods: at least 14 addresses; node mask within the cluster mask and at most 16 bits longer
    for p in plan["pods"]:
        f = f"{c}: pods ({p.family})"
        if p.kind == "fromNode":
            # the per-node size comes from +prefix, the routed pod network, or the token itself
            # (v6fromNode/80: each machine then brings its own prefix, checked node by node in resolve)
            sized = p.family in per_node or p.family in pod_lengths or strategies["pods"].get(p.family).length is not None
            if p.family not in node_families or not sized:
                raise KubernetesNetworkError(
                    f"{f}: {p.token} needs a prefix per node: set nodes to e.g. "
                    f"{'v6global/64+prefix/80' if p.family == 'ipv6' else '10.0.0.0/16+prefix/28'}, or pass pod_networks "
                    f"with the routed per-node prefixes [{limits.SEED_003}]", field=f,
                )
            s = strategies["pods"].get(p.family)
            size = s.length if s.length is not None else per_node.get(p.family)
            if s.length is not None and p.family in per_node and s.length < per_node[p.family]:
                raise KubernetesNetworkError(f"{f}: {p.token} asks for /{s.length} per node but nodes get +prefix/{per_node[p.family]}; "
                                             f"write {p.token.split('/')[0]}/{per_node[p.family]} or longer", field=f)
            if cluster.cni == "calico" and size is not None:
                _calico_pool(cluster, f, f"each node's pool /{size}", size, p.family)
            continue
        bits = MAXBITS[p.family] - p.length
        if (1 << bits) < limits.MIN_POD_ADDRESSES.value:
            raise _limit(f, f"{p.token} (/{p.length}) has {1 << bits} addresses, fewer than {limits.MIN_POD_ADDRESSES.value}; "
                            f"use /{MAXBITS[p.family] - 4} or shorter", limits.MIN_POD_ADDRESSES.source)
        mask = cluster.node_mask(p.family)
        if mask < p.length:
            raise _limit(f, f"{p.token} (/{p.length}) is smaller than one node's range /{mask}; set node_cidr_mask_size.{p.family} "
                            f"to {p.length} or more, or give a larger pod range", limits.NODE_MASK_NOT_SHORTER_SOURCE)
        diff = limits.NODE_MASK_MAX_DIFF.value
        if mask - p.length > diff and (p.family == "ipv6" or "kubeadm" in cluster.targets):
            raise _limit(f, f"{p.token} (/{p.length}) with node_cidr_mask_size.{p.family} /{mask}: the node mask may be at most {diff} "
                            f"bits longer than the cluster mask (\"CIDR range too large\"); use a pod range of /{mask - diff} or longer, "
                            f"or node_cidr_mask_size.{p.family} {p.length + diff}", limits.NODE_MASK_MAX_DIFF.source)
        if cluster.cni == "calico":
            _calico_pool(cluster, f, f"{p.token} (/{p.length})", p.length, p.family)

    # nodes: a per-node prefix must be longer than the node range
    for p in plan["nodes"]:
        if p.family in per_node and p.length is not None and per_node[p.family] <= p.length:
            f = f"{c}: nodes ({p.family})"
            raise KubernetesNetworkError(f"{f}: +prefix/{per_node[p.family]} is not longer than the node range /{p.length}; "
                                         f"a node's prefix is carved from it, use +prefix/{p.length + 16} for example", field=f)

    # kube-apiserver: the advertise address (a node's primary address) has the primary service family
    svc = [p.family for p in plan["services"]]
    if node_families and svc and node_families[0] != svc[0]:
        f = f"{c}: services"
        raise _limit(f, f"primary service family {NAME[svc[0]]} differs from the nodes' primary family {NAME[node_families[0]]}; "
                        "kube-apiserver requires its advertise address and the first service range to share a family: list "
                        f"{NAME[node_families[0]]} first in services or {NAME[svc[0]]} first in nodes",
                     "kubernetes/kubernetes cmd/kube-apiserver/app/options/validation.go (validatePublicIPServiceClusterIPRangeIPFamilies)")

    pod_fams = [p.family for p in plan["pods"]]
    if "kubermatic" in cluster.targets:
        f = f"{c}: targets kubermatic"
        if strategies["pods"] is not None and (strategies["pods"].custom or any(p.kind == "fromNode" for p in plan["pods"])):
            raise _limit(f, "Kubermatic's spec.clusterNetwork.pods.cidrBlocks needs cluster pod ranges, not custom or fromNode; "
                            "give pods as CIDRs or v4private/v6private, or drop the kubermatic target", limits.KUBERMATIC_DUALSTACK)
        if pod_fams != svc:
            raise _limit(f, f"pods ({'+'.join(map(NAME.get, pod_fams))}) and services ({'+'.join(map(NAME.get, svc))}) must have the same "
                            "families in the same order for spec.clusterNetwork.ipFamily", limits.KUBERMATIC_DUALSTACK)
        if pod_fams == ["ipv6"]:
            raise _limit(f, "Kubermatic supports IPv4 and IPv4+IPv6 clusters, not IPv6-only; add an IPv4 range first or drop the "
                            "kubermatic target", limits.KUBERMATIC_DEFAULTING)
        if len(pod_fams) == 2 and pod_fams[0] != "ipv4":
            raise _limit(f, "dual-stack needs IPv4 first (Kubermatic supports IPv4 as the primary family only); list the IPv4 "
                            "range first in pods and services", limits.KUBERMATIC_DUALSTACK)
    if "gardener" in cluster.targets:
        sets = {role: sorted(p.family for p in plan[role]) for role in ("nodes", "pods", "services") if plan[role]}
        if len({tuple(v) for v in sets.values()}) > 1:
            f = f"{c}: targets gardener"
            detail = ", ".join(f"{role} {'+'.join(map(NAME.get, v))}" for role, v in sets.items())
            raise _limit(f, f"Gardener has one ipFamilies list for nodes, pods and services, but they differ ({detail}); give them the "
                            "same families or drop the gardener target", limits.GARDENER_IPFAMILIES)


def _calico_pool(cluster: "ClusterSpec", field: str, what: str, length: int, family: str) -> None:
    block = cluster.calico.block(family)
    if length > block:
        raise _limit(field, f"{what} is smaller than its Calico block /{block}: the pool must hold at least one block; set "
                            f"calico.block_size.{family} to {length} or more (max {limits.CALICO_BLOCK[family][1]}), or give a larger pool",
                     limits.CALICO_IPPOOL)


# -- checks on the resolved ranges ------------------------------------------------------------
def _net(p: Prefix) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    return None if p.is_relative else ipaddress.ip_network(p.text)


@functools.lru_cache(maxsize=None)
def _parsed(cidr: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    """A reserved or documentation range, parsed once (every node's prefix is checked against them)."""
    return ipaddress.ip_network(cidr)


def _all_ranges(r: "ResolvedCluster") -> list[tuple[str, "ResolvedRange"]]:
    out = []
    for role in ("nodes", "pods", "services"):
        for rng in r.role(role).ordered():
            out.append((f"cluster {r.name}: {role} ({rng.family})", rng))
    for fam, rng in sorted(r.pods.aggregate.items()):
        out.append((f"cluster {r.name}: pods ({fam})", rng))
    for n in r.machines:
        for fam, rng in sorted(n.prefixes.items()):
            out.append((f"cluster {r.name}: node {n.name}: prefix ({fam})", rng))
        for fam, rng in sorted(n.pod_ranges.items()):
            out.append((f"cluster {r.name}: node {n.name}: pods ({fam})", rng))
    return out


def check_resolved(cluster: "ClusterSpec", r: "ResolvedCluster") -> list[NetworkWarning]:
    warnings: list[NetworkWarning] = []
    ranges = _all_ranges(r)
    for field, rng in ranges:
        net = _net(rng.prefix)
        if net is None:  # inside the provider's prefix: known at apply time only
            continue
        for res in limits.RESERVED:
            other = _parsed(res.cidr)
            if other.version == net.version and net.overlaps(other):
                raise _limit(field, f"{rng.text} overlaps {res.cidr} ({res.name}), which a cluster range may never use; choose another range",
                             res.source)
        for doc in limits.DOCUMENTATION:
            other = _parsed(doc.cidr)
            if other.version == net.version and net.overlaps(other):
                warnings.append(NetworkWarning(field, f"{rng.text} is inside {doc.cidr} ({doc.name}); fine for examples, not routable "
                                                      "in production", doc.source))

    # no overlap between the roles of one cluster (same family, same address space)
    roles = [(role, rng) for role in ("nodes", "pods", "services") for rng in r.role(role).ordered()]
    roles += [("pods", rng) for _, rng in sorted(r.pods.aggregate.items())]
    for i, (ra, a) in enumerate(roles):
        for rb, b in roles[i + 1:]:
            if ra != rb and a.family == b.family and a.prefix.overlaps(b.prefix):
                if a.network is not None and (a.network in b.within or b.network in a.within):
                    # carved by the allocator from the other's network (a v6global service range from the AWS VPC /56
                    # that holds the node subnets): beside what that network holds, never on it
                    inner, outer = (b, ra) if a.network in b.within else (a, rb)
                    if "gardener" in cluster.targets:
                        warnings.append(NetworkWarning(
                            f"cluster {r.name}: {rb if inner is b else ra} ({b.family})",
                            f"{inner.text} lies inside the {outer} network, beside its subnets: Gardener's provider extensions "
                            "refuse ranges inside the node network today (ValidateNotSubset); seed 003 proposes global service "
                            "ranges from the provider's prefix", limits.DISJOINT_SOURCE))
                    continue
                f = f"cluster {r.name}: {rb} ({b.family})"
                raise _limit(f, f"{b.text} overlaps {ra} {a.text}; nodes, pods and services of one cluster need separate ranges "
                                "(pods that share the node's prefix are v6fromNode)", limits.DISJOINT_SOURCE)

    # nodes: addresses and prefixes inside the node range, node prefixes apart, node-ip for every family
    nodes = r.nodes
    seen: list[tuple[str, "ResolvedRange"]] = []
    larger: dict[str, list[tuple[str, int]]] = {}  # family -> (node, length) given a larger prefix than +prefix asked for
    owners: dict[tuple[str, str], str] = {}  # (family, address) -> node
    node_nets = {fam: _net(rng.prefix) for fam, rng in nodes.ranges.items() if rng is not None}  # parsed once, not per node
    for n in r.machines:
        for fam in nodes.families:
            f = f"cluster {r.name}: node {n.name} ({fam})"
            rng = nodes.ranges.get(fam)
            if fam not in n.addresses:
                raise KubernetesNetworkError(
                    f"{f}: no {NAME[fam]} address for kubelet node-ip; kubelet given only one family announces only that one "
                    f"(seed 001, seed 004): give machines[{n.name}].addresses.{fam} or a node range the plan holds", field=f,
                )
            addr = n.addresses[fam]
            if not addr.startswith("${"):
                if (fam, addr) in owners:
                    raise KubernetesNetworkError(f"{f}: address {addr} is node {owners[fam, addr]}'s as well; every node needs its "
                                                 "own", field=f)
                owners[fam, addr] = n.name
            if rng is not None and not rng.prefix.is_relative and not addr.startswith("${"):
                if ipaddress.ip_address(addr) not in node_nets[fam]:
                    raise KubernetesNetworkError(f"{f}: address {addr} is outside the node range {rng.text}", field=f)
            own = n.prefixes.get(fam)
            if own is not None:
                # a node's own prefix lies in the node range (AWS /80 per VM) or the pods' network (OpenStack routed prefix)
                homes = [x for x in (rng, r.pods.aggregate.get(fam)) if x is not None and x.prefix.same_space(own.prefix)]
                where = " or ".join(x.text for x in homes)
                if homes and not any(x.prefix.contains(own.prefix) for x in homes):
                    raise KubernetesNetworkError(f"{f}: prefix {own.text} is outside the node range {where}", field=f)
                if homes and any(x.prefix.contains(own.prefix) and own.prefix.length <= x.prefix.length for x in homes):
                    raise KubernetesNetworkError(f"{f}: prefix {own.text} is not longer than the node range {where}", field=f)
                size = nodes.per_node.get(fam)
                if size is not None and own.prefix.length > size:
                    raise KubernetesNetworkError(f"{f}: prefix {own.text} is smaller than the +prefix/{size} asked for", field=f)
                if size is not None and own.prefix.length < size:
                    larger.setdefault(fam, []).append((n.name, own.prefix.length))
                seen.append((n.name, own))
    _check_node_prefixes_apart(r.name, seen)

    for fam, given in sorted(larger.items()):
        lengths = "/".join(f"/{x}" for x in sorted({length for _, length in given}))
        names = ", ".join(name for name, _ in given)
        warnings.append(NetworkWarning(
            f"cluster {r.name}: nodes ({fam})",
            f"+prefix/{nodes.per_node[fam]} is met with the {lengths} the infrastructure delegates to each node ({len(given)} of "
            f"{len(r.machines)}: {names}), larger than asked, as 'of at least that size' allows; pods use all of it", limits.SEED_003))
    warnings.extend(check_site(cluster, r))

    svc, pods = set(r.services.families), set(r.pods.families) | set(r.pods.from_node)
    for fam in sorted(svc - pods):
        if not r.pods.custom:
            warnings.append(NetworkWarning(f"cluster {r.name}: services ({fam})",
                                           f"{NAME[fam]} services but no {NAME[fam]} pods: such services have no endpoints but host-network pods"))
    return warnings


def _check_node_prefixes_apart(cluster: str, seen: list[tuple[str, "ResolvedRange"]]) -> None:
    """No two nodes' own prefixes overlap: sorted by start within each address space, a prefix
    overlaps an earlier one exactly when it starts before the furthest end so far (prefixes nest
    or are apart), so 10,000 nodes take one sort, not 50 million comparisons."""
    order = {id(rng): i for i, (_, rng) in enumerate(seen)}  # machine order: the later node is the one named
    spaces: dict[tuple, list[tuple[str, "ResolvedRange"]]] = {}
    for name, rng in seen:
        spaces.setdefault((rng.family, rng.prefix.version, rng.prefix.root), []).append((name, rng))
    clashes = []
    for members in spaces.values():
        members.sort(key=lambda m: (m[1].prefix.base, m[1].prefix.length))
        reach: tuple[str, "ResolvedRange"] | None = None  # the member reaching furthest so far
        for name, rng in members:
            if reach is not None and rng.prefix.base <= reach[1].prefix.last:
                clashes.append(sorted([(name, rng), reach], key=lambda m: order[id(m[1])]))
            if reach is None or rng.prefix.last > reach[1].prefix.last:
                reach = (name, rng)
    if clashes:
        (first, a), (later, b) = min(clashes, key=lambda c: order[id(c[1][1])])
        f = f"cluster {cluster}: node {later} ({b.family})"
        raise KubernetesNetworkError(f"{f}: prefix {b.text} overlaps node {first}'s {a.text}", field=f)


# -- what the site hands besides nodes ----------------------------------------------------------
def check_site(cluster: "ClusterSpec", r: "ResolvedCluster") -> list[NetworkWarning]:
    """The control plane, BGP and cloud inputs against the cluster; settings without effect are refused."""
    from .site import merged_peers

    warnings: list[NetworkWarning] = []
    c = f"cluster {r.name}"
    node_fams = list(r.nodes.families)
    cp = r.control_plane
    if cp is not None:
        names = {m.name for m in r.machines}
        for node in cp.nodes:
            if node not in names:
                raise KubernetesNetworkError(f"{c}: control_plane.nodes: {node!r} is not a machine of the cluster "
                                             f"({', '.join(sorted(names)) or 'none'})", field="control_plane.nodes")
        primary = node_fams[0] if node_fams else None
        if primary is not None and primary not in cp.vips:
            raise KubernetesNetworkError(f"{c}: control_plane.vips: no {NAME[primary]} VIP; kubeadm's controlPlaneEndpoint is the VIP "
                                         f"of the nodes' primary family ({NAME[primary]})", field="control_plane.vips")
        for fam in cp.vips:
            if fam not in node_fams:
                raise KubernetesNetworkError(f"{c}: control_plane.vips.{fam}: the nodes have no {NAME[fam]} address to serve it "
                                             f"(nodes: {'+'.join(map(NAME.get, node_fams))})", field="control_plane.vips")
        vrrp = next(iter(cp.vips))
        for holder, addrs in cp.holders.items():
            if vrrp not in addrs:
                raise KubernetesNetworkError(f"{c}: control_plane.holders.{holder}: no {NAME[vrrp]} address; keepalived speaks VRRP "
                                             f"over {NAME[vrrp]} between the holders", field="control_plane.holders")
        if len(cp.holders) > 1 and cluster.api_load_balancer.priorities and len(cluster.api_load_balancer.priorities) < len(cp.holders):
            raise KubernetesNetworkError(f"{c}: api_load_balancer.priorities: {len(cluster.api_load_balancer.priorities)} for "
                                         f"{len(cp.holders)} holders ({', '.join(cp.holders)}); give one per holder",
                                         field="api_load_balancer.priorities")
        both = [h for h in cp.holders if h in cp.nodes]
        lb = cluster.api_load_balancer
        if both and lb.port == lb.backend_port:
            raise KubernetesNetworkError(f"{c}: api_load_balancer.port: HAProxy and kube-apiserver would both listen on {lb.port} on "
                                         f"{', '.join(both)} (a VIP holder and a control-plane node); set api_load_balancer.port to "
                                         "another port, e.g. 8443", field="api_load_balancer.port")
        if cp.holders and not cp.nodes:
            raise KubernetesNetworkError(f"{c}: control_plane.nodes: none, but HAProxy on {', '.join(cp.holders)} needs the "
                                         "control-plane nodes as its backends", field="control_plane.nodes")
    elif cluster.api_load_balancer.model_fields_set:
        raise KubernetesNetworkError(f"{c}: api_load_balancer: set, but the cluster's site hands no control-plane VIPs; it has no "
                                     "effect: drop it", field="api_load_balancer")

    bgp = cluster.calico.bgp
    if bgp is not None:
        if cluster.cni != "calico":
            raise KubernetesNetworkError(f"{c}: calico.bgp: the cluster's CNI is {cluster.cni}; drop calico.bgp or set cni: calico",
                                         field="calico.bgp")
        peers = merged_peers(bgp.peers, r.bgp_peers, c)
        if not peers:
            raise KubernetesNetworkError(f"{c}: calico.bgp: no peer; the site hands its gateways (OpenStack: the VIPs the gateways "
                                         "hold), or give calico.bgp.peers", field="calico.bgp")
        for name, addrs in peers.items():
            for fam in addrs:
                if fam not in node_fams:
                    raise KubernetesNetworkError(f"{c}: BGP peer {name} ({fam}): the nodes have no {NAME[fam]} address to peer from "
                                                 f"(nodes: {'+'.join(map(NAME.get, node_fams))})", field="calico.bgp.peers")

    kkp = cluster.kubermatic.node_ports_allowed_ip_ranges
    if kkp:
        f = f"{c}: kubermatic.node_ports_allowed_ip_ranges"
        if "kubermatic" not in cluster.targets:
            raise KubernetesNetworkError(f"{f}: has no effect without the kubermatic target; add it to targets or drop the setting", field=f)
        if r.cloud is None:
            raise KubernetesNetworkError(f"{f}: KKP sets it in spec.cloud.<provider>, but the cluster has no cloud (a site of kind "
                                         "openstack or aws hands it); drop the setting", field=f)
        missing = [fam for fam in node_fams if fam not in kkp]
        if missing:
            raise KubernetesNetworkError(f"{f}: no {NAME[missing[0]]} range for a {'+'.join(map(NAME.get, node_fams))} cluster: "
                                         f"{NAME[missing[0]]} NodePorts would follow KKP's default (anywhere); give "
                                         f"{missing[0]} as well (::/0 or 0.0.0.0/0 to open it on purpose)", field=f)
        extra = [fam for fam in kkp if fam not in node_fams]
        if extra:
            raise KubernetesNetworkError(f"{f}.{extra[0]}: the nodes have no {NAME[extra[0]]} address; drop it", field=f)
    elif "kubermatic" in cluster.targets and r.cloud is not None:
        warnings.append(NetworkWarning(f"{c}: kubermatic", "no node_ports_allowed_ip_ranges: KKP opens the NodePort range to anywhere "
                                                          "(0.0.0.0/0 and ::/0); set kubermatic.node_ports_allowed_ip_ranges to say who",
                                       "kubermatic/kubermatic pkg/apis/kubermatic/v1/cluster.go (NodePortsAllowedIPRanges)"))
    if r.cloud is not None and r.cloud.provider == "aws" and r.cloud.subnets and not r.cloud.region:
        raise KubernetesNetworkError(f"{c}: cloud.region: the AWS machine networks need the region", field="cloud.region")
    return warnings
