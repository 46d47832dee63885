package org.opentrials.portal.services.contact;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.opentrials.portal.domain.contact.RequestKind;
import org.opentrials.portal.domain.contact.RequestStatus;

/**
 * A contact request as its site's team reads it, opened. Only ever built for an authorized caller.
 *
 * @param site the site as "NCT.../slug"
 * @param verdict the pre-screening verdict when the visitor asked (LIKELY_ELIGIBLE...), or null
 * @param answers the stored pre-screening answers as "question: answer", in question order
 * @param version what a status change must start from
 */
public record RequestView(
    String reference,
    String site,
    RequestKind kind,
    RequestStatus status,
    Instant receivedAt,
    Instant statusChangedAt,
    String consentVersion,
    String verdict,
    String name,
    String phone,
    String email,
    String preferredTime,
    List<String> answers,
    long version)
    implements Serializable {

  public RequestView {
    answers = List.copyOf(answers);
  }

  @Override
  public String toString() {
    return "RequestView["
        + reference
        + ", "
        + site
        + ", "
        + status
        + "]"; // never the personal part
  }
}
