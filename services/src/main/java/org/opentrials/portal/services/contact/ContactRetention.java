package org.opentrials.portal.services.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.contact.ContactRequest;
import org.opentrials.portal.domain.contact.ContactRequestRepository;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.staff.FirstAdministrator;

/**
 * Retention (security.md requirement 3): contact requests, with the pre-screening answers stored in
 * them, are erased {@code trials.retention.days} after they were closed (enrolled, not eligible,
 * withdrawn) or after their site stopped taking participants (the date its closed status was last
 * confirmed; with none, the day the request came in). Each erasure is in the audit trail by the
 * request's reference only, never a person's details. Idempotent: a second run, on this instance or
 * another at the same time, finds nothing left to erase (the loser of a race rolls back its run).
 */
@ApplicationScoped
public class ContactRetention {
  public static final String ENTITY_TYPE = "ContactRequest";

  private ContactRequestRepository requests;
  private AuditTrail audit;
  private Clock clock;
  private int days;

  /** For the container's proxy only. */
  protected ContactRetention() {}

  @Inject
  public ContactRetention(
      ContactRequestRepository requests,
      AuditTrail audit,
      Clock clock,
      @ConfigProperty(name = "trials.retention.days", defaultValue = "180") int days) {
    if (days < 1) {
      throw new IllegalArgumentException("trials.retention.days must be at least 1: " + days);
    }
    this.requests = requests;
    this.audit = audit;
    this.clock = clock;
    this.days = days;
  }

  /** Erases what is past retention now; returns how many requests were erased. */
  @Transactional
  public int purge() {
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
    List<ContactRequest> due = requests.findPastRetention(cutoff, cutoffDay, cutoff);
    List<AuditRecord> entries = new ArrayList<>();
    for (ContactRequest r : due) {
      entries.add(
          new AuditRecord(
              FirstAdministrator.SYSTEM_ACTOR,
              "SYSTEM",
              AuditAction.PURGE,
              ENTITY_TYPE,
              r.reference(),
              null,
              null,
              null,
              "retention: "
                  + days
                  + " days after the request closed or its site stopped recruiting"));
      requests.erase(r);
    }
    if (!entries.isEmpty()) {
      audit.recordAll(entries);
    }
    return due.size();
  }
}
