"""The PostgreSQL store: one address namespace per database, shared by many plans (owners).

``PostgresStore(url)`` implements the ``Store`` seam (``base.py``):

- ``session(owner, run_id)`` opens one transaction, takes the namespace-wide
  ``pg_advisory_xact_lock`` (every writer queues there, as NetBox does for "next available"), and
  reads the snapshot; ``commit(document)`` turns ``base.changes(snapshot, document, owner)`` into
  batched statements (whole columns ``unnest``ed: a handful of round trips per run) plus one
  change-log row per change. Leaving the ``with`` block cleanly commits; anything else rolls back.
  A run killed at any moment leaves the store as it was: PostgreSQL drops the open transaction.
- ``read()`` returns the document exactly as ``lockfile.to_dict`` writes it (contract-tested).
- ``init()`` applies the migrations in ``migrations/`` in order; ``status()`` says where the schema is.

The schema refuses overlap itself (``migrations/0001_initial.sql``); this module maps its refusals,
serialization failures and deadlocks (``RetryableStoreError``) and connection problems to one
``StoreError`` line with the URL's password masked.
"""

from __future__ import annotations

import itertools
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from typing import Any, Iterator, Mapping

from ..errors import StoreError
from ..ipam.errors import IpamError
from ..ipam.keys import check_owner
from ..ipam.lockfile import FORMAT
from ..ipam.prefix import FAMILY, Prefix, format_address
from . import sql
from .documents import Spaces, parse_cidr
from .base import DEFAULT_OWNER, Change, LogEntry, RetryableStoreError, changes
from .url import StoreUrl, driver, parse, scrub

DEFAULT_VRF_RANGE = (20, 16_777_215)
_NETWORK_FIELDS = {"prefixes", "name", "description", "partition", "project", "key", "parent",
                   "default_child_prefix_length", "private_super", "labels", "vrf", "owner", "owners"}
_ALLOCATION_FIELDS = {"network", "cidr", "address", "purpose", "owner"}
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


# -- migrations ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    text: str


def migrations() -> list[Migration]:
    """The migrations shipped with this code, in order (versions 1..N without gaps)."""
    out = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            out.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    out.sort(key=lambda m: m.version)
    if [m.version for m in out] != list(range(1, len(out) + 1)):
        raise StoreError(f"migrations: versions {[m.version for m in out]} are not 1..{len(out)} without gaps")
    return out


def schema_version() -> int:
    """The schema version this code reads and writes."""
    return len(migrations())


# -- prefixes <-> rows -----------------------------------------------------------------------------
#: an apply-time root: (expression, IP version, length), as the allocator tells roots apart
RootKey = tuple  # (str, int, int)
#: how many levels networks may nest (the schema has one exclusion constraint per depth)
MAX_DEPTH = 15


def _hex6(n: int) -> str:
    """An IPv6 address as eight groups, uncompressed (PostgreSQL reads any valid spelling)."""
    h = f"{n:032x}"
    return ":".join((h[0:4], h[4:8], h[8:12], h[12:16], h[16:20], h[20:24], h[24:28], h[28:32]))


class _Cidrs:
    """The ``cidr`` value of a prefix: itself when concrete; inside an apply-time root, its offset
    placed in the root's slot of the placeholder space ``0:<slot>::/32`` (IPv4 offsets in its last 32 bits)."""

    def __init__(self, slots: dict[RootKey, int]) -> None:
        self.slots = slots
        self._cache: dict[Prefix, str] = {}

    def __call__(self, p: Prefix) -> str:
        got = self._cache.get(p)
        if got is None:
            if p.root is None:
                got = f"{format_address(p.version, p.base)}/{p.length}"
            else:
                slot = self.slots[(p.root.expr, p.root.version, p.root.length)]
                got = f"{_hex6((slot << 96) | p.base)}/{p.length if p.version == 6 else p.length + 96}"
            if len(self._cache) < 4096:  # parents repeat; the blocks themselves do not
                self._cache[p] = got
        return got

    def slot(self, p: Prefix) -> int | None:
        return None if p.root is None else self.slots[(p.root.expr, p.root.version, p.root.length)]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)  # json's default encoder is the cached C one


class _Rows:
    """Rows for the batched statements of one commit: ``COPY`` takes them as rows, ``unnest`` as columns."""

    def __init__(self, *names: str) -> None:
        self.names = names
        self._rows: list[tuple[Any, ...]] = []

    def add(self, *values: Any) -> None:
        self._rows.append(values)

    def __len__(self) -> int:
        return len(self._rows)

    def params(self) -> list[list[Any]]:
        return [list(column) for column in zip(*self._rows)] if self._rows else [[] for _ in self.names]

    def rows(self) -> list[tuple[Any, ...]]:
        return self._rows


def _copy(cur: Any, statement: str, rows: Any) -> None:
    """``COPY ... FROM STDIN``: the fastest way in (psycopg formats rows in C; None is NULL)."""
    with cur.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _block_rows() -> _Rows:
    return _Rows("kind", "network", "position", "key", "owner", "purpose", "parent", "parent_cidr", "depth", "root_slot", "cidr", "text")


def _network_rows() -> _Rows:
    return _Rows("id", "parent", "key", "owner", "name", "description", "partition", "project", "dcpl", "private_super", "labels", "vrf")


# -- the store -------------------------------------------------------------------------------------
class PostgresStore:
    """A store in a PostgreSQL database (schema ``dualstack``). Every failure is one ``StoreError`` line."""

    def __init__(self, url: str | StoreUrl, *, wait_seconds: float = 120.0, connect_timeout: int = 10) -> None:
        self.url = url if isinstance(url, StoreUrl) else parse(url)
        self.where = f"store {self.url.masked}"
        self.wait_seconds = wait_seconds
        self.connect_timeout = connect_timeout

    def __repr__(self) -> str:
        return f"PostgresStore({self.url.masked!r})"

    # -- connections and errors --------------------------------------------------------------------
    def _connect(self) -> Any:
        psycopg = driver()

        extra: dict[str, Any] = {}
        if "connect_timeout" not in self.url.params:
            extra["connect_timeout"] = self.connect_timeout
        if "application_name" not in self.url.params:
            extra["application_name"] = "dualstack"
        try:
            return psycopg.connect(self.url.text, autocommit=False, **extra)
        except psycopg.Error as e:
            raise self._error(e) from None

    def _error(self, e: BaseException) -> StoreError:
        """One line for a driver or server error; serialization failures and deadlocks are retryable."""
        message = scrub(getattr(e, "diag", None) and e.diag.message_primary or e, self.url.text)
        state = getattr(e, "sqlstate", None) or ""
        if state in ("40001", "40P01"):
            return RetryableStoreError(f"{self.where}: {message}")
        if state == "55P03":
            return StoreError(f"{self.where}: another run held the namespace lock longer than {self.wait_seconds:g} s; try again later")
        if state in ("3F000", "42P01"):
            return StoreError(f"{self.where}: the database has no dualstack schema; run dualstack store init")
        if state == "3D000" or re.search(r'database "[^"]*" does not exist', message):
            return StoreError(f"{self.where}: database {self.url.dbname!r} does not exist; create it (createdb {self.url.dbname}) and run dualstack store init")
        if state in ("28P01", "28000") or "password authentication failed" in message or "no password supplied" in message:
            user = self.url.params.get("user", "")
            who = f" for user {user!r}" if user else ""
            return StoreError(f"{self.where}: authentication failed{who}: {message}")
        if state.startswith("23"):
            diag = getattr(e, "diag", None)
            constraint = getattr(diag, "constraint_name", None) or ""
            detail = scrub(getattr(diag, "message_detail", None) or "", self.url.text)
            what = _CONSTRAINTS.get(re.sub(r"^block_depth_\d+_disjoint$", "block_depth_disjoint", constraint), constraint or "a constraint")
            return StoreError(f"{self.where}: the schema refuses the change ({what}): {message}{'; ' + detail if detail else ''}")
        if state == "42501":
            return StoreError(f"{self.where}: permission denied: {message}")
        if not state:  # no SQLSTATE: the connection itself (server unreachable, socket missing, TLS, ...)
            return StoreError(f"{self.where}: cannot connect: {message}")
        return StoreError(f"{self.where}: {message} (SQLSTATE {state})")

    @contextmanager
    def _transaction(self, *, read_only: bool = False, lock: bool = False) -> Iterator[Any]:
        """One transaction on a fresh connection; commits on a clean exit, rolls back otherwise."""
        psycopg = driver()

        conn = self._connect()
        try:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ if read_only else psycopg.IsolationLevel.READ_COMMITTED
            conn.read_only = read_only
            try:
                cur = conn.cursor()
                if lock:
                    # READ COMMITTED: every statement after the lock sees what the previous holder committed
                    cur.execute(sql.LOCK_TIMEOUT, (f"{int(self.wait_seconds * 1000)}ms",))
                    cur.execute(sql.TAKE_NAMESPACE_LOCK, (sql.NAMESPACE_LOCK,))
            except psycopg.Error as e:
                raise self._error(e) from None
            try:
                yield cur
            except psycopg.Error as e:
                _rollback(conn)
                raise self._error(e) from None
            except BaseException:
                _rollback(conn)
                raise
            try:
                conn.commit()
            except psycopg.Error as e:
                raise self._error(e) from None
        finally:
            conn.close()

    # -- schema ------------------------------------------------------------------------------------
    def _check_schema(self, cur: Any) -> None:
        cur.execute(sql.MIGRATION_TABLE_EXISTS)
        if not cur.fetchone()[0]:
            raise StoreError(f"{self.where}: the database has no dualstack schema; run dualstack store init")
        cur.execute(sql.MIGRATIONS_APPLIED)
        have = cur.fetchall()
        known = migrations()
        version = max((v for v, _ in have), default=0)
        if version > len(known):
            raise StoreError(f"{self.where}: schema version {version} is newer than this dualstack knows ({len(known)}); upgrade dualstack")
        if version < len(known):
            raise StoreError(f"{self.where}: schema version {version} is older than this dualstack's {len(known)}; run dualstack store init")
        for v, name in have:
            if known[v - 1].name != name:
                raise StoreError(f"{self.where}: migration {v:04d} is {name!r} in the database but {known[v - 1].name!r} here; this database belongs to another dualstack")

    def init(self) -> list[str]:
        """Create or migrate the schema; returns the migrations applied (empty: already current)."""
        known = migrations()
        applied: list[str] = []
        with self._transaction(lock=True) as cur:
            cur.execute(sql.MIGRATION_TABLE)
            cur.execute(sql.MIGRATIONS_APPLIED)
            have = dict(cur.fetchall())
            top = max(have, default=0)
            if top > len(known):
                raise StoreError(f"{self.where}: schema version {top} is newer than this dualstack knows ({len(known)}); upgrade dualstack")
            for m in known:
                if m.version in have:
                    if have[m.version] != m.name:
                        raise StoreError(f"{self.where}: migration {m.version:04d} is {have[m.version]!r} in the database but {m.name!r} here")
                    continue
                cur.execute(m.text)
                cur.execute(sql.RECORD_MIGRATION, (m.version, m.name))
                applied.append(f"{m.version:04d}_{m.name}")
        return applied

    def status(self) -> dict[str, Any]:
        """Where the schema stands and what the namespace holds."""
        known = len(migrations())
        with self._transaction(read_only=True) as cur:
            cur.execute(sql.MIGRATION_TABLE_EXISTS)
            if not cur.fetchone()[0]:
                return {"store": self.url.masked, "schema": 0, "code_schema": known, "state": "no schema: run dualstack store init"}
            cur.execute(sql.MIGRATIONS_APPLIED)
            version = max((v for v, _ in cur.fetchall()), default=0)
            out: dict[str, Any] = {"store": self.url.masked, "schema": version, "code_schema": known}
            if version != known:
                out["state"] = "schema newer than this dualstack: upgrade dualstack" if version > known else "schema older: run dualstack store init"
                return out
            cur.execute(sql.STATUS_COUNTS)
            supers, children, allocations, log = cur.fetchone()
            cur.execute(sql.STATUS_OWNERS)
            out.update(state="ready", super_networks=supers, child_networks=children, allocations=allocations,
                       change_log_rows=log, owners={o: int(n) for o, n in cur.fetchall()})
            return out

    # -- reading -----------------------------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        with self._transaction(read_only=True) as cur:
            self._check_schema(cur)
            return _read_document(cur)

    @contextmanager
    def session(self, owner: str, run_id: str) -> Iterator["PostgresSession"]:
        check_owner(owner)
        with self._transaction(lock=True) as cur:
            self._check_schema(cur)
            snapshot = _read_document(cur)
            cur.execute(sql.READ_ROOTS)
            slots = {(expr, family, length): slot for expr, family, length, slot in cur.fetchall()}
            s = PostgresSession(self, cur, owner, str(run_id), snapshot, slots)
            yield s

    def log(self, *, key: str | None = None, owner: str | None = None, since: str | None = None) -> list[LogEntry]:
        when = parse_since(since) if since is not None else None
        with self._transaction(read_only=True) as cur:
            self._check_schema(cur)
            cur.execute(sql.READ_LOG, {"key": key, "owner": owner, "since": when})
            return [
                LogEntry(_iso(at), o, run, table, k, before, after, reason)
                for at, o, run, table, k, before, after, reason in cur.fetchall()
            ]


def _rollback(conn: Any) -> None:
    try:
        conn.rollback()
    except Exception:  # the connection may be gone; the server drops the transaction either way
        pass


def _iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_since(text: str) -> datetime:
    """``--since``: an ISO 8601 date or time; without a zone it is UTC."""
    value = text.strip()
    try:
        when = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        raise StoreError(f"since: {text!r} is not an ISO 8601 date or time (e.g. 2025-01-31 or 2025-01-31T12:00:00Z)") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


#: what the schema's constraints mean, for messages
_CONSTRAINTS = {
    "block_depth_disjoint": "two blocks carved from one network overlap, or two super network prefixes do",
    "block_inside_parent_prefix": "a block is not inside a prefix of its parent network, or its parent prefix still holds blocks",
    "block_in_its_space": "a concrete IPv6 prefix lies in ::/16 outside ::/32, where apply-time roots are kept",
    "block_depth_check": f"networks nest deeper than {MAX_DEPTH - 1} levels",
    "block_key_key": "an allocation key is used twice",
    "network_key_key": "a child network key is used twice",
    "network_vrf_key": "a VRF id is used twice",
    "keys_disjoint": "a key names both an allocation and a child network",
    "network_parent_fkey": "a network's parent is missing, or a network still has child networks",
    "block_holder_network": "a network's prefix names a network that does not exist or has another parent, or a network still has prefixes",
    "block_holder_prefix_unique": "a network lists a prefix twice",
}


def _read_document(cur: Any) -> dict[str, Any] | None:
    """The whole namespace in the lock's shape (``lockfile.to_dict``): None when the store is empty."""
    cur.execute(sql.READ_SETTINGS)
    vrf_range = tuple(cur.fetchone())
    cur.execute(sql.READ_NETWORK_PREFIXES)
    prefixes: dict[str, list[Any]] = {}
    for network, text, root, length, family in cur.fetchall():
        value: Any = text if root is None else {"relative": root, "length": length, "family": FAMILY[family]}
        prefixes.setdefault(network, []).append(value)
    cur.execute(sql.READ_NETWORKS)
    networks: dict[str, Any] = {}
    for id, parent, key, owner, name, description, partition, project, dcpl, private_super, labels, vrf, owners in cur.fetchall():
        entry: dict[str, Any] = {"prefixes": prefixes.get(id, [])}
        if name:
            entry["name"] = name
        if description:
            entry["description"] = description
        if partition:
            entry["partition"] = partition
        if project:
            entry["project"] = project
        if key:
            entry["key"] = key
        if parent:
            entry["parent"] = parent
        if dcpl:
            entry["default_child_prefix_length"] = dcpl
        if private_super:
            entry["private_super"] = True
        if labels:
            entry["labels"] = labels
        if vrf is not None:
            entry["vrf"] = vrf
        if parent is None:
            if owners and list(owners) != [DEFAULT_OWNER]:
                entry["owners"] = list(owners)
        elif owner != DEFAULT_OWNER:
            entry["owner"] = owner
        networks[id] = entry
    cur.execute(sql.READ_ALLOCATIONS)
    allocations: dict[str, Any] = {}
    for key, network, kind, text, purpose, owner in cur.fetchall():
        entry = {"network": network, ("address" if kind == "ip" else "cidr"): text}
        if purpose:
            entry["purpose"] = purpose
        if owner != DEFAULT_OWNER:
            entry["owner"] = owner
        allocations[key] = entry
    cur.execute(sql.READ_ULA)
    ula = dict(cur.fetchall())
    if not networks and not allocations and not ula and vrf_range == DEFAULT_VRF_RANGE:
        return None
    doc: dict[str, Any] = {"format": FORMAT, "networks": networks, "allocations": allocations}
    if ula:
        doc["ula"] = ula
    if vrf_range != DEFAULT_VRF_RANGE:
        doc["vrf_range"] = list(vrf_range)
    return doc


class PostgresSession:
    """One attempt of one run inside the store's transaction (see ``Session`` in ``base.py``)."""

    def __init__(self, store: PostgresStore, cur: Any, owner: str, run_id: str, snapshot: dict[str, Any] | None,
                 slots: dict[RootKey, int]) -> None:
        self.store = store
        self._slots = slots
        self.owner = owner
        self.run_id = run_id
        self.snapshot = snapshot
        self._cur = cur
        self._committed = False

    def commit(self, document: dict[str, Any], reasons: Mapping[str, str] | None = None) -> list[Change]:
        if self._committed:
            raise StoreError(f"{self.store.where}: a session commits once")
        self._committed = True
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise StoreError(f"{self.store.where}: the run handed back a document whose format is not {FORMAT!r}")
        found = changes(self.snapshot, document, self.owner, reasons)
        vrf = tuple(document.get("vrf_range", DEFAULT_VRF_RANGE))
        new_vrf = self.snapshot is None and vrf != DEFAULT_VRF_RANGE
        if not found and not new_vrf:
            return []
        try:
            plan = _Plan(document, self._slots)
            for c in found:
                plan.add(c)
        except (IpamError, StoreError) as e:  # a prefix that is not canonical, a nesting too deep: one line naming the entry
            raise StoreError(f"{self.store.where}: {e}") from None
        psycopg = driver()
        try:
            plan.apply(self._cur, self.owner, self.run_id, found, vrf if new_vrf else None)
        except psycopg.Error as e:  # the session's exit rolls the transaction back
            raise self.store._error(e) from None
        return found


class _Plan:
    """A commit's changes as batched row operations, in an order the constraints accept."""

    def __init__(self, document: Mapping[str, Any], slots: dict[RootKey, int]) -> None:
        self.networks = document.get("networks") or {}
        self.spaces = Spaces(self.networks)
        self.new_roots = _Rows("slot", "expr", "family", "length")
        slots = dict(slots)
        for p in self.spaces.roots:  # apply-time roots the store has no slot for yet: the next free ones
            key = (p.root.expr, p.root.version, p.root.length)
            if key not in slots:
                if p.version == 6 and p.length < 32:
                    raise StoreError(f"relative prefix {p.root.expr} /{p.length}: the store keeps apply-time roots of /32 or longer")
                slot = max(slots.values(), default=0) + 1
                if slot > 65535:
                    raise StoreError(f"relative prefix {p.root.expr}: the store has no slot left for another apply-time root")
                slots[key] = slot
                self.new_roots.add(slot, *key)
        self.cidr = _Cidrs(slots)
        self._depths: dict[str, int] = {}
        self.drop_allocations: list[str] = []
        self.drop_networks: list[str] = []
        self.drop_prefixes = _Rows("network", "cidr")
        self.new_networks = _network_rows()
        self.changed_networks = _network_rows()
        self.new_owners = _Rows("network", "owner")
        self.drop_owners = _Rows("network", "owner")
        self.network_blocks = _block_rows()
        self.positions = _Rows("network", "cidr", "position")
        self.allocation_blocks = _block_rows()
        self.ula = _Rows("name", "text")

    def depth(self, id: str) -> int:
        """A network's prefixes' depth: 0 for a super network, one more than its parent's otherwise."""
        got = self._depths.get(id)
        if got is None:
            chain, at = [], id
            while at is not None and at not in self._depths:
                if at in chain or at not in self.networks:
                    raise StoreError(f"networks.{id}: its parents {' -> '.join(chain)} do not lead to a super network")
                chain.append(at)
                at = self.networks[at].get("parent")
            depth = -1 if at is None else self._depths[at]
            for net in reversed(chain):
                depth += 1
                self._depths[net] = depth
            got = self._depths[id]
            if got + 1 > MAX_DEPTH:
                raise StoreError(f"networks.{id}: nested {got} levels deep; the store keeps up to {MAX_DEPTH - 1}")
        return got

    def add(self, c: Change) -> None:
        if c.table == "allocation":
            if c.before is not None:
                self.drop_allocations.append(c.key)
            if c.after is not None:
                self._allocation(c.key, c.after)
        elif c.table == "network":
            self._network(c.key, c.before, c.after)
        else:
            if not isinstance(c.after, str):
                raise StoreError(f"ula.{c.key}: {c.after!r} is not a prefix")
            parse_cidr(c.after, f"ula.{c.key}")
            self.ula.add(c.key, c.after)

    # -- allocations -------------------------------------------------------------------------------
    def _allocation(self, key: str, e: Any) -> None:
        if isinstance(e, Mapping) and set(e) - _ALLOCATION_FIELDS:
            extra = sorted(set(e) - _ALLOCATION_FIELDS)[0]
            raise StoreError(f"allocations.{key}: field {extra!r} is not one this store keeps; upgrade dualstack")
        want, parent = self.spaces.allocation(key, e)
        if "address" in e:
            kind, text = "ip", e["address"]
            cidr = f"{text}/{want.maxbits}" if want.root is None else self.cidr(want)
        else:
            kind, text = "prefix", e["cidr"]
            cidr = text if want.root is None else self.cidr(want)
        network = e["network"]
        self.allocation_blocks.add(kind, network, None, key, e.get("owner", DEFAULT_OWNER), e.get("purpose", "") or "", network,
                                   self.cidr(parent), self.depth(network) + 1, self.cidr.slot(want), cidr, text)

    # -- networks ----------------------------------------------------------------------------------
    def _network(self, id: str, before: Any, after: Any) -> None:
        if after is None:
            self.drop_networks.append(id)
            return
        field = f"networks.{id}"
        if not isinstance(after, Mapping):
            raise StoreError(f"{field}: {after!r} is not a network")
        extra = set(after) - _NETWORK_FIELDS
        if extra:
            raise StoreError(f"{field}: field {sorted(extra)[0]!r} is not one this store keeps; upgrade dualstack")
        parent = after.get("parent")
        is_super = parent is None
        rows = self.new_networks if before is None else self.changed_networks
        rows.add(id, parent, after.get("key"), None if is_super else after.get("owner", DEFAULT_OWNER),
                 after.get("name", ""), after.get("description", ""), after.get("partition", ""), after.get("project", ""),
                 _json(after.get("default_child_prefix_length") or {}), bool(after.get("private_super", False)),
                 _json(after.get("labels") or {}), after.get("vrf"))
        owners_now = set(after.get("owners") or [DEFAULT_OWNER]) if is_super else set()
        owners_before = set(before.get("owners") or [DEFAULT_OWNER]) if isinstance(before, Mapping) and before.get("parent") is None else set()
        for o in sorted(owners_now - owners_before):
            self.new_owners.add(id, o)
        for o in sorted(owners_before - owners_now):
            self.drop_owners.add(id, o)
        prefixes = self.spaces.prefixes(id)
        parent_prefixes = self.spaces.prefixes(parent) if not is_super else []
        texts = after["prefixes"]
        depth = self.depth(id)
        old: dict[str, int] = {}
        if before is not None:
            for i, p in enumerate(Spaces({**self.networks, id: before}).prefixes(id)):
                old[self.cidr(p)] = i
        for i, p in enumerate(prefixes):
            cidr = self.cidr(p)
            if cidr in old:
                if old.pop(cidr) != i:
                    self.positions.add(id, cidr, i)
                continue
            text = p.root.expr if isinstance(texts[i], Mapping) else texts[i]  # a relative root: its expression
            parent_cidr = None
            if not is_super:
                parent_cidr = self.cidr(self.spaces.container(parent_prefixes, p, f"{field}.prefixes[{i}]", parent))
            self.network_blocks.add("super" if is_super else "network", id, i, None, None, "", parent, parent_cidr, depth,
                                    self.cidr.slot(p), cidr, text)
        for cidr in old:  # prefixes the network no longer lists (refused by the schema while they hold blocks)
            self.drop_prefixes.add(id, cidr)

    # -- applying ----------------------------------------------------------------------------------
    def apply(self, cur: Any, owner: str, run_id: str, found: list[Change], vrf: tuple[int, int] | None) -> None:
        if vrf is not None:
            cur.execute(sql.SET_VRF_RANGE, vrf)
        if self.new_roots:
            _copy(cur, sql.COPY_ROOTS, self.new_roots.rows())
        if self.drop_allocations:
            cur.execute(sql.DELETE_ALLOCATIONS, (self.drop_allocations,))
        if self.drop_prefixes:
            cur.execute(sql.DELETE_PREFIXES, self.drop_prefixes.params())
        if self.drop_networks:
            cur.execute(sql.DELETE_NETWORK_BLOCKS, (self.drop_networks,))
            cur.execute(sql.DELETE_NETWORKS, (self.drop_networks,))
        if self.drop_owners:
            cur.execute(sql.DELETE_OWNERS, self.drop_owners.params())
        if self.new_networks:
            _copy(cur, sql.COPY_NETWORKS, self.new_networks.rows())
        if self.changed_networks:
            cur.execute(sql.UPDATE_NETWORKS, self.changed_networks.params())
        if self.new_owners:
            _copy(cur, sql.COPY_OWNERS, self.new_owners.rows())
        if self.positions:
            cur.execute(sql.UPDATE_POSITIONS, [sql.POSITIONS_APART, *self.positions.params()])
            cur.execute(sql.UPDATE_POSITIONS, [0, *self.positions.params()])
        if self.network_blocks or self.allocation_blocks:  # one COPY: parents and children, checked at its end
            _copy(cur, sql.COPY_BLOCKS, itertools.chain(self.network_blocks.rows(), self.allocation_blocks.rows()))
        if self.ula:
            _copy(cur, sql.COPY_ULA, ((name, text, text) for name, text in self.ula.rows()))
        if found:
            _copy(cur, sql.COPY_CHANGES, ((owner, run_id, c.table, c.key, _json(c.before), _json(c.after), c.reason) for c in found))
