package org.opentrials.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.services.changes.ChangeLog;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/** The index built from a real database holding the demo trial and its geocoded sites. */
class DatabaseSearchTest {
  static TestDatabase db;
  static TrialSearchIndex index;

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
          new ChangeLog(em).trial(MisleDemoTrial.NCT.value(), "TEST", Instant.now());
        });
    index = TrialSearchIndex.inMemory();
    AtomicReference<Long> last = new AtomicReference<>();
    db.inTransaction(em -> last.set(new ChangeLog(em).lastId()));
    long[] after = {0};
    int count =
        index.rebuild(
            () -> {
              AtomicReference<TrialSource.Page> page = new AtomicReference<>();
              db.inTransaction(em -> page.set(new TrialSource(em).page(after[0], 1)));
              after[0] = page.get().lastId();
              return page.get().trials();
            },
            last.get());
    assertThat(count).isEqualTo(1);
    assertThat(index.position()).isEqualTo(last.get()).isPositive();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    db.close();
  }

  private static SearchPage search(
      String text, Integer age, String sex, String near, double radius) {
    GeoPoint point = near == null ? null : Gazetteer.shared().resolve(near).orElseThrow().point();
    return index.search(new SearchQuery(text, null, null, true, age, sex, point, radius, 1, 10));
  }

  @Test
  void lupusNearCharlestonFindsTheTrialWithItsNearestSite() {
    SearchPage r = search("lupus", null, null, "29425", 50);
    assertThat(r.total()).isEqualTo(1);
    assertThat(r.hits().get(0).trial().nct()).isEqualTo("NCT02633163");
    assertThat(r.hits().get(0).nearestSiteName()).isEqualTo("Medical University of South Carolina");
    assertThat(r.hits().get(0).nearestMiles()).isLessThan(10);
  }

  @Test
  void wordsMatchConditionsTitlesAndAcronymIgnoringCase() {
    assertThat(search("SYSTEMIC LUPUS", null, null, null, 0).total()).isEqualTo(1);
    assertThat(search("misle", null, null, null, 0).total()).isEqualTo(1);
    assertThat(search("pacemaker", null, null, null, 0).total()).isZero();
    assertThat(search("100%_", null, null, null, 0).total()).isZero();
  }

  @Test
  void filtersByAgeAndSex() {
    assertThat(search(null, 30, null, null, 0).total()).isEqualTo(1);
    assertThat(search(null, 5, null, null, 0).total()).isZero();
    assertThat(search(null, null, "FEMALE", null, 0).total()).isEqualTo(1);
  }

  @Test
  void aTrialCountsAsNearOnlyWithARecruitingSiteInsideTheRadius() {
    assertThat(search("lupus", null, null, "Anchorage, AK", 100).total()).isZero();
    assertThat(search("lupus", null, null, "99501", 5000).total()).isEqualTo(1);
  }

  @Test
  void theSourceReadsOnlyPublishedTrials() {
    AtomicReference<List<IndexedTrial>> found = new AtomicReference<>();
    db.inTransaction(
        em ->
            found.set(new TrialSource(em).published(List.of("NCT02633163", "NCT99999999", "x'"))));
    assertThat(found.get()).extracting(IndexedTrial::nct).containsExactly("NCT02633163");
    assertThat(found.get().get(0).sites()).isNotEmpty();
  }
}
