"""The lock: the address plan as sorted, stable JSON, reviewed like code.

Prefixes are written as text: canonical CIDRs, or for a relative root the Terraform
expression (``cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 3)``), so a diff reads well.
"""

from __future__ import annotations

import json
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .allocator import Ipam
from .errors import InvalidPrefix, IpamError
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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _RootEntry(_Strict):
    relative: str = Field(min_length=1)
    length: int
    family: Literal["ipv4", "ipv6"] = "ipv6"


class _NetworkEntry(_Strict):
    prefixes: list[Union[str, _RootEntry]] = Field(min_length=1)
    name: str = ""
    description: str = ""
    partition: str = ""
    project: str = ""
    key: Optional[str] = None
    parent: Optional[str] = None
    default_child_prefix_length: dict[str, int] = Field(default_factory=dict)
    private_super: bool = False
    labels: dict[str, str] = Field(default_factory=dict)
    vrf: Optional[int] = None


class _AllocationEntry(_Strict):
    network: str
    cidr: Optional[str] = None
    address: Optional[str] = None
    purpose: str = ""

    @model_validator(mode="after")
    def _one(self) -> "_AllocationEntry":
        if (self.cidr is None) == (self.address is None):
            raise ValueError("give exactly one of cidr or address")
        return self


class _LockFile(_Strict):
    format: str
    networks: dict[str, _NetworkEntry] = Field(default_factory=dict)
    allocations: dict[str, _AllocationEntry] = Field(default_factory=dict)
    ula: dict[str, str] = Field(default_factory=dict)
    vrf_range: tuple[int, int] = (20, 16_777_215)


def _shape(data: Any, where: str) -> _LockFile:
    """The lock's shape, checked before anything is rebuilt: a hand edit fails on one line, with its path."""
    if not isinstance(data, dict):
        raise InvalidPrefix(f"{where}: the lock must be a JSON object, not {type(data).__name__}")
    if data.get("format") != FORMAT:
        raise InvalidPrefix(f"{where}: format {data.get('format')!r} is not {FORMAT!r}")
    try:
        lock = _LockFile.model_validate(data)
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        path = ".".join(str(p) for p in first["loc"] if not str(p).startswith(("function-", "union[", "str", "_RootEntry")))
        raise InvalidPrefix(f"{where}: {path}: {first['msg'].removeprefix('Value error, ')} (got {first.get('input')!r})") from None
    lo, hi = lock.vrf_range
    if not 0 <= lo <= hi:
        raise InvalidPrefix(f"{where}: vrf_range: {list(lock.vrf_range)} must be [low, high] with 0 <= low <= high")
    for name, text in lock.ula.items():
        p = Prefix.parse(text, f"{where}: ula.{name}")
        if p.version != 6 or p.length != 48 or p.base >> 120 != 0xFD:
            raise InvalidPrefix(f"{where}: ula.{name}: {text!r} is not an RFC 4193 /48 (fdXX:XXXX:XXXX::/48)")
    return lock


def from_dict(data: dict[str, Any] | None, where: str = "lock") -> Ipam:
    """Rebuild a namespace exactly as written; every entry is re-reserved at its place."""
    if data is None:
        return Ipam()
    lock = _shape(data, where)
    ipam = Ipam(vrf_range=tuple(lock.vrf_range))
    ipam.ula.update(lock.ula)
    roots: list[Prefix] = []

    def prefix_in(value: Any, field: str) -> Prefix:
        if isinstance(value, _RootEntry):
            p = Prefix.relative(value.relative, value.length, family_version(value.family, field))
            roots.append(p)
            return p
        if value.startswith("cidrsubnet("):
            from .allocator import parse_relative

            return parse_relative(value, roots, field)
        return Prefix.parse(value, field)

    try:  # every allocator refusal during the rebuild names the lock entry it came from
        for id, e in sorted(lock.networks.items()):  # supers first
            if e.parent is None:
                ipam.create_network(
                    id, [prefix_in(p, f"{where}: networks.{id}.prefixes[{i}]") for i, p in enumerate(e.prefixes)],
                    default_child_prefix_length=e.default_child_prefix_length, private_super=e.private_super,
                    name=e.name, description=e.description, partition=e.partition, project=e.project, labels=e.labels,
                )
        pending = {id: e for id, e in lock.networks.items() if e.parent is not None}
        while pending:  # then child networks, parents before children
            ready = sorted(id for id, e in pending.items() if e.parent in ipam.networks)
            if not ready:
                missing = sorted(pending)[0]
                raise InvalidPrefix(f"{where}: networks.{missing}.parent: {pending[missing].parent!r} is not a network of the lock")
            for id in ready:
                e = pending.pop(id)
                _restore_child_network(ipam, id, e, [prefix_in(p, f"{where}: networks.{id}.prefixes[{i}]") for i, p in enumerate(e.prefixes)], where)
        # prefixes before addresses, so reserved addresses are placed as they were
        for key, a in sorted(lock.allocations.items(), key=lambda kv: (kv[1].address is not None, kv[0])):
            try:
                if a.address is not None:
                    ipam.acquire_ip(a.network, key, address=a.address, purpose=a.purpose)
                else:
                    ipam.acquire_prefix(a.network, key, cidr=a.cidr, purpose=a.purpose)
            except IpamError as err:
                raise type(err)(f"{where}: allocations.{key}: {err}") from None
    except IpamError as err:
        if str(err).startswith(f"{where}:"):
            raise
        raise type(err)(f"{where}: {err}") from None
    ipam.touched.clear()
    return ipam


def _restore_child_network(ipam: Ipam, id: str, e: _NetworkEntry, prefixes: list[Prefix], where: str) -> None:
    ipam.restore_network(
        id, e.parent, e.key or id, prefixes, vrf=e.vrf, name=e.name, description=e.description, partition=e.partition,
        project=e.project, labels=e.labels, default_child_prefix_length=e.default_child_prefix_length,
        what=f"{where}: networks.{id}",
    )
