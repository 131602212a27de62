"""The app's two jobs: ``synth`` (plan + lock -> cdktf.out, renderings, review, lock) and
``plan`` (the address plan and its difference from the lock, without touching either).

Bad plans: one line per problem with its YAML path on stderr, exit code 2, nothing written.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ..ipam import IpamError, JsonLockStore, from_dict, to_dict
from ..report import MovedKeys, diff, render_text, rows, usage_rows, write_report
from ..report.text import summary_line
from .pipeline import allocate
from .plan_file import PlanError, load_plan

EXIT_BAD_PLAN = 2
DEFAULT_PLAN = "plan.yaml"


class Progress:
    """One status line on a terminal; silent when stderr is not one (CI, pipes, cdktf's CLI)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.on = self.stream.isatty()
        self.start = time.monotonic()

    def __call__(self, what: str, done: int = 0, total: int = 0) -> None:
        if self.on:
            count = f"[{done}/{total}] " if total else ""
            self.stream.write(f"\r\033[K{time.monotonic() - self.start:6.1f}s {count}{what}")
            self.stream.flush()

    def done(self) -> None:
        if self.on:
            self.stream.write("\r\033[K")
            self.stream.flush()


def lock_path_for(plan_path: str, lock: str | None) -> str:
    return lock or str(Path(plan_path).resolve().parent / "ipam.lock.json")


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(f"dualstack: error: {line}", file=sys.stderr)
    return EXIT_BAD_PLAN


def check_outdir(outdir: str, keep: list[str]) -> None:
    """Refuse an output folder we must not replace: it is replaced whole on success.

    It may be missing, empty, or an earlier output (it has cdktf's manifest.json), and it must
    not hold the plan or the lock.
    """
    out = Path(outdir).resolve()
    for path in keep:
        p = Path(path).resolve()
        if p == out or out in p.parents:
            raise PlanError([f"--out: {outdir} holds {path}; choose a folder of its own (default cdktf.out)"])
    if out.exists():
        if not out.is_dir():
            raise PlanError([f"--out: {outdir} is a file, not a folder"])
        if any(out.iterdir()) and not (out / "manifest.json").is_file():
            raise PlanError([f"--out: {outdir} exists and is not an earlier synth output (no manifest.json); "
                             "choose another folder or empty it"])


def synth(plan_path: str = DEFAULT_PLAN, *, lock: str | None = None, outdir: str | None = None, prune: bool = False) -> int:
    progress = Progress()
    under_cli = "CDKTF_OUTDIR" in os.environ  # cdktf's CLI owns its output folder; we write into it
    outdir = outdir or os.environ.get("CDKTF_OUTDIR") or "cdktf.out"
    lock_path = lock_path_for(plan_path, lock)
    try:
        if not under_cli:
            check_outdir(outdir, [plan_path, lock_path])
        progress("reading the plan")
        plan, clusters = load_plan(plan_path)
        store = JsonLockStore(lock_path)
        with store.locked():
            old = store.read()
            ipam = from_dict(old, where=store.path)
            allocated = allocate(plan, clusters, ipam, progress)
            if prune:
                ipam.prune()
            plan_diff = diff(old, ipam)
            plan_diff.raise_for_moves()
            progress("synthesizing the stacks")
            # build everything in a sibling folder, then swap it in: a failure leaves the old output
            staging = outdir if under_cli else tempfile.mkdtemp(prefix=".cdktf.out-", dir=str(Path(outdir).resolve().parent))
            try:
                from .synth import synthesize

                synthesize(plan, allocated, staging)
                progress("writing renderings and the review")
                for cluster, planned in sorted(allocated.clusters.items()):
                    for name, text in sorted(planned.files.items()):
                        path = Path(staging, "kubernetes", cluster, name)
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_text(text, encoding="utf-8")
                write_report(ipam, old, Path(staging, "review"), plan_diff=plan_diff)
                if not under_cli:
                    if os.path.isdir(outdir):
                        shutil.rmtree(outdir)
                    os.replace(staging, outdir)
            except BaseException:
                if not under_cli:
                    shutil.rmtree(staging, ignore_errors=True)
                raise
            store.write(to_dict(ipam))
    except (PlanError, MovedKeys, IpamError, OSError) as e:
        progress.done()
        return _fail(_lines(e))
    progress.done()
    for w in allocated.warnings:
        print(f"dualstack: warning: {w}", file=sys.stderr)
    stale = ipam.stale_keys()
    if stale:
        print(f"dualstack: {len(stale)} key(s) in the lock are no longer in the plan and stay reserved until --prune: "
              + ", ".join(stale[:5]) + (" ..." if len(stale) > 5 else ""), file=sys.stderr)
    print(f"dualstack: {summary_line(plan_diff)}; wrote {outdir}/", file=sys.stderr)
    return 0


def _lines(e: BaseException) -> list[str]:
    """Every refusal as one line each (a plan may have several problems, a lock several moved keys)."""
    if isinstance(e, PlanError):
        return e.lines
    if isinstance(e, MovedKeys):
        return str(e).splitlines()
    if isinstance(e, OSError) and e.filename:
        return [f"{e.filename}: {e.strerror or e}"]
    return [" ".join(str(e).split())]


def plan(plan_path: str = DEFAULT_PLAN, *, lock: str | None = None, against: str | None = None, outdir: str = "cdktf.out/review") -> int:
    """Print the address plan and its difference from the lock; write plan.md and plan.svg. The lock is not written."""
    try:
        plan_doc, clusters = load_plan(plan_path)
        store = JsonLockStore(lock_path_for(plan_path, lock))
        old = store.read()
        if against is not None:
            if not Path(against).is_file():
                raise PlanError([f"--against: {against}: no such lock file"])
            baseline = JsonLockStore(against).read()
        else:
            baseline = old
        ipam = from_dict(old, where=store.path)
        progress = Progress()
        try:
            allocated = allocate(plan_doc, clusters, ipam, progress)
        finally:
            progress.done()  # clear the status line before the table
        plan_diff = diff(baseline, ipam)
        sys.stdout.write(render_text(rows(ipam), plan_diff, usage_rows(ipam)))
        plan_diff.raise_for_moves()
        write_report(ipam, baseline, outdir, plan_diff=plan_diff)
    except (PlanError, MovedKeys, IpamError, OSError) as e:
        return _fail(_lines(e))
    for w in allocated.warnings:
        print(f"dualstack: warning: {w}", file=sys.stderr)
    return 0
