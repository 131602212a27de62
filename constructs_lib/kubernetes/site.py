"""What a cluster's site hands the Kubernetes side besides its nodes: control-plane VIPs and the
hosts that hold them, BGP peers, and the cloud ids Kubermatic ties the cluster to.

Each arrives as plain data (a mapping, as ``ClusterLinks`` carries it) and is parsed here into a
frozen value, checked field by field with one-line errors. Addresses and ids may be literal or
Terraform template text (``${...}``): these renderings become outputs of the site's stack.

- ``control_plane``: ``{"vips": {"ipv4": ..., "ipv6": ...}, "holders": {"gw-0": {"ipv4": ..., "ipv6": ...}},
  "nodes": ["cp-0", ...]}``. The VIP of the nodes' primary family is kubeadm's
  ``controlPlaneEndpoint`` (IPv4 on a dual-stack cluster, as seed 001 does), the others go into
  the API server certificate's SANs; ``holders`` run keepalived and HAProxy (yaook's gateways;
  the control plane itself when there are none), ``nodes`` are HAProxy's backends.
- ``bgp_peers``: ``{"gateway-vip": {"ipv4": ..., "ipv6": ...}}``: who every node peers with (seed 001:
  the gateway that holds the VIPs, reached at the VIPs).
- ``cloud``: ``{"provider": "openstack", "spec": {"network": ..., "subnetID": ..., "ipv6SubnetID": ...,
  "ipv6SubnetPool": ...}}`` or ``{"provider": "aws", "spec": {"vpcID": ..., "securityGroupID": ...},
  "region": ..., "subnets": {"<az>": "<subnet id>"}}``: KKP's ``spec.cloud.<provider>`` fields
  (kubermatic/kubermatic pkg/apis/kubermatic/v1/cluster.go); AWS subnets are not Cluster fields
  but each MachineDeployment's (machine-controller's AWS ``subnetId``), rendered per zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..ipam.prefix import FAMILIES
from .errors import KubernetesNetworkError
from .model import check_address

_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
_ZONE = re.compile(r"^[a-z0-9][-a-z0-9]{0,62}$")

#: KKP ``spec.cloud.<provider>`` fields a site may set (kubermatic/kubermatic pkg/apis/kubermatic/v1/cluster.go
#: OpenstackCloudSpec, AWSCloudSpec); credentials and datacenter are the operator's, not the plan's
CLOUD_FIELDS: dict[str, tuple[str, ...]] = {
    "openstack": ("network", "subnetID", "ipv6SubnetID", "ipv6SubnetPool", "routerID", "securityGroups", "floatingIPPool"),
    "aws": ("vpcID", "routeTableID", "securityGroupID", "instanceProfileName", "roleARN"),
}
KKP_CLOUD_SOURCE = "kubermatic/kubermatic pkg/apis/kubermatic/v1/cluster.go (OpenstackCloudSpec, AWSCloudSpec)"
MACHINE_AWS_SOURCE = "kubermatic/machine-controller sdk/cloudprovider/aws/types.go (RawConfig: region, availabilityZone, vpcId, subnetId, securityGroupIDs)"


def _fail(field: str, message: str) -> KubernetesNetworkError:
    return KubernetesNetworkError(f"{field}: {message}", field=field)


def _mapping(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(field, f"{value!r} is not a mapping")
    return value


def _addresses(value: Any, field: str) -> dict[str, str]:
    out = {}
    for fam, text in _mapping(value, field).items():
        if fam not in FAMILIES:
            raise _fail(f"{field}.{fam}", "not ipv4 or ipv6")
        if text is None:
            continue  # the site has no address of that family to give
        out[fam] = check_address(text, fam, f"{field}.{fam}")
    return {f: out[f] for f in FAMILIES if f in out}


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value or "\n" in value:
        raise _fail(field, f"{value!r} is not a one-line id or Terraform reference")
    return value


@dataclass(frozen=True)
class ControlPlaneLink:
    """The control-plane VIPs, the hosts that hold them and the control-plane nodes behind them."""

    vips: Mapping[str, str]
    holders: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    nodes: tuple[str, ...] = ()


def parse_control_plane(value: Any, field: str = "control_plane") -> ControlPlaneLink | None:
    if value is None or isinstance(value, ControlPlaneLink):
        return value
    data = _mapping(value, field)
    unknown = sorted(set(data) - {"vips", "holders", "nodes"})
    if unknown:
        raise _fail(f"{field}.{unknown[0]}", "unknown key; expected vips, holders, nodes")
    vips = _addresses(data.get("vips", {}), f"{field}.vips")
    if not vips:
        raise _fail(f"{field}.vips", "no VIP; give the control-plane VIP of at least one family")
    holders = {}
    for name, addrs in sorted(_mapping(data.get("holders", {}), f"{field}.holders").items()):
        if not isinstance(name, str) or not _NAME.match(name):
            raise _fail(f"{field}.holders", f"{name!r} is not a host name (lower-case DNS label)")
        holders[name] = _addresses(addrs, f"{field}.holders.{name}")
    nodes = data.get("nodes", ())
    if isinstance(nodes, str) or not all(isinstance(n, str) for n in nodes):
        raise _fail(f"{field}.nodes", f"{nodes!r} is not a list of node names")
    if len(set(nodes)) != len(nodes):
        raise _fail(f"{field}.nodes", f"{list(nodes)!r} names a node twice")
    return ControlPlaneLink(vips, holders, tuple(sorted(nodes)))


def parse_bgp_peers(value: Any, field: str = "bgp_peers") -> dict[str, dict[str, str]]:
    """name -> family -> address, sorted by name."""
    if value is None:
        return {}
    out = {}
    for name, addrs in sorted(_mapping(value, field).items()):
        if not isinstance(name, str) or not _NAME.match(name):
            raise _fail(field, f"{name!r} is not a DNS label (it names the BGPPeer objects)")
        parsed = _addresses(addrs, f"{field}.{name}")
        if not parsed:
            raise _fail(f"{field}.{name}", "no address; give ipv4, ipv6 or both")
        out[name] = parsed
    return out


@dataclass(frozen=True)
class CloudLink:
    """KKP's ``spec.cloud.<provider>`` fields; for AWS also the region and each zone's node subnet."""

    provider: str
    spec: Mapping[str, str]
    region: str | None = None
    subnets: Mapping[str, str] = field(default_factory=dict)


def parse_cloud(value: Any, field: str = "cloud") -> CloudLink | None:
    if value is None or isinstance(value, CloudLink):
        return value
    data = _mapping(value, field)
    unknown = sorted(set(data) - {"provider", "spec", "region", "subnets"})
    if unknown:
        raise _fail(f"{field}.{unknown[0]}", "unknown key; expected provider, spec, region, subnets")
    provider = data.get("provider")
    if provider not in CLOUD_FIELDS:
        raise _fail(f"{field}.provider", f"{provider!r} is not one of {', '.join(CLOUD_FIELDS)}")
    spec = {}
    for key, text in sorted(_mapping(data.get("spec", {}), f"{field}.spec").items()):
        if key not in CLOUD_FIELDS[provider]:
            raise _fail(f"{field}.spec.{key}", f"not a KKP {provider} cloud field ({', '.join(CLOUD_FIELDS[provider])}) "
                                               f"[{KKP_CLOUD_SOURCE}]")
        if text is not None:
            spec[key] = _text(text, f"{field}.spec.{key}")
    region = data.get("region")
    subnets = {}
    if provider != "aws" and (region is not None or data.get("subnets")):
        raise _fail(f"{field}.{'region' if region is not None else 'subnets'}", f"only for aws; {provider} nodes take the network and "
                                                                               "subnets of spec")
    if region is not None:
        region = _text(region, f"{field}.region")
    for zone, subnet in sorted(_mapping(data.get("subnets", {}), f"{field}.subnets").items()):
        if not isinstance(zone, str) or not _ZONE.match(zone):
            raise _fail(f"{field}.subnets", f"{zone!r} is not an availability zone name")
        subnets[zone] = _text(subnet, f"{field}.subnets.{zone}")
    return CloudLink(provider, spec, region, subnets)


def merged_peers(plan_peers: Mapping[str, Mapping[str, str]], site_peers: Mapping[str, Mapping[str, str]], where: str) -> dict[str, dict[str, str]]:
    """The plan's ``calico.bgp.peers`` and the site's, by name; a name in both is refused."""
    for name in plan_peers:
        if name in site_peers:
            raise KubernetesNetworkError(f"{where}: calico.bgp.peers.{name}: the site hands a peer of that name already; rename it",
                                         field=f"calico.bgp.peers.{name}")
    out = {**{k: dict(v) for k, v in site_peers.items()}, **{k: dict(v) for k, v in plan_peers.items()}}
    return {k: {f: out[k][f] for f in FAMILIES if f in out[k]} for k in sorted(out)}
