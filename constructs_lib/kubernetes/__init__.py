"""Kubernetes networking from the same plan: per-family node, pod and service ranges, taken from
the plan's allocator, checked against the real upstream limits, rendered for kubeadm, kube-proxy,
Calico, Cilium, Gardener and Kubermatic. Pure Python (no cdktf, no jsii).

    cluster = parse_cluster({"name": "c1", "nodes": "v6global/64+prefix/80", "pods": "v6fromNode",
                             "services": "v6private/108", "machines": [{"name": "worker-1"}]})
    resolved = resolve(cluster, ipam, global_parent="vpc-main")
    files = render_all(cluster, resolved)      # {"kubeadm/cluster-configuration.yaml": "...", ...}
"""

from .errors import KubernetesNetworkError, LimitError, NetworkWarning, StrategyError
from .model import CalicoSettings, CiliumSettings, ClusterSpec, NodeSpec, parse_cluster
from .plan import PlannedCluster, plan_cluster
from .render import output_name, render_all
from .resolve import ResolvedCluster, ResolvedNode, ResolvedRange, ResolvedRole, resolve
from .strategy import RangeStrategy, RoleStrategy, parse_role

__all__ = [
    "CalicoSettings", "CiliumSettings", "ClusterSpec", "KubernetesNetworkError", "LimitError", "NetworkWarning", "NodeSpec", "PlannedCluster",
    "RangeStrategy", "ResolvedCluster", "ResolvedNode", "ResolvedRange", "ResolvedRole", "RoleStrategy", "StrategyError",
    "output_name", "parse_cluster", "parse_role", "plan_cluster", "render_all", "resolve",
]
