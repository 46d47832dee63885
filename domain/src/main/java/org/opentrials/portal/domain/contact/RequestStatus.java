package org.opentrials.portal.domain.contact;

/** Where a request stands with the site team. */
public enum RequestStatus {
  NEW,
  CONTACTED,
  ENROLLED,
  NOT_ELIGIBLE,
  WITHDRAWN
}
