-- dualstack store, schema 1: one address namespace per database, in schema "dualstack".
-- Applied by `dualstack store init` inside one transaction; written to be idempotent as well.
--
-- Every prefix is a row of dualstack.block: a super network's own prefixes, a child network's
-- prefixes and every keyed allocation (child prefix or address). A block carved from a network
-- names that network in "parent" and the parent's prefix that holds it in "parent_cidr"; its
-- "depth" is its parent's plus one (super prefixes: 0), all checked by a foreign key.
--
-- The guarantee: two blocks of the same depth never overlap (an SP-GiST exclusion constraint per
-- depth). Blocks are strictly inside their parent's prefix, so that is exactly "siblings under
-- one parent never overlap, and super prefixes never overlap": blocks of one depth under
-- different parents sit inside disjoint parents. (SP-GiST, a radix tree over the cidr type,
-- checks a 30,000-block run in under a second; GiST over (parent, cidr) took many times longer
-- and slowed down as the table grew.)
--
-- Prefixes inside an apply-time root (an Amazon-provided /56: aws_vpc.x.ipv6_cidr_block) are
-- offsets inside a placeholder of the root's length: each root has its own slot of the
-- placeholder space 0:<slot>::/32 (dualstack.root), which concrete prefixes may not use (the
-- IETF-reserved ::/16 outside ::/32), so the same constraints cover them. "text" holds what the
-- lock writes (10.0.0.0/24, cidrsubnet(...), cidrhost(...)); for concrete blocks a CHECK ties
-- it to the cidr.

CREATE SCHEMA IF NOT EXISTS dualstack;

-- the namespace's settings: one row
CREATE TABLE IF NOT EXISTS dualstack.settings (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    vrf_low   bigint NOT NULL DEFAULT 20,
    vrf_high  bigint NOT NULL DEFAULT 16777215,
    CHECK (0 <= vrf_low AND vrf_low <= vrf_high)
);
INSERT INTO dualstack.settings DEFAULT VALUES ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS dualstack.network (
    id            text PRIMARY KEY CHECK (id <> ''),
    parent        text REFERENCES dualstack.network (id),
    is_super      boolean GENERATED ALWAYS AS (parent IS NULL) STORED,
    parent_key    text GENERATED ALWAYS AS (coalesce(parent, '')) STORED,  -- '' for a super network: what its blocks name
    key           text UNIQUE CHECK (key <> ''),
    owner         text CHECK (owner <> ''),          -- a child network's owner (supers: dualstack.network_owner)
    name          text NOT NULL DEFAULT '',
    description   text NOT NULL DEFAULT '',
    partition     text NOT NULL DEFAULT '',
    project       text NOT NULL DEFAULT '',
    default_child_prefix_length jsonb NOT NULL DEFAULT '{}',
    private_super boolean NOT NULL DEFAULT false,
    labels        jsonb NOT NULL DEFAULT '{}',
    vrf           bigint UNIQUE,
    UNIQUE (id, is_super),
    UNIQUE (id, parent_key),
    CHECK ((parent IS NULL) = (key IS NULL)),
    CHECK ((parent IS NULL) = (owner IS NULL)),
    CHECK (parent IS DISTINCT FROM id)
);

-- who declares a super network (one row per owner)
CREATE TABLE IF NOT EXISTS dualstack.network_owner (
    network   text NOT NULL,
    is_super  boolean NOT NULL GENERATED ALWAYS AS (true) STORED,
    owner     text NOT NULL CHECK (owner <> ''),
    PRIMARY KEY (network, owner),
    FOREIGN KEY (network, is_super) REFERENCES dualstack.network (id, is_super) ON DELETE CASCADE
);

-- apply-time roots: one slot of the placeholder space each (0:<slot>::/32)
CREATE TABLE IF NOT EXISTS dualstack.root (
    slot        integer PRIMARY KEY CHECK (slot BETWEEN 1 AND 65535),
    expr        text NOT NULL CHECK (expr <> ''),
    family      smallint NOT NULL CHECK (family IN (4, 6)),
    length      smallint NOT NULL CHECK (CASE family WHEN 6 THEN length BETWEEN 32 AND 128 ELSE length BETWEEN 0 AND 32 END),
    -- the root's own prefix: the slot's start, at the root's length (an IPv4 root's offsets sit in the last 32 bits)
    placeholder cidr GENERATED ALWAYS AS (
        set_masklen(('0:' || to_hex(slot) || '::')::inet, CASE family WHEN 6 THEN length ELSE length + 96 END)::cidr) STORED,
    UNIQUE (expr, family, length),
    UNIQUE (slot, expr, placeholder)
);

CREATE TABLE IF NOT EXISTS dualstack.block (
    kind        text NOT NULL CHECK (kind IN ('super', 'network', 'prefix', 'ip')),
    -- the network whose prefix it is, or that it was taken from (no foreign key of its own: the
    -- holder keys below and block_inside_parent_prefix imply it, and each check costs every row)
    network     text NOT NULL,
    -- set only on a network's own prefixes: what carved blocks and the network row refer to
    holder      text GENERATED ALWAYS AS (CASE WHEN kind IN ('super', 'network') THEN network END) STORED,
    -- a network's prefix names its network's parent ('' for a super network): one foreign key checks both
    holder_parent text GENERATED ALWAYS AS (CASE WHEN kind IN ('super', 'network') THEN coalesce(parent, '') END) STORED,
    position    integer CHECK (position >= 0),         -- order among the network's prefixes
    key         text UNIQUE CHECK (key <> ''),         -- an allocation's key
    owner       text CHECK (owner <> ''),              -- an allocation's owner
    purpose     text NOT NULL DEFAULT '',
    parent      text,                                  -- the network it was carved from (NULL: a super prefix)
    parent_cidr cidr,                                  -- the parent's prefix that holds it
    depth       smallint NOT NULL CHECK (depth BETWEEN 0 AND 15),
    parent_depth smallint GENERATED ALWAYS AS (CASE WHEN parent IS NOT NULL THEN depth - 1 END) STORED,
    -- NULL: concrete; else the apply-time root it lies in (its slot is its super prefix's: block_in_its_space
    -- holds every block inside its slot's /32, and blocks inside their parents, down from block_root_placeholder)
    root_slot   integer,
    root_expr   text GENERATED ALWAYS AS (CASE WHEN kind = 'super' AND root_slot IS NOT NULL THEN text END) STORED,
    cidr        cidr NOT NULL,
    text        text NOT NULL,                         -- as the lock writes it
    CONSTRAINT block_holder_prefix_unique UNIQUE (holder, cidr, depth),
    CONSTRAINT block_inside_parent_prefix FOREIGN KEY (parent, parent_cidr, parent_depth) REFERENCES dualstack.block (holder, cidr, depth),
    CONSTRAINT block_root_placeholder FOREIGN KEY (root_slot, root_expr, cidr) REFERENCES dualstack.root (slot, expr, placeholder),
    CONSTRAINT block_holder_network FOREIGN KEY (holder, holder_parent) REFERENCES dualstack.network (id, parent_key),
    CONSTRAINT block_shape CHECK (
        (kind = 'super') = (parent IS NULL)
        AND (parent IS NULL) = (parent_cidr IS NULL)
        AND (kind = 'super') = (depth = 0)
        AND (kind IN ('prefix', 'ip')) = (key IS NOT NULL)
        AND (kind IN ('prefix', 'ip')) = (owner IS NOT NULL)
        AND (kind IN ('super', 'network')) = (position IS NOT NULL)
        AND (kind IN ('super', 'network') OR parent = network)
    ),
    CONSTRAINT block_strictly_inside CHECK (parent_cidr IS NULL OR cidr << parent_cidr OR (kind = 'ip' AND cidr = parent_cidr)),
    CONSTRAINT block_ip_is_host CHECK (kind <> 'ip' OR masklen(cidr) = CASE family(cidr) WHEN 4 THEN 32 ELSE 128 END),
    CONSTRAINT block_in_its_space CHECK (CASE
        WHEN root_slot IS NOT NULL THEN cidr <<= set_masklen(('0:' || to_hex(root_slot) || '::')::inet, 32)::cidr
        ELSE NOT (family(cidr) = 6 AND cidr && cidr '::/16' AND NOT cidr <<= cidr '::/32') END),
    CONSTRAINT block_text_is_cidr CHECK (
        CASE WHEN root_slot IS NOT NULL THEN true WHEN kind = 'ip' THEN text::inet = cidr::inet ELSE text::cidr = cidr END
    ),
    CONSTRAINT block_root_slot_range CHECK (root_slot BETWEEN 1 AND 65535)
);
-- a network lists each position once (partial: allocations have none, and every index costs every row)
CREATE UNIQUE INDEX IF NOT EXISTS block_holder_position_unique ON dualstack.block (holder, position) WHERE holder IS NOT NULL;

-- the guarantee: blocks of one depth never overlap (see the top of this file)
DO $$
BEGIN
    FOR d IN 0..15 LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = format('block_depth_%s_disjoint', d)
                       AND conrelid = 'dualstack.block'::regclass) THEN
            EXECUTE format('ALTER TABLE dualstack.block ADD CONSTRAINT block_depth_%s_disjoint '
                           'EXCLUDE USING spgist (cidr inet_ops WITH &&) WHERE (depth = %s)', d, d);
        END IF;
    END LOOP;
END $$;

-- keys are one namespace: a key names an allocation or a child network, never both
CREATE OR REPLACE FUNCTION dualstack.keys_disjoint() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    clash text;
BEGIN
    IF TG_TABLE_NAME = 'block' THEN
        SELECT b.key INTO clash FROM new_rows b JOIN dualstack.network n ON n.key = b.key LIMIT 1;
    ELSE
        SELECT n.key INTO clash FROM new_rows n JOIN dualstack.block b ON b.key = n.key LIMIT 1;
    END IF;
    IF clash IS NOT NULL THEN
        RAISE EXCEPTION 'key % names both an allocation and a child network', clash
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'keys_disjoint';
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER block_keys_disjoint_insert AFTER INSERT ON dualstack.block
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dualstack.keys_disjoint();
CREATE OR REPLACE TRIGGER block_keys_disjoint_update AFTER UPDATE ON dualstack.block
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dualstack.keys_disjoint();
CREATE OR REPLACE TRIGGER network_keys_disjoint_insert AFTER INSERT ON dualstack.network
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dualstack.keys_disjoint();
CREATE OR REPLACE TRIGGER network_keys_disjoint_update AFTER UPDATE ON dualstack.network
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dualstack.keys_disjoint();

-- RFC 4193 prefixes pinned by name: added once, never changed
CREATE TABLE IF NOT EXISTS dualstack.ula (
    name   text PRIMARY KEY CHECK (name <> ''),
    prefix cidr NOT NULL CHECK (family(prefix) = 6 AND masklen(prefix) = 48 AND prefix <<= cidr 'fd00::/8'),
    text   text NOT NULL,
    CHECK (text::cidr = prefix)
);

-- the change log: one row per changed entry, append-only
CREATE TABLE IF NOT EXISTS dualstack.change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    owner       text NOT NULL,
    run_id      text NOT NULL,
    entry_table text NOT NULL CHECK (entry_table IN ('network', 'allocation', 'ula')),
    key         text NOT NULL,
    before      jsonb,
    after       jsonb,
    reason      text NOT NULL CHECK (reason IN ('allocate', 'release', 'prune', 'import', 'update')),
    CHECK (before IS NOT NULL OR after IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS change_key ON dualstack.change (key, id);
CREATE INDEX IF NOT EXISTS change_at ON dualstack.change USING brin (at);  -- append-only, in time order

CREATE OR REPLACE FUNCTION dualstack.change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dualstack.change is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE OR REPLACE TRIGGER change_append_only BEFORE UPDATE OR DELETE ON dualstack.change
    FOR EACH ROW EXECUTE FUNCTION dualstack.change_append_only();
CREATE OR REPLACE TRIGGER change_no_truncate BEFORE TRUNCATE ON dualstack.change
    FOR EACH STATEMENT EXECUTE FUNCTION dualstack.change_append_only();
