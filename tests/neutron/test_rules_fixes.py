"""One test per ``neutron_rules`` fix the live differential test proved necessary (pure Python).

Each fix names the measurement on Neutron 29.0.0 that forced it; the same case is also sent to
the real Neutron in ``test_differential.py``.
"""

from __future__ import annotations

import pytest

from constructs_lib.openstack import neutron_rules as nr
from constructs_lib.openstack.neutron_rules import NeutronRuleError, SubnetSpec


def v6(cidr="fd00::/64", **kw) -> SubnetSpec:
    kw.setdefault("ipv6_ra_mode", "dhcpv6-stateful")
    kw.setdefault("ipv6_address_mode", "dhcpv6-stateful")
    return SubnetSpec(label="v6", ip_version=6, cidr=cidr, **kw)


def v4(cidr="10.0.0.0/24", **kw) -> SubnetSpec:
    return SubnetSpec(label="v4", ip_version=4, cidr=cidr, **kw)


def test_neutrons_default_gateway_is_the_network_address_on_ipv6_and_the_first_address_on_ipv4():
    """Neutron: a subnet fd91::/64 without gateway_ip gets gateway fd91:: (ipam_backend_mixin._gateway_ip_str)."""
    assert nr.default_gateway(v6()) == "fd00::"
    assert nr.default_gateway(v4()) == "10.0.0.1"
    assert nr.default_gateway(v6(gateway_ip="fd00::1")) == "fd00::1"
    assert nr.default_gateway(v4(no_gateway=True)) is None
    assert nr.default_gateway(SubnetSpec(label="p", ip_version=6, subnetpool=True, prefix_length=64)) is None


def test_ipv6_1_is_a_host_address_when_neutron_picks_the_gateway():
    """Neutron took a port on fd90::1 of a subnet whose default gateway is fd90::."""
    nr.check_fixed_ip(v6(), "fd00::1", "p")
    with pytest.raises(NeutronRuleError, match="subnet-router anycast"):
        nr.check_fixed_ip(v6(), "fd00::", "p")
    with pytest.raises(NeutronRuleError, match="is the gateway"):
        nr.check_fixed_ip(v6(gateway_ip="fd00::1"), "fd00::1", "p")


def test_an_ipv6_pool_may_start_at_1_when_neutron_picks_the_gateway():
    """Neutron took allocation pool fd98::1-fd98::ff with no gateway_ip (gateway fd98::)."""
    nr.check_subnet(v6(allocation_pools=(("fd00::1", "fd00::ff"),)))
    with pytest.raises(NeutronRuleError, match="gateway fd00::1 lies in allocation pool"):
        nr.check_subnet(v6(gateway_ip="fd00::1", allocation_pools=(("fd00::1", "fd00::ff"),)))


def test_the_router_holds_the_ipv6_network_address_not_1():
    """Neutron: next hop fd90:: is 'used by router', fd90::1 is a host."""
    subnets = [v4(), v6()]
    nr.check_route("r", "fd10::/80", "fd00::1", subnets)
    with pytest.raises(NeutronRuleError, match="the nexthop is used by router"):
        nr.check_route("r", "fd10::/80", "fd00::", subnets)


def test_a_31_needs_no_gateway_or_a_valid_one():
    """Neutron refused 10.0.0.0/31 without DHCP: 'Gateway IP 10.0.0.1 cannot be the network or broadcast IP address'."""
    with pytest.raises(NeutronRuleError, match="broadcast address of 10.0.0.0/31.*no_gateway"):
        nr.check_subnet(v4("10.0.0.0/31", enable_dhcp=False))
    with pytest.raises(NeutronRuleError, match="network address of 10.0.0.0/31"):
        nr.check_subnet(v4("10.0.0.0/31", enable_dhcp=False, gateway_ip="10.0.0.0"))
    nr.check_subnet(v4("10.0.0.0/31", enable_dhcp=False, no_gateway=True))
    nr.check_subnet(v4("10.0.0.0/32", enable_dhcp=False))  # Neutron: default gateway 10.0.0.1 lies outside, accepted


def test_dns_text_is_taken_as_given_but_not_twice():
    """Neutron stored '2620:FE::FE' as given and refused a server listed twice ('Duplicate nameserver')."""
    nr.check_subnet(v6(dns_nameservers=("2620:FE::FE",)))
    with pytest.raises(NeutronRuleError, match="listed twice"):
        nr.check_subnet(v6(dns_nameservers=("2620:fe::fe", "2620:fe::fe")))
    with pytest.raises(NeutronRuleError, match="not an IP address"):
        nr.check_subnet(v6(dns_nameservers=("dns.quad9.net",)))


def test_allowed_address_pairs_take_any_valid_text():
    """Neutron stored 'FD10::/64', 'fd10::1/64' and 'FD10::5' as given (the provider reads them back unchanged)."""
    for text in ("FD10::/64", "fd10::1/64", "FD10::5", "10.0.0.1/24"):
        nr.check_allowed_address(text, "p")
    with pytest.raises(NeutronRuleError, match="not an IP address or CIDR"):
        nr.check_allowed_address("nope", "p")


def test_route_destinations_as_neutron_validates_them():
    """Neutron: 'fd10::1/80' is not a valid CIDR; '::1/128' is not routable; 'FD10::/80' is stored as given."""
    subnets = [v4(), v6()]
    nr.check_route("r", "FD10::/80", "fd00::5", subnets)
    with pytest.raises(NeutronRuleError, match="host bits set.*write fd10::/80"):
        nr.check_route("r", "fd10::1/80", "fd00::5", subnets)
    with pytest.raises(NeutronRuleError, match="loopback"):
        nr.check_route("r", "::1/128", "fd00::5", subnets)
    with pytest.raises(NeutronRuleError, match="not canonical"):
        nr.check_route("r", "fd10::/80", "FD00::5", subnets)  # the next hop is rewritten: drift


def test_thirty_routes_per_router_and_none_twice():
    """Neutron took 30 routes on a router and refused 31 (OverQuota router_route); a route twice is refused."""
    routes = [(f"fd10:0:0:{i:x}::/64", "fd00::5") for i in range(31)]
    nr.check_router_routes("r", routes[:30])
    with pytest.raises(NeutronRuleError, match="31 static routes.*30 routes per router"):
        nr.check_router_routes("r", routes)
    nr.check_router_routes("r", routes, quota=31)
    nr.check_router_routes("r", routes, quota=-1)
    with pytest.raises(NeutronRuleError, match="given twice"):
        nr.check_router_routes("r", routes[:1] * 2)


def test_an_external_address_needs_its_subnet_id():
    """Neutron refused external_fixed_ips [{subnet_id: "", ip_address: ...}]: '' is not a valid UUID."""
    with pytest.raises(NeutronRuleError, match="without subnet_id"):
        nr.check_external_fixed_ips("gw", [("ipv4", None, "203.0.113.5")])
    nr.check_external_fixed_ips("gw", [("ipv4", "3f0c...", "203.0.113.5"), ("ipv6", "9a1b...", None)])
    nr.check_external_fixed_ips("gw", [("ipv4", "203.0.113.5")])  # the two-field form, without subnet ids, as before


def test_an_ipv4_31_has_no_host_at_its_network_address():
    """Neutron refused a port on 10.99.0.0 of 10.99.0.0/31 (check_subnet_ip) and took 10.99.0.1; fd99:: of a /127 too."""
    spec = v4("10.99.0.0/31", enable_dhcp=False, no_gateway=True)
    with pytest.raises(NeutronRuleError, match="network address of 10.99.0.0/31"):
        nr.check_fixed_ip(spec, "10.99.0.0", "p")
    nr.check_fixed_ip(spec, "10.99.0.1", "p")
    nr.check_fixed_ip(v6("fd99::/127", ipv6_ra_mode=None, ipv6_address_mode=None, enable_dhcp=False, no_gateway=True), "fd99::", "p")
