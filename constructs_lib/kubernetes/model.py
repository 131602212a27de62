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

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
_DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
_VERSION = re.compile(r"^v?(\d+)\.(\d+)(?:\.(\d+))?$")


class _Frozen(BaseModel):
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
    addresses: dict[Family, str] = Field(default_factory=dict)
    prefixes: dict[Family, str] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if len(v) > 253 or not _DNS_SUBDOMAIN.match(v):
            raise _fail("node name", f"{v!r} is not a Kubernetes node name (lower-case DNS subdomain, e.g. worker-1)")
        return v

    @model_validator(mode="after")
    def _values(self) -> "NodeSpec":
        for fam, text in self.addresses.items():
            if _is_template(text):
                continue
            try:
                ip = ipaddress.ip_address(text)
            except ValueError:
                raise _fail(f"node {self.name}: addresses.{fam}", f"{text!r} is not an IP address") from None
            if ("ipv4" if ip.version == 4 else "ipv6") != fam or str(ip) != text:
                raise _fail(f"node {self.name}: addresses.{fam}", f"{text!r} is not a canonical {fam} address")
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


class CalicoSettings(_Frozen):
    """Calico IPPool and calico-node settings (defaults are Calico's)."""

    #: IPPool blockSize per family: IPv4 20-32 (default 26), IPv6 116-128 (default 122).
    block_size: dict[Family, int] = Field(default_factory=dict)
    #: IPPool ipipMode per family (default Never). IPIP on an IPv6 pool is refused.
    ipip_mode: dict[Family, PoolMode] = Field(default_factory=dict)
    #: IPPool vxlanMode per family (default Never).
    vxlan_mode: dict[Family, PoolMode] = Field(default_factory=dict)
    #: IPPool natOutgoing per family. Default: on for private ranges, off for routed IPv6 (seed 003).
    nat_outgoing: dict[Family, bool] = Field(default_factory=dict)
    #: calico-node IP_AUTODETECTION_METHOD / IP6_AUTODETECTION_METHOD.
    ipv4_autodetection_method: str = "first-found"
    ipv6_autodetection_method: str = "first-found"

    def block(self, family: str) -> int:
        return self.block_size.get(family, limits.CALICO_BLOCK[family][2])


class CiliumSettings(_Frozen):
    """Cilium Helm value choices; None means derived from the ranges."""

    #: "native" when any pod family is routed (v6global, fromNode, global CIDR), else "tunnel".
    routing_mode: Literal["native", "tunnel"] | None = None


class ClusterSpec(_Frozen):
    """A cluster's networking as a plan states it.

    Roles left out (``None``) take Kubermatic's defaults for ``ip_families`` (pods
    172.25.0.0/16 + fd01::/48, services 10.240.16.0/20 + fd02::/108); nodes left out take the
    node networks passed to ``resolve`` (or only the node addresses given). IPv6-only is the
    default (seed 003: "for all new deployments going IPv6 only is highly recommended").
    """

    name: str
    #: target Kubernetes version, "1.34" or "v1.34.2" (a patch pins kubeadm's kubernetesVersion)
    kubernetes_version: str = "1.34"
    cni: Literal["calico", "cilium"] = "calico"
    #: families of the roles left out, primary first
    ip_families: tuple[Family, ...] = ("ipv6",)
    nodes: str | tuple[str, ...] | None = None
    pods: str | tuple[str, ...] | None = None
    services: str | tuple[str, ...] | None = None
    #: kube-controller-manager --node-cidr-mask-size-ipv4/-ipv6 (defaults 24 and 64)
    node_cidr_mask_size: dict[Family, int] = Field(default_factory=dict)
    calico: CalicoSettings = Field(default_factory=CalicoSettings)
    cilium: CiliumSettings = Field(default_factory=CiliumSettings)
    #: renderings besides the CNI's (always rendered); Gardener and Kubermatic are opt-in
    targets: tuple[Target, ...] = ("kubeadm", "kube-proxy")
    #: the cluster's nodes (may also be passed to resolve by the app)
    machines: tuple[NodeSpec, ...] = ()

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
            raise _fail("kubernetes_version", f"{v} is older than {lo}; IPv4/IPv6 dual-stack is stable from {lo}, set {lo} or later")
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
        return self

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
    """A ClusterSpec from plan data (a mapping), with pydantic's report cut to one line."""
    from pydantic import ValidationError

    if isinstance(data, ClusterSpec):
        return data
    try:
        return ClusterSpec.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        name = data.get("name", "?") if isinstance(data, dict) else "?"
        loc = ".".join(str(p) for p in err["loc"]) or "cluster"
        value = err.get("input")
        raise KubernetesNetworkError(
            f"cluster {name}: {loc}: {value!r}: {err['msg']}", field=loc
        ) from None
