"""The address plan: super networks, child networks, keyed prefixes and addresses.

Every allocation carries a key (``site/net/node-7``). Keys are the unit of stability: a key
that exists keeps its range for as long as it exists; new keys only take free space; a key
the plan no longer names stays allocated ("stale") until ``prune`` releases it, so space
freed today is never handed to someone else without a reviewed lock change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, NamedTuple

from . import terraform
from .buddy import BuddyPool
from .errors import (
    AlreadyAllocated,
    FamilyMismatch,
    InvalidPrefix,
    NoIPAvailable,
    NoPrefixAvailable,
    NotFound,
    NotOwner,
    Overlap,
)
from .keys import KEY_RE, MAX_KEY, check_id, check_key, check_owner, shown
from .prefix import FAMILY, MAXBITS, Prefix, family_version, format_address

#: uuid5 namespace for child network ids, so the same key gives the same id on any machine
NETWORK_ID_NAMESPACE = uuid.UUID("6b0d5c1e-4a54-5b0e-9c8e-2f3d1c0ffee6")
#: usage counts free space in blocks of these lengths (go-ipam's "smallest prefixes")
SMALLEST_PREFIX = {4: 30, 6: 126}
#: the family spellings the acquisition fast path takes (others go the long way, with its errors)
_FAST_FAMILY = {None: None, "ipv4": 4, "ipv6": 6, 4: 4, 6: 6}
#: VRF ids handed to child networks (below 20 stays free for infrastructure VRFs)
DEFAULT_VRF_RANGE = (20, 16_777_215)
#: who holds an allocation when nobody says: a plan file without ``owner:``
DEFAULT_OWNER = "plan"


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
    owner: str = DEFAULT_OWNER  # the plan (or ``dualstack ipam`` user) whose key this is

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
        """Bare HCL for this allocation (``constructs_lib.ipam.terraform.allocation_expr``)."""
        return terraform.allocation_expr(self, parent_expr)

    def tf(self, parent_expr: str | None = None) -> str:
        """What a Terraform string attribute takes: concrete text, or ``${expression}``."""
        return terraform.allocation_tf(self, parent_expr)


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
    #: a child network's one owner; the owners that declare a super network (sorted)
    owners: tuple[str, ...] = (DEFAULT_OWNER,)
    _by_version: dict[int, list[Prefix]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def families(self) -> list[str]:
        return [FAMILY[v] for v in dict.fromkeys(p.version for p in self.prefixes)]

    @property
    def owner(self) -> str:
        """The owner of a child network (a super network's first declaring owner)."""
        return self.owners[0]

    def prefixes_of(self, version: int) -> list[Prefix]:
        # cached: the hot path asks on every acquisition; Ipam clears it when a network grows
        try:
            return self._by_version[version]
        except KeyError:
            got = self._by_version[version] = [p for p in self.prefixes if p.version == version]
            return got


class Ipam:
    """One address namespace. Pure Python; persistence goes through a ``Store``.

    ``owner`` is who acts (a plan, or the ``dualstack ipam`` user): every key it creates is its
    own, and only its own keys can it release, prune or see as stale. Other owners' keys are in
    the namespace too, so nothing it takes can overlap them. ``networks``, ``allocations`` and
    ``ula`` are read-only views; change them only through the methods.
    """

    def __init__(self, vrf_range: tuple[int, int] = DEFAULT_VRF_RANGE, *, owner: str = DEFAULT_OWNER) -> None:
        check_owner(owner)
        self.owner = owner
        self._networks: dict[str, Network] = {}
        self._allocations: dict[str, Allocation] = {}
        self.networks: Mapping[str, Network] = MappingProxyType(self._networks)
        self.allocations: Mapping[str, Allocation] = MappingProxyType(self._allocations)
        self.vrf_range = vrf_range
        self._ula: dict[str, str] = {}  # name -> pinned RFC 4193 /48
        self.ula: Mapping[str, str] = MappingProxyType(self._ula)
        self._pools: dict[Prefix, BuddyPool] = {}
        self._network_of: dict[Prefix, str] = {}  # network prefix -> network id
        self._children: dict[Prefix, int] = {}  # prefix -> number of child prefixes
        self._ips: dict[Prefix, int] = {}  # prefix -> number of keyed addresses
        self._reserved: dict[Prefix, set[int]] = {}  # prefix -> reserved offsets taken out of its free space
        self._network_keys: dict[str, str] = {}  # key -> child network id
        self._supers: list[Prefix] = []
        self._parent_of: dict[Prefix, Prefix] = {}  # child network prefix -> the prefix it came from
        self._vrfs: set[int] = set()
        self._touched: set[str] = set()  # keys asked for since load: the rest are stale

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
        owners: Iterable[str] | None = None,
    ) -> Network:
        """Create a super network, declared by ``owners`` (default: this Ipam's owner).

        Raises ``InvalidPrefix`` (bad id or prefix), ``AlreadyAllocated`` (the id exists) or
        ``Overlap`` (a prefix overlaps another of the namespace).
        """
        check_id(id, "network id")
        if id in self._networks:
            raise AlreadyAllocated(f"network {id!r} already exists")
        parsed = self._parse_super_prefixes(id, prefixes)
        for i, p in enumerate(parsed):
            self._check_free_super(id, p, parsed[:i])
        lengths = self._child_lengths(id, default_child_prefix_length or {}, parsed)
        net = Network(
            id=id, prefixes=parsed, name=name, description=description, partition=partition, project=project,
            default_child_prefix_length=lengths, private_super=private_super, labels=dict(labels or {}),
            owners=tuple(sorted({check_owner(o, f"network {id}: owners[{i}]") for i, o in enumerate(owners)})) if owners else (self.owner,),
        )
        for p in parsed:
            self._add_pool(p, id)
            self._supers.append(p)
        self._networks[id] = net
        return net

    def declare_network(self, id: str, prefixes: Iterable[str | Prefix], **attributes) -> Network:
        """A super network as this owner's plan declares it: created, joined, grown or shrunk.

        - absent: created, owned by this owner;
        - the same prefixes: this owner joins its ``owners``; names and labels must agree with
          the other owners' (its only owner may change them: they steer future allocations only);
        - more prefixes: the network grows (metal-stack's networks grow over time);
        - fewer prefixes: its only owner drops them (each must hold nothing); with other owners
          the network keeps them: another owner grew it, and this plan need not follow each growth.
          A declaration that names none of a shared network's prefixes is refused (another network).
        Raises ``AlreadyAllocated`` naming the other owners when the declarations differ, and what
        ``create_network`` raises.
        """
        if id not in self._networks:
            return self.create_network(id, prefixes, **attributes)
        net = self.network(id)
        if net.parent is not None:
            raise AlreadyAllocated(f"network {id!r} is a child network of {net.parent}, not a super network")
        want = self._parse_super_prefixes(id, prefixes)
        others = [o for o in net.owners if o != self.owner]
        scratch = Ipam(owner=self.owner).create_network(id, want, **attributes)  # checks the attributes alone
        differ = [a for a in ("name", "description", "partition", "project", "labels", "private_super", "default_child_prefix_length")
                  if getattr(scratch, a) != getattr(net, a)]
        if differ and others:
            a = differ[0]
            raise AlreadyAllocated(f"network {id}: {a} {_show(getattr(scratch, a))} differs from {_show(getattr(net, a))} "
                                   f"declared by {', '.join(others)}; declare it the same way as they do")
        if others and not any(p in net.prefixes for p in want):
            # growth keeps what the network holds; a declaration sharing nothing with it is another network (a typo?)
            raise AlreadyAllocated(f"network {id}: declared by {', '.join(others)} with {', '.join(p.text for p in net.prefixes)}; "
                                   f"this plan ({self.owner}) declares none of them ({', '.join(p.text for p in want)}); "
                                   "declare the network's prefixes (and any to grow it by), or give another id")
        dropped = [p for p in net.prefixes if p not in want] if not others else []
        if self.owner not in net.owners:  # joins first: a plan may join and grow in one run (a failure writes nothing)
            net.owners = tuple(sorted({*net.owners, self.owner}))
        for p in want:
            if p not in net.prefixes:
                self.add_prefix(id, p)
        for p in dropped:
            self.remove_prefix(id, p)
        for a in differ:
            setattr(net, a, getattr(scratch, a))
        return net

    def add_prefix(self, id: str, prefix: str | Prefix) -> Network:
        """Grow a super network by a prefix. Raises ``Overlap``, ``InvalidPrefix``, ``NotFound``, ``NotOwner``."""
        net, p = self._super_prefix(id, prefix, "a child network grows with grow_network(), not add_prefix()")
        if p in net.prefixes:
            return net
        self._check_free_super(id, p, net.prefixes)
        net.prefixes.append(p)
        net._by_version.clear()
        self._add_pool(p, id)
        self._supers.append(p)
        return net

    def remove_prefix(self, id: str, prefix: str | Prefix) -> Network:
        """Drop a super network's prefix that holds nothing. Raises ``AlreadyAllocated`` listing what it holds,
        ``NotFound``, ``NotOwner``, ``InvalidPrefix``."""
        net, p = self._super_prefix(id, prefix, "a child network keeps its prefixes; release it instead")
        if p not in net.prefixes:
            raise NotFound(f"network {id}: has no prefix {p} ({', '.join(q.text for q in net.prefixes)})")
        held = self.children_of(p)
        if held:
            keys = ", ".join(k for k, _, _ in held[:5]) + (" ..." if len(held) > 5 else "")
            raise AlreadyAllocated(f"network {id}: prefix {p} still holds {len(held)} allocation(s) ({keys}); release them first")
        if len(net.prefixes) == 1:
            raise InvalidPrefix(f"network {id}: {p} is its only prefix; a network keeps at least one")
        net.prefixes.remove(p)
        net._by_version.clear()
        self._supers.remove(p)
        del self._pools[p], self._network_of[p], self._children[p], self._ips[p]
        self._reserved.pop(p, None)
        return net

    def _super_prefix(self, id: str, prefix: str | Prefix, child_hint: str) -> tuple[Network, Prefix]:
        """The super network ``id`` this owner may change, and ``prefix`` parsed."""
        net = self.network(id)
        if net.parent is not None:
            raise InvalidPrefix(f"network {id}: {child_hint}")
        self._check_may_change(net)
        return net, prefix if isinstance(prefix, Prefix) else Prefix.parse(prefix, f"network {id}: prefix")

    def update_network(self, id: str, **attributes) -> Network:
        """Change a network's descriptive fields (name, description, partition, project, labels).

        Raises ``NotOwner`` when another owner holds it, ``InvalidPrefix`` for an unknown field."""
        net = self.network(id)
        self._check_may_change(net)
        for a, v in attributes.items():
            if a not in ("name", "description", "partition", "project", "labels"):
                raise InvalidPrefix(f"network {id}: {a} cannot be updated")
            setattr(net, a, dict(v) if a == "labels" else v)
        return net

    def pin_ula(self, name: str, generate: Callable[[], str]) -> str:
        """The RFC 4193 /48 pinned under ``name``: generated once by ``generate``, then kept forever."""
        check_id(name, "ula name")
        if name not in self._ula:
            text = generate()
            p = Prefix.parse(text, f"ula {name}")
            if p.version != 6 or p.length != 48 or p.base >> 120 != 0xFD:
                raise InvalidPrefix(f"ula {name}: {text!r} is not an RFC 4193 /48")
            self._ula[name] = text
        return self._ula[name]

    def networks_containing(self, prefix: Prefix) -> list[Network]:
        """Every network with a prefix that holds ``prefix`` (outermost first)."""
        out = [n for n in self._networks.values() for p in n.prefixes if p.contains(prefix)]
        return sorted(out, key=lambda n: min(p.length for p in n.prefixes if p.contains(prefix)))

    def _parse_super_prefixes(self, id: str, prefixes: Iterable[str | Prefix]) -> list[Prefix]:
        parsed = [p if isinstance(p, Prefix) else Prefix.parse(p, f"network {id}: prefixes[{i}]") for i, p in enumerate(prefixes)]
        if not parsed:
            raise InvalidPrefix(f"network {id}: prefixes must name at least one prefix")
        return parsed

    def _check_free_super(self, id: str, p: Prefix, same: Iterable[Prefix]) -> None:
        for q in same:
            if p.overlaps(q):
                raise Overlap(f"network {id}: prefix {p} overlaps {q} of the same network")
        for q in self._supers:
            if p.overlaps(q):
                raise Overlap(f"network {id}: prefix {p} overlaps {q} of network {self._network_of[q]}")

    def _check_may_change(self, net: Network) -> None:
        if self.owner not in net.owners:
            raise NotOwner(f"network {net.id} belongs to {', '.join(net.owners)}, not to {self.owner}", holder=net.owners[0])

    @staticmethod
    def _child_lengths(id: str, given: Mapping[str | int, int], prefixes: list[Prefix]) -> dict[int, int]:
        out: dict[int, int] = {}
        for fam, length in given.items():
            v = family_version(fam, f"network {id}: defaultchildprefixlength")
            if v in out:  # {ipv4: 22, IPv4: 23}: two spellings of one family, neither wins silently
                raise InvalidPrefix(f"network {id}: defaultchildprefixlength: {FAMILY[v]} given twice ({fam!r}); give it once")
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
        self._network_of[p] = network_id
        self._children.setdefault(p, 0)
        self._ips.setdefault(p, 0)

    def network(self, id: str) -> Network:
        try:
            return self._networks[id]
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
        """A child network with one child prefix per family, all or nothing; the same key gives the same network.

        Raises ``InvalidKey``, ``NotFound`` (no such parent), ``NotOwner`` (another owner's key),
        ``AlreadyAllocated`` (the key holds something else), ``FamilyMismatch``, ``InvalidPrefix``
        (no length), ``NoPrefixAvailable`` (nothing is taken then).
        """
        check_key(key)
        if key in self._network_keys:
            self._check_owner_of(key)
            self._touched.add(key)
            return self._existing_network(key, parent, lengths)
        self._touched.add(key)
        if key in self._allocations:
            self._check_owner_of(key)
            raise AlreadyAllocated(f"key {key!r} already holds {self._allocations[key].text}, not a network")
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
                raise InvalidPrefix(f"network {key}: no length for {FAMILY[v]} and parent {parent} has no defaultchildprefixlength.{FAMILY[v]}; give a length for {FAMILY[v]}")
            plan.append((v, length))
        id = check_id(id, "network id") if id is not None else str(uuid.uuid5(NETWORK_ID_NAMESPACE, key))
        if id in self._networks:
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
            project=project, parent=parent, key=key, vrf=self._take_vrf(), labels=dict(labels or {}), owners=(self.owner,),
        )
        self._register_child_network(net, taken)
        return net

    def grow_network(self, key: str, lengths: Mapping[str | int, int]) -> Network:
        """Give the child network ``key`` one more prefix per family in ``lengths`` (all or nothing).

        Growing never renumbers: what the network holds stays where it is; new addresses come
        from the new prefixes once the old ones are full. Raises what ``allocate_network`` raises.
        """
        net = self.network_by_key(key)
        self._check_owner_of(key)
        par = self.network(net.parent)
        taken: list[tuple[Prefix, Prefix]] = []
        try:
            for f, length in sorted(lengths.items(), key=lambda kv: family_version(kv[0])):
                v = family_version(f, f"network {key}: lengths")
                if not net.prefixes_of(v):
                    raise FamilyMismatch(f"network {key}: has no {FAMILY[v]} prefix to grow; it was made without {FAMILY[v]}")
                taken.append(self._take_child(par, v, length, what=f"network {key}"))
        except Exception:
            for parent_prefix, child in taken:
                self._give_back(parent_prefix, child)
                self._sync_reserved(parent_prefix)
            raise
        for parent_prefix, p in taken:
            net.prefixes.append(p)
            self._parent_of[p] = parent_prefix
            self._add_pool(p, net.id)
        net._by_version.clear()
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
        owner: str = DEFAULT_OWNER,
        what: str = "",
    ) -> Network:
        """A child network exactly as a lock records it: its prefixes at their places, its VRF, its owner.

        Not a use of the key (it is not marked as asked for). Raises ``AlreadyAllocated`` (key or
        place taken), ``InvalidPrefix`` (outside the parent), ``NotFound`` (no parent)."""
        where = what or f"network {id}"
        check_id(id, f"{where}: id")
        check_key(key, f"{where}.key")
        check_owner(owner, f"{where}.owner")
        if key in self._network_keys or key in self._allocations:
            raise AlreadyAllocated(f"{where}.key: {key!r} is used twice")
        par = self.network(parent)
        taken = [(self._take_exact(par, p, f"{where}.prefixes"), p) for p in prefixes]
        net = Network(
            id=id, prefixes=prefixes, name=name, description=description, partition=partition, project=project,
            parent=parent, key=key, vrf=self._take_vrf(vrf) if vrf is not None else None, labels=dict(labels or {}),
            default_child_prefix_length={family_version(f): n for f, n in (default_child_prefix_length or {}).items()},
            owners=(owner,),
        )
        self._register_child_network(net, taken)
        return net

    def _existing_network(self, key: str, parent: str, lengths: Mapping[str | int, int] | None) -> Network:
        net = self._networks[self._network_keys[key]]
        if net.parent != parent:
            raise AlreadyAllocated(f"key {key!r} is network {net.id} in {net.parent}, not in {parent}; release it first")
        for f, n in (lengths or {}).items():
            v = family_version(f)
            have = [p.length for p in net.prefixes_of(v)]
            if have and have[0] != n:
                raise AlreadyAllocated(
                    f"key {key!r} already holds {net.prefixes_of(v)[0]} (/{have[0]}), not /{n}; release it first to resize it "
                    "(resizing renumbers everything in it: grow it by another prefix instead)"
                )
        return net

    def _register_child_network(self, net: Network, taken: list[tuple[Prefix, Prefix]]) -> None:
        for parent_prefix, p in taken:
            self._parent_of[p] = parent_prefix
            self._add_pool(p, net.id)
        self._networks[net.id] = net
        self._network_keys[net.key] = net.id

    def release_network(self, id: str, *, recursive: bool = False) -> list[tuple[str, str]]:
        """Release a child network; with ``recursive``, everything that hangs under it first.

        Returns ``(key, text)`` of everything released, deepest first. Raises ``AlreadyAllocated``
        listing what it holds (without ``recursive``), ``NotOwner`` (it or something under it is
        another owner's), ``NotFound``, or for a super network ``AlreadyAllocated``.
        """
        net = self.network(id)
        if net.parent is None:
            raise AlreadyAllocated(f"network {id} is a super network; only child networks are released")
        if self.owner not in net.owners:
            raise NotOwner(f"network {id} (key {net.key}) belongs to {net.owner}, not to {self.owner}", holder=net.owner)
        under = self._held_by(net)
        foreign = [k for k, _ in under if self._key_owner(k) != self.owner]
        if foreign and not recursive:  # somebody else's key keeps it (a prune of a site another team uses)
            holder = self._key_owner(foreign[0])
            raise NotOwner(f"network {net.key or id} still holds {foreign[0]}, which belongs to {holder}, not to {self.owner}; "
                           f"{holder} releases it first (dualstack ipam --owner {holder} release {foreign[0]})", holder=holder)
        if under and not recursive:
            keys = ", ".join(k for k, _ in under[:5]) + (f" and {len(under) - 5} more" if len(under) > 5 else "")
            raise AlreadyAllocated(f"network {net.key or id} still holds allocations ({len(under)}: {keys}); "
                                   "release them first, or release recursively")
        if foreign:
            raise NotOwner(f"network {net.key or id}: {foreign[0]} under it belongs to {self._key_owner(foreign[0])}, not to {self.owner}",
                           holder=self._key_owner(foreign[0]))
        freed: list[tuple[str, str]] = []
        for k, _ in under:  # deepest first: _held_by lists children before their parents
            if k in self._allocations:
                freed.append((k, self._allocations[k].text))
                self._release_allocation(self._allocations[k])
            else:
                child = self._networks[self._network_keys[k]]
                freed.append((k, ", ".join(p.text for p in child.prefixes)))
                self._drop_network(child)
        freed.append((net.key or id, ", ".join(p.text for p in net.prefixes)))
        self._drop_network(net)
        return freed

    def _held_by(self, net: Network) -> list[tuple[str, Prefix]]:
        """Every key under ``net`` (allocations and child networks, any depth), deepest first."""
        out: list[tuple[str, Prefix]] = []
        mine = set(net.prefixes)
        for child_prefix, parent_prefix in list(self._parent_of.items()):
            if parent_prefix in mine:
                child = self._networks[self._network_of[child_prefix]]
                if all(k != child.key for k, _ in out):
                    out += self._held_by(child)
                    out.append((child.key, child_prefix))
        out += [(a.key, a.prefix) for a in self._allocations.values() if a.parent in mine]
        return out

    def _drop_network(self, net: Network) -> None:
        for p in net.prefixes:
            parent_prefix = self._parent_of[p]
            del self._pools[p], self._network_of[p], self._children[p], self._ips[p], self._parent_of[p]
            self._reserved.pop(p, None)
            self._give_back(parent_prefix, p)
            self._sync_reserved(parent_prefix)
        if net.vrf is not None:
            self._vrfs.discard(net.vrf)
        del self._networks[net.id]
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
        """A keyed child prefix: of ``length`` (or the family default), or exactly ``cidr``.

        The same key gives the same prefix. Raises ``InvalidKey``, ``NotFound``, ``NotOwner``
        (another owner's key), ``AlreadyAllocated`` (the key holds something else, or ``cidr`` is
        taken), ``FamilyMismatch``, ``InvalidPrefix``, ``NoPrefixAvailable``.
        """
        existing = self._allocations.get(key)
        net = self._networks.get(network)
        if existing is None and net is not None and cidr is None and length.__class__ is int and family in _FAST_FAMILY and key not in self._network_keys:
            # fast path (fleets of thousands): a new key, a length, one family to take it from;
            # anything unusual (errors included) goes the long way below
            v = _FAST_FAMILY[family]
            ps = net.prefixes_of(v if v is not None else 4 if net.prefixes_of(4) else 6)
            if ps and not (family is None and len(ps) != len(net.prefixes)) and key.__class__ is str and len(key) <= MAX_KEY and KEY_RE.fullmatch(key):
                for p in ps:
                    if length > p.length and length <= p.maxbits:
                        off = self._pools[p].acquire(length)
                        if off is not None:
                            self._children[p] += 1
                            self._touched.add(key)
                            a = self._allocations[key] = Allocation(
                                key, network, "prefix", Prefix(p.version, p.base + off, length, p.root), p, purpose, self.owner)
                            return a
        check_key(key)
        if existing is not None or key in self._network_keys:
            self._check_owner_of(key)
        self._touched.add(key)
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

        Default family: IPv4, unless the network has IPv6 prefixes only; the prefixes of a family
        are used in order, so a grown network's new prefix serves only once the first is full.
        The same key gives the same address. Raises ``InvalidKey``, ``NotFound``, ``NotOwner``,
        ``AlreadyAllocated`` (key holds something else, address taken or reserved),
        ``FamilyMismatch``, ``InvalidPrefix``, ``NoIPAvailable``.
        """
        check_key(key)
        existing = self._allocations.get(key)
        if existing is not None or key in self._network_keys:
            self._check_owner_of(key)
        self._touched.add(key)
        net = self.network(network)
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

    # -- restoring a lock ---------------------------------------------------------------
    def restore_allocation(self, key: str, network: str, kind: str, text: str, *, purpose: str = "", owner: str = DEFAULT_OWNER,
                           what: str = "") -> Allocation:
        """An allocation exactly as a lock records it, for its recorded owner; not a use of the key.

        Raises ``InvalidKey``, ``AlreadyAllocated`` (key or place taken), ``InvalidPrefix``, ``NotFound``."""
        where = what or key
        check_key(key, f"{where}: key")
        check_owner(owner, f"{where}.owner")
        if key in self._allocations or key in self._network_keys:
            raise AlreadyAllocated(f"{where}: key {key!r} is used twice")
        acting, self.owner = self.owner, owner
        try:
            if kind == "ip":
                a = self.acquire_ip(network, key, address=text, purpose=purpose)
            else:
                a = self.acquire_prefix(network, key, cidr=text, purpose=purpose)
        finally:
            self.owner = acting
        self._touched.discard(key)
        return a

    def loaded(self) -> None:
        """Mark the namespace as freshly loaded: no key asked for yet (the rest is the run's)."""
        self._touched.clear()

    # -- release, stale keys ---------------------------------------------------------------
    def release(self, key: str, *, recursive: bool = False) -> list[tuple[str, str]]:
        """Release a keyed prefix, address or child network (``recursive``: with what hangs under it).

        Returns ``(key, text)`` of everything released. Raises ``NotFound``, ``NotOwner`` (another
        owner's key), ``AlreadyAllocated`` (a network that still holds allocations)."""
        if key in self._network_keys:
            return self.release_network(self._network_keys[key], recursive=recursive)
        alloc = self._allocations.get(key)
        if alloc is None:
            raise NotFound(f"key {key!r} not found")
        self._check_owner_of(key)
        if alloc.kind == "prefix" and alloc.prefix in self._pools:
            raise AlreadyAllocated(f"key {key!r}: {alloc.text} is itself a parent; release its children first")
        self._release_allocation(alloc)
        return [(key, alloc.text)]

    def _release_allocation(self, alloc: Allocation) -> None:
        p = alloc.parent
        self._pools[p].release(alloc.prefix.base - p.base)
        if alloc.kind == "ip":
            self._ips[p] -= 1
        else:
            self._children[p] -= 1
        self._sync_reserved(p)
        del self._allocations[alloc.key]

    def keys(self) -> set[str]:
        """Every key of the namespace, every owner's."""
        return set(self._allocations) | set(self._network_keys)

    def own_keys(self) -> set[str]:
        """The keys this owner holds."""
        me = self.owner
        return {k for k, a in self._allocations.items() if a.owner == me} | {
            k for k, id in self._network_keys.items() if self._networks[id].owner == me}

    def key_owner(self, key: str) -> str:
        """Who holds ``key``. Raises ``NotFound``."""
        if key not in self._allocations and key not in self._network_keys:
            raise NotFound(f"key {key!r} not found")
        return self._key_owner(key)

    def _key_owner(self, key: str) -> str:
        a = self._allocations.get(key)
        return a.owner if a is not None else self._networks[self._network_keys[key]].owner

    def _check_owner_of(self, key: str) -> None:
        owner = self._key_owner(key)
        if owner != self.owner:
            raise NotOwner(f"key {key!r} belongs to {owner}, not to {self.owner}", holder=owner)

    def stale_keys(self) -> list[str]:
        """This owner's keys that nobody asked for since load: kept until ``prune``.

        Other owners' keys are never stale for it."""
        return sorted(self.own_keys() - self._touched)

    def prune(self) -> list[str]:
        """Release this owner's stale keys (deepest first). Returns what was released."""
        stale = self.stale_keys()
        stale_nets = [k for k in stale if k in self._network_keys]
        for k in stale:
            if k in self._allocations:
                self.release(k)
        for k in sorted(stale_nets, key=lambda k: -self._depth(self._network_keys[k])):
            self.release(k)
        return stale

    def _depth(self, id: str) -> int:
        d, net = 0, self._networks[id]
        while net.parent is not None:
            d, net = d + 1, self._networks[net.parent]
        return d

    # -- lookups and usage --------------------------------------------------------------
    def get(self, key: str) -> Allocation:
        try:
            return self._allocations[key]
        except KeyError:
            raise NotFound(f"key {key!r} not found") from None

    def network_by_key(self, key: str) -> Network:
        try:
            return self._networks[self._network_keys[key]]
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
        out = [(self._networks[self._network_of[p]].key, p, "network") for p, parent in self._parent_of.items() if parent == prefix]
        out += [(a.key, a.prefix, a.kind) for a in self._allocations.values() if a.parent == prefix]
        return sorted(out, key=lambda t: (t[1].base, t[1].length))

    # -- helpers ---------------------------------------------------------------------------
    def _family(self, net: Network, family: str | int, field: str) -> int:
        v = family_version(family, field)
        if not net.prefixes_of(v):
            raise FamilyMismatch(f"{field}: network {net.id} has no {FAMILY[v]} prefix ({', '.join(str(p) for p in net.prefixes)})")
        return v

    def _parse_in(self, net: Network, text: str, field: str) -> Prefix:
        """Parse a concrete CIDR, or the expression form of a prefix inside a relative root."""
        if text.startswith("cidrsubnet("):
            return parse_relative(text, net.prefixes, field)
        return Prefix.parse(text, field)

    def _parse_ip_in(self, net: Network, text: str, field: str) -> Prefix:
        """Parse a concrete address, or ``cidrhost(<prefix expr>, n)`` inside a relative prefix."""
        if text.startswith("cidrhost("):
            p = terraform.parse_cidrhost(text, net.prefixes)
            if p is None:
                raise InvalidPrefix(f"{field}: {text!r} is not a cidrhost() of a relative prefix of network {net.id}")
            return p
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
            raise AlreadyAllocated(f"key {a.key!r} already holds {a.text}; release it first to change it")
        return a

    def _record(self, key: str, network: str, kind: str, prefix: Prefix, parent: Prefix, purpose: str) -> Allocation:
        a = Allocation(key, network, kind, prefix, parent, purpose, self.owner)
        self._allocations[key] = a
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
    """``cidrsubnet(<parent expr>, newbits, netnum)`` back into a relative Prefix inside one of ``parents``.

    Raises ``InvalidPrefix`` naming ``field`` when it is not one.
    """
    parents = list(parents)
    p = terraform.parse_cidrsubnet(text, terraform.relative_roots(parents))
    if p is None or not any(q.contains(p) for q in parents):
        raise InvalidPrefix(f"{field}: {text!r} is not a cidrsubnet() of a relative prefix of this network")
    return p


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{FAMILY.get(k, k)}: {v}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    return shown(value)
