package org.opentrials.portal.eligibility.text;

/**
 * Checks the short, stable identifiers ("slugs") used for criteria, medications, conditions and
 * question ids: lower-case ASCII letters, digits and single inner hyphens.
 *
 * <p>A hand-written check instead of a regular expression: slugs are validated whenever a value
 * object is built, including while decoding large criteria documents.
 */
public final class Slugs {
  /**
   * Longest slug accepted; long enough for "cervical-carcinoma-in-situ", short enough for a URL.
   */
  public static final int MAX_LENGTH = 60;

  private Slugs() {}

  /**
   * True if {@code value} is 1-60 characters of a-z, 0-9 and hyphens, hyphens only between others.
   */
  public static boolean isSlug(String value) {
    if (value == null) {
      return false;
    }
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      boolean innerHyphen = c == '-' && i > 0 && i < length - 1 && value.charAt(i - 1) != '-';
      if (!letterOrDigit && !innerHyphen) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code value} if it is a slug.
   *
   * @param what names the value in the error message, e.g. "medication id"
   * @throws IllegalArgumentException naming {@code what} and the bad value
   */
  public static String require(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (!isSlug(value)) {
      throw new IllegalArgumentException(
          what
              + " must be 1-"
              + MAX_LENGTH
              + " lower-case letters, digits or single hyphens between them, but was \""
              + value
              + "\"");
    }
    return value;
  }
}
