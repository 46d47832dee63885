package org.opentrials.portal.services.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scheduled work once across all server instances over one database, not once per instance
 * (nor once per web application: both WARs of an instance schedule the same jobs). Every scheduler
 * calls {@link #runOnce} when its timer fires; the first to take the job's lease row in the
 * database (a conditional update: only an expired lease is taken) runs the work, the others skip
 * it. The lease lasts {@code lease}: choose it longer than one run and shorter than the period, so
 * the next period's first timer takes it again; if the instance that holds it dies, another takes
 * over once it has expired. Expiry is compared with this instance's clock: keep the instances'
 * clocks synchronised (NTP), as for the audit trail's times.
 *
 * <p>Use from any {@code @Schedule} method or managed scheduled task:
 *
 * <pre>
 * jobs.runOnce("retention-purge", Duration.ofMinutes(50), purge::run);
 * </pre>
 */
@ApplicationScoped
public class ClusterJobs {
  private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

  /** Who takes a lease: this process (host and process id), shown in job_lease.holder. */
  static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

  private final LeaseStore store;
  private final Clock clock;
  private final String holder;

  @Inject
  public ClusterJobs(LeaseStore store, Clock clock) {
    this(store, clock, HOLDER);
  }

  /** As another instance (tests). */
  ClusterJobs(LeaseStore store, Clock clock, String holder) {
    this.store = store;
    this.clock = clock;
    this.holder = holder;
  }

  /** For the container's proxies. */
  protected ClusterJobs() {
    this(null, null, null);
  }

  /**
   * Takes the job's lease for {@code lease} if no instance holds it; true when this instance took
   * it and should run the job now.
   */
  public boolean tryTake(String job, Duration lease) {
    Instant now = clock.instant();
    Instant expires = now.plus(lease);
    if (store.takeIfExpired(job, holder, now, expires)) {
      return true;
    }
    if (store.exists(job)) {
      return false;
    }
    try {
      store.create(job, holder, now, expires);
      return true;
    } catch (PersistenceException | TransactionalException e) {
      // Another instance created the row at the same moment: it runs the job.
      LOG.log(Level.FINE, "lease of " + job + " created elsewhere", e);
      return false;
    }
  }

  /** Runs the work if this instance takes the job's lease; true when it ran here. */
  public boolean runOnce(String job, Duration lease, Runnable work) {
    if (!tryTake(job, lease)) {
      return false;
    }
    work.run();
    return true;
  }
}
