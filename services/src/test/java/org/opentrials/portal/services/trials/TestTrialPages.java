package org.opentrials.portal.services.trials;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.opentrials.portal.services.persistence.JpaContentDraftRepository;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;

/**
 * The trial pages use case over a test transaction's entity manager, for tests in other packages.
 */
public final class TestTrialPages {
  /** As configured by default (trials.status.stale-after-days). */
  static final int STALE_AFTER_DAYS = 90;

  private TestTrialPages() {}

  public static TrialPages over(EntityManager em, Clock clock) {
    return new TrialPagesService(
        new JpaTrialRepository(em),
        new JpaSiteRepository(em),
        new JpaContentDraftRepository(em),
        clock,
        STALE_AFTER_DAYS);
  }
}
