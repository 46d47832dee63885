package org.opentrials.portal.eligibility.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.testing.EveryRuleKind;
import org.opentrials.portal.eligibility.testing.Misle;

/**
 * The compiled fast path must agree with the rule objects, criterion by criterion, for any
 * answers: well-formed, unknown, or of the wrong kind for the question.
 */
class CompiledCriteriaTest {

  @Test
  void compiledTruthEqualsRuleTruthForEveryKind() {
    check(EveryRuleKind.trial(), 20_000, 1);
  }

  @Test
  void compiledTruthEqualsRuleTruthForMisle() {
    check(Misle.criteria(), 20_000, 2);
  }

  private static void check(TrialCriteria trial, int visitors, long seed) {
    List<Question> questions = trial.questionnaire().questions();
    Random random = new Random(seed);
    int[] seen = new int[3];
    for (int v = 0; v < visitors; v++) {
      Answers.Builder b = Answers.builder();
      for (Question q : questions) {
        AnswerValue a = randomAnswer(q, random);
        if (a != null) {
          b.put(q.id(), a);
        }
      }
      Answers answers = b.build();
      PreparedAnswers prepared = PreparedAnswers.of(answers, TODAY);
      boolean anyNotMet = false;
      boolean allMet = true;
      for (int i = 0; i < trial.criteria().size(); i++) {
        Criterion c = trial.criteria().get(i);
        Truth expected = c.rule().test(answers, TODAY);
        assertThat(trial.compiledTruth(i, prepared)).as("%s with %s", c.id(), answers).isEqualTo(expected);
        seen[expected.ordinal()]++;
        CriterionStatus status = CriterionStatus.of(c.type(), expected);
        anyNotMet |= status == CriterionStatus.NOT_MET;
        allMet &= status == CriterionStatus.MET;
      }
      Verdict expectedVerdict =
          anyNotMet ? Verdict.NOT_ELIGIBLE : allMet ? Verdict.LIKELY_ELIGIBLE : Verdict.NEEDS_REVIEW;
      assertThat(trial.verdict(prepared)).isEqualTo(expectedVerdict);
    }
    // The random answers must exercise all three outcomes, or this test proves little.
    for (Truth t : Truth.values()) {
      assertThat(seen[t.ordinal()]).as("%s outcomes", t).isGreaterThan(visitors / 20);
    }
  }

  /** Mostly plausible answers near the boundaries, sometimes missing, unknown or ill-typed. */
  private static AnswerValue randomAnswer(Question q, Random random) {
    int roll = random.nextInt(20);
    if (roll < 2) {
      return null;
    }
    if (roll < 4) {
      return AnswerValue.DONT_KNOW;
    }
    if (roll == 4) {
      return anyValue(random);
    }
    switch (q.type()) {
      case YES_NO:
      case CHOICE:
        return new Choice(q.options().get(random.nextInt(q.options().size())).value());
      case WHOLE_NUMBER:
        return new WholeNumber(random.nextInt((int) q.max() + 1));
      case AMOUNT:
        {
          Unit unit = q.units().get(random.nextInt(q.units().size()));
          double base = q.min() + random.nextDouble() * Math.min(q.max() - q.min(), 120);
          return new Amount(Math.round(unit.fromBase(base)), unit);
        }
      case DATE_OR_NEVER:
        return roll == 5 ? AnswerValue.NEVER : new OnDate(TODAY.minusDays(random.nextInt(365 * 7) - 3));
      default:
        throw new AssertionError(q.type());
    }
  }

  private static AnswerValue anyValue(Random random) {
    switch (random.nextInt(7)) {
      case 0:
        return Choice.YES;
      case 1:
        return new Choice("female");
      case 2:
        return new WholeNumber(random.nextInt(100));
      case 3:
        return new Amount(random.nextInt(100), Unit.values()[random.nextInt(3)]);
      case 4:
        return new Amount(0, Unit.KG);
      case 5:
        return AnswerValue.NEVER;
      default:
        return new OnDate(TODAY.minusDays(random.nextInt(3000)));
    }
  }
}
