package org.opentrials.portal.domain.trial;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimum or maximum age as ClinicalTrials.gov writes it ("18 Years", "6 Months"), kept as a
 * number and a unit so that it can be compared with a person's age.
 */
public record AgeLimit(int amount, Unit unit) implements Serializable {
  private static final Pattern FORMAT =
      Pattern.compile(
          "(\\d{1,3})\\s+(year|month|week|day|hour|minute)s?", Pattern.CASE_INSENSITIVE);

  /** Units used by the registry for ages. */
  public enum Unit {
    YEARS,
    MONTHS,
    WEEKS,
    DAYS,
    HOURS,
    MINUTES
  }

  public AgeLimit {
    if (amount < 0 || amount > 150) {
      throw new IllegalArgumentException("age out of range: " + amount);
    }
    if (unit == null) {
      throw new IllegalArgumentException("age unit is required");
    }
  }

  public static AgeLimit years(int years) {
    return new AgeLimit(years, Unit.YEARS);
  }

  /** Reads the registry's form, e.g. "18 Years" or "65 years". */
  public static AgeLimit parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("not an age such as '18 Years': " + text);
    }
    Unit unit = Unit.valueOf(m.group(2).toUpperCase(Locale.ROOT) + "S");
    return new AgeLimit(Integer.parseInt(m.group(1)), unit);
  }

  /** The age in whole years, rounding a smaller unit down (6 Months is 0 years). */
  public int wholeYears() {
    return switch (unit) {
      case YEARS -> amount;
      case MONTHS -> amount / 12;
      case WEEKS -> amount / 52;
      case DAYS -> amount / 365;
      case HOURS, MINUTES -> 0;
    };
  }

  /** The registry's form: "18 Years". */
  public String registryText() {
    String name = unit.name().charAt(0) + unit.name().substring(1).toLowerCase(Locale.ROOT);
    return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
  }

  @Override
  public String toString() {
    return registryText();
  }
}
