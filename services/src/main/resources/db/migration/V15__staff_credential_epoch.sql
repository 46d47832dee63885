-- Sessions end when an account's credentials change (issue 15, F1): every password reset, disable
-- and enable moves the account's credential epoch on; a session signed in under an older epoch is
-- ended at its next request. Kept in the database so that it holds on every instance.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

ALTER TABLE staff_account ADD COLUMN credential_epoch INTEGER DEFAULT 0 NOT NULL;
