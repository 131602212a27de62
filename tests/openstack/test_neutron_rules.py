"""Every Neutron rule of issue 3, triggered once (pure Python: no cdktf, no jsii)."""

from __future__ import annotations

import ast
import pathlib

import pytest

from constructs_lib.openstack import neutron_rules as nr
from constructs_lib.openstack.neutron_rules import Ipv6Mode, NeutronRuleError, SubnetSpec


def v6(cidr="2001:db8:1::/64", **kw) -> SubnetSpec:
    kw.setdefault("ipv6_ra_mode", "dhcpv6-stateful")
    kw.setdefault("ipv6_address_mode", "dhcpv6-stateful")
    return SubnetSpec(label='ipv6 subnet "t-v6"', ip_version=6, cidr=cidr, **kw)


def v4(cidr="10.0.0.0/24", **kw) -> SubnetSpec:
    return SubnetSpec(label='ipv4 subnet "t-v4"', ip_version=4, cidr=cidr, **kw)


def refused(fn, *args, match: str, **kwargs) -> str:
    with pytest.raises(NeutronRuleError, match=match) as err:
        fn(*args, **kwargs)
    text = str(err.value)
    assert "\n" not in text, "errors are one line"
    return text


def test_module_is_pure_python():
    src = pathlib.Path(nr.__file__).read_text()
    imported = {n.names[0].name.split(".")[0] for n in ast.walk(ast.parse(src)) if isinstance(n, ast.Import)}
    imported |= {n.module.split(".")[0] for n in ast.walk(ast.parse(src)) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"cdktf", "constructs", "jsii", "cdktf_cdktf_provider_openstack"}


# -- the valid shapes pass ------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(Ipv6Mode))
def test_every_mode_on_a_64_is_accepted(mode):
    nr.check_subnet(v6(ipv6_ra_mode=mode.ra_mode, ipv6_address_mode=mode.address_mode))


def test_seed_subnets_are_accepted():
    # yaook: subnet_v6_cidr = "fd00::/120" with DHCPv6-stateful on both modes
    nr.check_subnet(v6("fd00::/120"))
    nr.check_subnet(v4("172.30.154.0/24", dns_nameservers=("9.9.9.9",)))


# -- ra mode / address mode -------------------------------------------------------------------


def test_ra_and_address_mode_must_be_equal_when_both_set():
    text = refused(nr.check_subnet, v6(ipv6_ra_mode="slaac", ipv6_address_mode="dhcpv6-stateful"), match="differ")
    assert "ipv6_ra_mode 'slaac'" in text and "ipv6_address_mode 'dhcpv6-stateful'" in text


@pytest.mark.parametrize("attr", ["ipv6_ra_mode", "ipv6_address_mode"])
def test_modes_only_on_ip_version_6(attr):
    text = refused(nr.check_subnet, v4(**{attr: "slaac"}), match=f"{attr} 'slaac' is not valid when ip_version is 4")
    assert "ipv4 subnet" in text


def test_modes_need_dhcp_enabled():
    refused(nr.check_subnet, v6(enable_dhcp=False), match="cannot be set when enable_dhcp is false")


def test_unknown_mode_is_refused():
    refused(nr.check_subnet, v6(ipv6_ra_mode="dhcpv6-pd", ipv6_address_mode=None), match="'dhcpv6-pd' is not one of")
    refused(Ipv6Mode.parse, "stateful", match="not an IPv6 mode")


# -- prefix lengths -------------------------------------------------------------------------------


@pytest.mark.parametrize("mode,cidr", [("slaac", "2001:db8:1::/56"), ("dhcpv6-stateless", "2001:db8:1::/80"), ("slaac", "fd00::/120")])
def test_slaac_and_stateless_need_a_64(mode, cidr):
    text = refused(nr.check_subnet, v6(cidr, ipv6_ra_mode=mode, ipv6_address_mode=mode), match="needs a /64")
    assert mode in text and "dhcpv6-stateful" in text  # says what to use instead


def test_address_mode_alone_also_needs_a_64():
    refused(nr.check_subnet, v6("fd00::/120", ipv6_ra_mode=None, ipv6_address_mode="slaac"), match="needs a /64")


def test_slaac_on_a_pool_prefix_length_is_checked_too():
    spec = SubnetSpec(label="p", ip_version=6, subnetpool=True, prefix_length=80, ipv6_ra_mode="slaac", ipv6_address_mode="slaac")
    refused(nr.check_subnet, spec, match="/80")


@pytest.mark.parametrize("cidr", ["fd00::/64", "fd00::/120", "fd00::/126"])
def test_dhcpv6_stateful_accepts_up_to_126(cidr):
    nr.check_subnet(v6(cidr))


def test_dhcpv6_stateful_refuses_past_126():
    refused(nr.check_subnet, v6("fd00::/127"), match="up to /126")


def test_ipv4_with_dhcp_refuses_past_30():
    refused(nr.check_subnet, v4("10.0.0.0/31"), match="up to /30")
    nr.check_subnet(v4("10.0.0.0/31", enable_dhcp=False, no_gateway=True))


# -- router interfaces and ports ------------------------------------------------------------------


def test_address_mode_without_ra_mode_cannot_attach_to_router():
    spec = v6(ipv6_ra_mode=None, ipv6_address_mode="slaac")
    nr.check_subnet(spec)  # a valid subnet...
    refused(nr.check_router_interface, spec, match="external router")  # ...that a router refuses


def test_router_interface_needs_a_gateway_ip():
    spec = v4(no_gateway=True)
    nr.check_subnet(spec)
    refused(nr.check_router_interface, spec, match="needs the subnet's gateway IP")


def test_router_interface_gateway_must_be_inside_the_subnet():
    spec = v4(gateway_ip="10.0.1.1")
    nr.check_subnet(spec)  # Neutron accepts an off-subnet gateway on the subnet itself
    refused(nr.check_router_interface, spec, match="outside 10.0.0.0/24")


def test_one_ipv4_subnet_per_router_port():
    nr.check_router_port("port", [v4(), v6()])  # IPv4 + IPv6 on one port is fine
    refused(nr.check_router_port, "port", [v4(), v4("10.0.1.0/24")], match="one IPv4 subnet per router port")


# -- DNS, gateway, pools ----------------------------------------------------------------------------


def test_dns_servers_match_the_family():
    text = refused(nr.check_subnet, v6(dns_nameservers=("9.9.9.9",)), match=r"dns_nameservers\[0\] 9.9.9.9 is IPv4")
    assert "IPv6 subnet takes IPv6" in text
    refused(nr.check_subnet, v4(dns_nameservers=("2620:fe::fe",)), match="is IPv6")


def test_gateway_family_and_position():
    refused(nr.check_subnet, v4(gateway_ip="fd00::1"), match="takes IPv4")
    refused(nr.check_subnet, v4(gateway_ip="10.0.0.255"), match="broadcast address")
    refused(nr.check_subnet, v4(gateway_ip="10.0.0.0"), match="network address")
    nr.check_subnet(v6(gateway_ip="2001:db8:1::"))  # IPv6: the subnet-router anycast may be a gateway


def test_allocation_pools():
    nr.check_subnet(v4(allocation_pools=(("10.0.0.2", "10.0.0.63"),)))
    refused(nr.check_subnet, v4(allocation_pools=(("10.0.0.1", "10.0.0.63"),)), match="gateway 10.0.0.1 lies in allocation pool")
    refused(nr.check_subnet, v4(allocation_pools=(("10.0.0.2", "10.0.0.255"),)), match="not inside the usable part")
    refused(nr.check_subnet, v4(allocation_pools=(("10.0.0.9", "10.0.0.2"),)), match="after end")
    refused(nr.check_subnet, v4(allocation_pools=(("10.0.0.2", "10.0.0.9"), ("10.0.0.5", "10.0.0.20"))), match="overlaps")
    nr.check_subnet(v6("fd00::/120", allocation_pools=(("fd00::2", "fd00::ff"),)))  # IPv6: no broadcast to leave out


def test_pool_prefix_takes_no_fixed_gateway_or_pools():
    base = dict(label="p", ip_version=6, subnetpool=True, prefix_length=64, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful")
    nr.check_subnet(SubnetSpec(**base))
    refused(nr.check_subnet, SubnetSpec(**base, gateway_ip="fd00::1"), match="leave gateway_ip unset")
    refused(nr.check_subnet, SubnetSpec(**base, allocation_pools=(("fd00::2", "fd00::9"),)), match="subnet pool")
    refused(nr.check_subnet, SubnetSpec(label="p", ip_version=6, cidr="fd00::/64", prefix_length=64), match="given together")
    refused(nr.check_subnet, SubnetSpec(label="p", ip_version=6), match="no cidr")


# -- canonical text ---------------------------------------------------------------------------


def test_uppercase_cidr_is_refused_with_the_canonical_form():
    text = refused(nr.check_subnet, v6("FD00::/64"), match="not canonical")
    assert text.endswith("write fd00::/64")


def test_host_bits_are_refused_with_the_network():
    text = refused(nr.check_subnet, v4("10.0.0.1/24"), match="host bits set")
    assert "write 10.0.0.0/24" in text
    refused(nr.check_subnet, v6("fd00::1/64"), match="write fd00::/64")


def test_cidr_family_must_match_ip_version():
    refused(nr.check_subnet, SubnetSpec(label="x", ip_version=4, cidr="fd00::/64"), match="takes IPv4")


def test_non_canonical_addresses_are_refused():
    refused(nr.canonical_address, "FD00::0001", "f", match="write fd00::1")


# -- ports, floating IPs, routes ---------------------------------------------------------------------


def test_no_pinned_address_on_automatic_subnets():
    slaac = v6(ipv6_ra_mode="slaac", ipv6_address_mode="slaac")
    refused(nr.check_fixed_ip, slaac, "2001:db8:1::10", "port a", match="automatic")
    nr.check_fixed_ip(slaac, None, "port a")  # leaving it to EUI-64 is fine
    nr.check_fixed_ip(v6(), "2001:db8:1::10", "port a")


def test_fixed_ip_inside_the_subnet():
    refused(nr.check_fixed_ip, v4(), "10.0.1.5", "port a", match="outside 10.0.0.0/24")
    refused(nr.check_fixed_ip, v4(), "10.0.0.255", "port a", match="broadcast")
    refused(nr.check_fixed_ip, v6(), "2001:db8:1::", "port a", match="network address")
    refused(nr.check_fixed_ip, v4(), "10.0.0.1", "port a", match="is the gateway")  # Neutron's default gateway
    refused(nr.check_fixed_ip, v4(gateway_ip="10.0.0.254"), "10.0.0.254", "port a", match="is the gateway")
    nr.check_fixed_ip(v4(no_gateway=True), "10.0.0.1", "port a")


@pytest.mark.parametrize("family", [6, "ipv6", None])
def test_floating_ips_are_ipv4_only(family):
    refused(nr.check_floating_ip, "fip", family, match="floating IP can only map to a fixed IPv4")
    nr.check_floating_ip("fip", "ipv4")


def test_route_next_hop_must_be_on_a_router_subnet():
    subnets = [v4(), v6()]
    nr.check_route("r", "fd10::/80", "2001:db8:1::5", subnets)
    refused(nr.check_route, "r", "fd10::/80", "2001:db8:9::5", subnets, match="not connected with router")
    refused(nr.check_route, "r", "fd10::/80", "2001:db8:1::", subnets, match="the nexthop is used by router")
    refused(nr.check_route, "r", "fd10::/80", "10.0.0.5", subnets, match="same family")
    refused(nr.check_route, "r", "fd10::/80", "2001:db8:1::5", [v4()], match="no IPv6 subnet attached")
    nr.check_route("r", "FD10::/80", "2001:db8:1::5", subnets)  # Neutron keeps a destination as written: no drift (tests/neutron)


def test_external_fixed_ips_one_per_family():
    nr.check_external_fixed_ips("gw", [("ipv4", None), ("ipv6", "2001:db8::5")])
    refused(nr.check_external_fixed_ips, "gw", [("ipv4", None), ("ipv4", None)], match="one per family")
    refused(nr.check_external_fixed_ips, "gw", [("ipv6", "10.0.0.1")], match="takes IPv6")


def test_expressions_skip_value_checks_but_not_length_checks():
    expr = "${cidrhost(openstack_networking_subnet_v2.k8s_v6.cidr, 5)}"
    spec = SubnetSpec(label="p", ip_version=6, subnetpool=True, prefix_length=64, ipv6_ra_mode="dhcpv6-stateful", ipv6_address_mode="dhcpv6-stateful")
    nr.check_fixed_ip(spec, expr, "port a")
    nr.check_route("r", "fd10::/80", expr, [spec])


def test_pure_modules_import_without_jsii():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import constructs_lib.openstack.neutron_rules, constructs_lib.openstack.security_rules\n"
        "import constructs_lib.openstack.wireguard, constructs_lib.openstack.ipv6_source\n"
        "from constructs_lib.openstack import Ipv6Mode, RuleSpec\n"
        "assert not {'jsii', 'cdktf'} & set(sys.modules), sorted(m for m in sys.modules if 'jsii' in m or 'cdktf' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
