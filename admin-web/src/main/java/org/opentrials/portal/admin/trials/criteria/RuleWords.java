package org.opentrials.portal.admin.trials.criteria;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.And;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Diagnosis;
import org.opentrials.portal.eligibility.criteria.DiseaseActivity;
import org.opentrials.portal.eligibility.criteria.IfThen;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.MedicationChanged;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Not;
import org.opentrials.portal.eligibility.criteria.Or;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.SelfReport;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A rule in words for sponsor staff ("took belimumab (Benlysta) within the last 2 months"), from
 * the administration's bundle ({@code criteriaEdit.describe.*}): how the editor shows a rule it
 * keeps without editing, and the stored criteria beside yours after a conflict.
 */
public final class RuleWords {
  private final ResourceBundle bundle;
  private final Locale locale;

  public RuleWords(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  public String describe(Rule rule) {
    if (rule instanceof AgeRange r) {
      return r.minYears() == null
          ? say("age.atMost", r.maxYears())
          : r.maxYears() == null
              ? say("age.atLeast", r.minYears())
              : say("age.between", r.minYears(), r.maxYears());
    }
    if (rule instanceof SexRule r) {
      return say("sex", bundle.getString("criteriaEdit.sex." + r.allowed().name()));
    }
    if (rule instanceof Diagnosis r) {
      String condition = text(r.condition().label());
      if (r.confirmedBy() != null) {
        return say(
            "diagnosis.confirmed",
            condition,
            r.confirmedBy().atLeast(),
            r.confirmedBy().classification().items().size(),
            text(r.confirmedBy().classification().name()));
      }
      return say(r.present() ? "diagnosis.present" : "diagnosis.absent", condition);
    }
    if (rule instanceof DiseaseActivity r) {
      String condition = text(r.condition().label());
      return r.threshold() == null
          ? say("activity", condition)
          : say(
              "activity.score",
              condition,
              text(r.threshold().score().name()),
              r.threshold().atLeast());
    }
    if (rule instanceof MedicationTaken r) {
      return say("medicationTaken", text(r.medication().label()), period(r.within()));
    }
    if (rule instanceof MedicationChanged r) {
      return say("medicationChanged", text(r.medication().label()), period(r.within()));
    }
    if (rule instanceof MedicationDose r) {
      return say(
          "medicationDose",
          BigDecimal.valueOf(r.mgPerKgPerDay()).stripTrailingZeros().toPlainString(),
          text(r.medication().label()),
          period(r.within()));
    }
    if (rule instanceof ConditionWithin r) {
      String condition = text(r.condition().label());
      if (r.except().isEmpty()) {
        return say("conditionWithin", condition, period(r.within()));
      }
      List<String> kinds = new ArrayList<>();
      for (Subtype s : r.except()) {
        kinds.add(text(s.label()));
      }
      return say("conditionWithin.except", condition, period(r.within()), String.join("; ", kinds));
    }
    if (rule instanceof PregnancyOrBreastfeeding r) {
      return say(r.unlessUsingContraception() ? "pregnancy.unless" : "pregnancy");
    }
    if (rule instanceof PositiveTest r) {
      List<String> names = new ArrayList<>();
      for (Infection i : r.infections()) {
        names.add(bundle.getString("criteriaEdit.infection." + i.slug()));
      }
      return say("positiveTest", String.join(", ", names));
    }
    if (rule instanceof SelfReport r) {
      return say("selfReport", text(r.question()));
    }
    if (rule instanceof CoordinatorCheck r) {
      return say("coordinator", text(r.reason()));
    }
    if (rule instanceof Or r) {
      return say("anyOf", all(r.rules()));
    }
    if (rule instanceof And r) {
      return say("allOf", all(r.rules()));
    }
    if (rule instanceof Not r) {
      return say("not", describe(r.rule()));
    }
    if (rule instanceof IfThen r) {
      return say("ifThen", describe(r.condition()), describe(r.then()));
    }
    // Dialysis, OrganTransplant: no fields.
    return say(RuleKind.of(rule).name());
  }

  private String all(List<Rule> rules) {
    List<String> parts = new ArrayList<>();
    rules.forEach(r -> parts.add(describe(r)));
    return String.join("; ", parts);
  }

  private String period(TimeWindow w) {
    return new MessageFormat(bundle.getString("criteriaEdit.period." + w.unit().name()), locale)
        .format(new Object[] {w.amount()});
  }

  private String text(Text t) {
    return t.in(locale);
  }

  private String say(String key, Object... args) {
    return new MessageFormat(bundle.getString("criteriaEdit.describe." + key), locale).format(args);
  }
}
