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
from constructs_lib.ipam.prefix import FAMILIES, VERSION

from pydantic import ConfigDict

from .ipv6_source import FixedPrefix, Ipv6PrefixSource, kubermatic_ipv6_source
from .keys import check_part, subnet_cidr_expression
from .neutron_rules import Ipv6Mode, NeutronRuleError, canonical_address, canonical_cidr
from .security_rules import EGRESS, SELF, Icmpv6Essentials, Remote, RuleSpec, plan_rules
from .wireguard import WireguardSettings

ROLES = ("gateway", "control-plane", "worker")
#: a node name is a host name label (RFC 1123), and it names files and Terraform resources
MAX_NODE_NAME = 63
#: subnets per family a node network may grow to (Neutron takes several per network and family)
MAX_NODE_SUBNETS = 16
#: the words a ``ssh_from``/``api_from`` list may use to open a port to the whole internet on purpose
ANYWHERE = "anywhere"


@dataclass(frozen=True)
class OpenStackClusterSpec:
    """What the cluster stack builds (a plan's ``sites.<name>.openstack``). Every field is checked on
    construction (one-line errors naming the field); each field's docstring is its documentation
    in the README and the JSON Schema."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    site: str
    """Key prefix of every allocation (``<site>/...``). In a plan file: the site's name."""
    node_supernet: str | None = None
    """The super network the node network is carved from (one child prefix per family, ``node_lengths``); unset only when ``subnet_cidrs`` names every family's subnet."""
    subnet_cidrs: Mapping[str, str] = field(default_factory=dict)
    """The node subnets given directly, per family, as yaook does (``subnet_cidr: 10.0.0.0/24``, ``subnet_v6_cidr: fd00::/120``): pinned in the allocator so nothing else overlaps them, instead of carved from ``node_supernet``."""
    cluster: str = "k8s"
    """Names the router, the security group, the VIPs and the pod range (``<site>/<cluster>/pods``)."""
    network: str | None = None
    """The node network's name; default ``<cluster>-nodes``."""
    pod_supernet: str | None = None
    """The super network the IPv6 pod range (``pod_range_length``) and each node's routed prefix (``pod_prefix_length``) come from; unset: no routed pod prefixes."""
    families: tuple[str, ...] = FAMILIES
    """``[ipv4, ipv6]`` dual-stack, ``[ipv4]`` or ``[ipv6]`` (IPv6-only)."""
    gateways: tuple[str, ...] = ("gw-0", "gw-1")
    """Gateway node names; they hold the VIPs (keepalived) and route the wireguard peers. Names are keys: renaming a node renumbers it."""
    control_plane: tuple[str, ...] = ("cp-0", "cp-1", "cp-2")
    """Control-plane node names (at least one); they hold the VIPs when there are no gateways."""
    workers: tuple[str, ...] = ("worker-0", "worker-1")
    """Worker node names."""
    node_lengths: Mapping[str, int] = field(default_factory=lambda: {"ipv4": 24, "ipv6": 64})
    """Prefix length of the node subnet of each family. Fixed once allocated: grow with ``node_subnets`` instead."""
    node_subnets: Mapping[str, int] = field(default_factory=dict)
    """How many subnets of ``node_lengths`` the node network holds per family (default 1 each). Raising it adds a subnet; nothing renumbers, new nodes take addresses from it once the earlier ones are full."""
    neutron_share_newbits: Mapping[str, int] = field(default_factory=lambda: {"ipv4": 2, "ipv6": 1})
    """How much of each subnet is left to Neutron (gateway, DHCP, its own ports) as its allocation pool: 1 = half, 2 = a quarter. The allocator pins node addresses above it."""
    pod_range_length: int = 56
    """Length of the cluster's IPv6 pod range, from ``pod_supernet``."""
    pod_prefix_length: int = 80
    """Length of each node's routed IPv6 prefix, from the pod range (a router static route to the node)."""
    ipv6_mode: Ipv6Mode = Ipv6Mode.DHCPV6_STATEFUL
    """The IPv6 subnet's address mode: ``dhcpv6-stateful`` (the seed; addresses pinned), ``dhcpv6-stateless`` or ``slaac`` (EUI-64 on a /64, Neutron picks), ``slaac-external-router`` (an outside router advertises; no Neutron router leg)."""
    ipv6_from_subnet_pool: bool = False
    """Take the IPv6 prefix from OpenStack (Kubermatic's order: ``ipv6_subnet_pool``, else the default IPv6 pool, else ``fd00::/64``) instead of the allocator."""
    ipv6_subnet_pool: str | None = None
    """With ``ipv6_from_subnet_pool``: the subnet pool's name."""
    default_ipv6_pool_exists: bool = False
    """With ``ipv6_from_subnet_pool`` and no ``ipv6_subnet_pool``: the project has a default IPv6 subnet pool (else ``fd00::/64``)."""
    ipv6_pool_prefix_length: int = 64
    """With ``ipv6_from_subnet_pool``: the prefix length asked of the pool."""
    dns_nameservers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """DNS servers per family, set on each subnet (and allowed as egress, see ``dns_egress``)."""
    dns_egress: bool = True
    """Allow egress to ``dns_nameservers`` (UDP and TCP 53). The group allows no other egress outside the cluster unless ``egress_anywhere`` or ``extra_rules`` say so."""
    max_router_routes: int = 30
    """Static routes the cloud allows per router (Neutron's ``router_route`` quota, 30 unless the operator raised it): one per routed pod prefix and the wireguard route. State the raised quota for a bigger site."""
    router_id: str | None = None
    """An existing router for the subnets; unset: a new router (with ``external_network_id`` as its gateway)."""
    external_network_id: str | None = None
    """The new router's external gateway network."""
    external_subnet_ids: Mapping[str, str] = field(default_factory=dict)
    """Per family, the external subnet of the gateway's fixed IP (one external fixed IP per family)."""
    floating_ip_pool: str | None = None
    """A floating IP from this pool on the IPv4 VIP (IPv4 only: Neutron has no IPv6 floating IPs)."""
    image_name: str = "ubuntu-22.04"
    """The instances' image."""
    flavors: Mapping[str, str] = field(default_factory=lambda: {"gateway": "m1.small", "control-plane": "m1.medium", "worker": "m1.large"})
    """Flavor per role (gateway, control-plane, worker)."""
    key_pair: str | None = None
    """The instances' SSH key pair."""
    cloud: str | None = None
    """The provider's ``cloud`` (an entry of clouds.yaml); unset: the environment (OS_*)."""
    ssh_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Per family, the prefixes allowed to SSH (TCP 22) to the nodes; ``anywhere`` opens it to the whole internet on purpose."""
    api_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Per family, the prefixes allowed to reach kube-apiserver (TCP 6443) through the VIPs; ``anywhere`` as for ``ssh_from``."""
    egress_anywhere: bool = False
    """Allow egress to ``0.0.0.0/0`` and ``::/0``. Off: nothing is open to the internet unless asked."""
    wireguard: WireguardSettings | None = field(default_factory=WireguardSettings)
    """The seed's wireguard range and gateway address (``wg_ipv6_cidr``, ``wg_ipv6_gw``), allowed on the gateways' ports; null: none."""
    route_wireguard_via_vip: bool = True
    """Route ``wg_ipv6_cidr`` by the router to the IPv6 VIP (the way back to the peers without BGP)."""
    extra_rules: tuple[RuleSpec, ...] = ()
    """More security group rules, written in v4/v6 pairs like the rest."""

    def __post_init__(self) -> None:
        check_part(self.site, "site")
        check_part(self.cluster, "cluster")
        check_part(self.network_name, "network")
        for fam, cidr in self.subnet_cidrs.items():
            if fam not in FAMILIES:
                raise NeutronRuleError(f"subnet_cidrs: {fam!r} is not ipv4 or ipv6")
            canonical_cidr(cidr, f"subnet_cidrs.{fam}", VERSION[fam])
        given = [f for f in FAMILIES if f in self.families and f in self.subnet_cidrs]
        if self.node_supernet is None and len(given) < len([f for f in self.families if not (f == "ipv6" and self.ipv6_from_subnet_pool)]):
            raise NeutronRuleError("node_supernet: unset, but subnet_cidrs does not name every family's subnet; name the super network "
                                   "to carve them from, or give each family's subnet in subnet_cidrs")
        if self.node_supernet is not None and not (isinstance(self.node_supernet, str) and self.node_supernet):
            raise NeutronRuleError(f"node_supernet: {self.node_supernet!r} must name an allocator network")
        if self.subnet_cidrs and self.node_supernet is not None:
            raise NeutronRuleError("subnet_cidrs: given together with node_supernet; the node subnets come from one of them")
        if self.subnet_cidrs and self.node_subnets and any(n > 1 for n in self.node_subnets.values()):
            raise NeutronRuleError("node_subnets: given subnets (subnet_cidrs) do not grow; name more in a new site, or carve from node_supernet")
        if self.subnet_cidrs and self.ipv6_from_subnet_pool and "ipv6" in self.subnet_cidrs:
            raise NeutronRuleError("subnet_cidrs.ipv6: given with ipv6_from_subnet_pool; the IPv6 subnet comes from one of them")
        fams = tuple(self.families)
        if not fams or any(f not in FAMILIES for f in fams) or len(set(fams)) != len(fams):
            raise NeutronRuleError(f"families: {self.families!r} must be ('ipv4', 'ipv6'), ('ipv4',) or ('ipv6',)")
        object.__setattr__(self, "families", tuple(f for f in FAMILIES if f in fams))
        if "ipv6" not in self.families and self.wireguard == WireguardSettings() and self.route_wireguard_via_vip:
            object.__setattr__(self, "wireguard", None)  # the default wireguard range is IPv6: an IPv4-only site has none
        object.__setattr__(self, "ipv6_mode", Ipv6Mode.parse(self.ipv6_mode, "ipv6_mode"))
        seen: dict[str, str] = {}
        for role, names in (("gateways", self.gateways), ("control_plane", self.control_plane), ("workers", self.workers)):
            if isinstance(names, str):
                raise NeutronRuleError(f"{role}: {names!r} must be a tuple of node names, e.g. ({names!r},)")
            for n in names:
                check_part(n, f"{role}: node name")
                if len(n) > MAX_NODE_NAME:
                    raise NeutronRuleError(f"{role}: node name {n[:20]!r}... is {len(n)} characters; a node name is a host name "
                                           f"label, at most {MAX_NODE_NAME}")
                if n in seen:
                    raise NeutronRuleError(f"{role}: node {n!r} is already in {seen[n]}; node names are keys and must be unique")
                seen[n] = role
        if not self.control_plane:
            raise NeutronRuleError("control_plane: no node; a cluster needs at least one control-plane node")
        for name, mapping in (("node_lengths", self.node_lengths), ("node_subnets", self.node_subnets),
                              ("neutron_share_newbits", self.neutron_share_newbits), ("ssh_from", self.ssh_from), ("api_from", self.api_from)):
            for fam in mapping:
                if fam not in FAMILIES:
                    raise NeutronRuleError(f"{name}: {fam!r} is not ipv4 or ipv6")
        for name, mapping in (("ssh_from", self.ssh_from), ("api_from", self.api_from)):
            for fam, prefixes in mapping.items():
                for i, p in enumerate(prefixes):
                    if isinstance(p, str) and p.endswith("/0"):  # the whole internet: said with the word, not a prefix
                        raise NeutronRuleError(f"{name}.{fam}[{i}]: {p} opens {name.split('_')[0].upper()} to the whole {fam} internet; "
                                               f"write {ANYWHERE} to mean it, or name the peers' prefixes")
        for fam, n in self.node_subnets.items():
            if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX_NODE_SUBNETS:
                raise NeutronRuleError(f"node_subnets.{fam}: {n!r} must be a count from 1 to {MAX_NODE_SUBNETS}")
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

    def subnet_count(self, family: str) -> int:
        """How many node subnets of ``family`` (``node_subnets``, default 1)."""
        return self.node_subnets.get(family, 1)

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
    #: family -> index of the node subnet holding the address, where it is not the first (0)
    subnet_index: Mapping[str, int] = field(default_factory=dict)


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
    #: family -> the node subnets after the first (``node_subnets`` > 1), in order
    extra_subnets: Mapping[str, tuple[SubnetPlan, ...]] = field(default_factory=dict)
    #: family -> index of the node subnet holding the VIP, where it is not the first
    vip_subnets: Mapping[str, int] = field(default_factory=dict)

    def all_subnets(self, family: str) -> tuple[SubnetPlan, ...]:
        """Every node subnet of ``family``, the first one first."""
        return (self.subnets[family], *self.extra_subnets.get(family, ()))

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
    rules += _open_port("ssh", 22, "ssh", spec.ssh_from, spec.families)
    rules += _open_port("kube-api", 6443, "kube-apiserver via the VIPs", spec.api_from, spec.families)
    servers = {f: s for f, s in spec.dns_nameservers.items() if s}
    if spec.dns_egress and servers:
        # Neutron's default egress rules are deleted: without these the nodes cannot resolve names
        dns = Remote.prefixes(ipv4=[f"{s}/32" for s in servers.get("ipv4", ())], ipv6=[f"{s}/128" for s in servers.get("ipv6", ())])
        for proto in ("udp", "tcp"):
            rules.append(RuleSpec(key=f"dns-{proto}", protocol=proto, ports=(53, 53), remote=dns, direction=EGRESS,
                                  families=tuple(f for f in FAMILIES if f in servers), description="DNS to the subnets' name servers"))
    if spec.egress_anywhere:
        rules.append(RuleSpec(key="egress-anywhere", protocol="any", remote=Remote.anywhere(), direction=EGRESS,
                              description="egress to the internet (asked for with egress_anywhere)"))
    return tuple(rules) + tuple(spec.extra_rules)


def _open_port(key: str, port: int, what: str, allowed: Mapping[str, tuple[str, ...]], families: tuple[str, ...]) -> list[RuleSpec]:
    """A TCP port open to the given prefixes per family; ``anywhere`` in a family's list opens it to that whole internet."""
    everywhere = tuple(f for f in FAMILIES if ANYWHERE in allowed.get(f, ()))
    prefixes = {f: tuple(p for p in allowed.get(f, ()) if p != ANYWHERE) for f in FAMILIES}
    with_prefixes = tuple(f for f in FAMILIES if prefixes[f])
    out = []
    if with_prefixes:
        # a family left to 'anywhere' is said for; a family given nothing at all stays an error (rules come in pairs)
        single = with_prefixes if set(with_prefixes) | set(everywhere) >= set(families) and len(with_prefixes) < len(families) else None
        out.append(RuleSpec(key=key, protocol="tcp", ports=(port, port), description=what, families=single,
                            remote=Remote.prefixes(ipv4=prefixes["ipv4"], ipv6=prefixes["ipv6"])))
    if everywhere:
        out.append(RuleSpec(key=f"{key}-anywhere", protocol="tcp", ports=(port, port), remote=Remote.anywhere(), families=everywhere,
                            description=f"{what} from anywhere (asked for with '{ANYWHERE}')"))
    return out


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
    node_prefixes: dict[str, list[Prefix]] = {}  # family -> the node network's prefixes, in order (growth appends)
    if from_allocator and spec.subnet_cidrs:
        # the seed's own subnets, pinned as a network of their own (its id is the node network's key)
        net = ipam.declare_network(base, [spec.subnet_cidrs[f] for f in from_allocator], name=net_name)
        for f in from_allocator:
            node_prefixes[f] = list(net.prefixes_of(VERSION[f]))
            roots[f] = (net.id, node_prefixes[f][0])
    elif from_allocator:
        net = ipam.allocate_network(spec.node_supernet, key=base, name=net_name, families=from_allocator, lengths=lengths)
        for f in from_allocator:
            want, have = spec.subnet_count(f), len(net.prefixes_of(VERSION[f]))
            if want < have:
                raise NeutronRuleError(f"node_subnets.{f}: {want}, but the node network already holds {have} {f} subnets; "
                                       "a subnet is never taken away from nodes that may use it (keep it, or release the site's keys)")
            if want > have:
                net = _grow(ipam, base, f, spec, want - have)
            node_prefixes[f] = list(net.prefixes_of(VERSION[f]))
            roots[f] = (net.id, node_prefixes[f][0])
    if source is not None:
        root_id = f"{base}/ipv6"
        if isinstance(source, FixedPrefix):
            _ensure_network(ipam, root_id, [source.cidr])
        else:
            relative = Prefix.relative(subnet_cidr_expression(net_name, "ipv6"), spec.ipv6_pool_prefix_length, 6)
            _ensure_network(ipam, root_id, [relative])
        roots["ipv6"] = (root_id, ipam.network(root_id).prefixes[0])
        node_prefixes["ipv6"] = [roots["ipv6"][1]]

    automatic_v6 = spec.ipv6_mode.automatic_addresses
    subnets: dict[str, SubnetPlan] = {}
    extra: dict[str, tuple[SubnetPlan, ...]] = {}
    for fam in spec.families:
        net_id = roots[fam][0]
        planned = [_subnet(ipam, spec, base, fam, net_id, prefix, i, allocations) for i, prefix in enumerate(node_prefixes[fam])]
        subnets[fam] = planned[0]
        if len(planned) > 1:
            extra[fam] = tuple(planned[1:])
        if not (fam == "ipv6" and automatic_v6):
            _check_room(spec, fam, node_prefixes[fam])

    subnet_of: dict[str, int] = {}  # key -> index of the node subnet holding it (0: the first)

    def pin(fam: str, key: str, purpose: str) -> str | None:
        if fam == "ipv6" and automatic_v6:
            return None  # EUI-64: Neutron refuses pinned addresses on SLAAC / DHCPv6-stateless subnets
        a = ipam.acquire_ip(roots[fam][0], key=key, family=fam, purpose=purpose)
        allocations[a.key] = a
        subnet_of[key] = node_prefixes[fam].index(a.parent)
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
            index = {fam: subnet_of[f"{base}/{name}/{fam}"] for fam in spec.families if subnet_of.get(f"{base}/{name}/{fam}")}
            nodes[name] = NodePlan(name, role, addrs, pod_prefix, index)

    vip_subnets = {fam: subnet_of[f"{base}/vip/{fam}"] for fam in spec.families if subnet_of.get(f"{base}/vip/{fam}")}
    routes = sum(1 for n in nodes.values() if n.pod_prefix) + (1 if spec.wireguard is not None and spec.route_wireguard_via_vip else 0)
    if 0 <= spec.max_router_routes < routes:
        raise NeutronRuleError(f"max_router_routes: {routes} static routes on router {spec.cluster} (a routed /{spec.pod_prefix_length} per "
                               f"Kubernetes node and the wireguard route), but the cloud allows {spec.max_router_routes} (Neutron's "
                               "router_route quota); ask the operator for a higher quota and set max_router_routes to it, or split the nodes over sites")
    plan = ClusterPlan(spec, net_name, subnets, source, vips, nodes, pod_range, allocations, extra_subnets=extra, vip_subnets=vip_subnets)
    icmpv6 = Icmpv6Essentials(
        # every node subnet is on the link, the ones a grown network added too
        on_link_ipv6=(plan.subnet_text("ipv6"), *(s.cidr for s in extra.get("ipv6", ()))) if "ipv6" in subnets else (),
        on_link_ipv4=(plan.subnet_text("ipv4"), *(s.cidr for s in extra.get("ipv4", ()))) if "ipv4" in subnets else (),
    )
    rules = security_rules(spec, pod_range)
    plan_rules(spec.cluster, spec.families, rules, icmpv6)  # refuse bad rules before any construct
    return dataclasses.replace(plan, rules=rules, icmpv6=icmpv6)


def _grow(ipam: Ipam, key: str, fam: str, spec: OpenStackClusterSpec, times: int):
    net = None
    for _ in range(times):
        net = ipam.grow_network(key, {fam: spec.node_lengths[fam]})
    return net


def _share_size(spec: OpenStackClusterSpec, fam: str, prefix: Prefix) -> int:
    return 1 << (prefix.maxbits - prefix.length - spec.neutron_share_newbits[fam])


def _check_room(spec: OpenStackClusterSpec, fam: str, prefixes: list[Prefix]) -> None:
    """Enough addresses above Neutron's share for every node and the VIP, before any is taken."""
    needed = len(spec.gateways) + len(spec.control_plane) + len(spec.workers) + 1
    room = sum(p.num_addresses - _share_size(spec, fam, p) - (1 if p.version == 4 else 0) for p in prefixes)
    if needed <= room:
        return
    per = prefixes[0].num_addresses - _share_size(spec, fam, prefixes[0]) - (1 if fam == "ipv4" else 0)
    want = -(-needed // per) if per > 0 else None
    grow = f"raise node_subnets.{fam} to {want} (each adds a /{spec.node_lengths[fam]}; nothing renumbers)" if want else \
        f"use a shorter node_lengths.{fam} for a new site"
    raise NeutronRuleError(f"node_subnets.{fam}: {needed} {fam} addresses are needed ({needed - 1} nodes and the VIP), but "
                           f"{len(prefixes)} subnet(s) of /{prefixes[0].length} hold {room} above Neutron's share; {grow}")


def _subnet(ipam: Ipam, spec: OpenStackClusterSpec, base: str, fam: str, net_id: str, prefix: Prefix, i: int,
            allocations: dict[str, Allocation]) -> "SubnetPlan":
    """One node subnet: Neutron's share at its base (its allocation pool), the gateway its first address."""
    newbits = spec.neutron_share_newbits[fam]
    share_len = prefix.length + newbits
    if prefix.maxbits - share_len < 1:
        raise NeutronRuleError(f"node_lengths.{fam}: /{prefix.length} is too small to leave Neutron a /{share_len} for its gateway and DHCP ports")
    if prefix.is_relative:
        share_cidr = f"cidrsubnet({prefix.text}, {newbits}, 0)"
    else:
        share_cidr = Prefix(prefix.version, prefix.base, share_len).text
    key = f"{base}/neutron/{fam}" + (f"/{i + 1}" if i else "")
    share = ipam.acquire_prefix(net_id, key=key, cidr=share_cidr, purpose="neutron gateway, DHCP and dynamic ports")
    allocations[share.key] = share
    if share.prefix.base != prefix.base:
        raise NeutronRuleError(f"{base}: Neutron's block {share.text} must start at the network address of {prefix}")
    if prefix.is_relative:
        # the subnet cannot reference its own cidr: Neutron's defaults (gateway = first address,
        # pool = the rest) apply; pinned addresses sit above Neutron's share
        return SubnetPlan(fam, None, prefix.length, None, (), share.text)
    first = share.prefix.base
    last = share.prefix.base + (1 << (share.prefix.maxbits - share_len)) - 1
    gateway = _address(prefix, first + 1)
    pool_start = first + 2
    if last - pool_start + 1 < 2:
        raise NeutronRuleError(f"node_lengths.{fam}: Neutron's block {share.text} leaves fewer than 2 addresses for DHCP ports; use a shorter prefix or a smaller neutron_share_newbits")
    pools = ((_address(prefix, pool_start), _address(prefix, last)),)
    return SubnetPlan(fam, prefix.text, prefix.length, gateway, pools, share.text)


def _address(prefix: Prefix, value: int) -> str:
    return str(ipaddress.IPv4Address(value) if prefix.version == 4 else ipaddress.IPv6Address(value))
