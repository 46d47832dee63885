package org.opentrials.portal.admin.sites;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.opentrials.portal.services.contact.SiteRequests;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * The contact requests of every site the caller acts for, as CSV: /sites/requests.csv. Which sites
 * is the service's decision (no parameter chooses them); cells a spreadsheet would run as formulas
 * are defused by the service's CSV writer. Written to memory first, so that a refusal or failure
 * never leaves half a file.
 */
@WebServlet(name = "RequestsExport", urlPatterns = "/sites/requests.csv")
public class RequestsExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private transient SiteRequests requests;

  @Inject
  public RequestsExportServlet(SiteRequests requests) {
    this.requests = requests;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    StringWriter csv = new StringWriter();
    try {
      requests.exportCsv(csv);
    } catch (AccessDenied e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/csv");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"contact-requests-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
    response.getWriter().write(csv.toString());
  }
}
