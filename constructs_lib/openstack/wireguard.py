"""The seed's wireguard settings (yaook ``wg_ipv6_cidr`` / ``wg_ipv6_gw``), validated. Pure Python.

``wg_ipv6_cidr`` is the IPv6 range of the wireguard peers (e.g. ``fd01::/120``); ``wg_ipv6_gw`` is
the gateway's interface address written with the same prefix length (e.g. ``fd01::1/120``).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from pydantic import ConfigDict

from .neutron_rules import NeutronRuleError, canonical_cidr


@dataclass(frozen=True)
class WireguardSettings:
    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    wg_ipv6_cidr: str = "fd01::/120"
    """The wireguard peers' IPv6 range (yaook's ``wg_ipv6_cidr``)."""
    wg_ipv6_gw: str = "fd01::1/120"
    """The gateway's wireguard address with the range's length (yaook's ``wg_ipv6_gw``)."""

    def __post_init__(self) -> None:
        cidr = canonical_cidr(self.wg_ipv6_cidr, "wg_ipv6_cidr", 6)
        net = ipaddress.ip_network(cidr)
        gw = self.wg_ipv6_gw
        if not isinstance(gw, str) or "/" not in gw:
            raise NeutronRuleError(f"wg_ipv6_gw: {gw!r} must be an address with the prefix length of wg_ipv6_cidr, e.g. {net.network_address + 1}/{net.prefixlen}")
        try:
            iface = ipaddress.ip_interface(gw)
        except ValueError:
            raise NeutronRuleError(f"wg_ipv6_gw: {gw!r} is not an address/prefix-length, e.g. {net.network_address + 1}/{net.prefixlen}") from None
        if iface.version != 6:
            raise NeutronRuleError(f"wg_ipv6_gw: {gw!r} is IPv4; write an IPv6 address inside {cidr}, e.g. {net.network_address + 1}/{net.prefixlen}")
        if str(iface) != gw:
            raise NeutronRuleError(f"wg_ipv6_gw: {gw!r} is not canonical; write {iface}")
        if iface.network.prefixlen != net.prefixlen:
            raise NeutronRuleError(f"wg_ipv6_gw: {gw!r} has prefix length /{iface.network.prefixlen} but wg_ipv6_cidr is /{net.prefixlen}; write {iface.ip}/{net.prefixlen}")
        if iface.ip not in net:
            raise NeutronRuleError(f"wg_ipv6_gw: {iface.ip} is outside wg_ipv6_cidr {cidr}; use an address inside it, e.g. {net.network_address + 1}/{net.prefixlen}")
        if iface.ip == net.network_address and net.prefixlen < 127:
            raise NeutronRuleError(f"wg_ipv6_gw: {iface.ip} is the subnet-router anycast address of {cidr}; use {net.network_address + 1}/{net.prefixlen}")

    @property
    def gateway_address(self) -> str:
        """The gateway address without the prefix length (``fd01::1``)."""
        return str(ipaddress.ip_interface(self.wg_ipv6_gw).ip)
