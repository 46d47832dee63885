package org.opentrials.portal.services.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The job_lease table (migration V16): one row per scheduled job, taken by one server instance at a
 * time with a conditional update, so the database decides which instance runs the job.
 */
public final class JobLeaseRows {
  private final EntityManager em;

  public JobLeaseRows(EntityManager em) {
    this.em = em;
  }

  /**
   * Takes the job's row for {@code holder} until {@code expires} if its lease has expired by {@code
   * now}; true when this call took it. Two instances racing for one expired row: the database
   * updates it for one, the other's update then finds it taken and changes nothing.
   */
  public boolean takeIfExpired(String job, String holder, Instant now, Instant expires) {
    return em.createNativeQuery(
                "UPDATE job_lease SET holder = ?1, taken_at = ?2, expires_at = ?3, runs = runs + 1"
                    + " WHERE job_name = ?4 AND expires_at <= ?2")
            .setParameter(1, holder)
            .setParameter(2, utc(now))
            .setParameter(3, utc(expires))
            .setParameter(4, job)
            .executeUpdate()
        == 1;
  }

  /**
   * Creates the job's row, taken by {@code holder}; fails on the primary key when another instance
   * created it first (call it in a transaction of its own).
   */
  public void create(String job, String holder, Instant now, Instant expires) {
    em.createNativeQuery(
            "INSERT INTO job_lease (job_name, holder, taken_at, expires_at, runs)"
                + " VALUES (?1, ?2, ?3, ?4, 1)")
        .setParameter(1, job)
        .setParameter(2, holder)
        .setParameter(3, utc(now))
        .setParameter(4, utc(expires))
        .executeUpdate();
  }

  public boolean exists(String job) {
    return runs(job).isPresent();
  }

  /** How often the job's lease was taken so far; empty before its first run. */
  public Optional<Long> runs(String job) {
    return em.createNativeQuery("SELECT runs FROM job_lease WHERE job_name = ?1")
        .setParameter(1, job)
        .getResultStream()
        .findFirst()
        .map(n -> ((Number) n).longValue());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
