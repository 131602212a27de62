"""The seed's wireguard settings and Kubermatic's IPv6 prefix order (pure)."""

from __future__ import annotations

import pytest

from constructs_lib.openstack.ipv6_source import (
    KUBERMATIC_FALLBACK_IPV6,
    DefaultSubnetPool,
    FixedPrefix,
    NamedSubnetPool,
    kubermatic_ipv6_source,
)
from constructs_lib.openstack.neutron_rules import NeutronRuleError
from constructs_lib.openstack.wireguard import WireguardSettings


def test_seed_wireguard_settings_are_valid():
    wg = WireguardSettings(wg_ipv6_cidr="fd01::/120", wg_ipv6_gw="fd01::1/120")
    assert wg.gateway_address == "fd01::1"
    assert WireguardSettings() == wg  # the seed's values are the defaults


@pytest.mark.parametrize(
    "cidr,gw,match",
    [
        ("fd01::/120", "fd02::1/120", "outside wg_ipv6_cidr fd01::/120"),
        ("fd01::/120", "fd01::1/64", "write fd01::1/120"),
        ("fd01::/120", "fd01::1", "must be an address with the prefix length"),
        ("fd01::/120", "fd01::/120", "subnet-router anycast"),
        ("fd01::/120", "10.0.0.1/24", "is IPv4"),
        ("fd01::/120", "FD01::1/120", "write fd01::1/120"),
        ("FD01::/120", "fd01::1/120", "write fd01::/120"),
        ("fd01::1/120", "fd01::1/120", "host bits"),
        ("10.8.0.0/24", "fd01::1/120", "takes IPv6"),
    ],
)
def test_bad_wireguard_settings_are_refused(cidr, gw, match):
    with pytest.raises(NeutronRuleError, match=match) as err:
        WireguardSettings(wg_ipv6_cidr=cidr, wg_ipv6_gw=gw)
    assert "\n" not in str(err.value)


def test_kubermatic_order_named_pool_first():
    assert kubermatic_ipv6_source("ipv6-pool", default_pool_exists=True) == NamedSubnetPool("ipv6-pool")
    assert kubermatic_ipv6_source("ipv6-pool", default_pool_exists=False) == NamedSubnetPool("ipv6-pool")


def test_kubermatic_order_then_default_pool_then_fd00():
    assert kubermatic_ipv6_source(None, default_pool_exists=True) == DefaultSubnetPool()
    assert kubermatic_ipv6_source(None, default_pool_exists=False) == FixedPrefix("fd00::/64")
    assert KUBERMATIC_FALLBACK_IPV6 == "fd00::/64"


def test_sources_validate():
    with pytest.raises(NeutronRuleError, match="write fd00::/64"):
        FixedPrefix("FD00::/64")
    with pytest.raises(NeutronRuleError, match="non-empty pool name"):
        NamedSubnetPool(" ")
