"""The OpenStack dual-stack cluster stack, in the shape of the yaook seed (001).

One network with an IPv4 and an IPv6 subnet (DHCPv6-stateful by default), a router with an
interface on each, control-plane VIP ports per family (VIPv4 + VIPv6 for HAProxy/keepalived on
the gateways) with allowed address pairs on the members, gateway / control-plane / worker nodes
attached by port, a per-node IPv6 pod prefix routed to the node by a router static route
(no overlay, seed 003), one security group written in v4/v6 pairs, and outputs of every node's
addresses per family by node name.

Every CIDR and address comes from the ``ClusterPlan`` the pure layer made
(``constructs_lib.openstack.cluster_plan.plan_cluster``): the stack renders it and asks the
allocator nothing (plan once). The nodes are ``for_each`` resources keyed by node name
(``openstack_networking_port_v2.<cluster>["<node>"]``, the instances and the routed-prefix routes
likewise), so adding a node adds its map entries and changes nothing else, and a site of 10,000
nodes costs the jsii calls of three.

    plan = plan_cluster(ipam, OpenStackClusterSpec(site="mini-lab", node_supernet="tenant-super", pod_supernet="pods-super"))
    stack = build_openstack_cluster(app, "mini-lab", plan=plan, backend_path="terraform.mini-lab.tfstate")

``OpenStackClusterStack.from_spec(app, id, ipam=ipam, spec=spec)`` plans and builds in one step,
for a stack used without our app.
"""

from __future__ import annotations

from constructs_lib.engine import Construct, LocalBackend, TerraformStack
from constructs_lib.ipam import Ipam
from constructs_lib.openstack.cluster_plan import ClusterPlan, OpenStackClusterSpec, plan_cluster
from constructs_lib.openstack.instance import ServerMember, Servers
from constructs_lib.openstack.keys import node_ports_name, tf_name
from constructs_lib.openstack.neutron_rules import NeutronRuleError
from constructs_lib.providers.elements import Output, Provider, remember_scope
from constructs_lib.providers.openstack_types import OpenstackProviderConfig
from constructs_lib.openstack.network import (
    DualStackNetwork,
    ExistingRouter,
    ExternalGateway,
    Ipv4Subnet,
    Ipv6Subnet,
    NewRouter,
)
from constructs_lib.openstack.port import DualStackPorts, FloatingIpV4, PortMember, VipPort
from constructs_lib.openstack.security_group import DualStackSecurityGroup

__all__ = ["OpenStackClusterSpec", "OpenStackClusterStack", "build_openstack_cluster"]

SUFFIX = {"ipv4": "v4", "ipv6": "v6"}


def default_backend_path(stack_id: str) -> str:
    """The state path of a stack built without the app: beside its cdk.tf.json, relative."""
    return f"terraform.{stack_id}.tfstate"


class OpenStackClusterStack(TerraformStack):
    """See the module docstring. ``plan`` holds the allocator's answers; ``ports`` the node ports.

    ``backend_path``: the local backend's state path, relative to the stack's folder (relative
    paths keep the JSON the same on every machine; cdktf's default is absolute).
    """

    def __init__(self, scope: Construct, stack_id: str, *, plan: ClusterPlan, backend_path: str) -> None:
        if not isinstance(plan, ClusterPlan):
            raise TypeError(f"plan: expected a ClusterPlan (plan_cluster's answer), got {type(plan).__name__}")
        if not isinstance(backend_path, str) or not backend_path or backend_path.startswith("/"):
            raise NeutronRuleError(f"backend_path: {backend_path!r} must be a relative state path, e.g. terraform.{stack_id}.tfstate")
        spec = plan.spec
        provider = OpenstackProviderConfig(cloud=spec.cloud)
        provider.to_terraform()  # schema check before the stack exists
        super().__init__(scope, stack_id)
        remember_scope(self, scope, stack_id)
        self.spec = spec
        self.plan = plan
        LocalBackend(self, path=backend_path)
        Provider(self, "openstack", provider)

        self.network = self._network(plan)
        self.security_group = self._security_group(plan)
        self.vips = {
            fam: VipPort(self, f"vip-{SUFFIX[fam]}", network=self.network, name=f"{spec.cluster}-vip-{SUFFIX[fam]}",
                         key=tf_name(spec.cluster, "vip", SUFFIX[fam]), family=fam, address=plan.vips[fam],
                         security_group_ids=[self.security_group.id], description="control-plane VIP (keepalived/HAProxy)",
                         subnet=plan.vip_subnets.get(fam, 0))
            for fam in spec.families
        }
        self.floating_ip = None
        if spec.floating_ip_pool is not None:
            self.floating_ip = FloatingIpV4(self, "vip-fip", pool=spec.floating_ip_pool, port=self.vips["ipv4"],
                                            key=tf_name(spec.cluster, "vip"), description="floating IP of the IPv4 VIP")

        members: dict[str, PortMember] = {}
        servers: dict[str, ServerMember] = {}
        for name, node in plan.nodes.items():
            allowed: list[str] = []
            if name in spec.vip_members:
                allowed += [v.vip for v in self.vips.values()]
            if node.role == "gateway" and spec.wireguard is not None and "ipv6" in spec.families:
                allowed.append(spec.wireguard.wg_ipv6_cidr)  # gateways forward the wireguard peers' traffic
            members[name] = PortMember(
                addresses={f: a for f, a in node.addresses.items() if a is not None},
                allowed_addresses=allowed,
                routed_prefixes={"pods": node.pod_prefix} if node.pod_prefix else {},
                description=f"{node.role} {name}",
                subnets=dict(node.subnet_index),
            )
            servers[name] = ServerMember(flavor_name=spec.flavors[node.role], metadata={"role": node.role})
        # one port, one instance and one pod route resource for all nodes, keyed by node name
        self.ports = DualStackPorts(self, "nodes", network=self.network, key=node_ports_name(spec.cluster), members=members,
                                    security_group_ids=[self.security_group.id])
        self.servers = Servers(self, "servers", ports=self.ports, members=servers,
                               defaults=ServerMember(image_name=spec.image_name, key_pair=spec.key_pair, metadata={"cluster": spec.cluster}))

        self.wireguard_route = None
        if spec.wireguard is not None and spec.route_wireguard_via_vip:
            # the way back to wireguard peers: the router sends fd01::/120 to whichever gateway holds VIPv6
            self.wireguard_route = self.network.route("wireguard", spec.wireguard.wg_ipv6_cidr, self.vips["ipv6"].vip,
                                                      family="ipv6", depends_on=[self.vips["ipv6"].port.address])
        self._outputs(plan)

    @classmethod
    def from_spec(cls, scope: Construct, stack_id: str, *, ipam: Ipam, spec: OpenStackClusterSpec,
                  backend_path: str | None = None) -> "OpenStackClusterStack":
        """Plan ``spec`` on ``ipam`` (every allocator answer and refusal before any construct), then build."""
        if not isinstance(spec, OpenStackClusterSpec):
            raise TypeError(f"spec: expected OpenStackClusterSpec, got {type(spec).__name__}")
        return cls(scope, stack_id, plan=plan_cluster(ipam, spec), backend_path=backend_path or default_backend_path(stack_id))

    def address(self, node: str, family: str) -> str:
        """A node's address of ``family`` (text, ``${cidrhost(...)}``, or a read-back by family)."""
        if node not in self.ports.members:
            raise KeyError(f"node {node!r} is not in this cluster ({', '.join(self.ports.members)})")
        return self.ports.address(node, family)

    # -- pieces ------------------------------------------------------------------------------
    def _network(self, plan: ClusterPlan) -> DualStackNetwork:
        spec = self.spec
        dns = spec.dns_nameservers
        ipv4 = ipv6 = None
        if "ipv4" in plan.subnets:
            s = plan.subnets["ipv4"]
            ipv4 = Ipv4Subnet(cidr=s.cidr, gateway_ip=s.gateway_ip, allocation_pools=s.allocation_pools,
                              dns_nameservers=tuple(dns.get("ipv4", ())))
        if "ipv6" in plan.subnets:
            s = plan.subnets["ipv6"]
            common = dict(mode=spec.ipv6_mode, dns_nameservers=tuple(dns.get("ipv6", ())))
            if s.cidr is None:
                ipv6 = Ipv6Subnet(subnet_pool=plan.ipv6_source, prefix_length=s.prefix_length, **common)
            else:
                ipv6 = Ipv6Subnet(cidr=s.cidr, gateway_ip=s.gateway_ip, allocation_pools=s.allocation_pools, **common)
        if spec.router_id is not None:
            router: NewRouter | ExistingRouter = ExistingRouter(spec.router_id)
        else:
            gateway = None
            if spec.external_network_id is not None:
                ext = spec.external_subnet_ids
                gateway = ExternalGateway(network_id=spec.external_network_id, ipv4_subnet_id=ext.get("ipv4"), ipv6_subnet_id=ext.get("ipv6"))
            router = NewRouter(name=spec.cluster, external_gateway=gateway)
        # the subnets a grown node network holds after its first (node_subnets): the same settings, their own pools
        more = [(Ipv4Subnet if s.family == "ipv4" else Ipv6Subnet)(
                    cidr=s.cidr, gateway_ip=s.gateway_ip, allocation_pools=s.allocation_pools,
                    dns_nameservers=tuple(dns.get(s.family, ())), **({"mode": spec.ipv6_mode} if s.family == "ipv6" else {}))
                for fam in ("ipv4", "ipv6") for s in plan.extra_subnets.get(fam, ())]
        return DualStackNetwork(self, "network", name=plan.network_key, key=plan.network_key, ipv4=ipv4, ipv6=ipv6, router=router,
                                more_subnets=more)

    def _security_group(self, plan: ClusterPlan) -> DualStackSecurityGroup:
        spec = self.spec
        return DualStackSecurityGroup(self, "security-group", name=spec.cluster, key=spec.cluster, families=spec.families,
                                      rules=plan.rules, icmpv6=plan.icmpv6, description=f"{spec.cluster} nodes")

    def _outputs(self, plan: ClusterPlan) -> None:
        spec = self.spec
        Output(self, "node_addresses", description="each node's fixed IPs per family, by node name",
               value=self.ports.addresses())
        Output(self, "vip_addresses", description="control-plane VIPs per family",
               value={fam: vip.vip for fam, vip in self.vips.items()})
        Output(self, "subnets", description="the node subnets per family",
               value={fam: self.network.cidr(fam) for fam in self.network.families})
        # the seed keeps the control plane endpoint IPv4 (one address or a name); VIPv6 is served by HAProxy too
        endpoint = self.vips["ipv4"].vip if "ipv4" in self.vips else self.vips["ipv6"].vip
        Output(self, "control_plane_endpoint", value=endpoint)
        if plan.pod_range is not None:
            Output(self, "pod_range_ipv6", value=plan.pod_range)
            Output(self, "node_pod_prefixes", description="the IPv6 prefix routed to each node",
                   value={n.name: n.pod_prefix for n in plan.nodes.values() if n.pod_prefix})
        if self.floating_ip is not None:
            Output(self, "vip_floating_ip", value=self.floating_ip.address)
        if spec.wireguard is not None:
            Output(self, "wireguard", value={"wg_ipv6_cidr": spec.wireguard.wg_ipv6_cidr, "wg_ipv6_gw": spec.wireguard.wg_ipv6_gw})


def build_openstack_cluster(scope: Construct, stack_id: str, *, plan: ClusterPlan | None = None, backend_path: str | None = None,
                            ipam: Ipam | None = None, spec: OpenStackClusterSpec | None = None) -> OpenStackClusterStack:
    """The OpenStack dual-stack cluster stack from the app's plan: ``build_openstack_cluster(app, id, plan=, backend_path=)``.

    Transitional: called with ``ipam=`` and ``spec=`` instead of ``plan=`` it plans itself
    (``OpenStackClusterStack.from_spec``), until the app hands over its plan.
    """
    if plan is None:
        if ipam is None or spec is None:
            raise TypeError("build_openstack_cluster: give plan= (plan_cluster's answer), or ipam= and spec= to plan here")
        return OpenStackClusterStack.from_spec(scope, stack_id, ipam=ipam, spec=spec, backend_path=backend_path)
    if ipam is not None or spec is not None:
        raise TypeError("build_openstack_cluster: plan= carries its spec; ipam= and spec= would plan again")
    return OpenStackClusterStack(scope, stack_id, plan=plan, backend_path=backend_path or default_backend_path(stack_id))
