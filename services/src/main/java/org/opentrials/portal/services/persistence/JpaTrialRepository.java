package org.opentrials.portal.services.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialRepository;

/** Trials in the database through JPA. */
@ApplicationScoped
public class JpaTrialRepository implements TrialRepository {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected JpaTrialRepository() {}

  @Inject
  public JpaTrialRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public java.util.Map<String, String> spanishTitles(java.util.Collection<NctNumber> ncts) {
    if (ncts.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, String> titles = new java.util.HashMap<>();
    em.createQuery(
            "select t.nctId, t.briefTitleEs from Trial t where t.nctId in :ncts"
                + " and t.published = true and t.briefTitleEs is not null",
            Object[].class)
        .setParameter("ncts", ncts)
        .getResultList()
        .forEach(row -> titles.put(((NctNumber) row[0]).value(), (String) row[1]));
    return titles;
  }

  @Override
  public Optional<Trial> findByNct(NctNumber nct) {
    return em.createQuery("select t from Trial t where t.nctId = :nct", Trial.class)
        .setParameter("nct", nct)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Trial> findByNcts(java.util.Collection<NctNumber> ncts) {
    if (ncts.isEmpty()) {
      return List.of();
    }
    var query =
        em.createQuery("select t from Trial t where t.nctId in :ncts", Trial.class)
            .setParameter("ncts", ncts);
    return query.getResultList();
  }

  @Override
  public Optional<Trial> findPublishedByNct(NctNumber nct) {
    return em.createQuery(
            "select t from Trial t where t.nctId = :nct and t.published = true", Trial.class)
        .setParameter("nct", nct)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Trial> findAllPublished() {
    return em.createQuery(
            "select t from Trial t where t.published = true order by t.nctId", Trial.class)
        .getResultList();
  }

  @Override
  public long countPublished() {
    return em.createQuery("select count(t) from Trial t where t.published = true", Long.class)
        .getSingleResult();
  }

  @Override
  public List<String> publishedNcts(String after, long offset, int limit) {
    var query =
        after == null
            ? em.createQuery(
                    "select t.nctId from Trial t where t.published = true order by t.nctId",
                    NctNumber.class)
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, offset))
            : em.createQuery(
                    "select t.nctId from Trial t where t.published = true and t.nctId > :after"
                        + " order by t.nctId",
                    NctNumber.class)
                .setParameter("after", NctNumber.of(after));
    return query.setMaxResults(limit).getResultList().stream().map(NctNumber::value).toList();
  }

  @Override
  public long count() {
    return em.createQuery("select count(t) from Trial t", Long.class).getSingleResult();
  }

  @Override
  public List<Trial> findAll() {
    return em.createQuery("select t from Trial t order by t.nctId", Trial.class).getResultList();
  }

  @Override
  public boolean exists(NctNumber nct) {
    return em.createQuery("select count(t) from Trial t where t.nctId = :nct", Long.class)
            .setParameter("nct", nct)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(Trial trial) {
    em.persist(trial);
    // Sites refer to the trial by NCT number (a foreign key JPA does not see, as they are separate
    // aggregates): write the trial now so that sites added in the same transaction can follow it.
    em.flush();
  }

  @Override
  public void addAll(java.util.Collection<Trial> trials) {
    trials.forEach(em::persist);
    em.flush(); // as add(): sites added next refer to these trials
  }
}
