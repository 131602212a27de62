"""Shared builders: a plan with an AWS-style relative /56 and an IPv4 tenant super network."""

import pytest

from constructs_lib.ipam import Ipam, Prefix
from constructs_lib.kubernetes import parse_cluster, resolve

ULA = "fd12:3456:789a::/48"


def plan() -> Ipam:
    ipam = Ipam()
    ipam.create_network("vpc-main", prefixes=[Prefix.relative("aws_vpc.main.ipv6_cidr_block", 56)])
    ipam.create_network("tenant-super", prefixes=["10.0.0.0/16", "2001:db8:0:10::/64"],
                        default_child_prefix_length={"ipv4": 22, "ipv6": 96})
    return ipam


def ula_sequence(*prefixes):
    """A deterministic RFC 4193 generator for tests: hands out the given /48s in order."""
    it = iter(prefixes or (ULA, "fd12:3456:789b::/48", "fd12:3456:789c::/48", "fd12:3456:789d::/48"))
    return lambda: next(it)


def cluster(**kw):
    kw.setdefault("name", "c1")
    return parse_cluster(kw)


def build(ipam=None, **kw):
    """(cluster, resolved, ipam) for keyword arguments of the cluster section."""
    resolve_kw = {k: kw.pop(k) for k in ("global_parent", "node_networks", "pod_networks", "private_ipv4_parent", "control_plane",
                                         "bgp_peers", "cloud") if k in kw}
    resolve_kw.setdefault("global_parent", "vpc-main")
    ipam = ipam if ipam is not None else plan()
    c = cluster(**kw)
    return c, resolve(c, ipam, ula=ula_sequence(), **resolve_kw), ipam


@pytest.fixture
def ipam():
    return plan()
