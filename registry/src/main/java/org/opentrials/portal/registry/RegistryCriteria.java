package org.opentrials.portal.registry;

import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.domain.trial.AgeLimit;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Sex;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.text.Text;

/**
 * The structured eligibility rules the registry's own fields allow without reading prose: an age
 * criterion from minimumAge/maximumAge and, for single-sex studies, a sex criterion; and the few
 * criteria of the text whose wording {@link RegistryTextRules} recognises (pregnancy, HIV and
 * hepatitis, cancer or a named drug within a window), still in the registry's words. Stored as the
 * eligibility module's JSON document, so the pre-screener can rule people out as soon as a study is
 * imported; sponsor staff structure the rest from the criteria text.
 *
 * <p>The import recognises its own document by content, not by a flag: every criterion must be
 * exactly one this class generates from that criterion's rule (id, wording and rule). Once sponsor
 * staff add a criterion, reword one or translate it, the document is theirs and re-imports leave it
 * alone.
 */
public final class RegistryCriteria {
  static final String AGE_ID = "registry-age";
  static final String SEX_ID = "registry-sex";
  static final String TEXT_ID_PREFIX = "registry-text-";

  /** Why a criterion in the registry's own words is UNKNOWN until the study team checks it. */
  static final Text NOT_ASKED =
      Text.of(
          "the portal asks no question about this criterion.",
          "el portal no hace ninguna pregunta sobre este criterio.");

  /** The eligibility model's bounds for an age rule. */
  private static final int MAX_RULE_AGE = 120;

  private RegistryCriteria() {}

  /**
   * The document for these registry values, or {@code null} when they rule nobody out (no age
   * limits, both sexes, no criterion of the text structured). Every criterion of the registry's
   * text is in it too, in the registry's words, as a check for the study team (always UNKNOWN): a
   * visitor who meets the age and sex limits is told the rest still needs checking, and never gets
   * "likely eligible" on the age rule alone.
   */
  public static String document(
      NctNumber nct, AgeLimit minimumAge, AgeLimit maximumAge, Sex sex, List<CriterionText> text) {
    List<Criterion> criteria = new ArrayList<>();
    // Whole years rounded down on both ends: the questionnaire asks for age in whole years, and a
    // rule must never rule out someone the registry takes (6 Months minimum: age 0 may qualify).
    Integer min =
        minimumAge == null || minimumAge.wholeYears() == 0 ? null : minimumAge.wholeYears();
    Integer max =
        maximumAge == null || maximumAge.wholeYears() > MAX_RULE_AGE
            ? null
            : maximumAge.wholeYears();
    if (min != null && min > MAX_RULE_AGE) {
      min = null;
    }
    if (min != null || max != null) {
      if (min == null || max == null || min <= max) {
        criteria.add(ageCriterion(new AgeRange(min, max)));
      }
    }
    if (sex == Sex.FEMALE || sex == Sex.MALE) {
      criteria.add(
          sexCriterion(new SexRule(sex == Sex.FEMALE ? SexRule.Sex.FEMALE : SexRule.Sex.MALE)));
    }
    boolean cancerTrial = cancerTrial(text);
    List<Criterion> fromText = new ArrayList<>();
    boolean structured = false;
    int n = 0;
    for (CriterionText c : text) {
      n++;
      // The registry's wording, not the portal's rewording: the document follows the record.
      Criterion criterion =
          textCriterion(TEXT_ID_PREFIX + n, c.kind(), c.clinicalText(), cancerTrial);
      structured |= !(criterion.rule() instanceof CoordinatorCheck);
      fromText.add(criterion);
    }
    if (criteria.isEmpty() && !structured) {
      return null;
    }
    criteria.addAll(fromText);
    return CriteriaJson.encode(new TrialCriteria(nct.value(), criteria));
  }

  /** Whether the trial's own inclusion criteria speak of cancer (see {@link RegistryTextRules}). */
  private static boolean cancerTrial(List<CriterionText> text) {
    for (CriterionText c : text) {
      if (c.kind() == CriterionKind.INCLUSION
          && RegistryTextRules.speaksOfCancer(c.clinicalText())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a stored document is one this import generated and nobody has edited since. */
  public static boolean isProducedByImport(String document) {
    if (document == null) {
      return false;
    }
    TrialCriteria criteria;
    try {
      criteria = CriteriaJson.decode(document);
    } catch (IllegalArgumentException e) {
      return false; // not even valid: certainly not ours, and not ours to repair
    }
    if (criteria.criteria().isEmpty()) {
      return false;
    }
    boolean cancerTrial =
        criteria.criteria().stream()
            .anyMatch(
                c ->
                    c.id().startsWith(TEXT_ID_PREFIX)
                        && c.isInclusion()
                        && RegistryTextRules.speaksOfCancer(c.text().defaultText()));
    for (Criterion c : criteria.criteria()) {
      if (c.id().startsWith(TEXT_ID_PREFIX)) {
        CriterionKind kind = c.isInclusion() ? CriterionKind.INCLUSION : CriterionKind.EXCLUSION;
        String wording = c.text().defaultText();
        // Ours as this version structures it, or as an import before the sentence was structured
        // (a re-import then brings the document up to date).
        if (!c.equals(textCriterion(c.id(), kind, wording, cancerTrial))
            && !c.equals(unstructured(c.id(), kind, wording))) {
          return false;
        }
        continue;
      }
      Criterion ours =
          c.rule() instanceof AgeRange age
              ? ageCriterion(age)
              : c.rule() instanceof SexRule sex ? sexCriterion(sex) : null;
      if (!c.equals(ours)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One criterion of the registry's text, in the registry's words: with the rule it states when
   * {@link RegistryTextRules} recognises it, else as a check for the study team.
   */
  private static Criterion textCriterion(
      String id, CriterionKind kind, String wording, boolean cancerTrial) {
    return RegistryTextRules.parse(kind, wording, cancerTrial)
        .map(parsed -> criterion(id, kind, wording, parsed.rule()))
        .orElseGet(() -> unstructured(id, kind, wording));
  }

  private static Criterion unstructured(String id, CriterionKind kind, String wording) {
    return criterion(id, kind, wording, new CoordinatorCheck(NOT_ASKED));
  }

  private static Criterion criterion(String id, CriterionKind kind, String wording, Rule rule) {
    Text text = Text.of(wording);
    return kind == CriterionKind.INCLUSION
        ? Criterion.inclusion(id, text, rule)
        : Criterion.exclusion(id, text, rule);
  }

  private static Criterion ageCriterion(AgeRange range) {
    Integer min = range.minYears();
    Integer max = range.maxYears();
    Text text =
        min != null && max != null
            ? Text.of(
                "I am between " + min + " and " + max + " years old.",
                "Tengo entre " + min + " y " + max + " años.")
            : min != null
                ? Text.of("I am " + min + " years old or older.", "Tengo " + min + " años o más.")
                : Text.of(
                    "I am " + max + " years old or younger.", "Tengo " + max + " años o menos.");
    return Criterion.inclusion(AGE_ID, text, range);
  }

  private static Criterion sexCriterion(SexRule rule) {
    Text text =
        switch (rule.allowed()) {
          case FEMALE -> Text.of("I am female.", "Soy mujer.");
          case MALE -> Text.of("I am male.", "Soy hombre.");
          case ALL ->
              Text.of(
                  "People of any sex can join.", "Pueden participar personas de cualquier sexo.");
        };
    return Criterion.inclusion(SEX_ID, text, rule);
  }
}
