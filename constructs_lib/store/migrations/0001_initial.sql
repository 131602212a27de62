-- dualstack store, schema 1: one address namespace per database, in schema "dualstack".
-- Applied by `dualstack store init` inside one transaction; written to be idempotent as well.
--
-- Every prefix is a row of dualstack.block: a super network's own prefixes, a child network's
-- prefixes and every keyed allocation (child prefix or address). A block carved from a network
-- names that network in "parent"; siblings (same parent, same space) may not overlap, and super
-- prefixes may not overlap each other: both by exclusion constraints, not only by the allocator.
-- Prefixes inside an apply-time root (an Amazon-provided /56: root = 'aws_vpc.x.ipv6_cidr_block')
-- are stored as offsets inside a placeholder prefix of the root's length at address zero (::/56),
-- so the same constraints cover them; "text" holds what the lock writes (cidrsubnet(...), cidrhost(...)).

CREATE EXTENSION IF NOT EXISTS btree_gist;

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
    UNIQUE (id, parent),
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

CREATE TABLE IF NOT EXISTS dualstack.block (
    kind        text NOT NULL CHECK (kind IN ('super', 'network', 'prefix', 'ip')),
    network     text NOT NULL REFERENCES dualstack.network (id),  -- the network whose prefix it is, or that it was taken from
    -- set only on a network's own prefixes: what carved blocks and the network row refer to
    holder      text GENERATED ALWAYS AS (CASE WHEN kind IN ('super', 'network') THEN network END) STORED,
    holder_is_super boolean GENERATED ALWAYS AS (CASE WHEN kind IN ('super', 'network') THEN kind = 'super' END) STORED,
    holder_parent text GENERATED ALWAYS AS (CASE WHEN kind = 'network' THEN parent END) STORED,
    position    integer CHECK (position >= 0),         -- order among the network's prefixes
    key         text UNIQUE CHECK (key <> ''),         -- an allocation's key
    owner       text CHECK (owner <> ''),              -- an allocation's owner
    purpose     text NOT NULL DEFAULT '',
    parent      text,                                  -- the network it was carved from (NULL: a super prefix)
    root        text NOT NULL DEFAULT '',              -- '' concrete; else the apply-time root expression
    parent_cidr cidr,                                  -- the parent's prefix that holds it
    cidr        cidr NOT NULL,
    text        text NOT NULL,                         -- as the lock writes it
    CONSTRAINT block_holder_prefix_unique UNIQUE (holder, root, cidr),
    CONSTRAINT block_holder_position_unique UNIQUE (holder, position) DEFERRABLE INITIALLY DEFERRED,  -- reordering swaps positions
    CONSTRAINT block_inside_parent_prefix FOREIGN KEY (parent, root, parent_cidr) REFERENCES dualstack.block (holder, root, cidr),
    CONSTRAINT block_kind_matches_network FOREIGN KEY (holder, holder_is_super) REFERENCES dualstack.network (id, is_super),
    CONSTRAINT block_child_network_parent FOREIGN KEY (holder, holder_parent) REFERENCES dualstack.network (id, parent),
    CONSTRAINT block_shape CHECK (
        (kind = 'super') = (parent IS NULL)
        AND (parent IS NULL) = (parent_cidr IS NULL)
        AND (kind IN ('prefix', 'ip')) = (key IS NOT NULL)
        AND (kind IN ('prefix', 'ip')) = (owner IS NOT NULL)
        AND (kind IN ('super', 'network')) = (position IS NOT NULL)
        AND (kind IN ('super', 'network') OR parent = network)
    ),
    CONSTRAINT block_strictly_inside CHECK (parent_cidr IS NULL OR cidr << parent_cidr OR (kind = 'ip' AND cidr = parent_cidr)),
    CONSTRAINT block_ip_is_host CHECK (kind <> 'ip' OR masklen(cidr) = CASE family(cidr) WHEN 4 THEN 32 ELSE 128 END),
    CONSTRAINT block_root_placeholder CHECK (
        kind <> 'super' OR root = '' OR (text = root AND host(cidr)::inet = CASE family(cidr) WHEN 4 THEN inet '0.0.0.0' ELSE inet '::' END)
    ),
    CONSTRAINT block_text_is_cidr CHECK (
        CASE WHEN root <> '' THEN true WHEN kind = 'ip' THEN text::inet = cidr::inet ELSE text::cidr = cidr END
    ),
    -- the guarantees: siblings never overlap, super prefixes never overlap
    CONSTRAINT block_siblings_disjoint EXCLUDE USING gist (parent WITH =, root WITH =, cidr inet_ops WITH &&),
    CONSTRAINT block_supers_disjoint EXCLUDE USING gist (root WITH =, cidr inet_ops WITH &&) WHERE (kind = 'super')
);
CREATE INDEX IF NOT EXISTS block_network ON dualstack.block (network);

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
CREATE INDEX IF NOT EXISTS change_at ON dualstack.change (at);

CREATE OR REPLACE FUNCTION dualstack.change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dualstack.change is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE OR REPLACE TRIGGER change_append_only BEFORE UPDATE OR DELETE ON dualstack.change
    FOR EACH ROW EXECUTE FUNCTION dualstack.change_append_only();
CREATE OR REPLACE TRIGGER change_no_truncate BEFORE TRUNCATE ON dualstack.change
    FOR EACH STATEMENT EXECUTE FUNCTION dualstack.change_append_only();
