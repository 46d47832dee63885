package org.opentrials.portal.registry;

import java.time.Clock;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a title and a year out of a registry citation, which is free text in (mostly) NLM style:
 * "Gil RJ, Bil J, Dzavik V. Regular Drug-Eluting Stent vs Dedicated ... Trial. Can J Cardiol. 2015
 * May;31(5):671-8."
 */
final class Citations {
  /** Up to this length a citation without a sentence break is its own title. */
  static final int SHORT = 300;

  /** A sentence ends at ". ", "? " or "! " before a capital, a digit or a bracket. */
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.?!])\\s+(?=[\\p{Lu}\\d\\[(\"])");

  /** "Gil RJ, Bil J, van den Brande R, et al." : the author list NLM citations open with. */
  private static final Pattern AUTHORS =
      Pattern.compile(
          "(?:[\\p{L}'\u2019-]+\\s)*[\\p{L}'\u2019-]+\\s\\p{Lu}{1,3}(?:,\\s(?:(?:[\\p{L}'\u2019-]+\\s)*[\\p{L}'\u2019-]+\\s\\p{Lu}{1,3}|et al))*\\.?");

  /** The publication year after the journal: ". 2015 May;", ". 2016 Nov 20;", ". 2018;". */
  private static final Pattern YEAR = Pattern.compile("\\.\\s((?:18|19|20)\\d{2})(?=[\\s;:.,]|$)");

  private Citations() {}

  /**
   * The title: the citation's first sentence, or its second when the first is the author list; the
   * whole citation when it is short and has no sentence to take. {@code null} for no citation.
   */
  static String title(String citation) {
    if (citation == null || citation.isBlank()) {
      return null;
    }
    String[] sentences = SENTENCE_END.split(citation.strip(), 3);
    String first = sentences[0];
    if (sentences.length > 1 && first.length() < 2000 && AUTHORS.matcher(first).matches()) {
      return sentences[1];
    }
    if (sentences.length == 1 && citation.length() <= SHORT) {
      return citation.strip();
    }
    return first;
  }

  /** The publication year when the citation states one plausibly, else {@code null}. */
  static Integer year(String citation, Clock clock) {
    if (citation == null) {
      return null;
    }
    Matcher m = YEAR.matcher(citation);
    int latest = Year.now(clock).getValue() + 1;
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      if (year >= 1800 && year <= latest) {
        return year;
      }
    }
    return null;
  }
}
