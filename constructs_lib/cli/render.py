"""``dualstack render``: the Kubernetes files of a synth made final with ``terraform output -json``.

A synth writes each cluster's files into ``cdktf.out/kubernetes/<cluster>/``. Where a value is
known only after apply (a range of the Amazon /56, an address Neutron picks), the file holds
Terraform template text, and the same file is an output of the site's stack. So:

    dualstack render                                      # which files need outputs, which are final
    (cd cdktf.out/stacks/os-fra && terraform output -json) > os-fra.json
    dualstack render --from-outputs os-fra.json --out rendered
    kubectl apply -f rendered/fra/calico/ippools.yaml

Files without template text are copied as they are. A cluster is rendered when the outputs hold
any of its outputs (or ``--cluster`` names it); every one it needs must then be there, known,
and match the synth, else one line names the output, exit code 2, nothing written. Each
rendered cluster's folder under ``--out`` is replaced whole (built beside it, swapped in).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..inputs import MAX_LOCK_BYTES, MAX_PLAN_BYTES, load_json, read_text
from ..kubernetes.final import RenderError, cluster_outputs, read_outputs, render_cluster
from .errors import UsageError

DEFAULT_IN = "cdktf.out/kubernetes"
DEFAULT_OUT = "rendered"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help="make the Kubernetes files final from terraform output -json (lists what needs it without)",
                       description="Without --from-outputs: list each rendered file and the output it needs, if any. "
                                   "With it: write final files (no ${...} left) into --out.")
    p.add_argument("--from-outputs", metavar="FILE", action="append", default=[],
                   help="terraform output -json of a site's stack (repeat for several stacks)")
    p.add_argument("--in", dest="source", default=DEFAULT_IN, metavar="DIR",
                   help=f"the synth's Kubernetes renderings, one folder per cluster (default {DEFAULT_IN})")
    p.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=f"where the final files go, one folder per cluster (default {DEFAULT_OUT})")
    p.add_argument("--cluster", action="append", default=[], metavar="NAME",
                   help="render this cluster (repeatable); default: every cluster whose outputs are given, and those that need none")
    p.set_defaults(run=run)


def _clusters(source: Path) -> dict[str, dict[str, str]]:
    """cluster -> relative file name -> text, as the synth wrote them."""
    if not source.is_dir():
        raise UsageError(f"--in: {source} is not a folder of Kubernetes renderings; run dualstack synth first (default {DEFAULT_IN})")
    out: dict[str, dict[str, str]] = {}
    for entry in sorted(source.iterdir()):
        if not entry.is_dir() or entry.is_symlink():
            continue
        files = {}
        for root, dirs, names in os.walk(entry):
            dirs.sort()
            for name in sorted(names):
                path = Path(root, name)
                rel = path.relative_to(entry).as_posix()
                files[rel] = read_text(path, "rendering", max_bytes=MAX_PLAN_BYTES)
        out[entry.name] = files
    if not out:
        raise UsageError(f"--in: {source} holds no cluster folder; run dualstack synth first")
    return out


def _outputs(paths: list[str]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for path in paths:
        text = read_text(path, "--from-outputs", max_bytes=MAX_LOCK_BYTES)
        for name, value in read_outputs(load_json(text, f"--from-outputs {path}"), f"--from-outputs {path}").items():
            if name in merged and merged[name] != value:
                raise UsageError(f"--from-outputs: output {name} differs between {origin[name]} and {path}")
            merged[name], origin[name] = value, path
    return merged


def _list(clusters: dict[str, dict[str, str]], source: Path) -> int:
    rows = []
    for cluster, files in clusters.items():
        needs = {v: k for k, v in cluster_outputs(cluster, files).items()}
        for name in files:
            rows.append((f"{cluster}/{name}", f"needs output {needs[name]}" if name in needs else "final (copied as it is)"))
    width = max(len(r[0]) for r in rows) if rows else 0
    for path, status in rows:
        print(f"{path.ljust(width)}  {status}")
    waiting = sum(1 for _, status in rows if status.startswith("needs"))
    if waiting:
        print(f"{waiting} of {len(rows)} files hold values known after apply: pass the site's terraform output -json, "
              f"dualstack render --from-outputs FILE (renderings in {source})")
    else:
        print(f"all {len(rows)} files are final: dualstack render --from-outputs FILE copies them, or use {source} as it is")
    return 0


def _write(out: Path, cluster: str, files: dict[str, str]) -> None:
    """Build the cluster's folder beside its place, then swap it in (the old one removed last)."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{cluster}-", dir=out))
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        target = out / cluster
        aside = None
        if target.exists() or target.is_symlink():
            if not target.is_dir() or target.is_symlink():
                raise UsageError(f"--out: {target} is not a folder; remove it or choose another --out")
            aside = Path(tempfile.mkdtemp(prefix=f".{cluster}.old-", dir=out))
            os.rmdir(aside)
            os.rename(target, aside)
        os.rename(staging, target)
        if aside is not None:
            shutil.rmtree(aside)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    source, out = Path(args.source), Path(args.out)
    clusters = _clusters(source)
    for name in args.cluster:
        if name not in clusters:
            raise UsageError(f"--cluster: {name!r} is not one of the renderings in {source} ({', '.join(clusters)})")
    if not args.from_outputs:
        if args.cluster:
            clusters = {k: v for k, v in clusters.items() if k in args.cluster}
        return _list(clusters, source)
    src_abs, out_abs = source.resolve(), out.resolve()
    if out_abs == src_abs or src_abs in out_abs.parents or out_abs in src_abs.parents:
        raise UsageError(f"--out: {out} and --in {source} overlap; write the final files into a folder of their own")
    outputs = _outputs(args.from_outputs)
    where = "--from-outputs " + ", ".join(args.from_outputs)
    chosen, skipped = [], []
    for cluster, files in clusters.items():
        needed = cluster_outputs(cluster, files)
        if args.cluster:
            if cluster in args.cluster:
                chosen.append(cluster)
        elif not needed or any(name in outputs for name in needed):
            chosen.append(cluster)
        else:
            skipped.append((cluster, sorted(needed)[0]))
    if not chosen:
        first = skipped[0]
        raise RenderError(f"{where}: holds no output of any cluster in {source} (cluster {first[0]} needs {first[1]}, ...); pass "
                          "terraform output -json of the stack of the cluster's site")
    # everything is made final before anything is written: a refusal leaves --out as it was
    rendered = {cluster: render_cluster(cluster, clusters[cluster], outputs, where) for cluster in chosen}
    for cluster, files in rendered.items():
        _write(out, cluster, files)
        from_outputs = len(cluster_outputs(cluster, clusters[cluster]))
        print(f"dualstack: wrote {out / cluster}: {len(files)} files, {from_outputs} filled in from the outputs")
    for cluster, output in skipped:
        print(f"dualstack: skipped cluster {cluster}: its outputs ({output}, ...) are not in {', '.join(args.from_outputs)}; "
              "pass its site's terraform output -json")
    return 0
