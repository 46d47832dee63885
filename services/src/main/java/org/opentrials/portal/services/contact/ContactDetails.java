package org.opentrials.portal.services.contact;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentrials.portal.domain.site.SiteContact;

/**
 * What a visitor gives so that a site can reach them. At least a phone number or an email address.
 *
 * @param preferredTime one of {@link #PREFERRED_TIMES}
 */
public record ContactDetails(String name, String phone, String email, String preferredTime)
    implements Serializable {
  public static final java.util.List<String> PREFERRED_TIMES =
      java.util.List.of("ANY", "MORNING", "AFTERNOON", "EVENING");

  /** Field name -> message key for every problem; empty when the details can be stored. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (name == null || name.isBlank()) {
      problems.put("name", "contact.error.name.required");
    } else if (name.strip().length() > 200) {
      problems.put("name", "contact.error.name.long");
    }
    boolean hasPhone = phone != null && !phone.isBlank();
    boolean hasEmail = email != null && !email.isBlank();
    if (!hasPhone && !hasEmail) {
      problems.put("phone", "contact.error.phoneOrEmail");
    }
    if (hasPhone && !SiteContact.isPhone(phone)) {
      problems.put("phone", "contact.error.phone");
    }
    if (hasEmail && (!SiteContact.isEmail(email) || email.strip().length() > 254)) {
      problems.put("email", "contact.error.email");
    }
    if (preferredTime == null || !PREFERRED_TIMES.contains(preferredTime)) {
      problems.put("preferredTime", "contact.error.preferredTime");
    }
    return problems;
  }
}
