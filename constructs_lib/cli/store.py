"""``dualstack store``: the shared PostgreSQL store (init, status, import, export, log).

The store URL comes from ``--store URL``, else ``$DUALSTACK_STORE``. Bad input (a malformed URL,
a server that cannot be reached, a failed login, a missing or newer schema, a lock that conflicts
with the store) is one line per problem on stderr, exit code 2, and nothing written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..errors import DualstackError, StoreError, one_line
from ..inputs import MAX_LOCK_BYTES, load_json, read_text
from ..store import documents
from ..store.base import DEFAULT_OWNER, Outcome, changes, transact
from ..store.select import STORE_ENV

EXIT_BAD_INPUT = 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("store", help="the shared PostgreSQL store: init, status, import, export, log",
                       description=f"The store URL comes from --store, else ${STORE_ENV}.")
    _store_flag(p, None)
    ssub = p.add_subparsers(dest="store_command", required=True, parser_class=type(p))

    i = ssub.add_parser("init", help="create or migrate the schema (idempotent)")
    _store_flag(i)
    i.set_defaults(run=_guarded(cmd_init))

    st = ssub.add_parser("status", help="the schema version and what the store holds")
    _store_flag(st)
    st.set_defaults(run=_guarded(cmd_status))

    im = ssub.add_parser("import", help="add a lock's entries to the store, all or nothing")
    im.add_argument("lock", metavar="LOCK", help="a lock file (ipam.lock.json)")
    im.add_argument("--owner", default=DEFAULT_OWNER, help=f"whose entries they become (default {DEFAULT_OWNER}, a plan without owner:)")
    _store_flag(im)
    im.set_defaults(run=_guarded(cmd_import))

    ex = ssub.add_parser("export", help="write a lock from the store")
    ex.add_argument("--owner", help="only this owner's allocations and the networks they hang from (default: everything)")
    ex.add_argument("-o", "--output", metavar="FILE", help="write the lock here (default: standard output)")
    _store_flag(ex)
    ex.set_defaults(run=_guarded(cmd_export))

    lg = ssub.add_parser("log", help="the change log, oldest first")
    lg.add_argument("--key", help="one key (allocation key, network id or ULA name)")
    lg.add_argument("--owner", help="one owner's changes")
    lg.add_argument("--since", metavar="T", help="changes at or after T (ISO 8601: 2025-01-31 or 2025-01-31T12:00:00Z; UTC unless a zone is given)")
    lg.add_argument("--json", action="store_true", help="one JSON object per line")
    _store_flag(lg)
    lg.set_defaults(run=_guarded(cmd_log))


def _store_flag(p: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    # on "store" itself and on every subcommand (either place works); the subcommand's wins
    p.add_argument("--store", dest="store_url", metavar="URL", default=default,
                   help=f"postgresql://user@host:port/db or postgresql:///db?host=/socket/dir (default ${STORE_ENV})")


def _guarded(command: Any) -> Any:
    """Every refusal: one line per problem on stderr, exit 2 (whatever the caller catches itself)."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args) or 0
        except DualstackError as e:
            for line in e.lines:
                print(f"dualstack: error: {one_line(line)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except OSError as e:  # -o into a folder, an unwritable place: nothing was written
            where = f"{e.filename}: " if e.filename else ""
            print(f"dualstack: error: {where}{e.strerror or one_line(e)}", file=sys.stderr)
            return EXIT_BAD_INPUT

    run.__name__ = command.__name__
    return run


def open_store(args: argparse.Namespace) -> Any:
    from ..store.postgres import PostgresStore
    from ..store.url import is_postgres_url, mask

    url = getattr(args, "store_url", None) or os.environ.get(STORE_ENV)
    if not url or not url.strip():
        raise StoreError(f"store: no store URL; give --store postgresql://user@host:port/db or set {STORE_ENV}")
    if not is_postgres_url(url):
        raise StoreError(f"store: {mask(url)} is not a PostgreSQL URL; use postgresql://user@host:port/db (or postgresql:///db?host=/socket/dir)")
    return PostgresStore(url)


def _owner(value: str | None, flag: str = "--owner") -> str | None:
    if value is None:
        return None
    from ..ipam.keys import check_owner

    check_owner(value, flag)
    return value


# -- commands --------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    store = open_store(args)
    applied = store.init()
    version = store.status()["schema"]
    if applied:
        print(f"dualstack store: {store.url.masked}: schema {version}; applied {', '.join(applied)}")
    else:
        print(f"dualstack store: {store.url.masked}: schema {version}, already current")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    status = open_store(args).status()
    for name, value in status.items():
        if name == "owners":
            value = ", ".join(f"{o} ({n})" for o, n in value.items()) or "-"
        print(f"{name}: {value}")
    return 0 if status.get("state") == "ready" else EXIT_BAD_INPUT


def cmd_import(args: argparse.Namespace) -> int:
    from ..ipam import lockfile

    owner = _owner(args.owner)
    store = open_store(args)
    path = args.lock
    lock = load_json(read_text(path, "lock", max_bytes=MAX_LOCK_BYTES), f"lock {path}")
    lockfile.from_dict(lock, where=f"lock {path}")  # a damaged lock fails here, naming its entries
    reasons = {k: "import" for section in ("networks", "allocations", "ula") for k in (lock.get(section) or {})}

    def work(snapshot: dict[str, Any] | None) -> Outcome:
        merged, conflicts, renumbered = documents.merge(snapshot, lock, owner, where=f"lock {path}")
        if conflicts:
            raise StoreError(lines=conflicts)
        found = changes(snapshot, merged, owner, reasons)
        return Outcome(merged, value=(found, renumbered), reasons=reasons)

    found, renumbered = transact(store, owner, work)
    for line in renumbered:
        print(f"dualstack store: {line}")
    counts = {t: sum(1 for c in found if c.table == t) for t in ("network", "allocation", "ula")}
    held = sum(len(lock.get(s) or {}) for s in ("networks", "allocations", "ula")) - len(found)
    kept = sorted({documents.owner_of(c.after) for c in found
                   if c.before is None and c.after and c.table != "ula" and "owner" in c.after and c.after["owner"] != owner})
    if kept:  # a repository's lock also holds what `dualstack ipam` made: those keys stay their owner's
        print(f"dualstack store: entries the lock names another owner for stay theirs: {', '.join(kept)}")
    print(f"dualstack store: imported {path} as owner {owner} into {store.url.masked}: "
          f"{counts['network']} networks, {counts['allocation']} allocations, {counts['ula']} RFC 4193 pins changed; "
          f"{held} already held")
    if renumbered:
        print(f"dualstack store: {len(renumbered)} VRF ids were renumbered; write the lock from the store: "
              f"dualstack store export --owner {owner} -o {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..store.lockfile import LockfileStore

    owner = _owner(args.owner)
    store = open_store(args)
    doc = store.read()
    out = documents.project(doc, owner) if owner is not None else (doc or documents.empty_document())
    if args.output:
        LockfileStore(args.output).write(out)
        print(f"dualstack store: wrote {args.output} ({len(out['networks'])} networks, {len(out['allocations'])} allocations)",
              file=sys.stderr)
    else:
        sys.stdout.write(json.dumps(out, indent=2, sort_keys=True) + "\n")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    store = open_store(args)
    entries = store.log(key=args.key, owner=_owner(args.owner), since=args.since)
    for e in entries:
        if args.json:
            print(json.dumps({"time": e.time, "owner": e.owner, "run_id": e.run_id, "table": e.table, "key": e.key,
                              "before": e.before, "after": e.after, "reason": e.reason}, sort_keys=True))
        else:
            print(f"{e.time}  {e.owner}  {e.reason:<8}  {e.table} {e.key}: {_shown(e.before)} -> {_shown(e.after)}  (run {e.run_id})")
    return 0


def _shown(entry: Any) -> str:
    """An entry in a few words: a prefix or address, a network's prefixes, or '-' for absent."""
    if entry is None:
        return "-"
    if isinstance(entry, str):
        return entry
    if "cidr" in entry or "address" in entry:
        return str(entry.get("cidr") or entry.get("address"))
    prefixes = [f"{p['relative']}/{p['length']}" if isinstance(p, dict) else str(p) for p in entry.get("prefixes", [])]
    owners = entry.get("owners") or ([entry["owner"]] if "owner" in entry else [])
    return f"[{', '.join(prefixes)}]" + (f" owners {','.join(owners)}" if owners else "")


def main(argv: list[str] | None = None) -> int:
    """``python -m constructs_lib.cli.store ...``: the same as ``dualstack store ...``."""
    from . import _Parser
    from .errors import UsageError

    parser = _Parser(prog="dualstack")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    register(sub)
    try:
        args = parser.parse_args(["store", *(sys.argv[1:] if argv is None else argv)])
        return args.run(args)
    except UsageError as e:
        print(f"dualstack: error: {one_line(e)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
