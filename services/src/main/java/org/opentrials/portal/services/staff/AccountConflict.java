package org.opentrials.portal.services.staff;

import org.opentrials.portal.domain.shared.DomainException;

/** Someone changed the account after the administrator opened it: nothing was changed. */
public class AccountConflict extends DomainException {
  private static final long serialVersionUID = 1L;
  private final AccountView stored;

  public AccountConflict(AccountView stored, long expectedVersion) {
    super(
        "account "
            + stored.username()
            + " is at version "
            + stored.version()
            + ", the change started from "
            + expectedVersion);
    this.stored = stored;
  }

  /** The account as it is stored now. */
  public AccountView stored() {
    return stored;
  }
}
