"""DualStackNetwork: a Neutron network with an IPv4 and/or an IPv6 subnet, and its router.

One construct gives dual-stack, single-stack IPv4 and IPv6-only networks (leave a family out).
The IPv6 subnet takes an ``Ipv6Mode`` (``dhcpv6-stateful`` by default, as in the yaook seed),
and its prefix either as a concrete CIDR (from the allocator) or from a subnet pool
(``subnetpool_id`` + ``prefix_length``); then ``cidr_expression("ipv6")`` is the root that the
allocator's relative rendering (``cidrhost()``) hangs addresses on.
The router is new (``NewRouter``, optionally with an external gateway holding one
``external_fixed_ip`` per family), an existing one (``ExistingRouter``), or none; each subnet
that can be routed gets its own router interface.

Everything is checked against Neutron's rules (``neutron_rules``) before a resource exists.
Resources come from the typed layer (``constructs_lib.providers.openstack_types``), never from
the prebuilt ``cdktf_cdktf_provider_openstack`` bindings. Many routes of one kind (a routed
prefix per node) are one ``for_each`` resource (``routes``), so they cost the same for 3 or
10,000 nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from constructs_lib.engine import Construct
from constructs_lib.ipam.prefix import VERSION
from constructs_lib.providers.elements import DataSource, Resource, interp, ref, remember_scope
from constructs_lib.providers.openstack_types import (
    DataOpenstackNetworkingSubnetpoolV2,
    OpenstackNetworkingNetworkV2,
    OpenstackNetworkingRouterInterfaceV2,
    OpenstackNetworkingRouterRouteV2,
    OpenstackNetworkingRouterV2,
    OpenstackNetworkingRouterV2ExternalFixedIp,
    OpenstackNetworkingSubnetV2,
    OpenstackNetworkingSubnetV2AllocationPool,
)

from .ipv6_source import DefaultSubnetPool, FixedPrefix, Ipv6PrefixSource, NamedSubnetPool
from .keys import SUFFIX, check_part, subnet_cidr_expression, subnet_name, tf_name
from .naming import claim
from .neutron_rules import (
    Ipv6Mode,
    NeutronRuleError,
    SubnetSpec,
    check_external_fixed_ips,
    check_route,
    check_router_interface,
    check_router_port,
    check_subnet,
    family_of,
)



@dataclass(frozen=True)
class Ipv4Subnet:
    """The IPv4 subnet. ``gateway_ip`` None: Neutron's default, the first address."""

    cidr: str
    gateway_ip: str | None = None
    no_gateway: bool = False
    dns_nameservers: Sequence[str] = ()
    allocation_pools: Sequence[tuple[str, str]] = ()
    enable_dhcp: bool = True
    name: str | None = None


@dataclass(frozen=True)
class Ipv6Subnet:
    """The IPv6 subnet: a concrete ``cidr``, or ``subnet_pool`` + ``prefix_length``.

    ``mode``: an ``Ipv6Mode`` (default ``DHCPV6_STATEFUL``), or None for a subnet without
    RA/address modes. With a subnet pool leave ``gateway_ip`` and ``allocation_pools`` unset:
    Neutron takes the first address as the gateway and the rest as the pool.
    """

    cidr: str | None = None
    mode: Ipv6Mode | None = Ipv6Mode.DHCPV6_STATEFUL
    subnet_pool: NamedSubnetPool | DefaultSubnetPool | None = None
    prefix_length: int | None = None
    gateway_ip: str | None = None
    no_gateway: bool = False
    dns_nameservers: Sequence[str] = ()
    allocation_pools: Sequence[tuple[str, str]] = ()
    enable_dhcp: bool = True
    name: str | None = None

    @classmethod
    def from_source(cls, source: Ipv6PrefixSource, *, prefix_length: int = 64, **kwargs) -> "Ipv6Subnet":
        """From a ``kubermatic_ipv6_source`` answer: a fixed CIDR, or a pool with ``prefix_length``."""
        if isinstance(source, FixedPrefix):
            return cls(cidr=source.cidr, **kwargs)
        return cls(subnet_pool=source, prefix_length=prefix_length, **kwargs)


@dataclass(frozen=True)
class ExternalGateway:
    """The router's external gateway; one ``external_fixed_ip`` per family that names a subnet or address."""

    network_id: str
    ipv4_subnet_id: str | None = None
    ipv4_address: str | None = None
    ipv6_subnet_id: str | None = None
    ipv6_address: str | None = None
    enable_snat: bool | None = None

    def fixed_ips(self) -> list[tuple[str, str | None, str | None]]:
        out = []
        for fam in ("ipv4", "ipv6"):
            subnet_id, address = getattr(self, f"{fam}_subnet_id"), getattr(self, f"{fam}_address")
            if subnet_id is not None or address is not None:
                out.append((fam, subnet_id, address))
        return out


@dataclass(frozen=True)
class NewRouter:
    name: str | None = None
    external_gateway: ExternalGateway | None = None
    distributed: bool | None = None
    description: str | None = None


@dataclass(frozen=True)
class ExistingRouter:
    router_id: str


@dataclass(frozen=True)
class _Plan:
    specs: dict[str, SubnetSpec] = field(default_factory=dict)
    attached: tuple[str, ...] = ()
    ipv6_mode: Ipv6Mode | None = None


class DualStackNetwork(Construct):
    """A network with one subnet per family (more with ``more_subnets``) and a router interface per routable subnet.

    Resource names: ``<key>`` for the network and router, ``<key>_v4`` / ``<key>_v6`` for the
    subnets and interfaces (``key`` defaults to ``name``), ``<key>_v4_2``, ``_3``... for the
    subnets a network grows by (``more_subnets``: concrete CIDRs of a family the network has,
    after its first subnet; Neutron takes several subnets per network and family).
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        name: str,
        ipv4: Ipv4Subnet | None = None,
        ipv6: Ipv6Subnet | None = None,
        router: NewRouter | ExistingRouter | None = NewRouter(),
        more_subnets: Sequence[Ipv4Subnet | Ipv6Subnet] = (),
        key: str | None = None,
        mtu: int | None = None,
        port_security_enabled: bool | None = None,
        tags: Sequence[str] = (),
    ) -> None:
        self.key = check_part(key or name, f"network {name}: key")
        plan = self._plan(name, ipv4, ipv6, router)  # every check before any resource exists
        more = self._more(name, plan, ipv6, more_subnets, router)
        slots = [("openstack_networking_network_v2", self.key)]
        slots += [("openstack_networking_subnet_v2", subnet_name(self.key, f)) for f in plan.specs]
        slots += [("openstack_networking_subnet_v2", self._nth(f, i)) for f, specs in more.items() for i in range(1, len(specs) + 1)]
        slots += [("openstack_networking_router_interface_v2", self._nth(f, i)) for f, specs in more.items() if f in plan.attached
                  for i in range(1, len(specs) + 1)]
        if ipv6 is not None and ipv6.subnet_pool is not None:
            slots.append(("data.openstack_networking_subnetpool_v2", subnet_name(self.key, "ipv6")))
        if isinstance(router, NewRouter):
            slots.append(("openstack_networking_router_v2", self.key))
        slots += [("openstack_networking_router_interface_v2", subnet_name(self.key, f)) for f in plan.attached]
        claim(scope, f"network {name}", slots)
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        self.name = name
        self.ipv4_props, self.ipv6_props = ipv4, ipv6
        self.router_props = router
        self.subnet_specs: dict[str, SubnetSpec] = plan.specs
        #: family -> every subnet's spec, the first one first
        self.all_subnet_specs: dict[str, list[SubnetSpec]] = {f: [s, *more.get(f, ())] for f, s in plan.specs.items()}
        self.families: tuple[str, ...] = tuple(plan.specs)
        self.routed_families: tuple[str, ...] = plan.attached
        self.ipv6_mode = plan.ipv6_mode
        self._tags = list(tags) or None

        self.network = Resource(self, self.key, OpenstackNetworkingNetworkV2(
            name=name, admin_state_up=True, mtu=mtu, port_security_enabled=port_security_enabled, tags=self._tags,
        ))
        self.network_id = self.network.attr("id")

        self.subnets: dict[str, Resource] = {}
        self.subnet_pool: DataSource | None = None
        if ipv4 is not None:
            self.subnets["ipv4"] = self._subnet("ipv4", ipv4, plan.specs["ipv4"])
        if ipv6 is not None:
            self.subnets["ipv6"] = self._subnet("ipv6", ipv6, plan.specs["ipv6"])
        #: family -> the subnets after the first (``more_subnets``), in order
        self.more_subnets: dict[str, list[Resource]] = {}
        for props in more_subnets:
            fam = "ipv4" if isinstance(props, Ipv4Subnet) else "ipv6"
            index = len(self.more_subnets.setdefault(fam, [])) + 1
            self.more_subnets[fam].append(self._subnet(fam, props, more[fam][index - 1], index))

        self.router: Resource | None = None
        self.router_id: str | None = None
        if isinstance(router, NewRouter):
            self.router = self._new_router(router)
            self.router_id = self.router.attr("id")
        elif isinstance(router, ExistingRouter):
            self.router_id = router.router_id
        self.interfaces: dict[str, Resource] = {}
        for fam in plan.attached:
            self.interfaces[fam] = Resource(self, subnet_name(self.key, fam), OpenstackNetworkingRouterInterfaceV2(
                router_id=self.router_id, subnet_id=self.subnet_id(fam)))
            for index in range(1, len(self.more_subnets.get(fam, ())) + 1):
                Resource(self, self._nth(fam, index), OpenstackNetworkingRouterInterfaceV2(
                    router_id=self.router_id, subnet_id=self.subnet_id(fam, index)))

    # -- checks ---------------------------------------------------------------------------
    def _plan(self, name: str, ipv4: Ipv4Subnet | None, ipv6: Ipv6Subnet | None, router: object) -> _Plan:
        where = f"network {name}"
        if ipv4 is None and ipv6 is None:
            raise NeutronRuleError(f"{where}: no subnet; give ipv4=Ipv4Subnet(...), ipv6=Ipv6Subnet(...) or both")
        if router is not None and not isinstance(router, (NewRouter, ExistingRouter)):
            raise NeutronRuleError(f"{where}: router {router!r} must be NewRouter(...), ExistingRouter(router_id) or None")
        specs: dict[str, SubnetSpec] = {}
        mode: Ipv6Mode | None = None
        if ipv4 is not None:
            if not isinstance(ipv4, Ipv4Subnet):
                raise NeutronRuleError(f"{where}: ipv4 must be an Ipv4Subnet, got {type(ipv4).__name__}")
            specs["ipv4"] = SubnetSpec(
                label=f'ipv4 subnet "{ipv4.name or name + "-v4"}"', ip_version=4, cidr=ipv4.cidr,
                enable_dhcp=ipv4.enable_dhcp, gateway_ip=ipv4.gateway_ip, no_gateway=ipv4.no_gateway,
                dns_nameservers=tuple(ipv4.dns_nameservers), allocation_pools=tuple(tuple(p) for p in ipv4.allocation_pools),
            )
        if ipv6 is not None:
            if not isinstance(ipv6, Ipv6Subnet):
                raise NeutronRuleError(f"{where}: ipv6 must be an Ipv6Subnet, got {type(ipv6).__name__}")
            label = f'ipv6 subnet "{ipv6.name or name + "-v6"}"'
            mode = Ipv6Mode.parse(ipv6.mode, f"{label}: mode") if ipv6.mode is not None else None
            if ipv6.subnet_pool is not None and ipv6.cidr is not None:
                raise NeutronRuleError(f"{label}: cidr {ipv6.cidr} and subnet_pool given together; take the prefix from one of them")
            if ipv6.subnet_pool is not None and not isinstance(ipv6.subnet_pool, (NamedSubnetPool, DefaultSubnetPool)):
                raise NeutronRuleError(f"{label}: subnet_pool must be NamedSubnetPool(...) or DefaultSubnetPool(), got {ipv6.subnet_pool!r}")
            specs["ipv6"] = SubnetSpec(
                label=label, ip_version=6, cidr=ipv6.cidr, prefix_length=ipv6.prefix_length,
                subnetpool=ipv6.subnet_pool is not None, enable_dhcp=ipv6.enable_dhcp,
                ipv6_ra_mode=mode.ra_mode if mode else None, ipv6_address_mode=mode.address_mode if mode else None,
                gateway_ip=ipv6.gateway_ip, no_gateway=ipv6.no_gateway, dns_nameservers=tuple(ipv6.dns_nameservers),
                allocation_pools=tuple(tuple(p) for p in ipv6.allocation_pools),
            )
        for spec in specs.values():
            check_subnet(spec)
        attached: list[str] = []
        if router is not None:
            for fam, spec in specs.items():
                if fam == "ipv6" and mode is Ipv6Mode.SLAAC_EXTERNAL_ROUTER:
                    continue  # an external router advertises this prefix: no Neutron interface
                check_router_interface(spec)
                # attached by subnet, each subnet gets a port of its own
                check_router_port(f"{where}: router port for {spec.label}", [spec])
                attached.append(fam)
        if isinstance(router, NewRouter) and router.external_gateway is not None:
            gw = router.external_gateway
            check_external_fixed_ips(f"{where}: router external gateway", [(f, a) for f, _, a in gw.fixed_ips()])
        return _Plan(specs=specs, attached=tuple(attached), ipv6_mode=mode)

    def _more(self, name: str, plan: _Plan, ipv6: Ipv6Subnet | None, more: Sequence[Ipv4Subnet | Ipv6Subnet], router: object) -> dict[str, list[SubnetSpec]]:
        """The specs of the subnets a network grows by, checked like the first ones."""
        out: dict[str, list[SubnetSpec]] = {}
        for i, props in enumerate(more):
            where = f"network {name}: more_subnets[{i}]"
            if not isinstance(props, (Ipv4Subnet, Ipv6Subnet)):
                raise NeutronRuleError(f"{where}: must be an Ipv4Subnet or Ipv6Subnet, got {type(props).__name__}")
            fam = "ipv4" if isinstance(props, Ipv4Subnet) else "ipv6"
            if fam not in plan.specs:
                raise NeutronRuleError(f"{where}: the network has no {fam} subnet to add to; give ipv4=/ipv6= first")
            if props.cidr is None or getattr(props, "subnet_pool", None) is not None:
                raise NeutronRuleError(f"{where}: a further subnet needs a concrete cidr")
            first = plan.specs[fam]
            mode = plan.ipv6_mode if fam == "ipv6" else None
            if fam == "ipv6" and props.mode is not None and Ipv6Mode.parse(props.mode, f"{where}: mode") is not mode:
                raise NeutronRuleError(f"{where}: mode {props.mode} differs from the network's first IPv6 subnet ({mode.value if mode else None})")
            label = f'{fam} subnet "{props.name or f"{name}-{SUFFIX[fam]}-{len(out.get(fam, ())) + 2}"}"'
            spec = SubnetSpec(
                label=label, ip_version=VERSION[fam], cidr=props.cidr, enable_dhcp=props.enable_dhcp, gateway_ip=props.gateway_ip,
                no_gateway=props.no_gateway, dns_nameservers=tuple(props.dns_nameservers),
                allocation_pools=tuple(tuple(p) for p in props.allocation_pools),
                ipv6_ra_mode=first.ipv6_ra_mode, ipv6_address_mode=first.ipv6_address_mode,
            )
            check_subnet(spec)
            for other in out.get(fam, []) + [first]:
                if other.cidr and _overlap(other.cidr, spec.cidr):
                    raise NeutronRuleError(f"{where}: {spec.cidr} overlaps {other.cidr} of the same network (Neutron: overlapping subnets)")
            if router is not None and fam in plan.attached:
                check_router_interface(spec)
            out.setdefault(fam, []).append(spec)
        return out

    def _nth(self, family: str, index: int) -> str:
        """The resource name of a family's subnet number ``index`` (0: the first)."""
        return subnet_name(self.key, family) + (f"_{index + 1}" if index else "")

    # -- resources ------------------------------------------------------------------------
    def _subnet(self, fam: str, props: Ipv4Subnet | Ipv6Subnet, spec: SubnetSpec, index: int = 0) -> Resource:
        subnetpool_id = None
        if isinstance(props, Ipv6Subnet) and props.subnet_pool is not None:
            pool = props.subnet_pool
            lookup = dict(ip_version=6, address_scope_id=pool.address_scope_id)
            if isinstance(pool, NamedSubnetPool):
                lookup["name"] = pool.name
            else:
                lookup["is_default"] = True
            self.subnet_pool = DataSource(self, subnet_name(self.key, "ipv6"), DataOpenstackNetworkingSubnetpoolV2(**lookup))
            subnetpool_id = self.subnet_pool.attr("id")
        return Resource(self, self._nth(fam, index), OpenstackNetworkingSubnetV2(
            network_id=self.network_id,
            name=props.name or f"{self.name}-{SUFFIX[fam]}" + (f"-{index + 1}" if index else ""),
            ip_version=VERSION[fam],
            cidr=spec.cidr,
            subnetpool_id=subnetpool_id,
            prefix_length=spec.prefix_length if spec.subnetpool else None,
            enable_dhcp=spec.enable_dhcp,
            ipv6_ra_mode=spec.ipv6_ra_mode,
            ipv6_address_mode=spec.ipv6_address_mode,
            gateway_ip=spec.gateway_ip,
            no_gateway=True if spec.no_gateway else None,
            dns_nameservers=list(spec.dns_nameservers) or None,
            allocation_pool=[OpenstackNetworkingSubnetV2AllocationPool(start=s, end=e) for s, e in spec.allocation_pools] or None,
            tags=self._tags,
        ))

    def _new_router(self, props: NewRouter) -> Resource:
        gw = props.external_gateway
        kwargs: dict = {}
        if gw is not None:
            kwargs["external_network_id"] = gw.network_id
            kwargs["enable_snat"] = gw.enable_snat
            fixed = [OpenstackNetworkingRouterV2ExternalFixedIp(subnet_id=s, ip_address=a) for _, s, a in gw.fixed_ips()]
            if fixed:
                kwargs["external_fixed_ip"] = fixed
        return Resource(self, self.key, OpenstackNetworkingRouterV2(
            name=props.name or self.name, admin_state_up=True, distributed=props.distributed,
            description=props.description, tags=self._tags, **kwargs,
        ))

    # -- lookups --------------------------------------------------------------------------
    def subnet_id(self, family: str, index: int = 0) -> str:
        """``${openstack_networking_subnet_v2.<key>_v4.id}`` (``index`` > 0: a further subnet, ``..._v4_2``)."""
        self._family(family)
        if not 0 <= index < len(self.all_subnet_specs[family]):
            raise NeutronRuleError(f"network {self.name}: no {family} subnet number {index + 1} (it has {len(self.all_subnet_specs[family])})")
        return interp(ref("openstack_networking_subnet_v2", self._nth(family, index), "id"))

    def subnet_spec(self, family: str, index: int = 0) -> SubnetSpec:
        self.subnet_id(family, index)  # the checks and their messages
        return self.all_subnet_specs[family][index]

    def subnet_addresses(self, family: str) -> list[str]:
        """Every subnet of ``family`` as a resource address (what a port waits for)."""
        self._family(family)
        return [f"openstack_networking_subnet_v2.{self._nth(family, i)}" for i in range(len(self.all_subnet_specs[family]))]

    def cidr_expression(self, family: str) -> str:
        """Bare HCL for the subnet's CIDR (the allocator's relative root when Neutron picks it)."""
        return subnet_cidr_expression(self.key, self._family(family))

    def cidr(self, family: str) -> str:
        """The subnet's CIDR for a string attribute: concrete text, or ``${...cidr}`` from a pool."""
        spec = self.subnet_specs[self._family(family)]
        return spec.cidr if spec.cidr is not None else "${" + self.cidr_expression(family) + "}"

    def _family(self, family: str) -> str:
        if family not in self.subnet_specs:
            raise NeutronRuleError(f"network {self.name}: no {family} subnet (it has {', '.join(self.families) or 'none'})")
        return family

    # -- routes ---------------------------------------------------------------------------
    def _check_route(self, label: str, destination: str, next_hop: str, family: str | None) -> str:
        """The route's family, after Neutron's checks (one line, before any resource)."""
        if self.router_id is None:
            raise NeutronRuleError(f"{label}: the network has no router; give router=NewRouter() or ExistingRouter(id)")
        version = family_of(destination) or family_of(next_hop) or (VERSION.get(family) if family else None)
        if version is None:
            raise NeutronRuleError(f"{label}: destination and next_hop are both expressions; say family='ipv4' or 'ipv6'")
        fam = "ipv4" if version == 4 else "ipv6"
        if family is not None and family != fam:
            raise NeutronRuleError(f"{label}: family {family!r} does not match destination {destination} / next_hop {next_hop}")
        if fam not in self.routed_families:
            raise NeutronRuleError(f"{label}: no {fam} subnet of this network is attached to the router, so the next hop is unreachable; attach one")
        check_route(label, destination, next_hop, [s for f in self.routed_families for s in self.all_subnet_specs[f]])
        return fam

    def route(
        self,
        key: str,
        destination: str,
        next_hop: str,
        *,
        family: str | None = None,
        depends_on: Sequence[str] = (),
        claim_name: bool = True,
    ) -> Resource:
        """A router static route ``destination`` -> ``next_hop`` (no NAT, no tunnel).

        Resource name: ``<network key>_<key>``. The next hop must sit on a subnet attached to
        this router; the route waits for that interface. ``family`` is needed only when both
        values are Terraform expressions. ``depends_on``: resource addresses.
        """
        check_part(key, f"network {self.name}: route key")
        label = f"network {self.name}: route {key}"
        fam = self._check_route(label, destination, next_hop, family)
        if claim_name:
            claim(self, label, [("openstack_networking_router_route_v2", tf_name(self.key, key))])
        return Resource(self, tf_name(self.key, key), OpenstackNetworkingRouterRouteV2(
            router_id=self.router_id, destination_cidr=destination, next_hop=next_hop,
        ), depends_on=[self.interfaces[fam].address, *depends_on])

    def routes(
        self,
        key: str,
        members: Mapping[str, tuple[str, str]],
        *,
        family: str | None = None,
        depends_on: Sequence[str] = (),
        claim_name: bool = True,
        next_hops_are_fixed_ips: bool = False,
    ) -> Resource | None:
        """Routes of one kind for many members: ``member -> (destination, next_hop)``, one ``for_each``
        resource ``<network key>_<key>`` keyed by member (``...route_v2.<net>_<key>["<member>"]``).

        Each route gets the checks ``route`` makes; all of one family. None when ``members`` is empty.
        ``next_hops_are_fixed_ips``: every next hop is a fixed IP a port on this network already
        passed ``check_fixed_ip`` with (inside an attached subnet of the route's family, not the
        gateway) and every destination passed ``canonical_cidr`` (``DualStackPorts`` says so): what
        ``check_route`` adds per route is then implied, so only the first route is checked in full.
        """
        check_part(key, f"network {self.name}: route key")
        if not members:
            return None
        fams = set()
        for i, (member, (destination, next_hop)) in enumerate(members.items()):
            check_part(member, f"network {self.name}: route {key}: member")
            if next_hops_are_fixed_ips and i > 0:
                continue
            fams.add(self._check_route(f"network {self.name}: route {key}[{member}]", destination, next_hop, family))
        if len(fams) != 1:
            raise NeutronRuleError(f"network {self.name}: route {key}: mixes IPv4 and IPv6 routes; give each family its own key")
        fam = fams.pop()
        if claim_name:
            claim(self, f"network {self.name}: route {key}", [("openstack_networking_router_route_v2", tf_name(self.key, key))])
        entries = {m: {"destination_cidr": d, "next_hop": h} for m, (d, h) in members.items()}
        return Resource(self, tf_name(self.key, key), OpenstackNetworkingRouterRouteV2(
            router_id=self.router_id, destination_cidr="${each.value.destination_cidr}", next_hop="${each.value.next_hop}",
        ), for_each=entries, depends_on=[self.interfaces[fam].address, *depends_on])


def _overlap(a: str, b: str) -> bool:
    import ipaddress

    return ipaddress.ip_network(a).overlaps(ipaddress.ip_network(b))


__all__ = [
    "DualStackNetwork", "ExistingRouter", "ExternalGateway", "Ipv4Subnet", "Ipv6Subnet", "NewRouter",
]
