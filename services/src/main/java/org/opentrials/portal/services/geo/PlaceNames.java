package org.opentrials.portal.services.geo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalisation of place names, so that what a visitor types meets what the data spells.
 *
 * <p>A name is lower-cased, its accents are removed ("Añasco" → "anasco"), it is cut into words at
 * anything that is not an ASCII letter or digit (spaces, dots, commas, hyphens, apostrophes), the
 * usual abbreviations St, Ste, Mt and Ft become Saint, Sainte, Mount and Fort, and the {@linkplain
 * #key key} is the words glued together. So "St. Louis" = "Saint Louis", "McLean" = "Mc Lean",
 * "Winston-Salem" = "Winston Salem", "Lee's Summit" = "Lees Summit", "Coeur d'Alene" = "Coeur D
 * Alene" and " PALO alto " = "Palo Alto".
 */
final class PlaceNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Map<String, String> ABBREVIATIONS =
      Map.of("st", "saint", "ste", "sainte", "mt", "mount", "ft", "fort");

  private PlaceNames() {}

  /** The normalised words of a name; empty for {@code null} or a blank name. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>(4);
    if (name == null) {
      return words;
    }
    String text = isAscii(name) ? name : foldAccents(name);
    StringBuilder word = new StringBuilder(16);
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        word.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        word.append((char) (c + ('a' - 'A')));
      } else if (word.length() > 0) {
        String w = word.toString();
        words.add(ABBREVIATIONS.getOrDefault(w, w));
        word.setLength(0);
      }
    }
    return words;
  }

  /**
   * The key under which a name is looked up: its normalised words glued together. (Same result as
   * joining {@link #words}, in one pass, as it runs for every name of the data set at load time.)
   */
  static String key(String name) {
    if (name == null) {
      return "";
    }
    String text = isAscii(name) ? name : foldAccents(name);
    int n = text.length();
    // Expansions add at most 3 characters to each word of 2 or 3 characters.
    char[] key = new char[n + n + 4];
    int length = 0;
    int wordStart = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        key[length++] = c;
      } else if (c >= 'A' && c <= 'Z') {
        key[length++] = (char) (c + ('a' - 'A'));
      } else if (length > wordStart) {
        length = expandAbbreviation(key, wordStart, length);
        wordStart = length;
      }
    }
    return new String(key, 0, length);
  }

  /**
   * Replaces the word {@code key[start..end)} by its expansion if it is St, Ste, Mt or Ft; returns
   * the new end.
   */
  private static int expandAbbreviation(char[] key, int start, int end) {
    String expansion = null;
    if (end - start == 2 && key[start + 1] == 't') {
      char first = key[start];
      expansion = first == 's' ? "saint" : first == 'm' ? "mount" : first == 'f' ? "fort" : null;
    } else if (end - start == 3
        && key[start] == 's'
        && key[start + 1] == 't'
        && key[start + 2] == 'e') {
      expansion = "sainte";
    }
    if (expansion == null) {
      return end;
    }
    expansion.getChars(0, expansion.length(), key, start);
    return start + expansion.length();
  }

  /** The key of words {@code from} (inclusive) to {@code to} (exclusive). */
  static String key(List<String> words, int from, int to) {
    return String.join("", words.subList(from, to));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Compatibility decomposition (also folds full-width letters) without the combining marks. */
  private static String foldAccents(String s) {
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
  }
}
