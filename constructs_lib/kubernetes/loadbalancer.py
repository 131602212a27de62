"""HAProxy and keepalived for the control-plane VIPs, as the real configuration text (seed 001).

yaook (seed 001) puts the VIPv4 and the VIPv6 on its gateways with keepalived and has HAProxy
listen on both, forwarding to kube-apiserver on the control-plane nodes; the seed names the
pieces, not their files, so these are the daemons' own formats (``haproxy.cfg``,
``keepalived.conf``), rendered from the same addresses as kubeadm's ``controlPlaneEndpoint``:

- ``haproxy/haproxy.cfg``, the same on every holder: one frontend bound to each VIP (both
  families), one TCP backend of the control-plane nodes at their primary-family address,
  health-checked on ``/livez`` over TLS;
- ``keepalived/keepalived-<holder>.conf``, one per holder: ONE VRRP instance that carries both
  VIPs, the first family's in ``virtual_ipaddress`` and the other's in
  ``virtual_ipaddress_excluded``, so both always sit on the same holder (seed 001: the nodes
  peer with "the currently LB-master gateway", and the WireGuard route points at its VIPv6);
  unicast between the holders (clouds such as OpenStack need not pass multicast), the first
  holder in name order MASTER, priorities falling from there; a holder whose HAProxy stops
  gives the VIPs up (``vrrp_track_process``).

Holders that do not hold a VIP at the moment bind it anyway: they need
``net.ipv4.ip_nonlocal_bind=1`` and ``net.ipv6.ip_nonlocal_bind=1`` (the file says so).
The text holds Terraform template text where an address is known at apply time; no ``%{``
appears, so Terraform's template directives never fire.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import ClusterSpec
    from .resolve import ResolvedCluster

HEADER = "# rendered by dualstack from the plan; edit the plan, not this file\n"
DEFAULT_PRIORITIES = (150, 140, 130, 120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10)


def endpoint(address: str, family: str, port: int) -> str:
    """``10.0.0.5:6443`` or ``[fd00::5]:6443``."""
    return f"[{address}]:{port}" if family == "ipv6" else f"{address}:{port}"


def virtual_router_id(cluster: "ClusterSpec") -> int:
    """The plan's, or one derived from the cluster name (1-255, the same on every machine)."""
    given = cluster.api_load_balancer.virtual_router_id
    return given if given is not None else zlib.crc32(cluster.name.encode()) % 255 + 1


def haproxy_cfg(cluster: "ClusterSpec", resolved: "ResolvedCluster") -> str:
    cp = resolved.control_plane
    port = cluster.api_load_balancer.port
    primary = resolved.nodes.families[0]
    machines = {m.name: m for m in resolved.machines}
    lines = [
        HEADER.rstrip("\n"),
        "# kube-apiserver behind the control-plane VIPs. Every holder binds every VIP, also while another holder has",
        "# it: set net.ipv4.ip_nonlocal_bind=1 and net.ipv6.ip_nonlocal_bind=1 on the holders.",
        "global",
        "    log stdout format raw local0",
        "    maxconn 4000",
        "",
        "defaults",
        "    mode tcp",
        "    log global",
        "    option tcplog",
        "    timeout connect 5s",
        "    timeout client 1h",
        "    timeout server 1h",
        "",
        "frontend kube-apiserver",
    ]
    for fam, vip in cp.vips.items():
        lines.append(f"    bind {endpoint(vip, fam, port)}")
    lines += [
        "    default_backend kube-apiserver",
        "",
        "backend kube-apiserver",
        "    balance roundrobin",
        "    option httpchk",
        "    http-check send meth GET uri /livez",
        "    http-check expect status 200",
        "    default-server inter 5s downinter 5s rise 2 fall 2 check check-ssl verify none",
    ]
    for name in cp.nodes:
        lines.append(f"    server {name} {endpoint(machines[name].addresses[primary], primary, cluster.api_load_balancer.backend_port)}")
    return "\n".join(lines) + "\n"


def keepalived_conf(cluster: "ClusterSpec", resolved: "ResolvedCluster", holder: str) -> str:
    cp = resolved.control_plane
    settings = cluster.api_load_balancer
    holders = list(cp.holders)
    index = holders.index(holder)
    priorities = settings.priorities or DEFAULT_PRIORITIES
    priority = priorities[index] if index < len(priorities) else max(1, priorities[-1] - 10 * (index - len(priorities) + 1))
    fams = list(cp.vips)
    vrrp_family = fams[0]  # VRRP runs over the first VIP's family; the other VIP moves with it
    me = cp.holders[holder][vrrp_family]
    peers = [cp.holders[h][vrrp_family] for h in holders if h != holder]
    lines = [
        HEADER.rstrip("\n"),
        f"# holder {holder} of the control-plane VIPs of cluster {cluster.name}: one VRRP instance moves every VIP together",
        "global_defs {",
        f"    router_id {holder}",
        "}",
        "",
        "# the VIPs leave a holder whose HAProxy is not running (keepalived >= 2.0.11, no script needed)",
        "vrrp_track_process haproxy {",
        "    process haproxy",
        "    delay 2",
        "}",
        "",
        f"vrrp_instance {cluster.name.replace('-', '_')}_api {{",
        f"    state {'MASTER' if index == 0 else 'BACKUP'}",
        f"    interface {settings.interface}",
        f"    virtual_router_id {virtual_router_id(cluster)}",
        f"    priority {priority}",
        "    advert_int 1",
        f"    unicast_src_ip {me}",
    ]
    if peers:
        lines.append("    unicast_peer {")
        lines += [f"        {p}" for p in peers]
        lines.append("    }")
    lines += ["    virtual_ipaddress {", f"        {cp.vips[vrrp_family]}", "    }"]
    if len(fams) > 1:
        lines += ["    virtual_ipaddress_excluded {"] + [f"        {cp.vips[f]}" for f in fams[1:]] + ["    }"]
    lines += ["    track_process {", "        haproxy", "    }", "}"]
    return "\n".join(lines) + "\n"


def render_load_balancer(cluster: "ClusterSpec", resolved: "ResolvedCluster") -> dict[str, str]:
    """filename -> text; nothing without holders (the site runs no load balancer of ours)."""
    cp = resolved.control_plane
    if cp is None or not cp.holders:
        return {}
    out = {"haproxy/haproxy.cfg": haproxy_cfg(cluster, resolved)}
    for holder in cp.holders:
        out[f"keepalived/keepalived-{holder}.conf"] = keepalived_conf(cluster, resolved, holder)
    return out
