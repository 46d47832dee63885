package org.opentrials.portal.services.trials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.Sex;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/** Search over a real database with the demo trial and its geocoded sites. */
class TrialSearchTest {
  static TestDatabase db;

  @BeforeAll
  static void store() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(MisleDemoTrial.trial());
          for (var site : MisleDemoTrial.sites()) {
            Gazetteer.shared()
                .findByCity(site.city(), site.state())
                .ifPresent(p -> site.locateAt(p.point()));
            new JpaSiteRepository(em).add(site);
          }
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static SearchResults search(
      String text, Phase phase, Integer age, Sex sex, String near, double radius) {
    GeoPoint point = near == null ? null : Gazetteer.shared().resolve(near).orElseThrow().point();
    AtomicReference<SearchResults> out = new AtomicReference<>();
    db.inTransaction(
        em -> {
          TrialPages service = TestTrialPages.over(em, Clock.systemUTC());
          out.set(
              service.search(new TrialQuery(text, phase, true, age, sex, point, radius, 1, 10)));
        });
    return out.get();
  }

  @Test
  void lupusNearCharlestonFindsTheTrialWithItsNearestSite() {
    SearchResults r = search("lupus", null, null, null, "29425", 50);
    assertThat(r.total()).isEqualTo(1);
    assertThat(r.hits().get(0).trial().nct()).isEqualTo("NCT02633163");
    assertThat(r.hits().get(0).nearestSiteName()).isEqualTo("Medical University of South Carolina");
    assertThat(r.hits().get(0).nearestMiles()).isLessThan(10);
  }

  @Test
  void wordsMatchConditionsTitlesAndAcronymIgnoringCase() {
    assertThat(search("SYSTEMIC LUPUS", null, null, null, null, 0).total()).isEqualTo(1);
    assertThat(search("misle", null, null, null, null, 0).total()).isEqualTo(1);
    assertThat(search("stent", null, null, null, null, 0).total()).isZero();
    assertThat(search("100%_", null, null, null, null, 0).total()).isZero();
  }

  @Test
  void filtersByPhaseAgeAndSex() {
    assertThat(search(null, Phase.PHASE2, null, null, null, 0).total()).isEqualTo(1);
    assertThat(search(null, Phase.PHASE3, null, null, null, 0).total()).isZero();
    assertThat(search(null, null, 40, Sex.FEMALE, null, 0).total()).isEqualTo(1);
    assertThat(search(null, null, 70, null, null, 0).total()).isZero();
    assertThat(search(null, null, 17, null, null, 0).total()).isZero();
  }

  @Test
  void aTrialCountsAsNearOnlyWithARecruitingSiteInsideTheRadius() {
    assertThat(search("lupus", null, null, null, "Anchorage, AK", 100).total()).isZero();
    assertThat(search("lupus", null, null, null, "99501", 5000).total()).isEqualTo(1);
  }
}
