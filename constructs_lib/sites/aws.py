"""The AWS site kind: ``sites.<name>.aws`` -> ``AwsSitePlan`` (VPC + fleet) -> the seed-003 stack."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from constructs_lib.aws.poc import AwsIpv6Spec, AwsSitePlan, plan_site
from constructs_lib.ipam import Ipam
from constructs_lib.kubernetes import NodeSpec

from .base import ClusterLinks


class AwsSite:
    name = "aws"
    spec_type = AwsIpv6Spec
    description = "an AWS VPC with an IPv6 block, IPv6-only (or dual-stack) node subnets and a /80 per VM (seed 003)"

    def defaults(self, site: str, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"vpc_name": site, **data}

    def check(self, site: str, spec: AwsIpv6Spec, super_networks: Sequence[str], given: Mapping[str, Any]) -> list[str]:
        # every AwsIpv6Spec field takes effect in every combination the spec itself accepts
        return []

    def plan(self, ipam: Ipam, site: str, spec: AwsIpv6Spec) -> AwsSitePlan:
        return plan_site(ipam, spec)

    def links(self, ipam: Ipam, plan: AwsSitePlan) -> ClusterLinks:
        eni = f"aws_network_interface.{plan.fleet.props.name}"
        return ClusterLinks(
            global_parent=plan.vpc.network.id,
            node_networks={"ipv6": plan.vpc.network.id},
            # AWS assigns each ENI's address: kubelet's node-ip reads it at apply time
            machines=[
                NodeSpec(name=vm.name, addresses={"ipv6": f'${{tolist({eni}["{vm.name}"].ipv6_addresses)[0]}}'},
                         prefixes={"ipv6": vm.prefix.text} if vm.prefix is not None else {})
                for vm in plan.fleet.vms
            ],
        )

    def build_stack(self, scope: Any, stack_id: str, plan: AwsSitePlan, *, backend_path: str) -> Any:
        from stacks.aws_ipv6 import build_aws_ipv6_stack  # the AWS constructs (cdktf)

        return build_aws_ipv6_stack(scope, stack_id, spec=plan.spec, vpc=plan.vpc, fleet=plan.fleet, backend_path=backend_path)
