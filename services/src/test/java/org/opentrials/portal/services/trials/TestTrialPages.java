package org.opentrials.portal.services.trials;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;

/**
 * The trial pages use case over a test transaction's entity manager, for tests in other packages.
 */
public final class TestTrialPages {
  private TestTrialPages() {}

  public static TrialPages over(EntityManager em, Clock clock) {
    TrialPagesService pages = new TrialPagesService();
    pages.trials = new JpaTrialRepository(em);
    pages.sites = new JpaSiteRepository(em);
    pages.clock = clock;
    pages.staleAfterDays = 90;
    return pages;
  }
}
