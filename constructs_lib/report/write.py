"""Write the review files for a pull request: plan.md and plan.svg, atomically, after rendering both."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Collection, Mapping

from ..ipam import Ipam
from .diff import PlanDiff, diff
from .markdown import render_markdown
from .rows import rows, usage_rows
from .svg import render_svg
from .text import DEFAULT_BASELINE
from .tree import build_tree

MARKDOWN_NAME = "plan.md"
SVG_NAME = "plan.svg"


def _atomic_write(path: Path, text: str) -> None:
    """Temporary file in the same folder, fsync, rename: a reader sees the old file or the new one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_report(
    ipam: Ipam,
    old_lock: Mapping[str, Any] | Ipam | None,
    outdir: str | os.PathLike[str],
    *,
    plan_diff: PlanDiff | None = None,
    sites: Collection[str] | None = None,
    baseline_label: str = DEFAULT_BASELINE,
) -> list[Path]:
    """Render plan.md and plan.svg into ``outdir`` (created if missing); returns the paths written.

    Both documents are rendered in memory first, so an error leaves the folder as it was.
    Pass ``plan_diff`` when the caller already computed it (it is then not recomputed).
    ``old_lock`` is the baseline the changes are against, and ``baseline_label`` names it
    ("the committed lock (git HEAD)"); ``sites`` are the plan's site names (see ``rows``).
    """
    plan_diff = plan_diff if plan_diff is not None else diff(old_lock, ipam)
    tree = build_tree(ipam)
    markdown = render_markdown(rows(ipam, tree, sites=sites), plan_diff, usage_rows(ipam, tree), sites=sites,
                               baseline_label=baseline_label)
    svg = render_svg(ipam, plan_diff, baseline_label=baseline_label)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((MARKDOWN_NAME, markdown), (SVG_NAME, svg)):
        _atomic_write(out / name, text)
        written.append(out / name)
    return written
