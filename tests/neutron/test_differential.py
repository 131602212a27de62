"""Our Neutron rules against the real Neutron: every rule, case by case, judged by both.

Each case is judged by a ``neutron_rules`` function and sent to Neutron as the provider would
send it. Where we refuse, Neutron refuses; where Neutron refuses, we refused first. The cases
where we are stricter on purpose say so (``why``) and assert exactly that difference:

- ``rewrite``: Neutron accepts and stores other text than it was sent (upper case, host bits,
  leading zeros). Terraform compares the configuration with what it reads back, so the
  resource shows a change on every plan (routes: the provider looks its route up by exact text
  and loses it);
- ``apply-time``: the value depends on a prefix a subnet pool hands out only at apply time;
- ``anycast``: Neutron lets a plain port take an IPv6 subnet's network address, the
  subnet-router anycast address (RFC 4291 2.6.1) and Neutron's default IPv6 gateway;
- ``family``: Neutron's API takes a route whose next hop is of the other family, which no
  router can forward (an IPv6 packet needs an IPv6 next hop on the link);
- ``model``: Neutron takes two external addresses of one family; our outputs read the
  router's external address by family.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable

import pytest

from constructs_lib.openstack import neutron_rules as nr
from constructs_lib.openstack.neutron_rules import NeutronRuleError, SubnetSpec

from .client import Neutron, NeutronApiError


@dataclass
class Lab:
    """A project with a network, a router with IPv4 + IPv6 interfaces, and helpers that clean up."""

    neutron: Neutron
    project: str
    network: str
    scratch: str
    v4: dict
    v6: dict
    v4b: dict
    router: str
    public: str
    public_subnets: dict
    pool: dict

    def create(self, collection: str, key: str, **body) -> dict:
        return self.neutron.post(f"/{collection}", {key: {"project_id": self.project, **body}})[key]

    def subnet(self, **body) -> dict:
        """Create a subnet on the scratch network, return it as stored, delete it again."""
        s = self.create("subnets", "subnet", network_id=self.scratch, **body)
        self.neutron.delete(f"/subnets/{s['id']}")
        return s

    def port(self, network: str | None = None, **body) -> dict:
        p = self.create("ports", "port", network_id=network or self.network, **body)
        self.neutron.delete(f"/ports/{p['id']}")
        return p

    def routes(self, routes: list[dict], router: str | None = None) -> list[dict]:
        rid = router or self.router
        self.neutron.put(f"/routers/{rid}", {"router": {"routes": routes}})
        stored = self.neutron.get(f"/routers/{rid}")["router"]["routes"]
        self.neutron.put(f"/routers/{rid}", {"router": {"routes": []}})
        return stored

    def gateway(self, fixed_ips: list[dict]) -> list[dict]:
        r = self.create("routers", "router", name="gw-case",
                        external_gateway_info={"network_id": self.public, "external_fixed_ips": fixed_ips})
        self.neutron.delete(f"/routers/{r['id']}")
        return r["external_gateway_info"]["external_fixed_ips"]


@pytest.fixture(scope="module")
def lab(cloud) -> Lab:
    n = cloud.neutron
    project = cloud.project("differential")

    def create(collection, key, **body):
        return n.post(f"/{collection}", {key: {"project_id": project, **body}})[key]

    net = create("networks", "network", name="lab")
    scratch = create("networks", "network", name="scratch")
    v4 = create("subnets", "subnet", network_id=net["id"], cidr="10.90.0.0/24", ip_version=4, gateway_ip="10.90.0.1")
    v4b = create("subnets", "subnet", network_id=net["id"], cidr="10.91.0.0/24", ip_version=4)
    v6 = create("subnets", "subnet", network_id=net["id"], cidr="fd90::/64", ip_version=6,
                ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful")
    router = create("routers", "router", name="lab", external_gateway_info={"network_id": cloud.public_network_id})
    # a pool of its own: the site tests keep the default pool's first prefixes to themselves
    pool = n.post("/subnetpools", {"subnetpool": {"name": "differential", "prefixes": ["fd9a:3c57:e1b1::/48"],
                                                  "default_prefixlen": 64, "shared": True}})["subnetpool"]
    for s in (v4, v6):
        n.put(f"/routers/{router['id']}/add_router_interface", {"subnet_id": s["id"]})
    return Lab(n, project, net["id"], scratch["id"], v4, v6, v4b, router["id"], cloud.public_network_id,
               cloud.public_subnets, pool)


def v4spec(cidr="10.0.0.0/24", **kw) -> SubnetSpec:
    return SubnetSpec(label="v4", ip_version=4, cidr=cidr, **kw)


def v6spec(cidr="fd00::/64", mode: str | None = "dhcpv6-stateful", **kw) -> SubnetSpec:
    kw.setdefault("ipv6_ra_mode", mode)
    kw.setdefault("ipv6_address_mode", mode)
    return SubnetSpec(label="v6", ip_version=6, cidr=cidr, **kw)


def pool_spec(**kw) -> SubnetSpec:
    return SubnetSpec(label="pool", ip_version=6, subnetpool=True, **kw)


def lab_v4(lab: Lab) -> SubnetSpec:
    return v4spec(lab.v4["cidr"], gateway_ip=lab.v4["gateway_ip"])


def lab_v6(lab: Lab) -> SubnetSpec:
    return v6spec(lab.v6["cidr"])  # gateway left to Neutron, as the lab subnet was created


@dataclass(frozen=True)
class Case:
    id: str
    rule: str  # the neutron_rules function that judges it
    ours: Callable[[Lab], Any]  # raises NeutronRuleError when we refuse
    neutron: Callable[[Lab], Any]  # raises NeutronApiError when Neutron refuses; else what it stored
    why: str = ""  # set: we are stricter on purpose (see the module docstring)
    sent: str | None = None  # with why="rewrite": the text sent, which Neutron must store differently
    stored: Callable[[Any], str] | None = None  # where in Neutron's answer the stored text is


def S(**body) -> Callable[[Lab], dict]:
    return lambda lab: lab.subnet(**body)


CASES = [
    # -- check_subnet: ip_version, cidr / pool, lengths -------------------------------------------------
    Case("ip-version-5", "check_subnet", lambda lab: nr.check_subnet(SubnetSpec(label="x", ip_version=5, cidr="10.0.0.0/24")),
         S(cidr="10.0.0.0/24", ip_version=5)),
    Case("cidr-and-prefixlen", "check_subnet", lambda lab: nr.check_subnet(pool_spec(cidr="fd9a:3c57:e1b1:99::/64", prefix_length=64)),
         lambda lab: lab.subnet(cidr="fd9a:3c57:e1b1:99::/64", prefixlen=64, subnetpool_id=lab.pool["id"], ip_version=6)),
    Case("no-cidr-no-pool", "check_subnet", lambda lab: nr.check_subnet(SubnetSpec(label="x", ip_version=4)), S(ip_version=4)),
    Case("pool-without-prefix-length", "check_subnet", lambda lab: nr.check_subnet(pool_spec()),
         lambda lab: lab.subnet(subnetpool_id=lab.pool["id"], ip_version=6), why="apply-time"),
    Case("pool-prefix-length-129", "check_subnet", lambda lab: nr.check_subnet(pool_spec(prefix_length=129)),
         lambda lab: lab.subnet(subnetpool_id=lab.pool["id"], prefixlen=129, ip_version=6)),
    Case("pool-64-accepted", "check_subnet", lambda lab: nr.check_subnet(pool_spec(prefix_length=64)),
         lambda lab: lab.subnet(subnetpool_id=lab.pool["id"], prefixlen=64, ip_version=6)),
    Case("uppercase-cidr", "canonical_cidr", lambda lab: nr.check_subnet(v6spec("FD00::/64", mode=None)),
         S(cidr="FD00::/64", ip_version=6), why="rewrite", sent="FD00::/64", stored=lambda s: s["cidr"]),
    Case("host-bits-cidr-v4", "canonical_cidr", lambda lab: nr.check_subnet(v4spec("10.0.0.1/24")),
         S(cidr="10.0.0.1/24", ip_version=4), why="rewrite", sent="10.0.0.1/24", stored=lambda s: s["cidr"]),
    Case("host-bits-cidr-v6", "canonical_cidr", lambda lab: nr.check_subnet(v6spec("fd00::1/64", mode=None)),
         S(cidr="fd00::1/64", ip_version=6), why="rewrite", sent="fd00::1/64", stored=lambda s: s["cidr"]),
    Case("cidr-family", "check_subnet", lambda lab: nr.check_subnet(SubnetSpec(label="x", ip_version=4, cidr="fd00::/64")),
         S(cidr="fd00::/64", ip_version=4)),
    # -- modes --------------------------------------------------------------------------------------------
    Case("modes-on-ipv4", "check_subnet", lambda lab: nr.check_subnet(v4spec(ipv6_ra_mode="slaac")),
         S(cidr="10.0.0.0/24", ip_version=4, ipv6_ra_mode="slaac")),
    Case("unknown-mode", "check_subnet", lambda lab: nr.check_subnet(v6spec(ipv6_ra_mode="dhcpv6-pd", ipv6_address_mode=None)),
         S(cidr="fd00::/64", ip_version=6, ipv6_ra_mode="dhcpv6-pd")),
    Case("unknown-mode-name", "Ipv6Mode.parse", lambda lab: nr.Ipv6Mode.parse("dhcpv6"),
         S(cidr="fd00::/64", ip_version=6, ipv6_address_mode="dhcpv6")),
    Case("modes-without-dhcp", "check_subnet", lambda lab: nr.check_subnet(v6spec(enable_dhcp=False)),
         S(cidr="fd00::/64", ip_version=6, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful", enable_dhcp=False)),
    Case("ra-and-address-mode-differ", "check_subnet", lambda lab: nr.check_subnet(v6spec(ipv6_ra_mode="slaac", ipv6_address_mode="dhcpv6-stateful")),
         S(cidr="fd00::/64", ip_version=6, ipv6_ra_mode="slaac", ipv6_address_mode="dhcpv6-stateful")),
    Case("slaac-on-a-56", "check_subnet", lambda lab: nr.check_subnet(v6spec("fd00::/56", mode="slaac")),
         S(cidr="fd00::/56", ip_version=6, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")),
    Case("stateless-on-an-80", "check_subnet", lambda lab: nr.check_subnet(v6spec("fd00::/80", mode="dhcpv6-stateless")),
         S(cidr="fd00::/80", ip_version=6, ipv6_ra_mode="dhcpv6-stateless", ipv6_address_mode="dhcpv6-stateless")),
    Case("address-mode-alone-on-a-120", "check_subnet", lambda lab: nr.check_subnet(v6spec("fd00::/120", ipv6_ra_mode=None, ipv6_address_mode="slaac")),
         S(cidr="fd00::/120", ip_version=6, ipv6_address_mode="slaac")),
    Case("slaac-on-a-64", "check_subnet", lambda lab: nr.check_subnet(v6spec(mode="slaac")),
         S(cidr="fd00::/64", ip_version=6, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")),
    Case("stateful-126", "check_subnet", lambda lab: nr.check_subnet(v6spec("fd00::/126")),
         S(cidr="fd00::/126", ip_version=6, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful")),
    Case("stateful-127", "check_subnet", lambda lab: nr.check_subnet(v6spec("fd00::/127")),
         S(cidr="fd00::/127", ip_version=6, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful")),
    Case("ipv4-31-with-dhcp", "check_subnet", lambda lab: nr.check_subnet(v4spec("10.0.0.0/31")), S(cidr="10.0.0.0/31", ip_version=4)),
    Case("ipv4-30-with-dhcp", "check_subnet", lambda lab: nr.check_subnet(v4spec("10.0.0.0/30")), S(cidr="10.0.0.0/30", ip_version=4)),
    # fixed by this suite: Neutron's default gateway of a /31 is its broadcast address
    Case("ipv4-31-default-gateway", "check_subnet", lambda lab: nr.check_subnet(v4spec("10.0.0.0/31", enable_dhcp=False)),
         S(cidr="10.0.0.0/31", ip_version=4, enable_dhcp=False)),
    Case("ipv4-31-no-gateway", "check_subnet", lambda lab: nr.check_subnet(v4spec("10.0.0.0/31", enable_dhcp=False, no_gateway=True)),
         S(cidr="10.0.0.0/31", ip_version=4, enable_dhcp=False, gateway_ip=None)),
    Case("ipv4-31-gateway-at-network", "check_subnet", lambda lab: nr.check_subnet(v4spec("10.0.0.0/31", enable_dhcp=False, gateway_ip="10.0.0.0")),
         S(cidr="10.0.0.0/31", ip_version=4, enable_dhcp=False, gateway_ip="10.0.0.0")),
    Case("ipv4-32-default-gateway-outside", "check_subnet", lambda lab: nr.check_subnet(v4spec("10.0.0.0/32", enable_dhcp=False)),
         S(cidr="10.0.0.0/32", ip_version=4, enable_dhcp=False)),
    # Neutron creates a SLAAC /80 from a pool (it checks the /64 only for a given cidr), then refuses every port on it
    Case("pool-slaac-80-then-a-port", "check_subnet", lambda lab: nr.check_subnet(pool_spec(prefix_length=80, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")),
         lambda lab: _port_on_new_subnet(lab, None, subnetpool_id=lab.pool["id"], prefixlen=80, ip_version=6, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")),
    # -- gateway ---------------------------------------------------------------------------------------------
    Case("pool-with-fixed-gateway", "check_subnet", lambda lab: nr.check_subnet(pool_spec(prefix_length=64, gateway_ip="fd9a:3c57:e1b1::1")),
         lambda lab: lab.subnet(subnetpool_id=lab.pool["id"], prefixlen=64, ip_version=6, gateway_ip="fd9a:3c57:e1b1::1"), why="apply-time"),
    Case("gateway-family", "check_subnet", lambda lab: nr.check_subnet(v4spec(gateway_ip="fd00::1")), S(cidr="10.0.0.0/24", ip_version=4, gateway_ip="fd00::1")),
    Case("gateway-broadcast", "check_subnet", lambda lab: nr.check_subnet(v4spec(gateway_ip="10.0.0.255")), S(cidr="10.0.0.0/24", ip_version=4, gateway_ip="10.0.0.255")),
    Case("gateway-network", "check_subnet", lambda lab: nr.check_subnet(v4spec(gateway_ip="10.0.0.0")), S(cidr="10.0.0.0/24", ip_version=4, gateway_ip="10.0.0.0")),
    Case("gateway-ipv6-anycast", "check_subnet", lambda lab: nr.check_subnet(v6spec(gateway_ip="fd00::")), S(cidr="fd00::/64", ip_version=6, gateway_ip="fd00::")),
    Case("gateway-off-subnet", "check_subnet", lambda lab: nr.check_subnet(v4spec(gateway_ip="10.0.1.1")), S(cidr="10.0.0.0/24", ip_version=4, gateway_ip="10.0.1.1")),
    Case("gateway-uppercase", "canonical_address", lambda lab: nr.check_subnet(v6spec(gateway_ip="FD00::1")),
         S(cidr="fd00::/64", ip_version=6, gateway_ip="FD00::1"), why="rewrite", sent="FD00::1", stored=lambda s: s["gateway_ip"]),
    Case("gateway-leading-zeros", "canonical_address", lambda lab: nr.check_subnet(v6spec(gateway_ip="fd00::0001")),
         S(cidr="fd00::/64", ip_version=6, gateway_ip="fd00::0001"), why="rewrite", sent="fd00::0001", stored=lambda s: s["gateway_ip"]),
    Case("gateway-and-no-gateway", "check_subnet", lambda lab: nr.check_subnet(v4spec(gateway_ip="10.0.0.1", no_gateway=True)),
         None),  # type: ignore[arg-type]  # the provider refuses it (ConflictsWith): see test_provider_refuses_gateway_and_no_gateway
    # -- DNS ----------------------------------------------------------------------------------------------------
    Case("dns-ipv4-on-ipv6", "check_subnet", lambda lab: nr.check_subnet(v6spec(dns_nameservers=("9.9.9.9",))), S(cidr="fd00::/64", ip_version=6, dns_nameservers=["9.9.9.9"])),
    Case("dns-ipv6-on-ipv4", "check_subnet", lambda lab: nr.check_subnet(v4spec(dns_nameservers=("2620:fe::fe",))), S(cidr="10.0.0.0/24", ip_version=4, dns_nameservers=["2620:fe::fe"])),
    # fixed by this suite: Neutron stores DNS text as given (no drift) and refuses exact duplicates
    Case("dns-uppercase", "check_subnet", lambda lab: nr.check_subnet(v6spec(dns_nameservers=("2620:FE::FE",))), S(cidr="fd00::/64", ip_version=6, dns_nameservers=["2620:FE::FE"])),
    Case("dns-twice", "check_subnet", lambda lab: nr.check_subnet(v6spec(dns_nameservers=("2620:fe::fe", "2620:fe::fe"))), S(cidr="fd00::/64", ip_version=6, dns_nameservers=["2620:fe::fe", "2620:fe::fe"])),
    Case("dns-a-name", "check_subnet", lambda lab: nr.check_subnet(v6spec(dns_nameservers=("dns.quad9.net",))), S(cidr="fd00::/64", ip_version=6, dns_nameservers=["dns.quad9.net"])),
    # -- allocation pools ----------------------------------------------------------------------------------------
    Case("pool-ok", "check_allocation_pools", lambda lab: nr.check_subnet(v4spec(allocation_pools=(("10.0.0.2", "10.0.0.63"),))),
         S(cidr="10.0.0.0/24", ip_version=4, allocation_pools=[{"start": "10.0.0.2", "end": "10.0.0.63"}])),
    Case("pool-holds-gateway", "check_allocation_pools", lambda lab: nr.check_subnet(v4spec(allocation_pools=(("10.0.0.1", "10.0.0.63"),))),
         S(cidr="10.0.0.0/24", ip_version=4, allocation_pools=[{"start": "10.0.0.1", "end": "10.0.0.63"}])),
    Case("pool-holds-broadcast", "check_allocation_pools", lambda lab: nr.check_subnet(v4spec(allocation_pools=(("10.0.0.2", "10.0.0.255"),))),
         S(cidr="10.0.0.0/24", ip_version=4, allocation_pools=[{"start": "10.0.0.2", "end": "10.0.0.255"}])),
    Case("pool-holds-ipv6-network", "check_allocation_pools", lambda lab: nr.check_subnet(v6spec(gateway_ip="fd00::ffff", allocation_pools=(("fd00::", "fd00::9"),))),
         S(cidr="fd00::/64", ip_version=6, gateway_ip="fd00::ffff", allocation_pools=[{"start": "fd00::", "end": "fd00::9"}])),
    Case("pool-to-last-ipv6", "check_allocation_pools", lambda lab: nr.check_subnet(v6spec("fd00::/120", allocation_pools=(("fd00::2", "fd00::ff"),))),
         S(cidr="fd00::/120", ip_version=6, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful", allocation_pools=[{"start": "fd00::2", "end": "fd00::ff"}])),
    # fixed by this suite: Neutron's default IPv6 gateway is the network address, so a pool may start at ::1
    Case("pool-from-ipv6-1", "check_allocation_pools", lambda lab: nr.check_subnet(v6spec(allocation_pools=(("fd00::1", "fd00::ff"),))),
         S(cidr="fd00::/64", ip_version=6, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful", allocation_pools=[{"start": "fd00::1", "end": "fd00::ff"}])),
    Case("pool-reversed", "check_allocation_pools", lambda lab: nr.check_subnet(v4spec(allocation_pools=(("10.0.0.9", "10.0.0.2"),))),
         S(cidr="10.0.0.0/24", ip_version=4, allocation_pools=[{"start": "10.0.0.9", "end": "10.0.0.2"}])),
    Case("pools-overlap", "check_allocation_pools", lambda lab: nr.check_subnet(v4spec(allocation_pools=(("10.0.0.2", "10.0.0.9"), ("10.0.0.5", "10.0.0.20")))),
         S(cidr="10.0.0.0/24", ip_version=4, allocation_pools=[{"start": "10.0.0.2", "end": "10.0.0.9"}, {"start": "10.0.0.5", "end": "10.0.0.20"}])),
    Case("pool-outside", "check_allocation_pools", lambda lab: nr.check_subnet(v4spec(allocation_pools=(("10.0.1.2", "10.0.1.9"),))),
         S(cidr="10.0.0.0/24", ip_version=4, allocation_pools=[{"start": "10.0.1.2", "end": "10.0.1.9"}])),
    Case("pool-uppercase", "canonical_address", lambda lab: nr.check_subnet(v6spec(allocation_pools=(("FD00::2", "FD00::9"),))),
         S(cidr="fd00::/64", ip_version=6, allocation_pools=[{"start": "FD00::2", "end": "FD00::9"}]), why="rewrite",
         sent="FD00::2", stored=lambda s: s["allocation_pools"][0]["start"]),
    Case("pool-with-subnet-pool", "check_allocation_pools", lambda lab: nr.check_subnet(pool_spec(prefix_length=64, allocation_pools=(("fd9a:3c57:e1b1::2", "fd9a:3c57:e1b1::9"),))),
         lambda lab: lab.subnet(subnetpool_id=lab.pool["id"], prefixlen=64, ip_version=6, allocation_pools=[{"start": "fd9a:3c57:e1b1::2", "end": "fd9a:3c57:e1b1::9"}])),
    # -- router interfaces and router ports -------------------------------------------------------------------------
    Case("interface-without-gateway", "check_router_interface", lambda lab: nr.check_router_interface(v4spec("10.93.0.0/24", no_gateway=True)),
         lambda lab: _interface(lab, cidr="10.93.0.0/24", ip_version=4, gateway_ip=None)),
    Case("interface-gateway-off-subnet", "check_router_interface", lambda lab: nr.check_router_interface(v4spec("10.94.0.0/24", gateway_ip="10.95.0.1")),
         lambda lab: _interface(lab, cidr="10.94.0.0/24", ip_version=4, gateway_ip="10.95.0.1")),
    Case("interface-external-router-mode", "check_router_interface", lambda lab: nr.check_router_interface(v6spec("fd93::/64", ipv6_ra_mode=None, ipv6_address_mode="slaac")),
         lambda lab: _interface(lab, cidr="fd93::/64", ip_version=6, ipv6_address_mode="slaac")),
    Case("interface-slaac", "check_router_interface", lambda lab: nr.check_router_interface(v6spec("fd94::/64", mode="slaac")),
         lambda lab: _interface(lab, cidr="fd94::/64", ip_version=6, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")),
    Case("router-port-two-ipv4", "check_router_port", lambda lab: nr.check_router_port("p", [lab_v4(lab), v4spec(lab.v4b["cidr"])]),
         lambda lab: _router_port(lab, [lab.v4, lab.v4b])),
    # -- routes ------------------------------------------------------------------------------------------------------------
    Case("route-ok", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "fd90::5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::/80", "nexthop": "fd90::5"}])),
    Case("route-host-bits", "check_route", lambda lab: nr.check_route("r", "fd10::1/80", "fd90::5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::1/80", "nexthop": "fd90::5"}])),
    # fixed by this suite: Neutron stores a route destination as given, so upper case cannot drift
    Case("route-uppercase-destination", "check_route", lambda lab: nr.check_route("r", "FD10::/80", "fd90::5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "FD10::/80", "nexthop": "fd90::5"}])),
    Case("route-loopback", "check_route", lambda lab: nr.check_route("r", "::1/128", "fd90::5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "::1/128", "nexthop": "fd90::5"}])),
    Case("route-uppercase-next-hop", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "FD90::5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::/80", "nexthop": "FD90::5"}]), why="rewrite", sent="FD90::5",
         stored=lambda routes: routes[0]["nexthop"]),
    Case("route-family-mismatch", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "10.90.0.5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::/80", "nexthop": "10.90.0.5"}]), why="family"),
    Case("route-next-hop-not-connected", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "fd99::5", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::/80", "nexthop": "fd99::5"}])),
    # fixed by this suite: the router's IPv6 address is Neutron's default gateway, the network address
    Case("route-next-hop-is-the-router-v6", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "fd90::", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::/80", "nexthop": "fd90::"}])),
    Case("route-next-hop-v6-1-is-a-host", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "fd90::1", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "fd10::/80", "nexthop": "fd90::1"}])),
    Case("route-next-hop-is-the-router-v4", "check_route", lambda lab: nr.check_route("r", "10.5.0.0/16", "10.90.0.1", [lab_v4(lab), lab_v6(lab)]),
         lambda lab: lab.routes([{"destination": "10.5.0.0/16", "nexthop": "10.90.0.1"}])),
    Case("route-no-ipv6-leg", "check_route", lambda lab: nr.check_route("r", "fd10::/80", "fd90::5", [lab_v4(lab)]),
         lambda lab: _routes_on_v4_only_router(lab)),
    # fixed by this suite: Neutron's default quota is 30 routes per router, and a route given twice is refused
    Case("routes-30", "check_router_routes", lambda lab: nr.check_router_routes("r", _many_routes(30)),
         lambda lab: lab.routes([{"destination": d, "nexthop": h} for d, h in _many_routes(30)])),
    Case("routes-31", "check_router_routes", lambda lab: nr.check_router_routes("r", _many_routes(31)),
         lambda lab: lab.routes([{"destination": d, "nexthop": h} for d, h in _many_routes(31)])),
    Case("route-twice", "check_router_routes", lambda lab: nr.check_router_routes("r", _many_routes(1) * 2),
         lambda lab: lab.routes([{"destination": d, "nexthop": h} for d, h in _many_routes(1) * 2])),
    # -- fixed IPs ------------------------------------------------------------------------------------------------------------------
    Case("pin-on-slaac", "check_fixed_ip", lambda lab: nr.check_fixed_ip(v6spec("fd92::/64", mode="slaac"), "fd92::10", "p"),
         lambda lab: _port_on_new_subnet(lab, "fd92::10", cidr="fd92::/64", ip_version=6, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")),
    Case("pin-outside", "check_fixed_ip", lambda lab: nr.check_fixed_ip(lab_v4(lab), "10.90.1.5", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v4["id"], "ip_address": "10.90.1.5"}])),
    Case("pin-broadcast", "check_fixed_ip", lambda lab: nr.check_fixed_ip(lab_v4(lab), "10.90.0.255", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v4["id"], "ip_address": "10.90.0.255"}])),
    Case("pin-ipv4-network", "check_fixed_ip", lambda lab: nr.check_fixed_ip(lab_v4(lab), "10.90.0.0", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v4["id"], "ip_address": "10.90.0.0"}])),
    # fixed by this suite: Neutron refuses the network address of an IPv4 /31 too (no RFC 3021 exception)
    Case("pin-ipv4-31-network", "check_fixed_ip", lambda lab: nr.check_fixed_ip(v4spec("10.99.0.0/31", enable_dhcp=False, no_gateway=True), "10.99.0.0", "p"),
         lambda lab: _port_on_new_subnet(lab, "10.99.0.0", cidr="10.99.0.0/31", ip_version=4, enable_dhcp=False, gateway_ip=None)),
    Case("pin-ipv4-31-upper", "check_fixed_ip", lambda lab: nr.check_fixed_ip(v4spec("10.99.0.0/31", enable_dhcp=False, no_gateway=True), "10.99.0.1", "p"),
         lambda lab: _port_on_new_subnet(lab, "10.99.0.1", cidr="10.99.0.0/31", ip_version=4, enable_dhcp=False, gateway_ip=None)),
    Case("pin-ipv6-127-network", "check_fixed_ip", lambda lab: nr.check_fixed_ip(v6spec("fd99::/127", mode=None, enable_dhcp=False, no_gateway=True), "fd99::", "p"),
         lambda lab: _port_on_new_subnet(lab, "fd99::", cidr="fd99::/127", ip_version=6, enable_dhcp=False, gateway_ip=None)),
    Case("pin-ipv6-anycast", "check_fixed_ip", lambda lab: nr.check_fixed_ip(v6spec("fd95::/64", gateway_ip="fd95::1"), "fd95::", "p"),
         lambda lab: _port_on_new_subnet(lab, "fd95::", cidr="fd95::/64", ip_version=6, gateway_ip="fd95::1"), why="anycast"),
    Case("pin-the-gateway-a-router-holds", "check_fixed_ip", lambda lab: nr.check_fixed_ip(lab_v4(lab), "10.90.0.1", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v4["id"], "ip_address": "10.90.0.1"}])),
    Case("pin-the-gateway-before-the-router", "check_fixed_ip", lambda lab: nr.check_fixed_ip(v4spec("10.96.0.0/24"), "10.96.0.1", "p"),
         lambda lab: _gateway_taken_then_interface(lab)),
    # fixed by this suite: an IPv6 subnet's default gateway is its network address, so ::1 is a host address
    Case("pin-ipv6-1", "check_fixed_ip", lambda lab: nr.check_fixed_ip(lab_v6(lab), "fd90::1", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v6["id"], "ip_address": "fd90::1"}])),
    Case("pin-uppercase", "canonical_address", lambda lab: nr.check_fixed_ip(lab_v6(lab), "FD90::10", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v6["id"], "ip_address": "FD90::10"}]), why="rewrite", sent="FD90::10",
         stored=lambda p: p["fixed_ips"][0]["ip_address"]),
    Case("pin-family", "check_fixed_ip", lambda lab: nr.check_fixed_ip(lab_v4(lab), "fd90::10", "p"),
         lambda lab: lab.port(fixed_ips=[{"subnet_id": lab.v4["id"], "ip_address": "fd90::10"}])),
    # -- allowed address pairs: fixed by this suite, Neutron stores any valid text as given ---------------------------------------
    Case("pair-uppercase", "check_allowed_address", lambda lab: nr.check_allowed_address("FD10::/64", "p"),
         lambda lab: lab.port(allowed_address_pairs=[{"ip_address": "FD10::/64"}])),
    Case("pair-host-bits", "check_allowed_address", lambda lab: nr.check_allowed_address("fd10::1/64", "p"),
         lambda lab: lab.port(allowed_address_pairs=[{"ip_address": "fd10::1/64"}])),
    Case("pair-not-an-address", "check_allowed_address", lambda lab: nr.check_allowed_address("nope", "p"),
         lambda lab: lab.port(allowed_address_pairs=[{"ip_address": "nope"}])),
    # -- floating IPs -----------------------------------------------------------------------------------------------------------------
    Case("floating-ip-to-ipv6", "check_floating_ip", lambda lab: nr.check_floating_ip("f", "ipv6"), lambda lab: _floating_ip(lab, "ipv6")),
    Case("floating-ip-to-ipv6-only-port", "check_floating_ip", lambda lab: nr.check_floating_ip("f", None), lambda lab: _floating_ip(lab, None)),
    Case("floating-ip-to-ipv4", "check_floating_ip", lambda lab: nr.check_floating_ip("f", "ipv4"), lambda lab: _floating_ip(lab, "ipv4")),
    # -- external gateway -------------------------------------------------------------------------------------------------------------
    Case("external-one-per-family", "check_external_fixed_ips",
         lambda lab: nr.check_external_fixed_ips("gw", [("ipv4", lab.public_subnets["ipv4"], None), ("ipv6", lab.public_subnets["ipv6"], None)]),
         lambda lab: lab.gateway([{"subnet_id": lab.public_subnets["ipv4"]}, {"subnet_id": lab.public_subnets["ipv6"]}])),
    Case("external-two-ipv4", "check_external_fixed_ips",
         lambda lab: nr.check_external_fixed_ips("gw", [("ipv4", lab.public_subnets["ipv4"], None), ("ipv4", lab.public_subnets["ipv4"], None)]),
         lambda lab: lab.gateway([{"subnet_id": lab.public_subnets["ipv4"]}, {"subnet_id": lab.public_subnets["ipv4"]}]), why="model"),
    # fixed by this suite: the provider sends subnet_id "" with an address alone, which Neutron refuses
    Case("external-address-without-subnet", "check_external_fixed_ips",
         lambda lab: nr.check_external_fixed_ips("gw", [("ipv4", None, "203.0.113.230")]),
         lambda lab: lab.gateway([{"subnet_id": "", "ip_address": "203.0.113.230"}])),
    Case("external-address-family", "check_external_fixed_ips",
         lambda lab: nr.check_external_fixed_ips("gw", [("ipv6", lab.public_subnets["ipv6"], "203.0.113.231")]),
         lambda lab: lab.gateway([{"subnet_id": lab.public_subnets["ipv6"], "ip_address": "203.0.113.231"}])),
    Case("external-address-uppercase", "check_external_fixed_ips",
         lambda lab: nr.check_external_fixed_ips("gw", [("ipv6", lab.public_subnets["ipv6"], "2001:DB8:FF00::99")]),
         lambda lab: lab.gateway([{"subnet_id": lab.public_subnets["ipv6"], "ip_address": "2001:DB8:FF00::99"}]), why="rewrite",
         sent="2001:DB8:FF00::99", stored=lambda ips: ips[0]["ip_address"]),
]


def _many_routes(n: int) -> list[tuple[str, str]]:
    return [(f"fd10:0:0:{i:x}::/64", "fd90::5") for i in range(n)]


def _interface(lab: Lab, **subnet) -> dict:
    net = lab.create("networks", "network", name="iface-case")
    try:
        s = lab.create("subnets", "subnet", network_id=net["id"], **subnet)
        out = lab.neutron.put(f"/routers/{lab.router}/add_router_interface", {"subnet_id": s["id"]})
        lab.neutron.put(f"/routers/{lab.router}/remove_router_interface", {"subnet_id": s["id"]})
        return out
    finally:
        lab.neutron.delete(f"/networks/{net['id']}")


def _router_port(lab: Lab, subnets: list[dict]) -> dict:
    port = lab.create("ports", "port", network_id=lab.network,
                      fixed_ips=[{"subnet_id": s["id"], "ip_address": s["cidr"].replace("0/24", "30")} for s in subnets])
    try:
        out = lab.neutron.put(f"/routers/{lab.router}/add_router_interface", {"port_id": port["id"]})
        lab.neutron.put(f"/routers/{lab.router}/remove_router_interface", {"port_id": port["id"]})
        return out
    finally:
        try:
            lab.neutron.delete(f"/ports/{port['id']}")
        except NeutronApiError:
            pass


def _routes_on_v4_only_router(lab: Lab) -> list[dict]:
    r = lab.create("routers", "router", name="v4-only")
    net = lab.create("networks", "network", name="v4-only")
    s = lab.create("subnets", "subnet", network_id=net["id"], cidr="10.97.0.0/24", ip_version=4)
    try:
        lab.neutron.put(f"/routers/{r['id']}/add_router_interface", {"subnet_id": s["id"]})
        return lab.routes([{"destination": "fd10::/80", "nexthop": "fd90::5"}], router=r["id"])
    finally:
        lab.neutron.put(f"/routers/{r['id']}/remove_router_interface", {"subnet_id": s["id"]})
        lab.neutron.delete(f"/routers/{r['id']}")
        lab.neutron.delete(f"/networks/{net['id']}")


def _port_on_new_subnet(lab: Lab, address: str | None, **subnet) -> dict:
    """A port on a subnet made for the case (``address`` None: Neutron picks)."""
    net = lab.create("networks", "network", name="port-case")
    try:
        s = lab.create("subnets", "subnet", network_id=net["id"], **subnet)
        fixed = {"subnet_id": s["id"]} | ({"ip_address": address} if address else {})
        return lab.port(network=net["id"], fixed_ips=[fixed])
    finally:
        lab.neutron.delete(f"/networks/{net['id']}")


def _gateway_taken_then_interface(lab: Lab) -> dict:
    """A port on the gateway address first (Neutron takes it), then the router interface (refused)."""
    net = lab.create("networks", "network", name="squat")
    r = lab.create("routers", "router", name="squat")
    try:
        s = lab.create("subnets", "subnet", network_id=net["id"], cidr="10.96.0.0/24", ip_version=4)
        lab.create("ports", "port", network_id=net["id"], fixed_ips=[{"subnet_id": s["id"], "ip_address": "10.96.0.1"}])
        return lab.neutron.put(f"/routers/{r['id']}/add_router_interface", {"subnet_id": s["id"]})
    finally:
        lab.neutron.delete(f"/routers/{r['id']}")
        for p in lab.neutron.get("/ports", network_id=net["id"])["ports"]:
            lab.neutron.delete(f"/ports/{p['id']}")
        lab.neutron.delete(f"/networks/{net['id']}")


def _floating_ip(lab: Lab, family: str | None) -> dict:
    """A floating IP mapped to the lab router's network: to an IPv6 address, a port without IPv4, or IPv4."""
    if family is None:
        port = lab.create("ports", "port", network_id=lab.network, fixed_ips=[{"subnet_id": lab.v6["id"]}])
        body = {"port_id": port["id"]}
    else:
        port = lab.create("ports", "port", network_id=lab.network, fixed_ips=[{"subnet_id": lab.v4["id"]}, {"subnet_id": lab.v6["id"]}])
        address = next(f["ip_address"] for f in port["fixed_ips"] if (":" in f["ip_address"]) == (family == "ipv6"))
        body = {"port_id": port["id"], "fixed_ip_address": address}
    try:
        fip = lab.create("floatingips", "floatingip", floating_network_id=lab.public, **body)
        lab.neutron.delete(f"/floatingips/{fip['id']}")
        return fip
    finally:
        lab.neutron.delete(f"/ports/{port['id']}")


def _judge_ours(case: Case, lab: Lab) -> str | None:
    try:
        case.ours(lab)
    except NeutronRuleError as e:
        text = str(e)
        assert "\n" not in text, f"{case.id}: our refusal is not one line: {text!r}"
        return text
    return None


def _judge_neutron(case: Case, lab: Lab) -> tuple[NeutronApiError | None, Any]:
    try:
        return None, case.neutron(lab)
    except NeutronApiError as e:
        assert 400 <= e.status < 500 or e.type == "SubnetAllocationError", f"{case.id}: Neutron failed, not refused: {e}"
        return e, None


@pytest.mark.parametrize("case", [c for c in CASES if c.neutron is not None], ids=lambda c: c.id)
def test_neutron_and_our_rules_agree(case: Case, lab: Lab):
    ours = _judge_ours(case, lab)
    refused, stored = _judge_neutron(case, lab)
    if not case.why:
        if ours is not None:
            assert refused is not None, f"{case.id}: we refuse ({ours}) but Neutron accepts: {str(stored)[:300]}"
        else:
            assert refused is None, f"{case.id}: Neutron refuses ({refused}) but our rule {case.rule} accepted it"
        return
    # stricter on purpose: we refuse, Neutron accepts
    assert ours is not None, f"{case.id}: expected our rule {case.rule} to refuse ({case.why})"
    assert refused is None, f"{case.id}: marked stricter ({case.why}) but Neutron refuses too: {refused}; drop the mark"
    if case.why == "rewrite":
        assert case.stored is not None and case.sent is not None
        kept = case.stored(stored)
        assert kept != case.sent, f"{case.id}: Neutron stored {kept!r} as sent: no drift, so refusing it is a defect"
        assert kept.lower() == kept, f"{case.id}: Neutron stored {kept!r}"


def test_provider_refuses_gateway_and_no_gateway():
    """``gateway_ip`` with ``no_gateway`` never reaches Neutron: the provider's schema has ConflictsWith."""
    from .applier import Subnet

    case = next(c for c in CASES if c.id == "gateway-and-no-gateway")
    with pytest.raises(NeutronRuleError, match="keep one"):
        case.ours(None)  # type: ignore[arg-type]
    assert Subnet().check({"network_id": "n", "cidr": "10.0.0.0/24", "gateway_ip": "10.0.0.1", "no_gateway": True}) == [
        '"gateway_ip": conflicts with no_gateway']


def test_every_rule_has_a_case():
    """Every check of ``neutron_rules`` (and the text checks it builds on) is judged by a case above."""
    rules = {name for name, fn in inspect.getmembers(nr, inspect.isfunction)
             if fn.__module__ == nr.__name__ and (name.startswith("check_") or name.startswith("canonical_"))}
    rules.add("Ipv6Mode.parse")
    covered = {c.rule for c in CASES}
    assert rules - covered == set(), f"rules without a live case: {sorted(rules - covered)}"
