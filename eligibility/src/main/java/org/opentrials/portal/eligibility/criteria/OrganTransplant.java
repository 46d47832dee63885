package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.criteria.StandardQuestions.ORGAN_TRANSPLANT;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.ORGAN_TRANSPLANT_ID;

import java.time.LocalDate;
import java.util.List;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;

/** The visitor has had a major organ transplant (kidney, liver, heart, lung...). */
public record OrganTransplant() implements Rule {

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return Reasons.yesNo(answers.get(ORGAN_TRANSPLANT_ID));
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue v = answers.get(ORGAN_TRANSPLANT_ID);
    Truth t = Reasons.yesNo(v);
    if (t == Truth.UNKNOWN) {
      return Reasons.unknownOutcome(ORGAN_TRANSPLANT, v);
    }
    return Outcome.of(
        t, Message.of(t == Truth.TRUE ? "reason.transplant.yes" : "reason.transplant.no"));
  }

  @Override
  public List<Question> questions() {
    return List.of(ORGAN_TRANSPLANT);
  }
}
