"""The address plan for a pull request: summary, changes, usage per super network, a table per site.

Ranges that belong to no site of the plan (a cluster's own ranges, a super network no site
uses) get a table per owner after the sites. The site count is the plan's sites when the
caller gives them, else the distinct sites of the rows; never key prefixes that name no site.
"""

from __future__ import annotations

from typing import Collection, Sequence

from .diff import Change, PlanDiff
from .rows import NO_SITE, PlanRow, UsageRow, share_text
from .text import DEFAULT_BASELINE, baseline_text, summary_line

#: change lists longer than this fold into <details> so the pull request stays readable
FOLD_AFTER = 30


def cell(text: str) -> str:
    """Table-cell safe: pipes escaped, code spans for ranges and keys."""
    text = text.replace("|", "\\|")
    return f"`{text}`" if "`" not in text else text


def _change_item(kind: str, c: Change) -> str:
    what = "super network" if c.kind == "super" else c.kind.replace("ip", "address")
    if kind == "moved":
        return f"- {cell(c.key)} {c.family} {what}: {cell(c.old or '')} → {cell(c.new or '')}"
    if kind == "released":
        return f"- {cell(c.key)} {c.family} {what} {cell(c.old or '')}"
    return f"- {cell(c.key)} {c.family} {what} {cell(c.new or '')}"


def _change_section(title: str, kind: str, changes: Sequence[Change], note: str = "") -> list[str]:
    out = [f"### {title} ({len(changes)})", ""]
    if not changes:
        return out + ["None.", ""]
    if note:
        out += [note, ""]
    items = [_change_item(kind, c) for c in changes]
    if len(items) > FOLD_AFTER:
        return out + [f"<details><summary>{len(items)} {kind}</summary>", ""] + items + ["", "</details>", ""]
    return out + items + [""]


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _counts(rows: Sequence[PlanRow], sites: Collection[str] | None) -> str:
    n_sites = len(set(sites)) if sites is not None else len({r.site for r in rows if r.site != NO_SITE})
    return " · ".join([
        _n(n_sites, "site", "sites"),
        _n(len({r.key for r in rows if r.kind == "super"}), "super network", "super networks"),
        _n(len({r.key for r in rows if r.kind == "network"}), "child network", "child networks"),
        _n(sum(r.kind == "prefix" for r in rows), "prefix", "prefixes"),
        _n(sum(r.kind == "ip" for r in rows), "address", "addresses"),
    ])


def _owner_heading(r: PlanRow) -> str:
    if r.owner:
        return f"## No site: {r.owner_kind} {cell(r.owner)}"
    return "## No site"


def render_markdown(
    rows: Sequence[PlanRow],
    plan_diff: PlanDiff | None = None,
    usage: Sequence[UsageRow] = (),
    *,
    sites: Collection[str] | None = None,
    baseline_label: str = DEFAULT_BASELINE,
) -> str:
    """``sites``: the plan's site names (what the site count counts); ``baseline_label``: what the changes are against."""
    out = ["# Address plan", "", _counts(rows, sites), ""]
    if plan_diff is not None:
        label = baseline_text(baseline_label)
        lead = f"Changes against {label}" if plan_diff.had_lock else f"Nothing to compare against ({label}); changes"
        out += [f"**{lead}:** {summary_line(plan_diff).replace(', ', ' · ')}", ""]
        if plan_diff.moved:
            out += ["> [!CAUTION]", "> **Moved keys.** The lock pins every key's range; a run must never move one.",
                    "> `dualstack plan` refuses this change (exit code 2).", ""]
        out += ["## Changes", ""]
        if plan_diff.had_lock:
            out += _change_section("Added", "added", plan_diff.added)
        else:
            out += [f"### Added ({len(plan_diff.added)})", "", "Every range is new: the tables below list them.", ""]
        out += _change_section("Released", "released", plan_diff.released)
        out += _change_section("Moved", "moved", plan_diff.moved, "Must never happen: each line names the locked range and the new one.")
        out += _change_section(
            "Stale", "stale", plan_diff.stale,
            "Held in the lock but no longer asked for by the plan: kept, so nobody else gets the space, "
            "until released with `dualstack ipam release KEY`.",
        )
    if usage:
        out += ["## Usage per super network", "",
                "Exact integers. *Allocated*: addresses inside child networks, prefixes and keyed addresses. "
                "*Free blocks*: free aligned /30 (IPv4) or /126 (IPv6) blocks, as go-ipam counts them.", "",
                "| super network | family | prefixes | addresses | allocated | used IPs | used prefixes | free blocks |",
                "|---|---|---|--:|--:|--:|--:|--:|"]
        for u in usage:
            prefixes = "<br>".join(cell(p) for p in u.prefixes)
            out.append(
                f"| {cell(u.network)} | {u.family} | {prefixes} | {u.size} | {u.allocated} ({share_text(u.allocated_share)}) "
                f"| {u.used_ips} | {u.used_prefixes} | {u.free_blocks} × /{u.free_unit} |"
            )
        out.append("")
    groups: dict[str, list[PlanRow]] = {}
    for r in rows:  # rows come sorted by site, those without one last, by owner
        head = f"## Site {cell(r.site)}" if r.site != NO_SITE else _owner_heading(r)
        groups.setdefault(head, []).append(r)
    for head, group_rows in groups.items():
        out += [head, "", "| network | family | CIDR / expression | key | purpose |", "|---|---|---|---|---|"]
        for r in group_rows:
            indent = "&emsp;" * r.depth  # nesting, as in the terminal table
            purpose = r.purpose.replace("|", "\\|")
            out.append(f"| {cell(r.network)} | {r.family} | {indent}{cell(r.cidr)} | {cell(r.key)} | {purpose} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
