package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;

/** The rule does not hold (Kleene NOT: UNKNOWN stays UNKNOWN); same questions and reasons. */
public record Not(Rule rule) implements Rule {

  public Not {
    Objects.requireNonNull(rule, "rule");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return rule.test(answers, screeningDate).not();
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    Outcome inner = rule.explain(answers, screeningDate);
    return new Outcome(inner.truth().not(), inner.reasons());
  }

  @Override
  public List<Question> questions() {
    return rule.questions();
  }
}
