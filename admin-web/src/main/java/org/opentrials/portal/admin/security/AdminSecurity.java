package org.opentrials.portal.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opentrials.portal.websupport.SecurityHeadersFilter;

/**
 * Staff sign in with a form of our own (LoginBacking calls {@code SecurityContext.authenticate});
 * the identity store checks the database, and the signed-in identity is kept in the session.
 *
 * <p>An anonymous request for a protected page is redirected (not forwarded) to the sign-in page,
 * so the browser's address and the session id both change at sign-in. The mechanism runs before any
 * filter, so it writes the redirect itself: with the security headers every response carries
 * (finding F11) and a Location relative to the server, never built from the Host header (F8).
 */
@AutoApplySession
@ApplicationScoped
public class AdminSecurity implements HttpAuthenticationMechanism {
  private IdentityStoreHandler identityStores;

  /** For the container's proxy only. */
  protected AdminSecurity() {}

  @Inject
  public AdminSecurity(IdentityStoreHandler identityStores) {
    this.identityStores = identityStores;
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    SecurityHeadersFilter.apply(request, response);
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
    if (context.isProtected() && request.getUserPrincipal() == null) {
      response.setHeader("Cache-Control", "no-store");
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", request.getContextPath() + "/login.xhtml");
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.doNothing();
  }
}
