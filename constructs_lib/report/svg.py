"""The address plan as an SVG map: the changes first, then one band per network prefix.

Written by hand as text (no drawing library): fixed float formatting, fixed iteration
order, no timestamps, so the same plan gives the same bytes. See ``layout`` for the scale,
``svgtext`` for how text is measured (all of it monospace), ``svg_changes`` for the panel.

Top to bottom: the title, the change panel (what the run changes against its baseline: within
the first screen), the legend, then the bands. Bands run depth-first: each super prefix (by
network id, IPv4 before IPv6), then a band for each child network carved from it, indented,
right below. Colour says the family (IPv4 blue, IPv6 green), shade says the kind (child network
dark, prefix medium, address light); free space is hatched, reserved addresses are slate;
ranges known only at apply time have dashed outlines and show their Terraform expression.

A band's caption (family, network, prefix, how its keys start; on the right what it holds)
takes one line, or two when it does not fit beside the figures, and shortens what still does
not fit with an ellipsis and a tooltip: caption texts never overlap. Every address (of both
families) and every added or moved block carries its key: inside its block when there is room,
else turned 90° under the bar, else, when the band is too dense for that, in the band's list
under the bar, in address order. Markers are never narrower than ``MIN_MARKER`` px.
"""

from __future__ import annotations

from fractions import Fraction

from ..ipam import Ipam
from .diff import PlanDiff
from .layout import BandLayout, Block, layout_band
from .rows import share_text
from .svg_changes import CHANGE_INK, CHANGE_STROKE, MARKS, change_notes, draw_panel
from .svg_labels import KIND_WORD, common_key_prefix, key_glob, key_labels, range_label, size_text, tooltip
from .svgtext import ASCENT, CHAR_W, DESCENT, FONT, Svg, cells, clip, escape, f, fit, quoteattr, room, text_width, wrap_px
from .text import DEFAULT_BASELINE
from .tree import Node, PlanTree, build_tree

__all__ = ["render_svg", "fit", "key_glob", "common_key_prefix", "size_text", "room"]

WIDTH = 1200
MARGIN = 24
INDENT = 22
MAX_INDENT_DEPTH = 12  # deeper bands stop moving right, so their captions keep room
BAR_H = 40
STRIP_H = 5
MAX_BANDS = 400
MIN_MARKER = 1.5  # px: the narrowest a child block is drawn
CAPTION_ONE = 22  # caption height, px, on one line
CAPTION_TWO = 38  # on two lines
CALLOUT_SIZE = 10  # px, labels turned under the bar
CALLOUT_PITCH = 12  # px between the centres of two turned labels
CALLOUT_MAX = 18  # cells: longer keys go to the band's list instead
LIST_SIZE = 10
LIST_PITCH = 14
LIST_MAX = 1000  # entries in a band's list; more are counted, and plan.md has them all

FILL = {
    ("ipv4", "network"): "#1e3a8a", ("ipv4", "prefix"): "#2563eb", ("ipv4", "ip"): "#bfdbfe",
    ("ipv6", "network"): "#065f46", ("ipv6", "prefix"): "#059669", ("ipv6", "ip"): "#a7f3d0",
}
INK = {"network": "#ffffff", "prefix": "#ffffff", "ip": "#0f172a"}
RESERVED = "#475569"
#: blocks narrower than this get no outline (on sub-pixel blocks outlines would paint the band
#: white, or red when many keys are stale); their change mark is a tick above the bar instead
THIN_PX = 6.0


def _bands(tree: PlanTree) -> list[tuple[int, Node]]:
    """Super prefixes and, below each, the child networks carved from it (recursively)."""
    out: list[tuple[int, Node]] = []
    stack = [(0, n) for n in reversed(tree.supers)]
    while stack:
        depth, node = stack.pop()
        out.append((depth, node))
        stack.extend((depth + 1, c) for c in reversed(tree.kids(node.prefix)) if c.kind == "network")
    return out


def _figures(kids: list[Node], p, scale: str) -> str:
    counts = {kind: sum(k.kind == kind for k in kids) for kind in ("network", "prefix", "ip")}
    words = {"network": ("network", "networks"), "prefix": ("prefix", "prefixes"), "ip": ("address", "addresses")}
    figures = [f"{c} {words[kind][c != 1]}" for kind, c in counts.items() if c] or ["empty"]
    allocated = sum(k.prefix.num_addresses for k in kids)
    figures += [f"{share_text(Fraction(allocated, p.num_addresses))} allocated", f"{scale} scale"]
    return " · ".join(figures)


def _caption(svg: Svg, x0: float, y: float, node: Node, right: str, hint: str) -> tuple[float, bool]:
    """The band's caption from ``y``; returns its height and whether the key hint is shown.

    One line when name, prefix and hint fit left of the figures; else the name on the first
    line and the prefix and hint on a second line of their own; what still does not fit is
    shortened (hint first dropped, then the name and the prefix cut in the middle, whole in the tooltip).
    """
    svg.add(f'<rect class="pill" x="{f(x0)}" y="{f(y + 2)}" width="34" height="16" rx="3" fill="{FILL[(node.family, "prefix")]}"/>')
    svg.text(x0 + 17, y + 14, node.family.replace("ipv", "IPv"), size=10, weight="bold", fill="#ffffff", anchor="middle",
             cls="pill-label")
    svg.text(WIDTH - MARGIN, y + 14, right, size=11, anchor="end", fill="#475569", cls="caption")
    where = node.text + ("  · known at apply time" if node.prefix.is_relative else "")
    lx = x0 + 42
    limit = WIDTH - MARGIN - text_width(right, 11) - 12  # the left part ends here on the first line
    key_w, where_w, hint_w = text_width(node.key, 13), text_width(where, 12), text_width(hint, 11) if hint else 0.0
    if lx + key_w + 10 + where_w + (12 + hint_w if hint else 0) <= limit:
        svg.text(lx, y + 14, node.key, size=13, weight="bold", cls="caption")
        svg.text(lx + key_w + 10, y + 14, where, size=12, fill="#334155", cls="caption")
        if hint:
            svg.text(lx + key_w + 10 + where_w + 12, y + 14, hint, size=11, fill="#64748b", cls="caption keys")
        return CAPTION_ONE, bool(hint)
    key = clip(node.key, max(int((limit - lx) / (13 * CHAR_W)), 1))
    svg.text(lx, y + 14, key, size=13, weight="bold", cls="caption", title=node.key)
    line2 = WIDTH - MARGIN - lx
    shown_hint = bool(hint) and where_w + 12 + hint_w <= line2
    svg.text(lx, y + 30, clip(where, int(line2 / (12 * CHAR_W))), size=12, fill="#334155", cls="caption", title=where)
    if shown_hint:
        svg.text(lx + where_w + 12, y + 30, hint, size=11, fill="#64748b", cls="caption keys")
    return CAPTION_TWO, shown_hint


def _short_key(key: str, shared: str, hint_shown: bool) -> str:
    return key[len(shared):] if hint_shown and shared else key


def _draw_band(svg: Svg, ipam: Ipam, tree: PlanTree, depth: int, node: Node, y: float,
               marks: dict[tuple[str, str], tuple[str, str]], label_added: bool) -> float:
    x0 = MARGIN + min(depth, MAX_INDENT_DEPTH) * INDENT
    width = WIDTH - MARGIN - x0
    p = node.prefix
    lay: BandLayout = layout_band(ipam, tree, p, width)
    strip = lay.scale == "log"
    svg.add(f'<g class="band {node.family}" data-prefix={quoteattr(node.text)} data-scale="{lay.scale}">')

    # how keys start is said once in the caption and left out of the labels; when the caption
    # has no room for it, labels keep whole keys
    children = [b for b in lay.blocks if b.kind == "child"]
    keys = [b.node.key for b in children]
    shared, glob = common_key_prefix(keys), key_glob(keys)
    labels, used_core = key_labels(children, shared, glob)
    hint = f"keys {glob[0]}*{glob[1]}" if used_core else f"keys {shared}…" if shared else ""
    caption_h, hint_shown = _caption(svg, x0, y, node, _figures(tree.kids(p), p, lay.scale), hint)
    if hint and not hint_shown:
        labels, used_core = key_labels(children, "", ("", ""))
    bar_y = y + caption_h
    if depth:  # nested bands hang off a guide line
        svg.add(f'<path d="M{f(x0 - 14)} {f(y - 2)}V{f(bar_y + BAR_H / 2)}H{f(x0 - 3)}" fill="none" stroke="#94a3b8" stroke-width="1.2"/>')

    dashed = ' stroke-dasharray="6 3"' if p.is_relative else ""
    svg.add(f'<rect class="bar" x="{f(x0)}" y="{f(bar_y)}" width="{f(width)}" height="{BAR_H}" fill="#ffffff" '
            f'stroke="#64748b" stroke-width="1"{dashed}/>')
    unlabelled: list[tuple[Block, str]] = []  # must carry their key, and had no room for it in the bar
    child_index = 0
    for b in lay.blocks:
        if b.kind != "child":
            _draw_context_block(svg, b, x0, bar_y, p)
            continue
        key_text = labels[child_index]
        child_index += 1
        mark = marks.get((b.node.key, b.node.family), (None, ""))[0]
        _draw_child(svg, b, x0, bar_y, p, key_text, marks)
        if not key_text and (b.node.kind == "ip" or mark == "moved" or (mark == "added" and label_added)):
            unlabelled.append((b, mark or ""))
    below = bar_y + BAR_H
    if strip:  # the true linear scale under a log-scale bar
        sy = below + 3
        svg.add(f'<rect class="strip" x="{f(x0)}" y="{f(sy)}" width="{f(width)}" height="{STRIP_H}" fill="#f1f5f9"/>')
        for b in children:
            svg.add(f'<rect class="truescale" x="{f(x0 + b.true_x)}" y="{f(sy)}" width="{f(b.true_w)}" height="{STRIP_H}" '
                    f'fill="{FILL[(b.node.family, b.node.kind)]}"/>')
        below = sy + STRIP_H
    if unlabelled:
        texts = [_short_key(b.node.key, shared, hint_shown) for b, _ in unlabelled]
        below = (_callouts(svg, unlabelled, texts, x0, width, below)
                 or _band_list(svg, unlabelled, texts, x0, width, below))
    svg.add("</g>")
    return below - y


def _draw_context_block(svg: Svg, b: Block, x0: float, bar_y: float, p) -> None:
    bx, bw = x0 + b.x, b.w
    tip = escape(tooltip(b, p))
    if b.kind == "free":
        outline = 'stroke="#cbd5e1" stroke-width="0.5"' if bw >= THIN_PX else 'stroke="none"'
        svg.add(f'<g><title>{tip}</title><rect class="free" x="{f(bx)}" y="{f(bar_y)}" width="{f(bw)}" height="{BAR_H}" '
                f'fill="url(#hatch)" {outline}/>')
        label = fit(f"free /{b.prefix.length}", bw, 10, keep="whole") or fit(f"/{b.prefix.length}", bw, 10, keep="whole")
        if label:
            svg.text(bx + bw / 2, bar_y + BAR_H / 2 + 4, label, size=10, anchor="middle", fill="#64748b", cls="free-label")
        svg.add("</g>")
        return
    outline = 'stroke="#ffffff" stroke-width="0.5"' if bw >= THIN_PX else 'stroke="none"'
    svg.add(f'<g><title>{tip}</title><rect class="reserved" x="{f(bx)}" y="{f(bar_y)}" width="{f(bw)}" height="{BAR_H}" '
            f'fill="{RESERVED}" {outline}/></g>')


def _draw_child(svg: Svg, b: Block, x0: float, bar_y: float, p, key_text: str,
                marks: dict[tuple[str, str], tuple[str, str]]) -> None:
    bx, bw = x0 + b.x, b.w
    n = b.node
    tip = escape(tooltip(b, p))
    mark, note = marks.get((n.key, n.family), (None, ""))
    if note:
        tip += "\n" + escape(note)
    thin = bw < THIN_PX
    stroke, sw, dash = CHANGE_STROKE.get(mark, ("#ffffff", "1", "")) if not thin else ("none", "0", "")
    if n.prefix.is_relative and not mark and not thin:
        stroke, dash = "#0f172a", "5 3"
    cls = f"child {n.family} {n.kind}" + (f" {mark}" if mark else "")
    inset = float(sw) / 2 if mark and not thin else 0.0  # keep a thick outline inside the block
    svg.add(f'<g data-key={quoteattr(n.key)}><title>{tip}</title>')
    svg.add(
        f'<rect class="{cls}" x="{f(bx + inset)}" y="{f(bar_y + inset)}" width="{f(max(bw - 2 * inset, MIN_MARKER))}" '
        f'height="{f(BAR_H - 2 * inset)}" fill="{FILL[(n.family, n.kind)]}" stroke="{stroke}" stroke-width="{sw}"'
        + (f' stroke-dasharray="{dash}"' if dash else "") + "/>"
    )
    if mark and thin:
        svg.add(f'<rect class="tick" x="{f(bx)}" y="{f(bar_y - 4)}" width="{f(max(bw, MIN_MARKER))}" height="3" '
                f'fill="{CHANGE_STROKE[mark][0]}"/>')
    if key_text:
        svg.text(bx + 4, bar_y + 16, key_text, size=11, fill=INK[n.kind], weight="bold" if n.kind == "network" else "",
                 cls="label")
        range_text = range_label(b, p)
        if range_text:
            svg.text(bx + 4, bar_y + 31, range_text, size=10, fill=INK[n.kind], cls="range")
    svg.add("</g>")


def _callouts(svg: Svg, unlabelled: list[tuple[Block, str]], texts: list[str], x0: float, width: float,
              top: float) -> float | None:
    """Keys turned 90° under their blocks, when every one has room; returns where they end, else None."""
    if any(cells(t) > CALLOUT_MAX for t in texts):
        return None
    half = (ASCENT + DESCENT) / 2 * CALLOUT_SIZE
    centres = [x0 + b.x + b.w / 2 for b, _ in unlabelled]
    if centres[0] - half < x0 or centres[-1] + half > x0 + width:
        return None
    if any(b - a < CALLOUT_PITCH for a, b in zip(centres, centres[1:])):
        return None
    top += 4
    # turned 90° clockwise, a glyph's ascent points right: shift so the line is centred on the block
    shift = (ASCENT - DESCENT) / 2 * CALLOUT_SIZE
    for (b, mark), text, cx in zip(unlabelled, texts, centres):
        svg.add(f'<g class="callout" data-for={quoteattr(b.node.key)}>')
        svg.add(f'<line x1="{f(cx)}" y1="{f(top - 4)}" x2="{f(cx)}" y2="{f(top - 1)}" stroke="#94a3b8" stroke-width="1"/>')
        svg.text(cx - shift, top, text, size=CALLOUT_SIZE, fill=CHANGE_INK.get(mark, "#334155"), rotate=True,
                 cls="callout-label", title=b.node.key if text != b.node.key else "")
        svg.add("</g>")
    return top + max(text_width(t, CALLOUT_SIZE) for t in texts) + 2


def _band_list(svg: Svg, unlabelled: list[tuple[Block, str]], texts: list[str], x0: float, width: float,
               top: float) -> float:
    """Too dense to label one by one: key and range of each, in address order, under the bar."""
    y = top + 4 + ASCENT * LIST_SIZE
    n_cells = int(width / (LIST_SIZE * CHAR_W))
    svg.text(x0, y, clip("too dense to label in the bar; by address:", n_cells), size=LIST_SIZE, fill="#64748b",
             cls="list-head")
    y += LIST_PITCH
    x = x0
    for (b, mark), text in list(zip(unlabelled, texts))[:LIST_MAX]:
        entry = clip(f"{MARKS[mark] + ' ' if mark else ''}{text} {b.node.text}", n_cells)
        w = text_width(entry, LIST_SIZE)
        if x > x0 and x + w > x0 + width:
            x, y = x0, y + LIST_PITCH
        svg.text(x, y, entry, size=LIST_SIZE, fill=CHANGE_INK.get(mark, "#334155"), cls="list-entry",
                 attrs=f"data-for={quoteattr(b.node.key)}", title=f"{b.node.key} {b.node.text}")
        x += w + text_width("   ", LIST_SIZE)
    if len(unlabelled) > LIST_MAX:
        y += LIST_PITCH
        svg.text(x0, y, f"… and {len(unlabelled) - LIST_MAX} more in this band: plan.md lists every range",
                 size=LIST_SIZE, fill="#b91c1c", cls="list-more")
    return y + DESCENT * LIST_SIZE + 2


def _legend(svg: Svg, y: float, with_changes: bool) -> float:
    items: list[tuple[str, str]] = []
    for fam in ("ipv4", "ipv6"):
        for kind in ("network", "prefix", "ip"):
            items.append((f'fill="{FILL[(fam, kind)]}" stroke="#ffffff"', f"{fam.replace('ipv', 'IPv')} {KIND_WORD[kind]}"))
    items += [
        ('fill="url(#hatch)" stroke="#cbd5e1"', "free"),
        (f'fill="{RESERVED}" stroke="#ffffff"', "reserved (network, broadcast, anycast)"),
        ('fill="#ffffff" stroke="#0f172a" stroke-dasharray="4 2"', "known at apply time"),
    ]
    if with_changes:
        items += [(f'fill="#ffffff" stroke="{c}" stroke-width="{w}"' + (f' stroke-dasharray="{d}"' if d else ""), name)
                  for name, (c, w, d) in CHANGE_STROKE.items()]
    x = MARGIN
    y += 4
    svg.add('<g class="legend">')
    for attrs, label in items:
        need = 20 + text_width(label, 11) + 18
        if x + need > WIDTH - MARGIN:
            x, y = MARGIN, y + 20
        svg.add(f'<rect x="{f(x)}" y="{f(y)}" width="14" height="14" {attrs}/>')
        svg.text(x + 20, y + 11, label, size=11, fill="#334155")
        x += need
    y += 34
    for para in (
        "Each band is one network prefix, its whole address range from left to right; children sit in address order "
        "and are labelled by key (without the prefix shown after the band's name).",
        "Log-scale bands: a block is 1 unit wide + 1 unit per 4x its size over the band's smallest child (IPv6 children "
        "would vanish at true scale); the thin strip under such a band is the true linear scale.",
        "A block too narrow for its key has it turned under the bar, or listed under the bar when the band is too dense. "
        "Hover a block for its full key, CIDR or Terraform expression, and size.",
    ):
        for line in wrap_px(para, WIDTH - 2 * MARGIN, 11):
            svg.text(MARGIN, y, line, size=11, fill="#475569")
            y += 16
    svg.add("</g>")
    return y


def render_svg(ipam: Ipam, plan_diff: PlanDiff | None = None, *, max_bands: int = MAX_BANDS,
               baseline_label: str = DEFAULT_BASELINE) -> str:
    """The address-plan map. Pass the run's ``PlanDiff`` (against ``baseline_label``) for the change panel and marks."""
    tree = build_tree(ipam)
    bands = _bands(tree)
    marks = change_notes(plan_diff, baseline_label)
    body = Svg()
    kinds = [n.kind for kids in tree.children.values() for n in kids]
    nets = len({n.key for kids in tree.children.values() for n in kids if n.kind == "network"})
    supers = len({n.key for n in tree.supers})
    summary = " · ".join(f"{n} {one if n == 1 else many}" for n, one, many in (
        (supers, "super network", "super networks"), (nets, "child network", "child networks"),
        (kinds.count("prefix"), "prefix", "prefixes"), (kinds.count("ip"), "address", "addresses")))
    body.text(MARGIN, 36, "Address plan", size=22, weight="bold")
    body.text(MARGIN, 58, summary, size=12, fill="#334155")
    y = 70.0
    if plan_diff is not None:
        y = draw_panel(body, plan_diff, baseline_label, y, MARGIN, WIDTH - 2 * MARGIN) + 6
    y = _legend(body, y, plan_diff is not None) + 8
    label_added = plan_diff is not None and plan_diff.had_lock
    for depth, node in bands[:max_bands]:
        y += _draw_band(body, ipam, tree, depth, node, y, marks, label_added) + 18
    if len(bands) > max_bands:
        body.text(MARGIN, y + 4, f"… {len(bands) - max_bands} more bands not drawn: see plan.md for every range.",
                  size=12, fill="#b91c1c")
        y += 24
    height = y + MARGIN - 18
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{f(height)}" viewBox="0 0 {WIDTH} {f(height)}" '
        f"font-family={quoteattr(FONT)}>",
        "<title>Address plan</title>",
        "<defs>",
        '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#f8fafc"/><line x1="0" y1="0" x2="0" y2="6" stroke="#cbd5e1" stroke-width="2"/></pattern>',
        "</defs>",
        f'<rect width="{WIDTH}" height="{f(height)}" fill="#ffffff"/>',
    ]
    return "\n".join(head + body.out + ["</svg>"]) + "\n"
