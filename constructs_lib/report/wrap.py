"""Fitting plain-text tables and lines to a terminal width, without cutting anything off.

A table keeps its natural column widths when they fit. Otherwise the columns share the width
(``column_widths``; never below ``MIN_COLUMN``, the longest word of their header, or their
longest number), and cells wrap inside their column, breaking at a space where one is near, else after a separator (``/``, ``,``, ``(``,
``-``, ``.``, ``:``, ``_``), so keys and expressions break at their joints. When even the narrowest columns do not fit,
each row folds into one ``HEADER value`` line per column. Wrapped text only ever loses the
spaces it breaks at; every other character stays, in order.

Widths count characters (``len``): keys, CIDRs and expressions are ASCII.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from fractions import Fraction
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


def column_widths(rows: Sequence[Sequence[str]], minimum: Sequence[int], budget: int,
                  weights: Sequence[float] | None = None) -> list[int] | None:
    """Column widths summing to at most ``budget`` for ``rows`` (the header first).

    The natural widths when they fit; None when even ``minimum`` does not. Otherwise a few ways
    to share the width, and the one whose table takes the fewest lines wins (the first on ties;
    a wrapped cell's extra lines count again, times its column's weight):

    - *outliers wrap*: one character at a time comes off the column where that makes the fewest
      cells wrap (times the column's weight: wrapping a key costs more than wrapping prose);
      best when a few long cells are in the way;
    - *shares*: every column gets its minimum and the rest in proportion to what it lacks of its
      natural width (times its weight, or not), as browsers lay out tables; best when whole
      columns are long.
    """
    lengths = [[len(r[i]) for r in rows] for i in range(len(minimum))]
    natural = [max(ls) for ls in lengths]
    if sum(natural) <= budget:
        return natural
    if sum(minimum) > budget:
        return None
    weights = list(weights or [1.0] * len(natural))
    candidates = [_outliers_wrap(lengths, natural, minimum, budget, weights),
                  _shares(natural, minimum, budget, weights),
                  _shares(natural, minimum, budget, [1.0] * len(natural))]
    return min(candidates, key=lambda widths: _cost(rows, widths, weights))


def _cost(rows: Sequence[Sequence[str]], widths: Sequence[int], weights: Sequence[float]) -> float:
    """Lines the table takes, plus each wrapped cell's extra lines times its column's weight."""
    total = 0.0
    for r in rows:
        lines = [len(wrap_cell(c, w)) for c, w in zip(r, widths)]
        total += max(lines) + sum((n - 1) * wt for n, wt in zip(lines, weights))
    return total


def _outliers_wrap(lengths, natural, minimum, budget, weights) -> list[int]:
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


def _shares(natural, minimum, budget, weights) -> list[int]:
    widths = list(minimum)
    spare = budget - sum(widths)
    while spare > 0:
        lacking = [i for i in range(len(widths)) if widths[i] < natural[i]]
        if not lacking:
            break
        want = {i: Fraction(natural[i] - widths[i]) * Fraction(weights[i]) for i in lacking}
        total = sum(want.values())
        give = {i: min(natural[i] - widths[i], int(spare * want[i] / total)) for i in lacking}
        if not any(give.values()):  # the remainder, a character each, from the left
            give = {i: 1 for i in lacking[:spare]}
        for i, n in give.items():
            widths[i] += n
            spare -= n
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
        widths = column_widths(rows, minimum, width - GAP * (len(header) - 1), weights)
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
