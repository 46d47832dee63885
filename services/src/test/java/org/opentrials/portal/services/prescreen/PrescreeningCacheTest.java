package org.opentrials.portal.services.prescreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.domain.testing.SiteBuilder.aSite;
import static org.opentrials.portal.domain.testing.TrialBuilder.aTrial;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.testing.TrialBuilder;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.eligibility.TrialIndex;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/**
 * A visitor's request reuses the decoded criteria and the compiled index of the published trials,
 * and sees a change to a trial's criteria or sites on the next request.
 */
class PrescreeningCacheTest {
  private static final NctNumber NCT = NctNumber.of("NCT02633163");

  @Test
  void criteriaAndIndexAreReusedUntilTheTrialOrItsSitesChange() {
    try (TestDatabase db = new TestDatabase()) {
      String document = resource("/demo/criteria/NCT02633163.json");
      db.inTransaction(
          em -> {
            TrialBuilder lupus =
                aTrial()
                    .withNct(NCT.value())
                    .published()
                    .withCriteria(document)
                    .withSite(aSite().withSlug("cedars-sinai"))
                    .withSite(aSite().withSlug("musc").withStatus(SiteStatus.NOT_YET_RECRUITING));
            new JpaTrialRepository(em).add(lupus.build());
            lupus.sites().forEach(new JpaSiteRepository(em)::add);
          });

      // One bean for the whole test, as in the container: its caches outlive each transaction.
      EntityManager shared = db.transactionScoped();
      prescreening =
          new Prescreening(
              new JpaTrialRepository(shared), new JpaSiteRepository(shared), Clock.systemUTC());
      TrialIndex<ScreenableTrial> first = call(db, Prescreening::screenableIndex);
      assertThat(first.trials()).extracting(ScreenableTrial::nct).containsExactly("NCT02633163");
      TrialCriteria criteria = first.trials().get(0).criteria();
      assertThat(call(db, Prescreening::screenableIndex)).isSameAs(first);
      TrialCriteria again = call(db, p -> p.findScreenableTrial(NCT).orElseThrow().criteria());
      assertThat(again).isSameAs(criteria);

      // A site closes: the same criteria, a new index without that site.
      db.inTransaction(
          em -> {
            Site site =
                new JpaSiteRepository(em)
                    .findByTrial(NCT).stream()
                        .filter(s -> s.status() != null && s.status().takesParticipants())
                        .findFirst()
                        .orElseThrow();
            site.changeStatus(SiteStatus.COMPLETED, null, Clock.systemUTC());
          });
      TrialIndex<ScreenableTrial> afterSiteChange = call(db, Prescreening::screenableIndex);
      assertThat(afterSiteChange).isNotSameAs(first);
      assertThat(afterSiteChange.trials().get(0).sites())
          .hasSize(first.trials().get(0).sites().size() - 1);
      assertThat(afterSiteChange.trials().get(0).criteria()).isSameAs(criteria);

      // The same criteria laid out differently: decoded again, equal, so the index stays.
      String relaidOut = " " + document.replace("\n", "\n  ");
      db.inTransaction(
          em ->
              new JpaTrialRepository(em).findByNct(NCT).orElseThrow().structureCriteria(relaidOut));
      TrialIndex<ScreenableTrial> afterLayoutChange = call(db, Prescreening::screenableIndex);
      assertThat(afterLayoutChange).isSameAs(afterSiteChange);

      // Different criteria (adults up to 70 rather than 65): a new index with them.
      String olderAdults = document.replace("\"max\": 65", "\"max\": 70");
      assertThat(olderAdults).isNotEqualTo(document);
      db.inTransaction(
          em ->
              new JpaTrialRepository(em)
                  .findByNct(NCT)
                  .orElseThrow()
                  .structureCriteria(olderAdults));
      TrialIndex<ScreenableTrial> afterCriteriaChange = call(db, Prescreening::screenableIndex);
      assertThat(afterCriteriaChange).isNotSameAs(afterSiteChange);
      assertThat(afterCriteriaChange.trials().get(0).criteria())
          .isNotEqualTo(criteria)
          .isEqualTo(CriteriaJson.decode(olderAdults));

      // Unreadable criteria: the trial is left out, as before.
      db.inTransaction(
          em ->
              new JpaTrialRepository(em)
                  .findByNct(NCT)
                  .orElseThrow()
                  .structureCriteria("{\"trialId\": 1}"));
      assertThat(call(db, Prescreening::screenableIndex).trials()).isEmpty();
      Optional<ScreenableTrial> unreadable = call(db, p -> p.findScreenableTrial(NCT));
      assertThat(unreadable).isEmpty();
    }
  }

  private Prescreening prescreening;

  private <R> R call(TestDatabase db, Function<Prescreening, R> use) {
    Object[] result = new Object[1];
    db.inTransaction(
        em -> {
          result[0] = use.apply(prescreening);
        });
    @SuppressWarnings("unchecked")
    R r = (R) result[0];
    return r;
  }

  private static String resource(String name) {
    try (InputStream in = PrescreeningCacheTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
