package org.opentrials.portal.domain.site;

/** A site's recruitment status, as ClinicalTrials.gov API v2 names it (RecruitmentStatus). */
public enum SiteStatus {
  ACTIVE_NOT_RECRUITING,
  COMPLETED,
  ENROLLING_BY_INVITATION,
  NOT_YET_RECRUITING,
  RECRUITING,
  SUSPENDED,
  TERMINATED,
  WITHDRAWN,
  AVAILABLE;

  /** Whether a person could still be taken on at a site with this status. */
  public boolean takesParticipants() {
    return this == RECRUITING || this == NOT_YET_RECRUITING || this == AVAILABLE;
  }
}
