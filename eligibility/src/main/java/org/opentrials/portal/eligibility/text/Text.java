package org.opentrials.portal.eligibility.text;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Text written by a sponsor (a criterion's wording, a medication's label), in one or more languages
 * keyed by ISO 639 language code ("en", "es").
 *
 * <p>Sponsor text does not come from the resource bundle because it is content, not interface: it
 * is edited through forms and stored with the criteria. English ({@value #DEFAULT_LANGUAGE}) is the
 * fallback when the visitor's language is missing.
 */
public record Text(Map<String, String> byLanguage) {
  public static final String DEFAULT_LANGUAGE = "en";

  public Text {
    Objects.requireNonNull(byLanguage, "byLanguage");
    if (byLanguage.isEmpty()) {
      throw new IllegalArgumentException("text needs at least one language");
    }
    // Sorted so that equal texts encode to identical JSON.
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : byLanguage.entrySet()) {
      String language = e.getKey();
      String value = e.getValue();
      if (!isLanguageCode(language)) {
        throw new IllegalArgumentException(
            "text language must be a 2-3 letter lower-case ISO 639 code, but was \""
                + language
                + "\"");
      }
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("text in \"" + language + "\" is blank");
      }
      copy.put(language, value.strip());
    }
    byLanguage = Collections.unmodifiableMap(copy);
  }

  /** English text. */
  public static Text of(String english) {
    return new Text(Map.of(DEFAULT_LANGUAGE, english == null ? "" : english));
  }

  /** English and Spanish text. */
  public static Text of(String english, String spanish) {
    return new Text(Map.of(DEFAULT_LANGUAGE, english, "es", spanish));
  }

  /** This text plus a translation. */
  public Text with(String language, String value) {
    TreeMap<String, String> copy = new TreeMap<>(byLanguage);
    copy.put(language, value);
    return new Text(copy);
  }

  /** The text in the locale's language, else English, else the first language stored. */
  public String in(Locale locale) {
    String exact = byLanguage.get(locale.getLanguage());
    if (exact != null) {
      return exact;
    }
    return defaultText();
  }

  /** The English text, or the first language stored when there is no English. */
  public String defaultText() {
    String english = byLanguage.get(DEFAULT_LANGUAGE);
    return english != null ? english : byLanguage.values().iterator().next();
  }

  @Override
  public String toString() {
    return defaultText();
  }

  private static boolean isLanguageCode(String s) {
    if (s == null || s.length() < 2 || s.length() > 3) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
