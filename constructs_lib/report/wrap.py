"""Fitting plain-text tables and lines to a terminal width, without cutting anything off.

A table keeps its natural column widths when they fit. Otherwise columns give up width where
that makes the fewest cells wrap (never below ``MIN_COLUMN``, the longest word of their header,
or their longest number), and those cells wrap inside their column, breaking at a space where one is near, else after a separator (``/``, ``,``, ``(``,
``-``, ``.``, ``:``, ``_``), so keys and expressions break at their joints. When even the narrowest columns do not fit,
each row folds into one ``HEADER value`` line per column. Wrapped text only ever loses the
spaces it breaks at; every other character stays, in order.

Widths count characters (``len``): keys, CIDRs and expressions are ASCII.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

GAP = 2  # spaces between columns
MIN_COLUMN = 8  # a column is never squeezed below this (or its header)
MIN_WIDTH = 24  # narrower terminals are treated as this wide
HEADER_COST = 8  # wrapping a header costs as much as wrapping this many cells
BREAK_AFTER = " /,(-.:_"
_NUMBER = re.compile(r"\d{1,40}")  # exact integers stay whole (an IPv6 /0 holds a 39-digit count)


def _longest(words: Sequence[str]) -> int:
    return max((len(w) for w in words), default=0)


def wrap_cell(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` characters; continuation lines keep its indentation."""
    if len(text) <= width:
        return [text]
    body = text.lstrip(" ")
    indent = min(len(text) - len(body), max(width - MIN_COLUMN, 0))
    room = max(width - indent, 1)
    pieces: list[str] = []
    while len(body) > room:
        near = range(room // 3, room)  # a break point in the last two thirds, a space first
        cut = max((i + 1 for i in near if body[i] == " "), default=0) or max(
            (i + 1 for i in near if body[i] in BREAK_AFTER), default=room)
        if body[cut - 1].isdigit() and body[cut].isdigit():  # never split a number when it can move down whole
            start = cut
            while start and body[start - 1].isdigit():
                start -= 1
            cut = start or cut
        pieces.append(body[:cut].rstrip(" ") or body[:cut])
        body = body[cut:].lstrip(" ") if body[cut - 1] == " " or body[cut:cut + 1] == " " else body[cut:]
    if body:
        pieces.append(body)
    return [" " * indent + p for p in pieces]


def wrap_words(text: str, width: int, indent: str = "  ") -> list[str]:
    """A line of prose at ``width``: breaks at spaces, continuation lines indented; a word too long breaks."""
    width = max(width, MIN_WIDTH)
    indent = indent[: width // 2]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = (indent if lines else "") + word
        while len(line) > width:
            lines.append(line[:width])
            line = indent + line[width:]
    if line.strip() or not lines:
        lines.append(line)
    return lines


def column_widths(lengths: Sequence[Sequence[int]], minimum: Sequence[int], budget: int,
                  weights: Sequence[float] | None = None) -> list[int] | None:
    """Column widths summing to at most ``budget``, from each column's cell lengths (the header's first).

    The natural widths when they fit; None when even ``minimum`` does not. Otherwise one
    character at a time comes off the column where it makes the fewest cells wrap (times the
    column's weight: wrapping a key costs more than wrapping prose), the wider column on ties,
    then the one further right: outliers wrap, the bulk of the table does not.
    """
    natural = [max(ls) for ls in lengths]
    if sum(natural) <= budget:
        return natural
    if sum(minimum) > budget:
        return None
    weights = weights or [1.0] * len(natural)
    ordered = [sorted(ls) for ls in lengths]
    widths = list(natural)
    for _ in range(sum(natural) - budget):
        best, best_rank = -1, None
        for i, (w, ls) in enumerate(zip(widths, ordered)):
            if w <= minimum[i]:
                continue
            # cells that would no longer fit; a wrapped header counts as HEADER_COST cells
            rank = ((len(ls) - bisect_left(ls, w) + (HEADER_COST - 1) * (lengths[i][0] >= w)) * weights[i], -w, -i)
            if best_rank is None or rank < best_rank:
                best, best_rank = i, rank
        widths[best] -= 1
    return widths


def fit_table(header: Sequence[str], body: Sequence[Sequence[str]], width: int | None,
              weights: Sequence[float] | None = None) -> list[str]:
    """Left-aligned columns ``GAP`` apart, trailing spaces trimmed, no line longer than ``width``."""
    rows = [list(header)] + [list(r) for r in body]
    lengths = [[len(r[i]) for r in rows] for i in range(len(header))]
    if width is None:
        widths: list[int] | None = [max(ls) for ls in lengths]
    else:
        width = max(width, MIN_WIDTH)
        minimum = [min(max(ls), max(MIN_COLUMN, _longest(h.split()), _longest(_NUMBER.findall(" ".join(col)))))
                   for ls, h, col in zip(lengths, header, zip(*body))] if body else [len(h) for h in header]
        widths = column_widths(lengths, minimum, width - GAP * (len(header) - 1), weights)
    if widths is None:
        return fold_rows(header, body, width or MIN_WIDTH)
    out: list[str] = []
    for r in rows:
        cells = [wrap_cell(c, w) for c, w in zip(r, widths)]
        for i in range(max(len(c) for c in cells)):
            parts = [(c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths)]
            out.append((" " * GAP).join(parts).rstrip())
    return out


def fold_rows(header: Sequence[str], body: Sequence[Sequence[str]], width: int) -> list[str]:
    """Too narrow for columns: each row as ``HEADER value`` lines, rows a blank line apart."""
    label = max(len(h) for h in header) + GAP
    out: list[str] = []
    for n, r in enumerate(body):
        if n:
            out.append("")
        for h, c in zip(header, r):
            pieces = wrap_cell(c.strip(), max(width - label, 1)) if c.strip() else [""]
            out.append((h.ljust(label) + pieces[0]).rstrip())
            out += [(" " * label + p).rstrip() for p in pieces[1:]]
    return out
