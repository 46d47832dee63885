package org.opentrials.portal.services.trials;

import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.Sex;

/**
 * What a visitor searches for. Every part is optional.
 *
 * @param text words to find in the condition, keywords, titles or acronym
 * @param recruitingOnly only trials with a site that takes participants
 * @param age the visitor's age in years: only trials whose age range includes it
 * @param sex the visitor's sex: only trials open to it
 * @param near the visitor's location; with {@code radiusMiles}, only trials recruiting within it
 */
public record TrialQuery(
    String text,
    Phase phase,
    boolean recruitingOnly,
    Integer age,
    Sex sex,
    GeoPoint near,
    double radiusMiles,
    int page,
    int pageSize) {

  public TrialQuery {
    if (page < 1) {
      throw new IllegalArgumentException("page starts at 1");
    }
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("page size 1 to 100");
    }
  }
}
