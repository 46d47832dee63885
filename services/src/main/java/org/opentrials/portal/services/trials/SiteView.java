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
    Double distanceMiles) {

  /** The distance in kilometres, for visitors who read kilometres. */
  public Double distanceKm() {
    return distanceMiles == null ? null : distanceMiles * 1.609344;
  }

  /** "Charleston, SC" or "Palo Alto". */
  public String place() {
    return state == null ? city : city + ", " + state;
  }
}
