"""What changed, on the first screen of the SVG map: the change panel, and the marks on blocks.

The panel sits right under the title, above the legend and every band, and ends before
``PANEL_LIMIT`` px (the first screen of a laptop browser): what the baseline says against
this run, then one entry per change in natural key order, moved first (the lines the command
prints before it exits 2), then added, released and stale, in one column or, when that is too
long, two (read down the first, then the second). A diff too long even for two columns ends with a line saying how many entries
are left and where they are (plan.md): nothing is dropped without saying so. Entries that
had to be shortened carry their whole text as a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diff import Change, PlanDiff
from .svgtext import CHAR_W, DESCENT, Svg, cells, clip, f, quoteattr, wrap_px
from .text import baseline_text, summary_line

#: outline colour, width and dash of changed blocks
CHANGE_STROKE = {"added": ("#f59e0b", "3", ""), "stale": ("#e11d48", "2", "4 2"), "moved": ("#dc2626", "4", "")}
#: text colour of each kind of change
CHANGE_INK = {"added": "#b45309", "released": "#475569", "moved": "#dc2626", "stale": "#be123c"}
MARKS = {"added": "+", "released": "-", "moved": "!", "stale": "="}
PANEL_LIMIT = 580.0  # px: every entry ends above this
ENTRY_SIZE = 11
ENTRY_PITCH = 16
PANEL_PAD = 10
COLUMN_GAP = 24


def change_notes(plan_diff: PlanDiff | None, baseline_label: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(key, family) -> (change, tooltip note) for the blocks this run added, left stale or moved."""
    if plan_diff is None:
        return {}
    label = baseline_text(baseline_label)
    notes = {
        "added": lambda c: f"added: not in {label}",
        "stale": lambda c: "stale: no longer asked for; kept until released",
        "moved": lambda c: f"MOVED: {label} pins {c.old}",
    }
    marks: dict[tuple[str, str], tuple[str, str]] = {}
    for name in ("added", "stale", "moved"):
        for c in getattr(plan_diff, name):
            if c.kind != "super":
                marks[(c.key, c.family)] = (name, notes[name](c))
    return marks


@dataclass(frozen=True, slots=True)
class Entry:
    change: str  # added | released | moved | stale
    key: str
    family: str  # "" for a moved key (one entry for all its families)
    text: str


def entries(plan_diff: PlanDiff) -> list[Entry]:
    """The panel's entries, in the order they are shown."""
    out = []
    moved_keys = list(dict.fromkeys(c.key for c in plan_diff.moved))
    out += [Entry("moved", key, "", line) for key, line in zip(moved_keys, plan_diff.moved_lines())]

    def entry(name: str, c: Change) -> Entry:
        what = "super network" if c.kind == "super" else {"ip": "address"}.get(c.kind, c.kind)
        rng = c.old if name == "released" else c.new
        tail = " (not asked for; kept until released)" if name == "stale" else ""
        return Entry(name, c.key, c.family, f"{MARKS[name]} {c.key} {c.family} {what} {rng}{tail}")

    for name in ("added", "released", "stale"):
        out += [entry(name, c) for c in getattr(plan_diff, name)]
    return out


def draw_panel(svg: Svg, plan_diff: PlanDiff, baseline_label: str, y: float, x: float, width: float) -> float:
    """The change panel from ``y``; returns where it ends."""
    label = baseline_text(baseline_label)
    top = y
    svg.add('<g class="changes">')
    mark_at = len(svg.out)
    svg.out.append("")  # the panel's background, once its height is known
    y += PANEL_PAD + 12
    inner_x, inner_w = x + PANEL_PAD, width - 2 * PANEL_PAD
    if plan_diff.had_lock:
        head = f"Changes against {label}: {summary_line(plan_diff)}"
    else:
        head = f"Nothing to compare against ({label}): all {len(plan_diff.added)} ranges are new"
    for line in wrap_px(head, inner_w, 12):
        svg.text(inner_x, y, line, size=12, weight="bold", fill="#dc2626" if plan_diff.moved else "#0f172a",
                 cls="panel-head")
        y += 17
    listed = entries(plan_diff) if plan_diff.had_lock else []
    if plan_diff.had_lock and not (plan_diff.added or plan_diff.released or plan_diff.moved):
        svg.text(inner_x, y, f"No changes against {label}.", size=ENTRY_SIZE, fill="#334155", cls="panel-none")
        y += ENTRY_PITCH
    y = _draw_entries(svg, listed, inner_x, inner_w, y)
    height = y - top - ENTRY_PITCH + PANEL_PAD + 6
    svg.out[mark_at] = (f'<rect class="panel" x="{f(x)}" y="{f(top)}" width="{f(width)}" height="{f(height)}" rx="4" '
                        f'fill="#f8fafc" stroke="#cbd5e1" stroke-width="1"/>')
    svg.add("</g>")
    return top + height


def _draw_entries(svg: Svg, listed: list[Entry], x: float, width: float, y: float) -> float:
    """Entries from baseline ``y``, none painting below ``PANEL_LIMIT``; returns the next free baseline."""
    rows_left = max(int((PANEL_LIMIT - DESCENT * ENTRY_SIZE - y) / ENTRY_PITCH) + 1, 1)
    full = int(width / (ENTRY_SIZE * CHAR_W))
    moved = [e for e in listed if e.change == "moved"]
    one_column = len(listed) <= rows_left and all(cells(e.text) <= full for e in listed if e.change != "moved")
    columns = 1 if one_column else 2
    col_w = width if one_column else (width - COLUMN_GAP) / 2
    col_cells = int(col_w / (ENTRY_SIZE * CHAR_W))

    def fits(n_rows: int) -> int:  # entries that n_rows rows hold: a row per moved key, then `columns` a row
        m = min(len(moved), n_rows)
        return m + (n_rows - m) * columns

    shown = listed if len(listed) <= fits(rows_left) else listed[: fits(rows_left - 1)]  # a row says what is left
    row = 0
    for e in shown:  # moved keys first, a row each: their lines are long
        if e.change == "moved":
            _entry(svg, e, x, y + row * ENTRY_PITCH, full)
            row += 1
    rest = [e for e in shown if e.change != "moved"]
    per_column = -(-len(rest) // columns)  # down the first column, then the second
    for k, e in enumerate(rest):
        col, r = divmod(k, per_column)
        _entry(svg, e, x + col * (col_w + COLUMN_GAP), y + (row + r) * ENTRY_PITCH, col_cells)
    row += per_column
    left = listed[len(shown):]
    if left:
        counts: dict[str, int] = {}
        for e in left:
            counts[e.change] = counts.get(e.change, 0) + 1
        what = ", ".join(f"{n} {name}" for name, n in counts.items())
        svg.text(x, y + row * ENTRY_PITCH, clip(f"… and {len(left)} more ({what}): plan.md lists every change", full),
                 size=ENTRY_SIZE, fill="#b91c1c", cls="panel-more")
        row += 1
    return y + row * ENTRY_PITCH


def _entry(svg: Svg, e: Entry, x: float, y: float, n_cells: int) -> None:
    text = clip(e.text, n_cells)
    attrs = f'data-change="{e.change}" data-change-key={quoteattr(e.key)}' + (f' data-family="{e.family}"' if e.family else "")
    svg.add(f"<g class=\"change-entry {e.change}\" {attrs}>")
    svg.text(x, y, text, size=ENTRY_SIZE, fill=CHANGE_INK[e.change], title=e.text, cls="entry")
    svg.add("</g>")
