package org.opentrials.portal.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.opentrials.portal.services.staff.StaffSignIn;

/** Validates staff credentials against the accounts in the database. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {
  @Inject StaffSignIn signIn;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return signIn.verify(credential.getCaller(), credential.getPassword().getValue())
        .map(account -> new CredentialValidationResult(account.username(), Set.of(account.role().name())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
