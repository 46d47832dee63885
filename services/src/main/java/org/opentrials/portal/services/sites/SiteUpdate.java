package org.opentrials.portal.services.sites;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.opentrials.portal.domain.site.SiteStatus;

/**
 * An investigator's change to a site: every editable value as the form holds it, an optional
 * reason, and the version the editor started from (a save on top of someone else's newer save is
 * refused). Texts are stripped, and blank ones become null, so " " and "" both mean "none".
 */
public record SiteUpdate(
    @NotNull @Pattern(regexp = "NCT\\d{8}") String nct,
    @NotNull @Size(max = 80) String slug,
    long expectedVersion,
    @NotNull SiteStatus status,
    @PositiveOrZero Integer placesLeft,
    LocalDate placesLeftUntil,
    @Size(max = 200) String principalInvestigator,
    @Size(max = 200) String contactName,
    @Size(max = 40) String contactPhone,
    @Size(max = 254) String contactEmail,
    @Size(max = 1000) String reason)
    implements Serializable {

  public static final String STATUS = "status";
  public static final String PLACES_LEFT = "placesLeft";
  public static final String PLACES_LEFT_UNTIL = "placesLeftUntil";
  public static final String PRINCIPAL_INVESTIGATOR = "principalInvestigator";
  public static final String CONTACT_NAME = "contactName";
  public static final String CONTACT_PHONE = "contactPhone";
  public static final String CONTACT_EMAIL = "contactEmail";
  public static final String STATUS_VERIFIED_ON = "statusVerifiedOn";
  public static final String REASON = "reason";

  public SiteUpdate {
    principalInvestigator = clean(principalInvestigator);
    contactName = clean(contactName);
    contactPhone = clean(contactPhone);
    contactEmail = clean(contactEmail);
    reason = clean(reason);
  }

  /** The editable fields by name, as text, in the same form as {@link SiteForm#fieldValues()}. */
  public Map<String, String> fieldValues() {
    return SiteForm.SiteFields.values(
        status,
        placesLeft,
        placesLeftUntil,
        principalInvestigator,
        contactName,
        contactPhone,
        contactEmail);
  }

  /**
   * The earliest "places left until" date accepted: today where it is earliest on earth (UTC-12),
   * so that an investigator anywhere can give their own today.
   */
  public static LocalDate earliestUntil(Clock clock) {
    return LocalDate.now(clock.withZone(ZoneOffset.ofHours(-12)));
  }

  private static String clean(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
