package org.opentrials.portal.search;

import java.util.List;
import java.util.Map;
import org.opentrials.portal.services.trials.TrialSummaryView;

/**
 * One page of results, cut in the index.
 *
 * @param total how many trials match in all
 * @param counts per filter (phase, type, sex, status), how many of the matching trials have each
 *     value
 * @param correctedText when the words as typed found nothing: the corrected words the results are
 *     for (null otherwise)
 */
public record SearchPage(
    List<Hit> hits,
    int total,
    int page,
    int pageSize,
    Map<String, Map<String, Integer>> counts,
    String correctedText) {

  /** A trial found, with its nearest site (taking participants, for a recruiting search). */
  public record Hit(
      TrialSummaryView trial,
      String nearestSiteName,
      String nearestSiteCity,
      Double nearestMiles,
      int sitesInRadius) {}

  public int pageCount() {
    return Math.min(SearchQuery.MAX_PAGE, Math.max(1, (total + pageSize - 1) / pageSize));
  }

  public boolean hasNext() {
    return page < pageCount();
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  /** How many matching trials have {@code value} for filter {@code dimension}. */
  public int count(String dimension, String value) {
    return counts.getOrDefault(dimension, Map.of()).getOrDefault(value, 0);
  }
}
