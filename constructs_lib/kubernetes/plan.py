"""One call for the app: plan data in, resolved cluster and rendered files out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from constructs_lib.ipam import Ipam

from .errors import KubernetesNetworkError, NetworkWarning
from .model import ClusterSpec, NodeSpec, parse_cluster
from .render import output_name, output_value, render_all
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
        """Terraform output name -> the file's text (apply-time ranges appear as ``${...}``)."""
        return {output_name(self.cluster.name, name): text for name, text in self.files.items()}

    def output_values(self) -> dict[str, object]:
        """Terraform output name -> its value: YAML files as their documents, text files (haproxy.cfg) as text.

        What ``dualstack render --from-outputs`` reads back; the stack's outputs are these."""
        return {output_name(self.cluster.name, name): output_value(name, text) for name, text in self.files.items()}


def plan_cluster(
    data: Mapping[str, Any] | ClusterSpec,
    ipam: Ipam,
    *,
    global_parent: str | None = None,
    node_networks: Mapping[str, str] | None = None,
    pod_networks: Mapping[str, str] | None = None,
    private_ipv4_parent: str | None = None,
    machines: Sequence[NodeSpec] | None = None,
    control_plane: Mapping[str, Any] | None = None,
    bgp_peers: Mapping[str, Mapping[str, str]] | None = None,
    cloud: Mapping[str, Any] | None = None,
    **resolve_kw: Any,
) -> PlannedCluster:
    """Parse the plan's cluster section, resolve it through ``ipam``, render every target.

    ``control_plane``, ``bgp_peers`` and ``cloud`` are what the site hands besides its nodes
    (``constructs_lib.kubernetes.site``). Raises ``KubernetesNetworkError`` (one line) before
    anything is rendered.
    """
    cluster = parse_cluster(data)
    resolved = resolve(cluster, ipam, global_parent=global_parent, node_networks=node_networks,
                       pod_networks=pod_networks, private_ipv4_parent=private_ipv4_parent, machines=machines,
                       control_plane=control_plane, bgp_peers=bgp_peers, cloud=cloud, **resolve_kw)
    files = render_all(cluster, resolved)
    names: dict[str, str] = {}
    for name in files:  # each file is one Terraform output: two files may not share a name
        out = output_name(cluster.name, name)
        if out in names:
            raise KubernetesNetworkError(f"cluster {cluster.name}: files {names[out]} and {name} would both be output {out}; rename "
                                         "a node or holder", field="machines")
        names[out] = name
    return PlannedCluster(cluster, resolved, files)
