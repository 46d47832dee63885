package org.opentrials.portal.admin.trials.criteria;

import java.util.Arrays;
import java.util.List;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.And;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Diagnosis;
import org.opentrials.portal.eligibility.criteria.Dialysis;
import org.opentrials.portal.eligibility.criteria.DiseaseActivity;
import org.opentrials.portal.eligibility.criteria.IfThen;
import org.opentrials.portal.eligibility.criteria.MedicationChanged;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Not;
import org.opentrials.portal.eligibility.criteria.Or;
import org.opentrials.portal.eligibility.criteria.OrganTransplant;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.SelfReport;
import org.opentrials.portal.eligibility.criteria.SexRule;

/** The kinds of rule a sponsor chooses from; the composite ones combine other rules. */
public enum RuleKind {
  AGE,
  SEX,
  DIAGNOSIS,
  DISEASE_ACTIVITY,
  MEDICATION_TAKEN,
  MEDICATION_DOSE,
  MEDICATION_CHANGED,
  CONDITION_WITHIN,
  PREGNANCY,
  POSITIVE_TEST,
  DIALYSIS,
  ORGAN_TRANSPLANT,
  SELF_REPORT,
  COORDINATOR_CHECK,
  ANY_OF,
  ALL_OF,
  NOT,
  IF_THEN;

  private static final List<RuleKind> SIMPLE =
      Arrays.stream(values()).filter(k -> !k.isComposite()).toList();

  public boolean isComposite() {
    return this == ANY_OF || this == ALL_OF || this == NOT || this == IF_THEN;
  }

  /** How many rules a composite combines at least (0 for the others). */
  int minimumChildren() {
    return switch (this) {
      case ANY_OF, ALL_OF, IF_THEN -> 2;
      case NOT -> 1;
      default -> 0;
    };
  }

  /** The kinds a rule inside a composite can take in the form (one level of nesting). */
  public static List<RuleKind> simple() {
    return SIMPLE;
  }

  public static RuleKind of(Rule rule) {
    if (rule instanceof AgeRange) return AGE;
    if (rule instanceof SexRule) return SEX;
    if (rule instanceof Diagnosis) return DIAGNOSIS;
    if (rule instanceof DiseaseActivity) return DISEASE_ACTIVITY;
    if (rule instanceof MedicationTaken) return MEDICATION_TAKEN;
    if (rule instanceof MedicationDose) return MEDICATION_DOSE;
    if (rule instanceof MedicationChanged) return MEDICATION_CHANGED;
    if (rule instanceof ConditionWithin) return CONDITION_WITHIN;
    if (rule instanceof PregnancyOrBreastfeeding) return PREGNANCY;
    if (rule instanceof PositiveTest) return POSITIVE_TEST;
    if (rule instanceof Dialysis) return DIALYSIS;
    if (rule instanceof OrganTransplant) return ORGAN_TRANSPLANT;
    if (rule instanceof SelfReport) return SELF_REPORT;
    if (rule instanceof CoordinatorCheck) return COORDINATOR_CHECK;
    if (rule instanceof Or) return ANY_OF;
    if (rule instanceof And) return ALL_OF;
    if (rule instanceof Not) return NOT;
    if (rule instanceof IfThen) return IF_THEN;
    throw new IllegalArgumentException("no form for rule " + rule);
  }
}
