package org.opentrials.portal.services.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.services.shared.AccessDenied;

/** Use case: an administrator looks at the staff accounts. Only administrators may. */
@ApplicationScoped
@Transactional
public class StaffDirectory {
  /** An account as the accounts page lists it; never the password hash. */
  public record AccountView(String username, String displayName, String role, int assignedTrials, int assignedSites) {}

  @PersistenceContext(unitName = "trials")
  EntityManager em;

  @Inject SecurityContext security;

  public List<AccountView> listAccounts() {
    if (!security.isCallerInRole(Role.ADMINISTRATOR.name())) {
      throw new AccessDenied("only administrators may list staff accounts");
    }
    return em.createQuery("select a from StaffAccount a order by a.username", StaffAccount.class).getResultList()
        .stream().map(a -> new AccountView(a.username(), a.displayName(), a.role().name(), a.trials().size(),
            a.sites().size())).toList();
  }
}
