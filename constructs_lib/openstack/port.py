"""Ports with fixed IPs in both families, VIP ports, floating IPs (IPv4 only), routed prefixes.

A port's addresses are looked up by family, never by list position: yaook reads
``all_fixed_ips[1]`` for the IPv6 address, which breaks as soon as Neutron returns the fixed IPs
in another order. An address the allocator pinned is rendered as itself (concrete text or the
allocator's ``cidrhost()``); an address Neutron picks (SLAAC/EUI-64, DHCP pool) is read back with
``one([for ip in <port>.all_fixed_ips : ip if strcontains(ip, ":")])`` (``!strcontains`` for
IPv4), which fails loudly instead of picking the wrong one if a family ever held two.
Instances attach by port (``Server``): the provider ignores ``fixed_ip_v6`` on an instance's
network block, and a port also carries the security groups and allowed address pairs.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from cdktf_cdktf_provider_openstack.networking_floatingip_v2 import NetworkingFloatingipV2
from cdktf_cdktf_provider_openstack.networking_port_v2 import (
    NetworkingPortV2,
    NetworkingPortV2AllowedAddressPairs,
    NetworkingPortV2FixedIp,
)
from cdktf_cdktf_provider_openstack.networking_router_route_v2 import NetworkingRouterRouteV2
from constructs_lib.engine import Construct

from .keys import check_part, port_address_lookup, tf_name
from .naming import claim, name_resource
from .network import DualStackNetwork, ExistingRouter, NewRouter
from .neutron_rules import (
    NeutronRuleError,
    canonical_cidr,
    check_allowed_address,
    check_fixed_ip,
    check_floating_ip,
    family_of,
    is_expression,
)
from .security_rules import prefix_slug

FAMILIES = ("ipv4", "ipv6")


class DualStackPort(Construct):
    """A port on a ``DualStackNetwork`` with one fixed IP per family.

    ``addresses``: family -> address text or ``${cidrhost(...)}``; a family left out (or None)
    gets an address from Neutron (DHCP pool, or EUI-64 on SLAAC/DHCPv6-stateless subnets, where
    pinning is refused). ``families``: default all of the network's families.
    ``allowed_addresses``: extra addresses/CIDRs the port may send from (VIPs, routed prefixes).
    ``routed_prefixes``: prefixes this port owns (a list, or name -> prefix): each is allowed on
    the port and routed to the port's address of the same family by a router static route named
    ``<network key>_<port key>_<name>`` (the name defaults to the prefix, ``fd10-1-0-0-0-80``).
    Resource name: ``<key>`` (default ``name``).
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        network: DualStackNetwork,
        name: str,
        key: str | None = None,
        addresses: Mapping[str, str | None] | None = None,
        families: Sequence[str] | None = None,
        security_group_ids: Sequence[str] = (),
        allowed_addresses: Sequence[str] = (),
        routed_prefixes: Sequence[str] | Mapping[str, str] = (),
        port_security_enabled: bool | None = None,
        description: str | None = None,
        tags: Sequence[str] = (),
    ) -> None:
        self.key = check_part(key or name, f"port {name}: key")
        where = f"port {name}"
        # name -> prefix; a plain list names each route after its prefix
        if isinstance(routed_prefixes, Mapping):
            named = {check_part(k, f"{where}: routed_prefixes key"): v for k, v in routed_prefixes.items()}
        else:
            named = {prefix_slug(p): p for p in routed_prefixes}
        routed_prefixes = list(named.values())
        fams = tuple(families) if families is not None else network.families
        addresses = dict(addresses or {})
        self._check(where, network, fams, addresses, security_group_ids, allowed_addresses, routed_prefixes, port_security_enabled)
        route_names = {rname: tf_name(network.key, tf_name(self.key, rname)) for rname in named}
        claim(scope, where, [("openstack_networking_port_v2", self.key)] + [("openstack_networking_router_route_v2", n) for n in route_names.values()])
        super().__init__(scope, id)
        self.name = name
        self.network = network
        self.families = fams
        self.routed_prefixes = dict(named)

        fixed = [NetworkingPortV2FixedIp(subnet_id=network.subnet_id(f), ip_address=addresses.get(f)) for f in fams]
        pairs = [NetworkingPortV2AllowedAddressPairs(ip_address=a) for a in (*allowed_addresses, *routed_prefixes)]
        self.port = NetworkingPortV2(
            self, "port", network_id=network.network.id, name=name, admin_state_up=True, fixed_ip=fixed,
            security_group_ids=list(security_group_ids) or None, allowed_address_pairs=pairs or None,
            port_security_enabled=port_security_enabled, description=description, tags=list(tags) or None,
            # a port must not be created before its subnets exist (it would come up without them)
            depends_on=[network.subnets[f] for f in fams],
        )
        name_resource(self.port, self.key)
        self._addresses = {f: addresses.get(f) or port_address_lookup(self.key, f) for f in fams}

        self.routes: dict[str, NetworkingRouterRouteV2] = {}
        for rname, prefix in named.items():
            fam = "ipv6" if family_of(prefix) == 6 or (is_expression(prefix) and "ipv6" in fams) else "ipv4"
            self.routes[rname] = network.route(tf_name(self.key, rname), prefix, self._addresses[fam], family=fam,
                                               depends_on=[self.port], claim_name=False)

    @staticmethod
    def _check(where, network, fams, addresses, security_group_ids, allowed_addresses, routed_prefixes, port_security_enabled) -> None:
        if not fams:
            raise NeutronRuleError(f"{where}: families is empty; name ipv4, ipv6 or both")
        for f in fams:
            if f not in FAMILIES:
                raise NeutronRuleError(f"{where}: family {f!r} must be ipv4 or ipv6")
            if f not in network.families:
                raise NeutronRuleError(f"{where}: network {network.name} has no {f} subnet (it has {', '.join(network.families)})")
        for f, address in addresses.items():
            if f not in fams:
                raise NeutronRuleError(f"{where}: addresses names {f!r}, which is not among the port's families {fams}")
            check_fixed_ip(network.subnet_specs[f], address, f"{where}: addresses.{f}")
        if port_security_enabled is False:
            # Neutron: AddressPairAndPortSecurityRequired / PortSecurityAndIPRequiredForSecurityGroups
            if allowed_addresses or routed_prefixes:
                raise NeutronRuleError(f"{where}: allowed address pairs need port security; drop port_security_enabled=False or the allowed addresses")
            if security_group_ids:
                raise NeutronRuleError(f"{where}: security groups need port security; drop port_security_enabled=False or the security groups")
        for i, a in enumerate(allowed_addresses):
            check_allowed_address(a, f"{where}: allowed_addresses[{i}]")
        seen: set[str] = set()
        for i, prefix in enumerate(routed_prefixes):
            if not is_expression(prefix):
                canonical_cidr(prefix, f"{where}: routed_prefixes[{i}]")
                fam = "ipv6" if family_of(prefix) == 6 else "ipv4"
                if fam not in fams:
                    raise NeutronRuleError(f"{where}: routed_prefixes[{i}] {prefix} is {fam} but the port has no {fam} address to route it to")
            if prefix in seen or prefix in allowed_addresses:
                raise NeutronRuleError(f"{where}: routed_prefixes[{i}] {prefix} is listed twice")
            seen.add(prefix)
        if routed_prefixes and network.router_props is None:
            raise NeutronRuleError(f"{where}: routed_prefixes need a router on network {network.name}; give it NewRouter() or ExistingRouter(id)")
        for i, prefix in enumerate(routed_prefixes):
            fam = {4: "ipv4", 6: "ipv6"}.get(family_of(prefix), "ipv6" if "ipv6" in fams else "ipv4")
            if fam not in network.routed_families:
                raise NeutronRuleError(f"{where}: routed_prefixes[{i}] {prefix} needs the router on the {fam} subnet of {network.name}, which has none (external router or no subnet)")

    @property
    def id(self) -> str:
        return self.port.id

    def address(self, family: str) -> str:
        """The port's address of ``family`` for a string attribute (pinned text, or a lookup by family)."""
        if family not in self._addresses:
            raise NeutronRuleError(f"port {self.name}: no {family} address (families: {', '.join(self.families)})")
        return self._addresses[family]

    @property
    def addresses(self) -> dict[str, str]:
        return dict(self._addresses)


class VipPort(DualStackPort):
    """A single-family port that only reserves a virtual IP (keepalived moves it between members).

    Members carry ``vip.address`` in their ``allowed_addresses``. A floating IP may point at an
    IPv4 VIP only.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        network: DualStackNetwork,
        name: str,
        family: str,
        address: str | None = None,
        key: str | None = None,
        security_group_ids: Sequence[str] = (),
        description: str | None = None,
        tags: Sequence[str] = (),
    ) -> None:
        if family not in FAMILIES:
            raise NeutronRuleError(f"vip port {name}: family {family!r} must be ipv4 or ipv6")
        super().__init__(
            scope, id, network=network, name=name, key=key, addresses={family: address} if address else None,
            families=(family,), security_group_ids=security_group_ids, description=description, tags=tags,
        )
        self.family = family

    @property
    def vip(self) -> str:
        return self.address(self.family)


class FloatingIpV4(Construct):
    """A floating IP on a port's IPv4 address. Neutron has no IPv6 floating IPs: asking is an error.

    Resource name: ``<key>``; it waits for the network's IPv4 router interface (yaook does the same).
    """

    def __init__(self, scope: Construct, id: str, *, pool: str, port: DualStackPort, key: str, family: str = "ipv4",
                 description: str | None = None) -> None:
        label = f"floating ip {key}"
        check_part(key, f"{label}: key")
        check_floating_ip(label, family)
        if "ipv4" not in port.families:
            raise NeutronRuleError(f"{label}: port {port.name} has no IPv4 address; a floating IP maps to a fixed IPv4 only")
        network = port.network
        if "ipv4" not in network.interfaces:
            raise NeutronRuleError(f"{label}: network {network.name} has no IPv4 router interface, so the floating IP cannot reach the port; attach the IPv4 subnet to a router")
        router = network.router_props
        if isinstance(router, NewRouter) and router.external_gateway is None:
            raise NeutronRuleError(f"{label}: the router of network {network.name} has no external gateway; give NewRouter(external_gateway=ExternalGateway(...))")
        assert isinstance(router, (NewRouter, ExistingRouter))
        claim(scope, label, [("openstack_networking_floatingip_v2", key)])
        super().__init__(scope, id)
        self.floating_ip = NetworkingFloatingipV2(
            self, "fip", pool=pool, port_id=port.id, fixed_ip=port.address("ipv4"), description=description,
            depends_on=[network.interfaces["ipv4"]],
        )
        name_resource(self.floating_ip, key)

    @property
    def address(self) -> str:
        return self.floating_ip.address
