"""The app's two jobs: ``synth`` (plan + store -> cdktf.out, renderings, review, lock) and ``plan``
(the address plan and its difference from the committed lock, writing only the review).

One run is one store transaction: the plan is allocated on a snapshot, the output is built in a
staging folder, the store commits, then the output is swapped in. Bad input: one line per
problem on stderr, exit code 2, nothing written (no lock, no store rows, no output).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, NoReturn

from ..aws.poc import OFFLINE_ENV
from ..errors import DualstackError, one_line
from ..inputs import InputError, env_flag
from ..ipam import DEFAULT_OWNER, from_dict, to_dict
from ..ipam.bulk import bulk
from ..locks import folder_lock
from ..report import MovedKeys, diff, render_text, rows, terminal_width, usage_rows, write_report
from ..report.text import summary_line
from ..store import LockfileStore, Outcome, StoreError, transact
from ..store.select import open_store, store_url
from .baseline import Baseline, baseline
from .output import OutputFolder, STATE_DIR
from .pipeline import Allocated, allocate
from .plan_file import PlanError, load_plan

EXIT_BAD_PLAN = 2
DEFAULT_PLAN = "plan.yaml"
LOCK_NAME = "ipam.lock.json"


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
    return lock or str(Path(plan_path).resolve().parent / LOCK_NAME)


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(f"dualstack: error: {line}", file=sys.stderr)
    return EXIT_BAD_PLAN


def _lines(e: BaseException) -> list[str]:
    """Every refusal as one line each (a plan may have several problems, a lock several moved keys)."""
    if isinstance(e, (DualstackError, MovedKeys)):
        return [one_line(line) for line in e.lines]
    if isinstance(e, OSError) and e.filename:
        return [f"{e.filename}: {e.strerror or one_line(e)}"]
    return [one_line(e)]


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """SIGTERM (and SIGHUP) end the run like Ctrl-C: cleanup runs, staging is removed, jsii is closed."""
    def stop(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        for s in previous:
            signal.signal(s, stop)
    except ValueError:  # not the main thread (a library caller): leave signals alone
        previous = {}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


@dataclass
class _Context:
    """What both jobs resolve from the plan and the command line before anything runs."""

    plan: Any
    clusters: dict
    owner: str
    lock_path: str
    store: Any
    shared: bool  # a store other than the lock file: the lock is the reviewed projection
    plan_path: str = DEFAULT_PLAN
    committed_starlingx: Any = None  # the StarlingX plan as committed (git HEAD): what apply-changes.sh starts from


def _context(plan_path: str, lock: str | None, store_flag: str | None) -> _Context:
    plan_doc, clusters = load_plan(plan_path)
    url = store_url(store_flag, plan_doc.store)
    if url is not None and plan_doc.owner is None:
        raise PlanError(["owner: required when a store is used (the plan's keys are held in the store under this name); add owner: <team>"])
    lock_path = lock_path_for(plan_path, lock)
    store = open_store(url, lock_path)
    ctx = _Context(plan_doc, clusters, plan_doc.owner or DEFAULT_OWNER, lock_path, store, url is not None, plan_path)
    if plan_doc.starlingx.systems:
        ctx.committed_starlingx = _committed_starlingx(ctx)
    return ctx


def _committed_starlingx(ctx: _Context) -> Any:
    """The StarlingX plan as committed: the plan's section at git HEAD on the lock at git HEAD (None without them)."""
    from ..starlingx import committed_plan
    from .baseline import committed_lock, committed_plan_document

    document = committed_plan_document(ctx.plan_path)
    if document is None:
        return None
    lock = committed_lock(ctx.lock_path)
    return committed_plan(document, lock.document if lock else None, ctx.owner)


def _check_starlingx(ctx: _Context, allocated: Allocated) -> None:
    """What StarlingX cannot change at runtime, refused before anything is written."""
    from ..starlingx import check_changes

    lines = check_changes(ctx.committed_starlingx, allocated.starlingx)
    if lines:
        raise PlanError(lines)


def _reconcile(snapshot: dict | None, committed: dict | None, owner: str, lock_path: str) -> None:
    """With a shared store, the committed lock and the store must agree on this owner's keys."""
    mine_lock = _owned(committed, owner)
    mine_store = _owned(snapshot, owner)
    lines = []
    for key, entry in sorted(mine_lock.items()):
        have = mine_store.get(key)
        if have is None:
            lines.append(f"{lock_path}: {key}: {_show(entry)} is in the committed lock but not in the store; "
                         "import the lock (dualstack store import) or drop the entry in a reviewed change")
        elif have != entry:
            lines.append(f"{lock_path}: {key}: the lock has {_show(entry)}, the store has {_show(have)}; a hand edit on one side?")
    if lines:
        raise StoreError(lines=lines)


def _owned(document: dict | None, owner: str) -> dict[str, Any]:
    """``owner``'s allocations and child networks of a document, by key (networks by their key too)."""
    from ..store.documents import owner_of

    out: dict[str, Any] = {}
    for key, entry in ((document or {}).get("allocations") or {}).items():
        if owner_of(entry) == owner:
            out[key] = entry
    for id, entry in ((document or {}).get("networks") or {}).items():
        if entry.get("parent") is not None and owner_of(entry) == owner:
            out[entry.get("key") or id] = entry
    return out


def _show(entry: Any) -> str:
    if isinstance(entry, dict):
        for k in ("cidr", "address"):
            if k in entry:
                return str(entry[k])
        if "prefixes" in entry:
            return ", ".join(p if isinstance(p, str) else str(p.get("relative")) for p in entry["prefixes"])
    return str(entry)


# -- synth -------------------------------------------------------------------------------------
#: how far this run got past its store transaction: "stored", then "published" (what a later failure must say)
_COMMITTED: list[str] = []

def flag(environ: Any, name: str) -> bool:
    """A yes/no environment variable (``inputs.env_flag``), refused as a plan problem."""
    try:
        return env_flag(environ, name)
    except InputError as e:
        raise PlanError(e.lines) from None


def exit_now(code: int) -> NoReturn:
    """End the process once its work is written: exit handlers (jsii stops its node process),
    flushed streams, then ``os._exit``. The interpreter's own teardown (every module and object
    freed one by one) is 0.1-0.2 s of a 1.3 s main job, and frees nothing the OS would not.
    Every file the job writes is closed by then; a live non-daemon thread takes the normal exit."""
    import atexit
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.exit(code)  # work still running (none of ours): the interpreter's way out, which joins it
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more to say
            pass
    os._exit(code)


def main_job(environ: Any) -> int:
    """What ``main.py`` (and so ``cdktf synth``) runs: the plan named by ``DUALSTACK_PLAN``, default plan.yaml."""
    try:
        prune = flag(environ, "DUALSTACK_PRUNE")
    except PlanError as e:
        return _fail(e.lines)
    return synth(environ.get("DUALSTACK_PLAN", DEFAULT_PLAN), prune=prune)


def synth(plan_path: str = DEFAULT_PLAN, *, lock: str | None = None, outdir: str | None = None, prune: bool = False,
          store: str | None = None, against: str | None = None) -> int:
    under_cli = "CDKTF_OUTDIR" in os.environ  # cdktf's CLI reads what we write from its output folder
    report_stream = sys.stdout if under_cli else sys.stderr  # the CLI shows every stderr line as [ERROR]
    progress = Progress()
    outdir = outdir or os.environ.get("CDKTF_OUTDIR") or "cdktf.out"
    try:
        with _terminate_cleanly():
            flag(os.environ, OFFLINE_ENV)  # read when the AWS stack is built: a bad value stops the run before anything
            ctx = _context(plan_path, lock, store)
            out = OutputFolder(outdir, Path(plan_path).resolve().parent / STATE_DIR)
            out.check([plan_path, ctx.lock_path])
            result = _synth(ctx, out, prune=prune, against=against, progress=progress)
    except KeyboardInterrupt:
        progress.done()
        if _COMMITTED:
            done = "the output was written, the lock file may not be" if _COMMITTED[-1] == "published" else "the output was not replaced"
            print(f"dualstack: interrupted after the allocations were stored; {done}: run synth again", file=sys.stderr)
        else:
            print("dualstack: interrupted; nothing was written", file=sys.stderr)
        return 130
    except (DualstackError, MovedKeys, OSError) as e:
        progress.done()
        lines = _lines(e)
        if _COMMITTED and _COMMITTED[-1] == "published":  # with a store: only the lock file beside the plan is behind
            lines.append("the allocations were stored and the output written, but the lock file was not: "
                         "fix this and run synth again (it writes the lock from the store)")
        elif _COMMITTED:  # the store (or lock) holds the run's allocations; only publishing failed
            lines.append("the allocations were stored, the output was not replaced: fix this and run synth again")
        return _fail(lines)
    finally:
        _COMMITTED.clear()
    progress.done()
    allocated, plan_diff, notes = result
    for line in notes:
        print(f"dualstack: {line}", file=report_stream)
    for w in allocated.warnings:
        print(f"dualstack: warning: {w}", file=report_stream)
    stale = allocated.ipam.stale_keys()
    if stale:
        print(f"dualstack: {len(stale)} key(s) in the lock are no longer in the plan and stay reserved until --prune: "
              + ", ".join(stale[:5]) + (" ..." if len(stale) > 5 else ""), file=report_stream)
    print(f"dualstack: {summary_line(plan_diff)}; wrote {outdir}/", file=report_stream)
    return 0


def _synth(ctx: _Context, out: OutputFolder, *, prune: bool, against: str | None, progress: Progress):
    committed_store = LockfileStore(ctx.lock_path)
    committed = committed_store.read() if ctx.shared else None
    notes: list[str] = []
    with folder_lock(str(out.parent), what=f"output {out.path}"):
        notes += out.recover()
        staged: list[Path] = []

        def work(snapshot: dict | None) -> Outcome:
            for old in staged:  # a retried attempt starts from scratch
                out.discard(old)
            staged.clear()
            if ctx.shared:
                _reconcile(snapshot, committed, ctx.owner, ctx.lock_path)
            before = _view(snapshot, ctx) if ctx.shared else snapshot
            review_base = baseline(ctx.lock_path, committed if ctx.shared else snapshot, against)
            progress("reading the plan")
            with bulk():  # no collector passes over the growing key table (issue 14)
                ipam = from_dict(snapshot, where=ctx.store.where, owner=ctx.owner)
                allocated = allocate(ctx.plan, ctx.clusters, ipam, progress)
            _check_starlingx(ctx, allocated)
            pruned = ipam.prune() if prune else []
            document = to_dict(ipam)
            view = from_dict(_view(document, ctx), where=ctx.store.where, owner=ctx.owner) if ctx.shared else ipam
            stale = ipam.stale_keys()
            diff(before, view, stale=stale).raise_for_moves()
            plan_diff = diff(review_base.document, view, stale=stale)
            if not review_base.given:
                plan_diff.raise_for_moves()  # a hand edit of the lock since its commit renumbers too
            progress("synthesizing the stacks")
            staging = out.stage()
            staged.append(staging)
            try:
                _build(ctx, allocated, view, plan_diff, review_base, staging, out)
            except BaseException:
                out.discard(staging)
                staged.clear()
                raise
            return Outcome(document, value=(allocated, plan_diff, staging, document), reasons={k: "prune" for k in pruned})

        allocated, plan_diff, staging, document = transact(ctx.store, ctx.owner, work)
        _COMMITTED.append("stored")
        try:
            notes += out.publish(staging)
        except BaseException:
            out.discard(staging)
            raise
        _COMMITTED.append("published")
        if ctx.shared:  # the reviewed record: exactly this owner's allocations and what they hang from
            committed_store.write(_view(document, ctx))
    return allocated, plan_diff, notes


def _view(document: dict | None, ctx: _Context) -> dict | None:
    """This owner's part of a shared store's document (the committed lock's content)."""
    if document is None:
        return None
    from ..store.documents import project

    return project(document, ctx.owner)


def _build(ctx: _Context, allocated: Allocated, view, plan_diff, review_base: Baseline, staging: Path, out: OutputFolder) -> None:
    from .synth import synthesize

    from ..starlingx import starlingx_files

    # the pure parts first, while the engine may still be loading (main.py preloads it)
    files = {f"kubernetes/{cluster}/{name}": text for cluster, planned in allocated.clusters.items() for name, text in planned.files.items()}
    files.update(starlingx_files(allocated.starlingx, ctx.committed_starlingx))
    for rel, text in sorted(files.items()):
        path = Path(staging, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_report(view, review_base.document, Path(staging, "review"), plan_diff=plan_diff, sites=list(ctx.plan.sites),
                 baseline_label=review_base.label)
    synthesize(ctx.plan, allocated, str(staging), out.backend_path)


# -- plan ----------------------------------------------------------------------------------------
def plan(plan_path: str = DEFAULT_PLAN, *, lock: str | None = None, against: str | None = None, outdir: str = "cdktf.out/review",
         store: str | None = None) -> int:
    """Print the address plan and its difference from the committed lock; write plan.md and plan.svg.

    Neither the lock nor the store is written."""
    try:
        ctx = _context(plan_path, lock, store)
        snapshot = ctx.store.read()
        committed = LockfileStore(ctx.lock_path).read() if ctx.shared else snapshot
        if ctx.shared:
            _reconcile(snapshot, committed, ctx.owner, ctx.lock_path)
        review_base = baseline(ctx.lock_path, committed, against)
        progress = Progress()
        try:
            with bulk():
                ipam = from_dict(snapshot, where=ctx.store.where, owner=ctx.owner)
                allocated = allocate(ctx.plan, ctx.clusters, ipam, progress)
        finally:
            progress.done()  # clear the status line before the table
        _check_starlingx(ctx, allocated)
        view = from_dict(_view(to_dict(ipam), ctx), owner=ctx.owner) if ctx.shared else ipam
        before = _view(snapshot, ctx) if ctx.shared else snapshot
        stale = ipam.stale_keys()
        moves = diff(before, view, stale=stale)
        plan_diff = diff(review_base.document, view, stale=stale)
        sites = list(ctx.plan.sites)
        sys.stdout.write(render_text(rows(view, sites=sites), plan_diff, usage_rows(view), width=terminal_width(),
                                     baseline_label=review_base.label))
        moves.raise_for_moves()
        if not review_base.given:
            plan_diff.raise_for_moves()
        write_report(view, review_base.document, outdir, plan_diff=plan_diff, sites=sites, baseline_label=review_base.label)
    except (DualstackError, MovedKeys, OSError) as e:
        return _fail(_lines(e))
    for w in allocated.warnings:
        print(f"dualstack: warning: {w}", file=sys.stderr)
    return 0
