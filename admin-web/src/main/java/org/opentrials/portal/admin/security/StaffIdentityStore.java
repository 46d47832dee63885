package org.opentrials.portal.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.opentrials.portal.services.staff.StaffSignIn;

/**
 * Validates staff credentials against the accounts in the database. The client address is the
 * connection's, or behind a configured front the address that front saw ({@link ClientAddress};
 * never a forwarded-for header any client could set): the sign-in use case throttles failures per
 * address and records it in the audit trail.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {
  private StaffSignIn signIn;
  private HttpServletRequest request;
  private ClientAddress clientAddress;

  /** For the container's proxies only (see README, "Injection"). */
  protected StaffIdentityStore() {}

  @Inject
  public StaffIdentityStore(
      StaffSignIn signIn, HttpServletRequest request, ClientAddress clientAddress) {
    this.signIn = signIn;
    this.request = request;
    this.clientAddress = clientAddress;
  }

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return signIn
        .verify(credential.getCaller(), credential.getPassword().getValue(), clientAddress())
        .map(
            account ->
                new CredentialValidationResult(account.username(), Set.of(account.role().name())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  private String clientAddress() {
    try {
      return clientAddress.of(request);
    } catch (IllegalStateException | jakarta.enterprise.context.ContextNotActiveException e) {
      return null;
    }
  }
}
