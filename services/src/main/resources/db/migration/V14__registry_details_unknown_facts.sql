-- Real registry records on honest pages (issue 12).
-- Portable SQL: this script runs unchanged on H2 2.x and PostgreSQL 15.

-- What the registry publishes beyond the portal's own columns (officials with roles, dates with
-- their precision, design, primary outcomes, secondary ids, interventions with descriptions), as
-- one JSON document only the import writes.
ALTER TABLE trial ADD COLUMN registry_details VARCHAR(100000);

-- Unknown is not "no": the registry has no waitlist or prior-safety field, so imported trials
-- hold NULL there (trials entered by hand keep what staff said).
ALTER TABLE trial ALTER COLUMN waitlist_available DROP NOT NULL;
ALTER TABLE trial ALTER COLUMN prior_safety_data DROP NOT NULL;
UPDATE trial SET waitlist_available = NULL, prior_safety_data = NULL
  WHERE nct_id IN (SELECT nct_id FROM registry_record);

-- A record without an eligibility module states no age or sex limits: unknown, not "any".
ALTER TABLE trial ADD COLUMN eligibility_stated BOOLEAN DEFAULT TRUE NOT NULL;

-- Where a site's point comes from: ZIP (its US ZIP code's centroid), REGISTRY (the registry's geo
-- point, the city's), CITY (the gazetteer's city centre), STAFF; NULL for points stored before.
ALTER TABLE site ADD COLUMN location_source VARCHAR(10);
