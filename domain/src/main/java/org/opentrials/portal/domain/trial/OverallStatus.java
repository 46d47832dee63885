package org.opentrials.portal.domain.trial;

/** A study's overall recruitment status, as ClinicalTrials.gov API v2 names it (Status). */
public enum OverallStatus {
  ACTIVE_NOT_RECRUITING,
  COMPLETED,
  ENROLLING_BY_INVITATION,
  NOT_YET_RECRUITING,
  RECRUITING,
  SUSPENDED,
  TERMINATED,
  WITHDRAWN,
  AVAILABLE,
  NO_LONGER_AVAILABLE,
  TEMPORARILY_NOT_AVAILABLE,
  APPROVED_FOR_MARKETING,
  WITHHELD,
  UNKNOWN
}
