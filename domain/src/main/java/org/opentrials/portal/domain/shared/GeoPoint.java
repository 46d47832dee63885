package org.opentrials.portal.domain.shared;

import java.io.Serializable;

/**
 * A point on the earth in decimal degrees (WGS 84), with great-circle distances between points.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) implements Serializable {

  /** Mean earth radius used by the haversine formula, in kilometres. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  public static final double KM_PER_MILE = 1.609344;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be between -90 and 90: " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be between -180 and 180: " + longitude);
    }
  }

  /** Great-circle (haversine) distance to another point, in kilometres. */
  public double distanceKmTo(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Great-circle distance to another point, in statute miles. */
  public double distanceMilesTo(GeoPoint other) {
    return distanceKmTo(other) / KM_PER_MILE;
  }
}
