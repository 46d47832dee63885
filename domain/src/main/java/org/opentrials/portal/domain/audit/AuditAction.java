package org.opentrials.portal.domain.audit;

/** What happened, as the audit trail records it. */
public enum AuditAction {
  /** A staff member signed in. */
  SIGN_IN,
  /**
   * A sign-in was refused: unknown account, wrong password, locked account or throttled address.
   */
  SIGN_IN_FAILED,
  /** A staff member signed out. */
  SIGN_OUT,
  /** A staff member asked for an object they may not see or change; they were shown "not found". */
  ACCESS_DENIED,
  /** An object was created. */
  CREATE,
  /** A field of an object changed. */
  UPDATE,
  /** Someone confirmed that a status is still correct, without changing it. */
  CONFIRM_STATUS,
  /** Content became public. */
  PUBLISH,
  /** Content came in from outside (the registry). */
  IMPORT,
  /** Personal data left the portal in a file (an export of contact requests). */
  EXPORT,
  /** Personal data past its retention period was erased (by reference only, never the data). */
  PURGE
}
