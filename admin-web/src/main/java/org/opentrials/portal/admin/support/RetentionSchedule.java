package org.opentrials.portal.admin.support;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opentrials.portal.services.contact.ContactRetention;
import org.opentrials.portal.services.jobs.ClusterJobs;

/**
 * Runs the retention purge every night on the container's timer service. Every instance's timer
 * fires; the job's lease ({@link ClusterJobs}) lets one of them purge, so it runs once a night
 * across the cluster (the purge is idempotent besides). Registered by the administration
 * application only.
 */
@Singleton
public class RetentionSchedule {
  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

  static final String JOB = "retention-purge";

  /** Held well past the other instances' timers of the same night, ended before the next. */
  static final Duration LEASE = Duration.ofHours(20);

  private ContactRetention retention;
  private ClusterJobs jobs;

  /** For the container only. */
  protected RetentionSchedule() {}

  @Inject
  public RetentionSchedule(ContactRetention retention, ClusterJobs jobs) {
    this.retention = retention;
    this.jobs = jobs;
  }

  @Schedule(hour = "3", minute = "17", persistent = false)
  void purge() {
    try {
      jobs.runOnce(
          JOB,
          LEASE,
          () -> {
            int erased = retention.purge();
            LOG.info(() -> "Retention purge: " + erased + " contact requests erased");
          });
    } catch (RuntimeException e) {
      // Tomorrow's run tries again; the operators see why this one failed.
      LOG.log(Level.WARNING, "retention purge failed", e);
    }
  }
}
