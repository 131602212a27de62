"""OpenStack dual-stack constructs (cdktf, provider terraform-provider-openstack 3.0.0).

- ``DualStackNetwork``: network, IPv4 and/or IPv6 subnet (``Ipv6Mode``), router new or existing,
  an interface per routable subnet, optional external gateway with one fixed IP per family.
- ``DualStackPort`` / ``VipPort`` / ``FloatingIpV4``: fixed IPs by family, VIPs per family with
  allowed address pairs on members, floating IPs on IPv4 only, routed per-node prefixes.
- ``DualStackSecurityGroup``: rules in v4/v6 pairs, ``ipv6-icmp``, ICMPv6 essentials.
- ``Server``: instances attached by port.
- ``neutron_rules`` (pure Python): Neutron's refusals, checked before anything is written.
"""

from __future__ import annotations

import importlib

# Lazy exports: the pure modules (neutron_rules, security_rules, wireguard, ipv6_source) import
# without starting jsii; the constructs load cdktf on first use.
_EXPORTS = {
    "Server": "instance",
    "KUBERMATIC_FALLBACK_IPV6": "ipv6_source", "DefaultSubnetPool": "ipv6_source", "FixedPrefix": "ipv6_source",
    "NamedSubnetPool": "ipv6_source", "kubermatic_ipv6_source": "ipv6_source",
    "DualStackNetwork": "network", "ExistingRouter": "network", "ExternalGateway": "network", "Ipv4Subnet": "network",
    "Ipv6Subnet": "network", "NewRouter": "network",
    "Ipv6Mode": "neutron_rules", "NeutronRuleError": "neutron_rules",
    "DualStackPort": "port", "FloatingIpV4": "port", "VipPort": "port",
    "DualStackSecurityGroup": "security_group",
    "SELF": "security_rules", "Icmpv6Essentials": "security_rules", "Remote": "security_rules", "RuleSpec": "security_rules",
    "WireguardSettings": "wireguard",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_EXPORTS))


__all__ = [
    "KUBERMATIC_FALLBACK_IPV6", "SELF", "DefaultSubnetPool", "DualStackNetwork", "DualStackPort", "DualStackSecurityGroup",
    "ExistingRouter", "ExternalGateway", "FixedPrefix", "FloatingIpV4", "Icmpv6Essentials", "Ipv4Subnet", "Ipv6Mode",
    "Ipv6Subnet", "NamedSubnetPool", "NeutronRuleError", "NewRouter", "Remote", "RuleSpec", "Server", "VipPort",
    "WireguardSettings", "kubermatic_ipv6_source",
]
