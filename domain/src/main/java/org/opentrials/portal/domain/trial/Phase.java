package org.opentrials.portal.domain.trial;

/** A trial phase as ClinicalTrials.gov API v2 names it. */
public enum Phase {
  NA,
  EARLY_PHASE1,
  PHASE1,
  PHASE2,
  PHASE3,
  PHASE4
}
