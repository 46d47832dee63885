package org.opentrials.portal.services.sites;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A site as the "My sites" list shows it.
 *
 * @param status the ClinicalTrials.gov name of the site's status, or null when none is known
 * @param editable whether the caller may change it (sponsor staff see their trials' sites
 *     read-only)
 */
public record SiteSummary(
    String nct,
    String slug,
    String name,
    String place,
    String status,
    Integer placesLeft,
    LocalDate placesLeftUntil,
    LocalDate statusVerifiedOn,
    boolean editable)
    implements Serializable {}
