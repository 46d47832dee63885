package org.opentrials.portal.services.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.opentrials.portal.domain.contact.ContactRequest;
import org.opentrials.portal.domain.contact.ContactRequestRepository;

/** Contact requests in the database through JPA. */
@ApplicationScoped
public class JpaContactRequestRepository implements ContactRequestRepository {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected JpaContactRequestRepository() {}

  @Inject
  public JpaContactRequestRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ContactRequest> findBySubmissionKey(String submissionKey) {
    return em.createQuery(
            "select r from ContactRequest r where r.submissionKey = :k", ContactRequest.class)
        .setParameter("k", submissionKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ContactRequest> findByReference(String reference) {
    return em.createQuery(
            "select r from ContactRequest r where r.reference = :r", ContactRequest.class)
        .setParameter("r", reference)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ContactRequest> findBySite(Long siteId) {
    return em.createQuery(
            "select r from ContactRequest r where r.siteId = :s order by r.createdAt",
            ContactRequest.class)
        .setParameter("s", siteId)
        .getResultList();
  }

  @Override
  public List<ContactRequest> findBySites(java.util.Collection<Long> siteIds) {
    if (siteIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select r from ContactRequest r where r.siteId in :ids"
                + " order by r.nctId, r.siteId, r.createdAt",
            ContactRequest.class)
        .setParameter("ids", siteIds)
        .getResultList();
  }

  @Override
  public void add(ContactRequest request) {
    em.persist(request);
    // Write now so that a second submission racing this one fails on the unique submission key
    // inside this transaction, before the visitor is told anything.
    em.flush();
  }

  @Override
  public void erase(ContactRequest request) {
    em.remove(em.contains(request) ? request : em.merge(request));
  }

  @Override
  public List<ContactRequest> findPastRetention(
      java.time.Instant closedBefore,
      java.time.LocalDate siteEndedBefore,
      java.time.Instant createdBefore) {
    return em.createQuery(
            "select r from ContactRequest r, Site s where s.id = r.siteId and ("
                + " (r.status in :closed and r.statusChangedAt < :closedBefore)"
                + " or ((s.status is null or s.status not in :open) and ("
                + "   (s.statusVerifiedOn is not null and s.statusVerifiedOn < :endedBefore)"
                + "   or (s.statusVerifiedOn is null and r.createdAt < :createdBefore))))"
                + " order by r.id",
            ContactRequest.class)
        .setParameter(
            "closed",
            java.util.EnumSet.of(
                org.opentrials.portal.domain.contact.RequestStatus.ENROLLED,
                org.opentrials.portal.domain.contact.RequestStatus.NOT_ELIGIBLE,
                org.opentrials.portal.domain.contact.RequestStatus.WITHDRAWN))
        .setParameter(
            "open",
            java.util.Arrays.stream(org.opentrials.portal.domain.site.SiteStatus.values())
                .filter(org.opentrials.portal.domain.site.SiteStatus::takesParticipants)
                .toList())
        .setParameter("closedBefore", closedBefore)
        .setParameter("endedBefore", siteEndedBefore)
        .setParameter("createdBefore", createdBefore)
        .getResultList();
  }
}
