"""OpenStack dual-stack constructs (cdktf, terraform-provider-openstack ``~> 3.0``).

- ``OpenStackProvider(scope, id, OpenstackProviderConfig(...), version=...)``: ``provider "openstack"``
  with its version range (default ``OPENSTACK_PROVIDER_VERSION``, ``~> 3.0``).
- ``DualStackNetwork``: network, IPv4 and/or IPv6 subnet (``Ipv6Mode``), router new or existing,
  an interface per routable subnet, optional external gateway with one fixed IP per family.
- ``DualStackPort`` / ``VipPort`` / ``FloatingIpV4``: fixed IPs by family, VIPs per family with
  allowed address pairs on members, floating IPs on IPv4 only, routed per-node prefixes.
- ``DualStackPorts`` / ``Servers``: the same for many nodes, as ``for_each`` resources keyed by
  node name (the jsii cost of one port and one instance, whatever the count).
- ``DualStackSecurityGroup``: rules in v4/v6 pairs, ``ipv6-icmp``, ICMPv6 essentials.
- ``Server``: instances attached by port.
- ``neutron_rules`` (pure Python): Neutron's refusals, checked before anything is written.

Resources come from the generated typed layer (``constructs_lib.providers.openstack_types``);
the prebuilt ``cdktf_cdktf_provider_openstack`` bindings are never imported.
"""

from __future__ import annotations

import importlib

# Lazy exports: the pure modules (neutron_rules, security_rules, wireguard, ipv6_source) import
# without starting jsii; the constructs load cdktf on first use.
_EXPORTS = {
    "Server": "instance", "ServerMember": "instance", "Servers": "instance",
    # the shared provider layer
    "OpenStackProvider": ("constructs_lib.providers.elements", "Provider"),
    "OpenstackProviderConfig": ("constructs_lib.providers.openstack_types", "OpenstackProviderConfig"),
    "OPENSTACK_PROVIDER_VERSION": ("constructs_lib.providers.versions", "OPENSTACK_PROVIDER_VERSION"),
    "KUBERMATIC_FALLBACK_IPV6": "ipv6_source", "DefaultSubnetPool": "ipv6_source", "FixedPrefix": "ipv6_source",
    "NamedSubnetPool": "ipv6_source", "kubermatic_ipv6_source": "ipv6_source",
    "DualStackNetwork": "network", "ExistingRouter": "network", "ExternalGateway": "network", "Ipv4Subnet": "network",
    "Ipv6Subnet": "network", "NewRouter": "network",
    "Ipv6Mode": "neutron_rules", "NeutronRuleError": "neutron_rules",
    "DualStackPort": "port", "DualStackPorts": "port", "FloatingIpV4": "port", "PortMember": "port", "VipPort": "port",
    "DualStackSecurityGroup": "security_group",
    "SELF": "security_rules", "Icmpv6Essentials": "security_rules", "Remote": "security_rules", "RuleSpec": "security_rules",
    "WireguardSettings": "wireguard",
}


def __getattr__(name: str):
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = where if isinstance(where, tuple) else (f"{__name__}.{where}", name)
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_EXPORTS))


__all__ = [
    "KUBERMATIC_FALLBACK_IPV6", "OPENSTACK_PROVIDER_VERSION", "SELF", "DefaultSubnetPool", "DualStackNetwork", "DualStackPort",
    "DualStackPorts", "DualStackSecurityGroup", "ExistingRouter", "ExternalGateway", "FixedPrefix", "FloatingIpV4",
    "Icmpv6Essentials", "Ipv4Subnet", "Ipv6Mode", "Ipv6Subnet", "NamedSubnetPool", "NeutronRuleError", "NewRouter",
    "OpenStackProvider", "OpenstackProviderConfig", "PortMember", "Remote", "RuleSpec", "Server", "ServerMember", "Servers", "VipPort",
    "WireguardSettings", "kubermatic_ipv6_source",
]
