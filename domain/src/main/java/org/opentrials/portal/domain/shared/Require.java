package org.opentrials.portal.domain.shared;

/**
 * Argument checks that aggregates use to keep their invariants; messages name the offending field.
 */
public final class Require {
  private Require() {}

  public static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return optionalText(value, field, maxLength);
  }

  public static String optionalText(String value, String field, int maxLength) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > maxLength) {
      throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
    }
    return trimmed;
  }

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  public static Integer nonNegative(Integer value, String field) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(field + " must not be negative");
    }
    return value;
  }
}
