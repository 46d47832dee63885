package org.opentrials.portal.services.changes;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The change log table, written and read in the caller's transaction: writes that change what the
 * public sees add their rows in the same transaction as the change, so a committed change is always
 * in the log and a rolled-back one never is.
 */
public final class ChangeLog {
  public static final String TRIAL = "TRIAL";
  public static final String SITE = "SITE";

  private final EntityManager em;

  public ChangeLog(EntityManager em) {
    this.em = em;
  }

  /** Records that trial {@code nct} changed (content, status, sites as a whole). */
  public void trial(String nct, String kind, Instant at) {
    insert(TRIAL, nct, kind, at);
  }

  /** Records that a site of trial {@code nct} changed. */
  public void site(String nct, String slug, String kind, Instant at) {
    insert(SITE, nct + "/" + slug, kind, at);
  }

  /** Records that each of these trials changed. */
  public void trials(Collection<String> ncts, String kind, Instant at) {
    ncts.forEach(n -> trial(n, kind, at));
  }

  private void insert(String entity, String key, String kind, Instant at) {
    em.createNativeQuery(
            "insert into change_log (entity, entity_key, kind, at) values (?1, ?2, ?3, ?4)")
        .setParameter(1, entity)
        .setParameter(2, key)
        .setParameter(3, kind)
        .setParameter(4, Timestamp.from(at))
        .executeUpdate();
  }

  /** The last position in the log, 0 when empty. */
  /** The log's end: max(id), 0 when empty (answered from the primary key's index). */
  static final String LAST_ID = "select coalesce(max(id), 0) from change_log";

  public long lastId() {
    Object max = em.createNativeQuery(LAST_ID).getSingleResult();
    return max == null ? 0 : ((Number) max).longValue();
  }

  /** At most {@code limit} changes after position {@code after}, in log order. */
  public List<Change> after(long after, int limit) {
    return read(
        em.createNativeQuery(
                "select id, entity, entity_key, kind, at from change_log where id > ?1 order by id")
            .setParameter(1, after)
            .setMaxResults(limit)
            .getResultList());
  }

  /** The changes with these ids that exist now (late commits the follower is waiting for). */
  public List<Change> withIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    StringBuilder in = new StringBuilder();
    for (long id : ids) { // numbers only: nothing to escape
      in.append(in.isEmpty() ? "" : ",").append(id);
    }
    return read(
        em.createNativeQuery(
                "select id, entity, entity_key, kind, at from change_log where id in ("
                    + in
                    + ") order by id")
            .getResultList());
  }

  private static List<Change> read(List<?> rows) {
    List<Change> changes = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      changes.add(
          new Change(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              instant(r[4])));
    }
    return changes;
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    return null;
  }
}
