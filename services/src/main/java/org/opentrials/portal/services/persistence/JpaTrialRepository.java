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
  public List<Trial> search(String text, org.opentrials.portal.domain.trial.Phase phase) {
    // Plain SQL for the text match: JPQL cannot apply lower() to an element collection's values.
    StringBuilder sql = new StringBuilder("select t.id from trial t where t.published = true");
    String like = null;
    if (text != null && !text.isBlank()) {
      like =
          "%"
              + text.strip()
                  .toLowerCase(java.util.Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      sql.append(
              " and (lower(t.brief_title) like ?1 escape '\\' or lower(t.official_title) like ?1 escape '\\'")
          .append(" or lower(t.acronym) like ?1 escape '\\'")
          .append(" or exists (select 1 from trial_condition c where c.trial_id = t.id")
          .append(" and lower(c.condition_name) like ?1 escape '\\')")
          .append(" or exists (select 1 from trial_keyword k where k.trial_id = t.id")
          .append(" and lower(k.keyword) like ?1 escape '\\'))");
    }
    if (phase != null) {
      sql.append(
          " and exists (select 1 from trial_phase p where p.trial_id = t.id and p.phase = ?2)");
    }
    var query = em.createNativeQuery(sql.toString());
    if (like != null) {
      query.setParameter(1, like);
    }
    if (phase != null) {
      query.setParameter(2, phase.name());
    }
    List<Long> ids =
        ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select t from Trial t where t.id in :ids", Trial.class)
        .setParameter("ids", ids)
        .getResultList();
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
