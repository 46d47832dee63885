package org.opentrials.portal.eligibility.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.criteria.Outcome;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.text.Messages;

/** Shared test helpers: a fixed screening date, terse answer sets, checked rule evaluation. */
public final class Fixtures {
  /** Screening date of all tests unless stated: a Monday in June 2026. */
  public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  public static final Messages ENGLISH = Messages.english();

  private Fixtures() {}

  /**
   * Answers from id/value pairs; values may be AnswerValues, Integers (whole numbers), LocalDates,
   * or the strings "yes"/"no"/other option values.
   */
  public static Answers answers(Object... idValuePairs) {
    Answers.Builder b = Answers.builder();
    for (int i = 0; i < idValuePairs.length; i += 2) {
      b.put((String) idValuePairs[i], value(idValuePairs[i + 1]));
    }
    return b.build();
  }

  public static AnswerValue value(Object v) {
    if (v instanceof AnswerValue a) {
      return a;
    }
    if (v instanceof Integer n) {
      return new WholeNumber(n);
    }
    if (v instanceof LocalDate d) {
      return new OnDate(d);
    }
    return new Choice((String) v);
  }

  /** Evaluates with reasons on {@link #TODAY}, checking that the fast path agrees. */
  public static Outcome outcome(Rule rule, Answers answers) {
    Outcome o = rule.explain(answers, TODAY);
    assertThat(rule.test(answers, TODAY))
        .as("test() must agree with explain() for %s", answers)
        .isEqualTo(o.truth());
    return o;
  }

  /** The outcome's reasons in English. */
  public static String english(Outcome outcome) {
    return ENGLISH.render(outcome.reasons());
  }
}
