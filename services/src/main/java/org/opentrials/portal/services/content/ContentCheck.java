package org.opentrials.portal.services.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentrials.portal.domain.trial.ContentFields;
import org.opentrials.portal.domain.trial.TrialContent;

/**
 * Warns before publishing public text that makes claims the FDA's guidance "Recruiting Study
 * Subjects" advises against in material for prospective participants: calling the product safe or
 * effective (or better than another), "new treatment" without saying it is investigational, "free"
 * treatment, and emphasis on payment. It warns; people decide. Safety summaries are reported
 * results with their dates, so only the texts written to recruit are checked.
 */
public final class ContentCheck {
  /** What the guidance advises against; the admin bundle explains each (contentCheck.KIND). */
  public enum Kind {
    SAFE_CLAIM,
    EFFECTIVE_CLAIM,
    NEW_WITHOUT_INVESTIGATIONAL,
    FREE_TREATMENT,
    PAYMENT_EMPHASIS
  }

  /** One warning: which field, which words, and why. */
  public record Warning(String field, Kind kind, String phrase) {}

  private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern SAFE =
      Pattern.compile(
          "\\b(?:(?:is|are|be|proven|completely|totally|perfectly|very|100%)\\s+safe(?:r)?\\b"
              + "|safe\\s+and\\s+(?:effective|well[- ]tolerated)|no\\s+(?:side\\s+effects|risks?)\\b|risk[- ]free"
              + "|without\\s+(?:any\\s+)?(?:side\\s+effects|risks?))",
          I);
  private static final Pattern EFFECTIVE =
      Pattern.compile(
          "\\b(?:(?:is|are|proven|highly|very|clinically)\\s+effective|(?:will|can)\\s+(?:cure|heal)|cures?\\s+(?:lupus|your)"
              + "|breakthrough|miracle|(?:better|more\\s+effective)\\s+than|superior\\s+to|guaranteed?)\\b",
          I);
  private static final Pattern NEW_TREATMENT =
      Pattern.compile(
          "\\bnew\\s+(?:treatments?|medications?|medicines?|drugs?|therap(?:y|ies)|cure)\\b", I);
  private static final Pattern INVESTIGATIONAL =
      Pattern.compile(
          "\\b(?:investigational|experimental|being\\s+(?:studied|tested)|not\\s+(?:yet\\s+)?approved|under\\s+study)\\b",
          I);
  private static final Pattern FREE =
      Pattern.compile(
          "\\bfree\\s+(?:of\\s+charge\\s+)?(?:medical\\s+)?(?:treatments?|care|medications?|medicines?|drugs?|therap(?:y|ies)|doctor)"
              + "|\\b(?:treatments?|care|medications?|drugs?)\\s+(?:for|at)\\s+(?:free|no\\s+cost)\\b",
          I);
  private static final Pattern PAYMENT =
      Pattern.compile(
          "\\b(?:earn|cash|get\\s+paid|make\\s+money|paid\\s+up\\s+to)\\b|\\$\\s?\\d[\\d,]*(?:\\.\\d+)?\\s*!|\\bup\\s+to\\s+\\$\\s?\\d",
          I);
  private static final Pattern SHOUTED_PAYMENT =
      Pattern.compile("\\b(?:PAID|PAYMENT|COMPENSATION|MONEY|CASH)\\b");

  private ContentCheck() {}

  public static List<Warning> check(TrialContent content) {
    List<Warning> warnings = new ArrayList<>();
    for (Map.Entry<String, String> field : ContentFields.of(content).entrySet()) {
      String name = field.getKey();
      String text = field.getValue();
      if (text == null || !recruiting(name)) {
        continue;
      }
      claim(SAFE, text).ifPresent(p -> warnings.add(new Warning(name, Kind.SAFE_CLAIM, p)));
      claim(EFFECTIVE, text)
          .ifPresent(p -> warnings.add(new Warning(name, Kind.EFFECTIVE_CLAIM, p)));
      if (!INVESTIGATIONAL.matcher(text).find()) {
        find(NEW_TREATMENT, text)
            .ifPresent(p -> warnings.add(new Warning(name, Kind.NEW_WITHOUT_INVESTIGATIONAL, p)));
      }
      find(FREE, text).ifPresent(p -> warnings.add(new Warning(name, Kind.FREE_TREATMENT, p)));
      Matcher shouted = SHOUTED_PAYMENT.matcher(text);
      if (shouted.find()) {
        warnings.add(new Warning(name, Kind.PAYMENT_EMPHASIS, shouted.group()));
      } else {
        find(PAYMENT, text)
            .ifPresent(p -> warnings.add(new Warning(name, Kind.PAYMENT_EMPHASIS, p)));
      }
    }
    return List.copyOf(warnings);
  }

  /** The texts written to recruit: everything but reported safety results, references and rules. */
  private static boolean recruiting(String field) {
    return !field.startsWith("safetySummaries")
        && !field.startsWith("references")
        && !field.equals("criteriaRules")
        && !field.startsWith("approvals");
  }

  /**
   * A match that states something, not one inside a question the study asks ("tests whether the
   * cells are safe", "to learn if it works better than placebo"): the sentence before it is
   * checked.
   */
  private static java.util.Optional<String> claim(Pattern p, String text) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int sentenceStart =
          Math.max(
                  Math.max(text.lastIndexOf('.', m.start()), text.lastIndexOf('!', m.start())),
                  text.lastIndexOf('?', m.start()))
              + 1;
      int sentenceEnd = text.indexOf('?', m.end());
      boolean question = sentenceEnd >= 0 && text.substring(m.end(), sentenceEnd).indexOf('.') < 0;
      if (!question && !ASKING.matcher(text.substring(sentenceStart, m.start())).find()) {
        return java.util.Optional.of(m.group());
      }
    }
    return java.util.Optional.empty();
  }

  private static final Pattern ASKING =
      Pattern.compile(
          "\\b(?:whether|if|how|learn|find\\s+out|to\\s+see|to\\s+test|to\\s+check)\\b", I);

  private static java.util.Optional<String> find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
  }
}
