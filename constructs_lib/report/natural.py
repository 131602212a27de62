"""Natural order of keys: ``worker-2`` before ``worker-10``, at every run of digits in a key.

A key splits into alternating text and digit runs (text first, possibly empty), so the parts
at one position are always of one kind and tuples compare without type errors. A digit run
compares by its value, read off its text (length without leading zeros, then the digits), so
a 5,000-digit run costs no int conversion (Python refuses those). Equal values with other
leading zeros (``node-01``, ``node-1``) fall back to the whole key's text: the order is total
and the same on every machine. Python's sort is stable, so identical keys keep their order.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
_RUNS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    parts: list[object] = []
    for i, run in enumerate(_RUNS.split(text)):
        if i % 2:
            digits = run.lstrip("0")
            parts.append((len(digits), digits))
        else:
            parts.append(run)
    return (tuple(parts), text)


def natural_sorted(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """``items`` in natural order of ``key(item)`` (the item itself by default); stable."""
    if key is None:
        return sorted(items, key=lambda item: natural_key(item))  # type: ignore[arg-type]
    return sorted(items, key=lambda item: natural_key(key(item)))
