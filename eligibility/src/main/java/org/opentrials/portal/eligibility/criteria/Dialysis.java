package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.criteria.StandardQuestions.DIALYSIS;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.DIALYSIS_ID;

import java.time.LocalDate;
import java.util.List;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;

/** The visitor currently needs dialysis. */
public record Dialysis() implements Rule {

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return Reasons.yesNo(answers.get(DIALYSIS_ID));
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue v = answers.get(DIALYSIS_ID);
    Truth t = Reasons.yesNo(v);
    if (t == Truth.UNKNOWN) {
      return Reasons.unknownOutcome(DIALYSIS, v);
    }
    return Outcome.of(
        t, Message.of(t == Truth.TRUE ? "reason.dialysis.yes" : "reason.dialysis.no"));
  }

  @Override
  public List<Question> questions() {
    return List.of(DIALYSIS);
  }
}
