"""From a validated plan to a full address plan: every site and cluster allocated, nothing written.

Pure Python (no cdktf): ``dualstack plan`` stops here; the synth step builds the stacks on the
same ``Ipam``, where the stacks ask for the same keys again and get the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import aws as aws_model
from ..aws.poc import fleet_props, vpc_props
from ..ipam import Ipam, IpamError
from ..kubernetes import KubernetesNetworkError, NodeSpec
from ..kubernetes import plan_cluster as plan_k8s
from ..kubernetes.model import ClusterSpec
from ..kubernetes.plan import PlannedCluster
from ..openstack.cluster_plan import ClusterPlan
from ..openstack.cluster_plan import plan_cluster as plan_openstack
from ..openstack.keys import port_address_lookup, tf_name
from .plan_file import Plan, PlanError

Progress = Callable[[str, int, int], None]


@dataclass
class Allocated:
    """What the plan came to: per-site plans and per-cluster renderings, on one Ipam."""

    ipam: Ipam
    openstack: dict[str, ClusterPlan] = field(default_factory=dict)
    aws: dict[str, tuple[aws_model.VpcPlan, aws_model.FleetPlan]] = field(default_factory=dict)
    clusters: dict[str, PlannedCluster] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())


def ensure_super_networks(plan: Plan, ipam: Ipam) -> None:
    """Create the plan's super networks; those already in the lock must still match it."""
    lines = []
    for i, sn in enumerate(plan.super_networks):
        try:
            if sn.id not in ipam.networks:
                sn.create_in(ipam)
                continue
            net = ipam.networks[sn.id]
            if net.parent is not None or not sn.matches(net):
                lines.append(
                    f"super_networks[{i}].prefixes: {sn.prefixes} differ from the lock's {[p.text for p in net.prefixes]}; "
                    "a super network's prefixes cannot change under its allocations (add a new super network instead)"
                )
                continue
            # same prefixes: names, labels and default child lengths may change (they steer only
            # future allocations); check them on a scratch copy, then take them over
            scratch = sn.create_in(Ipam())
            for attr in ("name", "description", "partition", "project", "labels", "private_super", "default_child_prefix_length"):
                setattr(net, attr, getattr(scratch, attr))
        except IpamError as e:
            lines.append(f"super_networks[{i}]: {_one_line(e)}")
    if lines:
        raise PlanError(lines)


def allocate(plan: Plan, clusters: dict[str, ClusterSpec], ipam: Ipam, progress: Progress | None = None) -> Allocated:
    ensure_super_networks(plan, ipam)
    out = Allocated(ipam)
    steps = len(plan.sites) + len(clusters)
    done = 0
    for name, site in plan.sites.items():
        try:
            if site.openstack is not None:
                out.openstack[name] = plan_openstack(ipam, site.openstack)
            else:
                vpc = aws_model.plan_vpc(ipam, vpc_props(site.aws))
                out.aws[name] = (vpc, aws_model.plan_fleet(ipam, vpc, fleet_props(site.aws)))
        except (IpamError, ValueError) as e:
            raise PlanError([f"sites.{name}.{site.kind}: {_one_line(e)}"]) from None
        done += 1
        if progress:
            progress(f"site {name}", done, steps)
    for name, spec in clusters.items():
        site = plan.kubernetes[name].site
        _check_nodes(name, spec, site)
        try:
            out.clusters[name] = plan_k8s(spec, ipam, **_links(out, site))
        except (KubernetesNetworkError, IpamError, ValueError) as e:
            raise PlanError([f"kubernetes.{name}: {_one_line(e)}"]) from None
        out.warnings += [f"kubernetes.{name}: {w}" for w in out.clusters[name].warnings]
        done += 1
        if progress:
            progress(f"cluster {name}", done, steps)
    return out


def _check_nodes(name: str, spec: ClusterSpec, site: str | None) -> None:
    """A cluster's machines come from its site, or from the plan when it has no site: not both, not neither."""
    if site is not None and spec.machines:
        raise PlanError([f"kubernetes.{name}.machines: the machines of a cluster on site {site} come from the site; drop machines: or site:"])
    pods = spec.strategy("pods")
    from_node = [it.token for it in (pods.items if pods else ()) if it.kind == "fromNode"]
    if site is None and from_node and not spec.machines:
        raise PlanError([f"kubernetes.{name}.pods: {from_node[0]} takes each node's own prefix, but the cluster has no nodes; "
                         "set site: (its machines and their prefixes) or machines:"])


def _links(out: Allocated, site: str | None) -> dict:
    """What a cluster takes from the site it runs on: node networks, routed per-node prefixes, machines."""
    if site is None:
        return {}
    ipam = out.ipam
    if site in out.openstack:
        osp = out.openstack[site]
        spec = osp.spec
        node_net = ipam.network_by_key(f"{spec.site}/{spec.network_name}") if any(s.cidr for s in osp.subnets.values()) else None
        links: dict = {}
        if node_net is not None:
            links["node_networks"] = {f: node_net.id for f in node_net.families}
        if osp.pod_range is not None:
            links["pod_networks"] = {"ipv6": ipam.network_by_key(f"{spec.site}/{spec.cluster}/pods").id}
        # an address Neutron picks (SLAAC, DHCPv6-stateless) is read back from the node's port,
        # so kubelet's node-ip is the address the VM really has
        links["machines"] = [
            NodeSpec(name=n.name,
                     addresses={f: a or port_address_lookup(tf_name(spec.cluster, n.name), f) for f, a in n.addresses.items()},
                     prefixes={"ipv6": n.pod_prefix} if n.pod_prefix else {})
            for n in osp.nodes.values() if n.role != "gateway"
        ]
        return links
    vpc, fleet = out.aws[site]
    eni = f"aws_network_interface.{fleet.props.name}"
    return {
        "global_parent": vpc.network.id,
        "node_networks": {"ipv6": vpc.network.id},
        # AWS assigns each ENI's address: kubelet's node-ip reads it at apply time
        "machines": [
            NodeSpec(name=vm.name, addresses={"ipv6": f'${{tolist({eni}["{vm.name}"].ipv6_addresses)[0]}}'},
                     prefixes={"ipv6": vm.prefix.text} if vm.prefix is not None else {})
            for vm in fleet.vms
        ],
    }
