"""Where each block of a band goes: the scale of the address-plan picture.

A band is one network prefix drawn across a fixed width. Its contents partition it exactly
into aligned blocks: the children carved from it, its free blocks (the buddy allocator's free
lists), and *reserved* blocks (addresses held without a key: IPv4 network and broadcast, the
IPv6 subnet-router anycast address).

Why not a linear scale: an IPv6 /64 holding a /96 gives the child 2^-32 of the band, far
below a pixel, and a /128 node address in a /64 is 2^-64. Why not a log scale of the address
(position = log(offset)): the buddy allocator packs children at the lowest addresses, so
a log axis would squash them all against zero and make offset 0 undrawable. So:

- **Linear**, when it works: if every child gets at least ``LINEAR_MIN_PX`` (room for a
  label), blocks are drawn at their true size. Typical for IPv4 bands of a few big children.
- Otherwise **log widths by block, in address order**: walk the partition in address order
  and give each item a width of ``1 + log2(size / smallest) / LOG_STEP`` units (``LOG_STEP`` = 2), where ``smallest`` is
  the band's smallest child (so a block 4 times bigger is one unit wider; reserved blocks get
  ``RESERVED_SHARE`` of that, they are context, not content; a free run at most ``FREE_CAP``
  units, enough to read as "mostly free" without squeezing the keys), and consecutive free
  blocks form one item (a buddy free list splits a free run into up to one block per prefix
  bit, and the run should read as one stretch of free space, not as 60 slots). Inside a free
  run its aligned blocks share the run's width by the same rule, so the buddy structure is
  still visible. Order and adjacency are exact; sizes are compressed. The drawing puts a thin
  true-scale strip under every log-scale bar, so the real proportions are never hidden.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..ipam import Ipam, Prefix
from .tree import Node, PlanTree

#: linear only when every child gets this much: room for a label of about 17 characters
LINEAR_MIN_PX = 120.0
#: one unit of width per factor of 2**LOG_STEP in size (2**2 = 4)
LOG_STEP = 2.0
#: reserved addresses matter less than keyed ones: a reserved block gets this share of its width
RESERVED_SHARE = 0.35
#: a run of free space never takes more units than this (a /64 holding five addresses would
#: otherwise give 33 units to free space and leave the addresses too narrow for their keys)
FREE_CAP = 8.0


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # child | free | reserved
    prefix: Prefix  # aligned, inside the band's prefix
    node: Node | None  # the child, for kind "child"
    x: float  # offset from the band's left edge, px
    w: float  # width, px
    true_x: float  # true-scale offset, px
    true_w: float  # true-scale width, px (at least a hair, so tiny children still show)


@dataclass(frozen=True, slots=True)
class BandLayout:
    prefix: Prefix
    blocks: tuple[Block, ...]
    scale: str  # linear | log


def aligned_blocks(version: int, root, start: int, end: int, maxbits: int) -> list[Prefix]:
    """The range [start, end) as the fewest aligned prefixes, by address."""
    out = []
    while start < end:
        size = start & -start if start else 1 << maxbits
        while size > end - start:
            size >>= 1
        out.append(Prefix(version, start, maxbits - size.bit_length() + 1, root))
        start += size
    return out


def partition(ipam: Ipam, tree: PlanTree, p: Prefix) -> list[tuple[str, Prefix, Node | None]]:
    """Children, free blocks and the reserved gaps between them: the whole of ``p``, by address."""
    used = [("child", n.prefix, n) for n in tree.kids(p)] + [("free", f, None) for f in ipam.free_blocks(p)]
    used.sort(key=lambda t: t[1].base)
    out: list[tuple[str, Prefix, Node | None]] = []
    cursor, end = p.base, p.base + p.num_addresses
    for item in used:
        if item[1].base > cursor:
            out += [("reserved", g, None) for g in aligned_blocks(p.version, p.root, cursor, item[1].base, p.maxbits)]
        out.append(item)
        cursor = max(cursor, item[1].base + item[1].num_addresses)
    if cursor < end:
        out += [("reserved", g, None) for g in aligned_blocks(p.version, p.root, cursor, end, p.maxbits)]
    return out


def _weight(size: int, smallest: int) -> float:
    return 1.0 + max(0.0, math.log2(size) - math.log2(smallest)) / LOG_STEP


def layout_band(ipam: Ipam, tree: PlanTree, p: Prefix, width: float) -> BandLayout:
    parts = partition(ipam, tree, p)
    total = p.num_addresses
    solid = [q.num_addresses for kind, q, _ in parts if kind != "free"]
    linear = not solid or min(solid) / total * width >= LINEAR_MIN_PX

    # items: each child / reserved block alone, each run of consecutive free blocks together
    items: list[list[tuple[str, Prefix, Node | None]]] = []
    for part in parts:
        if part[0] == "free" and items and items[-1][0][0] == "free":
            items[-1].append(part)
        else:
            items.append([part])

    def true_pos(q: Prefix) -> tuple[float, float]:
        x = (q.base - p.base) / total * width
        return x, min(max(q.num_addresses / total * width, 0.75), width - x)

    blocks: list[Block] = []
    if linear:
        for kind, q, node in parts:
            x, w = (q.base - p.base) / total * width, q.num_addresses / total * width
            blocks.append(Block(kind, q, node, x, w, x, w))
        return BandLayout(p, tuple(blocks), "linear")

    children = [q.num_addresses for kind, q, _ in parts if kind == "child"]
    smallest = min(children or solid)
    weights = []
    for item in items:
        w = _weight(sum(q.num_addresses for _, q, _ in item), smallest)
        weights.append(w * RESERVED_SHARE if item[0][0] == "reserved" else min(w, FREE_CAP) if item[0][0] == "free" else w)
    unit = width / sum(weights)
    x = 0.0
    for item, weight in zip(items, weights):
        item_w = weight * unit
        if len(item) == 1:
            kind, q, node = item[0]
            blocks.append(Block(kind, q, node, x, item_w, *true_pos(q)))
        else:  # a free run: its buddy blocks share the run's width
            run_min = min(q.num_addresses for _, q, _ in item)
            sub = [_weight(q.num_addresses, run_min) for _, q, _ in item]
            sx = x
            for (kind, q, node), sw in zip(item, sub):
                w = sw / sum(sub) * item_w
                blocks.append(Block(kind, q, node, sx, w, *true_pos(q)))
                sx += w
        x += item_w
    return BandLayout(p, tuple(blocks), "log")
