package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;

/**
 * A site keeps its page (its slug) across imports, however the registry orders or names its list.
 */
class SiteMatchingTest {
  private final StudyMerger merger = new StudyMerger(Registry.CLOCK);
  private final String nct = StudyJson.nct(77);

  @Test
  void sitesOfOneNameKeepTheirSlugsWhenTheRegistryReordersAndAddsSome() {
    StudyMerger.Merge first =
        merger.merge(
            Registry.study(
                StudyJson.study(nct)
                    .location("Research Site", "Boston", "02115", "RECRUITING")
                    .location("Research Site", "Denver", "80202", "RECRUITING")
                    .location("Research Site", "Austin", "78701", "RECRUITING")
                    .json()),
            null,
            List.of());
    List<Site> sites = new ArrayList<>(first.addedSites());
    assertThat(sites)
        .extracting(s -> s.slug() + "@" + s.city())
        .containsExactly(
            "research-site@Boston", "research-site-2@Denver", "research-site-3@Austin");

    StudyMerger.Merge second =
        merger.merge(
            Registry.study(
                StudyJson.study(nct)
                    .location("Research Site", "Seattle", "98101", "NOT_YET_RECRUITING")
                    .location("Research Site", "Austin", "78701", "COMPLETED")
                    .location("Research Site", "Boston", "02115", "RECRUITING")
                    .json()),
            first.trial(),
            sites);

    assertThat(second.addedSites())
        .extracting(s -> s.slug() + "@" + s.city())
        .containsExactly("research-site-4@Seattle");
    assertThat(second.sitesNoLongerListed()).containsExactly("research-site-2");
    assertThat(sites.get(2).status()).isEqualTo(SiteStatus.COMPLETED); // Austin, now listed second
    assertThat(second.changes())
        .filteredOn(c -> c.field().equals("status"))
        .extracting(ImportChange::key)
        .containsExactly(nct + "/research-site-4", nct + "/research-site-3"); // registry order
  }

  @Test
  void aSiteStaffCreatedUnderAShorterSlugIsMatchedByItsFacility() {
    Trial trial =
        merger.merge(Registry.study(StudyJson.study(nct).json()), null, List.of()).trial();
    Site byHand =
        new Site(
            NctNumber.of(nct),
            "cedars-sinai",
            "Cedars-Sinai Medical Center",
            "Los Angeles",
            "CA",
            null,
            "United States");
    byHand.changeStatus(SiteStatus.RECRUITING, LocalDate.of(2025, 6, 1), Registry.CLOCK);
    byHand.changePeople(
        "Mariko Ishimori, MD", new SiteContact("Bonnie Paul", "310-423-2422", null));

    StudyMerger.Merge m =
        merger.merge(
            Registry.study(
                StudyJson.study(nct)
                    .location("Cedars-Sinai Medical Center", "Los Angeles", "90048", "RECRUITING")
                    .json()),
            trial,
            List.of(byHand));

    assertThat(m.addedSites()).isEmpty();
    assertThat(m.sitesNoLongerListed()).isEmpty();
    assertThat(byHand.postalCode()).isEqualTo("90048");
    assertThat(byHand.contact().name())
        .isEqualTo("Bonnie Paul"); // confirmed 2025-06-01, after the registry's 2024-01
  }
}
