"""The OpenStack site kind: ``sites.<name>.openstack`` -> ``ClusterPlan`` -> the cluster stack."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from constructs_lib.ipam import Ipam
from constructs_lib.kubernetes import NodeSpec
from constructs_lib.openstack.cluster_plan import ClusterPlan, OpenStackClusterSpec, plan_cluster
from constructs_lib.openstack.keys import port_address_lookup, tf_name

from .base import ClusterLinks


class OpenStackSite:
    name = "openstack"
    spec_type = OpenStackClusterSpec
    description = "an OpenStack project: dual-stack node network, router, VIPs, security group, routed per-node prefixes (seed 001)"

    def defaults(self, site: str, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"site": site, **data}

    def check(self, site: str, spec: OpenStackClusterSpec, super_networks: Sequence[str]) -> list[str]:
        lines = []
        for field in ("node_supernet", "pod_supernet"):
            ref = getattr(spec, field)
            if ref is not None and ref not in super_networks:
                lines.append(f"sites.{site}.openstack.{field}: {ref!r} is not one of super_networks ({', '.join(super_networks) or 'none'})")
        return lines

    def plan(self, ipam: Ipam, site: str, spec: OpenStackClusterSpec) -> ClusterPlan:
        return plan_cluster(ipam, spec)

    def links(self, ipam: Ipam, plan: ClusterPlan) -> ClusterLinks:
        spec = plan.spec
        node_networks: dict[str, str] = {}
        if any(s.cidr for s in plan.subnets.values()):
            net = ipam.network_by_key(f"{spec.site}/{spec.network_name}")
            node_networks = {f: net.id for f in net.families}
        pod_networks = {}
        if plan.pod_range is not None:
            pod_networks = {"ipv6": ipam.network_by_key(f"{spec.site}/{spec.cluster}/pods").id}
        # an address Neutron picks (SLAAC, DHCPv6-stateless) is read back from the node's port,
        # so kubelet's node-ip is the address the VM really has
        machines = [
            NodeSpec(name=n.name,
                     addresses={f: a or port_address_lookup(tf_name(spec.cluster, n.name), f) for f, a in n.addresses.items()},
                     prefixes={"ipv6": n.pod_prefix} if n.pod_prefix else {})
            for n in plan.nodes.values() if n.role != "gateway"
        ]
        return ClusterLinks(node_networks=node_networks, pod_networks=pod_networks, machines=machines)

    def build_stack(self, scope: Any, stack_id: str, plan: ClusterPlan, *, backend_path: str) -> Any:
        from stacks.openstack_cluster import build_openstack_cluster  # the OpenStack constructs (cdktf)

        return build_openstack_cluster(scope, stack_id, plan=plan, backend_path=backend_path)
