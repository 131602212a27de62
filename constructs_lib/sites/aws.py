"""The AWS site kind: ``sites.<name>.aws`` -> ``AwsSitePlan`` (VPC + fleet) -> the seed-003 stack."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from constructs_lib.aws.common import logical
from constructs_lib.aws.poc import AwsIpv6Spec, AwsSitePlan, plan_site
from constructs_lib.ipam.terraform import interp
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
        fleet = logical(plan.fleet.props.name)
        eni = f"aws_network_interface.{fleet}"
        vpc = logical(plan.spec.vpc_name)
        nodes_tier = logical(plan.spec.vpc_name, plan.fleet.props.tier)

        def addresses(vm: str) -> dict[str, str]:
            # AWS assigns each ENI's addresses: kubelet's node-ip reads them at apply time
            out = {"ipv6": f'${{tolist({eni}["{vm}"].ipv6_addresses)[0]}}'}
            if not plan.spec.ipv6_native:
                out["ipv4"] = f'${{{eni}["{vm}"].private_ip}}'
            return out

        networks = {"ipv6": plan.vpc.network.id}
        if not plan.spec.ipv6_native:
            networks["ipv4"] = plan.vpc.network.id
        cloud = {"provider": "aws", "region": plan.spec.region,
                 "spec": {"vpcID": interp(f"aws_vpc.{vpc}.id"), "securityGroupID": interp(f"aws_security_group.{fleet}.id")},
                 "subnets": {az: interp(f'aws_subnet.{nodes_tier}["{az}"].id') for az in plan.spec.zones}}
        return ClusterLinks(
            global_parent=plan.vpc.network.id,
            node_networks=networks,
            machines=[NodeSpec(name=vm.name, addresses=addresses(vm.name),
                               prefixes={"ipv6": vm.prefix.text} if vm.prefix is not None else {})
                      for vm in plan.fleet.vms],
            cloud=cloud,
        )

    def build_stack(self, scope: Any, stack_id: str, plan: AwsSitePlan, *, backend_path: str) -> Any:
        from stacks.aws_ipv6 import build_aws_ipv6_stack  # the AWS constructs (cdktf)

        return build_aws_ipv6_stack(scope, stack_id, spec=plan.spec, vpc=plan.vpc, fleet=plan.fleet, backend_path=backend_path)
