package org.opentrials.portal.services.geo;

import java.util.Objects;
import org.opentrials.portal.domain.shared.GeoPoint;

/**
 * A US place found by the {@link Gazetteer}.
 *
 * @param zip the five-digit ZIP code when the place is a ZIP code, {@code null} when it is a city
 *     (a city usually has several ZIP codes)
 * @param city the city name as the data spells it (for example {@code "Palo Alto"}, {@code "Mc
 *     Lean"}); for a ZIP code, the city the ZIP code belongs to
 * @param state the two-letter USPS code ({@code "CA"}; also DC, territories and the military codes
 *     AA, AE, AP)
 * @param point the ZIP code's centroid, or for a city the mean of the centroids of its ZIP codes
 */
public record Place(String zip, String city, String state, GeoPoint point) {

  public Place {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(point, "point");
  }

  /** Whether this place is a single ZIP code rather than a whole city. */
  public boolean isZip() {
    return zip != null;
  }

  /** {@code "Palo Alto, CA 94301"} or {@code "Palo Alto, CA"}, for display. */
  public String label() {
    return zip == null ? city + ", " + state : city + ", " + state + " " + zip;
  }
}
