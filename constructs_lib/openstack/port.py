"""Ports with fixed IPs in both families, VIP ports, floating IPs (IPv4 only), routed prefixes.

A port's addresses are looked up by family, never by list position: yaook reads
``all_fixed_ips[1]`` for the IPv6 address, which breaks as soon as Neutron returns the fixed IPs
in another order. An address the allocator pinned is rendered as itself (concrete text or the
allocator's ``cidrhost()``); an address Neutron picks (SLAAC/EUI-64, DHCP pool) is read back with
``one([for ip in <port>.all_fixed_ips : ip if strcontains(ip, ":")])`` (``!strcontains`` for
IPv4), which fails loudly instead of picking the wrong one if a family ever held two.
Instances attach by port (``Server``): the provider ignores ``fixed_ip_v6`` on an instance's
network block, and a port also carries the security groups and allowed address pairs.

``DualStackPort`` is one port; ``DualStackPorts`` is one port per member (a cluster's nodes) as
a single ``for_each`` resource keyed by member name, with the same checks per member, so a
site of 10,000 nodes costs the jsii calls of one port. Adding a member adds its map entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from constructs_lib.engine import Construct
from constructs_lib.ipam.prefix import FAMILIES
from constructs_lib.providers.elements import Dynamic, Resource, interp, ref, remember_scope
from constructs_lib.providers.openstack_types import (
    OpenstackNetworkingFloatingipV2,
    OpenstackNetworkingPortV2,
    OpenstackNetworkingPortV2AllowedAddressPairs,
    OpenstackNetworkingPortV2FixedIp,
)

from .keys import check_part, port_address_lookup, tf_name
from .naming import claim
from .network import DualStackNetwork, ExistingRouter, NewRouter
from .neutron_rules import (
    NeutronRuleError,
    canonical_cidr,
    check_allowed_address,
    check_fixed_ip,
    check_floating_ip,
    is_expression,
)
from .security_rules import prefix_slug

PORT = "openstack_networking_port_v2"
ROUTE = "openstack_networking_router_route_v2"


def _named(where: str, routed_prefixes: Sequence[str] | Mapping[str, str]) -> dict[str, str]:
    """name -> prefix; a plain list names each route after its prefix."""
    if isinstance(routed_prefixes, Mapping):
        return {check_part(k, f"{where}: routed_prefixes key"): v for k, v in routed_prefixes.items()}
    return {prefix_slug(p): p for p in routed_prefixes}


def _checked_family(prefix: str) -> str:
    """The family of a prefix ``canonical_cidr`` already accepted: only IPv6 text holds a colon
    (parsing it again costs more than the rest of a node's checks)."""
    return "ipv6" if ":" in prefix else "ipv4"


def _route_family(prefix: str, fams: Sequence[str]) -> str:
    """A routed prefix's family (checked text, or an expression routed by the port's IPv6 when it has one)."""
    if is_expression(prefix):
        return "ipv6" if "ipv6" in fams else "ipv4"
    return _checked_family(prefix)


def check_port(where, network, fams, addresses, security_group_ids, allowed_addresses, routed_prefixes, port_security_enabled,
               subnets: Mapping[str, int] | None = None) -> None:
    """Neutron's refusals for one port (one line each, before any resource exists).

    ``subnets``: family -> which of the network's subnets of that family holds the address (0: the first)."""
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
        check_fixed_ip(network.subnet_spec(f, (subnets or {}).get(f, 0)), address, f"{where}: addresses.{f}")
    for f, index in (subnets or {}).items():
        if f not in fams:
            raise NeutronRuleError(f"{where}: subnets names {f!r}, which is not among the port's families {fams}")
        network.subnet_id(f, index)  # refused when the network has no such subnet
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
            fam = _checked_family(prefix)
            if fam not in fams:
                raise NeutronRuleError(f"{where}: routed_prefixes[{i}] {prefix} is {fam} but the port has no {fam} address to route it to")
        if prefix in seen or prefix in allowed_addresses:
            raise NeutronRuleError(f"{where}: routed_prefixes[{i}] {prefix} is listed twice")
        seen.add(prefix)
    if routed_prefixes and network.router_props is None:
        raise NeutronRuleError(f"{where}: routed_prefixes need a router on network {network.name}; give it NewRouter() or ExistingRouter(id)")
    for i, prefix in enumerate(routed_prefixes):
        fam = _route_family(prefix, fams)
        if fam not in network.routed_families:
            raise NeutronRuleError(f"{where}: routed_prefixes[{i}] {prefix} needs the router on the {fam} subnet of {network.name}, which has none (external router or no subnet)")


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
        subnets: Mapping[str, int] | None = None,
    ) -> None:
        self.key = check_part(key or name, f"port {name}: key")
        where = f"port {name}"
        named = _named(where, routed_prefixes)
        fams = tuple(families) if families is not None else network.families
        addresses = dict(addresses or {})
        subnets = dict(subnets or {})
        check_port(where, network, fams, addresses, security_group_ids, allowed_addresses, list(named.values()), port_security_enabled,
                   subnets)
        route_names = {rname: tf_name(network.key, tf_name(self.key, rname)) for rname in named}
        claim(scope, where, [(PORT, self.key)] + [(ROUTE, n) for n in route_names.values()])
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        self.name = name
        self.network = network
        self.families = fams
        self.routed_prefixes = dict(named)

        fixed = [OpenstackNetworkingPortV2FixedIp(subnet_id=network.subnet_id(f, subnets.get(f, 0)), ip_address=addresses.get(f))
                 for f in fams]
        pairs = [OpenstackNetworkingPortV2AllowedAddressPairs(ip_address=a) for a in (*allowed_addresses, *named.values())]
        self.port = Resource(self, self.key, OpenstackNetworkingPortV2(
            network_id=network.network_id, name=name, admin_state_up=True, fixed_ip=fixed,
            security_group_ids=list(security_group_ids) or None, allowed_address_pairs=pairs or None,
            port_security_enabled=port_security_enabled, description=description, tags=list(tags) or None,
            # a port must not be created before its subnets exist (it would come up without them)
        ), depends_on=[a for f in fams for a in network.subnet_addresses(f)])
        self._addresses = {f: addresses.get(f) or port_address_lookup(self.key, f, node=None) for f in fams}

        self.routes: dict[str, Resource] = {}
        for rname, prefix in named.items():
            fam = _route_family(prefix, fams)
            self.routes[rname] = network.route(tf_name(self.key, rname), prefix, self._addresses[fam], family=fam,
                                               depends_on=[self.port.address], claim_name=False)

    @property
    def id(self) -> str:
        return self.port.attr("id")

    def address(self, family: str) -> str:
        """The port's address of ``family`` for a string attribute (pinned text, or a lookup by family)."""
        if family not in self._addresses:
            raise NeutronRuleError(f"port {self.name}: no {family} address (families: {', '.join(self.families)})")
        return self._addresses[family]

    @property
    def addresses(self) -> dict[str, str]:
        return dict(self._addresses)


@dataclass(frozen=True)
class PortMember:
    """One member's port in a ``DualStackPorts`` set (the port is named after the member).

    ``addresses``, ``allowed_addresses``, ``routed_prefixes`` and ``description`` mean what they
    mean for ``DualStackPort``. Name routed prefixes (``{"pods": ...}``): the route of a name is
    one ``for_each`` resource for the whole set.
    """

    addresses: Mapping[str, str | None] = field(default_factory=dict)
    allowed_addresses: Sequence[str] = ()
    routed_prefixes: Sequence[str] | Mapping[str, str] = ()
    description: str | None = None
    #: family -> which of the network's subnets holds the address, where not the first (a grown network)
    subnets: Mapping[str, int] = field(default_factory=dict)


class DualStackPorts(Construct):
    """One port per member on a ``DualStackNetwork``: ``openstack_networking_port_v2.<key>["<member>"]``.

    Every member is checked like a ``DualStackPort``. Shared by all members: ``families``,
    ``security_group_ids``, ``port_security_enabled``, ``tags``. Routed prefixes of one name are
    one route resource ``<network key>_<key>_<name>`` keyed by member. The JSON holds one
    ``for_each`` entry per member, so adding a member changes only its own entries.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        network: DualStackNetwork,
        key: str,
        members: Mapping[str, PortMember],
        families: Sequence[str] | None = None,
        security_group_ids: Sequence[str] = (),
        port_security_enabled: bool | None = None,
        tags: Sequence[str] = (),
    ) -> None:
        self.key = check_part(key, f"ports {key}: key")
        if not members:
            raise NeutronRuleError(f"ports {key}: members is empty; give member name -> PortMember(...)")
        fams = tuple(families) if families is not None else network.families
        named: dict[str, dict[str, str]] = {}
        for member, spec in members.items():
            where = f"port {member}"
            check_part(member, f"ports {key}: member")
            if not isinstance(spec, PortMember):
                raise NeutronRuleError(f"{where}: {spec!r} is not a PortMember")
            named[member] = _named(where, spec.routed_prefixes)
            check_port(where, network, fams, dict(spec.addresses), security_group_ids, spec.allowed_addresses,
                       list(named[member].values()), port_security_enabled, dict(spec.subnets))
        addresses = {
            member: {f: spec.addresses.get(f) or port_address_lookup(self.key, f, node=member) for f in fams}
            for member, spec in members.items()
        }
        # one route resource per routed-prefix name, all of one family
        route_groups: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {}
        for rname in sorted({rname for routes in named.values() for rname in routes}):
            routes = {}
            for member in members:
                prefix = named[member].get(rname)
                if prefix is not None:
                    routes[member] = (prefix, addresses[member][_route_family(prefix, fams)])
            families = {_route_family(prefix, fams) for prefix, _ in routes.values()}
            if len(families) != 1:
                raise NeutronRuleError(f"ports {key}: routed prefixes named {rname!r} mix IPv4 and IPv6; give each family its own name")
            route_groups[rname] = (families.pop(), routes)
        claim(scope, f"ports {key}", [(PORT, self.key)] + [(ROUTE, tf_name(network.key, tf_name(self.key, r))) for r in route_groups])
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        self.network = network
        self.families = fams
        self.members = dict(members)
        self.routed_prefixes = named
        self._addresses = addresses

        # per-member values live in the for_each map; a field is in the template when any member sets it
        pinned = [f for f in fams if any(m.addresses.get(f) for m in members.values())]
        with_pairs = any(m.allowed_addresses or named[n] for n, m in members.items())
        described = any(m.description for m in members.values())
        # a member on a further subnet of a grown network names it; the others take the first
        elsewhere = [f for f in fams if any(m.subnets.get(f) for m in members.values())]
        entries: dict[str, dict] = {}
        for member, spec in members.items():
            entry: dict = {f: spec.addresses[f] for f in pinned if spec.addresses.get(f)}
            entry.update({f"subnet_{f}": network.subnet_id(f, spec.subnets[f]) for f in elsewhere if spec.subnets.get(f)})
            if with_pairs:
                entry["allowed_address_pairs"] = [*spec.allowed_addresses, *named[member].values()]
            if spec.description:
                entry["description"] = spec.description
            entries[member] = entry
        fixed = [OpenstackNetworkingPortV2FixedIp(
            subnet_id=(interp(f'lookup(each.value, "subnet_{f}", {network.subnet_id(f)[2:-1]})') if f in elsewhere else network.subnet_id(f)),
            ip_address=interp(f'lookup(each.value, "{f}", null)') if f in pinned else None)
            for f in fams]
        dynamic = None
        if with_pairs:
            dynamic = {"allowed_address_pairs": Dynamic(
                for_each="${each.value.allowed_address_pairs}",
                content=OpenstackNetworkingPortV2AllowedAddressPairs(ip_address="${allowed_address_pairs.value}"))}
        self.port = Resource(self, self.key, OpenstackNetworkingPortV2(
            network_id=network.network_id, name="${each.key}", admin_state_up=True, fixed_ip=fixed,
            security_group_ids=list(security_group_ids) or None, port_security_enabled=port_security_enabled,
            description=interp('lookup(each.value, "description", null)') if described else None, tags=list(tags) or None,
        ), for_each=entries, dynamic=dynamic, depends_on=[a for f in fams for a in network.subnet_addresses(f)])

        self.routes: dict[str, Resource] = {}
        for rname, (fam, routes) in route_groups.items():
            # each next hop is its member's own fixed IP (checked above) or a read-back of it
            route = network.routes(tf_name(self.key, rname), routes, family=fam, depends_on=[self.port.address], claim_name=False,
                                   next_hops_are_fixed_ips=True)
            if route is not None:
                self.routes[rname] = route

    def id(self, member: str) -> str:
        """``${openstack_networking_port_v2.<key>["<member>"].id}``."""
        self._member(member)
        return interp(ref(PORT, self.key, "id", member))

    def address(self, member: str, family: str) -> str:
        """A member's address of ``family`` (pinned text, ``${cidrhost(...)}``, or a read-back by family)."""
        by_family = self._member(member)
        if family not in by_family:
            raise NeutronRuleError(f"port {member}: no {family} address (families: {', '.join(self.families)})")
        return by_family[family]

    def addresses(self) -> dict[str, dict[str, str]]:
        """member -> family -> address."""
        return {m: dict(a) for m, a in self._addresses.items()}

    def _member(self, member: str) -> dict[str, str]:
        if member not in self._addresses:
            raise NeutronRuleError(f"ports {self.key}: {member!r} is not a member ({', '.join(self._addresses)})")
        return self._addresses[member]


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
        subnet: int = 0,
    ) -> None:
        if family not in FAMILIES:
            raise NeutronRuleError(f"vip port {name}: family {family!r} must be ipv4 or ipv6")
        super().__init__(
            scope, id, network=network, name=name, key=key, addresses={family: address} if address else None,
            families=(family,), security_group_ids=security_group_ids, description=description, tags=tags,
            subnets={family: subnet} if subnet else None,
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
        remember_scope(self, scope, id)
        self.floating_ip = Resource(self, key, OpenstackNetworkingFloatingipV2(
            pool=pool, port_id=port.id, fixed_ip=port.address("ipv4"), description=description,
        ), depends_on=[network.interfaces["ipv4"].address])

    @property
    def address(self) -> str:
        return self.floating_ip.attr("address")
