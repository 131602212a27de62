"""AWS IPv6 constructs (cdktf), fed by the allocator.

Pure-Python parts (``sources``, ``vpc_plan``, ``fleet_plan``, ``poc``, ``tftypes``, ``provider_types``) import no cdktf; the constructs
(``Ipv6Vpc``, ``VmFleet``, ``AwsProvider``) load cdktf lazily on first use, so validation and
planning stay cheap. The prebuilt ``cdktf_cdktf_provider_aws`` is never imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import AwsConfigError
from .fleet_plan import ExplicitPrefixes, FleetPlan, FleetProps, PrefixCount, PrefixMode, Vm, plan_fleet
from .sources import AmazonProvidedIpv6, ExplicitIpv6Cidr, IpamPoolIpv6, Ipv6Source, Ipv6SourceChoice
from .vpc_plan import NatGateways, SubnetTier, VpcPlan, VpcProps, plan_vpc
from .provider_types import AwsProviderConfig
from .tftypes import SchemaError

if TYPE_CHECKING:
    from .elements import AwsProvider, AwsResource
    from .fleet import VmFleet
    from .vpc import Ipv6Vpc

_LAZY = {
    "AwsProvider": "elements",
    "AwsResource": "elements",
    "Ipv6Vpc": "vpc",
    "VmFleet": "fleet",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AmazonProvidedIpv6", "AwsConfigError", "AwsProvider", "AwsProviderConfig", "AwsResource", "ExplicitIpv6Cidr",
    "ExplicitPrefixes", "FleetPlan", "FleetProps", "IpamPoolIpv6", "Ipv6Source", "Ipv6SourceChoice", "Ipv6Vpc", "NatGateways",
    "PrefixCount", "PrefixMode", "SchemaError", "SubnetTier", "Vm", "VmFleet", "VpcPlan", "VpcProps",
    "plan_fleet", "plan_vpc",
]
