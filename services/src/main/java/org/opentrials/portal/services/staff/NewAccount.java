package org.opentrials.portal.services.staff;

import org.opentrials.portal.domain.staff.Role;

/**
 * What an administrator fills in to create an account.
 *
 * @param password the initial password as typed, or null to have one generated (shown once)
 */
public record NewAccount(String username, String displayName, Role role, String password) {
  public static final String USERNAME = "username";
  public static final String DISPLAY_NAME = "displayName";
  public static final String ROLE = "role";
  public static final String PASSWORD = "password";

  /** Longer passwords are refused: Argon2 takes any length, but nobody types more. */
  public static final int MAXIMUM_PASSWORD_LENGTH = 128;

  @Override
  public String toString() {
    return "NewAccount[" + username + ", " + role + "]"; // never the password
  }
}
