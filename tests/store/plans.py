"""Runs of a small plan through the allocator, as the app makes them: ``work`` functions for ``transact``."""

from __future__ import annotations

from typing import Iterable

from constructs_lib.ipam import Prefix, lockfile
from constructs_lib.store.base import Outcome

SHARED = ("shared", ["10.200.0.0/16", "fd00:1::/48"], {"default_child_prefix_length": {"ipv4": 24, "ipv6": 64}})
VPC_ROOT = "aws_vpc.shared.ipv6_cidr_block"


def plan_work(owner: str, nodes: Iterable[str], *, prune: bool = False, fail_after: bool = False, ipv4: bool = True):
    """Every owner declares the shared super networks, keeps its own child networks, and gives each
    node an IPv4 (unless not ``ipv4``: a /24 holds 254) and an IPv6 address and an apply-time /80.
    Returns {key: text} of the run's keys."""
    nodes = list(nodes)

    def work(snapshot):
        ipam = lockfile.from_dict(snapshot, owner=owner)
        ipam.declare_network(SHARED[0], SHARED[1], **SHARED[2])
        ipam.declare_network("vpc", [Prefix.relative(VPC_ROOT, 56)])
        net = ipam.allocate_network("shared", f"{owner}/nodes")
        sub = ipam.allocate_network("vpc", f"{owner}/subnet", lengths={"ipv6": 64})
        out = {}
        for n in nodes:
            if ipv4:
                out[f"{owner}/{n}/ipv4"] = ipam.acquire_ip(net.id, f"{owner}/{n}/ipv4").text
            out[f"{owner}/{n}/ipv6"] = ipam.acquire_ip(net.id, f"{owner}/{n}/ipv6", family="ipv6").text
            out[f"{owner}/{n}/pods"] = ipam.acquire_prefix(sub.id, f"{owner}/{n}/pods", length=80).text
        released = ipam.prune() if prune else []
        if fail_after:
            raise RuntimeError("the run failed after allocating")
        return Outcome(lockfile.to_dict(ipam), value=out, reasons={k: "prune" for k in released})

    return work
