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

from constructs_lib.engine import LocalBackend, TerraformStack, TerraformVariable
from constructs_lib.engine import Construct

from constructs_lib.aws import AwsConfigError, AwsProvider, Ipv6Vpc, VmFleet
from constructs_lib.aws.poc import (  # noqa: F401  (re-exported: the spec lives with the pure model)
    AMI_VARIABLE,
    OFFLINE_AMI_PLACEHOLDER,
    OFFLINE_ENV,
    AwsIpv6Spec,
    fleet_props,
    provider_config,
    vpc_props,
)
from constructs_lib.ipam import Ipam


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
