package org.opentrials.portal.eligibility.criteria;

import java.util.Objects;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * One inclusion or exclusion criterion of a trial.
 *
 * <p><b>Convention.</b> The rule states the criterion's condition as the protocol does: for an
 * inclusion "is between 18 and 65", for an exclusion "took belimumab within 2 months". The visitor
 * <em>meets</em> an inclusion when its rule holds, and meets an exclusion when its rule does
 * <em>not</em> hold: "you meet this" always means "this does not rule you out".
 *
 * @param id stable short slug, unique within the trial ("recent-biologic")
 * @param text the patient-facing wording, first person ("I received belimumab in the last 2
 *     months...")
 */
public record Criterion(String id, CriterionType type, Text text, Rule rule) {
  public Criterion {
    Slugs.require(id, "criterion id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(rule, "rule");
  }

  public static Criterion inclusion(String id, Text text, Rule rule) {
    return new Criterion(id, CriterionType.INCLUSION, text, rule);
  }

  public static Criterion exclusion(String id, Text text, Rule rule) {
    return new Criterion(id, CriterionType.EXCLUSION, text, rule);
  }

  public boolean isInclusion() {
    return type == CriterionType.INCLUSION;
  }
}
