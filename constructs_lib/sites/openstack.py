"""The OpenStack site kind: ``sites.<name>.openstack`` -> ``ClusterPlan`` -> the cluster stack."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from constructs_lib.ipam import Ipam
from constructs_lib.kubernetes import NodeSpec
from constructs_lib.openstack.cluster_plan import ClusterPlan, OpenStackClusterSpec, plan_cluster
from constructs_lib.ipam.terraform import interp
from constructs_lib.openstack.keys import SUFFIX, node_ports_name, port_address_lookup, subnet_name, tf_name

from .base import ClusterLinks


#: settings that only steer the IPv6 side
_IPV6_ONLY_SETTINGS = ("ipv6_mode", "ipv6_from_subnet_pool", "ipv6_subnet_pool", "default_ipv6_pool_exists", "ipv6_pool_prefix_length",
                       "pod_range_length", "pod_prefix_length", "wireguard", "route_wireguard_via_vip")


def _without_effect(spec: OpenStackClusterSpec, given: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, why) for every setting the plan gives that this combination ignores."""
    out = []
    fams = spec.families
    if "ipv6" not in fams:
        out += [(f, "on an IPv4-only site (families: [ipv4])") for f in _IPV6_ONLY_SETTINGS if f in given]
    else:
        if spec.pod_supernet is None:
            out += [(f, "without pod_supernet (no routed pod prefixes)") for f in ("pod_range_length", "pod_prefix_length") if f in given]
        if not spec.ipv6_from_subnet_pool:
            out += [(f, "without ipv6_from_subnet_pool: true") for f in ("ipv6_subnet_pool", "default_ipv6_pool_exists", "ipv6_pool_prefix_length")
                    if f in given]
        elif isinstance(given.get("node_lengths"), Mapping) and "ipv6" in given["node_lengths"]:
            out.append(("node_lengths.ipv6", "with ipv6_from_subnet_pool (the pool's prefix is ipv6_pool_prefix_length)"))
        if spec.wireguard is None and "route_wireguard_via_vip" in given:
            out.append(("route_wireguard_via_vip", "without wireguard"))
    for name in ("node_lengths", "node_subnets", "neutron_share_newbits", "ssh_from", "api_from"):
        value = given.get(name)
        if isinstance(value, Mapping):
            out += [(f"{name}.{f}", f"on a site without {f} (families: {list(fams)})") for f in value if f in ("ipv4", "ipv6") and f not in fams]
    if "dns_egress" in given and not any(spec.dns_nameservers.values()):
        out.append(("dns_egress", "without dns_nameservers"))
    flavors = given.get("flavors")
    if isinstance(flavors, Mapping):
        out += [(f"flavors.{role}", f"with no {role} nodes") for role in flavors if role in ("gateway", "control-plane", "worker")
                and not spec.nodes_of(role)]
    return out


def _kubermatic_cloud(plan: ClusterPlan) -> dict[str, Any]:
    """``spec.cloud.openstack`` of a Kubermatic cluster on this site: its network, subnets, router, group."""
    spec = plan.spec
    key = plan.network_key
    fields: dict[str, Any] = {"network": interp(f"openstack_networking_network_v2.{key}.name"),
                              "securityGroups": interp(f"openstack_networking_secgroup_v2.{spec.cluster}.name")}
    if "ipv4" in plan.subnets:
        fields["subnetID"] = interp(f"openstack_networking_subnet_v2.{subnet_name(key, 'ipv4')}.id")
    if "ipv6" in plan.subnets:
        fields["ipv6SubnetID"] = interp(f"openstack_networking_subnet_v2.{subnet_name(key, 'ipv6')}.id")
    if spec.ipv6_subnet_pool:
        fields["ipv6SubnetPool"] = spec.ipv6_subnet_pool
    fields["routerID"] = spec.router_id or interp(f"openstack_networking_router_v2.{key}.id")
    if spec.floating_ip_pool:
        fields["floatingIPPool"] = spec.floating_ip_pool
    return {"provider": "openstack", "spec": fields}


class OpenStackSite:
    name = "openstack"
    spec_type = OpenStackClusterSpec
    description = "an OpenStack project: dual-stack node network, router, VIPs, security group, routed per-node prefixes (seed 001)"

    #: set from the site's name, never written in the plan (it prefixes every key of the site)
    derived = ("site",)

    def defaults(self, site: str, data: Mapping[str, Any]) -> dict[str, Any]:
        return {**data, "site": site}

    def check(self, site: str, spec: OpenStackClusterSpec, super_networks: Sequence[str], given: Mapping[str, Any]) -> list[str]:
        where = f"sites.{site}.openstack"
        lines = []
        if "site" in given:
            lines.append(f"{where}.site: unknown key; the site's name ({site}) is used, drop it")
        for field in ("node_supernet", "pod_supernet"):
            ref = getattr(spec, field)
            if ref is not None and ref not in super_networks:
                lines.append(f"{where}.{field}: {ref!r} is not one of super_networks ({', '.join(super_networks) or 'none'})")
        return lines + [f"{where}.{field}: has no effect {why}; drop it" for field, why in _without_effect(spec, given)]

    def plan(self, ipam: Ipam, site: str, spec: OpenStackClusterSpec) -> ClusterPlan:
        return plan_cluster(ipam, spec)

    def links(self, ipam: Ipam, plan: ClusterPlan) -> ClusterLinks:
        spec = plan.spec
        node_networks: dict[str, str] = {}
        if any(s.cidr for s in plan.subnets.values()):
            key = f"{spec.site}/{spec.network_name}"
            net = ipam.network(key) if spec.subnet_cidrs else ipam.network_by_key(key)
            node_networks = {f: net.id for f in net.families}
        pod_networks = {}
        if plan.pod_range is not None:
            pod_networks = {"ipv6": ipam.network_by_key(f"{spec.site}/{spec.cluster}/pods").id}
        # an address Neutron picks (SLAAC, DHCPv6-stateless) is read back from the node's port,
        # so kubelet's node-ip is the address the VM really has
        machines = [
            NodeSpec(name=n.name,
                     addresses={f: a or port_address_lookup(node_ports_name(spec.cluster), f, node=n.name) for f, a in n.addresses.items()},
                     prefixes={"ipv6": n.pod_prefix} if n.pod_prefix else {})
            for n in plan.nodes.values() if n.role != "gateway"
        ]
        # the VIPs (an address Neutron picks is read back from the VIP's own port) and who holds them
        vips = {f: a or port_address_lookup(tf_name(spec.cluster, "vip", SUFFIX[f]), f, node=None) for f, a in plan.vips.items()}
        holders = {n: {f: a or port_address_lookup(node_ports_name(spec.cluster), f, node=n) for f, a in plan.nodes[n].addresses.items()}
                   for n in spec.vip_members}
        control_plane = {"vips": vips, "holders": holders, "nodes": list(spec.control_plane)}
        # seed 001: the nodes peer with the gateway that is LB master, which is the one holding the VIPs
        bgp_peers = {"gateway-vip": vips} if spec.gateways else {}
        return ClusterLinks(node_networks=node_networks, pod_networks=pod_networks, machines=machines,
                            control_plane=control_plane, bgp_peers=bgp_peers, cloud=_kubermatic_cloud(plan))

    def build_stack(self, scope: Any, stack_id: str, plan: ClusterPlan, *, backend_path: str) -> Any:
        from stacks.openstack_cluster import build_openstack_cluster  # the OpenStack constructs (cdktf)

        return build_openstack_cluster(scope, stack_id, plan=plan, backend_path=backend_path)
