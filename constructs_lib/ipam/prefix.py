"""Prefixes as integers: parsing with strict canonical checks, formatting, relative roots.

A concrete prefix is (version, base, length). A *relative* prefix hangs off a root whose
base is known only at apply time (an Amazon-provided /56, an OpenStack subnet-pool prefix):
its ``base`` is then the offset inside that root, and it renders as a Terraform expression.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import NamedTuple

from .errors import InvalidPrefix

MAXBITS = {4: 32, 6: 128}
FAMILY = {4: "ipv4", 6: "ipv6"}
VERSION = {"ipv4": 4, "ipv6": 6}
#: the families by name, in the order plans and renderings list them
FAMILIES = ("ipv4", "ipv6")


def family_version(family: str | int, field: str = "family") -> int:
    """Accept ``ipv4``/``ipv6`` (any case), ``IPv4``, 4 or 6."""
    if family in (4, 6):
        return int(family)
    v = VERSION.get(str(family).lower())
    if v is None:
        raise InvalidPrefix(f"{field}: {family!r} is not an address family; use ipv4 or ipv6")
    return v


def format_address(version: int, value: int) -> str:
    if version == 4:
        return str(ipaddress.IPv4Address(value))
    return str(ipaddress.IPv6Address(value))


@dataclass(frozen=True, slots=True)
class RelativeRoot:
    """A parent prefix known only at apply time: a Terraform expression of a given length."""

    expr: str
    version: int
    length: int


def _fast_address(text: object) -> tuple[int, int] | None:
    """(version, value) of an address written canonically, or None to take the slow path.

    ``inet_pton`` parses and ``inet_ntop`` writes the canonical text (RFC 5952 for IPv6: what
    ``ipaddress`` writes too); text equal to it is canonical. Dotted IPv6 forms, where the two
    spellings differ, and anything odd go the slow path, which also explains a refusal."""
    if text.__class__ is not str:
        return None
    try:
        if ":" in text:
            if "." in text:
                return None
            packed = socket.inet_pton(socket.AF_INET6, text)
            return (6, int.from_bytes(packed, "big")) if socket.inet_ntop(socket.AF_INET6, packed) == text else None
        packed = socket.inet_pton(socket.AF_INET, text)
        return (4, int.from_bytes(packed, "big")) if socket.inet_ntop(socket.AF_INET, packed) == text else None
    except (OSError, ValueError):
        return None


def _fast_prefix(text: object) -> "Prefix | None":
    """A canonical CIDR without host bits, or None to take the slow path (see ``_fast_address``)."""
    if text.__class__ is not str:
        return None
    address, slash, length = text.partition("/")
    if not slash or not length.isdigit() or (length[0] == "0" and length != "0") or len(length) > 3:
        return None
    parsed = _fast_address(address)
    if parsed is None:
        return None
    version, value = parsed
    bits = int(length)
    maxbits = 32 if version == 4 else 128
    if bits > maxbits or value & ((1 << (maxbits - bits)) - 1):
        return None
    return Prefix(version, value, bits)


class Prefix(NamedTuple):
    """Immutable and hashable; a tuple underneath because the allocator makes millions of them."""

    version: int
    base: int
    length: int
    root: RelativeRoot | None = None

    # -- construction -------------------------------------------------------------
    @staticmethod
    def parse(text: str, field: str = "prefix") -> "Prefix":
        """Parse a canonical CIDR. Host bits, non-canonical spelling and zone indexes are refused."""
        fast = _fast_prefix(text)
        if fast is not None:
            return fast
        if not isinstance(text, str) or "/" not in text:
            raise InvalidPrefix(f"{field}: {text!r} is not a CIDR prefix (expected e.g. 10.0.0.0/16 or 2001:db8::/48)")
        if "%" in text:
            raise InvalidPrefix(f"{field}: {text!r} has a zone index (%...), which only a link-local address on one host has; drop it")
        try:
            net = ipaddress.ip_network(text, strict=False)
        except ValueError:
            raise InvalidPrefix(f"{field}: {text!r} is not a CIDR prefix (expected e.g. 10.0.0.0/16 or 2001:db8::/48)") from None
        canonical = str(net)
        if int(net.network_address) != int(ipaddress.ip_interface(text).ip):
            raise InvalidPrefix(f"{field}: {text!r} has host bits set; write {canonical}")
        if canonical != text:
            raise InvalidPrefix(f"{field}: {text!r} is not canonical; write {canonical}")
        return Prefix(net.version, int(net.network_address), net.prefixlen)

    @staticmethod
    def relative(expr: str, length: int, version: int = 6) -> "Prefix":
        """A root prefix whose base is a Terraform expression resolved at apply time."""
        if not expr or "${" in expr:
            raise InvalidPrefix(f"relative prefix: {expr!r} must be a bare Terraform expression such as aws_vpc.main.ipv6_cidr_block")
        if not 0 <= length <= MAXBITS[version]:
            raise InvalidPrefix(f"relative prefix: length {length} is out of range for IPv{version}")
        return Prefix(version, 0, length, RelativeRoot(expr, version, length))

    @staticmethod
    def parse_address(text: str, field: str = "address") -> tuple[int, int]:
        """Parse a canonical address; returns (version, int)."""
        fast = _fast_address(text)
        if fast is not None:
            return fast
        if isinstance(text, str) and "%" in text:
            raise InvalidPrefix(f"{field}: {text!r} has a zone index (%...); drop it")
        try:
            ip = ipaddress.ip_address(text)
        except ValueError:
            raise InvalidPrefix(f"{field}: {text!r} is not an IP address") from None
        if str(ip) != text:
            raise InvalidPrefix(f"{field}: {text!r} is not canonical; write {ip}")
        return ip.version, int(ip)

    # -- properties ----------------------------------------------------------------
    @property
    def family(self) -> str:
        return FAMILY[self.version]

    @property
    def maxbits(self) -> int:
        return MAXBITS[self.version]

    @property
    def is_relative(self) -> bool:
        return self.root is not None

    @property
    def num_addresses(self) -> int:
        return 1 << (self.maxbits - self.length)

    @property
    def last(self) -> int:
        return self.base + self.num_addresses - 1

    @property
    def text(self) -> str:
        """Canonical CIDR text, or the Terraform expression of a relative prefix."""
        if self.root is None:
            return f"{format_address(self.version, self.base)}/{self.length}"
        return self.expr_against(self.root.expr, self.root)

    def expr_against(self, parent_expr: str, parent: "Prefix | RelativeRoot") -> str:
        """``cidrsubnet(parent_expr, newbits, netnum)`` placing this prefix inside ``parent``."""
        from .terraform import cidrsubnet

        return cidrsubnet(self, parent_expr, parent)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Prefix({self.text!r})"

    # -- relations -----------------------------------------------------------------
    def same_space(self, other: "Prefix") -> bool:
        return self.version == other.version and self.root == other.root

    def contains(self, other: "Prefix") -> bool:
        return (
            self.same_space(other)
            and other.length >= self.length
            and (other.base >> (self.maxbits - self.length)) == (self.base >> (self.maxbits - self.length))
        )

    def overlaps(self, other: "Prefix") -> bool:
        return self.contains(other) or other.contains(self)

    def child(self, offset: int, length: int) -> "Prefix":
        return Prefix(self.version, self.base + offset, length, self.root)
