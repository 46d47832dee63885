package org.opentrials.portal.services.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;

/** Staff accounts in the database through JPA. */
@ApplicationScoped
public class JpaStaffRepository implements StaffRepository {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected JpaStaffRepository() {}

  @Inject
  public JpaStaffRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<StaffAccount> findByUsername(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
        .setParameter("u", username.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  @Override
  public long count() {
    return em.createQuery("select count(a) from StaffAccount a", Long.class).getSingleResult();
  }

  @Override
  public long countByRole(Role role) {
    return em.createQuery("select count(a) from StaffAccount a where a.role = :role", Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }

  @Override
  public List<StaffAccount> findAll() {
    return em.createQuery("select a from StaffAccount a order by a.username", StaffAccount.class)
        .getResultList();
  }

  @Override
  public void add(StaffAccount account) {
    em.persist(account);
    // Written now, so that a taken username fails here rather than at commit.
    em.flush();
  }
}
