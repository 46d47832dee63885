package org.opentrials.portal.eligibility.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.testing.EveryRuleKind;
import org.opentrials.portal.eligibility.testing.Misle;
import org.opentrials.portal.eligibility.testing.RandomAnswers;

/**
 * The compiled fast path must agree with the rule objects, criterion by criterion, for any answers:
 * well-formed, unknown, or of the wrong kind for the question.
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
      Answers answers = RandomAnswers.to(questions, random);
      PreparedAnswers prepared = PreparedAnswers.of(answers, TODAY);
      boolean anyNotMet = false;
      boolean allMet = true;
      for (int i = 0; i < trial.criteria().size(); i++) {
        Criterion c = trial.criteria().get(i);
        Truth expected = c.rule().test(answers, TODAY);
        assertThat(trial.compiledTruth(i, prepared))
            .as("%s with %s", c.id(), answers)
            .isEqualTo(expected);
        seen[expected.ordinal()]++;
        CriterionStatus status = CriterionStatus.of(c.type(), expected);
        anyNotMet |= status == CriterionStatus.NOT_MET;
        allMet &= status == CriterionStatus.MET;
      }
      Verdict expectedVerdict =
          anyNotMet
              ? Verdict.NOT_ELIGIBLE
              : allMet ? Verdict.LIKELY_ELIGIBLE : Verdict.NEEDS_REVIEW;
      assertThat(trial.verdict(prepared)).isEqualTo(expectedVerdict);
    }
    // The random answers must exercise all three outcomes, or this test proves little.
    for (Truth t : Truth.values()) {
      assertThat(seen[t.ordinal()]).as("%s outcomes", t).isGreaterThan(visitors / 20);
    }
  }
}
