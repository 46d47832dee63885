package org.opentrials.portal.admin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times on staff pages to the minute; a places date that has passed is flagged. */
class StaffTimesTest {
  private final StaffTimes times =
      new StaffTimes(Clock.fixed(Instant.parse("2026-12-03T19:40:33.901070Z"), ZoneOffset.UTC));

  @Test
  void anInstantReadsToTheMinuteAndToTheSecondForMachines() {
    Instant at = Instant.parse("2026-12-03T19:40:33.901070Z");
    assertThat(times.minute(at)).isEqualTo("2026-12-03 19:40 UTC");
    assertThat(times.iso(at)).isEqualTo("2026-12-03T19:40:33Z");
    assertThat(times.minute(null)).isEmpty();
  }

  @Test
  void onlyADateBeforeTodayHasPassed() {
    assertThat(times.past(LocalDate.of(2025, 8, 31))).isTrue();
    assertThat(times.past(LocalDate.of(2026, 12, 3))).isFalse();
    assertThat(times.past(null)).isFalse();
  }
}
