package org.opentrials.portal.services.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.opentrials.portal.domain.trial.ContentDraft;
import org.opentrials.portal.domain.trial.ContentDraftRepository;
import org.opentrials.portal.domain.trial.NctNumber;

/** Drafts of trial content in the database through JPA. */
@ApplicationScoped
public class JpaContentDraftRepository implements ContentDraftRepository {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected JpaContentDraftRepository() {}

  @Inject
  public JpaContentDraftRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ContentDraft> findByNct(NctNumber nct) {
    return em.createQuery("select d from ContentDraft d where d.nctId = :nct", ContentDraft.class)
        .setParameter("nct", nct)
        .getResultStream()
        .findFirst();
  }

  @Override
  public java.util.List<ContentDraft> findByNcts(java.util.Collection<NctNumber> ncts) {
    if (ncts.isEmpty()) {
      return java.util.List.of();
    }
    return em.createQuery("select d from ContentDraft d where d.nctId in :ncts", ContentDraft.class)
        .setParameter("ncts", ncts)
        .getResultList();
  }

  @Override
  public Optional<ContentDraft> findByPreviewKey(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery(
            "select d from ContentDraft d where d.previewKey = :key", ContentDraft.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(ContentDraft draft) {
    em.persist(draft);
  }

  @Override
  public void allowPreview(ContentDraft draft, String key, java.time.Instant until) {
    // Native SQL: EclipseLink's JPQL bulk update would also increment the version.
    em.createNativeQuery("UPDATE content_draft SET preview_key = ?, preview_until = ? WHERE id = ?")
        .setParameter(1, ContentDraft.checkPreviewKey(key))
        .setParameter(2, java.sql.Timestamp.from(until))
        .setParameter(3, draft.id())
        .executeUpdate();
  }

  @Override
  public void remove(ContentDraft draft) {
    em.remove(draft);
  }
}
