-- Schema of the portal: trials with their content, sites, staff accounts.
-- EclipseLink reads NEXT VALUE as the end of a block of 50 ids, so each sequence starts at 50.
-- Portable SQL: this script runs unchanged on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE trial_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE arm_group_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE approval_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE site_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE staff_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE trial (
  id                  BIGINT PRIMARY KEY,
  version             BIGINT NOT NULL,
  nct_id              VARCHAR(11) NOT NULL UNIQUE,
  acronym             VARCHAR(40),
  brief_title         VARCHAR(300) NOT NULL,
  official_title      VARCHAR(1000),
  study_type          VARCHAR(20) NOT NULL,
  overall_status      VARCHAR(30) NOT NULL,
  status_verified_on  DATE,
  enrollment          INTEGER,
  enrollment_type     VARCHAR(10),
  places_left         INTEGER,
  places_left_until   DATE,
  lead_sponsor        VARCHAR(300) NOT NULL,
  overseen_by         VARCHAR(300),
  brief_summary       VARCHAR(20000),
  plain_summary       VARCHAR(20000),
  groups_summary      VARCHAR(20000),
  travel_support      VARCHAR(20) NOT NULL,
  time_reimbursement  VARCHAR(20) NOT NULL,
  waitlist_available  BOOLEAN NOT NULL,
  prior_safety_data   BOOLEAN NOT NULL,
  eligibility_summary VARCHAR(20000),
  minimum_age         VARCHAR(20),
  maximum_age         VARCHAR(20),
  sex                 VARCHAR(10) NOT NULL,
  healthy_volunteers  BOOLEAN NOT NULL,
  criteria_rules      VARCHAR(200000),
  published           BOOLEAN NOT NULL,
  CONSTRAINT trial_nct_format CHECK (nct_id LIKE 'NCT________'),
  CONSTRAINT trial_places_left CHECK (places_left IS NULL OR places_left >= 0)
);

CREATE TABLE trial_phase (
  trial_id BIGINT NOT NULL REFERENCES trial (id),
  phase    VARCHAR(20) NOT NULL,
  PRIMARY KEY (trial_id, phase)
);

CREATE TABLE trial_condition (
  trial_id       BIGINT NOT NULL REFERENCES trial (id),
  position       INTEGER NOT NULL,
  condition_name VARCHAR(300) NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE trial_keyword (
  trial_id BIGINT NOT NULL REFERENCES trial (id),
  position INTEGER NOT NULL,
  keyword  VARCHAR(300) NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE trial_collaborator (
  trial_id     BIGINT NOT NULL REFERENCES trial (id),
  position     INTEGER NOT NULL,
  collaborator VARCHAR(300) NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE trial_faq (
  trial_id BIGINT NOT NULL REFERENCES trial (id),
  position INTEGER NOT NULL,
  question VARCHAR(500) NOT NULL,
  answer   VARCHAR(20000) NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE trial_criterion (
  trial_id      BIGINT NOT NULL REFERENCES trial (id),
  position      INTEGER NOT NULL,
  kind          VARCHAR(10) NOT NULL,
  patient_text  VARCHAR(1000) NOT NULL,
  clinical_text VARCHAR(1000),
  key_criterion BOOLEAN NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE arm_group (
  id          BIGINT PRIMARY KEY,
  trial_id    BIGINT NOT NULL REFERENCES trial (id),
  position    INTEGER,
  label       VARCHAR(300) NOT NULL,
  arm_type    VARCHAR(30),
  description VARCHAR(2000)
);
CREATE INDEX arm_group_trial ON arm_group (trial_id);

CREATE TABLE arm_intervention (
  arm_group_id      BIGINT NOT NULL REFERENCES arm_group (id),
  position          INTEGER NOT NULL,
  name              VARCHAR(300) NOT NULL,
  intervention_type VARCHAR(30) NOT NULL,
  dose_amount       NUMERIC(30, 6),
  dose_unit         VARCHAR(40),
  dose_per_kg       BOOLEAN,
  administration    VARCHAR(500),
  PRIMARY KEY (arm_group_id, position)
);

CREATE TABLE approval (
  id            BIGINT PRIMARY KEY,
  trial_id      BIGINT NOT NULL REFERENCES trial (id),
  position      INTEGER,
  subject       VARCHAR(300) NOT NULL,
  country_code  VARCHAR(2) NOT NULL,
  approved_name VARCHAR(300) NOT NULL
);
CREATE INDEX approval_trial ON approval (trial_id);

CREATE TABLE approval_indication (
  approval_id BIGINT NOT NULL REFERENCES approval (id),
  position    INTEGER NOT NULL,
  indication  VARCHAR(300) NOT NULL,
  PRIMARY KEY (approval_id, position)
);

CREATE TABLE trial_reference (
  trial_id         BIGINT NOT NULL REFERENCES trial (id),
  position         INTEGER NOT NULL,
  title            VARCHAR(1000) NOT NULL,
  publication_year INTEGER,
  abstract_text    VARCHAR(20000),
  pmid             VARCHAR(12),
  citation         VARCHAR(2000),
  reference_type   VARCHAR(12),
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE safety_summary (
  trial_id BIGINT NOT NULL REFERENCES trial (id),
  position INTEGER NOT NULL,
  summary  VARCHAR(20000) NOT NULL,
  as_of    DATE NOT NULL,
  PRIMARY KEY (trial_id, position)
);

CREATE TABLE site (
  id                     BIGINT PRIMARY KEY,
  version                BIGINT NOT NULL,
  nct_id                 VARCHAR(11) NOT NULL REFERENCES trial (nct_id),
  slug                   VARCHAR(80) NOT NULL,
  facility               VARCHAR(300),
  city                   VARCHAR(120) NOT NULL,
  state                  VARCHAR(120),
  postal_code            VARCHAR(20),
  country                VARCHAR(120),
  latitude               DOUBLE PRECISION,
  longitude              DOUBLE PRECISION,
  status                 VARCHAR(30),
  status_verified_on     DATE,
  places_left            INTEGER,
  places_left_until      DATE,
  principal_investigator VARCHAR(200),
  contact_name           VARCHAR(200),
  contact_phone          VARCHAR(40),
  contact_email          VARCHAR(254),
  display_title          VARCHAR(1000),
  CONSTRAINT site_slug_per_trial UNIQUE (nct_id, slug),
  CONSTRAINT site_places_left CHECK (places_left IS NULL OR places_left >= 0)
);

CREATE TABLE staff_account (
  id              BIGINT PRIMARY KEY,
  version         BIGINT NOT NULL,
  username        VARCHAR(80) NOT NULL UNIQUE,
  display_name    VARCHAR(200) NOT NULL,
  role            VARCHAR(20) NOT NULL,
  password_hash   VARCHAR(300) NOT NULL,
  failed_attempts INTEGER NOT NULL,
  locked_until    TIMESTAMP,
  created_at      TIMESTAMP NOT NULL
);

CREATE TABLE staff_trial (
  staff_id BIGINT NOT NULL REFERENCES staff_account (id),
  nct_id   VARCHAR(11) NOT NULL,
  PRIMARY KEY (staff_id, nct_id)
);

CREATE TABLE staff_site (
  staff_id BIGINT NOT NULL REFERENCES staff_account (id),
  site_id  BIGINT NOT NULL REFERENCES site (id),
  PRIMARY KEY (staff_id, site_id)
);
