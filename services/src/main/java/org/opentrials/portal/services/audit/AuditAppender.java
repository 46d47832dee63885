package org.opentrials.portal.services.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.opentrials.portal.domain.audit.AuditEntry;
import org.opentrials.portal.domain.audit.AuditHead;
import org.opentrials.portal.domain.audit.AuditRecord;

/**
 * Appends to the audit chain. The head row is locked first (SELECT ... FOR UPDATE, the same on H2
 * and PostgreSQL), so appends from any thread, application or server instance take turns; the lock
 * is held until the transaction ends, and the entry and the moved head commit together with the
 * change they describe. Lock order everywhere: the changed object's row first, the head last.
 */
@ApplicationScoped
public class AuditAppender {
  private EntityManager em;

  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected AuditAppender() {}

  @Inject
  public AuditAppender(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Appends within the current transaction: the entry commits with the change, or not at all. */
  @Transactional(TxType.REQUIRED)
  public AuditEntry append(AuditRecord record) {
    AuditHead head = em.find(AuditHead.class, AuditHead.ROW, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("the audit chain has no head row (migration V2 missing?)");
    }
    AuditEntry entry = head.append(record, clock.instant());
    em.persist(entry);
    // Written now, so that a later lock of the head in this transaction (which re-reads the row)
    // sees this entry, and so that a failure shows here rather than at commit.
    em.flush();
    return entry;
  }

  /**
   * Appends several entries, in order, within the current transaction: the head is locked and read
   * once and written once, and the entries go to the database together (a bulk import's batch).
   */
  @Transactional(TxType.REQUIRED)
  public void appendAll(java.util.List<AuditRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    AuditHead head = em.find(AuditHead.class, AuditHead.ROW, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("the audit chain has no head row (migration V2 missing?)");
    }
    java.time.Instant now = clock.instant();
    for (AuditRecord record : records) {
      em.persist(head.append(record, now));
    }
    em.flush();
  }

  /**
   * Appends in a transaction of its own, committed even when the caller's transaction is rolled
   * back: for refusals (ACCESS_DENIED), whose use case ends in an exception. Call it before
   * anything is appended in the caller's transaction, which would otherwise hold the head lock this
   * waits for.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public AuditEntry appendAlone(AuditRecord record) {
    return append(record);
  }
}
