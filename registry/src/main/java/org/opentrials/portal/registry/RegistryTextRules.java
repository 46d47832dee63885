package org.opentrials.portal.registry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.text.Text;

/**
 * The rule a single registry criterion states, when its wording is one of a few unambiguous
 * patterns: the same rule kinds sponsor staff choose by hand (see the demo trial's criteria), so
 * the visitor is asked the same shared question ("Are you pregnant or breastfeeding?", "Have you
 * ever tested positive for HIV?", "When were you last diagnosed with or treated for cancer?", "When
 * did you last take rituximab?").
 *
 * <p>What is structured, as an exclusion (an inclusion only in the negated form "Not pregnant or
 * breastfeeding"):
 *
 * <ul>
 *   <li>{@link Pattern#PREGNANCY}: pregnant (or pregnancy) <em>and</em> breastfeeding (lactating,
 *       nursing) named together, since the one question asks both; "pregnancy" alone is left to the
 *       study team (a breastfeeding visitor would answer yes). A trailing "or plan to become
 *       pregnant ..." cannot be asked: it stays with the study team inside the rule (pregnant or
 *       breastfeeding rules out; "no" leaves the criterion for the study team, never "meets").
 *   <li>{@link Pattern#INFECTION}: HIV, hepatitis B, hepatitis C, tuberculosis, listed alone or
 *       together ("Evidence of infection with human immunodeficiency virus, hepatitis B or
 *       hepatitis C"); hepatitis and tuberculosis, which can clear, only as a history, evidence of
 *       infection or a positive test; not "active", "latent", "chronic", "at risk of", test names
 *       (antigen, RNA).
 *   <li>{@link Pattern#CANCER_WITHIN}: malignancy or cancer within N years, with exceptions only
 *       when each is a kind the "Which kind was it?" question offers (basal cell or squamous cell
 *       skin cancer, cervical carcinoma in situ); not "other malignancy", and not at all in a trial
 *       whose own inclusion criteria speak of cancer (there the study's cancer is not meant).
 *   <li>{@link Pattern#MEDICATION_WITHIN}: one named biologic or kinase inhibitor (an INN ending in
 *       -mab, -cept or -nib, the same word in Spanish) or a live vaccine, within N days, weeks,
 *       months or years: the window is the rule's, so the visitor can be told when it stops
 *       applying.
 * </ul>
 *
 * <p>Anything else stays in the registry's words for the study team: "unless", "except" (outside
 * the cancer kinds), the investigator's judgement, several conditions that one question cannot ask.
 */
public final class RegistryTextRules {

  /** The kinds of sentence structured. */
  public enum Pattern {
    PREGNANCY,
    INFECTION,
    CANCER_WITHIN,
    MEDICATION_WITHIN
  }

  /** A structured criterion: which pattern, and the rule as the protocol states it. */
  public record Parsed(Pattern pattern, Rule rule) {}

  /** The condition of the cancer rule, shared with the demo trial's hand-made criterion. */
  static final Condition CANCER = new Condition("cancer", Text.of("cancer", "cáncer"));

  static final Subtype BASAL_CELL =
      new Subtype(
          "basal-cell-carcinoma",
          Text.of("basal cell carcinoma of the skin", "carcinoma basocelular de piel"));
  static final Subtype SQUAMOUS_CELL_SKIN =
      new Subtype(
          "squamous-cell-skin",
          Text.of(
              "squamous cell carcinoma of the skin", "carcinoma epidermoide (escamoso) de piel"));
  static final Subtype CERVICAL_IN_SITU =
      new Subtype(
          "cervical-carcinoma-in-situ",
          Text.of(
              "cervical carcinoma in situ (pre-cancer of the cervix)",
              "carcinoma in situ de cuello uterino (lesión precancerosa)"));

  static final Medication LIVE_VACCINE =
      new Medication(
          "live-vaccine",
          Text.of(
              "a live vaccine (such as measles-mumps-rubella (MMR), chickenpox, yellow fever or"
                  + " the nasal flu vaccine)",
              "una vacuna de microorganismos vivos (como la triple vírica, la de la varicela, la"
                  + " de la fiebre amarilla o la antigripal nasal)"));

  /** The part of a pregnancy criterion the portal does not ask about. */
  static final Text PLANNED_PREGNANCY =
      Text.of(
          "the portal does not ask whether you plan to become pregnant.",
          "el portal no pregunta si tiene previsto quedarse embarazada.");

  private static final String NUMBER =
      "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
  private static final String LOOK_BACK =
      "(?:within|in|during) (?:the )?(?:last |past |previous |prior |preceding )?";

  /** The reference day after a window: screening, enrolment, the first dose, baseline... */
  private static final String REFERENCE =
      "(?:,? (?:prior to|before|of|preceding) (?:the )?(?:screening(?: visit)?|enrol?lment|"
          + "randomi[sz]ation|study entry|study enrol?lment|baseline(?: visit)?|study start|"
          + "start of (?:the )?study(?: treatment)?|signing (?:the )?informed consent|"
          + "informed consent|day 1|first dose(?: of (?:the )?(?:study|investigational)"
          + " (?:drug|treatment|product|medication))?|(?:the )?first administration of study"
          + " (?:drug|treatment)))?";

  private static final String SUBJECT_NOUN =
      "(?:(?:female |male )?(?:subjects?|patients?|participants?|individuals?|volunteers?|"
          + "persons?|people|women|woman|females?|mothers?))";
  private static final String SUBJECT = "(?:" + SUBJECT_NOUN + " )";

  /** Words that make any sentence more than one plain condition. */
  private static final java.util.regex.Pattern HEDGED =
      java.util.regex.Pattern.compile(
          "\\b(?:unless|except|excluding|other than|exception|investigator|investigator's|"
              + "judge?ment|opinion|discretion|considered|deemed|may|might|if|should|suspected|"
              + "e\\.g|i\\.e|such as|including|clinically significant|significant)\\b");

  // --- pregnancy -------------------------------------------------------------------------------

  private static final java.util.regex.Pattern PREGNANCY_LEAD =
      java.util.regex.Pattern.compile(
          "^(?:" + SUBJECT + "(?:who|that) (?:are|is) |currently |being )?(not )?(.*)$");
  private static final java.util.regex.Pattern PLANS =
      java.util.regex.Pattern.compile(
          "(?:,? (?:or|and/or) |, )(?:who )?(?:are )?(?:plan(?:s|ning)?|intend(?:s|ing)?|"
              + "anticipat(?:e|es|ing)|wish(?:es|ing)?|want(?:s|ing)?|expect(?:s|ing)?) "
              + "(?:to become pregnant|to get pregnant|to conceive|a pregnancy|pregnancy|"
              + "to be pregnant)\\b.*$");
  private static final java.util.regex.Pattern PREGNANCY_WORD =
      java.util.regex.Pattern.compile(
          "(?:currently )?(pregnant|pregnancy|breast[- ]?feeding|lactating|lactation|nursing)"
              + "(?: "
              + SUBJECT_NOUN
              + ")?");
  private static final java.util.regex.Pattern LIST_SEPARATOR =
      java.util.regex.Pattern.compile(
          "\\s*(?:,\\s*(?:or |and/or |and )?|\\bor\\b|\\band/or\\b|/)\\s*");

  // --- infections ------------------------------------------------------------------------------

  private static final java.util.regex.Pattern INFECTION_HEDGED =
      java.util.regex.Pattern.compile(
          "\\b(?:active|latent|chronic|acute|untreated|uncontrolled|risk|exposure|exposed|"
              + "antigen|antigens|rna|dna|viral load|vaccin\\w*|treated|cured|resolved|"
              + "serolog\\w*|reactive|co-?infection|history of treatment)\\b");
  private static final java.util.regex.Pattern INFECTION_LEAD =
      java.util.regex.Pattern.compile(
          "^(?:"
              + SUBJECT
              + "(?:with |who (?:are|is|have|has) (?:tested )?)|(?:have|has) )?"
              + "(?:a )?(?:known |documented |confirmed |prior |previous |any )?"
              + "(?:(history|evidence|diagnosis|presence) of )?"
              + "(?:(?:an )?infection with |((?:a )?positive (?:test |testing |result )?(?:for )?|"
              + "(?:known )?seropositiv(?:e|ity) for )|known )?"
              + "(.*?)"
              + "(?: (?:infection|infections|(positive|positivity|seropositivity)|disease))?$");
  private static final java.util.regex.Pattern HEPATITIS_B_OR_C =
      java.util.regex.Pattern.compile("hepatitis b,? (?:or|and/or|and) c\\b");

  // --- cancer ----------------------------------------------------------------------------------

  private static final java.util.regex.Pattern CANCER_HEDGED =
      java.util.regex.Pattern.compile(
          "\\b(?:other|another|second|secondary|additional|concurrent|concomitant|unless|"
              + "investigator|judge?ment|opinion|discretion|considered|deemed|may|might|if|"
              + "suspected|adequately|curatively|successfully|completely|treated with|"
              + "low[- ]risk|non-?melanoma|prostate|breast|ductal|superficial|localized|"
              + "e\\.g|i\\.e|such as|including)\\b");
  private static final java.util.regex.Pattern CANCER_SENTENCE =
      java.util.regex.Pattern.compile(
          "^(?:"
              + SUBJECT
              + "with )?(?:a )?(?:known |prior |previous |personal )?"
              + "(?:(?:history|diagnosis|presence|evidence) of )?(?:a |an |any )?"
              + "(?:malignancy|malignancies|cancer|malignant disease|malignant neoplasm|"
              + "malignant tumou?r|invasive cancer)"
              + "(?: (?:diagnosed|treated|diagnosed or treated|diagnosed and/or treated))?"
              + " "
              + LOOK_BACK
              + NUMBER
              + " years?"
              + REFERENCE
              + "(?:,? (?:except|excluding|other than|with the exception of|except for) (.+))?$");
  private static final java.util.regex.Pattern BASAL_AND_SQUAMOUS =
      java.util.regex.Pattern.compile(
          "basal(?: cell)?,? (?:or|and|and/or) squamous cell (?:carcinoma|cancer|skin cancer)"
              + "(?: of (?:the )?skin)?s?");

  private static final java.util.regex.Pattern CANCER_WORD =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:cancer|carcinoma|malignan\\w*|tumou?rs?|neoplasm\\w*|lymphoma|leuka?emia|"
              + "myeloma|sarcoma|melanoma|metasta\\w*|oncolog\\w*|glioma|blastoma)\\b");

  // --- medication ------------------------------------------------------------------------------

  private static final java.util.regex.Pattern MEDICATION =
      java.util.regex.Pattern.compile(
          "^(?:"
              + SUBJECT
              + "who (?:have |has )?)?(?:have |has |having )?"
              + "(?:(?:prior |previous )?(?:received|receipt of|use of|used|treatment with|"
              + "treated with|therapy with|exposure to|administration of|taken|took|"
              + "vaccination with|had) )?"
              + "(?:(?:a |an |any )?((?:live|live attenuated|live virus|live-attenuated)"
              + " (?:vaccines?|vaccinations?))|([a-z]{3,}(?:mab|cept|nib))"
              + "(?: \\(([a-z][a-z0-9®™ -]{1,30})\\))?(?: (?:treatment|therapy|use))?)"
              + " "
              + LOOK_BACK
              + NUMBER
              + " (days?|weeks?|months?|years?)"
              + REFERENCE
              + "$",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private RegistryTextRules() {}

  /**
   * The rule one criterion states, if it is one of the patterns.
   *
   * @param cancerTrial whether the trial's own inclusion criteria speak of cancer: then a
   *     "malignancy within N years" exclusion means a cancer other than the one studied, which the
   *     shared cancer question cannot tell apart, and it is not structured
   */
  public static Optional<Parsed> parse(CriterionKind kind, String sentence, boolean cancerTrial) {
    if (sentence == null || sentence.isBlank() || sentence.length() > 300) {
      return Optional.empty();
    }
    String s = normalise(sentence);
    Optional<Parsed> cancer =
        cancerTrial || kind != CriterionKind.EXCLUSION ? Optional.empty() : cancer(s);
    if (cancer.isPresent()) {
      return cancer;
    }
    if (HEDGED.matcher(s).find()) {
      return Optional.empty();
    }
    Optional<Parsed> pregnancy = pregnancy(kind, s);
    if (pregnancy.isPresent()) {
      return pregnancy;
    }
    if (kind != CriterionKind.EXCLUSION) {
      return Optional.empty();
    }
    Optional<Parsed> infection = infection(s);
    return infection.isPresent() ? infection : medication(cased(sentence));
  }

  /**
   * Whether inclusion criteria speak of a cancer: the trial studies one, so its exclusions of
   * "malignancy" mean another one.
   */
  public static boolean speaksOfCancer(String inclusionText) {
    return CANCER_WORD.matcher(inclusionText).find();
  }

  private static String normalise(String sentence) {
    return cased(sentence).toLowerCase(Locale.ROOT);
  }

  /** Blanks collapsed and the closing punctuation dropped; capitals kept (brand names). */
  private static String cased(String sentence) {
    return sentence
        .replace('\u2019', '\'')
        .replace('\u2013', '-')
        .replaceAll("\\s+", " ")
        .replaceAll("[\\s.;:,]+$", "")
        .strip();
  }

  private static Optional<Parsed> pregnancy(CriterionKind kind, String s) {
    Matcher lead = PREGNANCY_LEAD.matcher(s);
    if (!lead.matches()) {
      return Optional.empty();
    }
    boolean negated = lead.group(1) != null;
    String body = lead.group(2);
    Matcher plans = PLANS.matcher(body);
    boolean planned = plans.find();
    if (planned) {
      body = body.substring(0, plans.start());
    }
    boolean pregnant = false;
    boolean breastfeeding = false;
    for (String alternative : LIST_SEPARATOR.split(body, -1)) {
      Matcher m = PREGNANCY_WORD.matcher(alternative.strip());
      if (!m.matches()) {
        return Optional.empty();
      }
      if (m.group(1).startsWith("pregnan")) {
        pregnant = true;
      } else {
        breastfeeding = true;
      }
    }
    if (!pregnant || !breastfeeding) {
      return Optional.empty();
    }
    Rule rule = new PregnancyOrBreastfeeding(false);
    if (kind == CriterionKind.EXCLUSION && !negated) {
      return Optional.of(
          new Parsed(
              Pattern.PREGNANCY,
              planned ? Rule.any(rule, new CoordinatorCheck(PLANNED_PREGNANCY)) : rule));
    }
    if (kind == CriterionKind.INCLUSION && negated && !planned) {
      return Optional.of(new Parsed(Pattern.PREGNANCY, Rule.not(rule)));
    }
    return Optional.empty();
  }

  private static Optional<Parsed> infection(String s) {
    if (INFECTION_HEDGED.matcher(s).find()) {
      return Optional.empty();
    }
    Matcher m = INFECTION_LEAD.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    // HIV stays for life; hepatitis B and C can clear and tuberculosis be cured, so for them only
    // a history, evidence of infection or a positive test is what "Have you ever tested positive"
    // asks.
    boolean ever =
        "history".equals(m.group(1))
            || "evidence".equals(m.group(1))
            || m.group(2) != null
            || m.group(4) != null;
    String list = HEPATITIS_B_OR_C.matcher(m.group(3)).replaceAll("hepatitis b, hepatitis c");
    Set<Infection> found = EnumSet.noneOf(Infection.class);
    List<Infection> inOrder = new ArrayList<>();
    for (String name :
        list.split("\\s*(?:,\\s*(?:or |and/or |and )?|\\bor\\b|\\band/or\\b|\\band\\b)\\s*", -1)) {
      Infection infection = infectionNamed(name.strip());
      if (infection == null) {
        return Optional.empty();
      }
      if (infection != Infection.HIV && !ever) {
        return Optional.empty();
      }
      if (found.add(infection)) {
        inOrder.add(infection);
      }
    }
    return inOrder.isEmpty()
        ? Optional.empty()
        : Optional.of(new Parsed(Pattern.INFECTION, new PositiveTest(inOrder)));
  }

  private static Infection infectionNamed(String name) {
    String n = name.replaceAll(" (?:infection|infections)$", "");
    if (n.matches(
        "hiv(?:-?1)?(?:/aids)?(?: \\(human immunodeficiency virus\\))?|"
            + "human immunodeficiency virus(?: \\(hiv(?:-1)?\\))?|aids")) {
      return Infection.HIV;
    }
    if (n.matches("hepatitis b(?: virus)?(?: \\(hbv\\))?|hbv")) {
      return Infection.HEPATITIS_B;
    }
    if (n.matches("hepatitis c(?: virus)?(?: \\(hcv\\))?|hcv")) {
      return Infection.HEPATITIS_C;
    }
    if (n.matches("tuberculosis(?: \\(tb\\))?|tb")) {
      return Infection.TUBERCULOSIS;
    }
    return null;
  }

  private static Optional<Parsed> cancer(String s) {
    if (CANCER_HEDGED.matcher(s).find()) {
      return Optional.empty();
    }
    Matcher m = CANCER_SENTENCE.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    int years = number(m.group(1));
    List<Subtype> except = new ArrayList<>();
    if (m.group(2) != null) {
      String list =
          BASAL_AND_SQUAMOUS
              .matcher(m.group(2))
              .replaceAll("basal cell carcinoma of the skin, squamous cell carcinoma of the skin");
      for (String kind :
          list.split(
              "\\s*(?:,\\s*(?:or |and/or |and )?|\\bor\\b|\\band/or\\b|\\band\\b)\\s*", -1)) {
        Subtype subtype = subtype(kind.strip());
        if (subtype == null) {
          return Optional.empty();
        }
        if (!except.contains(subtype)) {
          except.add(subtype);
        }
      }
    }
    if (years < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new Parsed(
            Pattern.CANCER_WITHIN, new ConditionWithin(CANCER, TimeWindow.years(years), except)));
  }

  private static Subtype subtype(String kind) {
    String k = kind.replaceFirst("^(?:a |an |the )", "").replaceAll("s$", "");
    if (k.matches(
        "basal cell (?:carcinoma|cancer|skin cancer|skin carcinoma)(?: of (?:the )?skin)?|"
            + "(?:skin|cutaneous) basal cell (?:carcinoma|cancer)")) {
      return BASAL_CELL;
    }
    if (k.matches(
        "squamous cell (?:carcinoma|cancer) of (?:the )?skin|squamous cell skin (?:cancer|carcinoma)|"
            + "(?:skin|cutaneous) squamous cell (?:carcinoma|cancer)")) {
      return SQUAMOUS_CELL_SKIN;
    }
    if (k.matches(
        "(?:cervical )?carcinoma in situ of (?:the )?(?:uterine )?cervix|"
            + "cervical (?:carcinoma|cancer) in situ|in situ cervical (?:carcinoma|cancer)|"
            + "carcinoma in situ of (?:the )?cervix")) {
      return CERVICAL_IN_SITU;
    }
    return null;
  }

  private static Optional<Parsed> medication(String s) {
    Matcher m = MEDICATION.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    int amount = number(m.group(4).toLowerCase(Locale.ROOT));
    String unit = m.group(5).toLowerCase(Locale.ROOT).replaceAll("s$", "");
    TimeWindow window =
        switch (unit) {
          case "day" -> TimeWindow.days(amount);
          case "week" -> TimeWindow.weeks(amount);
          case "month" -> TimeWindow.months(amount);
          default -> TimeWindow.years(amount);
        };
    Medication medication;
    if (m.group(1) != null) {
      medication = LIVE_VACCINE;
    } else {
      String drug = m.group(2).toLowerCase(Locale.ROOT);
      String label = m.group(3) == null ? drug : drug + " (" + m.group(3) + ")";
      medication = new Medication(drug, Text.of(label, label));
    }
    return Optional.of(
        new Parsed(Pattern.MEDICATION_WITHIN, new MedicationTaken(medication, window)));
  }

  private static int number(String word) {
    return switch (word) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      case "seven" -> 7;
      case "eight" -> 8;
      case "nine" -> 9;
      case "ten" -> 10;
      case "eleven" -> 11;
      case "twelve" -> 12;
      default -> Integer.parseInt(word);
    };
  }
}
