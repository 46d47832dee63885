-- The audit trail (append-only, hash-chained) behind every change in the administration.
-- Portable SQL: this script runs unchanged on H2 2.x and PostgreSQL 15.
--
-- No sequence here on purpose: an entry's id is its position in the chain, handed out while the
-- single row of audit_head is locked. A sequence would give each application (and each server
-- instance) its own block of 50 ids, so ids would no longer follow the chain's order, and a gap
-- would no longer mean a removed entry.

CREATE TABLE audit_entry (
  id            BIGINT PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  actor         VARCHAR(80) NOT NULL,
  actor_role    VARCHAR(20) NOT NULL,
  action        VARCHAR(30) NOT NULL,
  entity_type   VARCHAR(40) NOT NULL,
  entity_key    VARCHAR(200) NOT NULL,
  field_name    VARCHAR(80),
  old_value     VARCHAR(20000),
  new_value     VARCHAR(20000),
  reason        VARCHAR(1000),
  previous_hash VARCHAR(64) NOT NULL,
  hash          VARCHAR(64) NOT NULL,
  CONSTRAINT audit_entry_position CHECK (id >= 1),
  CONSTRAINT audit_entry_hash UNIQUE (hash)
);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at);
CREATE INDEX audit_entry_actor ON audit_entry (actor);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_key);

-- The end of the chain: exactly one row, locked (SELECT ... FOR UPDATE) and moved by every append in
-- the same transaction as the new entry, so that concurrent writers take turns instead of forking
-- the chain.
CREATE TABLE audit_head (
  id            INTEGER PRIMARY KEY,
  last_entry_id BIGINT NOT NULL,
  last_hash     VARCHAR(64) NOT NULL,
  CONSTRAINT audit_head_single_row CHECK (id = 1)
);
INSERT INTO audit_head (id, last_entry_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
