package org.opentrials.portal.domain.trial;

/** Who may join by sex, as ClinicalTrials.gov API v2 names it. */
public enum Sex {
  FEMALE,
  MALE,
  ALL
}
