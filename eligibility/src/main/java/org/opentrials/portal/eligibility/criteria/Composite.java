package org.opentrials.portal.eligibility.criteria;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;

/** Question derivation shared by {@link And}, {@link Or} and {@link IfThen}. */
final class Composite {
  private Composite() {}

  /**
   * The questions of {@code rules}; the questions of each rule after the first are hidden once an
   * earlier rule has decided the composite (for AND, an earlier rule is FALSE; for OR, TRUE), since
   * their answers can no longer change it. Before that they are shown, so independent questions
   * ("when did you last take belimumab", "... rituximab") are asked side by side rather than one
   * after another.
   */
  static List<Question> questions(List<Rule> rules, Truth decidingValue) {
    List<Question> out = new ArrayList<>();
    List<Rule> prior = new ArrayList<>();
    for (Rule rule : rules) {
      ShowWhen undecided =
          prior.isEmpty() ? ShowWhen.ALWAYS : undecided(List.copyOf(prior), decidingValue);
      for (Question q : rule.questions()) {
        out.add(q.withShownWhen(undecided.and(q.shownWhen())));
      }
      prior.add(rule);
    }
    return out;
  }

  private static ShowWhen undecided(List<Rule> prior, Truth decidingValue) {
    return ShowWhen.computed(
        questionIds(prior),
        (answers, date) -> {
          for (int i = 0; i < prior.size(); i++) {
            if (prior.get(i).test(answers, date) == decidingValue) {
              return false;
            }
          }
          return true;
        });
  }

  /**
   * Shown once {@code condition} is TRUE, or UNKNOWN with all its shown questions answered ("I
   * don't know" included): the follow-ups of an "if ... then ..." rule.
   */
  static ShowWhen conditionHoldsOrIsAnsweredUnknown(Rule condition) {
    List<Question> conditionQuestions = condition.questions();
    return ShowWhen.computed(
        questionIds(List.of(condition)),
        (answers, date) -> {
          Truth t = condition.test(answers, date);
          if (t != Truth.UNKNOWN) {
            return t == Truth.TRUE;
          }
          for (Question q : conditionQuestions) {
            if (q.shownWhen().test(answers, date) && !answers.isAnswered(q.id())) {
              return false;
            }
          }
          return true;
        });
  }

  private static Set<QuestionId> questionIds(List<Rule> rules) {
    Set<QuestionId> ids = new HashSet<>();
    for (Rule r : rules) {
      for (Question q : r.questions()) {
        ids.add(q.id());
      }
    }
    return ids;
  }
}
