package org.opentrials.portal.services.prescreen;

import java.util.List;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;

/**
 * A published trial that has structured criteria, with what the pre-screener shows beside them: its
 * title and the sites a visitor may ask to contact them.
 */
public record ScreenableTrial(
    String nct,
    String briefTitle,
    String acronym,
    boolean waitlistAvailable,
    TrialCriteria criteria,
    List<SiteChoice> sites) {

  /**
   * A site that takes participants; {@code full} when no places are left; {@code reachable} when it
   * has published a contact, so that a request sent to it reaches someone.
   */
  public record SiteChoice(
      String slug,
      String name,
      String place,
      boolean full,
      Double latitude,
      Double longitude,
      boolean reachable) {}

  /**
   * The sites a visitor may ask to contact them: those that take participants and have a contact.
   */
  public List<SiteChoice> reachableSites() {
    return sites.stream().filter(SiteChoice::reachable).toList();
  }
}
