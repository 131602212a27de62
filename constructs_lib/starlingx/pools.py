"""StarlingX platform address pools and platform networks (seed 002). Pure Python.

An ``AddressPool`` is one subnet of one family with allocation ranges, an order
(``sequential`` or ``random``) and reserved role addresses (gateway, floating,
controller-0, controller-1). A ``PlatformNetwork`` holds a primary pool whose family never
changes and an optional secondary pool of the other family; ``PlatformNetworks`` holds the
whole system and enforces that all primary pools share one family and that pxeboot is
IPv4-only. ``parse_bootstrap`` reads the bootstrap form (``management_subnet:
fd01::/64,198.51.0.0/24``), where the order of the values decides primary and secondary.

Defaults and rules follow StarlingX (sysinv and the bootstrap playbook):
- ranges: one range from the second to the next-to-last address of the subnet (sysinv's
  default for ``addrpool-add``; the bootstrap form derives the IPv6 end as the last address);
  nothing may take the subnet's first address, nor an IPv4 subnet's broadcast address;
- floating and controller addresses lie inside the ranges (a gateway need not);
- order: ``random`` (sysinv's default), seeded here by the pool name so it is reproducible;
- floating, controller-0, controller-1: when not given, the lowest free addresses of the
  ranges in that order (sysinv allocates them sequentially when the network is created);
  no gateway unless given.
"""

from __future__ import annotations

import difflib
import hashlib
from bisect import bisect_right
from heapq import heapify, heappop, heappush
from typing import Any, Iterable, Iterator, Mapping, Sequence

from constructs_lib.ipam.errors import AlreadyAllocated, FamilyMismatch, InvalidPrefix, NoIPAvailable, NotFound, Overlap
from constructs_lib.ipam.prefix import FAMILY, Prefix, format_address

ORDERS = ("sequential", "random")
#: sysinv's DEFAULT_ALLOCATION_ORDER
DEFAULT_ORDER = "random"
ROLES = ("gateway", "floating", "controller-0", "controller-1")
#: the names ``system addrpool-add`` / ``addrpool-modify`` use for the role addresses
ROLE_FIELDS = {
    "gateway": "gateway_address",
    "floating": "floating_address",
    "controller-0": "controller0_address",
    "controller-1": "controller1_address",
}
#: roles sysinv fills from the ranges, in this order, when the user gives none
DEFAULT_ROLES = ("floating", "controller-0", "controller-1")
NETWORK_TYPES = (
    "mgmt", "oam", "cluster-host", "cluster-pod", "cluster-service", "pxeboot", "admin", "multicast",
    "storage", "system-controller", "system-controller-oam", "ironic", "other",
)
#: pxeboot supports IPv4 only (seed 002)
IPV4_ONLY_TYPES = ("pxeboot",)


def _fam(version: int) -> str:
    return f"IPv{version}"


def _check_key(key: str) -> None:
    if not isinstance(key, str) or not key or key != key.strip() or any(c in key for c in "\n\r\t"):
        raise InvalidPrefix(f"key: {key!r} must be a non-empty single-line string without surrounding spaces")


class KeyedPermutation:
    """A bijection of ``[0, n)`` chosen by a key: a 4-round balanced Feistel network over the
    smallest even-width power of two >= n, cycle-walked back into range (fewer than 4 steps
    expected). O(1) per element in time and memory, whatever ``n`` is (a /64 has 2**64)."""

    ROUNDS = 4

    __slots__ = ("n", "_key", "_half", "_mask", "_digest")

    def __init__(self, n: int, key: bytes) -> None:
        if n < 1:
            raise ValueError("permutation of an empty range")
        bits = max(2, (n - 1).bit_length())
        bits += bits & 1
        self.n = n
        self._key = hashlib.sha256(key).digest()
        self._half = bits // 2
        self._mask = (1 << self._half) - 1
        self._digest = max(1, (self._half + 7) // 8)

    def _f(self, i: int, r: int) -> int:
        h = hashlib.blake2b(bytes((i,)) + r.to_bytes(16, "big"), key=self._key, digest_size=self._digest)
        return int.from_bytes(h.digest(), "big") & self._mask

    def _encrypt(self, x: int) -> int:
        left, right = x >> self._half, x & self._mask
        for i in range(self.ROUNDS):
            left, right = right, left ^ self._f(i, right)
        return (left << self._half) | right

    def _decrypt(self, y: int) -> int:
        left, right = y >> self._half, y & self._mask
        for i in reversed(range(self.ROUNDS)):
            left, right = right ^ self._f(i, left), left
        return (left << self._half) | right

    def __call__(self, x: int) -> int:
        y = self._encrypt(x)
        while y >= self.n:
            y = self._encrypt(y)
        return y

    def inverse(self, y: int) -> int:
        x = self._decrypt(y)
        while x >= self.n:
            x = self._decrypt(x)
        return x


class AddressPool:
    """One StarlingX address pool: one family, ranges, an order, reserved role addresses, and
    keyed allocation from the ranges.

    ``network`` is a CIDR (``fd01::/64``) or, as in ``system addrpool-add``, a network address
    with ``prefix`` (``"171.168.204.0", 24``). ``ranges`` are ``"start-end"`` strings or
    ``(start, end)`` pairs (default: the second to the next-to-last address of the subnet).
    ``order`` is ``random`` (default, as in sysinv) or ``sequential``; the random order is a
    keyed permutation of the ranges seeded by ``seed`` (default: the pool name), so the same
    pool hands out the same addresses on every run and machine. Role addresses are never
    handed out; ``floating``/``controller0``/``controller1`` default to the lowest free
    addresses of the ranges unless ``default_roles=False``. ``fields`` renames fields in error
    messages (``"ranges"``, ``"network"`` or a role name -> label; the bootstrap parser passes
    its keys).

    Allocation is the lowest free address under the pool's order (by address when
    sequential, by permutation rank when random); a cursor plus a heap of returned ranks
    keeps every operation O(log n) with no list of the range.
    """

    def __init__(
        self,
        name: str,
        network: str | Prefix,
        prefix: int | None = None,
        *,
        ranges: Iterable[str | Sequence[str]] | None = None,
        order: str = DEFAULT_ORDER,
        seed: int | str | None = None,
        gateway: str | None = None,
        floating: str | None = None,
        controller0: str | None = None,
        controller1: str | None = None,
        default_roles: bool = True,
        fields: Mapping[str, str] | None = None,
    ) -> None:
        if not isinstance(name, str) or not name or name != name.strip():
            raise InvalidPrefix(f"addrpool: name {name!r} must be a non-empty string without surrounding spaces")
        self.name = name
        self._fields = dict(fields or {})
        self.subnet = self._parse_subnet(network, prefix)
        if order not in ORDERS:
            raise InvalidPrefix(f"addrpool {name}: order: {order!r} is not an allocation order; use sequential or random")
        self.order = order
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, str))):
            raise InvalidPrefix(f"addrpool {name}: seed: {seed!r} must be an integer or a string")
        self.seed = seed
        self._set_ranges(ranges)
        self._roles: dict[str, int] = {}
        given = {"gateway": gateway, "floating": floating, "controller-0": controller0, "controller-1": controller1}
        for role in ROLES:
            if given[role] is not None:
                value = self._parse_role(role, given[role])
                if role != "gateway" and self._addr_to_index(value) is None:
                    # sysinv: floating and controller addresses lie inside the ranges; a gateway need not
                    raise InvalidPrefix(
                        f"{self._label(role, ROLE_FIELDS[role])}: {given[role]!r} is outside the ranges "
                        f"{', '.join(self.ranges_text)}; StarlingX keeps floating and controller addresses inside them"
                    )
                self._add_role(role, value)
        if default_roles:
            self._fill_default_roles()
        self._reserved = {a: r for r, a in self._roles.items()}
        seed_text = f"str:{name}" if seed is None else f"{type(seed).__name__}:{seed}"
        self._perm = KeyedPermutation(self.size, f"starlingx-addrpool/{seed_text}".encode()) if order == "random" else None
        self._by_key: dict[str, int] = {}
        self._by_addr: dict[int, str] = {}
        self._next = 0  # every rank below this is allocated, reserved or in _returned
        self._returned: list[int] = []

    # -- construction helpers ------------------------------------------------------------
    def _label(self, what: str, default: str) -> str:
        return self._fields.get(what) or f"addrpool {self.name}: {default}"

    def _parse_subnet(self, network: str | Prefix, prefix: int | None) -> Prefix:
        label = self._label("network", "network")
        if isinstance(network, Prefix):
            subnet = network
        else:
            text = network if prefix is None else f"{network}/{prefix}"
            subnet = Prefix.parse(text, label)
        if subnet.is_relative:
            raise InvalidPrefix(f"{label}: {subnet.text!r} is relative; a StarlingX pool needs a concrete subnet")
        if subnet.num_addresses < 4:
            raise InvalidPrefix(
                f"{label}: {subnet.text!r} is too small for an address pool; it needs at least 4 addresses "
                f"(/{subnet.maxbits - 2} or shorter)"
            )
        return subnet

    def _address(self, text: Any, label: str) -> int:
        """Parse one address of this pool's family inside the subnet, not its first or last address."""
        if not isinstance(text, str):
            raise InvalidPrefix(f"{label}: {text!r} is not an IP address")
        v, value = Prefix.parse_address(text, label)
        if v != self.subnet.version:
            raise FamilyMismatch(
                f"{label}: {text!r} is {_fam(v)} but pool {self.name} is {_fam(self.subnet.version)} ({self.subnet}); "
                "a pool holds one family"
            )
        if not self.subnet.base <= value <= self.subnet.last:
            raise InvalidPrefix(f"{label}: {text!r} is outside the pool's subnet {self.subnet}")
        # sysinv refuses the network address, and the broadcast of IPv4; an IPv6 pool may use its last address
        if value == self.subnet.base:
            raise InvalidPrefix(f"{label}: {text!r} is the first (subnet) address of {self.subnet}; StarlingX never assigns it")
        if value == self.subnet.last and self.subnet.version == 4:
            raise InvalidPrefix(f"{label}: {text!r} is the broadcast address of {self.subnet}; StarlingX never assigns it")
        return value

    def _set_ranges(self, ranges: Iterable[str | Sequence[str]] | None) -> None:
        if ranges is None or isinstance(ranges, str):
            ranges = [ranges] if isinstance(ranges, str) else []
        parsed: list[tuple[int, int, str]] = []
        for i, r in enumerate(ranges):
            label = self._label("ranges", f"ranges[{i}]")
            if isinstance(r, str):
                parts = r.split("-")
                if len(parts) != 2:
                    raise InvalidPrefix(f"{label}: {r!r} is not a range; write start-end, e.g. 192.168.204.2-192.168.204.254")
                start_text, end_text = parts
            elif isinstance(r, Sequence) and len(r) == 2:
                start_text, end_text = r
            else:
                raise InvalidPrefix(f"{label}: {r!r} is not a range; write start-end or a (start, end) pair")
            shown = f"{start_text}-{end_text}"
            start = self._address(start_text, self._fields.get("range_start") or f"{label} start")
            end = self._address(end_text, self._fields.get("range_end") or f"{label} end")
            if start > end:
                raise InvalidPrefix(f"{label}: {shown!r}: the start is after the end; swap them")
            parsed.append((start, end, shown))
        if not parsed:
            # sysinv _make_default_range: second to next-to-last address of the subnet
            parsed.append((self.subnet.base + 1, self.subnet.last - 1, "default"))
        parsed.sort()
        for (s0, e0, t0), (s1, e1, t1) in zip(parsed, parsed[1:]):
            if s1 <= e0:
                raise Overlap(f"{self._label('ranges', 'ranges')}: {t1!r} overlaps {t0!r}; ranges of a pool must not overlap")
        self._starts = [s for s, _, _ in parsed]
        self._ends = [e for _, e, _ in parsed]
        self._offsets: list[int] = []
        total = 0
        for s, e in zip(self._starts, self._ends):
            self._offsets.append(total)
            total += e - s + 1
        self.size = total

    def _parse_role(self, role: str, text: str) -> int:
        return self._address(text, self._label(role, ROLE_FIELDS[role]))

    def _add_role(self, role: str, value: int) -> None:
        for other, taken in self._roles.items():
            if taken == value:
                raise AlreadyAllocated(
                    f"{self._label(role, ROLE_FIELDS[role])}: {self._text(value)!r} is already the pool's "
                    f"{ROLE_FIELDS[other]}; each role needs its own address"
                )
        self._roles[role] = value

    def _fill_default_roles(self) -> None:
        """sysinv allocates the missing floating/controller addresses sequentially from the ranges."""
        taken = set(self._roles.values())
        missing = [r for r in DEFAULT_ROLES if r not in self._roles]
        index = 0
        for role in missing:
            while index < self.size and self._index_to_addr(index) in taken:
                index += 1
            if index >= self.size:
                raise NoIPAvailable(
                    f"addrpool {self.name}: ranges {', '.join(self.ranges_text)} leave no address for the default "
                    f"{ROLE_FIELDS[role]}; widen the ranges or give it"
                )
            value = self._index_to_addr(index)
            self._roles[role] = value
            taken.add(value)

    # -- address <-> index ---------------------------------------------------------------
    def _text(self, value: int) -> str:
        return format_address(self.subnet.version, value)

    def _index_to_addr(self, index: int) -> int:
        i = bisect_right(self._offsets, index) - 1
        return self._starts[i] + index - self._offsets[i]

    def _addr_to_index(self, value: int) -> int | None:
        i = bisect_right(self._starts, value) - 1
        if i < 0 or value > self._ends[i]:
            return None
        return self._offsets[i] + value - self._starts[i]

    def _rank_to_addr(self, rank: int) -> int:
        return self._index_to_addr(self._perm(rank) if self._perm else rank)

    def _addr_to_rank(self, value: int) -> int:
        index = self._addr_to_index(value)
        assert index is not None
        return self._perm.inverse(index) if self._perm else index

    # -- properties ----------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self.subnet.version

    @property
    def family(self) -> str:
        return self.subnet.family

    @property
    def network(self) -> str:
        """The network address, as ``system addrpool-add`` takes it."""
        return self._text(self.subnet.base)

    @property
    def prefix(self) -> int:
        return self.subnet.length

    @property
    def ranges(self) -> list[tuple[str, str]]:
        """(start, end) pairs sorted by address, as sysinv stores them."""
        return [(self._text(s), self._text(e)) for s, e in zip(self._starts, self._ends)]

    @property
    def ranges_text(self) -> list[str]:
        return [f"{s}-{e}" for s, e in self.ranges]

    @property
    def roles(self) -> dict[str, str]:
        """Reserved role addresses by role (``gateway``, ``floating``, ``controller-0``, ``controller-1``)."""
        return {r: self._text(self._roles[r]) for r in ROLES if r in self._roles}

    def role(self, role: str) -> str | None:
        if role not in ROLES:
            raise InvalidPrefix(f"role: {role!r} is not a pool role; use one of {', '.join(ROLES)}")
        value = self._roles.get(role)
        return None if value is None else self._text(value)

    @property
    def gateway(self) -> str | None:
        return self.role("gateway")

    @property
    def floating(self) -> str | None:
        return self.role("floating")

    @property
    def controller0(self) -> str | None:
        return self.role("controller-0")

    @property
    def controller1(self) -> str | None:
        return self.role("controller-1")

    @property
    def reserved_in_ranges(self) -> int:
        return sum(1 for v in self._roles.values() if self._addr_to_index(v) is not None)

    @property
    def used(self) -> int:
        return len(self._by_key)

    @property
    def available(self) -> int:
        """Addresses still free for keyed allocation (exact integer)."""
        return self.size - self.reserved_in_ranges - len(self._by_key)

    @property
    def allocations(self) -> dict[str, str]:
        """key -> address, sorted by key."""
        return {k: self._text(self._by_key[k]) for k in sorted(self._by_key)}

    def __repr__(self) -> str:
        return f"AddressPool({self.name!r}, {self.subnet.text!r}, order={self.order!r}, ranges={self.ranges_text!r})"

    def __contains__(self, address: str) -> bool:
        try:
            v, value = Prefix.parse_address(address)
        except InvalidPrefix:
            return False
        return v == self.version and self._addr_to_index(value) is not None

    # -- allocation ----------------------------------------------------------------------
    def allocate(self, key: str, address: str | None = None) -> str:
        """The address for ``key``: the same one if the key already has one; else ``address``
        (which must be free, in the ranges and not a role address) or the next free address
        in the pool's order."""
        _check_key(key)
        held = self._by_key.get(key)
        if held is not None:
            if address is not None and address != self._text(held):
                raise AlreadyAllocated(f"addrpool {self.name}: key {key!r} already holds {self._text(held)}; release it first")
            return self._text(held)
        if address is not None:
            value = self._address(address, f"addrpool {self.name}: {key}")
            if value in self._reserved:
                raise AlreadyAllocated(
                    f"addrpool {self.name}: {key}: {address!r} is the pool's {ROLE_FIELDS[self._reserved[value]]}; pick another"
                )
            if self._addr_to_index(value) is None:
                raise InvalidPrefix(f"addrpool {self.name}: {key}: {address!r} is outside the ranges {', '.join(self.ranges_text)}")
            if value in self._by_addr:
                raise AlreadyAllocated(f"addrpool {self.name}: {key}: {address!r} is already allocated to {self._by_addr[value]!r}")
        else:
            value = self._next_free(key)
        self._by_key[key] = value
        self._by_addr[value] = key
        return self._text(value)

    def _next_free(self, key: str) -> int:
        while self._returned:  # lowest returned rank first; entries taken since are dropped lazily
            value = self._rank_to_addr(heappop(self._returned))
            if value not in self._by_addr:
                return value
        while self._next < self.size:
            value = self._rank_to_addr(self._next)
            self._next += 1
            if value not in self._by_addr and value not in self._reserved:
                return value
        raise NoIPAvailable(f"addrpool {self.name}: {key}: no free address left in ranges {', '.join(self.ranges_text)}")

    def release(self, key: str) -> str:
        """Free the address of ``key``; returns it."""
        value = self._by_key.pop(key, None)
        if value is None:
            raise NotFound(f"addrpool {self.name}: key {key!r} not found")
        del self._by_addr[value]
        rank = self._addr_to_rank(value)
        if rank < self._next:
            heappush(self._returned, rank)
        return self._text(value)

    def get(self, key: str) -> str:
        value = self._by_key.get(key)
        if value is None:
            raise NotFound(f"addrpool {self.name}: key {key!r} not found")
        return self._text(value)

    def iter_order(self) -> Iterator[str]:
        """Every address of the ranges in the pool's order (roles and allocations included)."""
        for rank in range(self.size):
            yield self._text(self._rank_to_addr(rank))

    # -- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Sorted, JSON-ready state; ``from_dict`` gives back a pool that continues identically."""
        live = sorted({r for r in self._returned if self._rank_to_addr(r) not in self._by_addr})
        return {
            "name": self.name,
            "network": self.subnet.text,
            "order": self.order,
            "seed": self.seed,
            "ranges": [list(r) for r in self.ranges],
            "roles": self.roles,
            "allocations": self.allocations,
            "next": self._next,
            "returned": live,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "AddressPool":
        roles = dict(data.get("roles") or {})
        unknown = sorted(set(roles) - set(ROLES))
        if unknown:
            raise InvalidPrefix(f"addrpool {data.get('name')}: roles: {unknown[0]!r} is not a pool role; use one of {', '.join(ROLES)}")
        pool = cls(
            data["name"], data["network"], ranges=[tuple(r) for r in data.get("ranges") or []],
            order=data.get("order", DEFAULT_ORDER), seed=data.get("seed"),
            gateway=roles.get("gateway"), floating=roles.get("floating"),
            controller0=roles.get("controller-0"), controller1=roles.get("controller-1"), default_roles=False,
        )
        for key, address in sorted((data.get("allocations") or {}).items()):
            pool.allocate(key, address)
        nxt = data.get("next", 0)
        if isinstance(nxt, bool) or not isinstance(nxt, int) or not 0 <= nxt <= pool.size:
            raise InvalidPrefix(f"addrpool {pool.name}: next: {nxt!r} must be an integer in 0..{pool.size}")
        returned = list(data.get("returned") or [])
        for r in returned:
            if isinstance(r, bool) or not isinstance(r, int) or not 0 <= r < nxt:
                raise InvalidPrefix(f"addrpool {pool.name}: returned: {r!r} must be an integer below next ({nxt})")
        pool._next = nxt
        pool._returned = returned
        heapify(pool._returned)
        return pool


class PlatformNetwork:
    """A StarlingX platform network: a primary pool whose family never changes, and an optional
    secondary pool of the other family that can be added and removed (dual-stack <-> single-stack)
    without touching the primary."""

    def __init__(self, name: str, type: str, primary: AddressPool, *, secondary: AddressPool | None = None, dynamic: bool = False) -> None:
        if not isinstance(name, str) or not name or name != name.strip():
            raise InvalidPrefix(f"network: name {name!r} must be a non-empty string without surrounding spaces")
        if type not in NETWORK_TYPES:
            raise InvalidPrefix(f"network {name}: type {type!r} is not a platform network type; use one of {', '.join(NETWORK_TYPES)}")
        if not isinstance(primary, AddressPool):
            raise InvalidPrefix(f"network {name}: primary must be an AddressPool, not {primary!r}")
        if type in IPV4_ONLY_TYPES and primary.version != 4:
            raise FamilyMismatch(f"network {name}: pool {primary.name} ({primary.subnet}) is IPv6 but {type} supports IPv4 only")
        self.name = name
        self.type = type
        self.dynamic = dynamic
        self._primary = primary
        self._secondary: AddressPool | None = None
        if secondary is not None:
            self.add_secondary(secondary)

    @property
    def primary(self) -> AddressPool:
        return self._primary

    @property
    def secondary(self) -> AddressPool | None:
        return self._secondary

    @property
    def pools(self) -> list[AddressPool]:
        return [self._primary] + ([self._secondary] if self._secondary else [])

    @property
    def primary_family(self) -> str:
        return self._primary.family

    @property
    def families(self) -> list[str]:
        return [p.family for p in self.pools]

    @property
    def dual_stack(self) -> bool:
        return self._secondary is not None

    def pool(self, family: str) -> AddressPool | None:
        for p in self.pools:
            if p.family == family.lower():
                return p
        return None

    def add_secondary(self, pool: AddressPool) -> None:
        """``network-addrpool-assign`` of a second pool: dual-stack."""
        if not isinstance(pool, AddressPool):
            raise InvalidPrefix(f"network {self.name}: secondary must be an AddressPool, not {pool!r}")
        if self.type in IPV4_ONLY_TYPES:
            raise FamilyMismatch(f"network {self.name}: {self.type} supports IPv4 only; it takes no secondary pool ({pool.name})")
        if self._secondary is not None:
            raise AlreadyAllocated(
                f"network {self.name}: already has secondary pool {self._secondary.name}; remove it first (one pool per family)"
            )
        if pool.version == self._primary.version:
            raise FamilyMismatch(
                f"network {self.name}: pool {pool.name} ({pool.subnet}) is {_fam(pool.version)} like the primary "
                f"{self._primary.name}; the secondary must be {_fam(6 if pool.version == 4 else 4)}"
            )
        self._secondary = pool

    def remove_secondary(self) -> AddressPool:
        """``network-addrpool-remove`` of the secondary: back to single-stack; the primary is untouched."""
        if self._secondary is None:
            raise NotFound(f"network {self.name}: has no secondary pool to remove")
        pool, self._secondary = self._secondary, None
        return pool

    def remove_pool(self, name: str) -> AddressPool:
        if name == self._primary.name:
            raise FamilyMismatch(
                f"network {self.name}: pool {name} is the primary pool; it cannot be removed (changing the primary "
                "family needs a reinstall of the system)"
            )
        if self._secondary is None or self._secondary.name != name:
            raise NotFound(f"network {self.name}: has no pool {name!r}")
        return self.remove_secondary()

    def replace_primary(self, pool: AddressPool) -> AddressPool:
        """Replace the primary pool by one of the same family (new addresses); the family never
        changes. (On a running system StarlingX allows this for OAM, management and admin only.)"""
        if pool.version != self._primary.version:
            raise FamilyMismatch(
                f"network {self.name}: primary pool family is {_fam(self._primary.version)} and cannot change to "
                f"{_fam(pool.version)} ({pool.name} {pool.subnet}); StarlingX needs a reinstall to change it"
            )
        old, self._primary = self._primary, pool
        return old

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "dynamic": self.dynamic,
            "primary": self._primary.to_dict(),
            "secondary": self._secondary.to_dict() if self._secondary else None,
        }

    def __repr__(self) -> str:
        return f"PlatformNetwork({self.name!r}, {self.type!r}, pools={[p.name for p in self.pools]!r})"


class PlatformNetworks:
    """The platform networks of one system: all primary pools share one family (pxeboot,
    IPv4-only, is the exception), pool and network names are unique."""

    def __init__(self, networks: Iterable[PlatformNetwork] = ()) -> None:
        self._networks: dict[str, PlatformNetwork] = {}
        for n in networks:
            self.add(n)

    @property
    def primary_family(self) -> str | None:
        for n in self._networks.values():
            if n.type not in IPV4_ONLY_TYPES:
                return n.primary_family
        return None

    @property
    def networks(self) -> list[PlatformNetwork]:
        return list(self._networks.values())

    def __iter__(self) -> Iterator[PlatformNetwork]:
        return iter(self._networks.values())

    def __len__(self) -> int:
        return len(self._networks)

    def __getitem__(self, name: str) -> PlatformNetwork:
        try:
            return self._networks[name]
        except KeyError:
            raise NotFound(f"network {name!r} not found; networks: {', '.join(self._networks) or 'none'}") from None

    def by_type(self, type: str) -> list[PlatformNetwork]:
        return [n for n in self._networks.values() if n.type == type]

    def pools(self) -> list[AddressPool]:
        return [p for n in self._networks.values() for p in n.pools]

    def _pool_owner(self, pool_name: str) -> str | None:
        for n in self._networks.values():
            if any(p.name == pool_name for p in n.pools):
                return n.name
        return None

    def add(self, network: PlatformNetwork) -> PlatformNetwork:
        if network.name in self._networks:
            raise AlreadyAllocated(f"network {network.name}: already exists")
        if network.type not in ("other",) and self.by_type(network.type):
            raise AlreadyAllocated(f"network {network.name}: a {network.type} network already exists ({self.by_type(network.type)[0].name})")
        family = self.primary_family
        if network.type not in IPV4_ONLY_TYPES and family is not None and network.primary_family != family:
            raise FamilyMismatch(
                f"network {network.name}: primary pool {network.primary.name} ({network.primary.subnet}) is "
                f"{network.primary_family.replace('ip', 'IP')} but the system's primary pools are {family.replace('ip', 'IP')}; "
                "all primary pools share one family"
            )
        for p in network.pools:
            owner = self._pool_owner(p.name)
            if owner is not None:
                raise AlreadyAllocated(f"network {network.name}: pool name {p.name!r} is already used by network {owner}")
        self._networks[network.name] = network
        return network

    def assign(self, network: str, pool: AddressPool) -> None:
        """``system network-addrpool-assign``: add the secondary pool of ``network``."""
        owner = self._pool_owner(pool.name)
        if owner is not None:
            raise AlreadyAllocated(f"network {network}: pool name {pool.name!r} is already used by network {owner}")
        self[network].add_secondary(pool)

    def remove(self, network: str, pool: str) -> AddressPool:
        """``system network-addrpool-remove``: only a secondary pool can go."""
        return self[network].remove_pool(pool)

    def overlapping_pools(self) -> list[tuple[str, str]]:
        """Pairs of pool names whose subnets overlap (reported, not refused: seed 002's own
        example puts pxeboot and cluster-host's IPv4 pool on the same /24)."""
        pools = self.pools()
        out = []
        for i, a in enumerate(pools):
            for b in pools[i + 1:]:
                if a.subnet.overlaps(b.subnet):
                    out.append((a.name, b.name))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"primary_family": self.primary_family, "networks": [n.to_dict() for n in self._networks.values()]}


# -- the bootstrap form ------------------------------------------------------------------------

#: key prefix -> (network name = type, pool name base, version suffix, role keys accepted, default roles).
#: The role keys are those the bootstrap playbook reads (validate-config, persist-config): OAM alone
#: names its controllers; sysinv allocates the others' controller addresses from the ranges.
BOOTSTRAP_NETWORKS: dict[str, tuple[str, str, bool, tuple[str, ...], bool]] = {
    "pxeboot": ("pxeboot", "pxeboot", False, ("floating",), True),
    "management": ("mgmt", "management", True, ("gateway", "floating"), True),
    "external_oam": ("oam", "oam", True, ("gateway", "floating", "node_0", "node_1"), True),
    "cluster_host": ("cluster-host", "cluster-host-subnet", True, ("floating",), True),
    "cluster_pod": ("cluster-pod", "cluster-pod-subnet", True, (), False),
    "cluster_service": ("cluster-service", "cluster-service-subnet", True, (), False),
    "admin": ("admin", "admin", True, ("gateway", "floating"), True),
    "management_multicast": ("multicast", "multicast-subnet", True, (), False),
}


def bootstrap_range(subnet: Prefix) -> tuple[str, str]:
    """The range the bootstrap playbook derives when ``<net>_start_address``/``_end_address`` are
    not given: ``ipaddr(1)`` to ``ipaddr(-2)`` for IPv4, ``ipaddr(-1)`` (the last address) for IPv6."""
    end = subnet.last - 1 if subnet.version == 4 else subnet.last
    return format_address(subnet.version, subnet.base + 1), format_address(subnet.version, end)
_ROLE_KEYS = {"gateway": "gateway", "floating": "floating", "node_0": "controller-0", "node_1": "controller-1"}


def bootstrap_keys() -> list[str]:
    """Every bootstrap key ``parse_bootstrap`` reads."""
    out = []
    for prefix, (_, _, _, roles, _) in BOOTSTRAP_NETWORKS.items():
        out += [f"{prefix}_subnet", f"{prefix}_start_address", f"{prefix}_end_address"]
        out += [f"{prefix}_{r}_address" for r in roles]
    return out


def _split(key: str, value: Any) -> list[str]:
    if not isinstance(value, str):
        raise InvalidPrefix(f"{key}: {value!r} is not a string; give one value or two separated by a comma (e.g. fd01::2,198.51.0.2)")
    parts = [p.strip() for p in value.split(",")]
    if any(not p for p in parts):
        raise InvalidPrefix(f"{key}: {value!r} has an empty entry; separate the two values with one comma")
    if len(parts) > 2:
        raise InvalidPrefix(f"{key}: {value!r} has {len(parts)} entries; give at most one IPv4 and one IPv6")
    return parts


def _parse_subnets(key: str, value: Any) -> list[Prefix]:
    parts = _split(key, value)
    field = key if len(parts) == 1 else f"{key}: {value!r}"
    subnets = [Prefix.parse(p, field) for p in parts]
    if len(subnets) == 2 and subnets[0].version == subnets[1].version:
        fam = _fam(subnets[0].version)
        raise FamilyMismatch(f"{key}: {value!r}: two {fam} subnets; give one IPv4 and one IPv6")
    return subnets


def _parse_addresses(key: str, value: Any, subnets: list[Prefix], subnet_key: str) -> list[str]:
    parts = _split(key, value)
    if len(parts) > len(subnets):
        raise InvalidPrefix(f"{key}: {value!r} has {len(parts)} entries but {subnet_key} has {len(subnets)} subnet")
    for i, (p, subnet) in enumerate(zip(parts, subnets)):
        v, _ = Prefix.parse_address(p, key if len(parts) == 1 else f"{key}: {value!r}: entry {i + 1}")
        if v != subnet.version:
            raise FamilyMismatch(
                f"{key}: {value!r}: entry {i + 1} {p!r} is {_fam(v)} but {subnet_key} entry {i + 1} is {subnet}; "
                "list addresses in the same order as the subnets"
            )
    return parts


def parse_bootstrap(values: Mapping[str, Any] | str) -> PlatformNetworks:
    """Platform networks from StarlingX bootstrap values (a mapping, or its YAML text).

    ``<net>_subnet: primary[,secondary]``: the first subnet is the primary pool, the second
    (other family) the secondary. ``<net>_start_address``/``_end_address`` (default: as
    ``bootstrap_range``), ``_gateway_address``, ``_floating_address`` and OAM's
    ``_node_0_address``/``_node_1_address`` list values in the same order. As the bootstrap
    playbook does, OAM's node 0 defaults to the floating address + 1 and node 1 to + 2; the
    others' controller addresses are sysinv's lowest free ones of the ranges. Pools are named as
    bootstrap names them (``management-ipv6``, ``oam-ipv4``, ``cluster-host-subnet-ipv6``,
    ``pxeboot``...). Other bootstrap keys are ignored; a misspelt address key is refused.
    """
    if isinstance(values, str):
        import yaml

        try:
            values = yaml.safe_load(values)
        except yaml.YAMLError as e:
            raise InvalidPrefix(f"bootstrap: not valid YAML ({str(e).splitlines()[0]})") from None
    if not isinstance(values, Mapping):
        raise InvalidPrefix(f"bootstrap: expected a mapping of bootstrap keys, got {type(values).__name__}")
    known = set(bootstrap_keys())
    prefixes = sorted(BOOTSTRAP_NETWORKS, key=len, reverse=True)
    for key in values:
        if not isinstance(key, str) or key in known:
            continue
        owner = next((p for p in prefixes if key.startswith(p + "_")), None)
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.85)
        if (owner and (key.endswith("_address") or key.endswith("_subnet"))) or close:
            hint = f"did you mean {close[0]}?" if close else f"known keys: {', '.join(k for k in sorted(known) if k.startswith(owner + '_'))}"
            raise InvalidPrefix(f"{key}: {values[key]!r}: not a bootstrap address key; {hint}")

    system = PlatformNetworks()
    primary: tuple[str, int] | None = None  # (subnet key, version) of the first non-pxeboot network
    for prefix, (net_name, pool_base, suffix, role_keys, default_roles) in BOOTSTRAP_NETWORKS.items():
        subnet_key = f"{prefix}_subnet"
        present = {k: values[k] for k in values if isinstance(k, str) and k.startswith(prefix + "_") and k in known and values[k] is not None}
        if prefix == "management":  # management_multicast_* belong to the multicast network
            present = {k: v for k, v in present.items() if not k.startswith("management_multicast_")}
        if subnet_key not in present:
            if present:
                other = sorted(present)[0]
                raise InvalidPrefix(f"{other}: {present[other]!r} is given but {subnet_key} is not; set {subnet_key}")
            continue
        raw = present[subnet_key]
        subnets = _parse_subnets(subnet_key, raw)
        if net_name in IPV4_ONLY_TYPES:
            if len(subnets) > 1:
                raise FamilyMismatch(f"{subnet_key}: {raw!r}: {net_name} supports IPv4 only; give one IPv4 subnet")
            if subnets[0].version != 4:
                raise FamilyMismatch(f"{subnet_key}: {raw!r}: {net_name} supports IPv4 only; give an IPv4 subnet")
        elif primary is None:
            primary = (subnet_key, subnets[0].version)
        elif subnets[0].version != primary[1]:
            first_key, v = primary
            raise FamilyMismatch(
                f"{subnet_key}: {raw!r}: primary (first) subnet is {_fam(subnets[0].version)} but {first_key}'s is "
                f"{_fam(v)}; all primary pools share one family, so list the {_fam(v)} subnet first"
            )
        lists = {}
        for what in ("start", "end") + role_keys:
            k = f"{prefix}_{what}_address"
            lists[what] = _parse_addresses(k, present[k], subnets, subnet_key) if k in present else []
        pools = []
        for i, subnet in enumerate(subnets):
            def pick(what: str) -> str | None:
                return lists[what][i] if i < len(lists[what]) else None

            start, end = pick("start"), pick("end")
            default_start, default_end = bootstrap_range(subnet)
            ranges = [(start or default_start, end or default_end)]
            roles = {_ROLE_KEYS[r]: pick(r) for r in role_keys}
            if prefix == "external_oam" and roles["floating"] is not None:
                # bootstrap playbook: node 0 = floating + 1, node 1 = node 0 + 1
                f = Prefix.parse_address(roles["floating"])[1]
                for n, role in ((1, "controller-0"), (2, "controller-1")):
                    if roles[role] is None and f + n < subnet.last:
                        roles[role] = format_address(subnet.version, f + n)
            fields = {
                "network": subnet_key,
                "ranges": f"{prefix}_start_address/{prefix}_end_address",
                "range_start": f"{prefix}_start_address",
                "range_end": f"{prefix}_end_address",
                **{role: f"{prefix}_{r}_address" for r, role in _ROLE_KEYS.items()},
            }
            name = f"{pool_base}-{FAMILY[subnet.version]}" if suffix else pool_base
            pools.append(AddressPool(
                name, subnet, ranges=ranges, gateway=roles.get("gateway"), floating=roles.get("floating"),
                controller0=roles.get("controller-0"), controller1=roles.get("controller-1"),
                default_roles=default_roles, fields=fields,
            ))
        # sysinv: pxeboot is dynamic; mgmt and cluster-host follow <net>_dynamic_address_allocation (default true)
        dynamic = net_name == "pxeboot" or bool(values.get(f"{prefix}_dynamic_address_allocation", net_name in ("mgmt", "cluster-host")))
        system.add(PlatformNetwork(net_name, net_name, pools[0], secondary=pools[1] if len(pools) > 1 else None, dynamic=dynamic))
    return system
