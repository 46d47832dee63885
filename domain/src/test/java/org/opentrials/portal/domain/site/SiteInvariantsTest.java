package org.opentrials.portal.domain.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.domain.testing.SiteBuilder.aSite;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.NctNumber;

/** A site cannot be built or changed into an invalid one. */
class SiteInvariantsTest {
  private static final Clock DEC_3 =
      Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
  private static final NctNumber NCT = NctNumber.of("NCT00000001");

  @Test
  void aSiteNeedsItsTrialASlugAndACity() {
    assertThatThrownBy(() -> new Site(null, "s", null, "Charleston", null, null, null))
        .hasMessageContaining("NCT number");
    assertThatThrownBy(() -> new Site(NCT, " ", null, "Charleston", null, null, null))
        .hasMessageContaining("site slug");
    assertThatThrownBy(() -> new Site(NCT, "---", null, "Charleston", null, null, null))
        .hasMessageContaining("letters or digits");
    assertThatThrownBy(() -> new Site(NCT, "s", null, null, null, null, null))
        .hasMessageContaining("city");
  }

  @Test
  void theSlugIsMadeUrlSafeFromTheName() {
    assertThat(Site.slug("Cedars-Sinai Medical Center")).isEqualTo("cedars-sinai-medical-center");
    assertThat(Site.slug("Hôpital Saint-Louis, Paris")).isEqualTo("hopital-saint-louis-paris");
    assertThat(new Site(NCT, "Mayo Clinic", null, "Rochester", null, null, null).slug())
        .isEqualTo("mayo-clinic");
  }

  @Test
  void aStatusCanBeVerifiedUpToTomorrowButNotLater() {
    Site site = aSite().build();
    site.changeStatus(SiteStatus.COMPLETED, LocalDate.of(2026, 12, 4), DEC_3);
    assertThat(site.status()).isEqualTo(SiteStatus.COMPLETED);
    assertThatThrownBy(
            () -> site.changeStatus(SiteStatus.RECRUITING, LocalDate.of(2026, 12, 5), DEC_3))
        .hasMessageContaining("future");
    assertThat(site.status()).isEqualTo(SiteStatus.COMPLETED);
    assertThat(site.statusVerifiedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void confirmingTheStatusKeepsItAndDatesItToday() {
    Site site = aSite().withStatus(SiteStatus.RECRUITING).build();
    site.confirmStatus(DEC_3);
    assertThat(site.status()).isEqualTo(SiteStatus.RECRUITING);
    assertThat(site.statusVerifiedOn()).isEqualTo(LocalDate.of(2026, 12, 3));
  }

  @Test
  void placesLeftCannotBeNegative() {
    Site site = aSite().build();
    assertThatThrownBy(() -> site.changePlaces(-1, null)).hasMessageContaining("places left");
    site.changePlaces(0, LocalDate.of(2026, 12, 31));
    assertThat(site.placesLeft()).isZero();
  }
}
