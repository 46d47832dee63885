package org.opentrials.portal.search;

import java.util.List;

/**
 * What the index keeps of a published trial: read from the database in bulk (never as entities), a
 * page of trials at a time. {@code screenable}: the trial has structured criteria (the pre-screener
 * and "which trials might fit me" work for it).
 */
public record IndexedTrial(
    String nct,
    String acronym,
    String briefTitle,
    String officialTitle,
    String studyType,
    String overallStatus,
    String leadSponsor,
    Integer minimumAgeYears,
    Integer maximumAgeYears,
    String sex,
    List<String> phases,
    List<String> conditions,
    List<String> keywords,
    List<String> interventions,
    boolean screenable,
    List<Site> sites) {

  /**
   * One site: where, and whether it takes participants. A site without its own status (most
   * registry sites) counts by the trial's overall status.
   */
  public record Site(
      String name, String city, String state, Double latitude, Double longitude, String status) {}

  /** Statuses (of a site or, for a site without one, of the trial) that take participants. */
  public static final java.util.Set<String> TAKING =
      java.util.Set.of("RECRUITING", "NOT_YET_RECRUITING", "AVAILABLE");

  /** Whether this site takes participants, by its own status or else the trial's. */
  public boolean takes(Site s) {
    return TAKING.contains(s.status() != null ? s.status() : overallStatus);
  }

  /**
   * Whether a person could join now: a site takes participants, or, for a study that lists no site,
   * the trial's overall status does.
   */
  public boolean open() {
    return sites.isEmpty() ? TAKING.contains(overallStatus) : sites.stream().anyMatch(this::takes);
  }
}
