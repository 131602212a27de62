"""Where the address plan lives: the ``Store`` seam, and what every store shares.

A store holds one *document*: the whole address namespace in the lock's JSON shape
(``constructs_lib.ipam.lockfile.to_dict``): ``networks``, ``allocations``, ``ula``, ``vrf_range``,
every network and allocation carrying its owner. Two stores implement the seam:

- ``LockfileStore`` (``lockfile.py``): ``ipam.lock.json`` beside the plan, the embedded default;
- ``PostgresStore`` (``postgres.py``): one namespace shared by many plans (teams).

A run works on a snapshot and hands back the whole document it ends with. The store turns the
difference into row changes (``changes``), checks that only the run's own owner changed anything,
and applies them in one transaction: all of a run's changes commit together or not at all, and
two owners never overwrite each other. ``transact`` retries a run that lost a serialization race
(``RetryableStoreError``) a bounded number of times with jitter; the run's ``work`` must therefore
be free of side effects other than staging what it will publish after the commit.

Document rules about owners (also enforced by ``Ipam``):
- ``allocations[key].owner`` and child ``networks[id].owner``: one owner; omitted in the JSON
  when it is ``DEFAULT_OWNER``;
- super ``networks[id].owners``: the owners that declare it (sorted); omitted when ``[DEFAULT_OWNER]``;
- an owner may add, change and remove only entries it owns, and join (or leave) a super
  network's ``owners``; ``ula`` entries are added once and never change.
"""

from __future__ import annotations

import random
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, ContextManager, Iterator, Literal, Mapping, Protocol, TypeVar

from ..errors import StoreError
from ..ipam.allocator import DEFAULT_OWNER  # the owner of a plan file without owner: (one definition)

T = TypeVar("T")

#: the owner the ``dualstack ipam`` commands act as unless ``--owner`` says otherwise
CLI_OWNER = "cli"
#: reasons a change log row may give
REASONS = ("allocate", "release", "prune", "import", "update")


class RetryableStoreError(StoreError):
    """The run lost a race (serialization failure, deadlock): running it again may succeed."""


@dataclass(frozen=True)
class Change:
    """One entry of the document, before and after a run (``None``: absent)."""

    table: Literal["network", "allocation", "ula"]
    key: str  # network id, allocation key or ULA name
    before: Mapping[str, Any] | str | None
    after: Mapping[str, Any] | str | None
    reason: str


@dataclass(frozen=True)
class LogEntry:
    """One row of a store's append-only change log."""

    time: str  # ISO 8601, UTC
    owner: str
    run_id: str
    table: str
    key: str
    before: Any
    after: Any
    reason: str


class Session(Protocol):
    """One attempt of one run, inside the store's transaction."""

    #: the whole document as the run found it (None: an empty store)
    snapshot: dict[str, Any] | None

    def commit(self, document: dict[str, Any], reasons: Mapping[str, str] | None = None) -> list[Change]:
        """Apply the difference between ``snapshot`` and ``document`` (checked with ``changes``).

        Returns the changes applied (empty: nothing was written). Raises ``StoreError`` naming the
        key when the run changed what another owner holds. The transaction itself commits when the
        session's context exits without an exception, and rolls back otherwise.
        """


class Store(Protocol):
    """The seam every store implements. Every method raises ``StoreError`` (one line) on failure."""

    #: what messages call the store: the lock's path, or the URL with its password masked
    where: str

    def read(self) -> dict[str, Any] | None:
        """The whole document, read-only, without taking the store's lock (None: empty store)."""

    def session(self, owner: str, run_id: str) -> ContextManager[Session]:
        """Open one attempt: take the store's exclusive lock, read the snapshot. Rolls back on error."""

    def log(self, *, key: str | None = None, owner: str | None = None, since: str | None = None) -> list[LogEntry]:
        """The change log, oldest first, filtered. Stores without a log raise ``StoreError`` saying where history is."""


@dataclass(frozen=True)
class Outcome:
    """What a run's ``work`` hands back: the document it ends with, a value for the caller, and
    why keys left (``reasons``: key -> ``release`` | ``prune`` | ``import``; default by kind)."""

    document: dict[str, Any]
    value: Any = None
    reasons: Mapping[str, str] = field(default_factory=dict)


def new_run_id() -> str:
    return str(uuid.uuid4())


def transact(store: Store, owner: str, work: Callable[[dict[str, Any] | None], Outcome], *,
             run_id: str | None = None, attempts: int = 6, base_delay: float = 0.05) -> Any:
    """Run ``work`` on a snapshot inside one store transaction and commit what it ends with.

    Retries ``RetryableStoreError`` up to ``attempts`` times with jittered exponential backoff,
    then raises ``StoreError`` saying so. Returns ``Outcome.value``.
    """
    run_id = run_id or new_run_id()
    for attempt in range(1, attempts + 1):
        try:
            with store.session(owner, run_id) as s:
                outcome = work(s.snapshot)
                s.commit(outcome.document, outcome.reasons)
            return outcome.value
        except RetryableStoreError as e:
            if attempt == attempts:
                raise StoreError(f"{store.where}: gave up after {attempts} attempts, each lost a race with another run ({e})") from None
            time.sleep(base_delay * (2 ** (attempt - 1)) * (0.5 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def transaction(store: Store, owner: str = DEFAULT_OWNER) -> Iterator[Any]:
    """One attempt (no retry): the block gets the namespace as an ``Ipam`` acting as ``owner``;
    what it leaves is committed when the block succeeds, nothing otherwise."""
    from ..ipam import lockfile

    with store.session(owner, new_run_id()) as s:
        ipam = lockfile.from_dict(s.snapshot, where=store.where, owner=owner)
        yield ipam
        s.commit(lockfile.to_dict(ipam))


# -- the difference between two documents -------------------------------------------------------
def entry_owners(table: str, entry: Any) -> tuple[str, ...]:
    """The owners of a document entry (defaults applied)."""
    if table == "ula" or not isinstance(entry, Mapping):
        return ()
    if table == "network" and entry.get("parent") is None:
        return tuple(entry.get("owners") or (DEFAULT_OWNER,))
    return (entry.get("owner") or DEFAULT_OWNER,)


def changes(before: Mapping[str, Any] | None, after: Mapping[str, Any], owner: str,
            reasons: Mapping[str, str] | None = None) -> list[Change]:
    """Every entry that differs between two documents, checked against ``owner``'s rights.

    Raises ``StoreError`` naming the entry when the run changed or removed what another owner
    holds, changed a pinned ULA, or changed ``vrf_range``. Sorted by table and key: deterministic.
    """
    before = before or {}
    reasons = reasons or {}
    out: list[Change] = []
    if before and tuple(before.get("vrf_range", (20, 16_777_215))) != tuple(after.get("vrf_range", (20, 16_777_215))):
        raise StoreError(f"vrf_range: {after.get('vrf_range')} differs from the store's {before.get('vrf_range')}; it cannot change")
    for table, section in (("network", "networks"), ("allocation", "allocations"), ("ula", "ula")):
        old, new = before.get(section) or {}, after.get(section) or {}
        for key in sorted(set(old) | set(new)):
            a, b = old.get(key), new.get(key)
            if a == b:
                continue
            if table == "ula":
                if a is not None:
                    raise StoreError(f"ula.{key}: pinned to {a}; a pinned RFC 4193 prefix never changes (got {b})")
                out.append(Change(table, key, None, b, "allocate"))
                continue
            _check_rights(table, key, a, b, owner, imported=reasons.get(key) == "import")
            if a is None:
                reason = reasons.get(key, "allocate")
            elif b is None:
                reason = reasons.get(key, "release")
            else:
                reason = reasons.get(key, "update")
            out.append(Change(table, key, a, b, reason))
    return out


def _check_rights(table: str, key: str, a: Any, b: Any, owner: str, *, imported: bool = False) -> None:
    where = f"{table} {key}"
    if a is None:
        owners = entry_owners(table, b)
        # an import may also bring what `dualstack ipam` made as cli in the same repository lock;
        # every other run, and every other owner, is refused
        if owner not in owners and not (imported and set(owners) <= {owner, CLI_OWNER}):
            raise StoreError(f"{where}: created for owner(s) {', '.join(owners)} by a run of owner {owner}")
        return
    had = entry_owners(table, a)
    if table == "network" and a.get("parent") is None:
        # a super network: an owner joins or leaves; what it declares must match unless it is the only owner
        now = entry_owners(table, b) if b is not None else ()
        others = [o for o in had if o != owner]
        if b is None:
            if others:
                raise StoreError(f"{where}: declared by {', '.join(others)} too; only its last owner removes it")
            return
        if sorted(o for o in now if o != owner) != sorted(others):
            raise StoreError(f"{where}: owner {owner} changed the owners {', '.join(had)} (got {', '.join(now)})")
        if owner not in had and owner not in now:
            raise StoreError(f"{where}: changed by owner {owner}, who does not declare it (owners {', '.join(had)})")
        return
    if owner not in had:
        raise StoreError(f"{where}: belongs to owner {had[0]}, not to {owner}")
    if b is not None and entry_owners(table, b) != had:
        raise StoreError(f"{where}: moved from owner {had[0]} to {entry_owners(table, b)[0]}; release it and allocate it again")
