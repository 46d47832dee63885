package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;

/**
 * Any of the rules holds (Kleene OR): TRUE if any is TRUE, even when others are UNKNOWN; FALSE if
 * all are FALSE; otherwise UNKNOWN. Reasons: the first TRUE rule's, else all rules' when FALSE,
 * else the UNKNOWN rules'.
 *
 * <p>Questions: all rules' questions, side by side; a later rule's questions are hidden once an
 * earlier rule is TRUE and has decided the result.
 */
public record Or(List<Rule> rules) implements Rule {

  public Or {
    rules = List.copyOf(rules);
    if (rules.size() < 2) {
      throw new IllegalArgumentException("\"or\" needs at least two rules");
    }
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth result = Truth.FALSE;
    for (int i = 0; i < rules.size(); i++) {
      Truth t = rules.get(i).test(answers, screeningDate);
      if (t == Truth.TRUE) {
        return Truth.TRUE;
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
      if (o.truth() == Truth.TRUE) {
        return o;
      }
      outcomes.add(o);
    }
    return And.combine(outcomes);
  }

  @Override
  public List<Question> questions() {
    return Composite.questions(rules, Truth.TRUE);
  }
}
