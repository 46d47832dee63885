-- What the last import of each trial read from the registry: a fingerprint of the record (SHA-256
-- over its protocolSection and the import's rules version). A re-import that finds the same
-- fingerprint skips the study without loading the trial: the registry has published nothing new.
-- Portable SQL: this script runs unchanged on H2 2.x and PostgreSQL 15.

CREATE TABLE registry_record (
  nct_id       VARCHAR(11) PRIMARY KEY REFERENCES trial (nct_id),
  content_hash VARCHAR(64) NOT NULL,
  imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
