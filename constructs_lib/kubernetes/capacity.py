"""Capacity before allocation: every range holds what the cluster will ask of it (issue 11 item 12).

Counted from the plan alone (lengths, node masks, machines), before anything is allocated, so a
cluster that cannot fit is refused with the counts and the setting that grows it, instead of
failing halfway or, worse, being accepted (nodeipam hands out what it has and leaves the other
nodes without a pod range):

- pods: a cluster pod range of /L with node mask /M holds 2^(M-L) node ranges, one per node;
- services: kube-apiserver hands out every address but the network address (and IPv4's
  broadcast); the ``kubernetes`` service takes the first and, with kubeadm, cluster DNS the tenth;
- nodes: where the cluster allocates its machines' addresses (and ``+prefix`` per-node prefixes)
  itself, the node range holds them, counted as the allocator places them: addresses from the
  bottom (after the reserved network or subnet-router anycast address), prefixes best fit above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from . import limits
from .errors import LimitError
from .strategy import MAXBITS, RoleStrategy

if TYPE_CHECKING:  # pragma: no cover
    from .model import ClusterSpec, NodeSpec
    from .rules import Planned


def _bits_for(count: int) -> int:
    """Prefix bits that give at least ``count`` ranges."""
    return max(0, (count - 1).bit_length())


def _limit(field: str, message: str, source: str) -> LimitError:
    return LimitError(f"{field}: {message} [{source}]", field=field, source=source)


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith(("s", "x")) else f"{n} {word}s"


def service_minimum(cluster: "ClusterSpec") -> tuple[int, str, str]:
    """(addresses a service range needs, what takes them, source): kubeadm's DNS is the tenth cluster IP."""
    if "kubeadm" in cluster.targets:
        return (limits.MIN_SERVICE_ADDRESSES.value,
                "the control plane takes the first for the kubernetes service (kube-apiserver) and the tenth for cluster DNS (kubeadm)",
                f"{limits.MIN_SERVICE_ADDRESSES.source}; {limits.APISERVER_MIN_SERVICE_ADDRESSES.source}")
    return (limits.APISERVER_MIN_SERVICE_ADDRESSES.value, "kube-apiserver takes the first for the kubernetes service",
            limits.APISERVER_MIN_SERVICE_ADDRESSES.source)


def usable_service_addresses(family: str, length: int) -> int:
    """Addresses kube-apiserver's allocator can hand out (the network address never, IPv4's broadcast never)."""
    size = 1 << (MAXBITS[family] - length)
    return max(0, size - (2 if family == "ipv4" else 1))


def check_services(cluster: "ClusterSpec", plan: Mapping[str, Sequence["Planned"]]) -> None:
    """Raise ``LimitError`` when a service range cannot hold the addresses the control plane takes for itself."""
    c = f"cluster {cluster.name}"
    for p in plan["services"]:
        need, who, source = service_minimum(cluster)
        size = 1 << (MAXBITS[p.family] - p.length)
        if size < need:
            f = f"{c}: services ({p.family})"
            shortest = MAXBITS[p.family] - _bits_for(need)
            raise _limit(f, f"{p.token} (/{p.length}) has {size} addresses, fewer than {need}: kube-apiserver hands out "
                            f"{usable_service_addresses(p.family, p.length)} of them and {who}; give services a /{shortest} or "
                            "shorter", source)


def check_capacity(cluster: "ClusterSpec", strategies: Mapping[str, RoleStrategy | None], plan: Mapping[str, Sequence["Planned"]],
                   machines: Sequence["NodeSpec"], pod_lengths: Mapping[str, int]) -> None:
    """Raise ``LimitError`` when a pod or node range cannot hold what the cluster's machines take."""
    c = f"cluster {cluster.name}"
    n = len(machines)
    if n == 0:
        return
    for p in plan["pods"]:
        if p.kind == "fromNode" or p.length is None:
            continue
        mask = cluster.node_mask(p.family)
        if mask < p.length:
            continue  # refused by the mask rule already
        ranges = 1 << (mask - p.length)
        if ranges < n:
            f = f"{c}: pods ({p.family})"
            bits = _bits_for(n)
            raise _limit(f, f"{p.token} (/{p.length}) holds {_plural(ranges, 'node range')} of /{mask} (node_cidr_mask_size."
                            f"{p.family}), but the cluster has {n} nodes and each takes one; give pods a /{mask - bits} or shorter, "
                            f"or set node_cidr_mask_size.{p.family} to {p.length + bits} or longer", limits.NODE_RANGES_SOURCE)

    nodes_s = strategies["nodes"]
    per_node = {it.family: it.per_node for it in (nodes_s.items if nodes_s else ()) if it.per_node is not None}
    for p in plan["nodes"]:
        if p.length is None:
            continue
        fam, length, bits = p.family, p.length, MAXBITS[p.family]
        f = f"{c}: nodes ({fam})"
        setting = f"nodes ({p.token})" if p.kind != "network" else \
            f"the site's node network (node_networks.{fam}: OpenStack node_lengths.{fam}, AWS node_ipv6_length)"
        what = f"{p.token} (/{length})" if p.kind != "network" else f"the node network (/{length})"
        n_addr = sum(1 for m in machines if fam not in m.addresses)
        size = per_node.get(fam)
        if size is None or size <= length:
            if n_addr == 0:
                continue
            reserved = len(_reserved(fam, length))
            usable = (1 << (bits - length)) - reserved
            if n_addr > usable:
                grow = bits - _bits_for(n_addr + reserved)
                raise _limit(f, f"{what} holds {_plural(usable, 'node address')}, but {n_addr} machines take theirs "
                                f"from it; give {setting} a /{grow} or shorter", "the plan's allocator (constructs_lib.ipam)")
            continue
        n_prefix = sum(1 for m in machines if fam not in m.prefixes)
        if n_prefix == 0 and n_addr == 0:
            continue
        blocks = 1 << (size - length)
        per_block = 1 << (bits - size)
        taken = 0
        if n_addr:
            reserved = _reserved(fam, length)
            taken = -(-(n_addr + 1) // per_block)  # addresses fill from the bottom, after the network/anycast address
            if len(reserved) == 2:
                taken += 1  # IPv4's broadcast address sits in the top block
        free = blocks - taken
        if n_prefix > free:
            need = n_prefix + taken
            why = f" ({taken} {'holds' if taken == 1 else 'hold'} the node addresses{' and the broadcast address' if n_addr and fam == 'ipv4' and length <= 30 else ''})" \
                if taken else ""
            raise _limit(f, f"{what} holds {_plural(blocks, f'/{size} prefix')}{why}, but {n_prefix} machines need a "
                            f"+prefix/{size} of their own; give {setting} a /{size - _bits_for(need)} or shorter, or a longer +prefix",
                         "the plan's allocator (constructs_lib.ipam)")

    # per-node prefixes carved from the pods' routed network (OpenStack's pod supernet) for fromNode pods
    pods_s = strategies["pods"]
    for it in (pods_s.items if pods_s else ()):
        if it.kind != "fromNode" or it.family not in pod_lengths or it.family in per_node or it.length is None:
            continue
        length, size = pod_lengths[it.family], it.length
        if size <= length:
            continue
        blocks = 1 << (size - length)
        if blocks < n:
            f = f"{c}: pods ({it.family})"
            raise _limit(f, f"{it.token}: the pods' routed network (/{length}) holds {_plural(blocks, f'/{size} prefix')}, but the "
                            f"cluster has {n} nodes; give the site a larger pod range, or a longer {it.token.split('/')[0]}/<len>",
                         "the plan's allocator (constructs_lib.ipam)")


def _reserved(family: str, length: int) -> tuple[int, ...]:
    """What the allocator never hands out in a range that gives addresses (as ``constructs_lib.ipam.reserved_offsets``)."""
    if family == "ipv4":
        return (0, 1) if length <= 30 else ()
    return (0,) if length <= 126 else ()
