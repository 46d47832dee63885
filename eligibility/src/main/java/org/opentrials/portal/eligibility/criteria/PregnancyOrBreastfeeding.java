package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.criteria.StandardQuestions.CONTRACEPTION;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.CONTRACEPTION_ID;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.PREGNANCY;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.PREGNANCY_ID;

import java.time.LocalDate;
import java.util.List;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The visitor is pregnant or breastfeeding, optionally "unless using contraception": then the
 * visitor who says yes is asked whether they use contraception, and the statement holds only if
 * they do not.
 */
public record PregnancyOrBreastfeeding(boolean unlessUsingContraception) implements Rule {

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth pregnant = Reasons.yesNo(answers.get(PREGNANCY_ID));
    if (pregnant != Truth.TRUE || !unlessUsingContraception) {
      return pregnant;
    }
    return Reasons.yesNo(answers.get(CONTRACEPTION_ID)).not();
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue said = answers.get(PREGNANCY_ID);
    Truth pregnant = Reasons.yesNo(said);
    if (pregnant == Truth.UNKNOWN) {
      return Reasons.unknownOutcome(PREGNANCY, said);
    }
    if (pregnant == Truth.FALSE) {
      return Outcome.of(Truth.FALSE, Message.of("reason.pregnancy.no"));
    }
    if (!unlessUsingContraception) {
      return Outcome.of(Truth.TRUE, Message.of("reason.pregnancy.yes"));
    }
    AnswerValue contraception = answers.get(CONTRACEPTION_ID);
    Truth using = Reasons.yesNo(contraception);
    if (using == Truth.UNKNOWN) {
      return new Outcome(
          Truth.UNKNOWN,
          List.of(
              Message.of("reason.pregnancy.yes"), Reasons.unknown(CONTRACEPTION, contraception)));
    }
    return using == Truth.TRUE
        ? Outcome.of(Truth.FALSE, Message.of("reason.pregnancy.with-contraception"))
        : Outcome.of(Truth.TRUE, Message.of("reason.pregnancy.without-contraception"));
  }

  @Override
  public List<Question> questions() {
    if (!unlessUsingContraception) {
      return List.of(PREGNANCY);
    }
    return List.of(
        PREGNANCY,
        CONTRACEPTION.withShownWhen(ShowWhen.answerIs(PREGNANCY_ID, AnswerValue.Choice.YES)));
  }
}
