package org.opentrials.portal.eligibility.answers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.opentrials.portal.eligibility.text.Message;

/**
 * A look-back period such as "2 months" or "5 years", used by criteria like "belimumab within the 2
 * months before screening".
 *
 * <h2>Boundary convention</h2>
 *
 * An event on date {@code d} is <em>within</em> the window before screening date {@code s} iff
 *
 * <pre>    d &gt;= s.minus(window)        (both ends inclusive; see {@link #contains})</pre>
 *
 * <p>so the first day of the window, {@link #start(LocalDate) s.minus(window)}, is inside it.
 * Example, screening on 2026-06-15 with "2 months": the window starts on 2026-04-15; belimumab on
 * 2026-04-14 is outside, on 2026-04-15 ("exactly 2 months ago") and on 2026-04-16 inside. For "5
 * years" the window starts on 2021-06-15, and cancer diagnosed on that day is within it.
 *
 * <p>Why inclusive: these windows are wash-out and safety periods. A dose taken exactly 2 months
 * ago has not yet had <em>more</em> than 2 months to wash out, so treating the boundary day as
 * within errs on the side of excluding; a coordinator can still make an exception.
 *
 * <p>Calendar arithmetic is {@link LocalDate#minus(long, java.time.temporal.TemporalUnit)}: months
 * and years go back to the same day of the month, clamped to the end of shorter months (1 month
 * before 2026-03-31 is 2026-02-28; 1 year before 2028-02-29 is 2027-02-28). Weeks are 7 days.
 *
 * <p>Dates after the screening date are also "within": a future date is not a valid answer (input
 * validation rejects it), and if one gets through, counting it as recent is the conservative
 * reading.
 */
public record TimeWindow(int amount, CalendarUnit unit) {

  /** Units of a look-back period. */
  public enum CalendarUnit {
    DAYS(ChronoUnit.DAYS, "day"),
    WEEKS(ChronoUnit.WEEKS, "week"),
    MONTHS(ChronoUnit.MONTHS, "month"),
    YEARS(ChronoUnit.YEARS, "year");

    private final ChronoUnit chronoUnit;
    private final String singular;

    CalendarUnit(ChronoUnit chronoUnit, String singular) {
      this.chronoUnit = chronoUnit;
      this.singular = singular;
    }

    /** "month" or "months", as written in criteria JSON. */
    public String word(int amount) {
      return amount == 1 ? singular : singular + "s";
    }

    /** Prefix of the message keys for this unit, e.g. {@code period.months}. */
    String messageKey() {
      return "period." + singular + "s";
    }
  }

  public TimeWindow {
    Objects.requireNonNull(unit, "unit");
    if (amount < 1 || amount > 1200) {
      throw new IllegalArgumentException("a time window must be 1 to 1200 units long: " + amount);
    }
  }

  public static TimeWindow days(int amount) {
    return new TimeWindow(amount, CalendarUnit.DAYS);
  }

  public static TimeWindow weeks(int amount) {
    return new TimeWindow(amount, CalendarUnit.WEEKS);
  }

  public static TimeWindow months(int amount) {
    return new TimeWindow(amount, CalendarUnit.MONTHS);
  }

  public static TimeWindow years(int amount) {
    return new TimeWindow(amount, CalendarUnit.YEARS);
  }

  /**
   * Parses the JSON form: an amount, one space, a unit ("2 months", "1 month", "5 years", "6
   * weeks", "30 days").
   *
   * @throws IllegalArgumentException if the text is not in that form
   */
  public static TimeWindow parse(String text) {
    String s = text == null ? "" : text.strip();
    int space = s.indexOf(' ');
    if (space > 0) {
      String number = s.substring(0, space);
      String word = s.substring(space + 1).strip().toLowerCase(Locale.ROOT);
      if (isDigits(number)) {
        int amount = Integer.parseInt(number);
        for (CalendarUnit u : CalendarUnit.values()) {
          if (word.equals(u.singular) || word.equals(u.singular + "s")) {
            return new TimeWindow(amount, u);
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "expected a period like \"2 months\" (days, weeks, months or years), but was \""
            + text
            + "\"");
  }

  /** The first day inside the window: {@code screeningDate.minus(this)}. */
  public LocalDate start(LocalDate screeningDate) {
    return screeningDate.minus(amount, unit.chronoUnit);
  }

  /**
   * True if an event on {@code eventDate} lies within this window before {@code screeningDate}:
   * {@code eventDate >= screeningDate.minus(this)}. See the class comment for why the boundary day
   * counts as within.
   */
  public boolean contains(LocalDate eventDate, LocalDate screeningDate) {
    return !eventDate.isBefore(start(screeningDate));
  }

  /**
   * The last screening date on which an event on {@code eventDate} still lies within this window:
   * from the day after, the rule "within 2 months" no longer applies to it. Belimumab last taken on
   * 2026-11-15 is within "2 months" up to and including 2027-01-15. Months are clamped as in {@link
   * #contains}: for an event on 2026-01-31, "1 month" lasts until 2026-02-28.
   */
  public LocalDate lastDayWithin(LocalDate eventDate) {
    LocalDate last = eventDate.plus(amount, unit.chronoUnit);
    while (!contains(eventDate, last)) {
      last = last.minusDays(1);
    }
    while (contains(eventDate, last.plusDays(1))) {
      last = last.plusDays(1);
    }
    return last;
  }

  /** "the last 2 months" / "the last month", as in "What dose did you take in the last month?". */
  public Message asLast() {
    return Message.of(unit.messageKey() + ".last", amount);
  }

  /** "the 2 months before screening", as in "within the 2 months before screening". */
  public Message asBeforeScreening() {
    return Message.of(unit.messageKey() + ".before", amount);
  }

  /** "2 months", as in "more than 2 months before screening". */
  public Message asSpan() {
    return Message.of(unit.messageKey() + ".span", amount);
  }

  /** The JSON form, e.g. "2 months". */
  @Override
  public String toString() {
    return amount + " " + unit.word(amount);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 4) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
