package org.opentrials.portal.services.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentrials.portal.domain.audit.AuditEntry;
import org.opentrials.portal.domain.audit.AuditHead;

/** The audit trail's entries as stored, read through JPA (appends go through the appender). */
@ApplicationScoped
public class AuditEntries {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected AuditEntries() {}

  @Inject
  public AuditEntries(EntityManager em) {
    this.em = em;
  }

  /** The chain's head: its last entry's id and hash. */
  public AuditHead head() {
    return em.find(AuditHead.class, AuditHead.ROW);
  }

  /** Entries {@code first} to {@code last} by id, at most {@code max} of them. */
  public List<AuditEntry> between(long first, long last, int max) {
    return em.createQuery(
            "select e from AuditEntry e where e.id >= :first and e.id <= :last order by e.id",
            AuditEntry.class)
        .setParameter("first", first)
        .setParameter("last", last)
        .setMaxResults(max)
        .getResultList();
  }

  /** The newest entries matching the filter, newest first. */
  public List<AuditEntry> newest(AuditFilter filter, int max) {
    return query(filter, false).setMaxResults(max).getResultList();
  }

  /** The entries matching the filter after the entry {@code afterId}, oldest first. */
  public List<AuditEntry> after(AuditFilter filter, long afterId, int max) {
    return query(filter, true).setParameter("after", afterId).setMaxResults(max).getResultList();
  }

  /** Forgets the entries read so far, so that a long walk keeps memory flat. */
  public void forgetRead() {
    em.clear();
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
}
