package org.opentrials.portal.services.trials;

import java.time.LocalDate;

/** A site as the public pages show it, with its distance from the visitor when that is known. */
public record SiteView(
    String slug,
    String name,
    String facility,
    String city,
    String state,
    String postalCode,
    String country,
    String status,
    boolean recruiting,
    LocalDate statusVerifiedOn,
    boolean statusMayBeOutdated,
    Integer placesLeft,
    LocalDate placesLeftUntil,
    String principalInvestigator,
    String contactName,
    String contactPhone,
    String contactPhoneLink,
    String contactEmail,
    String displayTitle,
    Double latitude,
    Double longitude,
    Double distanceMiles,
    String locationSource,
    boolean placesOutdated) {

  /** Whether the places count comes with a date, by when, that has already passed. */
  public boolean placesDated() {
    return placesLeftUntil != null && !placesOutdated;
  }

  /** The distance in kilometres, for visitors who read kilometres. */
  public Double distanceKm() {
    return distanceMiles == null ? null : distanceMiles * 1.609344;
  }

  /** "Charleston, SC", "Palo Alto" or "Birmingham, United Kingdom": the country unless the US. */
  public String place() {
    String place = state == null ? city : city + ", " + state;
    return country == null || isUnitedStates() ? place : place + ", " + country;
  }

  private boolean isUnitedStates() {
    return country.equalsIgnoreCase("United States") || country.equalsIgnoreCase("USA");
  }
}
