"""The OpenStack dual-stack cluster stack, in the shape of the yaook seed (001).

One network with an IPv4 and an IPv6 subnet (DHCPv6-stateful by default), a router with an
interface on each, control-plane VIP ports per family (VIPv4 + VIPv6 for HAProxy/keepalived on
the gateways) with allowed address pairs on the members, gateway / control-plane / worker nodes
attached by port, a per-node IPv6 pod prefix routed to the node by a router static route
(no overlay, seed 003), one security group written in v4/v6 pairs, and outputs of every node's
addresses per family by node name.

Every CIDR and address comes from a ``constructs_lib.ipam.Ipam`` under stable keys
(``constructs_lib.openstack.cluster_plan``); resource names come from node names, so adding a
node adds its resources and changes nothing else.

    stack = build_openstack_cluster(app, "openstack-cluster", ipam=ipam, spec=OpenStackClusterSpec(
        site="mini-lab", node_supernet="tenant-super", pod_supernet="pods-super"))
"""

from __future__ import annotations

from constructs_lib.engine import LocalBackend, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_openstack.provider import OpenstackProvider
from constructs_lib.engine import Construct

from constructs_lib.ipam import Ipam
from constructs_lib.openstack.cluster_plan import ClusterPlan, OpenStackClusterSpec, plan_cluster
from constructs_lib.openstack.instance import Server
from constructs_lib.openstack.keys import tf_name
from constructs_lib.openstack.network import (
    DualStackNetwork,
    ExistingRouter,
    ExternalGateway,
    Ipv4Subnet,
    Ipv6Subnet,
    NewRouter,
)
from constructs_lib.openstack.port import DualStackPort, FloatingIpV4, VipPort
from constructs_lib.openstack.security_group import DualStackSecurityGroup

__all__ = ["OpenStackClusterSpec", "OpenStackClusterStack", "build_openstack_cluster"]

SUFFIX = {"ipv4": "v4", "ipv6": "v6"}


class OpenStackClusterStack(TerraformStack):
    """See the module docstring. ``plan`` holds the allocator's answers; ``ports`` the node ports."""

    def __init__(self, scope: Construct, stack_id: str, *, ipam: Ipam, spec: OpenStackClusterSpec) -> None:
        if not isinstance(spec, OpenStackClusterSpec):
            raise TypeError(f"spec: expected OpenStackClusterSpec, got {type(spec).__name__}")
        plan = plan_cluster(ipam, spec)  # every allocator answer and refusal before any construct
        super().__init__(scope, stack_id)
        self.spec = spec
        self.plan = plan
        # relative state path: the synthesized JSON is the same on every machine (cdktf's default is absolute)
        LocalBackend(self, path=f"terraform.{stack_id}.tfstate")
        OpenstackProvider(self, "openstack", cloud=spec.cloud)

        self.network = self._network(plan)
        self.security_group = self._security_group(plan)
        self.vips = {
            fam: VipPort(self, f"vip-{SUFFIX[fam]}", network=self.network, name=f"{spec.cluster}-vip-{SUFFIX[fam]}",
                         key=tf_name(spec.cluster, "vip", SUFFIX[fam]), family=fam, address=plan.vips[fam],
                         security_group_ids=[self.security_group.id], description="control-plane VIP (keepalived/HAProxy)")
            for fam in spec.families
        }
        self.floating_ip = None
        if spec.floating_ip_pool is not None:
            self.floating_ip = FloatingIpV4(self, "vip-fip", pool=spec.floating_ip_pool, port=self.vips["ipv4"],
                                            key=tf_name(spec.cluster, "vip"), description="floating IP of the IPv4 VIP")

        self.ports: dict[str, DualStackPort] = {}
        self.servers: dict[str, Server] = {}
        for name, node in plan.nodes.items():
            allowed: list[str] = []
            if name in spec.vip_members:
                allowed += [v.vip for v in self.vips.values()]
            if node.role == "gateway" and spec.wireguard is not None and "ipv6" in spec.families:
                allowed.append(spec.wireguard.wg_ipv6_cidr)  # gateways forward the wireguard peers' traffic
            key = tf_name(spec.cluster, name)
            port = DualStackPort(
                self, f"port-{name}", network=self.network, name=name, key=key,
                addresses={f: a for f, a in node.addresses.items() if a is not None},
                security_group_ids=[self.security_group.id], allowed_addresses=allowed,
                routed_prefixes={"pods": node.pod_prefix} if node.pod_prefix else {},
                description=f"{node.role} {name}",
            )
            self.ports[name] = port
            self.servers[name] = Server(
                self, f"server-{name}", name=name, key=key, ports=[port], flavor_name=spec.flavors[node.role],
                image_name=spec.image_name, key_pair=spec.key_pair, metadata={"role": node.role, "cluster": spec.cluster},
            )

        self.wireguard_route = None
        if spec.wireguard is not None and spec.route_wireguard_via_vip:
            # the way back to wireguard peers: the router sends fd01::/120 to whichever gateway holds VIPv6
            self.wireguard_route = self.network.route("wireguard", spec.wireguard.wg_ipv6_cidr, self.vips["ipv6"].vip,
                                                      family="ipv6", depends_on=[self.vips["ipv6"].port])
        self._outputs(plan)

    def address(self, node: str, family: str) -> str:
        """A node's address of ``family`` (text, ``${cidrhost(...)}``, or a read-back by family)."""
        if node not in self.ports:
            raise KeyError(f"node {node!r} is not in this cluster ({', '.join(self.ports)})")
        return self.ports[node].address(family)

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
        return DualStackNetwork(self, "network", name=plan.network_key, key=plan.network_key, ipv4=ipv4, ipv6=ipv6, router=router)

    def _security_group(self, plan: ClusterPlan) -> DualStackSecurityGroup:
        spec = self.spec
        return DualStackSecurityGroup(self, "security-group", name=spec.cluster, key=spec.cluster, families=spec.families,
                                      rules=plan.rules, icmpv6=plan.icmpv6, description=f"{spec.cluster} nodes")

    def _outputs(self, plan: ClusterPlan) -> None:
        spec = self.spec
        TerraformOutput(self, "node_addresses", description="each node's fixed IPs per family, by node name",
                        value={name: port.addresses for name, port in self.ports.items()})
        TerraformOutput(self, "vip_addresses", description="control-plane VIPs per family",
                        value={fam: vip.vip for fam, vip in self.vips.items()})
        TerraformOutput(self, "subnets", description="the node subnets per family",
                        value={fam: self.network.cidr(fam) for fam in self.network.families})
        # the seed keeps the control plane endpoint IPv4 (one address or a name); VIPv6 is served by HAProxy too
        endpoint = self.vips["ipv4"].vip if "ipv4" in self.vips else self.vips["ipv6"].vip
        TerraformOutput(self, "control_plane_endpoint", value=endpoint)
        if plan.pod_range is not None:
            TerraformOutput(self, "pod_range_ipv6", value=plan.pod_range)
            TerraformOutput(self, "node_pod_prefixes", description="the IPv6 prefix routed to each node",
                            value={n.name: n.pod_prefix for n in plan.nodes.values() if n.pod_prefix})
        if self.floating_ip is not None:
            TerraformOutput(self, "vip_floating_ip", value=self.floating_ip.address)
        if spec.wireguard is not None:
            TerraformOutput(self, "wireguard", value={"wg_ipv6_cidr": spec.wireguard.wg_ipv6_cidr, "wg_ipv6_gw": spec.wireguard.wg_ipv6_gw})


def build_openstack_cluster(scope: Construct, stack_id: str, *, ipam: Ipam, spec: OpenStackClusterSpec) -> OpenStackClusterStack:
    """The OpenStack dual-stack cluster stack (what ``main.py`` calls)."""
    return OpenStackClusterStack(scope, stack_id, ipam=ipam, spec=spec)
