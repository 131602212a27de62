"""The cluster section of a plan: what a plan file (or main.py) hands to ``resolve``.

Readonly pydantic models with documented defaults. Field values are checked here as far as
they can be without the allocator (strategy syntax, version, mask sizes, CNI settings).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import limits
from .errors import KubernetesNetworkError, LimitError
from .strategy import FAMILIES, MAXBITS, RoleStrategy, parse_role

Family = Literal["ipv4", "ipv6"]
Target = Literal["kubeadm", "kube-proxy", "gardener", "kubermatic"]
PoolMode = Literal["Never", "Always", "CrossSubnet"]
#: where a range lives: ``shared`` (the plan's one namespace: nothing else may overlap it) or
#: ``cluster`` (never leaves its cluster, e.g. an overlay's pods: other clusters may reuse it)
Scope = Literal["shared", "cluster"]
#: roles that may be cluster-scoped; nodes are the infrastructure's addresses and always shared
SCOPED_ROLES = ("pods", "services")

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
_DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
_VERSION = re.compile(r"^v?(\d+)\.(\d+)(?:\.(\d+))?$")


class _Frozen(BaseModel):
    # each field's docstring is its description in the JSON Schema (``dualstack schema`` reads them)
    model_config = ConfigDict(frozen=True, extra="forbid")


def _fail(field: str, message: str, source: str = "") -> KubernetesNetworkError:
    return KubernetesNetworkError(f"{field}: {message}", field=field, source=source)


class NodeSpec(_Frozen):
    """One node (machine) of the cluster, as the infrastructure knows it.

    ``addresses`` and ``prefixes`` are optional per family: what is left out is allocated from
    the node range (address) or, with the ``+prefix`` modifier, as a per-node prefix. Values may
    be literal (``10.0.0.5``, ``2001:db8:0:1::/80``) or Terraform template text (``${...}``) for
    values known at apply time.
    """

    name: str
    """The node's name (a DNS subdomain, e.g. worker-1): keys its ranges and its kubeadm join file."""
    addresses: dict[Family, str] = Field(default_factory=dict)
    """Per family, the node's address (literal or ``${...}``); a family left out is allocated from the node range."""
    prefixes: dict[Family, str] = Field(default_factory=dict)
    """Per family, the node's own routed prefix (e.g. its /80); with ``+prefix`` left out, allocated."""

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if len(v) > 253 or not _DNS_SUBDOMAIN.match(v):
            raise _fail("node name", f"{v!r} is not a Kubernetes node name (lower-case DNS subdomain, e.g. worker-1)")
        return v

    @model_validator(mode="after")
    def _values(self) -> "NodeSpec":
        for fam, text in self.addresses.items():
            check_address(text, fam, f"node {self.name}: addresses.{fam}")
        for fam, text in self.prefixes.items():
            if _is_template(text) or text.startswith("cidrsubnet("):  # resolved against the plan's relative roots
                continue
            try:
                net = ipaddress.ip_network(text)
            except ValueError:
                raise _fail(f"node {self.name}: prefixes.{fam}", f"{text!r} is not a canonical CIDR") from None
            if ("ipv4" if net.version == 4 else "ipv6") != fam or str(net) != text:
                raise _fail(f"node {self.name}: prefixes.{fam}", f"{text!r} is not a canonical {fam} CIDR; write {net}")
        return self


def _is_template(text: str) -> bool:
    """Terraform template text (``${...}``): a value known at apply time."""
    return text.startswith("${") and text.endswith("}")


def check_address(text: str, family: str, field: str) -> str:
    """A canonical address of ``family``, or Terraform template text (known at apply time)."""
    if not isinstance(text, str):
        raise _fail(field, f"{text!r} is not an IP address")
    if _is_template(text):
        return text
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        raise _fail(field, f"{text!r} is not an IP address") from None
    if ("ipv4" if ip.version == 4 else "ipv6") != family or str(ip) != text:
        raise _fail(field, f"{text!r} is not a canonical {family} address")
    return text


def check_cidr(text: str, family: str, field: str) -> str:
    """A canonical CIDR of ``family`` (``2001:db8::/48``, not ``2001:DB8::/48``)."""
    try:
        net = ipaddress.ip_network(text, strict=False)
    except (ValueError, TypeError):
        raise _fail(field, f"{text!r} is not a CIDR") from None
    if ("ipv4" if net.version == 4 else "ipv6") != family:
        raise _fail(field, f"{text!r} is not an {family} CIDR")
    if str(net) != text:
        raise _fail(field, f"{text!r} is not a canonical {family} CIDR; write {net}")
    return text


#: BGP AS numbers a session may not use: 0 (RFC 7607), AS_TRANS 23456 (RFC 6793), the last of each range (RFC 7300)
_RESERVED_AS = {0: "RFC 7607", 23456: "AS_TRANS, RFC 6793", 65535: "RFC 7300", 4294967295: "RFC 7300"}


def _as_number(value: int, field: str) -> int:
    if not 0 <= value <= 4294967295:
        raise _fail(field, f"{value} is not an AS number (1 to 4294967294)")
    if value in _RESERVED_AS:
        raise _fail(field, f"{value} is a reserved AS number ({_RESERVED_AS[value]}); use a private one, 64512-65534 or 4200000000-4294967294")
    return value


class CalicoBgpSettings(_Frozen):
    """Calico BGP with the site's gateways (seed 001: every node peers with the gateway that holds the VIPs).

    The nodes announce their pod blocks to the peers, so the gateways learn where each node's
    pods (its routed per-node prefix included) live; the peers announce back what lies behind
    them (seed 001: the WireGuard subnet). This is the dynamic twin of the site's static routes
    (the OpenStack router's route per node prefix): both carry the same prefixes with the same
    next hop (the node), so they can run side by side, and with BGP alone the static routes are
    only needed by routers that do not peer.
    """

    as_number: int = Field(64512, description="the cluster's AS number (BGPConfiguration asNumber; Calico's default 64512)")
    peer_as_number: int | None = Field(
        None, description="the gateways' AS number (BGPPeer asNumber); default: as_number, i.e. iBGP with the gateways")
    node_to_node_mesh: bool = Field(
        True, description="BGPConfiguration nodeToNodeMeshEnabled (Calico's default: on, so nodes learn each other's blocks)")
    advertise_services: bool = Field(
        False, description="announce the service ranges to the peers (BGPConfiguration serviceClusterIPs); refused for cluster-scoped services")
    peers: dict[str, dict[Family, str]] = Field(
        default_factory=dict, json_schema_extra={"default": {}},
        description="more BGP peers, name -> {ipv4, ipv6} addresses, for a cluster without a site (the site hands its gateways)")

    @field_validator("as_number", "peer_as_number")
    @classmethod
    def _asn(cls, v: int | None, info) -> int | None:
        return v if v is None else _as_number(v, f"calico.bgp.{info.field_name}")

    @field_validator("peers")
    @classmethod
    def _peers(cls, v: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for name, addrs in v.items():
            if not _DNS_LABEL.match(name):
                raise _fail(f"calico.bgp.peers.{name}", f"{name!r} is not a DNS label (it names the BGPPeer objects)")
            if not addrs:
                raise _fail(f"calico.bgp.peers.{name}", "no address; give ipv4, ipv6 or both")
            for fam, text in addrs.items():
                check_address(text, fam, f"calico.bgp.peers.{name}.{fam}")
        return v

    @property
    def peer_as(self) -> int:
        return self.as_number if self.peer_as_number is None else self.peer_as_number


class CalicoSettings(_Frozen):
    """Calico IPPool and calico-node settings (defaults are Calico's)."""

    block_size: dict[Family, int] = Field(default_factory=dict)
    """IPPool blockSize per family: IPv4 20-32 (default 26), IPv6 116-128 (default 122)."""
    ipip_mode: dict[Family, PoolMode] = Field(default_factory=dict)
    """IPPool ipipMode per family (default Never). IPIP on an IPv6 pool is refused."""
    vxlan_mode: dict[Family, PoolMode] = Field(default_factory=dict)
    """IPPool vxlanMode per family (default Never)."""
    nat_outgoing: dict[Family, bool] = Field(default_factory=dict)
    """IPPool natOutgoing per family. Default: on for private ranges, off for routed IPv6 (seed 003)."""
    ipv4_autodetection_method: str = "first-found"
    """calico-node IP_AUTODETECTION_METHOD."""
    ipv6_autodetection_method: str = "first-found"
    """calico-node IP6_AUTODETECTION_METHOD."""
    bgp: CalicoBgpSettings | None = Field(
        None, description="peer with the site's gateways over BGP (BGPConfiguration and BGPPeer objects); default: no BGP objects")

    def block(self, family: str) -> int:
        return self.block_size.get(family, limits.CALICO_BLOCK[family][2])


class CiliumSettings(_Frozen):
    """Cilium Helm value choices; None means derived from the ranges."""

    routing_mode: Literal["native", "tunnel"] | None = None
    """"native" when any pod family is routed (v6global, fromNode, global CIDR), else "tunnel"."""


class ApiLoadBalancerSettings(_Frozen):
    """HAProxy and keepalived on the hosts that hold the control-plane VIPs (yaook's gateways, seed 001)."""

    port: int = Field(6443, description="the port HAProxy listens on at each VIP (kubeadm's controlPlaneEndpoint port)")
    backend_port: int = Field(6443, description="the port kube-apiserver listens on at each control-plane node (HAProxy's backends)")
    interface: str = Field(
        "eth0", description="the holders' network interface keepalived moves the VIPs on (on OpenStack Ubuntu images often ens3)")
    virtual_router_id: int | None = Field(
        None, description="keepalived's VRRP virtual_router_id, 1-255, unique on the network; default: derived from the cluster name")
    priorities: tuple[int, ...] = Field(
        (), description="keepalived priority per holder in name order (the first is MASTER); default 150, 140, 130, ...")

    @field_validator("port", "backend_port")
    @classmethod
    def _port(cls, v: int, info) -> int:
        if not 1 <= v <= 65535:
            raise _fail(f"api_load_balancer.{info.field_name}", f"{v} is not a TCP port (1 to 65535)")
        return v

    @field_validator("interface")
    @classmethod
    def _interface(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,14}", v):
            raise _fail("api_load_balancer.interface", f"{v!r} is not a Linux interface name (at most 15 letters, digits, '_', '.', '-')")
        return v

    @field_validator("virtual_router_id")
    @classmethod
    def _vrid(cls, v: int | None) -> int | None:
        if v is not None and not 1 <= v <= 255:
            raise _fail("api_load_balancer.virtual_router_id", f"{v} is not a VRRP virtual router id (1 to 255)")
        return v

    @field_validator("priorities")
    @classmethod
    def _priorities(cls, v: tuple[int, ...]) -> tuple[int, ...]:
        for i, p in enumerate(v):
            if not 1 <= p <= 254:
                raise _fail(f"api_load_balancer.priorities[{i}]", f"{p} is not a VRRP priority of a backup or master (1 to 254)")
        if len(set(v)) != len(v):
            raise _fail("api_load_balancer.priorities", f"{list(v)} gives a priority twice; each holder needs its own")
        return v


class KubermaticSettings(_Frozen):
    """Kubermatic (KKP) Cluster fields beyond the ranges."""

    node_ports_allowed_ip_ranges: dict[Family, tuple[str, ...]] = Field(
        default_factory=dict, json_schema_extra={"default": {}},
        description="who may reach the NodePort range, per family (spec.cloud.<provider>.nodePortsAllowedIPRanges); "
                    "default: not set, and KKP then opens it to anywhere; on dual-stack give both families")

    @field_validator("node_ports_allowed_ip_ranges")
    @classmethod
    def _ranges(cls, v: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for fam, cidrs in v.items():
            if not cidrs:
                raise _fail(f"kubermatic.node_ports_allowed_ip_ranges.{fam}", "empty; give at least one CIDR or leave the family out")
            for i, text in enumerate(cidrs):
                check_cidr(text, fam, f"kubermatic.node_ports_allowed_ip_ranges.{fam}[{i}]")
        return v


class ClusterSpec(_Frozen):
    """A cluster's networking as a plan states it.

    Roles left out (``None``) take Kubermatic's defaults for ``ip_families`` (pods
    172.25.0.0/16 + fd01::/48, services 10.240.16.0/20 + fd02::/108); nodes left out take the
    node networks passed to ``resolve`` (or only the node addresses given). IPv6-only is the
    default (seed 003: "for all new deployments going IPv6 only is highly recommended").
    """

    name: str
    kubernetes_version: str = "1.34"
    """target Kubernetes version, "1.34" or "v1.34.2" (a patch pins kubeadm's kubernetesVersion)"""
    cni: Literal["calico", "cilium"] = "calico"
    """The network plugin whose configuration is rendered."""
    ip_families: tuple[Family, ...] = ("ipv6",)
    """families of the roles left out, primary first"""
    nodes: str | tuple[str, ...] | None = None
    """The node range per family, seed 003's keywords (``v6global/64+prefix/80``, ``v4private``, a CIDR); default: the site's node networks."""
    pods: str | tuple[str, ...] | None = None
    """The pod range per family (``v4private, v6fromNode``, ``v6private/56``, CIDRs, ``custom``); default: Kubermatic's 172.25.0.0/16 and fd01::/48."""
    services: str | tuple[str, ...] | None = None
    """The service range per family (``v6private/108``, CIDRs); default: Kubermatic's 10.240.16.0/20 and fd02::/108."""
    node_cidr_mask_size: dict[Family, int] = Field(default_factory=dict)
    """kube-controller-manager --node-cidr-mask-size-ipv4/-ipv6 (defaults 24 and 64)"""
    calico: CalicoSettings = Field(default_factory=CalicoSettings)
    """Calico settings (with ``cni: calico``): IPPool block sizes and modes, NAT, autodetection, BGP."""
    cilium: CiliumSettings = Field(default_factory=CiliumSettings)
    """Cilium settings (with ``cni: cilium``)."""
    targets: tuple[Target, ...] = ("kubeadm", "kube-proxy")
    """renderings besides the CNI's (always rendered); Gardener and Kubermatic are opt-in"""
    machines: tuple[NodeSpec, ...] = ()
    """the cluster's nodes (may also be passed to resolve by the app)"""
    scope: dict[str, Scope | dict[Family, Scope]] = Field(
        default_factory=dict, json_schema_extra={"default": {}},
        description="pods/services -> 'cluster' (or per family, {ipv4: cluster}) for ranges that never leave the cluster (an "
                    "overlay, masqueraded): they stay out of the plan's shared namespace, so two clusters may both use e.g. "
                    "Kubermatic's 172.25.0.0/16; default 'shared' (nothing else in the plan may overlap them). Routed ranges "
                    "(v6global, fromNode, global IPv6) and nodes are always shared")
    kubermatic: KubermaticSettings = Field(default_factory=KubermaticSettings, json_schema_extra={"default": {}},
                                           description="Kubermatic Cluster fields beyond the ranges")
    api_load_balancer: ApiLoadBalancerSettings = Field(
        default_factory=ApiLoadBalancerSettings, json_schema_extra={"default": {}},
        description="HAProxy and keepalived for the control-plane VIPs the site hands in (rendered only then)")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _DNS_LABEL.match(v):
            raise _fail("cluster name", f"{v!r} is not a DNS label (lower-case letters, digits, '-', at most 63)")
        return v

    @field_validator("kubernetes_version")
    @classmethod
    def _version(cls, v: str) -> str:
        m = _VERSION.match(v)
        if not m:
            raise _fail("kubernetes_version", f"{v!r} is not a version; write e.g. 1.34 or v1.34.2")
        if (int(m.group(1)), int(m.group(2))) < limits.MIN_KUBERNETES:
            lo = ".".join(map(str, limits.MIN_KUBERNETES))
            raise _fail("kubernetes_version", f"{v} is older than {lo}, where IPv4/IPv6 dual-stack became GA (stable); "
                                              f"set kubernetes_version: \"{lo}\" or later [{limits.DUAL_STACK_GA_SOURCE}]",
                        limits.DUAL_STACK_GA_SOURCE)
        return v

    @field_validator("ip_families")
    @classmethod
    def _families(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v or len(v) != len(set(v)):
            raise _fail("ip_families", f"{list(v)!r} must name ipv4, ipv6 or both once each (primary first)")
        return v

    @field_validator("node_cidr_mask_size")
    @classmethod
    def _masks(cls, v: dict[str, int]) -> dict[str, int]:
        for fam, n in v.items():
            if not 1 <= n <= MAXBITS[fam]:
                raise _fail(f"node_cidr_mask_size.{fam}", f"/{n} is not an {fam} prefix length (1 to {MAXBITS[fam]})")
        return v

    @field_validator("calico")
    @classmethod
    def _calico(cls, v: CalicoSettings) -> CalicoSettings:
        for fam, n in v.block_size.items():
            lo, hi, default = limits.CALICO_BLOCK[fam]
            if not lo <= n <= hi:
                raise LimitError(
                    f"calico.block_size.{fam}: /{n} is outside Calico's {fam} block sizes /{lo} to /{hi} (default /{default}) "
                    f"[{limits.CALICO_IPPOOL}]",
                    field=f"calico.block_size.{fam}", source=limits.CALICO_IPPOOL,
                )
        if v.ipip_mode.get("ipv6", "Never") != "Never":
            raise LimitError(
                f"calico.ipip_mode.ipv6: {v.ipip_mode['ipv6']!r}: IPIP is not supported on an IPv6 IP pool; set Never "
                f"(or vxlan_mode.ipv6) [{limits.CALICO_IPPOOL}]",
                field="calico.ipip_mode.ipv6", source=limits.CALICO_IPPOOL,
            )
        for fam in FAMILIES:
            if v.ipip_mode.get(fam, "Never") != "Never" and v.vxlan_mode.get(fam, "Never") != "Never":
                raise LimitError(
                    f"calico.vxlan_mode.{fam}: cannot enable both VXLAN and IPIP on the same IPPool; set one to Never [{limits.CALICO_IPPOOL}]",
                    field=f"calico.vxlan_mode.{fam}", source=limits.CALICO_IPPOOL,
                )
        return v

    @field_validator("targets")
    @classmethod
    def _targets(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if len(v) != len(set(v)):
            raise _fail("targets", f"{list(v)!r} names a target twice")
        return tuple(sorted(v))

    @field_validator("machines")
    @classmethod
    def _machines(cls, v: tuple[NodeSpec, ...]) -> tuple[NodeSpec, ...]:
        names = [n.name for n in v]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise _fail("machines", f"node name {dup[0]!r} is given twice; node names key their ranges")
        return tuple(sorted(v, key=lambda n: n.name))

    @model_validator(mode="after")
    def _strategies(self) -> "ClusterSpec":
        for role in ("nodes", "pods", "services"):
            self.strategy(role)  # raises StrategyError pointing at the token
        self._check_scope()
        return self

    def _check_scope(self) -> None:
        for role, value in self.scope.items():
            f = f"scope.{role}"
            if role == "nodes":
                raise _fail(f, "nodes are the infrastructure's addresses and always in the shared namespace; scope pods or services")
            if role not in SCOPED_ROLES:
                raise _fail(f, f"{role!r} is not pods or services")
            kinds = self.role_kinds(role)
            if isinstance(value, str):
                if value == "cluster":
                    routed = [fam for fam, (kind, routed) in kinds.items() if routed]
                    if routed:
                        fam = routed[0]
                        raise _fail(f, f"{role} ({fam}) are routed ({kinds[fam][0]}) and leave the cluster, so they stay shared; "
                                       f"scope the other family alone, e.g. scope: {{{role}: {{{'ipv4' if fam == 'ipv6' else 'ipv6'}: cluster}}}}")
                    if not kinds:
                        raise _fail(f, f"{role} have no cluster range (custom or none); drop scope.{role}")
                continue
            for fam, sc in value.items():
                if fam not in kinds:
                    raise _fail(f"{f}.{fam}", f"{role} have no {fam} range; drop it")
                if sc == "cluster" and kinds[fam][1]:
                    raise _fail(f"{f}.{fam}", f"{role} ({fam}) are routed ({kinds[fam][0]}) and leave the cluster; a routed range stays "
                                              "in the shared namespace, where nothing else may overlap it")
        for fam, nat in self.calico.nat_outgoing.items():
            if nat is False and self.scope_of("pods", fam) == "cluster":
                raise _fail(f"calico.nat_outgoing.{fam}", f"cluster-scoped pods ({fam}) never leave the cluster unmasqueraded: other "
                                                          "clusters may use the same range; keep natOutgoing on or scope them shared")
        bgp = self.calico.bgp
        if bgp is not None and bgp.advertise_services:
            for fam in self.role_kinds("services"):
                if self.scope_of("services", fam) == "cluster":
                    raise _fail("calico.bgp.advertise_services", f"the {fam} services are cluster-scoped: announcing them lets the "
                                                                 "range leave the cluster; scope them shared or set advertise_services: false")

    def role_kinds(self, role: str) -> dict[str, tuple[str, bool]]:
        """family -> (kind, routed) of a role's cluster-wide ranges before resolution (left-out roles: Kubermatic's defaults)."""
        s = self.strategy(role)
        if s is None or (not s.items and not s.custom):
            absent = s.absent if s is not None else frozenset()
            if role == "nodes":
                return {fam: ("network", False) for fam in self.ip_families if fam not in absent}
            return {fam: ("default", False) for fam in self.ip_families if fam not in absent}
        # fromNode and v6global ranges are the infrastructure's, routed to the nodes in either family
        return {it.family: (it.token, it.routed or it.kind in ("fromNode", "v6global")) for it in s.items}

    def scope_of(self, role: str, family: str) -> str:
        """``shared`` or ``cluster`` for one family of a role."""
        value = self.scope.get(role, "shared")
        return value if isinstance(value, str) else value.get(family, "shared")

    # -- derived ---------------------------------------------------------------------
    @property
    def version(self) -> tuple[int, int]:
        m = _VERSION.match(self.kubernetes_version)
        return int(m.group(1)), int(m.group(2))

    @property
    def version_patch(self) -> str | None:
        """``v1.34.2`` when a patch release is pinned, else None (kubeadm then uses its own)."""
        m = _VERSION.match(self.kubernetes_version)
        return f"v{m.group(1)}.{m.group(2)}.{m.group(3)}" if m.group(3) is not None else None

    def strategy(self, role: str) -> RoleStrategy | None:
        value = getattr(self, role)
        if value is None:
            return None
        return parse_role(value, role, f"cluster {self.name}: {role}")

    def node_mask(self, family: str) -> int:
        return self.node_cidr_mask_size.get(family, limits.DEFAULT_NODE_MASK[family])


def parse_cluster(data: object) -> ClusterSpec:
    """A ClusterSpec from plan data (a mapping); pydantic's report as the tool's own lines (one per problem)."""
    from pydantic import ValidationError

    from constructs_lib.errors import validation_lines

    if isinstance(data, ClusterSpec):
        return data
    try:
        return ClusterSpec.model_validate(data)
    except ValidationError as e:
        name = data.get("name", "?") if isinstance(data, dict) else "?"
        lines = validation_lines(e, f"cluster {name}: ")
        err = KubernetesNetworkError("; ".join(lines), field=lines[0].split(":")[1].strip() if lines else "cluster")
        err.lines = lines
        raise err from None
