"""The address plan as a tree of prefixes, built once per report.

``Ipam.children_of`` scans every allocation on each call; a report asks for every prefix, so
for a plan with thousands of keys we index parents in one pass here instead (same result,
same order: by address, then length).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ipam import Ipam, Network, Prefix


@dataclass(frozen=True, slots=True)
class Node:
    """One range of the plan: a super prefix, a child network's prefix, a keyed prefix or address."""

    key: str  # the allocation's key; a super network's id for a super prefix
    prefix: Prefix
    kind: str  # super | network | prefix | ip
    network: Network  # the network the range belongs to (itself for networks)
    text: str  # concrete CIDR (address for an ip), or the Terraform expression of an apply-time range
    purpose: str = ""  # the allocation's own purpose (prefixes and addresses only)

    @property
    def family(self) -> str:
        return self.prefix.family


def prefix_text(p: Prefix) -> str:
    """How the report writes a network's prefix.

    Concrete prefixes as canonical CIDR. A relative root (Amazon-provided /56, subnet-pool
    prefix) as its expression plus its length, since the expression alone does not say how big
    it is; prefixes inside it as the ``cidrsubnet(...)`` the lock holds. Keyed prefixes and
    addresses use ``Allocation.text`` (address without /32, ``cidrhost(...)``), as the lock does.
    """
    if p.is_relative and p.length == p.root.length:
        return f"{p.root.expr} (/{p.length})"
    return p.text


def _order(p: Prefix) -> tuple:
    return (p.version, p.root.expr if p.root else "", p.base, p.length)


@dataclass
class PlanTree:
    supers: list[Node]  # every super prefix, by network id, then family, then address
    children: dict[Prefix, list[Node]]  # parent prefix -> what was carved directly from it, by address

    def kids(self, p: Prefix) -> list[Node]:
        return self.children.get(p, [])

    def walk(self):
        """Depth-first: (depth, node), each super prefix followed by everything inside it."""
        stack = [(0, n) for n in reversed(self.supers)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            stack.extend((depth + 1, c) for c in reversed(self.kids(node.prefix)))


def build_tree(ipam: Ipam) -> PlanTree:
    supers: list[Node] = []
    children: dict[Prefix, list[Node]] = {}
    for net in sorted(ipam.networks.values(), key=lambda n: n.id):
        if net.parent is None:
            supers += [Node(net.id, p, "super", net, prefix_text(p)) for p in sorted(net.prefixes, key=_order)]
            continue
        parent = ipam.networks[net.parent]
        for p in net.prefixes:
            container = next(q for q in parent.prefixes if q.contains(p))
            children.setdefault(container, []).append(Node(net.key or net.id, p, "network", net, prefix_text(p)))
    for a in ipam.allocations.values():
        children.setdefault(a.parent, []).append(Node(a.key, a.prefix, a.kind, ipam.networks[a.network], a.text, a.purpose))
    for kids in children.values():
        kids.sort(key=lambda n: (n.prefix.base, n.prefix.length, n.key))
    return PlanTree(supers, children)
