package org.opentrials.portal.admin.support;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opentrials.portal.services.contact.ContactRetention;

/**
 * Runs the retention purge every night on the container's timer service (not persistent: every
 * instance runs its own, which is harmless since the purge is idempotent). Registered by the
 * administration application only, so one instance runs it once a night.
 */
@Singleton
public class RetentionSchedule {
  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

  private ContactRetention retention;

  /** For the container only. */
  protected RetentionSchedule() {}

  @Inject
  public RetentionSchedule(ContactRetention retention) {
    this.retention = retention;
  }

  @Schedule(hour = "3", minute = "17", persistent = false)
  void purge() {
    try {
      int erased = retention.purge();
      LOG.info(() -> "Retention purge: " + erased + " contact requests erased");
    } catch (RuntimeException e) {
      // Tomorrow's run tries again; the operators see why this one failed.
      LOG.log(Level.WARNING, "retention purge failed", e);
    }
  }
}
