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
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.websupport.PlainRead;

/**
 * On the way to an error page (ERROR dispatch): a refusal by the container's role check (403, from
 * web.xml's constraints or a refused Origin) is recorded in the audit trail as ACCESS_DENIED
 * (finding F3), and every "not found" page — a refusal, a missing page, a method not allowed — is
 * rendered the same way whatever the method: as a plain page read (no form data, no view state
 * restored), with status 404 (F10). A refusal then cannot be told from a page that does not exist.
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
      recordRefusal(request);
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    chain.doFilter(new PlainRead(request), response);
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
