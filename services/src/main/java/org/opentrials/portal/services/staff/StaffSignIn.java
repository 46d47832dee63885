package org.opentrials.portal.services.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;

/**
 * Use case: a staff member signs in. An unknown user and a wrong password take the same time and
 * give the same answer (nothing), so neither can be told from the other.
 */
@ApplicationScoped
@Transactional
public class StaffSignIn {
  private final PasswordHasher hasher = new PasswordHasher();
  private volatile String decoy;

  @Inject StaffRepository staff;

  public Optional<StaffAccount> verify(String username, char[] password) {
    Optional<StaffAccount> account = staff.findByUsername(username);
    if (account.isEmpty()) {
      hasher.matches(password, decoyHash());
      return Optional.empty();
    }
    return hasher.matches(password, account.get().passwordHash()) ? account : Optional.empty();
  }

  private String decoyHash() {
    if (decoy == null) {
      decoy = hasher.decoy();
    }
    return decoy;
  }
}
