"""Every SQL statement of the PostgreSQL store (the schema itself is in ``migrations/``).

Writes are batched, a handful of statements per run whatever its number of keys (never one round
trip per key): new rows arrive by ``COPY`` straight into their tables (constraints and triggers
apply to it as to ``INSERT``); deletions and updates take whole columns as arrays and ``unnest`` them.
"""

from __future__ import annotations

#: the namespace-wide lock every writing run (and ``init``) takes first: one namespace per database
NAMESPACE_LOCK = 0x6475616C73746B  # "dualstk"

# -- migrations ------------------------------------------------------------------------------------
MIGRATION_TABLE = """
CREATE SCHEMA IF NOT EXISTS dualstack;
CREATE TABLE IF NOT EXISTS dualstack.migration (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""
MIGRATIONS_APPLIED = "SELECT version, name FROM dualstack.migration ORDER BY version"
MIGRATION_TABLE_EXISTS = "SELECT to_regclass('dualstack.migration') IS NOT NULL"
RECORD_MIGRATION = "INSERT INTO dualstack.migration (version, name) VALUES (%s, %s)"

# -- session set-up --------------------------------------------------------------------------------
LOCK_TIMEOUT = "SELECT set_config('lock_timeout', %s, true)"
TAKE_NAMESPACE_LOCK = "SELECT pg_advisory_xact_lock(%s)"

# -- reading the document --------------------------------------------------------------------------
READ_SETTINGS = "SELECT vrf_low, vrf_high FROM dualstack.settings"
READ_NETWORKS = """
SELECT n.id, n.parent, n.key, n.owner, n.name, n.description, n.partition, n.project,
       n.default_child_prefix_length, n.private_super, n.labels, n.vrf,
       (SELECT array_agg(o.owner ORDER BY o.owner) FROM dualstack.network_owner o WHERE o.network = n.id)
FROM dualstack.network n
"""
READ_NETWORK_PREFIXES = """
SELECT b.network, b.text, r.expr, r.length, r.family
FROM dualstack.block b LEFT JOIN dualstack.root r ON r.slot = b.root_slot AND b.kind = 'super'
WHERE b.holder IS NOT NULL ORDER BY b.network, b.position
"""
READ_ROOTS = "SELECT expr, family, length, slot FROM dualstack.root"
READ_ALLOCATIONS = "SELECT key, network, kind, text, purpose, owner FROM dualstack.block WHERE key IS NOT NULL"
READ_ULA = "SELECT name, text FROM dualstack.ula"

# -- applying a run's changes ----------------------------------------------------------------------
DELETE_ALLOCATIONS = "DELETE FROM dualstack.block WHERE key = ANY(%s::text[])"
DELETE_NETWORK_BLOCKS = "DELETE FROM dualstack.block WHERE holder = ANY(%s::text[])"
DELETE_NETWORKS = "DELETE FROM dualstack.network WHERE id = ANY(%s::text[])"
DELETE_PREFIXES = """
DELETE FROM dualstack.block b
USING unnest(%s::text[], %s::cidr[]) AS d(network, cidr)
WHERE b.holder = d.network AND b.cidr = d.cidr
"""
UPDATE_NETWORKS = """
UPDATE dualstack.network n
SET parent = t.parent, key = t.key, owner = t.owner, name = t.name, description = t.description,
    partition = t.partition, project = t.project, default_child_prefix_length = t.dcpl::jsonb,
    private_super = t.private_super, labels = t.labels::jsonb, vrf = t.vrf
FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
            %s::text[], %s::boolean[], %s::text[], %s::bigint[])
     AS t(id, parent, key, owner, name, description, partition, project, dcpl, private_super, labels, vrf)
WHERE n.id = t.id
"""
DELETE_OWNERS = """
DELETE FROM dualstack.network_owner o USING unnest(%s::text[], %s::text[]) AS d(network, owner)
WHERE o.network = d.network AND o.owner = d.owner
"""
# positions are unique per network: move the changed ones out of the way first, then into place
UPDATE_POSITIONS = """
UPDATE dualstack.block b SET position = t.position + %s
FROM unnest(%s::text[], %s::cidr[], %s::integer[]) AS t(network, cidr, position)
WHERE b.holder = t.network AND b.cidr = t.cidr
"""
POSITIONS_APART = 1 << 20
SET_VRF_RANGE = "UPDATE dualstack.settings SET vrf_low = %s, vrf_high = %s"

COPY_ROOTS = "COPY dualstack.root (slot, expr, family, length) FROM STDIN"
COPY_NETWORKS = """COPY dualstack.network (id, parent, key, owner, name, description, partition, project,
    default_child_prefix_length, private_super, labels, vrf) FROM STDIN"""
COPY_OWNERS = "COPY dualstack.network_owner (network, owner) FROM STDIN"
COPY_BLOCKS = "COPY dualstack.block (kind, network, position, key, owner, purpose, parent, parent_cidr, depth, root_slot, cidr, text) FROM STDIN"
COPY_ULA = "COPY dualstack.ula (name, prefix, text) FROM STDIN"
COPY_CHANGES = "COPY dualstack.change (owner, run_id, entry_table, key, before, after, reason) FROM STDIN"

# -- the change log and status ---------------------------------------------------------------------
READ_LOG = """
SELECT at, owner, run_id, entry_table, key, before, after, reason
FROM dualstack.change
WHERE (%(key)s::text IS NULL OR key = %(key)s)
  AND (%(owner)s::text IS NULL OR owner = %(owner)s)
  AND (%(since)s::timestamptz IS NULL OR at >= %(since)s)
ORDER BY id
"""
STATUS_COUNTS = """
SELECT (SELECT count(*) FROM dualstack.network WHERE parent IS NULL),
       (SELECT count(*) FROM dualstack.network WHERE parent IS NOT NULL),
       (SELECT count(*) FROM dualstack.block WHERE key IS NOT NULL),
       (SELECT count(*) FROM dualstack.change)
"""
STATUS_OWNERS = """
SELECT owner, sum(n)::bigint FROM (
    SELECT owner, count(*) AS n FROM dualstack.block WHERE key IS NOT NULL GROUP BY owner
    UNION ALL SELECT owner, count(*) FROM dualstack.network WHERE owner IS NOT NULL GROUP BY owner
    UNION ALL SELECT owner, 0 FROM dualstack.network_owner
) AS t GROUP BY owner ORDER BY owner
"""
