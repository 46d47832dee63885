package org.opentrials.portal.admin.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Times and dates as the staff pages show them ({@code #{staffTimes.minute(e.occurredAt)}}): to the
 * minute in UTC, never the raw ISO instant; and whether a date has passed.
 */
@Named
@ApplicationScoped
public class StaffTimes {
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected StaffTimes() {}

  @Inject
  public StaffTimes(Clock clock) {
    this.clock = clock;
  }

  /** "2026-12-03 19:40 UTC". */
  public String minute(Instant at) {
    return at == null ? "" : Times.minuteUtc(at) + " UTC";
  }

  /** The machine-readable form for {@code <time datetime>}: to the second, as HTML accepts it. */
  public String iso(Instant at) {
    return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** Whether {@code date} is before today (UTC): a "by" date that has passed. */
  public boolean past(LocalDate date) {
    return date != null && date.isBefore(LocalDate.now(clock));
  }
}
