"""Documents (the lock's JSON shape) beside each other: merging a lock into a store, one owner's view.

Pure Python, for every store and the app:

- ``project(document, owner)``: exactly ``owner``'s allocations and child networks, the super
  networks it declares, and every network they hang from; the lock ``dualstack store export
  --owner`` writes and a plan's committed lock holds;
- ``merge(store, lock, owner)``: a lock's entries added to a store's document as ``owner``'s,
  with one line per conflict (``dualstack store import``): a key or network held differently,
  a differing declaration of a super network, a prefix overlapping another one under the same
  parent, a key used twice; identical entries are no-ops, so importing twice changes nothing;
- ``Spaces``: every network's prefixes parsed (relative roots included), to place entries.
"""

from __future__ import annotations

import copy
import re
import socket
from typing import Any, Iterable, Mapping, NamedTuple

from ..errors import DualstackError, StoreError
from ..ipam.allocator import DEFAULT_OWNER, parse_relative
from ..ipam.errors import IpamError
from ..ipam.lockfile import FORMAT
from ..ipam.prefix import MAXBITS, Prefix
from .base import CLI_OWNER

DEFAULT_VRF_RANGE = [20, 16_777_215]


def empty_document() -> dict[str, Any]:
    return {"format": FORMAT, "networks": {}, "allocations": {}}


def is_super(entry: Mapping[str, Any]) -> bool:
    return entry.get("parent") is None


def owners_of(entry: Mapping[str, Any]) -> list[str]:
    """A network's owners (a super's declaring owners, a child's one owner), defaults applied."""
    if is_super(entry):
        return list(entry.get("owners") or [DEFAULT_OWNER])
    return [entry.get("owner") or DEFAULT_OWNER]


def owner_of(entry: Mapping[str, Any]) -> str:
    """An allocation's or child network's owner."""
    return entry.get("owner") or DEFAULT_OWNER


def _with_owner(entry: Mapping[str, Any], owner: str) -> dict[str, Any]:
    out = {k: v for k, v in entry.items() if k != "owner"}
    if owner != DEFAULT_OWNER:
        out["owner"] = owner
    return out


def _with_owners(entry: Mapping[str, Any], owners: Iterable[str]) -> dict[str, Any]:
    out = {k: v for k, v in entry.items() if k != "owners"}
    listed = sorted(set(owners))
    if listed != [DEFAULT_OWNER]:
        out["owners"] = listed
    return out


def _declaration(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A super network without who declares it: what two declarations must agree on."""
    return {k: v for k, v in entry.items() if k != "owners"}


# -- one owner's view ------------------------------------------------------------------------------
def project(document: Mapping[str, Any] | None, owner: str) -> dict[str, Any]:
    """``owner``'s part of a document, as a lock: its allocations and child networks, the super
    networks it declares, every network those hang from, and the RFC 4193 pins those networks use.

    A super network ``owner`` declares lists ``owner`` alone: who else declares it is the store's
    business, and a plan's committed lock must not change when another team joins or leaves it. A
    network of others that ``owner``'s entries hang from is shown as the store holds it."""
    out = empty_document()
    if not document:
        return out
    networks = document.get("networks") or {}
    allocations = document.get("allocations") or {}
    keep: set[str] = set()

    def hang(id: str | None) -> None:
        while id is not None and id not in keep and id in networks:
            keep.add(id)
            id = networks[id].get("parent")

    for key, a in allocations.items():
        if owner_of(a) == owner:
            out["allocations"][key] = copy.deepcopy(a)
            hang(a.get("network"))
    for id, e in networks.items():
        if owner in owners_of(e):
            hang(id)
    out["networks"] = {id: copy.deepcopy(networks[id]) for id in sorted(keep)}
    for id, e in out["networks"].items():
        if is_super(e) and owner in owners_of(e):
            out["networks"][id] = _with_owners(e, [owner])
    used = {p for id in keep for p in networks[id].get("prefixes", []) if isinstance(p, str)}
    ula = {name: p for name, p in (document.get("ula") or {}).items() if p in used}
    if ula:
        out["ula"] = ula
    if "vrf_range" in document:
        out["vrf_range"] = list(document["vrf_range"])
    return out


def owners_in(document: Mapping[str, Any] | None) -> list[str]:
    """Every owner a document names (allocations, child networks, super networks' declarers)."""
    if not document:
        return []
    found = {owner_of(a) for a in (document.get("allocations") or {}).values()}
    for e in (document.get("networks") or {}).values():
        found.update(owners_of(e))
    return sorted(found)


# -- merging a lock into a store -------------------------------------------------------------------
class Merged(NamedTuple):
    document: dict[str, Any]
    #: one line per conflict: with any, ``document`` must not be committed
    conflicts: list[str]
    #: one line per child network of the lock whose VRF id was taken in the store and was renumbered
    renumbered: list[str]


def importing_as(named: str, owner: str) -> str | None:
    """Whose an imported lock entry becomes: a plan's (no owner in the lock) the importer's; the
    importer's or ``cli``'s (what `dualstack ipam` made in the same repository lock) stays so.
    None: another team's, which only that team imports."""
    if named == DEFAULT_OWNER:
        return owner
    return named if named in (owner, CLI_OWNER) else None


def merge(store: Mapping[str, Any] | None, lock: Mapping[str, Any], owner: str = DEFAULT_OWNER,
          where: str = "lock") -> Merged:
    """``store`` with ``lock``'s entries added as ``owner``'s; returns the document and the conflicts.

    The lock's entries that name no owner (a lock from before stores) become ``owner``'s; an entry
    naming ``owner`` or ``cli`` (what ``dualstack ipam`` made in the same lock) stays so; ``owner``
    joins the super networks the lock declares. An entry the store already
    holds identically is left alone, whoever owns it. Conflicts, one line each, naming both sides:
    an entry the lock gives to another owner (only that owner imports it); a key, child network or RFC 4193 pin the store holds
    differently; a super network declared differently; a prefix overlapping another under the same
    parent (or another super prefix); a key naming both an allocation and a network; a different
    ``vrf_range``. The merged document is then rebuilt by the allocator, whose refusal (if any)
    is one more line. With conflicts, the document returned must not be committed.

    VRF ids are one pool per namespace and every lock starts at the bottom of it, so a lock made
    apart from the store usually holds ids the store has given away: such a child network gets
    the lowest free id instead (VRFs steer nothing that is synthesized), listed in ``renumbered``;
    the team then exports its lock from the store.
    """
    merged: dict[str, Any] = copy.deepcopy(dict(store)) if store else empty_document()
    merged.setdefault("networks", {})
    merged.setdefault("allocations", {})
    conflicts: list[str] = []
    s_nets, s_allocs = merged["networks"], merged["allocations"]
    l_nets = lock.get("networks") or {}
    l_allocs = lock.get("allocations") or {}
    added: set[tuple[str, str]] = set()  # (section, key) of what the lock brings

    lock_vrf = list(lock.get("vrf_range", DEFAULT_VRF_RANGE))
    if store:
        if list(merged.get("vrf_range", DEFAULT_VRF_RANGE)) != lock_vrf:
            conflicts.append(f"{where}: vrf_range: the lock has {lock_vrf}, the store {list(merged.get('vrf_range', DEFAULT_VRF_RANGE))}")
    elif lock_vrf != DEFAULT_VRF_RANGE:
        merged["vrf_range"] = lock_vrf

    for name, prefix in sorted((lock.get("ula") or {}).items()):
        have = (merged.get("ula") or {}).get(name)
        if have is None:
            merged.setdefault("ula", {})[name] = prefix
        elif have != prefix:
            conflicts.append(f"{where}: ula.{name}: the lock pins {prefix}, the store {have}")

    for id, e in sorted(l_nets.items()):
        have = s_nets.get(id)
        if is_super(e):
            declared = _declaration(e)
            if have is None:
                s_nets[id] = _with_owners(declared, [owner])
                added.add(("network", id))
            elif not is_super(have):
                conflicts.append(f"{where}: networks.{id}: a super network in the lock, a child network of {have.get('parent')} "
                                 f"(owner {owner_of(have)}) in the store")
            elif _declaration(have) == declared:
                if owner not in owners_of(have):
                    s_nets[id] = _with_owners(have, [*owners_of(have), owner])
            else:
                conflicts.append(f"{where}: networks.{id}: declared differently by {', '.join(owners_of(have))} in the store "
                                 f"({_describe_network(have)}) and by {owner} in the lock ({_describe_network(e)})")
            continue
        if have == e:
            continue
        named = owner_of(e)
        owner_here = importing_as(named, owner)
        if owner_here is None:
            conflicts.append(f"{where}: networks.{id} (key {e.get('key')}): the lock gives it to owner {named}, "
                             f"not {owner}; import it with --owner {named}")
            continue
        mine = _with_owner(e, owner_here)
        if have is None:
            s_nets[id] = mine
            added.add(("network", id))
        elif have != mine and {**have, "vrf": None} != {**mine, "vrf": None}:  # a VRF renumbered by an earlier import is the same network
            if _with_owner(have, owner_here) == mine or {**_with_owner(have, owner_here), "vrf": None} == {**mine, "vrf": None}:
                conflicts.append(f"{where}: networks.{id} (key {e.get('key')}): the store holds it for owner {owner_of(have)}, "
                                 f"not {owner_here}; a key has one owner")
            else:
                conflicts.append(f"{where}: networks.{id} (key {e.get('key')}): the store holds {_describe_network(have)} "
                                 f"(owner {owner_of(have)}), the lock {_describe_network(mine)}")

    for key, a in sorted(l_allocs.items()):
        have = s_allocs.get(key)
        if have == a:
            continue
        named = owner_of(a)
        owner_here = importing_as(named, owner)
        if owner_here is None:
            conflicts.append(f"{where}: allocations.{key}: the lock gives it to owner {named}, not {owner}; import it with --owner {named}")
            continue
        mine = _with_owner(a, owner_here)
        if have is None:
            s_allocs[key] = mine
            added.add(("allocation", key))
        elif have != mine and _with_owner(have, owner_here) == mine:
            conflicts.append(f"{where}: allocations.{key}: the store holds {_describe_allocation(have)} for owner {owner_of(have)}, "
                             f"not {owner_here}; a key has one owner")
        elif have != mine:
            conflicts.append(f"{where}: allocations.{key}: the store holds {_describe_allocation(have)} (owner {owner_of(have)}), "
                             f"the lock {_describe_allocation(mine)}")

    renumbered = _renumber_vrfs(s_nets, {id for section, id in added if section == "network"},
                                list(merged.get("vrf_range", DEFAULT_VRF_RANGE)), where)
    network_keys = {e.get("key"): id for id, e in s_nets.items() if not is_super(e)}
    for key in sorted(set(network_keys) & set(s_allocs)):
        if ("allocation", key) in added or ("network", network_keys[key]) in added:
            conflicts.append(f"{where}: key {key}: names allocation {_describe_allocation(s_allocs[key])} and child network "
                             f"{network_keys[key]}; a key names one thing")

    if not conflicts:
        conflicts += overlaps(merged, added, where)
    if not conflicts:
        from ..ipam import lockfile

        try:
            lockfile.from_dict(merged, where=f"{where} merged with the store", owner=owner)
        except DualstackError as e:
            conflicts += e.lines
    return Merged(merged, conflicts, renumbered)


def _renumber_vrfs(networks: dict[str, Any], added: set[str], vrf_range: list[int], where: str) -> list[str]:
    """Give each added child network whose VRF another network holds the lowest free id (in place)."""
    held: dict[int, str] = {}
    for id, e in sorted(networks.items(), key=lambda kv: (kv[0] in added, kv[0])):  # the store's first: they keep theirs
        vrf = e.get("vrf")
        if vrf is None:
            continue
        if vrf in held and id in added:
            continue  # renumbered below
        held.setdefault(vrf, id)
    lines: list[str] = []
    free = vrf_range[0]
    for id in sorted(added):
        e = networks[id]
        vrf = e.get("vrf")
        if vrf is None or held.get(vrf) == id:
            continue
        while free in held:
            free += 1
        if free > vrf_range[1]:
            lines.append(f"{where}: networks.{id}: no free VRF id left in {vrf_range[0]}-{vrf_range[1]}")
            continue
        networks[id] = {**e, "vrf": free}
        held[free] = id
        lines.append(f"{where}: networks.{id} (key {e.get('key')}): vrf {vrf} is network {held[vrf]}'s in the store; now vrf {free}")
    return lines


def _describe_network(e: Mapping[str, Any]) -> str:
    shown = []
    for p in e.get("prefixes") or []:
        shown.append(f"{p.get('relative')} /{p.get('length')}" if isinstance(p, Mapping) else str(p))
    rest = {k: v for k, v in e.items() if k not in ("prefixes", "owner", "owners")}
    extra = "".join(f" {k}={v}" for k, v in sorted(rest.items()) if k not in ("key",))
    return f"[{', '.join(shown)}]{extra}"


def _describe_allocation(a: Mapping[str, Any]) -> str:
    text = a.get("cidr") or a.get("address")
    purpose = f" ({a['purpose']})" if a.get("purpose") else ""
    return f"{text} in {a.get('network')}{purpose}"


# -- overlaps, one line each -----------------------------------------------------------------------
def overlaps(document: Mapping[str, Any], new: set[tuple[str, str]], where: str = "lock") -> list[str]:
    """Every overlap between blocks carved from one network (and between super prefixes) in which
    at least one side is in ``new`` ((section, key) pairs): one line per pair."""
    try:
        spaces = Spaces(document.get("networks") or {})
    except DualstackError as e:
        return list(e.lines)
    groups: dict[tuple[Any, ...], list[tuple[int, int, str, bool]]] = {}

    def place(group: tuple[Any, ...], p: Prefix, label: str, is_new: bool) -> None:
        groups.setdefault(group, []).append((p.base, p.base + (1 << (p.maxbits - p.length)) - 1, label, is_new))

    lines: list[str] = []
    for id, e in (document.get("networks") or {}).items():
        try:
            prefixes = spaces.prefixes(id)
        except DualstackError as err:
            lines += err.lines
            continue
        is_new = ("network", id) in new
        for p in prefixes:
            parent = e.get("parent")
            label = f"networks.{id} {p.text}" + (f" (owners {', '.join(owners_of(e))})" if parent is None else f" (owner {owner_of(e)})")
            place((parent, p.root, p.version), p, label, is_new)  # parent None: the super prefixes
    for key, a in (document.get("allocations") or {}).items():
        try:
            p, _ = spaces.allocation(key, a)
        except DualstackError as err:
            lines += err.lines
            continue
        place((a.get("network"), p.root, p.version), p, f"allocations.{key} {a.get('cidr') or a.get('address')} (owner {owner_of(a)})",
              ("allocation", key) in new)
    for group, blocks in groups.items():
        blocks.sort(key=lambda b: (b[0], -b[1]))
        widest: tuple[int, int, str, bool] | None = None  # the earlier block reaching furthest
        for b in blocks:
            if widest is not None and b[0] <= widest[1] and (b[3] or widest[3]):
                inside = "among super networks" if group[0] is None else f"in network {group[0]}"
                first, second = (b, widest) if b[3] else (widest, b)  # what the lock brings, first
                lines.append(f"{where}: {first[2]} overlaps {second[2]} {inside}")
            if widest is None or b[1] > widest[1]:
                widest = b
    return sorted(dict.fromkeys(lines))


# -- placing entries: every network's prefixes, parsed ---------------------------------------------
def _canonical_number(text: str) -> bool:
    return text.isdigit() and text.isascii() and (text == "0" or text[0] != "0")


def fast_address(text: str) -> tuple[int, int] | None:
    """(version, value) of an address in the allocator's canonical spelling, or None (then ask
    ``Prefix.parse_address``, which decides and says why). C-speed: a plan holds tens of thousands."""
    if ":" in text:
        if "." in text or "%" in text:  # embedded IPv4 and zones: spelled differently by libc; the slow path decides
            return None
        try:
            packed = socket.inet_pton(socket.AF_INET6, text)
        except (OSError, ValueError):
            return None
        return (6, int.from_bytes(packed, "big")) if socket.inet_ntop(socket.AF_INET6, packed) == text else None
    parts = text.split(".")
    if len(parts) != 4 or not all(_canonical_number(x) and int(x) < 256 for x in parts):
        return None
    a, b, c, d = (int(x) for x in parts)
    return 4, (a << 24) | (b << 16) | (c << 8) | d


def parse_address(text: str, field: str) -> tuple[int, int]:
    got = fast_address(text)
    return got if got is not None else _ipam(lambda: Prefix.parse_address(text, field), field)


def parse_cidr(text: str, field: str) -> Prefix:
    """A canonical concrete CIDR (fast path); anything unusual goes to ``Prefix.parse`` for its message."""
    addr, _, length = text.partition("/")
    if _canonical_number(length):
        got = fast_address(addr)
        if got is not None:
            v, n = got
            bits = int(length)
            if bits <= MAXBITS[v] and not n & ((1 << (MAXBITS[v] - bits)) - 1):
                return Prefix(v, n, bits)
    return _ipam(lambda: Prefix.parse(text, field), field)


class Spaces:
    """The prefixes of a document's networks, parsed once, to place entries inside their parents.

    Raises ``StoreError`` naming the entry for anything that is not a canonical prefix of its
    network (the allocator's parser gives the message where it has one).
    """

    def __init__(self, networks: Mapping[str, Any]) -> None:
        self.networks = networks
        self._prefixes: dict[str, list[Prefix]] = {}
        self._relative_texts: dict[str, dict[str, Prefix]] = {}
        self.roots: list[Prefix] = []
        for id, e in networks.items():
            if isinstance(e, Mapping) and e.get("parent") is None:
                self._prefixes[id] = [self._super_prefix(id, i, p) for i, p in enumerate(_prefix_list(e, id))]
                self.roots += [p for p in self._prefixes[id] if p.root is not None]

    def _super_prefix(self, id: str, i: int, value: Any) -> Prefix:
        field = f"networks.{id}.prefixes[{i}]"
        if isinstance(value, Mapping):
            if set(value) - {"relative", "length", "family"} or not isinstance(value.get("relative"), str) or not isinstance(value.get("length"), int):
                raise StoreError(f"{field}: {value!r} is not a relative root {{relative, length, family}}")
            family = value.get("family", "ipv6")
            if family not in ("ipv4", "ipv6"):
                raise StoreError(f"{field}.family: {family!r} is not ipv4 or ipv6")
            return _ipam(lambda: Prefix.relative(value["relative"], value["length"], 4 if family == "ipv4" else 6), field)
        if not isinstance(value, str):
            raise StoreError(f"{field}: {value!r} is not a prefix")
        return _ipam(lambda: parse_cidr(value, field), field)

    def prefixes(self, id: str) -> list[Prefix]:
        """The network's prefixes, in the document's order."""
        got = self._prefixes.get(id)
        if got is None:
            e = self.networks.get(id)
            if not isinstance(e, Mapping):
                raise StoreError(f"network {id!r} is not in the document")
            got = self._prefixes[id] = [self._child_prefix(id, i, t) for i, t in enumerate(_prefix_list(e, id))]
        return got

    def _child_prefix(self, id: str, i: int, text: Any) -> Prefix:
        field = f"networks.{id}.prefixes[{i}]"
        if not isinstance(text, str):
            raise StoreError(f"{field}: {text!r} is not a prefix")
        if text.startswith("cidrsubnet("):
            p = _ipam(lambda: parse_relative(text, self.roots, field), field)
            if p.text != text:
                raise StoreError(f"{field}: {text!r} is not canonical; write {p.text}")
            return p
        return _ipam(lambda: parse_cidr(text, field), field)

    @staticmethod
    def container(prefixes: list[Prefix], want: Prefix, field: str, network: str) -> Prefix:
        """The prefix of ``prefixes`` (one network's) that holds ``want``."""
        bits = MAXBITS[want.version]
        for p in prefixes:
            if p.version == want.version and p.root == want.root and want.length >= p.length and (
                want.base >> (bits - p.length) == p.base >> (bits - p.length)
            ):
                return p
        raise StoreError(f"{field}: {want.text} is not inside network {network} ({', '.join(p.text for p in prefixes)})")

    def allocation(self, key: str, e: Any) -> tuple[Prefix, Prefix]:
        """(the allocation's prefix, the network prefix it was carved from); texts checked canonical."""
        if not isinstance(e, dict):
            raise StoreError(f"allocations.{key}: {e!r} is not an allocation")
        network = e.get("network")
        if network not in self.networks:
            raise StoreError(f"allocations.{key}.network: {network!r} is not a network of the document")
        prefixes = self.prefixes(network)
        if "address" in e:
            text = e["address"]
            if not isinstance(text, str):
                raise StoreError(f"allocations.{key}.address: {text!r} is not an address")
            if text.startswith("cidrhost("):
                return _relative_host(text, prefixes, f"allocations.{key}.address", network)
            v, value = parse_address(text, f"allocations.{key}.address")
            want = Prefix(v, value, MAXBITS[v])
            return want, self.container(prefixes, want, f"allocations.{key}.address", network)
        text = e.get("cidr")
        if not isinstance(text, str):
            raise StoreError(f"allocations.{key}.cidr: {text!r} is not a prefix")
        if text.startswith("cidrsubnet("):
            got = self._nested(network, prefixes, text)
            if got is not None:
                return got
            field = f"allocations.{key}.cidr"
            relative = [p for p in prefixes if p.root is not None]
            want = _ipam(lambda: parse_relative(text, relative, field), field)
            parent = self.container(relative, want, field, network)
            canonical = want.expr_against(parent.text, parent)
            if canonical != text:
                raise StoreError(f"{field}: {text!r} is not canonical; write {canonical}")
            return want, parent
        want = parse_cidr(text, f"allocations.{key}.cidr")
        return want, self.container(prefixes, want, f"allocations.{key}.cidr", network)

    def _nested(self, network: str, prefixes: list[Prefix], text: str) -> tuple[Prefix, Prefix] | None:
        """``cidrsubnet(<a relative prefix of the network>, newbits, netnum)`` in its canonical spelling
        (the form the allocator writes), without a regular expression; None: ask the allocator's parser."""
        by_text = self._relative_texts.get(network)
        if by_text is None:
            by_text = self._relative_texts[network] = {p.text: p for p in prefixes if p.root is not None}
        inner, _, rest = text[11:].rpartition(", ")  # text[11:]: after "cidrsubnet("
        inner, _, newbits = inner.rpartition(", ")
        parent = by_text.get(inner)
        netnum = rest[:-1]
        if parent is None or not rest.endswith(")") or not _canonical_number(newbits) or not _canonical_number(netnum):
            return None
        length = parent.length + int(newbits)
        if int(newbits) == 0 or length > parent.maxbits or int(netnum) >> int(newbits):
            return None
        return Prefix(parent.version, parent.base + (int(netnum) << (parent.maxbits - length)), length, parent.root), parent


def _prefix_list(e: Mapping[str, Any], id: str) -> list[Any]:
    value = e.get("prefixes")
    if not isinstance(value, list) or not value:
        raise StoreError(f"networks.{id}.prefixes: {value!r} must be a non-empty list")
    return value


def _ipam(parse: Any, field: str) -> Any:
    """Run an allocator parser; its refusal (an ``IpamError``) becomes a ``StoreError`` of the same line."""
    try:
        return parse()
    except IpamError as e:
        raise StoreError(str(e)) from None


def _relative_host(text: str, prefixes: list[Prefix], field: str, network: str) -> tuple[Prefix, Prefix]:
    """``cidrhost(<relative prefix>, n)`` as an address inside that prefix."""
    m = re.fullmatch(r"cidrhost\((.+), (0|[1-9]\d*)\)", text)
    if m:
        n = int(m.group(2))
        for p in prefixes:
            if p.root is not None and p.text == m.group(1) and n < p.num_addresses:
                return Prefix(p.version, p.base + n, p.maxbits, p.root), p
    raise StoreError(f"{field}: {text!r} is not a cidrhost() of a relative prefix of network {network}")
