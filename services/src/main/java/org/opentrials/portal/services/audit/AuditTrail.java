package org.opentrials.portal.services.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.opentrials.portal.domain.audit.AuditRecord;

/**
 * Use case: the audit trail every change goes through. Anyone's use case may append; only
 * administrators may read, export or verify it. There is no way to change or remove an entry.
 */
public interface AuditTrail {
  /**
   * Appends an entry in the caller's transaction: it commits with the change it describes, or not
   * at all. Returns its id.
   */
  long record(AuditRecord record);

  /** Appends several entries in order in the caller's transaction, taking the chain's head once. */
  void recordAll(List<AuditRecord> records);

  /**
   * Appends an entry in a transaction of its own, kept even though the caller's transaction is then
   * rolled back: for refusals. Call it before recording anything in the current transaction.
   */
  long recordRefusal(AuditRecord record);

  /** The newest entries that match, newest first, at most {@code limit}. Administrators only. */
  List<AuditEntryView> find(AuditFilter filter, int limit);

  /** Writes every matching entry, oldest first, as CSV. Administrators only. */
  void exportCsv(AuditFilter filter, Writer out) throws IOException;

  /**
   * Walks the whole chain and reports the first entry that is changed, unlinked or missing.
   * Administrators only.
   */
  ChainVerification verify();
}
