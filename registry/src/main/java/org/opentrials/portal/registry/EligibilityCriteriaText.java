package org.opentrials.portal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentrials.portal.domain.trial.CriterionKind;

/**
 * Splits the registry's eligibility criteria text into single inclusion and exclusion items.
 *
 * <p>The usual shape is Markdown: {@code "Inclusion Criteria:\n\n* item\n* item\n\nExclusion
 * Criteria:\n\n* item"}. Real records also use numbered or lettered lists, "-" and "•" bullets,
 * headings in bold or with extra words ("Key Inclusion Criteria for Part A:"), wrapped lines, plain
 * paragraphs, and sub-bullets. A sub-bullet belongs to the item above it (it is deeper indented, or
 * of another list style right after an item ending with a colon) and is joined to that item, so
 * that "Women must:" followed by its conditions stays one criterion a person can answer.
 */
public final class EligibilityCriteriaText {
  /** One criterion as the registry words it. */
  public record Item(CriterionKind kind, String text) {}

  /** The items in reading order, and what looked wrong. */
  public record Split(List<Item> items, List<String> warnings) {
    public Split {
      items = List.copyOf(items);
      warnings = List.copyOf(warnings);
    }

    public long count(CriterionKind kind) {
      return items.stream().filter(i -> i.kind() == kind).count();
    }
  }

  private static final Pattern HEADING =
      Pattern.compile(
          "(?i)(?:(?:key|main|general|major|specific|other)\\s+)?(inclusion|exclusion)"
              + "(?:\\s+criteria(?:\\s+(?:for|in)\\s[^:]{0,60})?)?(?:\\s*\\([^)]{0,60}\\))?\\s*(?::\\s*(.*))?");

  /**
   * "Key Inclusion/Exclusion Criteria:" and the like: a heading over both lists, not a criterion.
   */
  private static final Pattern COMBINED_HEADING =
      Pattern.compile(
          "(?i)(?:(?:key|main|general|major|summary\\s+of)\\s+)?inclusion\\s*(?:/|&|and|and/or)\\s*"
              + "exclusion(?:\\s+criteria)?\\s*:?");

  /**
   * The registry's closing notes, not criteria: "Note: Other protocol-defined Inclusion/Exclusion
   * criteria may apply." and "The information is not intended to contain all considerations
   * relevant to a patient's potential participation in a clinical trial."
   */
  private static final Pattern DISCLAIMER =
      Pattern.compile(
          "(?i)(?:note\\s*:\\s*)?(?:(?:the\\s+(?:above\\s+)?|this\\s+)?information\\s+is\\s+not\\s+intended\\s+to"
              + "\\s+contain\\s+all\\s+considerations.*"
              + "|(?:other\\s+)?(?:protocol[- ]defined\\s+|protocol[- ]specific\\s+)?(?:inclusion|exclusion)"
              + "(?:\\s*(?:/|and|&)\\s*(?:inclusion|exclusion))?\\s+criteria\\s+(?:may\\s+)?apply\\.?)");

  private static final Pattern SYMBOL_BULLET =
      Pattern.compile("([*\\-\u2022\u00b7\u25aa\u25e6\u2023\u2013+]|o(?=\\s))\\s*(.*)");
  private static final Pattern NUMBER_BULLET =
      Pattern.compile("(?:\\(?(\\d{1,3})\\)|(\\d{1,3})\\.(?=\\s))\\s*(.*)");
  private static final Pattern ROMAN_BULLET =
      Pattern.compile("(?:\\(([ivx]{1,5})\\)|([ivx]{2,5})[.)](?=\\s))\\s*(.*)");
  private static final Pattern LETTER_BULLET =
      Pattern.compile("(?:\\(([a-zA-Z])\\)|([a-zA-Z])[.)](?=\\s))\\s*(.*)");

  /** Markdown escapes ClinicalTrials.gov writes before characters such as > and <. */
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>~|=^])");

  private enum Family {
    SYMBOL,
    NUMBER,
    LOWER_LETTER,
    UPPER_LETTER,
    ROMAN
  }

  private record Bullet(Family family, String content) {}

  private EligibilityCriteriaText() {}

  public static Split split(String text) {
    return new Splitter().run(text);
  }

  private static final class Splitter {
    final List<Item> items = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    CriterionKind kind;
    boolean sawInclusion;
    boolean sawExclusion;
    boolean preamble;
    // The item being built: its text, its sub-items, and the list style and indent of its level.
    CriterionKind currentKind;
    StringBuilder current;
    List<StringBuilder> children = new ArrayList<>();
    int topIndent = -1;
    Family topFamily;

    Split run(String text) {
      if (text == null || text.isBlank()) {
        return new Split(List.of(), List.of());
      }
      boolean blankBefore = false;
      for (String raw : ESCAPE.matcher(text).replaceAll("$1").split("\\R")) {
        if (raw.isBlank()) {
          blankBefore = true;
          continue;
        }
        line(indent(raw), unemphasise(raw.strip()), blankBefore);
        blankBefore = false;
      }
      finish();
      if (!items.isEmpty() && !sawInclusion && !sawExclusion) {
        warnings.add(
            "eligibility criteria have no \"Inclusion Criteria:\" or \"Exclusion Criteria:\" heading;"
                + " all "
                + items.size()
                + " items were taken as inclusion criteria");
      } else if (preamble) {
        warnings.add(
            "eligibility criteria have text before their first heading; it was taken as inclusion criteria");
      }
      if (sawInclusion && !sawExclusion) {
        warnings.add("eligibility criteria have no exclusion criteria");
      }
      return new Split(items, warnings);
    }

    private void line(int indent, String line, boolean blankBefore) {
      if (COMBINED_HEADING.matcher(line).matches()) {
        finish();
        return;
      }
      Bullet asBullet = bullet(line);
      String content = asBullet == null ? line : asBullet.content();
      if (DISCLAIMER.matcher(content).matches()) {
        finish();
        return;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        finish();
        boolean inclusion = heading.group(1).equalsIgnoreCase("inclusion");
        kind = inclusion ? CriterionKind.INCLUSION : CriterionKind.EXCLUSION;
        sawInclusion |= inclusion;
        sawExclusion |= !inclusion;
        topIndent = -1;
        topFamily = null;
        String rest = heading.group(2);
        if (rest != null && !rest.isBlank()) {
          line(indent, rest.strip(), true);
        }
        return;
      }
      if (kind == null) {
        kind = CriterionKind.INCLUSION;
        preamble = true;
      }
      Bullet bullet = bullet(line);
      if (bullet != null) {
        if (bullet.content().isBlank()) {
          return;
        }
        if (current != null && nested(indent, bullet.family())) {
          children.add(new StringBuilder(bullet.content()));
        } else {
          start(bullet.content());
          if (topIndent < 0 || indent < topIndent) {
            topIndent = indent;
            topFamily = bullet.family();
          }
        }
      } else if (current != null && !blankBefore) {
        // A wrapped line continues whatever it follows.
        (children.isEmpty() ? current : children.get(children.size() - 1)).append(' ').append(line);
      } else if (current != null
          && endsWithColon(current)
          && children.isEmpty()
          && topFamily == null) {
        // "Patients must have:" then paragraphs: still one criterion.
        children.add(new StringBuilder(line));
      } else {
        start(line);
      }
    }

    private boolean nested(int indent, Family family) {
      if (topIndent >= 0 && indent >= topIndent + 2) {
        return true;
      }
      if (topFamily != null && family != topFamily) {
        return endsWithColon(current) || !children.isEmpty();
      }
      return false;
    }

    private void start(String text) {
      finish();
      current = new StringBuilder(text);
      currentKind = kind;
    }

    private void finish() {
      if (current == null) {
        return;
      }
      StringBuilder text = current;
      if (!children.isEmpty()) {
        text.append(' ');
        for (int i = 0; i < children.size(); i++) {
          text.append(i == 0 ? "" : "; ").append(stripEnd(children.get(i).toString()));
        }
      }
      String item = stripEnd(text.toString().replaceAll("\\s+", " "));
      if (!item.isEmpty()) {
        items.add(new Item(currentKind, item));
      }
      current = null;
      children = new ArrayList<>();
    }
  }

  private static Bullet bullet(String line) {
    Matcher m = SYMBOL_BULLET.matcher(line);
    if (m.matches()) {
      return new Bullet(Family.SYMBOL, m.group(2).strip());
    }
    m = NUMBER_BULLET.matcher(line);
    if (m.matches()) {
      return new Bullet(Family.NUMBER, m.group(3).strip());
    }
    m = ROMAN_BULLET.matcher(line);
    if (m.matches()) {
      return new Bullet(Family.ROMAN, m.group(3).strip());
    }
    m = LETTER_BULLET.matcher(line);
    if (m.matches()) {
      String letter = m.group(1) != null ? m.group(1) : m.group(2);
      return new Bullet(
          Character.isUpperCase(letter.charAt(0)) ? Family.UPPER_LETTER : Family.LOWER_LETTER,
          m.group(3).strip());
    }
    return null;
  }

  private static int indent(String raw) {
    int width = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\u00a0') {
        width++;
      } else if (c == '\t') {
        width += 4;
      } else {
        break;
      }
    }
    return width;
  }

  /** "**Inclusion Criteria:**" and "### Exclusion" are headings too. */
  private static String unemphasise(String line) {
    String s = line.replaceFirst("^#{1,6}\\s*", "");
    if (s.startsWith("**") || s.startsWith("__")) {
      s = s.replace("**", "").replace("__", "").strip();
    }
    return s;
  }

  private static boolean endsWithColon(StringBuilder text) {
    String s = text.toString().strip();
    return s.endsWith(":");
  }

  /**
   * Drops the list punctuation a criterion ends with when it is one of several: ";", ", and", "
   * or".
   */
  private static String stripEnd(String text) {
    return text.strip()
        .replaceFirst("\\s+[-\u2013]$", "")
        .replaceFirst("(?i)(\\s*;\\s*(and|or)?|,\\s*(and|or)?|\\s+(and|or))$", "")
        .strip();
  }
}
