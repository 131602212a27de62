"""The address plan as table rows, and usage per super network.

Which site a row belongs to, and what it is for, is derived, not stored:

- **site**: the nearest ``site`` label, looking at the row's own network first (the child
  network for a network row, the network a prefix or address was taken from) and then up its
  parents to the super network. Without one: the first ``/`` segment of the key
  (``os-fra/net/node-7`` -> ``os-fra``, ``aws/main/subnet/private/eu-west-1a`` -> ``aws``,
  ``k8s/prod/pods/ipv6`` -> ``k8s``). A super network has no key: the site its contents share
  when they all agree (so it is listed with them), else its partition, else the first ``/``
  segment of its id.
- **purpose**: a keyed prefix or address: the purpose it was allocated with. A network: its
  ``purpose`` label, else its description, else its name. Failing all that, what it is:
  ``super network``, ``child network``, ``prefix`` or ``address``.

Order: by site, then depth-first through the tree (each super prefix, by network id, IPv4
before IPv6, followed by everything carved from it, by address), so a site's rows read as a
plan and the order never depends on the order things were allocated in.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..ipam import Ipam, Network
from .tree import Node, PlanTree, build_tree

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


def network_label(net: Network) -> str:
    """Child networks have uuid ids; their key is what a reviewer recognises."""
    return net.id if net.parent is None else (net.key or net.id)


def _labelled_site(ipam: Ipam, net: Network | None) -> str:
    while net is not None:
        if net.labels.get("site"):
            return net.labels["site"]
        net = ipam.networks.get(net.parent) if net.parent else None
    return ""


def site_of(ipam: Ipam, node: Node, inside: set[str] | None = None) -> str:
    """The rule in the module docstring. ``inside``: the sites of everything in a super prefix."""
    labelled = _labelled_site(ipam, node.network)
    if labelled:
        return labelled
    if node.kind == "super":
        if inside is not None and len(inside) == 1:
            return next(iter(inside))
        return node.network.partition or node.key.split("/", 1)[0]
    return node.key.split("/", 1)[0]


def purpose_of(node: Node) -> str:
    if node.kind in ("prefix", "ip"):
        return node.purpose or KIND_WORDS[node.kind]
    net = node.network
    return net.labels.get("purpose") or net.description or net.name or KIND_WORDS[node.kind]


def rows(ipam: Ipam, tree: PlanTree | None = None) -> list[PlanRow]:
    tree = tree or build_tree(ipam)
    walked = list(tree.walk())
    # the sites of what each super network holds, so a super row can sit with its contents
    inside: dict[str, set[str]] = {}
    current = ""
    for depth, node in walked:
        if node.kind == "super":
            current = node.network.id
            inside.setdefault(current, set())
        else:
            inside[current].add(site_of(ipam, node))
    out: list[PlanRow] = []
    for depth, node in walked:
        if node.kind == "super":
            where = node.network.id
        elif node.kind == "network":
            where = network_label(ipam.networks[node.network.parent])
        else:
            where = network_label(node.network)
        out.append(
            PlanRow(
                site=site_of(ipam, node, inside.get(node.network.id)), network=where, family=node.family, cidr=node.text, key=node.key,
                purpose=purpose_of(node), kind=node.kind, depth=depth, relative=node.prefix.is_relative,
            )
        )
    # a stable sort keeps the depth-first order inside each site
    return sorted(out, key=lambda r: r.site)


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
    for net in sorted((n for n in ipam.networks.values() if n.parent is None), key=lambda n: n.id):
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
