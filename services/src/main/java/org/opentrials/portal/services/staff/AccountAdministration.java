package org.opentrials.portal.services.staff;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Use case: administrators manage staff accounts. Every method is for administrators only, decided
 * here from the caller's account (not from the page): anyone else is refused with {@link
 * org.opentrials.portal.services.shared.AccessDenied} and an ACCESS_DENIED entry in the audit
 * trail. Every change is recorded (entity StaffAccount, the username, field, old and new value),
 * never a password or its hash. Changes to an existing account name the version the administrator
 * started from; if the account changed since, nothing is changed and {@link AccountConflict} says
 * so.
 */
public interface AccountAdministration {
  /** A trial the accounts page offers to assign to sponsor staff. */
  record TrialChoice(String nct, String title) implements Serializable {}

  /** A site the accounts page offers to assign to investigators; {@code key} is "NCT.../slug". */
  record SiteChoice(String key, String name, String place) implements Serializable {}

  List<AccountView> listAccounts();

  /** Throws AccountNotFound. */
  AccountView getAccount(String username);

  /**
   * Creates an account with the typed password (at least 12 characters), or with a generated one
   * when {@link NewAccount#password()} is null: then the result carries it, to be shown once.
   * Throws InvalidAccountChange naming the field (username taken or malformed, password too
   * short...).
   */
  IssuedPassword createAccount(NewAccount account);

  /**
   * Replaces the trials (sponsor staff) or sites (investigators) assigned to the account. Values
   * are looked up here: one that names no existing trial or site is refused (InvalidAccountChange).
   */
  AccountView assign(String username, long expectedVersion, Set<String> trials, Set<String> sites);

  /** Lifts a lock after failed sign-ins. */
  AccountView unlock(String username, long expectedVersion);

  /**
   * Disables (cannot sign in; a running session ends at its next request) or enables the account.
   */
  AccountView setDisabled(String username, long expectedVersion, boolean disabled);

  /** Sets a generated password, returned to be shown once. */
  IssuedPassword resetPassword(String username, long expectedVersion);

  /** The trials that exist, for the assignment picker. */
  List<TrialChoice> trialChoices();

  /** The sites that exist, for the assignment picker. */
  List<SiteChoice> siteChoices();
}
