package org.opentrials.portal.services.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import org.opentrials.portal.services.persistence.JobLeaseRows;

/**
 * The lease rows, each change in a transaction of its own: a taken lease is committed (and visible
 * to every instance) before the job starts, and a lost race to create a row rolls back only that
 * attempt.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class LeaseStore {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected LeaseStore() {}

  @Inject
  public LeaseStore(EntityManager em) {
    this.em = em;
  }

  public boolean takeIfExpired(String job, String holder, Instant now, Instant expires) {
    return new JobLeaseRows(em).takeIfExpired(job, holder, now, expires);
  }

  public boolean exists(String job) {
    return new JobLeaseRows(em).exists(job);
  }

  public void create(String job, String holder, Instant now, Instant expires) {
    new JobLeaseRows(em).create(job, holder, now, expires);
  }
}
