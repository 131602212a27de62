"""The lock: the address plan as sorted, stable JSON, reviewed like code.

Prefixes are written as text: canonical CIDRs, or for a relative root the Terraform
expression (``cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 3)``), so a diff reads well.
"""

from __future__ import annotations

import json
from typing import Any

from .allocator import Ipam, Network
from .errors import InvalidPrefix
from .prefix import FAMILY, Prefix, family_version

FORMAT = "dualstack-ipam-lock/1"


def _prefix_out(p: Prefix, is_root: bool) -> Any:
    if p.is_relative and is_root:
        return {"relative": p.root.expr, "length": p.length, "family": p.family}
    return p.text


def to_dict(ipam: Ipam) -> dict[str, Any]:
    networks: dict[str, Any] = {}
    for net in ipam.networks.values():
        entry: dict[str, Any] = {
            "prefixes": [_prefix_out(p, net.parent is None) for p in net.prefixes],
        }
        for name in ("name", "description", "partition", "project", "key", "parent"):
            if getattr(net, name):
                entry[name] = getattr(net, name)
        if net.default_child_prefix_length:
            entry["default_child_prefix_length"] = {FAMILY[v]: n for v, n in sorted(net.default_child_prefix_length.items())}
        if net.private_super:
            entry["private_super"] = True
        if net.labels:
            entry["labels"] = dict(net.labels)
        if net.vrf is not None:
            entry["vrf"] = net.vrf
        networks[net.id] = entry
    allocations: dict[str, Any] = {}
    for a in ipam.allocations.values():
        entry = {"network": a.network, ("address" if a.kind == "ip" else "cidr"): a.text}
        if a.purpose:
            entry["purpose"] = a.purpose
        allocations[a.key] = entry
    out: dict[str, Any] = {"format": FORMAT, "networks": networks, "allocations": allocations}
    if ipam.ula:
        out["ula"] = dict(ipam.ula)
    if tuple(ipam.vrf_range) != (20, 16_777_215):
        out["vrf_range"] = list(ipam.vrf_range)
    return out


def dumps(ipam: Ipam) -> str:
    return json.dumps(to_dict(ipam), indent=2, sort_keys=True) + "\n"


def from_dict(data: dict[str, Any] | None, where: str = "lock") -> Ipam:
    """Rebuild a namespace exactly as written; every entry is re-reserved at its place."""
    if not data:
        return Ipam()
    if data.get("format") != FORMAT:
        raise InvalidPrefix(f"{where}: format {data.get('format')!r} is not {FORMAT!r}")
    ipam = Ipam(vrf_range=tuple(data.get("vrf_range", (20, 16_777_215))))
    ipam.ula.update(data.get("ula", {}))
    networks: dict[str, dict] = data.get("networks", {})
    roots: list[Prefix] = []

    def prefix_in(value: Any, field: str) -> Prefix:
        if isinstance(value, dict):
            p = Prefix.relative(value["relative"], int(value["length"]), family_version(value.get("family", "ipv6"), field))
            roots.append(p)
            return p
        if isinstance(value, str) and value.startswith("cidrsubnet("):
            from .allocator import parse_relative

            return parse_relative(value, roots, field)
        return Prefix.parse(value, field)

    # supers first, then child networks parents-before-children
    for id, e in sorted(networks.items()):
        if e.get("parent") is None:
            ipam.create_network(
                id, [prefix_in(p, f"{where}: networks.{id}.prefixes[{i}]") for i, p in enumerate(e["prefixes"])],
                default_child_prefix_length=e.get("default_child_prefix_length"), private_super=e.get("private_super", False),
                name=e.get("name", ""), description=e.get("description", ""), partition=e.get("partition", ""),
                project=e.get("project", ""), labels=e.get("labels"),
            )
    pending = {id: e for id, e in networks.items() if e.get("parent") is not None}
    while pending:
        ready = sorted(id for id, e in pending.items() if e["parent"] in ipam.networks)
        if not ready:
            missing = sorted(pending)[0]
            raise InvalidPrefix(f"{where}: networks.{missing}.parent: {pending[missing]['parent']!r} is not a network of the lock")
        for id in ready:
            e = pending.pop(id)
            _restore_child_network(ipam, id, e, [prefix_in(p, f"{where}: networks.{id}.prefixes[{i}]") for i, p in enumerate(e["prefixes"])], where)
    allocs: dict[str, dict] = data.get("allocations", {})
    # prefixes before addresses, so reserved addresses are placed as they were
    for key, e in sorted(allocs.items(), key=lambda kv: ("address" in kv[1], kv[0])):
        if "address" in e:
            ipam.acquire_ip(e["network"], key, address=e["address"], purpose=e.get("purpose", ""))
        else:
            ipam.acquire_prefix(e["network"], key, cidr=e["cidr"], purpose=e.get("purpose", ""))
    ipam.touched.clear()
    return ipam


def _restore_child_network(ipam: Ipam, id: str, e: dict, prefixes: list[Prefix], where: str) -> None:
    from .errors import AlreadyAllocated

    parent = ipam.network(e["parent"])
    taken = []
    for p in prefixes:
        container = ipam._container(parent, p, f"{where}: networks.{id}.prefixes")
        if not ipam._pools[container].acquire_at(p.base - container.base, p.length):
            raise AlreadyAllocated(f"{where}: networks.{id}: {p} overlaps another allocation in {container}")
        ipam._children[container] += 1
        ipam._parent_of[p] = container
        taken.append(p)
    net = Network(
        id=id, prefixes=taken, name=e.get("name", ""), description=e.get("description", ""),
        partition=e.get("partition", ""), project=e.get("project", ""), parent=e["parent"], key=e.get("key") or id,
        vrf=ipam._take_vrf(e["vrf"]) if e.get("vrf") is not None else None, labels=e.get("labels", {}),
        default_child_prefix_length={family_version(f): n for f, n in e.get("default_child_prefix_length", {}).items()},
    )
    ipam._register_child_network(net)
