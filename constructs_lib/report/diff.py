"""What a run changes against a baseline lock (chosen by the caller): added, released, moved, stale.

Compared per key and family (a dual-stack child network is two entries). A key that keeps
its family but not its range is *moved*: the allocator never does that, so a move means the
lock was edited by hand or the plan was reconciled wrongly, and the caller must stop
(``PlanDiff.raise_for_moves``; the CLI exits 2 with one line per moved key).

Changes come in natural key order (``worker-2`` before ``worker-10``), then by family.

Super networks are compared by id, per family, as sets of prefixes: adding a prefix to a
super network is *added*, dropping one is *released*, and replacing one is *moved*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..errors import DualstackError
from ..ipam import Ipam, from_dict
from .natural import natural_key
from .tree import build_tree


class MovedKeys(DualstackError):
    """The run would move keys that the lock pins. ``lines`` has one line per moved key."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines=lines)
        self.args = ("\n".join(lines),)  # one line per moved key, also when printed whole


@dataclass(frozen=True, slots=True)
class Change:
    key: str  # allocation key, or a super network's id (kind "super")
    family: str
    kind: str  # super | network | prefix | ip
    old: str | None  # range in the baseline lock
    new: str | None  # range after this run


@dataclass(frozen=True)
class PlanDiff:
    added: tuple[Change, ...]
    released: tuple[Change, ...]
    moved: tuple[Change, ...]
    stale: tuple[Change, ...]  # held but not asked for by this run: kept until released
    had_lock: bool = True

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "released": len(self.released), "moved": len(self.moved), "stale": len(self.stale)}

    def moved_lines(self) -> list[str]:
        """One line per moved key, naming every family's old and new range."""
        by_key: dict[tuple[str, str], list[Change]] = {}
        for c in self.moved:
            by_key.setdefault((c.kind == "super", c.key), []).append(c)
        lines = []
        for (is_super, key), changes in sorted(by_key.items(), key=lambda kv: natural_key(kv[0][1])):
            what = f"super network {key}" if is_super else f"key {key}"
            parts = "; ".join(f"{c.family} {c.old} -> {c.new}" for c in changes)
            lines.append(f"moved: {what}: {parts} (the lock pins ranges; release the key to renumber it)")
        return lines

    def raise_for_moves(self) -> None:
        if self.moved:
            raise MovedKeys(self.moved_lines())


Entry = tuple[str, tuple[str, ...]]  # (kind, ranges)


def _entries(ipam: Ipam) -> dict[tuple[bool, str, str], Entry]:
    """(is_super, key, family) -> (kind, ranges). Only super networks hold several ranges per family."""
    tree = build_tree(ipam)
    out: dict[tuple[bool, str, str], Entry] = {}
    for n in tree.supers:
        kind, texts = out.get((True, n.key, n.family), ("super", ()))
        out[(True, n.key, n.family)] = (kind, texts + (n.text,))
    for kids in tree.children.values():
        for n in kids:
            # a grown child network holds several prefixes of a family under one key
            kind, texts = out.get((False, n.key, n.family), (n.kind, ()))
            out[(False, n.key, n.family)] = (kind, texts + (n.text,))
    return out


def _load(old: Mapping[str, Any] | Ipam | None, where: str) -> Ipam | None:
    if old is None or isinstance(old, Ipam):
        return old
    return from_dict(dict(old), where=where)


def diff(old_lock: Mapping[str, Any] | Ipam | None, new: Ipam, *, where: str = "baseline lock",
         stale: Iterable[str] | None = None) -> PlanDiff:
    """Compare the baseline lock (its JSON as a dict, or None when there is none yet) with the run's namespace.

    ``where`` names the baseline in the one-line error a damaged one gives (its path, say).
    """
    old_ipam = _load(old_lock, where)
    before = _entries(old_ipam) if old_ipam is not None else {}
    after = _entries(new)
    added: list[Change] = []
    released: list[Change] = []
    moved: list[Change] = []
    for ident in sorted(before.keys() | after.keys(), key=lambda i: (natural_key(i[1]), i[2], not i[0])):
        is_super, key, family = ident
        b, a = before.get(ident), after.get(ident)
        if b == a:
            continue
        if b is None:
            added.append(Change(key, family, a[0], None, ", ".join(a[1])))
        elif a is None:
            released.append(Change(key, family, b[0], ", ".join(b[1]), None))
        elif is_super or (a[0] == b[0] == "network" and set(b[1]) <= set(a[1])):
            # a super network, or a child network that grew by a prefix: what stayed did not move
            gone = [t for t in b[1] if t not in a[1]]
            new_ = [t for t in a[1] if t not in b[1]]
            kind = "super" if is_super else "network"
            if gone and new_:
                moved.append(Change(key, family, kind, ", ".join(gone), ", ".join(new_)))
            elif new_:
                added.append(Change(key, family, kind, None, ", ".join(new_)))
            else:
                released.append(Change(key, family, kind, ", ".join(gone), None))
        else:
            # same key, same family, another range (or another kind): the one thing that must never happen
            old_text = b[1][0] if b[0] == a[0] else f"{b[0]} {b[1][0]}"
            new_text = a[1][0] if b[0] == a[0] else f"{a[0]} {a[1][0]}"
            moved.append(Change(key, family, a[0], old_text, new_text))
    stale_keys = set(new.stale_keys() if stale is None else stale)  # ``stale``: when ``new`` is a view of the run's namespace
    stale = [
        Change(key, family, kind, texts[0], texts[0])
        for (is_super, key, family), (kind, texts) in sorted(after.items(), key=lambda kv: (natural_key(kv[0][1]), kv[0][2]))
        if not is_super and key in stale_keys
    ]
    return PlanDiff(tuple(added), tuple(released), tuple(moved), tuple(stale), had_lock=old_ipam is not None)
