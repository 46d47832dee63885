package org.opentrials.portal.eligibility.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.testing.Fixtures.answers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue.Never;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.text.Text;

/** Issue 14 item 4: when a time-limited rule stops ruling a visitor out, from the answer's date. */
class TimeLimitsTest {
  static final Medication BELIMUMAB = new Medication("belimumab", Text.of("belimumab"));
  static final Medication RITUXIMAB = new Medication("rituximab", Text.of("rituximab"));
  static final Rule RECENT_BELIMUMAB = new MedicationTaken(BELIMUMAB, TimeWindow.months(2));
  static final Rule RECENT_RITUXIMAB = new MedicationTaken(RITUXIMAB, TimeWindow.months(6));

  @Test
  void belimumabWithinTwoMonthsStopsApplyingTwoMonthsAfterTheLastDose() {
    LocalDate screening = LocalDate.of(2026, 12, 4);
    var said = answers("medication.belimumab.last-taken", LocalDate.of(2026, 11, 15));
    assertThat(TimeLimits.holdsUntil(RECENT_BELIMUMAB, said, screening))
        .contains(LocalDate.of(2027, 1, 15));
    // The day it names is the last day the rule holds; the next it does not.
    assertThat(RECENT_BELIMUMAB.test(said, LocalDate.of(2027, 1, 15))).isEqualTo(Truth.TRUE);
    assertThat(RECENT_BELIMUMAB.test(said, LocalDate.of(2027, 1, 16))).isEqualTo(Truth.FALSE);
  }

  @Test
  void endOfMonthIsClampedAsTheWindowIs() {
    var said = answers("medication.belimumab.last-taken", LocalDate.of(2025, 12, 31));
    Rule oneMonth = new MedicationTaken(BELIMUMAB, TimeWindow.months(1));
    LocalDate until =
        TimeLimits.holdsUntil(oneMonth, said, LocalDate.of(2026, 1, 10)).orElseThrow();
    assertThat(until).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(oneMonth.test(said, until)).isEqualTo(Truth.TRUE);
    assertThat(oneMonth.test(said, until.plusDays(1))).isEqualTo(Truth.FALSE);
    assertThat(TimeWindow.months(1).lastDayWithin(LocalDate.of(2026, 1, 31)))
        .isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void nothingWhenTheRuleDoesNotHoldOrHoldsForGood() {
    LocalDate screening = LocalDate.of(2026, 12, 4);
    assertThat(
            TimeLimits.holdsUntil(
                RECENT_BELIMUMAB,
                answers("medication.belimumab.last-taken", LocalDate.of(2026, 1, 1)),
                screening))
        .isEmpty();
    assertThat(
            TimeLimits.holdsUntil(
                RECENT_BELIMUMAB,
                answers("medication.belimumab.last-taken", Never.INSTANCE),
                screening))
        .isEmpty();
    Rule tb = new PositiveTest(java.util.List.of(Infection.TUBERCULOSIS));
    assertThat(TimeLimits.holdsUntil(tb, answers("infection.tuberculosis", "yes"), screening))
        .isEmpty();
  }

  @Test
  void anyOfSeveralHoldsUntilTheLastOfThemEnds() {
    LocalDate screening = LocalDate.of(2026, 12, 4);
    Rule either = Rule.any(RECENT_BELIMUMAB, RECENT_RITUXIMAB);
    var both =
        answers(
            "medication.belimumab.last-taken", LocalDate.of(2026, 11, 15),
            "medication.rituximab.last-taken", LocalDate.of(2026, 9, 1));
    assertThat(TimeLimits.holdsUntil(either, both, screening)).contains(LocalDate.of(2027, 3, 1));
    var onlyBelimumab =
        answers(
            "medication.belimumab.last-taken", LocalDate.of(2026, 11, 15),
            "medication.rituximab.last-taken", LocalDate.of(2025, 1, 1));
    assertThat(TimeLimits.holdsUntil(either, onlyBelimumab, screening))
        .contains(LocalDate.of(2027, 1, 15));
  }

  @Test
  void medicationRulesAreAboutMedication() {
    assertThat(TimeLimits.aboutMedication(Rule.any(RECENT_BELIMUMAB, RECENT_RITUXIMAB))).isTrue();
    assertThat(TimeLimits.aboutMedication(new PositiveTest(java.util.List.of(Infection.HIV))))
        .isFalse();
  }
}
