package org.opentrials.portal.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.criteria.CompiledTrials;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.testing.EveryRuleKind;
import org.opentrials.portal.eligibility.testing.Misle;
import org.opentrials.portal.eligibility.testing.RandomAnswers;
import org.opentrials.portal.eligibility.testing.RandomTrials;

/**
 * The contiguous store ({@link CompiledTrials}) and the ranking from it ({@link TrialIndex}) must
 * give exactly what the explained path ({@link PreScreener#screen}) and a plain comparator sort
 * give, for many random trials and answer sets.
 */
class TrialIndexTest {
  private final PreScreener screener =
      new PreScreener(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  record Listing(int n, TrialCriteria criteria, double km) {}

  @Test
  void storedVerdictsAreTheExplainedVerdicts() {
    List<TrialCriteria> trials =
        new ArrayList<>(new RandomTrials(new Random(11), true).generate(400));
    trials.add(EveryRuleKind.trial());
    trials.add(Misle.criteria());
    trials.add(new TrialCriteria("EMPTY", List.of()));
    CompiledTrials compiled = CompiledTrials.of(trials);
    List<Question> questions = questions(trials);
    Random random = new Random(12);
    Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
    byte[] verdicts = new byte[trials.size()];
    for (int v = 0; v < 300; v++) {
      Answers answers = RandomAnswers.to(questions, random);
      PreparedAnswers prepared = PreparedAnswers.of(answers, TODAY);
      compiled.verdicts(prepared, verdicts);
      for (int i = 0; i < trials.size(); i++) {
        TrialCriteria t = trials.get(i);
        Screening explained = PreScreener.screen(t, answers, TODAY);
        assertThat(Verdict.values()[verdicts[i]])
            .as("%s with %s", t.criteria(), answers)
            .isEqualTo(explained.verdict());
        assertThat(compiled.verdict(i, prepared)).isEqualTo(explained.verdict());
        assertThat(t.verdict(prepared)).isEqualTo(explained.verdict());
        if (explained.verdict() == Verdict.LIKELY_ELIGIBLE) {
          assertThat(explained.results()).allMatch(r -> r.status() == CriterionStatus.MET);
        }
        seen.merge(explained.verdict(), 1, Integer::sum);
      }
    }
    // Every verdict must come up often, or the comparison proves little.
    for (Verdict v : Verdict.values()) {
      assertThat(seen.getOrDefault(v, 0))
          .as("%s in %s", v, seen)
          .isGreaterThan(300 * trials.size() / 100);
    }
    assertThat(compiled.size()).isEqualTo(trials.size());
  }

  @Test
  void unknownOrMissingAnswersNeverGiveLikelyEligible() {
    // Without rules that hold whatever the answers, every criterion needs an answer.
    List<TrialCriteria> trials = new RandomTrials(new Random(21), false).generate(500);
    trials = new ArrayList<>(trials);
    trials.add(Misle.criteria());
    CompiledTrials compiled = CompiledTrials.of(trials);
    List<Question> questions = questions(trials);
    Random random = new Random(22);
    List<Answers> unknowing = new ArrayList<>();
    unknowing.add(Answers.builder().build());
    Answers.Builder allDontKnow = Answers.builder();
    questions.forEach(q -> allDontKnow.put(q.id(), AnswerValue.DONT_KNOW));
    unknowing.add(allDontKnow.build());
    for (int v = 0; v < 20; v++) {
      Answers.Builder b = Answers.builder();
      questions.stream()
          .filter(q -> random.nextBoolean())
          .forEach(q -> b.put(q.id(), AnswerValue.DONT_KNOW));
      unknowing.add(b.build());
    }
    byte[] verdicts = new byte[trials.size()];
    for (Answers answers : unknowing) {
      compiled.verdicts(PreparedAnswers.of(answers, TODAY), verdicts);
      for (int i = 0; i < trials.size(); i++) {
        TrialCriteria t = trials.get(i);
        Verdict expected = Verdict.NEEDS_REVIEW; // nothing known: no criterion is met or not met
        assertThat(Verdict.values()[verdicts[i]])
            .as("%s with %s", t.criteria(), answers)
            .isEqualTo(expected);
        assertThat(PreScreener.screen(t, answers, TODAY).verdict()).isEqualTo(expected);
      }
    }
  }

  @Test
  void rankingFromTheIndexIsAComparatorSortByVerdictThenDistance() {
    Random random = new Random(31);
    List<TrialCriteria> kinds = new RandomTrials(random, true).generate(60);
    List<Listing> listings = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      listings.add(
          new Listing(i, kinds.get(random.nextInt(kinds.size())), distance(random, listings)));
    }
    TrialIndex<Listing> index = TrialIndex.of(listings, Listing::criteria);
    assertThat(index.trials()).isEqualTo(listings);
    List<Question> questions = questions(kinds);
    for (int v = 0; v < 20; v++) {
      Answers answers = RandomAnswers.to(questions, random);
      List<TrialMatch<Listing>> expected = new ArrayList<>();
      for (Listing l : listings) {
        double d = l.km() >= 0 && !Double.isInfinite(l.km()) ? l.km() : Double.NaN;
        expected.add(
            new TrialMatch<>(l, PreScreener.screen(l.criteria(), answers, TODAY).verdict(), d));
      }
      expected.sort(
          Comparator.<TrialMatch<Listing>>comparingInt(m -> m.verdict().ordinal())
              .thenComparing(
                  (a, b) -> Double.compare(a.distance(), b.distance()))); // stable, NaN last

      assertThat(screener.rank(index, Listing::km, answers)).isEqualTo(expected);
      assertThat(screener.rank(listings, Listing::criteria, Listing::km, answers))
          .isEqualTo(expected);
    }
  }

  @Test
  void anEmptyIndexRanksNothing() {
    TrialIndex<Listing> index = TrialIndex.of(List.of(), Listing::criteria);
    assertThat(screener.rank(index, Listing::km, Answers.builder().build())).isEmpty();
  }

  /**
   * Distances as callers give them: mostly ordinary, some unknown, negative or infinite, zeros of
   * both signs, repeats, and clusters that differ below a float's precision.
   */
  private static double distance(Random random, List<Listing> earlier) {
    int roll = random.nextInt(20);
    switch (roll) {
      case 0:
        return Double.NaN;
      case 1:
        return random.nextBoolean() ? -1 : Double.NEGATIVE_INFINITY;
      case 2:
        return Double.POSITIVE_INFINITY;
      case 3:
        return random.nextBoolean() ? 0.0 : -0.0;
      case 4:
      case 5:
        return earlier.isEmpty() ? 1 : earlier.get(random.nextInt(earlier.size())).km();
      case 6:
      case 7:
      case 8:
        return 1234.5 + random.nextInt(1000) * 1e-12; // one float, many doubles
      case 9:
        return random.nextBoolean() ? Double.MIN_VALUE : Double.MAX_VALUE;
      default:
        return random.nextDouble() * 3000;
    }
  }

  private static List<Question> questions(List<TrialCriteria> trials) {
    // One list of every question (duplicates across trials are answered alike by the last put).
    List<Question> all = new ArrayList<>();
    for (TrialCriteria t : trials) {
      all.addAll(t.questions());
    }
    return all;
  }
}
