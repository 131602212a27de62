"""The address-plan review: a table, the difference from the committed lock, Markdown and an SVG map.

Pure Python (no cdktf, no jsii). ``dualstack plan`` calls it; so can a test or a CI job::

    from constructs_lib.report import diff, render_text, rows, usage_rows, write_report

    d = diff(old_lock_dict_or_None, ipam)      # added / released / moved / stale
    print(render_text(rows(ipam), d, usage_rows(ipam)), end="")
    write_report(ipam, old_lock_dict_or_None, "cdktf.out/review", plan_diff=d)   # plan.md, plan.svg
    d.raise_for_moves()                        # MovedKeys: one line per moved key -> exit code 2
"""

from .diff import Change, MovedKeys, PlanDiff, diff
from .markdown import render_markdown
from .rows import PlanRow, UsageRow, rows, usage_rows
from .svg import render_svg
from .text import render_text
from .write import MARKDOWN_NAME, SVG_NAME, write_report

__all__ = [
    "Change", "MARKDOWN_NAME", "MovedKeys", "PlanDiff", "PlanRow", "SVG_NAME", "UsageRow", "diff", "render_markdown",
    "render_svg", "render_text", "rows", "usage_rows", "write_report",
]
