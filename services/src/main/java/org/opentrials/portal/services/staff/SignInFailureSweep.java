package org.opentrials.portal.services.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  @PersistenceContext(unitName = "trials")
  EntityManager em;

  private final Clock clock;

  @Inject
  public SignInFailureSweep(Clock clock) {
    this.clock = clock;
  }

  /** For the container's proxies. */
  protected SignInFailureSweep() {
    this(null);
  }

  /** Returns how many rows went. */
  public int sweep() {
    return StaffSignIn.ADDRESSES.sweep(new SignInFailures(em), clock.instant());
  }
}
