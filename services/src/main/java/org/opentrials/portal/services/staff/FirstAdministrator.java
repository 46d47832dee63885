package org.opentrials.portal.services.staff;

import java.time.Clock;
import java.util.function.Consumer;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;

/**
 * The first administrator of a database that has none, outside demo mode: from configuration at
 * start ({@link FirstAdministratorAtStart}) or from the command line ({@link CreateAdminCommand}).
 * Once any administrator exists this does nothing, so configuration left in place can never reset a
 * password or add a second account. The password never comes from the repository and is never
 * written anywhere but as its hash; the audit trail records the creation by "(system)".
 */
public final class FirstAdministrator {
  public static final String SYSTEM_ACTOR = "(system)";
  public static final String SYSTEM_ROLE = "SYSTEM";

  /** What happened. */
  public enum Outcome {
    CREATED,
    /** An administrator exists already: nothing was changed. */
    ADMINISTRATOR_EXISTS
  }

  private FirstAdministrator() {}

  /**
   * Creates the administrator in the caller's transaction if there is none yet.
   *
   * @param how where the request came from, for the audit trail ("configuration", "command line")
   * @throws InvalidAccountChange for a malformed or taken username or a password out of bounds
   */
  public static Outcome createIfNone(
      StaffRepository staff,
      Consumer<AuditRecord> audit,
      Clock clock,
      String username,
      char[] password,
      String how) {
    if (staff.countByRole(Role.ADMINISTRATOR) > 0) {
      return Outcome.ADMINISTRATOR_EXISTS;
    }
    String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    if (!name.matches("[a-z0-9._@-]{3,80}")) {
      throw new InvalidAccountChange(NewAccount.USERNAME, "username");
    }
    if (staff.findByUsername(name).isPresent()) {
      throw new InvalidAccountChange(NewAccount.USERNAME, "usernameTaken");
    }
    AccountAdministrationService.checkPassword(password);
    StaffAccount admin =
        new StaffAccount(
            name,
            "Administrator",
            Role.ADMINISTRATOR,
            new PasswordHasher().hash(password),
            clock.instant());
    staff.add(admin);
    audit.accept(
        new AuditRecord(
            SYSTEM_ACTOR,
            SYSTEM_ROLE,
            AuditAction.CREATE,
            AccountAdministrationService.ENTITY_TYPE,
            name,
            "role",
            null,
            Role.ADMINISTRATOR.name(),
            "first administrator, from the " + how));
    return Outcome.CREATED;
  }
}
