"""``VmFleet``: VMs in one tier, each with its own ENI carrying its /80, all keyed by VM name.

Three ``for_each`` resources whatever the fleet size (O(1) jsii calls):

- ``aws_ec2_subnet_cidr_reservation.<fleet>["<az>"]``: the fleet's block in each subnet, so
  AWS never hands those addresses to anything else (``explicit`` when we name each /80,
  ``prefix`` when AWS picks them);
- ``aws_network_interface.<fleet>["<vm>"]``: ``ipv6_prefixes = [its /80]`` (or
  ``ipv6_prefix_count``); ``aws_instance`` has no prefix arguments, so the prefix lives here;
- ``aws_instance.<fleet>["<vm>"]``: attached through that ENI as device 0.
"""

from __future__ import annotations

from constructs_lib.engine import TerraformOutput
from constructs_lib.engine import Construct

from constructs_lib.ipam import Ipam

from .elements import AwsResource, interp, ref
from .common import logical
from .fleet_plan import ExplicitPrefixes, FleetPlan, FleetProps, PrefixCount, plan_fleet
from .provider_types import (
    AwsEc2SubnetCidrReservation,
    AwsInstance,
    AwsInstanceMetadataOptions,
    AwsInstanceNetworkInterface,
    AwsInstancePrivateDnsNameOptions,
    AwsNetworkInterface,
)
from .vpc import Ipv6Vpc


class VmFleet(Construct):
    def __init__(self, scope: Construct, id: str, *, ipam: Ipam, vpc: Ipv6Vpc, props: FleetProps) -> None:
        plan = plan_fleet(ipam, vpc.plan, props)  # raises AwsConfigError before anything is synthesized
        super().__init__(scope, id)
        self.props = props
        self.plan: FleetPlan = plan
        self.vpc = vpc
        self.name = logical(props.name)
        self.resources: dict[str, AwsResource] = {}
        tier = vpc.props.tier(props.tier)
        subnet = vpc.subnet_name(tier.name)
        tags = {**vpc.props.tags, **props.tags}

        depends: list[str] = []
        if plan.reservations:
            cidrs = {}
            for az, res in plan.reservations.items():
                sp = vpc.plan.subnet(tier.name, az)
                if res.prefix.is_relative:
                    cidrs[az] = interp(res.prefix.expr_against(vpc.subnet_attr(tier.name, az, "ipv6_cidr_block"), sp.ipv6))
                else:
                    cidrs[az] = res.prefix.text
            r = self._add(self.name, AwsEc2SubnetCidrReservation(
                subnet_id=interp(vpc.subnet_attr(tier.name, "each.key", "id")),
                cidr_block="${each.value}",
                reservation_type=next(iter(plan.reservations.values())).reservation_type,
                description=f"{props.name} /80 per VM",
            ), for_each=cidrs)
            depends.append(r.address)

        enis: dict[str, dict[str, str]] = {}
        for vm in plan.vms:
            entry = {"az": vm.az}
            prefix = vm.ipv6_prefix_tf(vpc.subnet_attr(tier.name, vm.az, "ipv6_cidr_block"), vpc.plan.subnet(tier.name, vm.az).ipv6)
            if prefix is not None:
                entry["ipv6_prefix"] = prefix
            enis[vm.name] = entry
        mode = props.prefixes
        self._add(self.name, AwsNetworkInterface(
            subnet_id=interp(ref("aws_subnet", subnet, "id", "each.value.az")),
            ipv6_prefixes=["${each.value.ipv6_prefix}"] if isinstance(mode, ExplicitPrefixes) else None,
            ipv6_prefix_count=mode.count if isinstance(mode, PrefixCount) else None,
            ipv6_address_count=props.ipv6_address_count,
            security_groups=list(props.security_group_ids) or None,
            description=f"{props.name} ${{each.key}}",
            tags={**tags, "Name": "${each.key}"},
        ), for_each=enis, depends_on=depends)

        self._add(self.name, AwsInstance(
            ami=props.ami,
            instance_type=props.instance_type,
            key_name=props.key_name,
            network_interface=[AwsInstanceNetworkInterface(network_interface_id="${each.value.id}", device_index=0)],
            # IPv6-only subnets reach IMDS only over IPv6 (fd00:ec2::254)
            metadata_options=[AwsInstanceMetadataOptions(
                http_endpoint="enabled", http_protocol_ipv6="enabled", http_tokens="required")],
            private_dns_name_options=[AwsInstancePrivateDnsNameOptions(
                hostname_type="resource-name",
                enable_resource_name_dns_aaaa_record=True,
                enable_resource_name_dns_a_record=not tier.ipv6_only,
            )],
            tags={**tags, "Name": "${each.key}"},
        ), for_each=f"aws_network_interface.{self.name}")

        out = TerraformOutput(
            self, f"{self.name}_ipv6_prefixes",
            value=f"${{{{ for k, eni in aws_network_interface.{self.name} : k => eni.ipv6_prefixes }}}}",
            description=f"the /80s of fleet {props.name}, by VM name",
        )
        out.override_logical_id(f"{self.name}_ipv6_prefixes")

    def _add(self, logical_id: str, args, **kw) -> AwsResource:
        r = AwsResource(self, logical_id, args, **kw)
        self.resources[r.address] = r
        return r

    def node_prefixes(self) -> dict[str, str]:
        """VM name -> its /80 as Terraform text (concrete CIDR or ``${cidrsubnet(...)}``)."""
        vpc = self.vpc
        tier = self.props.tier
        out = {}
        for vm in self.plan.vms:
            tf = vm.ipv6_prefix_tf(vpc.subnet_attr(tier, vm.az, "ipv6_cidr_block"), vpc.plan.subnet(tier, vm.az).ipv6)
            if tf is not None:
                out[vm.name] = tf
        return out
