"""Bulk allocation without the cyclic garbage collector's pauses.

The allocator makes no reference cycles (allocations and prefixes are tuples, pools hold ints),
so collecting during a run only re-walks a growing key table: with 100,000 addresses the last
tenth ran at a third of the first. ``bulk()`` pauses the collector for the block and restores
it after; the app wraps loading a lock and planning in it.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def bulk() -> Iterator[None]:
    """Pause cyclic garbage collection inside the block (re-entrant; reference counting still frees memory)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
