"""``dualstack synth``, ``dualstack plan`` and ``dualstack schema``: the plan file's commands."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("synth", help="synthesize the plan: cdktf.out/, Kubernetes renderings, review, lock")
    _common(s)
    s.add_argument("--out", help="output folder (default cdktf.out, or $CDKTF_OUTDIR under cdktf's CLI)")
    s.add_argument("--prune", action="store_true", help="release lock entries the plan no longer names")
    s.add_argument("--against", help="compare the review with this lock (default: the lock as committed in git, else the lock before this run)")
    s.set_defaults(run=lambda a: _app().synth(a.plan, lock=a.lock, outdir=a.out, prune=a.prune, store=a.store, against=a.against))

    p = sub.add_parser("plan", help="show the address plan and its difference from the lock (writes only the review)")
    _common(p)
    p.add_argument("--against", help="compare with this lock (default: the lock as committed in git, else the lock on disk)")
    p.add_argument("--out", default="cdktf.out/review", help="where plan.md and plan.svg go (default cdktf.out/review)")
    p.set_defaults(run=lambda a: _app().plan(a.plan, lock=a.lock, against=a.against, outdir=a.out, store=a.store))

    sc = sub.add_parser("schema", help="print the plan file's JSON Schema")
    sc.set_defaults(run=_schema)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", default="plan.yaml", help="the plan file (default ./plan.yaml)")
    p.add_argument("--lock", help="the lock (default ipam.lock.json beside the plan)")
    p.add_argument("--store", help="a shared store, postgresql://user@host:port/db (default: $DUALSTACK_STORE, the plan's store:, else the lock)")


def _app():
    from ..app import run

    return run


def _schema(args: argparse.Namespace) -> int:
    from ..app.plan_file import json_schema

    json.dump(json_schema(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0
