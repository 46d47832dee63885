package org.opentrials.portal.eligibility;

import java.util.Objects;
import org.opentrials.portal.eligibility.criteria.Verdict;

/**
 * One trial's place in a ranking: its verdict and the caller's distance to it.
 *
 * @param trial the caller's trial object
 * @param distance e.g. km to the nearest recruiting site; NaN when unknown
 */
public record TrialMatch<T>(T trial, Verdict verdict, double distance) {
  public TrialMatch {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(verdict, "verdict");
  }

  public boolean hasDistance() {
    return !Double.isNaN(distance);
  }
}
