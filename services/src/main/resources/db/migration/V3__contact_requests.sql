-- Contact requests and waitlist entries, stored only with the visitor's consent. The personal
-- part (name, phone, email, preferred time, answers) is one AES-GCM sealed payload.

CREATE SEQUENCE contact_request_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE contact_request (
  id              BIGINT PRIMARY KEY,
  version         BIGINT NOT NULL,
  reference       VARCHAR(12) NOT NULL UNIQUE,
  submission_key  VARCHAR(64) NOT NULL UNIQUE,
  nct_id          VARCHAR(11) NOT NULL REFERENCES trial (nct_id),
  site_id         BIGINT NOT NULL REFERENCES site (id),
  kind            VARCHAR(10) NOT NULL,
  status          VARCHAR(20) NOT NULL,
  verdict         VARCHAR(20),
  consent_version VARCHAR(20) NOT NULL,
  consented_at    TIMESTAMP NOT NULL,
  created_at      TIMESTAMP NOT NULL,
  key_id          VARCHAR(40) NOT NULL,
  sealed_payload  VARCHAR(20000) NOT NULL,
  withdrawal_hash VARCHAR(64) NOT NULL
);
CREATE INDEX contact_request_site ON contact_request (site_id);
