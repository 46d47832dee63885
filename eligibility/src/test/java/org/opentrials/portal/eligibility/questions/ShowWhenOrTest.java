package org.opentrials.portal.eligibility.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;

/** Joining the conditions of a question that thousands of trials share stays flat. */
class ShowWhenOrTest {

  @Test
  void tenThousandAlternativesStayFlatAndStillTest() {
    QuestionId parent = QuestionId.of("test.or.parent");
    ShowWhen joined = ShowWhen.answerIs(parent, AnswerValue.Choice.YES);
    for (int i = 0; i < 10_000; i++) {
      joined =
          joined.or(
              ShowWhen.answerIs(
                  parent, i % 2 == 0 ? AnswerValue.Choice.YES : AnswerValue.DONT_KNOW));
    }
    assertThat(joined).isInstanceOf(ShowWhen.AnyOf.class);
    assertThat(((ShowWhen.AnyOf) joined).conditions()).hasSizeLessThanOrEqualTo(10_001);
    LocalDate today = LocalDate.of(2026, 11, 22);
    assertThat(joined.test(Answers.builder().put(parent, AnswerValue.DONT_KNOW).build(), today))
        .isTrue();
    assertThat(joined.test(Answers.empty(), today)).isFalse();
  }
}
