package org.opentrials.portal.websupport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Security headers on every response of both applications: a strict Content-Security-Policy (no
 * inline script or style, no framing), no MIME sniffing, a referrer policy that keeps paths (and so
 * trial numbers a visitor looked at) to ourselves. Pages that may show personal data add
 * Cache-Control: no-store themselves. Registered in each application's web.xml. Besides:
 *
 * <ul>
 *   <li>a session id in the URL ({@code ;jsessionid=}) is never honoured: the request is sent to
 *       the same address without it (finding F5);
 *   <li>redirects are written relative to the server ({@code Location: /admin/}), never with the
 *       Host header a client chose (F8);
 *   <li>the session cookie carries each attribute once (Payara writes SameSite twice: {@link
 *       OneSameSite});
 *   <li>the server's own endpoints ({@code /openapi}, {@code /metrics}, {@code /health}) are
 *       missing pages to everyone (F4).
 * </ul>
 */
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final List<String> SERVER_ENDPOINTS = List.of("/openapi", "/metrics", "/health");

  /** Sets the headers every response carries (also used where no filter runs, e.g. sign-in). */
  public static void apply(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    OneSameSite.fix(response);
    String uri = request.getRequestURI();
    if (request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
        && (request.isRequestedSessionIdFromURL()
            || uri.toLowerCase(Locale.ROOT).contains(";jsessionid="))) {
      int sessionInUrl = uri.toLowerCase(Locale.ROOT).indexOf(";jsessionid=");
      String path = sessionInUrl < 0 ? uri : uri.substring(0, sessionInUrl);
      String query = request.getQueryString();
      response.setHeader("Cache-Control", "no-store");
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", path + (query == null ? "" : "?" + query));
      return;
    }
    if (request.getContextPath().isEmpty()
        && request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
        && SERVER_ENDPOINTS.stream().anyMatch(e -> uri.equals(e) || uri.startsWith(e + "/"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, new RelativeRedirects(request, new OneSameSite(response)));
    OneSameSite.fix(response);
  }

  /** Writes redirects as the path the application gave, made absolute on this server only. */
  static final class RelativeRedirects extends HttpServletResponseWrapper {
    private final String host;

    RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.host = request.getServerName();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      resetBuffer();
      setStatus(SC_FOUND);
      setHeader("Location", serverRelative(location, host));
    }
  }

  /**
   * "http://{host}/admin/x?y" becomes "/admin/x?y" when {host} is the one the request named; a path
   * and an address on another host stay as they are.
   */
  static String serverRelative(String location, String host) {
    URI uri = URI.create(location);
    if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(host)) {
      return location;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return path
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }
}
