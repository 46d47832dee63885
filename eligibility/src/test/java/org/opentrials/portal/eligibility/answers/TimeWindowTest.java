package org.opentrials.portal.eligibility.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowTest {
  static final LocalDate SCREENING = LocalDate.of(2026, 6, 15);

  @ParameterizedTest(name = "{0} within 2 months of 2026-06-15: {1}")
  @CsvSource({
    "2026-04-14, false", // day before the first day of the window
    "2026-04-15, true", // exactly 2 months before: the window's first day, inclusive
    "2026-04-16, true",
    "2026-06-15, true", // the screening day itself
    "2026-06-16, true" // future dates count as within (conservative; validation rejects them)
  })
  void twoMonths(LocalDate event, boolean within) {
    assertThat(TimeWindow.months(2).contains(event, SCREENING)).isEqualTo(within);
  }

  @ParameterizedTest(name = "{0} within 5 years of 2026-06-15: {1}")
  @CsvSource({"2021-06-14, false", "2021-06-15, true", "2021-06-16, true"})
  void fiveYears(LocalDate event, boolean within) {
    assertThat(TimeWindow.years(5).contains(event, SCREENING)).isEqualTo(within);
  }

  @Test
  void monthsClampToShorterMonths() {
    // One month before 31 March is 28 February (2026 is not a leap year).
    assertThat(TimeWindow.months(1).start(LocalDate.of(2026, 3, 31)))
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(TimeWindow.months(1).contains(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 31)))
        .isFalse();
    assertThat(TimeWindow.months(1).contains(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31)))
        .isTrue();
    // One year before a leap day is 28 February.
    assertThat(TimeWindow.years(1).start(LocalDate.of(2028, 2, 29)))
        .isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void weeksAndDays() {
    assertThat(TimeWindow.weeks(6).start(SCREENING)).isEqualTo(LocalDate.of(2026, 5, 4));
    assertThat(TimeWindow.days(30).start(SCREENING)).isEqualTo(LocalDate.of(2026, 5, 16));
  }

  @ParameterizedTest
  @CsvSource({
    "2 months, 2 months",
    "1 month, 1 month",
    "5 years, 5 years",
    "1 years, 1 year",
    "6 Weeks, 6 weeks",
    "  30 days , 30 days"
  })
  void parsesAndPrints(String text, String printed) {
    assertThat(TimeWindow.parse(text).toString()).isEqualTo(printed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "2", "months", "2 moons", "-2 months", "two months", "0 days", "2.5 months"})
  void rejectsBadPeriods(String text) {
    assertThatThrownBy(() -> TimeWindow.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
