package org.opentrials.portal.services.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Who is calling: the signed-in staff member's account, read from the database on every call. The
 * role and the assignments come from the account, not from the container's role check, so they are
 * current (an administrator's change applies at once) and correct on the first request after
 * sign-in too (Payara issue 4734). Nothing the request carries (ids, hidden fields) decides it.
 */
@ApplicationScoped
public class StaffCaller {
  private SecurityContext security;
  private StaffRepository staff;

  /** For the container's proxies only (see README, "Injection"). */
  protected StaffCaller() {}

  @Inject
  public StaffCaller(SecurityContext security, StaffRepository staff) {
    this.security = security;
    this.staff = staff;
  }

  /**
   * The caller's account, or nothing for an anonymous caller or an account that no longer exists or
   * has been disabled (a session that was signed in before the account was disabled ends there).
   */
  public Optional<StaffAccount> account() {
    Principal principal = security.getCallerPrincipal();
    return principal == null
        ? Optional.empty()
        : staff.findByUsername(principal.getName()).filter(a -> !a.disabled());
  }

  /**
   * The account with this username, enabled, as sign-in just verified it (the caller principal is
   * only established from the next request on).
   */
  public Optional<StaffAccount> accountNamed(String username) {
    return staff.findByUsername(username).filter(a -> !a.disabled());
  }

  /** The caller's account; an anonymous caller is refused. */
  public StaffAccount require() {
    return account().orElseThrow(() -> new AccessDenied("no signed-in staff member"));
  }

  /** Whether the caller is a signed-in administrator. */
  public boolean isAdministrator() {
    return account().map(a -> a.role() == Role.ADMINISTRATOR).orElse(false);
  }
}
