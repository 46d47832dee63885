package org.opentrials.portal.domain.site;

/** Where a site's point on the map comes from, so that a distance can say what it measures. */
public enum LocationSource {
  /** The centroid of the site's US ZIP code (the code lies in the site's state). */
  ZIP,
  /** The registry's geo point (ClinicalTrials.gov gives the city's). */
  REGISTRY,
  /** The centre of the site's city in its state, from the offline gazetteer. */
  CITY,
  /** Entered by staff. */
  STAFF
}
