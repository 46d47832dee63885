package org.opentrials.portal.search;

import org.opentrials.portal.domain.shared.GeoPoint;

/**
 * What a visitor searches for; every part optional (null). Values are already checked by the caller
 * (the search page reports a bad one on its field).
 *
 * @param text words to find in titles, conditions, keywords, interventions, NCT number, acronym
 * @param recruitingOnly only trials a person could join now (site-aware)
 * @param age the visitor's age in years
 * @param sex FEMALE or MALE: trials open to it
 * @param near the visitor's place; with {@code radiusMiles}, trials with a site within it
 * @param page from 1; at most {@link #MAX_PAGE}
 */
public record SearchQuery(
    String text,
    String phase,
    String studyType,
    boolean recruitingOnly,
    Integer age,
    String sex,
    GeoPoint near,
    double radiusMiles,
    int page,
    int pageSize) {

  /** Deeper pages are not offered: nobody reads result 1,001, and collecting it costs. */
  public static final int MAX_PAGE = 100;

  public SearchQuery {
    if (page < 1 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page 1 to " + MAX_PAGE);
    }
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("page size 1 to 100");
    }
  }

  /** The same search for other words (a spelling correction). */
  public SearchQuery withText(String other) {
    return new SearchQuery(
        other, phase, studyType, recruitingOnly, age, sex, near, radiusMiles, page, pageSize);
  }
}
