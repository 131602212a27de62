"""What a site kind is: one small protocol the pipeline, the plan file and the synth loop use.

A *site* is one place clusters run: an OpenStack project, an AWS VPC, ... A *site kind* is a
cloud: it names the plan-file key (``openstack:``), the spec type the plan validates into, how
the allocator plans such a site (once, before anything is synthesized), what a Kubernetes
cluster on it gets (``ClusterLinks``), and how its Terraform stack is built from that plan.

To add a cloud: write a package with its spec (a pydantic-validatable dataclass or model), its
planner and its stack, then ``register(YourKind())`` (see ``constructs_lib/sites/__init__.py``).
The pipeline, the plan file and the synth loop need no change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol, Sequence, runtime_checkable

from constructs_lib.ipam import Ipam
from constructs_lib.kubernetes import NodeSpec


@dataclass(frozen=True)
class ClusterLinks:
    """What a Kubernetes cluster takes from the site it runs on (all optional).

    - ``node_networks``: family -> allocator network holding the nodes (their subnet);
    - ``pod_networks``: family -> allocator network the pods (or the per-node prefixes) come from;
    - ``global_parent``: the allocator network of the provider's global IPv6 (``v6global`` carves from it);
    - ``machines``: the nodes, with their addresses and own prefixes (text or ``${...}``);
    - ``control_plane``: the VIPs, the nodes holding them and the control-plane nodes behind them
      (kubeadm's endpoint and SANs, HAProxy and keepalived; ``constructs_lib.kubernetes.site``);
    - ``bgp_peers``: name -> family -> address the nodes peer with (Calico BGP);
    - ``cloud``: the provider fields that tie a Kubermatic cluster to its networks.
    """

    node_networks: Mapping[str, str] = field(default_factory=dict)
    pod_networks: Mapping[str, str] = field(default_factory=dict)
    global_parent: str | None = None
    machines: Sequence[NodeSpec] = ()
    control_plane: Mapping[str, Any] | None = None
    bgp_peers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    cloud: Mapping[str, Any] | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """The keywords of ``constructs_lib.kubernetes.plan_cluster`` this site sets."""
        out: dict[str, Any] = {"machines": list(self.machines)}
        for name in ("node_networks", "pod_networks", "bgp_peers"):
            if getattr(self, name):
                out[name] = dict(getattr(self, name))
        for name in ("global_parent", "control_plane", "cloud"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out


@runtime_checkable
class SiteKind(Protocol):
    """A cloud. Implementations are stateless singletons registered by name.

    Optional: ``derived``, the spec fields ``defaults`` sets from the site's name that a plan may
    not write (left out of the JSON Schema; OpenStack's ``site``)."""

    #: the plan-file key under ``sites.<name>:`` (``openstack``, ``aws``)
    name: str
    #: what ``sites.<name>.<kind>`` validates into (pydantic strict, unknown keys refused)
    spec_type: type
    #: one line for the JSON Schema and ``dualstack schema``
    description: str

    def defaults(self, site: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """The spec data with what follows from the site name filled in (before validation)."""

    def check(self, site: str, spec: Any, super_networks: Sequence[str], given: Mapping[str, Any]) -> list[str]:
        """Problems a spec has against the rest of the plan (super networks it names) and settings
        the plan gives (``given``: the plan's own mapping) that would have no effect, as lines."""

    def plan(self, ipam: Ipam, site: str, spec: Any) -> Any:
        """Every range and address of the site from ``ipam``, under stable keys. Raises ``DualstackError``."""

    def links(self, ipam: Ipam, site_plan: Any) -> ClusterLinks:
        """What a Kubernetes cluster on this site gets."""

    def build_stack(self, scope: Any, stack_id: str, site_plan: Any, *, backend_path: str) -> Any:
        """The site's Terraform stack from its plan (may import cdktf; nothing is planned again)."""
