package org.opentrials.portal.admin.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * The audit trail as CSV, with the audit page's filter: /audit/export.csv?actor=...&from=... Only
 * administrators (web.xml, and the service again); cells a spreadsheet would run as formulas are
 * defused by the service's CSV writer.
 */
@WebServlet(name = "AuditExport", urlPatterns = "/audit/export.csv")
public class AuditExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private transient AuditTrail audit;

  @Inject
  public AuditExportServlet(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, String> parameters = new HashMap<>();
    request.getParameterMap().forEach((k, v) -> parameters.put(k, v.length == 0 ? null : v[0]));
    Optional<AuditFilter> filter = AuditQuery.of(parameters).filter();
    if (filter.isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    response.setContentType("text/csv");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit-trail-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
    try {
      Writer out = response.getWriter();
      audit.exportCsv(filter.get(), out);
      out.flush();
    } catch (AccessDenied e) {
      response.reset();
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
