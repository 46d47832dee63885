package org.opentrials.portal.services.staff;

/**
 * An account together with a password the server generated for it. The password is not kept
 * anywhere else: it is shown once to the administrator, who passes it on.
 */
public record IssuedPassword(AccountView account, String password) {
  @Override
  public String toString() {
    return "IssuedPassword[" + account.username() + "]"; // never the password
  }
}
