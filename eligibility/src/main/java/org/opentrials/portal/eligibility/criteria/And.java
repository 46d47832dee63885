package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;

/**
 * All of the rules hold (Kleene AND): FALSE if any is FALSE, even when others are UNKNOWN; TRUE if
 * all are TRUE; otherwise UNKNOWN. Reasons: the first FALSE rule's, else all rules' when TRUE, else
 * the UNKNOWN rules'.
 *
 * <p>Questions: all rules' questions, side by side; a later rule's questions are hidden once an
 * earlier rule is FALSE and has decided the result.
 */
public record And(List<Rule> rules) implements Rule {

  public And {
    rules = List.copyOf(rules);
    if (rules.size() < 2) {
      throw new IllegalArgumentException("\"and\" needs at least two rules");
    }
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth result = Truth.TRUE;
    for (int i = 0; i < rules.size(); i++) {
      Truth t = rules.get(i).test(answers, screeningDate);
      if (t == Truth.FALSE) {
        return Truth.FALSE;
      }
      if (t == Truth.UNKNOWN) {
        result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Rule r : rules) {
      Outcome o = r.explain(answers, screeningDate);
      if (o.truth() == Truth.FALSE) {
        return o;
      }
      outcomes.add(o);
    }
    return combine(outcomes);
  }

  /** Combined outcome of rules none of which is the short-circuit value. */
  static Outcome combine(List<Outcome> outcomes) {
    boolean anyUnknown = false;
    for (Outcome o : outcomes) {
      anyUnknown |= o.truth() == Truth.UNKNOWN;
    }
    Truth overall = anyUnknown ? Truth.UNKNOWN : outcomes.get(0).truth();
    List<Message> reasons = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!anyUnknown || o.truth() == Truth.UNKNOWN) {
        reasons.addAll(o.reasons());
      }
    }
    return new Outcome(overall, reasons);
  }

  @Override
  public List<Question> questions() {
    return Composite.questions(rules, Truth.FALSE);
  }
}
