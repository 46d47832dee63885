package org.opentrials.portal.domain.staff;

/** What a staff member may do in the administration. */
public enum Role {
  /** Manages accounts and assignments; may act on every trial. */
  ADMINISTRATOR,
  /** Keeps the content of the trials assigned to them current. */
  SPONSOR_STAFF,
  /** Keeps the status, places and contacts of the sites assigned to them current. */
  INVESTIGATOR
}
