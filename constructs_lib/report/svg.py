"""The address plan as an SVG map: one band per network prefix, blocks labelled by key.

Written by hand as text (no drawing library): fixed float formatting, fixed iteration
order, no timestamps, so the same plan gives the same bytes. See ``layout`` for the scale.

Bands run depth-first: each super prefix (by network id, IPv4 before IPv6), then a band for
each child network carved from it, indented, right below. Colour says the family (IPv4
blue, IPv6 green), shade says the kind (child network dark, prefix medium, address light);
free space is hatched, reserved addresses are slate; ranges known only at apply time have
dashed outlines and show their Terraform expression in the tooltip.
"""

from __future__ import annotations

from fractions import Fraction
from xml.sax.saxutils import escape, quoteattr

from ..ipam import Ipam, Prefix
from .diff import PlanDiff
from .layout import BandLayout, Block, layout_band
from .rows import share_text
from .text import summary_line
from .tree import Node, PlanTree, build_tree

WIDTH = 1200
MARGIN = 24
INDENT = 22
BAR_H = 40
STRIP_H = 5
MAX_BANDS = 400
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"
CHAR_W = 0.61  # average glyph width in em, to decide what fits

FILL = {
    ("ipv4", "network"): "#1e3a8a", ("ipv4", "prefix"): "#2563eb", ("ipv4", "ip"): "#bfdbfe",
    ("ipv6", "network"): "#065f46", ("ipv6", "prefix"): "#059669", ("ipv6", "ip"): "#a7f3d0",
}
INK = {"network": "#ffffff", "prefix": "#ffffff", "ip": "#0f172a"}
RESERVED = "#475569"
CHANGE_STROKE = {"added": ("#f59e0b", "3", ""), "stale": ("#e11d48", "2", "4 2"), "moved": ("#dc2626", "4", "")}
KIND_WORD = {"network": "network", "prefix": "prefix", "ip": "address"}
#: blocks narrower than this get no outline (on sub-pixel blocks outlines would paint the band
#: white, or red when many keys are stale); their change mark is a tick above the bar instead
THIN_PX = 6.0


def f(x: float) -> str:
    """Fixed float formatting: two decimals, no negative zero, no trailing zeros."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def room(width: float, size: float) -> int:
    """How many characters fit ``width`` px at ``size`` px (with a little padding)."""
    return int((width - 8) / (size * CHAR_W))


def fit(text: str, width: float, size: float, *, keep: str = "tail") -> str:
    """``text`` shortened with an ellipsis to fit; "" when fewer than 4 characters fit.

    ``keep="middle"`` keeps both ends (keys differ at the start, ``private/``, and at the end,
    ``node-7``); ``"tail"`` keeps the end (an address's last groups); ``"whole"`` all or nothing.
    """
    n = room(width, size)
    if len(text) <= n:
        return text
    if n < 4 or keep == "whole":
        return ""
    if keep == "middle":
        head = (n - 1) * 2 // 5
        return text[:head] + "…" + text[len(text) - (n - 1 - head):]
    return "…" + text[-(n - 1):]


def size_text(n: int) -> str:
    """2^k for powers of two above 2^16, else the integer."""
    return f"2^{n.bit_length() - 1}" if n > 65536 and n & (n - 1) == 0 else str(n)


SEPARATORS = "/-_.:"


def common_key_prefix(keys: list[str]) -> str:
    """The longest run of whole ``/`` segments all keys share, never a key's last segment."""
    if not keys:
        return ""
    parts = [k.split("/") for k in keys]
    out = []
    for segs in zip(*(p[:-1] for p in parts)):
        if len(set(segs)) != 1:
            break
        out.append(segs[0])
    return "/".join(out) + "/" if out else ""


def key_glob(keys: list[str]) -> tuple[str, str]:
    """(head, tail) all sibling keys share, cut at separators: ``node-1/ipv4``, ``node-12/ipv4`` -> (``node-``, ``/ipv4``).

    What is left of each key (``1``, ``12``) is what tells siblings apart: the label of a block
    too narrow for more. Cutting at a separator keeps ``node-10``/``node-11`` from becoming ``0``/``1``.
    """
    if len(keys) < 2:
        return "", ""
    head = keys[0]
    for k in keys[1:]:
        while not k.startswith(head):
            head = head[:-1]
    while head and head[-1] not in SEPARATORS:
        head = head[:-1]
    rest = [k[len(head):] for k in keys]
    tail = rest[0]
    for k in rest[1:]:
        while not k.endswith(tail):
            tail = tail[1:]
    while tail and tail[0] not in SEPARATORS:
        tail = tail[1:]
    if any(len(k) - len(tail) <= 0 for k in rest):  # a key would vanish whole
        tail = ""
    return head, tail


class _Svg:
    def __init__(self) -> None:
        self.out: list[str] = []

    def add(self, s: str) -> None:
        self.out.append(s)

    def text(self, x: float, y: float, s: str, *, size: float = 11, fill: str = "#0f172a", weight: str = "",
             anchor: str = "start", mono: bool = False, cls: str = "") -> None:
        attrs = [f'x="{f(x)}"', f'y="{f(y)}"', f'font-size="{f(size)}"', f'fill="{fill}"']
        if weight:
            attrs.append(f'font-weight="{weight}"')
        if anchor != "start":
            attrs.append(f'text-anchor="{anchor}"')
        if mono:
            attrs.append(f"font-family={quoteattr(MONO)}")
        if cls:
            attrs.append(f'class="{cls}"')
        self.add(f"<text {' '.join(attrs)}>{escape(s)}</text>")


CHANGE_NOTE = {
    "added": lambda c: "added by this change",
    "stale": lambda c: "stale: no longer asked for; kept until released",
    "moved": lambda c: f"MOVED: the committed lock pins {c.old}",
}


def _changes(plan_diff: PlanDiff | None) -> dict[tuple[str, str], tuple[str, str]]:
    """(key, family) -> (change, tooltip note) for the blocks this run added, left stale or moved."""
    if plan_diff is None:
        return {}
    marks: dict[tuple[str, str], tuple[str, str]] = {}
    for name in ("added", "stale", "moved"):
        for c in getattr(plan_diff, name):
            if c.kind != "super":
                marks[(c.key, c.family)] = (name, CHANGE_NOTE[name](c))
    return marks


def _bands(tree: PlanTree) -> list[tuple[int, Node]]:
    """Super prefixes and, below each, the child networks carved from it (recursively)."""
    out: list[tuple[int, Node]] = []
    stack = [(0, n) for n in reversed(tree.supers)]
    while stack:
        depth, node = stack.pop()
        out.append((depth, node))
        stack.extend((depth + 1, c) for c in reversed(tree.kids(node.prefix)) if c.kind == "network")
    return out


def _tooltip(block: Block, band: Prefix) -> str:
    q = block.prefix
    if block.kind == "child":
        n = block.node
        lines = [n.key, f"{n.family} {KIND_WORD[n.kind]} {n.text}"]
        if q.is_relative:
            lines.append(f"known at apply time; {q.num_addresses if n.kind != 'ip' else 1} addresses")
        elif n.kind != "ip":
            lines.append(f"{size_text(q.num_addresses)} addresses")
        if n.purpose:
            lines.append(n.purpose)
        return "\n".join(lines)
    text = q.text if not q.is_relative else f"{q.text} (apply time)"
    if block.kind == "free":
        return f"free {text}\n{size_text(q.num_addresses)} addresses"
    off = q.base - band.base
    why = "held without a key"
    if q.num_addresses == 1 and band.version == 4 and off == 0:
        why = "network address"
    elif q.num_addresses == 1 and band.version == 4 and off == band.num_addresses - 1:
        why = "broadcast address"
    elif q.num_addresses == 1 and band.version == 6 and off == 0:
        why = "subnet-router anycast address"
    return f"reserved {text}\n{why}"


def _range_label(block: Block, band: Prefix) -> str:
    """The second line of a child block: its range, in the longest form that fits.

    Concrete: the CIDR, else its length; an address keeps its tail (``…:10::7``). Apply-time:
    the expression, else the expression with the parent elided (``cidrsubnet(…, 8, 3)``), else
    ``/64 #3`` (length and netnum).
    """
    n, q = block.node, block.prefix
    if q.is_relative:
        if n.kind == "ip":
            host = q.base - band.base
            forms = [n.text, f"cidrhost(…, {host})", f"host {host}"]
        else:
            newbits, netnum = q.length - band.length, (q.base - band.base) >> (q.maxbits - q.length)
            forms = [n.text, f"cidrsubnet(…, {newbits}, {netnum})", f"/{q.length} #{netnum}"]
    elif n.kind == "ip":
        return fit(n.text, block.w, 10)
    else:
        forms = [n.text, f"/{q.length}"]
    return next((t for t in forms if fit(t, block.w, 10, keep="whole")), "")


def _key_labels(blocks: list[Block], shared: str, glob: tuple[str, str]) -> tuple[list[str], bool]:
    """One label per child block, in one form for the whole band, and whether it is the glob core.

    The keys without the segments they all share (``node-7/ipv4``) when every one fits;
    otherwise, if siblings share more (``node-*/ipv4``), just the part they differ in (``7``);
    a label still too long is shortened in the middle.
    """
    head, tail = glob
    short = [b.node.key[len(shared):] if shared else b.node.key for b in blocks]
    if all(fit(t, b.w, 11, keep="whole") for t, b in zip(short, blocks)) or not (head or tail):
        return [fit(t, b.w, 11, keep="middle") for t, b in zip(short, blocks)], False
    core = [b.node.key[len(head): len(b.node.key) - len(tail)] for b in blocks]
    return [fit(t, b.w, 11, keep="middle") for t, b in zip(core, blocks)], True


def _draw_band(svg: _Svg, ipam: Ipam, tree: PlanTree, depth: int, node: Node, y: float,
               marks: dict[tuple[str, str], tuple[str, str]]) -> float:
    x0 = MARGIN + depth * INDENT
    width = WIDTH - MARGIN - x0
    p = node.prefix
    lay: BandLayout = layout_band(ipam, tree, p, width)
    kids = tree.kids(p)
    strip = lay.scale == "log"
    height = 22 + BAR_H + (STRIP_H + 4 if strip else 0)
    svg.add(f'<g class="band {node.family}" data-prefix={quoteattr(node.text)} data-scale="{lay.scale}">')

    # caption, left: family pill, the band's network and prefix, how its children's keys start;
    # right: what is in it. Nested bands hang off a guide line.
    if depth:
        svg.add(f'<path d="M{f(x0 - 14)} {f(y - 2)}V{f(y + 22 + BAR_H / 2)}H{f(x0 - 3)}" fill="none" stroke="#94a3b8" stroke-width="1.2"/>')
    svg.add(f'<rect x="{f(x0)}" y="{f(y + 2)}" width="34" height="16" rx="3" fill="{FILL[(node.family, "prefix")]}"/>')
    svg.text(x0 + 17, y + 14, node.family.replace("ipv", "IPv"), size=10, weight="bold", fill="#ffffff", anchor="middle")
    counts = {kind: sum(k.kind == kind for k in kids) for kind in ("network", "prefix", "ip")}
    words = {"network": ("network", "networks"), "prefix": ("prefix", "prefixes"), "ip": ("address", "addresses")}
    figures = [f"{c} {words[kind][c != 1]}" for kind, c in counts.items() if c] or ["empty"]
    allocated = sum(k.prefix.num_addresses for k in kids)
    figures += [f"{share_text(Fraction(allocated, p.num_addresses))} allocated", f"{lay.scale} scale"]
    right = " · ".join(figures)
    svg.text(WIDTH - MARGIN, y + 15, right, size=11, anchor="end", fill="#475569")
    tx = x0 + 42
    svg.text(tx, y + 15, node.key, size=13, weight="bold")
    tx += len(node.key) * 13 * 0.63 + 10
    where = node.text + ("  · known at apply time" if p.is_relative else "")
    svg.text(tx, y + 15, where, size=12, mono=True, fill="#334155")
    tx += len(where) * 12 * 0.602 + 12

    # how keys start is said once in the caption and left out of the labels; when the caption
    # has no room for it, labels keep whole keys
    children = [b for b in lay.blocks if b.kind == "child"]
    keys = [b.node.key for b in children]
    shared, glob = common_key_prefix(keys), key_glob(keys)
    labels, used_core = _key_labels(children, shared, glob)
    hint = f"keys {glob[0]}*{glob[1]}" if used_core else f"keys {shared}…" if shared else ""
    if hint and tx + len(hint) * 11 * CHAR_W > WIDTH - MARGIN - len(right) * 11 * CHAR_W - 12:
        labels, used_core = _key_labels(children, "", ("", ""))
        hint = ""
    if hint:
        svg.text(tx, y + 15, hint, size=11, fill="#64748b", cls="keys")

    bar_y = y + 22
    dashed = ' stroke-dasharray="6 3"' if p.is_relative else ""
    svg.add(f'<rect class="bar" x="{f(x0)}" y="{f(bar_y)}" width="{f(width)}" height="{BAR_H}" fill="#ffffff" '
            f'stroke="#64748b" stroke-width="1"{dashed}/>')
    child_index = 0
    for b in lay.blocks:
        bx, bw = x0 + b.x, b.w
        tip = escape(_tooltip(b, p))
        if b.kind == "free":
            outline = 'stroke="#cbd5e1" stroke-width="0.5"' if bw >= THIN_PX else 'stroke="none"'
            svg.add(f'<g><title>{tip}</title><rect class="free" x="{f(bx)}" y="{f(bar_y)}" width="{f(bw)}" height="{BAR_H}" '
                    f'fill="url(#hatch)" {outline}/>')
            label = fit(f"free /{b.prefix.length}", bw, 10, keep="whole") or fit(f"/{b.prefix.length}", bw, 10, keep="whole")
            if label:
                svg.text(bx + bw / 2, bar_y + BAR_H / 2 + 4, label, size=10, anchor="middle", fill="#64748b")
            svg.add("</g>")
            continue
        if b.kind == "reserved":
            outline = 'stroke="#ffffff" stroke-width="0.5"' if bw >= THIN_PX else 'stroke="none"'
            svg.add(f'<g><title>{tip}</title><rect class="reserved" x="{f(bx)}" y="{f(bar_y)}" width="{f(bw)}" height="{BAR_H}" '
                    f'fill="{RESERVED}" {outline}/></g>')
            continue
        n = b.node
        key_text = labels[child_index]
        child_index += 1
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
            f'<rect class="{cls}" x="{f(bx + inset)}" y="{f(bar_y + inset)}" width="{f(max(bw - 2 * inset, 0.5))}" '
            f'height="{f(BAR_H - 2 * inset)}" fill="{FILL[(n.family, n.kind)]}" stroke="{stroke}" stroke-width="{sw}"'
            + (f' stroke-dasharray="{dash}"' if dash else "") + "/>"
        )
        if mark and thin:
            svg.add(f'<rect class="tick" x="{f(bx)}" y="{f(bar_y - 4)}" width="{f(max(bw, 0.5))}" height="3" '
                    f'fill="{CHANGE_STROKE[mark][0]}"/>')
        if key_text:
            svg.text(bx + 5, bar_y + 16, key_text, size=11, fill=INK[n.kind], weight="bold" if n.kind == "network" else "",
                     cls="label")
            range_text = _range_label(b, p)
            if range_text:
                svg.text(bx + 5, bar_y + 31, range_text, size=10, fill=INK[n.kind], mono=True)
        svg.add("</g>")
    if strip:  # the true linear scale under a log-scale bar
        sy = bar_y + BAR_H + 3
        svg.add(f'<rect class="strip" x="{f(x0)}" y="{f(sy)}" width="{f(width)}" height="{STRIP_H}" fill="#f1f5f9"/>')
        for b in children:
            svg.add(f'<rect class="truescale" x="{f(x0 + b.true_x)}" y="{f(sy)}" width="{f(b.true_w)}" height="{STRIP_H}" '
                    f'fill="{FILL[(b.node.family, b.node.kind)]}"/>')
    svg.add("</g>")
    return height


def _legend(svg: _Svg, y: float, with_changes: bool) -> float:
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
    svg.add('<g class="legend">')
    for attrs, label in items:
        need = 20 + len(label) * 11 * CHAR_W + 18
        if x + need > WIDTH - MARGIN:
            x, y = MARGIN, y + 20
        svg.add(f'<rect x="{f(x)}" y="{f(y)}" width="14" height="14" {attrs}/>')
        svg.text(x + 20, y + 11, label, size=11, fill="#334155")
        x += need
    y += 34
    for line in (
        "Each band is one network prefix, its whole address range from left to right; children sit in address order "
        "and are labelled by key (without the prefix shown after the band's name).",
        "Log-scale bands: a block is 1 unit wide + 1 unit per 4x its size over the band's smallest child (IPv6 children "
        "would vanish at true scale); the thin strip under such a band is the true linear scale.",
        "Hover a block for its full key, CIDR or Terraform expression, and size.",
    ):
        svg.text(MARGIN, y, line, size=11, fill="#475569")
        y += 16
    svg.add("</g>")
    return y


def render_svg(ipam: Ipam, plan_diff: PlanDiff | None = None, *, max_bands: int = MAX_BANDS) -> str:
    """The address-plan map. Pass the run's ``PlanDiff`` to outline added, stale and moved blocks."""
    tree = build_tree(ipam)
    bands = _bands(tree)
    marks = _changes(plan_diff)
    body = _Svg()
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
        lead = "Changes against the committed lock: " if plan_diff.had_lock else "No committed lock yet: "
        body.text(MARGIN, 78, lead + summary_line(plan_diff), size=12, weight="bold",
                  fill="#dc2626" if plan_diff.moved else "#334155")
        y = 90.0
        lines = plan_diff.moved_lines()
        for line in lines[:5]:  # the same lines the command prints before it exits 2
            body.text(MARGIN, y + 6, line, size=11, fill="#dc2626", mono=True)
            y += 16
        if len(lines) > 5:
            body.text(MARGIN, y + 6, f"… and {len(lines) - 5} more moved keys: see plan.md", size=11, fill="#dc2626")
            y += 16
    y = _legend(body, y + 6, plan_diff is not None) + 8
    for depth, node in bands[:max_bands]:
        y += _draw_band(body, ipam, tree, depth, node, y, marks) + 18
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
