package org.opentrials.portal.domain.trial;

/** The role of a treatment group, as ClinicalTrials.gov API v2 names it. */
public enum ArmGroupType {
  EXPERIMENTAL,
  ACTIVE_COMPARATOR,
  PLACEBO_COMPARATOR,
  SHAM_COMPARATOR,
  NO_INTERVENTION,
  OTHER
}
