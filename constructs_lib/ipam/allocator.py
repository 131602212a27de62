"""The address plan: super networks, child networks, keyed prefixes and addresses.

Every allocation carries a key (``site/net/node-7``). Keys are the unit of stability: a key
that exists keeps its range for as long as it exists; new keys only take free space; a key
the plan no longer names stays allocated ("stale") until ``prune`` releases it, so space
freed today is never handed to someone else without a reviewed lock change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Iterable, Mapping, NamedTuple

from .buddy import BuddyPool
from .errors import (
    AlreadyAllocated,
    FamilyMismatch,
    InvalidPrefix,
    NoIPAvailable,
    NoPrefixAvailable,
    NotFound,
    Overlap,
)
from .prefix import FAMILY, MAXBITS, Prefix, family_version, format_address

#: uuid5 namespace for child network ids, so the same key gives the same id on any machine
NETWORK_ID_NAMESPACE = uuid.UUID("6b0d5c1e-4a54-5b0e-9c8e-2f3d1c0ffee6")
#: usage counts free space in blocks of these lengths (go-ipam's "smallest prefixes")
SMALLEST_PREFIX = {4: 30, 6: 126}
#: the family spellings the acquisition fast path takes (others go the long way, with its errors)
_FAST_FAMILY = {None: None, "ipv4": 4, "ipv6": 6, 4: 4, 6: 6}
#: VRF ids handed to child networks (below 20 stays free for infrastructure VRFs)
DEFAULT_VRF_RANGE = (20, 16_777_215)


def reserved_offsets(prefix: Prefix) -> tuple[int, ...]:
    """Addresses a network never hands out: IPv4 network + broadcast, IPv6 subnet-router anycast.

    /31, /32 (RFC 3021) and /127, /128 (RFC 6164) have none.
    """
    if prefix.version == 4:
        return (0, prefix.num_addresses - 1) if prefix.length <= 30 else ()
    return (0,) if prefix.length <= 126 else ()


@dataclass(frozen=True, slots=True)
class Usage:
    """Exact per-family figures (no int32 caps). ``available_ips`` is the size, as in go-ipam."""

    available_ips: int
    available_prefixes: int
    used_ips: int
    used_prefixes: int

    def as_dict(self) -> dict[str, int]:
        return {
            "available_ips": self.available_ips,
            "available_prefixes": self.available_prefixes,
            "used_ips": self.used_ips,
            "used_prefixes": self.used_prefixes,
        }


class Allocation(NamedTuple):
    """One keyed child prefix or address, and how to write it in Terraform (immutable)."""

    key: str
    network: str
    kind: str  # "prefix" | "ip"
    prefix: Prefix
    parent: Prefix
    purpose: str = ""

    @property
    def family(self) -> str:
        return self.prefix.family

    @property
    def cidr(self) -> str | None:
        return None if self.prefix.is_relative else self.prefix.text

    @property
    def address(self) -> str | None:
        if self.kind != "ip" or self.prefix.is_relative:
            return None
        return format_address(self.prefix.version, self.prefix.base)

    @property
    def newbits(self) -> int:
        return self.prefix.length - self.parent.length

    @property
    def netnum(self) -> int:
        return (self.prefix.base - self.parent.base) >> (self.prefix.maxbits - self.prefix.length)

    @property
    def hostnum(self) -> int:
        return self.prefix.base - self.parent.base

    @property
    def text(self) -> str:
        """Concrete CIDR or address; for a relative parent, the Terraform expression."""
        if not self.prefix.is_relative:
            return self.address if self.kind == "ip" else self.prefix.text
        return self.expr()

    def expr(self, parent_expr: str | None = None) -> str:
        """HCL expression (no ``${}``) for this allocation.

        With ``parent_expr`` the result is relative to the immediate parent (e.g. an AWS
        subnet's ``ipv6_cidr_block``); without it, a quoted literal when concrete, else the
        expression against the relative root.
        """
        if parent_expr is None:
            if not self.prefix.is_relative:
                return f'"{self.text}"'
            parent_expr = self.parent.text
        if self.kind == "ip":
            return f"cidrhost({parent_expr}, {self.hostnum})"
        return self.prefix.expr_against(parent_expr, self.parent)

    def tf(self, parent_expr: str | None = None) -> str:
        """What a Terraform string attribute takes: concrete text, or ``${expression}``."""
        if parent_expr is None and not self.prefix.is_relative:
            return self.text
        return "${" + self.expr(parent_expr) + "}"


@dataclass(slots=True)
class Network:
    """A super network (created) or a child network (allocated from a parent)."""

    id: str
    prefixes: list[Prefix]
    name: str = ""
    description: str = ""
    partition: str = ""
    project: str = ""
    default_child_prefix_length: dict[int, int] = field(default_factory=dict)
    private_super: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    parent: str | None = None
    key: str | None = None
    vrf: int | None = None
    _by_version: dict[int, list[Prefix]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def families(self) -> list[str]:
        return [FAMILY[v] for v in dict.fromkeys(p.version for p in self.prefixes)]

    def prefixes_of(self, version: int) -> list[Prefix]:
        # cached: the hot path asks on every acquisition; prefixes never change after creation
        try:
            return self._by_version[version]
        except KeyError:
            got = self._by_version[version] = [p for p in self.prefixes if p.version == version]
            return got


class Ipam:
    """One address namespace. Pure Python; persistence goes through a ``Store``."""

    def __init__(self, vrf_range: tuple[int, int] = DEFAULT_VRF_RANGE) -> None:
        self.networks: dict[str, Network] = {}
        self.allocations: dict[str, Allocation] = {}
        self.vrf_range = vrf_range
        self.ula: dict[str, str] = {}  # name -> pinned RFC 4193 /48
        self._pools: dict[Prefix, BuddyPool] = {}
        self._owner: dict[Prefix, str] = {}  # network prefix -> network id
        self._children: dict[Prefix, int] = {}  # prefix -> number of child prefixes
        self._ips: dict[Prefix, int] = {}  # prefix -> number of keyed addresses
        self._reserved: dict[Prefix, set[int]] = {}  # prefix -> reserved offsets taken out of its free space
        self._network_keys: dict[str, str] = {}  # key -> child network id
        self._supers: list[Prefix] = []
        self._parent_of: dict[Prefix, Prefix] = {}  # child network prefix -> the prefix it came from
        self._vrfs: set[int] = set()
        self.touched: set[str] = set()  # keys asked for since load: the rest are stale

    # -- networks --------------------------------------------------------------------
    def create_network(
        self,
        id: str,
        prefixes: Iterable[str | Prefix],
        *,
        default_child_prefix_length: Mapping[str | int, int] | None = None,
        private_super: bool = False,
        name: str = "",
        description: str = "",
        partition: str = "",
        project: str = "",
        labels: Mapping[str, str] | None = None,
    ) -> Network:
        """Create a super network. Its prefixes may not overlap anything in the namespace."""
        if not id:
            raise InvalidPrefix("network id: must not be empty")
        if id in self.networks:
            raise AlreadyAllocated(f"network {id!r} already exists")
        parsed = [p if isinstance(p, Prefix) else Prefix.parse(p, f"network {id}: prefixes[{i}]") for i, p in enumerate(prefixes)]
        if not parsed:
            raise InvalidPrefix(f"network {id}: prefixes must name at least one prefix")
        for i, p in enumerate(parsed):
            for q in parsed[:i]:
                if p.overlaps(q):
                    raise Overlap(f"network {id}: prefix {p} overlaps {q} of the same network")
            for q in self._supers:
                if p.overlaps(q):
                    raise Overlap(f"network {id}: prefix {p} overlaps {q} of network {self._owner[q]}")
        lengths = self._child_lengths(id, default_child_prefix_length or {}, parsed)
        net = Network(
            id=id, prefixes=parsed, name=name, description=description, partition=partition, project=project,
            default_child_prefix_length=lengths, private_super=private_super, labels=dict(labels or {}),
        )
        for p in parsed:
            self._add_pool(p, id)
            self._supers.append(p)
        self.networks[id] = net
        return net

    @staticmethod
    def _child_lengths(id: str, given: Mapping[str | int, int], prefixes: list[Prefix]) -> dict[int, int]:
        out: dict[int, int] = {}
        for fam, length in given.items():
            v = family_version(fam, f"network {id}: defaultchildprefixlength")
            if not isinstance(length, int) or isinstance(length, bool):
                raise InvalidPrefix(f"network {id}: defaultchildprefixlength.{FAMILY[v]}: {length!r} is not a prefix length")
            ps = [p for p in prefixes if p.version == v]
            if not ps:
                raise FamilyMismatch(f"network {id}: defaultchildprefixlength.{FAMILY[v]} given but the network has no {FAMILY[v]} prefix")
            shortest = min(p.length for p in ps)
            if not shortest < length <= MAXBITS[v]:
                raise InvalidPrefix(
                    f"network {id}: defaultchildprefixlength.{FAMILY[v]}: /{length} must be longer than /{shortest} and at most /{MAXBITS[v]}"
                )
            out[v] = length
        return out

    def _add_pool(self, p: Prefix, network_id: str) -> None:
        self._pools[p] = BuddyPool(p.length, p.maxbits)
        self._owner[p] = network_id
        self._children.setdefault(p, 0)
        self._ips.setdefault(p, 0)

    def network(self, id: str) -> Network:
        try:
            return self.networks[id]
        except KeyError:
            raise NotFound(f"network {id!r} not found") from None

    def allocate_network(
        self,
        parent: str,
        key: str,
        *,
        name: str = "",
        project: str = "",
        description: str = "",
        lengths: Mapping[str | int, int] | None = None,
        families: Iterable[str | int] | None = None,
        id: str | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> Network:
        """A child network with one child prefix per family, all or nothing."""
        self._check_key(key)
        self.touched.add(key)
        if key in self._network_keys:
            return self._existing_network(key, parent, lengths)
        if key in self.allocations:
            raise AlreadyAllocated(f"key {key!r} already holds {self.allocations[key].text}, not a network")
        par = self.network(parent)
        wanted = [family_version(f, f"network {key}: addressfamily") for f in families] if families else [
            v for v in (4, 6) if par.prefixes_of(v)
        ]
        lens = {family_version(f, f"network {key}: length"): n for f, n in (lengths or {}).items()}
        plan: list[tuple[int, int]] = []
        for v in wanted:
            if not par.prefixes_of(v):
                raise FamilyMismatch(f"network {key}: parent {parent} has no {FAMILY[v]} prefix")
            length = lens.get(v, par.default_child_prefix_length.get(v))
            if length is None:
                raise InvalidPrefix(f"network {key}: no length for {FAMILY[v]} and parent {parent} has no defaultchildprefixlength.{FAMILY[v]}; set --length {FAMILY[v].replace('ipv', 'IPv')}=N")
            plan.append((v, length))
        id = id or str(uuid.uuid5(NETWORK_ID_NAMESPACE, key))
        if id in self.networks:
            raise AlreadyAllocated(f"network {id!r} already exists")
        taken: list[tuple[Prefix, Prefix]] = []
        try:  # every family or none: no half-allocated dual-stack network
            for v, length in plan:
                taken.append(self._take_child(par, v, length, what=f"network {key}"))
        except Exception:
            for parent_prefix, child in taken:
                self._give_back(parent_prefix, child)
                self._sync_reserved(parent_prefix)
            raise
        net = Network(
            id=id, prefixes=[c for _, c in taken], name=name, description=description, partition=par.partition,
            project=project, parent=parent, key=key, vrf=self._take_vrf(), labels=dict(labels or {}),
        )
        self._register_child_network(net, taken)
        return net

    def restore_network(
        self,
        id: str,
        parent: str,
        key: str,
        prefixes: list[Prefix],
        *,
        vrf: int | None = None,
        name: str = "",
        description: str = "",
        partition: str = "",
        project: str = "",
        labels: Mapping[str, str] | None = None,
        default_child_prefix_length: Mapping[str | int, int] | None = None,
        what: str = "",
    ) -> Network:
        """A child network exactly as a lock records it: its prefixes at their places, its VRF."""
        where = what or f"network {id}"
        if key in self._network_keys or key in self.allocations:
            raise AlreadyAllocated(f"{where}.key: {key!r} is used twice")
        par = self.network(parent)
        taken = [(self._take_exact(par, p, f"{where}.prefixes"), p) for p in prefixes]
        net = Network(
            id=id, prefixes=prefixes, name=name, description=description, partition=partition, project=project,
            parent=parent, key=key, vrf=self._take_vrf(vrf) if vrf is not None else None, labels=dict(labels or {}),
            default_child_prefix_length={family_version(f): n for f, n in (default_child_prefix_length or {}).items()},
        )
        self._register_child_network(net, taken)
        return net

    def _existing_network(self, key: str, parent: str, lengths: Mapping[str | int, int] | None) -> Network:
        net = self.networks[self._network_keys[key]]
        if net.parent != parent:
            raise AlreadyAllocated(f"key {key!r} is network {net.id} in {net.parent}, not in {parent}; release it first")
        for f, n in (lengths or {}).items():
            v = family_version(f)
            have = [p.length for p in net.prefixes_of(v)]
            if have and have[0] != n:
                raise AlreadyAllocated(
                    f"key {key!r} already holds {net.prefixes_of(v)[0]} (/{have[0]}), not /{n}; release it (dualstack ipam release) to resize"
                )
        return net

    def _register_child_network(self, net: Network, taken: list[tuple[Prefix, Prefix]]) -> None:
        for parent_prefix, p in taken:
            self._parent_of[p] = parent_prefix
            self._add_pool(p, net.id)
        self.networks[net.id] = net
        self._network_keys[net.key] = net.id

    def release_network(self, id: str) -> None:
        net = self.network(id)
        if net.parent is None:
            raise AlreadyAllocated(f"network {id} is a super network; only child networks are released")
        for p in net.prefixes:
            if self._children[p] or self._ips[p]:
                raise AlreadyAllocated(f"network {id}: prefix {p} still holds allocations; release them first")
        for p in net.prefixes:
            parent_prefix = self._parent_of[p]
            del self._pools[p], self._owner[p], self._children[p], self._ips[p], self._parent_of[p]
            self._reserved.pop(p, None)
            self._give_back(parent_prefix, p)
            self._sync_reserved(parent_prefix)
        if net.vrf is not None:
            self._vrfs.discard(net.vrf)
        del self.networks[id]
        self._network_keys.pop(net.key, None)

    # -- child prefixes ---------------------------------------------------------------
    def acquire_prefix(
        self,
        network: str,
        key: str,
        *,
        length: int | None = None,
        family: str | int | None = None,
        cidr: str | None = None,
        purpose: str = "",
    ) -> Allocation:
        """A keyed child prefix: of ``length`` (or the family default), or exactly ``cidr``."""
        existing = self.allocations.get(key)
        net = self.networks.get(network)
        if existing is None and net is not None and cidr is None and length.__class__ is int and family in _FAST_FAMILY and key not in self._network_keys:
            # fast path (fleets of thousands): a new key, a length, one family to take it from;
            # anything unusual (errors included) goes the long way below
            v = _FAST_FAMILY[family]
            ps = net.prefixes_of(v if v is not None else 4 if net.prefixes_of(4) else 6)
            if ps and not (family is None and len(ps) != len(net.prefixes)) and key.__class__ is str and key and key.isprintable() and key == key.strip():
                for p in ps:
                    if length > p.length and length <= p.maxbits:
                        off = self._pools[p].acquire(length)
                        if off is not None:
                            self._children[p] += 1
                            self.touched.add(key)
                            a = self.allocations[key] = Allocation(key, network, "prefix", Prefix(p.version, p.base + off, length, p.root), p, purpose)
                            return a
        self._check_key(key)
        self.touched.add(key)
        net = self.network(network)
        if existing is not None:
            return self._same(existing, network, "prefix", length=length, cidr=cidr)
        if key in self._network_keys:
            raise AlreadyAllocated(f"key {key!r} already names network {self._network_keys[key]}")
        if cidr is not None:
            want = self._parse_in(net, cidr, f"{key}: cidr")
            if family is not None and family_version(family) != want.version:
                raise FamilyMismatch(f"{key}: cidr {cidr} is not {FAMILY[family_version(family)]}")
            parent_prefix = self._take_exact(net, want, f"{key}: cidr")
            return self._record(key, network, "prefix", want, parent_prefix, purpose)
        if family is None:
            if net.prefixes_of(4) and net.prefixes_of(6):
                raise FamilyMismatch(f"{key}: family: network {network} is dual-stack; say ipv4 or ipv6")
            v = net.prefixes[0].version
        else:
            v = self._family(net, family, f"{key}: family")
        if length is None:
            length = net.default_child_prefix_length.get(v)
            if length is None:
                raise InvalidPrefix(f"{key}: no length given and network {network} has no defaultchildprefixlength.{FAMILY[v]}")
        parent_prefix, child = self._take_child(net, v, length, what=key)
        return self._record(key, network, "prefix", child, parent_prefix, purpose)

    def _take_child(self, net: Network, v: int, length: int, *, what: str) -> tuple[Prefix, Prefix]:
        prefixes = net.prefixes_of(v)
        if length.__class__ is not int or not 0 < length <= MAXBITS[v]:
            raise InvalidPrefix(f"{what}: length {length!r} is not a valid {FAMILY[v]} prefix length")
        for p in prefixes:
            if length <= p.length:
                continue
            off = self._pools[p].acquire(length)
            if off is not None:
                self._children[p] += 1
                return p, Prefix(v, p.base + off, length, p.root)
        if all(length <= p.length for p in prefixes):
            raise InvalidPrefix(
                f"{what}: /{length} is not longer than {FAMILY[v]} prefix {prefixes[0]} of network {net.id}; a child must be longer"
            )
        raise NoPrefixAvailable(f"{what}: no free /{length} left in {FAMILY[v]} of network {net.id} ({', '.join(str(p) for p in prefixes)})")

    def _take_exact(self, net: Network, want: Prefix, what: str) -> Prefix:
        """Take exactly ``want`` from the prefix of ``net`` that holds it; returns that prefix."""
        parent_prefix = self._container(net, want, what)
        if want.length == parent_prefix.length:
            raise InvalidPrefix(f"{what} {want} is the whole of {parent_prefix}; a child must be longer")
        if not self._pools[parent_prefix].acquire_at(want.base - parent_prefix.base, want.length):
            raise AlreadyAllocated(f"{what} {want} overlaps an allocation in {parent_prefix} of network {net.id}")
        self._children[parent_prefix] += 1
        return parent_prefix

    def _give_back(self, parent_prefix: Prefix, child: Prefix) -> None:
        self._pools[parent_prefix].release(child.base - parent_prefix.base)
        self._children[parent_prefix] -= 1

    # -- addresses --------------------------------------------------------------------
    def acquire_ip(
        self,
        network: str,
        key: str,
        *,
        family: str | int | None = None,
        address: str | None = None,
        purpose: str = "",
    ) -> Allocation:
        """A keyed address: the family's lowest free one, or exactly ``address``.

        Default family: IPv4, unless the network has IPv6 prefixes only.
        """
        self._check_key(key)
        self.touched.add(key)
        net = self.network(network)
        existing = self.allocations.get(key)
        if existing is not None:
            return self._same(existing, network, "ip", address=address)
        if key in self._network_keys:
            raise AlreadyAllocated(f"key {key!r} already names network {self._network_keys[key]}")
        if address is not None:
            want = self._parse_ip_in(net, address, f"{key}: address")
            v = want.version
            if family is not None and family_version(family) != v:
                raise FamilyMismatch(f"{key}: address {address} is not {FAMILY[family_version(family)]}")
            parent_prefix = self._container(net, want, f"{key}: address")
            off = want.base - parent_prefix.base
            if off in reserved_offsets(parent_prefix):
                raise AlreadyAllocated(f"{key}: {address} is reserved in {parent_prefix} (network, broadcast or subnet-router anycast)")
            if not self._pools[parent_prefix].acquire_at(off, want.length):
                raise AlreadyAllocated(f"{key}: {address} is already allocated in {parent_prefix} of network {network}")
            self._ips[parent_prefix] += 1
            self._sync_reserved(parent_prefix)
            return self._record(key, network, "ip", want, parent_prefix, purpose)
        if family is None:
            v = 4 if net.prefixes_of(4) else 6
        else:
            v = self._family(net, family, f"{key}: family")
        for p in net.prefixes_of(v):
            pool = self._pools[p]
            self._ips[p] += 1  # reserve first, so the pick below cannot be a reserved address
            self._sync_reserved(p)
            off = pool.acquire_lowest()
            if off is not None:
                return self._record(key, network, "ip", p.child(off, p.maxbits), p, purpose)
            self._ips[p] -= 1
            self._sync_reserved(p)
        raise NoIPAvailable(f"{key}: no free {FAMILY[v]} address left in network {network}")

    def _sync_reserved(self, p: Prefix) -> None:
        """Keep reserved addresses canonical: out of the free space exactly while ``p`` hands out addresses.

        A reserved address inside a child prefix is covered already; when that child is released
        the address is taken out again, so a reloaded lock and a live namespace never differ.
        """
        pool, taken = self._pools[p], self._reserved.setdefault(p, set())
        if self._ips[p]:
            for off in reserved_offsets(p):
                if off not in taken and pool.acquire_at(off, p.maxbits):
                    taken.add(off)
        else:
            for off in taken:
                pool.release(off)
            taken.clear()

    # -- release, stale keys ---------------------------------------------------------------
    def release(self, key: str) -> None:
        """Release a keyed prefix, address or (empty) child network."""
        if key in self._network_keys:
            self.release_network(self._network_keys[key])
            return
        alloc = self.allocations.get(key)
        if alloc is None:
            raise NotFound(f"key {key!r} not found")
        p = alloc.parent
        if alloc.kind == "prefix" and alloc.prefix in self._pools:
            raise AlreadyAllocated(f"key {key!r}: {alloc.text} is itself a parent; release its children first")
        self._pools[p].release(alloc.prefix.base - p.base)
        if alloc.kind == "ip":
            self._ips[p] -= 1
        else:
            self._children[p] -= 1
        self._sync_reserved(p)
        del self.allocations[key]

    def keys(self) -> set[str]:
        return set(self.allocations) | set(self._network_keys)

    def stale_keys(self) -> list[str]:
        """Keys held in the namespace that nobody asked for since load: kept until ``prune``."""
        return sorted(self.keys() - self.touched)

    def prune(self) -> list[str]:
        """Release every stale key (deepest first). Returns what was released."""
        stale = self.stale_keys()
        stale_nets = [k for k in stale if k in self._network_keys]
        for k in stale:
            if k in self.allocations:
                self.release(k)
        for k in sorted(stale_nets, key=lambda k: -self._depth(self._network_keys[k])):
            self.release(k)
        return stale

    def _depth(self, id: str) -> int:
        d, net = 0, self.networks[id]
        while net.parent is not None:
            d, net = d + 1, self.networks[net.parent]
        return d

    # -- lookups and usage --------------------------------------------------------------
    def get(self, key: str) -> Allocation:
        try:
            return self.allocations[key]
        except KeyError:
            raise NotFound(f"key {key!r} not found") from None

    def network_by_key(self, key: str) -> Network:
        try:
            return self.networks[self._network_keys[key]]
        except KeyError:
            raise NotFound(f"network key {key!r} not found") from None

    def usage(self, network: str) -> dict[str, Usage]:
        net = self.network(network)
        out: dict[str, Usage] = {}
        for v in (4, 6):
            ps = net.prefixes_of(v)
            if not ps:
                continue
            out[FAMILY[v]] = Usage(
                available_ips=sum(p.num_addresses for p in ps),
                available_prefixes=sum(self._pools[p].free_blocks(SMALLEST_PREFIX[v]) for p in ps if p.length <= SMALLEST_PREFIX[v]),
                used_ips=sum(len(reserved_offsets(p)) + self._ips[p] for p in ps),
                used_prefixes=sum(self._children[p] for p in ps),
            )
        return out

    def free_blocks(self, prefix: Prefix) -> list[Prefix]:
        """The free space of a network prefix as aligned blocks, by address (for reports)."""
        return [prefix.child(off, length) for off, length in self._pools[prefix].free_list()]

    def children_of(self, prefix: Prefix) -> list[tuple[str, Prefix, str]]:
        """(key, prefix, kind) of what was carved directly from ``prefix``, by address: networks, prefixes, addresses."""
        out = [(self.networks[self._owner[p]].key, p, "network") for p, parent in self._parent_of.items() if parent == prefix]
        out += [(a.key, a.prefix, a.kind) for a in self.allocations.values() if a.parent == prefix]
        return sorted(out, key=lambda t: (t[1].base, t[1].length))

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _check_key(key: str) -> None:
        if key.__class__ is not str or not key or not key.isprintable() or key != key.strip():
            raise InvalidPrefix(f"key: {key!r} must be a non-empty single-line string without surrounding spaces")

    def _family(self, net: Network, family: str | int, field: str) -> int:
        v = family_version(family, field)
        if not net.prefixes_of(v):
            raise FamilyMismatch(f"{field}: network {net.id} has no {FAMILY[v]} prefix ({', '.join(str(p) for p in net.prefixes)})")
        return v

    def _parse_in(self, net: Network, text: str, field: str) -> Prefix:
        """Parse a concrete CIDR, or the expression form of a prefix inside a relative root."""
        if text.startswith("cidrsubnet("):
            roots = [Prefix.relative(p.root.expr, p.root.length, p.root.version) for p in net.prefixes if p.root is not None]
            return parse_relative(text, net.prefixes + roots, field)
        return Prefix.parse(text, field)

    def _parse_ip_in(self, net: Network, text: str, field: str) -> Prefix:
        """Parse a concrete address, or ``cidrhost(<prefix expr>, n)`` inside a relative prefix."""
        if text.startswith("cidrhost("):
            import re

            m = re.fullmatch(r"cidrhost\((.+), (\d+)\)", text)
            for p in net.prefixes if m else ():
                if p.is_relative and p.text == m.group(1) and int(m.group(2)) < p.num_addresses:
                    return Prefix(p.version, p.base + int(m.group(2)), p.maxbits, p.root)
            raise InvalidPrefix(f"{field}: {text!r} is not a cidrhost() of a relative prefix of network {net.id}")
        v, value = Prefix.parse_address(text, field)
        return Prefix(v, value, MAXBITS[v])

    def _container(self, net: Network, want: Prefix, field: str) -> Prefix:
        for p in net.prefixes:
            if p.contains(want):
                return p
        raise InvalidPrefix(f"{field}: {want} is not inside network {net.id} ({', '.join(str(p) for p in net.prefixes)})")

    def _same(self, a: Allocation, network: str, kind: str, *, length: int | None = None, cidr: str | None = None, address: str | None = None) -> Allocation:
        """A key asked for again: the same answer, or a clear refusal when the request changed."""
        if a.network != network or a.kind != kind:
            raise AlreadyAllocated(f"key {a.key!r} already holds {a.kind} {a.text} in network {a.network}; release it first")
        if (length is not None and a.prefix.length != length) or (cidr is not None and a.prefix.text != cidr) or (
            address is not None and a.text != address
        ):
            raise AlreadyAllocated(f"key {a.key!r} already holds {a.text}; release it (dualstack ipam release) to change it")
        return a

    def _record(self, key: str, network: str, kind: str, prefix: Prefix, parent: Prefix, purpose: str) -> Allocation:
        a = Allocation(key, network, kind, prefix, parent, purpose)
        self.allocations[key] = a
        return a

    def _take_vrf(self, want: int | None = None) -> int:
        """A VRF id: ``want``, or the lowest free one.

        Lowest-free depends only on the ids in use, so a live namespace and one reloaded from its
        lock hand out the same next id. O(child networks) per call, and only when a network is made.
        """
        lo, hi = self.vrf_range
        if want is not None:
            if want in self._vrfs:
                raise AlreadyAllocated(f"vrf {want} is already in use")
            self._vrfs.add(want)
            return want
        v = lo
        while v in self._vrfs:
            v += 1
        if v > hi:
            raise NoPrefixAvailable(f"vrf: no free id left in {lo}-{hi}")
        self._vrfs.add(v)
        return v


def parse_relative(text: str, parents: Iterable[Prefix], field: str) -> Prefix:
    """``cidrsubnet(<parent expr>, newbits, netnum)`` back into a relative Prefix.

    ``<parent expr>`` is the text of one of ``parents``: a relative root's expression, or a
    relative prefix's own expression (nested form).
    """
    import re

    m = re.fullmatch(r"cidrsubnet\((.+), (\d+), (\d+)\)", text)
    if m:
        for parent in parents:
            if parent.is_relative and parent.text == m.group(1):
                newbits, netnum = int(m.group(2)), int(m.group(3))
                length = parent.length + newbits
                if length > parent.maxbits or netnum >= (1 << newbits):
                    break
                return parent.child(netnum << (parent.maxbits - length), length)
    raise InvalidPrefix(f"{field}: {text!r} is not a cidrsubnet() of a relative prefix of this network")
