"""AWS IPv6 constructs (cdktf), fed by the allocator.

Pure-Python parts (``sources``, ``vpc_plan``, ``fleet_plan``, ``poc``) import no cdktf; the constructs
(``Ipv6Vpc``, ``VmFleet``, ``AwsProvider``) load cdktf lazily on first use, so validation and
planning stay cheap. Their resources come from the typed layer ``constructs_lib.providers.aws_types``
(one provider layer for both clouds); the prebuilt ``cdktf_cdktf_provider_aws`` is never imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import AwsConfigError
from .fleet_plan import ExplicitPrefixes, FleetPlan, FleetProps, FleetSecurity, PrefixCount, PrefixMode, Vm, plan_fleet
from .sources import AmazonProvidedIpv6, ExplicitIpv6Cidr, IpamPoolIpv6, Ipv6Source, Ipv6SourceChoice
from .vpc_plan import NatGateways, SubnetTier, VpcPlan, VpcProps, plan_vpc
from constructs_lib.providers.aws_types import AwsProviderConfig
from constructs_lib.providers.block import SchemaError
from constructs_lib.providers.versions import AWS_PROVIDER_SOURCE, AWS_PROVIDER_VERSION

if TYPE_CHECKING:
    from constructs_lib.providers.elements import Provider as AwsProvider
    from constructs_lib.providers.elements import Resource as AwsResource

    from .fleet import VmFleet
    from .vpc import Ipv6Vpc

#: name -> (module, attribute); the constructs load cdktf, so they come on first use
_LAZY = {
    "AwsProvider": ("constructs_lib.providers.elements", "Provider"),
    "AwsResource": ("constructs_lib.providers.elements", "Resource"),
    "Ipv6Vpc": ("constructs_lib.aws.vpc", "Ipv6Vpc"),
    "VmFleet": ("constructs_lib.aws.fleet", "VmFleet"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AWS_PROVIDER_SOURCE", "AWS_PROVIDER_VERSION", "AmazonProvidedIpv6", "AwsConfigError", "FleetSecurity", "AwsProvider", "AwsProviderConfig", "AwsResource", "ExplicitIpv6Cidr",
    "ExplicitPrefixes", "FleetPlan", "FleetProps", "IpamPoolIpv6", "Ipv6Source", "Ipv6SourceChoice", "Ipv6Vpc", "NatGateways",
    "PrefixCount", "PrefixMode", "SchemaError", "SubnetTier", "Vm", "VmFleet", "VpcPlan", "VpcProps",
    "plan_fleet", "plan_vpc",
]
