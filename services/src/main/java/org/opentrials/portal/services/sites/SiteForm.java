package org.opentrials.portal.services.sites;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentrials.portal.domain.site.SiteStatus;

/**
 * A site's editable values as stored, with the version they were read at: what the edit form starts
 * from, and, in a conflict, what someone else saved in the meantime.
 */
public record SiteForm(
    String nct,
    String slug,
    String name,
    String place,
    long version,
    SiteStatus status,
    Integer placesLeft,
    LocalDate placesLeftUntil,
    String principalInvestigator,
    String contactName,
    String contactPhone,
    String contactEmail,
    LocalDate statusVerifiedOn)
    implements Serializable {

  /** The editable fields by name, as text (the names the audit trail uses). */
  public Map<String, String> fieldValues() {
    return SiteFields.values(
        status,
        placesLeft,
        placesLeftUntil,
        principalInvestigator,
        contactName,
        contactPhone,
        contactEmail);
  }

  /** "NCT02633163/cedars-sinai": how the audit trail names this site. */
  public String key() {
    return nct + "/" + slug;
  }

  static final class SiteFields {
    private SiteFields() {}

    static Map<String, String> values(
        SiteStatus status,
        Integer placesLeft,
        LocalDate placesLeftUntil,
        String principalInvestigator,
        String contactName,
        String contactPhone,
        String contactEmail) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put(SiteUpdate.STATUS, status == null ? null : status.name());
      values.put(SiteUpdate.PLACES_LEFT, placesLeft == null ? null : placesLeft.toString());
      values.put(
          SiteUpdate.PLACES_LEFT_UNTIL,
          placesLeftUntil == null ? null : placesLeftUntil.toString());
      values.put(SiteUpdate.PRINCIPAL_INVESTIGATOR, principalInvestigator);
      values.put(SiteUpdate.CONTACT_NAME, contactName);
      values.put(SiteUpdate.CONTACT_PHONE, contactPhone);
      values.put(SiteUpdate.CONTACT_EMAIL, contactEmail);
      return values;
    }
  }
}
