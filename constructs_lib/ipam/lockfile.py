"""The lock: the address plan as sorted, stable JSON, reviewed like code.

Prefixes are written as text: canonical CIDRs, or for a relative root the Terraform
expression (``cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 3)``), so a diff reads well.
"""

from __future__ import annotations

import json
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from constructs_lib.errors import StoreError, validation_lines

from .allocator import DEFAULT_OWNER, Ipam
from .errors import IpamError
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
        if net.owners != (DEFAULT_OWNER,):
            if net.parent is None:
                entry["owners"] = list(net.owners)
            else:
                entry["owner"] = net.owner
        networks[net.id] = entry
    allocations: dict[str, Any] = {}
    for a in ipam.allocations.values():
        entry = {"network": a.network, ("address" if a.kind == "ip" else "cidr"): a.text}
        if a.purpose:
            entry["purpose"] = a.purpose
        if a.owner != DEFAULT_OWNER:
            entry["owner"] = a.owner
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
    owner: Optional[str] = None  # a child network's
    owners: Optional[list[str]] = Field(default=None, min_length=1)  # a super network's

    @model_validator(mode="after")
    def _owners(self) -> "_NetworkEntry":
        if self.parent is None and self.owner is not None:
            raise ValueError("a super network has owners: [...], not owner:")
        if self.parent is not None and self.owners is not None:
            raise ValueError("a child network has one owner:, not owners:")
        return self


class _AllocationEntry(_Strict):
    network: str
    cidr: Optional[str] = None
    address: Optional[str] = None
    purpose: str = ""
    owner: str = DEFAULT_OWNER

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
    vrf_range: list[int] = Field(default_factory=lambda: [20, 16_777_215])  # JSON has lists, not tuples


def _shape(data: Any, where: str) -> _LockFile:
    """The lock's shape, checked before anything is rebuilt: a hand edit fails naming every bad entry."""
    if not isinstance(data, dict):
        raise StoreError(f"{where}: the lock must be a JSON object with format, networks and allocations, not {type(data).__name__}; "
                         "restore it from git or delete it to start afresh")
    if data.get("format") != FORMAT:
        raise StoreError(f"{where}: format {data.get('format')!r} is not {FORMAT!r}")
    try:
        lock = _LockFile.model_validate(data)
    except ValidationError as e:
        raise StoreError(lines=validation_lines(e, f"{where}: ")) from None
    if len(lock.vrf_range) != 2 or not 0 <= lock.vrf_range[0] <= lock.vrf_range[1]:
        raise StoreError(f"{where}: vrf_range: {list(lock.vrf_range)} must be [low, high] with 0 <= low <= high")
    for name, text in lock.ula.items():
        try:
            p = Prefix.parse(text, f"{where}: ula.{name}")
        except IpamError as e:
            raise StoreError(str(e)) from None
        if p.version != 6 or p.length != 48 or p.base >> 120 != 0xFD:
            raise StoreError(f"{where}: ula.{name}: {text!r} is not an RFC 4193 /48 (fdXX:XXXX:XXXX::/48)")
    return lock


def from_dict(data: dict[str, Any] | None, where: str = "lock", *, owner: str = DEFAULT_OWNER) -> Ipam:
    """Rebuild a namespace exactly as written, acting as ``owner``; every entry is re-reserved at its place.

    ``None`` is an empty namespace. Raises ``StoreError`` naming the entry for a damaged lock
    (bad shape, overlaps, entries outside their networks).
    """
    if data is None:
        return Ipam(owner=owner)
    lock = _shape(data, where)
    ipam = Ipam(vrf_range=tuple(lock.vrf_range), owner=owner)
    for name, text in lock.ula.items():
        ipam.pin_ula(name, lambda text=text: text)
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
                    owners=e.owners or (DEFAULT_OWNER,),
                )
        pending = {id: e for id, e in lock.networks.items() if e.parent is not None}
        while pending:  # then child networks, parents before children
            ready = sorted(id for id, e in pending.items() if e.parent in ipam.networks)
            if not ready:
                missing = sorted(pending)[0]
                raise StoreError(f"{where}: networks.{missing}.parent: {pending[missing].parent!r} is not a network of the lock")
            for id in ready:
                e = pending.pop(id)
                ipam.restore_network(
                    id, e.parent, e.key or id, [prefix_in(p, f"{where}: networks.{id}.prefixes[{i}]") for i, p in enumerate(e.prefixes)],
                    vrf=e.vrf, name=e.name, description=e.description, partition=e.partition, project=e.project, labels=e.labels,
                    default_child_prefix_length=e.default_child_prefix_length, owner=e.owner or DEFAULT_OWNER,
                    what=f"{where}: networks.{id}",
                )
        # prefixes before addresses, so reserved addresses are placed as they were
        for key, a in sorted(lock.allocations.items(), key=lambda kv: (kv[1].address is not None, kv[0])):
            try:
                ipam.restore_allocation(key, a.network, "ip" if a.address is not None else "prefix", a.address or a.cidr,
                                        purpose=a.purpose, owner=a.owner, what=f"{where}: allocations.{key}")
            except IpamError as err:
                text = str(err)
                raise StoreError(text if text.startswith(f"{where}:") else f"{where}: allocations.{key}: {text}") from None
    except IpamError as err:
        text = str(err)
        raise StoreError(text if text.startswith(f"{where}:") else f"{where}: {text}") from None
    ipam.loaded()
    return ipam
