"""Buddy free lists per prefix length: O(prefix bits) per operation, whatever the fill.

Blocks are offsets inside the pool (the pool's base is 0), so the same code serves concrete
and relative parents. Per length we keep a set (membership, O(1)) and a heap of offsets
(lowest address first); heap entries of blocks that left the set are dropped lazily.
go-ipam scans its acquired children on every call (metal-stack/go-ipam#146); this never does.
"""

from __future__ import annotations

from heapq import heappop, heappush


class BuddyPool:
    __slots__ = ("length", "maxbits", "_sets", "_heaps", "_all", "used")

    def __init__(self, length: int, maxbits: int) -> None:
        self.length = length
        self.maxbits = maxbits
        self._sets: list[set[int]] = [set() for _ in range(maxbits + 1)]
        self._heaps: list[list[int]] = [[] for _ in range(maxbits + 1)]
        #: every free block as (offset, length), lowest first: built when the pool first hands out
        #: an address, so lowest-free is O(log n) instead of a look at every length (64 for a /64)
        self._all: list[tuple[int, int]] | None = None
        #: offset -> length of every block handed out (children and single addresses)
        self.used: dict[int, int] = {}
        self._free(0, length)

    def _free(self, off: int, length: int) -> None:
        self._sets[length].add(off)
        heappush(self._heaps[length], off)
        if self._all is not None:
            heappush(self._all, (off, length))

    def acquire(self, length: int) -> int | None:
        """Best fit (smallest free block that holds ``length``), lowest address on ties."""
        sets = self._sets
        level, floor = length, self.length
        while level >= floor and not sets[level]:
            level -= 1
        if level < floor:
            return None
        # the hot path of every acquisition: pop and split inlined
        heap, live = self._heaps[level], sets[level]
        off = heappop(heap)
        while off not in live:  # drop stale heap entries
            off = heappop(heap)
        live.remove(off)
        if level < length:
            heaps, maxbits, every = self._heaps, self.maxbits, self._all
            while level < length:  # keep the lower half, free the upper halves
                level += 1
                upper = off + (1 << (maxbits - level))
                sets[level].add(upper)
                heappush(heaps[level], upper)
                if every is not None:
                    heappush(every, (upper, level))
        self.used[off] = length
        return off

    def acquire_lowest(self) -> int | None:
        """The lowest free single address (people expect .1, .2, .3 rather than best fit)."""
        sets, every = self._sets, self._all
        if every is None:  # first address of this pool: index the free blocks once (a sorted list is a heap)
            every = self._all = sorted((off, level) for level in range(self.length, self.maxbits + 1) for off in sets[level])
        while every and every[0][0] not in sets[every[0][1]]:  # drop stale entries
            heappop(every)
        if not every:
            return None
        best, level = heappop(every)
        sets[level].remove(best)  # its per-length heap entry goes stale
        maxbits = self.maxbits
        while level < maxbits:
            level += 1
            self._free(best + (1 << (maxbits - level)), level)
        self.used[best] = maxbits
        return best

    def acquire_at(self, off: int, length: int) -> bool:
        """Take exactly the block (off, length) if it is wholly free."""
        maxbits, sets = self.maxbits, self._sets
        level = length
        while level >= self.length:
            base = off & ~((1 << (maxbits - level)) - 1)
            if base in sets[level]:
                break
            level -= 1
        else:
            return False
        sets[level].remove(base)  # its heap entry goes stale
        while level < length:
            level += 1
            half = 1 << (maxbits - level)
            if off & half:
                self._free(base, level)
                base += half
            else:
                self._free(base + half, level)
        self.used[off] = length
        return True

    def release(self, off: int) -> int:
        """Give a block back, merging buddies. Returns its length."""
        length = self.used.pop(off)
        sets, maxbits, level = self._sets, self.maxbits, length
        while level > self.length:
            buddy = off ^ (1 << (maxbits - level))
            if buddy not in sets[level]:
                break
            sets[level].remove(buddy)
            off &= ~(1 << (maxbits - level))
            level -= 1
        self._free(off, level)
        return length

    def free_blocks(self, unit: int) -> int:
        """How many free aligned blocks of length ``unit`` there are (free fragments smaller than one don't count)."""
        sets = self._sets
        return sum(len(sets[level]) << (unit - level) for level in range(self.length, min(unit, self.maxbits) + 1))

    def free_addresses(self) -> int:
        sets, maxbits = self._sets, self.maxbits
        return sum(len(sets[level]) << (maxbits - level) for level in range(self.length, maxbits + 1))

    def free_list(self) -> list[tuple[int, int]]:
        """Every free block as (offset, length), by address. O(free blocks): reports, not hot paths."""
        return sorted((off, level) for level in range(self.length, self.maxbits + 1) for off in self._sets[level])

    def owner_of(self, off: int) -> int | None:
        """Offset of the used block containing ``off``, if any. O(prefix bits)."""
        maxbits, used = self.maxbits, self.used
        for level in range(self.maxbits, self.length - 1, -1):
            base = off & ~((1 << (maxbits - level)) - 1)
            if used.get(base) == level:
                return base
        return None
