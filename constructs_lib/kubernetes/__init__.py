"""Kubernetes networking from the same plan: per-family node, pod and service ranges, taken from
the plan's allocator, checked against the real upstream limits, rendered for kubeadm, kube-proxy,
Calico, Cilium, Gardener and Kubermatic. Pure Python (no cdktf, no jsii).

    cluster = parse_cluster({"name": "c1", "nodes": "v6global/64+prefix/80", "pods": "v6fromNode",
                             "services": "v6private/108", "machines": [{"name": "worker-1"}]})
    resolved = resolve(cluster, ipam, global_parent="vpc-main")
    files = render_all(cluster, resolved)      # {"kubeadm/cluster-configuration.yaml": "...", ...}

What a site hands besides its nodes (control-plane VIPs and their holders, BGP peers, KKP cloud
ids) goes in as ``resolve``/``plan_cluster`` keywords (``site.py``); ``capacity.py`` checks every
range holds what the cluster takes before anything is allocated; ``final.py`` turns renderings
with Terraform templates into final files from ``terraform output -json`` (``dualstack render``).
"""

from .errors import KubernetesNetworkError, LimitError, NetworkWarning, StrategyError
from .model import (ApiLoadBalancerSettings, CalicoBgpSettings, CalicoSettings, CiliumSettings, ClusterSpec, KubermaticSettings,
                    NodeSpec, parse_cluster)
from .plan import PlannedCluster, plan_cluster
from .render import output_name, output_value, render_all
from .resolve import ResolvedCluster, ResolvedNode, ResolvedRange, ResolvedRole, resolve
from .site import CloudLink, ControlPlaneLink
from .strategy import RangeStrategy, RoleStrategy, parse_role

__all__ = [
    "ApiLoadBalancerSettings", "CalicoBgpSettings", "CalicoSettings", "CiliumSettings", "CloudLink", "ClusterSpec", "ControlPlaneLink",
    "KubermaticSettings", "KubernetesNetworkError", "LimitError", "NetworkWarning", "NodeSpec", "PlannedCluster",
    "RangeStrategy", "ResolvedCluster", "ResolvedNode", "ResolvedRange", "ResolvedRole", "RoleStrategy", "StrategyError",
    "output_name", "output_value", "parse_cluster", "parse_role", "plan_cluster", "render_all", "resolve",
]
