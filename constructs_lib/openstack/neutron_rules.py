"""Neutron's rules for subnets, router interfaces, routes, ports and floating IPs, in pure Python.

No OpenStack provider binary runs here, so whatever Neutron would refuse at apply time has to
be refused before anything is synthesized. Each check names the field and the value and says
what to set instead, in one line. Where a rule comes from Neutron's source it says where
(openstack/neutron, master):

- ``db/db_base_plugin_v2.py``: ``_validate_subnet``, ``_validate_ipv6_attributes``,
  ``_validate_ipv6_combination``, ``_validate_ipv6_dhcp``, ``_validate_eui64_applicable``;
  ``_create_subnet_precommit`` normalizes the CIDR to ``network/prefixlen``.
- ``db/ipam_backend_mixin.py``: ``validate_allocation_pools``, ``validate_gw_out_of_pools``;
  ``ipam/utils.py``: ``check_subnet_ip``, ``check_gateway_invalid_in_subnet``.
- ``db/ipam_*_backend.py``: an explicit address on a SLAAC / DHCPv6-stateless subnet is refused
  ("can not be directly assigned ... configured for automatic addresses").
- ``db/l3_db.py``: ``_add_interface_by_subnet`` (gateway IP required; address mode without RA
  mode refused), ``_validate_router_port_info`` (one IPv4 subnet per router port),
  ``create_floatingip`` ("does not contain any IPv4 subnet"; association needs a fixed IPv4).
- ``db/extraroute_db.py``: ``_validate_routes_nexthop`` (next hop on a router subnet, not the
  router's own address).

``tests/neutron`` sends a case of every rule to a real Neutron (29.0.0): where these rules
refuse, Neutron refuses too, except where they are stricter on purpose, each said where it is:
non-canonical text that Neutron rewrites (Terraform then shows drift on every plan), values a
subnet pool only fixes at apply time, a port on the IPv6 subnet-router anycast address, a route
whose next hop is of the other family, and one external address per family.

Values that are Terraform expressions (``${...}``, e.g. ``cidrhost()`` inside a subnet-pool
prefix) are only known at apply time: the checks that need the value skip them, the checks
that need only the prefix length still run.
"""

from __future__ import annotations

import enum
import ipaddress
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from constructs_lib.errors import DualstackError
from constructs_lib.ipam.errors import InvalidPrefix
from constructs_lib.ipam.prefix import Prefix


class NeutronRuleError(DualstackError, ValueError):
    """A value Neutron (or the provider) would refuse. ``str(err)`` is one line."""


def is_expression(value: object) -> bool:
    """A Terraform expression rendered into a string attribute: resolved only at apply time."""
    return isinstance(value, str) and "${" in value


# -- IPv6 address modes ------------------------------------------------------------------


class Ipv6Mode(enum.Enum):
    """How hosts on an IPv6 subnet get their addresses (``ipv6_ra_mode`` / ``ipv6_address_mode``).

    ``DHCPV6_STATEFUL`` (the default, as in the yaook seed): Neutron's router advertises, the DHCP
    agent hands out addresses from the allocation pool; any prefix up to /126; fixed IPs allowed.
    ``DHCPV6_STATELESS`` / ``SLAAC``: hosts build EUI-64 addresses, so the prefix must be a /64 and
    ports cannot pin an address. ``SLAAC_EXTERNAL_ROUTER``: a router outside Neutron advertises
    the prefix: address mode only, no RA mode, and the subnet cannot get a Neutron router interface.
    """

    DHCPV6_STATEFUL = "dhcpv6-stateful"
    DHCPV6_STATELESS = "dhcpv6-stateless"
    SLAAC = "slaac"
    SLAAC_EXTERNAL_ROUTER = "slaac-external-router"

    @property
    def ra_mode(self) -> str | None:
        return None if self is Ipv6Mode.SLAAC_EXTERNAL_ROUTER else self.value

    @property
    def address_mode(self) -> str:
        return "slaac" if self is Ipv6Mode.SLAAC_EXTERNAL_ROUTER else self.value

    @property
    def router_interface(self) -> bool:
        """Whether a Neutron router may serve this subnet (l3_db refuses address mode without RA mode)."""
        return self.ra_mode is not None

    @property
    def automatic_addresses(self) -> bool:
        """EUI-64 addressing: /64 only, no explicit fixed IPs (neutron ``is_auto_address_subnet``)."""
        return self.address_mode in (SLAAC, DHCPV6_STATELESS)

    @classmethod
    def parse(cls, value: "Ipv6Mode | str", field_name: str = "ipv6_mode") -> "Ipv6Mode":
        if isinstance(value, Ipv6Mode):
            return value
        for mode in cls:
            if value in (mode.value, mode.name):
                return mode
        choices = ", ".join(m.value for m in cls)
        raise NeutronRuleError(f"{field_name}: {value!r} is not an IPv6 mode; use one of {choices}")


SLAAC = "slaac"
DHCPV6_STATEFUL = "dhcpv6-stateful"
DHCPV6_STATELESS = "dhcpv6-stateless"
#: the values Neutron accepts for ipv6_ra_mode / ipv6_address_mode (neutron_lib constants)
NEUTRON_IPV6_MODES = (SLAAC, DHCPV6_STATEFUL, DHCPV6_STATELESS)


def is_auto_address(ra_mode: str | None, address_mode: str | None) -> bool:
    """neutron.common.ipv6_utils.is_auto_address_subnet: the address mode decides, else the RA mode."""
    modes = (SLAAC, DHCPV6_STATELESS)
    return address_mode in modes or (address_mode is None and ra_mode in modes)


# -- text: canonical CIDRs and addresses -------------------------------------------------


def canonical_cidr(text: str, field_name: str, version: int | None = None) -> str:
    """Return ``text`` if it is canonical CIDR text of the wanted family, else refuse it.

    Neutron stores ``network/prefixlen`` (lowercase, compressed), so ``FD00::/64`` or
    ``10.0.0.1/24`` come back different from the configuration and the provider fails or
    plans a replacement on every run. The allocator's parser is the one definition of canonical.
    """
    try:
        prefix = Prefix.parse(text, field_name)
    except InvalidPrefix as e:
        raise NeutronRuleError(str(e)) from None
    if version is not None and prefix.version != version:
        raise NeutronRuleError(f"{field_name}: {text!r} is IPv{prefix.version}, this field takes IPv{version}")
    return prefix.text


def canonical_address(text: str, field_name: str, version: int | None = None) -> str:
    """Return ``text`` if it is a canonical address of the wanted family, else refuse it."""
    try:
        ip = ipaddress.ip_address(text)
    except (ValueError, TypeError):
        raise NeutronRuleError(f"{field_name}: {text!r} is not an IP address") from None
    if str(ip) != text:
        raise NeutronRuleError(f"{field_name}: {text!r} is not canonical address text; write {ip}")
    if version is not None and ip.version != version:
        raise NeutronRuleError(f"{field_name}: {text!r} is IPv{ip.version}, this field takes IPv{version}")
    return text


def family_of(text: str) -> int | None:
    """4 or 6 for a concrete address or CIDR; None for an expression (decided by its field)."""
    if is_expression(text):
        return None
    try:
        return ipaddress.ip_network(text, strict=False).version
    except ValueError:
        return None


# -- subnets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SubnetSpec:
    """What a subnet asks Neutron for. ``label`` names it in messages (``ipv6 subnet "k8s-v6"``).

    Exactly one of ``cidr`` (concrete) and ``prefix_length`` (with ``subnetpool``: Neutron carves
    the prefix) is set. ``gateway_ip`` None means Neutron's default (``default_gateway``): the
    first address for IPv4, the subnet-router anycast address (the network address) for IPv6.
    """

    label: str
    ip_version: int
    cidr: str | None = None
    prefix_length: int | None = None
    subnetpool: bool = False
    enable_dhcp: bool = True
    ipv6_ra_mode: str | None = None
    ipv6_address_mode: str | None = None
    gateway_ip: str | None = None
    no_gateway: bool = False
    dns_nameservers: tuple[str, ...] = ()
    allocation_pools: tuple[tuple[str, str], ...] = field(default=())

    @property
    def length(self) -> int | None:
        if self.cidr is not None:
            return ipaddress.ip_network(self.cidr).prefixlen
        return self.prefix_length

    @property
    def automatic_addresses(self) -> bool:
        return self.ip_version == 6 and is_auto_address(self.ipv6_ra_mode, self.ipv6_address_mode)

    @property
    def has_gateway(self) -> bool:
        return not self.no_gateway


def check_subnet(spec: SubnetSpec) -> None:
    """Every rule Neutron applies when the subnet is created (``_validate_subnet`` and friends)."""
    where = spec.label
    v = spec.ip_version
    if v not in (4, 6):
        raise NeutronRuleError(f"{where}: ip_version {v!r} must be 4 or 6")

    # cidr xor subnet pool (_create_subnet_precommit: "cidr and prefixlen must not be supplied together")
    if spec.cidr is not None and spec.prefix_length is not None:
        raise NeutronRuleError(f"{where}: cidr {spec.cidr} and prefix_length {spec.prefix_length} given together; Neutron takes one: a cidr, or a subnet pool with prefix_length")
    if spec.cidr is None:
        if not spec.subnetpool:
            raise NeutronRuleError(f"{where}: no cidr; give a cidr, or a subnet pool with prefix_length")
        if spec.prefix_length is None:
            raise NeutronRuleError(f"{where}: a subnet from a subnet pool needs prefix_length (e.g. 64)")
        maxbits = 32 if v == 4 else 128
        if not isinstance(spec.prefix_length, int) or not 0 < spec.prefix_length <= maxbits:
            raise NeutronRuleError(f"{where}: prefix_length {spec.prefix_length!r} is not an IPv{v} prefix length")
    else:
        canonical_cidr(spec.cidr, f"{where}: cidr", v)

    length = spec.length
    # modes: IPv6 only (_validate_subnet: "ipv6_ra_mode is not valid when ip_version is 4")
    if v == 4:
        for name, value in (("ipv6_ra_mode", spec.ipv6_ra_mode), ("ipv6_address_mode", spec.ipv6_address_mode)):
            if value is not None:
                raise NeutronRuleError(f"{where}: {name} {value!r} is not valid when ip_version is 4; leave it unset or use ip_version 6")
    else:
        for name, value in (("ipv6_ra_mode", spec.ipv6_ra_mode), ("ipv6_address_mode", spec.ipv6_address_mode)):
            if value is not None and value not in NEUTRON_IPV6_MODES:
                raise NeutronRuleError(f"{where}: {name} {value!r} is not one of {', '.join(NEUTRON_IPV6_MODES)}")
        modes_set = spec.ipv6_ra_mode is not None or spec.ipv6_address_mode is not None
        # _validate_ipv6_dhcp
        if modes_set and not spec.enable_dhcp:
            raise NeutronRuleError(f"{where}: ipv6_ra_mode/ipv6_address_mode cannot be set when enable_dhcp is false; set enable_dhcp = true or drop the modes")
        # _validate_ipv6_combination
        if spec.ipv6_ra_mode is not None and spec.ipv6_address_mode is not None and spec.ipv6_ra_mode != spec.ipv6_address_mode:
            raise NeutronRuleError(
                f"{where}: ipv6_ra_mode {spec.ipv6_ra_mode!r} and ipv6_address_mode {spec.ipv6_address_mode!r} differ; "
                f"when both are set Neutron requires the same value (set both to {spec.ipv6_address_mode!r})"
            )
        # _validate_eui64_applicable: EUI-64 interface ids need a /64
        if modes_set and spec.automatic_addresses and length is not None and length != 64:
            mode = spec.ipv6_address_mode or spec.ipv6_ra_mode
            raise NeutronRuleError(f"{where}: {mode} builds EUI-64 addresses and needs a /64, not /{length}; use a /64 or dhcpv6-stateful")

    # DHCP needs room (_validate_subnet: v4 up to /30, v6 up to /126)
    if spec.enable_dhcp and length is not None:
        limit = 30 if v == 4 else 126
        if length > limit:
            raise NeutronRuleError(f"{where}: /{length} is too small with DHCP enabled; Neutron accepts up to /{limit} (dhcpv6-stateful included); use a shorter prefix or enable_dhcp = false")

    # gateway (_validate_subnet, ipam.utils.check_gateway_invalid_in_subnet)
    if spec.no_gateway and spec.gateway_ip is not None:
        raise NeutronRuleError(f"{where}: gateway_ip {spec.gateway_ip} and no_gateway given together; keep one")
    if spec.gateway_ip is not None:
        # stricter on purpose: Neutron takes a fixed gateway that falls inside the prefix the pool hands
        # out, but which prefix that is is known only at apply time
        if spec.subnetpool and not is_expression(spec.gateway_ip):
            raise NeutronRuleError(f"{where}: gateway_ip {spec.gateway_ip} is fixed but the prefix comes from a subnet pool; leave gateway_ip unset (Neutron takes the first address)")
        if not is_expression(spec.gateway_ip):
            canonical_address(spec.gateway_ip, f"{where}: gateway_ip", v)  # Neutron rewrites it: drift
            if spec.cidr is not None:
                _check_gateway(spec.gateway_ip, spec.cidr, f"{where}: gateway_ip")
    elif not spec.no_gateway and spec.cidr is not None and v == 4:
        # Neutron's default gateway is checked like a given one: on a /31 it is the broadcast address
        default = default_gateway(spec)
        assert default is not None
        _check_gateway(default, spec.cidr, f"{where}: gateway_ip (Neutron's default)", hint="set no_gateway = true or a gateway_ip")

    # DNS name servers match the family (_validate_subnet: "dns_nameserver ... does not match the ip_version")
    # any address text: Neutron stores it as given (no drift), so only validity, duplicates and family count
    for i, server in enumerate(spec.dns_nameservers):
        _address(server, f"{where}: dns_nameservers[{i}]")
        if server in spec.dns_nameservers[:i]:
            raise NeutronRuleError(f"{where}: dns_nameservers[{i}] {server} is listed twice (Neutron: 'Duplicate nameserver'); give each server once")
        if family_of(server) != v:
            raise NeutronRuleError(f"{where}: dns_nameservers[{i}] {server} is IPv{family_of(server)}; an IPv{v} subnet takes IPv{v} name servers (put it on the other family's subnet)")

    # allocation pools (ipam_backend_mixin.validate_allocation_pools / validate_gw_out_of_pools)
    check_allocation_pools(spec)


def default_gateway(spec: SubnetSpec) -> str | None:
    """The gateway Neutron gives a subnet: ``gateway_ip``; none with ``no_gateway``; else its default.

    ``ipam_backend_mixin._gateway_ip_str``: the first address for IPv4, the network address (the
    subnet-router anycast address) for IPv6. None also when the prefix is not known yet (subnet pool).
    """
    if spec.no_gateway:
        return None
    if spec.gateway_ip is not None:
        return spec.gateway_ip
    if spec.cidr is None:
        return None
    net = ipaddress.ip_network(spec.cidr)
    return str(net.network_address if net.version == 6 else net.network_address + 1)


def _address(text: str, field_name: str) -> str:
    """Any valid address text (for fields Neutron stores as given)."""
    try:
        ipaddress.ip_address(text)
    except (ValueError, TypeError):
        raise NeutronRuleError(f"{field_name}: {text!r} is not an IP address") from None
    return text


def _check_gateway(address: str, cidr: str, field_name: str, hint: str | None = None) -> None:
    """ipam.utils.check_gateway_invalid_in_subnet: inside the subnet, not its IPv4 network/broadcast.

    (Neutron lets a gateway lie outside the subnet; a router interface then fails, see
    ``check_router_interface``.)
    """
    ip, net = ipaddress.ip_address(address), ipaddress.ip_network(cidr)
    # no exception for /31 and /32: Neutron refuses either end of those as well
    if ip in net and net.version == 4 and ip in (net.network_address, net.broadcast_address):
        which = "network" if ip == net.network_address else "broadcast"
        fix = hint or (f"use {net.network_address + 1}" if net.prefixlen < 31 else "set no_gateway = true")
        raise NeutronRuleError(f"{field_name}: {address} is the {which} address of {cidr} (Neutron: 'Gateway is not valid on subnet'); {fix}")


def _check_port_address(address: str, cidr: str, field_name: str) -> None:
    """ipam.utils.check_subnet_ip for a non-router port: inside, not the IPv4 network address (a /31's
    and a /32's too: Neutron has no RFC 3021 exception), nor an IPv4 broadcast address (none on a /31)."""
    ip, net = ipaddress.ip_address(address), ipaddress.ip_network(cidr)
    if ip not in net:
        raise NeutronRuleError(f"{field_name}: {address} is outside {cidr} (Neutron: InvalidIpForSubnet); pick an address inside {cidr}")
    if net.version == 4:
        if ip == net.network_address:
            raise NeutronRuleError(f"{field_name}: {address} is the network address of {cidr} (Neutron: InvalidIpForSubnet); use another host address")
        if net.prefixlen < 31 and ip == net.broadcast_address:
            raise NeutronRuleError(f"{field_name}: {address} is the broadcast address of {cidr} (Neutron: InvalidIpForSubnet); use another host address")
    elif net.prefixlen < 127 and ip == net.network_address:
        # stricter on purpose: Neutron lets a plain port take it, but it is the subnet-router anycast
        # address (RFC 4291 2.6.1), Neutron's default IPv6 gateway, which the router interface needs
        raise NeutronRuleError(f"{field_name}: {address} is the network address of {cidr}, its subnet-router anycast address (RFC 4291), which belongs to the router; use another host address")


def check_allocation_pools(spec: SubnetSpec) -> None:
    where = spec.label
    if not spec.allocation_pools:
        return
    if spec.subnetpool:
        raise NeutronRuleError(
            f"{where}: allocation_pools cannot be given for a prefix that comes from a subnet pool "
            "(the subnet would reference its own cidr); leave them unset"
        )
    net = ipaddress.ip_network(spec.cidr)
    first = int(net.network_address) + 1
    last = int(net.broadcast_address) - (1 if net.version == 4 else 0)  # IPv6 has no broadcast
    ranges: list[tuple[int, int, str]] = []
    for i, (start, end) in enumerate(spec.allocation_pools):
        f = f"{where}: allocation_pools[{i}]"
        canonical_address(start, f"{f}.start", spec.ip_version)
        canonical_address(end, f"{f}.end", spec.ip_version)
        s, e = int(ipaddress.ip_address(start)), int(ipaddress.ip_address(end))
        if e < s:
            raise NeutronRuleError(f"{f}: start {start} is after end {end}; swap them")
        if s < first or e > last:
            raise NeutronRuleError(
                f"{f}: {start}-{end} is not inside the usable part of {spec.cidr} "
                f"({ipaddress.ip_address(first)}-{ipaddress.ip_address(last)})"
            )
        for s2, e2, other in ranges:
            if s <= e2 and s2 <= e:
                raise NeutronRuleError(f"{f}: {start}-{end} overlaps {other}; pools must not overlap")
        ranges.append((s, e, f"{start}-{end}"))
    gw = default_gateway(spec)
    if gw is not None and not is_expression(gw):
        g = int(ipaddress.ip_address(gw))
        for s, e, text in ranges:
            if s <= g <= e:
                raise NeutronRuleError(f"{where}: gateway {gw} lies in allocation pool {text}; Neutron refuses it (GatewayConflictWithAllocationPools): start the pool after the gateway")


# -- router interfaces, router ports, routes ----------------------------------------------


def check_router_interface(spec: SubnetSpec) -> None:
    """l3_db._add_interface_by_subnet."""
    if spec.no_gateway:
        raise NeutronRuleError(f"{spec.label}: a router interface needs the subnet's gateway IP, but no_gateway is set; drop no_gateway or do not attach it to the router")
    gw = spec.gateway_ip
    if gw is not None and spec.cidr is not None and not is_expression(gw) and ipaddress.ip_address(gw) not in ipaddress.ip_network(spec.cidr):
        # the router port takes the gateway IP as its fixed IP, which must lie in the subnet
        raise NeutronRuleError(f"{spec.label}: gateway_ip {gw} is outside {spec.cidr}, so the router interface cannot take it; use an address inside {spec.cidr}")
    if spec.ip_version == 6 and spec.ipv6_ra_mode is None and spec.ipv6_address_mode is not None:
        raise NeutronRuleError(
            f"{spec.label}: ipv6_address_mode {spec.ipv6_address_mode!r} without ipv6_ra_mode means RAs come from an external router; "
            "Neutron refuses to attach it to a router: set ipv6_ra_mode too, or do not attach it"
        )


def check_router_port(label: str, subnets: Sequence[SubnetSpec]) -> None:
    """l3_db._validate_router_port_info: "Cannot have multiple IPv4 subnets on router port"."""
    v4 = [s.label for s in subnets if s.ip_version == 4]
    if len(v4) > 1:
        raise NeutronRuleError(f"{label}: IPv4 subnets {', '.join(v4)} on one router port; Neutron allows one IPv4 subnet per router port: attach each by subnet")


def check_route(
    label: str,
    destination: str,
    next_hop: str,
    router_subnets: Iterable[SubnetSpec],
) -> None:
    """A router static route (extraroute_db._validate_routes_nexthop), before it is written."""
    if not is_expression(destination):
        _route_destination(destination, f"{label}: destination_cidr")
    subnets = list(router_subnets)
    dest_v = family_of(destination)
    if not is_expression(next_hop):
        canonical_address(next_hop, f"{label}: next_hop")
        hop_v = family_of(next_hop)
        if dest_v is not None and dest_v != hop_v:
            raise NeutronRuleError(f"{label}: destination {destination} is IPv{dest_v} but next_hop {next_hop} is IPv{hop_v}; use a next hop of the same family")
        concrete = [s for s in subnets if s.cidr is not None and s.ip_version == hop_v]
        if concrete and not any(ipaddress.ip_address(next_hop) in ipaddress.ip_network(s.cidr) for s in concrete):
            cidrs = ", ".join(s.cidr for s in concrete)
            raise NeutronRuleError(f"{label}: next_hop {next_hop} is not on a subnet attached to the router ({cidrs}); Neutron: 'the nexthop is not connected with router'")
        for s in concrete:
            gw = default_gateway(s)
            if gw is not None and gw == next_hop:
                raise NeutronRuleError(f"{label}: next_hop {next_hop} is the router's own address on {s.label}; Neutron: 'the nexthop is used by router'")
    families = {s.ip_version for s in subnets}
    want = dest_v or family_of(next_hop)
    if want is not None and want not in families:
        raise NeutronRuleError(f"{label}: the router has no IPv{want} subnet attached, so an IPv{want} route has no next hop; attach an IPv{want} subnet first")


# -- ports and floating IPs --------------------------------------------------------------


def check_fixed_ip(spec: SubnetSpec, address: str | None, field_name: str) -> None:
    """An address pinned on a port (ipam check_subnet_ip; automatic-address subnets refuse pins)."""
    if address is None:
        return
    if spec.automatic_addresses:
        raise NeutronRuleError(
            f"{field_name}: {address} cannot be pinned on {spec.label}: its IPv6 mode gives automatic (EUI-64) addresses; "
            "leave the address unset and read it back from the port, or use dhcpv6-stateful"
        )
    if is_expression(address):
        return
    canonical_address(address, field_name, spec.ip_version)
    if spec.cidr is not None:
        _check_port_address(address, spec.cidr, field_name)
        # stricter than Neutron alone on purpose: a plain port may take the gateway while no router
        # interface exists, but the interface added afterwards is then refused (IpAddressAlreadyAllocated)
        gateway = default_gateway(spec)
        if address == gateway:
            raise NeutronRuleError(f"{field_name}: {address} is the gateway of {spec.label} (the router port holds it: IpAddressAlreadyAllocated); pick another address")


def check_allowed_address(text: str, field_name: str) -> None:
    """allowed_address_pairs.ip_address: an address or a CIDR.

    Any spelling: Neutron stores the text as given (host bits and upper case included) and the
    provider reads it back unchanged, so nothing drifts; only what is not an address is refused.
    """
    if is_expression(text):
        return
    try:
        if "/" in text:
            ipaddress.ip_network(text, strict=False)
        else:
            ipaddress.ip_address(text)
    except (ValueError, TypeError):
        raise NeutronRuleError(f"{field_name}: {text!r} is not an IP address or CIDR (Neutron: 'is not a valid IP address')") from None


def check_floating_ip(label: str, fixed_ip_family: int | str | None) -> None:
    """Floating IPs are IPv4 (l3_db.create_floatingip / _get_assoc_data)."""
    fam = {4: 4, 6: 6, "ipv4": 4, "ipv6": 6}.get(fixed_ip_family)  # type: ignore[arg-type]
    if fam != 4:
        raise NeutronRuleError(
            f"{label}: a floating IP can only map to a fixed IPv4 address, got {fixed_ip_family!r}; "
            "Neutron has no IPv6 floating IPs: reach IPv6 addresses directly (routed) instead"
        )


def check_external_fixed_ips(label: str, fixed_ips: Sequence[tuple[str, str | None] | tuple[str, str | None, str | None]]) -> None:
    """The external_fixed_ip entries of a router gateway: ``(family, address)`` or ``(family, subnet_id, address)``.

    One per family (stricter on purpose: Neutron takes two addresses of one family, but our
    outputs and the upstream firewall read the router's external address by family). Given the
    subnet ids, an address without one is refused: the provider sends ``subnet_id: ""`` (no
    ``omitempty`` in gophercloud's ExternalFixedIP) and Neutron answers "'' is not a valid UUID".
    """
    seen: set[str] = set()
    for i, entry in enumerate(fixed_ips):
        if len(entry) == 3:
            fam, subnet_id, address = entry  # type: ignore[misc]
            if not subnet_id and address is not None:
                raise NeutronRuleError(
                    f"{label}: external_fixed_ip[{i}] gives ip_address {address} without subnet_id; the provider then sends "
                    "subnet_id \"\" and Neutron refuses it ('' is not a valid UUID): name the external subnet too"
                )
        else:
            fam, address = entry  # type: ignore[misc]
        if fam not in ("ipv4", "ipv6"):
            raise NeutronRuleError(f"{label}: external_fixed_ip[{i}] family {fam!r} must be ipv4 or ipv6")
        if fam in seen:
            raise NeutronRuleError(f"{label}: two external_fixed_ip for {fam}; give one per family")
        seen.add(fam)
        if address is not None and not is_expression(address):
            canonical_address(address, f"{label}: external_fixed_ip[{i}].ip_address", 4 if fam == "ipv4" else 6)


#: Neutron's default ``[QUOTAS] quota_router_route`` (formerly ``max_routes``): routes per router
NEUTRON_DEFAULT_ROUTES_PER_ROUTER = 30


def _route_destination(text: str, field_name: str) -> None:
    """A route destination as Neutron's ``validate_route_cidr`` takes it.

    Host bits are refused (Neutron: "is not a valid CIDR"), so is a loopback prefix ("is not a
    routable CIDR"). Upper case is accepted: Neutron stores the destination as given, and the
    provider finds its route by exactly that text.
    """
    try:
        loose = ipaddress.ip_network(text, strict=False)
    except (ValueError, TypeError):
        loose = None
    if loose is None or "/" not in text:
        raise NeutronRuleError(f"{field_name}: {text!r} is not a CIDR (Neutron: 'is not a valid CIDR')")
    try:
        net = ipaddress.ip_network(text)
    except ValueError:
        raise NeutronRuleError(f"{field_name}: {text!r} has host bits set (Neutron: 'is not a valid CIDR'); write {loose}") from None
    if net.is_loopback:
        raise NeutronRuleError(f"{field_name}: {text} is a loopback prefix (Neutron: 'is not a routable CIDR')")


def check_router_routes(label: str, routes: int | Sequence[tuple[str, str]], quota: int = NEUTRON_DEFAULT_ROUTES_PER_ROUTER) -> None:
    """All static routes of one router: at most ``quota`` of them, none twice.

    Neutron counts a router's routes against ``quota_router_route`` (30 by default) and refuses
    the update that passes it (OverQuota). ``routes``: the (destination, next hop) pairs, or their
    number. ``quota``: the cloud's value when an operator raised it; negative = unlimited.
    """
    pairs = list(routes) if not isinstance(routes, int) else []
    count = routes if isinstance(routes, int) else len(pairs)
    seen: set[tuple[str, str]] = set()
    for dest, hop in pairs:
        if (dest, hop) in seen:
            raise NeutronRuleError(f"{label}: route {dest} via {hop} is given twice (Neutron: 'Duplicate hostroute')")
        seen.add((dest, hop))
    if 0 <= quota < count:
        raise NeutronRuleError(
            f"{label}: {count} static routes, but Neutron allows {quota} routes per router by default "
            f"(quota router_route; {NEUTRON_DEFAULT_ROUTES_PER_ROUTER} routes per router unless the operator raised it): "
            "ask for a higher router_route quota and state it, or split the nodes over routers"
        )
