-- Account management: an administrator can disable an account (it keeps its history and
-- assignments, and can be enabled again), and a contact request remembers when the site team last
-- changed its status. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

ALTER TABLE staff_account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE contact_request ADD COLUMN status_changed_at TIMESTAMP;
