package org.opentrials.portal.services.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.NctNumber;

/** Sites in the database through JPA. */
@ApplicationScoped
public class JpaSiteRepository implements SiteRepository {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected JpaSiteRepository() {}

  @Inject
  public JpaSiteRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<Site> findByTrial(NctNumber nct) {
    return em.createQuery("select s from Site s where s.nctId = :nct order by s.id", Site.class)
        .setParameter("nct", nct)
        .getResultList();
  }

  @Override
  public List<Site> findByTrials(Collection<NctNumber> ncts) {
    if (ncts.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select s from Site s where s.nctId in :ncts order by s.id", Site.class)
        .setParameter("ncts", ncts)
        .getResultList();
  }

  @Override
  public Optional<Site> findBySlug(NctNumber nct, String slug) {
    return em.createQuery(
            "select s from Site s where s.nctId = :nct and s.slug = :slug", Site.class)
        .setParameter("nct", nct)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Site> findAll() {
    return em.createQuery("select s from Site s order by s.nctId, s.id", Site.class)
        .getResultList();
  }

  @Override
  public List<Site> findByIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select s from Site s where s.id in :ids order by s.nctId, s.id", Site.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public void add(Site site) {
    em.persist(site);
  }
}
