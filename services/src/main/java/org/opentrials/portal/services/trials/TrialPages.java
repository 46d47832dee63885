package org.opentrials.portal.services.trials;

import java.util.List;
import java.util.Optional;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.trial.NctNumber;

/** Use case: a visitor reads a published trial and one of its sites. */
public interface TrialPages {
  /**
   * The published trial's page, its sites sorted by distance from {@code visitor} when given (sites
   * without a known location last), otherwise in the sponsor's order.
   */
  Optional<TrialPageView> findTrialPage(NctNumber nct, Optional<GeoPoint> visitor);

  /**
   * The page of a trial with its unpublished draft in it, for the staff member who holds the
   * draft's current preview key; empty when the key is unknown, expired or for another trial.
   */
  Optional<TrialPageView> findPreview(NctNumber nct, String previewKey, Optional<GeoPoint> visitor);

  /** How many trials are published. */
  long countPublished();

  /**
   * NCT numbers of published trials in order, at most {@code limit}, after {@code after} when
   * given, else from the {@code offset}-th: a sitemap reads them a page at a time.
   */
  List<String> publishedNcts(String after, long offset, int limit);

  /**
   * The Spanish titles of these published trials (NCT numbers), for lists such as search results;
   * trials without one are not in the map.
   */
  java.util.Map<String, String> spanishTitles(java.util.Collection<String> ncts);

  /** Every published trial, by NCT number. */
  List<TrialSummaryView> listPublished();
}
