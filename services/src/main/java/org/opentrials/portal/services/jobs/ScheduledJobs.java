package org.opentrials.portal.services.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opentrials.portal.services.staff.SignInFailureSweep;

/**
 * The portal's periodic jobs. Every instance (and each of its two web applications) schedules them;
 * {@link ClusterJobs} lets one run per period across the cluster. Periods are configuration ({@code
 * trials.jobs.sign-in-sweep.every-seconds}).
 */
@Singleton
@Startup
@DependsOn("TrialsDatabase")
public class ScheduledJobs {
  private static final Logger LOG = Logger.getLogger(ScheduledJobs.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  private ClusterJobs jobs;
  private SignInFailureSweep signInSweep;
  private long sweepEverySeconds;
  private ScheduledFuture<?> sweepTask;

  @Inject
  public ScheduledJobs(
      ClusterJobs jobs,
      SignInFailureSweep signInSweep,
      @ConfigProperty(name = "trials.jobs.sign-in-sweep.every-seconds", defaultValue = "600")
          long sweepEverySeconds) {
    this.jobs = jobs;
    this.signInSweep = signInSweep;
    this.sweepEverySeconds = sweepEverySeconds;
  }

  /** For the EJB container's proxies only. */
  public ScheduledJobs() {}

  @PostConstruct
  void schedule() {
    // The lease ends a little before the next period, so that period's first timer takes it.
    Duration lease = Duration.ofSeconds(sweepEverySeconds).multipliedBy(9).dividedBy(10);
    sweepTask =
        scheduler.scheduleAtFixedRate(
            () -> run(SignInFailureSweep.JOB, lease, signInSweep::sweep),
            sweepEverySeconds,
            sweepEverySeconds,
            TimeUnit.SECONDS);
  }

  private void run(String job, Duration lease, Runnable work) {
    try {
      jobs.runOnce(job, lease, work);
    } catch (RuntimeException e) {
      // A failed run (database briefly away) must not cancel the schedule.
      LOG.log(Level.WARNING, "scheduled job " + job + " failed; it runs again next period", e);
    }
  }

  @PreDestroy
  void cancel() {
    if (sweepTask != null) {
      sweepTask.cancel(false);
    }
  }
}
