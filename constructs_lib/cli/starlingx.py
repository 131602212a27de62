"""``dualstack starlingx``: the bootstrap form (localhost.yml) into the plan's ``starlingx:`` section, and back.

``import-bootstrap FILE`` prints the section a bootstrap overrides file describes; ``export-bootstrap``
prints a planned system's overrides, its pools as the lock holds them. Neither writes anything.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import DualstackError
from ..inputs import MAX_SMALL_FILE_BYTES, read_yaml
from .errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("starlingx", help="StarlingX platform networks: the bootstrap overrides (localhost.yml) to and from the plan")
    ssub = p.add_subparsers(dest="starlingx_command", required=True, parser_class=type(p))

    i = ssub.add_parser("import-bootstrap", help="print the starlingx: section a bootstrap overrides file (localhost.yml) describes")
    i.add_argument("file", metavar="FILE", help="the bootstrap overrides (localhost.yml)")
    i.add_argument("--system", default="starlingx", help="the system's name in the section (default: starlingx)")
    i.set_defaults(run=cmd_import)

    e = ssub.add_parser("export-bootstrap", help="print a planned system's bootstrap overrides (localhost.yml)")
    e.add_argument("--plan", default="plan.yaml", help="the plan file (default ./plan.yaml)")
    e.add_argument("--lock", help="the lock (default ipam.lock.json beside the plan): from: pools take their subnets from it")
    e.add_argument("--system", help="the system (required when the plan has several)")
    e.set_defaults(run=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    from ..ipam import Ipam
    from ..starlingx import StarlingxError, import_bootstrap, plan_starlingx, section_yaml
    from ..starlingx.section import SYSTEM_NAME

    if not SYSTEM_NAME.match(args.system):
        raise UsageError(f"--system: {args.system!r} is not a system name (lower-case letters, digits and '-', at most 42)")
    values = read_yaml(args.file, "bootstrap", max_bytes=MAX_SMALL_FILE_BYTES)
    system = import_bootstrap(values, f"bootstrap {args.file}")
    try:  # what the plan will refuse, said now: the import itself stays faithful to the file
        planned = plan_starlingx(Ipam(), {args.system: system})
        notes = list(planned.warnings)
    except StarlingxError as e:
        notes = [f"the plan will refuse this: {line}" for line in e.lines]
    sys.stdout.write(section_yaml({args.system: system}))
    for line in notes:
        print(f"dualstack: warning: {line}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..ipam import DEFAULT_OWNER
    from ..starlingx import bootstrap_overrides, committed_plan
    from ..starlingx.committed import unlocked_pools
    from ..store import LockfileStore

    document = read_yaml(args.plan, "plan")
    if not isinstance(document, dict) or not document.get("starlingx"):
        raise DualstackError(f"plan {args.plan}: has no starlingx: section")
    lock_path = args.lock or str(Path(os.path.abspath(args.plan)).parent / "ipam.lock.json")
    lock = LockfileStore(lock_path).read()
    owner = document.get("owner") or DEFAULT_OWNER
    try:
        unlocked = unlocked_pools(document["starlingx"], (lock or {}).get("networks") or {})
    except DualstackError as e:
        raise DualstackError(lines=[f"plan {args.plan}: {line}" for line in e.lines]) from None
    if unlocked:  # a from: pool's subnet is what the lock says; without it the file would name a guess
        raise DualstackError(lines=[f"{path}.from: {source}: no pool taken from it in the lock {lock_path} yet; run dualstack "
                                    "synth first, so the subnet is allocated" for path, source in unlocked])
    planned = committed_plan(document, lock, owner if isinstance(owner, str) else DEFAULT_OWNER, where=f"plan {args.plan}")
    assert planned is not None
    if args.system is None:
        if len(planned.systems) != 1:
            raise UsageError(f"--system: the plan has {len(planned.systems)} systems ({', '.join(planned.systems)}); name one")
        name = next(iter(planned.systems))
    else:
        name = args.system
    sys.stdout.write(bootstrap_overrides(planned.system(name)))
    return 0

