"""One call for the app: plan data in, resolved cluster and rendered files out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from constructs_lib.ipam import Ipam

from .errors import NetworkWarning
from .model import ClusterSpec, NodeSpec, parse_cluster
from .render import output_name, render_all
from .resolve import ResolvedCluster, resolve


@dataclass(frozen=True, slots=True)
class PlannedCluster:
    cluster: ClusterSpec
    resolved: ResolvedCluster
    files: Mapping[str, str]  # relative filename -> YAML text

    @property
    def warnings(self) -> tuple[NetworkWarning, ...]:
        return self.resolved.warnings

    def outputs(self) -> dict[str, str]:
        """Terraform output name -> YAML text (apply-time ranges appear as ``${...}``)."""
        return {output_name(self.cluster.name, name): text for name, text in self.files.items()}


def plan_cluster(
    data: Mapping[str, Any] | ClusterSpec,
    ipam: Ipam,
    *,
    global_parent: str | None = None,
    node_networks: Mapping[str, str] | None = None,
    pod_networks: Mapping[str, str] | None = None,
    private_ipv4_parent: str | None = None,
    machines: Sequence[NodeSpec] | None = None,
) -> PlannedCluster:
    """Parse the plan's cluster section, resolve it through ``ipam``, render every target.

    Raises ``KubernetesNetworkError`` (one line) before anything is rendered.
    """
    cluster = parse_cluster(data)
    resolved = resolve(cluster, ipam, global_parent=global_parent, node_networks=node_networks,
                       pod_networks=pod_networks, private_ipv4_parent=private_ipv4_parent, machines=machines)
    return PlannedCluster(cluster, resolved, render_all(cluster, resolved))
