package org.opentrials.portal.services.audit;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;

/** A SecurityContext outside the container: a signed-in caller by name, or nobody. */
public final class TestCaller implements SecurityContext {
  private final String name;

  private TestCaller(String name) {
    this.name = name;
  }

  public static TestCaller named(String username) {
    return new TestCaller(username);
  }

  public static TestCaller anonymous() {
    return new TestCaller(null);
  }

  @Override
  public Principal getCallerPrincipal() {
    return name == null ? null : () -> name;
  }

  @Override
  public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
    return Set.of();
  }

  /** Never true: the services decide from the account in the database, and tests prove it. */
  @Override
  public boolean isCallerInRole(String role) {
    return false;
  }

  @Override
  public boolean hasAccessToWebResource(String resource, String... methods) {
    return false;
  }

  @Override
  public AuthenticationStatus authenticate(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationParameters parameters) {
    throw new UnsupportedOperationException();
  }
}
