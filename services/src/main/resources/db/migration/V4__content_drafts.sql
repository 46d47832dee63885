-- Sponsor staff's unpublished content of a trial: one draft per trial, its content a JSON document
-- written by the services (ContentJson); a preview key opens the public page with the draft in it.
CREATE SEQUENCE content_draft_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE content_draft (
  id                     BIGINT PRIMARY KEY,
  version                BIGINT NOT NULL,
  nct_id                 VARCHAR(11) NOT NULL UNIQUE REFERENCES trial (nct_id),
  content                VARCHAR(1000000) NOT NULL,
  based_on_trial_version BIGINT NOT NULL,
  saved_by               VARCHAR(80) NOT NULL,
  saved_at               TIMESTAMP NOT NULL,
  preview_key            VARCHAR(64) UNIQUE,
  preview_until          TIMESTAMP
);
