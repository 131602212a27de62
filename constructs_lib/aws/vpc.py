"""``Ipv6Vpc``: a VPC, its subnet tiers across AZs, gateways and routes, from one address plan.

Resource names come from the VPC and tier names (``aws_subnet.main_nodes``); every per-AZ
resource is one ``for_each`` keyed by AZ, so an address reads ``aws_subnet.main_nodes["eu-central-1a"]``
and adding an AZ adds map entries without touching the others.
"""

from __future__ import annotations

from constructs_lib.engine import Construct

from constructs_lib.ipam import Ipam

from constructs_lib.providers.elements import Resource, interp, ref, remember_scope

from .common import AwsConfigError, NAT64_PREFIX, logical
from .vpc_plan import SubnetTier, VpcPlan, VpcProps, plan_vpc
from constructs_lib.providers.aws_types import (
    AwsEgressOnlyInternetGateway,
    AwsEip,
    AwsInternetGateway,
    AwsNatGateway,
    AwsRoute,
    AwsRouteTable,
    AwsRouteTableAssociation,
    AwsSubnet,
    AwsVpc,
)


class Ipv6Vpc(Construct):
    """VPC + tiers from a ``VpcPlan`` (``plan_vpc``'s answer): this construct allocates nothing.

    ``Ipv6Vpc.from_props(scope, id, ipam=, props=)`` plans and builds in one step, for stacks
    that have no planning pass of their own.
    """

    def __init__(self, scope: Construct, id: str, *, plan: VpcPlan) -> None:
        if not isinstance(plan, VpcPlan):
            raise AwsConfigError(f"Ipv6Vpc({id}).plan: {type(plan).__name__} is not a VpcPlan; plan with plan_vpc(ipam, props)")
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        props = plan.props
        self.props = props
        self.plan: VpcPlan = plan
        self.name = logical(props.name)
        self.resources: dict[str, Resource] = {}
        self._vpc()
        self._gateways()
        for tier in props.tiers:
            self._tier(tier)

    @classmethod
    def from_props(cls, scope: Construct, id: str, *, ipam: Ipam, props: VpcProps) -> "Ipv6Vpc":
        """Plan ``props`` on ``ipam`` (raises AwsConfigError before any construct exists), then build."""
        return cls(scope, id, plan=plan_vpc(ipam, props))

    # -- names and references ---------------------------------------------------------------
    def _tags(self, name: str) -> dict[str, str]:
        return {**self.props.tags, "Name": name}

    def _add(self, logical_id: str, args, **kw) -> Resource:
        r = Resource(self, logical_id, args, **kw)
        self.resources[r.address] = r
        return r

    @property
    def vpc_id(self) -> str:
        return interp(ref("aws_vpc", self.name, "id"))

    def subnet_name(self, tier: str) -> str:
        self.props.tier(tier)  # clear error for an unknown tier
        return logical(self.props.name, tier)

    def subnet_attr(self, tier: str, az_key: str, attr: str) -> str:
        """``aws_subnet.<vpc>_<tier>[<az>].<attr>``: ``az_key`` an AZ name or ``each.*`` expression."""
        return ref("aws_subnet", self.subnet_name(tier), attr, az_key)

    @property
    def has_igw(self) -> bool:
        return any(t.public for t in self.props.tiers)

    @property
    def has_eigw(self) -> bool:
        return any(not t.public for t in self.props.tiers)

    # -- resources ----------------------------------------------------------------------------
    def _vpc(self) -> None:
        p = self.props
        self._add(self.name, AwsVpc(
            cidr_block=p.ipv4_cidr,
            enable_dns_support=True,
            enable_dns_hostnames=True,  # resource-name hostnames and AAAA records need it
            tags=self._tags(p.name),
            **p.ipv6.vpc_arguments(),
        ))

    def _gateways(self) -> None:
        p = self.props
        if self.has_igw:
            self._add(self.name, AwsInternetGateway(vpc_id=self.vpc_id, tags=self._tags(p.name)))
        if self.has_eigw:
            self._add(self.name, AwsEgressOnlyInternetGateway(vpc_id=self.vpc_id, tags=self._tags(p.name)))
        nat_tier = p.nat_tier
        if p.nat_azs and nat_tier is not None:
            azs = {az: az for az in p.nat_azs}
            igw = [f"aws_internet_gateway.{self.name}"]
            self._add(logical(p.name, "nat"), AwsEip(domain="vpc", tags=self._tags(f"{p.name}-nat-${{each.key}}")),
                      for_each=azs, depends_on=igw)
            self._add(self.name, AwsNatGateway(
                allocation_id=interp(ref("aws_eip", logical(p.name, "nat"), "id", "each.key")),
                subnet_id=interp(self.subnet_attr(nat_tier.name, "each.key", "id")),
                connectivity_type="public",
                tags=self._tags(f"{p.name}-${{each.key}}"),
            ), for_each=azs, depends_on=igw)

    def _tier(self, t: SubnetTier) -> None:
        p = self.props
        name = self.subnet_name(t.name)
        subnets: dict[str, dict[str, str]] = {}
        for az in p.azs:
            sp = self.plan.subnet(t.name, az)
            entry = {"ipv6_cidr_block": sp.ipv6_tf}
            if sp.ipv4 is not None:
                entry["cidr_block"] = sp.ipv4_tf
            subnets[az] = entry
        self._add(name, AwsSubnet(
            vpc_id=self.vpc_id,
            availability_zone="${each.key}",
            ipv6_cidr_block="${each.value.ipv6_cidr_block}",
            cidr_block=None if t.ipv6_only else "${each.value.cidr_block}",
            ipv6_native=True if t.ipv6_only else None,
            assign_ipv6_address_on_creation=True,
            enable_dns64=t.dns64,
            private_dns_hostname_type_on_launch="resource-name",
            enable_resource_name_dns_aaaa_record_on_launch=True,
            enable_resource_name_dns_a_record_on_launch=not t.ipv6_only,
            map_public_ip_on_launch=False,
            tags=self._tags(f"{p.name}-{t.name}-${{each.key}}"),
        ), for_each=subnets)
        azs = {az: az for az in p.azs}
        rt = ref("aws_route_table", name, "id", "each.key")
        self._add(name, AwsRouteTable(vpc_id=self.vpc_id, tags=self._tags(f"{p.name}-{t.name}-${{each.key}}")), for_each=azs)
        self._add(name, AwsRouteTableAssociation(
            subnet_id=interp(self.subnet_attr(t.name, "each.key", "id")), route_table_id=interp(rt),
        ), for_each=azs)
        if t.public:
            igw = interp(ref("aws_internet_gateway", self.name, "id"))
            self._add(logical(name, "default_ipv6"), AwsRoute(
                route_table_id=interp(rt), destination_ipv6_cidr_block="::/0", gateway_id=igw), for_each=azs)
            if not t.ipv6_only:
                self._add(logical(name, "default_ipv4"), AwsRoute(
                    route_table_id=interp(rt), destination_cidr_block="0.0.0.0/0", gateway_id=igw), for_each=azs)
        else:
            eigw = interp(ref("aws_egress_only_internet_gateway", self.name, "id"))
            self._add(logical(name, "default_ipv6"), AwsRoute(
                route_table_id=interp(rt), destination_ipv6_cidr_block="::/0", egress_only_gateway_id=eigw), for_each=azs)
            if not t.ipv6_only and p.nat_azs:
                self._add(logical(name, "default_ipv4"), AwsRoute(
                    route_table_id=interp(rt), destination_cidr_block="0.0.0.0/0",
                    nat_gateway_id=interp(ref("aws_nat_gateway", self.name, "id", "each.value"))),
                    for_each={az: p.nat_for(az) for az in p.azs})
        if t.dns64:
            # validate_vpc guarantees a NAT gateway here (terraform-aws-vpc#972 left public tiers without)
            self._add(logical(name, "nat64"), AwsRoute(
                route_table_id=interp(rt), destination_ipv6_cidr_block=NAT64_PREFIX,
                nat_gateway_id=interp(ref("aws_nat_gateway", self.name, "id", "each.value"))),
                for_each={az: p.nat_for(az) for az in p.azs})
