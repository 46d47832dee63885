package org.opentrials.portal.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The end of the audit chain: the last entry's id and hash, in a table of exactly one row. Every
 * append locks this row (SELECT ... FOR UPDATE) and moves it in the same transaction as the new
 * entry, so two writers cannot both follow the same entry and fork the chain, and a removed last
 * entry shows as a head that points past the end.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {
  /** The id of the one row. */
  public static final int ROW = 1;

  @Id
  @Column(name = "id")
  private Integer id;

  @Column(name = "last_entry_id", nullable = false)
  private long lastEntryId;

  @Column(name = "last_hash", length = 64, nullable = false)
  private String lastHash;

  protected AuditHead() {}

  /** The head of an empty chain (the migration inserts the same row). */
  public static AuditHead empty() {
    AuditHead head = new AuditHead();
    head.id = ROW;
    head.lastEntryId = 0;
    head.lastHash = AuditEntry.GENESIS_HASH;
    return head;
  }

  /** Makes the entry that follows the current last one and moves the head to it. */
  public AuditEntry append(AuditRecord record, Instant occurredAt) {
    AuditEntry next = new AuditEntry(lastEntryId + 1, occurredAt, record, lastHash);
    lastEntryId = next.id();
    lastHash = next.hash();
    return next;
  }

  public long lastEntryId() {
    return lastEntryId;
  }

  public String lastHash() {
    return lastHash;
  }
}
