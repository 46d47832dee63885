package org.opentrials.portal.domain.trial;

/** The kind of study, as ClinicalTrials.gov API v2 names it. */
public enum StudyType {
  EXPANDED_ACCESS,
  INTERVENTIONAL,
  OBSERVATIONAL
}
