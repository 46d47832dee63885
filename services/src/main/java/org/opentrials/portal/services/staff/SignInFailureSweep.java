package org.opentrials.portal.services.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.opentrials.portal.services.persistence.SignInFailures;

/**
 * Deletes failed sign-ins that no longer count and refusals that have ended, of every address (each
 * address's own old failures also go as it is next counted). Scheduled once across the cluster by
 * {@link org.opentrials.portal.services.jobs.ScheduledJobs}.
 */
@ApplicationScoped
@Transactional
public class SignInFailureSweep {
  public static final String JOB = "sign-in-failure-sweep";

  private EntityManager em;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected SignInFailureSweep() {}

  @Inject
  public SignInFailureSweep(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Returns how many rows went. */
  public int sweep() {
    return StaffSignIn.ADDRESSES.sweep(new SignInFailures(em), clock.instant());
  }
}
