"""The address plan and its changes as a terminal table (plain text, no colour).

Every line fits ``width`` columns (``terminal_width()`` is what a command passes: the
terminal's width, 120 when the output is not a terminal). Long cells wrap inside their column,
or rows fold, as ``wrap`` describes; nothing is cut off. ``width=None`` keeps natural widths.

What the changes are measured against is the caller's choice (the lock as committed, the lock
before this run, a file given with ``--against``); ``baseline_label`` names it, and every line
that says what the plan is compared with uses it.
"""

from __future__ import annotations

import shutil
from typing import Iterable, Sequence

from .diff import Change, PlanDiff
from .rows import PlanRow, UsageRow, share_text
from .wrap import fit_table, wrap_words

COLUMNS = ("SITE", "NETWORK", "FAMILY", "CIDR", "KEY", "PURPOSE")
MARKS = {"added": "+", "released": "-", "moved": "!", "stale": "="}
DEFAULT_WIDTH = 120
#: what ``dualstack plan`` compared with before the baseline became the caller's choice
DEFAULT_BASELINE = "the lock on disk"


def terminal_width(fallback: int = DEFAULT_WIDTH) -> int:
    """The width to render at: ``$COLUMNS`` or the terminal's, ``fallback`` when stdout is not a terminal."""
    return shutil.get_terminal_size((fallback, 24)).columns


def baseline_text(label: str) -> str:
    """The label on one line (it is printed inside sentences)."""
    return " ".join(str(label).split()) or DEFAULT_BASELINE


#: how much wrapping a cell of each plan column costs: keys are copied and searched for, prose is read
PLAN_WEIGHTS = (1.0, 1.0, 1.0, 1.5, 2.0, 1.0)
#: exact integers are worst to wrap; the allocated share has a space to wrap at
USAGE_WEIGHTS = (2.0, 1.0, 3.0, 1.0, 1.0, 1.0, 2.0)


def table(header: Sequence[str], body: Iterable[Sequence[str]], width: int | None = None,
          weights: Sequence[float] | None = None) -> list[str]:
    """Left-aligned columns two spaces apart; trailing spaces trimmed; at most ``width`` wide."""
    return fit_table(header, [list(r) for r in body], width, weights)


def plan_table(rows: Sequence[PlanRow], width: int | None = None) -> list[str]:
    # nesting shows as indentation of the CIDR column, as in `ip route` trees
    return table(COLUMNS, ([r.site, r.network, r.family, "  " * r.depth + r.cidr, r.key, r.purpose] for r in rows), width,
                 PLAN_WEIGHTS)


def usage_table(usage: Sequence[UsageRow], width: int | None = None) -> list[str]:
    header = ("SUPER NETWORK", "FAMILY", "ADDRESSES", "ALLOCATED", "USED IPS", "USED PREFIXES", "FREE BLOCKS")
    return table(
        header,
        (
            [u.network, u.family, str(u.size), f"{u.allocated} ({share_text(u.allocated_share)})", str(u.used_ips),
             str(u.used_prefixes), f"{u.free_blocks} x /{u.free_unit}"]
            for u in usage
        ),
        width,
        USAGE_WEIGHTS,
    )


def summary_line(d: PlanDiff) -> str:
    c = d.counts
    return f"{c['added']} added, {c['released']} released, {c['moved']} moved, {c['stale']} stale"


def comparison_line(d: PlanDiff, baseline_label: str = DEFAULT_BASELINE) -> str:
    """What the plan is compared with, and the counts: the heading of every change list."""
    label = baseline_text(baseline_label)
    if d.had_lock:
        return f"changes against {label}: {summary_line(d)}"
    return f"nothing to compare against ({label}): all {len(d.added)} ranges are new; {summary_line(d)}"


def change_lines(d: PlanDiff, *, list_added: bool | None = None, width: int | None = None) -> list[str]:
    """One line per change, marked + - ! =. Without a baseline every range is new: only counted."""
    if list_added is None:
        list_added = d.had_lock
    out: list[str] = []
    groups: list[tuple[str, Sequence[Change]]] = [("added", d.added if list_added else ()), ("released", d.released),
                                                  ("moved", d.moved), ("stale", d.stale)]
    body = []
    for name, changes in groups:
        for c in changes:
            if name == "moved":
                rng = f"{c.old} -> {c.new}  MOVED"
            elif name == "released":
                rng = c.old or ""
            elif name == "stale":
                rng = f"{c.new}  (not asked for; kept until released)"
            else:
                rng = c.new or ""
            body.append([MARKS[name], c.key, c.family, c.kind, rng])
    if body:
        inner = None if width is None else width - 2
        out += ["  " + line if line else "" for line in table(("", "KEY", "FAMILY", "KIND", "RANGE"), body, inner)]
    return out


def render_text(
    rows: Sequence[PlanRow],
    plan_diff: PlanDiff | None = None,
    usage: Sequence[UsageRow] = (),
    *,
    width: int | None = DEFAULT_WIDTH,
    baseline_label: str = DEFAULT_BASELINE,
) -> str:
    """The table, usage per super network, and the changes against ``baseline_label``, at most ``width`` wide."""
    lines = plan_table(rows, width)
    if usage:
        lines += [""] + usage_table(usage, width)
    if plan_diff is not None:
        lines.append("")
        lines += _prose(comparison_line(plan_diff, baseline_label), width)
        lines += change_lines(plan_diff, width=width)
        if plan_diff.moved:
            lines.append("")
            for line in plan_diff.moved_lines():
                lines += _prose(line, width)
    return "\n".join(lines) + "\n"


def _prose(line: str, width: int | None) -> list[str]:
    return [line] if width is None else wrap_words(line, width)
