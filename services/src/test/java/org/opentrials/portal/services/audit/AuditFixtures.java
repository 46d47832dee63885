package org.opentrials.portal.services.audit;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.services.persistence.JpaStaffRepository;

/**
 * Builders for audit tests: accounts, the services wired by hand over one EntityManager, records.
 */
public final class AuditFixtures {
  private AuditFixtures() {}

  /** Stores a staff account (its password hash is a placeholder: these tests do not sign in). */
  public static StaffAccount account(
      EntityManager em, String username, Role role, Long... siteIds) {
    StaffAccount account =
        new StaffAccount(username, username, role, "$argon2id$placeholder", Instant.EPOCH);
    for (Long id : siteIds) {
      account.assignSite(id);
    }
    new JpaStaffRepository(em).add(account);
    return account;
  }

  public static StaffCaller caller(EntityManager em, String username) {
    return new StaffCaller(
        username == null ? TestCaller.anonymous() : TestCaller.named(username),
        new JpaStaffRepository(em));
  }

  /** The audit trail as the given caller sees it. */
  public static AuditTrailService trail(EntityManager em, String callerName, Clock clock) {
    return new AuditTrailService(
        new AuditEntries(em), new AuditAppender(em, clock), caller(em, callerName));
  }

  /**
   * The audit trail's entries matching the filter, newest first, as an administrator reads them.
   */
  public static java.util.List<AuditEntryView> entries(
      org.opentrials.portal.services.persistence.TestDatabase db, AuditFilter filter, Clock clock) {
    return db.call(em -> trail(em, "admin.test", clock).find(filter, 200));
  }

  public static AuditRecord update(
      String actor, String key, String field, String oldValue, String newValue, String reason) {
    return new AuditRecord(
        actor,
        Role.INVESTIGATOR.name(),
        AuditAction.UPDATE,
        "Site",
        key,
        field,
        oldValue,
        newValue,
        reason);
  }
}
