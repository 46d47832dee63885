/**
 * Offline US geography: ZIP codes and city names to coordinates, so that trial sites can be sorted
 * by distance from a visitor without calling any service at run time.
 *
 * <p>{@link org.opentrials.portal.services.geo.Gazetteer#shared()} reads the bundled data set
 * {@code /geo/us-zip-centroids.csv.gz} (about 42,000 ZIP code centroids with city and state, from
 * the BSD-licensed npm package {@code zipcodes} 8.0.0; provenance, licence and the regeneration
 * script are beside it in {@code src/main/resources/geo/}) once, on first use. {@link
 * org.opentrials.portal.services.geo.Gazetteer#resolve(String)} takes what a visitor types in one
 * field ("94301", "Palo Alto, CA", "palo alto") and gives a {@link
 * org.opentrials.portal.services.geo.Place} whose {@code point} feeds {@link
 * org.opentrials.portal.domain.shared.GeoPoint#distanceMilesTo}. The matching rules, the choice
 * between cities of the same name (most ZIP codes, then state code) and the definition of a city's
 * point (mean of its ZIP centroids) are documented on {@link
 * org.opentrials.portal.services.geo.Gazetteer}.
 *
 * <p>Plain Java, no CDI: a bean that wants one can produce or wrap {@code Gazetteer.shared()}.
 */
package org.opentrials.portal.services.geo;
