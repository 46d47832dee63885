package org.opentrials.portal.domain.trial;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;

/** A ClinicalTrials.gov registry number: "NCT" followed by eight digits, e.g. NCT02633163. */
public record NctNumber(String value) implements Serializable, Comparable<NctNumber> {
  private static final Pattern FORMAT = Pattern.compile("NCT\\d{8}");

  public NctNumber {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not an NCT number (NCT and 8 digits): " + value);
    }
  }

  public static NctNumber of(String value) {
    return new NctNumber(value);
  }

  /** Reads what a visitor or a URL gives (case and surrounding blanks forgiven), or nothing. */
  public static Optional<NctNumber> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String candidate = text.strip().toUpperCase(java.util.Locale.ROOT);
    return FORMAT.matcher(candidate).matches()
        ? Optional.of(new NctNumber(candidate))
        : Optional.empty();
  }

  @Override
  public int compareTo(NctNumber other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
