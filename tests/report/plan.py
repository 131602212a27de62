"""A small dual-stack plan with every kind of range, shared by the report tests.

Super networks of both families, child networks (dual-stack and IPv6-only), keyed prefixes,
keyed addresses of both families, and an AWS VPC whose IPv6 /56 is known only at apply time.
"""

from __future__ import annotations

from constructs_lib.ipam import Ipam, Prefix, from_dict, to_dict

VPC_V6 = "aws_vpc.main.ipv6_cidr_block"


def supers(ipam: Ipam) -> None:
    ipam.create_network(
        "os-fra-super", ["10.10.0.0/16", "2001:db8:10::/48"], default_child_prefix_length={"ipv4": 24, "ipv6": 64},
        private_super=True, name="Frankfurt OpenStack", partition="os-fra",
    )
    ipam.create_network("aws-main", ["10.20.0.0/16", Prefix.relative(VPC_V6, 56)], name="AWS main VPC",
                        labels={"site": "aws-eu-west-1", "purpose": "VPC"})
    ipam.create_network("k8s-prod", ["10.244.0.0/16", "fd00:10:244::/56"], description="pod networks of cluster prod")


def allocate(ipam: Ipam, nodes: int = 3, *, skip: tuple[str, ...] = ()) -> Ipam:
    """Ask for the plan's keys (as a run would), in a fixed order; ``skip`` leaves keys out (they go stale)."""
    def want(key: str) -> bool:
        return key not in skip

    if want("os-fra/net/main"):
        main = ipam.allocate_network("os-fra-super", "os-fra/net/main", name="main", labels={"purpose": "node network"})
        for i in range(1, nodes + 1):
            if want(f"os-fra/net/node-{i}"):
                ipam.acquire_ip(main.id, f"os-fra/net/node-{i}", family="ipv4", purpose="node port")
            if want(f"os-fra/net/node-{i}/v6"):
                ipam.acquire_ip(main.id, f"os-fra/net/node-{i}/v6", family="ipv6", purpose="node port")
    if want("os-fra/net/storage"):
        storage = ipam.allocate_network("os-fra-super", "os-fra/net/storage", name="storage", families=["ipv6"],
                                        lengths={"ipv6": 64})
        ipam.acquire_ip(storage.id, "os-fra/net/storage/ceph-mon-0", purpose="ceph monitor")
    if want("os-fra/fip-pool"):
        ipam.acquire_prefix("os-fra-super", "os-fra/fip-pool", family="ipv4", length=26, purpose="floating IPs")
    for tier in ("private", "public"):
        for az in ("eu-west-1a", "eu-west-1b"):
            for fam, length in (("ipv4", 20), ("ipv6", 64)):
                key = f"aws/main/subnet/{tier}/{az}" + ("/v6" if fam == "ipv6" else "")
                if want(key):
                    ipam.acquire_prefix("aws-main", key, family=fam, length=length, purpose=f"{tier} subnet")
    for fam, length in (("ipv4", 24), ("ipv6", 64)):
        for i in range(1, nodes + 1):
            key = f"k8s/prod/pods/node-{i}/{fam}"
            if want(key):
                ipam.acquire_prefix("k8s-prod", key, family=fam, length=length, purpose="node pod CIDR")
    return ipam


def fresh(nodes: int = 3) -> Ipam:
    ipam = Ipam()
    supers(ipam)
    return allocate(ipam, nodes)


def rerun(lock: dict, nodes: int = 3, *, skip: tuple[str, ...] = ()) -> Ipam:
    """A later run: load the committed lock, ask for the plan's keys again."""
    ipam = from_dict(lock)
    return allocate(ipam, nodes, skip=skip)


def locked(nodes: int = 3) -> dict:
    return to_dict(fresh(nodes))
