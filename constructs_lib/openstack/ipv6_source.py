"""Where an IPv6 subnet's prefix comes from, and Kubermatic's order for choosing it. Pure Python.

Normally the allocator hands out a concrete CIDR (``FixedPrefix``). A subnet pool instead lets
Neutron carve the prefix at apply time (``subnetpool_id`` + ``prefix_length``); every address
inside is then a ``cidrhost()`` of the subnet's ``cidr`` (the allocator's relative rendering).
Kubermatic (seed 004): a named pool if one is given, else the datacenter's default IPv6 pool
if one exists, else ``fd00::/64``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .neutron_rules import NeutronRuleError, canonical_cidr

#: Kubermatic's last resort when no IPv6 subnet pool exists
KUBERMATIC_FALLBACK_IPV6 = "fd00::/64"


@dataclass(frozen=True)
class FixedPrefix:
    """A concrete CIDR (from the allocator)."""

    cidr: str

    def __post_init__(self) -> None:
        canonical_cidr(self.cidr, "ipv6 prefix source: cidr", 6)


@dataclass(frozen=True)
class NamedSubnetPool:
    """An existing IPv6 subnet pool looked up by name (optionally inside an address scope)."""

    name: str
    address_scope_id: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise NeutronRuleError(f"ipv6 subnet pool: name {self.name!r} must be a non-empty pool name")


@dataclass(frozen=True)
class DefaultSubnetPool:
    """The cloud's default IPv6 subnet pool (``is_default = true``, ``ip_version = 6``)."""

    address_scope_id: str | None = None


Ipv6PrefixSource = FixedPrefix | NamedSubnetPool | DefaultSubnetPool


def kubermatic_ipv6_source(pool_name: str | None, default_pool_exists: bool) -> Ipv6PrefixSource:
    """Kubermatic's order: the named pool, else the default IPv6 pool, else ``fd00::/64``.

    Whether a default pool exists is a fact about the cloud that Terraform cannot branch on
    (a data source that finds nothing fails the plan), so the caller states it.
    """
    if pool_name:
        return NamedSubnetPool(pool_name)
    if default_pool_exists:
        return DefaultSubnetPool()
    return FixedPrefix(KUBERMATIC_FALLBACK_IPV6)
