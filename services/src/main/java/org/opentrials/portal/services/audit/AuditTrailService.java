package org.opentrials.portal.services.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private EntityManager em;

  private AuditAppender appender;
  private StaffCaller caller;

  /** For the container's proxies only (see README, "Injection"). */
  protected AuditTrailService() {}

  @Inject
  public AuditTrailService(EntityManager em, AuditAppender appender, StaffCaller caller) {
    this.em = em;
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
    return query(filter, false)
        .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
        .getResultList()
        .stream()
        .map(AuditEntryView::of)
        .toList();
  }

  @Override
  public void exportCsv(AuditFilter filter, Writer out) throws IOException {
    requireAdministrator("audit trail export");
    AuditCsv.writeHeader(out);
    long after = 0;
    while (true) {
      List<AuditEntry> batch =
          query(filter, true).setParameter("after", after).setMaxResults(BATCH).getResultList();
      for (AuditEntry e : batch) {
        AuditCsv.write(out, AuditEntryView.of(e));
        after = e.id();
      }
      em.clear();
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
    AuditHead head = em.find(AuditHead.class, AuditHead.ROW);
    long lastId = head.lastEntryId();
    String headHash = head.lastHash();
    String previousHash = AuditEntry.GENESIS_HASH;
    long expectedId = 1;
    while (expectedId <= lastId) {
      List<AuditEntry> batch =
          em.createQuery(
                  "select e from AuditEntry e where e.id >= :first and e.id <= :last order by e.id",
                  AuditEntry.class)
              .setParameter("first", expectedId)
              .setParameter("last", lastId)
              .setMaxResults(BATCH)
              .getResultList();
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
      em.clear();
    }
    if (!previousHash.equals(headHash)) {
      return ChainVerification.broken(
          ChainVerification.Problem.HEAD_MISMATCH, lastId, lastId, headHash);
    }
    return ChainVerification.ok(lastId, headHash);
  }

  private TypedQuery<AuditEntry> query(AuditFilter filter, boolean oldestFirstAfterCursor) {
    StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.actor() != null) {
      jpql.append(" and e.actor = :actor");
      params.put("actor", filter.actor());
    }
    if (filter.action() != null) {
      jpql.append(" and e.action = :action");
      params.put("action", filter.action());
    }
    if (filter.entity() != null) {
      jpql.append(" and (e.entityKey = :entity or e.entityKey like :entityPrefix escape '!')");
      params.put("entity", filter.entity());
      params.put("entityPrefix", likeLiteral(filter.entity()) + "/%");
    }
    if (filter.from() != null) {
      jpql.append(" and e.occurredAt >= :from");
      params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      jpql.append(" and e.occurredAt < :until");
      params.put("until", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (oldestFirstAfterCursor) {
      jpql.append(" and e.id > :after order by e.id");
    } else {
      jpql.append(" order by e.id desc");
    }
    TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
    params.forEach(query::setParameter);
    return query;
  }

  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
