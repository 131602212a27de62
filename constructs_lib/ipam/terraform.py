"""How the address plan is written in Terraform: the one module that knows HCL's spelling.

A concrete prefix or address is its text. One whose parent is known only at apply time (an
Amazon /56, an OpenStack subnet-pool prefix) is ``cidrsubnet(<parent>, newbits, netnum)`` or
``cidrhost(<parent>, hostnum)``, against its root or against its immediate parent; a string
attribute takes it as a template, ``${...}``. The parsers read those forms back (the lock stores
relative allocations that way). Pure Python.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from .allocator import Allocation
    from .prefix import Prefix, RelativeRoot

_CIDRSUBNET = re.compile(r"cidrsubnet\((.+), *(\d+), *(\d+)\)")
_CIDRHOST = re.compile(r"cidrhost\((.+), *(\d+)\)")


def interp(expr: str) -> str:
    """A bare HCL expression as a string attribute's template: ``${expr}``."""
    return "${" + expr + "}"


def is_template(text: str) -> bool:
    """Terraform template text (``${...}``): a value known at apply time."""
    return isinstance(text, str) and text.startswith("${") and text.endswith("}")


def unwrap(text: str) -> str:
    """``${expr}`` -> ``expr``; anything else unchanged."""
    return text[2:-1] if is_template(text) else text


def cidrsubnet(prefix: "Prefix", parent_expr: str, parent: "Prefix | RelativeRoot") -> str:
    """``cidrsubnet(parent_expr, newbits, netnum)`` placing ``prefix`` inside ``parent`` (bare HCL)."""
    newbits = prefix.length - parent.length
    if newbits == 0:
        return parent_expr
    parent_base = getattr(parent, "base", 0)
    netnum = (prefix.base - parent_base) >> (prefix.maxbits - prefix.length)
    return f"cidrsubnet({parent_expr}, {newbits}, {netnum})"


def prefix_tf(prefix: "Prefix") -> str:
    """A prefix for a string attribute: its CIDR, or ``${cidrsubnet(<root>, ...)}``."""
    return interp(prefix.text) if prefix.is_relative else prefix.text


def allocation_expr(a: "Allocation", parent_expr: str | None = None) -> str:
    """Bare HCL for an allocation. With ``parent_expr``: relative to the immediate parent (e.g. an
    AWS subnet's ``ipv6_cidr_block``); without: a quoted literal when concrete, else against the root."""
    if parent_expr is None:
        if not a.prefix.is_relative:
            return f'"{a.text}"'
        parent_expr = a.parent.text
    if a.kind == "ip":
        return f"cidrhost({parent_expr}, {a.hostnum})"
    return cidrsubnet(a.prefix, parent_expr, a.parent)


def allocation_tf(a: "Allocation", parent_expr: str | None = None) -> str:
    """An allocation for a string attribute: concrete text, or ``${expression}``."""
    if parent_expr is None and not a.prefix.is_relative:
        return a.text
    return interp(allocation_expr(a, parent_expr))


def parse_cidrsubnet(text: str, roots: Mapping[str, "Prefix"]) -> "Prefix | None":
    """``cidrsubnet(X, newbits, netnum)`` back into a prefix; X is the text of one of ``roots``
    (a relative root's expression or a relative prefix's own text) or, nested, another cidrsubnet().

    Also takes the ``${...}`` template form. Returns None when it is not such an expression.
    """
    text = unwrap(text.strip())
    if text in roots:
        return roots[text]
    m = _CIDRSUBNET.fullmatch(text)
    if not m:
        return None
    parent = parse_cidrsubnet(m.group(1), roots)
    if parent is None:
        return None
    newbits, netnum = int(m.group(2)), int(m.group(3))
    length = parent.length + newbits
    if length > parent.maxbits or netnum >= (1 << newbits):
        return None
    return parent.child(netnum << (parent.maxbits - length), length)


def parse_cidrhost(text: str, prefixes: Iterable["Prefix"]) -> "Prefix | None":
    """``cidrhost(<relative prefix text>, n)`` back into a host prefix (/32 or /128), or None."""
    m = _CIDRHOST.fullmatch(unwrap(text.strip()))
    if not m:
        return None
    n = int(m.group(2))
    for p in prefixes:
        if p.is_relative and p.text == m.group(1) and n < p.num_addresses:
            return p.child(n, p.maxbits)
    return None


def relative_roots(prefixes: Iterable["Prefix"]) -> dict[str, "Prefix"]:
    """Text -> prefix for every relative prefix given, and for each one's root: what ``parse_cidrsubnet`` resolves."""
    from .prefix import Prefix

    out: dict[str, Prefix] = {}
    for p in prefixes:
        if p.is_relative:
            out.setdefault(p.root.expr, Prefix.relative(p.root.expr, p.root.length, p.root.version))
            out.setdefault(p.text, p)
    return out
