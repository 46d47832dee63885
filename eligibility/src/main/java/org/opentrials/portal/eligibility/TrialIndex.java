package org.opentrials.portal.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.opentrials.portal.eligibility.criteria.CompiledTrials;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;

/**
 * A set of trials with their criteria compiled together ({@link CompiledTrials}), for ranking them
 * against many answer sets with {@link PreScreener#rank(TrialIndex,
 * java.util.function.ToDoubleFunction, org.opentrials.portal.eligibility.answers.Answers)}. Build
 * it once whenever the set of trials changes, not once per visitor. Immutable and thread-safe if
 * the caller's trial objects are.
 *
 * @param <T> the caller's trial object, e.g. a listing with the trial's sites
 */
public final class TrialIndex<T> {
  private final List<T> trials;
  private final Object[] items; // the trials again, for the ranking's loops
  private final CompiledTrials compiled;

  private TrialIndex(List<T> trials, CompiledTrials compiled) {
    this.trials = trials;
    this.items = trials.toArray();
    this.compiled = compiled;
  }

  /**
   * @param trials in the order that breaks ties in a ranking
   * @param criteriaOf the criteria of a trial
   */
  public static <T> TrialIndex<T> of(
      Collection<? extends T> trials, Function<? super T, TrialCriteria> criteriaOf) {
    List<T> copy = List.copyOf(trials);
    List<TrialCriteria> criteria = new ArrayList<>(copy.size());
    for (T t : copy) {
      criteria.add(Objects.requireNonNull(criteriaOf.apply(t), "criteria of " + t));
    }
    return new TrialIndex<>(copy, CompiledTrials.of(criteria));
  }

  /** The trials, in the order given. */
  public List<T> trials() {
    return trials;
  }

  public int size() {
    return trials.size();
  }

  Object[] items() {
    return items;
  }

  CompiledTrials compiled() {
    return compiled;
  }
}
