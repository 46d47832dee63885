package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A criterion that cannot be decided online; the study coordinator checks it. Asks nothing and is
 * always UNKNOWN, with the sponsor's reason, so a trial with such a criterion can at best be
 * NEEDS_REVIEW. Prefer {@link SelfReport} where a plain question exists.
 *
 * @param reason why, for the visitor: "This needs your recent blood test results."
 */
public record CoordinatorCheck(Text reason) implements Rule {

  public CoordinatorCheck {
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return Truth.UNKNOWN;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    return Outcome.of(Truth.UNKNOWN, Message.of("reason.coordinator", reason));
  }

  @Override
  public List<Question> questions() {
    return List.of();
  }
}
