"""From a validated plan to a full address plan: every site and cluster planned once, nothing written.

Pure Python (no cdktf): ``dualstack plan`` stops here; ``synth`` hands these plans to the stacks,
which build from them and plan nothing again. Problems are collected across super networks,
sites and clusters, so one run reports them all (a cluster on a site that failed is skipped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .. import sites as site_kinds
from ..errors import DualstackError, one_line
from ..ipam import Ipam
from ..kubernetes import plan_cluster as plan_k8s
from ..kubernetes.model import ClusterSpec
from ..kubernetes.plan import PlannedCluster
from ..starlingx import StarlingxError, StarlingxPlan, kubernetes_networks, kubernetes_ranges, plan_starlingx
from .plan_file import PlanError

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PlannedSite:
    """One site's plan and the kind that made it (and builds its stack)."""

    name: str
    kind: str
    plan: Any


@dataclass
class Allocated:
    """What the plan came to: per-site plans and per-cluster renderings, on one Ipam."""

    ipam: Ipam
    sites: dict[str, PlannedSite] = field(default_factory=dict)
    clusters: dict[str, PlannedCluster] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    starlingx: StarlingxPlan = field(default_factory=StarlingxPlan)


def ensure_super_networks(plan: Any, ipam: Ipam) -> list[str]:
    """Declare the plan's super networks (create, join, grow). Returns problems as lines."""
    lines = []
    for i, sn in enumerate(plan.super_networks):
        try:
            sn.declare_in(ipam)
        except DualstackError as e:
            text = one_line(e)
            if sn.id in ipam.networks and "still holds" in text:
                have = [p.text for p in ipam.networks[sn.id].prefixes]
                text = (f"prefixes: {sn.prefixes} differ from the lock's {have}: {text}; a prefix can be added to a super "
                        "network, but one that holds allocations cannot be removed (add a new prefix or super network instead)")
                lines.append(f"super_networks[{i}].{text}")
            else:
                lines.append(f"super_networks[{i}]: {text}")
    return lines


def allocate(plan: Any, clusters: dict[str, ClusterSpec], ipam: Ipam, progress: Progress | None = None) -> Allocated:
    """Plan every site and cluster on ``ipam``. Raises ``PlanError`` with every problem found."""
    lines = ensure_super_networks(plan, ipam)
    if lines:
        raise PlanError(lines)
    out = Allocated(ipam)
    starlingx_failed = False
    try:  # before the clusters: a cluster on a StarlingX system takes its ranges from these pools
        out.starlingx = plan_starlingx(ipam, plan.starlingx)
        out.warnings += list(out.starlingx.warnings)
    except StarlingxError as e:
        lines += e.lines
        starlingx_failed = True
    kinds = site_kinds.kinds()
    steps = len(plan.sites) + len(clusters)
    done = 0
    failed: set[str] = set()
    for name, site in plan.sites.items():
        kind = kinds[site.kind]
        try:
            out.sites[name] = PlannedSite(name, site.kind, kind.plan(ipam, name, site.spec))
        except DualstackError as e:
            lines.append(f"sites.{name}.{site.kind}: {one_line(e)}")
            failed.add(name)
        done += 1
        if progress:
            progress(f"site {name}", done, steps)
    for name, spec in clusters.items():
        site = plan.kubernetes[name].site
        system = plan.kubernetes[name].starlingx
        if site in failed or (system is not None and starlingx_failed):
            continue  # its site's (or StarlingX system's) problem is reported already
        try:
            _check_nodes(name, spec, site)
            links = kinds[out.sites[site].kind].links(ipam, out.sites[site].plan) if site is not None else None
            kwargs = links.as_kwargs() if links else {}
            if system is not None:  # one source: the system's cluster-pod and cluster-service pools, as allocator networks
                spec = spec.model_copy(update=kubernetes_ranges(out.starlingx, system))
                networks = kubernetes_networks(out.starlingx, system)
                kwargs["pod_networks"] = networks["pods"]
                kwargs["service_networks"] = networks["services"]
            out.clusters[name] = plan_k8s(spec, ipam, **kwargs)
        except PlanError as e:
            lines += e.lines
            continue
        except DualstackError as e:
            lines.append(f"kubernetes.{name}: {one_line(e)}")
            continue
        out.warnings += [f"kubernetes.{name}: {w}" for w in out.clusters[name].warnings]
        done += 1
        if progress:
            progress(f"cluster {name}", done, steps)
    if lines:
        raise PlanError(lines)
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
