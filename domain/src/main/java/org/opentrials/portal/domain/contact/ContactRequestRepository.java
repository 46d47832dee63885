package org.opentrials.portal.domain.contact;

import java.util.List;
import java.util.Optional;

/** Where contact requests are kept. Implemented with JPA in the services module. */
public interface ContactRequestRepository {
  Optional<ContactRequest> findBySubmissionKey(String submissionKey);

  Optional<ContactRequest> findByReference(String reference);

  List<ContactRequest> findBySite(Long siteId);

  /** The requests to these sites, by trial, site and then oldest first (an export). */
  List<ContactRequest> findBySites(java.util.Collection<Long> siteIds);

  void add(ContactRequest request);

  /** Erases the request entirely: nothing of the visitor remains. */
  void erase(ContactRequest request);

  /**
   * Requests past their retention: closed (enrolled, not eligible, withdrawn) before {@code
   * closedBefore}, or at a site that no longer takes participants and was last confirmed so before
   * {@code siteEndedBefore} (with no confirmation date: received before {@code createdBefore}).
   */
  List<ContactRequest> findPastRetention(
      java.time.Instant closedBefore,
      java.time.LocalDate siteEndedBefore,
      java.time.Instant createdBefore);
}
