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
  UNKNOWN;

  /**
   * Whether the study takes people on now or will soon, as a site's status does: a visitor may
   * pre-screen and ask to be contacted. Any other status (completed, withdrawn, by invitation,
   * unknown...) offers neither.
   */
  public boolean takesParticipants() {
    return this == RECRUITING || this == NOT_YET_RECRUITING || this == AVAILABLE;
  }
}
