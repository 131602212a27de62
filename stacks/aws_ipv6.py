"""The seed-003 proof of concept on AWS (Gardener IPv6 proposal):

"create a VPC with AWS assigned /56, make an IPv6 only subnet and request a /80 prefix per VM".

- VPC with an Amazon-provided /56 (and the IPv4 CIDR AWS always wants);
- an IPv6-only subnet per AZ (DNS64 on, resource-name hostnames, AAAA records only), ``::/0``
  to an egress-only internet gateway, ``64:ff9b::/96`` to a NAT gateway (NAT64);
- a public dual-stack subnet per AZ holding the NAT gateway (one by default: it is a PoC);
- N VMs, each with its own ENI carrying its /80 from a subnet CIDR reservation; pods take their
  addresses from that /80 (no overlay, no NAT inside the cluster);
- the VMs' own security group on every ENI (``FleetSecurity``: nothing open unless asked).

The stack builds from the plans the pure layer made (plan once)::

    vpc = plan_vpc(ipam, vpc_props(spec)); fleet = plan_fleet(ipam, vpc, fleet_props(spec))
    build_aws_ipv6_stack(app, "aws-poc", spec=spec, vpc=vpc, fleet=fleet, backend_path="terraform.aws-poc.tfstate")

``AwsIpv6Stack.from_spec(app, "aws-poc", ipam=ipam, spec=spec)`` plans and builds in one step, for
a stack used without our app.
"""

from __future__ import annotations

from constructs_lib.aws import AwsConfigError, AwsProvider, FleetPlan, Ipv6Vpc, VmFleet, VpcPlan, plan_fleet, plan_vpc
from constructs_lib.aws.fleet import FleetSecurity
from constructs_lib.aws.poc import (  # noqa: F401  (re-exported: the spec lives with the pure model)
    AMI_VARIABLE,
    OFFLINE_AMI_PLACEHOLDER,
    OFFLINE_ENV,
    AwsIpv6Spec,
    fleet_props,
    provider_config,
    vpc_props,
)
from constructs_lib.engine import Construct, LocalBackend, TerraformStack, TerraformVariable
from constructs_lib.providers.elements import remember_scope
from constructs_lib.ipam import Ipam

__all__ = ["AwsIpv6Spec", "AwsIpv6Stack", "build_aws_ipv6_stack"]


def default_backend_path(stack_id: str) -> str:
    """The state path of a stack built without the app: beside its cdk.tf.json, relative."""
    return f"terraform.{stack_id}.tfstate"


class AwsIpv6Stack(TerraformStack):
    """The PoC stack from ``spec`` and its two plans. Bad input raises ``AwsConfigError`` (one line)
    before the stack is created.

    ``backend_path``: the local backend's state path, relative to the stack's folder (relative
    paths keep the JSON the same on every machine). ``security``: the fleet's security group
    (default ``FleetSecurity.from_spec(spec)``: safe defaults until the spec carries the fields).
    """

    def __init__(self, scope: Construct, stack_id: str, *, spec: AwsIpv6Spec, vpc: VpcPlan, fleet: FleetPlan,
                 backend_path: str, security: FleetSecurity | None = None) -> None:
        if not isinstance(spec, AwsIpv6Spec):
            raise AwsConfigError(f"spec: {spec!r} is not an AwsIpv6Spec")
        if not isinstance(vpc, VpcPlan) or not isinstance(fleet, FleetPlan):
            raise AwsConfigError("vpc, fleet: give the VpcPlan and FleetPlan of plan_vpc / plan_fleet (or use AwsIpv6Stack.from_spec)")
        if vpc.props.name != spec.vpc_name or fleet.vpc is not vpc:
            raise AwsConfigError(f"vpc: planned for VPC {vpc.props.name}, fleet for {fleet.vpc.props.name}; "
                                 f"both must be the plans of spec.vpc_name {spec.vpc_name!r}")
        if not isinstance(backend_path, str) or not backend_path or backend_path.startswith("/"):
            raise AwsConfigError(f"backend_path: {backend_path!r} must be a relative state path, e.g. terraform.{stack_id}.tfstate")
        pconfig = provider_config(spec)
        pconfig.to_terraform()  # schema check of the provider arguments, before the stack exists
        security = security if security is not None else FleetSecurity.from_spec(spec)
        super().__init__(scope, stack_id)
        remember_scope(self, scope, stack_id)
        self.spec = spec
        LocalBackend(self, path=backend_path)
        AwsProvider(self, "aws", pconfig)
        if spec.ami is None:
            var = TerraformVariable(
                self, AMI_VARIABLE, type="string",
                description=f"AMI for the {spec.fleet_name} VMs in {spec.region} (Nitro-based, e.g. Amazon Linux 2023)",
                default=OFFLINE_AMI_PLACEHOLDER if spec.is_offline else None,
            )
            var.override_logical_id(AMI_VARIABLE)
        self.vpc = Ipv6Vpc(self, "vpc", plan=vpc)
        self.fleet = VmFleet(self, "fleet", vpc=self.vpc, plan=fleet, security=security)

    @classmethod
    def from_spec(cls, scope: Construct, stack_id: str, *, ipam: Ipam, spec: AwsIpv6Spec | None = None,
                  backend_path: str | None = None, security: FleetSecurity | None = None) -> "AwsIpv6Stack":
        """Plan ``spec`` on ``ipam`` (keys ``<vpc>/...``; every refusal before the stack exists), then build."""
        spec = spec or AwsIpv6Spec()
        if not isinstance(spec, AwsIpv6Spec):
            raise AwsConfigError(f"spec: {spec!r} is not an AwsIpv6Spec")
        vprops, fprops = vpc_props(spec), fleet_props(spec)  # validation happens here
        provider_config(spec).to_terraform()
        vpc = plan_vpc(ipam, vprops)
        fleet = plan_fleet(ipam, vpc, fprops)
        return cls(scope, stack_id, spec=spec, vpc=vpc, fleet=fleet,
                   backend_path=backend_path or default_backend_path(stack_id), security=security)


def build_aws_ipv6_stack(scope: Construct, stack_id: str, *, spec: AwsIpv6Spec | None = None, vpc: VpcPlan | None = None,
                         fleet: FleetPlan | None = None, backend_path: str | None = None, ipam: Ipam | None = None) -> AwsIpv6Stack:
    """The PoC stack from the app's plans: ``build_aws_ipv6_stack(app, id, spec=, vpc=, fleet=, backend_path=)``.

    Transitional: called with ``ipam=`` instead of the plans it plans itself (``AwsIpv6Stack.from_spec``),
    until the app hands over its plans.
    """
    if vpc is None and fleet is None:
        if ipam is None:
            raise AwsConfigError("build_aws_ipv6_stack: give vpc= and fleet= (the plans), or ipam= to plan here")
        return AwsIpv6Stack.from_spec(scope, stack_id, ipam=ipam, spec=spec, backend_path=backend_path)
    if ipam is not None:
        raise AwsConfigError("build_aws_ipv6_stack: ipam= plans again; give either the plans or ipam=, not both")
    return AwsIpv6Stack(scope, stack_id, spec=spec or AwsIpv6Spec(), vpc=vpc, fleet=fleet,
                        backend_path=backend_path or default_backend_path(stack_id))
