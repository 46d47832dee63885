package org.opentrials.portal.admin.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;
import org.opentrials.portal.services.shared.PublicAddress;

/**
 * Runs on every request of the administration, after the container has established who is calling:
 *
 * <ul>
 *   <li>A session signed in before its account's password was reset, or before the account was
 *       disabled (or disabled and enabled again), ends here: the account's credential epoch in the
 *       database differs from the one the session recorded at sign-in (finding F1). The database
 *       holds the truth, so this works on every instance.
 *   <li>A form post whose {@code Origin} is not this site's is refused (F13): cross-site request
 *       forgery is stopped even in a browser that ignores SameSite.
 * </ul>
 */
public class StaffRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The session attribute holding the credential epoch the session was signed in with. */
  public static final String EPOCH = "org.opentrials.portal.admin.credentialEpoch";

  /** Request attribute: this filter refused a post from another site (403). */
  public static final String CROSS_ORIGIN_REFUSED = "org.opentrials.portal.admin.crossOrigin";

  private final transient StaffRepository staff;
  private final transient PublicAddress publicAddress;

  @Inject
  public StaffRequestFilter(StaffRepository staff, PublicAddress publicAddress) {
    this.staff = staff;
    this.publicAddress = publicAddress;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equalsIgnoreCase(request.getMethod())
        && !sameOrigin(request)
        && !publicOrigin(request.getHeader("Origin"))) {
      request.setAttribute(CROSS_ORIGIN_REFUSED, Boolean.TRUE);
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Principal principal = request.getUserPrincipal();
    if (principal != null && !sessionStillValid(request, principal)) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      request.logout();
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect(request.getContextPath() + "/login.xhtml");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean sessionStillValid(HttpServletRequest request, Principal principal) {
    HttpSession session = request.getSession(false);
    Object epoch = session == null ? null : session.getAttribute(EPOCH);
    if (!(epoch instanceof Integer signedInWith)) {
      return false;
    }
    Optional<StaffAccount> account = staff.findByUsername(principal.getName());
    return account.isPresent()
        && !account.get().disabled()
        && account.get().credentialEpoch() == signedInWith;
  }

  /**
   * A post without Origin (an old browser, a script) is let through: the session cookie is
   * SameSite=Strict and Faces' view state is bound to the session. One with an Origin must name
   * this site: the scheme, host and port the request came to, or those of {@code
   * trials.public.base-url} ("null" from a sandboxed frame never does).
   */
  static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    try {
      URI o = URI.create(origin.strip());
      if (o.getScheme() == null || o.getHost() == null) {
        return false;
      }
      int originPort = o.getPort() != -1 ? o.getPort() : defaultPort(o.getScheme());
      String host = request.getServerName();
      return o.getScheme().toLowerCase(Locale.ROOT).equals(request.getScheme())
          && o.getHost().equalsIgnoreCase(host)
          && originPort == request.getServerPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The Origin of the configured public address (behind a proxy that ends TLS, for example). */
  private boolean publicOrigin(String origin) {
    if (origin == null) {
      return false;
    }
    URI base = URI.create(publicAddress.base());
    String expected =
        base.getScheme()
            + "://"
            + base.getHost()
            + (base.getPort() == -1 ? "" : ":" + base.getPort());
    return expected.equalsIgnoreCase(origin.strip());
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
