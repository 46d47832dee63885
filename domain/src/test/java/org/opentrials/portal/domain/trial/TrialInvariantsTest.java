package org.opentrials.portal.domain.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.domain.testing.TrialBuilder.aTrial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial cannot be built or changed into an invalid one. */
class TrialInvariantsTest {
  private static final Clock DEC_3 =
      Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void anNctNumberIsNctAndEightDigitsComparedByValue() {
    assertThat(NctNumber.of("NCT02633163")).isEqualTo(new NctNumber("NCT02633163"));
    assertThat(NctNumber.parse(" nct02633163 ")).contains(NctNumber.of("NCT02633163"));
    assertThat(NctNumber.parse("NCT0263316")).isEmpty();
    assertThatThrownBy(() -> NctNumber.of("NCT-2633163"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTrialNeedsItsNumberTitleTypeStatusAndSponsor() {
    NctNumber nct = NctNumber.of("NCT00000001");
    assertThatThrownBy(
            () -> new Trial(null, "T", StudyType.INTERVENTIONAL, OverallStatus.RECRUITING, "S"))
        .hasMessageContaining("NCT number");
    assertThatThrownBy(
            () -> new Trial(nct, " ", StudyType.INTERVENTIONAL, OverallStatus.RECRUITING, "S"))
        .hasMessageContaining("brief title");
    assertThatThrownBy(() -> new Trial(nct, "T", null, OverallStatus.RECRUITING, "S"))
        .hasMessageContaining("study type");
    assertThatThrownBy(() -> new Trial(nct, "T", StudyType.INTERVENTIONAL, null, "S"))
        .hasMessageContaining("overall status");
    assertThatThrownBy(
            () -> new Trial(nct, "T", StudyType.INTERVENTIONAL, OverallStatus.RECRUITING, null))
        .hasMessageContaining("lead sponsor");
    assertThatThrownBy(
            () ->
                new Trial(
                    nct, "x".repeat(301), StudyType.INTERVENTIONAL, OverallStatus.RECRUITING, "S"))
        .hasMessageContaining("longer than 300");
  }

  @Test
  void aStatusCanBeVerifiedUpToTomorrowButNotLater() {
    Trial trial = aTrial().build();
    trial.changeStatus(OverallStatus.COMPLETED, LocalDate.of(2026, 12, 4), DEC_3);
    assertThat(trial.overallStatus()).isEqualTo(OverallStatus.COMPLETED);
    assertThat(trial.statusVerifiedOn()).isEqualTo(LocalDate.of(2026, 12, 4));

    assertThatThrownBy(
            () -> trial.changeStatus(OverallStatus.RECRUITING, LocalDate.of(2026, 12, 5), DEC_3))
        .hasMessageContaining("future");
    assertThat(trial.overallStatus()).isEqualTo(OverallStatus.COMPLETED);
    assertThatThrownBy(() -> trial.changeStatus(null, null, DEC_3))
        .hasMessageContaining("overall status");
  }

  @Test
  void theMinimumAgeCannotBeAboveTheMaximum() {
    Trial trial = aTrial().build();
    assertThatThrownBy(
            () ->
                trial.defineEligibility(
                    null, AgeLimit.years(65), AgeLimit.years(18), Sex.ALL, false, List.of()))
        .hasMessageContaining("minimum age is above maximum age");
    trial.defineEligibility(
        null, AgeLimit.years(18), AgeLimit.years(65), Sex.ALL, false, List.of());
    assertThat(trial.sex()).isEqualTo(Sex.ALL);
  }

  @Test
  void aReferenceYearIsPlausibleAsOfTheClock() {
    assertThat(new Reference("Title", 2027, null, "123", null, null, DEC_3).year()).isEqualTo(2027);
    assertThatThrownBy(() -> new Reference("Title", 2028, null, null, null, null, DEC_3))
        .hasMessageContaining("year out of range");
    assertThatThrownBy(() -> new Reference("Title", 1799, null, null, null, null, DEC_3))
        .hasMessageContaining("year out of range");
    assertThatThrownBy(() -> new Reference("Title", 2020, null, "12x", null, null, DEC_3))
        .hasMessageContaining("PMID");
  }

  @Test
  void onlyAPublishedTrialIsPublic() {
    Trial trial = aTrial().build();
    assertThat(trial.published()).isFalse();
    trial.publish();
    assertThat(trial.published()).isTrue();
    trial.withdraw();
    assertThat(trial.published()).isFalse();
  }
}
