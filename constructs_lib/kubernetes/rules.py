"""The rules a real component would apply later, applied now, each naming its upstream source.

``check_planned`` needs lengths only and runs before anything is allocated; ``check_resolved``
needs the ranges themselves (reserved ranges, overlaps, node addresses) and returns warnings.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from constructs_lib.ipam import Prefix

from . import limits
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

    # services: size (kubeadm always; kube-apiserver up to 1.33 with default gates), at least 10 addresses
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
        if (1 << bits) < limits.MIN_SERVICE_ADDRESSES.value:
            raise _limit(f, f"{p.token} (/{p.length}) has {1 << bits} addresses, fewer than {limits.MIN_SERVICE_ADDRESSES.value}; "
                            f"use /{MAXBITS[p.family] - 4} or shorter", limits.MIN_SERVICE_ADDRESSES.source)

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
            other = ipaddress.ip_network(res.cidr)
            if other.version == net.version and net.overlaps(other):
                raise _limit(field, f"{rng.text} overlaps {res.cidr} ({res.name}), which a cluster range may never use; choose another range",
                             res.source)
        for doc in limits.DOCUMENTATION:
            other = ipaddress.ip_network(doc.cidr)
            if other.version == net.version and net.overlaps(other):
                warnings.append(NetworkWarning(field, f"{rng.text} is inside {doc.cidr} ({doc.name}); fine for examples, not routable "
                                                      "in production", doc.source))

    # no overlap between the roles of one cluster (same family, same address space)
    roles = [(role, rng) for role in ("nodes", "pods", "services") for rng in r.role(role).ordered()]
    roles += [("pods", rng) for _, rng in sorted(r.pods.aggregate.items())]
    for i, (ra, a) in enumerate(roles):
        for rb, b in roles[i + 1:]:
            if ra != rb and a.family == b.family and a.prefix.overlaps(b.prefix):
                f = f"cluster {r.name}: {rb} ({b.family})"
                raise _limit(f, f"{b.text} overlaps {ra} {a.text}; nodes, pods and services of one cluster need separate ranges "
                                "(pods that share the node's prefix are v6fromNode)", limits.DISJOINT_SOURCE)

    # nodes: addresses and prefixes inside the node range, node prefixes apart, node-ip for every family
    nodes = r.nodes
    seen: list[tuple[str, "ResolvedRange"]] = []
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
            if rng is not None and not rng.prefix.is_relative and not addr.startswith("${"):
                if ipaddress.ip_address(addr) not in ipaddress.ip_network(rng.prefix.text):
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
                for other_name, other in seen:
                    if other.family == fam and other.prefix.overlaps(own.prefix):
                        raise KubernetesNetworkError(f"{f}: prefix {own.text} overlaps node {other_name}'s {other.text}", field=f)
                seen.append((n.name, own))

    svc, pods = set(r.services.families), set(r.pods.families) | set(r.pods.from_node)
    for fam in sorted(svc - pods):
        if not r.pods.custom:
            warnings.append(NetworkWarning(f"cluster {r.name}: services ({fam})",
                                           f"{NAME[fam]} services but no {NAME[fam]} pods: such services have no endpoints but host-network pods"))
    return warnings
