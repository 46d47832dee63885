package org.opentrials.portal.eligibility.testing;

import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.Classification;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.Diagnosis;
import org.opentrials.portal.eligibility.criteria.Dialysis;
import org.opentrials.portal.eligibility.criteria.DiseaseActivity;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationChanged;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.OrganTransplant;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.Score;
import org.opentrials.portal.eligibility.criteria.SelfReport;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/** A trial using every rule kind, optional parts both present and absent. */
public final class EveryRuleKind {
  private EveryRuleKind() {}

  public static TrialCriteria trial() {
    Condition sle = new Condition("sle", Text.of("lupus", "lupus"));
    Medication rtx = new Medication("rituximab", Text.of("rituximab"));
    Rule[] rules = {
      AgeRange.between(18, 65),
      AgeRange.atLeast(12),
      AgeRange.atMost(80),
      new SexRule(SexRule.Sex.FEMALE),
      new SexRule(SexRule.Sex.ALL),
      Diagnosis.present(sle),
      Diagnosis.absent(new Condition("lupus-nephritis", Text.of("lupus nephritis"))),
      Diagnosis.confirmed(
          sle,
          new Classification("acr", Text.of("ACR"), List.of(Text.of("a"), Text.of("b", "be"))),
          2),
      new DiseaseActivity(sle, null),
      new DiseaseActivity(
          sle, new DiseaseActivity.ScoreThreshold(new Score("sledai", Text.of("SLEDAI"), 105), 6)),
      new MedicationTaken(rtx, TimeWindow.months(6)),
      new MedicationDose(
          new Medication("prednisone", Text.of("prednisone")), 0.5, TimeWindow.months(1)),
      new MedicationDose(
          new Medication("prednisone", Text.of("prednisone")), 1, TimeWindow.weeks(2)),
      new MedicationChanged(
          new Medication("immunosuppressant", Text.of("an immunosuppressant")),
          TimeWindow.days(90)),
      new ConditionWithin(
          new Condition("cancer", Text.of("cancer")),
          TimeWindow.years(5),
          List.of(new Subtype("basal-cell-carcinoma", Text.of("BCC")))),
      new ConditionWithin(
          new Condition("stroke", Text.of("stroke")), TimeWindow.years(1), List.of()),
      new PregnancyOrBreastfeeding(true),
      new PregnancyOrBreastfeeding(false),
      PositiveTest.of(
          Infection.HIV, Infection.HEPATITIS_B, Infection.HEPATITIS_C, Infection.TUBERCULOSIS),
      new Dialysis(),
      new OrganTransplant(),
      new SelfReport("unstable", Text.of("Unstable?", "¿Inestable?"), Topic.HEALTH_HISTORY),
      new CoordinatorCheck(Text.of("Needs blood tests.")),
      Rule.all(new Dialysis(), Rule.not(new OrganTransplant()), AgeRange.atLeast(1)),
      new MedicationTaken(rtx, TimeWindow.months(6)).or(new OrganTransplant()),
      Rule.ifThen(new Dialysis(), new OrganTransplant())
    };
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      criteria.add(
          i % 2 == 0
              ? Criterion.inclusion("c" + i, Text.of("Criterion " + i), rules[i])
              : Criterion.exclusion("c" + i, Text.of("Criterion " + i, "Criterio " + i), rules[i]));
    }
    return new TrialCriteria("NCT00000001", criteria);
  }
}
