"""Strategies -> concrete (or apply-time relative) ranges, through the plan's allocator.

Every range a cluster takes is held in the Ipam under a stable key, so the lock pins it and
nothing else in the plan can be given the same space:

- ``k8s/<cluster>/<role>/<family>``          a role's range (super network for literal ranges,
                                               child network for v6global / v6private)
- ``k8s/<cluster>/<role>/ula``               the RFC 4193 /48 generated once for v6private
- ``k8s/<cluster>/nodes/<node>/<family>``    a node's address (when not given)
- ``k8s/<cluster>/nodes/<node>/prefix/<family>``  a node's own prefix (``+prefix``)

Cluster-scoped ranges (``scope: {pods: cluster}``: an overlay's pods, masqueraded, never seen
outside the cluster) are the exception: they live in a namespace of the cluster's own, made
afresh on every run from the plan (a literal range needs no pinning; a ``v6private`` one keeps
its RFC 4193 /48 pinned in the lock under the same key), so two clusters may both use
Kubermatic's ``172.25.0.0/16``. They may not overlap the plan's own (non-Kubernetes) networks,
whose addresses the pods could then not reach. Routed ranges (per-node prefixes, ``v6global``,
global IPv6) and nodes are always shared and never overlap anything.

A keyword's length is a minimum (seed 003: "of at least that size"): a node network or
per-node prefix the site hands in may be larger; a larger per-node prefix is said in one warning.

On error nothing is rendered; the Ipam may hold part of the allocations, so do not save it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from constructs_lib.ipam import Ipam, IpamError, NotFound, Overlap, Prefix, generate_ula_prefix
from constructs_lib.ipam.prefix import VERSION
from constructs_lib.ipam.terraform import parse_cidrsubnet, prefix_tf, unwrap

from . import capacity, limits, rules
from .errors import KubernetesNetworkError, LimitError, NetworkWarning
from .model import ClusterSpec, NodeSpec
from .site import CloudLink, ControlPlaneLink, parse_bgp_peers, parse_cloud, parse_control_plane
from .strategy import FAMILIES, RangeStrategy, RoleStrategy



#: what a rendered document holds: the CIDR, or ``${cidrsubnet(...)}`` resolved at apply time
tf_text = prefix_tf


@dataclass(frozen=True, slots=True)
class ResolvedRange:
    """One family's range of a role (or of one node), concrete or relative to an apply-time root."""

    role: str  # nodes | pods | services | node-prefix | node-pods
    family: str
    prefix: Prefix
    kind: str  # cidr | v4private | v6global | v6private | fromNode | default
    network: str | None = None  # Ipam network holding it (None: inside a plan network)
    routed: bool = False  # IPv6 reachable without NAT (global or the node's own prefix)
    scope: str = "shared"  # "cluster": held in the cluster's own namespace, not the plan's
    #: the Ipam networks its network was allocated from, innermost first: the allocator keeps it
    #: apart from everything else they hold (a v6global service range beside AWS's node subnets)
    within: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return tf_text(self.prefix)

    @property
    def length(self) -> int:
        return self.prefix.length


@dataclass(frozen=True, slots=True)
class ResolvedRole:
    """A role's families (primary first) and the cluster-wide range of each family that has one."""

    role: str
    families: tuple[str, ...]
    ranges: Mapping[str, ResolvedRange]
    from_node: tuple[str, ...] = ()  # pods: families taken from each node's prefix
    custom: bool = False  # left to the network plugin
    per_node: Mapping[str, int] = field(default_factory=dict)  # nodes: +prefix sizes
    #: pods (fromNode): the plan network the per-node prefixes are routed from (OpenStack's pod supernet)
    aggregate: Mapping[str, ResolvedRange] = field(default_factory=dict)

    def ordered(self) -> list[ResolvedRange]:
        return [self.ranges[f] for f in self.families if f in self.ranges]

    @property
    def primary(self) -> str | None:
        return self.families[0] if self.families else None


@dataclass(frozen=True, slots=True)
class ResolvedNode:
    name: str
    addresses: Mapping[str, str]  # family -> address text (or ${cidrhost(...)})
    prefixes: Mapping[str, ResolvedRange]  # family -> the node's own prefix
    pod_ranges: Mapping[str, ResolvedRange]  # family -> pods' range on this node (fromNode)

    def node_ip(self, families: Sequence[str]) -> str:
        """kubelet ``node-ip``: every family's address, primary first (seed 001/004)."""
        return ",".join(self.addresses[f] for f in families if f in self.addresses)


@dataclass(frozen=True, slots=True)
class ResolvedCluster:
    name: str
    version: tuple[int, int]
    nodes: ResolvedRole
    pods: ResolvedRole
    services: ResolvedRole
    machines: tuple[ResolvedNode, ...]
    node_masks: Mapping[str, int]
    warnings: tuple[NetworkWarning, ...] = ()
    #: what the site hands besides nodes (see ``site.py``)
    control_plane: ControlPlaneLink | None = None
    bgp_peers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    cloud: CloudLink | None = None

    def role(self, name: str) -> ResolvedRole:
        return getattr(self, name)


# -----------------------------------------------------------------------------------------
def resolve(
    cluster: ClusterSpec,
    ipam: Ipam,
    *,
    global_parent: str | None = None,
    node_networks: Mapping[str, str] | None = None,
    pod_networks: Mapping[str, str] | None = None,
    private_ipv4_parent: str | None = None,
    machines: Sequence[NodeSpec] | None = None,
    ula: Callable[[], str] = generate_ula_prefix,
    service_networks: Mapping[str, str] | None = None,
    control_plane: Mapping | ControlPlaneLink | None = None,
    bgp_peers: Mapping[str, Mapping[str, str]] | None = None,
    cloud: Mapping | CloudLink | None = None,
) -> ResolvedCluster:
    """Resolve ``cluster`` against the plan's ``ipam`` and check every rule.

    - ``global_parent``: Ipam network of the provider's global IPv6 (the AWS VPC /56, an
      OpenStack subnet pool; usually relative) that ``v6global`` carves from.
    - ``node_networks``: family -> Ipam network that already holds the nodes (the OpenStack or
      AWS subnet); used for nodes given as a keyword or left out.
    - ``pod_networks``: family -> Ipam network that already holds the pods: the cluster pod range,
      or with ``v6fromNode`` the range each node's routed prefix comes from (OpenStack's pod
      supernet allocation) instead of the node range.
    - ``private_ipv4_parent``: Ipam network ``v4private`` nodes take a /24 from.
    - ``machines``: the nodes (default ``cluster.machines``), sorted by name.
    - ``ula``: RFC 4193 /48 generator (tests pass a fixed one).
    - ``control_plane``, ``bgp_peers``, ``cloud``: what the site hands besides nodes (``site.py``):
      the control-plane VIPs and their holders, the gateways to peer with, KKP's cloud fields.
    """
    r = _Resolver(cluster, ipam, global_parent, dict(node_networks or {}), dict(pod_networks or {}), private_ipv4_parent, ula,
                  dict(service_networks or {}))
    specs = tuple(sorted(machines if machines is not None else cluster.machines, key=lambda n: n.name))
    names = [n.name for n in specs]
    if len(names) != len(set(names)):
        dup = sorted({n for n in names if names.count(n) > 1})[0]
        raise KubernetesNetworkError(f"cluster {cluster.name}: machines: node name {dup!r} is given twice", field="machines")

    strategies = {role: cluster.strategy(role) for role in ("nodes", "pods", "services")}
    warnings: list[NetworkWarning] = []
    # size and mask rules need lengths only: refuse before anything is allocated
    node_lengths = r.network_lengths(r.node_networks, "node_networks")
    pod_lengths = r.network_lengths(r.pod_networks, "pod_networks")
    rules.check_planned(cluster, strategies, node_lengths, pod_lengths)
    capacity.check_capacity(cluster, strategies, rules.planned(cluster, strategies, node_lengths, pod_lengths), specs, pod_lengths)
    cp = parse_control_plane(control_plane)
    peers = parse_bgp_peers(bgp_peers)
    cloud_link = parse_cloud(cloud)

    nodes = r.nodes_role(strategies["nodes"])
    pods = r.cluster_role("pods", strategies["pods"])
    services = r.cluster_role("services", strategies["services"])
    resolved_nodes = tuple(r.machine(n, nodes, pods) for n in specs)
    resolved = ResolvedCluster(
        name=cluster.name, version=cluster.version, nodes=nodes, pods=pods, services=services,
        machines=resolved_nodes, node_masks={f: cluster.node_mask(f) for f in FAMILIES},
        control_plane=cp, bgp_peers=peers, cloud=cloud_link,
    )
    r.check_private(resolved)
    warnings.extend(rules.check_resolved(cluster, resolved))
    return dataclasses.replace(resolved, warnings=tuple(warnings))


class _Resolver:
    def __init__(self, cluster: ClusterSpec, ipam: Ipam, global_parent: str | None, node_networks: dict[str, str],
                 pod_networks: dict[str, str], private_ipv4_parent: str | None, ula: Callable[[], str],
                 service_networks: dict[str, str] | None = None) -> None:
        self.c = cluster
        self.ipam = ipam
        self.global_parent = global_parent
        self.node_networks = node_networks
        self.pod_networks = pod_networks
        self.service_networks = service_networks or {}
        self.private_ipv4_parent = private_ipv4_parent
        self.ula = ula
        self.private = Ipam()  # the cluster's own namespace: cluster-scoped ranges, rebuilt every run
        for what, given in (("node_networks", node_networks), ("pod_networks", pod_networks), ("service_networks", self.service_networks)):
            for fam, net in given.items():
                if fam not in FAMILIES:
                    raise KubernetesNetworkError(f"{what}: {fam!r} is not ipv4 or ipv6", field=what)
                self._prefix_of(net, fam, f"{what}.{fam}")

    def key(self, *parts: str) -> str:
        return "/".join(("k8s", self.c.name) + parts)

    def field(self, role: str, fam: str | None = None) -> str:
        return f"cluster {self.c.name}: {role}" + (f" ({fam})" if fam else "")

    def network_lengths(self, given: Mapping[str, str], what: str) -> dict[str, int]:
        """family -> length of the networks given, for the pre-allocation checks."""
        return {fam: self._prefix_of(net, fam, f"{what}.{fam}").length for fam, net in given.items()}

    def given_network(self, role: str, s: RangeStrategy | None, fam: str, given: Mapping[str, str], what: str) -> ResolvedRange:
        """A role's range the caller's stack already allocated; the strategy, if any, must agree.

        A keyword's length is a minimum ("of at least that size", seed 003): the site's network
        may be larger (AWS hands the VPC's /56 that holds the per-AZ /64 node subnets)."""
        net = given[fam]
        p = self._prefix_of(net, fam, f"{what}.{fam}") if role != "nodes" else self._cover_of(net, fam, f"{what}.{fam}")
        field_ = self.field(role, fam)
        if s is not None and s.kind == "cidr" and p.text != s.cidr:
            raise KubernetesNetworkError(f"{field_}: {s.cidr} but {what}.{fam} ({net}) is {p.text}; give one of them", field=field_)
        if s is not None and s.kind != "cidr" and s.length is not None and p.length > s.length:
            base = s.token.split("+")[0].split("/")[0]
            raise KubernetesNetworkError(
                f"{field_}: {s.token} asks for /{s.length} but {what}.{fam} ({net}) is /{p.length}; write {base}/{p.length}", field=field_,
            )
        return ResolvedRange(role, fam, p, s.kind if s is not None else "network", net, s.routed if s is not None else False)

    # -- Ipam helpers -----------------------------------------------------------------------
    def _network(self, id: str, what: str):
        try:
            return self.ipam.network(id)
        except NotFound:
            raise KubernetesNetworkError(f"{what}: network {id!r} is not in the plan", field=what) from None

    def _prefix_in(self, net_id: str, fam: str, what: str, role: str) -> Prefix:
        """A role's network's prefix, in the namespace the role lives in."""
        if net_id in self.private.networks and self.space(role, fam) is self.private:
            return [p for p in self.private.networks[net_id].prefixes if p.family == fam][0]
        return self._prefix_of(net_id, fam, what)

    def ancestors(self, net_id: str, role: str, fam: str) -> tuple[str, ...]:
        """The networks ``net_id`` was carved from, innermost first."""
        ipam = self.private if net_id in self.private.networks and self.space(role, fam) is self.private else self.ipam
        out, parent = [], ipam.networks[net_id].parent
        while parent is not None:
            out.append(parent)
            parent = ipam.networks[parent].parent
        return tuple(out)

    def check_private(self, r: "ResolvedCluster") -> None:
        """A cluster-scoped range may overlap other clusters' ranges, never the plan's own networks
        (super networks, sites): the pods could not reach what lies there."""
        for role in ("pods", "services"):
            for rng in r.role(role).ordered():
                if rng.scope != "cluster" or rng.prefix.is_relative:
                    continue
                for net in self.ipam.networks.values():
                    if net.parent is not None or ("cluster" in net.labels and "role" in net.labels):
                        continue  # children lie inside their supers; other clusters' ranges are theirs to share
                    for p in net.prefixes:
                        if not p.is_relative and p.family == rng.family and p.overlaps(rng.prefix):
                            what = self.field(role, rng.family)
                            raise LimitError(
                                f"{what}: cluster-scoped {rng.text} overlaps {p.text} of network {net.id}: the cluster's own "
                                f"addresses would hide what the plan puts there from its {role}; choose a range outside the plan's "
                                "networks", field=what, source="the plan's allocator (constructs_lib.ipam)")

    def _prefix_of(self, net_id: str, fam: str, what: str) -> Prefix:
        ps = [p for p in self._network(net_id, what).prefixes if p.family == fam]
        if not ps:
            raise KubernetesNetworkError(f"{what}: network {net_id!r} has no {fam} prefix", field=what)
        return ps[0]

    def _cover_of(self, net_id: str, fam: str, what: str) -> Prefix:
        """The smallest prefix holding all of a network's ``fam`` prefixes: a node network grown
        by a second subnet (OpenStack ``node_subnets``) is one node range to Kubernetes."""
        ps = [p for p in self._network(net_id, what).prefixes if p.family == fam]
        if len(ps) <= 1:
            return self._prefix_of(net_id, fam, what)
        lo, hi = min(p.base for p in ps), max(p.last for p in ps)
        length = min(p.length for p in ps)
        while length > 0 and (lo >> (ps[0].maxbits - length)) != (hi >> (ps[0].maxbits - length)):
            length -= 1
        cover = Prefix(ps[0].version, lo >> (ps[0].maxbits - length) << (ps[0].maxbits - length), length, ps[0].root)
        if cover.num_addresses != sum(p.num_addresses for p in ps):
            # the cover would take in what lies between the subnets (another site's nodes, free space
            # the allocator may give anyone): Kubernetes gets one node range per family, so refuse
            texts = ", ".join(p.text for p in ps)
            raise KubernetesNetworkError(
                f"{what}: network {net_id!r} holds {fam} subnets {texts}, which no one range covers alone ({cover.text} takes in "
                f"addresses that are not the nodes'); Kubernetes takes one node range per {fam}: give the site a node_lengths.{fam} "
                "that holds every node from the start, or a node_supernet of its own", field=what)
        return cover

    def space(self, role: str, fam: str) -> Ipam:
        """The namespace a role's range lives in: the plan's, or the cluster's own when cluster-scoped."""
        return self.private if self.c.scope_of(role, fam) == "cluster" else self.ipam

    def pin_super(self, id: str, cidr: str, role: str, fam: str) -> str:
        """A literal range as a super network of its own: the lock pins it, overlaps are refused."""
        what = self.field(role, fam)
        ipam = self.space(role, fam)
        if ipam is self.private:
            try:
                ipam.create_network(id, [cidr], name=f"{self.c.name} {role} {fam}", labels={"cluster": self.c.name, "role": role})
            except Overlap as e:
                raise LimitError(f"{what}: {cidr} overlaps another cluster-scoped range of this cluster ({e}); pods and services of "
                                 f"one cluster need separate ranges [{limits.DISJOINT_SOURCE}]", field=what,
                                 source=limits.DISJOINT_SOURCE) from None
            except IpamError as e:
                raise KubernetesNetworkError(f"{what}: {e}", field=what) from None
            return id
        if id in self.ipam.networks:
            have = [p.text for p in self.ipam.networks[id].prefixes]
            if have != [cidr]:
                raise KubernetesNetworkError(
                    f"{what}: {cidr} but the lock pins {id} to {', '.join(have)}; keep {have[0]} or release {id} in a reviewed lock change",
                    field=what,
                )
            return id
        try:
            self.ipam.create_network(id, [cidr], name=f"{self.c.name} {role} {fam}", labels={"cluster": self.c.name, "role": role})
        except Overlap as e:
            hint = ""
            if role in ("pods", "services"):
                hint = f", or, if it never leaves the cluster (an overlay, masqueraded), mark it scope: {{{role}: cluster}}"
            raise LimitError(
                f"{what}: {cidr} overlaps a network the plan already holds ({e}); choose a free range or let the allocator pick one "
                f"({'v6private/<len>' if fam == 'ipv6' else 'another private CIDR'}){hint}",
                field=what, source="the plan's allocator (constructs_lib.ipam)",
            ) from None
        except IpamError as e:
            raise KubernetesNetworkError(f"{what}: {e}", field=what) from None
        return id

    def ula_super(self, role: str) -> str:
        """The role's RFC 4193 /48: generated once, then pinned in the lock (ipam.ula and a network)."""
        id = self.key(role, "ula")
        ipam = self.space(role, "ipv6")
        if id in ipam.networks:
            return id
        cidr = self.ipam.pin_ula(id, self.ula)  # pinned in the lock in either scope: the same /48 every run
        try:
            ipam.create_network(id, [cidr], private_super=True, name=f"{self.c.name} {role} RFC 4193",
                                labels={"cluster": self.c.name, "role": role})
        except IpamError as e:
            raise KubernetesNetworkError(f"{self.field(role, 'ipv6')}: v6private: {e}", field=role) from None
        return id

    def child(self, parent: str, role: str, fam: str, length: int) -> str:
        key = self.key(role, fam)
        what = self.field(role, fam)
        ipam = self.ipam if parent == self.global_parent else self.space(role, fam)
        try:
            net = ipam.allocate_network(parent, key, id=key, families=[fam], lengths={fam: length},
                                             name=f"{self.c.name} {role} {fam}", labels={"cluster": self.c.name, "role": role})
        except IpamError as e:
            raise KubernetesNetworkError(f"{what}: {e}", field=what) from None
        return net.id

    # -- roles ---------------------------------------------------------------------------
    def range_of(self, role: str, s: RangeStrategy) -> ResolvedRange:
        fam, what = s.family, self.field(role, s.family)
        length = s.length or limits.DEFAULT_LENGTH.get((role, s.kind))
        if s.kind in ("cidr", "v4private"):
            cidr = s.cidr if s.kind == "cidr" else limits.KUBERMATIC_DEFAULTS[role][fam] if role in limits.KUBERMATIC_DEFAULTS else None
            net = self.pin_super(self.key(role, fam), cidr, role, fam)
        elif s.kind == "v6private":
            ula = self.ula_super(role)
            net = ula if length == 48 else self.child(ula, role, fam, length)
        elif s.kind == "v6global":
            if self.global_parent is None:
                raise KubernetesNetworkError(
                    f"{what}: {s.token} needs the provider's global IPv6 prefix; pass global_parent= the Ipam network of the "
                    "AWS VPC /56 or OpenStack subnet pool", field=what,
                )
            self._network(self.global_parent, "global_parent")
            net = self.child(self.global_parent, role, fam, length)
        else:  # pragma: no cover - fromNode/custom never reach here
            raise AssertionError(s.kind)
        return ResolvedRange(role, fam, self._prefix_in(net, fam, what, role), s.kind, net, s.routed, self.c.scope_of(role, fam),
                             self.ancestors(net, role, fam))

    def cluster_role(self, role: str, strategy: RoleStrategy | None) -> ResolvedRole:
        given, what = ((self.pod_networks, "pod_networks") if role == "pods" else
                       (self.service_networks, "service_networks") if role == "services" else ({}, ""))
        if strategy is None:  # Kubermatic's defaults for the cluster's families
            ranges = {}
            for fam in self.c.ip_families:
                if fam in given:
                    ranges[fam] = self.given_network(role, None, fam, given, what)
                    continue
                cidr = limits.KUBERMATIC_DEFAULTS[role][fam]
                net = self.pin_super(self.key(role, fam), cidr, role, fam)
                ranges[fam] = ResolvedRange(role, fam, self._prefix_in(net, fam, role, role), "default", net, False,
                                            self.c.scope_of(role, fam))
            return ResolvedRole(role, tuple(self.c.ip_families), ranges)
        if strategy.custom:
            return ResolvedRole(role, (), {}, custom=True)
        if not strategy.items:  # only nov4/nov6: the defaults of the remaining families
            fams = tuple(f for f in self.c.ip_families if f not in strategy.absent)
            if not fams:
                raise KubernetesNetworkError(
                    f"{self.field(role)}: {strategy.text!r} leaves none of ip_families {list(self.c.ip_families)}; name a range",
                    field=role,
                )
            ranges = {}
            for fam in fams:
                net = self.pin_super(self.key(role, fam), limits.KUBERMATIC_DEFAULTS[role][fam], role, fam)
                ranges[fam] = ResolvedRange(role, fam, self._prefix_in(net, fam, role, role), "default", net, False,
                                            self.c.scope_of(role, fam))
            return ResolvedRole(role, fams, ranges)
        ranges, from_node, aggregate = {}, [], {}
        for s in strategy.items:
            if s.kind == "fromNode":
                from_node.append(s.family)
                if s.family in given:
                    aggregate[s.family] = dataclasses.replace(self.given_network(role, None, s.family, given, what),
                                                              kind="fromNode", routed=True)
                continue
            if s.family in given:
                ranges[s.family] = self.given_network(role, s, s.family, given, what)
            else:
                ranges[s.family] = self.range_of(role, s)
        return ResolvedRole(role, strategy.families, ranges, tuple(from_node), aggregate=aggregate)

    def nodes_role(self, strategy: RoleStrategy | None) -> ResolvedRole:
        if strategy is None or not strategy.items:
            absent = strategy.absent if strategy else frozenset()
            fams = tuple(f for f in self.c.ip_families if f not in absent)
            ranges = {}
            for fam in fams:
                if fam in self.node_networks:
                    ranges[fam] = self.given_network("nodes", None, fam, self.node_networks, "node_networks")
            return ResolvedRole("nodes", fams, ranges)
        ranges, per_node = {}, {}
        for s in strategy.items:
            fam, what = s.family, self.field("nodes", s.family)
            if s.per_node is not None:
                per_node[fam] = s.per_node
            if fam in self.node_networks:
                ranges[fam] = self.given_network("nodes", s, fam, self.node_networks, "node_networks")
            elif s.kind == "cidr":
                ranges[fam] = self.literal_nodes(s)
            elif s.kind == "v4private":
                if self.private_ipv4_parent is None:
                    raise KubernetesNetworkError(
                        f"{what}: v4private nodes live in the infrastructure's IPv4 network; pass node_networks={{'ipv4': <network id>}} "
                        "or private_ipv4_parent=, or give a CIDR such as 10.0.0.0/24", field=what,
                    )
                self._network(self.private_ipv4_parent, "private_ipv4_parent")
                net = self.child(self.private_ipv4_parent, "nodes", fam, limits.DEFAULT_LENGTH[("nodes", "v4private")])
                ranges[fam] = ResolvedRange("nodes", fam, self._prefix_of(net, fam, what), s.kind, net)
            else:
                ranges[fam] = self.range_of("nodes", s)
        return ResolvedRole("nodes", strategy.families, ranges, per_node=per_node)

    def literal_nodes(self, s: RangeStrategy) -> ResolvedRange:
        """Nodes given as a CIDR: inside a plan network (the infra subnet) or pinned on their own."""
        want = Prefix.parse(s.cidr, "nodes")
        what = self.field("nodes", s.family)
        inside = self.ipam.networks_containing(want)
        foreign = [n for n in inside if "role" in n.labels and n.labels.get("cluster") not in (None, self.c.name)]
        if foreign:
            # an infrastructure subnet may hold several clusters' nodes; another cluster's own pinned range may not
            n = foreign[0]
            raise LimitError(f"{what}: {s.cidr} overlaps a network the plan already holds (cluster {n.labels['cluster']}'s "
                             f"{n.labels['role']} range {n.id}); nodes of two clusters share a range only as a site's subnet",
                             field=what, source="the plan's allocator (constructs_lib.ipam)")
        if inside:
            exact = [n for n in inside if any(p == want for p in n.prefixes)]
            net = exact[0].id if exact else None
            return ResolvedRange("nodes", s.family, want, "cidr", net, s.routed)
        return ResolvedRange("nodes", s.family, want, "cidr", self.pin_super(self.key("nodes", s.family), s.cidr, "nodes", s.family), s.routed)

    # -- machines -----------------------------------------------------------------------
    def machine(self, spec: NodeSpec, nodes: ResolvedRole, pods: ResolvedRole) -> ResolvedNode:
        addresses: dict[str, str] = {}
        prefixes: dict[str, ResolvedRange] = {}
        pod_ranges: dict[str, ResolvedRange] = {}
        for fam in nodes.families:
            rng = nodes.ranges.get(fam)
            what = f"cluster {self.c.name}: node {spec.name} ({fam})"
            if fam in spec.addresses:
                addresses[fam] = spec.addresses[fam]
            elif rng is not None and rng.network is not None:
                try:
                    a = self.ipam.acquire_ip(rng.network, self.key("nodes", spec.name, fam), family=fam, purpose="kubelet node-ip")
                except IpamError as e:
                    raise KubernetesNetworkError(f"{what}: {e}", field=what) from None
                addresses[fam] = a.tf()
            pods_s = self.c.strategy("pods")
            from_node = pods_s.get(fam) if pods_s is not None and fam in pods.from_node else None
            size = nodes.per_node.get(fam) or (from_node.length if from_node is not None and fam in pods.aggregate else None)
            # the node's own prefix: from the pods' plan network (OpenStack routed prefixes) or the node range (AWS /80 per VM)
            parent = pods.aggregate.get(fam) if from_node is not None and fam in pods.aggregate else rng
            if fam in spec.prefixes:
                p = self.given_prefix(spec.prefixes[fam], parent, what)
            elif size is None:
                p = None
            elif parent is not None and parent.network is not None:
                key = self.key("nodes", spec.name, "prefix", fam)
                try:
                    p = self.ipam.acquire_prefix(parent.network, key, length=size, family=fam, purpose="node prefix").prefix
                except IpamError as e:
                    raise KubernetesNetworkError(f"{what}: +prefix/{size}: {e}", field=what) from None
            else:
                raise KubernetesNetworkError(
                    f"{what}: +prefix/{size} needs the node's prefix: give machines[{spec.name}].prefixes.{fam}, or nodes as a range "
                    "the plan holds as a network (node_networks, v6global, v6private)", field=what,
                )
            if p is not None:
                routed = from_node is not None or (rng.routed if rng else False)
                prefixes[fam] = ResolvedRange("node-prefix", fam, p, "node-prefix", None, routed)
        strategy = self.c.strategy("pods")
        for fam in pods.from_node:
            s = strategy.get(fam)
            node_prefix = prefixes.get(fam)
            what = f"cluster {self.c.name}: node {spec.name}: pods ({fam})"
            if node_prefix is None:
                raise KubernetesNetworkError(f"{what}: {s.token} needs this node's {fam} prefix; give it or set nodes with +prefix", field=what)
            p = node_prefix.prefix
            if s.length is not None:
                if s.length < p.length:
                    raise KubernetesNetworkError(
                        f"{what}: {s.token} asks for /{s.length} but the node's prefix {tf_text(p)} is only /{p.length}", field=what
                    )
                p = p.child(0, s.length)
            pod_ranges[fam] = ResolvedRange("node-pods", fam, p, "fromNode", None, True)
        return ResolvedNode(spec.name, addresses, prefixes, pod_ranges)

    def given_prefix(self, text: str, rng: ResolvedRange | None, what: str) -> Prefix:
        """A caller's per-node prefix: a CIDR, or ``cidrsubnet(...)`` (bare or in ``${}``, nested or
        flat) of a relative root the plan holds, as the AWS stack's per-VM /80s are written."""
        bare = unwrap(text)
        if bare.startswith("cidrsubnet("):
            roots = {p.root.expr: p for n in self.ipam.networks.values() for p in n.prefixes if p.is_relative and p.root.expr and
                     p.length == p.root.length and p.base == 0}
            parsed = parse_cidrsubnet(bare, roots)
            if parsed is None:
                raise KubernetesNetworkError(f"{what}: {text!r} is not a cidrsubnet() of a relative prefix the plan holds "
                                             f"({', '.join(sorted(roots)) or 'none'})", field=what)
            return parsed
        try:
            return Prefix.parse(bare, what)
        except IpamError as e:
            raise KubernetesNetworkError(str(e), field=what) from None
