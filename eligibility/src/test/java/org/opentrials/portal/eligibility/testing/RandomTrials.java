package org.opentrials.portal.eligibility.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.text.Text;

/**
 * Random trials for property tests: 0 to 12 criteria, each an inclusion or an exclusion of a rule
 * of every kind ({@link EveryRuleKind}, {@link Misle}), sometimes nested in not, and, or and if.
 */
public final class RandomTrials {
  private final Random random;
  private final List<Rule> leaves = new ArrayList<>();

  /**
   * Rules that hold whatever the answers ("any sex") left out if {@code withAnswerFreeRules} is
   * false.
   */
  public RandomTrials(Random random, boolean withAnswerFreeRules) {
    this.random = random;
    Predicate<Rule> answerFree = r -> r instanceof SexRule s && s.allowed() == SexRule.Sex.ALL;
    for (TrialCriteria t : List.of(EveryRuleKind.trial(), Misle.criteria())) {
      for (Criterion c : t.criteria()) {
        if (withAnswerFreeRules || !answerFree.test(c.rule())) {
          leaves.add(c.rule());
        }
      }
    }
  }

  /** {@code count} trials with ids "R0", "R1", .... */
  public List<TrialCriteria> generate(int count) {
    List<TrialCriteria> trials = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      trials.add(trial("R" + i));
    }
    return trials;
  }

  public TrialCriteria trial(String id) {
    int n = random.nextInt(13);
    List<Criterion> criteria = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Rule rule = rule(0);
      criteria.add(
          random.nextBoolean()
              ? Criterion.inclusion("c" + i, Text.of("Criterion " + i), rule)
              : Criterion.exclusion("c" + i, Text.of("Criterion " + i), rule));
    }
    return new TrialCriteria(id, criteria);
  }

  private Rule rule(int depth) {
    if (depth >= 3 || random.nextInt(10) < 7) {
      return leaves.get(random.nextInt(leaves.size()));
    }
    switch (random.nextInt(4)) {
      case 0:
        return Rule.not(rule(depth + 1));
      case 1:
        return Rule.ifThen(rule(depth + 1), rule(depth + 1));
      case 2:
        return Rule.all(rules(depth + 1));
      default:
        return Rule.any(rules(depth + 1));
    }
  }

  private Rule[] rules(int depth) {
    Rule[] rules = new Rule[2 + random.nextInt(3)];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = rule(depth);
    }
    return rules;
  }
}
