package org.opentrials.portal.services.staff;

import org.opentrials.portal.domain.shared.DomainException;

/** No account has this username. Shown as "not found". */
public class AccountNotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  public AccountNotFound(String username) {
    super("no account " + username);
  }
}
