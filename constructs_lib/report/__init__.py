"""The address-plan review: a table, the difference from a baseline lock, Markdown and an SVG map.

Pure Python (no cdktf, no jsii). ``dualstack plan`` calls it; so can a test or a CI job. The
caller chooses the baseline (the lock as committed, the lock before this run, ``--against``)
and names it; the report prints that name wherever it says what it compares against::

    from constructs_lib.report import diff, render_text, rows, terminal_width, usage_rows, write_report

    label = "the committed lock (git HEAD)"
    d = diff(baseline_dict_or_None, ipam, where="HEAD:ipam.lock.json")   # added / released / moved / stale
    sites = list(plan.sites)                   # what counts as a site: nothing else shows in SITE
    print(render_text(rows(ipam, sites=sites), d, usage_rows(ipam), width=terminal_width(), baseline_label=label), end="")
    write_report(ipam, baseline_dict_or_None, "cdktf.out/review", plan_diff=d, sites=sites, baseline_label=label)
    d.raise_for_moves()                        # MovedKeys: one line per moved key -> exit code 2
"""

from .diff import Change, MovedKeys, PlanDiff, diff
from .markdown import render_markdown
from .natural import natural_key, natural_sorted
from .rows import NO_SITE, PlanRow, UsageRow, rows, usage_rows
from .svg import render_svg
from .text import DEFAULT_BASELINE, DEFAULT_WIDTH, render_text, terminal_width
from .write import MARKDOWN_NAME, SVG_NAME, write_report

__all__ = [
    "Change", "DEFAULT_BASELINE", "DEFAULT_WIDTH", "MARKDOWN_NAME", "MovedKeys", "NO_SITE", "PlanDiff", "PlanRow",
    "SVG_NAME", "UsageRow", "diff", "natural_key", "natural_sorted", "render_markdown", "render_svg", "render_text",
    "rows", "terminal_width", "usage_rows", "write_report",
]
