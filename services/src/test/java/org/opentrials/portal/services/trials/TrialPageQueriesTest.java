package org.opentrials.portal.services.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.StatementCounter;
import org.opentrials.portal.services.persistence.TestDatabase;

/** The trial page costs the same few queries whether a trial has six sites or several hundred. */
class TrialPageQueriesTest {

  @Test
  void queriesDoNotGrowWithTheNumberOfSites() {
    try (TestDatabase db =
        new TestDatabase(
            Map.of(
                "eclipselink.logging.logger",
                StatementCounter.class.getName(),
                "eclipselink.logging.level.sql",
                "FINE"))) {
      NctNumber big = NctNumber.of("NCT00000437");
      db.inTransaction(
          em -> {
            new JpaTrialRepository(em).add(MisleDemoTrial.trial());
            MisleDemoTrial.sites().forEach(new JpaSiteRepository(em)::add);
            Trial t =
                new Trial(
                    big,
                    "A trial with 437 sites",
                    StudyType.INTERVENTIONAL,
                    OverallStatus.RECRUITING,
                    "Sponsor");
            t.publish();
            new JpaTrialRepository(em).add(t);
            for (int i = 0; i < 437; i++) {
              Site s =
                  new Site(
                      big, "site-" + i, "Hospital " + i, "City " + i, "ST", null, "United States");
              s.changeStatus(SiteStatus.RECRUITING, null, Clock.systemUTC());
              s.locateAt(new GeoPoint(25 + (i % 20), -120 + (i % 50)));
              new JpaSiteRepository(em).add(s);
            }
          });
      int small = queriesFor(db, MisleDemoTrial.NCT);
      int large = queriesFor(db, big);
      System.out.printf("trial page queries: 6 sites -> %d, 437 sites -> %d%n", small, large);
      assertThat(large).isLessThanOrEqualTo(small).isLessThanOrEqualTo(25);
    }
  }

  private static int queriesFor(TestDatabase db, NctNumber nct) {
    int[] count = new int[1];
    db.inTransaction(
        em -> {
          TrialPages service = TestTrialPages.over(em, Clock.systemUTC());
          StatementCounter.SELECTS.set(0);
          TrialPageView view =
              service.findTrialPage(nct, Optional.of(new GeoPoint(32.78, -79.93))).orElseThrow();
          count[0] = StatementCounter.SELECTS.get();
          assertThat(view.sites()).isNotEmpty();
        });
    return count[0];
  }
}
