package org.opentrials.portal.services.trials;

import java.util.List;

/** A trial as a search result shows it. */
public record TrialSummaryView(
    String nct,
    String acronym,
    String briefTitle,
    List<String> conditions,
    List<String> phases,
    String overallStatus,
    String leadSponsor,
    int siteCount) {}
