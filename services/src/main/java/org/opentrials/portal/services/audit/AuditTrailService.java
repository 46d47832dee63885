package org.opentrials.portal.services.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.logging.Logger;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditEntry;
import org.opentrials.portal.domain.audit.AuditHead;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * The audit trail in the database: appends through {@link AuditAppender}, reads for administrators.
 */
@ApplicationScoped
@Transactional
public class AuditTrailService implements AuditTrail {
  private static final Logger LOG = Logger.getLogger(AuditTrailService.class.getName());

  /**
   * Entries read per query while verifying or exporting, so memory stays flat however long the
   * trail.
   */
  static final int BATCH = 500;

  /** The most entries one page of results shows. */
  public static final int MAX_PAGE = 1000;

  private AuditEntries entries;

  private AuditAppender appender;
  private StaffCaller caller;

  /** For the container's proxies only (see README, "Injection"). */
  protected AuditTrailService() {}

  @Inject
  public AuditTrailService(AuditEntries entries, AuditAppender appender, StaffCaller caller) {
    this.entries = entries;
    this.appender = appender;
    this.caller = caller;
  }

  @Override
  public long record(AuditRecord record) {
    return appender.append(record).id();
  }

  @Override
  public void recordAll(List<AuditRecord> records) {
    appender.appendAll(records);
  }

  @Override
  public long recordRefusal(AuditRecord record) {
    return appender.appendAlone(record).id();
  }

  @Override
  public List<AuditEntryView> find(AuditFilter filter, int limit) {
    requireAdministrator("audit trail");
    return entries.newest(filter, Math.max(1, Math.min(limit, MAX_PAGE))).stream()
        .map(AuditEntryView::of)
        .toList();
  }

  @Override
  public void exportCsv(AuditFilter filter, Writer out) throws IOException {
    requireAdministrator("audit trail export");
    AuditCsv.writeHeader(out);
    long after = 0;
    while (true) {
      List<AuditEntry> batch = entries.after(filter, after, BATCH);
      for (AuditEntry e : batch) {
        AuditCsv.write(out, AuditEntryView.of(e));
        after = e.id();
      }
      entries.forgetRead();
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  @Override
  public ChainVerification verify() {
    StaffAccount admin = requireAdministrator("audit chain");
    ChainVerification result = walkChain();
    LOG.info(
        () ->
            "Audit chain verified by "
                + admin.username()
                + ": "
                + result.problem()
                + (result.intact() ? "" : " at entry " + result.firstBrokenEntryId())
                + ", "
                + result.entriesChecked()
                + " entries, head "
                + result.headHash());
    return result;
  }

  /**
   * Walks from entry 1 to the head as it was when the walk began (later appends are not waited
   * for).
   */
  ChainVerification walkChain() {
    AuditHead head = entries.head();
    long lastId = head.lastEntryId();
    String headHash = head.lastHash();
    String previousHash = AuditEntry.GENESIS_HASH;
    long expectedId = 1;
    while (expectedId <= lastId) {
      List<AuditEntry> batch = entries.between(expectedId, lastId, BATCH);
      if (batch.isEmpty()) {
        return ChainVerification.broken(
            ChainVerification.Problem.ENTRY_MISSING, expectedId, expectedId - 1, headHash);
      }
      for (AuditEntry e : batch) {
        if (e.id() != expectedId) {
          return ChainVerification.broken(
              ChainVerification.Problem.ENTRY_MISSING, expectedId, expectedId - 1, headHash);
        }
        if (!e.previousHash().equals(previousHash)) {
          return ChainVerification.broken(
              ChainVerification.Problem.LINK_BROKEN, e.id(), expectedId - 1, headHash);
        }
        if (!e.contentIsIntact()) {
          return ChainVerification.broken(
              ChainVerification.Problem.CONTENT_CHANGED, e.id(), expectedId - 1, headHash);
        }
        previousHash = e.hash();
        expectedId++;
      }
      entries.forgetRead();
    }
    if (!previousHash.equals(headHash)) {
      return ChainVerification.broken(
          ChainVerification.Problem.HEAD_MISMATCH, lastId, lastId, headHash);
    }
    return ChainVerification.ok(lastId, headHash);
  }

  private StaffAccount requireAdministrator(String what) {
    StaffAccount account = caller.require();
    if (account.role() != Role.ADMINISTRATOR) {
      appender.appendAlone(
          AuditRecord.about(
              account.username(),
              account.role().name(),
              AuditAction.ACCESS_DENIED,
              "AuditTrail",
              what,
              null));
      throw new AccessDenied("only administrators may read the " + what);
    }
    return account;
  }
}
