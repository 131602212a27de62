"""``VmFleet``: VMs in one tier, each with its own ENI carrying its /80, all keyed by VM name.

Built from a ``FleetPlan`` (``plan_fleet``'s answer); ``VmFleet.from_props`` plans first. Six
``for_each``-or-single resources whatever the fleet size (O(1) jsii calls):

- ``aws_ec2_subnet_cidr_reservation.<fleet>["<az>"]``: the fleet's block in each subnet, so
  AWS never hands those addresses to anything else (``explicit`` when we name each /80,
  ``prefix`` when AWS picks them);
- ``aws_security_group.<fleet>`` with ``aws_vpc_security_group_ingress_rule.<fleet>["<rule>"]``
  and ``..._egress_rule.<fleet>["<rule>"]`` (``FleetSecurity``): the nodes' own group, on every
  ENI, so no ENI falls back to the VPC's default group;
- ``aws_network_interface.<fleet>["<vm>"]``: ``ipv6_prefixes = [its /80]`` (or
  ``ipv6_prefix_count``); ``aws_instance`` has no prefix arguments, so the prefix lives here;
- ``aws_instance.<fleet>["<vm>"]``: attached through that ENI as device 0.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from constructs_lib.engine import Construct
from constructs_lib.ipam import Ipam
from constructs_lib.ipam.prefix import FAMILIES
from constructs_lib.openstack.security_rules import ICMP_MESSAGES, LINK_LOCAL_V6, prefix_slug
from constructs_lib.providers.aws_types import (
    AwsEc2SubnetCidrReservation,
    AwsInstance,
    AwsInstanceMetadataOptions,
    AwsInstanceNetworkInterface,
    AwsInstancePrivateDnsNameOptions,
    AwsNetworkInterface,
    AwsSecurityGroup,
    AwsVpcSecurityGroupEgressRule,
    AwsVpcSecurityGroupIngressRule,
)
from constructs_lib.providers.elements import Output, Resource, interp, ref, remember_scope

from .common import AwsConfigError, fail, logical
from .fleet_plan import ANYWHERE_WORD, ExplicitPrefixes, FleetPlan, FleetProps, FleetSecurity, PrefixCount, plan_fleet
from .vpc import Ipv6Vpc

ANYWHERE = {"ipv4": "0.0.0.0/0", "ipv6": "::/0"}
#: the rule fields a for_each entry may leave out (the template reads them with lookup(..., null))
OPTIONAL_RULE_FIELDS = ("cidr_ipv4", "cidr_ipv6", "from_port", "referenced_security_group_id", "to_port")


def _icmp(name: str, family: str) -> tuple[int, int]:
    """(type, code) of a named ICMP message for AWS: code -1 is every code."""
    v4, v6 = ICMP_MESSAGES[name]
    kind = v4 if family == "ipv4" else v6
    assert kind is not None, (name, family)
    return kind[0], -1 if kind[1] is None else kind[1]


def fleet_rules(
    sec: FleetSecurity,
    *,
    group_id: str,
    subnets_v6: Mapping[str, str],
    subnets_v4: Mapping[str, str],
    pods: Mapping[str, str],
    vpc_v4: str,
    vpc_v6: str,
) -> tuple[dict[str, dict], dict[str, dict]]:
    """(ingress, egress) rule maps keyed by stable rule names, in ``aws_vpc_security_group_*_rule`` fields.

    ``subnets_v6``/``subnets_v4``: AZ -> the fleet tier's subnet CIDR (text or ``${...}``);
    ``pods``: AZ -> the fleet's reservation (its /80s); ``group_id``: the group's own id expression.
    Pure: no cdktf.
    """
    ingress: dict[str, dict] = {}
    egress: dict[str, dict] = {}

    def rule(out: dict, key: str, description: str, protocol: str, *, cidr: tuple[str, str] | None = None,
             group: str | None = None, ports: tuple[int, int] | None = None) -> None:
        entry: dict[str, Any] = {"description": description, "ip_protocol": protocol}
        if ports is not None:
            entry["from_port"], entry["to_port"] = ports
        if group is not None:
            entry["referenced_security_group_id"] = group
        if cidr is not None:
            entry["cidr_ipv4" if cidr[0] == "ipv4" else "cidr_ipv6"] = cidr[1]
        out[key] = entry

    on_link_v6 = {"link-local": LINK_LOCAL_V6, **{az: c for az, c in subnets_v6.items()}}
    rule(ingress, "nodes", "all traffic from the fleet's nodes", "-1", group=group_id)
    rule(egress, "nodes", "all traffic to the fleet's nodes", "-1", group=group_id)
    for az, cidr in pods.items():
        rule(ingress, f"pods_{az}", f"routed pod prefixes in {az} (the nodes' /80s)", "-1", cidr=("ipv6", cidr))
        rule(egress, f"pods_{az}", f"routed pod prefixes in {az} (the nodes' /80s)", "-1", cidr=("ipv6", cidr))
    # path MTU discovery: a router anywhere on the path may answer Packet Too Big (RFC 8201, RFC 4890 4.3.1)
    rule(ingress, "icmpv6-packet-too-big", "ICMPv6 2 packet too big from anywhere (path MTU discovery)", "icmpv6",
         cidr=("ipv6", ANYWHERE["ipv6"]), ports=_icmp("packet-too-big", "ipv6"))
    if subnets_v4:
        rule(ingress, "icmp-fragmentation-needed", "ICMP 3/4 fragmentation needed from anywhere (path MTU discovery)",
             "icmp", cidr=("ipv4", ANYWHERE["ipv4"]), ports=_icmp("packet-too-big", "ipv4"))
    nd = (("router-advertisement", {"link-local": LINK_LOCAL_V6}),
          ("neighbour-solicitation", {"unspecified": "::/128", **on_link_v6}),  # ::/128: duplicate address detection
          ("neighbour-advertisement", on_link_v6))
    for name, sources in nd:
        t = _icmp(name, "ipv6")
        for where, cidr in sources.items():
            rule(ingress, f"icmpv6-{name}_{where}", f"ICMPv6 {t[0]} {name} from {where} (RFC 4861)", "icmpv6",
                 cidr=("ipv6", cidr), ports=t)
    for name in ("destination-unreachable", "time-exceeded", "parameter-problem"):
        t = _icmp(name, "ipv6")
        for where, cidr in on_link_v6.items():
            rule(ingress, f"icmpv6-{name}_{where}", f"ICMPv6 {t[0]} {name} from {where} (RFC 4890 4.3.1)", "icmpv6",
                 cidr=("ipv6", cidr), ports=t)
    for where, cidr in on_link_v6.items():
        rule(egress, f"icmpv6_{where}", f"ICMPv6 to {where}: neighbour discovery, router solicitation, errors", "icmpv6",
             cidr=("ipv6", cidr), ports=(-1, -1))
    for key, port, asked in (("ssh", 22, sec.ssh_from), ("kube-api", 6443, sec.api_from)):
        for fam, prefixes in asked.items():
            for p in prefixes:
                if p == ANYWHERE_WORD:
                    rule(ingress, f"{key}_{fam[-2:]}_anywhere", f"{key} from anywhere (asked for with '{ANYWHERE_WORD}')", "tcp",
                         cidr=(fam, ANYWHERE[fam]), ports=(port, port))
                    continue
                rule(ingress, f"{key}_{fam[-2:]}_{prefix_slug(p)}", f"{key} (asked for)", "tcp", cidr=(fam, p), ports=(port, port))
    if sec.egress_vpc:
        rule(egress, "vpc_v4", "all traffic to the VPC's IPv4 CIDR (asked for with egress_vpc)", "-1", cidr=("ipv4", vpc_v4))
        rule(egress, "vpc_v6", "all traffic to the VPC's IPv6 block (asked for with egress_vpc)", "-1", cidr=("ipv6", vpc_v6))
    if sec.egress_anywhere:
        for fam in FAMILIES:
            rule(egress, f"anywhere_{fam[-2:]}", f"all traffic to {ANYWHERE[fam]} (asked for with egress_anywhere)", "-1",
                 cidr=(fam, ANYWHERE[fam]))
    return ingress, egress


def _rule_args(cls, group_id: str):
    """The for_each template: every instance reads its own entry; optional fields may be absent."""
    optional = {f: interp(f'lookup(each.value, "{f}", null)') for f in OPTIONAL_RULE_FIELDS}
    return cls(security_group_id=group_id, ip_protocol="${each.value.ip_protocol}", description="${each.value.description}",
               **optional)


class VmFleet(Construct):
    """A fleet from its ``FleetPlan`` (``plan_fleet``'s answer) on ``vpc``: this construct allocates nothing."""

    def __init__(self, scope: Construct, id: str, *, vpc: Ipv6Vpc, plan: FleetPlan, security: FleetSecurity | None = None) -> None:
        if not isinstance(plan, FleetPlan):
            raise AwsConfigError(f"VmFleet({id}).plan: {type(plan).__name__} is not a FleetPlan; plan with plan_fleet(ipam, vpc.plan, props)")
        if plan.vpc is not vpc.plan:
            raise AwsConfigError(f"VmFleet({id}).plan: planned for VPC {plan.vpc.props.name}, not for {vpc.props.name}; plan it on vpc.plan")
        security = security if security is not None else FleetSecurity()
        if not isinstance(security, FleetSecurity):
            raise AwsConfigError(f"VmFleet({id}).security: {security!r} is not a FleetSecurity")
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        props = plan.props
        self.props = props
        self.plan: FleetPlan = plan
        self.vpc = vpc
        self.security = security
        self.name = logical(props.name)
        self.resources: dict[str, Resource] = {}
        tier = vpc.props.tier(props.tier)
        subnet = vpc.subnet_name(tier.name)
        tags = {**vpc.props.tags, **props.tags}

        depends: list[str] = []
        pods: dict[str, str] = {}
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
            pods = {az: interp(ref("aws_ec2_subnet_cidr_reservation", self.name, "cidr_block", az)) for az in cidrs}

        group = self._add(self.name, AwsSecurityGroup(
            name=f"{vpc.props.name}-{props.name}",
            description=f"nodes of fleet {props.name}: between the nodes, their pod prefixes and ICMPv6; nothing else unless asked",
            vpc_id=vpc.vpc_id,
            tags={**tags, "Name": f"{vpc.props.name}-{props.name}"},
        ))
        self.security_group_id = group.attr("id")
        ingress, egress = fleet_rules(
            security,
            group_id=self.security_group_id,
            subnets_v6={az: interp(vpc.subnet_attr(tier.name, az, "ipv6_cidr_block")) for az in vpc.props.azs},
            subnets_v4={} if tier.ipv6_only else {az: interp(vpc.subnet_attr(tier.name, az, "cidr_block")) for az in vpc.props.azs},
            pods=pods,
            vpc_v4=vpc.props.ipv4_cidr,
            vpc_v6=interp(ref("aws_vpc", vpc.name, "ipv6_cidr_block")),
        )
        self.ingress_rules, self.egress_rules = ingress, egress
        self._add(self.name, _rule_args(AwsVpcSecurityGroupIngressRule, self.security_group_id), for_each=ingress)
        self._add(self.name, _rule_args(AwsVpcSecurityGroupEgressRule, self.security_group_id), for_each=egress)

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
            security_groups=[self.security_group_id, *props.security_group_ids],
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

        Output(
            self, f"{self.name}_ipv6_prefixes",
            value=f"${{{{ for k, eni in aws_network_interface.{self.name} : k => eni.ipv6_prefixes }}}}",
            description=f"the /80s of fleet {props.name}, by VM name",
        )

    @classmethod
    def from_props(cls, scope: Construct, id: str, *, ipam: Ipam, vpc: Ipv6Vpc, props: FleetProps,
                   security: FleetSecurity | None = None) -> "VmFleet":
        """Plan ``props`` on ``ipam`` against ``vpc.plan`` (raises AwsConfigError first), then build."""
        return cls(scope, id, vpc=vpc, plan=plan_fleet(ipam, vpc.plan, props), security=security)

    def _add(self, logical_id: str, args, **kw) -> Resource:
        r = Resource(self, logical_id, args, **kw)
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
