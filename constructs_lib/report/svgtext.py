"""Text in the SVG map: how wide it is, how to shorten or wrap it, and the writer that emits it.

Every piece of text is set in a monospace font, so its width is known without measuring
glyphs: DejaVu Sans Mono, Menlo, Liberation Mono and Courier advance 0.600-0.602 em per
character (Consolas 0.55), bold included. ``CHAR_W`` allows for renderers that hint glyph
advances to whole pixels (cairo, librsvg: 6.62 px becomes 7 at 11 px, 0.636 em). East Asian
wide characters count double. Whatever is shortened to fit carries its full text in a ``<title>``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

FONT = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace"
CHAR_W = 0.64  # em per character: at least the advance of the fonts above, rounded up to whole pixels
ASCENT = 0.8  # em above the baseline that a line of text may cover
DESCENT = 0.25  # em below it
PAD = 6  # px a label keeps from the edges of the block it sits in: 4 before, 2 after

#: characters XML 1.0 cannot hold; replaced, so any key still gives a well-formed document
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(s: str) -> str:
    return _xml_escape(_NOT_XML.sub("\ufffd", s))


def quoteattr(s: str) -> str:
    return _xml_quoteattr(_NOT_XML.sub("\ufffd", s))


def f(x: float) -> str:
    """Fixed float formatting: two decimals, no negative zero, no trailing zeros."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def char_cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    """Width of ``text`` in character cells."""
    return sum(char_cells(ch) for ch in text) if not text.isascii() else len(text)


def text_width(text: str, size: float) -> float:
    """Width in px of ``text`` at ``size`` px, conservatively."""
    return cells(text) * size * CHAR_W


def room(width: float, size: float) -> int:
    """How many character cells fit ``width`` px at ``size`` px, keeping ``PAD`` px."""
    return max(int((width - PAD) / (size * CHAR_W)), 0)


def _head(text: str, n: int) -> str:
    out, used = [], 0
    for ch in text:
        used += char_cells(ch)
        if used > n:
            break
        out.append(ch)
    return "".join(out)


def _tail(text: str, n: int) -> str:
    return _head(text[::-1], n)[::-1]


def clip(text: str, n: int, keep: str = "middle") -> str:
    """``text`` in at most ``n`` cells, an ellipsis where it was cut (``keep``: middle, tail or head)."""
    if cells(text) <= n:
        return text
    if n < 1:
        return ""
    if keep == "middle":
        head = (n - 1) * 2 // 5
        return _head(text, head) + "…" + _tail(text, n - 1 - head)
    if keep == "head":
        return _head(text, n - 1) + "…"
    return "…" + _tail(text, n - 1)


def fit(text: str, width: float, size: float, *, keep: str = "tail") -> str:
    """``text`` shortened with an ellipsis to fit ``width`` px; "" when fewer than 4 cells fit.

    ``keep="middle"`` keeps both ends (keys differ at the start, ``private/``, and at the end,
    ``node-7``); ``"tail"`` keeps the end (an address's last groups); ``"whole"`` all or nothing.
    """
    n = room(width, size)
    if cells(text) <= n:
        return text
    if n < 4 or keep == "whole":
        return ""
    return clip(text, n, keep)


def wrap_px(text: str, width: float, size: float) -> list[str]:
    """Prose broken at spaces into lines of at most ``width`` px (a word too long is clipped by cells)."""
    n = max(int(width / (size * CHAR_W)), 4)
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cells(candidate) <= n:
            line = candidate
            continue
        if line:
            lines.append(line)
        while cells(word) > n:
            lines.append(_head(word, n))
            word = word[len(_head(word, n)):]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """Where a horizontal line of text may paint: ``x``/``y`` are its SVG position (baseline)."""
    w = text_width(text, size)
    left = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
    return Box(left, y - ASCENT * size, left + w, y + DESCENT * size)


class Svg:
    """An SVG body as lines of text, in the order they are added."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def add(self, s: str) -> None:
        self.out.append(s)

    def text(self, x: float, y: float, s: str, *, size: float = 11, fill: str = "#0f172a", weight: str = "",
             anchor: str = "start", cls: str = "", title: str = "", attrs: str = "", rotate: bool = False) -> None:
        """One line of text; ``title`` (the full text of a shortened one) becomes its tooltip.

        ``rotate``: turned 90° clockwise about (x, y), reading downwards from there.
        """
        parts = [f'x="{f(x)}"', f'y="{f(y)}"', f'font-size="{f(size)}"', f'fill="{fill}"']
        if weight:
            parts.append(f'font-weight="{weight}"')
        if anchor != "start":
            parts.append(f'text-anchor="{anchor}"')
        if cls:
            parts.append(f'class="{cls}"')
        if rotate:
            parts.append(f'transform="rotate(90 {f(x)} {f(y)})"')
        if attrs:
            parts.append(attrs)
        body = f"<title>{escape(title)}</title>{escape(s)}" if title and title != s else escape(s)
        self.add(f"<text {' '.join(parts)}>{body}</text>")
