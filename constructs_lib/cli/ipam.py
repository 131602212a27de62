"""``dualstack ipam``: the allocator on the command line, shaped like metalctl (seed 000)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import yaml
from pydantic import ValidationError

from ..ipam import Ipam, JsonLockStore, NotFound, generate_ula_prefix, transaction
from ..ipam.network_file import NetworkFile
from ..ipam.prefix import family_version
from .errors import UsageError, pydantic_lines


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ipam", help="the address allocator and its lockfile")
    p.add_argument("--lock", default="ipam.lock.json", help="lockfile (default ./ipam.lock.json)")
    isub = p.add_subparsers(dest="ipam_command", required=True, parser_class=type(p))

    net = isub.add_parser("network", help="super and child networks")
    nsub = net.add_subparsers(dest="network_command", required=True, parser_class=type(p))

    c = nsub.add_parser("create", help="create a super network from a YAML file")
    c.add_argument("-f", "--file", required=True)
    c.set_defaults(run=cmd_network_create)

    a = nsub.add_parser("allocate", help="allocate a child network from the partition's private super network")
    a.add_argument("--partition", required=True)
    a.add_argument("--project", required=True)
    a.add_argument("--name", required=True)
    a.add_argument("--parent", help="super network id (default: the partition's only private super network)")
    a.add_argument("--addressfamily", choices=["ipv4", "ipv6"], help="one family only (default: every family of the parent)")
    a.add_argument("--length", help="child lengths, e.g. IPv4=24,IPv6=64 (default: the parent's defaultchildprefixlength)")
    a.set_defaults(run=cmd_network_allocate)

    ls = nsub.add_parser("list", help="list networks")
    ls.set_defaults(run=cmd_network_list)

    d = nsub.add_parser("describe", help="describe one network")
    d.add_argument("id")
    d.set_defaults(run=cmd_network_describe)

    rel = nsub.add_parser("release", help="release an empty child network")
    rel.add_argument("id")
    rel.set_defaults(run=cmd_network_release)

    ip = nsub.add_parser("ip", help="addresses in a network")
    ipsub = ip.add_subparsers(dest="ip_command", required=True, parser_class=type(p))
    ic = ipsub.add_parser("create", help="allocate an address")
    ic.add_argument("--network", required=True)
    ic.add_argument("--project", required=True)
    ic.add_argument("--addressfamily", choices=["ipv4", "ipv6"], help="default: ipv4, unless the network is IPv6-only")
    ic.add_argument("--name", help="names the address; its key is <network>/<name>")
    ic.add_argument("--ip", help="this exact address")
    ic.set_defaults(run=cmd_ip_create)

    r = isub.add_parser("release", help="release a keyed allocation (prefix, address or empty child network)")
    r.add_argument("key")
    r.set_defaults(run=cmd_release)

    u = isub.add_parser("ula", help="an RFC 4193 /48, generated once and pinned in the lock")
    u.add_argument("name", nargs="?", default="default")
    u.set_defaults(run=cmd_ula)


def _store(args: argparse.Namespace) -> JsonLockStore:
    return JsonLockStore(args.lock)


def _dump(doc: Any) -> None:
    sys.stdout.write(yaml.safe_dump(doc, sort_keys=False, default_flow_style=False))


def describe(ipam: Ipam, id: str) -> dict[str, Any]:
    """A network in the seed's output shape."""
    net = ipam.network(id)
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
    doc["consumption"] = {fam: u.as_dict() for fam, u in ipam.usage(id).items()}
    doc["privatesuper"] = net.private_super
    return doc


def cmd_network_create(args: argparse.Namespace) -> int:
    try:
        with open(args.file, encoding="utf-8") as f:
            raw = yaml.safe_load(f)
    except FileNotFoundError:
        raise UsageError(f"-f: {args.file}: no such file") from None
    except yaml.YAMLError as e:
        raise UsageError(f"{args.file}: not valid YAML ({' '.join(str(e).split())})") from None
    try:
        spec = NetworkFile.model_validate(raw if raw is not None else {})
    except ValidationError as e:
        raise UsageError(f"{args.file}: " + "; ".join(pydantic_lines(e))) from None
    with transaction(_store(args)) as ipam:
        spec.create_in(ipam)
        _dump(describe(ipam, spec.id))
    return 0


def _parse_lengths(text: str | None) -> dict[int, int]:
    out: dict[int, int] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        fam, _, n = part.partition("=")
        v = family_version(fam.strip(), "--length")
        if not n.strip().isdigit():
            raise UsageError(f"--length: {part!r} must look like IPv4=24 or IPv6=64")
        out[v] = int(n)
    return out


def _name(value: str | None, flag: str) -> None:
    if value is not None and (not value or value != value.strip() or "/" in value):
        raise UsageError(f"{flag}: {value!r} must be a non-empty name without surrounding spaces or '/'")


def cmd_network_allocate(args: argparse.Namespace) -> int:
    for flag in ("partition", "project", "name"):
        _name(getattr(args, flag), f"--{flag}")
    lengths = _parse_lengths(args.length)
    if args.addressfamily and any(v != int(args.addressfamily[-1]) for v in lengths):
        other = next(f"IPv{v}" for v in lengths if v != int(args.addressfamily[-1]))
        raise UsageError(f"--length: {other} given, but --addressfamily {args.addressfamily} allocates no {other.lower()} prefix")
    with transaction(_store(args)) as ipam:
        parent = args.parent or _partition_super(ipam, args.partition)
        if ipam.network(parent).partition != args.partition:
            raise UsageError(f"--parent: network {parent} is in partition {ipam.network(parent).partition!r}, not {args.partition!r}")
        families = [args.addressfamily] if args.addressfamily else None
        net = ipam.allocate_network(
            parent, key=f"{args.partition}/{args.project}/{args.name}", name=args.name, project=args.project,
            lengths=lengths, families=families,
        )
        _dump(describe(ipam, net.id))
    return 0


def _partition_super(ipam: Ipam, partition: str) -> str:
    found = sorted(n.id for n in ipam.networks.values() if n.parent is None and n.private_super and n.partition == partition)
    if not found:
        raise UsageError(f"--partition: no private super network in partition {partition!r}; create one with privatesuper: true")
    if len(found) > 1:
        raise UsageError(f"--partition: partition {partition!r} has several private super networks ({', '.join(found)}); choose one with --parent")
    return found[0]


def cmd_network_list(args: argparse.Namespace) -> int:
    ipam = _read_only(args)
    rows = [("ID", "NAME", "PARTITION", "PROJECT", "PREFIXES", "PARENT")]
    for net in sorted(ipam.networks.values(), key=lambda n: (n.parent is not None, n.id)):
        rows.append((net.id, net.name, net.partition, net.project, ",".join(p.text for p in net.prefixes), net.parent or ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return 0


def cmd_network_describe(args: argparse.Namespace) -> int:
    _dump(describe(_read_only(args), args.id))
    return 0


def cmd_network_release(args: argparse.Namespace) -> int:
    with transaction(_store(args)) as ipam:
        ipam.release_network(args.id)
    return 0


def cmd_ip_create(args: argparse.Namespace) -> int:
    _name(args.name, "--name")
    with transaction(_store(args)) as ipam:
        net = ipam.network(args.network)
        if net.project and net.project != args.project:
            raise UsageError(f"--project: network {net.id} belongs to project {net.project!r}, not {args.project!r}")
        if args.name:
            key = f"{net.id}/{args.name}"
        else:  # unnamed: the lowest free ip-N, so keys stay short and stable
            n = 1
            while f"{net.id}/ip-{n}" in ipam.allocations:
                n += 1
            key = f"{net.id}/ip-{n}"
        a = ipam.acquire_ip(net.id, key, family=args.addressfamily, address=args.ip, purpose=f"project {args.project}")
        print(a.text)
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    with transaction(_store(args)) as ipam:
        ipam.release(args.key)
    return 0


def cmd_ula(args: argparse.Namespace) -> int:
    with transaction(_store(args)) as ipam:
        if args.name not in ipam.ula:
            ipam.ula[args.name] = generate_ula_prefix()
        print(ipam.ula[args.name])
    return 0


def _read_only(args: argparse.Namespace) -> Ipam:
    from ..ipam import from_dict

    store = _store(args)
    data = store.read()
    if data is None:
        raise NotFound(f"--lock: {args.lock} does not exist yet; create a network first")
    return from_dict(data, where=args.lock)
