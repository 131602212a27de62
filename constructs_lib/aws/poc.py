"""The seed-003 AWS proof of concept as data: what ``stacks/aws_ipv6.py`` builds.

Pure Python (no cdktf): the plan file validates into ``AwsIpv6Spec`` and ``dualstack plan``
allocates from it without starting jsii.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from pydantic import ConfigDict

from constructs_lib.inputs import env_flag
from constructs_lib.ipam import Ipam

from .common import AwsConfigError
from .fleet_plan import ExplicitPrefixes, FleetPlan, FleetProps, FleetSecurity, PrefixMode, Vm, plan_fleet
from .sources import AmazonProvidedIpv6, Ipv6SourceChoice
from .vpc_plan import NatGateways, SubnetTier, VpcPlan, VpcProps, plan_vpc
from constructs_lib.providers.aws_types import AwsProviderConfig

#: set to 1/true to render the provider for an offline ``terraform plan`` (no AWS account needed)
OFFLINE_ENV = "DUALSTACK_AWS_OFFLINE"
#: the AMI variable the stack declares when ``AwsIpv6Spec.ami`` is None
AMI_VARIABLE = "ami_id"
#: its default in offline mode only, so an offline plan needs no input; real deploys must set it
OFFLINE_AMI_PLACEHOLDER = "ami-00000000000000000"


@dataclass(frozen=True)
class AwsIpv6Spec:
    """What the seed-003 stack builds (a plan's ``sites.<name>.aws``). Every field has a working
    default; each field's docstring is its documentation in the README and the JSON Schema."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    vpc_name: str = "poc"
    """Names the VPC and keys its allocations (``<vpc_name>/...``). In a plan file: the site's name."""
    region: str = "eu-central-1"
    """The AWS region."""
    azs: Sequence[str] | None = None
    """Availability zones for the subnets; default ``<region>a``, ``b``, ``c``."""
    ipv4_cidr: str = "10.0.0.0/16"
    """The VPC's IPv4 CIDR (AWS always wants one), /16 to /28."""
    ipv6: Ipv6SourceChoice = field(default_factory=AmazonProvidedIpv6)
    """Where the VPC's IPv6 block comes from: ``{}`` an Amazon-provided /56 (default), ``{ipam_pool_id, ipv6_netmask_length}`` an IPAM pool, or ``{cidr, ipam_pool_id}`` a BYOIP block."""
    vms: Sequence[str | Vm] = ("node-1", "node-2", "node-3")
    """The VMs: names, or ``{name, az, ipv6_prefix}``. Each gets an ENI with its own /80."""
    fleet_name: str = "node"
    """Names the fleet's resources (``aws_network_interface.<fleet_name>``)."""
    instance_type: str = "t3.micro"
    """A Nitro-based type: IPv6-only subnets and prefix delegation need one."""
    ami: str | None = None
    """The AMI; unset: the stack declares ``variable "ami_id"`` (AMI ids are per region)."""
    prefixes: PrefixMode = field(default_factory=ExplicitPrefixes)
    """How each ENI gets its /80: ``{}`` the allocator names it (explicit reservation, default), ``{count: n}`` AWS picks n (``ipv6_prefix_count``), or null: none."""
    nat_gateways: NatGateways = "single"
    """NAT gateways (NAT64 for DNS64, IPv4 egress): ``single`` (default, a PoC), ``one_per_az`` or ``none``."""
    public_ipv4_length: int = 24
    """The public dual-stack subnets' IPv4 length (they hold the NAT gateways)."""
    node_ipv6_length: int = 64
    """The node subnets' IPv6 length, /44 to /64 in steps of 4."""
    ipv6_native: bool = True
    """IPv6-only node subnets (terraform-aws-vpc's ``ipv6_native``: DNS64, AAAA only). False: dual-stack nodes, each ENI with an IPv4 address too (a Kubermatic dual-stack cluster)."""
    node_ipv4_length: int = 24
    """With ``ipv6_native: false``: the node subnets' IPv4 length."""
    ssh_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Per family, the prefixes allowed to SSH (TCP 22) to the nodes; ``anywhere`` opens it to the whole internet on purpose. Nothing by default."""
    api_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Per family, the prefixes allowed to reach kube-apiserver (TCP 6443) on the nodes; ``anywhere`` as for ``ssh_from``. Nothing by default."""
    egress_vpc: bool = False
    """Allow the nodes all egress to the VPC's IPv4 CIDR and IPv6 block."""
    egress_anywhere: bool = False
    """Allow the nodes all egress to ``0.0.0.0/0`` and ``::/0`` (image pulls, package mirrors, through the egress-only gateway and NAT64). Off: nothing beyond the fleet, the link and Amazon's own services (DNS, DHCP, metadata, time)."""
    offline: bool | None = None
    """Render provider settings for an offline ``terraform plan`` (no credentials); unset: ``$DUALSTACK_AWS_OFFLINE``. Never for a real deploy."""
    tags: Mapping[str, str] = field(default_factory=lambda: {"project": "dualstack"})
    """Tags on every resource."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "vms", tuple(self.vms))
        FleetSecurity.from_spec(self)  # the nodes' security settings are checked with the plan, not at synth
        if self.azs is not None:
            if not self.azs:
                raise AwsConfigError("azs: [] names no availability zone; list at least one, or leave azs out for <region>a, b, c")
            object.__setattr__(self, "azs", tuple(self.azs))

    @property
    def zones(self) -> tuple[str, ...]:
        return tuple(self.azs) if self.azs else tuple(f"{self.region}{s}" for s in "abc")

    @property
    def is_offline(self) -> bool:
        if self.offline is not None:
            return self.offline
        return env_flag(os.environ, OFFLINE_ENV)

    def with_vm_count(self, n: int, prefix: str = "node-") -> "AwsIpv6Spec":
        """The same spec with VMs ``node-1`` .. ``node-<n>``."""
        return replace(self, vms=tuple(f"{prefix}{i}" for i in range(1, n + 1)))


def vpc_props(spec: AwsIpv6Spec) -> VpcProps:
    return VpcProps(
        name=spec.vpc_name,
        region=spec.region,
        azs=spec.zones,
        ipv4_cidr=spec.ipv4_cidr,
        ipv6=spec.ipv6,
        tiers=(
            SubnetTier("public", ipv6_only=False, public=True, nat_gateway=True, ipv4_length=spec.public_ipv4_length),
            SubnetTier("nodes", ipv6_length=spec.node_ipv6_length, ipv6_only=spec.ipv6_native,
                       ipv4_length=None if spec.ipv6_native else spec.node_ipv4_length),
        ),
        nat_gateways=spec.nat_gateways,
        tags=spec.tags,
    )


def fleet_props(spec: AwsIpv6Spec) -> FleetProps:
    return FleetProps(
        name=spec.fleet_name,
        tier="nodes",
        vms=spec.vms,
        ami=spec.ami if spec.ami is not None else f"${{var.{AMI_VARIABLE}}}",
        instance_type=spec.instance_type,
        prefixes=spec.prefixes,
    )


@dataclass(frozen=True)
class AwsSitePlan:
    """Everything the PoC stack writes, from the allocator: the VPC's subnets and the fleet's /80s."""

    spec: AwsIpv6Spec
    vpc: VpcPlan
    fleet: FleetPlan


def plan_site(ipam: Ipam, spec: AwsIpv6Spec) -> AwsSitePlan:
    """Plan the VPC, then the fleet in it, under keys ``<vpc_name>/...``. Raises ``AwsConfigError``."""
    vpc = plan_vpc(ipam, vpc_props(spec))
    return AwsSitePlan(spec, vpc, plan_fleet(ipam, vpc, fleet_props(spec)))


def provider_config(spec: AwsIpv6Spec) -> AwsProviderConfig:
    if not spec.is_offline:
        return AwsProviderConfig(region=spec.region)
    # offline plan only: no STS, no account lookup, no IMDS, static placeholder keys
    return AwsProviderConfig(
        region=spec.region,
        skip_credentials_validation=True,
        skip_requesting_account_id=True,
        skip_metadata_api_check="true",
        skip_region_validation=True,
        access_key="offline-plan-placeholder",
        secret_key="offline-plan-placeholder",
    )
