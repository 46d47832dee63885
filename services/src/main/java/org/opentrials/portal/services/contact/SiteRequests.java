package org.opentrials.portal.services.contact;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.util.List;
import org.opentrials.portal.domain.contact.RequestStatus;
import org.opentrials.portal.domain.trial.NctNumber;

/**
 * Use case: a site's team works through the contact requests and waitlist entries visitors left for
 * it. Administrators may act on every site, an investigator on the sites assigned to them; nobody
 * else, sponsor staff included (these are personal data). Requests are opened (decrypted) here and
 * only for such a caller. A refusal is an {@link
 * org.opentrials.portal.services.shared.AccessDenied} with an ACCESS_DENIED entry in the audit
 * trail; status changes and exports are recorded with the request's reference only, never the
 * visitor's details.
 */
public interface SiteRequests {
  /** The statuses the team can set (NEW is only where a request starts). */
  List<RequestStatus> SETTABLE =
      List.of(
          RequestStatus.CONTACTED,
          RequestStatus.ENROLLED,
          RequestStatus.NOT_ELIGIBLE,
          RequestStatus.WITHDRAWN);

  /** A site's requests, newest first. */
  record SiteRequestList(
      String nct, String slug, String siteName, String place, List<RequestView> requests)
      implements Serializable {}

  /** Throws SiteNotFound or AccessDenied. */
  SiteRequestList listForSite(NctNumber nct, String slug);

  /**
   * Sets a request's status. Throws RequestNotFound when the site has no request with that
   * reference, RequestConflict when it changed since {@code expectedVersion} (nothing is changed),
   * IllegalArgumentException for NEW, SiteNotFound or AccessDenied.
   */
  RequestView changeStatus(
      NctNumber nct, String slug, String reference, RequestStatus status, long expectedVersion);

  /**
   * Writes the requests of every site the caller acts for as CSV (formula-safe cells). Recorded as
   * an EXPORT.
   */
  void exportCsv(Writer out) throws IOException;
}
