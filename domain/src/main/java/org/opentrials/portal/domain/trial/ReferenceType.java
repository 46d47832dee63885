package org.opentrials.portal.domain.trial;

/** How a publication relates to the study, as ClinicalTrials.gov API v2 names it. */
public enum ReferenceType {
  BACKGROUND,
  RESULT,
  DERIVED
}
