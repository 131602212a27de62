"""The seed-003 proof of concept on AWS (Gardener IPv6 proposal):

"create a VPC with AWS assigned /56, make an IPv6 only subnet and request a /80 prefix per VM".

- VPC with an Amazon-provided /56 (and the IPv4 CIDR AWS always wants);
- an IPv6-only subnet per AZ (DNS64 on, resource-name hostnames, AAAA records only), ``::/0``
  to an egress-only internet gateway, ``64:ff9b::/96`` to a NAT gateway (NAT64);
- a public dual-stack subnet per AZ holding the NAT gateway (one by default: it is a PoC);
- N VMs, each with its own ENI carrying its /80 from a subnet CIDR reservation; pods take their
  addresses from that /80 (no overlay, no NAT inside the cluster).

``build_aws_ipv6_stack(app, "aws-ipv6", ipam=ipam, spec=AwsIpv6Spec())`` adds the stack to an app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from cdktf import LocalBackend, TerraformStack, TerraformVariable
from constructs import Construct

from constructs_lib.aws import (
    AmazonProvidedIpv6,
    AwsConfigError,
    AwsProvider,
    AwsProviderConfig,
    ExplicitPrefixes,
    FleetProps,
    Ipv6Source,
    Ipv6Vpc,
    NatGateways,
    PrefixMode,
    SubnetTier,
    Vm,
    VmFleet,
    VpcProps,
)
from constructs_lib.ipam import Ipam

#: set to 1/true to render the provider for an offline ``terraform plan`` (no AWS account needed)
OFFLINE_ENV = "DUALSTACK_AWS_OFFLINE"
#: the AMI variable the stack declares when ``AwsIpv6Spec.ami`` is None
AMI_VARIABLE = "ami_id"
#: its default in offline mode only, so an offline plan needs no input; real deploys must set it
OFFLINE_AMI_PLACEHOLDER = "ami-00000000000000000"


@dataclass(frozen=True)
class AwsIpv6Spec:
    """What the PoC stack builds. Every field has a working default.

    - ``azs``: default ``<region>a``, ``b``, ``c``.
    - ``vms``: names (or ``Vm(name, az=...)``); VM i goes to AZ i mod n unless pinned.
    - ``instance_type``: must be Nitro-based (IPv6-only subnets and prefix delegation need it).
    - ``ami``: an AMI id; None declares ``variable "ami_id"`` (AMI ids are per region), with a
      placeholder default in offline mode only.
    - ``offline``: render provider settings for an offline plan (skip credential, account-id,
      metadata and region checks, placeholder keys). None reads ``$DUALSTACK_AWS_OFFLINE``.
      Never set it for a real deploy.
    """

    vpc_name: str = "poc"
    region: str = "eu-central-1"
    azs: Sequence[str] | None = None
    ipv4_cidr: str = "10.0.0.0/16"
    ipv6: Ipv6Source = field(default_factory=AmazonProvidedIpv6)
    vms: Sequence[str | Vm] = ("node-1", "node-2", "node-3")
    fleet_name: str = "node"
    instance_type: str = "t3.micro"
    ami: str | None = None
    prefixes: PrefixMode = field(default_factory=ExplicitPrefixes)
    nat_gateways: NatGateways = "single"
    public_ipv4_length: int = 24
    node_ipv6_length: int = 64
    offline: bool | None = None
    tags: Mapping[str, str] = field(default_factory=lambda: {"project": "dualstack"})

    def __post_init__(self) -> None:
        object.__setattr__(self, "vms", tuple(self.vms))
        if self.azs is not None:
            object.__setattr__(self, "azs", tuple(self.azs))

    @property
    def zones(self) -> tuple[str, ...]:
        return tuple(self.azs) if self.azs else tuple(f"{self.region}{s}" for s in "abc")

    @property
    def is_offline(self) -> bool:
        if self.offline is not None:
            return self.offline
        return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes")

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
            SubnetTier("nodes", ipv6_length=spec.node_ipv6_length),
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


def build_aws_ipv6_stack(scope: Construct, stack_id: str, *, ipam: Ipam, spec: AwsIpv6Spec | None = None) -> TerraformStack:
    """Add the PoC stack to ``scope`` (a cdktf App). Bad input raises ``AwsConfigError``
    (one line) before the stack is created; allocations go to ``ipam`` under keys ``<vpc>/...``."""
    spec = spec or AwsIpv6Spec()
    if not isinstance(spec, AwsIpv6Spec):
        raise AwsConfigError(f"spec: {spec!r} is not an AwsIpv6Spec")
    vprops = vpc_props(spec)  # validation happens here, before any construct exists
    fprops = fleet_props(spec)
    pconfig = provider_config(spec)
    pconfig.to_terraform()  # schema check of the provider arguments, also before the stack exists

    stack = TerraformStack(scope, stack_id)
    # relative state path: the synthesized JSON does not depend on the working directory
    LocalBackend(stack, path=f"terraform.{stack_id}.tfstate")
    AwsProvider(stack, "aws", pconfig)
    if spec.ami is None:
        var = TerraformVariable(
            stack, AMI_VARIABLE, type="string",
            description=f"AMI for the {spec.fleet_name} VMs in {spec.region} (Nitro-based, e.g. Amazon Linux 2023)",
            default=OFFLINE_AMI_PLACEHOLDER if spec.is_offline else None,
        )
        var.override_logical_id(AMI_VARIABLE)
    vpc = Ipv6Vpc(stack, "vpc", ipam=ipam, props=vprops)
    VmFleet(stack, "fleet", ipam=ipam, vpc=vpc, props=fprops)
    return stack
