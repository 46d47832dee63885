package org.opentrials.portal.admin.support;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opentrials.portal.admin.security.StaffRequestFilter;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.websupport.PlainRead;

/**
 * On the way to an error page (ERROR dispatch): a refusal by the container's role check (403, from
 * web.xml's constraints or a refused Origin) is recorded in the audit trail as ACCESS_DENIED
 * (finding F3), and every "not found" page — a refusal, a missing page, a method not allowed — is
 * rendered the same way whatever the method: as a plain page read (no form data, no view state
 * restored), with status 404 (F10). A refusal then cannot be told from a page that does not exist.
 *
 * <p>Payara 6.2025.10 sometimes refuses a signed-in staff member a page their role may open when
 * two staff requests run at once on one instance (its security context is shared between threads:
 * Payara FISH-7515, fixed upstream after this version; LoadIT measured 4 of 145 staff requests).
 * When the account's role, read from the database, is one web.xml's constraints let through for
 * this page, the refusal is that fault: the request is sent once more to the same address (302 for
 * a read, 307 for a post, which the browser repeats with the same form data), marked {@code
 * refused=1}, and passes every check again; only a second refusal is recorded and shown. A refusal
 * the role explains is never retried, so it still looks like a missing page.
 */
public class RefusalFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RefusalFilter.class.getName());

  private final transient StaffCaller caller;
  private final transient AuditTrail audit;

  @Inject
  public RefusalFilter(StaffCaller caller, AuditTrail audit) {
    this.caller = caller;
    this.audit = audit;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 0;
    if (status != 403 && status != 404 && status != 405) {
      chain.doFilter(request, response);
      return;
    }
    if (status == 403) {
      if (retriedOnce(request, response)) {
        return;
      }
      recordRefusal(request);
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    chain.doFilter(new PlainRead(request), response);
  }

  /** Request parameter marking the one repetition of a request refused by Payara's fault. */
  static final String RETRY_MARK = "refused";

  private boolean retriedOnce(HttpServletRequest request, HttpServletResponse response) {
    if (request.getUserPrincipal() == null
        || request.getAttribute(StaffRequestFilter.CROSS_ORIGIN_REFUSED) != null) {
      return false;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    // Servlet 6.1's ERROR_QUERY_STRING; without it, the error dispatch keeps the request's own.
    Object query = request.getAttribute("jakarta.servlet.error.query_string");
    String path = uri == null ? "" : uri.toString();
    if (query == null) {
      query = request.getQueryString();
    }
    String queryString = query == null ? "" : query.toString();
    if (queryString.contains(RETRY_MARK + "=1")) {
      return false;
    }
    String inApplication =
        path.startsWith(request.getContextPath())
            ? path.substring(request.getContextPath().length())
            : path;
    boolean mayOpen;
    try {
      // By the request's own principal: the security context is what Payara got wrong.
      mayOpen =
          caller
              .accountNamed(request.getUserPrincipal().getName())
              .map(a -> roleMayOpen(a.role(), inApplication))
              .orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
    if (!mayOpen) {
      return false;
    }
    LOG.info(() -> "Refusal of an allowed page retried (Payara FISH-7515): " + inApplication);
    response.resetBuffer();
    response.setStatus(
        "GET".equals(request.getMethod())
            ? HttpServletResponse.SC_FOUND
            : HttpServletResponse.SC_TEMPORARY_REDIRECT);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Location",
        path + "?" + (queryString.isEmpty() ? "" : queryString + "&") + RETRY_MARK + "=1");
    return true;
  }

  /** web.xml's security constraints, for a page of this application. */
  static boolean roleMayOpen(Role role, String page) {
    if (page.equals("/accounts.xhtml")
        || page.startsWith("/accounts/")
        || page.startsWith("/audit/")
        || page.startsWith("/imports/")) {
      return role == Role.ADMINISTRATOR;
    }
    if (page.startsWith("/trials/")) {
      return role == Role.ADMINISTRATOR || role == Role.SPONSOR_STAFF;
    }
    return true; // the rest: every staff role
  }

  private void recordRefusal(HttpServletRequest request) {
    if (request.getUserPrincipal() == null) {
      return;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String page = uri == null ? "" : uri.toString();
    try {
      caller
          .account()
          .ifPresent(
              me ->
                  audit.recordRefusal(
                      new AuditRecord(
                          me.username(),
                          me.role().name(),
                          AuditAction.ACCESS_DENIED,
                          "Page",
                          AuditRecord.fit(page),
                          null,
                          null,
                          null,
                          "tried to " + request.getMethod() + " a page the role may not open")));
    } catch (RuntimeException e) {
      // The refusal stands whether or not the trail took it; the operators see why it did not.
      LOG.log(Level.WARNING, "refusal of " + page + " not recorded in the audit trail", e);
    }
  }
}
