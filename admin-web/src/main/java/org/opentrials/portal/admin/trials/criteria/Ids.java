package org.opentrials.portal.admin.trials.criteria;

import java.text.Normalizer;
import java.util.Locale;
import org.opentrials.portal.eligibility.text.Slugs;

/**
 * The short names ("slugs") that key criteria and shared questions: checked when a sponsor types
 * one, made from the English label when they leave it empty ("Belimumab (Benlysta)" becomes
 * "belimumab-benlysta").
 */
final class Ids {
  private Ids() {}

  /**
   * The id typed, or one made from {@code english}; {@code null} with an error on {@code field}
   * when neither gives one.
   */
  static String require(String typed, TextForm label, Errors errors, String field) {
    return require(typed, label.hasEnglish() ? label.getEn() : null, errors, field);
  }

  static String require(String typed, String english, Errors errors, String field) {
    if (!TextForm.isBlank(typed)) {
      String id = typed.strip();
      if (!Slugs.isSlug(id)) {
        errors.add(field, "criteriaEdit.invalid.slug", Slugs.MAX_LENGTH);
        return null;
      }
      return id;
    }
    String made = english == null ? "" : slugOf(english);
    if (made.isEmpty()) {
      errors.add(field, "criteriaEdit.invalid.idMissing");
      return null;
    }
    return made;
  }

  /**
   * Lower-case ASCII letters and digits of the text, words joined by single hyphens, at most 60.
   */
  static String slugOf(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (String word : plain.split("[^a-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      int needed = (out.length() == 0 ? 0 : 1) + word.length();
      if (out.length() + needed > Slugs.MAX_LENGTH) {
        break;
      }
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(word);
    }
    return out.toString();
  }
}
