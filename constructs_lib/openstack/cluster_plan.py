"""The address plan of an OpenStack dual-stack cluster, taken from the allocator. Pure Python.

``plan_cluster`` asks a ``constructs_lib.ipam.Ipam`` for every range and address the cluster
stack writes, under stable keys, before any construct exists (so every refusal comes first):

- ``{site}/{network}``: the node network (one child prefix per family of ``node_supernet``).
- ``{site}/{network}/neutron/{family}``: the low block of each subnet (from the network address
  on) left to Neutron: the gateway (first address), DHCP ports, its own dynamic ports. Written as
  the subnet's allocation pool, so Neutron never hands out an address the allocator pinned.
- ``{site}/{network}/vip/{family}``: the control-plane VIPs (HAProxy/keepalived, as in the seed).
- ``{site}/{network}/{node}/{family}``: each node's fixed IPs.
- ``{site}/{cluster}/pods`` and ``{site}/{cluster}/pods/{node}``: the IPv6 pod range and each
  node's routed prefix (e.g. a /80), carved from ``pod_supernet``.

With the IPv6 prefix taken from a subnet pool (Kubermatic's order: named pool, else the default
IPv6 pool, else ``fd00::/64``) the IPv6 side is a relative root: every address becomes
``cidrhost(openstack_networking_subnet_v2.<network>_v6.cidr, n)``.
On SLAAC / DHCPv6-stateless subnets IPv6 addresses are EUI-64: nothing is pinned, the port is read back.
"""

from __future__ import annotations

import dataclasses
import ipaddress
from dataclasses import dataclass, field
from typing import Mapping

from constructs_lib.ipam import Allocation, AlreadyAllocated, Ipam, Prefix

from pydantic import ConfigDict

from .ipv6_source import FixedPrefix, Ipv6PrefixSource, kubermatic_ipv6_source
from .keys import check_part, subnet_cidr_expression
from .neutron_rules import Ipv6Mode, NeutronRuleError, canonical_address
from .security_rules import EGRESS, SELF, Icmpv6Essentials, Remote, RuleSpec, plan_rules
from .wireguard import WireguardSettings

FAMILIES = ("ipv4", "ipv6")
ROLES = ("gateway", "control-plane", "worker")


@dataclass(frozen=True)
class OpenStackClusterSpec:
    """What the cluster stack builds. Every field is checked on construction (one-line errors).

    site, cluster: key prefixes (``{site}/...``) and resource names.
    node_supernet: allocator network the node network is carved from (``node_lengths`` per family).
    pod_supernet: allocator network the IPv6 pod range (``pod_range_length``) and the per-node
      routed prefixes (``pod_prefix_length``) come from; None = no routed pod prefixes.
    families: ("ipv4", "ipv6") dual-stack (default), ("ipv4",) or ("ipv6",).
    gateways / control_plane / workers: node names (stable keys; order does not matter once the
      allocator is persisted). The VIPs are held by the gateways, or by the control plane when
      there are no gateways.
    ipv6_mode: dhcpv6-stateful by default (the seed).
    ipv6_subnet_pool / default_ipv6_pool_exists / ipv6_from_subnet_pool: take the IPv6 prefix from
      OpenStack instead of the allocator, in Kubermatic's order.
    neutron_share_newbits: how much of each subnet is left to Neutron (2 = a quarter, 1 = half).
    router_id: an existing router; else a new one, with an external gateway on
      ``external_network_id`` (one external fixed IP per family in ``external_subnet_ids``).
    floating_ip_pool: a floating IP on the IPv4 VIP (never IPv6).
    ssh_from / api_from: family -> prefixes allowed to SSH / reach 6443 (v4/v6 pairs on dual-stack).
    egress_anywhere: allow egress to 0.0.0.0/0 and ::/0 (off: nothing is open to the internet unless asked).
    wireguard: the seed's wg_ipv6_cidr / wg_ipv6_gw; allowed on the gateways and, with
      route_wireguard_via_vip, routed by the router to the IPv6 VIP (no BGP needed for the way back).
    extra_rules: more security group rules (RuleSpec), written in pairs like the rest.
    """

    __pydantic_config__ = ConfigDict(extra="forbid", use_attribute_docstrings=True)  # a plan key that is no field is a typo

    site: str
    node_supernet: str
    cluster: str = "k8s"
    network: str | None = None
    pod_supernet: str | None = None
    families: tuple[str, ...] = FAMILIES
    gateways: tuple[str, ...] = ("gw-0", "gw-1")
    control_plane: tuple[str, ...] = ("cp-0", "cp-1", "cp-2")
    workers: tuple[str, ...] = ("worker-0", "worker-1")
    node_lengths: Mapping[str, int] = field(default_factory=lambda: {"ipv4": 24, "ipv6": 64})
    neutron_share_newbits: Mapping[str, int] = field(default_factory=lambda: {"ipv4": 2, "ipv6": 1})
    pod_range_length: int = 56
    pod_prefix_length: int = 80
    ipv6_mode: Ipv6Mode = Ipv6Mode.DHCPV6_STATEFUL
    ipv6_from_subnet_pool: bool = False
    ipv6_subnet_pool: str | None = None
    default_ipv6_pool_exists: bool = False
    ipv6_pool_prefix_length: int = 64
    dns_nameservers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    router_id: str | None = None
    external_network_id: str | None = None
    external_subnet_ids: Mapping[str, str] = field(default_factory=dict)
    floating_ip_pool: str | None = None
    image_name: str = "ubuntu-22.04"
    flavors: Mapping[str, str] = field(default_factory=lambda: {"gateway": "m1.small", "control-plane": "m1.medium", "worker": "m1.large"})
    key_pair: str | None = None
    cloud: str | None = None
    ssh_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    api_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    egress_anywhere: bool = False
    wireguard: WireguardSettings | None = field(default_factory=WireguardSettings)
    route_wireguard_via_vip: bool = True
    extra_rules: tuple[RuleSpec, ...] = ()

    def __post_init__(self) -> None:
        check_part(self.site, "site")
        check_part(self.cluster, "cluster")
        check_part(self.network_name, "network")
        if not isinstance(self.node_supernet, str) or not self.node_supernet:
            raise NeutronRuleError(f"node_supernet: {self.node_supernet!r} must name an allocator network")
        fams = tuple(self.families)
        if not fams or any(f not in FAMILIES for f in fams) or len(set(fams)) != len(fams):
            raise NeutronRuleError(f"families: {self.families!r} must be ('ipv4', 'ipv6'), ('ipv4',) or ('ipv6',)")
        object.__setattr__(self, "families", tuple(f for f in FAMILIES if f in fams))
        object.__setattr__(self, "ipv6_mode", Ipv6Mode.parse(self.ipv6_mode, "ipv6_mode"))
        seen: dict[str, str] = {}
        for role, names in (("gateways", self.gateways), ("control_plane", self.control_plane), ("workers", self.workers)):
            if isinstance(names, str):
                raise NeutronRuleError(f"{role}: {names!r} must be a tuple of node names, e.g. ({names!r},)")
            for n in names:
                check_part(n, f"{role}: node name")
                if n in seen:
                    raise NeutronRuleError(f"{role}: node {n!r} is already in {seen[n]}; node names are keys and must be unique")
                seen[n] = role
        if not self.control_plane:
            raise NeutronRuleError("control_plane: no node; a cluster needs at least one control-plane node")
        for fam in self.families:
            if fam not in self.node_lengths:
                raise NeutronRuleError(f"node_lengths: no length for {fam}; e.g. {{'ipv4': 24, 'ipv6': 64}}")
            if self.neutron_share_newbits.get(fam, 0) < 1:
                raise NeutronRuleError(f"neutron_share_newbits.{fam}: {self.neutron_share_newbits.get(fam)!r} must be >= 1 (1 = half the subnet, 2 = a quarter)")
        for fam, servers in self.dns_nameservers.items():
            if fam not in self.families:
                raise NeutronRuleError(f"dns_nameservers: {fam!r} is not one of the cluster's families {self.families}")
            for i, s in enumerate(servers):
                canonical_address(s, f"dns_nameservers.{fam}[{i}]", 4 if fam == "ipv4" else 6)
        if "ipv6" not in self.families:
            if self.pod_supernet is not None:
                raise NeutronRuleError("pod_supernet: routed pod prefixes are IPv6; add 'ipv6' to families or drop pod_supernet")
            if self.ipv6_from_subnet_pool:
                raise NeutronRuleError("ipv6_from_subnet_pool: the cluster has no IPv6 family")
        if "ipv6" in self.families and not self.ipv6_mode.router_interface:
            # an external router advertises the prefix: Neutron's router has no IPv6 leg to route over
            if self.pod_supernet is not None:
                raise NeutronRuleError(f"pod_supernet: routed pod prefixes need a Neutron router on the IPv6 subnet, which {self.ipv6_mode.value} has not; pick another ipv6_mode or drop pod_supernet")
            if self.wireguard is not None and self.route_wireguard_via_vip:
                raise NeutronRuleError(f"route_wireguard_via_vip: needs a Neutron router on the IPv6 subnet, which {self.ipv6_mode.value} has not; set route_wireguard_via_vip=False")
        if self.wireguard is not None and self.route_wireguard_via_vip and "ipv6" not in self.families:
            raise NeutronRuleError("route_wireguard_via_vip: wg_ipv6_cidr is routed via the IPv6 VIP, but the cluster has no IPv6; set route_wireguard_via_vip=False")
        if self.pod_supernet is not None and not self.pod_range_length < self.pod_prefix_length <= 128:
            raise NeutronRuleError(f"pod_prefix_length: /{self.pod_prefix_length} must be longer than pod_range_length /{self.pod_range_length} and at most /128")
        if self.floating_ip_pool is not None and "ipv4" not in self.families:
            raise NeutronRuleError("floating_ip_pool: floating IPs are IPv4 only (Neutron has no IPv6 floating IPs); drop it for an IPv6-only cluster")
        if self.floating_ip_pool is not None and self.router_id is None and self.external_network_id is None:
            raise NeutronRuleError("floating_ip_pool: the new router needs external_network_id for a floating IP to reach the VIP")
        if self.router_id is not None and (self.external_network_id is not None or self.external_subnet_ids):
            raise NeutronRuleError("router_id: an existing router keeps its own gateway; drop external_network_id/external_subnet_ids")
        for fam in self.external_subnet_ids:
            if fam not in FAMILIES:
                raise NeutronRuleError(f"external_subnet_ids: {fam!r} must be ipv4 or ipv6")
        if self.external_subnet_ids and self.external_network_id is None:
            raise NeutronRuleError("external_subnet_ids: given without external_network_id")
        for role in ROLES:
            if self.nodes_of(role) and role not in self.flavors:
                raise NeutronRuleError(f"flavors: no flavor for role {role!r}; e.g. {{'{role}': 'm1.medium'}}")

    @property
    def network_name(self) -> str:
        return self.network or f"{self.cluster}-nodes"

    def nodes_of(self, role: str) -> tuple[str, ...]:
        return {"gateway": self.gateways, "control-plane": self.control_plane, "worker": self.workers}[role]

    @property
    def kubernetes_nodes(self) -> tuple[str, ...]:
        return tuple(self.control_plane) + tuple(self.workers)

    @property
    def vip_members(self) -> tuple[str, ...]:
        return tuple(self.gateways) or tuple(self.control_plane)

    def ipv6_source(self) -> Ipv6PrefixSource | None:
        """Kubermatic's order, when the IPv6 prefix comes from OpenStack; None = from the allocator."""
        if not self.ipv6_from_subnet_pool:
            return None
        return kubermatic_ipv6_source(self.ipv6_subnet_pool, self.default_ipv6_pool_exists)


@dataclass(frozen=True)
class SubnetPlan:
    family: str
    cidr: str | None  # None: Neutron carves it from the subnet pool
    prefix_length: int
    gateway_ip: str | None  # None: Neutron's default (the first address)
    allocation_pools: tuple[tuple[str, str], ...]
    neutron_share: str  # the block left to Neutron (text or cidrsubnet() expression)


@dataclass(frozen=True)
class NodePlan:
    name: str
    role: str
    addresses: dict[str, str | None]  # family -> pinned text / ${cidrhost()} / None (Neutron picks)
    pod_prefix: str | None


@dataclass(frozen=True)
class ClusterPlan:
    spec: OpenStackClusterSpec
    network_key: str
    subnets: dict[str, SubnetPlan]
    ipv6_source: Ipv6PrefixSource | None
    vips: dict[str, str | None]
    nodes: dict[str, NodePlan]
    pod_range: str | None
    allocations: dict[str, Allocation]
    rules: tuple[RuleSpec, ...] = ()
    icmpv6: Icmpv6Essentials = Icmpv6Essentials()

    def subnet_text(self, family: str) -> str:
        """The subnet's CIDR for a string attribute: text, or ``${...cidr}`` when Neutron carves it."""
        s = self.subnets[family]
        return s.cidr if s.cidr is not None else "${" + subnet_cidr_expression(self.network_key, family) + "}"


def security_rules(spec: OpenStackClusterSpec, pod_range: str | None) -> tuple[RuleSpec, ...]:
    """The cluster's security group, as v4/v6 rule pairs (rendered by DualStackSecurityGroup)."""
    rules = [
        RuleSpec(key="cluster-in", protocol="any", remote=Remote.group(SELF), description="between cluster nodes (VRRP included)"),
        RuleSpec(key="cluster-out", protocol="any", remote=Remote.group(SELF), direction=EGRESS, description="between cluster nodes"),
    ]
    if pod_range is not None:
        pods = Remote.prefixes(ipv6=[pod_range])
        rules += [
            RuleSpec(key="pods-in", protocol="any", remote=pods, families=("ipv6",), description="routed pod prefixes"),
            RuleSpec(key="pods-out", protocol="any", remote=pods, families=("ipv6",), direction=EGRESS, description="routed pod prefixes"),
        ]
    if spec.ssh_from:
        rules.append(RuleSpec(key="ssh", protocol="tcp", ports=(22, 22), description="ssh",
                              remote=Remote.prefixes(ipv4=spec.ssh_from.get("ipv4", ()), ipv6=spec.ssh_from.get("ipv6", ()))))
    if spec.api_from:
        rules.append(RuleSpec(key="kube-api", protocol="tcp", ports=(6443, 6443), description="kube-apiserver via the VIPs",
                              remote=Remote.prefixes(ipv4=spec.api_from.get("ipv4", ()), ipv6=spec.api_from.get("ipv6", ()))))
    if spec.egress_anywhere:
        rules.append(RuleSpec(key="egress-anywhere", protocol="any", remote=Remote.anywhere(), direction=EGRESS,
                              description="egress to the internet (asked for with egress_anywhere)"))
    return tuple(rules) + tuple(spec.extra_rules)


def _ensure_network(ipam: Ipam, id: str, prefixes: list) -> None:
    """A super network the stack owns (subnet-pool root, Kubermatic fallback): same answer twice."""
    if id in ipam.networks:
        have = [p.text for p in ipam.network(id).prefixes]
        want = [p.text if isinstance(p, Prefix) else p for p in prefixes]
        if have != want:
            raise AlreadyAllocated(f"network {id!r} already holds {', '.join(have)}, not {', '.join(want)}")
        return
    ipam.create_network(id, prefixes=prefixes, name=id)


def plan_cluster(ipam: Ipam, spec: OpenStackClusterSpec) -> ClusterPlan:
    """Every CIDR and address of the cluster, from the allocator, under stable keys."""
    site, net_name = spec.site, spec.network_name
    base = f"{site}/{net_name}"
    allocations: dict[str, Allocation] = {}
    source = spec.ipv6_source()

    # the node network: one child per family, or the IPv6 side from OpenStack (relative or fd00::/64)
    from_allocator = [f for f in spec.families if not (f == "ipv6" and source is not None)]
    lengths = {f: spec.node_lengths[f] for f in from_allocator}
    roots: dict[str, tuple[str, Prefix]] = {}  # family -> (allocator network id, its prefix)
    if from_allocator:
        net = ipam.allocate_network(spec.node_supernet, key=base, name=net_name, families=from_allocator, lengths=lengths)
        for f in from_allocator:
            roots[f] = (net.id, net.prefixes_of(4 if f == "ipv4" else 6)[0])
    if source is not None:
        root_id = f"{base}/ipv6"
        if isinstance(source, FixedPrefix):
            _ensure_network(ipam, root_id, [source.cidr])
        else:
            relative = Prefix.relative(subnet_cidr_expression(net_name, "ipv6"), spec.ipv6_pool_prefix_length, 6)
            _ensure_network(ipam, root_id, [relative])
        roots["ipv6"] = (root_id, ipam.network(root_id).prefixes[0])

    automatic_v6 = spec.ipv6_mode.automatic_addresses
    subnets: dict[str, SubnetPlan] = {}
    for fam in spec.families:
        net_id, prefix = roots[fam]
        newbits = spec.neutron_share_newbits[fam]
        share_len = prefix.length + newbits
        if prefix.maxbits - share_len < 1:
            raise NeutronRuleError(f"node_lengths.{fam}: /{prefix.length} is too small to leave Neutron a /{share_len} for its gateway and DHCP ports")
        if prefix.is_relative:
            share_cidr = f"cidrsubnet({prefix.text}, {newbits}, 0)"
        else:
            share_cidr = Prefix(prefix.version, prefix.base, share_len).text
        share = ipam.acquire_prefix(net_id, key=f"{base}/neutron/{fam}", cidr=share_cidr, purpose="neutron gateway, DHCP and dynamic ports")
        allocations[share.key] = share
        if share.prefix.base != prefix.base:
            raise NeutronRuleError(f"{base}: Neutron's block {share.text} must start at the network address of {prefix}")
        if prefix.is_relative:
            # the subnet cannot reference its own cidr: Neutron's defaults (gateway = first address,
            # pool = the rest) apply; pinned addresses sit above Neutron's share
            subnets[fam] = SubnetPlan(fam, None, prefix.length, None, (), share.text)
            continue
        first = share.prefix.base
        last = share.prefix.base + (1 << (share.prefix.maxbits - share_len)) - 1
        gateway = _address(prefix, first + 1)
        pool_start = first + 2
        if last - pool_start + 1 < 2:
            raise NeutronRuleError(f"node_lengths.{fam}: Neutron's block {share.text} leaves fewer than 2 addresses for DHCP ports; use a shorter prefix or a smaller neutron_share_newbits")
        pools = ((_address(prefix, pool_start), _address(prefix, last)),)
        subnets[fam] = SubnetPlan(fam, prefix.text, prefix.length, gateway, pools, share.text)

    def pin(fam: str, key: str, purpose: str) -> str | None:
        if fam == "ipv6" and automatic_v6:
            return None  # EUI-64: Neutron refuses pinned addresses on SLAAC / DHCPv6-stateless subnets
        a = ipam.acquire_ip(roots[fam][0], key=key, family=fam, purpose=purpose)
        allocations[a.key] = a
        return a.tf()

    vips = {fam: pin(fam, f"{base}/vip/{fam}", "control-plane VIP") for fam in spec.families}

    pod_range = None
    pods_net_id = None
    if spec.pod_supernet is not None:
        pods = ipam.allocate_network(spec.pod_supernet, key=f"{site}/{spec.cluster}/pods", name=f"{spec.cluster}-pods",
                                     families=["ipv6"], lengths={"ipv6": spec.pod_range_length})
        pods_net_id = pods.id
        pod_range = pods.prefixes[0].text

    nodes: dict[str, NodePlan] = {}
    for role in ROLES:
        for name in spec.nodes_of(role):
            addrs = {fam: pin(fam, f"{base}/{name}/{fam}", f"{role} node {name}") for fam in spec.families}
            pod_prefix = None
            if pods_net_id is not None and role != "gateway":
                a = ipam.acquire_prefix(pods_net_id, key=f"{site}/{spec.cluster}/pods/{name}", family="ipv6",
                                        length=spec.pod_prefix_length, purpose=f"routed pod prefix of {name}")
                allocations[a.key] = a
                pod_prefix = a.tf()
            nodes[name] = NodePlan(name, role, addrs, pod_prefix)

    plan = ClusterPlan(spec, net_name, subnets, source, vips, nodes, pod_range, allocations)
    icmpv6 = Icmpv6Essentials(
        on_link_ipv6=(plan.subnet_text("ipv6"),) if "ipv6" in subnets else (),
        on_link_ipv4=(plan.subnet_text("ipv4"),) if "ipv4" in subnets else (),
    )
    rules = security_rules(spec, pod_range)
    plan_rules(spec.cluster, spec.families, rules, icmpv6)  # refuse bad rules before any construct
    return dataclasses.replace(plan, rules=rules, icmpv6=icmpv6)


def _address(prefix: Prefix, value: int) -> str:
    return str(ipaddress.IPv4Address(value) if prefix.version == 4 else ipaddress.IPv6Address(value))
