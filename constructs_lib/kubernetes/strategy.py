"""Seed 003's range strategies: ``v6global/64+prefix/80``, ``v6fromNode``, ``v4private, v6private/108``...

A role (nodes, pods, services) is given as text or a list: at most one range per family, the
first listed family primary. Each range is a keyword or a literal CIDR:

- ``v4private``           the default private IPv4 range (Kubermatic's for pods and services)
- ``v6global[/len]``      a prefix of the provider's global IPv6 (AWS /56, OpenStack subnet pool),
                          resolved at apply time through the allocator's relative rendering
- ``v6private[/len]``     inside a freshly generated RFC 4193 /48 (len /48 to /112)
- ``v4fromNode[/len]``,
  ``v6fromNode[/len]``    pods only: each node's pods use that node's own prefix (no overlay)
- ``custom``              left to the network plugin (alone in the list)
- ``nov4``, ``nov6``      no-ops that document an absent family
- ``<cidr>``              a literal range, canonical (``fd00::/48``, not ``FD00::/48``)

and nodes may add the per-node modifier ``+prefix[/size]``: each node gets a prefix of its own.
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from dataclasses import dataclass
from typing import Sequence

from ..errors import bounded_repr
from ..ipam.prefix import FAMILIES
from . import limits
from .errors import StrategyError

ROLES = ("nodes", "pods", "services")
MAXBITS = {"ipv4": 32, "ipv6": 128}

#: keyword -> (family, takes a length)
KEYWORDS: dict[str, tuple[str | None, bool]] = {
    "v4private": ("ipv4", False),
    "v6global": ("ipv6", True),
    "v6private": ("ipv6", True),
    "v4fromnode": ("ipv4", True),
    "v6fromnode": ("ipv6", True),
    "custom": (None, False),
    "nov4": ("ipv4", False),
    "nov6": ("ipv6", False),
}
SPELLING = {
    "v4private": "v4private", "v6global": "v6global[/len]", "v6private": "v6private[/len]",
    "v4fromnode": "v4fromNode[/len]", "v6fromnode": "v6fromNode[/len]", "custom": "custom", "nov4": "nov4", "nov6": "nov6",
}
EXPECTED = ", ".join(SPELLING.values()) + " or a CIDR"
CANONICAL_KIND = {"v4fromnode": "fromNode", "v6fromnode": "fromNode"}

_TOKEN = re.compile(r"^(?P<base>[^+]*)(?P<mod>\+.*)?$")
_KEYWORD = re.compile(r"^(?P<kw>[A-Za-z0-9]+)(?:/(?P<len>[^/]*))?$")
_MODIFIER = re.compile(r"^\+prefix(?:/(?P<len>[0-9]+))?$")
_DIGITS = re.compile("[0-9]+")  # ASCII only: str.isdigit() and \d also take superscripts and other scripts' digits


@dataclass(frozen=True, slots=True)
class RangeStrategy:
    """One family's range of a role, as written."""

    kind: str  # "cidr" | "v4private" | "v6global" | "v6private" | "fromNode"
    family: str
    length: int | None  # requested prefix length (None: the role's default)
    cidr: str | None  # canonical literal CIDR (kind "cidr")
    per_node: int | None  # +prefix size (nodes), None without the modifier
    token: str
    index: int  # 1-based position in the list

    @property
    def routed(self) -> bool:
        """Pod addresses reachable without NAT: global provider space or the node's own prefix."""
        if self.family != "ipv6":
            return False
        if self.kind in ("v6global", "fromNode"):
            return True
        if self.kind == "cidr":
            return not ipaddress.ip_network(self.cidr).subnet_of(ipaddress.ip_network(limits.ULA))
        return False


@dataclass(frozen=True, slots=True)
class RoleStrategy:
    """A role's ranges in primary order, plus the families declared absent (nov4/nov6)."""

    role: str
    text: str
    items: tuple[RangeStrategy, ...]
    absent: frozenset[str] = frozenset()
    custom: bool = False

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(i.family for i in self.items)

    def get(self, family: str) -> RangeStrategy | None:
        for i in self.items:
            if i.family == family:
                return i
        return None


def _split(text: str) -> list[tuple[str, int, int]]:
    """Comma-separated tokens with their [start, end) in ``text`` (surrounding spaces stripped)."""
    out, pos = [], 0
    for raw in text.split(","):
        lead = len(raw) - len(raw.lstrip())
        tok = raw.strip()
        start = pos + lead
        out.append((tok, start, start + len(tok)))
        pos += len(raw) + 1
    return out


def _family_name(family: str) -> str:
    return "IPv4" if family == "ipv4" else "IPv6"


def parse_role(value: str | Sequence[str], role: str, field: str | None = None) -> RoleStrategy:
    """Parse one role's text (``"v4private, v6global/64+prefix/80"``) or list of tokens."""
    if role not in ROLES:
        raise ValueError(f"role: {role!r} is not one of {', '.join(ROLES)}")
    field = field or role
    if isinstance(value, str):
        text = value
    elif isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        text = ", ".join(value)
    else:
        raise StrategyError(
            f"{field}: {value!r} is not text or a list of text; write e.g. 'v6global/64+prefix/80' or ['10.0.0.0/16', 'fd00::/48']",
            field=field, text=repr(value), start=0, end=len(repr(value)), index=0,
        )
    if not text.strip():
        raise StrategyError(f"{field}: empty; give a keyword ({EXPECTED})", field=field, text=text, start=0, end=1, index=0)

    tokens = _split(text)

    def fail(i: int, why: str) -> StrategyError:
        tok, start, end = tokens[i]
        return StrategyError(
            f"{field}: token {i + 1} ({bounded_repr(tok)}): {why}", field=field, text=text, start=start, end=max(end, start + 1), index=i + 1
        )

    if len(tokens) > limits.MAX_CIDRS_PER_LIST.value:
        raise fail(
            limits.MAX_CIDRS_PER_LIST.value,
            f"at most {limits.MAX_CIDRS_PER_LIST.value} ranges per list, one IPv4 and one IPv6 "
            f"[{limits.MAX_CIDRS_PER_LIST.source}]",
        )

    items: list[RangeStrategy] = []
    absent: set[str] = set()
    custom = False
    for i, (tok, _, _) in enumerate(tokens):
        if not tok:
            raise fail(i, f"empty token; expected one of {EXPECTED}")
        m = _TOKEN.match(tok)
        base, mod = m.group("base"), m.group("mod")
        per_node: int | None = None
        if ":" in base or "." in base:
            kind, family, length, cidr = _parse_cidr(base, lambda why: fail(i, why))
        else:
            km = _KEYWORD.match(base)
            kw = km.group("kw").lower() if km else ""
            if kw not in KEYWORDS:
                hint = difflib.get_close_matches(base.split("/")[0].lower(), list(KEYWORDS), n=1, cutoff=0.6)
                did = f" (did you mean {SPELLING[hint[0]].split('[')[0]}?)" if hint else ""
                raise fail(i, f"unknown keyword, expected one of {EXPECTED}{did}")
            family, takes_length = KEYWORDS[kw]
            raw_len = km.group("len")
            if raw_len is not None and not takes_length:
                raise fail(i, f"{SPELLING[kw]} takes no length; write {SPELLING[kw]}")
            length = None
            if raw_len is not None:
                if not _DIGITS.fullmatch(raw_len) or len(raw_len) > 3 or not 1 <= int(raw_len) <= MAXBITS[family]:
                    shown = raw_len if len(raw_len) <= 10 else f"{raw_len[:6]}... ({len(raw_len)} digits)"
                    raise fail(i, f"length /{shown} is not an {_family_name(family)} prefix length (1 to {MAXBITS[family]})")
                length = int(raw_len)
            kind, cidr = CANONICAL_KIND.get(kw, kw), None
            if kw == "v6private" and length is not None and not limits.V6PRIVATE_LENGTHS[0] <= length <= limits.V6PRIVATE_LENGTHS[1]:
                lo, hi = limits.V6PRIVATE_LENGTHS
                raise fail(i, f"v6private/{length}: an RFC 4193 range is /{lo} to /{hi} [{limits.SEED_003}]")
            if kind == "fromNode" and role != "pods":
                raise fail(i, f"{SPELLING[kw].split('[')[0]} is for pods only: pods take the node's own prefix; "
                              f"on {role} use v6global/v6private or a CIDR")
            if kw == "custom":
                if role == "services":
                    raise fail(i, "services cannot be custom: kube-apiserver needs --service-cluster-ip-range; give v4private, v6private/108 or a CIDR")
                if len(tokens) > 1:
                    raise fail(i, "custom leaves the whole role to the network plugin and must stand alone")
                if mod:
                    raise fail(i, "custom takes no +prefix modifier")
                custom = True
                continue
            if kw in ("nov4", "nov6"):
                if mod:
                    raise fail(i, f"{kw} takes no +prefix modifier")
                if family in absent:
                    raise fail(i, f"{kw} is given twice")
                absent.add(family)
                continue
        if mod is not None:
            mm = _MODIFIER.match(mod)
            if not mm:
                raise fail(i, f"unknown modifier {mod!r}; expected +prefix or +prefix/<size>")
            if role != "nodes":
                raise fail(i, f"+prefix is a node modifier (a prefix per node); {role} take per-node prefixes with v6fromNode/v4fromNode")
            raw = mm.group("len")
            if raw and len(raw) > 3:
                raise fail(i, f"+prefix/{raw[:6]}... ({len(raw)} digits) is not an {_family_name(family)} prefix length (1 to {MAXBITS[family]})")
            per_node = int(raw) if raw else limits.DEFAULT_NODE_PREFIX[family]
            if not 1 <= per_node <= MAXBITS[family]:
                raise fail(i, f"+prefix/{per_node} is not an {_family_name(family)} prefix length (1 to {MAXBITS[family]})")
        for other in items:
            if other.family == family:
                raise fail(i, f"second {_family_name(family)} range (token {other.index} is one); a list holds one range per "
                              f"family, dual-stack is one IPv4 and one IPv6 [{limits.MAX_CIDRS_PER_LIST.source}]")
        items.append(RangeStrategy(kind, family, length, cidr, per_node, tok, i + 1))

    for fam in absent:
        for it in items:
            if it.family == fam:
                nov = "nov4" if fam == "ipv4" else "nov6"
                idx = next(j for j, t in enumerate(tokens) if t[0].lower() == nov)
                raise fail(idx, f"{nov} says there is no {_family_name(fam)} range, but token {it.index} ({it.token!r}) is one")
    if absent == set(FAMILIES):
        raise fail(len(tokens) - 1, "nov4 and nov6 together leave no family; name at least one range")
    return RoleStrategy(role, text, tuple(items), frozenset(absent), custom)


def _parse_cidr(base: str, fail) -> tuple[str, str, int, str]:
    bare = base.split("/")[0]
    if "/" not in base:
        raise fail(f"{base!r} has no prefix length; write e.g. {bare}/{'64' if ':' in base else '16'}")
    try:
        net = ipaddress.ip_network(base, strict=False)
    except ValueError:
        raise fail(f"not a CIDR and not a keyword; expected one of {EXPECTED}") from None
    if str(net) != base:
        iface = ipaddress.ip_interface(base)
        if iface.ip != net.network_address:
            raise fail(f"host bits set; the prefix is {net}")
        raise fail(f"not canonical; write {net}")
    family = "ipv4" if net.version == 4 else "ipv6"
    return "cidr", family, net.prefixlen, str(net)
