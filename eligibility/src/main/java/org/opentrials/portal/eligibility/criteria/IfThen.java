package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;
import org.opentrials.portal.eligibility.text.Message;

/**
 * A conditional requirement: "if I have lupus nephritis, I have been on standard therapy for it".
 * Kleene implication, {@code not(condition) or then}: TRUE when the condition is FALSE (it does not
 * apply) or when {@code then} is TRUE; FALSE only when the condition is TRUE and {@code then} is
 * FALSE; otherwise UNKNOWN.
 *
 * <p>Unlike the same logic written with {@link Or} and {@link Not}, the questions of {@code then}
 * are follow-ups: asked only after the condition's questions are answered and the condition holds
 * or is unknown. Nobody is asked how their lupus nephritis was treated before saying they have it.
 */
public record IfThen(Rule condition, Rule then) implements Rule {

  public IfThen {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(then, "then");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth applies = condition.test(answers, screeningDate);
    if (applies == Truth.FALSE) {
      return Truth.TRUE;
    }
    return applies.not().or(then.test(answers, screeningDate));
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    Outcome applies = condition.explain(answers, screeningDate);
    if (applies.truth() == Truth.FALSE) {
      return new Outcome(Truth.TRUE, applies.reasons());
    }
    Outcome required = then.explain(answers, screeningDate);
    if (applies.truth() == Truth.UNKNOWN && required.truth() == Truth.TRUE) {
      return required;
    }
    List<Message> reasons = new ArrayList<>(applies.reasons());
    if (applies.truth() == Truth.TRUE || required.truth() == Truth.UNKNOWN) {
      reasons.addAll(required.reasons());
    }
    return new Outcome(applies.truth().not().or(required.truth()), reasons);
  }

  @Override
  public List<Question> questions() {
    List<Question> out = new ArrayList<>(condition.questions());
    ShowWhen applies = Composite.conditionHoldsOrIsAnsweredUnknown(condition);
    for (Question q : then.questions()) {
      out.add(q.withShownWhen(applies.and(q.shownWhen())));
    }
    return out;
  }
}
