package org.opentrials.portal.services.trials;

import java.util.List;

/** One page of search results and how many there are in all. */
public record SearchResults(List<Hit> hits, int total, int page, int pageSize) {

  /** A trial found, with its nearest recruiting site when the visitor's location is known. */
  public record Hit(
      TrialSummaryView trial,
      String nearestSiteName,
      String nearestSiteCity,
      Double nearestMiles,
      int recruitingSitesInRadius) {}

  public int pageCount() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }

  public boolean hasNext() {
    return page < pageCount();
  }

  public boolean hasPrevious() {
    return page > 1;
  }
}
