"""``dualstack ipam``: the allocator on the command line, shaped like metalctl (seed 000).

Every command goes through the Store seam: ``--store URL``, else ``$DUALSTACK_STORE``, else the
lock file ``--lock`` (default ``./ipam.lock.json``), acting as ``--owner`` (default ``cli``): it
sees every owner's networks and keys, and changes only its own. A change runs inside
``store.transact``; its ``work`` may run again when it lost a race, so it only computes and
hands back what to print, which is printed after the commit. Read-only commands read the store
without taking its lock. Every flag is checked before the store is opened; a refusal is one
line naming the flag (library messages name fields, this module adds the flags).
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
from typing import Any, Callable, Iterable, Sequence

import yaml

from ..ipam import Allocation, AlreadyAllocated, Ipam, IpamError, Network, NotFound, NotOwner, generate_ula_prefix, keys, lockfile
from ..ipam.network_file import NetworkFile
from ..ipam.prefix import FAMILIES, FAMILY, Prefix, family_version
from ..report.natural import natural_key
from ..report.text import terminal_width
from ..report.wrap import GAP, MIN_COLUMN, wrap_cell
from ..store import CLI_OWNER, LockfileStore, Outcome, Store, transact
from ..store import select
from .errors import UsageError

DEFAULT_LOCK = "ipam.lock.json"
#: a prefix length has at most 3 digits (/128); longer digit runs are refused before int()
MAX_LENGTH_DIGITS = 3
#: how an address made here records its project (the lock's ``purpose``)
PROJECT_PURPOSE = "project "
#: addresses stay until released (metal-stack's "static"; nothing here is cleaned up by itself)
IP_TYPE = "static"
#: table columns, and the order in which they give up width when the terminal is narrow (prose first)
NETWORK_COLUMNS = ("ID", "NAME", "PROJECT", "PARTITION", "PREFIXES")
NETWORK_SHRINK = (1, 3, 2, 4, 0)
IP_COLUMNS = ("IP", "NAME", "NETWORK", "PROJECT", "TYPE")
IP_SHRINK = (1, 3, 2, 4, 0)


# -- the command line ---------------------------------------------------------------------------
def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ipam", help="the address allocator and its store (metalctl's network and ip commands)")
    _store_flags(p, top=True)
    parser_class = type(p)
    isub = p.add_subparsers(dest="ipam_command", required=True, parser_class=parser_class)

    net = isub.add_parser("network", help="super and child networks")
    nsub = net.add_subparsers(dest="network_command", required=True, parser_class=parser_class)

    c = _leaf(nsub, "create", "create (or grow) a super network from a YAML file (metal-stack's shape)", cmd_network_create, ("yaml", "json"))
    c.add_argument("-f", "--file", required=True, metavar="FILE")

    a = _leaf(nsub, "allocate", "allocate a child network from the partition's private super network", cmd_network_allocate, ("yaml", "json"))
    a.add_argument("--partition", required=True)
    a.add_argument("--project", required=True)
    a.add_argument("--name", required=True)
    a.add_argument("--parent", metavar="ID", help="super network id (default: the partition's only private super network)")
    _family_flag(a, "one family only (default: every family of the parent)")
    a.add_argument("--length", metavar="LENGTHS", help="child lengths, e.g. IPv4=24,IPv6=64 (default: the parent's defaultchildprefixlength)")

    ls = _leaf(nsub, "list", "list networks (children under their parents)", cmd_network_list, ("table", "yaml", "json"))
    ls.add_argument("--partition")
    ls.add_argument("--project")
    ls.add_argument("--name")
    _family_flag(ls, "only networks with a prefix of this family")

    d = _leaf(nsub, "describe", "describe one network, by id, key or name", cmd_network_describe, ("yaml", "json"))
    d.add_argument("id", metavar="ID")

    u = _leaf(nsub, "update", "grow or shrink a network", cmd_network_update, ("yaml", "json"))
    u.add_argument("id", metavar="ID")
    u.add_argument("--add-prefix", action="append", default=[], metavar="CIDR", help="a super network takes this prefix too (repeatable)")
    u.add_argument("--remove-prefix", action="append", default=[], metavar="CIDR", help="a super network drops this prefix; refused while it holds anything (repeatable)")
    u.add_argument("--grow", metavar="LENGTHS", help="a child network takes one more prefix per family, e.g. IPv4=24; nothing is renumbered")

    rel = _leaf(nsub, "release", "release a child network and print what was freed", cmd_network_release, None)
    rel.add_argument("id", metavar="ID")
    rel.add_argument("--recursive", action="store_true", help="release what it holds too")

    ipp = nsub.add_parser("ip", help="addresses in a network")
    ipsub = ipp.add_subparsers(dest="ip_command", required=True, parser_class=parser_class)
    ic = _leaf(ipsub, "create", "allocate an address", cmd_ip_create, ("yaml", "json"))
    ic.add_argument("--network", required=True, metavar="ID")
    ic.add_argument("--project", required=True)
    _family_flag(ic, "default: IPv4, unless the network is IPv6-only")
    ic.add_argument("--name", help="names the address (its key is <network>/<name>); default: the lowest free ip-N")
    ic.add_argument("--ip", metavar="ADDRESS", help="this exact address")

    il = _leaf(ipsub, "list", "list addresses", cmd_ip_list, ("table", "yaml", "json"))
    il.add_argument("--network", metavar="ID")
    il.add_argument("--project")
    il.add_argument("--name")
    _family_flag(il, "only addresses of this family")

    idsc = _leaf(ipsub, "describe", "describe one address (by address or key)", cmd_ip_describe, ("yaml", "json"))
    idsc.add_argument("address", metavar="ADDRESS")

    idel = _leaf(ipsub, "delete", "release one address (by address or key) and print it", cmd_ip_delete, ("yaml", "json"))
    idel.add_argument("address", metavar="ADDRESS")

    r = _leaf(isub, "release", "release a keyed allocation (prefix, address or child network); prints what was freed", cmd_release, None)
    r.add_argument("key", metavar="KEY")
    r.add_argument("--recursive", action="store_true", help="a child network: release what it holds too")

    ula = _leaf(isub, "ula", "an RFC 4193 /48, generated once and pinned in the store", cmd_ula, None)
    ula.add_argument("name", nargs="?", default="default", metavar="NAME")


def _store_flags(p: argparse.ArgumentParser, *, top: bool) -> None:
    """``--store``, ``--lock``, ``--owner`` before the subcommand (``ipam --lock X ...``) or after it.

    The leaves default to SUPPRESS so that a flag given before the subcommand is not reset."""

    def default(value: Any) -> Any:
        return value if top else argparse.SUPPRESS

    p.add_argument("--store", default=default(None), metavar="URL",
                   help=f"postgresql://user@host:port/db (default ${select.STORE_ENV}, else the lock file)")
    p.add_argument("--lock", default=default(None), metavar="PATH", help=f"lock file when no store is given (default ./{DEFAULT_LOCK})")
    p.add_argument("--owner", default=default(CLI_OWNER), help=f"who acts: changes only its own keys (default {CLI_OWNER})")


def _leaf(sub: argparse._SubParsersAction, name: str, help: str, run: Callable[[argparse.Namespace], int],
          outputs: Sequence[str] | None) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help)
    _store_flags(p, top=False)
    if outputs:
        p.add_argument("-o", "--output", choices=outputs, default=outputs[0], help=f"output format (default {outputs[0]})")
    p.set_defaults(run=run)
    return p


def _family_flag(p: argparse.ArgumentParser, help: str) -> None:
    # the seed's YAML spells IPv4/IPv6; lower case too
    p.add_argument("--addressfamily", type=str.lower, choices=FAMILIES, metavar="IPv4|IPv6", help=help)


# -- flags, checked before anything runs ------------------------------------------------------------
def _segment(value: str | None, flag: str) -> str | None:
    """A partition, project, address name or owner: one key part (it becomes part of keys)."""
    return None if value is None else keys.check_segment(value, flag)


def _id(value: str | None, flag: str) -> str | None:
    """A network id or key: the key grammar."""
    return None if value is None else keys.check_id(value, flag)


def _text(value: str | None, flag: str) -> str | None:
    """A network name to look for: one printable line."""
    return None if value is None else keys.check_name(value, flag)


def _owner(args: argparse.Namespace) -> str:
    return keys.check_owner(args.owner, "--owner")


def parse_lengths(text: str | None, flag: str) -> dict[int, int]:
    """``IPv4=24,IPv6=64`` -> ``{4: 24, 6: 64}``; a family given twice or a length of more than 3 digits is refused."""
    out: dict[int, int] = {}
    given: dict[int, str] = {}
    for raw in (text or "").split(","):
        part = raw.strip()
        if not part:
            continue
        fam, sep, n = part.partition("=")
        n = n.strip()
        if not sep or not fam.strip() or not n:
            raise UsageError(f"{flag}: {keys.shown(part)} must look like IPv4=24 or IPv6=64")
        v = family_version(fam.strip(), flag)
        if not (n.isascii() and n.isdigit()):
            raise UsageError(f"{flag}: {keys.shown(part)}: the length must be a number of bits, like IPv4=24")
        if len(n) > MAX_LENGTH_DIGITS:
            raise UsageError(f"{flag}: {keys.shown(part)}: a prefix length has at most {MAX_LENGTH_DIGITS} digits (IPv6 ends at /128)")
        if v in out:
            raise UsageError(f"{flag}: IPv{v} is given twice ({given[v]} and {part}); give each family once")
        out[v], given[v] = int(n), part
    return out


def _cidrs(values: Iterable[str], flag: str) -> list[Prefix]:
    return [Prefix.parse(v, flag) for v in values]


def _address_of(text: str) -> tuple[int, int] | None:
    """``(version, value)`` when ``text`` is an IP address (any spelling), else None."""
    if "%" in text:
        return None
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    return ip.version, int(ip)


def _address_or_key(text: str, flag: str) -> str:
    if _address_of(text) is not None:
        return text
    try:
        return keys.check_key(text, flag)
    except IpamError:
        raise UsageError(f"{flag}: {keys.shown(text)} is neither an IP address nor an allocation key") from None


# -- the store ---------------------------------------------------------------------------------------
def open_store(args: argparse.Namespace) -> Store:
    """``--store``, else ``$DUALSTACK_STORE``, else the lock file; an explicit ``--lock`` beside a store is refused."""
    flag = args.store
    if flag is not None and not flag.strip():
        raise UsageError("--store: empty; give postgresql://user@host:port/db, or leave --store out to use the lock file")
    url = select.store_url(flag)
    if url is not None and args.lock is not None:
        from ..store.url import mask

        source = "--store" if flag is not None else f"${select.STORE_ENV}"
        raise UsageError(f"--lock {args.lock}: the store is already {mask(url)} (from {source}); give one of them")
    return select.open_store(url, args.lock or DEFAULT_LOCK)


def read_plan(args: argparse.Namespace) -> Ipam:
    """The namespace, read without the store's lock (read-only commands)."""
    owner = _owner(args)
    store = open_store(args)
    data = store.read()
    if data is None:
        what = f"lock {store.where} does not exist yet" if isinstance(store, LockfileStore) else f"{store.where} holds no networks yet"
        raise UsageError(f"{what}; create a super network first: dualstack ipam network create -f FILE")
    return lockfile.from_dict(data, where=store.where, owner=owner)


def change(args: argparse.Namespace, act: Callable[[Ipam], Any]) -> Any:
    """Run ``act`` on the namespace inside one store transaction and commit what it leaves.

    ``act`` may run more than once (``transact`` retries lost races): it must not print; what it
    returns is handed back after the commit."""
    owner = _owner(args)
    store = open_store(args)

    def work(snapshot: dict[str, Any] | None) -> Outcome:
        ipam = lockfile.from_dict(snapshot, where=store.where, owner=owner)
        value = act(ipam)
        return Outcome(lockfile.to_dict(ipam), value)

    try:
        return transact(store, owner, work)
    except NotOwner as e:
        if e.holder is None or e.holder == owner or "--owner" in str(e):
            raise
        raise NotOwner(f"{e}; to act as its owner: --owner {e.holder}", holder=e.holder) from None


# -- views (metal-stack's shapes) -------------------------------------------------------------------------
def network_doc(ipam: Ipam, net: Network) -> dict[str, Any]:
    """A network as the seed shows it (``metalctl network describe``)."""
    doc: dict[str, Any] = {"id": net.id, "name": net.name}
    if net.description:
        doc["description"] = net.description
    if net.parent:
        doc["parentnetworkid"] = net.parent
    doc["partitionid"] = net.partition
    doc["prefixes"] = [p.text for p in net.prefixes]
    if net.project:
        doc["projectid"] = net.project
    if net.vrf is not None:
        doc["vrf"] = net.vrf
    if net.default_child_prefix_length:
        doc["defaultchildprefixlength"] = {f"IPv{v}": n for v, n in sorted(net.default_child_prefix_length.items())}
    doc["consumption"] = {fam: u.as_dict() for fam, u in ipam.usage(net.id).items()}
    doc["privatesuper"] = net.private_super
    if net.labels:
        doc["labels"] = dict(sorted(net.labels.items()))
    return doc


def ip_name(a: Allocation) -> str:
    """An address made here is keyed ``<network>/<name>``; any other key is its own name."""
    prefix = a.network + "/"
    return a.key[len(prefix):] if a.key.startswith(prefix) else a.key


def ip_project(ipam: Ipam, a: Allocation) -> str:
    if a.purpose.startswith(PROJECT_PURPOSE):
        return a.purpose[len(PROJECT_PURPOSE):]
    net = ipam.networks.get(a.network)
    return net.project if net is not None else ""


def ip_doc(ipam: Ipam, a: Allocation) -> dict[str, Any]:
    """An address as metalctl shows an IP: ``ipaddress``, ``name``, ``networkid``, ``projectid``, ``type``; and its key and owner."""
    doc: dict[str, Any] = {"ipaddress": a.text, "name": ip_name(a)}
    if a.purpose and not a.purpose.startswith(PROJECT_PURPOSE):
        doc["description"] = a.purpose
    doc.update(networkid=a.network, projectid=ip_project(ipam, a), type=IP_TYPE, key=a.key, owner=a.owner)
    return doc


def _emit(doc: Any, output: str) -> None:
    if output == "json":
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        sys.stdout.write(yaml.safe_dump(doc, sort_keys=False, default_flow_style=False, allow_unicode=True))


def layout(header: Sequence[str], rows: list[list[list[str]]], width: int, shrink: Sequence[int]) -> list[str]:
    """Columns two spaces apart, each cell a list of lines (a network's prefixes, one per line).

    Natural widths when they fit ``width``; otherwise columns give up width in the order of
    ``shrink`` (prose first, what is copied last), down to their header or ``MIN_COLUMN``, and
    their lines wrap inside them (``report.wrap.wrap_cell``). Nothing is cut off."""
    n = len(header)
    widths = [max([len(header[i])] + [len(line) for r in rows for line in r[i]]) for i in range(n)]
    excess = sum(widths) + GAP * (n - 1) - width
    for i in shrink:
        if excess <= 0:
            break
        floor = min(widths[i], max(len(header[i]), MIN_COLUMN))
        take = min(excess, widths[i] - floor)
        widths[i] -= take
        excess -= take
    out: list[str] = []
    for r in [[[h] for h in header]] + rows:
        cells = [[piece for line in cell for piece in wrap_cell(line, w)] or [""] for cell, w in zip(r, widths)]
        for k in range(max(len(c) for c in cells)):
            out.append((" " * GAP).join((c[k] if k < len(c) else "").ljust(w) for c, w in zip(cells, widths)).rstrip())
    return out


def _freed(lines: list[tuple[str, str]]) -> None:
    width = max((len(k) for k, _ in lines), default=0)
    for k, text in lines:
        print(f"{k.ljust(width)}  {text}")


# -- lookups ---------------------------------------------------------------------------------------
def find_network(ipam: Ipam, ref: str, flag: str, *, by_name: bool = False) -> Network:
    """A network by id or child key (and, with ``by_name``, by its name: one match, or refused listing them)."""
    if ref in ipam.networks:
        return ipam.networks[ref]
    try:
        return ipam.network_by_key(ref)
    except NotFound:
        pass
    if by_name:
        named = sorted((n.id for n in ipam.networks.values() if n.name == ref), key=natural_key)
        if len(named) == 1:
            return ipam.networks[named[0]]
        if named:
            raise UsageError(f"{flag}: name {keys.shown(ref)} matches {len(named)} networks ({', '.join(named)}); give the id")
    what = "network id, key nor name" if by_name else "network id nor key"
    raise NotFound(f"network {keys.shown(ref)} not found (neither a {what}; dualstack ipam network list shows them)")


def _held_address(ipam: Ipam, text: str) -> Allocation | None:
    """The allocation holding address ``text`` (any spelling); an address is held at most once in a namespace."""
    addr = _address_of(text)
    for a in ipam.allocations.values():
        if a.kind == "ip" and not a.prefix.is_relative and (a.prefix.version, a.prefix.base) == addr:
            return a
    return None


def find_ip(ipam: Ipam, ref: str, flag: str) -> Allocation:
    """The address ``ref`` (any spelling) or the address keyed ``ref``."""
    if _address_of(ref) is not None:
        held = _held_address(ipam, ref)
        if held is not None:
            return held
        raise NotFound(f"{flag}: no allocation holds address {ref} (dualstack ipam network ip list shows them)")
    a = ipam.allocations.get(ref)
    if a is None:
        raise NotFound(f"{flag}: no address is keyed {keys.shown(ref)} (dualstack ipam network ip list shows them)")
    if a.kind != "ip":
        raise UsageError(f"{flag}: key {ref} holds prefix {a.text}, not an address; release it with dualstack ipam release {ref}")
    return a


def _partition_super(ipam: Ipam, partition: str) -> Network:
    found = sorted((n.id for n in ipam.networks.values() if n.parent is None and n.private_super and n.partition == partition), key=natural_key)
    if not found:
        raise UsageError(f"--partition: no private super network in partition {partition!r}; create one with privatesuper: true")
    if len(found) > 1:
        raise UsageError(f"--partition: partition {partition!r} has several private super networks ({', '.join(found)}); choose one with --parent")
    return ipam.networks[found[0]]


def tree(ipam: Ipam) -> list[tuple[int, Network]]:
    """Every network with its depth: super networks by id, each followed by its children by key (natural order)."""
    children: dict[str | None, list[Network]] = {}
    for n in ipam.networks.values():
        children.setdefault(n.parent, []).append(n)
    out: list[tuple[int, Network]] = []
    stack = [(0, n) for n in sorted(children.get(None, []), key=lambda n: natural_key(n.id), reverse=True)]
    while stack:
        depth, n = stack.pop()
        out.append((depth, n))
        kids = sorted(children.get(n.id, []), key=lambda c: natural_key(c.key or c.id), reverse=True)
        stack.extend((depth + 1, c) for c in kids)
    return out


def _release_hint(run: Callable[[], list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """A release; the allocator's "release recursively" refusal gains the flag that does it (library messages name no flags)."""
    try:
        return run()
    except AlreadyAllocated as e:
        if "release recursively" in str(e):
            raise UsageError(f"{e} (--recursive)") from None
        raise


# -- commands ----------------------------------------------------------------------------------------
def cmd_network_create(args: argparse.Namespace) -> int:
    spec = NetworkFile.read(args.file, "-f")
    _emit(change(args, lambda ipam: network_doc(ipam, spec.declare_in(ipam))), args.output)
    return 0


def cmd_network_allocate(args: argparse.Namespace) -> int:
    for flag in ("partition", "project", "name"):
        _segment(getattr(args, flag), f"--{flag}")
    _id(args.parent, "--parent")
    lengths = parse_lengths(args.length, "--length")
    if args.addressfamily:
        want = family_version(args.addressfamily)
        other = next((FAMILY[v] for v in lengths if v != want), None)
        if other:
            raise UsageError(f"--length: {other.replace('ip', 'IP')} given, but --addressfamily {args.addressfamily} allocates no {other} prefix")

    def act(ipam: Ipam) -> dict[str, Any]:
        parent = find_network(ipam, args.parent, "--parent") if args.parent else _partition_super(ipam, args.partition)
        if parent.partition != args.partition:
            raise UsageError(f"--parent: network {parent.id} is in partition {parent.partition!r}, not {args.partition!r}")
        net = ipam.allocate_network(
            parent.id, key=f"{args.partition}/{args.project}/{args.name}", name=args.name, project=args.project,
            lengths=lengths, families=[args.addressfamily] if args.addressfamily else None,
        )
        return network_doc(ipam, net)

    _emit(change(args, act), args.output)
    return 0


def cmd_network_list(args: argparse.Namespace) -> int:
    _segment(args.partition, "--partition")
    _segment(args.project, "--project")
    _text(args.name, "--name")
    ipam = read_plan(args)
    version = family_version(args.addressfamily) if args.addressfamily else None
    shown = [(d, n) for d, n in tree(ipam)
             if (args.partition is None or n.partition == args.partition)
             and (args.project is None or n.project == args.project)
             and (args.name is None or n.name == args.name)
             and (version is None or n.prefixes_of(version))]
    if args.output != "table":
        _emit([network_doc(ipam, n) for _, n in shown], args.output)
        return 0
    width = terminal_width()
    rows = [[["  " * d + n.id], [n.name], [n.project], [n.partition], [",".join(p.text for p in n.prefixes)]] for d, n in shown]
    lines = layout(NETWORK_COLUMNS, rows, width, ())
    if max(len(line) for line in lines) > width:  # prefixes one per line (metalctl stacks cells too), then wrap names
        for row, (_, n) in zip(rows, shown):
            row[-1] = [p.text for p in n.prefixes]
        lines = layout(NETWORK_COLUMNS, rows, width, NETWORK_SHRINK)
    for line in lines:
        print(line)
    return 0


def cmd_network_describe(args: argparse.Namespace) -> int:
    if keys.KEY_RE.fullmatch(args.id) is None:  # not id-shaped: then a name
        _text(args.id, "ID")
    ipam = read_plan(args)
    _emit(network_doc(ipam, find_network(ipam, args.id, "ID", by_name=True)), args.output)
    return 0


def cmd_network_update(args: argparse.Namespace) -> int:
    _id(args.id, "ID")
    add = _cidrs(args.add_prefix, "--add-prefix")
    remove = _cidrs(args.remove_prefix, "--remove-prefix")
    grow = parse_lengths(args.grow, "--grow")
    if not (add or remove or grow):
        raise UsageError("network update: nothing to do; give --add-prefix CIDR, --remove-prefix CIDR or --grow IPv4=24")
    both = [p for p in add if p in remove]
    if both:
        raise UsageError(f"--add-prefix and --remove-prefix: both name {both[0]}")

    def act(ipam: Ipam) -> dict[str, Any]:
        net = find_network(ipam, args.id, "ID")
        if net.parent is None:
            if grow:
                raise UsageError(f"--grow: network {net.id} is a super network; give it another prefix with --add-prefix CIDR")
            for p in add:
                ipam.add_prefix(net.id, p)
            for p in remove:
                ipam.remove_prefix(net.id, p)
        else:
            if add or remove:
                flag = "--add-prefix" if add else "--remove-prefix"
                raise UsageError(f"{flag}: network {net.id} is a child network of {net.parent}, which places its prefixes; "
                                 "grow it with --grow IPv4=24 (or IPv6=64), or release it")
            ipam.grow_network(net.key, grow)
        return network_doc(ipam, ipam.network(net.id))

    _emit(change(args, act), args.output)
    return 0


def cmd_network_release(args: argparse.Namespace) -> int:
    _id(args.id, "ID")
    _freed(change(args, lambda ipam: _release_hint(
        lambda: ipam.release_network(find_network(ipam, args.id, "ID").id, recursive=args.recursive))))
    return 0


def cmd_ip_create(args: argparse.Namespace) -> int:
    _id(args.network, "--network")
    _segment(args.project, "--project")
    _segment(args.name, "--name")
    if args.ip is not None:
        Prefix.parse_address(args.ip, "--ip")

    def act(ipam: Ipam) -> dict[str, Any]:
        net = find_network(ipam, args.network, "--network")
        if net.project and net.project != args.project:
            raise UsageError(f"--project: network {net.id} belongs to project {net.project!r}, not {args.project!r}")
        if args.ip is not None:
            held = _held_address(ipam, args.ip)
            if held is not None:
                raise UsageError(f"--ip: {args.ip} is already allocated (key {held.key}, owner {held.owner}); "
                                 f"use dualstack ipam network ip describe {args.ip}")
        if args.name:
            key = keys.check_key(f"{net.id}/{args.name}", "--network and --name (the address's key)")
            if key in ipam.allocations or key in ipam.keys():
                held = ipam.allocations.get(key)
                text = held.text if held is not None else "a network"
                ref = text if held is not None and not held.prefix.is_relative else key
                raise UsageError(f"--name: {args.name} already exists in network {net.id}: {text}; "
                                 f"use dualstack ipam network ip describe {ref}")
        else:  # unnamed: the lowest free ip-N, so keys stay short and stable
            n = 1
            while f"{net.id}/ip-{n}" in ipam.allocations:
                n += 1
            key = keys.check_key(f"{net.id}/ip-{n}", "--network (the address's key)")
        a = ipam.acquire_ip(net.id, key, family=args.addressfamily, address=args.ip, purpose=f"{PROJECT_PURPOSE}{args.project}")
        return ip_doc(ipam, a)

    _emit(change(args, act), args.output)
    return 0


def _ip_order(a: Allocation) -> tuple:
    return (a.prefix.version, a.prefix.is_relative, a.prefix.base if not a.prefix.is_relative else 0, natural_key(a.key))


def cmd_ip_list(args: argparse.Namespace) -> int:
    _id(args.network, "--network")
    _segment(args.project, "--project")
    _text(args.name, "--name")
    ipam = read_plan(args)
    network = find_network(ipam, args.network, "--network").id if args.network else None
    version = family_version(args.addressfamily) if args.addressfamily else None
    found = sorted((a for a in ipam.allocations.values() if a.kind == "ip"
                    and (network is None or a.network == network)
                    and (version is None or a.prefix.version == version)
                    and (args.project is None or ip_project(ipam, a) == args.project)
                    and (args.name is None or ip_name(a) == args.name)), key=_ip_order)
    if args.output != "table":
        _emit([ip_doc(ipam, a) for a in found], args.output)
        return 0
    rows = [[[a.text], [ip_name(a)], [a.network], [ip_project(ipam, a)], [IP_TYPE]] for a in found]
    for line in layout(IP_COLUMNS, rows, terminal_width(), IP_SHRINK):
        print(line)
    return 0


def cmd_ip_describe(args: argparse.Namespace) -> int:
    _address_or_key(args.address, "ADDRESS")
    ipam = read_plan(args)
    _emit(ip_doc(ipam, find_ip(ipam, args.address, "ADDRESS")), args.output)
    return 0


def cmd_ip_delete(args: argparse.Namespace) -> int:
    _address_or_key(args.address, "ADDRESS")

    def act(ipam: Ipam) -> dict[str, Any]:
        a = find_ip(ipam, args.address, "ADDRESS")
        doc = ip_doc(ipam, a)
        ipam.release(a.key)
        return doc

    _emit(change(args, act), args.output)
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    keys.check_key(args.key, "KEY")

    def act(ipam: Ipam) -> list[tuple[str, str]]:
        if args.key not in ipam.keys() and args.key in ipam.networks:  # a child network's id names it too
            return _release_hint(lambda: ipam.release_network(args.key, recursive=args.recursive))
        return _release_hint(lambda: ipam.release(args.key, recursive=args.recursive))

    _freed(change(args, act))
    return 0


def cmd_ula(args: argparse.Namespace) -> int:
    _id(args.name, "NAME")
    print(change(args, lambda ipam: ipam.pin_ula(args.name, generate_ula_prefix)))
    return 0
