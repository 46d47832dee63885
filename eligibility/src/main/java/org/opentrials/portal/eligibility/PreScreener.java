package org.opentrials.portal.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.Outcome;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.questions.Questionnaire;

/**
 * The pre-screener: evaluates a visitor's answers against trials' criteria on the screening date,
 * today in the injected clock's time zone.
 *
 * <p>Two paths: {@link #screen} evaluates the rule objects and explains every criterion, for the
 * page a visitor reads; {@link #verdict} and {@link #rank} use each trial's compiled criteria and
 * answers prepared once ({@link PreparedAnswers}), for checking one answer set against many trials.
 * Both always agree. To rank the same set of trials for many visitors, index it once ({@link
 * TrialIndex}): its compiled criteria then lie in one contiguous store.
 *
 * <p>Thread-safe and stateless apart from the clock; one instance serves the whole application.
 */
public final class PreScreener {
  private static final Verdict[] VERDICTS = Verdict.values();

  private final Clock clock;

  public PreScreener(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Today in the clock's zone: the date "within 2 months before screening" counts back from. */
  public LocalDate screeningDate() {
    return LocalDate.now(clock);
  }

  /** The questionnaire for one trial. */
  public Questionnaire questionnaire(TrialCriteria trial) {
    return trial.questionnaire();
  }

  /** One questionnaire for several trials (the "match me to trials" flow). */
  public Questionnaire questionnaire(Collection<TrialCriteria> trials) {
    return TrialCriteria.questionnaire(trials);
  }

  /** The verdict and every criterion's result with reasons, for showing to the visitor. */
  public Screening screen(TrialCriteria trial, Answers answers) {
    return screen(trial, answers, screeningDate());
  }

  /** As {@link #screen(TrialCriteria, Answers)} on a given date. */
  public static Screening screen(TrialCriteria trial, Answers answers, LocalDate screeningDate) {
    List<CriterionResult> results = new ArrayList<>(trial.criteria().size());
    for (Criterion c : trial.criteria()) {
      Outcome o = c.rule().explain(answers, screeningDate);
      results.add(new CriterionResult(c, CriterionStatus.of(c.type(), o.truth()), o.reasons()));
    }
    return new Screening(trial.trialId(), screeningDate, verdictOf(results), results);
  }

  /**
   * The answers flattened for today's date, for callers that check many trials themselves with
   * {@link TrialCriteria#verdict(PreparedAnswers)}. Thread-safe; prepare once per answer set.
   */
  public PreparedAnswers prepare(Answers answers) {
    return PreparedAnswers.of(answers, screeningDate());
  }

  /** The verdict alone, without reasons: the fast path, from the trial's compiled criteria. */
  public Verdict verdict(TrialCriteria trial, Answers answers) {
    return trial.verdict(answers, screeningDate());
  }

  /**
   * Ranks trials for one answer set: LIKELY_ELIGIBLE first, then NEEDS_REVIEW, then NOT_ELIGIBLE;
   * within a verdict by ascending distance, trials without a distance (NaN, negative or infinite)
   * last; ties keep the input order. The list is immutable; each match is made when read.
   *
   * <p>For ranking the same trials for many visitors, {@link #rank(TrialIndex, ToDoubleFunction,
   * Answers)} is several times faster: it reads all compiled criteria from one contiguous store.
   *
   * @param criteriaOf the criteria of a trial
   * @param distance e.g. km to the trial's nearest recruiting site, NaN if unknown
   */
  public <T> List<TrialMatch<T>> rank(
      Collection<? extends T> trials,
      Function<? super T, TrialCriteria> criteriaOf,
      ToDoubleFunction<? super T> distance,
      Answers answers) {
    PreparedAnswers prepared = PreparedAnswers.of(answers, screeningDate());
    Object[] items = trials.toArray();
    byte[] verdicts = new byte[items.length];
    double[] distances = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      @SuppressWarnings("unchecked")
      T trial = (T) items[i];
      verdicts[i] = (byte) criteriaOf.apply(trial).verdict(prepared).ordinal();
      distances[i] = knownOrNaN(distance.applyAsDouble(trial));
    }
    return ranked(items, verdicts, distances);
  }

  /**
   * As {@link #rank(Collection, Function, ToDoubleFunction, Answers)}, for trials indexed once with
   * {@link TrialIndex#of}: the fast way to rank many trials.
   */
  public <T> List<TrialMatch<T>> rank(
      TrialIndex<T> trials, ToDoubleFunction<? super T> distance, Answers answers) {
    PreparedAnswers prepared = PreparedAnswers.of(answers, screeningDate());
    Object[] items = trials.items();
    byte[] verdicts = new byte[items.length];
    trials.compiled().verdicts(prepared, verdicts);
    double[] distances = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      @SuppressWarnings("unchecked")
      T trial = (T) items[i];
      distances[i] = knownOrNaN(distance.applyAsDouble(trial));
    }
    return ranked(items, verdicts, distances);
  }

  private static <T> List<TrialMatch<T>> ranked(
      Object[] items, byte[] verdicts, double[] distances) {
    return new Ranked<>(items, verdicts, distances, Ranking.order(verdicts, distances));
  }

  /**
   * The ranking as an immutable list over its arrays: a {@link TrialMatch} is made when read, so a
   * caller that shows only the first page does not pay for 100,000 objects.
   */
  private static final class Ranked<T> extends AbstractList<TrialMatch<T>> implements RandomAccess {
    private final Object[] items;
    private final byte[] verdicts;
    private final double[] distances;
    private final int[] order;

    Ranked(Object[] items, byte[] verdicts, double[] distances, int[] order) {
      this.items = items;
      this.verdicts = verdicts;
      this.distances = distances;
      this.order = order;
    }

    @Override
    public TrialMatch<T> get(int index) {
      int i = order[index];
      @SuppressWarnings("unchecked")
      T trial = (T) items[i];
      return new TrialMatch<>(trial, VERDICTS[verdicts[i]], distances[i]);
    }

    @Override
    public int size() {
      return order.length;
    }
  }

  private static double knownOrNaN(double d) {
    return d >= 0 && !Double.isInfinite(d) ? d : Double.NaN;
  }

  private static Verdict verdictOf(List<CriterionResult> results) {
    if (results.isEmpty()) {
      return Verdict.NEEDS_REVIEW;
    }
    boolean allMet = true;
    for (CriterionResult r : results) {
      if (r.status() == CriterionStatus.NOT_MET) {
        return Verdict.NOT_ELIGIBLE;
      }
      allMet &= r.status() == CriterionStatus.MET;
    }
    return allMet ? Verdict.LIKELY_ELIGIBLE : Verdict.NEEDS_REVIEW;
  }
}
