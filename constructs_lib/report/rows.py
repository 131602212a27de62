"""The address plan as table rows, and usage per super network.

Which site a row belongs to, and what it is for, is derived, not stored:

- **site**: the first of these that names a site, looking at the row's own network first (the
  child network for a network row, the network a prefix or address was taken from) and then up
  its parents to the super network: its ``site`` label; then the first ``/`` segment of the key
  (``os-fra/net/node-7`` -> ``os-fra``). A super network has no key: the site its contents share
  when they all agree (so it is listed with them), else its partition, else the first ``/``
  segment of its id.

  Given the plan's ``sites``, a candidate counts only when it is one of them: ``k8s/fra/pods/ipv4``
  is cluster ``fra``'s range, not a site ``k8s``, and a super network whose partition names no
  site of the plan (seed 000's ``mini-lab``) is in none. Such rows show ``NO_SITE`` and name their
  *owner*: the nearest ``cluster`` label up their networks, else their super network. Without
  ``sites`` (callers that do not know the plan) every candidate counts, as before.
- **purpose**: a keyed prefix or address: the purpose it was allocated with. A network: its
  ``purpose`` label, else its description, else its name. Failing all that, what it is:
  ``super network``, ``child network``, ``prefix`` or ``address``.

Order: by site in natural order (``node-9`` before ``node-10``), rows without a site last, by
owner; inside, depth-first through the tree: each super network (natural order of ids; its
prefixes IPv4 before IPv6, by address) followed by everything carved from it, siblings in
natural order of their keys (by address where keys are equal). The order never depends on the
order things were allocated in.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Collection, Iterator

from ..ipam import Ipam, Network
from .natural import natural_key, natural_sorted
from .tree import Node, PlanTree, build_tree

#: the SITE of a row that belongs to no site of the plan
NO_SITE = "-"

KIND_WORDS = {"super": "super network", "network": "child network", "prefix": "prefix", "ip": "address"}
#: free space is counted in blocks of these lengths, as Ipam.usage does (go-ipam's "smallest prefixes")
FREE_UNIT = {"ipv4": 30, "ipv6": 126}


@dataclass(frozen=True, slots=True)
class PlanRow:
    site: str
    network: str  # the network the range lives in: a super network's id, a child network's key
    family: str  # ipv4 | ipv6
    cidr: str  # concrete CIDR or address, or the Terraform expression of an apply-time range
    key: str  # the allocation key (a super network's id for its own prefixes)
    purpose: str
    kind: str  # super | network | prefix | ip
    depth: int  # 0 for super prefixes, +1 per level of nesting
    relative: bool  # known only at apply time (rendered as an expression)
    owner: str = ""  # rows without a site: the cluster or super network they belong to
    owner_kind: str = ""  # "cluster" | "super network" (with owner)


def network_label(net: Network) -> str:
    """Child networks have uuid ids; their key is what a reviewer recognises."""
    return net.id if net.parent is None else (net.key or net.id)


def _labelled(ipam: Ipam, net: Network | None, label: str) -> str:
    while net is not None:
        if net.labels.get(label):
            return net.labels[label]
        net = ipam.networks.get(net.parent) if net.parent else None
    return ""


def _candidates(ipam: Ipam, node: Node, inside: set[str] | None) -> Iterator[str]:
    """What might name the row's site, most specific first (the module docstring's rule)."""
    labelled = _labelled(ipam, node.network, "site")
    if labelled:
        yield labelled
    if node.kind != "super":
        yield node.key.split("/", 1)[0]
        return
    if inside is not None and len(inside) == 1 and NO_SITE not in inside:
        yield next(iter(inside))
    if node.network.partition:
        yield node.network.partition
    yield node.key.split("/", 1)[0]


def site_of(ipam: Ipam, node: Node, inside: set[str] | None = None, sites: Collection[str] | None = None) -> str:
    """The rule in the module docstring. ``inside``: the sites of everything in a super prefix."""
    for candidate in _candidates(ipam, node, inside):
        if sites is None or candidate in sites:
            return candidate
    return NO_SITE


def owner_of(ipam: Ipam, node: Node) -> tuple[str, str]:
    """(kind, name) of what a row without a site belongs to: its cluster, else its super network."""
    cluster = _labelled(ipam, node.network, "cluster")
    if cluster:
        return "cluster", cluster
    net = node.network
    while net.parent is not None and net.parent in ipam.networks:
        net = ipam.networks[net.parent]
    return "super network", net.id


def purpose_of(node: Node) -> str:
    if node.kind in ("prefix", "ip"):
        return node.purpose or KIND_WORDS[node.kind]
    net = node.network
    return net.labels.get("purpose") or net.description or net.name or KIND_WORDS[node.kind]


def walk_natural(tree: PlanTree) -> Iterator[tuple[int, Node]]:
    """``PlanTree.walk`` with super networks and siblings in natural order of their ids and keys."""
    groups: dict[str, list[Node]] = {}
    for n in tree.supers:  # a network's prefixes stay together, in the tree's order
        groups.setdefault(n.network.id, []).append(n)
    stack = [(0, n) for net_id in reversed(natural_sorted(groups)) for n in reversed(groups[net_id])]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        kids = natural_sorted(tree.kids(node.prefix), key=lambda c: c.key)  # stable: by address for equal keys
        stack.extend((depth + 1, c) for c in reversed(kids))


def rows(ipam: Ipam, tree: PlanTree | None = None, *, sites: Collection[str] | None = None) -> list[PlanRow]:
    """One row per range. ``sites``: the plan's site names; without them any first key segment counts as a site."""
    tree = tree or build_tree(ipam)
    site_set = frozenset(sites) if sites is not None else None
    walked = list(walk_natural(tree))
    # the sites of what each super network holds, so a super row can sit with its contents
    inside: dict[str, set[str]] = {}
    current = ""
    for depth, node in walked:
        if node.kind == "super":
            current = node.network.id
            inside.setdefault(current, set())
        else:
            inside[current].add(site_of(ipam, node, sites=site_set))
    out: list[PlanRow] = []
    for depth, node in walked:
        if node.kind == "super":
            where = node.network.id
        elif node.kind == "network":
            where = network_label(ipam.networks[node.network.parent])
        else:
            where = network_label(node.network)
        site = site_of(ipam, node, inside.get(node.network.id), site_set)
        owner_kind, owner = owner_of(ipam, node) if site == NO_SITE else ("", "")
        out.append(
            PlanRow(
                site=site, network=where, family=node.family, cidr=node.text, key=node.key,
                purpose=purpose_of(node), kind=node.kind, depth=depth, relative=node.prefix.is_relative,
                owner=owner, owner_kind=owner_kind,
            )
        )
    # a stable sort keeps the depth-first order inside each site (and each owner)
    return sorted(out, key=lambda r: (r.site == NO_SITE, natural_key(r.site), r.owner_kind, natural_key(r.owner)))


@dataclass(frozen=True, slots=True)
class UsageRow:
    """Exact figures for one family of one super network (``Ipam.usage`` plus what children hold)."""

    network: str
    family: str
    prefixes: tuple[str, ...]
    size: int  # addresses in the network's prefixes of this family (go-ipam's available_ips)
    used_ips: int  # keyed addresses plus reserved ones (network, broadcast, subnet-router anycast)
    used_prefixes: int  # child prefixes and child networks carved directly from it
    free_blocks: int  # free aligned blocks of FREE_UNIT length (go-ipam's available_prefixes)
    free_unit: int
    allocated: int  # addresses inside child prefixes and networks, and keyed addresses

    @property
    def allocated_share(self) -> Fraction:
        return Fraction(self.allocated, self.size) if self.size else Fraction(0)


def usage_rows(ipam: Ipam, tree: PlanTree | None = None) -> list[UsageRow]:
    tree = tree or build_tree(ipam)
    out: list[UsageRow] = []
    for net in natural_sorted((n for n in ipam.networks.values() if n.parent is None), key=lambda n: n.id):
        usage = ipam.usage(net.id)
        for family, u in usage.items():
            mine = [n for n in tree.supers if n.network is net and n.family == family]
            allocated = sum(c.prefix.num_addresses for n in mine for c in tree.kids(n.prefix))
            out.append(
                UsageRow(
                    network=net.id, family=family, prefixes=tuple(n.text for n in mine), size=u.available_ips,
                    used_ips=u.used_ips, used_prefixes=u.used_prefixes, free_blocks=u.available_prefixes,
                    free_unit=FREE_UNIT[family], allocated=allocated,
                )
            )
    return out


def share_text(share: Fraction) -> str:
    """A share as a percentage, fixed formatting: ``12.50%``, ``< 0.01%`` becomes ``1.6e-08%``."""
    if share == 0:
        return "0%"
    pct = float(share * 100)
    return f"{pct:.2f}%" if pct >= 0.01 else f"{pct:.1e}%"
