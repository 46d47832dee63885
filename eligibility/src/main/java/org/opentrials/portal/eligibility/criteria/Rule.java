package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.List;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;

/**
 * A structured statement about a visitor ("is between 18 and 65", "took belimumab within the 2
 * months before screening") that a sponsor composes without code: a composable specification.
 *
 * <p>A rule says whether its statement holds ({@link Truth}); whether that means the visitor meets
 * or fails a criterion depends on the criterion being an inclusion or an exclusion (see {@link
 * Criterion}). Rules are immutable value objects; they compose with {@link #and}, {@link #or},
 * {@link #not} and {@link #ifThen} under Kleene logic.
 *
 * <p>Each rule knows the questions it needs ({@link #questions()}), including follow-ups with the
 * conditions under which they are shown, so the questionnaire is derived from the criteria.
 */
public sealed interface Rule
    permits AgeRange,
        SexRule,
        Diagnosis,
        DiseaseActivity,
        MedicationTaken,
        MedicationDose,
        MedicationChanged,
        ConditionWithin,
        PregnancyOrBreastfeeding,
        PositiveTest,
        Dialysis,
        OrganTransplant,
        SelfReport,
        CoordinatorCheck,
        And,
        Or,
        Not,
        IfThen {

  /**
   * Whether the statement holds, without reasons. The hot path of matching one answer set against
   * many trials: implementations allocate nothing beyond date arithmetic and never throw for odd
   * answers (a wrong kind of answer is UNKNOWN).
   */
  Truth test(Answers answers, LocalDate screeningDate);

  /**
   * Whether the statement holds, with the reasons that decided it. Always agrees with {@link
   * #test}.
   */
  Outcome explain(Answers answers, LocalDate screeningDate);

  /** The questions this rule reads, parents before their follow-ups. */
  List<Question> questions();

  /** Both this rule and {@code other} (Kleene AND). */
  default Rule and(Rule other) {
    return new And(List.of(this, other));
  }

  /** This rule or {@code other} (Kleene OR). */
  default Rule or(Rule other) {
    return new Or(List.of(this, other));
  }

  /** The opposite of {@code rule} (Kleene NOT: UNKNOWN stays UNKNOWN). */
  static Rule not(Rule rule) {
    return new Not(rule);
  }

  /**
   * If {@code condition} holds, {@code then} must hold (Kleene implication); see {@link IfThen}.
   */
  static Rule ifThen(Rule condition, Rule then) {
    return new IfThen(condition, then);
  }

  /** All of the rules (Kleene AND). */
  static Rule all(Rule... rules) {
    return new And(List.of(rules));
  }

  /** Any of the rules (Kleene OR). */
  static Rule any(Rule... rules) {
    return new Or(List.of(rules));
  }
}
