"""The address plan and its changes as a terminal table (plain text, no colour, no truncation)."""

from __future__ import annotations

from typing import Iterable, Sequence

from .diff import Change, PlanDiff
from .rows import PlanRow, UsageRow, share_text

COLUMNS = ("SITE", "NETWORK", "FAMILY", "CIDR", "KEY", "PURPOSE")
MARKS = {"added": "+", "released": "-", "moved": "!", "stale": "="}


def table(header: Sequence[str], body: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart; trailing spaces trimmed."""
    body = [list(r) for r in body]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [list(header)] + body]


def plan_table(rows: Sequence[PlanRow]) -> list[str]:
    # nesting shows as indentation of the CIDR column, as in `ip route` trees
    return table(COLUMNS, ([r.site, r.network, r.family, "  " * r.depth + r.cidr, r.key, r.purpose] for r in rows))


def usage_table(usage: Sequence[UsageRow]) -> list[str]:
    header = ("SUPER NETWORK", "FAMILY", "ADDRESSES", "ALLOCATED", "USED IPS", "USED PREFIXES", "FREE BLOCKS")
    return table(
        header,
        (
            [u.network, u.family, str(u.size), f"{u.allocated} ({share_text(u.allocated_share)})", str(u.used_ips),
             str(u.used_prefixes), f"{u.free_blocks} x /{u.free_unit}"]
            for u in usage
        ),
    )


def summary_line(d: PlanDiff) -> str:
    c = d.counts
    return f"{c['added']} added, {c['released']} released, {c['moved']} moved, {c['stale']} stale"


def change_lines(d: PlanDiff, *, list_added: bool | None = None) -> list[str]:
    """One line per change, marked + - ! =. Without a committed lock every range is new: only counted."""
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
        out += ["  " + line for line in table(("", "KEY", "FAMILY", "KIND", "RANGE"), body)]
    return out


def render_text(rows: Sequence[PlanRow], plan_diff: PlanDiff | None = None, usage: Sequence[UsageRow] = ()) -> str:
    lines = plan_table(rows)
    if usage:
        lines += [""] + usage_table(usage)
    if plan_diff is not None:
        lines.append("")
        if plan_diff.had_lock:
            lines.append(f"changes against the committed lock: {summary_line(plan_diff)}")
        else:
            lines.append(f"no committed lock yet: all {len(plan_diff.added)} ranges are new; "
                         f"{summary_line(plan_diff)}")
        lines += change_lines(plan_diff)
        if plan_diff.moved:
            lines += [""] + plan_diff.moved_lines()
    return "\n".join(lines) + "\n"
